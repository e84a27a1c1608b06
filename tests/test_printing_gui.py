"""File ▸ Print Preview…, Print…, Export PDF…, driven offscreen with pytest-qt."""

from __future__ import annotations

import pytest
from fake_window import FakeWindow
from printing_helpers import needs_poppler, page_count, pdftotext, squeeze
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog

from honours.gui import print_actions
from honours.gui.fonts import install_fonts
from honours.gui.print_options_dialog import (
    CERTIFICATES,
    EVERYONE,
    RESULT,
    ROLL,
    SELECTION,
    PrintChoice,
    PrintOptionsDialog,
)
from honours.gui.settings import open_settings


@pytest.fixture
def make_window(qtbot, roll, tmp_path):
    install_fonts()

    def make(selected=None, query: str = "") -> FakeWindow:
        window = FakeWindow(roll, open_settings(tmp_path / "settings.ini"), selected, query)
        qtbot.addWidget(window)
        return window

    return make


def test_install_adds_preview_print_and_pdf_to_the_file_menu(make_window):
    window = make_window()
    print_actions.install(window)
    actions = {a.objectName(): a for a in window.menu("file").actions() if a.objectName()}
    assert list(actions) == ["printPreviewAction", "printAction", "exportPdfAction", "printTableAction"]
    assert all(a.text() for a in actions.values())
    assert QKeySequence(QKeySequence.StandardKey.Print) in actions["printAction"].shortcuts()


def test_options_dialog_defaults_and_what_it_enables(qtbot):
    counts = {SELECTION: 0, RESULT: 3, EVERYONE: 14}
    defaults = PrintChoice(kind=CERTIFICATES, scope=SELECTION, organisation="湖南省总工会")
    dialog = PrintOptionsDialog(counts, defaults)
    qtbot.addWidget(dialog)
    assert not dialog.findChild(type(dialog.kind_buttons.buttons()[0]), "scope_selection").isEnabled()
    choice = dialog.choice()
    assert choice.scope == RESULT  # nothing is selected, so the next scope that has people
    assert choice.kind == CERTIFICATES and choice.organisation == "湖南省总工会"
    assert not dialog.group_combo.isEnabled()  # grouping is for the roll
    dialog.findChild(type(dialog.kind_buttons.buttons()[0]), "kind_roll").setChecked(True)
    assert dialog.group_combo.isEnabled()
    dialog.group_combo.setCurrentIndex(dialog.group_combo.findData("unit"))
    dialog.page_combo.setCurrentIndex(dialog.page_combo.findData("Letter"))
    dialog.organisation_edit.setText("  耒阳市总工会 ")
    assert dialog.choice() == PrintChoice(
        kind=ROLL,
        scope=RESULT,
        group_by="unit",
        page_size="Letter",
        organisation="耒阳市总工会",
        language="zh",
    )


def test_choices_are_remembered_in_the_settings(make_window):
    window = make_window(selected=[1])
    assert print_actions.default_choice(window) == PrintChoice(organisation="衡阳市总工会")
    chosen = PrintChoice(kind=ROLL, group_by="unit", page_size="Letter", organisation="湖南省总工会")
    print_actions.remember(window, chosen)
    again = print_actions.default_choice(window)
    assert (again.group_by, again.page_size, again.organisation) == ("unit", "Letter", "湖南省总工会")
    nobody = make_window(selected=[])
    fresh = print_actions.default_choice(nobody)
    assert (fresh.kind, fresh.scope) == (ROLL, RESULT)


@needs_poppler
def test_export_pdf_of_the_selection_one_page_each(make_window, roll, tmp_path):
    ids = roll.all_ids()[:3]
    window = make_window(selected=ids)
    pdf = tmp_path / "selected.pdf"
    result = print_actions.export_pdf(window, PrintChoice(kind=CERTIFICATES, scope=SELECTION), pdf)
    assert result.pages == page_count(pdf) == 3
    for number, honouree in enumerate(roll.honourees(ids), 1):
        assert squeeze(honouree.name) in squeeze(pdftotext(pdf, page=number))
    assert str(pdf) in window.messages[-1] and not window.errors


@needs_poppler
def test_export_the_roll_of_the_current_result_names_the_query(make_window, tmp_path):
    window = make_window(query="level:provincial")
    pdf = tmp_path / "roll.pdf"
    result = print_actions.export_pdf(window, PrintChoice(kind=ROLL, scope=RESULT), pdf)
    assert result.records == 4 and result.pages == 1
    text = squeeze(pdftotext(pdf))
    assert "检索条件：level:provincial" in text and "共4人" in text and "柏太柱" in text


def test_cancel_in_the_progress_dialog_writes_no_pdf(make_window, tmp_path, monkeypatch):
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    window = make_window(selected=[1, 2, 3])
    pdf = tmp_path / "never.pdf"
    result = print_actions.export_pdf(window, PrintChoice(kind=CERTIFICATES, scope=EVERYONE), pdf)
    assert result.cancelled and not pdf.exists()
    assert "cancelled" in window.messages[-1]


def test_an_error_is_shown_not_raised(make_window, tmp_path):
    window = make_window(selected=[1])
    result = print_actions.export_pdf(window, PrintChoice(scope=SELECTION), tmp_path / "missing" / "x.pdf")
    assert result is None and len(window.errors) == 1
    assert "missing" in window.errors[0].message("en")


@needs_poppler
def test_print_goes_through_a_qprinter(make_window, tmp_path):
    window = make_window(selected=[2, 11])
    choice = PrintChoice(kind=CERTIFICATES, scope=SELECTION, page_size="Letter")
    printer = print_actions.make_printer(choice)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    result = print_actions.print_document(window, choice, printer, ask_printer=False)
    assert result.pages == 2 and page_count(tmp_path / "printed.pdf") == 2
    assert "2" in window.messages[-1]


def test_preview_draws_the_same_pages(qtbot, make_window):
    window = make_window(selected=[1, 2, 3, 4])
    dialog = print_actions.preview(window, PrintChoice(kind=CERTIFICATES, scope=SELECTION), show=False)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=20000)
    assert dialog.results[0].pages == 4 and not dialog.results[0].cancelled
    dialog.close()


def test_the_real_main_window_offers_printing(qtbot, tmp_path, _seeded_template):
    import shutil

    from honours.app import create_window

    db = tmp_path / "roll.sqlite"
    shutil.copy(_seeded_template, db)
    window = create_window(db, tmp_path / "settings.ini")
    qtbot.addWidget(window)
    names = [a.objectName() for a in window.menu("file").actions()]
    assert {"printPreviewAction", "printAction", "exportPdfAction"} <= set(names)
    assert "honours.gui.print_actions" not in window.failed_features
