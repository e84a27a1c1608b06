"""Honour titles (core/titles.py): the table of well-known titles and the level of any other title."""

from __future__ import annotations

import pytest

from honours.core.entry import honouree_from_json, tidy_given
from honours.core.records import Honour, Honouree, Level
from honours.core.spreadsheet import infer_level as sheet_infer_level
from honours.core.titles import WELL_KNOWN, complete_honour, known_title, title_key, title_level


@pytest.mark.parametrize(
    "title, level",
    [
        # well-known titles without a place in them
        ("大国工匠年度人物", "national"),
        ("最美职工", "national"),
        ("全国道德模范", "national"),
        ("中央企业劳动模范", "national"),
        ("全国五一劳动奖章", "national"),
        ("全国劳动模范", "national"),
        ("全国先进工作者", "national"),
        ("全国五一巾帼标兵", "national"),
        ("全国工人先锋号", "national"),
        ("全国三八红旗手", "national"),
        ("中华技能大奖", "national"),
        ("全国技术能手", "national"),
        ("全国优秀农民工", "national"),
        ("大国工匠", "national"),
        ("时代楷模", "national"),
        ("七一勋章", "national"),
        ("感动中国人物", "national"),
        ("西藏工匠", "provincial"),
        ("开发建设新疆奖章", "provincial"),
        ("天山英才", "provincial"),
        ("齐鲁大工匠", "provincial"),
        ("三秦工匠", "provincial"),
        ("首都劳动奖章", "provincial"),
        # level words and places at the start; the most local one wins
        ("省部级劳动模范", "provincial"),
        ("省级劳动模范", "provincial"),
        ("省劳动模范", "provincial"),
        ("湖南省劳动模范", "provincial"),
        ("广西壮族自治区劳动模范", "provincial"),
        ("兵团劳动模范", "provincial"),  # the Xinjiang Production and Construction Corps
        ("新疆生产建设兵团劳动模范", "provincial"),
        ("北京市劳动模范", "provincial"),
        ("芙蓉工匠", "provincial"),
        ("龙江工匠", "provincial"),
        ("湖南省最美职工", "provincial"),
        ("衡阳市劳动模范", "municipal"),
        ("湖南省衡阳市五一劳动奖章", "municipal"),
        ("市劳动模范", "municipal"),
        ("衡阳市三八红旗手", "municipal"),
        ("衡阳市优秀乡村医生", "municipal"),
        ("全市抗疫先进个人", "municipal"),
        ("耒阳市劳动模范", "county"),
        ("衡阳县优秀教师", "county"),
        ("衡阳市南岳区先进工作者", "county"),
        ("北京市朝阳区劳动模范", "county"),
        ("区优秀教师", "county"),
        # nothing that names a level
        ("五一劳动奖章", "other"),
        ("优秀社区工作者", "other"),
        ("市场监管先进个人", "other"),
        ("五四红旗团委", "other"),
        ("三八红旗手", "other"),
        ("东方电气集团劳动模范", "other"),  # a company's, not 东方市's
        ("东方市劳动模范", "county"),
    ],
)
def test_level_of_a_title(title, level):
    assert title_level(title).level == level
    assert sheet_infer_level(title) == level  # the sheet reader asks the same table


@pytest.mark.parametrize(
    "title, body",
    [
        ("全国劳动模范", "中共中央、国务院"),
        ("全国先进工作者", "中共中央、国务院"),
        ("全国五一劳动奖章", "中华全国总工会"),
        ("全国三八红旗手", "全国妇联"),
        ("中华技能大奖", "人力资源社会保障部"),
        ("中央企业劳动模范", "人力资源社会保障部、国务院国资委"),
        ("2019年度全国劳动模范", "中共中央、国务院"),
        ("“全国五一劳动奖章”称号", "中华全国总工会"),
        ("全国道德模范", ""),  # several bodies: none guessed
        ("衡阳市劳动模范", ""),
    ],
)
def test_awarding_body_of_a_well_known_title(title, body):
    assert title_level(title).awarded_by == body


