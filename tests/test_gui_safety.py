"""The safety dialogs, driven offscreen: open failures, history, trash, conflicts, backups."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QPushButton

from honours.app import create_window
from honours.core import (
    Registry,
    files,  # refuses a registry this process has open
)
from honours.core.errors import ConflictError, CorruptDatabaseError, ReadOnlyDatabaseError
from honours.core.import_plan import plan_import
from honours.core.sqlite import backup as backups
from honours.gui import backup_actions, i18n
from honours.gui.conflict_dialog import (
    ConflictChoice,
    ConflictDialog,
    ask_conflict,
    resolve_conflict,
    stored_version,
)
from honours.gui.history_dialog import HistoryDialog
from honours.gui.open_failure_dialog import OpenAction, OpenFailureDialog
from honours.gui.trash_dialog import TrashDialog


def digest(path: Path) -> str:
    return hashlib.sha256(files.read_bytes(path)).hexdigest()


def corrupt_error(path: Path) -> CorruptDatabaseError:
    with pytest.raises(CorruptDatabaseError) as caught:
        Registry.open(path)
    return caught.value


# -- opening a file that cannot be used -----------------------------------------------------


def test_damaged_file_offers_its_backups_and_restores_one(qtbot, db_path):
    registry = Registry.open(db_path)
    good = backups.backup_now(registry, "daily")
    registry.close()
    db_path.write_bytes(os.urandom(30000))
    damaged = digest(db_path)
    dialog = OpenFailureDialog(corrupt_error(db_path))
    qtbot.addWidget(dialog)
    dialog.show()

    assert "damaged" in dialog.findChild(QLabel, "openFailureHeading").text()
    assert dialog.backup_model.rowCount() == 1 and "daily" in dialog.backup_model.data(
        dialog.backup_model.index(0)
    )
    assert dialog.findChild(QPushButton, "openReadOnlyButton").isHidden()
    for name in ("restoreBackupButton", "browseBackupButton", "chooseFileButton", "quitButton"):
        assert dialog.findChild(QPushButton, name).isVisible(), name

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert dialog.choice.action is OpenAction.OPEN_RESTORED and dialog.choice.path == db_path
    assert Registry.open(db_path).count() == 14
    assert digest(dialog.restored_aside) == damaged  # the damaged file was kept, not destroyed
    assert good.exists()


def test_a_bad_backup_is_refused_inside_the_dialog(qtbot, db_path, tmp_path, monkeypatch):
    db_path.write_bytes(b"")
    with pytest.raises(Exception) as caught:
        Registry.open(db_path)
    dialog = OpenFailureDialog(caught.value)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "empty" in dialog.findChild(QLabel, "openFailureHeading").text()
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"not a registry" * 50)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bogus), ""))

    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.choice.action is OpenAction.QUIT
    assert "cannot be restored" in dialog.status.text()
    assert db_path.read_bytes() == b""


def test_read_only_file_offers_read_only_opening(qtbot, db_path):
    dialog = OpenFailureDialog(ReadOnlyDatabaseError(str(db_path)))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.read_only_button.isVisible() and not dialog.restore_button.isVisible()
    qtbot.mouseClick(dialog.read_only_button, Qt.MouseButton.LeftButton)
    assert dialog.choice.action is OpenAction.OPEN_READ_ONLY and dialog.choice.readonly
    reader = Registry.open(dialog.choice.path, readonly=dialog.choice.readonly)
    assert reader.count() == 14
    reader.close()


def test_choose_another_file_or_quit(qtbot, db_path, tmp_path, monkeypatch):
    other = tmp_path / "other.sqlite"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    dialog = OpenFailureDialog(FileNotFoundError(2, "No such file", str(tmp_path / "gone.sqlite")))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "missing" in dialog.findChild(QLabel, "openFailureHeading").text()
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.choice.action is OpenAction.OPEN_OTHER and dialog.choice.path == other

    quitting = OpenFailureDialog(FileNotFoundError(2, "No such file", str(tmp_path / "gone.sqlite")))
    qtbot.addWidget(quitting)
    quitting.show()
    qtbot.mouseClick(quitting.quit_button, Qt.MouseButton.LeftButton)
    assert quitting.choice.action is OpenAction.QUIT and not quitting.isVisible()


# -- history ------------------------------------------------------------------------------------


def test_history_lists_changes_and_restores_a_version(qtbot, roll):
    original = roll.honouree(2).position
    roll.edit(2, {"position": "误改的职务"})
    dialog = HistoryDialog(roll, 2)
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.entries.rowCount() == 2
    assert dialog.entries.data(dialog.entries.index(0, 2)) == "Edited"
    assert dialog.entries.data(dialog.entries.index(1, 2)) == "Created"
    diff = dialog.changes
    assert [diff.data(diff.index(r, 0)) for r in range(diff.rowCount())] == ["Position"]
    assert diff.data(diff.index(0, 1)) == original and diff.data(diff.index(0, 2)) == "误改的职务"
    assert not dialog.restore_button.isEnabled()  # the newest entry is the current version

    dialog.table.selectRow(1)
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.reverted):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert roll.honouree(2).position == original
    assert dialog.entries.rowCount() == 3


# -- trash ----------------------------------------------------------------------------------------


def test_trash_restores_the_chosen_and_empties_after_asking(qtbot, roll, monkeypatch):
    name = roll.honouree(5).name
    roll.delete_many([3, 5])
    dialog = TrashDialog(roll)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 2 and not dialog.restore_button.isEnabled()
    row = next(r for r in range(2) if dialog.model.id_at(r) == 5)
    dialog.table.selectRow(row)

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert roll.exists(5) and roll.search(name).all_ids() and dialog.model.rowCount() == 1
    monkeypatch.setattr(dialog, "confirm_empty", lambda count: False)
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert roll.trash()  # said no: nothing removed
    monkeypatch.setattr(dialog, "confirm_empty", lambda count: True)
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert roll.trash() == [] and dialog.model.rowCount() == 0
    assert dialog.summary.text() == "The trash is empty."
    [before] = [b for b in backups.automatic_backups(roll.path) if b.reason == "before-empty-trash"]
    assert backups.verify_backup(before.path).trashed == 1


# -- conflicts --------------------------------------------------------------------------------------


def test_conflict_between_two_registries_shows_both_versions(qtbot, roll):
    other_window = Registry.open(roll.path)
    mine = roll.honouree(2)
    theirs = other_window.honouree(2)
    theirs.unit = "另一窗口改的单位"
    other_window.update(theirs)
    mine.position = "本窗口改的职务"
    with pytest.raises(ConflictError) as caught:
        roll.update(mine)
    dialog = ConflictDialog(mine, stored_version(roll, 2), caught.value)
    qtbot.addWidget(dialog)
    dialog.show()

    rows = {
        dialog.changes.data(dialog.changes.index(r, 0)): (
            dialog.changes.data(dialog.changes.index(r, 1)),
            dialog.changes.data(dialog.changes.index(r, 2)),
        )
        for r in range(dialog.changes.rowCount())
    }
    assert rows["Unit"][0] == "另一窗口改的单位" and rows["Position"][1] == "本窗口改的职务"
    for name in ("keepMineButton", "keepTheirsButton", "keepEditingButton"):
        assert dialog.findChild(QPushButton, name).isVisible()
    qtbot.mouseClick(dialog.keep_mine_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is ConflictChoice.KEEP_MINE
    other_window.close()


def test_resolve_conflict_is_modal_and_returns_the_choice(qtbot, roll):
    mine = roll.honouree(4)
    roll.delete(4)
    error = ConflictError(4, mine.version, None)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConflictDialog)
        assert dialog.keep_theirs_button.text() == "Leave It &Deleted"
        dialog.keep_editing_button.click()

    QTimer.singleShot(0, answer)
    assert resolve_conflict(None, roll, mine, error) is ConflictChoice.KEEP_EDITING


def test_ask_conflict_returns_the_merged_record_to_keep(qtbot, roll):
    opened = roll.honouree(2)
    mine = roll.honouree(2)
    roll.edit(2, {"unit": "他们改的单位"})
    mine.position = "我改的职务"
    error = ConflictError(2, opened.version, opened.version + 1)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().keep_mine_button.click())
    resolution = ask_conflict(None, roll, mine, error, original=opened)
    assert resolution.choice is ConflictChoice.KEEP_MINE
    assert (resolution.record.unit, resolution.record.position) == ("他们改的单位", "我改的职务")


def test_knowing_the_opened_version_keeps_their_changes_to_other_fields(qtbot, roll):
    other_window = Registry.open(roll.path)
    opened = roll.honouree(2)
    mine = roll.honouree(2)
    theirs = other_window.honouree(2)
    theirs.unit, theirs.notes = "他们改的单位", "他们的备注"
    other_window.update(theirs)
    mine.position, mine.notes = "我改的职务", "我的备注"
    with pytest.raises(ConflictError) as caught:
        roll.update(mine)
    dialog = ConflictDialog(mine, stored_version(roll, 2), caught.value, original=opened)
    qtbot.addWidget(dialog)
    dialog.show()

    fields = [dialog.changes.data(dialog.changes.index(r, 0)) for r in range(dialog.changes.rowCount())]
    assert fields == ["Position", "Notes"]  # the unit is theirs either way: not a difference
    bold = [dialog.changes.is_emphasised(r) for r in range(dialog.changes.rowCount())]
    assert bold == [False, True]  # both changed the notes: the real conflict
    assert "Unit" in dialog.kept_note.text()
    qtbot.mouseClick(dialog.keep_mine_button, Qt.MouseButton.LeftButton)

    saved = roll.overwrite(dialog.record, original_photo_ids=[p.id for p in opened.photos])
    assert (saved.unit, saved.position, saved.notes) == ("他们改的单位", "我改的职务", "我的备注")
    other_window.close()


# -- the main window's backup actions -------------------------------------------------------------------


def test_window_has_the_actions_and_shows_the_last_backup(qtbot, window):
    for name in ("backUpAction", "restoreAction", "checkRegistryAction", "historyAction", "trashAction"):
        assert window.findChild(type(window.actions.quit), name) is not None, name
    label = window.findChild(QLabel, "lastBackupLabel")
    # the daily backup is taken a moment after the window opens, never delaying it
    qtbot.waitUntil(lambda: label.text().startswith("Last backup: "), timeout=10000)
    assert [b.reason for b in backups.automatic_backups(window.registry.path)] == ["daily"]
    assert not window.failed_features


def test_the_last_backup_label_follows_an_import(window, tmp_path):
    """An import backs up first; the status bar shows that backup, not the one from the morning."""
    label = window.findChild(QLabel, "lastBackupLabel")
    before = label.text()
    sheet = tmp_path / "名单.csv"
    sheet.write_text("姓名,工作单位\n王建国,衡阳钢管集团\n", encoding="utf-8")
    plan = plan_import(window.registry, sheet)
    try:
        plan.apply(window.registry)
    finally:
        plan.close()
    assert [b.reason for b in backups.automatic_backups(window.registry.path)] == ["before-import"]
    assert label.text() != before and label.text().startswith("Last backup: ")


def test_back_up_restore_and_check_from_the_window(qtbot, window, tmp_path, monkeypatch):
    target = backup_actions.back_up(window, window.last_backup_label, tmp_path / "usb" / "copy.sqlite")
    assert target is not None and backups.verify_backup(target).honourees == 14
    window.registry.delete(1)
    assert window.registry.count() == 13

    new_window = backup_actions.restore(window, target, confirm=lambda *_: True)

    qtbot.addWidget(new_window)
    assert new_window is not window and new_window.registry.count() == 14
    assert [
        b.reason for b in backups.automatic_backups(new_window.registry.path) if b.reason == "before-restore"
    ] == ["before-restore"]
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    assert backup_actions.check_registry(new_window) == []
    new_window.close()


def test_a_refused_restore_reopens_the_untouched_file(qtbot, window, tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"x" * 5000)
    path = window.registry.path
    before = window.registry.count()
    errors = []
    window.show_error = errors.append
    result = backup_actions.restore(window, bad, confirm=lambda *_: True)
    assert result is None and errors and "cannot be restored" in errors[0].message("en")
    assert window.registry.count() == before and window.registry.path == path


@pytest.mark.sqlite_only
def test_check_offers_to_rebuild_a_broken_search_index(window):
    # trashed behind the indexer's back: the search index still finds #3
    window.registry.conn.execute("UPDATE honouree SET deleted_at = '2020-01-01' WHERE id = 3")
    clicked = []

    def press_rebuild(box: QMessageBox):
        button = next(b for b in box.buttons() if b.text() == "Rebuild Search Index")
        clicked.append(box.detailedText())
        return button

    assert backup_actions.check_registry(window, ask=press_rebuild) == []
    assert (
        "#3" in clicked[0]
        and window.registry.search(window.registry.honouree(3, include_deleted=True).name).count() == 0
    )


# -- Chinese -------------------------------------------------------------------------------------------


def test_dialogs_speak_chinese(qtbot, db_path, tmp_path):
    win = create_window(db_path, tmp_path / "settings.ini", language="zh")
    qtbot.addWidget(win)
    try:
        label = win.findChild(QLabel, "lastBackupLabel")
        assert label.text() == "尚无备份"  # before the deferred daily backup
        qtbot.waitUntil(lambda: label.text().startswith("最近备份："), timeout=10000)
        dialog = OpenFailureDialog(ReadOnlyDatabaseError(str(db_path)))
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "无法打开荣誉库"
        assert "无法写入" in dialog.findChild(QLabel, "openFailureMessage").text()
        assert dialog.read_only_button.text() == "以只读方式打开(&R)"
        history = HistoryDialog(win.registry, 2)
        qtbot.addWidget(history)
        assert history.entries.data(history.entries.index(0, 2)) == "新建"
        trash = TrashDialog(win.registry)
        qtbot.addWidget(trash)
        assert trash.windowTitle() == "回收站"
    finally:
        win.close()
        i18n.install_translations("en")
