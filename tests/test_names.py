"""Names as rolls print them (core/names.py): brackets, padding, look-alike dots, and tidying a record."""

from __future__ import annotations

import pytest

from honours.core.names import (
    ETHNIC_GROUPS,
    ETHNICITY_WORDS,
    MIDDLE_DOT,
    REMARK_PREFIX,
    bracket_facts,
    normalise_name,
    search_form,
    tidy_name,
)
from honours.core.records import Honouree


@pytest.mark.parametrize(
    "written, name, gender, ethnicity, remarks",
    [
        # gender and ethnicity in brackets, half- and full-width, with or without 族
        ("马红秋(女)", "马红秋", "女", "", ()),
        ("马红秋（女）", "马红秋", "女", "", ()),
        ("王建国 (男)", "王建国", "男", "", ()),
        ("李梅【女性】", "李梅", "女", "", ()),
        ("唐纯玉（瑶族）", "唐纯玉", "", "瑶族", ()),
        ("唐纯玉（瑶）", "唐纯玉", "", "瑶族", ()),
        ("艾力（维族）", "艾力", "", "维吾尔族", ()),
        ("李梅（女，回族）", "李梅", "女", "回族", ()),
        ("李梅(回族、女)", "李梅", "女", "回族", ()),
        ("李梅（女/土家族）", "李梅", "女", "土家族", ()),
        ("李梅（回族女）", "李梅", "女", "回族", ()),
        ("李梅（女）（蒙古族）", "李梅", "女", "蒙古族", ()),
        # other remarks come off a person's name and are kept
        ("张三（已故）", "张三", "", "", ("已故",)),
        ("王丽(女，汉族，1975年生)", "王丽", "女", "汉族", ("1975年生",)),
        ("李四（曾用名李思）", "李四", "", "", ("曾用名李思",)),
        ("张三(男)(女)", "张三", "男", "", ("女",)),  # the first written is kept, the other is a remark
        ("张三（）", "张三", "", "", ()),
        # padding between Chinese characters, any kind of space
        ("贺 彪", "贺彪", "", "", ()),
        ("贺  彪", "贺彪", "", "", ()),
        ("苏\u3000华", "苏华", "", "", ()),
        ("苏\u00a0华", "苏华", "", "", ()),
        ("王 小 明", "王小明", "", "", ()),
        (" 许仲秋 ", "许仲秋", "", "", ()),
        ("贺 彪（女）", "贺彪", "女", "", ()),
        # look-alike dots of transliterated names become the middle dot
        ("沙吾尔•芒力克", "沙吾尔·芒力克", "", "", ()),
        ("沙吾尔・芒力克", "沙吾尔·芒力克", "", "", ()),
        ("沙吾尔･芒力克", "沙吾尔·芒力克", "", "", ()),
        ("沙吾尔‧芒力克", "沙吾尔·芒力克", "", "", ()),
        ("沙吾尔∙芒力克", "沙吾尔·芒力克", "", "", ()),
        ("沙吾尔⋅芒力克", "沙吾尔·芒力克", "", "", ()),
        ("阿依古丽．艾买提", "阿依古丽·艾买提", "", "", ()),
        ("买买提.吐尔逊", "买买提·吐尔逊", "", "", ()),
        ("沙吾尔 • 芒力克", "沙吾尔·芒力克", "", "", ()),
        ("阿卜杜拉•艾则孜•买买提", "阿卜杜拉·艾则孜·买买提", "", "", ()),
        ("•许仲秋", "许仲秋", "", "", ()),
        ("沙吾尔•芒力克（维吾尔族）", "沙吾尔·芒力克", "", "维吾尔族", ()),
        # Latin names keep their spaces and dots; full-width letters become plain
        ("John Smith", "John Smith", "", "", ()),
        ("John  Smith", "John Smith", "", "", ()),
        ("J. R. R. Tolkien", "J. R. R. Tolkien", "", "", ()),
        ("Ｊｏｈｎ Ｓｍｉｔｈ", "John Smith", "", "", ()),
        ("Anna Li (F)", "Anna Li", "女", "", ()),
        # a collective's bracket is part of its name; gender/ethnicity never are
        ("衡阳市中心医院（急诊科）", "衡阳市中心医院（急诊科）", "", "", ()),
        ("衡阳市中心医院 感染科", "衡阳市中心医院感染科", "", "", ()),
        # nothing but a bracket is kept as written rather than stored empty
        ("（女）", "（女）", "", "", ()),
        ("许仲秋", "许仲秋", "", "", ()),
    ],
)
def test_normalise_name(written, name, gender, ethnicity, remarks):
    result = normalise_name(written)
    assert (result.name, result.gender, result.ethnicity, result.remarks) == (
        name,
        gender,
        ethnicity,
        remarks,
    )
    assert result.original == written


