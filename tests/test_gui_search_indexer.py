"""The window writes the search rows a very large import queued, in the background.

The thresholds are lowered so that a few records are "very large" (QUEUE_INDEX_FROM) and
each record is its own step (QUEUE_STEP); the worker is held at a gate where a test must
look at the window while indexing is still under way.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication

from honours.app import create_window
from honours.core import Registry, import_verbs
from honours.core.records import Honouree
from honours.core.registry import ImportItem
from honours.core.sqlite import indexing
from honours.gui import i18n, search_indexer
from honours.gui.import_dialog import ImportDialog
from honours.gui.search_indexer import IndexProgress

NAMES = ["柏舟甲", "柏舟乙", "柏舟丙", "柏舟丁", "柏舟戊"]
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


@pytest.fixture(autouse=True)
def small_queue(monkeypatch):
    """Imports of 2 or more records queue their search rows; each step writes one record."""
    monkeypatch.setattr(import_verbs, "QUEUE_INDEX_FROM", 2)
    monkeypatch.setattr(indexing, "QUEUE_STEP", 1)


@pytest.fixture
def gate(monkeypatch):
    """Holds the worker before its first step until the test calls `gate.set()` (or the
    window asks it to stop)."""
    event = threading.Event()
    real = import_verbs.index_queued

    def held(conn, progress=None, should_stop=None):
        deadline = time.monotonic() + 10
        while not event.wait(0.01) and not (should_stop and should_stop()) and time.monotonic() < deadline:
            pass
        return real(conn, progress, should_stop)

    monkeypatch.setattr(import_verbs, "index_queued", held)
    yield event
    event.set()


def sheet(path: Path, names: list[str]) -> Path:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["序号", "姓名", "性别", "工作单位", "荣誉称号"])
    for number, name in enumerate(names, 1):
        ws.append([number, name, "男", "柏舟厂", "衡阳市劳动模范"])
    workbook.save(path)
    return path


def queue_records(path: Path, names: list[str]) -> None:
    """Leave `names` stored but queued for their search rows, as an interrupted run would."""
    with Registry.open(path) as registry:
        outcome = registry.apply_import(
            [ImportItem(Honouree(name=name, unit="柏舟厂")) for name in names], []
        )
        assert outcome.queued and registry.queued_for_index() == len(names)


def queued(path: Path) -> int:
    with Registry.open(path, create=False) as registry:
        return registry.queued_for_index()


def test_an_import_that_queues_is_indexed_in_the_background(qtbot, window, tmp_path, gate):
    progress = window.findChild(IndexProgress, "searchIndexProgress")
    assert progress is not None and progress.isHidden()
    window.search_now("柏舟")
    assert window.model.total() == 0

    dialog = ImportDialog(window.registry, sheet(tmp_path / "big.xlsx", NAMES[:3]), window)
    qtbot.addWidget(dialog)
    dialog.run_import()
    assert dialog.imported is not None and dialog.imported.queued
    assert window.registry.queued_for_index() == 3
    assert window.registry.search("柏舟").count() == 0  # the core: not searchable yet

    qtbot.waitUntil(progress.isVisible, timeout=3000)
    assert window.search_indexer.is_running()
    assert "0 of 3 newly imported people" in progress.label.text()
    window.search_now("柏舟")
    assert window.model.total() == 0  # the open search: not found before indexing
    assert "3 newly imported people are not searched yet" in window.notice.text()
    gate.set()

    qtbot.waitUntil(lambda: progress.isHidden() and not window.search_indexer.is_running(), timeout=10000)
    assert window.registry.queued_for_index() == 0
    # The "indexed" change ran the open search again: the new people appear without a keystroke.
    qtbot.waitUntil(lambda: window.model.total() == 3, timeout=3000)
    assert window.statusBar().currentMessage() == "Search index updated."
    window.search_now("柏舟乙")
    assert window.model.total() == 1
    assert "not searched yet" not in window.notice.text()


def test_the_indexed_refresh_keeps_the_selection(qtbot, window, tmp_path, gate):
    queue_records(window.registry.path, NAMES[:2])  # another program queued records
    window.search_now("")
    first = window.model.id_at(0)
    window.select_id(window.model.id_at(1))
    chosen = window.current_id()
    assert chosen is not None and chosen != first
    window.index_queued_search_rows()
    gate.set()
    qtbot.waitUntil(lambda: not window.search_indexer.is_running(), timeout=10000)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Search index updated.", timeout=3000)
    QCoreApplication.processEvents()
    assert window.current_id() == chosen


def test_a_registry_opened_with_a_queue_indexes_it_on_its_own(qtbot, db_path, tmp_path):
    queue_records(db_path, NAMES)
    with Registry.open(db_path) as registry:
        assert registry.search("柏舟").count() == 0
    window = create_window(db_path, tmp_path / "settings.ini")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.search_indexer.is_running() or queued(db_path) == 0, timeout=3000)
    qtbot.waitUntil(lambda: queued(db_path) == 0 and window.index_progress.isHidden(), timeout=10000)
    window.search_now("柏舟")
    assert window.model.total() == len(NAMES)
    window.close()


def test_closing_mid_way_leaves_the_rest_queued(qtbot, db_path, tmp_path, monkeypatch, qtlog):
    queue_records(db_path, NAMES)
    real = import_verbs.index_queued

    def one_step_then_wait_for_close(conn, progress=None, should_stop=None):
        steps: list[int] = []

        def note(done: int, total: int) -> None:
            steps.append(done)
            progress(done, total)

        def stop() -> bool:
            deadline = time.monotonic() + 10
            while steps and not should_stop() and time.monotonic() < deadline:
                time.sleep(0.01)  # after the first step, until the window asks to stop
            return should_stop()

        return real(conn, note, stop)

    monkeypatch.setattr(import_verbs, "index_queued", one_step_then_wait_for_close)
    window = create_window(db_path, tmp_path / "settings.ini")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "1 of 5" in window.index_progress.label.text(), timeout=5000)
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 5
    assert not window.search_indexer.is_running()
    assert queued(db_path) == 4
    assert not [r for r in qtlog.records if "QThread" in r.message]


def test_opening_another_file_stops_the_indexer(qtbot, window, tmp_path, gate):
    path = window.registry.path
    queue_records(path, NAMES[:2])
    window.index_queued_search_rows()
    assert window.search_indexer.is_running()
    other = window.open_registry(tmp_path / "other.sqlite")
    assert other is not None
    qtbot.addWidget(other)
    assert not window.search_indexer.is_running()
    gate.set()
    assert queued(path) == 2  # stopped before its first step; indexed the next time
    other.close()


def test_a_failure_hides_the_progress_and_keeps_the_queue(qtbot, window, monkeypatch):
    def locked(conn, progress=None, should_stop=None):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(import_verbs, "index_queued", locked)
    monkeypatch.setattr(search_indexer, "BUSY_RETRIES", 2)
    monkeypatch.setattr(search_indexer, "BUSY_RETRY_MS", 10)
    queue_records(window.registry.path, NAMES[:2])
    window.index_queued_search_rows()
    qtbot.waitUntil(lambda: "could not be finished" in window.statusBar().currentMessage(), timeout=5000)
    assert not window.search_indexer.is_running() and window.index_progress.isHidden()
    assert "is busy" in window.statusBar().currentMessage()
    assert window.registry.queued_for_index() == 2


def test_a_file_busy_with_another_write_is_tried_again_quietly(qtbot, window, monkeypatch):
    real, tries = import_verbs.index_queued, []

    def busy_once(conn, progress=None, should_stop=None):
        tries.append(1)
        if len(tries) == 1:  # an import in this window holds the file for a while
            raise sqlite3.OperationalError("database is locked")
        return real(conn, progress, should_stop)

    monkeypatch.setattr(import_verbs, "index_queued", busy_once)
    monkeypatch.setattr(search_indexer, "BUSY_RETRY_MS", 10)
    queue_records(window.registry.path, NAMES[:2])
    window.index_queued_search_rows()
    qtbot.waitUntil(lambda: window.registry.queued_for_index() == 0, timeout=5000)
    qtbot.waitUntil(lambda: window.index_progress.isHidden(), timeout=5000)
    assert len(tries) == 2 and "could not be finished" not in window.statusBar().currentMessage()


def test_a_read_only_registry_is_left_queued(qtbot, db_path, tmp_path):
    queue_records(db_path, NAMES[:2])
    window = create_window(db_path, tmp_path / "settings.ini", readonly=True)
    qtbot.addWidget(window)
    qtbot.wait(50)
    assert not window.search_indexer.is_running() and window.index_progress.isHidden()
    window.search_now("柏舟")
    assert "2 newly imported people are not searched: this file is open read-only" in window.notice.text()
    window.search_now("")
    assert "read-only" not in window.notice.text()  # listing without text finds them all
    window.close()
    assert queued(db_path) == 2


def test_an_in_memory_registry_is_indexed_at_once(qtbot, tmp_path):
    from honours.gui.main_window import MainWindow
    from honours.gui.settings import open_settings
    from honours.gui.store import Store

    registry = Registry.memory()
    registry.apply_import([ImportItem(Honouree(name=name)) for name in NAMES[:2]], [])
    assert registry.queued_for_index() == 2
    window = MainWindow(Store(registry), open_settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: registry.queued_for_index() == 0, timeout=3000)
    assert not window.search_indexer.is_running()
    window.search_now("柏舟")
    assert window.model.total() == 2
    window.close()


def test_the_progress_note_and_messages_are_in_chinese(qapp, tmp_path, monkeypatch):
    source = i18n.I18N_DIR / "honours_zh_CN.ts"
    subprocess.run(
        [str(LRELEASE), "-silent", str(source), "-qm", str(tmp_path / "honours_zh_CN.qm")], check=True
    )
    monkeypatch.setattr(i18n, "I18N_DIR", tmp_path)
    try:
        i18n.install_translations("zh")
        note = IndexProgress()
        note.show_progress(1200, 30000)
        assert (
            note.label.text() == "正在建立搜索索引：新导入的 30,000 人已完成 1,200 人，完成后才能搜索到他们"
        )
        note.show_progress(30000, 30000)  # every row written, the segments being merged
        assert note.label.text() == "正在整理搜索索引：新导入的人员已可搜索"
        assert (
            QCoreApplication.translate(
                "MainWindow",
                "%1 newly imported people are not searched yet: their search index is being built.",
            )
            == "新导入的 %1 人暂时搜索不到：正在为他们建立搜索索引。"
        )
        assert QCoreApplication.translate("MainWindow", "Search index updated.") == "搜索索引已更新。"
        assert QCoreApplication.translate("SearchIndexer", "The disk is full.") == "磁盘已满。"
        note.deleteLater()
    finally:
        i18n.install_translations("en")


def test_a_full_disk_is_named(qtbot, window, monkeypatch):
    def full(conn, progress=None, should_stop=None):
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorname = "SQLITE_FULL"
        raise error

    monkeypatch.setattr(import_verbs, "index_queued", full)
    queue_records(window.registry.path, NAMES[:2])
    window.index_queued_search_rows()
    qtbot.waitUntil(lambda: not window.search_indexer.is_running(), timeout=5000)
    assert window.index_progress.isHidden()
    assert "could not be finished: The disk is full." in window.statusBar().currentMessage()
    assert window.registry.queued_for_index() == 2
