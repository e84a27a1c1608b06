"""What the main window's New, Edit, Batch Edit and Delete commands do: dialog, then an undoable command.

Each runs its core operation through an undo command (honours/gui/undo.py) whose `apply()`
raises before anything is pushed, so a refused save leaves the stack and the roll as they
were, and the user is taken back to the same dialog with every edit and new photo intact.
A save that meets someone else's newer version asks through the conflict dialog. The
views refresh themselves from the store; these functions only add the messages a person
needs (confirmation, conflict choice, status line).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from ..core import ConflictError, Honouree, HonoursError
from ..core.photos import NewPhoto
from .undo import AddCommand, BatchEditCommand, DeleteCommand, SaveEditCommand

if TYPE_CHECKING:
    from ..core.registry import Registry
    from .conflict_dialog import ConflictResolution
    from .main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls


def open_edit_dialog(window: MainWindow, honouree: Honouree | None) -> QDialog | None:
    """The edit dialog for `honouree` (None: a new one), or None with a message if it cannot open."""
    try:
        from .edit_dialog import EditDialog
    except ImportError as error:
        log.exception("the edit dialog is not available")
        window.show_error(
            translate("RecordCommands", "The edit dialog could not be opened: %1").replace("%1", str(error))
        )
        return None
    return EditDialog(window, window.registry, honouree)


def new_honouree(window: MainWindow) -> Honouree | None:
    """Add an honouree through the dialog; a refused save returns to the same dialog."""
    dialog = open_edit_dialog(window, None)
    if dialog is None:
        return None
    while dialog.exec() == QDialog.DialogCode.Accepted:
        command = AddCommand(
            window.registry, dialog.result_honouree(), dialog.new_photos(), window.show_error
        )
        try:
            saved = command.apply()
        except HonoursError as error:
            window.show_error(error)
            continue
        window.undo_stack.push(command)
        window.status_message(translate("RecordCommands", "Added “%1”.").replace("%1", saved.name))
        return saved
    return None


class EditAgain(Exception):
    """The save did not happen and the user wants the edit dialog back, edits intact."""


def edit_honouree(window: MainWindow, honouree_id: int) -> Honouree | None:
    """Edit in the dialog and save; a refused save returns to the same dialog, nothing lost."""
    try:
        before = window.registry.honouree(honouree_id)
    except HonoursError as error:
        window.show_error(error)
        return None
    dialog = open_edit_dialog(window, before)
    if dialog is None:
        return None
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            return save_edit(
                window, before, dialog.result_honouree(), dialog.new_photos(), dialog.rotations()
            )
        except EditAgain:
            continue
    return None


def ask_conflict(
    window: MainWindow,
    registry: Registry,
    mine: Honouree,
    error: ConflictError,
    original: Honouree | None = None,
) -> ConflictResolution:
    """The conflict dialog's question (honours.gui.conflict_dialog.ask_conflict).

    Imported when a save first meets a conflict: the dialog and its field-by-field diff
    are rarely needed and not worth loading while the main window starts.
    """
    from .conflict_dialog import ask_conflict as ask

    return ask(window, registry, mine, error, original=original)


def save_edit(
    window: MainWindow,
    before: Honouree,
    after: Honouree,
    new_photos: list[NewPhoto] | None = None,
    rotations: dict[int, int] | None = None,
) -> Honouree | None:
    """Save an edit as an undoable command. Returns the saved record, or None when the user
    kept the other version; raises EditAgain when the user should go back to editing (the
    save was refused, or they chose to keep editing after a conflict)."""
    command = SaveEditCommand(window.registry, before, after, new_photos, rotations, window.show_error)
    try:
        saved = command.apply()
    except ConflictError as error:
        # Given the version the edit started from, "keep mine" keeps their changes to the
        # fields this edit did not touch (a three-way merge), not just my whole record.
        from .conflict_dialog import ConflictChoice

        resolution = ask_conflict(window, window.registry, after, error, original=before)
        if resolution.choice is ConflictChoice.KEEP_THEIRS:
            return None
        if resolution.choice is not ConflictChoice.KEEP_MINE:
            raise EditAgain from error
        command = SaveEditCommand(
            window.registry,
            before,
            resolution.record,
            new_photos,
            rotations,
            window.show_error,
            overwrite=True,
        )
        try:
            saved = command.apply()
        except HonoursError as second:
            window.show_error(second)
            raise EditAgain from second
    except HonoursError as error:
        window.show_error(error)
        raise EditAgain from error
    window.undo_stack.push(command)
    window.status_message(translate("RecordCommands", "Saved “%1”.").replace("%1", saved.name))
    return saved


def delete_honourees(window: MainWindow, ids: list[int]) -> bool:
    """Move honourees to the trash after a confirmation; undoable."""
    if not ids:
        return False
    count = len(ids)
    names = [s.name for s in window.registry.summaries(ids)]
    if count == 1:
        question = translate("RecordCommands", "Move “%1” to the trash?").replace(
            "%1", names[0] if names else str(ids[0])
        )
    else:
        question = translate("RecordCommands", "Move %n honourees to the trash?", "", count)
    answer = QMessageBox.question(
        window,
        translate("RecordCommands", "Delete"),
        question
        + "\n"
        + translate("RecordCommands", "You can undo this with Ctrl+Z or restore it from the trash."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    command = DeleteCommand(window.registry, ids, names, window.show_error)
    try:
        command.apply()
    except HonoursError as error:
        window.show_error(error)
        return False
    window.undo_stack.push(command)
    if count == 1:
        done = translate("RecordCommands", "Moved “%1” to the trash (Ctrl+Z undoes it).").replace(
            "%1", names[0] if names else str(ids[0])
        )
    else:
        done = translate("RecordCommands", "Moved %n honourees to the trash (Ctrl+Z undoes it).", "", count)
    window.status_message(done)
    return True


def batch_edit(window: MainWindow, ids: list[int]) -> list[Honouree] | None:
    """Set the category, region or status of several honourees: one transaction, one undo step.

    The records are read before the dialog opens, so a record someone else saves while it
    is open makes the whole batch a conflict (nothing saved) instead of overwriting them.
    """
    if not ids:
        return None
    from .batch_edit import BatchEditDialog
    from .labels import category_label, status_label

    try:
        before = window.registry.honourees(ids)
    except HonoursError as error:
        window.show_error(error)
        return None
    dialog = BatchEditDialog(window, window.registry, len(ids))
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.changes():
        return None
    changes = dialog.changes()
    command = BatchEditCommand(window.registry, before, changes, window.show_error)
    try:
        saved = command.apply()
    except HonoursError as error:
        window.show_error(error)
        return None
    if not saved:
        window.status_message(
            translate(
                "RecordCommands", "Nothing to change: the selected honourees already have these values."
            )
        )
        return saved
    window.undo_stack.push(command)
    shown = {"category": category_label, "status": status_label}
    what = "; ".join(
        f"{dialog.field_title(key)} → {shown.get(key, str)(value) or '—'}" for key, value in changes.items()
    )
    count = len(saved)
    done = translate("RecordCommands", "Changed %n honouree(s): %1 (Ctrl+Z undoes it).", "", count)
    window.status_message(done.replace("%1", what), 10000)
    window.model.refresh()  # a record the change took out of the current filter leaves the table
    window.results_table.select_ids(command.changed)
    return saved
