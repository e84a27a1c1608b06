"""Search: every query kind of the search box, on the default roll and on made-up records."""

from __future__ import annotations

import pytest

from honours.core import Honour, Honouree
from honours.core.records import Deed, Donation
from honours.core.pinyin import sort_key
from honours.core.search import parse, split_terms


def names(registry, query: str, limit: int = 200) -> list[str]:
    result = registry.search(query)
    return [s.name for s in registry.summaries(result.ids(0, limit))]


# -- substring matching, one and two characters included -------------------------------

@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("云", {"白云"}),
        ("五一", {"宋英杰", "柏太柱"}),
        ("劳动模范", {"谷井文", "许仲秋", "罗芳初", "蒋亚华"}),
        ("湘油泵", {"许仲秋"}),
        ("口罩", {"蒋芳花", "罗芳初"}),
        ("南岳区", {"罗玉芳", "李小平"}),
        ("呼吸内科", {"詹济舟"}),
        ("火神山", {"衡阳水电、建筑工人"}),
    ],
)
def test_substring_anywhere(roll, query, expected):
    assert set(names(roll, query)) == expected


def test_count_matches_ids(roll):
    for query in ["市", "五一", "劳动模范", "syj", "level:provincial", ""]:
        result = roll.search(query)
        assert result.count() == len(result.all_ids())


# -- pinyin -----------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["songyingjie", "song", "syj", "SYJ", "songy"])
def test_pinyin_of_names(roll, query):
    assert names(roll, query)[0] == "宋英杰"


def test_pinyin_initials_prefix(roll):
    assert "许仲秋" in names(roll, "xz")


def test_pinyin_of_units(roll):
    # 湘油泵 → xiangyoubeng / xyb
    assert names(roll, "xiangyou") == ["许仲秋"]
    assert "许仲秋" in names(roll, "xyb")


def test_polyphonic_surname_readings(registry):
    registry.add(Honouree(name="单绪平", unit="衡阳市总工会"))
    assert names(registry, "shanxuping") == ["单绪平"]
    assert names(registry, "sxp") == ["单绪平"]


# -- several terms, qualifiers, values --------------------------------------------------

def test_terms_are_anded(roll):
    assert set(names(roll, "市中心医院 五一")) == {"柏太柱"}
    assert names(roll, "五一 湘油泵") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("name:白", {"白云"}),
        ("unit:中心医院", {"詹济舟", "柏太柱", "衡阳援鄂医疗队"}),
        ("honour:劳动模范", {"谷井文", "许仲秋", "罗芳初", "蒋亚华"}),
        ("award:五一", {"宋英杰", "柏太柱"}),
        ("region:耒阳", {"谷井文", "蒋芳花", "蒋亚华"}),
        ("position:董事长", {"许仲秋", "罗芳初"}),
        ("level:provincial", {"柏太柱", "李小平", "许仲秋", "罗芳初"}),
        ("level:省级", {"柏太柱", "李小平", "许仲秋", "罗芳初"}),
        ("level:national", {"詹济舟", "谷井文", "柏太柱"}),
        ("level:county", {"白云"}),
        ("status:deceased", {"宋英杰"}),
        ("status:已故", {"宋英杰"}),
        ("donation>=100000", {"许仲秋", "罗芳初"}),
        ("donation>100000", {"许仲秋"}),
        ("donation:10万..50万", {"许仲秋", "罗芳初"}),
        ("donation<=100000 donation>0", {"罗芳初"}),
        ("posthumous:yes", {"宋英杰"}),
        ("category:collective", {"衡阳援鄂医疗队", "衡阳水电、建筑工人"}),
        ("name:白 level:county", {"白云"}),
        ("unit:五一", set()),  # qualified terms look only in their field
    ],
)
def test_qualifiers(roll, query, expected):
    assert set(names(roll, query)) == expected


def test_year_ranges(registry):
    registry.add(Honouree(name="甲", honours=[Honour("衡阳市劳动模范", "municipal", year=2019)]))
    registry.add(Honouree(name="乙", honours=[Honour("湖南省劳动模范", "provincial", year=2021)]))
    registry.add(Honouree(name="丙", honours=[Honour("全国劳动模范", "national", year=2015)]))
    assert set(names(registry, "year:2019..2021")) == {"甲", "乙"}
    assert set(names(registry, "year:2021")) == {"乙"}
    assert set(names(registry, "year>=2019")) == {"甲", "乙"}
    assert set(names(registry, "year<2019")) == {"丙"}
    assert set(names(registry, "year:..2019")) == {"甲", "丙"}
    assert set(names(registry, "劳动模范 year:2015")) == {"丙"}


def test_unreadable_values_give_notices_not_errors(roll):
    for query in ["year:abc", "level:galactic", "donation>=lots", "status:sleeping", "posthumous:maybe"]:
        result = roll.search(query)
        assert result.notices, query
        en, zh = result.notices[0]
        assert en and zh
        assert result.ids(0, 10) == [] and result.count() == 0  # taken as literal text, matching nobody


# -- ranking ----------------------------------------------------------------------------

