"""The oldest Python pyproject.toml allows (3.10) can compile and import the package.

The development venv runs a newer Python, where a name new in the standard library
(`typing.Self`, `enum.StrEnum`, `datetime.UTC`) or newer syntax works and 3.10 fails at
import. A Python 3.10 without the project's dependencies suffices: every file is
compiled, every name imported from the standard library is looked up, and every module is
imported, where only a missing third-party package (PySide6, pypinyin…) may stop it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

_CHECK = r"""
import ast, importlib, pathlib, sys, traceback
root = pathlib.Path(sys.argv[1])
stdlib = sys.stdlib_module_names
problems = []
for path in sorted((root / "honours").rglob("*.py")):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and not node.level and node.module.split(".")[0] in stdlib:
            try:
                module = importlib.import_module(node.module)
            except ImportError as exc:
                problems.append(f"{path}: {node.module}: {exc}")
                continue
            for alias in node.names:
                if not hasattr(module, alias.name):
                    try:
                        importlib.import_module(f"{node.module}.{alias.name}")
                    except ImportError:
                        problems.append(f"{path}:{node.lineno}: {node.module} has no {alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in stdlib:
                    try:
                        importlib.import_module(alias.name)
                    except ImportError as exc:
                        problems.append(f"{path}:{node.lineno}: {exc}")
sys.path.insert(0, str(root))
modules = 0
for path in sorted((root / "honours").rglob("*.py")):
    parts = list(path.relative_to(root).with_suffix("").parts)
    name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
    if name.endswith("__main__"):
        continue
    try:
        importlib.import_module(name)
        modules += 1
    except ModuleNotFoundError as exc:
        top = (exc.name or "").split(".")[0]
        if top in stdlib or top == "honours":
            problems.append(f"{name}: {exc}")
    except Exception:
        problems.append(f"{name}: {traceback.format_exc(limit=-2)}")
print(modules)
print("\n".join(problems))
"""


def _python_310() -> str | None:
    found = shutil.which("python3.10")
    candidates = sorted(
        Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"), "versions").glob("3.10*/bin/python")
    )
    for candidate in [*map(str, candidates), found]:
        if (
            candidate
            and subprocess.run(
                [candidate, "-c", "import sys; assert sys.version_info[:2] == (3, 10)"],
                check=False,
                capture_output=True,
            ).returncode
            == 0
        ):
            return candidate
    return None


@pytest.fixture(scope="module")
def python_310() -> str:
    python = _python_310()
    if python is None:
        pytest.skip("no Python 3.10 found (python3.10 on PATH or ~/.pyenv/versions/3.10.*)")
    return python


def test_every_file_compiles_on_python_310(python_310, tmp_path):
    done = subprocess.run(
        [python_310, "-m", "compileall", "-q", str(ROOT / "honours")],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPYCACHEPREFIX": str(tmp_path)},
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_python_310_has_every_standard_name_used_and_imports_the_modules(python_310, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    done = subprocess.run(
        [python_310, "-c", _CHECK, str(ROOT)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env={**env, "PYTHONPYCACHEPREFIX": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    count, _, problems = done.stdout.partition("\n")
    assert not problems.strip(), "Python 3.10 cannot use:\n" + problems
    assert int(count) >= 10  # the modules needing only the standard library were really imported
