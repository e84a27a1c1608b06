"""Certificate content and the layout rules: measured text, step-down, continuation pages."""

from __future__ import annotations

from datetime import date

import pytest
from printing_helpers import needs_poppler, page_count, pdftotext, portrait, squeeze
from PySide6.QtGui import QFontMetricsF

from honours.core import Deed, Donation, Honour, Honouree
from honours.gui.fonts import install_fonts
from honours.printing import DEED_SIZES, CertificateOptions, render_certificates
from honours.printing.certificate import CertificateTypesetter
from honours.printing.content import (
    certificate_content,
    donation_total_text,
    group_entries,
    roll_entry,
    serial_number,
)
from honours.printing.document import open_document
from honours.printing.flow import Block, HonourBlock, TextBlock, paginate
from honours.printing.fonts import print_families
from honours.printing.photo import MIN_PPI, decode_for_print, decode_size, printed_size
from honours.printing.typeset import font_for

ISSUED = date(2026, 5, 1)


@pytest.fixture
def fonts(qapp):
    install_fonts()


def content_of(registry, honouree: Honouree, **options):
    return certificate_content(
        registry.honouree(honouree.id) if honouree.id else honouree,
        organisation="衡阳市总工会",
        issue_date=ISSUED,
        **options,
    )


def by_name(roll, name: str) -> Honouree:
    return next(h for h in roll.honourees(roll.all_ids()) if h.name == name)


# -- what is printed ---------------------------------------------------------------------------


def test_serial_number_is_the_same_for_the_same_honouree_and_date():
    assert serial_number(11, ISSUED) == "HY-2026-000011"
    assert serial_number(11, ISSUED) == serial_number(11, date(2026, 12, 31))
    assert serial_number(11, date(2027, 1, 1)) == "HY-2027-000011"
    assert serial_number(7, ISSUED, prefix="HN") == "HN-2026-000007"


def test_posthumous_honour_age_and_status_of_the_default_roll(roll):
    song = content_of(roll, by_name(roll, "宋英杰"))
    assert song.honours[0].title == "衡阳市五一劳动奖章" and song.honours[0].posthumous
    assert "市级" in song.honours[0].details and "衡阳市总工会" in song.honours[0].details
    facts = dict(song.facts)
    assert facts["年龄"] == "28岁" and facts["性别"] == "男" and facts["状态"] == "已故"
    assert facts["工作单位"] == "衡阳县东湖镇马迹卫生院"
    assert song.serial == f"HY-2026-{song.honouree_id:06d}"


def test_donations_are_written_the_chinese_way_with_a_total(roll):
    luo = content_of(roll, by_name(roll, "罗芳初"))
    assert luo.donations == ["捐款10万元", "口罩1万只"]
    assert luo.donation_total == "合计：捐款10万元；捐赠物资：口罩1万只"
    xu = content_of(roll, by_name(roll, "许仲秋"))
    assert xu.donations == ["捐款50万元　用于抗击疫情"]
    assert xu.donation_total == ""  # one line needs no total


def test_goods_of_the_same_kind_are_summed_and_valued_goods_say_so():
    donations = [
        Donation(item="口罩", quantity=10000, quantity_unit="只"),
        Donation(item="口罩", quantity=5000, quantity_unit="只"),
        Donation(amount_fen=264280000),
        Donation(item="防疫物资", amount_fen=5000000),
    ]
    assert donation_total_text(donations) == "合计：捐款264.28万元；捐赠物资：口罩1.5万只"
    person = Honouree(name="甲", donations=donations, id=3)
    content = certificate_content(person, organisation="X", issue_date=ISSUED)
    assert content.donations[-1] == "防疫物资（价值5万元）"


def test_a_collective_is_named_not_aged():
    team = Honouree(
        name="衡阳援鄂医疗队", category="collective", gender="男", age="30", unit="市中心医院", id=3
    )
    content = certificate_content(team, organisation="X", issue_date=ISSUED)
    assert content.is_collective
    assert [label for label, _ in content.facts] == ["工作单位"]


