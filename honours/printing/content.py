"""What goes on a certificate summary and a roll row, decided before any drawing.

Turning an `Honouree` into printable strings (serial number, 50万元, 追授, groups of the
roll) is kept apart from layout so that it is plain Python: testable without Qt, and the
same for the PDF export, the printer and the preview.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date

from ..core.amounts import format_quantity, format_yuan
from ..core.archive import ID_NUMBER, shown
from ..core.i18n import Joined
from ..core.records import LEVEL_ORDER, Donation, Honour, Honouree
from .texts import age_text, birth_text, date_text, gender_text, label, level_name, status_text

COLLECTIVE = "collective"
GROUP_BY = ("level", "unit")


def serial_number(honouree_id: int, issue_date: date, prefix: str = "HY") -> str:
    """HY-2026-000011: the same honouree printed on the same date always gets the same number,
    so a reprint matches the copy already filed."""
    return f"{prefix}-{issue_date.year}-{honouree_id:06d}"


def iso_date_text(value: str | None, language: str = "zh") -> str:
    """'2020-02-03' → 2020年2月3日, '2020-02' → 2020年2月, '2020' → 2020年; other text as is."""
    text = (value or "").strip()
    parts = text.split("-")
    if not text or not all(p.isdigit() for p in parts) or len(parts) > 3:
        return text
    if language != "zh":
        return text
    return "".join(f"{int(p)}{unit}" for p, unit in zip(parts, ("年", "月", "日"), strict=False))


@dataclass
class HonourLine:
    title: str
    details: str  # 市级 · 2020年 · 衡阳市总工会
    posthumous: bool


@dataclass
class CertificateContent:
    """Everything printed on one certificate summary, as text."""

    honouree_id: int
    serial: str
    organisation: str
    issue_date: str
    name: str
    is_collective: bool
    facts: list[tuple[str, str]]  # (label, value) beside the photo
    honours: list[HonourLine]
    deeds: list[str]
    donations: list[str]
    donation_total: str
    photo_id: int | None
    initial: str  # the character on the placeholder disc


def honour_details(honour: Honour, language: str = "zh") -> str:
    parts = [level_name(honour.level, language)]
    if honour.year:
        parts.append(label("year", language, year=honour.year))
    if honour.awarded_by:
        parts.append(honour.awarded_by)
    if honour.document:
        parts.append(honour.document)
    if honour.revoked:  # 取消称号: printed, marked, and it no longer counts for the level
        parts.append(label("revoked", language) + (f" {honour.revoked_date}" if honour.revoked_date else ""))
    return " · ".join(parts)


def goods_text(donation: Donation) -> str:
    """口罩1万只; an item without a quantity is just its name."""
    if donation.quantity is None:
        return donation.item
    return donation.item + format_quantity(donation.quantity, donation.quantity_unit)


def donation_text(donation: Donation, language: str = "zh") -> str:
    """One donation line: 捐款50万元, 口罩1万只, 防疫物资（价值5万元）, with recipient and note."""
    if donation.item:
        text = goods_text(donation)
        if donation.amount_fen is not None:
            value = format_yuan(donation.amount_fen)
            text += label("worth", language, value=value)
    else:
        text = label("donation_cash", language, amount=format_yuan(donation.amount_fen or 0))
    extras = [
        x
        for x in (
            iso_date_text(donation.date, language),
            f"→ {donation.recipient}" if donation.recipient else "",
            donation.note,
        )
        if x
    ]
    if not extras:
        return text
    return text + label("donation_extras", language, extras=Joined(extras, "commas"))


def goods_totals(donations: list[Donation]) -> list[str]:
    """Quantities summed per (item, unit), in first-seen order: 口罩1万只、防疫物品13万套."""
    totals: OrderedDict[tuple[str, str], int] = OrderedDict()
    for d in donations:
        if d.item and d.quantity is not None:
            key = (d.item, d.quantity_unit)
            totals[key] = totals.get(key, 0) + d.quantity
    return [item + format_quantity(quantity, unit) for (item, unit), quantity in totals.items()]


def donation_total_text(donations: list[Donation], language: str = "zh") -> str:
    """合计：捐款60万元；物资：口罩1万只 — only worth printing when there is more than one line."""
    if len(donations) < 2:
        return ""
    sep = label("list_sep", language)
    parts = []
    cash = sum(d.amount_fen or 0 for d in donations if not d.item)
    if cash:
        parts.append(label("total_cash", language) + format_yuan(cash))
    goods = goods_totals(donations)
    if goods:
        parts.append(label("total_goods", language) + sep.join(goods))
    if not parts:
        return ""
    return label("total", language, parts=Joined(parts, "items"))


def certificate_content(
    honouree: Honouree,
    *,
    organisation: str,
    issue_date: date,
    serial_prefix: str = "HY",
    language: str = "zh",
    reveal_id: bool = False,
) -> CertificateContent:
    """The printable text of one honouree's certificate summary; the ID number (personal data)
    masked unless `reveal_id`."""
    assert honouree.id is not None
    collective = honouree.category == COLLECTIVE
    facts: list[tuple[str, str]] = []
    if not collective:
        if honouree.gender:
            facts.append((label("gender", language), gender_text(honouree.gender, language)))
        if honouree.age:
            facts.append((label("age", language), age_text(honouree.age, language)))
        if honouree.birth_date:
            facts.append((label("birth", language), birth_text(honouree.birth_date, language)))
        if honouree.id_number:
            facts.append((label("id_number", language), shown(ID_NUMBER, honouree.id_number, reveal_id)))
    if honouree.unit:
        facts.append((label("unit", language), honouree.unit))
    if honouree.position:
        facts.append((label("position", language), honouree.position))
    if honouree.status in ("deceased", "retired"):
        facts.append((label("status", language), status_text(honouree.status, language)))
    deeds = []
    for deed in honouree.deeds:
        when = iso_date_text(deed.date, language)
        deeds.append(label("dated_deed", language, when=when, text=deed.text) if when else deed.text)
    photo = honouree.primary_photo
    return CertificateContent(
        honouree_id=honouree.id,
        serial=serial_number(honouree.id, issue_date, serial_prefix),
        organisation=organisation,
        issue_date=date_text(issue_date, language),
        name=honouree.name,
        is_collective=collective,
        facts=facts,
        honours=[HonourLine(h.title, honour_details(h, language), h.posthumous) for h in honouree.honours],
        deeds=deeds,
        donations=[donation_text(d, language) for d in honouree.donations],
        donation_total=donation_total_text(honouree.donations, language),
        photo_id=photo.id if photo else None,
        initial=honouree.name.strip()[:1],
    )


# -- the printed roll -----------------------------------------------------------------------


@dataclass
class RollEntry:
    """One row of the printed roll."""

    honouree_id: int
    name: str
    note: str  # 已故 / 退休 under the name
    gender: str
    unit: str
    position: str
    honours: list[str]
    level: str | None
    donations: list[str]
    number: int = 0  # 序号, given once the rows are in printed order


@dataclass
class RollGroup:
    title: str
    entries: list[RollEntry] = field(default_factory=list)


def roll_entry(honouree: Honouree, language: str = "zh") -> RollEntry:
    honours = []
    for h in honouree.honours:
        # （2008） rather than （2008年）: a line may break before 年, never inside （2008）
        bits = [str(h.year)] if h.year else []
        if h.posthumous:
            bits.append(label("posthumous", language))
        if h.revoked:  # still listed, marked; the roll's grouping by level leaves it out (highest_level)
            bits.append(label("revoked", language))
        if bits:
            honours.append(label("honour_details", language, title=h.title, details=Joined(bits, "commas")))
        else:
            honours.append(h.title)
    donations = []
    cash = sum(d.amount_fen or 0 for d in honouree.donations if not d.item)
    if cash:
        donations.append(format_yuan(cash))
    donations.extend(goods_totals(honouree.donations))
    note = status_text(honouree.status, language) if honouree.status in ("deceased", "retired") else ""
    assert honouree.id is not None
    return RollEntry(
        honouree.id,
        honouree.name,
        note,
        gender_text(honouree.gender, language),
        honouree.unit,
        honouree.position,
        honours,
        honouree.highest_level,
        donations,
    )


def group_entries(
    entries: list[RollEntry], group_by: str, language: str = "zh", unit_sort_key=None
) -> list[RollGroup]:
    """Split rows into groups: by highest honour level (国家级 … 其他, then 无荣誉) or by unit
    (ordered by `unit_sort_key`, e.g. pinyin; records without a unit last). Rows keep their
    order inside a group, and are numbered 1..n in the printed order."""
    if group_by not in GROUP_BY:
        raise ValueError(f"group_by must be one of {', '.join(GROUP_BY)}: {group_by!r}")
    buckets: OrderedDict[object, list[RollEntry]] = OrderedDict()
    for entry in entries:
        key = entry.level if group_by == "level" else entry.unit.strip()
        buckets.setdefault(key, []).append(entry)
    if group_by == "level":
        order = [lv.value for lv in LEVEL_ORDER] + [None]
        keys = [k for k in order if k in buckets]
        groups = [RollGroup(level_name(k, language), buckets[k]) for k in keys]  # type: ignore[arg-type]
    else:
        sort_key = unit_sort_key or (lambda text: text)
        named = sorted((k for k in buckets if k), key=lambda k: sort_key(k))  # type: ignore[arg-type]
        groups = [RollGroup(str(k), buckets[k]) for k in named]
        if "" in buckets:
            groups.append(RollGroup(label("no_unit", language), buckets[""]))
    number = 0
    for group in groups:
        for entry in group.entries:
            number += 1
            entry.number = number
    return groups
