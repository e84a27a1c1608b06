"""Amounts in Chinese capital numerals (大写), as sign sheets and receipts write totals:
12,500.00 元 → 人民币壹万贰仟伍佰元整. Written by the rules banks use (支付结算办法): groups
of 万 and 亿, one 零 for any run of zeros inside the number, 整 after 元 when there are no
角 and 分, and 零 before 分 when there is no 角.
"""

from __future__ import annotations

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_IN_GROUP = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")


def _group(value: int) -> str:
    """0 < value < 10,000 in capitals, zeros inside collapsed to one 零, none at its end."""
    out: list[str] = []
    zero = False
    for place in range(3, -1, -1):
        digit = value // 10**place % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(DIGITS[digit] + _IN_GROUP[place])
    return "".join(out)


def integer_in_capitals(value: int) -> str:
    """A whole number in capitals (零 for 0): 100,010,000 → 壹亿零壹万."""
    if value < 0:
        raise ValueError("a negative amount has no capital form")
    if value == 0:
        return DIGITS[0]
    groups = []
    while value:
        groups.append(value % 10_000)
        value //= 10_000
    if len(groups) > len(_GROUPS):
        raise ValueError("amount too large")
    out: list[str] = []
    pending_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            pending_zero = bool(out)
            continue
        if out and (pending_zero or group < 1000):
            out.append("零")
        out.append(_group(group) + _GROUPS[index])
        pending_zero = False
    return "".join(out)


def yuan_in_capitals(fen: int, *, prefix: str = "人民币") -> str:
    """An amount in fen as a total is written on a sign sheet: 1,250,000 fen → 人民币壹万贰仟伍佰元整."""
    if fen < 0:
        raise ValueError("a negative amount has no capital form")
    yuan, rest = divmod(fen, 100)
    jiao, fen_digit = divmod(rest, 10)
    text = ""
    if yuan or not rest:
        text = integer_in_capitals(yuan) + "元"
    if not rest:
        return prefix + text + "整"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if fen_digit:
        text += DIGITS[fen_digit] + "分"
    return prefix + text
