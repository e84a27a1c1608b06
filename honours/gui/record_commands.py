"""What the main window's New, Edit and Delete commands do: dialog, then an undoable command.

Each runs its core operation through an undo command (honours/gui/undo.py) whose `apply()`
raises before anything is pushed, so a refused save leaves the stack and the roll as they
were. The views refresh themselves from the store; these functions only add the messages
a person needs (confirmation, conflict choice, status line).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from ..core import ConflictError, Honouree, HonoursError
from ..core.photos import NewPhoto
from .i18n import current_language
from .undo import AddCommand, DeleteCommand, SaveEditCommand

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls


def open_edit_dialog(window: MainWindow, honouree: Honouree | None) -> QDialog | None:
    """The edit dialog for `honouree` (None: a new one), or None with a message if it cannot open."""
    try:
        from .edit_dialog import EditDialog
    except ImportError as error:
        log.exception("the edit dialog is not available")
        window.show_error(translate("RecordCommands", "The edit dialog could not be opened: %1")
                          .replace("%1", str(error)))
        return None
    return EditDialog(window, window.registry, honouree)


def new_honouree(window: MainWindow) -> Honouree | None:
    dialog = open_edit_dialog(window, None)
    if dialog is None or dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    command = AddCommand(window.registry, dialog.result_honouree(), dialog.new_photos(), window.show_error)
    try:
        saved = command.apply()
    except HonoursError as error:
        window.show_error(error)
        return None
    window.undo_stack.push(command)
    window.status_message(translate("RecordCommands", "Added “%1”.").replace("%1", saved.name))
    return saved


def edit_honouree(window: MainWindow, honouree_id: int) -> Honouree | None:
    try:
        before = window.registry.honouree(honouree_id)
    except HonoursError as error:
        window.show_error(error)
        return None
    dialog = open_edit_dialog(window, before)
    if dialog is None or dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return save_edit(window, before, dialog.result_honouree(), dialog.new_photos(), dialog.rotations())


def save_edit(window: MainWindow, before: Honouree, after: Honouree, new_photos: list[NewPhoto] | None = None,
              rotations: dict[int, int] | None = None) -> Honouree | None:
    """Save an edit as an undoable command; on a conflict, ask whether to keep this version."""
    command = SaveEditCommand(window.registry, before, after, new_photos, rotations, window.show_error)
    try:
        saved = command.apply()
    except ConflictError as error:
        if not confirm_overwrite(window, error):
            return None
        command = SaveEditCommand(window.registry, before, after, new_photos, rotations, window.show_error,
                                  overwrite=True)
        try:
            saved = command.apply()
        except HonoursError as second:
            window.show_error(second)
            return None
    except HonoursError as error:
        window.show_error(error)
        return None
    window.undo_stack.push(command)
    window.status_message(translate("RecordCommands", "Saved “%1”.").replace("%1", saved.name))
    return saved


def confirm_overwrite(window: MainWindow, error: ConflictError) -> bool:
    """Someone else saved this record meanwhile: keep mine (their version stays in history)?"""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("RecordCommands", "Honours"),
                      error.message(current_language()), parent=window)
    box.setInformativeText(translate(
        "RecordCommands",
        "Save your version anyway? The other version stays in the record's history, "
        "and photos added meanwhile are kept."))
    keep = box.addButton(translate("RecordCommands", "Save My Version"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("RecordCommands", "Discard My Changes"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is keep


def delete_honourees(window: MainWindow, ids: list[int]) -> bool:
    """Move honourees to the trash after a confirmation; undoable."""
    if not ids:
        return False
    count = len(ids)
    names = [s.name for s in window.registry.summaries(ids)]
    if count == 1:
        question = translate("RecordCommands", "Move “%1” to the trash?").replace(
            "%1", names[0] if names else str(ids[0]))
    else:
        question = translate("RecordCommands", "Move %n honourees to the trash?", "", count)
    answer = QMessageBox.question(
        window, translate("RecordCommands", "Delete"),
        question + "\n" + translate("RecordCommands", "You can undo this with Ctrl+Z or restore it from the trash."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    command = DeleteCommand(window.registry, ids, names, window.show_error)
    try:
        command.apply()
    except HonoursError as error:
        window.show_error(error)
        return False
    window.undo_stack.push(command)
    window.status_message(command.text())
    return True
