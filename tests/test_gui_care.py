"""Care in the app: the 关怀慰问 tab, the detail pane, Record Care… (one undo step), Who Is Due…
and Print Sign Sheet…"""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog
from test_gui_batch_edit import select_rows

from honours.core import Care
from honours.gui import care_actions
from honours.gui.care_actions import CareBatchDialog, DueDialog, SignSheetDialog
from honours.gui.edit_dialog import EditDialog


def test_the_care_tab_loads_edits_and_saves_care(qtbot, window):
    honouree_id = window.registry.search("name:许仲秋").ids()[0]
    window.registry.add_care([honouree_id], Care("2026-02-01", "visit", "春节", 50000, by="市总工会"))
    record = window.registry.honouree(honouree_id)
    dialog = EditDialog(window, window.registry, record)
    qtbot.addWidget(dialog)
    model = dialog.care_editor.model
    assert model.filled_rows() == 1
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert any("关怀" in title or "Care" in title for title in titles), titles
    row = model.add_row()
    for key, value in (("date", "2026年5月3日"), ("kind", "checkup"), ("amount", "五百元"), ("by", "市医院")):
        model.setData(
            model.index(row, [c.key for c in model.columns].index(key)), value, Qt.ItemDataRole.EditRole
        )
    assert dialog.save()
    saved = window.registry.update(dialog.result_honouree())
    assert [(c.date, c.kind, c.amount_fen, c.by) for c in saved.care] == [
        ("2026-02-01", "visit", 50000, "市总工会"),
        ("2026-05-03", "checkup", 50000, "市医院"),
    ]


def test_a_care_row_without_a_date_is_refused(qtbot, window):
    record = window.registry.honouree(window.registry.search("name:许仲秋").ids()[0])
    dialog = EditDialog(window, window.registry, record)
    qtbot.addWidget(dialog)
    model = dialog.care_editor.model
    row = model.add_row()
    model.setData(
        model.index(row, [c.key for c in model.columns].index("amount")), "500", Qt.ItemDataRole.EditRole
    )
    assert not dialog.save()
    assert dialog.tabs.currentWidget() is dialog.care_editor


def test_the_detail_pane_shows_care(qtbot, window):
    honouree_id = window.registry.search("name:许仲秋").ids()[0]
    window.registry.add_care([honouree_id], Care("2026-02-01", "visit", "春节", 50000, by="市总工会"))
    window.detail_pane.show_honouree(honouree_id)
    text = window.detail_pane.toPlainText()
    assert "春节" in text and "500元" in text and "市总工会" in text


def test_record_care_for_the_selection_is_one_undo_step(qtbot, window):
    ids = select_rows(window, ["许仲秋", "罗芳初", "白云"])
    dialog = CareBatchDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.scope.scope() == care_actions.SELECTION
    dialog.occasion.setCurrentText("春节")
    dialog.amount.setText("500")
    dialog.day.setDate(QDate(2027, 1, 20))
    dialog.by.setText("市总工会")
    command = care_actions.record_care(window, dialog)
    assert command is not None and set(command.added) == set(ids)
    for i in ids:
        assert [(c.occasion, c.amount_fen, c.date) for c in window.registry.honouree(i).care] == [
            ("春节", 50000, "2027-01-20")
        ]
    window.undo_stack.undo()
    assert all(not window.registry.honouree(i).care for i in ids)
    window.undo_stack.redo()
    assert all(len(window.registry.honouree(i).care) == 1 for i in ids)


def test_a_bad_amount_is_named_and_nothing_is_recorded(qtbot, window):
    select_rows(window, ["许仲秋", "罗芳初"])
    dialog = CareBatchDialog(window)
    qtbot.addWidget(dialog)
    dialog.amount.setText("五百块钱左右吧")
    assert care_actions.record_care(window, dialog) is None
    assert dialog.message.text()
    assert window.registry.search("care:春节").count() == 0


def test_who_is_due_lists_people_and_opens_one(qtbot, window):
    dialog = DueDialog(window)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("checkup"))
    assert dialog.table.rowCount() > 0 and dialog.table.rowCount() == len(dialog.ids)
    name = dialog.table.item(0, 0).text()
    first = dialog.ids[0]
    window.registry.add_care([first], Care(f"{dialog.year.value()}-01-02", "checkup"))
    dialog.refresh()
    assert first not in dialog.ids
    dialog._open_row(0)
    assert window.current_id() == dialog.ids[0]
    dialog.periods["checkup_serving_years"].setValue(3)
    assert window.settings.checkup_serving_years == 3
    assert name  # the first row named someone


def test_sign_sheet_to_pdf_from_the_app(qtbot, window, tmp_path):
    select_rows(window, ["许仲秋", "罗芳初", "白云"])
    dialog = SignSheetDialog(window)
    qtbot.addWidget(dialog)
    dialog.occasion.setCurrentText("中秋")
    dialog.amount.setText("1000")
    dialog.day.setDate(QDate(2027, 9, 15))
    dialog.record.setChecked(True)
    dialog.action = "pdf"
    path = tmp_path / "sheet.pdf"
    result = care_actions.print_sign_sheet(window, dialog, path)
    assert result is not None and result.pages == 1
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(path).pages)
    assert "2027年中秋慰问金发放签领表" in text and "3,000.00" in text and "人民币叁仟元整" in text
    assert window.registry.search("care:中秋").count() == 3  # recorded too, one undo step
    window.undo_stack.undo()
    assert window.registry.search("care:中秋").count() == 0


def test_the_menus_hold_the_care_actions(window):
    names = {a.objectName() for a in window.findChildren(QAction)}
    assert {"recordCareAction", "dueAction", "signSheetAction"} <= names
    assert QDialog  # imported for the dialogs' result codes


def test_sign_sheet_preview_draws_the_pages_the_pdf_has(qtbot, window, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from honours.printing import render_sign_sheet

    select_rows(window, ["许仲秋", "罗芳初"])
    dialog = SignSheetDialog(window)
    qtbot.addWidget(dialog)
    dialog.amount.setText("800")
    dialog.action = "preview"
    preview = care_actions.print_sign_sheet(window, dialog, tmp_path / "unused.pdf")  # not shown
    assert preview is not None and preview.objectName() == "signSheetPreview"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    _, sheet = dialog.sheet()
    assert render_sign_sheet(sheet, printer, dialog.options()).pages == 1
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(tmp_path / "printed.pdf").pages)
    assert "1,600.00" in text and "人民币壹仟陆佰元整" in text
