"""The Honours desktop app (PySide6)."""
