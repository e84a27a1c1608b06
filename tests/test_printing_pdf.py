"""Real PDFs read back with poppler-utils: text, pages, photos, fonts, the roll's headers and groups."""

from __future__ import annotations

from datetime import date

import pytest
from printing_helpers import (
    needs_poppler,
    page_count,
    pdf_fonts,
    pdf_images,
    pdf_page_size,
    pdftotext,
    portrait,
    squeeze,
    synthetic,
)

from honours.core import Honour, Honouree, NotFoundError
from honours.gui.fonts import install_fonts
from honours.printing import CertificateOptions, PrintError, RollOptions, render_certificates, render_roll

ISSUED = date(2026, 5, 1)
pytestmark = needs_poppler


@pytest.fixture(autouse=True)
def fonts(qapp):
    install_fonts()


def by_name(registry, name: str) -> int:
    return next(h.id for h in registry.honourees(registry.all_ids()) if h.name == name)


# -- certificates ---------------------------------------------------------------------------------


def test_one_page_per_honouree_with_name_unit_and_every_honour(roll, tmp_path):
    ids = roll.all_ids()
    pdf = tmp_path / "all.pdf"
    result = render_certificates(roll, ids, pdf, CertificateOptions(issue_date=ISSUED))
    assert result.pages == result.records == len(ids) == page_count(pdf) == 14
    for number, honouree in enumerate(roll.honourees(ids), 1):
        text = squeeze(pdftotext(pdf, page=number))
        assert squeeze(honouree.name) in text
        assert squeeze(honouree.unit) in text
        for honour in honouree.honours:
            assert honour.title in text
        assert f"HY-2026-{honouree.id:06d}" in text and "2026年5月1日" in text
    song = squeeze(pdftotext(pdf, page=ids.index(by_name(roll, "宋英杰")) + 1))
    assert "衡阳市五一劳动奖章追授" in song  # the tag follows the title
    luo = squeeze(pdftotext(pdf, page=ids.index(by_name(roll, "罗芳初")) + 1))
    assert "捐款10万元" in luo and "口罩1万只" in luo and "合计：捐款10万元；捐赠物资：口罩1万只" in luo


def test_fonts_are_embedded_with_unicode_maps(roll, tmp_path):
    pdf = tmp_path / "one.pdf"
    render_certificates(roll, roll.all_ids()[:2], pdf)
    fonts = pdf_fonts(pdf)
    assert fonts and all(f["emb"] == "yes" and f["uni"] == "yes" for f in fonts), fonts
    assert {f["name"].split("+")[-1] for f in fonts} >= {"HonoursSans-Regular", "HonoursSerif-Bold"}


def test_the_photo_is_embedded_at_print_resolution_and_only_where_there_is_one(roll, tmp_path):
    with_photo = by_name(roll, "许仲秋")
    roll.add_photo(with_photo, portrait((1500, 2000)), name="xu.jpg")
    small = by_name(roll, "罗芳初")
    roll.add_photo(small, portrait((150, 200), "PNG", alpha=True), name="small.png")
    without = by_name(roll, "宋英杰")
    pdf = tmp_path / "photos.pdf"
    render_certificates(roll, [with_photo, without, small], pdf)
    images = pdf_images(pdf)
    assert [int(i["page"]) for i in images] == [1, 3]  # none on 宋英杰's page
    for image in images:
        assert int(image["x-ppi"]) >= 200 and int(image["y-ppi"]) >= 200, image
    assert int(images[0]["width"]) >= 275  # a big photo fills the 35 mm frame at 250+ ppi
    assert int(images[1]["width"]) == 150  # a small one is printed smaller, never upscaled


def test_letter_paper_and_the_organisation_option(roll, tmp_path):
    pdf = tmp_path / "letter.pdf"
    options = CertificateOptions(page_size="Letter", organisation="湖南省总工会")
    render_certificates(roll, roll.all_ids()[:1], pdf, options)
    assert pdf_page_size(pdf) == pytest.approx((612, 792), abs=1)
    text = pdftotext(pdf)
    assert text.count("湖南省总工会") == 2 and "衡阳市总工会" not in text  # header and seal line
    a4 = tmp_path / "a4.pdf"
    render_certificates(roll, roll.all_ids()[:1], a4)
    assert pdf_page_size(a4) == pytest.approx((595.3, 841.9), abs=1)


