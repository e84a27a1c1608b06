"""The results table on an office laptop (1280×690): dense rows, every default column without a
horizontal scroll bar, and a column chooser whose choice, order and widths are remembered."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu

from honours.app import create_window
from honours.core import Honour, Honouree, Registry
from honours.gui import i18n
from honours.gui.roll_model import COLUMN_INDEX, COLUMNS

LAPTOP = (1280, 690)
DEFAULT_KEYS = ["photo", "name", "unit", "position", "honours", "years", "level", "region", "status"]


@pytest.fixture
def big_roll(db_path) -> Path:
    """The default roll and 30 more, so that the rows a window shows are not limited by the roll."""
    with Registry.open(db_path) as registry:
        registry.add_many(
            [
                Honouree(
                    name=f"测试{i:02d}",
                    unit="衡阳市第一中学",
                    position="教师",
                    region="衡阳县",
                    honours=[Honour("衡阳市劳动模范", "municipal", year=2000 + i % 20)],
                )
                for i in range(30)
            ]
        )
    return db_path


@pytest.fixture
def chinese_catalogue(tmp_path, monkeypatch):
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    source = Path(i18n.__file__).parent / "i18n" / "honours_zh_CN.ts"
    subprocess.run(
        [str(lrelease), "-silent", str(source), "-qm", str(tmp_path / "honours_zh_CN.qm")], check=True
    )
    monkeypatch.setattr(i18n, "I18N_DIR", tmp_path)
    yield
    i18n.install_translations("en")


def laptop_window(qtbot, db_path, settings, language: str = "en"):
    window = create_window(db_path, settings, language=language)
    qtbot.addWidget(window)
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()  # a first start fits the default widths once the table has its size
    return window


def full_rows_visible(table) -> int:
    height = table.viewport().height()
    return sum(
        1
        for row in range(table.model().rowCount())
        if table.rowViewportPosition(row) >= 0
        and table.rowViewportPosition(row) + table.rowHeight(row) <= height
    )


@pytest.mark.parametrize("language", ["en", "zh"])
def test_at_1280x690_every_default_column_fits_and_at_least_18_rows_show(
    qtbot, big_roll, tmp_path, chinese_catalogue, language
):
    window = laptop_window(qtbot, big_roll, tmp_path / "s.ini", language)
    table = window.results_table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width(), timeout=3000)

    assert table.column_keys() == DEFAULT_KEYS
    assert header.length() <= table.viewport().width()
    qtbot.waitUntil(lambda: not table.horizontalScrollBar().isVisible(), timeout=3000)  # laid out lazily
    assert table.horizontalScrollBar().maximum() == 0
    metrics = header.fontMetrics()
    for key in DEFAULT_KEYS[1:]:  # every title readable, not cut short
        title = window.model.headerData(COLUMN_INDEX[key], Qt.Orientation.Horizontal)
        assert table.columnWidth(COLUMN_INDEX[key]) > metrics.horizontalAdvance(title), title
    assert window.model.rowCount() == 44
    assert full_rows_visible(table) >= 18  # 14 with the 40-pixel rows before


def test_the_years_column_shows_the_honour_years_latest_first(qtbot, big_roll, tmp_path):
    window = laptop_window(qtbot, big_roll, tmp_path / "s.ini")
    registry = window.registry
    saved = registry.add(
        Honouree(
            name="年份测试",
            honours=[
                Honour("衡阳市劳动模范", "municipal", year=2015),
                Honour("湖南省劳动模范", "provincial", year=2019),
            ],
        )
    )
    window.search_now("年份测试")
    assert window.model.headerData(COLUMN_INDEX["years"], Qt.Orientation.Horizontal) == "Years"
    assert window.model.index(0, COLUMN_INDEX["years"]).data() == "2019、2015"
    assert window.model.id_at(0) == saved.id

    window.search_now("")
    header = window.results_table.horizontalHeader()
    header.setSortIndicator(COLUMN_INDEX["years"], Qt.SortOrder.DescendingOrder)  # a click on the title
    assert window.model.order() == ("year", True)
    latest = [window.model.summary(row).years[0] for row in range(25)]
    assert latest == sorted(latest, reverse=True) and latest[0] == 2019 and latest[-1] < 2019


def test_right_click_on_the_header_chooses_columns_and_the_choice_is_remembered(qtbot, big_roll, tmp_path):
    settings = tmp_path / "s.ini"
    window = laptop_window(qtbot, big_roll, settings)
    table = window.results_table
    header = table.horizontalHeader()

    header.customContextMenuRequested.emit(QPoint(40, 5))  # what a right click on the header sends
    popup = table.columns_popup
    assert isinstance(popup, QMenu) and popup.isVisible()
    ticks = {a.objectName(): a for a in popup.actions() if a.objectName().startswith("column_")}
    assert [name.removeprefix("column_") for name in ticks] == [c.key for c in COLUMNS]
    assert [a.isChecked() for a in ticks.values()] == [c.shown for c in COLUMNS]
    assert not ticks["column_name"].isEnabled()  # the name always shows
    ticks["column_region"].trigger()
    popup.close()
    assert not table.is_column_shown("region") and "region" not in table.column_keys()

    view_columns = window.findChild(QMenu, "columnsMenu")  # View ▸ Columns: the same chooser
    view_columns.aboutToShow.emit()
    ticks = {a.objectName(): a for a in view_columns.actions()}
    assert not ticks["column_region"].isChecked()
    ticks["column_category"].trigger()
    assert table.column_keys() == [
        "photo",
        "name",
        "unit",
        "position",
        "honours",
        "years",
        "level",
        "status",
        "category",
    ]
    assert window.model.index(0, COLUMN_INDEX["category"]).data() in (
        "Medical workers",
        "Other trades",
        "Model workers",
        "Collectives",
        "",
    )

    header.moveSection(
        header.visualIndex(COLUMN_INDEX["status"]), header.visualIndex(COLUMN_INDEX["name"]) + 1
    )
    table.setColumnWidth(COLUMN_INDEX["unit"], 211)
    shown = table.column_keys()
    assert shown[:3] == ["photo", "name", "status"]
    window.close()

    again = laptop_window(qtbot, big_roll, settings)
    assert again.results_table.column_keys() == shown
    assert again.results_table.columnWidth(COLUMN_INDEX["unit"]) == 211
    assert not again.results_table.is_column_shown("region")

    ticks = {}
    menu = QMenu()
    again.results_table.fill_columns_menu(menu)
    ticks = {a.objectName(): a for a in menu.actions()}
    ticks["column_region"].trigger()  # shown again: back beside the column it follows by default
    keys = again.results_table.column_keys()
    assert keys.index("region") == keys.index("level") + 1
    ticks["resetColumnsInMenu"].trigger()
    assert again.results_table.column_keys() == DEFAULT_KEYS


def test_the_sort_is_remembered_by_column(qtbot, big_roll, tmp_path):
    settings = tmp_path / "s.ini"
    window = laptop_window(qtbot, big_roll, settings)
    window.results_table.horizontalHeader().setSortIndicator(
        COLUMN_INDEX["unit"], Qt.SortOrder.DescendingOrder
    )
    assert window.model.order() == ("unit", True)
    window.close()
    again = laptop_window(qtbot, big_roll, settings)
    assert again.model.order() == ("unit", True)
    assert again.settings.results_sort == "-unit"


def test_a_saved_layout_naming_unknown_columns_falls_back_to_the_defaults(qtbot, big_roll, tmp_path):
    settings = tmp_path / "s.ini"
    first = create_window(big_roll, settings)
    first.settings.results_columns = ["nonsense", "photo"]
    first.settings.results_widths = {"unit": "wide"}
    first.settings.sync()
    first.close()
    window = laptop_window(qtbot, big_roll, settings)
    assert window.results_table.column_keys() == DEFAULT_KEYS
    assert QApplication.instance() is not None
