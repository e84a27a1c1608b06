"""The words printed on certificates and rolls, in Chinese (default) or English.

A certificate summary is a Chinese document whatever language the app's menus are in,
so these labels are not Qt translations: they are the catalogue's (core/i18n.py), rendered in
the document's `language` option.
Kept Qt-free so the wording can be tested without a display.
"""

from __future__ import annotations

from datetime import date

from ..core.i18n import Text, ptext
from ..core.vocabulary import DEFAULT_LEVEL, GENDERS, LEVELS, STATUSES

LANGUAGES = ("zh", "en")

# Each label's English is its msgid in the catalogue (core/i18n.py); its Chinese is in the .po.
_LABELS: dict[str, Text] = {
    "certificate_title": Text("Certificate of Honour — Summary"),
    "continued_title": Text("Certificate of Honour — Summary (continued)"),
    "serial_line": Text("No. {serial}"),
    "name": Text("Name"),
    "collective_name": ptext("a collective", "Name"),
    "gender": Text("Gender"),
    "age": Text("Age"),
    "birth": Text("Born"),
    "unit": Text("Work unit"),
    "position": Text("Position"),
    "status": Text("Status"),
    "honours": Text("Honours"),
    "no_honours": Text("No honours recorded"),
    "deeds": ptext("certificate heading", "Deeds"),
    "no_deeds": Text("No deeds recorded"),
    "donations": ptext("certificate heading", "Donations"),
    "donation_cash": Text("Cash {amount}"),
    "worth": Text(" (worth {value})"),
    "dated_deed": Text("{when}: {text}"),
    "donation_extras": Text("; {extras}"),
    "honour_details": Text("{title} ({details})"),
    "total": Text("Total: {parts}"),
    "total_cash": Text("cash "),
    "total_goods": Text("goods: "),
    "posthumous": Text("Posthumous"),
    "id_number": Text("ID number"),
    "revoked": ptext("an honour", "revoked"),
    "seal": Text("(Seal)"),
    "signature": Text("Signature: "),
    "continued_next": Text("(continued overleaf)"),
    "page_of": Text("Page {page} of {pages}"),
    "roll_title": Text("Roll of Honourees"),
    "roll_continued": Text(" (continued)"),
    "roll_by_level": Text("grouped by honour level"),
    "roll_by_unit": Text("grouped by work unit"),
    "roll_count": Text("{count} honourees"),
    "roll_query": Text("Query: {query}"),
    "roll_printed": Text("Printed {date}"),
    "roll_group_count": ptext("people in a group", "{count}"),
    "table_title": Text("List of Honourees"),
    "table_everyone": Text("All honourees"),
    "table_sorted": Text("sorted by {column}, {direction}"),
    "table_ascending": Text("ascending"),
    "table_descending": Text("descending"),
    "table_unsorted": Text("in the default order"),
    "col_no": ptext("table column", "No."),
    "col_name": Text("Name"),
    "col_gender": Text("Gender"),
    "col_unit": Text("Work unit"),
    "col_position": Text("Position"),
    "col_honours": Text("Honours"),
    "col_level": Text("Level"),
    "col_donation": ptext("table column", "Donations"),
    "no_level": Text("No honour"),
    "no_unit": Text("(no work unit)"),
    "empty_roll": Text("No honourees match."),
    "list_sep": ptext("list separator", ", "),
    "year": ptext("year of an honour", "{year}"),
}

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # not %B: that follows the machine's locale


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}: {language!r}")
    return language


def label(key: str, language: str = "zh", **values: object) -> str:
    """The label `key` in the document's `language`, its {placeholders} filled from `values`."""
    text = _LABELS[key]
    return (
        ptext(text.context, text.msgid, **values).render(language)
        if text.context
        else Text(text.msgid, **values).render(language)
    )


def level_name(level: str | None, language: str = "zh") -> str:
    """国家级 … 其他 for a level (vocabulary.py; an unknown one as 其他), 无荣誉 for None
    (an honouree without honours)."""
    if level is None:
        return label("no_level", language)
    return LEVELS.label(level if level in LEVELS else DEFAULT_LEVEL, language)


def status_text(status: str, language: str = "zh") -> str:
    return STATUSES.label(status, language)


def gender_text(gender: str, language: str = "zh") -> str:
    return GENDERS.label(gender, language)


def age_text(age: str, language: str = "zh") -> str:
    """The reported age as printed: '28' and '28岁' both give 28岁 (or '28' in English)."""
    age = (age or "").strip()
    if not age:
        return ""
    number = age.removesuffix("岁")
    if language == "zh":
        return f"{number}岁" if number.isdigit() else age
    return number


def birth_text(birth_date: str, language: str = "zh") -> str:
    """'1980-05-12' → 1980年5月; '1980' → 1980年 (a certificate prints year and month only)."""
    parts = (birth_date or "").strip().split("-")
    if not parts[0].isdigit():
        return (birth_date or "").strip()
    if language != "zh":
        return "-".join(parts[:2])
    year = f"{int(parts[0])}年"
    if len(parts) > 1 and parts[1].isdigit():
        return f"{year}{int(parts[1])}月"
    return year


def date_text(day: date, language: str = "zh") -> str:
    """2026年5月1日 (Arabic numerals, as GB/T 9704 writes dates) or 1 May 2026."""
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
