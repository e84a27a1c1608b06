"""Import plans and their single transaction: preview first, then all rows or none."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from PIL import Image

from honours.core import ConflictError, Registry
from honours.core.import_plan import (
    ADD,
    ERROR,
    UNCHANGED,
    UPDATE,
    ImportBlockedError,
    plan_import,
    plan_table,
)
from honours.core.photos import NewPhoto, prepare_photo
from honours.core.records import Deed, Donation, Honour, Honouree, Source
from honours.core.registry import ImportItem
from honours.core.seed import load_default_roll
from honours.core.spreadsheet import SpreadsheetError, read_table


@pytest.fixture
def registry(storage):
    """These tests are of behaviour through the storage verbs: `registry` is each storage
    backend in turn (the `storage` fixture, tests/conftest.py)."""
    return storage


def make_xlsx(path: Path, rows: list[list], title: str | None = "衡阳市2020年抗疫先进人物") -> Path:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for row in rows:
        ws.append(row)
    workbook.save(path)
    return path


def photo_bytes(fmt: str = "JPEG", size=(64, 48), colour=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, fmt)
    return out.getvalue()


HEADER = ["序号", "姓名", "性别", "工作单位", "职务", "荣誉称号", "捐赠"]


def good_rows(n: int, start: int = 1) -> list[list]:
    return [
        [
            i,
            f"测试{i}号",
            "女" if i % 2 else "男",
            f"衡阳市第{i}医院",
            "护士",
            "衡阳市五一劳动奖章",
            f"{i}万元",
        ]
        for i in range(start, start + n)
    ]


def state(registry: Registry) -> tuple:
    """Everything an import could change (records with their honours, deeds and donations,
    the trash, photos, history), read through the storage verbs, to prove that nothing did."""
    ids = sorted([*registry.all_ids(), *(row[0] for row in registry.trash())])
    return tuple(
        (
            registry.honouree(i, include_deleted=True).to_dict(),
            [p.id for p in registry.photos(i)],
            [entry.id for entry in registry.history(i)],
        )
        for i in ids
    )


def test_bad_row_in_the_middle_blocks_everything_until_consent(roll, tmp_path):
    rows = [HEADER, *good_rows(3), [4, "坏行", "未知", "某单位", "", "", ""], *good_rows(3, start=5)]
    path = make_xlsx(tmp_path / "sheet.xlsx", rows)
    before = state(roll)
    plan = plan_import(roll, path)
    assert plan.counts() == {ADD: 6, UPDATE: 0, UNCHANGED: 0, ERROR: 1}
    assert plan.summary("en") == "6 add, 0 update, 1 errors"
    (bad,) = plan.errors
    assert bad.row == 6 and "gender" in bad.reason("en") and "性别" in bad.reason("zh")
    assert state(roll) == before  # planning writes nothing
    with pytest.raises(ImportBlockedError) as info:
        plan.apply(roll)
    assert "row 6" in info.value.message("en") and "第 6 行" in info.value.message("zh")
    assert state(roll) == before
    outcome = plan.apply(roll, skip_errors=True)
    assert len(outcome.added) == 6
    assert roll.count() == 14 + 6
    assert roll.search("测试5号").count() == 1 and roll.search("ceshi").count() == 6


def test_failure_in_the_middle_of_apply_rolls_everything_back(registry, tmp_path):
    path = make_xlsx(tmp_path / "sheet.xlsx", [HEADER, *good_rows(1200)])
    plan = plan_import(registry, path)
    before = state(registry)
    seen = []

    def cancel(done, total):
        seen.append(done)
        if done >= 600:
            raise KeyboardInterrupt  # what a Cancel button or Ctrl+C does

    with pytest.raises(KeyboardInterrupt):
        plan.apply(registry, progress=cancel)
    assert seen and state(registry) == before
    if isinstance(registry, Registry):  # the file itself is whole too (integrity check and all)
        from honours.core.sqlite.check import check

        assert check(registry) == []
    plan.apply(registry)
    assert registry.count() == 1200


def test_same_name_and_unit_updates_the_existing_record(roll, tmp_path):
    song = next(h for h in roll.honourees(roll.all_ids()) if h.name == "宋英杰")
    path = make_xlsx(
        tmp_path / "update.xlsx",
        [
            ["姓名", "工作单位", "职务", "荣誉称号", "级别", "事迹", "民族"],
            [song.name, song.unit, "", "湖南省抗疫先进个人", "", "另一项事迹", "汉族"],
        ],
        title=None,
    )
    plan = plan_import(roll, path)
    assert plan.counts()[UPDATE] == 1 and plan.rows[0].target_id == song.id
    plan.apply(roll)
    after = roll.honouree(song.id)
    assert after.position == song.position  # empty cell: left as it was
    assert after.ethnicity == "汉族"
    assert after.status == "deceased"  # no status column: not reset to active
    assert [h.title for h in after.honours] == [song.honours[0].title, "湖南省抗疫先进个人"]
    assert after.honours[1].level == "provincial"
    assert [d.text for d in after.deeds] == [*[d.text for d in song.deeds], "另一项事迹"]
    assert after.version == song.version + 1
    assert roll.history(song.id)[0].action == "update"
    again = plan_import(roll, path)  # importing the same sheet again changes nothing
    assert again.counts()[UNCHANGED] == 1 and again.rows[0].action == UNCHANGED
    assert again.apply(roll).updated == []
    assert roll.honouree(song.id).version == after.version


def test_record_changed_after_the_preview_aborts_the_import(roll, tmp_path):
    song = next(h for h in roll.honourees(roll.all_ids()) if h.name == "宋英杰")
    path = make_xlsx(
        tmp_path / "u.xlsx",
        [["姓名", "单位", "备注"], ["新人", "某厂", ""], [song.name, song.unit, "表格备注"]],
        title=None,
    )
    plan = plan_import(roll, path)
    roll.edit(song.id, {"notes": "another window saved this"})
    before = state(roll)
    with pytest.raises(ConflictError):
        plan.apply(roll)
    assert state(roll) == before
    assert roll.honouree(song.id).notes == "another window saved this"


def test_rows_of_one_person_are_merged(registry, tmp_path):
    path = make_xlsx(
        tmp_path / "m.xlsx",
        [
            ["姓名", "单位", "荣誉称号", "年份", "捐款金额"],
            ["李芳", "衡阳市中心医院", "湖南省五一劳动奖章", 2020, "500元"],
            ["王五", "衡阳县医院", "全国先进工作者", 2019, ""],
            ["李芳", "衡阳市中心医院", "全国三八红旗手", 2021, "1000元"],
        ],
        title=None,
    )
    plan = plan_import(registry, path)
    assert plan.counts()[ADD] == 2
    assert plan.rows[2].same_as_row == 2 and "row 2" in plan.rows[2].reason("en")
    plan.apply(registry)
    (li,) = [h for h in registry.honourees(registry.all_ids()) if h.name == "李芳"]
    assert [(h.title, h.year) for h in li.honours] == [("湖南省五一劳动奖章", 2020), ("全国三八红旗手", 2021)]
    assert li.donation_total_fen == 150_000


def test_ambiguous_existing_match_is_an_error(registry, tmp_path):
    registry.add_many([Registry_honouree("甲", "厂"), Registry_honouree("甲", "厂")])
    path = make_xlsx(tmp_path / "a.xlsx", [["姓名", "单位"], ["甲", "厂"]], title=None)
    (row,) = plan_import(registry, path).rows
    assert row.action == ERROR and "2 existing" in row.reason("en")


def Registry_honouree(name: str, unit: str):
    from honours.core import Honouree

    return Honouree(name=name, unit=unit)


def test_photos_from_paths_beside_the_sheet_and_from_a_zip(registry, tmp_path):
    (tmp_path / "照片").mkdir()
    (tmp_path / "照片" / "li.jpg").write_bytes(photo_bytes())
    (tmp_path / "wang.png").write_bytes(photo_bytes("PNG", (40, 80)))
    (tmp_path / "fake.jpg").write_text("not a photo")
    with zipfile.ZipFile(tmp_path / "sheet.zip", "w") as archive:
        archive.writestr("photos/zhao.jpg", photo_bytes(colour=(0, 0, 255)))
    path = make_xlsx(
        tmp_path / "sheet.xlsx",
        [
            ["姓名", "单位", "照片"],
            ["李芳", "甲", "照片\\li.jpg"],  # a Windows path
            ["王五", "乙", "wang.png、zhao.jpg"],
            ["假图", "丙", "fake.jpg"],
            ["缺图", "丁", "missing.jpg"],
        ],
        title=None,
    )
    plan = plan_import(registry, path)
    reasons = {r.name: r.reason("en") for r in plan.errors}
    assert set(reasons) == {"假图", "缺图"}
    assert "not an image" in reasons["假图"]
    assert "missing.jpg" in reasons["缺图"] and "sheet.zip" in reasons["缺图"]
    plan.apply(registry, skip_errors=True)
    plan.close()
    people = {h.name: h for h in registry.honourees(registry.all_ids())}
    assert set(people) == {"李芳", "王五"}
    assert [(p.width, p.height, p.primary) for p in people["王五"].photos] == [
        (40, 80, True),
        (64, 48, False),
    ]
    assert (
        registry.photo_bytes(people["李芳"].photos[0].id, "original")
        == (tmp_path / "照片" / "li.jpg").read_bytes()
    )


def test_mapping_can_be_changed_and_a_missing_name_column_is_refused(registry, tmp_path):
    path = make_xlsx(tmp_path / "map.xlsx", [["人员", "单位"], ["甲", "厂"]], title=None)
    table = read_table(path)
    with pytest.raises(SpreadsheetError) as info:
        plan_table(registry, table)
    assert "姓名" in info.value.message("zh")
    plan = plan_table(registry, table, mapping=["name", "unit"])
    assert plan.counts()[ADD] == 1


def test_apply_import_history_equals_the_stored_record(registry):
    """apply_import builds the history snapshot from memory; it must equal the stored record."""
    outcome = registry.apply_import([ImportItem(h) for h in load_default_roll()])
    for honouree_id in outcome.added:
        assert registry.history(honouree_id)[0].after == registry._snapshot(honouree_id)


def test_apply_import_history_text_is_what_record_writes(registry):
    """The history JSON of an added record is written as text, not via a dict: it must be the
    very text `_record` writes for the stored record, for every kind of value."""
    odd = Honouree(
        name=' 引号"反斜杠\\ ',
        gender="女",
        birth_date="1980-05",
        age="28岁",
        ethnicity="回族",
        unit="单位\n二行",
        position="护士\t长",
        region="衡阳",
        category="donor",
        status="deceased",
        notes="备注😀\u2028",
        source=Source(report="报道", sentence="原文“引号”"),
        honours=[
            Honour(title=" 全国劳动模范 ", level="national", year=2020, date="2020-05-01", posthumous=True),
            Honour(title="先进个人", awarded_by="市委", year=None, date=""),
        ],
        deeds=[Deed(text=" 事迹一 ", date="2019-01-02"), Deed(text="事迹二", date="")],
        donations=[
            Donation(amount_fen=12345),
            Donation(amount_fen=50_000_000, recipient="红十字会", note="注"),
            Donation(item="口罩", quantity=3, quantity_unit="箱", date="2020-02-01"),
        ],
    )
    photo = prepare_photo(photo_bytes(), "甲.jpg")
    items = [ImportItem(h) for h in load_default_roll()[:5]]
    items += [
        ImportItem(odd),
        ImportItem(Honouree(name="有照片"), [NewPhoto(photo, caption="说明", primary=True), NewPhoto(photo)]),
    ]
    outcome = registry.apply_import(items)
    for honouree_id in outcome.added:
        (text,) = registry._history_row(registry.history(honouree_id)[0].id)[1:2]
        assert text == json.dumps(registry._snapshot(honouree_id), ensure_ascii=False)


@pytest.mark.parametrize(
    "honour, donation, version",
    [
        ({"year": True}, {}, 1),
        ({"awarded_by": 5}, {}, 1),
        ({"year": "2020"}, {}, 1),
        ({"date": 20200101}, {}, 1),
        ({}, {"quantity": 2.5}, 1),
        ({}, {"note": 0.5}, 1),
        ({}, {}, "3"),
        ({}, {}, 2),
    ],
)
def test_history_text_of_values_of_unusual_types_is_what_json_dumps_writes(honour, donation, version):
    """A value of another type than usual (a number as awarded-by, a bool year, a float quantity,
    a text version from an odd export) is written as json.dumps writes it."""
    from honours.core.fields import ARCHIVE_FIELDS
    from honours.core.snapshots import added_snapshot_json
    from honours.core.sqlite.rows import stored_values

    h = {
        "title": "奖",
        "level": "other",
        "year": 2020,
        "date": None,
        "awarded_by": "",
        "posthumous": False,
        "document": "",
        "revoked": False,
        "revoked_date": None,
        "revoked_reason": "",
        **honour,
    }
    d = {
        "item": "口罩",
        "quantity": 3,
        "quantity_unit": "箱",
        "recipient": "",
        "date": None,
        "note": "",
        **donation,
    }
    record = Honouree(name="甲", honours=[Honour(**h)], donations=[Donation(**d)])
    text = added_snapshot_json(
        7,
        record,
        stored_values(record),
        [range(3, 4), range(0), range(9, 10)],
        [],
        version,
        "2020-01-01",
        "2020-01-02",
    )
    expected = {
        "name": "甲",
        "gender": "",
        "birth_date": "",
        "age": "",
        "ethnicity": "",
        "unit": "",
        "position": "",
        "region": "",
        "category": "",
        "status": "active",
        "notes": "",
        **{f.key: False if f.type == "bool" else "" for f in ARCHIVE_FIELDS},  # the archive (issue 15)
        "source": {"report": "", "sentence": ""},
        "honours": [{**h, "id": 3}],
        "deeds": [],
        "donations": [{**d, "id": 9, "amount_yuan": None}],
        "photos": [],
        "id": 7,
        "version": version,
        "created_at": "2020-01-01",
        "updated_at": "2020-01-02",
    }
    assert text == json.dumps(expected, ensure_ascii=False)


def test_records_checked_when_planned_are_not_checked_again_but_others_are(registry, tmp_path, monkeypatch):
    """The plan checks every row; records it adds are not checked a second time while writing.
    An update holds the stored record too and is checked, and so is any item not from a plan."""
    from honours.core import InvalidRecordError, validation

    checked = []
    real = validation._validate
    monkeypatch.setattr(validation, "_validate", lambda h: checked.append(h.name) or real(h))
    plan_import(registry, make_xlsx(tmp_path / "a.xlsx", [HEADER, *good_rows(3)])).apply(registry)
    assert checked == ["测试1号", "测试2号", "测试3号"]  # by the plan, once each
    changed = good_rows(1)[0][:4] + ["护士长"] + good_rows(1)[0][5:]
    checked.clear()
    plan = plan_import(registry, make_xlsx(tmp_path / "b.xlsx", [HEADER, changed, *good_rows(1, start=4)]))
    plan.apply(registry)
    assert sorted(checked) == ["测试1号", "测试1号", "测试4号"]  # the update again while writing
    checked.clear()
    before = state(registry)
    with pytest.raises(InvalidRecordError):
        registry.apply_import([ImportItem(Honouree(name="正常")), ImportItem(Honouree(name="坏\x07名"))])
    assert checked == ["正常", "坏\x07名"] and state(registry) == before


@pytest.mark.sqlite_only
def test_a_large_import_has_a_larger_page_cache_while_it_writes(registry, monkeypatch):
    """Tens of thousands of records (three here) are written with a 64 MB page cache, given back
    afterwards, also when the import fails; fewer records keep the connection's own."""
    from honours.core import import_verbs
    from honours.core import registry as registry_module

    seen = []
    real = registry_module.Registry._check_import_versions

    def during(self, updates):
        seen.append(self.conn.execute("PRAGMA cache_size").fetchone()[0])
        return real(self, updates)

    monkeypatch.setattr(registry_module.Registry, "_check_import_versions", during)
    before = registry.conn.execute("PRAGMA cache_size").fetchone()[0]
    monkeypatch.setattr(import_verbs, "IMPORT_CACHE_FROM", 3)
    registry.apply_import([ImportItem(Honouree(name="甲"))])
    registry.apply_import([ImportItem(Honouree(name=n)) for n in "乙丙丁"])
    with pytest.raises(ConflictError):
        registry.apply_import(
            [ImportItem(Honouree(name=n)) for n in "戊己"], [ImportItem(Honouree(name="庚", id=1))]
        )
    assert seen == [before, -64 * 1024, -64 * 1024]
    assert registry.conn.execute("PRAGMA cache_size").fetchone()[0] == before


