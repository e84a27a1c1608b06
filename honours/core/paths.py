"""Where the app's read-only data lies: the source tree, or the folder of a packaged app.

The fonts and the default roll live in `assets/` beside the `honours` package, not in it.
From source (or an editable install) that is the repository root; in the one-folder app
built by packaging/honours.spec it is PyInstaller's `sys._MEIPASS` (the `_internal/`
folder), where the spec puts `assets/` too. Asking `sys._MEIPASS` says so plainly instead of
counting parents of `__file__`, which only happens to match the bundle's layout.
Data inside the package (the .qm and .mo catalogues) is found beside its module either way.
"""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding `assets/`: the bundle's data folder when frozen, else the source tree."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def assets_dir() -> Path:
    """`assets/`: the bundled fonts and the default roll."""
    return app_root() / "assets"
