"""Reading sheets as offices make them: real xlsx (openpyxl- and LibreOffice-made) and csv files.

tests/fixtures/libreoffice_roll.xlsx was made by LibreOffice 7.4 (`soffice --headless
--convert-to xlsx`) from an openpyxl workbook: two merged title rows, a header in row 3,
序号 filled by =ROW()-3, a date column, 捐款金额（万元）, and a 合计 row with =SUM(). LibreOffice
wrote shared strings and the formulas' computed values, as Excel and WPS do.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
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
from honours.core.xlsx_input import CellError, UnsavedFormula, Workbook, marked_cells

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
    path = make_xlsx(
        tmp_path / "名单.xlsx",
        [
            HEADER,
            [
                1,
                "李芳",
                "女",
                "衡阳市中心医院",
                "护士长",
                "湖南省五一劳动奖章、衡阳市三八红旗手",
                "50万元、口罩1万只",
            ],
            [2, "王建国", "男", "衡阳县人民医院", "院长", "全国先进工作者", "1,000元"],
        ],
        title="2020年衡阳市抗疫先进人物名单",
    )
    table = read_table(path)
    assert table.kind == "xlsx"
    assert table.header_row == 2
    assert table.headers[:3] == ["序号", "姓名", "性别"]
    assert [n for n, _ in table.rows] == [3, 4]
    (row3, first), (_, second) = records(table)
    assert row3 == 3 and first.record.name == "李芳"
    assert [(h.title, h.level) for h in first.record.honours] == [
        ("湖南省五一劳动奖章", "provincial"),
        ("衡阳市三八红旗手", "municipal"),
    ]
    assert [(d.amount_fen, d.item, d.quantity, d.quantity_unit) for d in first.record.donations] == [
        (50_000_000, "", None, ""),
        (None, "口罩", 10_000, "只"),
    ]
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


def _rows(path: Path, sheet: str | None = None) -> dict[int, list]:
    with path.open("rb") as source:
        workbook = Workbook(source)
        try:
            return dict(workbook.rows(sheet or workbook.names[0]))
        finally:
            workbook.close()


def test_xlsx_cells_come_back_as_people_typed_them(tmp_path):
    """Text (leading zeros, ID and phone numbers kept), whole numbers as ints, dates, bools,
    escapes and astral characters, rich text, gaps; empty rows left out, rows numbered as in the sheet."""
    path = tmp_path / "mixed.xlsx"
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["姓名", "数字", "小数", "日期", "布尔", "空", "长文本", "身份证号", "电话"])
    ws.append(
        [
            "张三 & <李四>",
            42,
            3.25,
            datetime(2020, 5, 1),
            True,
            None,
            "事迹" * 500,
            "43040219800501123X",
            "013812345678",
        ]
    )
    ws.append(["𠮷野家😀", -7, 1e-7, date(1999, 12, 31), False, "", "line1\nline2", "0012345", 45.0])
    ws.append([None, 2**53 + 2, 1e20, datetime(1990, 1, 2, 3, 4, 5)])
    ws["C10"] = "gap row"
    ws["A11"] = CellRichText(["粗体", TextBlock(InlineFont(b=True), "富文本")])
    ws.cell(12, 30, "far column")
    workbook.save(path)
    rows = _rows(path)
    assert list(rows) == [1, 2, 3, 4, 10, 11, 12]
    two, three, four = rows[2], rows[3], rows[4]
    assert two[:3] == ["张三 & <李四>", 42, 3.25] and type(two[1]) is int
    assert cell_text(two[3]) == "2020-05-01" and two[4] is True and two[5] is None
    assert two[6] == "事迹" * 500 and two[7:9] == ["43040219800501123X", "013812345678"]
    assert three[:3] == ["𠮷野家😀", -7, 1e-7] and three[3] in (date(1999, 12, 31), datetime(1999, 12, 31))
    assert three[4] is False and three[5] is None and three[6] == "line1\nline2"
    assert three[7] == "0012345" and three[8] == 45 and type(three[8]) is int
    assert type(four[1]) is float and four[2] == 1e20 and four[3] == datetime(1990, 1, 2, 3, 4, 5)
    assert rows[10][2] == "gap row" and rows[11][0] == "粗体富文本" and rows[12][29] == "far column"


def test_libreoffice_workbook_reads_as_openpyxl_reads_it():
    source = FIXTURES / "libreoffice_roll.xlsx"
    workbook = openpyxl.load_workbook(source, read_only=True, data_only=True)
    expected = {
        n: list(v)
        for n, v in enumerate(workbook["名单"].iter_rows(values_only=True), 1)
        if any(c is not None for c in v)
    }
    workbook.close()
    mine = _rows(source, "名单")
    assert list(mine) == list(expected)
    for number, values in expected.items():
        width = max(len(values), len(mine[number]))
        theirs = [cell_text(c) for c in values + [None] * width][:width]
        assert [cell_text(c) for c in mine[number] + [None] * width][:width] == theirs, number


def _error_sheet(path: Path) -> Path:
    """A sheet with an error value and formulas without saved results, as scripts write them."""
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["姓名", "年龄", "工作单位", "备注"])
    ws.append(["甲", 30, "衡阳", "无"])
    ws.append(["乙", "#DIV/0!", "衡阳", None])
    ws["B3"].data_type = "e"
    ws.append(["丙", 31, "衡阳", "=1+1"])  # openpyxl writes a formula with no saved value
    ws.append(["丁", 32, "衡阳", "=1+1"])
    ws["D5"].data_type = "s"  # the same characters typed as text
    workbook.save(path)
    return path


def test_error_values_and_unsaved_formulas_are_row_errors_in_both_languages(tmp_path):
    table = read_table(_error_sheet(tmp_path / "err.xlsx"))
    rows = dict(table.rows)
    assert (
        rows[3][1] == CellError("#DIV/0!") and isinstance(rows[4][3], UnsavedFormula) and rows[5][3] == "=1+1"
    )
    (_, ok), (_, error), (_, unsaved), (_, text) = records(table)
    assert ok.record.age == "30" and text.record.notes == "=1+1"  # text that looks like a formula is text
    assert isinstance(error, RowError) and "#DIV/0!" in error.en and "#DIV/0!" in error.zh
    assert isinstance(unsaved, RowError) and "no saved result" in unsaved.en and "未计算结果" in unsaved.zh


def test_saved_formula_results_are_read_and_an_empty_text_result_is_empty(tmp_path):
    """What Excel and WPS write: <f> with the saved <v>, and t="str" with an empty <v> for ""."""
    source = make_xlsx(tmp_path / "plain.xlsx", [["姓名", "年龄", "备注"], ["甲", 1, "x"], ["乙", 2, "y"]])

    def with_formulas(xml: bytes) -> bytes:
        xml = re.sub(rb'<c r="B2"( [^>]*)?><v>1</v></c>', b'<c r="B2"><f>ROW()-1</f><v>1</v></c>', xml)
        return re.sub(rb'<c r="C3"[^>]*>.*?</c>', b'<c r="C3" t="str"><f>IF(1,"","x")</f><v></v></c>', xml)

    path = _with_sheet_xml(source, tmp_path / "saved.xlsx", with_formulas)
    assert b"<f>ROW()-1</f>" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    (_, first), (_, second) = records(read_table(path))
    assert first.record.age == "1" and second.record.notes == ""


@pytest.mark.parametrize("prefix", ["", "x:"])
def test_marked_cells_found_across_blocks_with_or_without_a_namespace_prefix(prefix):
    xml = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="e"><v>#N/A</v></c></row>'
        '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="AB2"><f t="shared" si="0"/></c>'
        '<c r="AC2" t="str"><f>""</f><v></v></c><c r="AD2"><f>A1</f><v></v></c></row>'
        + '<row r="3"><c r="A3" t="inlineStr"><is><t>&lt;f&gt; t="e"</t></is></c></row>'
        * 30
        + '<row r="40"><c r="C40" s="3" t="e"><v>#REF!</v></c></row></sheetData>'
        "<dataValidations><dataValidation><formula1>1</formula1></dataValidation></dataValidations></worksheet>"
    )
    if prefix:
        xml = re.sub(r"<(/?)(?!\?)", rf"<\1{prefix}", xml).replace("xmlns=", f"xmlns:{prefix[:-1]}=")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("sheet.xml", xml)
    with zipfile.ZipFile(buffer) as archive:
        for chunk in (50, 300, 1 << 20):
            assert marked_cells(archive, "sheet.xml", chunk) == {
                (1, 2): CellError("#N/A"),
                (2, 28): UnsavedFormula(),
                (2, 30): UnsavedFormula(),
                (40, 3): CellError("#REF!"),
            }, chunk


def test_hidden_sheets_are_not_chosen_but_can_be_named(tmp_path):
    path = tmp_path / "hidden.xlsx"
    workbook = openpyxl.Workbook()
    hidden = workbook.active
    hidden.title = "旧名单"
    hidden.append(["姓名", "单位"])
    hidden.append(["旧", "衡阳"])
    hidden.sheet_state = "hidden"
    shown = workbook.create_sheet("新名单")
    shown.append(["姓名", "单位"])
    shown.append(["新", "衡阳"])
    workbook.save(path)
    table = read_table(path)
    assert table.sheet == "新名单" and table.sheet_names == ["旧名单", "新名单"]
    assert [p.record.name for _, p in records(table)] == ["新"]
    assert [p.record.name for _, p in records(read_table(path, "旧名单"))] == ["旧"]


def _with_sheet_xml(source: Path, target: Path, change) -> Path:  # change: bytes -> bytes
    import zipfile

    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, change(data) if info.filename == "xl/worksheets/sheet1.xml" else data)
    return target


def test_damaged_sheet_xml_is_refused_clearly_and_quickly(tmp_path):
    source = make_xlsx(tmp_path / "ok.xlsx", [["姓名", "单位"], *[[f"人{i}", "厂" * 5000] for i in range(3)]])
    cut = _with_sheet_xml(source, tmp_path / "cut.xlsx", lambda data: data[: data.rindex(b"</row>") - 40])
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
    for name in ("wps.et", "renamed.xlsx"):  # a WPS .et, or an old workbook given the new suffix
        wrong = tmp_path / name
        wrong.write_bytes(old.read_bytes())
        with pytest.raises(SpreadsheetError) as info:
            read_table(wrong)
        assert ".xls" in info.value.message("en") and "另存为 .xlsx" in info.value.message("zh")


def test_a_zip_that_is_not_a_workbook_gets_a_clear_message(tmp_path):
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "not a workbook")
    with pytest.raises(SpreadsheetError) as info:
        read_table(path)
    assert "photos.xlsx" in info.value.message("en") and "另存为 .xlsx" in info.value.message("zh")


# -- csv ------------------------------------------------------------------------------------

CSV_TEXT = '姓名,性别,工作单位,荣誉称号,捐款金额\n李芳,女,衡阳市中心医院,湖南省五一劳动奖章；全国三八红旗手,"1,000元"\n'
BIG5_TEXT = (
    '姓名,性別,工作單位,榮譽稱號,捐款金額\n李芳,女,衡陽市中心醫院,湖南省勞動模範；全國三八紅旗手,"1,000元"\n'
)


@pytest.mark.parametrize(
    "encoding, label",
    [
        ("gbk", "GB18030/GBK"),
        ("gb18030", "GB18030/GBK"),
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8 (BOM)"),
        ("big5", "Big5"),
        ("utf-16", "UTF-16"),
    ],
)
def test_csv_encodings_are_detected(tmp_path, encoding, label):
    text = CSV_TEXT if encoding != "big5" else BIG5_TEXT
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode(encoding))
    table = read_table(path)
    assert table.encoding == label
    ((number, parsed),) = records(table)
    assert number == 2
    assert parsed.record.name == "李芳"
    assert parsed.record.unit == ("衡阳市中心医院" if encoding != "big5" else "衡陽市中心醫院")
    assert len(parsed.record.honours) == 2
    assert parsed.record.donations[0].amount_fen == 100_000


def test_gbk_csv_from_chinese_excel_with_title_line_and_crlf(tmp_path):
    text = (
        "衡阳市2020年劳动模范名单,,,\r\n序号,姓  名,*工作单位（必填）,获奖年份\r\n"
        "1,周一,衡阳钢管厂,2020年\r\n2,吴二,衡阳市第一中学,2019\r\n"
    )
    path = tmp_path / "劳模.csv"
    path.write_bytes(text.encode("gbk"))
    table = read_table(path)
    assert table.header_row == 2
    assert guess_mapping(table.headers) == [None, "name", "unit", "year"]


def test_tab_separated_text(tmp_path):
    path = tmp_path / "tab.csv"
    path.write_text("姓名\t单位\t备注\n甲\t衡阳，南岳\t无\n", encoding="utf-8")
    ((_, parsed),) = records(read_table(path))
    assert parsed.record.unit == "衡阳，南岳"


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 40,  # binary
        b"\x89PNG\r\n\x1a\n" + bytes(range(200)) * 20,  # an image renamed .csv
        "姓名,单位\n甲,乙\n".encode()[:4] + b"\xff\xfe\xfa" * 50,  # neither UTF-8 nor GBK
    ],
)
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
    ((_, parsed),) = records(read_table(path))
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
    headers = [
        "No.",
        "Name",
        "Gender",
        "工作单位及职务",
        "职 位",
        "所属地区",
        "荣誉",
        "Level",
        "获奖年份",
        "授予单位",
        "是否追授",
        "主要事迹",
        "捐赠情况",
        "捐款金额（万元）",
        "备注",
        "照片",
        "Unknown",
    ]
    assert guess_mapping(headers) == [
        None,
        "name",
        "gender",
        "unit",
        "position",
        "region",
        "honours",
        "level",
        "year",
        "awarded_by",
        "posthumous",
        "deeds",
        "donations",
        "donation_amount",
        "notes",
        "photo",
        None,
    ]
    # each field goes to one column: the exact match wins over a partial one
    assert guess_mapping(["申报人姓名", "姓名"]) == [None, "name"]


def test_two_columns_mapped_to_one_field_is_refused():
    with pytest.raises(SpreadsheetError) as info:
        RowReader(["name", "unit", "unit"], ["姓名", "单位", "工作单位"])
    assert "单位" in info.value.message("en") and "工作单位" in info.value.message("zh")


def test_honours_split_on_every_separator_with_level_year_and_posthumous():
    found = split_honours(
        "2019年全国劳动模范、湖南省五一劳动奖章；衡阳市先进工作者（追授）;"
        "“衡南县抗疫先进个人”，珠晖区优秀共产党员(2020),五一劳动奖章称号"
    )
    assert found == (
        ("全国劳动模范", 2019, False),
        ("湖南省五一劳动奖章", None, False),
        ("衡阳市先进工作者", None, True),
        ("衡南县抗疫先进个人", None, False),
        ("珠晖区优秀共产党员", 2020, False),
        ("五一劳动奖章", None, False),
    )
    assert [infer_level(t) for t, _, _ in found] == [
        "national",
        "provincial",
        "municipal",
        "county",
        "county",
        "other",
    ]


@pytest.mark.parametrize(
    "title, level",
    [
        ("全国先进工作者", "national"),
        ("国家级技能大师", "national"),
        ("中国好医生", "national"),
        ("湖南省劳动模范", "provincial"),
        ("广西壮族自治区劳动模范", "provincial"),
        ("北京市劳动模范", "provincial"),
        ("湖南省衡阳市五一劳动奖章", "municipal"),
        ("衡阳市三八红旗手", "municipal"),
        ("全市抗疫先进个人", "municipal"),
        ("衡阳县优秀教师", "county"),
        ("衡阳市南岳区先进工作者", "county"),
        ("北京市朝阳区劳动模范", "county"),
        ("优秀社区工作者", "other"),
        ("市场监管先进个人", "other"),
        ("五一劳动奖章", "other"),
    ],
)
def test_level_inferred_from_title(title, level):
    assert infer_level(title) == level


def _row(headers: list[str], values: list) -> object:
    reader = RowReader(guess_mapping(headers), headers)
    try:
        return reader.read(values)
    except RowError as exc:
        return exc


def test_level_and_year_columns_line_up_with_several_honours():
    parsed = _row(
        ["姓名", "荣誉称号", "级别", "年份", "授予单位", "追授"],
        ["甲", "先进个人、优秀党员", "省级、市级", "2020-05-01、2019", "省总工会、市委", "否、是"],
    )
    assert [(h.level, h.year, h.date, h.awarded_by, h.posthumous) for h in parsed.record.honours] == [
        ("provincial", 2020, "2020-05-01", "省总工会", False),
        ("municipal", 2019, None, "市委", True),
    ]
    mismatch = _row(["姓名", "荣誉称号", "级别"], ["甲", "甲奖、乙奖、丙奖", "省级、市级"])
    assert isinstance(mismatch, RowError) and "2 values" in mismatch.en


@pytest.mark.parametrize(
    "headers, values, words",
    [
        (["姓名", "性别"], ["甲", "未知"], ("gender", "性别")),
        (["姓名", "状态"], ["甲", "休假"], ("status", "状态")),
        (["姓名", "荣誉称号", "级别"], ["甲", "先进", "乡级"], ("level", "级别")),
        (["姓名", "荣誉称号", "年份"], ["甲", "先进", "去年"], ("year", "年份")),
        (["姓名", "捐赠"], ["甲", "很多钱"], ("donations", "捐赠")),
        (["姓名", "捐款金额"], ["甲", "-500元"], ("amount", "捐款金额")),
        (["姓名", "出生日期"], ["甲", "1980-13-45"], ("birth date", "出生日期")),
        (["姓名", "年份"], ["甲", "2020"], ("no honour title", "没有荣誉称号")),
        (["姓名", "单位"], ["", "衡阳"], ("name", "姓名为空")),
    ],
)
def test_unreadable_cells_give_reasons_in_both_languages(headers, values, words):
    error = _row(headers, values)
    assert isinstance(error, RowError)
    assert words[0] in error.en and words[1] in error.zh


def test_values_are_normalised():
    parsed = _row(
        ["姓名", "性别", "年龄", "出生日期", "状态", "类别"],
        ["  宋英杰\r\n", "male", 28.0, "1992年3月", "因公殉职", "医务人员"],
    )
    r = parsed.record
    assert (r.name, r.gender, r.age, r.birth_date, r.status, r.category) == (
        "宋英杰",
        "男",
        "28",
        "1992-03",
        "deceased",
        "medical",
    )
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
    ((_, ok),) = records(read_table(xlsx))
    assert ok.record.deeds[0].text == excel_most


@pytest.mark.parametrize(
    "cells, first_problem",
    [
        ({"性别": "未知", "事迹": "抗" * (LONG_LIMIT + 1)}, "gender"),  # gender is read before the deeds
        ({"工作单位": "厂" * 501, "性别": "未知"}, "Unit is too long"),  # the unit before the gender
        ({"荣誉称号": "奖" * (LONG_LIMIT + 1), "级别": "未知级"}, "Honours is too long"),
        ({"级别": "未知级", "授予单位": "市" * 501, "荣誉称号": "全国劳动模范"}, "Awarded by is too long"),
        ({"年龄": "abc", "职务": "长" * 501}, "Position is too long"),
        ({"年龄": "1" * 600, "民族": "汉族"}, "age"),  # age, birth date and year have no length limit
        ({"捐赠": "坏捐赠xyz", "照片": "p" * (LONG_LIMIT + 1)}, "donations"),
        ({"捐赠": "坏捐赠xyz", "捐款金额": "1" * 501}, "donations"),  # the donations before the amount
        ({"姓名": "名" * 101, "性别": "未知"}, "Name is too long"),
    ],
)
def test_a_row_with_several_problems_names_the_first(cells, first_problem):
    """Rows with a cell longer than its field allows are read field by field; the problem named is
    the first in reading order, as for any other row."""
    headers = [
        "姓名",
        "性别",
        "年龄",
        "民族",
        "工作单位",
        "职务",
        "荣誉称号",
        "级别",
        "授予单位",
        "事迹",
        "捐赠",
        "捐款金额",
        "照片",
    ]
    row = {"姓名": "甲", **cells}
    reader = RowReader(guess_mapping(headers), headers)
    with pytest.raises(RowError) as caught:
        reader.read([row.get(h) for h in headers])
    assert caught.value.en.startswith(first_problem)


def test_cell_text_of_every_kind():
    assert [
        cell_text(v)
        for v in (None, 3.0, 0.1, 12, True, datetime(2020, 1, 2), date(2020, 1, 2), " a\x00b\x07 ", "x\r\ny")
    ] == ["", "3", "0.1", "12", "是", "2020-01-02", "2020-01-02", "ab", "x\ny"]


def test_blank_rows_are_dropped_and_footer_notes_left_out(tmp_path):
    path = tmp_path / "blank.csv"
    path.write_bytes(codecs.BOM_UTF8 + "姓名,单位\n甲,衡阳\n,\n\n填表人：张三,\n".encode())
    table = read_table(path)
    assert [n for n, _ in table.rows] == [2, 5]
    (_, person), (_, note) = records(table)
    assert person.record.name == "甲"
    assert isinstance(note, RowError) and "note" in note.en


def test_a_sheet_whose_used_range_is_too_large_is_refused_with_where_it_ends(tmp_path, monkeypatch):
    """calamine holds the used range densely: a stray value far right would take gigabytes."""
    from honours.core import xlsx_input

    path = make_xlsx(tmp_path / "stray.xlsx", [["姓名", "单位"], ["甲", "衡阳"], ["乙", "衡阳"]])
    workbook = openpyxl.load_workbook(path)
    workbook.active.cell(3, 16384, "误输入")
    workbook.save(path)
    assert [p.record.name for _, p in records(read_table(path))] == ["甲", "乙"]  # 3 × 16,384 cells: read
    monkeypatch.setattr(xlsx_input, "MAX_CELLS", 3 * 16384 - 1)
    with pytest.raises(SpreadsheetError) as info:
        read_table(path)
    assert "XFD3" in info.value.message("en") and "49,152" in info.value.message("en")
    assert "XFD3" in info.value.message("zh") and "多余的列" in info.value.message("zh")
