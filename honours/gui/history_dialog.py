"""An honouree's history: every save, delete and restore, who did it and what changed.

Like Gramps' undo history: the list shows when, which OS user and what kind of change;
choosing an entry shows its field-by-field before/after; "Restore This Version" makes that
version current again through `Registry.revert_to` (itself a new, recorded change, so a
restore can be undone the same way).
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.diffs import differences
from ..core.errors import HonoursError
from ..core.registry import HistoryEntry, Registry
from .dialog_size import remember_size
from .diff_table import DiffModel, diff_view
from .i18n import current_language

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls

Index = QModelIndex | QPersistentModelIndex


def action_label(action: str) -> str:
    labels = {
        "create": translate("HistoryDialog", "Created"),
        "update": translate("HistoryDialog", "Edited"),
        "delete": translate("HistoryDialog", "Moved to trash"),
        "restore": translate("HistoryDialog", "Restored from trash"),
        "purge": translate("HistoryDialog", "Deleted for good"),
    }
    return labels.get(action, action)


def when_label(stamp: str) -> str:
    """'2025-03-01 14:05' from the stored ISO time (shown as stored when unreadable)."""
    try:
        return datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


class HistoryModel(QAbstractTableModel):
    """History entries, newest first: when, who, what."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[HistoryEntry] = []
        self._headers = [
            translate("HistoryDialog", "When"),
            translate("HistoryDialog", "By"),
            translate("HistoryDialog", "Change"),
        ]

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> HistoryEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        entry = self._entries[index.row()]
        return (when_label(entry.at), entry.os_user or "—", action_label(entry.action))[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class HistoryDialog(QDialog):
    """The history of one honouree, with "Restore This Version"."""

    reverted = Signal(int)  # the honouree id, after a version was restored

    def __init__(self, registry: Registry, honouree_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.registry = registry
        self.honouree_id = honouree_id
        self.resize(860, 560)
        remember_size(self)

        self.heading = QLabel()
        self.heading.setObjectName("historyHeading")
        self.heading.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("historyNote")
        self.note.setWordWrap(True)
        self.entries = HistoryModel(self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.entries)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.changes = DiffModel(self.tr("Before"), self.tr("After"), self)
        self.diff = diff_view(self.changes, "historyDiff")

        self.restore_button = QPushButton(self.tr("&Restore This Version"))
        self.restore_button.setObjectName("restoreVersionButton")
        self.restore_button.setToolTip(
            self.tr(
                "Make the record as it was in this version again. This is itself recorded, "
                "so it can be undone from the history too. Photos stay as they are now."
            )
        )
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.note)
        lower_layout.addWidget(self.diff, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self._show(current.row()))
        self.reload()

    def reload(self) -> None:
        """Read the history again (after a restore) and show the newest entry."""
        entries = self.registry.history(self.honouree_id)
        self.entries.set_entries(entries)
        name = next((e.after or e.before or {}).get("name", "") for e in entries) if entries else ""
        title = self.tr("History of “%1”").replace("%1", name)
        self.setWindowTitle(title)
        count = len(entries)
        summary = self.tr("%n recorded change(s). Choose one to see what it changed.", "", count)
        self.heading.setText(f"<b>{escape(title)}</b><br>{escape(summary)}")
        if entries:
            self.table.selectRow(0)
        self._show(0 if entries else -1)

    def selected_entry(self) -> HistoryEntry | None:
        return self.entries.entry(self.table.currentIndex().row())

    def _show(self, row: int) -> None:
        entry = self.entries.entry(row)
        if entry is None:
            self.changes.set_changes([])
            self.restore_button.setEnabled(False)
            return
        changes = differences(entry.before, entry.after, current_language())
        self.changes.set_changes(changes)
        self.note.setText(self._note(entry.action, bool(changes)))
        is_current = row == 0 and entry.action in ("create", "update", "restore")
        self.restore_button.setEnabled(entry.action != "purge" and not is_current)

    def _note(self, action: str, changed: bool) -> str:
        """One line saying how to read the comparison below for this kind of change."""
        if action == "create":
            return self.tr("The record as it was first saved.")
        if action == "delete":
            return self.tr("The record was moved to the trash. Restoring this version brings it back.")
        if action == "restore":
            return self.tr("The record was brought back from the trash.")
        if action == "purge":
            return self.tr(
                "The record was deleted for good when the trash was emptied; "
                "below is its last version (a backup taken before holds it)."
            )
        if not changed:
            return self.tr("Saved without changing any field.")
        return self.tr("Fields this save changed:")

    def restore_selected(self) -> bool:
        """Make the chosen version current; False (with a message) when that cannot be done."""
        entry = self.selected_entry()
        if entry is None:
            return False
        try:
            self.registry.revert_to(entry.id)
        except HonoursError as error:
            QMessageBox.warning(self, self.tr("History"), error.message(current_language()))
            return False
        self.reload()
        self.reverted.emit(self.honouree_id)
        return True


def show_history(window: MainWindow) -> HistoryDialog | None:
    """Open the history of the current honouree (modal)."""
    ids = window.selected_ids()
    if not ids:
        window.status_message(translate("HistoryDialog", "Choose an honouree first."))
        return None
    dialog = HistoryDialog(window.registry, ids[0], window)
    dialog.reverted.connect(
        lambda _id: window.status_message(translate("HistoryDialog", "The earlier version was restored."))
    )
    dialog.exec()
    return dialog


def install(window: MainWindow) -> None:
    """Edit ▸ History… for the current honouree."""
    action = QAction(translate("HistoryDialog", "&History…"), window)
    action.setObjectName("historyAction")
    action.setShortcut(QKeySequence("Ctrl+Shift+H"))
    action.triggered.connect(lambda: show_history(window))
    window.menu("edit").addAction(action)
