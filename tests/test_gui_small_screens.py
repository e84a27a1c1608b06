"""Small screens: restoring from the trash says so in the status bar, the empty trash has readable
columns, the year filter's boxes follow the filter, the detail pane names the report by its headline,
and the photo dialog starts in a folder that exists (then the last one used)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QSpinBox

from honours.app import create_window
from honours.gui import edit_dialog, i18n
from honours.gui.trash_dialog import TrashDialog, open_trash


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


# -- the trash ------------------------------------------------------------------------------------


def test_restoring_from_the_trash_says_so_in_chinese(
    qtbot, db_path, tmp_path, chinese_catalogue, monkeypatch
):
    window = create_window(db_path, tmp_path / "s.ini", language="zh")
    qtbot.addWidget(window)
    ids = window.registry.search("五一").ids()
    window.registry.delete_many(ids)
    dialog = open_trash(window)
    qtbot.addWidget(dialog)
    dialog.table.selectAll()
    assert sorted(dialog.restore_selected()) == sorted(ids)
    assert window.statusBar().currentMessage() == "已从回收站恢复 2 人。"
    window.registry.delete(ids[0])
    dialog.reload()
    dialog.table.selectAll()
    dialog.restore_selected()
    name = window.registry.honouree(ids[0]).name
    assert window.statusBar().currentMessage() == f"已从回收站恢复“{name}”。"


def test_the_empty_trash_has_readable_columns(qtbot, window):
    dialog = TrashDialog(window.registry, window)
    qtbot.addWidget(dialog)
    dialog.resize(640, 420)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.model.rowCount() == 0
    header = dialog.table.horizontalHeader()
    em = dialog.table.fontMetrics().horizontalAdvance("中")
    assert dialog.table.columnWidth(0) >= 6 * em and dialog.table.columnWidth(1) >= 12 * em
    assert header.stretchLastSection()
    assert header.length() == dialog.table.viewport().width()  # the deletion time takes the rest


# -- the filter panel's year boxes ---------------------------------------------------------------


def test_the_year_boxes_clear_when_the_year_filter_goes(qtbot, window):
    panel = window.filter_panel
    year_from = panel.findChild(QSpinBox, "yearFrom")
    year_to = panel.findChild(QSpinBox, "yearTo")
    year_from.setValue(2021)
    year_to.setValue(2021)
    qtbot.mouseClick(panel.findChild(type(panel._year_apply), "applyYears"), Qt.MouseButton.LeftButton)
    assert window.search_box.text() == "year:2021"
    window.search_box.remove_term("year:2021")
    window.search_now(window.search_box.text())
    assert year_from.value() == year_from.minimum() and year_to.value() == year_to.minimum()
    assert year_from.text() == "any"

    window.search_now("year:2020 level:provincial")
    year_from.setValue(2020)
    window.search_now("year:2020")  # another filter went, the year filter stays: so do its years
    assert year_from.value() == 2020


# -- the detail pane names the report --------------------------------------------------------------


def test_the_detail_pane_names_the_report_by_its_headline(qtbot, window):
    xu = window.registry.search("name:许仲秋").ids()[0]
    window.select_id(xu)
    text = window.detail_pane.toPlainText()
    assert "Report: “在疫情防控阻击战中 彰显工会力量”" in text
    assert "000_5bb5760426d0996f" not in text
    record = window.registry.honouree(xu)
    record.source.report = "衡阳日报0312.docx"  # a report the roll does not know: its name as stored
    window.registry.update(record)
    assert "Report: 衡阳日报0312.docx" in window.detail_pane.toPlainText()


# -- where the photo dialog starts ---------------------------------------------------------------


def test_the_photo_dialog_starts_in_an_existing_pictures_folder_and_then_the_last_one(
    qtbot, window, tmp_path, monkeypatch
):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    config = Path(os.environ["XDG_CONFIG_HOME"])  # the test's own (conftest)
    config.mkdir(parents=True, exist_ok=True)
    (config / "user-dirs.dirs").write_text('XDG_PICTURES_DIR="$HOME/图片"\n', encoding="utf-8")
    dialog = edit_dialog.EditDialog(window, window.registry, None)
    qtbot.addWidget(dialog)
    photos = dialog.photos
    started = []
    chosen: list[list[str]] = [[]]

    def fake_open(_parent, _title, start, _filter):
        started.append(start)
        return chosen[0], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake_open)
    photos.choose_files()
    assert started[-1] == str(home)  # ~/图片 does not exist: home, not a folder that is not there
    (home / "图片").mkdir()
    photos.choose_files()
    assert started[-1] == str(home / "图片")

    elsewhere = tmp_path / "U盘" / "照片"
    elsewhere.mkdir(parents=True)
    picture = elsewhere / "a.png"
    from PIL import Image

    Image.new("RGB", (40, 40), (200, 30, 30)).save(picture)
    chosen[0] = [str(picture)]
    with qtbot.waitSignal(photos.preparation_finished, timeout=15_000):
        photos.choose_files()
    chosen[0] = []
    photos.choose_files()
    assert started[-1] == str(elsewhere)
    assert window.settings.photo_folder == str(elsewhere)
    dialog.ask_about_unsaved_changes = lambda: QMessageBox.StandardButton.Discard
    QTimer.singleShot(0, dialog.reject)
