"""Export: the lossless JSON+photos round trip, and spreadsheets safe to open in Excel."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import time
import zipfile
from datetime import datetime

import openpyxl
import pytest
from PIL import Image

from honours.core import Registry
from honours.core.export import COLUMNS, export
from honours.core.import_plan import ADD, ERROR, UNCHANGED, plan_import
from honours.core.transfer import ExportFileError


@pytest.fixture
def registry(storage):
    """These tests are of behaviour through the storage verbs: `registry` is each storage
    backend in turn (the `storage` fixture, tests/conftest.py)."""
    return storage


def png(size=(120, 80), colour=(10, 120, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def jpeg(size=(90, 160), colour=(220, 180, 20)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=88)
    return out.getvalue()


def normalised(registry: Registry) -> list[dict]:
    """Every field of every record, with the ids that a new database numbers afresh taken out."""
    out = []
    for honouree in registry.honourees(registry.all_ids()):
        data = honouree.to_dict()
        data.pop("id")
        for key in ("honours", "deeds", "donations", "photos"):
            for item in data[key]:
                item.pop("id")
        out.append(data)
    return sorted(out, key=lambda d: (d["name"], d["unit"], d["created_at"]))


def photo_payloads(registry: Registry) -> list[tuple]:
    out = []
    for honouree in registry.honourees(registry.all_ids()):
        for photo in honouree.photos:
            out.append(
                (
                    honouree.name,
                    photo.position,
                    registry.photo_created_at(photo.id),
                    *(registry.photo_bytes(photo.id, kind) for kind in ("original", "display", "thumbnail")),
                )
            )
    return sorted(out)


def test_roll_with_photos_round_trips_losslessly(roll, registry, tmp_path):
    first, second = roll.all_ids()[:2]
    roll.add_photo(first, png(), caption="工作照", name="portrait.png")
    rotated = roll.add_photo(first, jpeg(), caption="领奖", primary=True, name="award.jpg")
    roll.rotate_photo(rotated.id, 90)  # the stored display copy differs from a fresh one now
    roll.add_photo(second, jpeg((30, 30)), name="small.jpg")
    roll.edit(
        second,
        {
            "donations": [
                {
                    "amount_yuan": 1234.56,
                    "item": "口罩",
                    "quantity": 300,
                    "quantity_unit": "只",
                    "recipient": "衡阳市红十字会",
                    "date": "2020-02-03",
                    "note": "分两次",
                }
            ],
            "deeds": [{"text": "事迹一", "date": "2020-01-30"}],
        },
    )
    path = tmp_path / "roll.zip"
    result = export(roll, roll.all_ids(), path)
    assert result.count == 14
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        doc = json.loads(archive.read("honours.json"))
    assert "honours.json" in names and sum(n.startswith("photos/") for n in names) == 9
    assert doc["format"] == "honours-export" and len(doc["honourees"]) == 14

    plan = plan_import(registry, path)
    assert plan.counts()[ADD] == 14 and not plan.errors
    plan.apply(registry)
    plan.close()
    assert normalised(registry) == normalised(roll)
    assert photo_payloads(registry) == photo_payloads(roll)

    again = plan_import(registry, path)  # a second import finds everything already there
    assert again.counts()[UNCHANGED] == 14
    again.close()


def test_json_only_export_brings_records_without_photo_bytes(roll, registry, tmp_path):
    roll.add_photo(roll.all_ids()[0], png())
    path = tmp_path / "roll.json"
    export(roll, roll.all_ids(), path)
    plan = plan_import(registry, path)
    assert any(".zip" in notice.en for notice in plan.notices)
    plan.apply(registry)
    assert registry.count() == 14
    assert sum(len(h.photos) for h in registry.honourees(registry.all_ids())) == 0


def test_tampered_photo_in_an_export_is_a_row_error(roll, registry, tmp_path):
    roll.add_photo(roll.all_ids()[0], png())
    good = tmp_path / "good.zip"
    export(roll, roll.all_ids(), good)
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith(".png"):
                data = b"this is text, not a PNG"
            dst.writestr(info, data)
    plan = plan_import(registry, bad)
    (error,) = plan.errors
    assert error.action == ERROR and "not an image" in error.reason("en")
    plan.close()


@pytest.mark.parametrize(
    "content, words",
    [
        (b"{not json", "not a readable Honours export"),
        (json.dumps({"format": "something-else"}).encode(), "not a readable Honours export"),
        (json.dumps({"format": "honours-export", "version": 99, "honourees": []}).encode(), "newer version"),
    ],
)
def test_files_that_are_not_exports_get_clear_messages(registry, tmp_path, content, words):
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(ExportFileError) as info:
        plan_import(registry, path)
    assert words in info.value.message("en") and info.value.message("zh")


def test_bad_records_in_an_export_are_named(registry, tmp_path):
    path = tmp_path / "x.json"
    path.write_text(
        json.dumps(
            {
                "format": "honours-export",
                "version": 1,
                "honourees": [
                    {"name": "甲", "unit": "厂"},
                    {"name": ""},
                    {"name": "乙", "status": "sleeping"},
                    "text",
                ],
            }
        ),
        encoding="utf-8",
    )
    plan = plan_import(registry, path)
    assert [(r.row, r.action) for r in plan.rows] == [(1, ADD), (2, ERROR), (3, ERROR), (4, ERROR)]
    assert "status" in plan.rows[2].reason("en")


RISKY = ["=1+1", "+86 139", "-2", "@SUM(A1)", '=HYPERLINK("http://x")']


def test_neutralise_covers_tab_and_carriage_return():
    from honours.core.export import neutralise

    assert [neutralise(v) for v in ("\tx", "\rx", "=x", "x=1", 5)] == ["'\tx", "'\rx", "'=x", "x=1", 5]


def _risky_roll(registry: Registry) -> None:
    from honours.core import Honouree

    registry.add_many(
        [
            Honouree(name=f"甲{i}", unit="厂", position=text, notes="line1\nline2")
            for i, text in enumerate(RISKY)
        ]
    )


def test_csv_is_utf8_with_bom_and_neutralises_formulas(registry, tmp_path):
    _risky_roll(registry)
    path = tmp_path / "out.csv"
    export(registry, registry.all_ids(), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == [column.header for column in COLUMNS]
    position = rows[0].index("职务")
    assert [r[position] for r in rows[1:]] == ["'" + t for t in RISKY]
    # the spreadsheet import takes the apostrophe off again
    empty = Registry.open(tmp_path / "e.sqlite")
    plan_import(empty, path).apply(empty)
    assert sorted(h.position for h in empty.honourees(empty.all_ids())) == sorted(RISKY)


def test_xlsx_keeps_formula_like_text_as_text(registry, tmp_path):
    _risky_roll(registry)
    path = tmp_path / "out.xlsx"
    export(registry, registry.all_ids(), path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert [c.value for c in sheet[1]] == [column.header for column in COLUMNS]
    position = [c.value for c in sheet[1]].index("职务") + 1
    cells = [sheet.cell(row, position) for row in range(2, 2 + len(RISKY))]
    assert sorted(c.value for c in cells) == sorted(RISKY)
    assert all(c.data_type == "s" for c in cells)  # text cells: Excel never evaluates them
    assert all(c.quotePrefix for c in cells)
    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    empty = Registry.open(tmp_path / "e.sqlite")
    plan_import(empty, path).apply(empty)
    assert sorted(h.position for h in empty.honourees(empty.all_ids())) == sorted(RISKY)
    assert {h.notes for h in empty.honourees(empty.all_ids())} == {"line1\nline2"}


def test_exported_sheet_imports_back_with_honours_levels_and_donations(roll, tmp_path):
    path = tmp_path / "roll.xlsx"
    export(roll, roll.all_ids(), path)
    empty = Registry.open(tmp_path / "e.sqlite")
    plan = plan_import(empty, path)
    assert plan.counts()[ADD] == 14 and not plan.errors
    plan.apply(empty)
    for mine, theirs in zip(roll.honourees(roll.all_ids()), empty.honourees(empty.all_ids()), strict=False):
        assert (theirs.name, theirs.unit, theirs.status, theirs.category) == (
            mine.name,
            mine.unit,
            mine.status,
            mine.category,
        )
        assert [(h.title, h.level, h.year, h.awarded_by, h.posthumous) for h in theirs.honours] == [
            (h.title, h.level, h.year, h.awarded_by, h.posthumous) for h in mine.honours
        ]
        assert [(d.amount_fen, d.item, d.quantity) for d in theirs.donations] == [
            (d.amount_fen, d.item, d.quantity) for d in mine.donations
        ]


def test_an_awarding_body_holding_a_separator_imports_back_as_one(registry, tmp_path):
    """中共中央、国务院 is one body: the sheet quotes it, so the honours of the row still line up."""
    from honours.core.records import Honour, Honouree

    registry.add(
        Honouree(
            name="李四",
            unit="某厂",
            honours=[
                Honour("全国劳动模范", "national", 2015, awarded_by="中共中央、国务院"),
                Honour("湖南省劳动模范", "provincial", 2010),
                Honour("衡阳市五一劳动奖章", "municipal", 2008, awarded_by="衡阳市总工会"),
            ],
        )
    )
    path = tmp_path / "bodies.xlsx"
    export(registry, registry.all_ids(), path)
    empty = Registry.open(tmp_path / "e.sqlite")
    plan = plan_import(empty, path)
    assert not plan.errors, plan.errors
    plan.apply(empty)
    [back] = empty.honourees(empty.all_ids())
    assert [h.awarded_by for h in back.honours] == ["中共中央、国务院", "", "衡阳市总工会"]


def test_a_failed_export_leaves_no_file_behind(roll, tmp_path):
    for suffix in (".xlsx", ".csv", ".zip", ".json"):
        path = tmp_path / f"out{suffix}"

        def fail(done, total):
            raise RuntimeError("disk full")

        with pytest.raises(RuntimeError):
            export(roll, roll.all_ids(), path, progress=fail)
        assert list(tmp_path.glob("*out*")) == []


def test_unknown_export_format_is_refused(roll, tmp_path):
    from honours.core.errors import HonoursError

    with pytest.raises(HonoursError) as info:
        export(roll, roll.all_ids(), tmp_path / "out.pdf")
    assert ".xlsx" in info.value.message("en") and ".xlsx" in info.value.message("zh")


# -- what colleagues see: permissions, numbers, times ------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="file modes and the umask are POSIX")
@pytest.mark.parametrize(
    "umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)], ids=["umask022", "umask027", "umask002"]
)
def test_exports_get_the_permissions_of_a_new_file(roll, tmp_path, umask, mode):
    """Not tempfile's private 0600: a plain open() under this umask would give `mode`."""
    previous = os.umask(umask)
    try:
        for suffix in (".xlsx", ".csv", ".json", ".zip"):
            path = tmp_path / f"out{suffix}"
            export(roll, roll.all_ids()[:3], path)
            assert stat.S_IMODE(path.stat().st_mode) == mode, suffix
            plain = tmp_path / f"plain{suffix}"
            plain.write_bytes(b"")
            assert stat.S_IMODE(plain.stat().st_mode) == mode
    finally:
        os.umask(previous)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary left


