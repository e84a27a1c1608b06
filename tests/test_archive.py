"""The archive (档案, issue 15): the new fields through every door, ID numbers as personal data
(checked, derived from, unique, masked, searched), revoked honours, the query's archive
filters, sheets and the import template."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook, load_workbook
from test_cli import run

from honours.core.duplicates import find_duplicates
from honours.core.errors import InvalidRecordError
from honours.core.export import export
from honours.core.fields import ARCHIVE_FIELDS, HONOUR, SHEET_COLUMNS
from honours.core.id_numbers import check_character
from honours.core.import_plan import plan_import
from honours.core.records import Honouree, RecordValueError
from honours.core.template import EXAMPLE, template_columns, write_template


def number(first17: str) -> str:
    return first17 + check_character(first17)


ZHANG = number("43040219800101123")  # 43040219800101123X: born 1980-01-01, male
LI = number("43040219751224002")  # born 1975-12-24, female (2 is even)
OLD_15 = "430402800101123"  # the 15-digit number ZHANG had before 1999


def archived(**extra) -> dict:
    return {
        "name": "张三",
        "unit": "衡阳市中心医院",
        "id_number": ZHANG,
        "political_status": "党员",
        "education": "本科",
        "native_place": "湖南衡阳",
        "phone": "13807340000",
        "address": "衡阳市蒸湘区解放大道1号",
        "work_start_date": "1998年7月",
        "retirement_date": "2024.3",
        "death_date": "",
        "treatment": "全国",
        "hardship": "是",
        "hardship_note": "因病致困",
        "honours": [
            {"title": "全国劳动模范", "level": "national", "year": 2015, "document": "国发〔2015〕1号"},
            {
                "title": "衡阳市劳动模范",
                "level": "municipal",
                "year": 2010,
                "revoked": True,
                "revoked_date": "2023-05",
                "revoked_reason": "违纪",
            },
        ],
        **extra,
    }


# -- reading ------------------------------------------------------------------------------------


def test_json_reads_every_archive_field_as_every_door_stores_it():
    h = Honouree.from_dict(archived())
    assert h.id_number == ZHANG
    assert (h.political_status, h.education, h.treatment) == ("中共党员", "大学本科", "享受全国劳模待遇")
    assert (h.work_start_date, h.retirement_date, h.death_date) == ("1998-07", "2024-03", "")
    assert h.hardship is True and h.hardship_note == "因病致困"
    assert h.honours[0].document == "国发〔2015〕1号" and not h.honours[0].revoked
    assert (
        h.honours[1].revoked
        and h.honours[1].revoked_date == "2023-05"
        and h.honours[1].revoked_reason == "违纪"
    )
    assert Honouree.from_dict(h.to_dict()) == h  # the JSON shape carries each of them back


def test_an_old_15_digit_number_is_kept_as_its_18_characters():
    assert Honouree.from_dict({"name": "甲", "id_number": OLD_15}).id_number == ZHANG


@pytest.mark.parametrize(
    ("key", "value", "zh"),
    [
        ("id_number", ZHANG[:-1] + ("0" if ZHANG[-1] != "0" else "1"), "校验位不符"),
        ("id_number", "43040219801301123X", "出生日期"),
        ("id_number", "4304021980", "18 位"),
        ("id_number", "430402********123X", "已部分隐藏"),
        ("political_status", "党外", "政治面貌"),
        ("education", "幼儿园", "文化程度"),
        ("treatment", "很好", "劳模待遇"),
        ("work_start_date", "去年", "参加工作时间"),
        ("hardship", "也许", "困难劳模"),
    ],
)
def test_a_value_that_cannot_be_read_is_refused_in_both_languages(key, value, zh):
    with pytest.raises(RecordValueError) as info:
        Honouree.from_dict({"name": "甲", key: value})
    assert zh in info.value.zh and str(info.value)


# -- ID numbers: derived from, unique, masked, found -------------------------------------------


def test_add_fills_birth_date_and_gender_from_the_number_and_says_where_they_disagree(tmp_path):
    db = tmp_path / "a.sqlite"
    done = run(db, "add", stdin=json.dumps({"name": "张三", "id_number": ZHANG}, ensure_ascii=False))
    assert done.returncode == 0, done.stderr
    assert "read from the ID number" in done.stderr
    shown = json.loads(run(db, "show", done.stdout.split()[-1], "--json", "--reveal-id").stdout)
    assert (shown["birth_date"], shown["gender"]) == ("1980-01-01", "男")
    odd = {"name": "李四", "id_number": LI, "birth_date": "1976-01-01", "gender": "男"}
    done = run(db, "add", stdin=json.dumps(odd, ensure_ascii=False), lang="zh")
    assert done.returncode == 0  # a warning the user sees, not a refusal
    assert "出生日期 1976-01-01 与身份证号中的（1975-12-24）不一致" in done.stderr
    assert "性别“男”与身份证号显示的（女）不一致" in done.stderr


def test_the_number_is_masked_everywhere_the_cli_shows_it_unless_asked(tmp_path):
    db = tmp_path / "m.sqlite"
    new_id = run(db, "add", stdin=json.dumps(archived(), ensure_ascii=False)).stdout.split()[-1]
    masked = "430402********123X"
    assert json.loads(run(db, "show", new_id, "--json").stdout)["id_number"] == masked
    assert json.loads(run(db, "show", new_id, "--json", "--reveal-id").stdout)["id_number"] == ZHANG
    text = run(db, "show", new_id).stdout
    assert masked in text and ZHANG not in text
    assert ZHANG in run(db, "show", new_id, "--reveal-id").stdout
    listed = run(db, "list", "--json").stdout
    assert masked in listed and ZHANG not in listed
    assert ZHANG in run(db, "list", "--json", "--reveal-id").stdout
    found = json.loads(run(db, "search", "123X", "--json").stdout)
    assert [r["name"] for r in found] == ["张三"] and found[0]["id_number"] == masked
    assert ZHANG in run(db, "search", "张三", "--json", "--reveal-id").stdout
    out = tmp_path / "out.csv"
    assert run(db, "export", str(out)).returncode == 0
    assert masked in out.read_text(encoding="utf-8-sig") and ZHANG not in out.read_text(encoding="utf-8-sig")
    assert run(db, "export", str(out), "--reveal-id").returncode == 0
    assert ZHANG in out.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("query", [ZHANG, OLD_15, "123X", "1123x", "01123X", ZHANG.lower()])
def test_a_full_number_or_its_last_four_to_six_characters_finds_the_person(registry, query):
    registry.add(Honouree(name="张三", id_number=ZHANG))
    registry.add(Honouree(name="李四", id_number=LI))
    assert [h.name for h in registry.honourees(registry.search(query).ids())] == ["张三"]


def test_a_second_live_record_with_the_same_number_is_refused_naming_the_first(registry):
    first = registry.add(Honouree(name="张三", id_number=ZHANG))
    with pytest.raises(InvalidRecordError) as info:
        registry.add(Honouree(name="张叁", id_number=ZHANG))
    assert f"#{first.id} 张三" in info.value.zh and "合并" in info.value.zh and ZHANG not in info.value.zh
    registry.delete(first.id)
    assert registry.add(Honouree(name="张叁", id_number=ZHANG)).id  # the trashed one no longer holds it


@pytest.mark.sqlite_only  # writes a second holder behind the registry's back, as an old import could
def test_the_same_number_under_another_name_is_a_duplicate_to_merge(registry, tmp_path):
    registry.add(Honouree(name="张三", unit="甲厂", id_number=ZHANG))
    registry.add(Honouree(name="张叁", unit="乙厂"))
    registry.conn.execute(
        "UPDATE honouree SET id_number = ? WHERE id = 2", (ZHANG,)
    )  # as an old import left it
    registry.conn.commit()
    (pair,) = find_duplicates(registry)
    assert (pair.first.ref, pair.second.ref) == (1, 2) and "身份证号相同" in pair.reason("zh")
    assert ZHANG not in pair.reason("zh")
    sheet = tmp_path / "s.xlsx"
    book = Workbook()
    book.active.append(["姓名", "工作单位", "公民身份号码"])
    book.active.append(["张山", "丙厂", ZHANG])
    book.save(sheet)
    plan = plan_import(registry, sheet)
    (row,) = plan.rows
    assert row.match is not None and row.match.existing_id == 1 and row.choice == "merge"


# -- revoked honours ----------------------------------------------------------------------------


def test_a_revoked_honour_stays_marked_and_no_longer_counts(registry):
    h = registry.add(Honouree.from_dict(archived(honours=archived()["honours"][::-1])))
    h.honours[1].revoked = True  # the national one too, now
    h = registry.update(h)
    assert [x.title for x in h.honours] == ["衡阳市劳动模范", "全国劳动模范"]  # both kept, in order
    assert h.highest_level is None and registry.summaries([h.id])[0].highest_level is None
    assert registry.search("level:national").count() == 0 and registry.search("year:2010").count() == 0
    assert registry.facets()["level"] == [] and registry.facets()["year"] == []
    h.honours[1].revoked = False
    registry.update(h)
    assert registry.search("level:national year:2015").count() == 1
    assert registry.facets()["level"] == [("national", 1)]


# -- the query language ---------------------------------------------------------------------------


def test_the_archive_filters_of_the_query_language(registry):
    registry.add(Honouree.from_dict(archived()))
    registry.add(
        Honouree.from_dict(
            {"name": "李四", "political_status": "群众", "education": "高中", "treatment": "省部级"}
        )
    )
    names = {
        q: sorted(h.name for h in registry.honourees(registry.search(q).ids()))
        for q in (
            "hardship:yes",
            "困难:否",
            "treatment:全国",
            "待遇:省级",
            "political:党员",
            "政治面貌:群众",
            "education:本科",
            "学历:高中,本科",
            "political:党员 hardship:yes 张三",
        )
    }
    assert names == {
        "hardship:yes": ["张三"],
        "困难:否": ["李四"],
        "treatment:全国": ["张三"],
        "待遇:省级": ["李四"],
        "political:党员": ["张三"],
        "政治面貌:群众": ["李四"],
        "education:本科": ["张三"],
        "学历:高中,本科": ["张三", "李四"],
        "political:党员 hardship:yes 张三": ["张三"],
    }
    bad = registry.search("education:幼儿园")
    assert bad.count() == 0 and any("文化程度" in notice.zh for notice in bad.notices)


# -- sheets and the template -------------------------------------------------------------------------


def test_a_sheet_exports_every_archive_field_and_imports_it_back(registry, tmp_path):
    saved = registry.add(Honouree.from_dict(archived(honours=[archived()["honours"][1]])))
    headers = [c.sheet_zh for c in SHEET_COLUMNS]
    for spec in (*ARCHIVE_FIELDS, HONOUR.field("document"), HONOUR.field("revoked")):
        assert spec.zh in headers
    shown = tmp_path / "masked.xlsx"
    export(registry, [saved.id], shown)
    row = dict(
        zip(*[[c.value for c in r] for r in load_workbook(shown).active.iter_rows(max_row=2)], strict=True)
    )
    assert (
        row["身份证号"] == "430402********123X" and row["政治面貌"] == "中共党员" and row["困难劳模"] == "是"
    )
    full = tmp_path / "full.xlsx"
    export(registry, [saved.id], full, reveal_id=True)
    other = type(registry).open(tmp_path / "other.sqlite")
    try:
        plan = plan_import(other, full)
        assert not plan.errors, [r.reason_en for r in plan.rows]
        again = other.honouree(plan.apply(other).added[0])
        for key in ("id_number", "political_status", "education", "native_place", "phone", "address"):
            assert getattr(again, key) == getattr(saved, key), key
        for key in ("work_start_date", "retirement_date", "treatment", "hardship", "hardship_note"):
            assert getattr(again, key) == getattr(saved, key), key
        assert [(x.revoked, x.revoked_reason, x.revoked_date) for x in again.honours] == [
            (True, "违纪", "2023-05")
        ]
        # a sheet exported masked and imported again as an update keeps the stored number
        plan = plan_import(other, shown)
        assert not plan.errors
        plan.apply(other)
        assert other.honouree(again.id).id_number == ZHANG
    finally:
        other.close()


def test_a_filled_template_imports_cleanly_with_its_lists(registry, tmp_path):
    path = write_template(tmp_path / "导入模板.xlsx")
    book = load_workbook(path)
    sheet = book["荣誉人物"]
    headers = [c.value for c in sheet[1]]
    assert headers == [c.sheet_zh for c in template_columns()]
    for word in (
        "身份证号",
        "政治面貌",
        "文化程度",
        "籍贯",
        "联系电话",
        "参加工作时间",
        "劳模待遇",
        "困难劳模",
        "表彰文件",
    ):
        assert word in headers
    assert book["选项"].sheet_state == "hidden"
    validated = {
        str(dv.sqref).split(":")[0].rstrip("0123456789"): dv for dv in sheet.data_validations.dataValidation
    }
    column = {h: sheet.cell(row=1, column=i + 1).column_letter for i, h in enumerate(headers)}
    choices = book["选项"]
    for header in ("政治面貌", "文化程度", "劳模待遇", "困难劳模", "性别", "状态", "级别"):
        rule = validated[column[header]]
        assert rule.type == "list" and rule.formula1.startswith("选项!"), header
        first, last = rule.formula1.split("!")[1].replace("$", "").split(":")
        words = [c.value for row in choices[first:last] for c in row]
        assert words and all(words), header
    assert "中共党员" in [c.value for row in choices.iter_rows() for c in row]
    sheet.append([EXAMPLE.get(c.sheet_zh, "") for c in template_columns()])  # a second person, the same way
    sheet.cell(row=3, column=1, value="李示例")
    sheet.cell(row=3, column=headers.index("身份证号") + 1, value=LI)
    sheet.cell(row=3, column=headers.index("性别") + 1, value="女")
    sheet.cell(row=3, column=headers.index("出生日期") + 1, value="1975-12-24")
    book.save(path)
    plan = plan_import(registry, path)
    assert not plan.errors, [r.reason_zh for r in plan.rows]
    added = [registry.honouree(i) for i in plan.apply(registry).added]
    assert [h.name for h in added] == ["张示例", "李示例"]
    first = added[0]
    assert first.id_number == EXAMPLE["身份证号"] and first.political_status == "中共党员"
    assert first.treatment == "享受省部级劳模待遇" and first.hardship is False
    assert first.honours[0].document == "湘政发〔2020〕12号" and first.highest_level == "provincial"


def test_the_template_command(tmp_path):
    out = tmp_path / "导入模板.xlsx"
    done = run(tmp_path / "t.sqlite", "template", str(out))
    assert done.returncode == 0, done.stderr
    assert load_workbook(out)["荣誉人物"]["A1"].value == "姓名"
    assert run(tmp_path / "t.sqlite", "template", str(tmp_path / "x.csv")).returncode == 2


def test_an_import_that_would_give_a_number_to_a_second_record_is_refused_whole(registry, tmp_path):
    registry.add(Honouree(name="张三", unit="甲厂", id_number=ZHANG))
    sheet = tmp_path / "s.xlsx"
    book = Workbook()
    book.active.append(["姓名", "工作单位", "身份证号"])
    book.active.append(["张山", "丙厂", ZHANG])
    book.active.append(["王五", "丁厂", ""])
    book.save(sheet)
    plan = plan_import(registry, sheet)
    plan.set_all_duplicates("add")  # the person chose to add it as new, against the preview's advice
    with pytest.raises(InvalidRecordError) as info:
        plan.apply(registry)
    assert "#1 张三" in info.value.zh and ZHANG not in info.value.zh
    assert registry.count() == 1  # nothing was written


def test_the_history_shows_the_number_masked_unless_asked(tmp_path):
    db = tmp_path / "h.sqlite"
    new_id = run(
        db, "add", stdin=json.dumps({"name": "张三", "id_number": ZHANG}, ensure_ascii=False)
    ).stdout.split()[-1]
    assert run(db, "edit", new_id, stdin=json.dumps({"id_number": LI})).returncode == 0
    text = run(db, "history", new_id).stdout
    assert "430402********123X → 430402********" + LI[-4:] in text and ZHANG not in text and LI not in text
    entries = json.loads(run(db, "history", new_id, "--json").stdout)
    edit = next(e for e in entries if e["action"] == "update")
    assert edit["after"]["id_number"] == "430402********" + LI[-4:]
    assert edit["before"]["id_number"] == "430402********123X"
    assert LI in run(db, "history", new_id, "--reveal-id").stdout
    revealed = json.loads(run(db, "history", new_id, "--json", "--reveal-id").stdout)
    assert next(e for e in revealed if e["action"] == "update")["after"]["id_number"] == LI


def test_a_registry_copy_keeps_the_numbers_only_when_exported_with_them(registry, tmp_path):
    registry.add(Honouree(name="张三", id_number=ZHANG))
    masked, full = tmp_path / "masked.zip", tmp_path / "full.zip"
    export(registry, registry.all_ids(), masked)
    export(registry, registry.all_ids(), full, reveal_id=True)
    copy = type(registry).open(tmp_path / "copy.sqlite")
    try:
        refused = plan_import(copy, masked)
        assert (
            refused.errors
            and "已部分隐藏" in refused.rows[0].reason_zh
            and "--reveal-id" in refused.rows[0].reason_en
        )
        plan = plan_import(copy, full)
        assert copy.honouree(plan.apply(copy).added[0]).id_number == ZHANG
    finally:
        copy.close()
