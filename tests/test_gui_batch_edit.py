"""Edit ▸ Batch Edit…: set category, region or status on the selected rows; one transaction, one undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QMessageBox

from honours.core import Registry
from honours.gui.batch_edit import BatchEditDialog
from honours.gui.roll_model import COLUMN_INDEX


def select_rows(window, names: list[str]) -> list[int]:
    ids = [window.registry.search(f"name:{name}").ids()[0] for name in names]
    selection = window.results_table.selectionModel()
    selection.clearSelection()
    for honouree_id in ids:
        index = window.model.index(window.model.row_of(honouree_id), COLUMN_INDEX["name"])
        selection.select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    assert sorted(window.selected_ids()) == sorted(ids)
    return ids


@pytest.fixture
def answer(monkeypatch):
    """Stands in for the modal loop: what the user picks in the dialog, then Apply."""
    seen: list[BatchEditDialog] = []
    choices: dict[str, str] = {}

    def exec_(dialog: BatchEditDialog) -> int:
        seen.append(dialog)
        for happen in while_open:
            happen()
        for key, text in choices.items():
            combo = dialog.combos[key]
            if combo.isEditable():
                combo.setEditText(text)
            else:
                combo.setCurrentIndex(combo.findText(text))
        if not dialog.apply_button.isEnabled():
            return QDialog.DialogCode.Rejected
        dialog.apply_button.click()
        return dialog.result()

    while_open: list = []  # what happens elsewhere while the dialog is open
    monkeypatch.setattr(BatchEditDialog, "exec", exec_)
    return choices, seen, while_open


def test_batch_edit_sets_values_on_three_rows_and_one_ctrl_z_undoes_all_three(qtbot, window, answer):
    choices, seen, _ = answer
    people = ["许仲秋", "罗芳初", "白云"]
    ids = select_rows(window, people)
    before = {i: window.registry.honouree(i) for i in ids}
    choices.update(region="耒阳市", status="Retired")

    window.findChild(type(window.actions.batch_edit), "batchEditAction").trigger()

    [dialog] = seen
    assert dialog.objectName() == "batchEditDialog"
    assert dialog.findChild(QComboBox, "batchCategoryCombo").currentText() == "(leave unchanged)"
    assert dialog.changes() == {"region": "耒阳市", "status": "retired"}
    for honouree_id in ids:
        saved = window.registry.honouree(honouree_id)
        assert (saved.region, saved.status) == ("耒阳市", "retired")
        assert saved.category == before[honouree_id].category  # left unchanged
        assert saved.version == before[honouree_id].version + 1
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("Changed 3 honouree(s): Region → 耒阳市; Status → Retired")
    )
    for honouree_id in ids:  # the table shows the new values
        row = window.model.row_of(honouree_id)
        assert window.model.index(row, COLUMN_INDEX["region"]).data() == "耒阳市"
        assert window.model.index(row, COLUMN_INDEX["status"]).data() == "Retired"
    assert sorted(window.selected_ids()) == sorted(ids)
    assert window.undo_stack.count() == 1

    qtbot.keyClick(window.results_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    for honouree_id in ids:
        again = window.registry.honouree(honouree_id)
        assert (again.region, again.status) == (before[honouree_id].region, before[honouree_id].status)
        row = window.model.row_of(honouree_id)
        assert window.model.index(row, COLUMN_INDEX["region"]).data() == before[honouree_id].region
    assert window.statusBar().currentMessage() == "Undone: Batch edit of 3 honourees"
    window.actions.redo.trigger()
    assert {window.registry.honouree(i).region for i in ids} == {"耒阳市"}
    assert window.statusBar().currentMessage() == "Redone: Batch edit of 3 honourees"


def test_a_batch_that_takes_rows_out_of_the_filter_refreshes_the_table(qtbot, window, answer):
    choices, _, _ = answer
    window.search_now("region:耒阳市")
    assert window.model.rowCount() == 3
    moved = select_rows(window, ["谷井文", "蒋芳花"])
    choices.update(region="常宁市")
    window.batch_edit()
    assert window.model.rowCount() == 1 and not set(moved) & set(window.model.loaded_ids())
    assert window.count_label.text() == "1 of 14 honourees shown"
    window.undo_stack.undo()
    assert {window.registry.honouree(i).region for i in moved} == {"耒阳市"}


def test_nothing_chosen_means_nothing_to_apply(qtbot, window, answer):
    _, seen, _ = answer
    select_rows(window, ["许仲秋", "白云"])
    window.batch_edit()
    [dialog] = seen
    assert not dialog.apply_button.isEnabled() and dialog.changes() == {}
    assert window.undo_stack.count() == 0


def test_a_record_someone_else_saved_meanwhile_stops_the_whole_batch(
    qtbot, window, answer, db_path, monkeypatch
):
    choices, _, while_open = answer
    ids = select_rows(window, ["许仲秋", "罗芳初"])
    errors = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: errors.append(text))

    def someone_else_saves() -> None:
        with Registry.open(db_path) as other:  # another PC
            record = other.honouree(ids[1])
            record.position = "总经理"
            other.update(record)

    while_open.append(someone_else_saves)
    choices.update(status="Deceased")
    window.batch_edit()

    assert errors and "罗芳初" in errors[0]
    assert {window.registry.honouree(i).status for i in ids} == {"active"}
    assert window.undo_stack.count() == 0
