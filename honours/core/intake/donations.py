"""Donations credited in a stretch of a sentence: money, goods, or goods with a stated value.

Reads "捐赠50万元用于抗击疫情", "捐赠10万元、口罩1万只", "捐助13万套防疫物品", "捐赠价值5万余元的防疫物资",
"购买并免费发放口罩1000只", "向县红十字会捐款500元". The exact numbers come from
``honours.core.amounts``; this module only finds the words and says who they were for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..amounts import AmountError, is_approximate, parse_amount_fen, parse_goods
from ..records import Donation
from . import lexicon as lx

_NUM = "0-9.,零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
MONEY_RE = re.compile(
    rf"(?:人民币|价值|总价值|共计|合计|约|近|逾|超过|超)?[{_NUM}]*[0-9零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]"
    rf"[{_NUM}]*[余多]?[万亿]?[余多]?(?:元|块钱)(?:人民币|整)?"
)
_VERB_RE = re.compile("|".join(re.escape(v) for v in lx.DONATION_VERBS))
_SPLIT_RE = re.compile(r"以及|[、，,和及与]|(?<=[元只个套箱瓶件袋份台辆吨斤])(?:并|还有|另)")
_VALUE_FIRST_RE = re.compile(
    r"(?:价值|折合(?:人民币)?)(?:高达|达|约|近|超过|超)?(?P<amt>[^的]+?(?:元|块钱))的?(?P<rest>.*)"
)
_VALUE_AFTER_RE = re.compile(r"(?P<rest>.+?)[（(]价值(?P<amt>.+?(?:元|块钱))[)）]")
# 爱心款和抗疫物资累计价值20000余元: the goods first, then the value of all of them
_VALUE_LAST_RE = re.compile(
    r"(?P<rest>[^0-9]+?)(?:累计|共计|合计|总计|总)?价值(?:高达|达|约|近|超过|超)?(?P<amt>[^的]+?(?:元|块钱))"
)
_LEAD_AND_VERBS = tuple(
    sorted(
        set(lx.DONATION_LEAD_WORDS) | set(lx.DONATION_VERBS) | {"并", "另", "还", "又"}, key=len, reverse=True
    )
)
_MONEY_ONLY_VERBS = {"拿出", "掏出"}  # verbs that give only when money follows them
_PLAIN_VERBS = {"捐赠", "捐款", "捐", "捐了", "捐赠了", "捐出", "捐给"}
GOODS_HEADS: tuple[str, ...] = (
    "物资",
    "用品",
    "物品",
    "口罩",
    "手套",
    "防护服",
    "隔离衣",
    "消毒液",
    "消毒水",
    "酒精",
    "药品",
    "药材",
    "中药",
    "食品",
    "蔬菜",
    "大米",
    "食用油",
    "面粉",
    "牛奶",
    "水果",
    "设备",
    "仪器",
    "电脑",
    "书籍",
    "图书",
    "衣物",
    "被子",
    "棉被",
    "帐篷",
    "呼吸机",
    "测温枪",
    "体温计",
    "护目镜",
    "方便面",
    "矿泉水",
    "饮料",
    "慰问品",
    "爱心包",
    "礼包",
    "米",
    "油",
    "面",
    "肉",
    "蛋",
    "菜",
    "奶",
    "粮",
    "药",
    "车",
    "款物",
    "善款",
    "茶",
    "姜茶",
    "开水",
    "餐",
    "盒饭",
)
_RECIPIENT_RE = re.compile(
    r"(?:向|为|给)(?P<who>[\u4e00-\u9fff（）()]{2,24}?)(?:无偿|慷慨|爱心|紧急|再次|先后|共|累计)?$"
)


@dataclass
class DonationHit:
    """The donations one verb credits, and where they are in the sentence."""

    start: int
    end: int
    verb: str
    donations: list[Donation] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    shared: str = ""  # "each" (各), "respective" (分别), "joint" (共同) or ""
    approximate: bool = False


def find_donations(text: str, start: int = 0, end: int | None = None) -> list[DonationHit]:
    """Donations whose verb lies in text[start:end]; objects may run on to the end of the clause."""
    end = len(text) if end is None else end
    hits: list[DonationHit] = []
    position = start
    while True:
        m = _VERB_RE.search(text, position, end)
        if m is None:
            break
        position = m.end()
        if (
            _received_not_given(text, m.start())
            or _organised_others(text, max(start, 0), m.start())
            or _company_gave(text, max(start, 0), m.start())
        ):
            continue
        if m.group(0) in _MONEY_ONLY_VERBS:
            # 从工资中拿出2000元汇到红十字会 is a gift; 拿出一个红塑料袋 is not
            money = MONEY_RE.match(text, m.end())
            fen = _money(money.group(0)) if money else None
            if money and fen:
                hit = DonationHit(m.start(), money.end(), m.group(0), [Donation(amount_fen=fen)])
                hit.spans.append((m.end(), money.end()))
                hit.shared = _sharing(text, m.start())
                hits.append(hit)
                position = money.end()
            continue
        hit = _read_object(text, m.start(), m.end(), m.group(0))
        if hit is None or not hit.donations:
            hit = _fronted_money(text, max(start, 0), m.start(), m.group(0))
        if hit is not None and hit.donations:
            hits.append(hit)
            position = max(position, hit.end)
    return hits


_FRONTED = re.compile(
    rf"[将把](?:[^，,。；;]{{0,14}}?的)?(?P<amt>[{_NUM}]+[余多]?[万亿]?[余多]?元)[^，,。；;0-9]{{0,6}}$"
)


_CONVERTED = re.compile(
    rf"[将把][^，,。；;]{{0,24}}?(?P<amt>[{_NUM}]+[余多]?[万亿]?[余多]?元)(?:兑换成|换成|购买了?|买成|购置了?|折合成)"
    r"[^，,。；;]{1,12}$"
)


def _fronted_money(text: str, floor: int, verb_start: int, verb: str) -> DonationHit | None:
    """将自己原计划用于出书的5万元悉数捐到市总工会: the money stands before the verb, after 将/把."""
    clause_start = max([floor] + [text.rfind(ch, floor, verb_start) + 1 for ch in "，,。；;"])
    m = _FRONTED.search(text, clause_start, verb_start)
    if (
        m is None
        and clause_start > 1
        and text[clause_start - 1] in "，,"
        and not text[clause_start:verb_start].strip(" 并又再")
    ):
        # 将奖金3万元兑换成棉衣，捐赠给…: the money turned into goods in the clause before the verb
        before = max(text.rfind(ch, 0, clause_start - 1) + 1 for ch in "，,。；;")
        m = _CONVERTED.search(text, before, clause_start - 1)
    if m is None or re.search(r"代表|转交|代为|转赠", text[clause_start : verb_start + 8]):
        return None  # 陈平代表全县劳模群体将12.6万元捐款转交给…: the group's money, handed over
    fen = _money(m.group("amt"))
    if not fen:
        return None
    hit = DonationHit(m.start("amt"), m.end("amt"), verb, [Donation(amount_fen=fen)])
    hit.spans.append((m.start("amt"), m.end("amt")))
    hit.shared = _sharing(text, verb_start)
    return hit


def _received_not_given(text: str, verb_start: int) -> bool:
    before = text[max(0, verb_start - 4) : verb_start]
    return before.endswith(("接受", "收到", "接收", "受", "感谢", "号召", "倡议", "发起", "组织"))


_ORGANISING = re.compile(r"发动|组织|带动|号召|动员|倡议|带领|引导|募集|筹集")


_COMPANY_SUBJECT = re.compile(r"(?:其|该|所在)?(?:企业|公司|单位|集团|工厂)")


def _company_gave(text: str, floor: int, verb_start: int) -> bool:
    """…个人捐款8万元，其企业捐款150万元: a clause whose subject is the person's company is not their gift."""
    clause_start = max([floor] + [text.rfind(ch, floor, verb_start) + 1 for ch in "，,。；;"])
    return bool(_COMPANY_SUBJECT.match(text, clause_start))


