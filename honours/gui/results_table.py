"""The results table: a QTableView over the RollModel, set up for quick keyboard and mouse use.

Rows are fixed-height and dense (the model never has to measure text; about 20 rows show
on a 1280×720 laptop), selection is by whole rows, headers can be dragged and sorted
(clicking a third time returns to the search's own ranking), and the default widths fit
the columns shown into the space there is. A right click on the header (or View ▸
Columns) chooses which columns show; the choice, order and widths are kept by column
key (`column_state` / `restore_columns`), so a column added in a later version never
shifts the others.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from .roll_model import ALWAYS_SHOWN, COLUMN_INDEX, COLUMNS, THUMB_SIZE, RollModel

TITLE_PADDING = 16  # room beside a column's title for the margins and the sort arrow


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
        rows.setMinimumSectionSize(1)
        rows.setDefaultSectionSize(self.row_height())
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSortIndicatorClearable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.columns_popup: QMenu | None = None  # the header's column chooser while it is open
        self._fit_on_show = False
        self._apply_default_visibility()
        self.apply_default_widths()

    def row_height(self) -> int:
        """A dense row: the thumbnail or a line of text, whichever is taller, and a little air."""
        return max(THUMB_SIZE + 6, self.fontMetrics().height() + 10)

    # -- columns: which show, in which order, how wide ---------------------------------------
    def column_keys(self) -> list[str]:
        """The keys of the columns shown, left to right."""
        header = self.horizontalHeader()
        logical = [header.logicalIndex(visual) for visual in range(header.count())]
        return [COLUMNS[i].key for i in logical if not header.isSectionHidden(i)]

    def is_column_shown(self, key: str) -> bool:
        return not self.horizontalHeader().isSectionHidden(COLUMN_INDEX[key])

    def set_column_shown(self, key: str, shown: bool) -> None:
        """Show or hide a column (the name always shows). A column shown again goes back next
        to the column it follows by default, at its default width if it had none."""
        if key in ALWAYS_SHOWN and not shown:
            return
        header = self.horizontalHeader()
        logical = COLUMN_INDEX[key]
        if shown == self.is_column_shown(key):
            return
        if shown:
            before = [c.key for c in COLUMNS[:logical] if self.is_column_shown(c.key)]
            target = header.visualIndex(COLUMN_INDEX[before[-1]]) + 1 if before else 0
            current = header.visualIndex(logical)
            header.moveSection(current, target if target <= current else target - 1)
            header.showSection(logical)
            if header.sectionSize(logical) < COLUMNS[logical].minimum:
                header.resizeSection(logical, COLUMNS[logical].width)
        else:
            header.hideSection(logical)

    def fill_columns_menu(self, menu: QMenu) -> None:
        """The column chooser: a tick for every column, in the table's order."""
        menu.clear()
        header = self.horizontalHeader()
        for visual in range(header.count()):
            column = COLUMNS[header.logicalIndex(visual)]
            action = menu.addAction(self.roll.column_title(column.key))
            action.setObjectName(f"column_{column.key}")
            action.setCheckable(True)
            action.setChecked(self.is_column_shown(column.key))
            action.setEnabled(column.key not in ALWAYS_SHOWN)
            action.toggled.connect(lambda shown, key=column.key: self.set_column_shown(key, shown))
        menu.addSeparator()
        reset = menu.addAction(self.tr("Reset Columns"))
        reset.setObjectName("resetColumnsInMenu")
        reset.triggered.connect(self.reset_columns)

    def _header_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.setObjectName("columnsPopup")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.fill_columns_menu(menu)
        self.columns_popup = menu
        menu.popup(self.horizontalHeader().mapToGlobal(position))

    def column_state(self) -> tuple[list[str], dict[str, int]]:
        """(keys of the columns shown, in order; width of every column) for the settings."""
        header = self.horizontalHeader()
        widths = {
            column.key: header.sectionSize(i)
            for i, column in enumerate(COLUMNS)
            if not header.isSectionHidden(i)
        }
        return self.column_keys(), widths

    def restore_columns(self, shown: list[str], widths: dict[str, int]) -> bool:
        """The columns, order and widths a user chose; False (and defaults, fitted once the
        table is shown) when none were saved or none of them is known any more."""
        keys = [key for key in dict.fromkeys(shown) if key in COLUMN_INDEX]
        if "name" not in keys:
            self._apply_default_visibility()
            self._fit_on_show = True
            return False
        header = self.horizontalHeader()
        for visual, key in enumerate(keys):
            header.moveSection(header.visualIndex(COLUMN_INDEX[key]), visual)
        for i, column in enumerate(COLUMNS):
            header.setSectionHidden(i, column.key not in keys)
            try:
                width = int(widths.get(column.key, 0))
            except (TypeError, ValueError):
                width = 0
            header.resizeSection(i, width if width >= min(column.minimum, 24) else column.width)
        header.setSectionResizeMode(COLUMN_INDEX["photo"], QHeaderView.ResizeMode.Fixed)
        return True

    def restore_sort(self, saved: str) -> None:
        """The sort a user chose ("name", "-year"), or the search's ranking ("")."""
        key = saved.removeprefix("-")
        column = next((i for i, c in enumerate(COLUMNS) if c.order and c.order == key), -1)
        order = Qt.SortOrder.DescendingOrder if saved.startswith("-") else Qt.SortOrder.AscendingOrder
        self.horizontalHeader().setSortIndicator(column, order)

    def sort_state(self) -> str:
        header = self.horizontalHeader()
        column = header.sortIndicatorSection()
        if not 0 <= column < len(COLUMNS) or not COLUMNS[column].order:
            return ""
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        return ("-" if descending else "") + str(COLUMNS[column].order)

    def _apply_default_visibility(self) -> None:
        header = self.horizontalHeader()
        for i, column in enumerate(COLUMNS):
            header.setSectionHidden(i, not column.shown)
        header.setSectionResizeMode(COLUMN_INDEX["photo"], QHeaderView.ResizeMode.Fixed)

    def apply_default_widths(self) -> None:
        """Default widths for the columns shown, shrunk when the table is narrower than their sum.

        No column goes below its floor (its minimum, and room for its title); what the
        columns have above their floors shrinks in proportion, so the table still fits.
        """
        available = self.viewport().width() if self.isVisible() else 0
        shown = [i for i in range(len(COLUMNS)) if not self.horizontalHeader().isSectionHidden(i)]
        floors = {i: max(COLUMNS[i].minimum, self._title_width(i)) for i in shown}
        floors[COLUMN_INDEX["photo"]] = COLUMNS[COLUMN_INDEX["photo"]].width
        wanted = {i: max(COLUMNS[i].width, floors[i]) for i in shown}
        spare = sum(wanted[i] - floors[i] for i in shown)
        if available > 0 and spare and sum(wanted.values()) > available:
            share = max(0.0, available - sum(floors.values())) / spare
            wanted = {i: floors[i] + int((wanted[i] - floors[i]) * share) for i in shown}
        for i in shown:
            self.setColumnWidth(i, wanted[i])

    def _title_width(self, column: int) -> int:
        """Room for the column's title and sort arrow: English titles ("Highest level") are
        longer than the Chinese ones the default widths were chosen for, and must not be cut."""
        if COLUMNS[column].key == "photo":
            return 0
        title = self.roll.headerData(column, Qt.Orientation.Horizontal) or ""
        return self.horizontalHeader().fontMetrics().horizontalAdvance(str(title)) + TITLE_PADDING

    def reset_columns(self) -> None:
        """The columns shown on a first start, in their first order, fitted to the table."""
        header = self.horizontalHeader()
        for logical in range(header.count()):
            header.moveSection(header.visualIndex(logical), logical)
        self._apply_default_visibility()
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
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        if scroll:
            self.scrollTo(index)
        return True

    def select_ids(self, ids: list[int]) -> int:
        """Select these honourees' rows (those loaded), the first of them current; how many."""
        rows = [row for row in (self.roll.row_of(i) for i in ids) if row is not None]
        if not rows:
            return 0
        self.select_id(self.roll.id_at(rows[0]))
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in rows[1:]:
            self.selectionModel().select(self.roll.index(row, COLUMN_INDEX["name"]), flags)
        return len(rows)
