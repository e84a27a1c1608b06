"""The print and export dialogs: counts in one word (人), a scope that follows the choice of
print, and the roll's own title reaching the printed page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fake_window import FakeWindow
from printing_helpers import needs_poppler, pdftotext, squeeze
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QRadioButton

from honours.gui import export_actions, i18n, print_actions
from honours.gui.export_actions import ExportChoice, ExportDialog
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

LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


def type_text(widget, text: str) -> None:
    """Chinese arrives as an input-method commit, as from a real pinyin IME."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def radio(dialog, name: str) -> QRadioButton:
    button = dialog.findChild(QRadioButton, name)
    assert button is not None, name
    return button


def checked_scope(dialog: PrintOptionsDialog) -> str:
    return dialog.scope_buttons.checkedButton().objectName()


@pytest.fixture
def chinese(qapp, tmp_path, monkeypatch):
    """The catalogue compiled from the committed .ts, installed for the test, English after."""
    subprocess.run(
        [
            str(LRELEASE),
            "-silent",
            str(i18n.I18N_DIR / "honours_zh_CN.ts"),
            "-qm",
            str(tmp_path / "honours_zh_CN.qm"),
        ],
        check=True,
    )
    monkeypatch.setattr(i18n, "I18N_DIR", tmp_path)
    assert i18n.install_translations("zh") == "zh"
    yield
    i18n.install_translations("en")


@pytest.fixture
def this_run(monkeypatch):
    """A fresh run's memory of print choices (the title is kept per run, not in the settings)."""
    fresh = print_actions.ThisRun()
    monkeypatch.setattr(print_actions, "this_run", fresh)
    return fresh


@pytest.fixture
def make_window(qtbot, roll, tmp_path):
    install_fonts()

    def make(selected=None, query: str = "") -> FakeWindow:
        window = FakeWindow(roll, open_settings(tmp_path / "settings.ini"), selected, query)
        qtbot.addWidget(window)
        return window

    return make


# -- the scope follows the choice of print ---------------------------------------------------------


