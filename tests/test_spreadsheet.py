"""Reading sheets as offices make them: real xlsx (openpyxl- and LibreOffice-made) and csv files.

tests/fixtures/libreoffice_roll.xlsx was made by LibreOffice 7.4 (`soffice --headless
--convert-to xlsx`) from an openpyxl workbook: two merged title rows, a header in row 3,
序号 filled by =ROW()-3, a date column, 捐款金额（万元）, and a 合计 row with =SUM(). LibreOffice
wrote shared strings and the formulas' computed values, as Excel and WPS do.
"""

from __future__ import annotations

import codecs
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from honours.core.spreadsheet import (
    LONG_LIMIT,
    RowError,
    RowReader,
    SpreadsheetError,
    cell_text,
    guess_mapping,
    infer_level,
    iter_records,
    read_table,
    split_honours,
)
from honours.core.xlsx_reader import CellError, SheetValues

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = ["序号", "姓名", "性别", "工作单位", "职务", "荣誉称号", "捐赠"]


def make_xlsx(path: Path, rows: list[list], *, title: str | None = None, sheet: str = "Sheet1") -> Path:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = sheet
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(len(r) for r in rows))
    for row in rows:
        ws.append(row)
    workbook.save(path)
    return path


def records(table, mapping=None):
    return [(n, r) for n, r in iter_records(table, mapping)]


# -- xlsx ----------------------------------------------------------------------------------

def test_openpyxl_sheet_with_merged_title_row(tmp_path):
    path = make_xlsx(tmp_path / "名单.xlsx", [
        HEADER,
        [1, "李芳", "女", "衡阳市中心医院", "护士长", "湖南省五一劳动奖章、衡阳市三八红旗手", "50万元、口罩1万只"],
        [2, "王建国", "男", "衡阳县人民医院", "院长", "全国先进工作者", "1,000元"],
    ], title="2020年衡阳市抗疫先进人物名单")
    table = read_table(path)
    assert table.kind == "xlsx"
    assert table.header_row == 2
    assert table.headers[:3] == ["序号", "姓名", "性别"]
    assert [n for n, _ in table.rows] == [3, 4]
    (row3, first), (_, second) = records(table)
    assert row3 == 3 and first.record.name == "李芳"
    assert [(h.title, h.level) for h in first.record.honours] == [
        ("湖南省五一劳动奖章", "provincial"), ("衡阳市三八红旗手", "municipal")]
    assert [(d.amount_fen, d.item, d.quantity, d.quantity_unit) for d in first.record.donations] == [
        (50_000_000, "", None, ""), (None, "口罩", 10_000, "只")]
    assert second.record.honours[0].level == "national"
    assert second.record.donations[0].amount_fen == 100_000


def test_libreoffice_made_workbook(tmp_path):
    table = read_table(FIXTURES / "libreoffice_roll.xlsx")
    assert table.sheet == "名单"
    assert table.header_row == 3
    mapping = guess_mapping(table.headers)
    assert mapping[:4] == [None, "name", "gender", "birth_date"]
    assert mapping[8] == "donation_amount"
    assert table.rows[0][1][0] == 1  # =ROW()-3, read as the value LibreOffice saved, not evaluated
    parsed = records(table)
    li = parsed[0][1].record
    assert li.birth_date == "1985-03-12"  # a date cell
    assert li.donations[0].amount_fen == 500_000  # 0.5 under 捐款金额（万元） is 5000 yuan exactly
    assert [h.year for h in li.honours] == [2020, 2020]
    assert parsed[2][1].record.honours[0].level == "county"  # 珠晖区…
    total_row = parsed[3]
    assert total_row[0] == 7 and isinstance(total_row[1], RowError) and "totals" in total_row[1].en


def _openpyxl_values(path: Path, sheet: str) -> list[tuple[int, list]]:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    out = [(n, list(v)) for n, v in enumerate(workbook[sheet].iter_rows(values_only=True), 1)]
    workbook.close()
    return out


def _fast_values(path: Path, sheet: str) -> list[tuple[int, list]]:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = workbook[sheet]
    reader = SheetValues(workbook._archive, ws._worksheet_path, ws._shared_strings,
                         workbook._date_formats, workbook.epoch)
    out = list(reader.rows())
    workbook.close()
    return out


