"""A field-by-field comparison table, shared by the history and conflict dialogs.

The comparison itself (`honours.core.diffs.differences`) lives in the core; this is only
its view: one row per differing field, the old and new text side by side, list fields
(honours, deeds, donations, photos) one item per line.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ..core.diffs import FieldChange
from ..core.fields import field_label as spec_label
from .i18n import current_language

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls

Index = QModelIndex | QPersistentModelIndex


def field_label(field: str) -> str:
    """A record field's name in the UI's language, from the field spec (core/fields.py), as the
    vocabularies' labels reach the screen (labels.py)."""
    return spec_label(field, current_language())


class DiffModel(QAbstractTableModel):
    """Rows of FieldChange: field, then the two versions under the given headers."""

    def __init__(self, old_header: str, new_header: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = [translate("FieldLabels", "Field"), old_header, new_header]
        self._changes: list[FieldChange] = []
        self._emphasised: set[str] = set()

    def set_changes(self, changes: list[FieldChange], emphasised: list[str] | None = None) -> None:
        """Show these changes; rows of the `emphasised` fields are bold (e.g. both sides changed them)."""
        self.beginResetModel()
        self._changes = list(changes)
        self._emphasised = set(emphasised or [])
        self.endResetModel()

    def is_emphasised(self, row: int) -> bool:
        return 0 <= row < len(self._changes) and self._changes[row].field in self._emphasised

    def changes(self) -> list[FieldChange]:
        return list(self._changes)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.FontRole and self.is_emphasised(index.row()):
            font = QFont()
            font.setBold(True)
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        change = self._changes[index.row()]
        if index.column() == 0:
            return field_label(change.field)
        text = change.before if index.column() == 1 else change.after
        return text or "—"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


def diff_view(model: DiffModel, object_name: str) -> QTableView:
    """A read-only table for a DiffModel whose rows grow to show multi-line values."""
    view = QTableView()
    view.setObjectName(object_name)
    view.setModel(model)
    view.setWordWrap(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    model.modelReset.connect(view.resizeRowsToContents)
    return view
