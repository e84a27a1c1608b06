"""Exact reading and writing of money and quantities as Chinese clerks and newspapers write them.

Reports and spreadsheets say "50万元", "264.28万元", "人民币1,000元", "五十万元", "伍佰元整",
"口罩1万只" or "13万套防疫物品". This module turns such text into exact numbers and back.

Why no floats anywhere: the registry stores money as integer fen, and a certificate that
prints 264.28万元 must mean exactly 2642800 yuan. Binary floating point cannot hold 0.01 or
264.28 exactly, so a float on the way (``float("264.28") * 10000 * 100``) can silently turn
into 264279999.99999997 fen and truncate to the wrong fen. Everything here is ``int`` or
``Decimal`` computed in a local context that traps inexact results, so an amount is either
read exactly or refused with an :class:`AmountError`.

Public API: :class:`AmountError`, :func:`parse_number`, :func:`parse_amount_fen`,
:func:`is_approximate`, :func:`parse_goods`, :func:`parse_donation`, :func:`format_yuan`,
:func:`format_quantity`. Pure Python, no Qt.
"""

from __future__ import annotations

import re
from decimal import Decimal, Inexact, InvalidOperation, localcontext

from .i18n import Message, Text, Worded

__all__ = [
    "MAX_YUAN",
    "MEASURE_WORDS",
    "AmountError",
    "format_quantity",
    "format_yuan",
    "is_approximate",
    "parse_amount_fen",
    "parse_donation",
    "parse_goods",
    "parse_number",
]

MAX_YUAN = 10**12  # 一万亿元: anything larger is a typo, not a donation
MAX_QUANTITY = 10**12
_MAX_NUMBER_CHARS = 64


class AmountError(Worded, ValueError):
    """A number, amount or quantity that cannot be read exactly.

    ``str(error)`` is plain English (the GUI translates it); ``error.zh`` is the same
    message in Simplified Chinese, so a caller can show either.
    """

    def __init__(self, message: Message | str, zh: str | None = None) -> None:
        super().__init__(self._word(message, zh))
        self.message = self.text.en


# ---------------------------------------------------------------------------------
# Characters
# ---------------------------------------------------------------------------------

_CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1, "弌": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

_NUM_CHARS = "0-9" + "".join(_CN_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)
_NUM_CLASS = f"[{_NUM_CHARS}]"
_UNIT_CHARS = "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)

# Measure words (量词 and units of measure) accepted after a quantity. Longest first so
# that 人份 wins over 份 and 千克 is never read as 千 + 克.
MEASURE_WORDS: tuple[str, ...] = tuple(
    sorted(
        {
            "只", "个", "套", "件", "箱", "瓶", "桶", "袋", "份", "副", "双", "盒", "台",
            "辆", "吨", "斤", "公斤", "千克", "克", "包", "支", "张", "把", "顶", "条", "批",
            "车", "枚", "片", "毫升", "升", "公升", "人份", "本", "册", "床", "罐", "卷",
            "粒", "颗", "块", "部", "架", "座", "头", "匹", "筐", "板", "捆", "提", "听",
            "组", "对", "株", "棵", "根", "篮", "盆", "桌", "盏", "剂", "管",
        },
        key=lambda w: (-len(w), w),
    )
)  # fmt: skip

_APPROX_BEFORE = ("将近", "接近", "大约", "超过", "约", "近", "逾", "超")
_APPROX_AFTER = ("左右", "上下", "以上", "有余")

# Exact conversions used when a weight/volume is not a whole number (1.5吨 → 1500公斤).
_SUBUNITS = {"吨": (1000, "公斤"), "公斤": (1000, "克"), "千克": (1000, "克"),
             "斤": (500, "克"), "升": (1000, "毫升"), "公升": (1000, "毫升")}  # fmt: skip


