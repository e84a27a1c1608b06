"""Possible duplicates in the import preview and the 档案合并 dialog, driven as a clerk drives them."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from fake_window import FakeWindow
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialog

from honours.core import Honour, Honouree
from honours.core.import_plan import ADD, ERROR, MERGE, SKIP, UPDATE
from honours.gui import merge_dialog
from honours.gui.import_dialog import SHOW_ERRORS, ImportDialog, PreviewModel
from honours.gui.merge_dialog import MergeDialog

NEXT_YEARS = date.today().year + 3


def county_sheet(path: Path) -> Path:
    """GBK csv as Chinese Excel saves it, with unit and post in separate columns."""
    rows = [
        ["姓名", "性别", "工作单位", "职务", "荣誉称号", "年份", "捐款金额"],
        ["刘建国", "女", "衡阳市中心医院", "院长", "全国劳动模范", "2020", "1万元"],
        ["何志刚", "男", "衡阳市总工会", "干部", "湖南省五一劳动奖章", str(NEXT_YEARS), ""],
        ["邓小燕", "未知", "常宁市人民医院", "护士", "衡阳市劳动模范", "20x1", "-5万"],
    ]
    with path.open("w", encoding="gbk", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture
def existing(registry):
    return registry.add(
        Honouree(
            name="刘建国",
            gender="男",
            unit="衡阳市中心医院院长",
            honours=[Honour("湖南省劳动模范", "provincial", 2015)],
        )
    )


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def texts(dialog: ImportDialog, column: int) -> list[str]:
    model = dialog.preview_model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_preview_shows_a_duplicate_beside_the_record_it_resembles(qtbot, registry, existing, tmp_path):
    dialog = ImportDialog(registry, county_sheet(tmp_path / "名单.csv"))
    qtbot.addWidget(dialog)
    model = dialog.preview_model
    assert texts(dialog, PreviewModel.ACTION) == [f"Merge → #{existing.id}", "Add", "Error"]
    assert (
        "possible duplicate of #1 刘建国 (衡阳市中心医院院长)" in model.index(0, PreviewModel.DETAILS).data()
    )
    assert texts(dialog, PreviewModel.HONOURS)[0] == "全国劳动模范 (national, 2020, 中共中央、国务院)"
    assert "Possible duplicates: 1 (merge 1, add 0, skip 0)" in dialog.counts_label.text()

    assert dialog.select_sheet_row(2)
    detail = dialog.detail
    assert detail.duplicate_box.isVisibleTo(dialog)
    assert "Probably the same person as #1 刘建国 (衡阳市中心医院院长)" in detail.resembles.text()
    assert (
        detail.choice_buttons[MERGE].isChecked() and detail.choice_buttons[MERGE].text() == "&Merge into #1"
    )
    comparison = detail.comparison
    headers = [comparison.headerData(c, Qt.Orientation.Horizontal) for c in range(comparison.columnCount())]
    assert headers == ["Field", "This row", "#1 in the roll", "After import"]
    assert (
        comparison.text("unit", 0) == "衡阳市中心医院" and comparison.text("unit", 1) == "衡阳市中心医院院长"
    )
    assert (
        comparison.text("honours", 2)
        == "湖南省劳动模范 (provincial, 2015)\n全国劳动模范 (national, 2020, 中共中央、国务院)"
    )
    assert comparison.text("donations", 0) == "1万元"
    # gender differs: the record's 男 is kept unless this row's 女 is ticked
    row = comparison.fields().index("gender")
    cell = comparison.index(row, 1)
    assert cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert comparison.text("gender", 2) == "男"
    assert comparison.setData(cell, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert detail.comparison.text("gender", 2) == "女"

    click(qtbot, detail.choice_buttons[SKIP])
    assert dialog.plan.rows[0].action == SKIP and texts(dialog, PreviewModel.ACTION)[0] == "Skip ▾"
    assert "To update: 0" in dialog.counts_label.text()
    assert not detail.duplicate_box.isHidden() and "#1 in the roll" in [
        detail.comparison.headerData(c, Qt.Orientation.Horizontal)
        for c in range(detail.comparison.columnCount())
    ]

    # the Action cell is a drop-down, as in a spreadsheet
    index = model.index(0, PreviewModel.ACTION)
    dialog.preview.edit(index)
    combo = dialog.preview.findChild(QComboBox, "choiceCombo")
    assert combo is not None and [combo.itemData(i) for i in range(combo.count())] == [MERGE, ADD, SKIP]
    combo.setCurrentIndex(combo.findData(ADD))
    combo.activated.emit(combo.currentIndex())
    assert dialog.plan.rows[0].action == ADD and "To add: 2" in dialog.counts_label.text()
    assert detail.choice_buttons[ADD].isChecked()

    click(qtbot, dialog.bulk_buttons[MERGE])
    assert dialog.plan.rows[0].action == MERGE
    dialog.skip_errors.setChecked(True)
    click(qtbot, dialog.import_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    merged = registry.honouree(existing.id)
    assert [h.title for h in merged.honours] == ["湖南省劳动模范", "全国劳动模范"]
    assert merged.gender == "女"  # ticked above, and the choice survived switching
    assert registry.count() == 2
    assert "Possible duplicates: 1 merged, 0 added as new, 0 skipped." in dialog.summary()


def test_preview_lists_every_error_and_questions_future_years(qtbot, registry, existing, tmp_path):
    dialog = ImportDialog(registry, county_sheet(tmp_path / "名单.csv"))
    qtbot.addWidget(dialog)
    dialog.select_sheet_row(4)
    messages = dialog.detail.messages.text()
    for part in ("gender “未知”", "year “20x1”", "negative amounts are not allowed: “-5万”"):
        assert part in messages
    assert dialog.detail.comparison.text("捐款金额", 0) == "-5万"  # the cells as the sheet has them
    dialog.select_sheet_row(3)
    assert f"the year {NEXT_YEARS} of “湖南省五一劳动奖章” is in the future" in dialog.detail.messages.text()
    background = dialog.preview_model.index(1, PreviewModel.DETAILS).data(Qt.ItemDataRole.BackgroundRole)
    assert (
        background.color().name()
        != dialog.preview_model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole).color().name()
    )
    dialog.show_combo.setCurrentIndex(dialog.show_combo.findData(SHOW_ERRORS))
    assert dialog.preview_model.rowCount() == 1 and dialog.current_row().action == ERROR


def test_an_update_says_what_it_replaces_and_can_keep_the_record_value(qtbot, registry, tmp_path):
    record = registry.add(Honouree(name="刘建国", gender="男", unit="衡阳市中心医院"))
    dialog = ImportDialog(registry, county_sheet(tmp_path / "名单.csv"))
    qtbot.addWidget(dialog)
    dialog.select_sheet_row(2)
    assert dialog.current_row().action == UPDATE
    comparison = dialog.detail.comparison
    gender = comparison.index(comparison.fields().index("gender"), 1)
    assert (
        gender.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    )  # an update writes the sheet's
    comparison.setData(gender, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.skip_errors.setChecked(True)
    dialog.run_import()
    assert registry.honouree(record.id).gender == "男" and registry.honouree(record.id).position == "院长"


def two_records(registry):
    a = registry.add(
        Honouree(
            name="吴芳",
            gender="女",
            unit="祁东县中医院副院长",
            honours=[Honour("湖南省劳动模范", "provincial", 2015)],
        )
    )
    b = registry.add(
        Honouree(
            name="吴芳",
            gender="男",
            unit="祁东县中医院",
            position="副院长",
            birth_date="1975-04-12",
            honours=[Honour("全国劳动模范", "national", 2020)],
        )
    )
    return a, b


def test_the_merge_dialog_merges_a_pair_and_ctrl_z_undoes_it(qtbot, registry):
    a, b = two_records(registry)
    stack = QUndoStack()
    dialog = MergeDialog(registry, stack)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pairs_model.rowCount() == 1 and "1 pair(s)" in dialog.summary.text()
    assert "unit and position are the same written together" in dialog.why.text()
    assert dialog.keep_a.isChecked()  # the first holds as much, and is older
    comparison = dialog.comparison
    headers = [comparison.headerData(c, Qt.Orientation.Horizontal) for c in range(comparison.columnCount())]
    assert headers == ["Field", f"#{a.id} (kept)", f"#{b.id} (to the trash)", "After merging"]
    assert comparison.text("birth_date", 2) == "1975-04-12" and comparison.text("gender", 2) == "女"
    click(qtbot, dialog.keep_b)
    assert comparison.headerData(1, Qt.Orientation.Horizontal) == f"#{b.id} (kept)"
    assert comparison.text("gender", 2) == "男"
    click(qtbot, dialog.keep_a)
    gender = comparison.index(comparison.fields().index("gender"), 2)
    comparison.setData(gender, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert comparison.text("gender", 2) == "男"

    click(qtbot, dialog.merge_button)
    kept = registry.honouree(a.id)
    assert [h.title for h in kept.honours] == ["湖南省劳动模范", "全国劳动模范"]
    assert (kept.gender, kept.birth_date, kept.unit, kept.position) == (
        "男",
        "1975-04-12",
        "祁东县中医院",
        "副院长",
    )
    assert not registry.exists(b.id) and dialog.pairs_model.rowCount() == 0
    assert f"Merged #{b.id} into #{a.id}" in dialog.status.text() and stack.count() == 1

    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    QTest.keyClick(dialog.pairs_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert registry.exists(b.id) and len(registry.honouree(a.id).honours) == 1
    assert registry.honouree(a.id).gender == "女" and dialog.pairs_model.rowCount() == 1
    click(qtbot, dialog.merge_button)  # merge again, then undo with the button
    assert not registry.exists(b.id)
    click(qtbot, dialog.undo_button)
    assert registry.exists(b.id)
    stack.redo()
    assert not registry.exists(b.id) and dialog.pairs_model.rowCount() == 0


def test_a_pair_changed_elsewhere_is_not_merged(qtbot, registry):
    _, b = two_records(registry)
    dialog = MergeDialog(registry, QUndoStack())
    qtbot.addWidget(dialog)
    registry.edit(b.id, {"notes": "saved in another window"})
    errors = []
    dialog._error = errors.append
    assert not dialog.merge_selected()
    assert registry.exists(b.id) and errors and "changed by someone else" in errors[0].message("en")


def test_tools_menu_opens_the_merge_dialog(qtbot, registry, monkeypatch):
    window = FakeWindow(registry)
    window.undo_stack = QUndoStack(window)
    qtbot.addWidget(window)
    merge_dialog.install(window)
    [action] = window.menu("tools").actions()
    assert action.objectName() == "mergeDuplicatesAction" and action.text()
    opened = []
    monkeypatch.setattr(MergeDialog, "exec", lambda self: opened.append(self) or QDialog.DialogCode.Rejected)
    action.trigger()
    assert len(opened) == 1 and opened[0].undo_stack is window.undo_stack


def test_the_detail_pane_says_how_a_name_was_tidied(qtbot, registry, tmp_path):
    path = tmp_path / "名单.csv"
    with path.open("w", encoding="gbk", newline="") as handle:
        csv.writer(handle).writerows(
            [["姓名", "工作单位"], ["马红秋(女)", "衡阳县人民医院"], ["贺 彪", "衡阳钢管集团"]]
        )
    dialog = ImportDialog(registry, path)
    qtbot.addWidget(dialog)
    assert texts(dialog, PreviewModel.NAME) == ["马红秋", "贺彪"]
    assert dialog.select_sheet_row(2)
    shown = dialog.detail.messages.text()
    assert "Added as a new record." in shown and "马红秋(女)" in shown and "✎" in shown
    assert dialog.select_sheet_row(3)
    assert "贺 彪" in dialog.detail.messages.text()
