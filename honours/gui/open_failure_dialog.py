"""What to do when a registry file cannot be opened: say why, and offer the ways forward.

The file is never repaired or overwritten behind the user's back. Depending on the
problem the dialog offers: open it read-only (a read-only or busy file), restore one of
its backups (a damaged, emptied, foreign, newer or missing file; the file it replaces is
kept in `backups/`), choose another file, or quit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    EmptyDatabaseFileError,
    HonoursError,
    NewerVersionError,
    NotARegistryError,
    ReadOnlyDatabaseError,
)
from ..core.sqlite import backup as backups
from ..core.sqlite.backup import BackupFile
from .i18n import current_language

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls

Index = QModelIndex | QPersistentModelIndex


class OpenAction(Enum):
    OPEN_READ_ONLY = "read-only"
    OPEN_RESTORED = "restored"
    OPEN_OTHER = "other"
    QUIT = "quit"


@dataclass(frozen=True)
class OpenChoice:
    """The user's answer: what to open next (`path`, `readonly`), or quit."""

    action: OpenAction
    path: Path | None = None
    readonly: bool = False


def failed_path(error: HonoursError | OSError) -> Path | None:
    where = getattr(error, "path", None) or getattr(error, "filename", None)
    return Path(where) if where else None


def can_open_read_only(error: HonoursError | OSError) -> bool:
    if isinstance(error, ReadOnlyDatabaseError):
        return not error.needs_upgrade
    return isinstance(error, DatabaseLockedError)


def can_restore(error: HonoursError | OSError) -> bool:
    """Restoring needs a writable folder and a file nobody is using."""
    return (
        not isinstance(error, (ReadOnlyDatabaseError, DatabaseLockedError)) and failed_path(error) is not None
    )


def reason_text(reason: str) -> str:
    labels = {
        "daily": translate("OpenFailureDialog", "daily"),
        "before-import": translate("OpenFailureDialog", "before an import"),
        "before-restore": translate("OpenFailureDialog", "file replaced by a restore"),
        "before-empty-trash": translate("OpenFailureDialog", "before emptying the trash"),
        "manual": translate("OpenFailureDialog", "made by hand"),
    }
    if reason.startswith("before-migration"):
        return translate("OpenFailureDialog", "before an upgrade")
    return labels.get(reason, reason)


def backup_label(backup: BackupFile) -> str:
    """'2025-06-01 09:30 — daily (1.2 MB)'"""
    size = f"{backup.size / 1_048_576:.1f} MB"
    return f"{backup.taken_at:%Y-%m-%d %H:%M} — {reason_text(backup.reason)} ({size})"


