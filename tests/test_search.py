"""Search: every query kind of the search box, on the default roll and on made-up records."""

from __future__ import annotations

import pytest

from honours.core import Honour, Honouree
from honours.core.pinyin import sort_key
from honours.core.query import TextTerm, ValueFilter, parse, split_terms
from honours.core.records import Deed, Donation


@pytest.fixture
def registry(storage):
    """These tests are of behaviour through the storage verbs: `registry` is each storage
    backend in turn (the `storage` fixture, tests/conftest.py)."""
    return storage


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


@pytest.mark.sqlite_only(
    reason="PostgreSQL: the substring stand-in of core/postgres/search.py, not the search of issue 16 yet"
)
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


@pytest.mark.sqlite_only(
    reason="PostgreSQL: the substring stand-in of core/postgres/search.py, not the search of issue 16 yet"
)
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
    registry.add_many(
        [
            Honouree(name="王某", deeds=[Deed("向王明学习")]),  # deeds only
            Honouree(name="李四", unit="王明工作室"),  # unit
            Honouree(name="张王明"),  # name substring
            Honouree(name="王明华"),  # name prefix
            Honouree(name="王明"),  # exact
        ]
    )
    assert names(registry, "王明") == ["王明", "王明华", "张王明", "李四", "王某"]


def test_multi_term_rank_names_before_fields(registry):
    registry.add_many(
        [
            Honouree(name="赵一", deeds=[Deed("与张三一起抗疫")], unit="衡阳"),
            Honouree(name="张三", unit="衡阳市一中"),
        ]
    )
    assert names(registry, "张三 衡阳") == ["张三", "赵一"]


def test_paging_continues_and_jumps(registry):
    registry.add_many(
        [Honouree(name=f"测试{i:04d}", unit="同一单位") for i in range(1, 1201)] + [Honouree(name="同一")]
    )
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
    [
        '"unbalanced',
        "AND",
        "OR",
        "NOT",
        "*",
        "NEAR(",
        "NEAR(a b",
        "'; DROP TABLE honouree; --",
        "name:",
        ":",
        "::",
        "a:b:c",
        "(",
        ")",
        "{name}:x",
        "^",
        "“中文引号",
        '""',
        "-",
        "year:",
        "donation>=",
        "\x00",
        "\\",
        "%",
        "_",
        "' OR 1=1 --",
        'name:"',
        "𠮷",
        "😀",
        "　",
    ],
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


def test_parse_gives_a_backend_neutral_structure():
    parsed = parse(
        "级别:国家级,provincial year:2019..2021,2023 year>2020 donation<10万 posthumous:否 "
        'status:active region:衡阳,耒阳 "张 三"'
    )
    assert parsed.filters == [
        ValueFilter("level", ("national", "provincial")),
        ValueFilter("year", ranges=((2019, 2021), (2023, 2023))),
        ValueFilter("year", ranges=((2021, None),)),  # whole years: >2020 is >=2021
        ValueFilter("donation", ranges=((None, 100_000 * 100 - 1),)),  # 10万 yuan in fen, inclusive
        ValueFilter("posthumous", (True,), negated=True),
        ValueFilter("status", ("active",)),
    ]
    assert parsed.text_terms == [TextTerm("衡阳", ("region",), ("衡阳", "耒阳")), TextTerm("张 三")]
    assert not parsed.errors


# -- value filters: a set of ids, or a lookup per candidate --------------------------------


def _filter_roll(registry) -> dict[int, Honouree]:
    """80 honourees: levels common and rare, years, statuses, donations, repeated names,
    and a few in the trash. Returns the live ones by id."""
    people = []
    for i in range(1, 81):
        honours = []
        if i % 2 == 0:
            honours.append(Honour("衡阳市劳动模范", "municipal", year=2019 + i % 3))
        if i % 5 == 0:
            honours.append(Honour("全国劳动模范", "national", year=2015))
        if i % 7 == 0:
            honours.append(Honour("湖南省劳动模范", "provincial", year=2021, posthumous=i % 14 == 0))
        if i % 8 == 0:
            honours.append(Honour("衡阳市先进工作者", "municipal", year=2020))  # a second honour in range
        if i % 13 == 0:
            honours.append(Honour("县劳动模范", "county"))  # no year
        name = "王芳" if i % 10 == 4 or i == 75 else "王芳华" if i == 12 else f"测试{(i * 37) % 80:02d}"
        people.append(
            Honouree(
                name=name,
                position="护士" if i % 3 == 0 else "医生",
                status="deceased" if i % 9 == 0 else "retired" if i % 4 == 1 else "active",
                honours=honours,
                donations=[Donation(item="口罩", amount_fen=i * 100_000)] if i % 6 == 0 else [],
            )
        )
    added = registry.add_many(people)
    for h in added:
        if h.id % 11 == 3:
            registry.delete(h.id)
    return {h.id: h for h in added if h.id % 11 != 3}


