"""The archive in the app (issue 15): the edit dialog's 档案 tab (the ID number in full only while
its field is edited), the honour editor's document and revocation, the detail pane, the export
and print dialogs' choice to show ID numbers, and File ▸ Import template…"""

from __future__ import annotations

from datetime import date

import pytest
from fake_window import FakeWindow
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QMessageBox

from honours.core.fields import ARCHIVE_FIELDS
from honours.core.id_numbers import check_character
from honours.core.records import Honour, Honouree
from honours.gui import export_actions, personal_data
from honours.gui.archive_form import IdNumberEdit
from honours.gui.detail_pane import DetailPane
from honours.gui.edit_dialog import EditDialog
from honours.gui.export_actions import ExportChoice, ExportDialog
from honours.gui.print_options_dialog import PrintChoice, PrintOptionsDialog
from honours.gui.settings import open_settings
from honours.printing.content import certificate_content

ZHANG = "43040219800101123" + check_character("43040219800101123")
MASKED = "430402********123X"


@pytest.fixture(autouse=True)
def fresh_run(monkeypatch):
    monkeypatch.setattr(personal_data, "REVEAL_ID", {"export": False, "print": False})


@pytest.fixture
def dialog(qtbot, roll, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(f"unexpected message box: {box.text()}"))

    def open_(record: Honouree | None = None) -> EditDialog:
        made = EditDialog(None, roll, record)
        qtbot.addWidget(
            made,
            before_close_func=lambda d: setattr(
                d, "ask_about_unsaved_changes", lambda: QMessageBox.StandardButton.Discard
            ),
        )
        made.show()
        qtbot.waitExposed(made)
        return made

    return open_


def test_the_archive_tab_has_a_row_for_every_archive_field_and_saves_them(dialog, roll):
    edit = dialog()
    tab = edit.archive_tab
    assert edit.tabs.indexOf(tab) == 1 and tab.objectName() == "archiveTab"
    assert set(tab.widgets) == {spec.key for spec in ARCHIVE_FIELDS}
    edit.form.name_edit.setText("张三")
    tab.id_edit.set_number(ZHANG)
    political = tab.findChild(QComboBox, "politicalStatusEdit")
    political.setCurrentIndex(political.findData("中共党员"))
    tab.findChild(QCheckBox, "hardshipEdit").setChecked(True)
    tab.findChild(QLineEdit, "workStartDateEdit").setText("1998年7月")
    assert edit.save()
    saved = edit.result_honouree()
    assert (saved.id_number, saved.political_status, saved.hardship, saved.work_start_date) == (
        ZHANG,
        "中共党员",
        True,
        "1998-07",
    )


def test_the_id_number_is_shown_in_full_only_while_its_field_is_edited(dialog, qtbot):
    edit = dialog(Honouree(name="张三", id_number=ZHANG, birth_date="", gender=""))
    field = edit.archive_tab.id_edit
    assert isinstance(field, IdNumberEdit)
    assert field.text() == MASKED and field.number() == ZHANG
    edit.tabs.setCurrentWidget(edit.archive_tab)  # the tab's first field gets the focus: still masked
    qtbot.waitUntil(field.hasFocus)
    assert field.text() == MASKED
    edit.archive_tab.findChild(QLineEdit, "phoneEdit").setFocus()
    qtbot.waitUntil(lambda: not field.hasFocus())
    field.setFocus(Qt.FocusReason.TabFocusReason)  # a person tabs (or clicks) into it
    qtbot.waitUntil(field.hasFocus)
    assert field.text() == ZHANG  # in full while being edited
    edit.archive_tab.findChild(QLineEdit, "phoneEdit").setFocus()
    qtbot.waitUntil(lambda: not field.hasFocus())
    assert field.text() == MASKED
    # leaving the field read the number: the empty birth date and gender on the Basic tab are filled
    assert edit.form.birth_date_edit.text() == "1980-01-01"
    assert edit.form.gender_combo.currentData() == "男"
    assert edit.archive_tab.id_note.isVisibleTo(edit.archive_tab)


def test_a_wrong_id_number_stops_saving_and_is_said_under_its_field(dialog):
    edit = dialog()
    edit.form.name_edit.setText("张三")
    edit.archive_tab.id_edit.set_number(ZHANG[:-1] + ("1" if ZHANG[-1] != "1" else "2"))
    assert not edit.save()
    assert edit.tabs.currentWidget() is edit.archive_tab
    error = edit.archive_tab.errors["id_number"]
    assert error.isVisibleTo(edit.archive_tab) and "check" in error.text()


def test_the_honour_editor_keeps_document_and_revocation(dialog):
    honour = Honour(
        "衡阳市劳动模范", "municipal", 2010, document="衡政发〔2010〕3号", revoked=True, revoked_reason="违纪"
    )
    edit = dialog(Honouree(name="张三", honours=[honour]))
    keys = [c.key for c in edit.honours_editor.model.columns]
    assert {"document", "revoked", "revoked_date", "revoked_reason"} <= set(keys)
    assert edit.save()
    (kept,) = edit.result_honouree().honours
    assert (kept.document, kept.revoked, kept.revoked_reason) == ("衡政发〔2010〕3号", True, "违纪")


