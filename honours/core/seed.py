"""The embedded default roll: the honourees of the Hengyang report, curated by hand.

A first start with no database creates one seeded with this roll, so a new user sees
real records at once; `honours init --empty` makes a blank registry instead.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from . import files
from .paths import assets_dir
from .records import Honouree

ASSETS = assets_dir()
DEFAULT_ROLL = ASSETS / "default_roll.json"


def load_default_roll(path: Path = DEFAULT_ROLL) -> list[Honouree]:
    data = json.loads(files.read_text(path))
    return [Honouree.from_dict(item) for item in data["honourees"]]


def seed(registry) -> int:
    """Add the default roll to an empty registry; returns how many were added."""
    if registry.count():
        return 0
    return len(registry.add_many(load_default_roll()))


@cache
def _report_titles() -> dict[str, str]:
    """File name → headline of the reports the default roll cites (its `report` entry)."""
    data = json.loads(files.read_text(DEFAULT_ROLL))
    reports = data.get("report") or {}
    reports = reports if isinstance(reports, list) else [reports]
    return {r["file"]: r["title"] for r in reports if r.get("file") and r.get("title")}


def report_title(report: str) -> str | None:
    """The headline of a cited report (a record's `source.report`, a file name such as
    000_5bb5760426d0996f.txt), when the roll declares one; None for any other report."""
    return _report_titles().get((report or "").strip())