def _years(h: Honouree) -> set[int]:
    return {x.year for x in h.honours if x.year is not None}


FILTER_CASES = [
    ("level:municipal", lambda h: any(x.level == "municipal" for x in h.honours)),
    ("level:national", lambda h: any(x.level == "national" for x in h.honours)),
    ("year:2019..2021", lambda h: bool(_years(h) & {2019, 2020, 2021})),
    ("year:2020", lambda h: 2020 in _years(h)),
    ("year>2015", lambda h: any(y > 2015 for y in _years(h))),
    ("posthumous:yes", lambda h: any(x.posthumous for x in h.honours)),
    (
        "level:municipal status:deceased",
        lambda h: h.status == "deceased" and any(x.level == "municipal" for x in h.honours),
    ),
    (
        "level:municipal year:2020",
        lambda h: any(x.level == "municipal" for x in h.honours) and 2020 in _years(h),
    ),
    (
        "level:municipal year:2020 donation>=1000",
        lambda h: (
            any(x.level == "municipal" for x in h.honours)
            and 2020 in _years(h)
            and h.donation_total_fen >= 100_000
        ),
    ),
]
TEXT_FILTER_CASES = [
    ("护士 level:municipal", "护士", lambda h: any(x.level == "municipal" for x in h.honours)),
    ("王芳 level:municipal", "王芳", lambda h: any(x.level == "municipal" for x in h.honours)),
    ("王芳 year:2019..2021", "王芳", lambda h: bool(_years(h) & {2019, 2020, 2021})),
    (
        "护士 status:active level:national",
        "护士",
        lambda h: h.status == "active" and any(x.level == "national" for x in h.honours),
    ),
    ("医生 year>=2020", "医生", lambda h: any(y >= 2020 for y in _years(h))),
]


def _paged(result, size: int) -> list[int]:
    out: list[int] = []
    while page := result.ids(len(out), size):
        out.extend(page)
    return out