def _same_rows(fast: list[tuple[int, list]], slow: list[tuple[int, list]]) -> None:
    fast_rows = {n: v for n, v in fast}
    for number, values in slow:
        mine = fast_rows.get(number, [])
        width = max(len(values), len(mine))
        assert (mine + [None] * width)[:width] == (list(values) + [None] * width)[:width], number


def test_fast_reader_reads_what_openpyxl_reads(tmp_path):
    path = tmp_path / "mixed.xlsx"
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["姓名", "数字", "小数", "日期", "布尔", "空", "长文本"])
    ws.append(["张三 & <李四>", 42, 3.25, datetime(2020, 5, 1), True, None, "事迹" * 500])
    ws.append(["𠮷野家😀", -7, 1e-7, date(1999, 12, 31), False, "", "line1\nline2"])
    ws["C10"] = "gap row"
    ws["A11"] = CellRichText(["粗体", TextBlock(InlineFont(b=True), "富文本")])
    ws.cell(12, 30, "far column")
    workbook.save(path)
    for source in (path, FIXTURES / "libreoffice_roll.xlsx"):
        sheet = openpyxl.load_workbook(source, read_only=True).sheetnames[0]
        _same_rows(_fast_values(source, sheet), _openpyxl_values(source, sheet))


def test_shared_strings_read_as_openpyxl_reads_them(tmp_path):
    """Rich-text runs (LibreOffice writes CJK as runs), phonetic guides, escapes, empty strings."""
    import zipfile

    from openpyxl.reader.strings import read_string_table

    from honours.core.xlsx_reader import read_shared_strings

    xml = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
           'spreadsheetml/2006/main" count="5" uniqueCount="5">'
           '<si><t>姓名</t></si>'
           '<si><r><rPr><rFont val="DejaVu Sans"/></rPr><t xml:space="preserve">衡阳 </t></r>'
           '<r><rPr><b/></rPr><t>&#24037;&amp;会 &lt;市&gt;</t></r></si>'
           '<si><t>东京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>'
           '<si><t/></si>'
           '<si><t xml:space="preserve">  line1\nline2 </t></si></sst>')
    path = tmp_path / "strings.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/sharedStrings.xml", xml)
    with zipfile.ZipFile(path) as archive:
        mine = read_shared_strings(archive, "xl/sharedStrings.xml")
        theirs = list(read_string_table(archive.open("xl/sharedStrings.xml")))
    assert mine == theirs
    assert mine[:3] == ["姓名", "衡阳 工&会 <市>", "东京"]


_SHEET_XML = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>&#24180;&amp;&lt;</t></is></c>'
    '<c r="D1" s="1"><v>43952</v></c><c r="E1" s="2"><v>1.5</v></c><c r="F1"><v>1.0E+2</v></c><c r="G1" t="s"/>'
    '<c r="H1" t="inlineStr"><is><t xml:space="preserve"> 前后 </t></is></c><c r="I1" t="inlineStr"></c>'
    '<c r="J1" t="n"><v>12345678901234567890</v></c><c r="K1" s="1"><v>99999999</v></c></row>'
    '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="str"><v>x&amp;y</v></c><c r="C2" t="e"><v>#N/A</v></c></row>'
    '<row r="3"><c r="B3"><f>1+1</f><v>2</v></c><c r="C3" t="inlineStr"><is><t>&#xFDD0;分\ufdd0隔</t></is></c></row>'
    '<row><c t="inlineStr"><is><t>无坐标</t></is></c><c><v>5</v></c><c r="D4" t="inlineStr"><is><t>&#20016;</t></is></c></row>'
    '<row r="6"><c r="A6" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c>'
    '<c r="XFD6"><v>7</v></c></row>'
    '<row r="7" spans="1:3"><c r="AB7" t="n"><v>-3</v></c><c r="AC7" t="d"><v>2020-05-01T00:00:00</v></c></row>'
    '<row r="8"><c r="A8" s="0" t="s"><v>1</v></c><c r="B8" t="s" s="0"><v>1</v></c></row>'
    '<row r="9"/><row r="10"><c r="A10" t="inlineStr"><is><t>&#22823;</t></is></c>'
    '<c r="B10" t="inlineStr"><is><t>&#24180;&amp;&lt;</t></is></c></row>'  # as C1: decoded once
    '<row spans="1:1" r="12"><c r="A12"><v>12</v></c></row><row><c><v>13</v></c></row>'
    '</sheetData><rowBreaks count="1" manualBreakCount="1"><brk id="5" max="16383" man="1"/></rowBreaks>'
    '</worksheet>')


