"""Saved searches in the filter panel: save the search and its ticked filters under a name,
run it with a click, rename and delete it; kept per registry file across windows."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QLineEdit, QListWidget, QToolButton

from honours.app import create_window
from honours.gui.saved_search_list import QUERY_ROLE
from honours.gui.saved_searches import SavedSearches
from honours.gui.settings import open_settings


def type_text(widget, text: str) -> None:
    """Chinese arrives as an input-method commit, as from a real pinyin IME."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def answer_name_dialog(qtbot, text: str, seen: list[str]) -> None:
    """When the name dialog opens, replace its text with `text` (typed as an IME would) and press OK."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, fill)
            return
        edit = dialog.findChild(QLineEdit)
        seen.append(edit.text())
        edit.selectAll()
        edit.del_()
        type_text(edit, text)
        dialog.accept()

    QTimer.singleShot(0, fill)


def saved_list(window) -> QListWidget:
    return window.filter_panel.findChild(QListWidget, "savedSearches")


def button(window, name: str) -> QToolButton:
    return window.filter_panel.findChild(QToolButton, name)


def rows(window) -> set[int]:
    return {window.model.id_at(r) for r in range(window.model.rowCount())}


def test_save_run_rename_and_delete_a_search_kept_for_this_registry(qtbot, window, db_path, tmp_path):
    registry = window.registry
    assert window.filter_panel.findChild(QToolButton, "saveSearch").isEnabled() is False  # nothing to save
    window.search_now("医院")
    window._on_filter_terms([], "status:active")  # ticked filters, as the panel adds them
    window._on_filter_terms([], "level:national")
    window._on_filter_terms(["level:national"], "level:national,provincial")
    query = window.search_box.text()
    assert query == "医院 status:active level:national,provincial"
    wanted = set(registry.search(query).all_ids())
    assert wanted and rows(window) == wanted

    seen: list[str] = []
    answer_name_dialog(qtbot, "医院的国家级省级荣誉", seen)
    qtbot.mouseClick(button(window, "saveSearch"), Qt.MouseButton.LeftButton)
    assert seen == ["医院 · National, Provincial · Active"]  # a readable name is offered
    listing = saved_list(window)
    assert [listing.item(i).text() for i in range(listing.count())] == ["医院的国家级省级荣誉"]
    assert listing.item(0).data(QUERY_ROLE) == query
    assert listing.item(0).font().bold()  # it is the search shown

    window.search_now("")
    qtbot.waitUntil(lambda: window.model.rowCount() == registry.count(), timeout=3000)
    assert not listing.item(0).font().bold()
    listing.scrollToItem(listing.item(0))
    qtbot.mouseClick(
        listing.viewport(), Qt.MouseButton.LeftButton, pos=listing.visualItemRect(listing.item(0)).center()
    )
    assert window.search_box.text() == query  # text and filters come back
    qtbot.waitUntil(lambda: rows(window) == wanted, timeout=3000)
    active = [t for t in window.filter_panel.active_terms()]
    assert active == ["status:active", "level:national,provincial"]

    listing.setCurrentRow(0)
    answer_name_dialog(qtbot, "医院荣誉", seen)
    qtbot.mouseClick(button(window, "renameSearch"), Qt.MouseButton.LeftButton)
    assert [listing.item(i).text() for i in range(listing.count())] == ["医院荣誉"]

    # kept in the settings for this registry file: a new window on it lists it ...
    window.close()
    again = create_window(db_path, tmp_path / "settings.ini")
    qtbot.addWidget(again)
    listing = saved_list(again)
    assert [listing.item(i).text() for i in range(listing.count())] == ["医院荣誉"]
    assert listing.item(0).data(QUERY_ROLE) == query
    # ... and another registry file has its own (none)
    other_path = tmp_path / "other.sqlite"
    shutil.copy(db_path, other_path)
    other = create_window(other_path, tmp_path / "settings.ini")
    qtbot.addWidget(other)
    assert saved_list(other).count() == 0
    assert other.filter_panel.findChild(QLabel, "savedSearchesHint").isVisibleTo(other.filter_panel)
    other.close()

    listing.setCurrentRow(0)
    qtbot.mouseClick(button(again, "deleteSearch"), Qt.MouseButton.LeftButton)
    assert listing.count() == 0
    assert SavedSearches(open_settings(tmp_path / "settings.ini"), db_path).all() == []
    again.close()


def test_enter_runs_the_chosen_saved_search_and_a_name_cannot_be_taken_twice(qtbot, window, tmp_path):
    store = SavedSearches(window.settings, window.registry.path)
    store.save("省级劳模", "level:provincial category:model worker")
    store.save("五一", "五一")
    window.filter_panel.saved.set_store(store)
    listing = saved_list(window)
    listing.setFocus()
    listing.setCurrentRow(1)
    qtbot.keyClick(listing, Qt.Key.Key_Return)
    assert window.search_box.text() == "五一"
    listing.setCurrentRow(0)
    qtbot.keyClick(listing, Qt.Key.Key_Enter)
    assert window.search_box.text() == "level:provincial category:model worker"
    qtbot.waitUntil(
        lambda: rows(window) == set(window.registry.search(window.search_box.text()).all_ids()), timeout=3000
    )
    with pytest.raises(KeyError):  # a rename onto another saved search's name is refused
        store.rename("五一", "省级劳模")
    assert store.names() == ["省级劳模", "五一"]
    store.save("五一", "五一 year:2020")  # saving under the same name replaces it, in its place
    assert store.all() == [("省级劳模", "level:provincial category:model worker"), ("五一", "五一 year:2020")]
