"""File ▸ Print Preview…, Print…, Export PDF…: certificate summaries and the printed roll;
File ▸ Print Table…: the results table as shown (honours.gui.table_print).

Each asks first what to print (PrintOptionsDialog), then draws with honours.printing onto
the preview, the printer the user picks, or a PDF file. A batch shows a progress dialog
and can be cancelled: a cancelled PDF is not written, a cancelled print job is aborted.

honours.printing is imported when something is printed, not when the menu is built:
this module is installed before the main window first paints, and the printing
package (typesetting, photos, page flow) would add ~30 ms to every start.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ..core.errors import HonoursError
from . import personal_data
from .dialog_size import remember_size
from .print_options_dialog import (
    CERTIFICATES,
    EVERYONE,
    RESULT,
    ROLL,
    SELECTION,
    PrintChoice,
    PrintOptionsDialog,
)
from .print_progress import progress_dialog

if TYPE_CHECKING:
    from ..printing import RenderResult
    from ..printing.document import Target

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls


def ids_for(window, scope: str) -> list[int]:
    """The honourees a scope means, in the order the table shows them."""
    if scope == SELECTION:
        return window.selected_ids()
    if scope == RESULT:
        shown = window.result()
        return window.registry.search(shown.query, shown.order, shown.descending).all_ids()
    return window.registry.all_ids()


def _settings(window):
    return getattr(window, "settings", None)


class ThisRun:
    """Choices kept while the app runs, not in the settings: a roll's title belongs to the print
    job at hand (a meeting, a year), so the next start offers the default title again."""

    roll_title = ""


this_run = ThisRun()


def default_choice(window) -> PrintChoice:
    """Last paper and grouping from the settings; certificates for a selection, else the roll."""
    from ..printing import PAGE_SIZES

    settings = _settings(window)
    choice = PrintChoice()
    if settings is not None:
        choice.organisation = settings.organisation_name
        choice.page_size = settings.print_page_size if settings.print_page_size in PAGE_SIZES else "A4"
        choice.group_by = settings.print_group_by if settings.print_group_by in ("level", "unit") else "level"
    choice.title = this_run.roll_title
    choice.reveal_id = personal_data.reveal_id("print")  # this run's choice, never saved
    if not window.selected_ids():
        choice.kind, choice.scope = "roll", RESULT
    return choice


def remember(window, choice: PrintChoice) -> None:
    personal_data.remember("print", choice.reveal_id)
    if choice.kind == ROLL:
        this_run.roll_title = choice.title
    settings = _settings(window)
    if settings is None:
        return
    if choice.organisation:
        settings.organisation_name = choice.organisation
    settings.print_page_size = choice.page_size
    settings.print_group_by = choice.group_by


def ask_choice(window, ok_text: str = "") -> PrintChoice | None:
    counts = {
        SELECTION: len(window.selected_ids()),
        RESULT: window.result().count(),
        EVERYONE: window.registry.count(),
    }
    dialog = PrintOptionsDialog(counts, default_choice(window), window, ok_text)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    choice = dialog.choice()
    remember(window, choice)
    return choice


def render_with_progress(
    window, choice: PrintChoice, target: Target, ids: list[int] | None = None
) -> RenderResult:
    """Draw the choice into `target` behind a cancellable progress dialog."""
    from ..printing import CertificateOptions, RollOptions, render_certificates, render_roll

    ids = ids_for(window, choice.scope) if ids is None else ids
    with progress_dialog(window, len(ids)) as (report, cancelled):
        if choice.kind == CERTIFICATES:
            options = CertificateOptions(
                organisation=choice.organisation,
                page_size=choice.page_size,
                language=choice.language,
                reveal_id=choice.reveal_id,
            )
            return render_certificates(window.registry, ids, target, options, report, cancelled)
        roll_options = RollOptions(
            organisation=choice.organisation,
            title=choice.title,
            page_size=choice.page_size,
            group_by=choice.group_by,
            language=choice.language,
            query=window.current_query() if choice.scope == RESULT else "",
        )
        return render_roll(window.registry, ids, target, roll_options, report, cancelled)


def make_printer(choice: PrintChoice) -> QPrinter:
    from ..printing import PAGE_SIZES

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(PAGE_SIZES[choice.page_size]))
    printer.setFullPage(True)
    return printer


def suggested_pdf_name(choice: PrintChoice) -> str:
    stem = (
        translate("Printing", "certificates")
        if choice.kind == CERTIFICATES
        else translate("Printing", "roll")
    )
    return f"{stem}-{date.today().isoformat()}.pdf"


def _report(window, result: RenderResult | None, done: str) -> None:
    if result is None:
        return
    if result.cancelled:
        window.status_message(translate("Printing", "Printing cancelled."))
    else:
        window.status_message(done)


def _guarded(window, run: Callable[[], RenderResult | None]) -> RenderResult | None:
    try:
        return run()
    except HonoursError as error:
        window.show_error(error)
        return None


def export_pdf(window, choice: PrintChoice | None = None, path: Path | None = None) -> RenderResult | None:
    """File ▸ Export PDF…; `choice` and `path` skip the questions (tests, scripts)."""
    choice = choice or ask_choice(window, translate("Printing", "Export…"))
    if choice is None:
        return None
    if path is None:
        folder = window.registry.path.parent if window.registry.path else Path.home()
        name, _ = QFileDialog.getSaveFileName(
            window,
            translate("Printing", "Export PDF"),
            str(folder / suggested_pdf_name(choice)),
            translate("Printing", "PDF documents (*.pdf)"),
        )
        if not name:
            return None
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    result = _guarded(window, lambda: render_with_progress(window, choice, path))
    if result is not None and result.cancelled:
        window.status_message(translate("Printing", "PDF export cancelled: no file was written."))
    elif result is not None:
        pages = result.pages
        saved = translate("Printing", "Saved %n page(s) to %1.", "", pages)
        window.status_message(saved.replace("%1", str(path)))
    return result


def print_document(
    window, choice: PrintChoice | None = None, printer: QPrinter | None = None, ask_printer: bool = True
) -> RenderResult | None:
    """File ▸ Print…: any installed printer (or PDF, as the print dialog offers)."""
    choice = choice or ask_choice(window, translate("Printing", "Print…"))
    if choice is None:
        return None
    printer = printer or make_printer(choice)
    if ask_printer:
        dialog = QPrintDialog(printer, window)
        dialog.setObjectName("printDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
    result = _guarded(window, lambda: render_with_progress(window, choice, printer))
    pages = result.pages if result else 0
    _report(window, result, translate("Printing", "Sent %n page(s) to the printer.", "", pages))
    return result


class PreviewDialog(QPrintPreviewDialog):
    """The preview, drawn by the same code as the printed pages (zoom, page setup, print from here)."""

    def __init__(self, window, choice: PrintChoice, printer: QPrinter, parent: QWidget) -> None:
        super().__init__(printer, parent)
        self.printer = printer  # the dialog does not own it: keep it alive as long as the dialog
        self.setObjectName("printPreviewDialog")
        self.setWindowTitle(self.tr("Print Preview"))
        self.window_ = window
        self.choice = choice
        self.ids = ids_for(window, choice.scope)  # fixed now, even if the search changes meanwhile
        self.results: list[RenderResult] = []
        self.paintRequested.connect(self._paint)
        self.resize(900, 1000)
        remember_size(self)

    def _paint(self, printer: QPrinter) -> None:
        result = _guarded(
            self.window_, lambda: render_with_progress(self.window_, self.choice, printer, self.ids)
        )
        if result is not None:
            self.results.append(result)


def preview(window, choice: PrintChoice | None = None, show: bool = True) -> PreviewDialog | None:
    """File ▸ Print Preview…"""
    choice = choice or ask_choice(window, translate("Printing", "Preview"))
    if choice is None:
        return None
    dialog = PreviewDialog(window, choice, make_printer(choice), window)
    if show:
        dialog.exec()
    return dialog


def print_table(window) -> None:
    """File ▸ Print Table… (honours.gui.table_print, loaded when it is used)."""
    from .table_print import print_table as run

    run(window)


def install(window) -> None:
    """File ▸ Print Preview…, Print…, Export PDF…, Print Table…"""
    menu = window.menu("file")
    menu.addSeparator()
    for text, name, run, keys in (
        (translate("Printing", "Print Pre&view…"), "printPreviewAction", preview, []),
        (translate("Printing", "&Print…"), "printAction", print_document, [QKeySequence.StandardKey.Print]),
        (translate("Printing", "Export P&DF…"), "exportPdfAction", export_pdf, []),
        (translate("Printing", "Print &Table…"), "printTableAction", print_table, []),
    ):
        action = QAction(text, window)
        action.setObjectName(name)
        action.setShortcuts(keys)
        action.triggered.connect(lambda _checked=False, run=run: run(window))
        menu.addAction(action)