def test_choosing_the_roll_moves_the_scope_to_the_whole_result(qtbot):
    counts = {SELECTION: 1, RESULT: 14, EVERYONE: 20}
    dialog = PrintOptionsDialog(counts, PrintChoice(kind=CERTIFICATES, scope=SELECTION))
    qtbot.addWidget(dialog)
    dialog.show()
    assert checked_scope(dialog) == "scope_selection"
    qtbot.mouseClick(radio(dialog, "kind_roll"), Qt.MouseButton.LeftButton)
    assert checked_scope(dialog) == "scope_result"
    assert dialog.choice().kind == ROLL and dialog.choice().scope == RESULT
    qtbot.mouseClick(radio(dialog, "kind_certificates"), Qt.MouseButton.LeftButton)
    assert checked_scope(dialog) == "scope_selection"
    # a scope picked by hand stays: a roll of just the selected people is still possible
    qtbot.mouseClick(radio(dialog, "kind_roll"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(radio(dialog, "scope_selection"), Qt.MouseButton.LeftButton)
    assert dialog.choice() == PrintChoice(kind=ROLL, scope=SELECTION, organisation="")


def test_certificates_without_a_selection_keep_the_result(qtbot):
    dialog = PrintOptionsDialog({SELECTION: 0, RESULT: 3, EVERYONE: 14}, PrintChoice(kind=ROLL, scope=RESULT))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(radio(dialog, "kind_certificates"), Qt.MouseButton.LeftButton)
    assert checked_scope(dialog) == "scope_result"


# -- counts in one word --------------------------------------------------------------------------


def test_print_dialog_counts_people_with_人_and_the_checked_scope_follows(qtbot, chinese):
    dialog = PrintOptionsDialog({SELECTION: 1, RESULT: 14, EVERYONE: 14}, PrintChoice(kind=CERTIFICATES))
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [b.text() for b in dialog.scope_buttons.buttons()]
    assert texts == ["选中的荣誉人物：1 人", "当前搜索结果：14 人", "整个荣誉库：14 人"]
    assert dialog.scope_buttons.checkedButton().text() == "选中的荣誉人物：1 人"
    qtbot.mouseClick(radio(dialog, "kind_roll"), Qt.MouseButton.LeftButton)
    assert dialog.scope_buttons.checkedButton().text() == "当前搜索结果：14 人"
    assert dialog.title_edit.placeholderText() == "荣誉人物名册"


def test_export_dialog_and_its_message_count_people_with_人(qtbot, chinese, make_window, tmp_path):
    dialog = ExportDialog(
        {export_actions.RESULT: 4, export_actions.SELECTION: 2, export_actions.EVERYONE: 14}
    )
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.scope_buttons.buttons()]
    assert texts == ["当前搜索结果：4 人", "选中的荣誉人物：2 人", "整个荣誉库：14 人"]
    assert not any("位" in text for text in texts)
    window = make_window(query="level:provincial")
    out = tmp_path / "省级.xlsx"
    outcome = export_actions.run_export(window, ExportChoice(export_actions.RESULT, ".xlsx"), out)
    assert outcome.count == 4 and out.exists()
    assert window.messages[-1] == f"已将 4 人导出到 {out}。"


# -- the roll's title ------------------------------------------------------------------------------


def test_the_title_field_is_for_the_roll_and_hints_the_default_in_the_document_language(qtbot):
    dialog = PrintOptionsDialog({SELECTION: 2, RESULT: 14, EVERYONE: 14}, PrintChoice(kind=CERTIFICATES))
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.title_edit
    assert edit.objectName() == "rollTitleEdit" and not edit.isEnabled()
    qtbot.mouseClick(radio(dialog, "kind_roll"), Qt.MouseButton.LeftButton)
    assert edit.isEnabled() and edit.text() == "" and edit.placeholderText() == "荣誉人物名册"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    assert edit.placeholderText() == "Roll of Honourees"
    assert dialog.choice().title == ""  # empty: the default title is printed
    type_text(edit, "  2026年度劳动模范名册 ")
    assert dialog.choice().title == "2026年度劳动模范名册"


@needs_poppler
def test_the_typed_title_reaches_the_pdf_and_is_offered_again_this_run(
    make_window, this_run, tmp_path, monkeypatch
):
    window = make_window(selected=[1])
    asked: list[PrintOptionsDialog] = []

    def answer(dialog: PrintOptionsDialog) -> int:
        asked.append(dialog)
        if len(asked) == 1:
            dialog.findChild(QRadioButton, "kind_roll").click()
            type_text(dialog.title_edit, "衡阳市2026年度劳模名册")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PrintOptionsDialog, "exec", answer)
    pdf = tmp_path / "roll.pdf"
    result = print_actions.export_pdf(window, path=pdf)
    assert result is not None and result.records == 14
    text = squeeze(pdftotext(pdf))
    assert "衡阳市2026年度劳模名册" in text and "荣誉人物名册" not in text
    # the next dialog of this run starts from it; the settings file does not keep it
    again = print_actions.ask_choice(window)
    assert asked[1].title_edit.text() == "衡阳市2026年度劳模名册" and again.title == "衡阳市2026年度劳模名册"
    window.settings.sync()
    assert "衡阳市2026年度劳模名册" not in (tmp_path / "settings.ini").read_text(encoding="utf-8")


@needs_poppler
def test_without_a_title_the_roll_keeps_its_default_heading(make_window, this_run, tmp_path):
    window = make_window()
    assert print_actions.default_choice(window).title == ""
    pdf = tmp_path / "roll.pdf"
    print_actions.export_pdf(window, PrintChoice(kind=ROLL, scope=RESULT), pdf)
    assert "荣誉人物名册" in squeeze(pdftotext(pdf))
