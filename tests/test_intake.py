"""Report intake on the seed report, compared with the hand-curated default roll, and its building blocks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from honours.core.intake import analyse_file, analyse_text
from honours.core.intake.bylines import find_bylines
from honours.core.intake.donations import find_donations
from honours.core.intake.names import name_at
from honours.core.intake.text import prepare, split_sentences
from honours.core.intake.titles import find_titles
from honours.core.places import classify_city, county_region
from honours.core.records import Honouree

ROOT = Path(__file__).resolve().parents[1]
SEED_REPORT = ROOT / "assets" / "reports" / "000_5bb5760426d0996f.txt"
ROLL = json.loads((ROOT / "assets" / "default_roll.json").read_text(encoding="utf-8"))["honourees"]


@pytest.fixture(scope="module")
def seed_result():
    return analyse_file(SEED_REPORT)


def _by_name(result):
    return {p.name: p for p in result.proposals}


# -- the seed report against the curated roll -------------------------------------------------------
HONOURED = [h for h in ROLL if h["category"] != "collective" and (h["honours"] or h["donations"])]


def test_every_individual_of_the_roll_is_proposed_and_no_one_else(seed_result):
    individuals = {h["name"] for h in ROLL if h["category"] != "collective"}
    assert len(HONOURED) == 11 and len(individuals) == 12  # 罗玉芳 has a deed but no honour
    assert set(_by_name(seed_result)) == individuals


@pytest.mark.parametrize("expected", HONOURED, ids=lambda h: h["name"])
def test_honours_and_donations_match_the_roll(seed_result, expected):
    proposal = _by_name(seed_result)[expected["name"]]
    got = proposal.honouree
    assert {(h.title, h.level, h.posthumous) for h in got.honours} == {
        (h["title"], h["level"], h["posthumous"]) for h in expected["honours"]
    }
    want_donations = Honouree.from_dict(expected).donations
    assert {(d.amount_fen, d.item, d.quantity, d.quantity_unit) for d in got.donations} == {
        (d.amount_fen, d.item, d.quantity, d.quantity_unit) for d in want_donations
    }
    assert got.status == expected["status"]
    assert got.category == expected["category"]


@pytest.mark.parametrize("expected", [h for h in HONOURED if h["name"] != "谷井文"], ids=lambda h: h["name"])
def test_unit_post_and_region_match_the_roll(seed_result, expected):
    got = _by_name(seed_result)[expected["name"]].honouree
    assert (got.unit, got.position, got.region) == (
        expected["unit"],
        expected["position"],
        expected["region"],
    )


def test_a_unit_the_report_does_not_state_is_left_empty(seed_result):
    # 谷井文's unit in the roll is the curator's inference from "带领耒阳市中医院干部职工"
    got = _by_name(seed_result)["谷井文"].honouree
    assert (got.unit, got.position) == ("", "")
    assert got.deeds[0].text.startswith("带领耒阳市中医院干部职工放弃休假")


def test_song_yingjie_posthumous_municipal_medal_and_deceased(seed_result):
    proposal = _by_name(seed_result)["宋英杰"]
    song = proposal.honouree
    assert [(h.title, h.level, h.posthumous, h.awarded_by) for h in song.honours] == [
        ("衡阳市五一劳动奖章", "municipal", True, "衡阳市总工会")
    ]
    assert song.status == "deceased"
    assert (song.gender, song.age) == ("男", "28")
    assert [d.text for d in song.deeds] == ["连续奋战10天"]
    assert proposal.mentions == 2  # the photo caption names him too
    assert "连续奋战10天，因公殉职的衡阳县东湖镇马迹卫生院药剂组副组长宋英杰" in song.source.sentence


def test_bai_yun_county_level_honour_from_a_county_level_city(seed_result):
    bai = _by_name(seed_result)["白云"].honouree
    assert [(h.title, h.level) for h in bai.honours] == [("常宁市先进工作者", "county")]
    assert bai.region == "常宁市"


def test_donors_with_exact_amounts(seed_result):
    proposed = _by_name(seed_result)
    xu = proposed["许仲秋"].honouree.donations
    assert [(d.amount_fen, d.note) for d in xu] == [(50_000_000, "用于抗击疫情")]
    luo = proposed["罗芳初"].honouree.donations
    assert [(d.amount_fen, d.item, d.quantity, d.quantity_unit) for d in luo] == [
        (10_000_000, "", None, ""),
        (None, "口罩", 10_000, "只"),
    ]
    jiang = proposed["蒋亚华"].honouree.donations
    assert [(d.item, d.quantity, d.quantity_unit) for d in jiang] == [("防疫物品", 130_000, "套")]
    assert [(d.item, d.quantity) for d in proposed["蒋芳花"].honouree.donations] == [("口罩", 1000)]


@pytest.mark.parametrize("name", ["胡建军", "肖华", "张阳琛", "谭敦龙", "廖健", "单绪平"])
def test_reporters_and_officials_are_never_proposed(seed_result, name):
    assert name not in _by_name(seed_result)


def test_the_byline_is_reported(seed_result):
    assert seed_result.bylines == ["本报记者 胡建军 通讯员 肖华 张阳琛"]


def test_a_non_title_role_is_kept_in_the_notes(seed_result):
    xu = _by_name(seed_result)["许仲秋"].honouree
    assert "第十三届全国人大代表" in xu.notes
    assert all("人大代表" not in h.title for h in xu.honours)


def test_every_proposal_names_its_source_and_why(seed_result):
    text = SEED_REPORT.read_text(encoding="utf-8")
    for proposal in seed_result.proposals:
        source = proposal.honouree.source
        assert source.report == SEED_REPORT.name
        assert source.sentence in text and proposal.name in source.sentence
        assert proposal.reasons and 0 < proposal.confidence <= 1
        names = [source.sentence[h.start : h.end] for h in proposal.highlights if h.kind == "name"]
        assert names == [proposal.name]


def test_highlights_cover_the_matched_words(seed_result):
    proposal = _by_name(seed_result)["柏太柱"]
    sentence = proposal.honouree.source.sentence
    spans = {(h.kind, sentence[h.start : h.end]) for h in proposal.highlights}
    assert {
        ("title", "中国好医生"),
        ("title", "湖南省五一劳动奖章"),
        ("unit", "市中心医院"),
        ("position", "医务部部长"),
        ("name", "柏太柱"),
    } <= spans


def test_a_deed_only_person_is_proposed_with_low_confidence(seed_result):
    luo = _by_name(seed_result)["罗玉芳"]
    assert luo.confidence < 0.5
    assert "deed_only" in {r.code for r in luo.reasons}
    assert (luo.honouree.unit, luo.honouree.position) == ("南岳区卫健局", "工会主席")


def test_proposals_are_records_in_the_core_shape(seed_result):
    for proposal in seed_result.proposals:
        data = json.loads(json.dumps(proposal.to_dict("zh"), ensure_ascii=False))
        assert data["source"]["sentence"] == proposal.honouree.source.sentence
        assert data["intake"]["reasons"][0]["text"]
        rebuilt = Honouree.from_dict(data)  # the intake key is evidence, not a field
        assert rebuilt.name == proposal.name
        assert [h.title for h in rebuilt.honours] == [h.title for h in proposal.honouree.honours]


# -- building blocks --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, title, level",
    [
        ("全国劳动模范谷井文", "全国劳动模范", "national"),
        ("“中国好医生”获得者", "中国好医生", "national"),
        ("湖南好人李小平", "湖南好人", "provincial"),
        ("省劳模张三", "省劳模", "provincial"),
        ("北京市劳动模范张三", "北京市劳动模范", "provincial"),
        ("衡阳市五一劳动奖章获得者", "衡阳市五一劳动奖章", "municipal"),
        ("恩施州劳动模范张三", "恩施州劳动模范", "municipal"),
        ("耒阳市劳动模范张三", "耒阳市劳动模范", "county"),
        ("义乌市劳动模范张三", "义乌市劳动模范", "county"),
        ("祁东县优秀共产党员张三", "祁东县优秀共产党员", "county"),
        ("南岳区先进工作者张三", "南岳区先进工作者", "county"),
        ("衡阳市南岳区优秀共产党员张三", "衡阳市南岳区优秀共产党员", "county"),
        ("感动中国人物张三", "感动中国人物", "national"),
        ("被评为全省优秀共产党员", "全省优秀共产党员", "provincial"),
    ],
)
def test_title_levels(text, title, level):
    titles = find_titles(text)
    assert [(t.title, t.level) for t in titles] == [(title, level)]


def test_a_year_before_a_title_is_its_year_not_its_wording():
    [title] = find_titles("荣获2019年度全国五一劳动奖章")
    assert (title.title, title.year) == ("全国五一劳动奖章", 2019)


def test_a_title_listed_after_another_shares_its_level():
    titles = find_titles("先后荣获全国劳动模范和先进工作者等荣誉称号")
    assert [(t.title, t.level) for t in titles] == [("全国劳动模范", "national"), ("先进工作者", "national")]


@pytest.mark.parametrize(
    "text", ["充分发挥共产党员先锋模范作用", "弘扬劳模精神", "做好人好事", "劳模创新工作室揭牌"]
)
def test_words_that_only_look_like_titles(text):
    assert [t for t in find_titles(text) if not t.weak] == []


def test_a_county_level_city_in_the_sentence_context():
    assert classify_city("衡阳", "")[0] == "municipal"
    assert classify_city("某某", "")[0] == "county"  # not a prefecture-level city
    assert classify_city("耒阳", "")[0] == "county"
    assert classify_city("重庆", "")[0] == "provincial"


@pytest.mark.parametrize(
    "unit, region",
    [
        ("衡阳县东湖镇马迹卫生院", "衡阳县"),
        ("耒阳龙腾公司", "耒阳市"),
        ("株洲市荷塘区某公司", "荷塘区"),
        ("衡阳市中心医院", ""),
        ("市中心医院", ""),
        ("七岭社区", ""),
        ("湖南天雁工会", ""),
        ("东方电气集团东方汽轮机有限公司", ""),  # a company named 东方, not in 东方市
        ("东方市人民医院", "东方市"),
        ("瑞金医院", ""),  # in Shanghai
    ],
)
def test_region_is_the_county_level_place_at_the_start_of_the_unit(unit, region):
    assert county_region(unit) == region


@pytest.mark.parametrize(
    "text, name",
    [
        ("谷井文带领干部", "谷井文"),
        ("白云带病上阵", "白云"),
        ("王芳在疫情中", "王芳"),
        ("李为民带领", "李为民"),
        ("欧阳明华捐赠", "欧阳明华"),
        ("宋英杰家属", "宋英杰"),
        ("王某某，", "王某某"),
        ("买买提·吐尔逊捐款5000元", "买买提·吐尔逊"),
    ],
)
def test_where_a_name_ends(text, name):
    assert name_at(text, 0).name == name


@pytest.mark.parametrize("text", ["张主任带队", "和先进工作者", "全市劳动模范", "高度重视", "同时，"])
def test_posts_and_common_words_are_not_names(text):
    assert name_at(text, 0, strict=True) is None


def test_bylines_are_masked_and_their_names_remembered():
    found = find_bylines(
        "■本报记者 胡建军 通讯员 肖  华 张阳琛\n正文。（记者 王某某 通讯员 李某）\n（赵六 摄）"
    )
    assert found.names == {"胡建军", "肖华", "张阳琛", "王某某", "李某", "赵六"}
    assert find_bylines("记者从市总工会获悉，张三捐款。").names == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("捐赠50万元用于抗击疫情", [(50_000_000, "", None, "")]),
        ("捐赠10万元、口罩1万只", [(10_000_000, "", None, ""), (None, "口罩", 10_000, "只")]),
        ("捐助13万套防疫物品", [(None, "防疫物品", 130_000, "套")]),
        ("捐款人民币壹万元整", [(1_000_000, "", None, "")]),
        ("捐赠价值5万余元的蔬菜和大米", [(5_000_000, "蔬菜和大米", None, "")]),
        ("捐给县人民医院口罩5000只", [(None, "口罩", 5000, "只")]),
        ("接受捐赠口罩1000只", []),
        ("并发动班组职工捐款1.2万元", []),
        ("出席捐赠仪式", []),
    ],
)
def test_donations(text, expected):
    found = [
        (d.amount_fen, d.item, d.quantity, d.quantity_unit)
        for hit in find_donations(text)
        for d in hit.donations
    ]
    assert found == expected


def test_an_approximate_value_is_marked_in_the_note():
    [hit] = find_donations("向红十字会捐赠价值5万余元的防疫物资")
    [donation] = hit.donations
    assert donation.note == "约数：价值5万余元"
    assert donation.recipient == "红十字会"


def test_sentences_keep_the_original_script_and_split_at_dashes_and_semicolons():
    original = "彰顯醫者仁心的白衣天使——連續奮戰10天；全國勞動模範谷井文帶領職工。“他說：‘好。’”"
    analysis, traditional = prepare(original)
    assert traditional and len(analysis) == len(original)
    sentences = split_sentences(original, analysis)
    assert [s.original for s in sentences][:3] == [
        "彰顯醫者仁心的白衣天使",
        "連續奮戰10天",
        "全國勞動模範谷井文帶領職工",
    ]
    assert sentences[2].text == "全国劳动模范谷井文带领职工"


# -- robustness ---------------------------------------------------------------------------------------
def test_empty_and_blank_reports_propose_nothing():
    assert analyse_text("").proposals == []
    assert analyse_text(" \n\u3000\n").proposals == []


_PIECES = [
    "全国劳动模范",
    "、",
    "，",
    "。",
    "；",
    "捐赠",
    "各捐款",
    "500元",
    "价值5万余元",
    "口罩1万只",
    "“",
    "”",
    "（记者 ",
    "）",
    "董事长",
    "主任",
    "市长",
    "看望",
    "追授",
    "他",
    "衡阳市",
    "耒阳市",
    "——",
    "……",
    "\n",
    "同志",
    "等",
    "获得者",
    "荣获",
    "称号",
    "·",
    "张",
    "王",
    "欧阳",
    "某某",
    "：",
    "被评为",
    "和",
    "好人",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_PIECES),
            st.text(
                alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=6
            ),
            st.text(max_size=4),
        ),
        max_size=50,
    )
)
def test_any_text_is_read_without_crashing(pieces):
    text = "".join(pieces)
    result = analyse_text(text, "fuzz.txt")
    for proposal in result.proposals:
        sentence = proposal.honouree.source.sentence
        assert proposal.name and sentence and sentence in text
        assert all(0 <= h.start < h.end <= len(sentence) for h in proposal.highlights)
        assert Honouree.from_dict(proposal.to_dict()).name == proposal.name