def test_the_detail_pane_masks_the_number_and_marks_a_revoked_honour(qtbot, window):
    record = window.registry.add(
        Honouree(
            name="张三",
            id_number=ZHANG,
            hardship=True,
            honours=[
                Honour("衡阳市劳动模范", "municipal", 2010, revoked=True),
                Honour("湖南省劳动模范", "provincial"),
            ],
        )
    )
    pane = window.findChild(DetailPane)
    pane.show_honouree(record.id)
    qtbot.waitUntil(lambda: "张三" in pane.toPlainText())
    text, html = pane.toPlainText(), pane.toHtml()
    assert MASKED in text and ZHANG not in text
    assert "Revoked" in text or "已撤销" in text
    assert "line-through" in html  # struck through


def test_export_dialog_asks_whether_to_show_id_numbers_and_remembers_it_this_run(qtbot, roll, tmp_path):
    roll.add(Honouree(name="张三", id_number=ZHANG))
    window = FakeWindow(roll, open_settings(tmp_path / "settings.ini"), None, "张三")
    qtbot.addWidget(window)
    chooser = ExportDialog({"all": 1})
    qtbot.addWidget(chooser)
    check = chooser.findChild(QCheckBox, "revealIdCheck")
    assert check is not None and not check.isChecked()  # masked unless asked
    check.setChecked(True)
    assert chooser.choice().reveal_id is True
    again = ExportDialog({"all": 1})
    qtbot.addWidget(again)
    assert again.findChild(QCheckBox, "revealIdCheck").isChecked()  # remembered for the run
    masked, full = tmp_path / "masked.csv", tmp_path / "full.csv"
    export_actions.run_export(window, ExportChoice("all", ".csv"), masked)
    export_actions.run_export(window, ExportChoice("all", ".csv", reveal_id=True), full)
    assert MASKED in masked.read_text(encoding="utf-8-sig") and ZHANG not in masked.read_text(
        encoding="utf-8-sig"
    )
    assert ZHANG in full.read_text(encoding="utf-8-sig")


def test_print_dialog_asks_whether_to_show_id_numbers(qtbot):
    chooser = PrintOptionsDialog({"all": 1, "selection": 1}, PrintChoice(reveal_id=False))
    qtbot.addWidget(chooser)
    check = chooser.findChild(QCheckBox, "revealIdCheck")
    assert not check.isChecked()
    check.setChecked(True)
    assert chooser.choice().reveal_id is True


def test_file_menu_writes_the_import_template(qtbot, roll, tmp_path):
    window = FakeWindow(roll, open_settings(tmp_path / "settings.ini"), None, "")
    qtbot.addWidget(window)
    export_actions.install(window)
    assert "importTemplateAction" in [a.objectName() for a in window.menu("file").actions()]
    path = export_actions.write_import_template(window, tmp_path / "导入模板.xlsx")
    assert load_workbook(path)["荣誉人物"]["A1"].value == "姓名"


def test_certificates_print_the_id_number_masked_unless_asked(roll, tmp_path):
    record = roll.add(Honouree(name="张三", id_number=ZHANG))

    facts = dict(certificate_content(record, organisation="某", issue_date=date(2026, 1, 1)).facts)
    assert facts["身份证号"] == MASKED
    shown = certificate_content(record, organisation="某", issue_date=date(2026, 1, 1), reveal_id=True)
    assert dict(shown.facts)["身份证号"] == ZHANG


def test_typing_into_the_number_edits_it_in_full_never_its_masked_form(dialog, qtbot):
    edit = dialog(Honouree(name="张三", id_number=ZHANG))
    field = edit.archive_tab.id_edit
    edit.tabs.setCurrentWidget(edit.archive_tab)
    qtbot.waitUntil(field.hasFocus)
    assert field.text() == MASKED
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # a person starts editing: the whole number, then the key
    assert field.text() == ZHANG[:-1]
    event = QInputMethodEvent()
    event.setCommitString("X")
    QApplication.sendEvent(field, event)
    assert field.text() == ZHANG
    edit.archive_tab.findChild(QLineEdit, "phoneEdit").setFocus()
    qtbot.waitUntil(lambda: not field.hasFocus())
    assert field.text() == MASKED and field.number() == ZHANG


def test_the_results_table_offers_the_archive_columns_with_the_number_masked(qtbot, registry):
    from honours.gui.roll_model import COLUMN_INDEX, COLUMNS, RollModel
    from honours.gui.store import Store
    from honours.gui.thumbnails import Thumbnails

    registry.add(
        Honouree(
            name="张三",
            id_number=ZHANG,
            political_status="中共党员",
            education="大学本科",
            hardship=True,
            honours=[
                Honour("衡阳市劳动模范", "municipal", 2010, revoked=True),
                Honour("某奖", "other", 2020),
            ],
        )
    )
    store = Store(registry)
    model = RollModel(store, Thumbnails(store))
    model.search("")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    cell = lambda key: model.data(model.index(0, COLUMN_INDEX[key]))  # noqa: E731
    assert cell("id_number") == MASKED
    assert cell("political_status") in ("中共党员", "CPC member") and cell("hardship") in ("是", "Yes")
    assert cell("years") == "2020"  # the revoked honour's year no longer counts
    assert not any(c.shown for c in COLUMNS if c.key in ("id_number", "political_status", "hardship"))