@pytest.fixture
def out(tmp_path):
    """A folder for output only, so that leftovers (temporary files) would show."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_unknown_ids_stop_the_batch_before_anything_is_written(roll, out):
    pdf = out / "out.pdf"
    pdf.write_bytes(b"an earlier PDF")
    with pytest.raises(NotFoundError) as error:
        render_certificates(roll, [1, 998, 2, 999], pdf)
    assert "998" in str(error.value) and "999" in str(error.value)
    assert "998" in error.value.message("zh")
    assert pdf.read_bytes() == b"an earlier PDF"
    assert sorted(p.name for p in out.iterdir()) == ["out.pdf"]


def test_progress_is_reported_and_cancel_leaves_no_file(roll, out):
    seen: list[tuple[int, int]] = []
    pdf = out / "cancelled.pdf"
    result = render_certificates(
        roll,
        roll.all_ids(),
        pdf,
        progress=lambda d, t: seen.append((d, t)),
        is_cancelled=lambda: len(seen) >= 3,
    )
    assert result.cancelled and result.records == 3
    assert seen == [(1, 14), (2, 14), (3, 14)]
    assert list(out.iterdir()) == []  # neither the PDF nor its temporary file


def test_an_unwritable_place_is_a_clear_error(roll, tmp_path):
    with pytest.raises(PrintError) as error:
        render_certificates(roll, roll.all_ids()[:1], tmp_path / "no such folder" / "x.pdf")
    assert "no such folder" in error.value.message("en")
    assert "文件夹不存在" in error.value.message("zh")


def test_english_labels(roll, tmp_path):
    pdf = tmp_path / "en.pdf"
    render_certificates(roll, [by_name(roll, "宋英杰")], pdf, CertificateOptions(language="en"))
    text = pdftotext(pdf)
    assert "Certificate of Honour" in text and "Posthumous" in text and "宋英杰" in text


# -- the roll -------------------------------------------------------------------------------------


def roll_pages(pdf):
    return [pdftotext(pdf, page=n) for n in range(1, page_count(pdf) + 1)]


def test_the_default_roll_fits_one_page_with_every_group(roll, tmp_path):
    pdf = tmp_path / "roll.pdf"
    result = render_roll(roll, roll.all_ids(), pdf, RollOptions(printed_date=ISSUED))
    assert result.pages == 1 and result.records == 14
    text = pdftotext(pdf)
    for honouree in roll.honourees(roll.all_ids()):
        # a collective's long name wraps inside its cell; the first line holds at least four characters
        assert squeeze(honouree.name)[:4] in squeeze(text)
    positions = [text.index(level) for level in ("国家级", "省级", "市级", "县级", "无荣誉")]
    assert positions == sorted(positions)
    assert "第1页共1页" in squeeze(text) and "2026年5月1日" in text and "共14人" in squeeze(text)


def test_a_long_roll_repeats_headers_and_numbers_every_page(registry, tmp_path):
    registry.add_many(synthetic(160))
    ids = registry.all_ids()
    pdf = tmp_path / "long.pdf"
    result = render_roll(registry, ids, pdf, RollOptions(printed_date=ISSUED))
    pages = roll_pages(pdf)
    assert result.pages == len(pages) >= 4 and result.records == 160
    for number, text in enumerate(pages, 1):
        for header in ("序号", "姓名", "性别", "工作单位", "职务", "荣誉称号", "捐赠"):
            assert header in text, (number, header)
        assert f"第{number}页共{len(pages)}页" in squeeze(text)
    assert "荣誉人物名册（续）" in pages[1] and "荣誉人物名册（续）" not in pages[0]
    everything = squeeze("".join(pages))
    for honouree in registry.honourees(ids):
        assert everything.count(honouree.name) == 1
    # a group carried over to the next page says so at the top of it
    assert any("（续）" in squeeze(text).split("捐赠", 1)[1][:12] for text in pages[1:])


def test_grouped_by_unit_in_pinyin_order(registry, tmp_path):
    registry.add_many(synthetic(30))
    pdf = tmp_path / "units.pdf"
    render_roll(registry, registry.all_ids(), pdf, RollOptions(group_by="unit"))
    text = squeeze(pdftotext(pdf))
    order = [
        "安仁县环卫所",
        "北京铁路局",
        "长沙市第一医院",
        "衡阳市中心医院",
        "耒阳市统计局",
        "湘油泵股份有限公司",
    ]
    positions = [text.index(unit) for unit in order]  # an, bei, chang (长沙, not zhang), heng, lei, xiang
    assert positions == sorted(positions)
    assert "按工作单位分组" in text and "级别" in text and "工作单位" not in text.split("按工作单位分组")[1]


def test_a_row_longer_than_a_page_is_split_not_cut(registry, tmp_path):
    # short titles (one line each), so that each must be found whole on one page or another
    many = Honouree(
        name="王多荣",
        unit="衡阳市中心医院",
        honours=[Honour(f"先进工作者{i:03d}", "municipal") for i in range(150)],
    )
    registry.add(many)
    pdf = tmp_path / "tall.pdf"
    result = render_roll(registry, registry.all_ids(), pdf)
    pages = [squeeze(text) for text in roll_pages(pdf)]
    assert result.pages == len(pages) >= 2
    found = [next(n for n, text in enumerate(pages) if f"先进工作者{i:03d}" in text) for i in range(150)]
    assert found == sorted(found) and found[-1] == len(pages) - 1  # in order, to the last page


def test_an_empty_result_prints_a_page_that_says_so(roll, tmp_path):
    pdf = tmp_path / "empty.pdf"
    result = render_roll(roll, roll.search("没有这个人").all_ids(), pdf, RollOptions(query="没有这个人"))
    assert result.pages == 1
    text = pdftotext(pdf)
    assert "没有符合条件的荣誉人物" in text and "检索条件：没有这个人" in text and "共0人" in squeeze(text)


def test_roll_cancel_leaves_no_file(registry, out):
    registry.add_many(synthetic(50))
    calls: list[tuple[int, int]] = []
    result = render_roll(
        registry,
        registry.all_ids(),
        out / "roll.pdf",
        progress=lambda d, t: calls.append((d, t)),
        is_cancelled=lambda: bool(calls),
    )
    assert result.cancelled and calls
    assert list(out.iterdir()) == []