@pytest.mark.sqlite_only
@pytest.mark.parametrize("strategy", ["probe", "set", "merge", "few", "head", "chosen"])
def test_filters_give_the_same_results_as_sets_probes_or_merges(registry, monkeypatch, strategy):
    """Whether a filter is tested as a set, per candidate or merged in id order with the
    search index, the results, their order (the order of the same query without the
    filter), paging and counts are the same. "few": every text taken for a rare one, its
    filters probed, and filters without text sorted whole; "head": only tiers of fewer
    than three rows, and filters that keep fewer than three honourees."""
    from honours.core import search

    live = _filter_roll(registry)
    if strategy in ("probe", "set", "merge"):
        monkeypatch.setattr(search, "FEW_CANDIDATES", 0)
        monkeypatch.setattr(search, "FEW_MATCHES", 0)
        monkeypatch.setattr(search, "PROBE_RATIO", 0 if strategy == "probe" else 10**12)
    elif strategy == "few":
        monkeypatch.setattr(search, "FEW_CANDIDATES", 10**9)
        monkeypatch.setattr(search, "FEW_MATCHES", 10**9)
    elif strategy == "head":
        monkeypatch.setattr(search, "FEW_CANDIDATES", 3)
        monkeypatch.setattr(search, "FEW_MATCHES", 3)
    if strategy in ("probe", "set"):
        sql_filter = search.sql_filter

        def no_merging(parsed):
            flt = sql_filter(parsed)
            flt.ordered_sql = None
            return flt

        monkeypatch.setattr(search, "sql_filter", no_merging)
    cases = [(q, "", pred) for q, pred in FILTER_CASES] + TEXT_FILTER_CASES
    for query, text, keep in cases:
        everyone = registry.search(text).all_ids()
        expected = [i for i in everyone if keep(live[i])]
        assert expected, query  # every case keeps someone, and drops someone
        assert len(expected) < len(everyone), query
        backwards = {
            order: [i for i in registry.search("", order, True).all_ids() if keep(live[i])]
            for order in ("name", "id")
        }
        statements: list[str] = []
        registry.conn.set_trace_callback(statements.append)
        try:
            assert registry.search(query).all_ids() == expected, query
            assert _paged(registry.search(query), 4) == expected, query  # keyset paging
            assert registry.search(query).ids(3, 4) == expected[3:7], query  # a jump
            if not text:
                for order in ("name", "id"):
                    by = registry.search(query, order=order, descending=True)
                    assert _paged(by, 3) == backwards[order], (query, order)
        finally:
            registry.conn.set_trace_callback(None)
        # (the honourees of one exact name, a tier of their own, are few: always probed)
        probed = any(
            "EXISTS (SELECT 1 FROM honour WHERE honouree_id" in s and "h.name = " not in s for s in statements
        )
        honours_filter = any(k in query for k in ("level:", "year", "posthumous"))
        merged = any(" INTERSECT " in s and " MATCH " in s for s in statements)
        walked = any(s.startswith("SELECT h.id, ") and " FROM honouree h WHERE " in s for s in statements)
        one_value = any(k in query for k in ("level:", "status:", "year:2020", "posthumous:yes"))
        if strategy in ("probe", "set", "merge"):
            assert merged == (strategy == "merge" and bool(text) and one_value), query
        if strategy in ("probe", "set"):
            assert probed == (honours_filter and strategy == "probe"), query
        if strategy == "few" and text:
            assert not merged and probed == honours_filter, query
            assert not any("IN (SELECT" in s for s in statements if "NOT IN (SELECT" not in s), query
        if strategy == "few" and not text:  # sorted whole: one-value filters only, one on honours
            assert walked != (
                honours_filter
                and all(
                    t.startswith(("level:", "status:", "year:2020", "posthumous:yes")) for t in query.split()
                )
            ), query
        if strategy in ("probe", "set", "merge"):
            assert walked == (not text), query
        assert registry.search(query).count() == len(expected), query


@pytest.mark.sqlite_only
def test_common_filter_is_probed_rare_one_read_as_a_set_one_value_merged(registry, monkeypatch):
    from honours.core import search

    monkeypatch.setattr(search, "FEW_CANDIDATES", 0)  # this roll's texts are all rare enough to probe,
    monkeypatch.setattr(search, "FEW_MATCHES", 0)  # and its filters' matches few enough to sort
    _filter_roll(registry)  # 50 municipal honours, 16 national, 61 in 2019..2021, 16 in 2015
    for query, way in [
        ("level:municipal", "probe"),
        ("level:national", "set"),
        ("护士 year:2019..2021", "probe"),
        ("护士 year:2015..2016", "set"),
        ("护士 level:national", "merge"),
        ("护士 level:municipal", "merge"),
    ]:
        statements: list[str] = []
        registry.conn.set_trace_callback(statements.append)
        try:
            # a page of 5 from a roll of 80: probing pays from sqrt(3 × 5 × 80) = 34 rows
            registry.search(query).ids(0, 5)
        finally:
            registry.conn.set_trace_callback(None)
        statements = [s for s in statements if "h.name = " not in s]  # the exact-name tier always probes
        assert any("EXISTS (SELECT 1 FROM honour" in s for s in statements) == (way == "probe"), query
        assert any("IN (SELECT honouree_id FROM honour" in s for s in statements) == (way == "set"), query
        assert any(" INTERSECT SELECT o.honouree_id FROM honour" in s for s in statements) == (
            way == "merge"
        ), query


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    ("merge", "share", "plan"),
    [
        (3, 0.25, "UNION"),  # as shipped: up to three years merged in honouree order
        (1, 10**9, "GROUP BY"),  # more years than merged, a small share of all honours: sorted
        (1, 0, "INDEXED BY"),  # a large share: the honouree-order index read whole
    ],
)
def test_year_counts_by_every_plan(registry, monkeypatch, merge, share, plan):
    from honours.core import search

    live = _filter_roll(registry)
    monkeypatch.setattr(search, "MERGE_YEARS_MAX", merge)
    monkeypatch.setattr(search, "FULL_SCAN_SHARE", share)
    cases = [
        ("year:2019..2021", {2019, 2020, 2021}),
        ("year:2020", {2020}),
        ("year>=2015", None),
        ("year:..2019", {2015, 2019}),
        ("year:2019..2030", {2019, 2020, 2021}),
        ("year:2030", set()),
        ("year:2021..2019", set()),
        ("year<2021", {2015, 2019, 2020}),
    ]
    statements: list[str] = []
    registry.conn.set_trace_callback(statements.append)
    try:
        for query, years in cases:
            expected = sum(
                1 for h in live.values() if (_years(h) & years if years is not None else _years(h))
            )
            assert registry.search(query).count() == expected, query
    finally:
        registry.conn.set_trace_callback(None)
    assert any(plan in s for s in statements)
    for query in ("level:municipal", "posthumous:yes", "level:county"):  # one value: no plan to choose
        result = registry.search(query)
        assert result.count() == len(result.all_ids()) > 0, query