def _normalize(text: str) -> str:
    """Fullwidth ASCII → ASCII (５０ → 50, ，→ ,), ￥ → ¥, ideographic space → space."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        elif ch == "￥":
            out.append("¥")
        elif ch == "\u3000":
            out.append(" ")
        elif ch == "\u2212":  # minus sign
            out.append("-")
        else:
            out.append(ch)
    return "".join(out).strip()


def _check_text(text: object, what_en: str, what_zh: str) -> str:
    if not isinstance(text, str):
        raise AmountError(f"{what_en} must be text, not {type(text).__name__}", f"{what_zh}必须是文字")
    s = _normalize(text)
    if not s:
        raise AmountError(f"empty {what_en}", f"{what_zh}为空")
    return s


def _squeeze_spaces(s: str, original: str) -> str:
    """Drop spaces ("50 万元"), but refuse them between digits ("1 000" is ambiguous)."""
    if re.search(r"\d\s+\d", s):
        raise AmountError(
            Text("spaces inside a number: “{original}” (write 1000 or 1,000)", original=original),
        )
    return re.sub(r"\s+", "", s)


def _bad_number(text: str) -> AmountError:
    return AmountError(Text("cannot read the number “{text}”", text=text))


def _negative(text: str, amount: bool = True) -> AmountError:
    if amount:
        return AmountError(Text("negative amounts are not allowed: “{text}”", text=text))
    return AmountError(Text("negative numbers are not allowed: “{text}”", text=text))


# ---------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------

_ARABIC_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?")


def _tokens(s: str, original: str) -> list[tuple[str, Decimal | int, bool]]:
    """Split into ("num", value, single_digit) / ("zero", 0, _) / ("unit", magnitude, is_big)."""
    tokens: list[tuple[str, Decimal | int, bool]] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if "0" <= ch <= "9":
            m = _ARABIC_RE.match(s, i)
            assert m is not None
            j = m.end()
            if j < len(s) and s[j] == ",":
                raise AmountError(
                    Text("misplaced thousands separator in “{original}”", original=original),
                )
            if j < len(s) and s[j] == ".":
                raise _bad_number(original)
            literal = m.group()
            if len(literal) > 1 and literal[0] == "0" and literal[1] != ".":
                raise _bad_number(original)  # 007, 十02
            tokens.append(("num", Decimal(literal.replace(",", "")), len(literal) == 1))
            i = j
            continue
        if ch == ",":
            raise AmountError(
                Text("misplaced thousands separator in “{original}”", original=original),
            )
        if ch in "-负" and i == 0:
            raise _negative(original, amount=False)
        if ch in _CN_DIGITS:
            value = _CN_DIGITS[ch]
            tokens.append(("zero", 0, False) if value == 0 else ("num", Decimal(value), True))
        elif ch in _SMALL_UNITS:
            tokens.append(("unit", _SMALL_UNITS[ch], False))
        elif ch in _BIG_UNITS:
            tokens.append(("unit", _BIG_UNITS[ch], True))
        else:
            raise _bad_number(original)
        i += 1
    return tokens


def _combine(tokens: list[tuple[str, Decimal | int, bool]], original: str) -> Decimal:
    """Evaluate Chinese/Arabic numeral tokens; see :func:`parse_number` for the grammar."""
    bad = _bad_number(original)
    if [t[0] for t in tokens] == ["zero"]:
        return Decimal(0)
    parts: list[tuple[int, Decimal]] = []  # completed (big magnitude, value) sections
    section = Decimal(0)  # value of 千/百/十 groups in the current section
    last_small: int | None = None
    pending: Decimal | None = None  # a number waiting for its unit
    pending_single = False
    pending_after: int | None = None  # magnitude of the unit right before pending (no 零)
    prev_kind: str | None = None
    prev_mag: int | None = None
    seen_fraction = False  # a decimal coefficient (1.5万) may only be followed by 万/亿

    def smallest_used() -> int | None:
        mags = [m for m, _ in parts] + ([last_small] if last_small is not None else [])
        return min(mags) if mags else None

    def pending_value() -> Decimal:
        """The trailing number of a section; 一万五 / 三千五 abbreviate the next unit down."""
        if pending is None:
            return Decimal(0)
        if pending_single and pending_after is not None and pending_after >= 100:
            return pending * (pending_after // 10)
        limit = smallest_used()
        if limit is not None and pending >= limit:
            raise bad
        return pending

    for kind, value, flag in tokens:
        if kind == "num":
            if prev_kind == "num" or seen_fraction:
                raise bad  # 三四, 二〇二〇, 1.5万3千
            if value == 0 and len(tokens) > 1 and prev_kind is not None:
                raise bad  # 三十0
            pending = Decimal(value)
            pending_single = flag
            pending_after = prev_mag if prev_kind == "unit" else None
        elif kind == "zero":
            if prev_kind != "unit":
                raise bad  # 零五, 五零, 零零
        else:
            mag = int(value)
            if not flag:  # 十 百 千
                if pending is not None:
                    coef = pending
                elif prev_kind is None:
                    coef = Decimal(1)  # 十五, 百万
                else:
                    raise bad
                if coef >= 10 or (last_small is not None and mag >= last_small):
                    raise bad  # 15千, 五百三千, 十十
                section += coef * mag
                seen_fraction = seen_fraction or coef != coef.to_integral_value()
                last_small = mag
                pending = None
            else:  # 万 亿
                absorbed = sum((v for m, v in parts if m < mag), Decimal(0))
                if any(m == mag for m, _ in parts):
                    raise bad  # 五万六万
                if pending is None and last_small is None:
                    if prev_kind is None:
                        low = Decimal(1)  # 万元, 亿
                    elif prev_kind == "unit" and prev_mag in _BIG_UNITS.values() and absorbed:
                        low = Decimal(0)  # 万亿
                    else:
                        raise bad
                else:
                    if pending is not None and pending != pending.to_integral_value():
                        seen_fraction = True
                    low = section + pending_value()
                parts = [(m, v) for m, v in parts if m > mag]
                parts.append((mag, (low + absorbed) * mag))
                section = Decimal(0)
                last_small = None
                pending = None
        prev_kind = kind
        prev_mag = int(value) if kind == "unit" else None
    if prev_kind == "zero":
        raise bad  # 一百零
    if pending is not None and pending != pending.to_integral_value() and len(tokens) > 1:
        raise bad  # 亿3.9
    total = sum((v for _, v in parts), Decimal(0)) + section + pending_value()
    return total


def _tidy(value: Decimal) -> Decimal:
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def parse_number(text: str) -> Decimal:
    """Read a non-negative number written in Arabic or Chinese numerals, exactly.

    Accepts ``1000``, ``1,000`` / ``1，000`` (separators must group by three), fullwidth
    ``５０``, decimals ``264.28``, Chinese ``五十`` ``一万三千`` ``两千五百`` ``十`` ``一百零五``,
    financial ``伍拾`` ``壹佰`` ``叁仟``, ``零``/``〇``, and units mixed with Arabic digits:
    ``50万``, ``1.5亿``, ``2千``, ``1万5000``, ``12345万``. A single digit right after
    百/千/万/亿 abbreviates the next unit down, as people write it: ``一万五`` = 15000,
    ``三千五`` = 3500; a lone leading unit counts once: ``万`` = 10000, ``百万`` = 10**6.
    Digit strings like ``三四`` or ``二〇二〇`` are not numbers and raise :class:`AmountError`.
    """
    s = _check_text(text, "number", "数字")
    original = s
    s = _squeeze_spaces(s, original)
    if len(s) > _MAX_NUMBER_CHARS:
        raise AmountError(Text("number is too long: “{original}”", original=original))
    with localcontext() as ctx:
        ctx.prec = 80
        ctx.traps[Inexact] = True
        try:
            return _tidy(_combine(_tokens(s, original), original))
        except (Inexact, InvalidOperation):
            raise _bad_number(original) from None


# ---------------------------------------------------------------------------------
# Money
# ---------------------------------------------------------------------------------

_AMOUNT_PREFIXES = tuple(
    sorted(
        {"人民币", "RMB", "CNY", "¥", "价值", "总价值", "合计", "共计", "总计", "累计", "总额",
         "金额", "共", "计", "达", "多达", "高达", "现金", "善款", "资金", "款项", *_APPROX_BEFORE},
        key=len,
        reverse=True,
    )
)  # fmt: skip
_AMOUNT_SUFFIXES = ("人民币", "RMB", "CNY", "整", *_APPROX_AFTER)
_YUAN_WORDS = ("元钱", "块钱", "元", "圆", "块")
_SMALL_DIGIT = "0-9一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_JIAO_FEN_RE = re.compile(rf"零?(?:([{_SMALL_DIGIT}])[角毛])?零?(?:([{_SMALL_DIGIT}])分)?")
# 10余万 / 100多万 / 5万余 / 1000多: the approximation sits after the digits.
_APPROX_INSIDE_RE = re.compile(rf"(?<={_NUM_CLASS})[余多](?=[{_UNIT_CHARS}]*$)")


def _strip_affixes(s: str) -> str:
    changed = True
    while changed and s:
        changed = False
        upper = s.upper()
        for word in _AMOUNT_PREFIXES:
            if upper.startswith(word):
                s, changed = s[len(word) :], True
                break
        else:
            if s.startswith("上") and len(s) > 1 and s[1] in "百千万亿":
                s, changed = s[1:], True  # 上万元: 10000 and more
        upper = s.upper()
        for word in _AMOUNT_SUFFIXES:
            if upper.endswith(word) and len(s) > len(word):
                s, changed = s[: -len(word)], True
                break
    return s


def _digit(ch: str | None) -> int:
    if ch is None:
        return 0
    return int(ch) if ch.isdigit() else _CN_DIGITS[ch]


def parse_amount_fen(text: str) -> int:
    """Read a sum of money (in 元) and return integer fen.

    Accepts ``50万元``, ``50万``, ``1,000元``, ``264.28万元``, ``人民币50万元``,
    ``￥1,000.50``, ``¥500``, ``五十万元``, ``伍佰元整``, ``3元5角``, ``5角``, and
    approximations, read as their number: ``价值5万余元``, ``5万多元``, ``10余万元``,
    ``近1000元``, ``约5万元``, ``5万元左右`` (use :func:`is_approximate` to tell).
    Refuses empty text, garbage, negative amounts, fractions of a fen and anything over
    10**12 yuan, raising :class:`AmountError`.
    """
    s = _check_text(text, "amount", "金额")
    original = s
    s = _squeeze_spaces(s, original)
    bad = AmountError(Text("cannot read the amount “{original}”", original=original))
    s = _strip_affixes(s)
    if s.startswith(("-", "负", "¥-")):
        raise _negative(original)
    if not s:
        raise bad
    yuan_part, tail = s, ""
    for word in _YUAN_WORDS:
        at = s.find(word)
        if at >= 0:
            yuan_part, tail = s[:at], s[at + len(word) :]
            break
    else:
        m = re.search(rf"[{_SMALL_DIGIT}]?[角毛]|[{_SMALL_DIGIT}]分$", s)
        if m and s.endswith(("角", "毛", "分")):
            yuan_part, tail = s[: m.start()], s[m.start() :]
    jiao = fen_digit = 0
    if tail:
        m = _JIAO_FEN_RE.fullmatch(tail)
        if not m or not (m.group(1) or m.group(2)):
            raise bad
        jiao, fen_digit = _digit(m.group(1)), _digit(m.group(2))
    yuan_part = _APPROX_INSIDE_RE.sub("", yuan_part, count=1)
    if not yuan_part:
        if not tail:
            raise bad
        yuan = Decimal(0)
    else:
        try:
            yuan = parse_number(yuan_part)
        except AmountError as exc:
            if "separator" in exc.message or "spaces" in exc.message:
                raise AmountError(
                    exc.message.replace(f"“{yuan_part}”", f"“{original}”"),
                    exc.zh.replace(f"“{yuan_part}”", f"“{original}”"),
                ) from None
            raise bad from None
    if tail and yuan != yuan.to_integral_value():
        raise bad  # 1.5元5角
    if yuan > MAX_YUAN:
        raise AmountError(
            Text("amount is too large (over 1 trillion yuan): “{original}”", original=original),
        )
    with localcontext() as ctx:
        ctx.prec = 80
        fen = yuan * 100 + jiao * 10 + fen_digit
    if fen != fen.to_integral_value():
        raise AmountError(
            Text("more precision than a fen (0.01 yuan): “{original}”", original=original),
        )
    return int(fen)


_APPROX_RES = (
    re.compile(rf"{_NUM_CLASS}[余多]"),
    re.compile(rf"(?:{'|'.join(_APPROX_BEFORE)})(?:人民币|¥|RMB)?{_NUM_CLASS}", re.IGNORECASE),
    re.compile(rf"{_NUM_CLASS}.*(?:{'|'.join(_APPROX_AFTER)})"),
    re.compile(r"上[百千万亿]"),
)


def is_approximate(text: str) -> bool:
    """True when the wording marks the figure as approximate.

    余 / 多 after a number (``5万余元``, ``10余万``, ``1000多只``), 近 / 约 / 逾 / 超 (and
    将近 / 接近 / 大约 / 超过) before one, 左右 / 上下 / 以上 / 有余 after one, and 上万.
    """
    if not isinstance(text, str):
        return False
    s = re.sub(r"\s+", "", _normalize(text))
    return any(r.search(s) for r in _APPROX_RES)


# ---------------------------------------------------------------------------------
# Goods
# ---------------------------------------------------------------------------------

_MW_ALT = "|".join(re.escape(w) for w in MEASURE_WORDS)
_QTY_PREFIX_WORDS = frozenset(
    {*_APPROX_BEFORE, "共计", "合计", "总计", "累计", "共", "计", "达", "多达", "高达"}
)
_QTY_PREFIX = "(?:" + "|".join(sorted(_QTY_PREFIX_WORDS, key=len, reverse=True)) + ")"
_QTY_CHARS = f"[{_NUM_CHARS},.]"
# item first: 口罩1万只, 消毒水200箱, 口罩共1万余只
_GOODS_ITEM_FIRST = re.compile(
    rf"(?P<item>.+?)(?:\s+|(?<!{_QTY_CHARS})){_QTY_PREFIX}?\s*"
    rf"(?P<num>{_QTY_CHARS}+?)\s*[余多]?\s*(?P<mw>{_MW_ALT})"
)
# quantity first: 1000只口罩, 13万套防疫物品, 近千只口罩
_GOODS_QTY_FIRST = re.compile(
    rf"{_QTY_PREFIX}?\s*(?P<num>{_QTY_CHARS}+?)\s*[余多]?\s*(?P<mw>{_MW_ALT})\s*的?\s*(?P<item>.+)"
)
# quantity with no item at all: 1000只
_GOODS_NO_ITEM = re.compile(rf"{_QTY_PREFIX}?\s*{_QTY_CHARS}+\s*[余多]?\s*(?:{_MW_ALT})")
_STRIP_ITEM = " \t\"'“”‘’「」《》:：.。"


def _goods_error(original: str) -> AmountError:
    return AmountError(
        f"no quantity with a measure word in “{original}” (e.g. 口罩1万只)",
        f"未找到数量和单位：“{original}”（例如：口罩1万只）",
    )


def parse_goods(text: str) -> tuple[str, int, str]:
    """Read goods as (item, quantity, unit).

    ``口罩1万只`` → ("口罩", 10000, "只"); ``13万套防疫物品`` → ("防疫物品", 130000, "套");
    ``1000只口罩`` → ("口罩", 1000, "只"); ``消毒水200箱`` → ("消毒水", 200, "箱");
    approximations are read as their number (``口罩1万余只``, ``近千只口罩``). The unit is one
    of :data:`MEASURE_WORDS`. A weight or volume that is not whole is converted exactly to
    the smaller unit (``大米1.5吨`` → ("大米", 1500, "公斤")). Raises :class:`AmountError`
    when there is no quantity, no item, or the quantity is not a positive whole number.
    """
    s = _check_text(text, "goods", "物品")
    original = s
    body = s
    for suffix in _APPROX_AFTER:
        if body.endswith(suffix):
            body = body[: -len(suffix)].rstrip()
            break
    m = _GOODS_ITEM_FIRST.fullmatch(body) or _GOODS_QTY_FIRST.fullmatch(body)
    item = m.group("item").strip(_STRIP_ITEM) if m else ""
    if item in _QTY_PREFIX_WORDS:
        item = ""  # 约1000只
    if not m and not _GOODS_NO_ITEM.fullmatch(body):
        raise _goods_error(original)
    if m is None or not item:
        raise AmountError(Text("no item named in “{original}”", original=original))
    unit = m.group("mw")
    num = m.group("num")
    try:
        quantity = parse_number(num)
    except AmountError:
        raise AmountError(Text("cannot read the quantity in “{original}”", original=original)) from None
    if quantity != quantity.to_integral_value() and unit in _SUBUNITS:
        factor, unit = _SUBUNITS[unit]
        quantity *= factor
    if quantity != quantity.to_integral_value():
        raise AmountError(Text("quantity must be a whole number: “{original}”", original=original))
    if quantity <= 0:
        raise AmountError(Text("quantity must be at least 1: “{original}”", original=original))
    if quantity > MAX_QUANTITY:
        raise AmountError(Text("quantity is too large: “{original}”", original=original))
    return item, int(quantity), unit


# ---------------------------------------------------------------------------------
# Donations
# ---------------------------------------------------------------------------------

# Separators between parts. A comma between digits is a thousands separator only when
# three digits follow (1,000); other digit,digit commas are refused as ambiguous.
_SPLIT_RE = re.compile(r"以及|[、;；。\n]|和|及|与|,(?!(?<=\d,)\d{3}(?!\d))")
_AMBIGUOUS_COMMA_RE = re.compile(r"\d,(?!\d{3}(?!\d))\d")
_LEAD_WORDS = tuple(
    sorted(
        {"先后", "累计", "个人", "自费", "另", "另外", "还", "并", "捐赠", "捐献", "捐助", "捐出",
         "捐款", "捐资", "捐物", "捐", "赠送", "提供", "资助", "援助", "出资", "了"},
        key=len,
        reverse=True,
    )
)  # fmt: skip
_VALUE_FIRST_RE = re.compile(r"价值(?P<amt>.+?(?:元|圆|块))的?(?P<rest>.+)")
_VALUE_AFTER_RE = re.compile(r"(?P<rest>.+?)[(（]价值(?P<amt>.+?(?:元|圆|块))[)）]")
# A bare number is money too, with or without a sign: "-5万" is a negative amount, not goods.
_MONEY_MARK_RE = re.compile(
    r"元|圆|块钱|¥|人民币|RMB|CNY|角|^[-负]?[0-9.,]+$|^[-负]?[0-9.,]+[万亿]$", re.IGNORECASE
)


def _strip_lead_words(part: str) -> str:
    changed = True
    while changed:
        changed = False
        for word in _LEAD_WORDS:
            if part.startswith(word) and len(part) > len(word):
                part, changed = part[len(word) :].lstrip(), True
                break
    return part


def _donation(amount_fen: int | None = None, item: str = "", quantity: int | None = None,
              unit: str = "") -> dict:  # fmt: skip
    return {"amount_fen": amount_fen, "item": item, "quantity": quantity, "quantity_unit": unit}


def _parse_part(part: str) -> dict:
    for pattern in (_VALUE_FIRST_RE, _VALUE_AFTER_RE):
        m = pattern.fullmatch(part)
        if m:  # 价值5万元的防疫物资 / 口罩1000只（价值5万元）
            fen = parse_amount_fen(m.group("amt"))
            rest = m.group("rest").strip(_STRIP_ITEM)
            try:
                item, quantity, unit = parse_goods(rest)
            except AmountError:
                if re.search(_NUM_CLASS, rest) and re.search(_MW_ALT, rest):
                    raise
                return _donation(fen, rest)
            return _donation(fen, item, quantity, unit)
    try:
        return _donation(parse_amount_fen(part))
    except AmountError as money_error:
        try:
            item, quantity, unit = parse_goods(part)
        except AmountError as goods_error:
            raise (money_error if _MONEY_MARK_RE.search(part) else goods_error) from None
        return _donation(None, item, quantity, unit)


def parse_donation(text: str) -> list[dict]:
    """Split a donation cell into parts and read each.

    ``10万元、口罩1万只``, ``捐赠50万元``, ``捐款500元和口罩2000只`` are split on
    、 ， , ； ; 和 及 以及 与 (a comma inside ``1,000`` is not a separator) and leading verbs
    such as 捐赠 / 捐款 are dropped. Returns one dict per part with keys ``amount_fen``,
    ``item``, ``quantity``, ``quantity_unit`` (the :class:`~honours.core.records.Donation`
    fields): money parts have ``item`` "" and ``quantity`` None, goods parts have
    ``amount_fen`` None; ``价值5万元的防疫物资`` gives both. Raises :class:`AmountError`
    naming the part that cannot be read.
    """
    s = _check_text(text, "donation", "捐赠")
    original = s
    m = _AMBIGUOUS_COMMA_RE.search(s)
    if m:
        raise AmountError(
            f"ambiguous comma in “{original}”: write 1,000 for a thousand, or separate parts with 、",
            f"逗号有歧义：“{original}”（千位请写作1,000，分项请用“、”分隔）",
        )
    raw_parts = [p.strip(_STRIP_ITEM) for p in _SPLIT_RE.split(s)]
    parts = [p for p in raw_parts if p]
    if not parts:
        raise AmountError(Text("empty donation: “{original}”", original=original))
    result = []
    for number, part in enumerate(parts, start=1):
        body = _strip_lead_words(part)
        try:
            result.append(_parse_part(body))
        except AmountError as exc:
            if len(parts) == 1:
                raise
            raise AmountError(
                f"cannot read part {number} “{part}”: {exc.message}",
                f"无法识别第{number}项“{part}”：{exc.zh}",
            ) from None
    return result


# ---------------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------------


def _scaled(n: int, unit: int, name: str) -> str:
    whole, rest = divmod(n, unit)
    hundredths = rest * 100 // unit
    if hundredths == 0:
        return f"{whole}{name}"
    return f"{whole}.{hundredths:02d}".rstrip("0") + name


def _compact(n: int) -> str:
    """1亿-multiples of 100万 → 亿 with ≤ 2 decimals; ≥ 1万 multiples of 100 → 万; else digits."""
    if n >= 10**8 and n % 10**6 == 0:
        return _scaled(n, 10**8, "亿")
    if n >= 10**4 and n % 100 == 0:
        return _scaled(n, 10**4, "万")
    return str(n)


def _check_int(value: object, what: str, what_zh: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AmountError(f"{what} must be a whole number: {value!r}", f"{what_zh}必须是整数：{value!r}")
    if value < 0:
        raise AmountError(f"{what} cannot be negative: {value}", f"{what_zh}不能为负数：{value}")
    return value


def format_yuan(fen: int) -> str:
    """Write integer fen the way Chinese certificates and reports do.

    - not a whole yuan: plain yuan with two decimals, no separators: 100050 → "1000.50元";
    - at least 1亿 yuan and a multiple of 100万: in 亿, up to two decimals, trimmed:
      10000000000 → "1亿元", 15000000000 → "1.5亿元";
    - at least 1万 yuan and a multiple of 100 yuan: in 万, up to two decimals, trimmed:
      50000000 → "50万元", 264280000 → "264.28万元", 1234500000 → "12345万元";
    - otherwise plain whole yuan, no separators: 100000 → "1000元", 26428000 → "264280元".

    :func:`parse_amount_fen` reads every result back to the same fen.
    """
    fen = _check_int(fen, "amount in fen", "金额（分）")
    yuan, cents = divmod(fen, 100)
    if cents:
        return f"{yuan}.{cents:02d}元"
    return _compact(yuan) + "元"


def format_quantity(quantity: int, unit: str) -> str:
    """Write a quantity with its unit: (10000, "只") → "1万只", (130000, "套") → "13万套",
    (15000, "只") → "1.5万只", (1000, "只") → "1000只". Same 万/亿 rule as :func:`format_yuan`."""
    quantity = _check_int(quantity, "quantity", "数量")
    return _compact(quantity) + (unit or "")
