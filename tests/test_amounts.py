"""Tests of exact Chinese money and quantity parsing/formatting (honours.core.amounts)."""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from honours.core import amounts
from honours.core.amounts import (
    MAX_YUAN,
    MEASURE_WORDS,
    AmountError,
    format_quantity,
    format_yuan,
    is_approximate,
    parse_amount_fen,
    parse_donation,
    parse_goods,
    parse_number,
)

YUAN = 100  # fen per yuan


# ---------------------------------------------------------------------------------
# parse_number
# ---------------------------------------------------------------------------------

NUMBERS = [
    ("0", 0),
    ("1000", 1000),
    ("1,000", 1000),
    ("1，000", 1000),
    ("1,000,000", 1000000),
    ("５０", 50),
    ("１，０００", 1000),
    ("264.28", Decimal("264.28")),
    ("1,000.50", Decimal("1000.5")),
    ("五十", 50),
    ("一万三千", 13000),
    ("两千五百", 2500),
    ("十", 10),
    ("十五", 15),
    ("一十五", 15),
    ("二十万", 200000),
    ("一百零五", 105),
    ("一千零五十", 1050),
    ("一万零五", 10005),
    ("一万零五百", 10500),
    ("一亿零五万", 100050000),
    ("五百万", 5000000),
    ("三千万", 30000000),
    ("50万", 500000),
    ("1.5亿", 150000000),
    ("13万", 130000),
    ("2千", 2000),
    ("264.28万", 2642800),
    ("205万", 2050000),
    ("12345万", 123450000),
    ("1,000万", 10000000),
    ("1万5000", 15000),
    ("1千500万", 15000000),
    ("一万亿", 10**12),
    ("一万三千亿", 13 * 10**11),
    ("壹佰", 100),
    ("伍拾", 50),
    ("叁仟", 3000),
    ("壹万贰仟叁佰肆拾伍", 12345),
    ("玖佰玖拾玖", 999),
    ("〇", 0),
    ("零", 0),
    ("两", 2),
    ("萬", 10000),
    ("億", 100000000),
    # a lone leading unit counts once, as in 近万元 / 百万
    ("万", 10000),
    ("百万", 1000000),
    ("千万", 10000000),
    # a single digit right after 百/千/万/亿 abbreviates the next unit down
    ("一万五", 15000),
    ("三千五", 3500),
    ("一百五", 150),
    ("一亿五", 150000000),
    ("1万5", 15000),
    ("一千五万", 15000000),
    ("0.5万", 5000),
    ("1.5千万", 15000000),
    ("1.5万亿", 15 * 10**11),
    (" 50万 ", 500000),
    ("50 万", 500000),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_parse_number(text, expected):
    result = parse_number(text)
    assert isinstance(result, Decimal)
    assert result == Decimal(expected)


BAD_NUMBERS = [
    "",
    "   ",
    "三四",
    "二〇二〇",
    "五零",
    "零五",
    "零零",
    "一百零",
    "五万六万",
    "万万",
    "五百三千",
    "十十",
    "15千",
    "1,00",
    "1,0000",
    "12,34,567",
    ",500",
    "1.2.3",
    "1.",
    ".5",
    "1 000",
    "-5",
    "负五",
    "1-2",
    "abc",
    "五十个",
    "1e5",
    "5" * 100,
    "007",
    "三十0",
    "十02",
    "2亿0十",
    "亿3.9",
    "1.5万3千",
    "1.5千5",
]


@pytest.mark.parametrize("text", BAD_NUMBERS)
def test_parse_number_rejects(text):
    with pytest.raises(AmountError) as info:
        parse_number(text)
    assert isinstance(info.value, ValueError)
    assert info.value.zh and str(info.value)


def test_parse_number_thousands_separator_message():
    with pytest.raises(AmountError) as info:
        parse_number("1,00")
    assert "thousands separator" in str(info.value)
    assert info.value.zh == "千位分隔符位置不对：“1,00”"


def test_parse_number_rejects_non_text():
    with pytest.raises(AmountError):
        parse_number(5)  # type: ignore[arg-type]


_CN = "零一二三四五六七八九"


def _chinese_below_10000(n: int) -> str:
    out, zero = "", False
    for mag, char in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // mag % 10
        if digit:
            if zero and out:
                out += "零"
            out += _CN[digit] + char
            zero = False
        else:
            zero = True
    return out


def to_chinese(n: int) -> str:
    """Reference writer of formal Chinese numerals (一亿零五万, 一千零五十)."""
    if n == 0:
        return "零"
    if n >= 10**8:
        high, low = divmod(n, 10**8)
        text = to_chinese(high) + "亿"
        if low:
            text += ("零" if low < 10**7 else "") + to_chinese(low)
        return text
    if n >= 10**4:
        high, low = divmod(n, 10**4)
        text = _chinese_below_10000(high) + "万"
        if low:
            text += ("零" if low < 1000 else "") + _chinese_below_10000(low)
        return text
    return _chinese_below_10000(n)


_FINANCIAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


@given(st.integers(min_value=0, max_value=10**12))
def test_parse_number_reads_chinese_numerals(n):
    text = to_chinese(n)
    assert parse_number(text) == n
    assert parse_number(text.translate(_FINANCIAL)) == n
    if text.startswith("一十"):
        assert parse_number(text[1:]) == n  # 十五 for 一十五


@given(st.integers(min_value=0, max_value=10**15))
def test_parse_number_reads_arabic_with_separators(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n
    assert parse_number(f"{n:,}".replace(",", "，")) == n


# ---------------------------------------------------------------------------------
# parse_amount_fen
# ---------------------------------------------------------------------------------

AMOUNTS = [
    # the report's examples
    ("50万元", 500000 * YUAN),
    ("10万元", 100000 * YUAN),
    ("264.28万元", 2642800 * YUAN),
    ("205万元", 2050000 * YUAN),
    # plain and separated
    ("50万", 500000 * YUAN),
    ("1,000元", 1000 * YUAN),
    ("1,000", 1000 * YUAN),
    ("1，000元", 1000 * YUAN),
    ("1000元", 1000 * YUAN),
    ("0元", 0),
    ("１０００元", 1000 * YUAN),
    # currency words and signs
    ("人民币50万元", 500000 * YUAN),
    ("50万元人民币", 500000 * YUAN),
    ("￥1,000.50", 100050),
    ("¥500", 500 * YUAN),
    ("RMB 500", 500 * YUAN),
    ("500块", 500 * YUAN),
    ("500块钱", 500 * YUAN),
    # Chinese and financial numerals
    ("五十万元", 500000 * YUAN),
    ("伍佰元整", 500 * YUAN),
    ("壹万贰仟元整", 12000 * YUAN),
    ("1.5亿元", 150000000 * YUAN),
    # 角 and 分
    ("5角", 50),
    ("五毛", 50),
    ("3元5角2分", 352),
    ("1000元5角", 100050),
    ("10元零5分", 1005),
    ("1000.50元", 100050),
    # approximations: the number is read, the wording allowed
    ("价值5万余元", 50000 * YUAN),
    ("5万多元", 50000 * YUAN),
    ("近1000元", 1000 * YUAN),
    ("1000余元", 1000 * YUAN),
    ("10余万元", 100000 * YUAN),
    ("100多万元", 1000000 * YUAN),
    ("三十多万元", 300000 * YUAN),
    ("约5万元", 50000 * YUAN),
    ("5万元左右", 50000 * YUAN),
    ("5万元上下", 50000 * YUAN),
    ("逾5万元", 50000 * YUAN),
    ("超5万元", 50000 * YUAN),
    ("超过5万元", 50000 * YUAN),
    ("近万元", 10000 * YUAN),
    ("上万元", 10000 * YUAN),
    ("价值约人民币5万余元", 50000 * YUAN),
    ("共计205万元", 2050000 * YUAN),
    # limits
    ("10000亿元", MAX_YUAN * YUAN),
    ("1000000000000元", MAX_YUAN * YUAN),
    ("1.23456万元", 1234560),
    ("1.234567万元", 1234567),
    ("0.01元", 1),
]


@pytest.mark.parametrize(("text", "expected"), AMOUNTS)
def test_parse_amount_fen(text, expected):
    result = parse_amount_fen(text)
    assert type(result) is int
    assert result == expected


BAD_AMOUNTS = [
    ("", "empty amount"),
    ("   ", "empty amount"),
    ("abc", "cannot read the amount “abc”"),
    ("元", "cannot read"),
    ("人民币", "cannot read"),
    ("-500", "negative"),
    ("-500元", "negative"),
    ("负500元", "negative"),
    ("¥-500", "negative"),
    ("1,00", "thousands separator"),
    ("1,00元", "thousands separator"),
    ("1 000元", "spaces inside a number"),
    ("1000.505元", "more precision than a fen"),
    ("1.2345678万元", "more precision than a fen"),
    ("1.234567万元元", "cannot read"),
    ("1000000000001元", "too large"),
    ("1.5万亿元", "too large"),
    ("1.5元5角", "cannot read"),
    ("1000-2000元", "cannot read"),
    ("50万美元", "cannot read"),
    ("三四万元", "cannot read"),
    ("数万元", "cannot read"),
    ("口罩1万只", "cannot read"),
    ("1千克", "cannot read"),
    ("5角5角", "cannot read"),
]


@pytest.mark.parametrize(("text", "message"), BAD_AMOUNTS)
def test_parse_amount_fen_rejects(text, message):
    with pytest.raises(AmountError) as info:
        parse_amount_fen(text)
    assert message in str(info.value)
    assert info.value.zh


def test_amount_error_has_chinese_message():
    with pytest.raises(AmountError) as info:
        parse_amount_fen("abc")
    assert str(info.value) == "cannot read the amount “abc”"
    assert info.value.zh == "无法识别金额：“abc”"
    with pytest.raises(ValueError):  # callers that only know ValueError still catch it
        parse_amount_fen("abc")


def test_amount_error_messages_in_chinese():
    cases = {
        "-5元": "金额不能为负数：“-5元”",
        "1000.505元": "金额最多精确到分：“1000.505元”",
        "2万亿元": "金额过大（超过一万亿元）：“2万亿元”",
        "": "金额为空",
    }
    for text, zh in cases.items():
        with pytest.raises(AmountError) as info:
            parse_amount_fen(text)
        assert info.value.zh == zh


def test_records_yuan_to_fen_uses_parser():
    from honours.core.records import yuan_to_fen

    assert yuan_to_fen("264.28万元") == 2642800 * YUAN
    assert yuan_to_fen("50万元") == 500000 * YUAN
    with pytest.raises(ValueError):
        yuan_to_fen("1,00")


# ---------------------------------------------------------------------------------
# is_approximate
# ---------------------------------------------------------------------------------

APPROXIMATE = [
    ("5万余元", True),
    ("价值5万余元", True),
    ("5万多元", True),
    ("10余万元", True),
    ("1000多只口罩", True),
    ("口罩1万余只", True),
    ("近1000元", True),
    ("将近5万元", True),
    ("约5万元", True),
    ("大约5万元", True),
    ("5万元左右", True),
    ("5万元上下", True),
    ("逾5万元", True),
    ("超5万元", True),
    ("超过5万元", True),
    ("1000元以上", True),
    ("上万元", True),
    ("约人民币5万元", True),
    ("50万元", False),
    ("1,000元", False),
    ("口罩1万只", False),
    ("五十万元", False),
    ("超市", False),
    ("多次捐款", False),
    ("", False),
]


@pytest.mark.parametrize(("text", "expected"), APPROXIMATE)
def test_is_approximate(text, expected):
    assert is_approximate(text) is expected


# ---------------------------------------------------------------------------------
# parse_goods
# ---------------------------------------------------------------------------------

GOODS = [
    # the report's examples
    ("口罩1万只", ("口罩", 10000, "只")),
    ("13万套防疫物品", ("防疫物品", 130000, "套")),
    # both orders
    ("1000只口罩", ("口罩", 1000, "只")),
    ("消毒水200箱", ("消毒水", 200, "箱")),
    ("1,000只口罩", ("口罩", 1000, "只")),
    ("一次性口罩五千只", ("一次性口罩", 5000, "只")),
    ("N95口罩1万只", ("N95口罩", 10000, "只")),
    ("口罩N95 1000只", ("口罩N95", 1000, "只")),
    ("84消毒液200箱", ("84消毒液", 200, "箱")),
    ("口罩 1万 只", ("口罩", 10000, "只")),
    ("三件套100套", ("三件套", 100, "套")),
    ("1000只口袋", ("口袋", 1000, "只")),
    ("1000个手套", ("手套", 1000, "个")),
    ("超声仪器5台", ("超声仪器", 5, "台")),
    ("防护服500件", ("防护服", 500, "件")),
    ("救护车2辆", ("救护车", 2, "辆")),
    ("手套2双", ("手套", 2, "双")),
    ("肥皂100块", ("肥皂", 100, "块")),
    ("物资一批", ("物资", 1, "批")),
    ("一批物资", ("物资", 1, "批")),
    ("蔬菜3车", ("蔬菜", 3, "车")),
    # measure words of more than one character
    ("1000人份检测试剂", ("检测试剂", 1000, "人份")),
    ("检测试剂1000人份", ("检测试剂", 1000, "人份")),
    ("大米500千克", ("大米", 500, "千克")),
    ("大米1万千克", ("大米", 10000, "千克")),
    ("大米2千克", ("大米", 2, "千克")),
    ("大米500公斤", ("大米", 500, "公斤")),
    ("酒精500毫升", ("酒精", 500, "毫升")),
    # weights and volumes that are not whole become the smaller unit, exactly
    ("大米1.5吨", ("大米", 1500, "公斤")),
    ("猪肉2.5斤", ("猪肉", 1250, "克")),
    ("酒精1.5升", ("酒精", 1500, "毫升")),
    # approximations
    ("口罩1万余只", ("口罩", 10000, "只")),
    ("口罩1万多只", ("口罩", 10000, "只")),
    ("口罩近1万只", ("口罩", 10000, "只")),
    ("近千只口罩", ("口罩", 1000, "只")),
    ("口罩1万只左右", ("口罩", 10000, "只")),
    ("口罩共1万只", ("口罩", 10000, "只")),
    ("口罩１万只", ("口罩", 10000, "只")),
]


@pytest.mark.parametrize(("text", "expected"), GOODS)
def test_parse_goods(text, expected):
    result = parse_goods(text)
    assert result == expected
    assert type(result[1]) is int


BAD_GOODS = [
    ("", "empty goods"),
    ("口罩", "no quantity"),
    ("口罩若干", "no quantity"),
    ("一些口罩", "no quantity"),
    ("1000只", "no item"),
    ("约1000只", "no item"),
    ("口罩1.5只", "whole number"),
    ("口罩0只", "at least 1"),
    ("口罩三四只", "cannot read the quantity"),
    ("口罩2000000000000只", "too large"),
    ("50万元", "no quantity"),
]


@pytest.mark.parametrize(("text", "message"), BAD_GOODS)
def test_parse_goods_rejects(text, message):
    with pytest.raises(AmountError) as info:
        parse_goods(text)
    assert message in str(info.value)
    assert info.value.zh


def test_goods_error_in_chinese():
    with pytest.raises(AmountError) as info:
        parse_goods("口罩")
    assert info.value.zh.startswith("未找到数量和单位：“口罩”")


def test_measure_words_cover_the_usual_list():
    # as staff list them
    usual = "只 个 套 件 箱 瓶 桶 袋 份 副 双 盒 台 辆 吨 斤 公斤 千克 包 支 张 把 顶 条 批 车 枚 片 毫升 升 人份".split()  # noqa: SIM905
    assert set(usual) <= set(MEASURE_WORDS)
    assert list(MEASURE_WORDS) == sorted(MEASURE_WORDS, key=lambda w: (-len(w), w))


# ---------------------------------------------------------------------------------
# parse_donation
# ---------------------------------------------------------------------------------


def money(fen):
    return {"amount_fen": fen, "item": "", "quantity": None, "quantity_unit": ""}


def goods(item, quantity, unit):
    return {"amount_fen": None, "item": item, "quantity": quantity, "quantity_unit": unit}


DONATIONS = [
    ("10万元、口罩1万只", [money(100000 * YUAN), goods("口罩", 10000, "只")]),
    ("捐赠50万元", [money(500000 * YUAN)]),
    ("捐款500元和口罩2000只", [money(500 * YUAN), goods("口罩", 2000, "只")]),
    ("捐款1,000元，口罩1000只", [money(1000 * YUAN), goods("口罩", 1000, "只")]),
    ("1,000,000元", [money(1000000 * YUAN)]),
    ("500元,100只口罩", [money(500 * YUAN), goods("口罩", 100, "只")]),
    ("捐款500元；手套2双", [money(500 * YUAN), goods("手套", 2, "双")]),
    ("捐款500元;手套2双", [money(500 * YUAN), goods("手套", 2, "双")]),
    ("现金10万元及消毒水200箱", [money(100000 * YUAN), goods("消毒水", 200, "箱")]),
    ("10万元以及13万套防疫物品", [money(100000 * YUAN), goods("防疫物品", 130000, "套")]),
    ("累计捐款205万元", [money(2050000 * YUAN)]),
    ("捐赠口罩1万只、防护服500件", [goods("口罩", 10000, "只"), goods("防护服", 500, "件")]),
    ("264.28万元", [money(2642800 * YUAN)]),
    ("50万", [money(500000 * YUAN)]),
    ("10万元、", [money(100000 * YUAN)]),
    ("价值5万余元", [money(50000 * YUAN)]),
    ("500块", [money(500 * YUAN)]),
    ("肥皂100块", [goods("肥皂", 100, "块")]),
    (
        "价值5万元的防疫物资",
        [{"amount_fen": 50000 * YUAN, "item": "防疫物资", "quantity": None, "quantity_unit": ""}],
    ),
    (
        "价值5万元的口罩1000只",
        [{"amount_fen": 50000 * YUAN, "item": "口罩", "quantity": 1000, "quantity_unit": "只"}],
    ),
    (
        "口罩1000只（价值5万元）",
        [{"amount_fen": 50000 * YUAN, "item": "口罩", "quantity": 1000, "quantity_unit": "只"}],
    ),
]


@pytest.mark.parametrize(("text", "expected"), DONATIONS)
def test_parse_donation(text, expected):
    assert parse_donation(text) == expected


def test_parse_donation_parts_fit_the_donation_record():
    from honours.core.records import Donation

    for part in parse_donation("10万元、口罩1万只"):
        Donation(**part)


BAD_DONATIONS = [
    ("", "empty donation"),
    ("、", "empty donation"),
    ("10万元、口罩", "part 2 “口罩”"),
    ("捐款abc元和口罩2000只", "part 1 “捐款abc元”"),
    ("10万元、口罩1万只、abc元", "part 3 “abc元”"),
    ("10万元、1,00元", "ambiguous comma"),
    ("捐款500,1000只口罩", "ambiguous comma"),
    ("向武汉捐赠50万元", "cannot read the amount"),
    ("三四万元", "cannot read the amount"),
]


@pytest.mark.parametrize(("text", "message"), BAD_DONATIONS)
def test_parse_donation_rejects(text, message):
    with pytest.raises(AmountError) as info:
        parse_donation(text)
    assert message in str(info.value)
    assert info.value.zh


def test_parse_donation_names_bad_part_in_chinese():
    with pytest.raises(AmountError) as info:
        parse_donation("10万元、口罩")
    assert info.value.zh.startswith("无法识别第2项“口罩”：")


# ---------------------------------------------------------------------------------
# format_yuan / format_quantity
# ---------------------------------------------------------------------------------

FORMATTED_YUAN = [
    (0, "0元"),
    (1, "0.01元"),
    (50, "0.50元"),
    (100, "1元"),
    (100000, "1000元"),
    (100050, "1000.50元"),
    (999900, "9999元"),
    (1234567, "12345.67元"),
    (1000000, "1万元"),
    (1500000, "1.5万元"),
    (1234500, "12345元"),
    (10000000, "10万元"),
    (50000000, "50万元"),
    (26428000, "264280元"),
    (264280000, "264.28万元"),
    (205000000, "205万元"),
    (1234500000, "1234.5万元"),
    (9999990000, "9999.99万元"),
    (10000000000, "1亿元"),
    (15000000000, "1.5亿元"),
    (12345000000, "12345万元"),
    (10000010000, "10000.01万元"),
    (MAX_YUAN * YUAN, "10000亿元"),
]


@pytest.mark.parametrize(("fen", "text"), FORMATTED_YUAN)
def test_format_yuan(fen, text):
    assert format_yuan(fen) == text
    assert parse_amount_fen(text) == fen


fens = st.one_of(
    st.integers(min_value=0, max_value=MAX_YUAN * YUAN),
    st.integers(min_value=0, max_value=MAX_YUAN).map(lambda y: y * YUAN),
    st.integers(min_value=0, max_value=MAX_YUAN // 100).map(lambda y: y * 100 * YUAN),
    st.integers(min_value=0, max_value=MAX_YUAN // 10**6).map(lambda y: y * 10**6 * YUAN),
    st.integers(min_value=0, max_value=10**6),
)


@settings(max_examples=500)
@given(fens)
def test_format_yuan_round_trips(fen):
    text = format_yuan(fen)
    assert parse_amount_fen(text) == fen
    assert "," not in text and text.endswith("元")


quantities = st.one_of(
    st.integers(min_value=1, max_value=10**12),
    st.integers(min_value=1, max_value=10**10).map(lambda q: q * 100),
    st.integers(min_value=1, max_value=10**6).map(lambda q: q * 10**6),
    st.integers(min_value=1, max_value=10**5),
)


@settings(max_examples=300)
@given(quantities, st.sampled_from(MEASURE_WORDS))
def test_format_quantity_round_trips(quantity, unit):
    text = format_quantity(quantity, unit)
    assert parse_goods("口罩" + text) == ("口罩", quantity, unit)
    assert parse_goods(text + "防疫物品") == ("防疫物品", quantity, unit)


@pytest.mark.parametrize(
    ("quantity", "unit", "text"),
    [
        (10000, "只", "1万只"),
        (130000, "套", "13万套"),
        (1000, "只", "1000只"),
        (15000, "只", "1.5万只"),
        (1, "批", "1批"),
        (12345, "个", "12345个"),
        (100000000, "只", "1亿只"),
        (150000000, "只", "1.5亿只"),
    ],
)
def test_format_quantity(quantity, unit, text):
    assert format_quantity(quantity, unit) == text


@pytest.mark.parametrize("bad", [-1, 1.5, "100", True, None])
def test_format_rejects_non_counts(bad):
    with pytest.raises(AmountError):
        format_yuan(bad)
    with pytest.raises(AmountError):
        format_quantity(bad, "只")


# ---------------------------------------------------------------------------------
# no floats anywhere
# ---------------------------------------------------------------------------------


def test_module_uses_no_floats():
    tree = ast.parse(Path(amounts.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        assert not (isinstance(node, ast.Name) and node.id == "float"), "float() used"
        assert not (isinstance(node, ast.Constant) and isinstance(node.value, float)), "float literal"
        assert not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)), "true division"
