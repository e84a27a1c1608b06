"""The person-name tagger beside the reader's rules (recogniser.py, unclaimed.py).

Made-up names in the shapes of real reports the rules alone missed: the honour a title names goes
to the name the tagger sees beside it, never to the official who presents it, a reporter, or a
name inside a title. Skipped where the optional tagger (``pip install honours[intake]``) is missing.
"""

from __future__ import annotations

import pytest

from honours.core.intake import analyse_text, recogniser

pytest.importorskip("thulac")


def _people(text: str) -> dict:
    return {p.name: p.honouree for p in analyse_text(text).proposals}


def _honours(h) -> list[tuple[str, str]]:
    return [(x.title, x.level) for x in h.honours]


def test_the_tagger_finds_names_with_their_spans():
    text = "省劳模李小明在车间工作"
    names = recogniser.person_names(text)
    assert [(n.name, text[n.start : n.end]) for n in names] == [("李小明", "李小明")]
    assert recogniser.person_names("") == ()


def test_the_one_given_a_certificate_not_the_official_who_gives_it():
    text = "会上，市总工会主席王建国为吴杰峰颁发先进工作者证书。"
    people = _people(text)
    assert set(people) == {"吴杰峰"}
    assert _honours(people["吴杰峰"]) == [("先进工作者", "other")]


def test_transliterated_names_the_tagger_cuts_in_parts_are_one_name():
    # made-up names in the shapes of Uyghur names: a dot the tagger keeps with a part, a dot
    # standing alone after a part it takes for a place, and a name run together without its dot
    text = "区总工会慰问了全国劳动模范古扎丽努尔·阿不力孜和库尔班江·巴拉提。"
    assert [n.name for n in recogniser.person_names(text)] == ["古扎丽努尔·阿不力孜", "库尔班江·巴拉提"]
    names = recogniser.person_names("全国五一劳动奖章获得者吐尔地白克艾力甫在会上发言。")
    assert [n.name for n in names] == ["吐尔地白克艾力甫"]
    # two Han names written without a mark between them stay two names
    assert [n.name for n in recogniser.person_names("王小明李华张伟获奖。")] == ["王小明", "李华", "张伟"]


def test_without_the_tagger_the_rules_stay_silent_rather_than_guess(rules_alone):
    assert _people("会上，市总工会主席王建国为吴杰峰颁发先进工作者证书。") == {}
    assert recogniser.person_names("省劳模李小明在车间工作") == ()


def test_an_honour_given_to_a_comrade_named_after_it():
    people = _people("2023年度全国五一劳动奖章，授予了覃海燕同志。")
    assert _honours(people["覃海燕"]) == [("全国五一劳动奖章", "national")]


def test_a_name_read_one_character_too_long_ends_where_the_tagger_ends_it():
    people = _people("获评全国五一劳动奖章的秦毅来自市第一人民医院。")
    assert set(people) == {"秦毅"}


def test_a_title_right_before_a_tagged_name_and_its_unit_after():
    people = _people("在四川省劳模程孝义的带领下，班组连续三年安全生产。")
    assert _honours(people["程孝义"]) == [("四川省劳模", "provincial")]


def test_presenters_officials_and_names_inside_titles_are_never_credited():
    assert _people("会上，市委副书记李建华为全国劳动模范颁奖。") == {}
    assert _people("大会表彰了白求恩奖章获得者。") == {}
    assert "习近平" not in _people("习近平总书记向全国劳动模范致以节日的祝贺。")


def test_a_post_in_a_company_is_no_title_for_the_tagger_to_give():
    people = _people("中车株洲电力机车有限公司首席技师易冬平个人捐款2万元。")
    h = people["易冬平"]
    assert (h.honours, h.unit, h.position) == ([], "中车株洲电力机车有限公司", "首席技师")


def test_a_name_with_no_han_surname_between_list_marks_is_read_by_the_tagger():
    text = "荣获全国三八红旗手标兵称号的优秀女性：（第一排从左至右）朱小婷、卓嘎、央宗、王仕芳。"
    assert {"卓嘎", "央宗"} <= set(_people(text))


def test_a_tagged_word_that_no_list_mark_bounds_is_no_name():
    assert "市海斯" not in _people("荣获全国劳动模范称号6人，分别是：市海斯?；某公司技术总监张运文。")


def test_a_title_said_of_them_all_is_not_given_to_the_last_one_named():
    text = "坐着轮椅讲课的张晓霞，获得过很多荣誉，他们是激励人们砥砺前行的时代楷模。"
    assert "张晓霞" not in _people(text)


