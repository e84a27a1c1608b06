"""Honours (劳模荣誉库): a desktop registry of the people a trade-union federation honours."""

__version__ = "0.1.0"