def _sheet_rows(xml: str, general_only: bool, monkeypatch) -> list[tuple[int, list]]:
    """The rows SheetValues reads from a worksheet part; with general_only, every row by `_cells`."""
    import io
    import zipfile

    from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("sheet.xml", xml)
    with monkeypatch.context() as patch:
        if general_only:
            patch.setattr(SheetValues, "_usual_cells", lambda self, cells, number: None)
        with zipfile.ZipFile(buffer) as archive:
            return list(SheetValues(archive, "sheet.xml", ["共享", "第二"], {1}, CALENDAR_WINDOWS_1900,
                                    chunk_bytes=300).rows())


@pytest.mark.parametrize("prefix", ["", "x:"])
def test_usual_cells_are_read_as_the_general_path_reads_them(monkeypatch, prefix):
    """Rows of usual cells take a short cut; they must come out as the general path reads them,
    and a row with any other cell (formula, rich text, bool, error, odd attributes) goes that way."""
    import re

    from honours.core.xlsx_reader import _Patterns

    xml = _SHEET_XML
    if prefix:
        xml = re.sub(r"<(/?)(?!\?)", rf"<\1{prefix}", xml).replace("xmlns=", f"xmlns:{prefix[:-1]}=")
    used = []
    real = SheetValues._usual_cells

    def counting(self, cells, number):
        values = real(self, cells, number)
        used.append(values is not None)
        return values

    monkeypatch.setattr(SheetValues, "_usual_cells", counting)
    fast = _sheet_rows(xml, False, monkeypatch)
    assert fast == _sheet_rows(xml, True, monkeypatch)
    assert used == [True, False, False, True, False, False, False, True, True, True]  # 2, 3, 6, 7, 8 not
    rows = dict(fast)
    assert rows[1] == ["共享", None, "年&<", datetime(2020, 5, 1), 1.5, 100, None, " 前后 ", None,
                       12345678901234567890, CellError("#VALUE!")]
    assert rows[3] == [None, 2, "\ufdd0分\ufdd0隔"] and rows[4] == ["无坐标", 5, None, "丰"]
    assert rows[8] == ["第二", "第二"] and rows[9] == [] and rows[10] == ["大", "年&<"]
    assert [n for n, _ in fast] == [1, 2, 3, 4, 6, 7, 8, 9, 10, 12, 13] and rows[12] == [12] and rows[13] == [13]
    assert _Patterns.build(prefix.encode()).usual_cell.findall(b"<" + prefix.encode() + b"cfRule/>") == []


@pytest.mark.parametrize("row", ['<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>',
                                 '<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>',
                                 '<row r="1"><c r="A2"><v>1</v></c></row>'])
def test_cells_out_of_order_or_in_another_row_are_left_to_openpyxl(monkeypatch, row):
    from honours.core.xlsx_reader import Unsupported

    xml = _SHEET_XML.replace('<row r="1">', row + '<row r="99">', 1)
    for general_only in (False, True):
        with pytest.raises(Unsupported):
            _sheet_rows(xml, general_only, monkeypatch)


def _workbook_rows(path: Path, chunk_bytes: int, parallel: bool) -> list[tuple[int, list]]:
    from honours.core.xlsx_reader import Workbook

    with path.open("rb") as source:
        workbook = Workbook(source)
        try:
            return list(workbook.rows(workbook.names[0], chunk_bytes, parallel=parallel))
        finally:
            workbook.close()


