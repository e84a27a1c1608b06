"""File ▸ Import spreadsheet…: choose a sheet, check how its columns are read, preview, import.

Nothing is written until the Import button: the dialog shows the core's import plan (every
row as add / update / unchanged / error, with the reason), lets staff change which field
each sheet column fills, and then applies the plan as one transaction. Rows with errors
block the import unless "Skip rows with errors" is ticked. Large sheets get a progress
dialog whose Cancel rolls the whole import back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import HonoursError
from ..core.import_plan import (
    ADD,
    ERROR,
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

if TYPE_CHECKING:  # the window type, for hints only (the window imports the features)
    from .main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls

Index = QModelIndex | QPersistentModelIndex
PAIRS_PER_LINE = 3  # sheet columns shown side by side in the mapping area
PROGRESS_FROM_ROWS = 500  # smaller sheets are planned and imported without a progress dialog
EXPORT_SUFFIXES = (".json", ".zip")


class ImportCancelled(Exception):
    """Raised from a progress callback when the user presses Cancel (rolls the import back)."""


def field_labels() -> dict[str | None, str]:
    """What each field is called in the column combos (None: the column is not imported)."""
    return {
        None: translate("ImportDialog", "(not imported)"),
        "name": translate("ImportDialog", "Name"),
        "gender": translate("ImportDialog", "Gender"),
        "age": translate("ImportDialog", "Age"),
        "birth_date": translate("ImportDialog", "Birth date"),
        "ethnicity": translate("ImportDialog", "Ethnicity"),
        "unit": translate("ImportDialog", "Unit"),
        "position": translate("ImportDialog", "Position"),
        "region": translate("ImportDialog", "Region"),
        "category": translate("ImportDialog", "Category"),
        "status": translate("ImportDialog", "Status"),
        "honours": translate("ImportDialog", "Honours"),
        "level": translate("ImportDialog", "Honour level"),
        "year": translate("ImportDialog", "Year"),
        "awarded_by": translate("ImportDialog", "Awarded by"),
        "posthumous": translate("ImportDialog", "Posthumous"),
        "deeds": translate("ImportDialog", "Deeds"),
        "donations": translate("ImportDialog", "Donations"),
        "donation_amount": translate("ImportDialog", "Donation amount"),
        "notes": translate("ImportDialog", "Notes"),
        "photo": translate("ImportDialog", "Photos"),
        "source_report": translate("ImportDialog", "Source report"),
        "source_sentence": translate("ImportDialog", "Source sentence"),
    }


ACTION_COLOURS = {ADD: "#e2f3df", UPDATE: "#dfeaf8", UNCHANGED: "#eeeeee", ERROR: "#fbe0dd"}


class PreviewModel(QAbstractTableModel):
    """One line per sheet row: what the import will do with it, coloured by action."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PlannedRow] = []
        self._headers = [translate("ImportDialog", "Row"), translate("ImportDialog", "Action"),
                         translate("ImportDialog", "Name"), translate("ImportDialog", "Unit"),
                         translate("ImportDialog", "Details")]
        self._actions = {ADD: translate("ImportDialog", "Add"), UPDATE: translate("ImportDialog", "Update"),
                         UNCHANGED: translate("ImportDialog", "Unchanged"),
                         ERROR: translate("ImportDialog", "Error")}
        self._updates = translate("ImportDialog", "Updates record #%1.")

    def set_rows(self, rows: list[PlannedRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def planned_row(self, row: int) -> PlannedRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        planned = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return planned.row
            if column == 1:
                return self._actions.get(planned.action, planned.action)
            if column == 4:
                reason = planned.reason(current_language())
                if planned.action == UPDATE and planned.target_id:
                    updates = self._updates.replace("%1", str(planned.target_id))
                    return f"{updates} {reason}".strip()
                return reason
            return (planned.name, planned.unit)[column - 2]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(ACTION_COLOURS.get(planned.action, "#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#8b1a10" if planned.action == ERROR else "#202020"))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return planned.reason(current_language()) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


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
        for index, (header, key) in enumerate(zip(headers, mapping)):
            letter = _column_letter(index)
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


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class ImportDialog(QDialog):
    """Preview and run the import of one file into the registry."""

    def __init__(self, registry: Registry, path: str | Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import spreadsheet"))
        self.registry = registry
        self.path: Path | None = None
        self.table: Table | None = None
        self.plan: ImportPlan | None = None
        self.imported = None  # the ImportOutcome once the import has run
        self.skipped = 0  # rows with errors left out of it
        self._build()
        self.resize(980, 680)
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
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.sheet_combo)
        top.addWidget(choose)

        self.info_label = QLabel()
        self.info_label.setObjectName("importInfoLabel")
        self.info_label.setWordWrap(True)

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
        self.preview = QTableView()
        self.preview.setObjectName("previewTable")
        self.preview.setModel(self.preview_model)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setVisible(False)
        self.preview.verticalHeader().setDefaultSectionSize(22)
        header = self.preview.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((60, 70, 110, 220)):
            self.preview.setColumnWidth(column, width)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.mapping_box)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([190, 420])

        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.notices_label = QLabel()
        self.notices_label.setObjectName("importNotices")
        self.notices_label.setWordWrap(True)
        self.skip_errors = QCheckBox(self.tr("&Skip rows with errors"))
        self.skip_errors.setObjectName("skipErrorsCheck")
        self.skip_errors.toggled.connect(lambda _on: self._update_buttons())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)

        bottom = QHBoxLayout()
        bottom.addWidget(self.counts_label, 1)
        bottom.addWidget(self.skip_errors)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.notices_label)
        layout.addLayout(bottom)
        layout.addWidget(self.buttons)
        self._update_buttons()

    # -- loading and planning --------------------------------------------------------------------
    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import spreadsheet"), start,
            self.tr("Spreadsheets and Honours exports (*.xlsx *.xlsm *.csv *.txt *.zip *.json);;All files (*)"))
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
                self._set_plan(self._with_progress(lambda p: plan_export(self.registry, path, progress=p),
                                                   self.tr("Reading the export…")))
                self.info_label.setText(self.tr("An Honours export: records are added as they were saved, "
                                                "with their photos and dates."))
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
            plan = self._with_progress(lambda p: plan_table(self.registry, table, mapping=mapping, progress=p),
                                       self.tr("Checking the rows…"), rows=len(table.rows))
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
        self.notices_label.setText("\n".join(zh if lang == "zh" else en for en, zh in (plan.notices if plan else [])))
        if plan is None:
            self.counts_label.clear()
        else:
            counts = plan.counts()
            self.counts_label.setText(
                self.tr("To add: %1   To update: %2   Unchanged: %3   Rows with errors: %4")
                .replace("%1", f"{counts[ADD]:,}").replace("%2", f"{counts[UPDATE]:,}")
                .replace("%3", f"{counts[UNCHANGED]:,}").replace("%4", f"{counts[ERROR]:,}"))
        self._update_buttons()

    def _show_failure(self, error: HonoursError) -> None:
        self._set_plan(None)
        self.mapping_editor.set_columns([], [], self.replan)
        self.notices_label.setText(error.message(current_language()))

    def _update_buttons(self) -> None:
        plan = self.plan
        counts = plan.counts() if plan else {ADD: 0, UPDATE: 0, ERROR: 0}
        writable = counts[ADD] + counts[UPDATE] > 0
        blocked = counts[ERROR] > 0 and not self.skip_errors.isChecked()
        self.skip_errors.setEnabled(counts[ERROR] > 0)
        self.import_button.setEnabled(bool(plan) and writable and not blocked)
        if blocked:
            self.import_button.setToolTip(self.tr("Some rows have errors: correct the sheet, or tick "
                                                  "“Skip rows with errors”."))
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
        total = sum(1 for r in plan.rows if r.action in (ADD, UPDATE))
        try:
            outcome = self._with_progress(
                lambda p: plan.apply(self.registry, skip_errors=self.skip_errors.isChecked(), progress=p),
                self.tr("Importing…"), rows=total)
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
        self.accept()

    def summary(self) -> str:
        """What the import did, for the status bar."""
        outcome = self.imported
        if outcome is None:
            return ""
        done = (self.tr("Imported: %1 added, %2 updated.")
                .replace("%1", str(len(outcome.added))).replace("%2", str(len(outcome.updated))))
        skipped = self.skipped  # lupdate misses a translate() whose arguments hold an attribute
        if skipped:
            done += " " + self.tr("%n row(s) with errors were skipped.", "", skipped)
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
        window, translate("ImportDialog", "Import spreadsheet"), str(Path.home()),
        translate("ImportDialog", "Spreadsheets and Honours exports (*.xlsx *.xlsm *.csv *.txt *.zip *.json);;"
                                  "All files (*)"))
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
