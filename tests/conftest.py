"""Shared fixtures: every test gets real SQLite files in a temporary folder, never the user's registry."""

from __future__ import annotations

import itertools
import os
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HONOURS_LANG", "en")

import pytest

from honours.core import Registry
from honours.core.seed import seed


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """Keep tests away from the real user-data folder and settings."""
    monkeypatch.setenv("HONOURS_DB", str(tmp_path / "default.sqlite"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HONOURS_SETTINGS", str(tmp_path / "settings.ini"))  # GUI settings (QSettings INI)


@pytest.fixture(autouse=True)
def _no_leftover_windows():
    """Delete top-level widgets a test left behind, so they cannot react to later tests.

    (An edit dialog left open would otherwise re-translate itself when a later test
    switches language, reading a registry that test already closed.) Widgets are hidden
    and deleted, not closed, so no "unsaved changes" prompt can block the run.
    """
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in app.topLevelWidgets():
        widget.hide()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def registry(tmp_path):
    reg = Registry.open(tmp_path / "test.sqlite")
    yield reg
    reg.close()


# The storage backends the behaviour tests run against, through the verbs of
# honours.core.storage.Storage: the SQLite file, and the shared registry on a throwaway
# PostgreSQL server (tests/pg_server.py) when PostgreSQL is installed. Every test taking
# `storage` (or a module's `registry` defined from it) runs against both. Tests of SQLite
# itself (FTS tables, PRAGMAs, the schema, migrations, the file) are marked `sqlite_only`
# and skipped for any other backend; `sqlite_only` with a reason says why a behaviour
# test cannot run on the server yet.
def _backends() -> list[str]:
    from pg_server import server_binaries

    return ["sqlite", "postgresql"] if server_binaries() is not None else ["sqlite"]


BACKENDS = _backends()
_office_logins = itertools.count(1)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "sqlite_only: tests SQLite internals (tables, PRAGMAs, FTS, the file), not the storage verbs",
    )


def open_storage(backend: str, folder: Path, server=None):
    """An empty registry of one backend: a file in `folder`, or the test run's shared registry
    on `server` (a pg_server.ThrowawayServer), emptied, opened as an office that edits every
    region (an office login, so row-level security applies)."""
    if backend == "sqlite":
        return Registry.open(folder / "storage.sqlite")
    if backend == "postgresql":
        import psycopg

        from honours.core.postgres.registry import ServerRegistry

        url, login = _server_registry(server)
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"TRUNCATE {', '.join(_SERVER_TABLES)} RESTART IDENTITY CASCADE")
        return ServerRegistry.open(as_login(url, login))
    raise ValueError(f"unknown storage backend {backend!r}")


# Every table of the shared registry that holds records (not the offices, not meta).
_SERVER_TABLES = (
    "honouree",
    "honour",
    "deed",
    "donation",
    "care",
    "photo",
    "photo_data",
    "history",
    "honouree_search",
)
_server_registries: dict[int, tuple[str, str]] = {}


def _server_registry(server) -> tuple[str, str]:
    """(URL, office login) of one shared registry on `server`, set up once by `honours server
    init` with a city office of every region: making and setting up a database per test costs
    0.6 s, emptying one 0.05 s."""
    if id(server) not in _server_registries:
        from honours.core.postgres.server import init_server

        url = server.new_database(prefix="storage")
        login = f"office_{os.getpid()}_{next(_office_logins)}"
        init_server(url, city_office="衡阳市总工会", city_login=login)
        _server_registries[id(server)] = (url, login)
    return _server_registries[id(server)]


def as_login(url: str, login: str) -> str:
    """The same server and database as `url`, logged in as `login`."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{login}@{parts.hostname}:{parts.port}"))


@pytest.fixture(params=BACKENDS, ids=BACKENDS)
def storage(request, tmp_path):
    """An empty registry of each backend, used only through the Storage verbs."""
    server = None
    if request.param != "sqlite":
        marker = request.node.get_closest_marker("sqlite_only")
        if marker:
            pytest.skip(marker.kwargs.get("reason") or f"tests SQLite internals, not {request.param}")
        server = request.getfixturevalue("pg_server")
    reg = open_storage(request.param, tmp_path, server)
    yield reg
    reg.close()


@pytest.fixture(scope="session")
def _seeded_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("seed") / "roll.sqlite"
    reg = Registry.open(path)
    seed(reg)
    reg.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    reg.close()
    return path


@pytest.fixture
def db_path(tmp_path, _seeded_template) -> Path:
    """A registry file holding the embedded default roll (copied from a session template)."""
    path = tmp_path / "roll.sqlite"
    shutil.copy(_seeded_template, path)
    return path


@pytest.fixture
def roll(db_path):
    """A registry holding the embedded default roll."""
    reg = Registry.open(db_path)
    yield reg
    reg.close()


@pytest.fixture
def window(qtbot, db_path, tmp_path):
    """The real main window, shown offscreen, on a copy of the default roll."""
    from honours.app import create_window

    win = create_window(db_path, tmp_path / "settings.ini")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def pytest_addoption(parser):
    parser.addoption(
        "--soak-saves",
        type=int,
        default=200,
        help="saves per process in tests/test_sharing.py's soak (default 200; e.g. 5000 for a long run)",
    )


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server for this run (tests/pg_server.py), started on first use."""
    from pg_server import ThrowawayServer, server_binaries

    binaries = server_binaries()
    if binaries is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql; `make test` does it as root)")
    server = ThrowawayServer(binaries).start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a new, empty UTF-8 database on the throwaway server."""
    return pg_server.new_database()


@pytest.fixture
def rules_alone():
    """Report intake reads with its rules alone, as without the optional tagger (installed or not)."""
    from honours.core.intake import recogniser

    recogniser.disable_for_tests(True)
    yield
    recogniser.disable_for_tests(False)


@pytest.fixture
def learned_model_file(monkeypatch, tmp_path):
    """Point one of intake's learned steps (second_look, report_honours) at a model file of the
    test's own: ``learned_model_file(module, text)``."""
    used = []

    def use(module, text: str) -> None:
        path = tmp_path / f"{module.__name__.rsplit('.', 1)[-1]}_model.json"
        path.write_text(text, encoding="utf-8")
        monkeypatch.setattr(module, "MODEL_FILE", path)
        module.model.cache_clear()
        used.append(module)

    yield use
    for module in used:
        module.model.cache_clear()


@pytest.fixture
def intake_trainer():
    """tools/train_intake_model.py as a module (a script, not a package), for the training tests."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "tools" / "train_intake_model.py"
    spec = importlib.util.spec_from_file_location("train_intake_model", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
