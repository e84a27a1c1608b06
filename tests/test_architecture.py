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
SQL = re.compile(
    r"\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE|PRAGMA\s)"
)


def core_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(honours.core.__path__, "honours.core.")]


def test_core_imports_no_qt():
    code = (
        "import sys\n"
        f"for name in {core_modules()!r}:\n"
        "    __import__(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
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


def test_the_query_parser_writes_no_sql():
    """query.py turns text into a structure any backend can run; SQLite's SQL for it is
    written in sqlite/filters.py and search.py."""
    path = ROOT / "core" / "query.py"
    text = path.read_text(encoding="utf-8")
    sql = [
        line for line in text.splitlines() if SQL.search(line) or re.search(r"\b(WHERE|IN \(|EXISTS)\b", line)
    ]
    assert not sql, sql
    imported = {node.module for node in ast.walk(ast.parse(text)) if isinstance(node, ast.ImportFrom)}
    assert not {
        m for m in imported if m and m.split(".")[0] in {"sqlite", "search", "database", "registry"}
    }, imported


# The registry's SQLite side: the front ends reach storage only through the verbs of
# honours.core.storage.Storage, so that a second backend can serve them unchanged.
# (`args.db` is the command line's file name; a registry's `.db` is sqlite-utils' Database.)
CONNECTION_ATTRIBUTES = {"conn", "_conn"}


def test_front_ends_use_storage_verbs_not_a_connection():
    offenders = []
    for path in ROOT.rglob("*.py"):
        if path.is_relative_to(ROOT / "core"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and (
                node.attr in CONNECTION_ATTRIBUTES
                or (node.attr == "db" and _dotted(node.value).rsplit(".", 1)[-1].endswith("registry"))
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: .{node.attr}")
            elif isinstance(node, ast.Name) and node.id in {"sqlite3", "sqlite_utils"}:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.id}")
    assert not offenders, "front ends touching the SQLite connection:\n" + "\n".join(offenders)


# Python's own file I/O: reading or writing a path with any of these opens a descriptor of
# its own, and closing it drops every POSIX lock this process holds on that file. Only
# honours/core/files.py may use them, because it refuses a registry open in this process.
FILE_IO_CALLS = {
    "open",
    "io.open",
    "os.open",
    "os.fdopen",
    "codecs.open",
    "shutil.copy",
    "shutil.copy2",
    "shutil.copyfile",
    "shutil.copyfileobj",
    "shutil.move",
    "zipfile.ZipFile",
    "zipfile.is_zipfile",
    "tarfile.open",
    "load_workbook",
    "openpyxl.load_workbook",
    "docx.Document",
    "Document",
    "QFile",
    "QSaveFile",
    "QPdfWriter",
    "QImage",
    "QPixmap",
    "QImageReader",
    "Image.open",
}
# honours.printing.document.Document(painter, device) is the project's own page sequence, not python-docx.
OWN_DOCUMENT = "Document"
FILE_IO_METHODS = {"read_bytes", "read_text", "write_bytes", "write_text"}
# `.open(...)` is fine on these receivers (a zip member, an image in memory, a registry, a buffer, a dialog).
OPEN_RECEIVERS = {
    "Registry",
    "ServerRegistry",
    "archive",
    "self.archive",
    "Image",
    "buffer",
    "cls",
    "box",
    "zipfile.Path",
}


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
    return (
        (isinstance(first, ast.Call) and _dotted(first.func) in {"io.BytesIO", "BytesIO", "QBuffer"})
        or (isinstance(first, ast.Name) and first.id in {"out", "source", "stream", "buffer", "data_io"})
        or len(call.args) >= 2
        and _dotted(call.func) in {"QPixmap", "QImage"}
        or isinstance(first, ast.Constant)
        and not isinstance(first.value, str)
    )


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
    sources = [
        p
        for p in [*ROOT.rglob("*.py"), *(ROOT.parent / "benchmarks").rglob("*.py")]
        if p != ROOT / "core" / "vocabulary.py"
    ]
    assert len(sources) > 50
    offenders = []
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        where = f"{path.relative_to(ROOT.parent)}"
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                keys = {
                    k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)
                }
                for v in vocabularies:
                    if len(keys & set(v.keys)) >= 2:
                        offenders.append(f"{where}:{node.lineno}: a table keyed by {v.name} values")
            if isinstance(node, (ast.Dict, ast.List, ast.Tuple, ast.Set)):
                elements = [*node.keys, *node.values] if isinstance(node, ast.Dict) else node.elts
                texts = [
                    e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)
                ]
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


# -- tests of behaviour and tests of SQLite --------------------------------------------------

TESTS = Path(__file__).resolve().parent


def _marked_sqlite_only(node: ast.AST) -> bool:
    return any("sqlite_only" in ast.unparse(d) for d in getattr(node, "decorator_list", []))


