"""Records side by side, field by field: a sheet row beside the record it resembles, or two records
of one person beside what merging them gives (the import preview and 档案合并).

One row per field that any of the records fills; list fields (honours with level and year,
deeds, donations with their amounts) one item per line. Fields the two sides fill
differently (conflicts) are tinted, and the side a person may choose instead carries a
check box: ticked, that side's value is used. The text of each value comes from the core
(`diffs.describe`), as in the history and conflict views.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ..core.diffs import FIELDS, describe
from ..core.record_merge import Conflict
from ..core.records import Honouree
from .diff_table import field_label
from .i18n import current_language

Index = QModelIndex | QPersistentModelIndex
CONFLICT_COLOUR = "#fdf0cf"
TAKEN_COLOUR = "#e3f1dc"


class ComparisonModel(QAbstractTableModel):
    """Fields down, records across. `choosable` is the column whose conflicting values can be ticked."""

    take_changed = Signal(str, bool)  # field, whether the choosable column's value is used

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[tuple[str, list[str]]] = []  # field, text per record
        self._conflicts: dict[str, Conflict] = {}
        self._choosable: int | None = None

    def set_records(
        self,
        headers: list[str],
        records: list[Honouree | None],
        conflicts: list[Conflict] = (),
        choosable: int | None = None,
        photos: list[list[str]] | None = None,
    ) -> None:
        """Show `records` under `headers` (a None record: an empty column). `photos` overrides the
        photo lines of each column (a sheet row names files; a record holds stored photos)."""
        lang = current_language()
        self.beginResetModel()
        self._headers = [self.tr("Field"), *headers]
        data = [r.to_dict() if r is not None else None for r in records]
        self._rows = []
        for name in FIELDS:
            if name == "photos" and photos is not None:
                texts = ["\n".join(p) for p in photos]
            else:
                texts = [describe(name, d.get(name), lang) if d is not None else "" for d in data]
            if any(texts):
                self._rows.append((name, texts))
        self._conflicts = {c.field: c for c in conflicts}
        self._choosable = choosable
        self.endResetModel()

    def set_lines(self, headers: list[str], lines: list[tuple[str, list[str]]]) -> None:
        """Show labelled lines as they are (a sheet row that could not be read: its cells)."""
        self.beginResetModel()
        self._headers = [self.tr("Field"), *headers]
        self._rows = lines
        self._conflicts = {}
        self._choosable = None
        self.endResetModel()

    def fields(self) -> list[str]:
        return [name for name, _ in self._rows]

    def text(self, field: str, column: int) -> str:
        """The text shown for `field` in record column `column` (0: the first record)."""
        return next((texts[column] for name, texts in self._rows if name == field), "")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def _is_choice(self, index: Index) -> bool:
        return (
            self._choosable is not None
            and index.column() == self._choosable + 1
            and self._rows[index.row()][0] in self._conflicts
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self._is_choice(index):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        name, texts = self._rows[index.row()]
        column = index.column()
        conflict = self._conflicts.get(name)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (field_label(name) if column == 0 else texts[column - 1]) or None
        if role == Qt.ItemDataRole.CheckStateRole and self._is_choice(index):
            assert conflict is not None
            return Qt.CheckState.Checked if conflict.taken else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and conflict is not None and column > 0:
            chosen = self._choosable is not None and column == self._choosable + 1 and conflict.taken
            return QBrush(QColor(TAKEN_COLOUR if chosen else CONFLICT_COLOUR))
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or not self._is_choice(index):
            return False
        taken = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        self.take_changed.emit(self._rows[index.row()][0], taken)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


def comparison_view(model: ComparisonModel, name: str) -> QTableView:
    """A read-only table for a ComparisonModel: rows grow to fit their lines, columns share the width."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    model.modelReset.connect(lambda: header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents))
    return view