def test_the_official_shaking_hands_with_model_workers_is_not_one():
    text = (
        "兴宾区为受表彰的先进集体和个人举办奖励仪式。周灵一一与劳动模范、先进工作者握手，献上鲜花、颁发奖章。"
    )
    assert "周灵" not in _people(text)


def test_a_tagged_holder_takes_the_unit_and_post_another_sentence_gives():
    text = (
        "随后，慰问组来到哈尔滨红光锅炉集团，看望慰问全国劳模徐在山。"
        "徐在山是哈尔滨红光锅炉集团有限公司党委书记、董事长，1995年起任职。"
    )
    h = _people(text)["徐在山"]
    assert (h.unit, h.position) == ("哈尔滨红光锅炉集团有限公司", "党委书记、董事长")


def test_a_tagged_holder_takes_the_unit_and_post_before_the_title():
    h = _people("成中集团董事长、四川省劳模程孝义倾情教育，不遗余力。")["程孝义"]
    assert (h.unit, h.position) == ("成中集团", "董事长")


def test_a_tagged_holder_takes_the_unit_written_with_de_before_the_name():
    text = "江苏洛克电气有限公司的高志结高中毕业后来常务工，靠着不懈努力，获得全国劳动模范称号。"
    assert _people(text)["高志结"].unit == "江苏洛克电气有限公司"


def test_a_list_the_rules_stop_in_goes_on_over_tagged_names():
    people = _people("走访慰问了全国劳模应佑华、徐在山，送上慰问金。")
    assert {"应佑华", "徐在山"} <= set(people)
    assert _honours(people["徐在山"]) == [("全国劳模", "national")]


def test_a_list_goes_on_over_tagged_names_only_while_list_marks_join_them():
    people = _people("全国劳模应佑华和区委书记林纪平一起参观。")
    assert "林纪平" not in people


def test_a_place_the_tagger_calls_a_name_holds_no_title():
    text = "【记者张淑慧/高雄报导】高雄市表扬85名模范劳工，今日除感谢这群基层英雄为高雄发展辛勤付出外，也表扬模范劳工王仲武。"
    assert "高雄" not in _people(text)


def test_a_tagged_name_a_post_and_a_clause_mark_bound_is_the_holder():
    text = (
        "“自治区五一劳动奖章”获得者——那曲特殊教育学校校长次仁拉姆，带领教职员工不懈努力。\n"
        "2018年度“西藏工匠”荣誉称号获得者——扎西尼玛，在平凡的电力检修岗位上坚守25年。"
    )
    people = _people(text)
    assert (people["次仁拉姆"].unit, people["次仁拉姆"].position) == ("那曲特殊教育学校", "校长")
    assert _honours(people["扎西尼玛"]) == [("西藏工匠", "provincial")]
    people = _people("全国劳模王大明说，他很高兴。")  # a verb after the name is no part of it
    assert "王大明" in people and "王大明说" not in people


def test_leaders_who_present_the_prizes_hold_none():
    text = (
        "“五一”国际劳动节前夕，省领导訚柏、马吉孝、刘格平、王黎明分别以座谈交流、现场慰问等形式，"
        "为2022年获全国、全省五一劳动奖状、奖章和工人先锋号先进集体和个人颁奖。"
    )
    assert not {"訚柏", "马吉孝", "刘格平", "王黎明"} & set(_people(text))


def test_a_title_before_a_name_the_surname_list_lacks_and_a_verb_before_the_place():
    text = "活动中，县总工会邀请济宁市劳模寻庆华和金乡县蒜都工匠贾海明分别为广大师生作了报告。"
    people = _people(text)
    assert _honours(people["寻庆华"]) == [("济宁市劳模", "municipal")]
    assert _honours(people["贾海明"]) == [("金乡县蒜都工匠", "county")]
    text = "宣讲当天，全国劳动模范额尔敦达来在东乌珠穆沁旗向牧民讲述扎根草原的故事。"
    assert "额尔敦达" not in _people(text)  # the tagger's name stops short of 来: no guess


def test_a_conjunction_or_preposition_before_a_word_is_no_surname():
    text = "杭州市美术职业学校的教师和学生走进社区，为社区的劳模画肖像。85岁的劳动模范陈美明接过肖像画。"
    assert set(_people(text)) == {"陈美明"}
    text = "全总号召全国广大职工向受到表彰的先进集体学习。蒋敏明等20名公安民警获全国五一劳动奖章。"
    assert set(_people(text)) == {"蒋敏明"}
    # a real surname 向 before a given name stays a name
    assert set(_people("全国劳动模范向警予捐款1000元。")) == {"向警予"}
