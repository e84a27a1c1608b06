"""The trash: honourees deleted from the roll, restorable until the trash is emptied.

Emptying is the one permanent step, so it asks first and takes an automatic backup
(`before-empty-trash`) before anything is removed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import HonoursError
from ..core.registry import Registry
from .dialog_size import remember_size
from .history_dialog import when_label
from .i18n import current_language

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls

Index = QModelIndex | QPersistentModelIndex
TrashRow = tuple[int, str, str, str]  # id, name, unit, deleted_at


class TrashModel(QAbstractTableModel):
    """The trash's rows, newest deletion first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TrashRow] = []
        self._headers = [
            translate("TrashDialog", "Name"),
            translate("TrashDialog", "Unit"),
            translate("TrashDialog", "Deleted"),
        ]

    def set_rows(self, rows: list[TrashRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def id_at(self, row: int) -> int | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        _, name, unit, deleted_at = self._rows[index.row()]
        return (name, unit, when_label(deleted_at))[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class TrashDialog(QDialog):
    """List the trash; restore the chosen honourees; empty it (after asking).

    `restored(ids, names)` follows every restore, for the main window's status bar.
    """

    restored = Signal(list, list)

    def __init__(self, registry: Registry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(self.tr("Trash"))
        self.registry = registry
        self.resize(640, 420)
        remember_size(self)

        self.summary = QLabel()
        self.summary.setObjectName("trashSummary")
        self.model = TrashModel(self)
        self.table = QTableView()
        self.table.setObjectName("trashTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # Fixed sensible widths: sized to their contents, an empty trash's columns were squashed
        # to their titles. Names are short, units long; the deletion time takes the rest.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        em = self.table.fontMetrics().horizontalAdvance("中")
        self.table.setColumnWidth(0, 8 * em)
        self.table.setColumnWidth(1, 18 * em)
        header.setMinimumSectionSize(4 * em)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())

        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setObjectName("restoreFromTrashButton")
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = QPushButton(self.tr("&Empty Trash…"))
        self.empty_button.setObjectName("emptyTrashButton")
        self.empty_button.clicked.connect(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    def reload(self) -> None:
        rows = self.registry.trash()
        self.model.set_rows(rows)
        count = len(rows)
        if count:
            self.summary.setText(
                self.tr("%n honouree(s) in the trash. They can be restored until it is emptied.", "", count)
            )
        else:
            self.summary.setText(self.tr("The trash is empty."))
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [i for i in (self.model.id_at(r) for r in rows) if i is not None]

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.selected_ids()))
        self.empty_button.setEnabled(self.model.rowCount() > 0)

    def restore_selected(self) -> list[int]:
        """Bring the chosen honourees back to the roll; returns their ids."""
        restored, names = [], []
        for honouree_id in self.selected_ids():
            try:
                names.append(self.registry.restore(honouree_id).name)
            except HonoursError as error:
                QMessageBox.warning(self, self.tr("Trash"), error.message(current_language()))
                break
            restored.append(honouree_id)
        self.reload()
        if restored:
            self.restored.emit(restored, names)
        return restored

    def confirm_empty(self, count: int) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Empty Trash"),
            self.tr(
                "Delete the %n honouree(s) in the trash for good? A backup is made first, "
                "but they can no longer be restored from the trash.",
                "",
                count,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def empty(self) -> int:
        """Empty the trash after asking, backing up first; returns how many were removed."""
        count = self.model.rowCount()
        if not count or not self.confirm_empty(count):
            return 0
        try:
            self.registry.backup_before("before-empty-trash")
            removed = self.registry.empty_trash()
        except HonoursError as error:
            QMessageBox.warning(self, self.tr("Trash"), error.message(current_language()))
            return 0
        self.reload()
        return removed


def restored_message(names: list[str]) -> str:
    """What the status bar says after a restore: the name, or how many."""
    count = len(names)
    if count == 1:
        return translate("TrashDialog", "Restored “%1” from the trash.").replace("%1", names[0])
    return translate("TrashDialog", "Restored %n honourees from the trash.", "", count)


def open_trash(window: MainWindow) -> TrashDialog:
    dialog = TrashDialog(window.registry, window)
    dialog.restored.connect(lambda _ids, names: window.status_message(restored_message(names)))
    return dialog


def install(window: MainWindow) -> None:
    """Edit ▸ Trash…"""
    action = QAction(translate("TrashDialog", "&Trash…"), window)
    action.setObjectName("trashAction")
    action.triggered.connect(lambda: open_trash(window).exec())
    window.menu("edit").addAction(action)