def test_names_that_read_alike_are_listed_by_name_whatever_order_they_came_in(registry):
    for name in ("章伟", "张伟", "张玮"):  # zhang1 wei3 all: the name breaks the tie
        registry.add(Honouree(name=name))
    listed = [s.name for s in registry.summaries(registry.search("").all_ids())]
    assert listed == sorted(["章伟", "张伟", "张玮"], key=sort_key)
    assert listed.index("张伟") < listed.index("章伟")


# -- several values of one qualifier: either of them ----------------------------------------


def ids(registry, query: str) -> set[int]:
    result = registry.search(query)
    found = result.all_ids()
    assert result.count() == len(found), query  # the count agrees with the rows
    return set(found)


@pytest.mark.parametrize(
    "query",
    [
        "level:national,provincial",
        "level:国家级,省级",
        "level:国家级，省级",
        "级别:国家级、省级",
        "level:national,省级",
        "level:national, provincial",
    ],
)
def test_values_separated_by_commas_mean_either(roll, query):
    national, provincial = ids(roll, "level:national"), ids(roll, "level:provincial")
    assert national - provincial and provincial - national
    assert ids(roll, query) == national | provincial
    assert not parse(query).errors


def test_separate_qualifiers_still_mean_both(roll):
    both = ids(roll, "level:national level:provincial")
    assert both == ids(roll, "level:national") & ids(roll, "level:provincial")
    assert both != ids(roll, "level:national,provincial")


def test_either_for_status_category_year_and_text_fields(roll):
    assert ids(roll, "status:active,deceased") == ids(roll, "status:active") | ids(roll, "status:牺牲")
    assert ids(roll, "category:医务工作者,集体") == ids(roll, "category:medical") | ids(
        roll, "category:collective"
    )
    assert ids(roll, "year:2019,2020") == ids(roll, "year:2019") | ids(roll, "year:2020")
    assert ids(roll, "year:2015..2016,2020") == ids(roll, "year:2015..2016") | ids(roll, "year:2020")
    assert ids(roll, "region:耒阳,南岳") == ids(roll, "region:耒阳") | ids(roll, "region:南岳")
    assert ids(roll, "name:许仲秋,宋英杰") == ids(roll, "许仲秋") | ids(roll, "宋英杰")
    # with other terms, either is still narrowed by them
    assert ids(roll, "医院 level:national,provincial") == ids(roll, "医院") & (
        ids(roll, "level:national") | ids(roll, "level:provincial")
    )
    assert ids(roll, "donation>=1,000") == ids(roll, "donation>=1000")  # an amount's comma is not a list


def test_a_list_with_an_unknown_value_is_an_error_not_a_wider_search(roll):
    parsed = parse("level:国家级,宇宙级")
    assert len(parsed.errors) == 1 and "国家级,宇宙级" in parsed.errors[0][1]
    assert ids(roll, "level:国家级,宇宙级") == set()  # searched as the text typed, which nobody has
    assert parse("year:2019,abc").errors
    assert parse("五一").errors == [] and parse("？？").errors == [] and parse("？？").notices
