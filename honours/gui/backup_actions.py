"""File ▸ Back Up…, Restore from Backup…, Check Registry…, and the "last backup" time.

The work is the core's (`honours.core.sqlite.backup`, `honours.core.sqlite.check`); this module asks
where, confirms, and reports. Opening a window also takes the daily automatic backup
when the newest one is more than a day old, and the status bar always shows when the
registry was last backed up.

Restoring replaces the open file, so the window lets go of it first (its own reading
connections would otherwise count as "in use"), restores, and reopens the registry in a
fresh window; if the restore is refused the original file is reopened untouched.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import HonoursError
from ..core.sqlite import backup as backups
from ..core.sqlite.backup import BackupInfo
from ..core.sqlite.check import Problem, check, rebuild_search_index
from .dialog_size import remember_size
from .i18n import current_language

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls

# The daily backup copies the whole file (photos included): taken a moment after the
# window is up, so opening the app never waits for it.
DAILY_BACKUP_DELAY_MS = 3000


def _shared(registry: object) -> bool:
    """Whether the registry is a shared one on a server (it has an address, not a file)."""
    return bool(getattr(registry, "url", None))


class LastBackupLabel(QLabel):
    """'Last backup: 2025-06-01 09:30' in the status bar; red when there is none or it failed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lastBackupLabel")

    def refresh(self, db_path: Path | None, failure: str = "", shared: bool = False) -> None:
        if shared:  # a shared registry: the server's backups are its administrator's (README)
            self.setText(self.tr("Shared registry: backed up by its administrator"))
            self.setToolTip(self.tr("honours backup writes a snapshot of it into a file."))
            self.setStyleSheet("")
            return
        if db_path is None:
            self.setText(self.tr("No file, no backups"))
            return
        newest = backups.last_backup(db_path)
        if failure:
            self.setText(self.tr("Automatic backup failed"))
            self.setToolTip(failure)
            self.setStyleSheet("color: #b00020;")
        elif newest is None:
            self.setText(self.tr("No backup yet"))
            self.setToolTip(self.tr("Use File ▸ Back Up… to make one."))
            self.setStyleSheet("color: #b00020;")
        else:
            self.setText(self.tr("Last backup: %1").replace("%1", f"{newest.taken_at:%Y-%m-%d %H:%M}"))
            self.setToolTip(str(newest.path))
            self.setStyleSheet("")