def test_english_labels_on_request_chinese_by_default():
    person = Honouree(
        name="甲",
        gender="女",
        age="40岁",
        honours=[Honour("全国劳动模范", "national", 2020, posthumous=True)],
        id=5,
    )
    zh = certificate_content(person, organisation="X", issue_date=ISSUED)
    en = certificate_content(person, organisation="X", issue_date=ISSUED, language="en")
    assert zh.issue_date == "2026年5月1日" and en.issue_date == "1 May 2026"
    assert zh.honours[0].details == "国家级 · 2020年" and en.honours[0].details == "National · 2020"
    assert dict(en.facts) == {"Gender": "Female", "Age": "40"}
    with pytest.raises(ValueError):
        CertificateOptions(language="fr")


def test_roll_groups_by_level_in_rank_order_then_no_honour(roll):
    entries = [roll_entry(h) for h in roll.honourees(roll.all_ids())]
    groups = group_entries(entries, "level")
    assert [g.title for g in groups] == ["国家级", "省级", "市级", "县级", "无荣誉"]
    assert [e.number for g in groups for e in g.entries] == list(range(1, 15))
    song = next(e for g in groups for e in g.entries if e.name == "宋英杰")
    assert song.honours == ["衡阳市五一劳动奖章（追授）"] and song.note == "已故"
    with pytest.raises(ValueError):
        group_entries(entries, "region")


def test_roll_groups_by_unit_sorted_by_pinyin_with_no_unit_last(roll):
    from honours.core.pinyin import sort_key

    entries = [roll_entry(h) for h in roll.honourees(roll.all_ids())]
    groups = group_entries(entries, "unit", unit_sort_key=sort_key)
    titles = [g.title for g in groups]
    assert titles[-1] == "（未填写单位）"  # 衡阳水电、建筑工人 has no unit
    assert titles[:-1] == sorted(titles[:-1], key=sort_key)
    assert titles.index("湘油泵") > titles.index("市中心医院")  # x after s, not by code point
    assert sum(len(g.entries) for g in groups) == 14


def test_photo_is_never_printed_below_200_ppi():
    big = printed_size((1500, 2000))
    assert big == pytest.approx((35.0, 35.0 * 2000 / 1500))  # fills the frame's width
    small = printed_size((150, 200))
    assert small[0] == pytest.approx(150 / MIN_PPI * 25.4)  # printed smaller rather than blurred
    for pixels in ((1500, 2000), (2000, 1125), (300, 400), (4000, 3000), (1501, 2001)):
        width_mm, _ = printed_size(pixels)
        decoded = decode_size(pixels, width_mm)
        assert decoded[0] / (width_mm / 25.4) >= MIN_PPI
        assert decoded[0] <= pixels[0]
    assert decode_size((1500, 2000), 35.0) == (375, 500)  # a quarter, decoded inside the JPEG decoder


def test_photos_decode_to_print_size_flattened_on_white():
    decoded = decode_for_print(portrait((1500, 2000)))
    assert (decoded.width, decoded.height) == (375, 500)
    assert len(decoded.pixels) == 375 * 500 * 4
    clear = decode_for_print(portrait((300, 400), "PNG", alpha=True))
    assert clear.pixels[:4] == bytes([255, 255, 255, 255])  # the transparent corner is paper white
    assert decode_for_print(b"not an image") is None


# -- layout -------------------------------------------------------------------------------------


def long_deed(chars: int) -> str:
    """Unique numbered sentences, so a lost or repeated line would show."""
    text = "".join(
        f"第{i}句：职工们坚守岗位，连续奋战在抗疫一线，守护群众健康与生命安全。" for i in range(1, chars)
    )
    return text[:chars]


def person(deed: str, honours: int = 1) -> Honouree:
    return Honouree(
        name="欧阳长文",
        gender="女",
        age="45",
        unit="衡阳市中心医院重症医学科",
        position="护士长",
        honours=[Honour(f"全国劳动模范{i}", "national", 2020) for i in range(honours)],
        deeds=[Deed(deed)],
        id=15,
    )


