"""File ▸ Connect to Shared Registry… on a real server: the address remembered without a password,
the password from PGPASSWORD or typed into a prompt (kept in memory only, never in the settings),
a wrong address said plainly with the dialog offered again, and how many connections an open
window holds (one for its work, one listening)."""

from __future__ import annotations

import itertools
import os
from urllib.parse import urlsplit

import psycopg
import pytest
import shiboken6
from conftest import as_login
from pg_server import PASSWORD_GROUP
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLabel, QLineEdit, QMenu

from honours.core.postgres import connection
from honours.core.postgres.registry import ServerRegistry
from honours.core.postgres.server import add_office, init_server
from honours.core.records import Honouree

_logins = itertools.count(1)
SECRET = "s3cret-耒阳"


@pytest.fixture
def shared(pg_url):
    """(URL of an office login that must give its password, admin URL), a person on the roll."""
    n = f"{os.getpid()}_{next(_logins)}"
    init_server(pg_url, city_office=f"衡阳市总工会{n}", city_login=f"gui_city_{n}")
    login = f"gui_ly_{n}"
    add_office(pg_url, f"耒阳市总工会{n}", ["耒阳市"], login=login, password=SECRET)
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f'GRANT {PASSWORD_GROUP} TO "{login}"')
    with ServerRegistry.open(as_login(pg_url, f"gui_city_{n}")) as city:
        city.add(Honouree(name="谷井文", region="耒阳市"))
    yield as_login(pg_url, login), pg_url
    connection.use_password(as_login(pg_url, login), None)


@pytest.fixture
def file_window(qtbot, tmp_path, monkeypatch):
    from honours.app import create_window

    monkeypatch.delenv("PGPASSWORD", raising=False)
    window = create_window(tmp_path / "local.sqlite", tmp_path / "settings.ini")
    window.show()
    yield window
    if shiboken6.isValid(window):  # a connection replaced it (and deleted it) already
        window.close()


def _answer_dialogs(answers: list) -> list[str]:
    """Fill each modal dialog as it appears with the next answer: (objectName, text); names seen."""
    seen: list[str] = []

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, step)
            return
        seen.append(dialog.objectName())
        edit = dialog.findChild(QLineEdit, "serverUrlEdit")
        if edit is not None:
            seen[-1] += "=" + edit.text()  # the address it offers
        name, text = answers.pop(0)
        if name == "connectDialog":
            assert edit is not None
            edit.setText(text)
            dialog.findChild(QDialogButtonBox, "connectButtons").button(
                QDialogButtonBox.StandardButton.Ok
            ).click()
        elif name == "passwordPrompt":
            assert isinstance(dialog, QInputDialog) and dialog.objectName() == name
            assert dialog.textEchoMode() == QLineEdit.EchoMode.Password
            dialog.setTextValue(text)
            dialog.accept()
        elif name == "cancel":
            dialog.reject()
        else:  # a message box: read, then closed
            seen[-1] += "=" + dialog.property("text")
            dialog.accept()
        if answers:
            QTimer.singleShot(20, step)

    QTimer.singleShot(0, step)
    return seen


def _connections(admin_url: str, login: str) -> int:
    with psycopg.connect(admin_url, autocommit=True) as admin:
        row = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s", (login,)).fetchone()
        return row[0]


def test_connecting_asks_the_password_once_keeps_it_out_of_the_settings_and_holds_two_connections(
    qtbot, file_window, shared, tmp_path
):
    office_url, admin_url = shared
    login = urlsplit(office_url).username
    action = file_window.findChild(type(file_window.actions.open_registry), "connectSharedRegistryAction")
    assert action is not None and action in file_window.menu("file").actions()
    seen = _answer_dialogs([("connectDialog", office_url), ("passwordPrompt", SECRET)])
    window = file_window.connect_shared_registry()
    assert seen == ["connectDialog=", "passwordPrompt"]
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    assert window.registry.office.startswith("耒阳市总工会")
    assert connection.shown_url(office_url) in window.windowTitle()
    label = window.findChild(QLabel, "lastBackupLabel")  # not "no file, no backups": the server is backed up
    assert label is not None and ("administrator" in label.text() or "管理员" in label.text())
    # one connection for the window's work and one listening for other offices' saves
    qtbot.waitUntil(lambda: _connections(admin_url, login) == 2, timeout=5000)
    window.settings.sync()
    stored = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert SECRET not in stored and "s3cret" not in stored
    assert window.settings.shared_registry == connection.shown_url(office_url)
    assert window.settings.last_database == connection.shown_url(office_url)
    assert window.settings.recent_files[0] == connection.shown_url(office_url)  # in File ▸ Recent, as typed
    # the next time, the dialog offers the address connected to
    seen = _answer_dialogs([("cancel", "")])
    assert window.connect_shared_registry() is None
    assert seen == ["connectDialog=" + connection.shown_url(office_url)]
    window.close()
    qtbot.waitUntil(lambda: _connections(admin_url, login) == 0, timeout=5000)


def test_the_remembered_shared_registry_is_offered_again(qtbot, file_window, shared):
    office_url, _ = shared
    file_window.settings.shared_registry = connection.shown_url(office_url)
    seen = _answer_dialogs([("cancel", "")])
    assert file_window.connect_shared_registry() is None
    assert seen == ["connectDialog=" + connection.shown_url(office_url)]


def test_a_password_from_pgpassword_is_used_without_asking(qtbot, file_window, shared, monkeypatch):
    office_url, _ = shared
    monkeypatch.setenv("PGPASSWORD", SECRET)
    seen = _answer_dialogs([("connectDialog", office_url)])
    window = file_window.connect_shared_registry()
    assert seen == ["connectDialog="] and window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    window.close()


def test_a_wrong_address_is_said_plainly_and_the_dialog_comes_back_with_it(qtbot, file_window, shared):
    office_url, _ = shared
    nowhere = office_url.replace(f":{urlsplit(office_url).port}/", ":1/")
    seen = _answer_dialogs(
        [("connectDialog", "honours.sqlite"), ("connectDialog", nowhere), ("message", ""), ("cancel", "")]
    )
    assert file_window.connect_shared_registry() is None
    # not an address: the dialog stays (saying so) with what was typed
    assert seen[:2] == ["connectDialog=", "connectDialog=honours.sqlite"]
    assert "Cannot reach the shared registry" in seen[2]  # the message box
    assert seen[3] == "connectDialog=" + nowhere  # offered again with the address, then cancelled
    assert file_window.registry.path is not None  # still on its file


def test_a_shared_registry_in_the_recent_registries_is_listed_by_its_address(qtbot, file_window, shared):
    from honours.gui.window_actions import _fill_recent

    office_url, _ = shared
    address = connection.shown_url(office_url)
    file_window.settings.recent_files = [address, str(file_window.registry.path.resolve())]
    menu = file_window.findChild(QMenu, "recentMenu")
    _fill_recent(file_window, menu)
    entries = [(a.text(), a.data()) for a in menu.actions()]
    assert entries == [(f"&1  {address}", address)]  # the open file itself is left out
