"""Tools ▸ Statistics… on the default roll: choose dimensions, read the table, click a figure, print, export."""

from __future__ import annotations

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QTableView, QWidget

from honours.gui.statistics_window import QUERY_ROLE, StatisticsWindow


def open_stats(window, qtbot) -> StatisticsWindow:
    action = window.findChild(type(window.actions.undo), "statisticsAction")
    assert action is not None and action in window.menu("tools").actions()
    action.trigger()
    dialog = window.findChild(StatisticsWindow, "statisticsWindow")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    return dialog


def choose(dialog: StatisticsWindow, name: str, key: str) -> None:
    combo = dialog.findChild(QComboBox, name)
    combo.setCurrentIndex(combo.findData(key))


def find_cell(view: QTableView, row_label: str, column_label: str):
    model = view.model()
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return model.index(rows.index(row_label), columns.index(column_label))


def test_a_click_on_a_figure_lists_its_people_in_the_main_window(window, qtbot):
    window.search_now("")
    dialog = open_stats(window, qtbot)
    choose(dialog, "statsBy", "level")
    choose(dialog, "statsBy2", "region")
    view = dialog.findChild(QTableView, "statsTable")
    model = view.model()
    assert model.headerData(model.rowCount() - 1, Qt.Orientation.Vertical) in ("Total", "合计")
    index = find_cell(view, *(("国家级", "耒阳市") if model.language == "zh" else ("National", "耒阳市")))
    assert index.data() == 1
    assert index.data(QUERY_ROLE) == "collective:no level:国家级 region:耒阳市"
    total = model.index(model.rowCount() - 1, model.columnCount() - 1)
    assert total.data() == 12  # the 12 people of the default roll (its 2 collectives apart)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert window.current_query() == "collective:no level:国家级 region:耒阳市"
    qtbot.waitUntil(lambda: window.result().count() == 1)
    choose(dialog, "statsSubject", "collectives")
    assert model.index(model.rowCount() - 1, model.columnCount() - 1).data() == 2


def test_one_dimension_shows_shares_and_a_query_narrows(window, qtbot):
    dialog = open_stats(window, qtbot)
    choose(dialog, "statsBy", "level")
    choose(dialog, "statsBy2", "")
    model = dialog.findChild(QTableView, "statsTable").model()
    assert model.columnCount() == 2
    dialog.query.setText("level:省级")
    dialog.refresh()
    last = model.rowCount() - 1
    assert model.index(last, 0).data() == 4  # the four provincial honourees
    dialog.query.setText("year:abc")
    dialog.refresh()
    assert dialog.message.isVisibleTo(dialog) and "abc" in dialog.message.text()


def test_export_xlsx_and_pdf(window, qtbot, tmp_path):
    dialog = open_stats(window, qtbot)
    choose(dialog, "statsBy", "level")
    choose(dialog, "statsBy2", "region")
    sheet_path = dialog.export_xlsx(tmp_path / "统计.xlsx")
    sheet = load_workbook(sheet_path).worksheets[0]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    totals = next(row for row in values if row[0] in ("合计", "Total"))
    assert totals[-1] == 12 and all(isinstance(v, int) for v in totals[1:] if v is not None)
    pdf = dialog.export_pdf(tmp_path / "统计.pdf")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "耒阳市" in text and "12" in text
    assert dialog.preview(show=False).objectName() == "statsPreviewDialog"


def test_the_window_recounts_when_the_roll_changes(window, qtbot):
    dialog = open_stats(window, qtbot)
    choose(dialog, "statsBy", "gender")
    choose(dialog, "statsBy2", "")
    model = dialog.findChild(QTableView, "statsTable").model()
    assert model.index(model.rowCount() - 1, 0).data() == 12
    person = window.registry.search("collective:no").all_ids()[0]
    window.registry.delete(person)  # the registry tells the store, which tells its views
    qtbot.waitUntil(lambda: model.index(model.rowCount() - 1, 0).data() == 11, timeout=3000)


def test_donations_tab_totals_and_its_click(window, qtbot):
    window.search_now("")
    dialog = open_stats(window, qtbot)
    view = dialog.findChild(QTableView, "statsAmounts")
    assert view.model().rowCount() == 0  # counted only when its tab is shown
    dialog.tabs.setCurrentIndex(1)
    model = view.model()
    last = model.rowCount() - 1
    assert model.headerData(last, Qt.Orientation.Vertical) in ("合计", "Total")
    assert (model.index(last, 0).data(), model.index(last, 1).data()) == (4, "600000.00")
    total = model.index(last, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(total).center())
    assert window.current_query() == "donated:yes"
    qtbot.waitUntil(lambda: window.result().count() == 4)


def test_care_spending_tab_by_year_and_kind_and_its_click(window, qtbot):
    """Care given to two people of the roll (and to one then put in the trash, never counted)."""
    from honours.core.records import Care

    window.search_now("")
    first, second, trashed = window.registry.search("collective:no").all_ids()[:3]
    for person, care in (
        (
            first,
            [Care("2026-01-20", "visit", amount_fen=100000), Care("2025-02-01", "aid", amount_fen=50050)],
        ),
        (second, [Care("2026-03-01", "visit", item="大米", quantity=2, quantity_unit="袋")]),
        (trashed, [Care("2026-01-01", "checkup", amount_fen=999900)]),
    ):
        record = window.registry.honouree(person)
        record.care = care
        window.registry.update(record)
    window.registry.delete(trashed)
    dialog = open_stats(window, qtbot)
    view = dialog.findChild(QTableView, "statsCare")
    assert view.model().rowCount() == 0  # counted only when its tab is shown
    dialog.tabs.setCurrentWidget(dialog.findChild(QWidget, "statsCareTab"))
    model = view.model()
    zh = model.language == "zh"
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert rows == ["2025", "2026", "合计" if zh else "Total"]
    assert [
        (model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 2).data()) for r in range(3)
    ] == [
        (1, "500.50", 0),
        (2, "1000.00", 2),
        (2, "1500.50", 2),
    ]
    assert model.headerData(0, Qt.Orientation.Horizontal) == ("受关怀人数" if zh else "People cared for")
    assert dialog.care_chart.data is not None and dialog.care_chart.data.series[0][1] == [501, 1000]
    choose(dialog, "statsCareBy", "care_kind")
    visit = model.index(0, 1)
    assert model.headerData(0, Qt.Orientation.Vertical) == ("慰问" if zh else "Visit")
    assert visit.data() == "1000.00" and visit.data(QUERY_ROLE) == "cared:慰问 cared:yes"
    view.scrollTo(visit)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(visit).center())
    assert window.current_query() == "cared:慰问 cared:yes"
    qtbot.waitUntil(lambda: window.result().count() == 2)