def plan_for(tmp_path, honouree: Honouree, options: CertificateOptions | None = None):
    options = options or CertificateOptions(issue_date=ISSUED)
    content = certificate_content(honouree, organisation=options.organisation, issue_date=ISSUED)
    with open_document(tmp_path / "measure.pdf") as document:
        document.cancelled = True  # only measuring
        typesetter = CertificateTypesetter(document.units, document.page_rect, options, print_families())
        rows = typesetter.identity(content)
        identity = typesetter.identity_height(rows)
        plan = typesetter.plan(content, identity)
        first = typesetter.content.height() - typesetter.first_flow_top(identity)
        later = typesetter.content.height() - typesetter.later_flow_top(content)
        assert_inside(plan, typesetter, first, later)
    return plan, typesetter, first


def assert_inside(plan, typesetter, first: float, later: float) -> None:
    """Every block inside its page's text area, the footer's room kept on the last page, and
    every line — measured again with QFontMetricsF — no wider than the text column."""
    device = typesetter.u.device
    for number, blocks in enumerate(plan.pages):
        capacity = first if number == 0 else later
        bottom = max((offset + block.height for block, offset in blocks), default=0.0)
        assert bottom <= capacity + 0.5
        if number == len(plan.pages) - 1:
            assert bottom + typesetter.footer_height <= capacity + 0.5
        for block, _offset in blocks:
            if isinstance(block, TextBlock):
                paragraph = block.paragraph
                metrics = QFontMetricsF(font_for(paragraph.style), device)
                indent = typesetter.u.pt(paragraph.style.size * paragraph.style.indent)
                hang = typesetter.u.pt(paragraph.style.size * paragraph.style.hang)
                for i, text in enumerate(paragraph.lines_text()):
                    width = paragraph.width - (indent if paragraph.start + i == 0 else hang)
                    assert metrics.horizontalAdvance(text.rstrip()) <= width * 1.002, text
                assert block.x + paragraph.width <= typesetter.content.width() + 0.5


def deed_text(plan) -> str:
    return "".join(
        block.text()
        for blocks in plan.pages
        for block, _ in blocks
        if isinstance(block, TextBlock) and block.paragraph.style.indent
    )


def test_a_short_record_fits_one_page_at_the_normal_size(tmp_path, fonts):
    plan, _, _ = plan_for(tmp_path, person("连续奋战10天。"))
    assert len(plan.pages) == 1 and plan.deed_size == DEED_SIZES[0] and plan.tried_sizes == [DEED_SIZES[0]]
    assert sum(isinstance(b, HonourBlock) for b, _ in plan.pages[0]) == 1


def test_a_deed_slightly_too_long_steps_down_to_the_largest_size_that_fits(tmp_path, fonts):
    found = None
    for chars in range(500, 1400, 60):
        plan, _, _ = plan_for(tmp_path, person(long_deed(chars)))
        if plan.stepped_down:
            found = (chars, plan)
            break
    assert found, "no deed length between 500 and 1400 characters needed a smaller size"
    chars, plan = found
    assert len(plan.pages) == 1
    assert plan.deed_size in DEED_SIZES[1:]
    # every larger size was tried and did not fit; the smallest was tried first as the bound
    larger = [s for s in DEED_SIZES if s > plan.deed_size]
    assert set(larger) <= set(plan.tried_sizes) and DEED_SIZES[-1] in plan.tried_sizes
    assert deed_text(plan) == long_deed(chars)


@needs_poppler
def test_a_10000_character_deed_steps_down_then_continues_with_nothing_lost(tmp_path, fonts, registry):
    deed = long_deed(10_000)
    assert len(deed) == 10_000
    plan, _, _ = plan_for(tmp_path, person(deed))
    assert plan.tried_sizes == [DEED_SIZES[0], DEED_SIZES[-1]]  # too long even at the smallest step
    assert plan.continued and plan.deed_size == DEED_SIZES[0]  # so it flows at the normal size
    assert deed_text(plan) == deed  # split between lines only: every character once, in order
    saved = registry.add(person(deed))
    pdf = tmp_path / "long.pdf"
    result = render_certificates(registry, [saved.id], pdf, CertificateOptions(issue_date=ISSUED))
    assert result.pages == len(plan.pages) == page_count(pdf) > 1
    # each page's share of the deed (which together make the whole deed) is on that page
    for number, blocks in enumerate(plan.pages, 1):
        share = "".join(b.text() for b, _ in blocks if isinstance(b, TextBlock) and b.paragraph.style.indent)
        page_text = squeeze(pdftotext(pdf, page=number))
        assert share in page_text
        assert number == 1 or "荣誉证书摘要（续）" in page_text
        assert f"第{number}页共{result.pages}页" in page_text
    last = pdftotext(pdf, page=result.pages)
    assert "（盖章）" in last and "负责人签名" in last  # seal and signature close the summary
    assert "（盖章）" not in pdftotext(pdf, page=1)