def _organised_others(text: str, floor: int, verb_start: int) -> bool:
    """并发动班组职工捐款1.2万元: others gave at the person's call; it is not the person's own gift."""
    clause_start = max([floor] + [text.rfind(ch, floor, verb_start) + 1 for ch in "，,。；;"])
    return bool(_ORGANISING.search(text, clause_start, verb_start))


def _clause_end(text: str, position: int) -> int:
    m = re.compile(r"[，,。；;！？!?\n]").search(text, position)
    return m.start() if m else len(text)


def _read_object(text: str, verb_start: int, verb_end: int, verb: str) -> DonationHit | None:
    object_end = _clause_end(text, verb_end)
    # 捐赠10万元、口罩1万只: the list may continue after a comma when the next part is also an amount
    while object_end < len(text) and text[object_end] in "，," and _starts_amount(text, object_end + 1):
        object_end = _clause_end(text, object_end + 1)
    body_start = verb_end
    recipient = ""
    if verb == "捐给" or text.startswith("给", verb_end):
        recipient, body_start = _recipient_after(text, verb_end, object_end)
    purpose = ""
    body_end = object_end
    for mark in lx.DONATION_PURPOSE_MARKS:
        at = text.find(mark, body_start, object_end)
        if at > body_start and at < body_end and _has_amount(text[body_start:at]):
            body_end = at
    if body_end < object_end:
        purpose = text[body_end:object_end].strip()
    if not recipient:
        recipient = _recipient_before(text, verb_start)
    hit = DonationHit(verb_start, body_end, verb)
    hit.shared = _sharing(text, verb_start)
    notes_base = []
    if verb not in _PLAIN_VERBS:
        notes_base.append(verb)
    lead_end = _skip_lead_words(text, body_start, body_end)
    if _VALUE_FIRST_RE.fullmatch(text[lead_end:body_end]) or _VALUE_LAST_RE.fullmatch(
        text[lead_end:body_end]
    ):
        parts = [(lead_end, body_end)]  # 价值5万余元的蔬菜和大米: one gift with one value
    else:
        parts = _parts(text, body_start, body_end)
    for part_start, part_end in parts:
        donation, approximate = _parse_part(text[part_start:part_end])
        if donation is None:
            continue
        notes = list(notes_base)
        if approximate:
            notes.append(f"约数：{_figure_text(text[part_start:part_end])}")
            hit.approximate = True
        if purpose:
            notes.append(purpose)
        donation.recipient = recipient
        donation.note = "；".join(notes)
        hit.donations.append(donation)
        hit.spans.append((part_start, part_end))
    if not hit.donations:
        return None
    hit.end = max(e for _, e in hit.spans)
    return hit


