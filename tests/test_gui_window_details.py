"""The main window tells a clerk what happened: a record added during a search is shown and
selected (the search cleared, with a note), undo and redo say what they did, About names the versions."""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QMessageBox

import honours
from honours.app import create_window
from honours.core import Honouree
from honours.gui import edit_dialog, i18n


class AddsOne:
    """Stands in for the edit dialog: Save with the record the test chose (or an edit of the open one)."""

    record = Honouree(name="张三", unit="衡阳市中心医院")
    position = "名誉董事长"

    def __init__(self, _parent, _registry, honouree) -> None:
        self.honouree = honouree

    def exec(self) -> int:
        return QDialog.DialogCode.Accepted

    def result_honouree(self) -> Honouree:
        if self.honouree is None:
            return Honouree.from_dict(AddsOne.record.to_dict())
        edited = Honouree.from_dict(self.honouree.to_dict())
        edited.position = AddsOne.position
        return edited

    def new_photos(self) -> list:
        return []

    def rotations(self) -> dict:
        return {}


@pytest.fixture
def fake_dialog(monkeypatch):
    monkeypatch.setattr(edit_dialog, "EditDialog", AddsOne)
    AddsOne.record = Honouree(name="张三", unit="衡阳市中心医院")
    return AddsOne


@pytest.fixture
def chinese_catalogue(tmp_path, monkeypatch):
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    source = Path(i18n.__file__).parent / "i18n" / "honours_zh_CN.ts"
    subprocess.run(
        [str(lrelease), "-silent", str(source), "-qm", str(tmp_path / "honours_zh_CN.qm")], check=True
    )
    monkeypatch.setattr(i18n, "I18N_DIR", tmp_path)
    yield
    i18n.install_translations("en")


# -- a record added while a search or filter hides it ---------------------------------------------


def test_adding_during_a_filter_clears_it_and_selects_the_new_record(qtbot, window, fake_dialog):
    window.search_now("五一 level:municipal")
    assert window.model.rowCount() == 1 and window.filter_panel.active_terms() == ["level:municipal"]

    qtbot.keyClick(window.results_table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    added = window.registry.search("name:张三").ids()[0]
    assert window.search_box.text() == "" and window.filter_panel.active_terms() == []
    assert window.model.rowCount() == 15
    assert window.current_id() == added and window.selected_ids() == [added]
    assert window.detail_pane.honouree_id() == added
    assert "张三" in window.statusBar().currentMessage()
    assert "cleared" in window.statusBar().currentMessage()


def test_adding_a_record_the_search_holds_keeps_the_search(qtbot, window, fake_dialog):
    window.search_now("衡阳市中心医院")  # 张三 works there too
    shown = window.model.total()
    window.new_honouree()
    added = window.registry.search("name:张三").ids()[0]
    assert window.search_box.text() == "衡阳市中心医院"
    assert window.model.total() == shown + 1 and window.current_id() == added
    assert "cleared" not in window.statusBar().currentMessage()


def test_a_new_record_far_down_a_long_sorted_result_is_loaded_and_selected(qtbot, window, fake_dialog):
    window.registry.add_many([Honouree(name=f"测试{i:03d}", unit="某厂") for i in range(450)])
    window.search_now("")
    header = window.results_table.horizontalHeader()
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # by name: 张 (zhang) sorts after 测 (ce)
    fake_dialog.record = Honouree(name="張四", unit="某厂")
    window.new_honouree()
    added = window.registry.search("name:張四").ids()[0]
    assert window.model.row_of(added) > 400  # beyond the first two pages loaded
    assert window.current_id() == added


def test_the_chinese_note_says_the_filter_was_cleared_for_the_new_record(
    qtbot, db_path, tmp_path, chinese_catalogue, fake_dialog
):
    window = create_window(db_path, tmp_path / "s.ini", language="zh")
    qtbot.addWidget(window)
    window.search_now("级别:省级")
    window.new_honouree()
    assert window.statusBar().currentMessage() == "已清除筛选以显示新添加的“张三”。"


# -- undo and redo say what they did --------------------------------------------------


def test_undo_and_redo_say_what_they_undid_in_the_status_bar(qtbot, window, fake_dialog):
    xu = window.registry.search("name:许仲秋").ids()[0]
    window.select_id(xu)
    window.edit_current()
    assert window.registry.honouree(xu).position == "名誉董事长"

    qtbot.keyClick(window.results_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.registry.honouree(xu).position == "董事长"
    assert window.statusBar().currentMessage() == "Undone: Edit “许仲秋”"
    qtbot.keyClick(window.results_table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Redone: Edit “许仲秋”"


def test_an_undo_that_fails_says_why_and_claims_nothing(qtbot, window, fake_dialog, monkeypatch):
    errors = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: errors.append(text))
    xu = window.registry.search("name:许仲秋").ids()[0]
    window.select_id(xu)
    window.edit_current()
    record = window.registry.honouree(xu)
    record.notes = "另一台电脑保存的"
    window.registry.update(record)  # someone else saved it since
    window.status_message("")
    window.actions.undo.trigger()
    assert errors and window.statusBar().currentMessage() == ""
    assert window.registry.honouree(xu).notes == "另一台电脑保存的"


# -- Help ▸ About ---------------------------------------------------------------------------------


def test_about_names_the_version_qt_and_python(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or QMessageBox.StandardButton.Ok)
    window.findChild(type(window.actions.about), "aboutAction").trigger()
    [box] = shown
    assert box.objectName() == "aboutBox"
    text = box.text()
    assert f"Version {honours.__version__}" in text
    assert f"Qt {qVersion()}" in text and f"PySide6 {pyside_version}" in text
    assert f"Python {platform.python_version()}" in text
    assert str(window.registry.path) in text