def test_changes_are_said_in_both_languages():
    result = normalise_name("马红秋(女)")
    assert [n.zh for n in result.changes] == ["姓名“马红秋(女)”已改为“马红秋”", "从姓名中读出性别：女"]
    assert [n.en for n in result.changes] == [
        "Name “马红秋(女)” changed to “马红秋”",
        "Gender read from the name: 女",
    ]
    assert [n.zh for n in normalise_name("贺 彪").changes] == ["姓名“贺 彪”已改为“贺彪”"]
    dotted = normalise_name("沙吾尔•芒力克").changes[0]  # a change the eye can miss says what it was
    assert dotted.zh == "姓名“沙吾尔•芒力克”已改为“沙吾尔·芒力克”（间隔号统一为“·”）"
    assert dotted.en.endswith("(the dot is now the middle dot ·, U+00B7)")
    assert normalise_name("许仲秋").changes == () and not normalise_name("许仲秋").changed
    assert not normalise_name("John Smith").changed


def test_the_56_ethnic_groups_with_and_without_zu():
    assert len(ETHNIC_GROUPS) == len(set(ETHNIC_GROUPS)) == 56
    for group in ETHNIC_GROUPS:
        assert group.endswith("族")
        assert ETHNICITY_WORDS[group] == group and ETHNICITY_WORDS[group.removesuffix("族")] == group
        assert normalise_name(f"张三（{group}）").ethnicity == group


def test_bracket_facts():
    assert bracket_facts("女，回族") == ("女", "回族", ())
    assert bracket_facts("衡阳市中心医院护士") == ("", "", ("衡阳市中心医院护士",))
    assert bracket_facts("瑶族，衡阳市中心医院护士") == ("", "瑶族", ("衡阳市中心医院护士",))


def test_search_form_is_the_spacing_and_dots_only():
    assert search_form("贺 彪") == "贺彪"
    assert search_form("沙吾尔•芒力克") == f"沙吾尔{MIDDLE_DOT}芒力克"
    assert search_form("马红秋(女)") == "马红秋(女)"  # brackets are punctuation to the index already
    assert search_form("John  Smith") == "John Smith"
    assert search_form("许仲秋") == "许仲秋"


def test_tidy_name_fills_empty_fields_and_notes_what_it_did():
    record = Honouree(name="李梅（女，回族）")
    notes = tidy_name(record)
    assert (record.name, record.gender, record.ethnicity) == ("李梅", "女", "回族")
    assert [n.zh for n in notes] == [
        "姓名“李梅（女，回族）”已改为“李梅”",
        "从姓名中读出性别：女",
        "从姓名中读出民族：回族",
    ]


def test_a_gender_or_ethnicity_given_wins_over_the_bracket_and_the_conflict_is_noted():
    record = Honouree(name="马红秋(女)", gender="男", ethnicity="汉族")
    notes = tidy_name(record)
    assert (record.name, record.gender, record.ethnicity) == ("马红秋", "男", "汉族")
    assert notes[1].zh == "姓名括注性别为“女”，与填写的性别“男”不一致，已保留“男”"
    assert "kept 男" in notes[1].en
    same = Honouree(name="马红秋(女)", gender="女")
    assert [n.zh for n in tidy_name(same)] == ["姓名“马红秋(女)”已改为“马红秋”"]  # agreeing: nothing to say


def test_remarks_go_to_the_notes_after_what_is_there():
    record = Honouree(name="张三（已故）", notes="原衡阳县人民医院医生")
    notes = tidy_name(record)
    assert record.name == "张三"
    assert record.notes == f"原衡阳县人民医院医生\n{REMARK_PREFIX}已故"
    assert notes[-1].zh == "姓名后的括注“已故”已移入备注"


def test_a_tidy_name_is_left_alone():
    record = Honouree(name="许仲秋", gender="男")
    assert tidy_name(record) == [] and record.name == "许仲秋" and record.notes == ""
