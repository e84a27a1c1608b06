"""Start the Honours desktop app: `python main.py [--db PATH]`."""

from honours.app import main

if __name__ == "__main__":
    raise SystemExit(main())
