"""Hostile text and search input: rare CJK, emoji, huge deeds, control characters, and search
strings that look like SQL or FTS syntax. Everything is stored exactly or refused with a
clear message; searching never raises and never changes what is stored."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from honours.core import Registry
from honours.core.errors import InvalidRecordError
from honours.core.records import Deed, Donation, Honour, Honouree
from honours.core.seed import seed
from honours.core.sqlite.check import check

RARE = "𠮷𡈽𪚥"  # CJK outside the Basic Multilingual Plane (surrogate pairs in UTF-16)
EMOJI = "🏅👩‍⚕️🇨🇳"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """One registry for the module's fuzzing: the default roll plus the hostile records."""
    registry = Registry.open(tmp_path_factory.mktemp("hostile") / "hostile.sqlite")
    seed(registry)
    registry.add(Honouree(name="𠮷田花子", unit="𡈽城医院", deeds=[Deed(text="救治患者𪚥人")]))
    registry.add(Honouree(name="笑脸🏅王", position="护士长👩‍⚕️", honours=[Honour(title="最美护士🇨🇳")]))
    registry.add(Honouree(name="长事迹者", deeds=[Deed(text="抗疫" * 5000)]))
    yield registry
    registry.close()


def snapshot(registry: Registry) -> list[dict]:
    ids = sorted([*registry.all_ids(), *(row[0] for row in registry.trash())])
    return [registry.honouree(i, include_deleted=True).to_dict() for i in ids]


# -- text that is stored -------------------------------------------------------------------


def test_rare_cjk_and_emoji_round_trip_and_are_findable(hostile):
    rare = hostile.search("𠮷").ids()
    assert [hostile.honouree(i).name for i in rare] == ["𠮷田花子"]
    assert hostile.search("𡈽城").count() == 1 and hostile.search("𪚥").count() == 1
    assert hostile.search("name:𠮷田").count() == 1
    smiley = hostile.search("🏅").ids()
    assert [hostile.honouree(i).name for i in smiley] == ["笑脸🏅王"]
    assert hostile.search("👩‍⚕️").count() == 1 and hostile.search("🇨🇳").count() == 1
    assert hostile.honouree(smiley[0]).position == "护士长👩‍⚕️"


def test_ten_thousand_character_deed_is_kept_whole_and_searchable(hostile):
    [honouree_id] = hostile.search("长事迹者").ids()
    deed = hostile.honouree(honouree_id).deeds[0].text
    assert len(deed) == 10000 and deed == "抗疫" * 5000
    assert honouree_id in hostile.search("deed:抗疫").all_ids()


@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\ud800"])
@pytest.mark.parametrize("where", ["name", "unit", "deed", "honour", "donation", "notes"])
def test_control_characters_are_refused_with_a_clear_message(registry, bad, where):
    record = Honouree(name="正常名字", unit="正常单位", notes="备注")
    text = f"前{bad}后"
    if where == "name":
        record.name = text
    elif where == "unit":
        record.unit = text
    elif where == "deed":
        record.deeds = [Deed(text=text)]
    elif where == "honour":
        record.honours = [Honour(title=text)]
    elif where == "donation":
        record.donations = [Donation(item=text)]
    else:
        record.notes = text
    with pytest.raises(InvalidRecordError) as caught:
        registry.add(record)
    code = f"U+{ord(bad[0]):04X}"
    assert code in caught.value.message("en") and "control character" in caught.value.message("en")
    assert code in caught.value.message("zh") and "控制字符" in caught.value.message("zh")
    assert registry.count() == 0


def test_a_refused_edit_leaves_the_stored_record_alone(roll):
    before = roll.honouree(2)
    edited = roll.honouree(2)
    edited.deeds = [Deed(text="好的事迹"), Deed(text="坏\x00事迹")]
    with pytest.raises(InvalidRecordError) as caught:
        roll.update(edited)
    assert "第 2 条事迹" in caught.value.message("zh")
    assert roll.honouree(2).to_dict() == before.to_dict()


def test_tabs_and_line_breaks_are_ordinary_text(registry):
    saved = registry.add(Honouree(name="张\t三", deeds=[Deed(text="第一段\r\n第二段\n第三段")]))
    assert registry.honouree(saved.id).deeds[0].text == "第一段\r\n第二段\n第三段"


