"""Entry points of the desktop app (filled in by the GUI): `main()` and `create_window()`."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Until the window lands, list the roll so `make run` shows something useful."""
    from honours.cli import main as cli_main

    args = list(sys.argv[1:] if argv is None else argv)
    return cli_main([*args, "list"])
