"""Report intake reads names and title levels the way every other way in does (core/names.py, core/titles.py)."""

from __future__ import annotations

from honours.core.intake import analyse_text


def people(text: str) -> dict[str, object]:
    return {p.name: p.honouree for p in analyse_text(text).proposals}


def test_a_published_list_with_brackets_padding_and_odd_dots():
    found = people(
        "荣获全国五一劳动奖章的有：唐纯玉（瑶族）、马红秋(女)、沙吾尔•芒力克、贺  彪、苏　华、李梅（女，回族）。"
    )
    assert list(found) == ["唐纯玉", "马红秋", "沙吾尔·芒力克", "贺彪", "苏华", "李梅"]
    assert found["唐纯玉"].ethnicity == "瑶族" and found["唐纯玉"].gender == ""
    assert found["马红秋"].gender == "女"
    assert (found["李梅"].gender, found["李梅"].ethnicity) == ("女", "回族")
    for person in found.values():
        assert [(h.title, h.level, h.awarded_by) for h in person.honours] == [
            ("全国五一劳动奖章", "national", "中华全国总工会")
        ]


def test_well_known_titles_without_a_place_get_their_level_and_body():
    found = people(
        "大国工匠年度人物张三丰扎根一线三十年。西藏工匠王建军带领徒弟攻克难关。2020年，王芳获评最美职工。"
    )
    levels = {name: [(h.title, h.level, h.awarded_by) for h in h_.honours] for name, h_ in found.items()}
    assert levels["张三丰"] == [("大国工匠年度人物", "national", "中华全国总工会、中央广播电视总台")]
    assert levels["王建军"] == [("西藏工匠", "provincial", "")]
    assert levels["王芳"] == [("最美职工", "national", "中共中央宣传部、中华全国总工会")]


def test_two_spellings_of_a_dotted_name_are_one_person():
    result = analyse_text("沙吾尔•芒力克荣获全国劳动模范称号。沙吾尔・芒力克表示，荣誉属于大家。")
    assert [p.name for p in result.proposals] == ["沙吾尔·芒力克"]
    assert result.proposals[0].honouree.honours[0].awarded_by == "中共中央、国务院"


def test_a_report_that_names_the_awarding_body_keeps_it():
    found = people(
        "连续奋战10天的衡阳县人民医院护士刘强，年仅30岁，省总工会授予他“全国五一劳动奖章”荣誉称号。"
    )
    assert [(h.title, h.level, h.awarded_by) for h in found["刘强"].honours] == [
        ("全国五一劳动奖章", "national", "省总工会")
    ]  # the report's words, not the table's