def test_totals_row_is_left_out_with_a_notice(registry, tmp_path):
    path = make_xlsx(
        tmp_path / "t.xlsx", [["姓名", "捐款金额"], ["甲", 100], ["乙", 200], ["合计", 300]], title=None
    )
    plan = plan_import(registry, path)
    assert plan.counts()[ADD] == 2 and not plan.errors
    assert any("totals" in notice.en for notice in plan.notices)


def test_registry_checks_become_row_errors(registry, tmp_path):
    """A record the registry would refuse (a control character in a hand-made JSON file) is named
    in the preview; it does not fail the whole transaction later. Sheets drop such characters."""
    import json

    path = tmp_path / "c.json"
    path.write_text(json.dumps([{"name": "正常"}, {"name": "坏\u0007名"}]), encoding="utf-8")
    plan = plan_import(registry, path)
    assert [r.action for r in plan.rows] == [ADD, ERROR]
    assert "control character" in plan.rows[1].reason("en") and "控制字符" in plan.rows[1].reason("zh")
    plan.apply(registry, skip_errors=True)
    assert registry.count() == 1
    sheet = tmp_path / "c.csv"
    sheet.write_text("姓名,单位\n坏\u0007\u009b名,厂\n", encoding="utf-8")
    (row,) = plan_import(registry, sheet).rows
    assert row.action == ADD and row.name == "坏名"
