"""Keys in the edit dialog: Enter never saves (it moves on, in fields and in list cells as in a
spreadsheet); Ctrl+S and the Save button save; Esc asks about unsaved changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QPlainTextEdit
from shiboken6 import isValid

from honours.gui.edit_dialog import EditDialog


def type_text(widget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def dialog(qtbot, roll, monkeypatch):
    def unexpected_box(box):
        raise AssertionError(f"unexpected message box: {box.text()}")

    monkeypatch.setattr(QMessageBox, "exec", unexpected_box)
    opened = EditDialog(None, roll, None)
    qtbot.addWidget(
        opened,
        before_close_func=lambda d: setattr(
            d, "ask_about_unsaved_changes", lambda: QMessageBox.StandardButton.Discard
        ),
    )
    opened.show()
    opened.activateWindow()
    qtbot.waitActive(opened)
    opened.form.name_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is opened.form.name_edit)
    return opened


def open_cell(qtbot, editor, row: int, key: str):
    """Start typing in a cell as a user does (the editor the delegate opens)."""
    editor.window().tabs.setCurrentWidget(editor)
    index = editor.model.index(row, editor.model.column_of(key))
    editor.view.setFocus()
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    [box] = [
        w
        for kind in (QLineEdit, QPlainTextEdit)
        for w in editor.view.findChildren(kind)
        if w.isVisible() and not isinstance(w.parentWidget(), QPlainTextEdit)
    ]
    return box


def closed(widget) -> bool:
    return not isValid(widget) or not widget.isVisible()


def test_enter_in_a_field_moves_to_the_next_field_and_does_not_save(qtbot, dialog):
    type_text(dialog.form.name_edit, "张三")
    qtbot.keyClick(dialog.form.name_edit, Qt.Key.Key_Return)

    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert QApplication.focusWidget() is dialog.form.gender_combo  # the next field in the form
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Enter)  # the keypad's Enter too
    assert QApplication.focusWidget() is dialog.form.age_edit
    qtbot.keyClick(dialog.form.age_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.form.birth_date_edit
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    with pytest.raises(RuntimeError):
        dialog.result_honouree()


def test_no_button_is_a_default_one_and_save_names_its_shortcut(dialog):
    assert not any(b.isDefault() or b.autoDefault() for b in dialog.buttons.buttons())
    keys = QKeySequence(QKeySequence.StandardKey.Save).toString(QKeySequence.SequenceFormat.NativeText)
    assert keys and keys in dialog.save_button.toolTip()


def test_enter_in_a_list_cell_commits_it_and_moves_down_as_in_a_spreadsheet(qtbot, dialog):
    honours = dialog.honours_editor
    for _ in range(3):
        honours.model.add_row()
    line = open_cell(qtbot, honours, 0, "title")
    type_text(line, "衡阳市劳动模范")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(line))

    title = honours.model.column_of("title")
    assert honours.model.index(0, title).data() == "衡阳市劳动模范"
    assert (honours.view.currentIndex().row(), honours.view.currentIndex().column()) == (1, title)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted

    qtbot.keyClick(honours.view, Qt.Key.Key_Return)  # Enter on a cell that is not being typed in
    assert (honours.view.currentIndex().row(), honours.view.currentIndex().column()) == (2, title)
    qtbot.keyClick(honours.view, Qt.Key.Key_Return)  # the last row: stays, adds nothing
    assert honours.view.currentIndex().row() == 2 and honours.model.rowCount() == 3
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted


def test_enter_finishes_a_deed_and_shift_enter_starts_a_new_line(qtbot, dialog):
    deeds = dialog.deeds_editor
    deeds.model.add_row()
    deeds.model.add_row()
    box = open_cell(qtbot, deeds, 0, "text")
    assert isinstance(box, QPlainTextEdit)
    type_text(box, "带队驰援武汉")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(box, "连续奋战十天")
    assert not closed(box)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(box))

    assert deeds.model.index(0, deeds.model.column_of("text")).data() == "带队驰援武汉\n连续奋战十天"
    assert deeds.view.currentIndex().row() == 1
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted


def test_ctrl_s_saves_and_keeps_what_is_still_being_typed_in_a_cell(qtbot, dialog):
    type_text(dialog.form.name_edit, "张三")
    donations = dialog.donations_editor
    donations.model.add_row()
    line = open_cell(qtbot, donations, 0, "amount")
    type_text(line, "50万")

    qtbot.keyClick(line, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert dialog.result() == QDialog.DialogCode.Accepted
    result = dialog.result_honouree()
    assert result.name == "张三"
    assert [d.amount_fen for d in result.donations] == [50_000_000]


def test_escape_still_asks_about_unsaved_changes(qtbot, dialog):
    asked = []

    def keep_editing():
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    dialog.ask_about_unsaved_changes = keep_editing
    type_text(dialog.form.name_edit, "张三")
    qtbot.keyClick(dialog.form.name_edit, Qt.Key.Key_Escape)
    assert asked == [True] and dialog.isVisible()
