"""Report intake on reports of the same genre from other cities and provinces (tests/fixtures/reports).

Each report exercises one thing real reports do: Traditional script, shared donations (各捐款),
an approximate value (价值5万余元), a mayor visiting a model worker, a byline at the end, a list
of medal winners under a heading, a .docx with a table, and a report that names no honouree.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from honours.core.intake import (
    ReportError,
    analyse_file,
    analyse_text,
    find_existing,
    merged_record,
    read_report,
)
from honours.core.intake.merging import match_existing
from honours.core.registry import ImportItem

REPORTS = Path(__file__).resolve().parent / "fixtures" / "reports"


def _result(name: str):
    return analyse_file(REPORTS / name)


def _people(result) -> dict:
    return {p.name: p.honouree for p in result.proposals}


def _honours(h) -> list[tuple]:
    return [(x.title, x.level) for x in h.honours]


def _money(h) -> list[tuple]:
    return [(d.amount_fen, d.item, d.quantity, d.quantity_unit) for d in h.donations]


def test_traditional_script_report():
    result = _result("shenzhen_traditional.txt")
    people = _people(result)
    assert result.traditional
    assert set(people) == {"刘晓红", "赵国栋", "郑伟"}  # not the reporter 陳志明, not the visiting 王建國
    liu = people["刘晓红"]
    assert _honours(liu) == [("全国劳动模范", "national")]
    assert (liu.unit, liu.position, liu.gender, liu.category) == (
        "深圳市人民医院",
        "呼吸内科主任医师",
        "女",
        "medical",
    )
    assert liu.source.sentence.startswith("全國勞動模範、深圳市人民醫院")  # as written
    proposal = next(p for p in result.proposals if p.name == "刘晓红")
    assert proposal.sentence_simplified.startswith("全国劳动模范、深圳市人民医院")
    zhao = people["赵国栋"]
    assert _honours(zhao) == [("广东省五一劳动奖章", "provincial")]
    assert (zhao.unit, zhao.position) == ("比亚迪股份有限公司", "高级技师")
    zheng = people["郑伟"]
    assert _honours(zheng) == [("深圳市劳动模范", "municipal")]
    assert (zheng.unit, zheng.region) == ("龙华区某物流公司", "龙华区")
    assert _money(zheng) == [(8_000_000, "防疫物资", None, ""), (10_000_000, "", None, "")]
    assert result.bylines == ["（記者 陳志明）"] or result.bylines == ["（记者 陈志明）"]


def test_shared_donation_each_and_organised_giving():
    people = _people(_result("zhuzhou_shared_donations.txt"))
    assert set(people) == {"陈春梅", "刘德华", "彭丽娟", "邓小军", "易冬平"}  # not 谭建平, who only speaks
    for name in ("刘德华", "彭丽娟", "邓小军"):
        h = people[name]
        assert _honours(h) == [("荷塘区先进工作者", "county")]
        assert _money(h) == [(50_000, "", None, "")]
        assert h.region == "荷塘区"
    chen = people["陈春梅"]
    assert (chen.unit, chen.position, _money(chen)) == (
        "荷塘区月塘街道环卫所",
        "所长",
        [(100_000, "", None, "")],
    )
    yi = people["易冬平"]
    assert _honours(yi) == [("全国五一劳动奖章", "national")]
    assert _money(yi) == [(2_000_000, "", None, "")]  # the 1.2万元 his team gave is not his


def test_profile_continued_by_pronoun_with_approximate_value():
    people = _people(_result("yichang_profile_value.txt"))
    assert set(people) == {"张秀英"}
    zhang = people["张秀英"]
    assert (zhang.gender, zhang.unit, zhang.position, zhang.region) == (
        "女",
        "宜昌市夷陵区鸦鹊岭镇农民专业合作社",
        "理事长",
        "夷陵区",
    )
    assert _honours(zhang) == [("全国三八红旗手", "national"), ("湖北省劳动模范", "provincial")]
    [gift] = zhang.donations
    assert (gift.amount_fen, gift.item, gift.recipient) == (5_000_000, "蔬菜和大米", "夷陵区红十字会")
    assert "约数" in gift.note
    assert zhang.source.sentence.startswith("张秀英，女，1968年出生")


def test_a_mayor_visiting_a_model_worker_is_not_proposed():
    result = _result("changde_mayor_visit.txt")
    people = _people(result)
    assert set(people) == {"杨长春"}  # not the mayor 王志明, not 李红 who accompanied him
    yang = people["杨长春"]
    assert _honours(yang) == [("全国劳动模范", "national")]
    assert (yang.unit, yang.position) == ("常德烟草机械有限责任公司", "高级技师")
    assert yang.deeds == []  # being visited is not a deed


def test_byline_at_the_end_is_not_proposed():
    result = _result("jinan_byline_end.txt")
    people = _people(result)
    assert set(people) == {"孙立新", "高建华"}
    assert result.bylines == ["（记者 王某某 通讯员 李某）"]
    sun = people["孙立新"]
    assert _honours(sun) == [("山东省劳动模范", "provincial")]
    assert (sun.unit, sun.position) == ("济南二机床集团有限公司", "数控车间主任")
    assert sun.deeds[0].text == "带领青年突击队，连续奋战15天，完成了口罩机关键部件的加工任务"
    gao = people["高建华"]
    assert _honours(gao) == [("济南市五一劳动奖章", "municipal")]
    assert (gao.unit, gao.position) == ("中国重汽集团济南卡车股份有限公司", "焊工")


def test_medal_winners_listed_under_a_heading():
    people = _people(_result("guangxi_medal_list.txt"))
    expected = {
        "韦小兵": ("广西玉柴机器集团有限公司", "高级技师"),
        "梁美玲": ("南宁市第一人民医院", "护士长"),
        "覃海涛": ("中国建筑第八工程局有限公司广西分公司", "项目经理"),
        "吴志坚": ("上汽通用五菱汽车股份有限公司", "焊装车间班长"),
    }
    assert set(people) == set(expected)  # not 覃明, who only speaks
    for name, (unit, post) in expected.items():
        h = people[name]
        assert (h.unit, h.position) == (unit, post)
        assert [(x.title, x.level, x.year) for x in h.honours] == [("全国五一劳动奖章", "national", 2021)]


def test_a_meeting_report_proposes_no_one():
    result = _result("meeting_no_honourees.txt")
    assert result.proposals == []
    assert result.bylines == ["（通讯员 赵丽）"]


def _zunyi_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("遵义表彰一批抗疫先进个人", level=1)
    document.add_paragraph("本报讯（记者 罗敏）3月20日，遵义市总工会召开抗击疫情先进个人表彰会。")
    document.add_paragraph(
        "会上，遵义市总工会授予遵义医科大学附属医院重症医学科护士长欧阳丽华“遵义市五一劳动奖章”。"
    )
    document.add_paragraph("赤水市劳动模范、赤水市丙安村党支部书记何光明个人捐赠大米50袋。")
    document.add_paragraph("遵义市五一劳动奖章获得者名单")
    table = document.add_table(rows=3, cols=3)
    rows = [
        ("姓名", "单位", "职务"),
        ("王德明", "遵义市公交集团", "驾驶员"),
        ("冉秀梅", "湄潭县人民医院", "护士"),
    ]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(str(path))
    return path


def test_docx_report_with_a_table(tmp_path):
    result = analyse_file(_zunyi_docx(tmp_path / "遵义.docx"))
    people = _people(result)
    assert set(people) == {"欧阳丽华", "何光明", "王德明", "冉秀梅"}  # not the reporter 罗敏
    ouyang = people["欧阳丽华"]
    assert (ouyang.unit, ouyang.position) == ("遵义医科大学附属医院", "重症医学科护士长")
    assert [(h.title, h.level, h.awarded_by) for h in ouyang.honours] == [
        ("遵义市五一劳动奖章", "municipal", "遵义市总工会")
    ]
    he = people["何光明"]
    assert (_honours(he), he.region, _money(he)) == (
        [("赤水市劳动模范", "county")],
        "赤水市",
        [(None, "大米", 50, "袋")],
    )
    for name, unit in (("王德明", "遵义市公交集团"), ("冉秀梅", "湄潭县人民医院")):
        assert people[name].unit == unit
        assert _honours(people[name]) == [("遵义市五一劳动奖章", "municipal")]
    assert all(p.honouree.source.report == "遵义.docx" for p in result.proposals)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_text_encodings_are_detected(tmp_path, encoding):
    text = (REPORTS / "zhuzhou_shared_donations.txt").read_text(encoding="utf-8")
    path = tmp_path / f"report-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    assert read_report(path) == text
    assert {p.name for p in analyse_file(path).proposals} == {
        "陈春梅",
        "刘德华",
        "彭丽娟",
        "邓小军",
        "易冬平",
    }


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("old.doc", b"\xd0\xcf\x11\xe0", "docx"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "docx"),
        ("binary.txt", b"\x00\x01\x02\x00" * 50, "text"),
    ],
)
def test_unreadable_files_get_a_clear_message(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReportError) as caught:
        read_report(path)
    assert words in caught.value.message("en")
    assert caught.value.message("zh") != caught.value.message("en")


def test_a_missing_file_gets_a_clear_message(tmp_path):
    with pytest.raises(ReportError) as caught:
        read_report(tmp_path / "nowhere.txt")
    assert "不存在" in caught.value.message("zh")


# -- merging with the registry ----------------------------------------------------------------------
def test_existing_records_are_found_by_name_and_unit(roll):
    result = analyse_text(
        "衡阳市劳动模范、耒阳龙腾公司副总经理蒋亚华再次捐款2万元。全国劳动模范王新来带领职工复工。",
        "续报.txt",
    )
    match_existing(roll, result.proposals)
    by_name = {p.name: p for p in result.proposals}
    [existing_id] = by_name["蒋亚华"].existing_ids
    assert roll.honouree(existing_id).unit == "耒阳龙腾公司"
    assert "existing" in {r.code for r in by_name["蒋亚华"].reasons}
    assert by_name["王新来"].existing_ids == []


def test_a_shortened_unit_still_matches_the_same_person(roll):
    [existing] = [h for h in roll.honourees(roll.all_ids()) if h.name == "詹济舟"]
    result = analyse_text("全国卫生系统先进工作者、衡阳市中心医院呼吸内科专家詹济舟获评湖南省劳动模范。")
    [proposal] = result.proposals
    assert find_existing(roll, proposal.honouree) == [existing.id]


def test_merging_adds_only_what_is_new_and_saves_in_one_transaction(roll):
    [existing] = [h for h in roll.honourees(roll.all_ids()) if h.name == "蒋亚华"]
    result = analyse_text(
        "衡阳市劳动模范、耒阳龙腾公司副总经理蒋亚华再次捐款2万元，并荣获湖南省劳动模范称号。", "续报.txt"
    )
    [proposal] = result.proposals
    merged = merged_record(existing, proposal.honouree)
    assert [h.title for h in merged.honours] == ["衡阳市劳动模范", "湖南省劳动模范"]
    assert _money(merged) == _money(existing) + [(2_000_000, "", None, "")]
    count = roll.count()
    roll.apply_import([], [ImportItem(merged)])
    saved = roll.honouree(existing.id)
    assert roll.count() == count
    assert [h.title for h in saved.honours] == ["衡阳市劳动模范", "湖南省劳动模范"]
    assert saved.version == existing.version + 1
