"""The results table: a QTableView over the RollModel, set up for quick keyboard and mouse use.

Rows are fixed-height (the model never has to measure text), selection is by whole rows,
headers can be dragged and sorted (clicking a third time returns to the search's own
ranking), and the first start fits the default column widths into the space there is.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from .roll_model import COLUMN_INDEX, THUMB_SIZE, RollModel

ROW_HEIGHT = THUMB_SIZE + 8
DEFAULT_WIDTHS = {"photo": ROW_HEIGHT + 4, "name": 92, "unit": 170, "position": 96, "honours": 210,
                  "level": 76, "region": 72, "status": 56}
MIN_WIDTHS = {"name": 84, "unit": 120, "honours": 140}  # the others may shrink to 48


class ResultsTable(QTableView):
    """The table of honourees; ids in and out (`current_id`, `selected_ids`, `select_id`)."""

    def __init__(self, model: RollModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsTable")
        self.roll = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setIconSize(QSize(THUMB_SIZE, THUMB_SIZE))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSortIndicatorClearable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._fit_on_show = False
        self.apply_default_widths()

    # -- columns -----------------------------------------------------------------------------
    def restore_header(self, state) -> bool:
        """Column order, widths and sort from the settings; False (and fit on show) if there were none."""
        header = self.horizontalHeader()
        restored = not state.isEmpty() and header.restoreState(state)
        if not restored:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self._fit_on_show = True
        header.setSectionResizeMode(COLUMN_INDEX["photo"], QHeaderView.ResizeMode.Fixed)
        return restored

    def apply_default_widths(self) -> None:
        """Default widths, shrunk when the table is narrower than their sum.

        No column goes below its floor (its minimum, and room for its title); what the
        columns have above their floors shrinks in proportion, so the table still fits.
        """
        available = self.viewport().width() if self.isVisible() else 0
        keys = [k for k in DEFAULT_WIDTHS if k != "photo"]
        floors = {k: max(MIN_WIDTHS.get(k, 48), self._title_width(COLUMN_INDEX[k])) for k in keys}
        wanted = {k: max(DEFAULT_WIDTHS[k], floors[k]) for k in keys}
        room = available - DEFAULT_WIDTHS["photo"] - 4
        spare = sum(wanted[k] - floors[k] for k in keys)
        if available > 0 and spare and sum(wanted.values()) > room:
            share = max(0.0, room - sum(floors.values())) / spare
            wanted = {k: floors[k] + int((wanted[k] - floors[k]) * share) for k in keys}
        self.setColumnWidth(COLUMN_INDEX["photo"], DEFAULT_WIDTHS["photo"])
        for key in keys:
            self.setColumnWidth(COLUMN_INDEX[key], wanted[key])

    def _title_width(self, column: int) -> int:
        """Room for the column's title and sort arrow: English titles ("Highest level") are
        longer than the Chinese ones the default widths were chosen for, and must not be cut."""
        title = self.roll.headerData(column, Qt.Orientation.Horizontal) or ""
        return self.horizontalHeader().fontMetrics().horizontalAdvance(str(title)) + 20

    def reset_columns(self) -> None:
        header = self.horizontalHeader()
        for logical in range(header.count()):
            header.moveSection(header.visualIndex(logical), logical)
        self.apply_default_widths()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_on_show:
            self._fit_on_show = False
            QTimer.singleShot(0, self, self.apply_default_widths)  # once the layout has given us a size

    # -- ids ---------------------------------------------------------------------------------
    def current_id(self) -> int | None:
        index = self.currentIndex()
        return self.roll.id_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows in table order (the current row when nothing is selected)."""
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        ids = [self.roll.id_at(row) for row in rows]
        if not ids and self.currentIndex().isValid():
            ids = [self.roll.id_at(self.currentIndex().row())]
        return [i for i in ids if i is not None]

    def select_id(self, honouree_id: int | None, *, scroll: bool = True) -> bool:
        """Make this honouree the current, selected row if it is among the loaded rows."""
        row = self.roll.row_of(honouree_id) if honouree_id is not None else None
        if row is None:
            return False
        index = self.roll.index(row, COLUMN_INDEX["name"])
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        if scroll:
            self.scrollTo(index)
        return True