def test_a_large_sheet_is_read_with_a_helper_process_and_gives_the_same_rows(tmp_path, monkeypatch):
    """The last blocks of a large sheet are read by a helper process; the rows are the same."""
    from honours.core import xlsx_reader

    path = tmp_path / "big.xlsx"
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["姓名", "数字", "日期", "事迹"])
    for i in range(400):
        ws.append([f"人{i} & <{i}>", i * 1.5, datetime(2000, 1, 1 + i % 28), "事迹" * (i % 50) or None])
    workbook.save(path)
    blocks_here = []
    real_block_rows = xlsx_reader.SheetValues._block_rows

    def block_rows(self, *args):
        blocks_here.append(1)
        return real_block_rows(self, *args)

    monkeypatch.setattr(xlsx_reader.SheetValues, "_block_rows", block_rows)
    sequential = _workbook_rows(path, 3000, parallel=False)
    blocks = len(blocks_here)
    delivered = []
    real_result = xlsx_reader._Helper.result

    def result(self):
        rows = real_result(self)
        delivered.append(rows is not None and len(rows))
        return rows

    monkeypatch.setattr(xlsx_reader._Helper, "result", result)
    monkeypatch.setattr(xlsx_reader, "PARALLEL_BYTES", 0)
    assert _workbook_rows(path, 3000, parallel=True) == sequential
    assert len(delivered) == 1 and 0 < delivered[0] < len(sequential)  # the helper read some of the rows
    assert 0 < len(blocks_here) - blocks < blocks  # and this process did not read them again


def test_the_helper_process_does_not_run_the_callers_script_again(tmp_path):
    """A script without an `if __name__ == "__main__":` guard runs once: the helper imports only
    the reader (multiprocessing's spawned children would run the script again, importing twice)."""
    import subprocess
    import sys

    path = make_xlsx(tmp_path / "big.xlsx", [["姓名", "单位"], *[[f"人{i}", "厂" * 20] for i in range(300)]])
    log = tmp_path / "ran.txt"
    script = tmp_path / "script.py"
    script.write_text(
        f"import sys\nsys.path.insert(0, {str(Path(__file__).parents[1])!r})\n"
        "from honours.core import xlsx_reader\n"
        "xlsx_reader.PARALLEL_BYTES = 0\n"
        "delivered = []\n"
        "real = xlsx_reader._Helper.result\n"
        "xlsx_reader._Helper.result = lambda self: delivered.append(real(self)) or delivered[-1]\n"
        f"with open({str(path)!r}, 'rb') as source:\n"
        "    workbook = xlsx_reader.Workbook(source)\n"
        "    rows = list(workbook.rows(workbook.names[0], 2000, parallel=True))\n"
        "    workbook.close()\n"
        f"open({str(log)!r}, 'a').write(f'{{len(rows)}} {{bool(delivered and delivered[0])}}\\n')\n",
        encoding="utf-8")
    subprocess.run([sys.executable, str(script)], check=True, timeout=120)
    assert log.read_text().splitlines() == ["301 True"]


def test_the_helper_reads_nothing_it_cannot_number_or_of_another_file(tmp_path):
    """Rows without r="…" at the helper's first block, or a part changed since: None, and the
    blocks are read in the calling process instead."""
    import zipfile

    from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900

    from honours.core.xlsx_reader import _read_tail

    path = tmp_path / "sheet.zip"
    numbered = _SHEET_XML.replace("<row><c><v>13</v></c></row>", "")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("numbered.xml", numbered)
        archive.writestr("unnumbered.xml", _SHEET_XML.replace(
            '<row r="1">', '<row r="1"><c><v>1</v></c></row>' + "<row><c><v>2</v></c></row>" * 40 + '<row r="41">'))
    with zipfile.ZipFile(path) as archive:
        crc = {name: archive.getinfo(name).CRC for name in ("numbered.xml", "unnumbered.xml")}
        everything = list(SheetValues(archive, "numbered.xml", ["共享", "第二"], {1}, CALENDAR_WINDOWS_1900,
                                      chunk_bytes=300).rows())
    args = (["共享", "第二"], {1}, CALENDAR_WINDOWS_1900, 300)
    tail = _read_tail(str(path), "numbered.xml", crc["numbered.xml"], *args, 3)
    assert tail and tail == everything[-len(tail):] and len(tail) < len(everything)
    assert _read_tail(str(path), "numbered.xml", crc["numbered.xml"] ^ 1, *args, 3) is None
    assert _read_tail(str(path), "unnumbered.xml", crc["unnumbered.xml"], *args, 2) is None


