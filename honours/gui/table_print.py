"""File ▸ Print Table…: the results table as it is shown, on paper or as a PDF.

What is printed is read from the main window's results table when the action runs: the
columns its header shows, in their order (`shown_columns`, which the main window may call
too), their titles and widths, the search the table holds and the column it is sorted by.
The cells are the table's own: a second model of the same kind runs the same search and
its rows are read through `data()`, so a printed cell says exactly what the screen says,
whichever columns the table offers. honours.printing.table lays them out.

The photo column has no title and is not printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import HonoursError
from .dialog_size import remember_size
from .i18n import current_language
from .print_progress import progress_dialog

if TYPE_CHECKING:
    from ..printing import RenderResult, TableColumn
    from ..printing.document import Target

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls

PREVIEW, PRINT, PDF = "preview", "print", "pdf"


def shown_columns(view: QTableView) -> list[int]:
    """The logical columns the table shows, in the order shown: hidden columns and columns
    without a title (the photo) left out."""
    header = view.horizontalHeader()
    model = view.model()
    shown = []
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        if header.isSectionHidden(logical):
            continue
        if str(
            model.headerData(logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""
        ).strip():
            shown.append(logical)
    return shown


@dataclass
class TableView:
    """What the table shows at one moment: columns (logical index, title, width on screen),
    the search, its order, and how many rows it has."""

    columns: list[tuple[int, str, int]]
    query: str
    sorted_by: str  # the title of the sort column; empty: the search's own order
    descending: bool
    count: int

    @property
    def titles(self) -> list[str]:
        return [title for _, title, _ in self.columns]

    def print_columns(self) -> list[TableColumn]:
        from ..printing import TableColumn

        return [TableColumn(title, float(width)) for _, title, width in self.columns]


def table_view(view: QTableView) -> TableView:
    """The table's columns, search and sort as shown now."""
    model = view.model()
    header = view.horizontalHeader()

    def title(logical: int) -> str:
        return str(
            model.headerData(logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""
        ).strip()

    columns = [(logical, title(logical), header.sectionSize(logical)) for logical in shown_columns(view)]
    order, descending = model.order()
    section = header.sortIndicatorSection()
    sorted_by = title(section) if order is not None and 0 <= section < header.count() else ""
    # a printout says the exact number, even while the window still shows "1,000+"
    total = model.total() if model.total_is_exact() else model.result().count()
    return TableView(columns, model.query(), sorted_by, bool(descending and sorted_by), total)


def read_rows(view: QTableView, shown: TableView, progress=None, is_cancelled=None) -> list[list[str]] | None:
    """Every row of the table's search, as the table's cells read (None when cancelled).

    The window's own model holds only the rows scrolled to so far; a second model of the
    same kind runs the same search with all its rows, and is dropped afterwards."""
    model = view.model()
    reader = type(model)(model.store, model.thumbnails)
    try:
        order, descending = model.order()
        reader.search(shown.query, order, descending, keep_rows=max(shown.count, 1))
        return model_rows(reader, [logical for logical, _, _ in shown.columns], progress, is_cancelled)
    finally:
        reader.deleteLater()


def model_rows(model, columns: list[int], progress=None, is_cancelled=None) -> list[list[str]] | None:
    """The display text of `columns` in every row of a results model's search (fetching the
    rows it has not loaded yet); None when cancelled. Raises the search's error, if it had one."""
    if model.error() is not None:
        raise model.error()
    while model.canFetchMore():
        model.fetchMore()
    rows: list[list[str]] = []
    total = model.rowCount()
    for row in range(total):
        if row % 200 == 0:
            if is_cancelled is not None and is_cancelled():
                return None
            if progress is not None:
                progress(row, total)
        rows.append([str(model.data(model.index(row, column)) or "") for column in columns])
    return rows


# -- the dialog --------------------------------------------------------------------------------


class ThisRun:
    """The table's title, kept while the app runs (like the roll's)."""

    title = ""


this_run = ThisRun()


@dataclass
class TablePrintChoice:
    action: str = PDF  # PREVIEW, PRINT or PDF
    title: str = ""  # empty: the default title (荣誉人物一览表)
    page_size: str = "A4"
    organisation: str = ""
    language: str = field(default_factory=current_language)  # the printed labels follow the table's titles


class TablePrintDialog(QDialog):
    """What will be printed (the table as shown), a title and the paper; then preview, print or PDF."""

    def __init__(self, shown: TableView, defaults: TablePrintChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ..printing.texts import label  # the printing package is loaded when something is printed

        self.setObjectName("printTableDialog")
        self.setWindowTitle(self.tr("Print Table"))
        self.defaults = defaults
        self.action = ""
        count = shown.count
        what = self.tr("%n honouree(s), as the table shows them", "", count)
        columns = self.tr("Columns: %1").replace("%1", self.tr(", ").join(shown.titles))
        if shown.query.strip():
            search = self.tr("Search: %1").replace("%1", shown.query.strip())
        else:
            search = self.tr("Search: none (everyone)")
        if shown.sorted_by:
            sort = (
                self.tr("Sorted by %1, descending")
                if shown.descending
                else self.tr("Sorted by %1, ascending")
            ).replace("%1", shown.sorted_by)
        else:
            sort = self.tr("In the search's own order")
        self.summary = QLabel(f"{what}\n{columns}\n{search}\n{sort}")
        self.summary.setObjectName("printTableSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.title_edit = QLineEdit(defaults.title)
        self.title_edit.setObjectName("tableTitleEdit")
        self.title_edit.setClearButtonEnabled(True)
        self.title_edit.setPlaceholderText(label("table_title", defaults.language))
        self.page_combo = QComboBox()
        self.page_combo.setObjectName("tablePageSizeCombo")
        self.page_combo.addItem(self.tr("A4 landscape"), "A4")
        self.page_combo.addItem(self.tr("Letter landscape"), "Letter")
        self.page_combo.setCurrentIndex(max(0, self.page_combo.findData(defaults.page_size)))
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Paper:"), self.page_combo)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        for action, text, name in (
            (PREVIEW, self.tr("Pre&view…"), "tablePreviewButton"),
            (PRINT, self.tr("&Print…"), "tablePrintButton"),
            (PDF, self.tr("Save as P&DF…"), "tablePdfButton"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setEnabled(bool(shown.columns))
            button.clicked.connect(lambda _checked=False, action=action: self._choose(action))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _choose(self, action: str) -> None:
        self.action = action
        self.accept()

    def choice(self) -> TablePrintChoice:
        return TablePrintChoice(
            action=self.action or PDF,
            title=self.title_edit.text().strip(),
            page_size=self.page_combo.currentData(),
            organisation=self.defaults.organisation,
            language=self.defaults.language,
        )


# -- printing -------------------------------------------------------------------------------------


def _results_table(window) -> QTableView | None:
    table = getattr(window, "results_table", None)
    return table if isinstance(table, QTableView) else None


def default_choice(window) -> TablePrintChoice:
    settings = getattr(window, "settings", None)
    choice = TablePrintChoice(title=this_run.title)
    if settings is not None:
        choice.organisation = settings.organisation_name
        choice.page_size = settings.print_page_size if settings.print_page_size in ("A4", "Letter") else "A4"
    return choice


def make_printer(choice: TablePrintChoice) -> QPrinter:
    from ..printing import PAGE_SIZES

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(PAGE_SIZES[choice.page_size]))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setFullPage(True)
    return printer


def render(
    window,
    view: QTableView,
    shown: TableView,
    choice: TablePrintChoice,
    target: Target,
    rows: list[list[str]] | None = None,
) -> RenderResult | None:
    """Read the rows (unless given) and draw them into `target`, behind a cancellable progress
    dialog; None when cancelled while reading."""
    from ..printing import RenderResult, TableOptions, render_table

    with progress_dialog(window, shown.count * 3) as (report, cancelled):
        if rows is None:
            rows = read_rows(view, shown, lambda done, _total: report(done, shown.count * 3), cancelled)
            if rows is None:
                return RenderResult(0, 0, cancelled=True)
        options = TableOptions(
            organisation=choice.organisation,
            title=choice.title,
            query=shown.query,
            sorted_by=shown.sorted_by,
            descending=shown.descending,
            page_size=choice.page_size,
            language=choice.language,
        )
        return render_table(
            shown.print_columns(),
            rows,
            target,
            options,
            lambda done, total: report(len(rows) + done, len(rows) + total),
            cancelled,
        )


class TablePreview(QPrintPreviewDialog):
    """The preview of the table, drawn by the same code as the printed pages."""

    def __init__(
        self, window, view: QTableView, shown: TableView, choice: TablePrintChoice, rows: list[list[str]]
    ) -> None:
        printer = make_printer(choice)
        super().__init__(printer, window)
        self.printer = printer  # the dialog does not own it: keep it alive as long as the dialog
        self.setObjectName("printTablePreview")
        self.setWindowTitle(self.tr("Print Preview"))
        self.results: list[RenderResult] = []
        self.paintRequested.connect(lambda printer: self._paint(window, view, shown, choice, rows, printer))
        self.resize(1100, 820)
        remember_size(self)

    def _paint(self, window, view, shown, choice, rows, printer) -> None:
        try:
            result = render(window, view, shown, choice, printer, rows)
        except HonoursError as error:
            window.show_error(error)
            return
        if result is not None:
            self.results.append(result)


def print_table(
    window,
    choice: TablePrintChoice | None = None,
    path: Path | None = None,
    printer: QPrinter | None = None,
    ask_printer: bool = True,
    show_preview: bool = True,
):
    """File ▸ Print Table…; `choice`, `path` and `printer` skip the questions (tests, scripts).

    Returns the RenderResult (a TablePreview for a preview), or None when nothing was done."""
    view = _results_table(window)
    if view is None:
        return None
    shown = table_view(view)
    if choice is None:
        dialog = TablePrintDialog(shown, default_choice(window), window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = dialog.choice()
    this_run.title = choice.title
    if not shown.columns:
        window.show_error(HonoursError("The table shows no columns to print.", "表格中没有可打印的列。"))
        return None
    try:
        if choice.action == PREVIEW:
            with progress_dialog(window, shown.count) as (report, cancelled):
                rows = read_rows(view, shown, report, cancelled)
            if rows is None:
                window.status_message(translate("Printing", "Printing cancelled."))
                return None
            preview = TablePreview(window, view, shown, choice, rows)
            if show_preview:
                preview.exec()
            return preview
        if choice.action == PRINT:
            printer = printer or make_printer(choice)
            if ask_printer:
                dialog = QPrintDialog(printer, window)
                dialog.setObjectName("printDialog")
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return None
            result = render(window, view, shown, choice, printer)
            done = translate("Printing", "Sent %n page(s) to the printer.", "", result.pages if result else 0)
        else:
            if path is None:
                path = _ask_pdf_path(window)
                if path is None:
                    return None
            result = render(window, view, shown, choice, path)
            pages = result.pages if result else 0
            done = translate("Printing", "Saved %n page(s) to %1.", "", pages).replace("%1", str(path))
    except HonoursError as error:
        window.show_error(error)
        return None
    if result is not None and result.cancelled:
        window.status_message(translate("Printing", "Printing cancelled."))
    elif result is not None:
        window.status_message(done)
    return result


def _ask_pdf_path(window) -> Path | None:
    from datetime import date

    folder = window.registry.path.parent if window.registry.path else Path.home()
    stem = translate("Printing", "table")
    name, _ = QFileDialog.getSaveFileName(
        window,
        translate("Printing", "Export PDF"),
        str(folder / f"{stem}-{date.today().isoformat()}.pdf"),
        translate("Printing", "PDF documents (*.pdf)"),
    )
    if not name:
        return None
    return Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
