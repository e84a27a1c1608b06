"""The import dialog and export actions, driven as a user drives them (offscreen, pytest-qt)."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from fake_window import FakeWindow
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from honours.gui import export_actions, import_dialog
from honours.gui.export_actions import EVERYONE, RESULT, SELECTION, ExportChoice, ExportDialog, run_export
from honours.gui.import_dialog import ImportDialog


def sheet(path: Path, rows: list[list]) -> Path:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["2021年度表彰名单"])
    ws.merge_cells("A1:E1")
    for row in rows:
        ws.append(row)
    workbook.save(path)
    return path


ROWS = [
    ["序号", "姓名", "性别", "工作单位", "荣誉称号"],
    [1, "甲一", "男", "甲厂", "衡阳市劳动模范"],
    [2, "乙二", "女士", "乙厂", ""],
    [3, "丙三", "女", "丙厂", "湖南省劳动模范"],
]


def test_features_add_their_actions_to_the_file_menu(qtbot, registry):
    window = FakeWindow(registry)
    qtbot.addWidget(window)
    import_dialog.install(window)
    export_actions.install(window)
    names = [a.objectName() for a in window.menu("file").actions()]
    assert names == ["importSpreadsheetAction", "exportAction", "importTemplateAction"]
    assert all(a.text() for a in window.menu("file").actions())


def test_preview_lists_every_row_and_errors_block_until_skipped(qtbot, roll, tmp_path):
    dialog = ImportDialog(roll, sheet(tmp_path / "s.xlsx", ROWS))
    qtbot.addWidget(dialog)
    model = dialog.preview_model
    assert model.rowCount() == 3
    rows = [(model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 2).data()) for r in range(3)]
    assert rows == [(3, "Add", "甲一"), (4, "Error", "乙二"), (5, "Add", "丙三")]
    assert "gender" in model.index(1, model.DETAILS).data()
    add_colour = model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color().name()
    error_colour = model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole).color().name()
    assert add_colour != error_colour
    assert "To add: 2" in dialog.counts_label.text() and "Rows with errors: 1" in dialog.counts_label.text()
    assert dialog.info_label.text() == "Header in row 2; data rows: 3."
    assert not dialog.import_button.isEnabled()
    dialog.skip_errors.setChecked(True)
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ImportDialog.DialogCode.Accepted
    assert roll.count() == 16
    assert "2 added" in dialog.summary() and "1 row(s) with errors were skipped" in dialog.summary()


def test_large_counts_carry_thousands_separators(qtbot, registry, tmp_path):
    path = tmp_path / "large.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["姓名", "工作单位"])
        writer.writerows([f"测试{i:04d}", "衡阳市总工会"] for i in range(1234))
    dialog = ImportDialog(registry, path)
    qtbot.addWidget(dialog)
    assert dialog.info_label.text().startswith("Header in row 1; data rows: 1,234.")
    assert "To add: 1,234" in dialog.counts_label.text()


def test_changing_a_column_mapping_replans(qtbot, registry, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("人员,单位\n甲,厂\n乙,厂\n", encoding="gbk")
    dialog = ImportDialog(registry, path)
    qtbot.addWidget(dialog)
    assert "姓名" in dialog.notices_label.text() and dialog.preview_model.rowCount() == 0
    assert not dialog.import_button.isEnabled()
    combo = dialog.findChild(type(dialog.sheet_combo), "mappingCombo0")
    combo.setCurrentIndex(combo.findData("name"))
    assert dialog.preview_model.rowCount() == 2
    assert dialog.import_button.isEnabled()
    dialog.run_import()
    assert registry.count() == 2


def test_unreadable_file_is_explained_and_nothing_can_be_imported(qtbot, registry, tmp_path):
    path = tmp_path / "binary.csv"
    path.write_bytes(bytes(range(256)) * 20)
    dialog = ImportDialog(registry, path)
    qtbot.addWidget(dialog)
    assert "not a text spreadsheet" in dialog.notices_label.text()
    assert not dialog.import_button.isEnabled()


def test_cancel_during_a_large_import_rolls_everything_back(qtbot, registry, tmp_path, monkeypatch):
    rows = [["姓名", "单位"], *[[f"人{i}", "厂"] for i in range(800)]]
    dialog = ImportDialog(registry, sheet(tmp_path / "big.xlsx", rows))
    qtbot.addWidget(dialog)
    assert dialog.preview_model.rowCount() == 800
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    dialog.run_import()
    assert registry.count() == 0
    assert "nothing was imported" in dialog.notices_label.text().lower()
    assert dialog.result() != ImportDialog.DialogCode.Accepted


def test_import_of_an_honours_export(qtbot, roll, registry, tmp_path):
    from honours.core.export import export

    export(roll, roll.all_ids(), tmp_path / "roll.zip")
    dialog = ImportDialog(registry, tmp_path / "roll.zip")
    qtbot.addWidget(dialog)
    assert not dialog.mapping_box.isVisibleTo(dialog)
    assert dialog.preview_model.rowCount() == 14
    dialog.run_import()
    assert registry.count() == 14


def test_export_dialog_offers_only_scopes_with_people(qtbot):
    dialog = ExportDialog({RESULT: 3, SELECTION: 0, EVERYONE: 14})
    qtbot.addWidget(dialog)
    assert not dialog.findChild(type(dialog.scope_buttons.buttons()[0]), "scope_selection").isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(".csv"))
    assert dialog.choice() == ExportChoice(RESULT, ".csv")


@pytest.mark.parametrize("scope, expected", [(RESULT, 2), (SELECTION, 1), (EVERYONE, 14)])
def test_export_action_writes_the_chosen_honourees(qtbot, roll, tmp_path, scope, expected):
    window = FakeWindow(roll, selected=roll.all_ids()[:1], query="五一")
    qtbot.addWidget(window)
    path = tmp_path / "out.csv"
    outcome = run_export(window, ExportChoice(scope, ".csv"), path)
    assert outcome is not None and outcome.count == expected
    with path.open(encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f))) == expected + 1
    assert str(path) in window.messages[-1]


def test_cancelled_export_leaves_no_file(qtbot, roll, tmp_path, monkeypatch):
    window = FakeWindow(roll)
    qtbot.addWidget(window)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    folder = tmp_path / "exports"
    folder.mkdir()
    assert run_export(window, ExportChoice(EVERYONE, ".zip"), folder / "out.zip") is None
    assert list(folder.iterdir()) == []
    assert "cancelled" in window.messages[-1].lower()