class BackupListModel(QAbstractListModel):
    """The backups of a registry, newest first; the full path is the tooltip."""

    def __init__(self, backups_found: list[BackupFile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backups = list(backups_found)

    def backup(self, row: int) -> BackupFile | None:
        return self._backups[row] if 0 <= row < len(self._backups) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._backups)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        backup = self.backup(index.row()) if index.isValid() else None
        if backup is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return backup_label(backup)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        return None


class OpenFailureDialog(QDialog):
    """Why the file cannot be opened, and the choices; `choice` holds the answer."""

    def __init__(self, error: HonoursError | OSError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openFailureDialog")
        self.setWindowTitle(self.tr("Cannot Open the Registry"))
        self.setMinimumWidth(620)
        self.error = error
        self.path = failed_path(error)
        self.choice = OpenChoice(OpenAction.QUIT)
        self.restored_aside: Path | None = None  # where a restore kept the file it replaced

        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        heading = QLabel(f"<b>{self._heading()}</b>")
        heading.setObjectName("openFailureHeading")
        message = QLabel(self._message())
        message.setObjectName("openFailureMessage")
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text_column = QVBoxLayout()
        text_column.addWidget(heading)
        text_column.addWidget(message)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text_column, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)

        found = backups.list_backups(self.path) if self.path and can_restore(error) else []
        self.backup_model = BackupListModel(found, self)
        self.backup_list = QListView()
        self.backup_list.setObjectName("backupList")
        self.backup_list.setModel(self.backup_model)
        self.backup_list.setMaximumHeight(200)
        self.status = QLabel()
        self.status.setObjectName("openFailureStatus")
        self.status.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore Chosen Backup"))
        self.restore_button.setObjectName("restoreBackupButton")
        self.restore_button.clicked.connect(self.restore_chosen)
        self.browse_button = QPushButton(self.tr("Restore from &Another File…"))
        self.browse_button.setObjectName("browseBackupButton")
        self.browse_button.clicked.connect(self.restore_other_file)
        if can_restore(error):
            if found:
                intro = self.tr(
                    "Backups of this registry, newest first. Restoring one keeps the "
                    "current file in the backups folder; nothing is deleted."
                )
            else:
                intro = self.tr(
                    "No backups were found beside this file. You can restore a backup "
                    "kept elsewhere (for example on a USB stick)."
                )
            intro_label = QLabel(intro)
            intro_label.setWordWrap(True)
            layout.addWidget(intro_label)
            if found:
                layout.addWidget(self.backup_list)
                self.backup_list.setCurrentIndex(self.backup_model.index(0))
            restore_row = QHBoxLayout()
            restore_row.addStretch(1)
            if found:
                restore_row.addWidget(self.restore_button)
            restore_row.addWidget(self.browse_button)
            layout.addLayout(restore_row)
            layout.addWidget(self.status)

        self.read_only_button = QPushButton(self.tr("Open &Read-Only"))
        self.read_only_button.setObjectName("openReadOnlyButton")
        self.read_only_button.clicked.connect(self.open_read_only)
        self.choose_button = QPushButton(self.tr("&Choose Another File…"))
        self.choose_button.setObjectName("chooseFileButton")
        self.choose_button.clicked.connect(self.choose_other_file)
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.setObjectName("quitButton")
        self.quit_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.read_only_button)
        self.read_only_button.setVisible(can_open_read_only(error))
        bottom.addStretch(1)
        bottom.addWidget(self.choose_button)
        bottom.addWidget(self.quit_button)
        layout.addLayout(bottom)

    def _heading(self) -> str:
        error = self.error
        if isinstance(error, CorruptDatabaseError):
            return self.tr("The registry file is damaged")
        if isinstance(error, EmptyDatabaseFileError):
            return self.tr("The registry file is empty")
        if isinstance(error, NotARegistryError):
            return self.tr("This file is not an Honours registry")
        if isinstance(error, NewerVersionError):
            return self.tr("This registry comes from a newer version of Honours")
        if isinstance(error, ReadOnlyDatabaseError):
            return self.tr("This registry file cannot be written")
        if isinstance(error, DatabaseLockedError):
            return self.tr("This registry is busy")
        if isinstance(error, FileNotFoundError):
            return self.tr("The registry file is missing")
        return self.tr("The registry cannot be opened")

    def _message(self) -> str:
        if isinstance(self.error, HonoursError):
            return self.error.message(current_language())
        return (
            self.tr("%1 cannot be opened: %2")
            .replace("%1", str(self.path or ""))
            .replace("%2", self.error.strerror or str(self.error))
        )

    # -- the choices ---------------------------------------------------------------------------
    def open_read_only(self) -> None:
        self.choice = OpenChoice(OpenAction.OPEN_READ_ONLY, self.path, readonly=True)
        self.accept()

    def chosen_backup(self) -> BackupFile | None:
        return self.backup_model.backup(self.backup_list.currentIndex().row())

    def restore_chosen(self) -> bool:
        backup = self.chosen_backup()
        return backup is not None and self.restore_from(backup.path)

    def restore_other_file(self) -> bool:
        start = str(self.path.parent) if self.path else ""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a Backup"),
            start,
            self.tr("Honours registries (*.sqlite *.db);;All files (*)"),
        )
        return bool(name) and self.restore_from(Path(name))

    def restore_from(self, backup_path: Path) -> bool:
        """Verify and restore; on failure say why here and keep the dialog open."""
        if self.path is None:
            return False
        try:
            aside = backups.restore(self.path, backup_path)
        except HonoursError as error:
            self.status.setText(error.message(current_language()))
            return False
        self.restored_aside = aside
        self.choice = OpenChoice(OpenAction.OPEN_RESTORED, self.path)
        self.accept()
        return True

    def choose_other_file(self) -> None:
        start = str(self.path.parent) if self.path else ""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Registry"),
            start,
            self.tr("Honours registries (*.sqlite *.db);;All files (*)"),
        )
        if name:
            self.choice = OpenChoice(OpenAction.OPEN_OTHER, Path(name))
            self.accept()


def handle_open_failure(error: HonoursError | OSError, parent: QWidget | None) -> OpenChoice:
    """Explain why a registry cannot be opened and return what the user chose to do next."""
    dialog = OpenFailureDialog(error, parent)
    dialog.exec()
    return dialog.choice


def next_attempt(error: HonoursError | OSError, parent: QWidget | None) -> tuple[Path, bool] | None:
    """Tell the user why a registry file cannot be opened and ask what to do instead.

    Returns (file to open, read-only) — the same file read-only or after restoring one of
    its backups, or another file — or None when the user gives up.
    """
    choice = handle_open_failure(error, parent)
    if choice.action is OpenAction.QUIT or choice.path is None:
        return None
    return choice.path, choice.readonly