def _recipient_after(text: str, start: int, end: int) -> tuple[str, int]:
    """捐给县人民医院口罩5000只: the recipient runs to the last organisation suffix before the goods."""
    if text.startswith("给", start):
        start += 1
    stretch = text[start:end]
    best = 0
    for suffix in lx.ORG_SUFFIXES:
        at = stretch.find(suffix)
        while at >= 0:
            if at + len(suffix) > best and at + len(suffix) < len(stretch):
                best = at + len(suffix)
            at = stretch.find(suffix, at + 1)
    if best >= 2:
        return stretch[:best], start + best
    return "", start


def _starts_amount(text: str, position: int) -> bool:
    rest = text[position : position + 16]
    return bool(
        re.match(
            rf"(?:价值(?:高达|达|约|近)?|折合(?:人民币)?|现金|人民币)?[{_NUM}]+[余多]?[万亿]?[余多]?元", rest
        )
    ) or bool(
        re.match(
            r"[\u4e00-\u9fff]{1,8}[0-9一二两三四五六七八九十百千万]+[余多]?[只个套箱瓶件袋份台辆吨斤副双盒桶包支张]",
            rest,
        )
    )


def _has_amount(text: str) -> bool:
    return bool(re.search(rf"[{_NUM}]", text)) or any(text.endswith(h) for h in GOODS_HEADS)


def _recipient_before(text: str, verb_start: int) -> str:
    clause_start = max(text.rfind(ch, 0, verb_start) for ch in "，,。；;：:") + 1
    m = _RECIPIENT_RE.search(text[clause_start:verb_start])
    if not m:
        return ""
    who = m.group("who")
    if who.startswith(("抗击", "疫情", "防控", "抗疫")) or len(who) < 2:
        return ""
    return who