def _varied(registry: Registry) -> list[int]:
    """Records whose ages, years, amounts and times are each of a different shape."""
    from honours.core import Deed, Donation, Honour, Honouree

    people = [
        Honouree(
            name="宋英杰",
            unit="衡阳市中心医院",
            age="58",
            birth_date="1966-03-01",
            region="衡阳",
            honours=[Honour("湖南省劳动模范", "provincial", 2020)],
            donations=[Donation(amount_fen=123_456)],
            deeds=[Deed("援鄂医疗队队员")],
            created_at="2026-12-05T08:29:07+00:00",
        ),
        Honouree(
            name="柏太柱",
            unit="湘油泵股份有限公司",
            age="45岁",
            birth_date="1979-08",
            honours=[
                Honour("全国五一劳动奖章", "national", 2019),
                Honour("衡阳市劳动模范", "municipal", 2021),
            ],
            donations=[
                Donation(amount_fen=50_000_000),
                Donation(item="口罩", quantity=3000, quantity_unit="只"),
            ],
            created_at="2026-12-05T16:29:00+08:00",
        ),
        Honouree(
            name="刘丽",
            unit="耒阳市统计局",
            birth_date="1980",
            honours=[
                Honour("衡阳市五一劳动奖章", "municipal", 2018),
                Honour("耒阳市先进工作者", "county", 2018),
            ],
        ),
        Honouree(
            name="王建国",
            unit="安仁县环卫所",
            honours=[
                Honour("湖南省五一劳动奖章", "provincial", 2022, date="2022-04-28", awarded_by="湖南省总工会")
            ],
            notes="备注一\n备注二",
        ),
        Honouree(
            name="赵敏", unit="北京铁路局", age="045", honours=[Honour("全国劳动模范", "national", None)]
        ),
    ]
    return [h.id for h in registry.add_many(people)]