class RestoreDialog(QDialog):
    """Choose a backup (those beside the registry, or any file) to restore."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.resize(560, 380)
        remember_size(self)
        self.db_path = db_path
        self.chosen: Path | None = None
        # the open-failure dialog's list of backups, imported here: it is not needed to start the app
        from .open_failure_dialog import BackupListModel

        self.model = BackupListModel(backups.list_backups(db_path), self)
        self.list = QListView()
        self.list.setObjectName("restoreBackupList")
        self.list.setModel(self.model)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
        self.list.doubleClicked.connect(lambda _index: self._take_current())
        intro = QLabel(
            self.tr(
                "Choose the backup to restore. The registry as it is now is kept in the backups "
                "folder, so a restore can itself be undone."
            )
        )
        intro.setWordWrap(True)
        other = QPushButton(self.tr("&Other Backup File…"))
        other.setObjectName("otherBackupButton")
        other.clicked.connect(self._take_other)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreChosenButton")
        self.restore_button.setEnabled(self.model.rowCount() > 0)
        self.restore_button.clicked.connect(self._take_current)
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def _take_current(self) -> None:
        backup = self.model.backup(self.list.currentIndex().row())
        if backup is not None:
            self.chosen = backup.path
            self.accept()

    def _take_other(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a Backup"),
            str(self.db_path.parent),
            self.tr("Honours registries (*.sqlite *.db);;All files (*)"),
        )
        if name:
            self.chosen = Path(name)
            self.accept()


# -- the actions ---------------------------------------------------------------------------------


def take_daily_backup(window: MainWindow, label: LastBackupLabel) -> Path | None:
    """The daily automatic backup on open; a failure shows in the label, never blocks work."""
    try:
        made = backups.ensure_daily_backup(window.registry)
    except HonoursError as error:
        label.refresh(
            window.registry.path, failure=error.message(current_language()), shared=_shared(window.registry)
        )
        return None
    label.refresh(window.registry.path, shared=_shared(window.registry))
    return made


def back_up(window: MainWindow, label: LastBackupLabel, target: Path | None = None) -> Path | None:
    """File ▸ Back Up…: copy the registry (photos included) to a file the user chooses."""
    registry = window.registry
    if registry.path is None:
        return None
    if target is None:
        suggested = registry.path.parent / f"{registry.path.stem}-{datetime.now():%Y%m%d}.sqlite"
        name, _ = QFileDialog.getSaveFileName(
            window,
            translate("BackupActions", "Back Up Registry"),
            str(suggested),
            translate("BackupActions", "Honours registries (*.sqlite)"),
        )
        if not name:
            return None
        target = Path(name)
    try:
        written = backups.backup_to(registry, target, overwrite=True)  # the file dialog asked already
        info = backups.verify_backup(written)
    except HonoursError as error:
        window.show_error(error)
        return None
    label.refresh(registry.path, shared=_shared(registry))
    window.status_message(
        translate("BackupActions", "Backed up %1 honourees and %2 photos to %3.")
        .replace("%1", str(info.honourees))
        .replace("%2", str(info.photos))
        .replace("%3", str(written))
    )
    return written


def confirm_restore(window: MainWindow, info: BackupInfo) -> bool:
    text = translate(
        "BackupActions",
        "Restore the backup %1?\n\nIt holds %2 honourees (%3 in its trash) and "
        "%4 photos. The registry as it is now will be kept in the backups folder.",
    )
    text = (
        text.replace("%1", str(info.path))
        .replace("%2", str(info.honourees))
        .replace("%3", str(info.trashed))
        .replace("%4", str(info.photos))
    )
    answer = QMessageBox.question(
        window,
        translate("BackupActions", "Restore from Backup"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def restore(window: MainWindow, backup_path: Path | None = None, *, confirm=confirm_restore):
    """File ▸ Restore from Backup…; returns the window now showing the registry (or None)."""
    db_path = window.registry.path
    if db_path is None:
        return None
    if backup_path is None:
        dialog = RestoreDialog(db_path, window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return None
        backup_path = dialog.chosen
    try:
        info = backups.verify_backup(backup_path)
    except HonoursError as error:
        window.show_error(error)
        return None
    if not confirm(window, info):
        return None
    _let_go(window)
    try:
        aside = backups.restore(db_path, backup_path)
    except HonoursError as error:
        reopened = window.open_registry(db_path)  # the untouched original, in a fresh window
        (reopened or window).show_error(error)
        return reopened
    reopened = window.open_registry(db_path)
    if reopened is not None:
        note = translate("BackupActions", "Restored %1 honourees from %2. The replaced file is kept as %3.")
        reopened.status_message(
            note.replace("%1", str(info.honourees))
            .replace("%2", str(backup_path))
            .replace("%3", str(aside or "—")),
            15000,
        )
    return reopened


def _let_go(window: MainWindow) -> None:
    """Close every connection this window holds on its file, so the file can be replaced."""
    counter = getattr(window, "facet_counter", None)
    if counter is not None:
        counter.stop()
    window.registry.close()


def describe_problems(problems: list[Problem]) -> str:
    return "\n".join(p.message(current_language()) for p in problems)


def check_registry(window: MainWindow, *, ask=None) -> list[Problem]:
    """Tools ▸ Check Registry…: report problems; offer to rebuild the search index when that is all."""
    problems = check(window.registry)
    if not problems:
        QMessageBox.information(
            window,
            translate("BackupActions", "Check Registry"),
            translate("BackupActions", "No problems found. The registry is sound."),
        )
        return problems
    count = len(problems)
    summary = translate("BackupActions", "%n problem(s) found.", "", count)
    box = QMessageBox(
        QMessageBox.Icon.Warning, translate("BackupActions", "Check Registry"), summary, parent=window
    )
    box.setObjectName("checkResultBox")
    box.setDetailedText(describe_problems(problems))
    index_only = all(p.kind == "search-index" for p in problems)
    rebuild = None
    if index_only:
        box.setInformativeText(
            translate(
                "BackupActions", "Only the search index is affected; it can be rebuilt from the records."
            )
        )
        rebuild = box.addButton(
            translate("BackupActions", "Rebuild Search Index"), QMessageBox.ButtonRole.AcceptRole
        )
    else:
        box.setInformativeText(
            translate(
                "BackupActions", "Restoring a recent backup is the safe remedy (File ▸ Restore from Backup…)."
            )
        )
    box.addButton(QMessageBox.StandardButton.Close)
    clicked = ask(box) if ask else (box.exec(), box.clickedButton())[1]
    if rebuild is not None and clicked is rebuild:
        try:
            rebuild_search_index(window.registry)
        except HonoursError as error:
            window.show_error(error)
            return problems
        window.status_message(translate("BackupActions", "Search index rebuilt."))
        return check(window.registry)
    return problems


def install(window: MainWindow) -> None:
    """File ▸ Back Up… / Restore from Backup…, Tools ▸ Check Registry…, the last-backup label."""
    label = LastBackupLabel(window)
    window.statusBar().addPermanentWidget(label)
    window.last_backup_label = label

    back_up_action = QAction(translate("BackupActions", "&Back Up…"), window)
    back_up_action.setObjectName("backUpAction")
    back_up_action.triggered.connect(lambda: back_up(window, label))
    restore_action = QAction(translate("BackupActions", "&Restore from Backup…"), window)
    restore_action.setObjectName("restoreAction")
    restore_action.triggered.connect(lambda: restore(window))
    check_action = QAction(translate("BackupActions", "&Check Registry…"), window)
    check_action.setObjectName("checkRegistryAction")
    check_action.triggered.connect(lambda: check_registry(window))

    file_menu = window.menu("file")
    file_menu.addActions([back_up_action, restore_action])
    file_menu.addSeparator()
    window.menu("tools").addAction(check_action)
    in_memory = window.registry.path is None
    for action in (back_up_action, restore_action):
        action.setEnabled(not in_memory)
    label.refresh(window.registry.path, shared=_shared(window.registry))
    # Imports and emptying the trash back up first: the label follows the registry's changes.
    window.store.changed.connect(lambda *_: _refresh_if_still_open(window, label))
    QTimer.singleShot(DAILY_BACKUP_DELAY_MS, window, lambda: _daily_if_still_open(window, label))


def _refresh_if_still_open(window: MainWindow, label: LastBackupLabel) -> None:
    if getattr(window, "last_backup_label", None) is label and window.registry is not None:
        label.refresh(window.registry.path, shared=_shared(window.registry))


def _daily_if_still_open(window: MainWindow, label: LastBackupLabel) -> None:
    """The deferred daily backup, unless the window has switched or closed its registry meanwhile."""
    if getattr(window, "last_backup_label", None) is label and window.registry is not None:
        take_daily_backup(window, label)