def test_the_table_is_well_formed():
    assert len(WELL_KNOWN) >= 40
    for key, known in WELL_KNOWN.items():
        assert key == known.title == title_key(known.title)
        assert known.level in {lv.value for lv in Level}
        assert title_level(known.title).reason == f"{known.title}: well-known title"


def test_title_key_takes_off_year_session_and_title_words():
    assert title_key("2019年度全国劳动模范") == "全国劳动模范"
    assert title_key("第七届全国道德模范") == "全国道德模范"
    assert title_key("全国五一劳动奖章获得者") == "全国五一劳动奖章"
    assert title_key("全国劳动模范（2020年）") == "全国劳动模范"
    assert known_title("  “最美职工”荣誉称号") is WELL_KNOWN["最美职工"]
    assert known_title("湖南省最美职工") is None


def test_the_reason_says_which_place_decided():
    assert title_level("耒阳市劳动模范").reason == "耒阳市: county-level city (table)"
    assert title_level("五一劳动奖章").reason == ": no level word"
    assert not title_level("五一劳动奖章").has_level_word


def test_complete_honour_fills_a_missing_level_and_body_but_an_explicit_level_wins():
    honour = Honour(title="全国劳动模范")
    complete_honour(honour, level_given=False)
    assert (honour.level, honour.awarded_by) == ("national", "中共中央、国务院")
    chosen = Honour(title="全国劳动模范", level="provincial", awarded_by="国务院")
    complete_honour(chosen, level_given=True)
    assert (chosen.level, chosen.awarded_by) == ("provincial", "国务院")
    other = Honour(title="五一劳动奖章", level="other")
    complete_honour(other, level_given=True)
    assert other.level == "other"


def test_json_entry_reads_levels_only_where_none_is_given():
    record, notes = honouree_from_json(
        {
            "name": "贺 彪",
            "honours": [
                "大国工匠年度人物",
                {"title": "西藏工匠"},
                {"title": "全国劳动模范", "level": "provincial"},
                {"title": "衡阳市劳动模范", "level": ""},
                {"title": "最美职工", "awarded_by": "某单位"},
            ],
        }
    )
    assert record.name == "贺彪" and [n.zh for n in notes] == ["姓名“贺 彪”已改为“贺彪”"]
    assert [(h.level, h.awarded_by) for h in record.honours] == [
        ("national", "中华全国总工会、中央广播电视总台"),
        ("provincial", ""),
        ("provincial", "中共中央、国务院"),
        ("municipal", ""),
        ("national", "某单位"),
    ]


def test_an_edit_tidies_only_what_it_changes():
    record = Honouree(name="王 五", honours=[Honour("衡阳市劳动模范", "other")])
    assert tidy_given(record, {"notes": "x"}) == [] and record.name == "王 五"
    assert record.honours[0].level == "other"
    tidy_given(record, {"honours": [{"title": "衡阳市劳动模范"}]})
    assert record.honours[0].level == "municipal" and record.name == "王 五"


def test_a_city_named_with_zhen_is_a_city_not_a_town():
    assert title_level("景德镇市五一劳动奖章").level == "municipal"
    assert title_level("新安镇劳动模范").level == "other"


def test_those_chosen_to_be_trained_for_a_well_known_title_share_its_level():
    assert title_level("大国工匠培育对象").level == "national"
    assert known_title("大国工匠培育对象") is known_title("大国工匠")


def test_the_whole_region_of_an_autonomous_region_and_the_provincial_capital():
    assert title_level("全区劳动模范", "内蒙古自治区总工会表彰全区劳动模范").level == "provincial"
    assert title_level("全区劳动模范", "雁峰区表彰全区劳动模范").level == "county"
    assert title_level("省会十大工匠").level == "municipal"  # 省会: the capital city, not the province
    assert title_level("省劳动模范").level == "provincial"


def test_a_county_named_by_one_character():
    assert title_level("赣县劳动模范").level == "county"
    assert title_level("叶县先进工作者").level == "county"