def _sheet(path):
    sheet = openpyxl.load_workbook(path).active
    headers = [c.value for c in sheet[1]]
    return sheet, {header: index + 1 for index, header in enumerate(headers)}


def test_years_ages_and_amounts_are_numbers_with_number_formats(registry, tmp_path):
    ids = _varied(registry)
    path = tmp_path / "out.xlsx"
    export(registry, ids, path)
    sheet, column = _sheet(path)
    assert "年份" in column  # the honours' year has its own column

    def cell(row: int, header: str):
        return sheet.cell(row + 2, column[header])

    assert [cell(r, "年份").value for r in range(5)] == [2020, "2019、2021", 2018, "2022-04-28", None]
    assert [cell(r, "年龄").value for r in range(5)] == [
        58,
        "45岁",
        None,
        None,
        "045",
    ]  # as written, unless a plain number
    assert [cell(r, "编号").value for r in range(5)] == ids
    for header in ("编号", "年龄", "年份"):
        numbers = [cell(r, header) for r in range(5) if isinstance(cell(r, header).value, int)]
        assert numbers and all(c.data_type == "n" and c.number_format == "0" for c in numbers), header
    totals = [cell(r, "捐赠合计（元）") for r in range(2)]
    assert [c.value for c in totals] == [1234.56, 500000]
    assert all(c.data_type == "n" and c.number_format == "#,##0.00" for c in totals)
    assert cell(2, "捐赠合计（元）").value is None  # no donations: an empty cell, not 0.00


