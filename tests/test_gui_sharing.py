"""The window and other programs on one file: it follows their saves, warns about network
shares, and its worker threads end however it goes away (issue 12)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from honours.core import Registry
from honours.core.records import Honouree
from honours.gui import network_warning
from honours.gui.network_warning import NetworkShareWarning
from honours.gui.roll_model import COLUMN_INDEX

ROOT = Path(__file__).resolve().parents[1]


def test_a_save_by_another_program_shows_in_the_table_and_the_count(qtbot, window):
    rows = window.model.rowCount()
    other = Registry.open(window.registry.path)  # another window or program: its own connection
    try:
        other.add(Honouree(name="别处添加的人", unit="另一台电脑"))
    finally:
        other.close()
    qtbot.waitUntil(lambda: window.model.rowCount() == rows + 1, timeout=5000)
    assert window.store.total() == rows + 1
    names = [window.model.data(window.model.index(r, COLUMN_INDEX["name"])) for r in range(rows + 1)]
    assert "别处添加的人" in names


def test_its_own_saves_do_not_count_as_someone_elses(window):
    window.store.check_elsewhere()
    window.registry.add(Honouree(name="自己添加"))
    assert window.store.check_elsewhere() is False


def test_a_registry_on_a_network_share_is_flagged_in_the_status_bar(qtbot, db_path, tmp_path, monkeypatch):
    from honours.app import create_window

    monkeypatch.setattr(network_warning, "network_share", lambda path: "SMB")
    win = create_window(db_path, tmp_path / "settings.ini", language="zh")
    qtbot.addWidget(win)
    warning = win.findChild(NetworkShareWarning, "networkShareWarning")
    assert warning is not None and "网络共享" in warning.text()
    box = warning.show_explanation()
    assert "SMB" in box.text() and "共享荣誉库服务器" in box.text()
    box.close()
    win.close()


def test_a_local_registry_has_no_network_warning(window):
    assert window.findChild(NetworkShareWarning, "networkShareWarning") is None


EXIT_SCRIPTS = {
    "returns without closing": """
        window = create_window(db, settings)
        window.show()
        pump()
    """,
    "deletes the window": """
        window = create_window(db, settings)
        window.show()
        pump()
        window.deleteLater()
        pump()
        del window
        gc.collect()
        pump()
    """,
    "quits the application": """
        window = create_window(db, settings)
        window.show()
        pump()
        QTimer.singleShot(50, app.quit)
        app.exec()
    """,
}


@pytest.mark.parametrize("how", list(EXIT_SCRIPTS))
def test_worker_threads_stop_however_the_window_goes_away(db_path, tmp_path, how):
    script = (
        textwrap.dedent("""
        import gc, sys, time
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from honours.app import create_window
        db, settings = sys.argv[1], sys.argv[2]
        def pump():
            end = time.monotonic() + 0.5
            while time.monotonic() < end:
                QApplication.processEvents()
        window = create_window(db, settings)
        app = QApplication.instance()
        window.search_box.setText("劳模")  # the filter panel's counter thread starts counting
        pump()
    """)
        + textwrap.dedent(EXIT_SCRIPTS[how])
        + "\nprint('done')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(db_path), str(tmp_path / "s.ini")],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert "Destroyed while thread" not in done.stderr, done.stderr
    assert done.returncode == 0 and "done" in done.stdout, (done.returncode, done.stderr)