def test_many_honours_flow_to_a_second_page_whole(tmp_path, fonts):
    plan, _, _ = plan_for(tmp_path, person("连续奋战。", honours=40))
    assert plan.continued
    titles = [b.title.text for blocks in plan.pages for b, _ in blocks if isinstance(b, HonourBlock)]
    assert titles == [f"全国劳动模范{i}" for i in range(40)]


def test_a_long_unit_name_wraps_inside_the_identity_block(tmp_path, fonts):
    honouree = person("连续奋战。")
    honouree.unit = "南华附一、南华附二、市中心医院、市中医医院、市第一人民医院、" * 3
    options = CertificateOptions(issue_date=ISSUED)
    content = certificate_content(honouree, organisation=options.organisation, issue_date=ISSUED)
    with open_document(tmp_path / "m.pdf") as document:
        document.cancelled = True
        typesetter = CertificateTypesetter(document.units, document.page_rect, options, print_families())
        rows = typesetter.identity(content)
        unit = next(value for label, value in rows if label.text == "工作单位")
        assert unit.line_count > 1
        assert "".join(unit.lines_text()) == honouree.unit
        assert typesetter.identity_height(rows) >= sum(v.height for _, v in rows)


@pytest.mark.parametrize("group_by", ["level", "unit"])
def test_the_rolls_donation_column_keeps_each_gift_of_the_default_roll_on_one_line(
    roll, tmp_path, fonts, group_by
):
    """防疫物品13万套 split as 防疫物品13 / 万套 reads wrongly; the column is wide enough for it."""
    from honours.printing import RollOptions
    from honours.printing.roll import RollTypesetter

    with open_document(tmp_path / "r.pdf") as document:
        document.cancelled = True
        typesetter = RollTypesetter(
            document.units, document.page_rect, RollOptions(group_by=group_by), print_families(), 14
        )
        for honouree in roll.honourees(roll.all_ids()):
            entry = roll_entry(honouree)
            donations = typesetter.row_cells(entry)[[c.key for c in typesetter.columns].index("donation")]
            assert donations.lines == len(entry.donations), entry.donations


class Box(Block):
    """A block of fixed height for pagination rules (unsplittable unless `lines` is given)."""

    def __init__(self, height: float, keep: bool = False, lines: int = 0) -> None:
        self._height, self.keep_with_next, self.lines = height, keep, lines

    @property
    def height(self) -> float:
        return self._height

    @property
    def min_height(self) -> float:
        return min(self._height, 2 * self._height / self.lines) if self.lines else self._height

    def split(self, available: float):
        if not self.lines:
            return None, self
        pitch = self._height / self.lines
        fit = int(available // pitch)
        if fit < 2 or self.lines - fit < 2:
            return None, self
        return Box(fit * pitch, lines=fit), Box((self.lines - fit) * pitch, lines=self.lines - fit)


def test_pagination_keeps_headings_with_their_text_and_leaves_room_for_the_footer():
    heading, text = Box(10, keep=True), Box(50, lines=5)
    pages = paginate([Box(85), heading, text], first=100, later=100, footer=0)
    # the heading fits (85 + 10) but not with two lines after it: both go to page two
    assert [[b for b, _ in page] for page in pages] == [[pages[0][0][0]], [heading, text]]
    split = paginate([Box(60), Box(100, lines=10)], first=100, later=100, footer=0)
    assert [b.height for b, _ in split[0]] == [60, 40] and [b.height for b, _ in split[1]] == [60]
    footer = paginate([Box(90)], first=100, later=100, footer=20)
    assert len(footer) == 2 and footer[1] == []  # a page of its own for seal and signature