def test_times_are_local_and_readable(registry, tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        ids = _varied(registry)
        xlsx, csv_path = tmp_path / "out.xlsx", tmp_path / "out.csv"
        export(registry, ids[:2], xlsx)
        export(registry, ids[:2], csv_path)
        sheet, column = _sheet(xlsx)
        created = [sheet.cell(row, column["创建时间"]) for row in (2, 3)]
        # 08:29 UTC and 16:29 in Beijing are the same moment: both read 16:29 on a computer in China
        assert [c.value for c in created] == [datetime(2026, 12, 5, 16, 29, 7), datetime(2026, 12, 5, 16, 29)]
        assert all(c.is_date and c.number_format == "yyyy-mm-dd hh:mm" for c in created)
        updated = sheet.cell(2, column["修改时间"]).value
        assert isinstance(updated, datetime) and updated.tzinfo is None
        rows = list(csv.reader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"), newline="")))
        at = rows[0].index("创建时间")
        assert [r[at] for r in rows[1:]] == ["2026-12-05 16:29", "2026-12-05 16:29"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", rows[1][rows[0].index("修改时间")])
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_sheet_with_numbers_imports_back_losslessly(registry, tmp_path, suffix):
    """Every field a sheet carries survives export and import, numbers and dates included."""
    _varied(registry)
    path = tmp_path / f"out{suffix}"
    export(registry, registry.all_ids(), path)
    empty = Registry.open(tmp_path / "e.sqlite")
    plan = plan_import(empty, path)
    assert plan.counts()[ADD] == 5 and not plan.errors
    plan.apply(empty)

    def sheet_fields(reg: Registry) -> list[tuple]:
        return [
            (
                h.name,
                h.unit,
                h.age,
                h.birth_date,
                h.region,
                h.notes,
                [d.text for d in h.deeds],
                [(x.title, x.level, x.year, x.date, x.awarded_by, x.posthumous) for x in h.honours],
                [(d.amount_fen, d.item, d.quantity, d.quantity_unit) for d in h.donations],
            )
            for h in reg.honourees(reg.all_ids())
        ]

    assert sheet_fields(empty) == sheet_fields(registry)
    again = plan_import(empty, path)
    assert again.counts()[UNCHANGED] == 5
    again.close()
    empty.close()
