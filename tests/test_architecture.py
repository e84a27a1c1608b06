"""Layering rules: the core has no Qt, and SQL lives only in the core."""

from __future__ import annotations

import ast
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


# Python's own file I/O: reading or writing a path with any of these opens a descriptor of
# its own, and closing it drops every POSIX lock this process holds on that file. Only
# honours/core/files.py may use them, because it refuses a registry open in this process.
FILE_IO_CALLS = {"open", "io.open", "os.open", "os.fdopen", "codecs.open", "shutil.copy", "shutil.copy2",
                 "shutil.copyfile", "shutil.copyfileobj", "shutil.move", "zipfile.ZipFile", "zipfile.is_zipfile",
                 "tarfile.open", "load_workbook", "openpyxl.load_workbook", "docx.Document", "Document",
                 "QFile", "QSaveFile", "QPdfWriter", "QImage", "QPixmap", "QImageReader", "Image.open"}
# honours.printing.document.Document(painter, device) is the project's own page sequence, not python-docx.
OWN_DOCUMENT = "Document"
FILE_IO_METHODS = {"read_bytes", "read_text", "write_bytes", "write_text"}
# `.open(...)` is fine on these receivers (a zip member, an image in memory, a registry, a buffer, a dialog).
OPEN_RECEIVERS = {"Registry", "archive", "self.archive", "Image", "buffer", "cls", "box",
                  "zipfile.Path"}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return "?"


def _in_memory(call: ast.Call) -> bool:
    """A call on bytes in memory (io.BytesIO(...)), a size (QPixmap(w, h)) or nothing at all."""
    if not call.args:
        return True
    first = call.args[0]
    return ((isinstance(first, ast.Call) and _dotted(first.func) in {"io.BytesIO", "BytesIO", "QBuffer"})
            or (isinstance(first, ast.Name) and first.id in {"out", "source", "stream", "buffer", "data_io"})
            or len(call.args) >= 2 and _dotted(call.func) in {"QPixmap", "QImage"}
            or isinstance(first, ast.Constant) and not isinstance(first.value, str))


def test_python_file_io_only_through_core_files():
    """Never open a registry (or its -wal/-shm) with Python file I/O while SQLite holds it:
    every read or write of a path goes through honours/core/files.py, which refuses one."""
    offenders = []
    for path in ROOT.rglob("*.py"):
        if path == ROOT / "core" / "files.py":
            continue
        text = path.read_text(encoding="utf-8")
        # a line may say why it is safe: "# files-ok: <reason>"
        allowed = {n for n, line in enumerate(text.splitlines(), 1) if "# files-ok:" in line}
        tree = ast.parse(text)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _dotted(node.func)
            where = f"{path.relative_to(ROOT)}:{node.lineno}: {name}"
            if node.lineno in allowed:
                continue
            if name == OWN_DOCUMENT and len(node.args) == 2:
                continue
            method = node.func.attr if isinstance(node.func, ast.Attribute) else ""
            receiver = _dotted(node.func.value) if method else ""
            direct = name in FILE_IO_CALLS and not _in_memory(node)
            path_method = method in FILE_IO_METHODS and receiver != "files"
            path_open = method == "open" and receiver not in OPEN_RECEIVERS
            if direct or path_method or path_open:
                offenders.append(where)
    assert not offenders, "Python file I/O outside honours/core/files.py:\n" + "\n".join(sorted(offenders))


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def test_the_vocabularies_are_declared_only_in_vocabulary_py():
    """Levels, statuses and categories are written once (honours/core/vocabulary.py); every other
    module derives its words from there. Caught here: a dict keyed by the stored values of one
    vocabulary (a table of its labels, aliases or search words), a literal list naming two of
    its values by label (国家级, "Provincial"), and a message that writes out its choices
    (应为国家级、省级、市级…). A single word (a title containing 劳动模范, 退休 in a position)
    is text, not a list."""
    from honours.core.vocabulary import CATEGORIES, LEVELS, STATUSES

    vocabularies = (LEVELS, STATUSES, CATEGORIES)
    labels = {v.name: {w: t.key for t in v for w in (t.zh, t.en)} for v in vocabularies}
    sources = [p for p in [*ROOT.rglob("*.py"), *(ROOT.parent / "benchmarks").rglob("*.py")]
               if p != ROOT / "core" / "vocabulary.py"]
    assert len(sources) > 50
    offenders = []
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        where = f"{path.relative_to(ROOT.parent)}"
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
                for v in vocabularies:
                    if len(keys & set(v.keys)) >= 2:
                        offenders.append(f"{where}:{node.lineno}: a table keyed by {v.name} values")
            if isinstance(node, (ast.Dict, ast.List, ast.Tuple, ast.Set)):
                elements = [*node.keys, *node.values] if isinstance(node, ast.Dict) else node.elts
                texts = [e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)]
                for v in vocabularies:
                    named = {labels[v.name][t] for t in texts if t in labels[v.name]}
                    if len(named) >= 2:
                        offenders.append(f"{where}:{node.lineno}: a list of {v.name} labels {sorted(named)}")
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                for v in vocabularies:
                    named = [t.zh for t in v if len(t.zh) > 1 and t.zh in node.value]
                    if len(named) >= 3:
                        offenders.append(f"{where}:{node.lineno}: {v.name} choices written out {named}")
    assert not offenders, "vocabulary words declared outside core/vocabulary.py:\n" + "\n".join(offenders)
