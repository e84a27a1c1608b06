"""`python -m honours` is the command line."""

from honours.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