def test_rank_exact_then_prefix_then_name_then_fields_then_deeds(registry):
    registry.add_many([
        Honouree(name="王某", deeds=[Deed("向王明学习")]),           # deeds only
        Honouree(name="李四", unit="王明工作室"),                    # unit
        Honouree(name="张王明"),                                   # name substring
        Honouree(name="王明华"),                                   # name prefix
        Honouree(name="王明"),                                     # exact
    ])
    assert names(registry, "王明") == ["王明", "王明华", "张王明", "李四", "王某"]


def test_multi_term_rank_names_before_fields(registry):
    registry.add_many([
        Honouree(name="赵一", deeds=[Deed("与张三一起抗疫")], unit="衡阳"),
        Honouree(name="张三", unit="衡阳市一中"),
    ])
    assert names(registry, "张三 衡阳") == ["张三", "赵一"]


def test_paging_continues_and_jumps(registry):
    registry.add_many([Honouree(name=f"测试{i:04d}", unit="同一单位") for i in range(1, 1201)]
                      + [Honouree(name="同一")])
    result = registry.search("同一")
    first = result.ids(0, 200)
    second = result.ids(200, 200)
    assert len(first) == 200 and len(second) == 200
    assert not set(first) & set(second)
    jumped = registry.search("同一").ids(200, 200)
    assert jumped == second
    everything = result.all_ids()
    assert len(everything) == 1201 == result.count()
    assert registry.summaries(everything[:1])[0].name == "同一"  # exact name ranks first


def test_trash_is_not_searched(roll):
    song = roll.search("宋英杰").ids()[0]
    roll.delete(song)
    assert names(roll, "宋英杰") == []
    assert roll.search("").count() == 13
    roll.restore(song)
    assert names(roll, "宋英杰") == ["宋英杰"]


def test_column_order(roll):
    result = roll.search("", order="donation", descending=True)
    top = roll.summaries(result.ids(0, 2))
    assert [s.name for s in top] == ["许仲秋", "罗芳初"]
    by_name = [s.name for s in roll.summaries(roll.search("医院", order="name").ids())]
    assert len(by_name) > 2
    assert by_name == sorted(by_name, key=sort_key)
    descending = [s.name for s in roll.summaries(roll.search("医院", order="name", descending=True).ids())]
    assert descending == by_name[::-1]


def test_empty_query_lists_everyone_in_pinyin_order(roll):
    ordered = [s.name for s in roll.summaries(roll.search("").ids(0, 3))]
    assert ordered == ["白云", "柏太柱", "曹华华"]


def test_index_follows_edits(roll):
    hid = roll.search("许仲秋").ids()[0]
    h = roll.honouree(hid)
    h.unit = "湖南湘油泵股份有限公司"
    h.honours.append(Honour("全国劳动模范", "national"))
    h.donations.append(Donation(item="呼吸机", quantity=2, quantity_unit="台"))
    roll.update(h)
    assert names(roll, "股份有限") == ["许仲秋"]
    assert "许仲秋" in names(roll, "level:national")
    assert names(roll, "呼吸机") == ["许仲秋"]


# -- hostile and malformed queries -------------------------------------------------------

@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "AND", "OR", "NOT", "*", "NEAR(", "NEAR(a b", "'; DROP TABLE honouree; --",
     "name:", ":", "::", "a:b:c", "(", ")", "{name}:x", "^", "“中文引号", '""', "-", "year:", "donation>=",
     "\x00", "\\", "%", "_", "' OR 1=1 --", "name:\"", "𠮷", "😀", "　"],
)
def test_malformed_queries_never_raise(roll, query):
    result = roll.search(query)
    result.ids(0, 50)
    result.count()
    assert roll.count() == 14  # nothing touched


def test_sql_fragment_is_plain_text(roll):
    assert names(roll, "'; DROP TABLE honouree; --") == []
    assert roll.count() == 14


def test_quoted_phrase_with_space(registry):
    registry.add(Honouree(name="甲", notes="LED 屏幕 捐赠"))
    registry.add(Honouree(name="乙", notes="LED灯"))
    assert names(registry, '"LED 屏幕"') == ["甲"]


def test_symbols_only_term_is_ignored_with_notice(roll):
    result = roll.search("*")
    assert result.notices
    assert result.count() == 14


def test_rare_characters_and_emoji_are_searchable(registry):
    registry.add(Honouree(name="𠮷野家", deeds=[Deed("捐赠😀物资")]))
    assert names(registry, "𠮷") == ["𠮷野家"]
    assert names(registry, "😀") == ["𠮷野家"]


def test_fullwidth_and_case_folded(registry):
    registry.add(Honouree(name="甲", unit="ABC公司"))
    assert names(registry, "ａｂｃ") == ["甲"]
    assert names(registry, "abc") == ["甲"]


def test_split_terms_respects_quotes():
    assert split_terms('a "b c" “d e” f') == ["a", "b c", "d e", "f"]
    assert split_terms('x "unbalanced y') == ["x", "unbalanced y"]


def test_parse_keeps_unknown_keys_as_text():
    parsed = parse("10:30 http://x")
    assert [t.text for t in parsed.text_terms] == ["10:30", "http://x"]
    assert not parsed.filters