# Text a clerk might type or paste: any printable Unicode, astral CJK and emoji included.
printable = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc")),
        st.sampled_from(list(RARE + EMOJI + "\t\n\"'*()^:-{}")),
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=printable, unit=printable, deed=st.text(max_size=300))
def test_any_record_is_stored_exactly_or_refused_cleanly(registry, name, unit, deed):
    count = registry.count()
    record = Honouree(name=name, unit=unit, deeds=[Deed(text=deed)] if deed.strip() else [])
    try:
        saved = registry.add(record)
    except InvalidRecordError as exc:
        assert exc.message("zh") and exc.message("en")
        assert registry.count() == count
        return
    stored = registry.honouree(saved.id)
    assert stored.name == name.strip() and stored.unit == unit.strip()
    assert [d.text for d in stored.deeds] == ([deed.strip()] if deed.strip() else [])
    assert registry.count() == count + 1


def test_the_fuzzed_registry_is_still_sound(registry):
    registry.add(Honouree(name="𠮷" * 200, unit=EMOJI * 50, deeds=[Deed(text="x" * 10000)]))
    assert check(registry) == []


# -- search input ---------------------------------------------------------------------------

HOSTILE_QUERIES = [
    '"',
    "'",
    '"unbalanced',
    "“左引号",
    "”",
    "*",
    "a*",
    "**",
    "AND",
    "OR",
    "NOT",
    "宋 AND 许",
    "NEAR(",
    "NEAR(宋 许",
    "NEAR(a b, 3)",
    "'; DROP TABLE honouree; --",
    '"; DELETE FROM honour; --',
    "1=1 OR",
    "((",
    ")",
    "{name}",
    "[",
    "^",
    ":",
    "-",
    "+",
    "name:",
    'name:"',
    "name:*",
    "unit:(",
    "year:..",
    "year:2019..",
    "year:abc",
    "year>=",
    "donation>=abc",
    "donation:10万..",
    "level:",
    "level:宇宙级",
    "status:",
    "category:'",
    "\x00",
    "\u200b",
    "\ufeff",
    "\\",
    "%",
    "_",
    "%_%",
    "honouree_fts MATCH",
    "rowid",
    "SELECT * FROM history",
    "a" * 10000,
    "宋" * 5000,
    " ".join(["宋"] * 500),
    " ".join(f"w{i}" for i in range(500)),
    '"' * 3000,
    "NEAR(" * 1000,
    RARE,
    EMOJI,
    "𠮷 🏅",
    "\U0010ffff",
    "\ue000",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=lambda q: repr(q[:20]))
def test_hostile_search_strings_are_just_text(hostile, query):
    before = hostile.count()
    result = hostile.search(query)
    ids = result.ids(0, 50)
    total = result.count()
    assert len(ids) <= total <= before
    assert len(result.all_ids()) == total
    for order in ("name", "donation"):
        assert sorted(hostile.search(query, order=order).all_ids()) == sorted(result.all_ids())
    assert hostile.count() == before


def test_searching_never_changes_what_is_stored(hostile):
    before = snapshot(hostile)
    for query in HOSTILE_QUERIES:
        hostile.search(query).all_ids()
        hostile.facets(query)
    assert snapshot(hostile) == before
    assert hostile.count() == len(before)  # every record still there (and readable: snapshot read them)


@settings(max_examples=200, deadline=None)
@given(query=st.text(max_size=80))
def test_fuzzed_search_never_raises(hostile, query):
    result = hostile.search(query)
    ids = result.ids(0, 20)
    assert len(ids) <= result.count() <= hostile.count()
    assert result.ids(len(ids), 20) is not None


syntax = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "*",
        "(",
        ")",
        ":",
        "^",
        "-",
        "+",
        "{",
        "}",
        "NEAR",
        "AND",
        "OR",
        "NOT",
        "name:",
        "year:",
        "donation>=",
        "level:",
        "..",
        "'",
        ";",
        "--",
        " ",
        "宋",
        "五一",
        "𠮷",
        "🏅",
        "song",
        "0",
        "2020",
        "万",
    ]
)


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(syntax, max_size=12))
def test_fuzzed_query_syntax_never_raises(hostile, parts):
    query = "".join(parts)
    result = hostile.search(query)
    assert len(result.ids(0, 100)) <= result.count()
    result.all_ids()
