"""File ▸ Import spreadsheet…: choose a sheet, check how its columns are read, preview, import.

Nothing is written until the Import button: the dialog shows the core's import plan (every
row as add / update / merge / skip / unchanged / error, with the reason) in a table a clerk
reads like the sheet itself, and the selected row in full in the pane beside it
(import_detail.py): every field it will write, every error and warning, and for a possible
duplicate the record it resembles side by side. A possible duplicate is merged by default;
the Action cell (a drop-down), the pane's buttons or "all possible duplicates" switch it to
add as new or skip. Staff can also change which field each sheet column fills. The plan is
then applied as one transaction. Rows with errors block the import unless "Skip rows with
errors" is ticked. Large sheets get a progress dialog whose Cancel rolls the import back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.diffs import describe
from ..core.errors import HonoursError
from ..core.import_plan import (
    ADD,
    DUPLICATE_CHOICES,
    ERROR,
    MERGE,
    SKIP,
    UNCHANGED,
    UPDATE,
    ImportPlan,
    PlannedRow,
    is_workbook,
    plan_export,
    plan_table,
)
from ..core.registry import Registry
from ..core.spreadsheet import FIELDS, Table, guess_mapping, read_table
from .dialog_size import remember_size
from .i18n import current_language
from .import_detail import RowDetail, choice_labels, column_letter

if TYPE_CHECKING:  # the window type, for hints only (the window imports the features)
    from .main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls

Index = QModelIndex | QPersistentModelIndex
PAIRS_PER_LINE = 4  # sheet columns shown side by side in the mapping area
PROGRESS_FROM_ROWS = 500  # smaller sheets are planned and imported without a progress dialog
EXPORT_SUFFIXES = (".json", ".zip")


class ImportCancelled(Exception):
    """Raised from a progress callback when the user presses Cancel (rolls the import back)."""


def field_labels() -> dict[str | None, str]:
    """What each field is called in the column combos (None: the column is not imported): the
    sheet's fields from the field spec (core/fields.py) in the UI's language."""
    language = current_language()
    return {None: translate("ImportDialog", "(not imported)"), **{f.key: f.label(language) for f in FIELDS}}


ACTION_COLOURS = {
    ADD: "#e2f3df",
    UPDATE: "#dfeaf8",
    UNCHANGED: "#eeeeee",
    ERROR: "#fbe0dd",
    MERGE: "#ece2f7",
    SKIP: "#e4e4e4",
}
WARNING_COLOUR = "#fff0c2"
DUPLICATE_COLOUR = "#f6e7c9"  # a possible duplicate added as a new record all the same
SHOW_ALL, SHOW_DUPLICATES, SHOW_ERRORS, SHOW_WARNINGS = "all", "duplicates", "errors", "warnings"


class PreviewModel(QAbstractTableModel):
    """One line per sheet row: what the import will do with it, coloured by action. A possible
    duplicate's Action cell is editable (merge / add as new / skip): `on_choice(row, choice)`."""

    ROW, ACTION, NAME, UNIT, HONOURS, DETAILS = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[PlannedRow] = []
        self._rows: list[PlannedRow] = []
        self._shown = SHOW_ALL
        self.on_choice = None
        self._headers = [
            translate("ImportDialog", "Row"),
            translate("ImportDialog", "Action"),
            translate("ImportDialog", "Name"),
            translate("ImportDialog", "Unit"),
            translate("ImportDialog", "Honours"),
            translate("ImportDialog", "Details"),
        ]
        self._actions = {
            ADD: translate("ImportDialog", "Add"),
            UPDATE: translate("ImportDialog", "Update"),
            UNCHANGED: translate("ImportDialog", "Unchanged"),
            ERROR: translate("ImportDialog", "Error"),
            MERGE: translate("ImportDialog", "Merge"),
            SKIP: translate("ImportDialog", "Skip"),
        }
        self._updates = translate("ImportDialog", "Updates record #%1.")

    def set_rows(self, rows: list[PlannedRow]) -> None:
        self.beginResetModel()
        self._all = rows
        self._rows = self._filtered()
        self.endResetModel()

    def show_only(self, which: str) -> None:
        """All rows, or only possible duplicates, rows with errors, or rows with warnings."""
        self.beginResetModel()
        self._shown = which
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[PlannedRow]:
        keep = {
            SHOW_DUPLICATES: lambda r: r.match is not None,
            SHOW_ERRORS: lambda r: r.action == ERROR,
            SHOW_WARNINGS: lambda r: bool(r.warnings),
        }.get(self._shown)
        return self._all if keep is None else [r for r in self._all if keep(r)]

    def refresh(self) -> None:
        """The plan changed its rows in place (a choice was switched): repaint them all."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.DETAILS))

    def planned_row(self, row: int) -> PlannedRow:
        return self._rows[row]

    def row_of(self, sheet_row: int) -> int:
        """The table row showing a sheet row (-1 when filtered out)."""
        return next((i for i, r in enumerate(self._rows) if r.row == sheet_row), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.ACTION and self._rows[index.row()].match is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def action_text(self, planned: PlannedRow) -> str:
        text = self._actions.get(planned.action, planned.action)
        if planned.action == MERGE and planned.match is not None:
            if planned.target_id is not None:
                return f"{text} → #{planned.target_id}"
            return f"{text} → " + translate("ImportDialog", "row %1").replace("%1", str(planned.same_as_row))
        if planned.match is not None:
            return f"{text} ▾"  # a choice: the drop-down changes it
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        planned = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.ROW:
                return planned.row
            if column == self.ACTION:
                return self.action_text(planned)
            if column == self.HONOURS:
                record = planned.record
                if record is None or not record.honours:
                    return ""
                return describe("honours", record.to_dict()["honours"], current_language()).replace(
                    "\n", "；"
                )
            if column == self.DETAILS:
                reason = planned.reason(current_language())
                if planned.action == UPDATE and planned.target_id:
                    updates = self._updates.replace("%1", str(planned.target_id))
                    return f"{updates} {reason}".strip()
                return reason
            return (planned.name, planned.unit)[column - self.NAME]
        if role == Qt.ItemDataRole.EditRole and column == self.ACTION:
            return planned.choice
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == self.DETAILS and planned.warnings and planned.action != ERROR:
                return QBrush(QColor(WARNING_COLOUR))
            if planned.match is not None and planned.action == ADD:
                return QBrush(QColor(DUPLICATE_COLOUR))
            return QBrush(QColor(ACTION_COLOURS.get(planned.action, "#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = {ERROR: "#8b1a10", SKIP: "#6a6a6a"}.get(planned.action, "#202020")
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.HONOURS, self.DETAILS):
            return self.data(index) or None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ACTION and planned.match is not None:
            return translate(
                "ImportDialog", "A possible duplicate: double-click to merge, add as new or skip it."
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() != self.ACTION
            or value not in DUPLICATE_CHOICES
            or self.on_choice is None
        ):
            return False
        planned = self._rows[index.row()]
        if planned.match is None:
            return False
        if planned.choice != value:
            self.on_choice(planned.row, value)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class ChoiceDelegate(QStyledItemDelegate):
    """The Action cell of a possible duplicate as a drop-down: merge, add as new, skip."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("choiceCombo")
        for choice, label in choice_labels().items():
            combo.addItem(label, choice)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        editor.showPopup()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MappingEditor(QWidget):
    """A combo per sheet column choosing the field it fills; `mapping()` reads them back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combos: list[QComboBox] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(4, 4, 4, 4)
        self._on_change = None

    def set_columns(self, headers: list[str], mapping: list[str | None], on_change) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.combos = []
        labels = field_labels()
        keys = [None, *(f.key for f in FIELDS)]
        for index, (header, key) in enumerate(zip(headers, mapping, strict=False)):
            letter = column_letter(index)
            caption = QLabel(f"{letter}  {header}" if header else letter)
            caption.setToolTip(header)
            combo = QComboBox()
            combo.setObjectName(f"mappingCombo{index}")
            for choice in keys:
                combo.addItem(labels[choice], choice)
            combo.setCurrentIndex(keys.index(key) if key in keys else 0)
            combo.currentIndexChanged.connect(lambda _i: on_change())
            row, pair = divmod(index, PAIRS_PER_LINE)
            self._grid.addWidget(caption, row, pair * 2)
            self._grid.addWidget(combo, row, pair * 2 + 1)
            self.combos.append(combo)

    def mapping(self) -> list[str | None]:
        return [combo.currentData() for combo in self.combos]


class ImportDialog(QDialog):
    """Preview and run the import of one file into the registry."""

    def __init__(
        self, registry: Registry, path: str | Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import spreadsheet"))
        self.registry = registry
        self.path: Path | None = None
        self.table: Table | None = None
        self.plan: ImportPlan | None = None
        self.imported = None  # the ImportOutcome once the import has run
        self.skipped = 0  # rows with errors left out of it
        self.duplicate_outcome: dict[str, int] | None = None  # what became of the possible duplicates
        self._build()
        self.resize(1240, 660)
        remember_size(self)
        if path is not None:
            self.load(Path(path))

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.file_label = QLabel(self.tr("No file chosen."))
        self.file_label.setObjectName("importFileLabel")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choose = QPushButton(self.tr("Choose &file…"))
        choose.setObjectName("chooseFileButton")
        choose.clicked.connect(self.choose_file)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheetCombo")
        self.sheet_combo.setVisible(False)
        self.sheet_combo.activated.connect(lambda _i: self._reload_sheet())
        self.info_label = QLabel()
        self.info_label.setObjectName("importInfoLabel")
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.info_label)
        top.addWidget(self.sheet_combo)
        top.addWidget(choose)

        self.mapping_editor = MappingEditor()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.mapping_editor)
        self.mapping_box = QGroupBox(self.tr("Columns: choose what each column of the sheet fills"))
        self.mapping_box.setObjectName("mappingBox")
        box_layout = QVBoxLayout(self.mapping_box)
        box_layout.setContentsMargins(2, 2, 2, 2)
        box_layout.addWidget(scroll)

        self.preview_model = PreviewModel(self)
        self.preview_model.on_choice = self.set_choice
        self.preview = QTableView()
        self.preview.setObjectName("previewTable")
        self.preview.setModel(self.preview_model)
        self.preview.setItemDelegateForColumn(PreviewModel.ACTION, ChoiceDelegate(self.preview))
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.preview.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.preview.verticalHeader().setVisible(False)
        self.preview.verticalHeader().setDefaultSectionSize(22)
        self.preview.setWordWrap(False)
        header = self.preview.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((44, 112, 60, 150, 150)):
            self.preview.setColumnWidth(column, width)
        self.preview.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())

        self.show_combo = QComboBox()
        self.show_combo.setObjectName("showRowsCombo")
        for key, label in (
            (SHOW_ALL, self.tr("All rows")),
            (SHOW_DUPLICATES, self.tr("Possible duplicates")),
            (SHOW_ERRORS, self.tr("Rows with errors")),
            (SHOW_WARNINGS, self.tr("Rows with warnings")),
        ):
            self.show_combo.addItem(label, key)
        self.show_combo.currentIndexChanged.connect(lambda _i: self._filter())
        self.duplicates_label = QLabel()
        self.duplicates_label.setObjectName("duplicatesLabel")
        self.bulk_buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        show_label = QLabel(self.tr("S&how:"))
        show_label.setBuddy(self.show_combo)
        bar.addWidget(show_label)
        bar.addWidget(self.show_combo)
        bar.addStretch(1)
        bar.addWidget(self.duplicates_label)
        for choice, label in (
            (MERGE, self.tr("Merge all")),
            (ADD, self.tr("Add all as new")),
            (SKIP, self.tr("Skip all")),
        ):
            button = QPushButton(label)
            button.setObjectName(f"allDuplicates_{choice}")
            button.setToolTip(self.tr("Do this with every possible duplicate"))
            button.clicked.connect(lambda _=False, c=choice: self.set_all_duplicates(c))
            self.bulk_buttons[choice] = button
            bar.addWidget(button)
        table_side = QWidget()
        table_layout = QVBoxLayout(table_side)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(bar)
        table_layout.addWidget(self.preview, 1)

        self.detail = RowDetail(self.registry, self.set_choice, self.set_take)
        across = QSplitter(Qt.Orientation.Horizontal)
        across.setObjectName("previewSplitter")
        across.addWidget(table_side)
        across.addWidget(self.detail)
        across.setStretchFactor(0, 3)
        across.setStretchFactor(1, 2)
        across.setSizes([700, 500])

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.mapping_box)
        splitter.addWidget(across)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([110, 460])

        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.notices_label = QLabel()
        self.notices_label.setObjectName("importNotices")
        self.notices_label.setWordWrap(True)
        self.skip_errors = QCheckBox(self.tr("&Skip rows with errors"))
        self.skip_errors.setObjectName("skipErrorsCheck")
        self.skip_errors.toggled.connect(lambda _on: self._update_buttons())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)

        bottom = QHBoxLayout()
        bottom.addWidget(self.counts_label, 1)
        bottom.addWidget(self.skip_errors)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.notices_label)
        layout.addLayout(bottom)
        self._update_buttons()

    # -- loading and planning --------------------------------------------------------------------
    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import spreadsheet"),
            start,
            self.tr(
                "Spreadsheets and Honours exports (*.xlsx *.xlsm *.csv *.txt *.zip *.json);;All files (*)"
            ),
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path, sheet: str | None = None) -> bool:
        """Read a file and plan it; a file that cannot be read is explained, nothing else changes."""
        self._close_plan()
        self.path = path
        self.table = None
        self.file_label.setText(str(path))
        self.info_label.clear()
        try:
            if path.suffix.lower() in EXPORT_SUFFIXES and not is_workbook(path):
                self.mapping_box.setVisible(False)
                self.sheet_combo.setVisible(False)
                self._set_plan(
                    self._with_progress(
                        lambda p: plan_export(self.registry, path, progress=p), self.tr("Reading the export…")
                    )
                )
                self.info_label.setText(
                    self.tr(
                        "An Honours export: records are added as they were saved, "
                        "with their photos and dates."
                    )
                )
                return True
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.table = read_table(path, sheet)
            finally:
                QApplication.restoreOverrideCursor()
        except HonoursError as error:
            self._show_failure(error)
            return False
        self._show_table_info()
        mapping = guess_mapping(self.table.headers)
        self.mapping_box.setVisible(True)
        self.mapping_editor.set_columns(self.table.headers, mapping, self.replan)
        self.replan()
        return True

    def _reload_sheet(self) -> None:
        if self.path is not None:
            self.load(self.path, self.sheet_combo.currentText())

    def _show_table_info(self) -> None:
        table = self.table
        assert table is not None
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(table.sheet_names)
        self.sheet_combo.setCurrentText(table.sheet)
        self.sheet_combo.blockSignals(False)
        self.sheet_combo.setVisible(len(table.sheet_names) > 1)
        rows = len(table.rows)
        text = self.tr("Header in row %1; data rows: %2.", "", rows).replace("%1", str(table.header_row))
        text = text.replace("%2", f"{rows:,}")  # with a thousands separator, like the other counts
        if table.encoding:
            text += " " + self.tr("Text encoding: %1.").replace("%1", table.encoding)
        self.info_label.setText(text)

    def replan(self) -> None:
        """Plan again with the mapping shown (after a combo changed); errors are explained in place."""
        if self.table is None:
            return
        table, mapping = self.table, self.mapping_editor.mapping()
        self._close_plan()
        try:
            plan = self._with_progress(
                lambda p: plan_table(self.registry, table, mapping=mapping, progress=p),
                self.tr("Checking the rows…"),
                rows=len(table.rows),
            )
        except ImportCancelled:
            self._set_plan(None)
            return
        except HonoursError as error:
            self._set_plan(None)
            self.notices_label.setText(error.message(current_language()))
            return
        self._set_plan(plan)

    def _set_plan(self, plan: ImportPlan | None) -> None:
        self.plan = plan
        self.preview_model.set_rows(plan.rows if plan else [])
        lang = current_language()
        self.notices_label.setText(
            "\n".join(notice.render(lang) for notice in (plan.notices if plan else []))
        )
        self._show_counts()
        self.detail.show_row(None, None)
        if self.preview_model.rowCount():
            self.preview.selectionModel().setCurrentIndex(
                self.preview_model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _show_counts(self) -> None:
        plan = self.plan
        duplicates = len(plan.duplicates) if plan else 0
        for button in self.bulk_buttons.values():
            button.setVisible(duplicates > 0)
        if plan is None:
            self.counts_label.clear()
            self.duplicates_label.clear()
            self._update_buttons()
            return
        counts = plan.counts()
        text = (
            self.tr("To add: %1   To update: %2   Unchanged: %3   Rows with errors: %4")
            .replace("%1", f"{counts[ADD]:,}")
            .replace("%2", f"{counts[UPDATE]:,}")
            .replace("%3", f"{counts[UNCHANGED]:,}")
            .replace("%4", f"{counts[ERROR]:,}")
        )
        if duplicates:
            chosen = plan.duplicate_counts()
            text += "   " + (
                self.tr("Possible duplicates: %1 (merge %2, add %3, skip %4)")
                .replace("%1", f"{duplicates:,}")
                .replace("%2", f"{chosen[MERGE]:,}")
                .replace("%3", f"{chosen[ADD]:,}")
                .replace("%4", f"{chosen[SKIP]:,}")
            )
            self.duplicates_label.setText(self.tr("Possible duplicates:"))
        else:
            self.duplicates_label.clear()
        self.counts_label.setText(text)
        self._update_buttons()

    # -- the preview's rows ----------------------------------------------------------------------
    def current_row(self) -> PlannedRow | None:
        index = self.preview.currentIndex()
        return self.preview_model.planned_row(index.row()) if index.isValid() else None

    def select_sheet_row(self, sheet_row: int) -> bool:
        """Make a sheet row the current one (shown in the detail pane); False when it is not listed."""
        row = self.preview_model.row_of(sheet_row)
        if row < 0:
            return False
        self.preview.selectionModel().setCurrentIndex(
            self.preview_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _show_current(self) -> None:
        self.detail.show_row(self.plan, self.current_row())

    def _filter(self) -> None:
        current = self.current_row()
        self.preview_model.show_only(self.show_combo.currentData())
        if current is None or not self.select_sheet_row(current.row):
            if self.preview_model.rowCount():
                self.select_sheet_row(self.preview_model.planned_row(0).row)
            else:
                self.detail.show_row(None, None)

    def _replanned(self) -> None:
        """The plan changed in place (a choice or a conflict's side): repaint, recount, show again."""
        self.preview_model.refresh()
        self._show_counts()
        self._show_current()

    def set_choice(self, sheet_row: int, choice: str) -> None:
        """Merge, add or skip a possible duplicate; with several rows selected, all selected duplicates."""
        if self.plan is None:
            return
        rows = {sheet_row}
        selected = [
            self.preview_model.planned_row(i.row()) for i in self.preview.selectionModel().selectedRows()
        ]
        if any(r.row == sheet_row for r in selected):
            rows |= {r.row for r in selected if r.match is not None}
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.plan.set_choice(sorted(rows), choice)
        finally:
            QApplication.restoreOverrideCursor()
        self._replanned()

    def set_all_duplicates(self, choice: str) -> None:
        if self.plan is not None:
            self.plan.set_all_duplicates(choice)
            self._replanned()

    def set_take(self, sheet_row: int, field: str, taken: bool) -> None:
        if self.plan is not None:
            self.plan.set_take(sheet_row, field, taken)
            self._replanned()

    def _show_failure(self, error: HonoursError) -> None:
        self._set_plan(None)
        self.mapping_editor.set_columns([], [], self.replan)
        self.notices_label.setText(error.message(current_language()))

    def _update_buttons(self) -> None:
        if not hasattr(self, "import_button"):
            return  # still being built
        plan = self.plan
        counts = plan.counts() if plan else {ADD: 0, UPDATE: 0, ERROR: 0}
        writable = counts[ADD] + counts[UPDATE] > 0
        blocked = counts[ERROR] > 0 and not self.skip_errors.isChecked()
        self.skip_errors.setEnabled(counts[ERROR] > 0)
        self.import_button.setEnabled(bool(plan) and writable and not blocked)
        if blocked:
            self.import_button.setToolTip(
                self.tr("Some rows have errors: correct the sheet, or tick “Skip rows with errors”.")
            )
        else:
            self.import_button.setToolTip("")

    # -- running ---------------------------------------------------------------------------------
    def _with_progress(self, work, label: str, rows: int = 0):
        """Run `work(progress)` showing a cancellable progress dialog when the sheet is large."""
        if rows and rows < PROGRESS_FROM_ROWS:
            return work(None)
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 100, self)
        dialog.setObjectName("importProgress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)

        def progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))
            QCoreApplication.processEvents()
            if dialog.wasCanceled():
                raise ImportCancelled

        try:
            return work(progress)
        finally:
            dialog.close()
            dialog.deleteLater()

    def run_import(self) -> None:
        """Apply the plan in one transaction; on any failure nothing is written and the reason shown."""
        plan = self.plan
        if plan is None:
            return
        total = sum(1 for r in plan.rows if r.action in (ADD, UPDATE, MERGE))
        try:
            outcome = self._with_progress(
                lambda p: plan.apply(self.registry, skip_errors=self.skip_errors.isChecked(), progress=p),
                self.tr("Importing…"),
                rows=total,
            )
        except ImportCancelled:
            self.notices_label.setText(self.tr("Import cancelled: nothing was imported."))
            return
        except HonoursError as error:
            message = error.message(current_language()) + "\n" + self.tr("Nothing was imported.")
            if self.table is not None:
                self.replan()  # the registry may have changed under the plan (another window saved)
            self.notices_label.setText(message)
            return
        self.imported = outcome
        self.skipped = len(plan.errors) if self.skip_errors.isChecked() else 0
        self.duplicate_outcome = plan.duplicate_counts() if plan.duplicates else None
        self.accept()

    def summary(self) -> str:
        """What the import did, for the status bar."""
        outcome = self.imported
        if outcome is None:
            return ""
        done = (
            self.tr("Imported: %1 added, %2 updated.")
            .replace("%1", str(len(outcome.added)))
            .replace("%2", str(len(outcome.updated)))
        )
        skipped = self.skipped  # lupdate misses a translate() whose arguments hold an attribute
        if skipped:
            done += " " + self.tr("%n row(s) with errors were skipped.", "", skipped)
        chosen = self.duplicate_outcome
        if chosen:
            done += " " + (
                self.tr("Possible duplicates: %1 merged, %2 added as new, %3 skipped.")
                .replace("%1", str(chosen[MERGE]))
                .replace("%2", str(chosen[ADD]))
                .replace("%3", str(chosen[SKIP]))
            )
        return done

    def _close_plan(self) -> None:
        if self.plan is not None:
            self.plan.close()
            self.plan = None

    def done(self, result: int) -> None:
        self._close_plan()
        super().done(result)


def open_import(window: MainWindow) -> ImportDialog | None:
    """Ask for a file and show the import dialog for it; returns the dialog after it closed."""
    name, _ = QFileDialog.getOpenFileName(
        window,
        translate("ImportDialog", "Import spreadsheet"),
        str(Path.home()),
        translate(
            "ImportDialog",
            "Spreadsheets and Honours exports (*.xlsx *.xlsm *.csv *.txt *.zip *.json);;All files (*)",
        ),
    )
    if not name:
        return None
    dialog = ImportDialog(window.registry, Path(name), window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        window.status_message(dialog.summary())
    return dialog


def install(window: MainWindow) -> None:
    """File ▸ Import spreadsheet…"""
    action = QAction(translate("ImportDialog", "&Import spreadsheet…"), window)
    action.setObjectName("importSpreadsheetAction")
    action.triggered.connect(lambda: open_import(window))
    window.menu("file").addAction(action)