def test_escaped_texts_are_decoded_together_even_holding_the_separator():
    from honours.core.xlsx_reader import unescape_all

    raws = [b"&#24180;", b"a&amp;b\xef\xb7\x90c", b"&#xFDD0;", b"&lt;&gt;&quot;&apos;", b"&#13;\r\n"]
    expected = ["年", "a&b\ufdd0c", "\ufdd0", "<>\"'", "\r\n"]
    assert unescape_all(raws) == expected
    assert unescape_all(raws[:1] + raws[3:]) == expected[:1] + expected[3:]
    assert unescape_all([]) == []


def test_fast_reader_without_possessive_quantifiers(monkeypatch):
    """Python 3.10 has no possessive quantifiers; its patterns must read the same rows."""
    import sys

    source = FIXTURES / "libreoffice_roll.xlsx"
    expected = _fast_values(source, "名单")
    monkeypatch.setattr(sys, "version_info", (3, 10, 0))
    assert _fast_values(source, "名单") == expected


def _with_sheet_xml(source: Path, target: Path, change) -> Path:  # change: bytes -> bytes
    import zipfile

    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, change(data) if info.filename == "xl/worksheets/sheet1.xml" else data)
    return target


def test_damaged_sheet_xml_is_refused_clearly_and_quickly(tmp_path):
    source = make_xlsx(tmp_path / "ok.xlsx", [["姓名", "单位"], *[[f"人{i}", "厂" * 5000] for i in range(3)]])
    cut = _with_sheet_xml(source, tmp_path / "cut.xlsx", lambda data: data[:data.rindex(b"</row>") - 40])
    with pytest.raises(SpreadsheetError) as info:
        read_table(cut)
    assert "damaged" in info.value.message("en") and "已损坏" in info.value.message("zh")


def test_gc_pause_hands_its_objects_to_the_oldest_generation_and_cycles_still_go():
    """A bulk step's objects skip the young generations' collections; garbage cycles among them
    are still collected."""
    import gc
    import weakref

    from honours.core.spreadsheet import gc_paused

    class Node:
        pass

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            pass
        assert not gc.isenabled()  # an inner pause leaves the outer one alone
        kept = Node()
        cycle = Node()
        cycle.me = cycle
        gone = weakref.ref(cycle)
        del cycle
    assert gc.isenabled()
    assert any(o is kept for o in gc.get_objects(generation=2))
    gc.collect()
    assert gone() is None


def test_formulas_are_never_evaluated(tmp_path):
    path = tmp_path / "formula.xlsx"
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["姓名", "工作单位", "备注"])
    ws.append(["公式甲", "衡阳", "=1+1"])  # openpyxl writes a formula with no saved value
    ws.append(["文本乙", "衡阳", "=1+1"])
    ws["C3"].data_type = "s"  # the same characters typed as text
    workbook.save(path)
    parsed = records(read_table(path))
    assert [p.record.notes for _, p in parsed] == ["=1+1", "=1+1"]


def test_excel_error_value_in_a_mapped_column_is_a_row_error(tmp_path):
    path = make_xlsx(tmp_path / "err.xlsx", [["姓名", "年龄"], ["甲", 30], ["乙", 31]])
    table = read_table(path)
    table.rows[1][1][1] = CellError("#DIV/0!")
    (_, ok), (_, bad) = records(table)
    assert ok.record.age == "30"
    assert isinstance(bad, RowError) and "#DIV/0!" in bad.en and "#DIV/0!" in bad.zh


def test_sheet_with_the_names_is_chosen_and_a_wrong_sheet_name_is_named(tmp_path):
    path = tmp_path / "two.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "说明"
    workbook.active.append(["本表由各县市区工会填报"])
    data = workbook.create_sheet("名单")
    data.append(["姓名", "单位"])
    data.append(["甲", "衡阳"])
    workbook.save(path)
    assert read_table(path).sheet == "名单"
    assert read_table(path, "说明").sheet == "说明"
    with pytest.raises(SpreadsheetError) as info:
        read_table(path, "Sheet9")
    assert "Sheet9" in info.value.message("en") and "名单" in info.value.message("zh")


def test_damaged_and_old_excel_files_get_clear_messages(tmp_path):
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(SpreadsheetError) as info:
        read_table(damaged)
    assert "xlsx" in info.value.message("en") and "xlsx" in info.value.message("zh")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    with pytest.raises(SpreadsheetError) as info:
        read_table(old)
    assert ".xls" in info.value.message("en") and "另存为 .xlsx" in info.value.message("zh")


