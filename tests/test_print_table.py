"""File ▸ Print Table… and `honours print-table`: the results table as shown, on landscape pages.

Real windows offscreen, real PDFs read back with poppler's pdftotext.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from printing_helpers import (
    needs_poppler,
    page_count,
    pdf_fonts,
    pdf_page_size,
    pdftotext,
    squeeze,
    synthetic,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog, QPushButton

from honours.core import Registry
from honours.gui import i18n, table_print
from honours.gui.roll_model import COLUMN_INDEX
from honours.gui.table_print import PDF, PRINT, TablePrintChoice, TablePrintDialog
from honours.printing import TableColumn, TableOptions, render_table

LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


def type_text(widget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def this_run(monkeypatch):
    fresh = table_print.ThisRun()
    monkeypatch.setattr(table_print, "this_run", fresh)
    return fresh


@pytest.fixture
def open_window(qtbot, tmp_path):
    """The real main window on a registry file, shown offscreen."""
    from honours.app import create_window

    def make(db: Path, language: str = "en"):
        window = create_window(db, tmp_path / "settings.ini", language=language)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    i18n.install_translations("en")


def arrange(window, query: str) -> None:
    """What a user did: searched, sorted by unit (descending), dragged Honours first, hid Region
    and the honour years."""
    window.search_now(query)
    table = window.results_table
    table.sortByColumn(COLUMN_INDEX["unit"], Qt.SortOrder.DescendingOrder)
    header = table.horizontalHeader()
    header.moveSection(header.visualIndex(COLUMN_INDEX["honours"]), 1)
    header.hideSection(COLUMN_INDEX["region"])
    header.hideSection(COLUMN_INDEX["years"])


def shown_rows(window, columns: list[str]) -> list[list[str]]:
    """The cells the table itself shows for `columns`, every row loaded."""
    model = window.model
    while model.canFetchMore():
        model.fetchMore()
    return [
        [model.data(model.index(row, COLUMN_INDEX[key])) or "" for key in columns]
        for row in range(model.rowCount())
    ]


def test_shown_columns_follow_the_header(open_window, db_path):
    window = open_window(db_path)
    arrange(window, "level:provincial")
    keys = {index: key for key, index in COLUMN_INDEX.items()}
    assert [keys[c] for c in table_print.shown_columns(window.results_table)] == [
        "honours",
        "name",
        "unit",
        "position",
        "level",
        "status",
    ]  # no photo (untitled), no hidden region or years
    shown = table_print.table_view(window.results_table)
    assert shown.titles == ["Honours", "Name", "Unit", "Position", "Highest level", "Status"]
    assert (shown.query, shown.sorted_by, shown.descending, shown.count) == (
        "level:provincial",
        "Unit",
        True,
        4,
    )
    window.results_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # back to the search's own order
    assert table_print.table_view(window.results_table).sorted_by == ""


@needs_poppler
def test_the_pdf_has_the_shown_columns_in_order_and_the_rows_in_the_tables_order(
    open_window, db_path, tmp_path, this_run
):
    window = open_window(db_path)
    arrange(window, "level:provincial")
    pdf = tmp_path / "table.pdf"
    result = table_print.print_table(window, TablePrintChoice(action=PDF), path=pdf)
    assert result.pages == page_count(pdf) == 1 and result.records == 4
    width, height = pdf_page_size(pdf)
    assert width > height  # landscape
    assert all(font["emb"] == "yes" for font in pdf_fonts(pdf))  # the bundled fonts, embedded
    lines = [line for line in pdftotext(pdf, layout=True).splitlines() if line.strip()]
    header = next(line for line in lines if "Honours" in line and "Name" in line)
    titles = ["No.", "Honours", "Name", "Unit", "Position", "Highest level", "Status"]
    assert [header.index(t) for t in titles] == sorted(header.index(t) for t in titles)
    assert "Region" not in header
    rows = shown_rows(window, ["honours", "name", "unit", "position", "level", "status"])
    assert [r[1] for r in rows] == [
        "许仲秋",
        "罗芳初",
        "柏太柱",
        "李小平",
    ]  # 湘油泵, 旺华…, 市中心医院, 南岳区… (Z→A)
    body = lines[lines.index(header) + 1 :]
    for number, row in enumerate(rows, 1):
        line = next(line for line in body if row[1] in line)
        cells = [str(number), *row]
        assert [line.index(c) for c in cells] == sorted(line.index(c) for c in cells), (line, cells)
    assert [next(i for i, line in enumerate(body) if r[1] in line) for r in rows] == [0, 1, 2, 3]
    heading = squeeze(" ".join(lines[: lines.index(header)]))
    assert "ListofHonourees" in heading and "4honourees" in heading
    assert "Query:level:provincial" in heading and "sortedbyUnit,descending" in heading
    assert "Page1of1" in squeeze(lines[-1])
    assert str(pdf) in window.statusBar().currentMessage()


@needs_poppler
def test_in_chinese_with_a_title_typed_in_the_dialog(open_window, db_path, tmp_path, monkeypatch, this_run):
    qm = tmp_path / "qm"
    qm.mkdir()
    subprocess.run(
        [
            str(LRELEASE),
            "-silent",
            str(i18n.I18N_DIR / "honours_zh_CN.ts"),
            "-qm",
            str(qm / "honours_zh_CN.qm"),
        ],
        check=True,
    )
    monkeypatch.setattr(i18n, "I18N_DIR", qm)
    window = open_window(db_path, language="zh")
    arrange(window, "level:provincial")
    seen = {}

    def answer(dialog: TablePrintDialog) -> int:
        seen["summary"] = dialog.findChild(QLabel, "printTableSummary").text()
        seen["hint"] = dialog.title_edit.placeholderText()
        seen["buttons"] = [
            b.text() for b in dialog.findChildren(QPushButton) if b.objectName().startswith("table")
        ]
        type_text(dialog.title_edit, "2026年省级劳模名单")
        dialog.findChild(QPushButton, "tablePdfButton").click()
        return dialog.result()

    monkeypatch.setattr(TablePrintDialog, "exec", answer)
    pdf = tmp_path / "省级.pdf"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(pdf), ""))
    result = table_print.print_table(window)
    assert result is not None and result.records == 4
    assert seen["summary"].splitlines() == [
        "表中显示的 4 人",
        "列：荣誉、姓名、单位、职务、最高级别、状态",
        "检索：level:provincial",
        "排序：按单位降序",
    ]
    assert seen["hint"] == "荣誉人物一览表"
    assert seen["buttons"] == ["预览(&V)…", "打印(&P)…", "保存为 PDF(&D)…"]
    text = pdftotext(pdf, layout=True)
    header = next(line for line in text.splitlines() if "姓名" in line)
    assert [header.index(t) for t in ("序号", "荣誉", "姓名", "单位", "职务", "最高级别", "状态")] == sorted(
        header.index(t) for t in ("序号", "荣誉", "姓名", "单位", "职务", "最高级别", "状态")
    )
    flat = squeeze(text)
    assert "2026年省级劳模名单" in flat and "荣誉人物一览表" not in flat
    assert (
        "共4人" in flat
        and "检索条件：level:provincial" in flat
        and "按单位降序" in flat
        and "第1页共1页" in flat
    )
    assert "省级" in flat and "许仲秋" in flat
    assert table_print.default_choice(window).title == "2026年省级劳模名单"  # offered again this run


@needs_poppler
def test_a_long_table_repeats_its_header_and_numbers_every_page(open_window, tmp_path, this_run):
    db = tmp_path / "many.sqlite"
    registry = Registry.open(db)
    registry.add_many(synthetic(130))
    registry.close()
    window = open_window(db)
    window.search_now("")
    pdf = tmp_path / "long.pdf"
    result = table_print.print_table(window, TablePrintChoice(action=PDF, title="Everyone"), path=pdf)
    pages = page_count(pdf)
    assert result.pages == pages >= 3 and result.records == 130
    names = [r[0] for r in shown_rows(window, ["name"])]
    seen = []
    for page in range(1, pages + 1):
        text = pdftotext(pdf, page=page, layout=True)
        header = next(line for line in text.splitlines() if "Name" in line and "Unit" in line)
        assert header.index("Name") < header.index("Unit") < header.index("Honours")
        assert f"Page{page}of{pages}" in squeeze(text)
        if page > 1:
            assert "Everyone (continued)" in text and "All honourees" in text
        seen += [name for name in names if name in text and name not in seen]
    assert seen == names  # every row, in the table's order, none lost between pages


def test_print_goes_to_a_landscape_printer_and_cancel_writes_nothing(
    open_window, db_path, tmp_path, monkeypatch, this_run
):
    window = open_window(db_path)
    printer = table_print.make_printer(TablePrintChoice(action=PRINT))
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    result = table_print.print_table(
        window, TablePrintChoice(action=PRINT), printer=printer, ask_printer=False
    )
    assert result.pages == page_count(tmp_path / "printed.pdf") == 1 and result.records == 14
    assert "1" in window.statusBar().currentMessage()
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    never = tmp_path / "never.pdf"
    cancelled = table_print.print_table(window, TablePrintChoice(action=PDF), path=never)
    assert cancelled.cancelled and not never.exists()


def test_preview_draws_the_same_pages(qtbot, open_window, db_path, this_run):
    window = open_window(db_path)
    preview = table_print.print_table(window, TablePrintChoice(action="preview"), show_preview=False)
    qtbot.addWidget(preview)
    preview.open()
    qtbot.waitUntil(lambda: bool(preview.results), timeout=20000)
    assert preview.results[0].pages == 1 and preview.results[0].records == 14
    preview.close()


def test_the_file_menu_offers_it_and_a_table_without_columns_is_refused(open_window, db_path, monkeypatch):
    window = open_window(db_path)
    action = next(a for a in window.menu("file").actions() if a.objectName() == "printTableAction")
    assert action.text() == "Print &Table…"
    header = window.results_table.horizontalHeader()
    for logical in range(header.count()):
        header.hideSection(logical)
    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)
    assert table_print.print_table(window, TablePrintChoice(action=PDF), path=Path("unused.pdf")) is None
    assert "no columns" in errors[0].message("en")
    dialog = TablePrintDialog(table_print.table_view(window.results_table), TablePrintChoice())
    assert not dialog.findChild(QPushButton, "tablePdfButton").isEnabled()
    dialog.deleteLater()


def test_a_cell_is_wrapped_never_cut_and_a_very_tall_row_is_split(qapp, tmp_path):
    from honours.gui.fonts import install_fonts

    install_fonts()
    long_text = "坚守岗位连续奋战" * 300
    rows = [["甲", "短"], ["乙", long_text], ["丙", "短"]]
    pdf = tmp_path / "tall.pdf"
    result = render_table(
        [TableColumn("姓名", 1), TableColumn("事迹", 6)], rows, pdf, TableOptions(numbered=False)
    )
    assert result.pages == page_count(pdf) >= 2 and result.records == 3
    text = squeeze(pdftotext(pdf))
    assert text.count("坚守岗位连续奋战") == 300 and "丙" in text


# -- the command line ----------------------------------------------------------------------------------


def cli(db: Path, *args: str, lang: str = "zh") -> subprocess.CompletedProcess:
    env = {**os.environ, "HONOURS_DB": str(db), "HONOURS_LANG": lang}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "honours", *args],
        capture_output=True,
        env=env,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


@needs_poppler
def test_print_table_from_the_command_line(db_path, tmp_path, open_window):
    if not (i18n.I18N_DIR / "honours_zh_CN.qm").exists():
        pytest.skip("honours_zh_CN.qm is built by make translations")
    pdf = tmp_path / "cli.pdf"
    done = cli(
        db_path,
        "print-table",
        "level:provincial",
        "--columns",
        "honours,name,unit,level",
        "--sort",
        "unit",
        "--descending",
        "--title",
        "省级劳模",
        "-o",
        str(pdf),
    )
    assert done.returncode == 0, done.stderr
    assert f"已将 4 人的表格（共 1 页）写入 {pdf}。" in done.stderr
    text = pdftotext(pdf, layout=True)
    header = next(line for line in text.splitlines() if "姓名" in line)
    assert header.index("荣誉") < header.index("姓名") < header.index("单位") < header.index("最高级别")
    assert "职务" not in header
    names = [name for name in re.findall(r"许仲秋|罗芳初|柏太柱|李小平", text)]
    assert names == ["许仲秋", "罗芳初", "柏太柱", "李小平"]
    # the same as the window prints for the same view
    window = open_window(db_path)
    arrange(window, "level:provincial")
    assert [r[0] for r in shown_rows(window, ["name"])] == names
    flat = squeeze(text)
    assert "省级劳模" in flat and "按单位降序" in flat


def test_print_table_refuses_unknown_columns(db_path, tmp_path):
    done = cli(db_path, "print-table", "--columns", "name,photo", "-o", str(tmp_path / "x.pdf"))
    assert done.returncode == 2 and "photo" in done.stderr and "name,unit" in done.stderr
    done = cli(db_path, "print-table", "--sort", "birthday", "-o", str(tmp_path / "x.pdf"), lang="en")
    assert done.returncode == 2 and "birthday" in done.stderr
    assert not (tmp_path / "x.pdf").exists()