def _reaches_the_connection(node: ast.AST, helpers: set[str]) -> bool:
    """Uses `.conn`, or calls or takes (as a fixture) a helper of the module that does."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Attribute) and inner.attr in CONNECTION_ATTRIBUTES:
            return True
        if isinstance(inner, ast.Name) and inner.id in helpers:
            return True
    if isinstance(node, ast.FunctionDef):
        return any(arg.arg in helpers for arg in node.args.args)
    return False


def sqlite_tests_unmarked(tree: ast.Module) -> list[str]:
    """The tests of a module that reach the SQLite connection without being marked sqlite_only
    (none when the whole module is: `pytestmark`)."""
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(getattr(t, "id", "") == "pytestmark" for t in node.targets)
            and "sqlite_only" in ast.unparse(node.value)
        ):
            return []
    defs = [n for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)]
    helpers: set[str] = set()
    while True:  # helpers and fixtures that reach the connection, however indirectly
        more = {
            n.name
            for n in defs
            if not n.name.startswith("test_")
            and n.name not in helpers
            and _reaches_the_connection(n, helpers)
        }
        if not more:
            break
        helpers |= more
    return [
        n.name
        for n in defs
        if n.name.startswith("test_") and not _marked_sqlite_only(n) and _reaches_the_connection(n, helpers)
    ]


def test_tests_of_sqlite_internals_are_marked_sqlite_only():
    """A test that reads the SQLite connection tests the SQLite backend, not the storage verbs:
    it is marked, so that a second backend skips it (tests/conftest.py, `storage`)."""
    offenders = []
    for path in sorted(TESTS.glob("test_*.py")):
        for name in sqlite_tests_unmarked(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"{path.name}: {name}")
    assert not offenders, "mark these @pytest.mark.sqlite_only (or use the storage verbs):\n" + "\n".join(
        offenders
    )


def test_the_sqlite_only_rule_sees_helpers_and_fixtures():
    tree = ast.parse(
        "import pytest\n"
        "def rows(registry):\n    return registry.conn.execute('x')\n"
        "@pytest.fixture\ndef raw(roll):\n    return rows(roll)\n"
        "def test_direct(registry):\n    registry.conn.execute('x')\n"
        "def test_through_a_fixture(raw):\n    assert raw\n"
        "@pytest.mark.sqlite_only\ndef test_marked(registry):\n    registry.conn.execute('x')\n"
        "def test_verbs(registry):\n    assert registry.count() == 0\n"
    )
    assert sqlite_tests_unmarked(tree) == ["test_direct", "test_through_a_fixture"]
    tree.body.insert(1, ast.parse("pytestmark = pytest.mark.sqlite_only").body[0])
    assert sqlite_tests_unmarked(tree) == []


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(tree: ast.Module) -> set[int]:
    """The ids of import nodes under `if TYPE_CHECKING:`: never run, so no cycle at run time."""
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _dotted(node.test) in {"TYPE_CHECKING", "typing.TYPE_CHECKING"}:
            skipped |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return skipped


def import_graph() -> dict[str, set[str]]:
    """Which `honours` modules each module imports, from every import statement in it: at
    module level and inside functions alike (a function-level import is a cycle put off,
    not removed). Imports under `if TYPE_CHECKING:` are left out: they never run. An edge
    goes to the module named (`from .core import Registry` is an edge to honours.core, the
    package's __init__; `from . import files` to honours.core.files), not to the packages
    Python also initialises on the way."""
    paths = {_module_name(p): p for p in ROOT.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _type_checking_only(tree)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges = graph.setdefault(name, set())
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = package.split(".")
                base = base[: len(base) - node.level + 1] if node.level else []
                module = ".".join([*base, *(node.module.split(".") if node.module else [])])
                targets = [
                    f"{module}.{a.name}" if f"{module}.{a.name}" in paths else module for a in node.names
                ]
            else:
                continue
            edges |= {t for t in targets if t in paths and t != name}
    return graph


def _knots(graph: dict[str, set[str]]) -> list[set[str]]:
    """The groups of modules that import one another, directly or not (Tarjan's components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    components: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                top = stack.pop()
                component.add(top)
                if top == node:
                    break
            if len(component) > 1:
                components.append(component)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The shortest cycle through the first module (by name) of each knot."""
    cycles = []
    for component in _knots(graph):
        start = min(component)
        paths = {start: [start]}
        queue = [start]
        while queue:  # the shortest way from start back to itself, inside the component
            here = queue.pop(0)
            for nxt in sorted(graph[here] & component):
                if nxt == start:
                    cycles.append([*paths[here], start])
                    queue = []
                    break
                if nxt not in paths:
                    paths[nxt] = [*paths[here], nxt]
                    queue.append(nxt)
    return cycles


def test_the_import_graph_finds_function_level_imports():
    graph = import_graph()
    assert "honours.core.registry" in graph["honours.core"]
    assert "honours.core.files" in graph["honours.core.sqlite.database"]
    assert "honours.core.sqlite.backup" in graph["honours.core.registry"]  # inside Registry.backup_before
    assert "honours.core.registry" not in graph["honours.core.sqlite.backup"]  # under TYPE_CHECKING only
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def test_no_import_cycles():
    """No module imports (directly or through others) a module that imports it back,
    counting imports inside functions too."""
    graph = import_graph()
    cycles, knots = _cycles(graph), _knots(graph)
    assert not cycles, "import cycles:\n" + "\n".join(
        f"{' -> '.join(cycle)}   (modules caught in it: {', '.join(sorted(knot))})"
        for cycle, knot in zip(cycles, knots, strict=False)
    )