# -- csv ------------------------------------------------------------------------------------

CSV_TEXT = "姓名,性别,工作单位,荣誉称号,捐款金额\n李芳,女,衡阳市中心医院,湖南省五一劳动奖章；全国三八红旗手,\"1,000元\"\n"
BIG5_TEXT = "姓名,性別,工作單位,榮譽稱號,捐款金額\n李芳,女,衡陽市中心醫院,湖南省勞動模範；全國三八紅旗手,\"1,000元\"\n"


@pytest.mark.parametrize("encoding, label", [("gbk", "GB18030/GBK"), ("gb18030", "GB18030/GBK"),
                                             ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 (BOM)"),
                                             ("big5", "Big5"), ("utf-16", "UTF-16")])
def test_csv_encodings_are_detected(tmp_path, encoding, label):
    text = CSV_TEXT if encoding != "big5" else BIG5_TEXT
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode(encoding))
    table = read_table(path)
    assert table.encoding == label
    (number, parsed), = records(table)
    assert number == 2
    assert parsed.record.name == "李芳"
    assert parsed.record.unit == ("衡阳市中心医院" if encoding != "big5" else "衡陽市中心醫院")
    assert len(parsed.record.honours) == 2
    assert parsed.record.donations[0].amount_fen == 100_000


def test_gbk_csv_from_chinese_excel_with_title_line_and_crlf(tmp_path):
    text = ("衡阳市2020年劳动模范名单,,,\r\n序号,姓  名,*工作单位（必填）,获奖年份\r\n"
            "1,周一,衡阳钢管厂,2020年\r\n2,吴二,衡阳市第一中学,2019\r\n")
    path = tmp_path / "劳模.csv"
    path.write_bytes(text.encode("gbk"))
    table = read_table(path)
    assert table.header_row == 2
    assert guess_mapping(table.headers) == [None, "name", "unit", "year"]


def test_tab_separated_text(tmp_path):
    path = tmp_path / "tab.csv"
    path.write_text("姓名\t单位\t备注\n甲\t衡阳，南岳\t无\n", encoding="utf-8")
    (_, parsed), = records(read_table(path))
    assert parsed.record.unit == "衡阳，南岳"


@pytest.mark.parametrize("content", [
    bytes(range(256)) * 40,  # binary
    b"\x89PNG\r\n\x1a\n" + bytes(range(200)) * 20,  # an image renamed .csv
    "姓名,单位\n甲,乙\n".encode()[:4] + b"\xff\xfe\xfa" * 50,  # neither UTF-8 nor GBK
])
def test_a_file_that_is_not_text_gets_a_clear_error(tmp_path, content):
    path = tmp_path / "photo.csv"
    path.write_bytes(content)
    with pytest.raises(SpreadsheetError) as info:
        read_table(path)
    assert "not a text spreadsheet" in info.value.message("en")
    assert "不是 UTF-8 或 GBK" in info.value.message("zh")


def test_an_xlsx_named_csv_is_read_as_a_workbook(tmp_path):
    path = make_xlsx(tmp_path / "x.xlsx", [["姓名", "单位"], ["甲", "衡阳"]])
    renamed = path.rename(tmp_path / "x.csv")
    assert read_table(renamed).kind == "xlsx"


