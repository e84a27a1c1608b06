"""Layering rules: the core has no Qt, and SQL lives only in the core."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import honours.core

ROOT = Path(__file__).resolve().parents[1] / "honours"
# SQL is written upper-case in this project; English UI text such as "Select a photo" is not SQL.
SQL = re.compile(r"\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE|PRAGMA\s)")


def core_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(honours.core.__path__, "honours.core.")]


def test_core_imports_no_qt():
    code = ("import sys\n"
            f"for name in {core_modules()!r}:\n"
            "    __import__(name)\n"
            "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
            "print(','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"the core imported Qt: {out.stdout}"


def test_sql_lives_only_in_the_core():
    offenders = []
    for path in ROOT.rglob("*.py"):
        if path.is_relative_to(ROOT / "core"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SQL.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not offenders, "SQL outside honours/core:\n" + "\n".join(offenders)


def test_front_ends_do_not_import_the_database_layer():
    front_ends = [p for p in ROOT.rglob("*.py") if not p.is_relative_to(ROOT / "core")]
    assert front_ends
    for path in front_ends:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from)\s+(sqlite3|sqlite_utils)\b", text, re.MULTILINE), path