def _sharing(text: str, verb_start: int) -> str:
    before = text[max(0, verb_start - 6) : verb_start]
    for mark in lx.RESPECTIVE_MARKS:
        if mark in before:
            return "respective"
    for mark in lx.SHARED_MARKS:
        if mark in before:
            return "each"
    for mark in ("共同", "联合", "一起", "合计"):
        if mark in before:
            return "joint"
    return ""


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for m in _SPLIT_RE.finditer(text, start, end):
        if _inside_number(text, m.start()):
            continue
        spans.append((cursor, m.start()))
        cursor = m.end()
    spans.append((cursor, end))
    out = []
    for s, e in spans:
        while s < e and text[s] in " ":
            s += 1
        s = _skip_lead_words(text, s, e)
        while e > s and text[e - 1] in " 等。":
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _inside_number(text: str, position: int) -> bool:
    return (
        text[position] in ",，"
        and position > 0
        and text[position - 1].isdigit()
        and text[position + 1 : position + 4].isdigit()
    )


def _skip_lead_words(text: str, start: int, end: int) -> int:
    changed = True
    while changed:
        changed = False
        for word in _LEAD_AND_VERBS:
            if (
                text.startswith(word, start)
                and start + len(word) < end
                and not text.startswith("价值", start)
            ):
                rest = text[start + len(word) : end]
                if word in ("物资", "现金", "善款", "资金") and not re.match(rf"[{_NUM}]", rest):
                    continue
                start += len(word)
                changed = True
                break
    return start


def _parse_part(part: str) -> tuple[Donation | None, bool]:
    """One donation from one listed part, and whether its figure is approximate."""
    part = part.strip(" “”\"'")
    if not part or len(part) > 40:
        return None, False
    approximate = is_approximate(part)
    for pattern in (_VALUE_FIRST_RE, _VALUE_AFTER_RE, _VALUE_LAST_RE):
        m = pattern.fullmatch(part)
        if m:
            fen = _money(m.group("amt"))
            if fen is None:
                continue
            rest = m.group("rest").strip(" 的").lstrip("和及与、")
            donation = Donation(amount_fen=fen)
            if rest:
                goods = _goods(rest)
                if goods:
                    donation.item, donation.quantity, donation.quantity_unit = goods
                else:
                    donation.item = rest
            return donation, approximate
    valued = re.fullmatch(r"(?P<amt>.+?(?:元|块钱))的(?P<rest>.+)", part)
    if valued and MONEY_RE.fullmatch(valued.group("amt")) and valued.group("rest").endswith(GOODS_HEADS):
        fen = _money(valued.group("amt"))  # 2500元的抗疫物资: goods of that value
        if fen is not None and fen > 0:
            return Donation(amount_fen=fen, item=valued.group("rest")), approximate
    if MONEY_RE.fullmatch(part):
        fen = _money(part)
        if fen is not None and fen > 0:
            return Donation(amount_fen=fen), approximate
    goods = _goods(part)
    if goods:
        item, quantity, unit = goods
        return Donation(item=item, quantity=quantity, quantity_unit=unit), approximate
    if any(part.endswith(head) for head in GOODS_HEADS) and len(part) <= 16 and not re.search(r"[0-9]", part):
        return Donation(item=part), False
    return None, False


def _figure_text(part: str) -> str:
    """The words that carry the figure (价值5万余元 of 价值5万余元的防疫物资)."""
    m = _VALUE_FIRST_RE.fullmatch(part)
    return "价值" + m.group("amt") if m else part


def _money(text: str) -> int | None:
    try:
        return parse_amount_fen(text)
    except AmountError:
        return None


def _goods(text: str) -> tuple[str, int, str] | None:
    text = text.rstrip("等")
    if not re.search(rf"[{_NUM}]", text):
        return None
    try:
        item, quantity, unit = parse_goods(text)
    except AmountError:
        return None
    if len(item) > 16 or not re.search(r"[\u4e00-\u9fffA-Za-z]", item):
        return None
    return item, quantity, unit