def test_csv_formula_text_and_neutralising_apostrophe(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("姓名,备注,职务\n甲,=1+1,'=2+2\n", encoding="utf-8-sig")
    (_, parsed), = records(read_table(path))
    assert parsed.record.notes == "=1+1"
    assert parsed.record.position == "=2+2"  # our export's apostrophe is taken off again


# -- headers and rows -------------------------------------------------------------------------

def test_missing_name_column_is_named(tmp_path):
    path = tmp_path / "noname.csv"
    path.write_text("单位,职务\n衡阳,主任\n", encoding="utf-8")
    table = read_table(path)
    with pytest.raises(SpreadsheetError) as info:
        records(table)
    assert "姓名" in info.value.message("en") and "缺少“姓名”列" in info.value.message("zh")
    assert "单位" in info.value.message("en")


def test_header_mapping_chinese_english_and_decorated():
    headers = ["No.", "Name", "Gender", "工作单位及职务", "职 位", "所属地区", "荣誉", "Level", "获奖年份",
               "授予单位", "是否追授", "主要事迹", "捐赠情况", "捐款金额（万元）", "备注", "照片", "Unknown"]
    assert guess_mapping(headers) == [None, "name", "gender", "unit", "position", "region", "honours", "level",
                                      "year", "awarded_by", "posthumous", "deeds", "donations",
                                      "donation_amount", "notes", "photo", None]
    # each field goes to one column: the exact match wins over a partial one
    assert guess_mapping(["申报人姓名", "姓名"]) == [None, "name"]


def test_two_columns_mapped_to_one_field_is_refused():
    with pytest.raises(SpreadsheetError) as info:
        RowReader(["name", "unit", "unit"], ["姓名", "单位", "工作单位"])
    assert "单位" in info.value.message("en") and "工作单位" in info.value.message("zh")


def test_honours_split_on_every_separator_with_level_year_and_posthumous():
    found = split_honours("2019年全国劳动模范、湖南省五一劳动奖章；衡阳市先进工作者（追授）;"
                          "“衡南县抗疫先进个人”，珠晖区优秀共产党员(2020),五一劳动奖章称号")
    assert found == (("全国劳动模范", 2019, False), ("湖南省五一劳动奖章", None, False),
                     ("衡阳市先进工作者", None, True), ("衡南县抗疫先进个人", None, False),
                     ("珠晖区优秀共产党员", 2020, False), ("五一劳动奖章", None, False))
    assert [infer_level(t) for t, _, _ in found] == ["national", "provincial", "municipal", "county",
                                                       "county", "other"]


@pytest.mark.parametrize("title, level", [
    ("全国先进工作者", "national"), ("国家级技能大师", "national"), ("中国好医生", "national"),
    ("湖南省劳动模范", "provincial"), ("广西壮族自治区劳动模范", "provincial"), ("北京市劳动模范", "provincial"),
    ("湖南省衡阳市五一劳动奖章", "municipal"), ("衡阳市三八红旗手", "municipal"), ("全市抗疫先进个人", "municipal"),
    ("衡阳县优秀教师", "county"), ("衡阳市南岳区先进工作者", "county"), ("北京市朝阳区劳动模范", "county"),
    ("优秀社区工作者", "other"), ("市场监管先进个人", "other"), ("五一劳动奖章", "other"),
])
def test_level_inferred_from_title(title, level):
    assert infer_level(title) == level


def _row(headers: list[str], values: list) -> object:
    reader = RowReader(guess_mapping(headers), headers)
    try:
        return reader.read(values)
    except RowError as exc:
        return exc


def test_level_and_year_columns_line_up_with_several_honours():
    parsed = _row(["姓名", "荣誉称号", "级别", "年份", "授予单位", "追授"],
                  ["甲", "先进个人、优秀党员", "省级、市级", "2020-05-01、2019", "省总工会、市委", "否、是"])
    assert [(h.level, h.year, h.date, h.awarded_by, h.posthumous) for h in parsed.record.honours] == [
        ("provincial", 2020, "2020-05-01", "省总工会", False), ("municipal", 2019, None, "市委", True)]
    mismatch = _row(["姓名", "荣誉称号", "级别"], ["甲", "甲奖、乙奖、丙奖", "省级、市级"])
    assert isinstance(mismatch, RowError) and "2 values" in mismatch.en


@pytest.mark.parametrize("headers, values, words", [
    (["姓名", "性别"], ["甲", "未知"], ("gender", "性别")),
    (["姓名", "状态"], ["甲", "休假"], ("status", "状态")),
    (["姓名", "荣誉称号", "级别"], ["甲", "先进", "乡级"], ("level", "级别")),
    (["姓名", "荣誉称号", "年份"], ["甲", "先进", "去年"], ("year", "年份")),
    (["姓名", "捐赠"], ["甲", "很多钱"], ("donations", "捐赠")),
    (["姓名", "捐款金额"], ["甲", "-500元"], ("amount", "捐款金额")),
    (["姓名", "出生日期"], ["甲", "1980-13-45"], ("birth date", "出生日期")),
    (["姓名", "年份"], ["甲", "2020"], ("no honour title", "没有荣誉称号")),
    (["姓名", "单位"], ["", "衡阳"], ("name", "姓名为空")),
])
def test_unreadable_cells_give_reasons_in_both_languages(headers, values, words):
    error = _row(headers, values)
    assert isinstance(error, RowError)
    assert words[0] in error.en and words[1] in error.zh


def test_values_are_normalised():
    parsed = _row(["姓名", "性别", "年龄", "出生日期", "状态", "类别"],
                  ["  宋英杰\r\n", "male", 28.0, "1992年3月", "因公殉职", "医务人员"])
    r = parsed.record
    assert (r.name, r.gender, r.age, r.birth_date, r.status, r.category) == (
        "宋英杰", "男", "28", "1992-03", "deceased", "medical")
    assert parsed.given == {"name", "gender", "age", "birth_date", "status", "category"}


def test_hundred_thousand_character_cells(tmp_path):
    """Decided: deeds and notes of up to 100,000 characters are accepted whole; a name that long
    is a row error that says so. Neither crashes, in xlsx or csv."""
    long_deed = "抗" * LONG_LIMIT
    path = tmp_path / "long.csv"
    path.write_text(f"姓名,事迹\n甲,{long_deed}\n{'乙' * LONG_LIMIT},短\n", encoding="utf-8")
    (_, ok), (_, bad) = records(read_table(path))
    assert ok.record.deeds[0].text == long_deed
    assert isinstance(bad, RowError) and "too long" in bad.en and "100000" in bad.zh
    excel_most = "抗" * 32_767  # an xlsx cell holds at most 32,767 characters
    xlsx = make_xlsx(tmp_path / "long.xlsx", [["姓名", "事迹"], ["甲", excel_most]])
    (_, ok), = records(read_table(xlsx))
    assert ok.record.deeds[0].text == excel_most


@pytest.mark.parametrize("cells, first_problem", [
    ({"性别": "未知", "事迹": "抗" * (LONG_LIMIT + 1)}, "gender"),  # gender is read before the deeds
    ({"工作单位": "厂" * 501, "性别": "未知"}, "Unit is too long"),  # the unit before the gender
    ({"荣誉称号": "奖" * (LONG_LIMIT + 1), "级别": "未知级"}, "Honours is too long"),
    ({"级别": "未知级", "授予单位": "市" * 501, "荣誉称号": "全国劳动模范"}, "Awarded by is too long"),
    ({"年龄": "abc", "职务": "长" * 501}, "Position is too long"),
    ({"年龄": "1" * 600, "民族": "汉族"}, "age"),  # age, birth date and year have no length limit
    ({"捐赠": "坏捐赠xyz", "照片": "p" * (LONG_LIMIT + 1)}, "donations"),
    ({"捐赠": "坏捐赠xyz", "捐款金额": "1" * 501}, "donations"),  # the donations before the amount
    ({"姓名": "名" * 101, "性别": "未知"}, "Name is too long"),
])
def test_a_row_with_several_problems_names_the_first(cells, first_problem):
    """Rows with a cell longer than its field allows are read field by field; the problem named is
    the first in reading order, as for any other row."""
    headers = ["姓名", "性别", "年龄", "民族", "工作单位", "职务", "荣誉称号", "级别", "授予单位", "事迹", "捐赠",
               "捐款金额", "照片"]
    row = {"姓名": "甲", **cells}
    reader = RowReader(guess_mapping(headers), headers)
    with pytest.raises(RowError) as caught:
        reader.read([row.get(h) for h in headers])
    assert caught.value.en.startswith(first_problem)


def test_cell_text_of_every_kind():
    assert [cell_text(v) for v in (None, 3.0, 0.1, 12, True, datetime(2020, 1, 2), date(2020, 1, 2),
                                   " a\x00b\x07 ", "x\r\ny")] == [
        "", "3", "0.1", "12", "是", "2020-01-02", "2020-01-02", "ab", "x\ny"]


def test_blank_rows_are_dropped_and_footer_notes_left_out(tmp_path):
    path = tmp_path / "blank.csv"
    path.write_bytes(codecs.BOM_UTF8 + "姓名,单位\n甲,衡阳\n,\n\n填表人：张三,\n".encode())
    table = read_table(path)
    assert [n for n, _ in table.rows] == [2, 5]
    (_, person), (_, note) = records(table)
    assert person.record.name == "甲"
    assert isinstance(note, RowError) and "note" in note.en
