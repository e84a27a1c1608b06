"""Faithfulness of the embedded default roll to the Hengyang newspaper report.

Every fact in ``assets/default_roll.json`` must be traceable to the report copied in
``assets/reports``: names, units, posts, honour titles and deeds appear verbatim, cash
and goods match the way the report writes them, and nobody is invented.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from honours.core.records import CATEGORIES, Honouree, Level, Status  # noqa: E402 - after the path set-up above

REPORT_FILE = "000_5bb5760426d0996f.txt"
REPORT_PATH = ROOT / "assets" / "reports" / REPORT_FILE
REPORT_SHA256 = "1382ba76f26a7d839c63241fbc2714710f0315e227326ec5541bc3f90baa335b"
SHARED_REPORT = ROOT.parent / "shared" / "seed-report" / REPORT_FILE
ROLL_PATH = ROOT / "assets" / "default_roll.json"

EXPECTED_NAMES = {
    # the eleven honoured individuals of 先模在前
    "宋英杰",
    "詹济舟",
    "谷井文",
    "柏太柱",
    "李小平",
    "蒋芳花",
    "白云",
    "曹华华",
    "许仲秋",
    "罗芳初",
    "蒋亚华",
    # named for a deed of their own elsewhere in the report
    "罗玉芳",
    # collectives credited with deeds
    "衡阳援鄂医疗队",
    "衡阳水电、建筑工人",
}
COLLECTIVES = {"衡阳援鄂医疗队", "衡阳水电、建筑工人"}
# Reporter and correspondents, and officials who only lead, visit or accompany.
EXCLUDED_PEOPLE = {"胡建军", "肖华", "张阳琛", "谭敦龙", "廖健", "单绪平"}


@pytest.fixture(scope="module")
def report() -> str:
    return REPORT_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def roll() -> dict:
    return json.loads(ROLL_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def records(roll) -> list[dict]:
    return roll["honourees"]


@pytest.fixture(scope="module")
def by_name(records) -> dict[str, dict]:
    return {r["name"]: r for r in records}


# -- the report copy -------------------------------------------------------------------


def test_report_copy_is_unchanged():
    assert hashlib.sha256(REPORT_PATH.read_bytes()).hexdigest() == REPORT_SHA256


def test_report_copy_is_byte_identical_to_shared_original():
    if not SHARED_REPORT.exists():
        pytest.skip("shared seed report not available")
    assert REPORT_PATH.read_bytes() == SHARED_REPORT.read_bytes()


def test_report_header(roll, report):
    header = roll["report"]
    assert set(header) == {"file", "title", "publication", "byline"}
    assert header["file"] == REPORT_FILE
    assert header["title"] == "在疫情防控阻击战中 彰显工会力量"
    assert header["title"] in report
    assert header["byline"] in report
    # the report only says 本报; the paper's name is not stated
    assert header["publication"] == "" or header["publication"] in report


# -- shape -------------------------------------------------------------------------------


def test_every_record_loads(records):
    assert records
    for data in records:
        honouree = Honouree.from_dict(data)
        assert honouree.name == data["name"]
        assert len(honouree.honours) == len(data["honours"])
        assert len(honouree.deeds) == len(data["deeds"])
        assert len(honouree.donations) == len(data["donations"])


def test_round_trip_keeps_amounts_exact(records):
    for data in records:
        again = Honouree.from_dict(data).to_dict()
        assert [d["amount_yuan"] for d in again["donations"]] == [d["amount_yuan"] for d in data["donations"]]


def test_fields_use_known_vocabularies(records):
    levels = {lv.value for lv in Level}
    for r in records:
        assert r["category"] in CATEGORIES, r["name"]
        assert r["status"] in {s.value for s in Status}, r["name"]
        assert r["gender"] in {"", "男", "女"}, r["name"]
        assert r["photos"] == []
        for h in r["honours"]:
            assert h["level"] in levels, (r["name"], h["title"])
            # the report never states a year or date for an honour
            assert h["year"] is None and h["date"] is None, (r["name"], h["title"])


def test_names_are_exactly_the_expected_ones(records):
    names = [r["name"] for r in records]
    assert len(names) == len(set(names))
    assert set(names) == EXPECTED_NAMES


def test_no_byline_or_official_is_on_the_roll(records):
    for r in records:
        for person in EXCLUDED_PEOPLE:
            assert person not in r["name"]
            assert person not in r["unit"]
            assert person not in r["position"]


def test_records_follow_report_order(records, report):
    positions = [report.index(r["source"]["sentence"]) for r in records]
    assert positions == sorted(positions)


# -- verbatim faithfulness -----------------------------------------------------------------


def _parts(value: str) -> list[str]:
    return [p for p in re.split(r"[；;]", value) if p.strip()]


def test_sources_are_verbatim(records, report):
    for r in records:
        assert r["source"]["report"] == REPORT_FILE
        sentence = r["source"]["sentence"]
        assert sentence and sentence in report, r["name"]
        assert r["name"] in sentence, r["name"]


def test_name_unit_position_titles_are_verbatim(records, report):
    for r in records:
        sentence = r["source"]["sentence"]
        assert r["name"] in report
        if r["unit"]:
            assert r["unit"] in sentence, r["name"]
        for part in _parts(r["position"]):
            assert part in sentence, (r["name"], part)
        # the person's own unit+post appears as written, e.g. 市中心医院医务部部长
        if r["unit"] and r["position"]:
            assert r["unit"] + r["position"] in sentence, r["name"]
        for h in r["honours"]:
            assert h["title"] in sentence, (r["name"], h["title"])


def test_deeds_are_verbatim_clauses_of_the_source(records):
    for r in records:
        assert r["deeds"], r["name"]
        for deed in r["deeds"]:
            assert deed["text"] in r["source"]["sentence"], (r["name"], deed["text"])
            assert deed["date"] is None


def test_region_is_placed_by_the_text(records):
    for r in records:
        if r["region"]:
            assert r["region"][:2] in r["source"]["sentence"], r["name"]


def test_age_as_reported(records):
    for r in records:
        if r["age"]:
            assert f"{r['age']}岁" in r["source"]["sentence"], r["name"]


def test_gender_only_where_the_report_implies_it(records):
    for r in records:
        if r["gender"]:
            sentence = r["source"]["sentence"]
            assert r["gender"] == "男"
            assert "他" in sentence or "妻子" in sentence, r["name"]
    genders = {r["name"]: r["gender"] for r in records if r["gender"]}
    assert genders == {"宋英杰": "男", "柏太柱": "男"}


def test_no_invented_personal_details(records):
    for r in records:
        assert r["birth_date"] == "" and r["ethnicity"] == "", r["name"]


# -- honours -------------------------------------------------------------------------------


def _expected_level(title: str) -> str | None:
    if title.startswith(("全国", "中国")):
        return "national"
    if title.startswith("湖南"):
        return "provincial"
    if title.startswith("衡阳市"):
        return "municipal"
    if title.startswith(("常宁市", "耒阳市")):
        return "county"
    return None


def test_levels_follow_the_titles(records):
    for r in records:
        for h in r["honours"]:
            assert h["level"] == _expected_level(h["title"]), (r["name"], h["title"])
            if h["title"].startswith("中国"):
                assert "中国好医生" in r["notes"], "the 中国好医生 level inference needs a note"


def test_office_is_not_an_honour(by_name):
    xu = by_name["许仲秋"]
    titles = [h["title"] for h in xu["honours"]]
    assert titles == ["湖南省劳动模范"]
    assert xu["position"] == "董事长"
    assert "第十三届全国人大代表" in xu["notes"]
    for r in by_name.values():
        for h in r["honours"]:
            assert "代表" not in h["title"]


def test_song_yingjie_is_deceased_with_posthumous_medal(by_name):
    song = by_name["宋英杰"]
    assert song["status"] == "deceased"
    assert song["age"] == "28"
    assert song["category"] == "medical"
    assert song["honours"] == [
        {
            "title": "衡阳市五一劳动奖章",
            "level": "municipal",
            "year": None,
            "date": None,
            "awarded_by": "衡阳市总工会",
            "posthumous": True,
        }
    ]
    assert "追授" in song["source"]["sentence"]


def test_only_the_dead_are_deceased_and_only_their_honours_posthumous(records):
    for r in records:
        died = "殉职" in r["source"]["sentence"]
        assert (r["status"] == "deceased") == died, r["name"]
        for h in r["honours"]:
            assert h["posthumous"] == (died and "追授" in r["source"]["sentence"])
            if not h["posthumous"]:
                assert h["awarded_by"] == "", (r["name"], h["title"])


def test_may_day_medal_holders(records):
    holders = {r["name"] for r in records if any("五一劳动奖章" in h["title"] for h in r["honours"])}
    assert holders == {"宋英杰", "柏太柱"}


def test_provincial_honour_holders(records, by_name):
    provincial = {r["name"] for r in records if any(h["level"] == "provincial" for h in r["honours"])}
    assert {"柏太柱", "李小平", "许仲秋", "罗芳初"} <= provincial
    assert provincial == {"柏太柱", "李小平", "许仲秋", "罗芳初"}
    assert any(h["title"] == "湖南好人" and h["level"] == "provincial" for h in by_name["李小平"]["honours"])


def test_expected_honours(by_name):
    expected = {
        "宋英杰": ["衡阳市五一劳动奖章"],
        "詹济舟": ["全国卫生系统先进工作者"],
        "谷井文": ["全国劳动模范"],
        "柏太柱": ["中国好医生", "湖南省五一劳动奖章"],
        "李小平": ["湖南好人", "衡阳市先进工作者"],
        "蒋芳花": ["衡阳市先进工作者"],
        "白云": ["常宁市先进工作者"],
        "曹华华": ["衡阳市第八届优秀新闻工作者"],
        "许仲秋": ["湖南省劳动模范"],
        "罗芳初": ["湖南省劳动模范"],
        "蒋亚华": ["衡阳市劳动模范"],
        "罗玉芳": [],
        "衡阳援鄂医疗队": [],
        "衡阳水电、建筑工人": [],
    }
    assert {n: [h["title"] for h in r["honours"]] for n, r in by_name.items()} == expected


# -- categories ----------------------------------------------------------------------------


def test_categories_follow_the_report_grouping(by_name):
    groups = {
        "medical": {"宋英杰", "詹济舟", "谷井文", "柏太柱"},
        "other trades": {"李小平", "蒋芳花", "白云", "曹华华", "罗玉芳"},
        "model worker": {"许仲秋", "罗芳初", "蒋亚华"},
        "collective": COLLECTIVES,
    }
    for category, names in groups.items():
        assert {n for n, r in by_name.items() if r["category"] == category} == names


def test_collectives_have_size_in_notes(by_name):
    assert "90多名" in by_name["衡阳援鄂医疗队"]["notes"]
    assert "多名" in by_name["衡阳水电、建筑工人"]["notes"]
    for name in COLLECTIVES:
        assert by_name[name]["gender"] == "" and by_name[name]["age"] == ""


# -- donations -----------------------------------------------------------------------------


def _written_number(n: int) -> str:
    """How the report writes a count: 10000 → 1万, 130000 → 13万, 1000 → 1000."""
    return f"{n // 10000}万" if n >= 10000 and n % 10000 == 0 else str(n)


def test_cash_amounts_match_the_text(records):
    for r in records:
        for d in r["donations"]:
            if d["amount_yuan"] is None:
                continue
            assert isinstance(d["amount_yuan"], int), r["name"]
            written = _written_number(d["amount_yuan"]) + "元"
            assert written in r["source"]["sentence"], (r["name"], written)
            # money and goods are kept apart
            assert d["item"] == "" and d["quantity"] is None, r["name"]


def test_goods_match_the_text(records):
    for r in records:
        sentence = r["source"]["sentence"]
        for d in r["donations"]:
            if d["amount_yuan"] is not None:
                continue
            assert d["item"] and d["quantity"] and d["quantity_unit"], r["name"]
            assert d["item"] in sentence
            written = _written_number(d["quantity"]) + d["quantity_unit"]
            assert written in sentence, (r["name"], written)


def test_expected_donations(by_name):
    def summary(name):
        return [
            (d["amount_yuan"], d["item"], d["quantity"], d["quantity_unit"])
            for d in by_name[name]["donations"]
        ]

    assert summary("许仲秋") == [(500000, "", None, "")]
    assert by_name["许仲秋"]["donations"][0]["note"] == "用于抗击疫情"
    assert summary("罗芳初") == [(100000, "", None, ""), (None, "口罩", 10000, "只")]
    assert summary("蒋亚华") == [(None, "防疫物品", 130000, "套")]
    assert summary("蒋芳花") == [(None, "口罩", 1000, "只")]
    assert "购买并免费发放" in by_name["蒋芳花"]["donations"][0]["note"]
    donors = {n for n, r in by_name.items() if r["donations"]}
    assert donors == {"许仲秋", "罗芳初", "蒋亚华", "蒋芳花"}


def test_donation_totals(by_name):
    assert Honouree.from_dict(by_name["许仲秋"]).donation_total_fen == 500000 * 100
    assert Honouree.from_dict(by_name["罗芳初"]).donation_total_fen == 100000 * 100
