"""Reading the dates and years people write, one way for every door into the registry.

A sheet's cell, the edit dialog, JSON input (`honours add`/`edit`, imports) and the query
language (`year:2020`) all read through here, so a date one of them takes the others take
too, within the one range of years below. Reports often give only a month or a year, so
those are kept as written (`2020-02`, `2020`), never padded to a made-up day.

    2020-2-5, 2020.2.5, 2020/02/05, 2020年2月5日 → 2020-02-05
    2020年2月, 2020.2                        → 2020-02
    2020, 2020年, 2020年度                      → 2020
    ２０２０年２月 (fullwidth digits)           → 2020-02
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

FIRST_YEAR = 1800  # births of the oldest honourees a provincial archive records
LAST_YEAR = 2100

_SEP = r"[-./年]"
_FULL = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}})[-./月](\d{{1,2}})[日号]?")
_MONTH = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}})月?")
_YEAR = re.compile(r"(\d{4})(?:年度?|年)?")


@dataclass(frozen=True)
class PartialDate:
    """A date as precise as it was written: `text` is ISO (YYYY-MM-DD, YYYY-MM or YYYY)."""

    text: str
    year: int

    @property
    def is_full(self) -> bool:
        return len(self.text) == 10


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def valid_year(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def parse_year(text: str) -> int | None:
    """A year as written (2020, 2020年, ２０２０年度) within the range, else None."""
    match = _YEAR.fullmatch(_clean(text))
    if match is None:
        return None
    year = int(match.group(1))
    return year if valid_year(year) else None


def parse_date(text: str) -> PartialDate | None:
    """A date, month or year as written (see the module doc) within the range, else None."""
    cleaned = _clean(text)
    match = _FULL.fullmatch(cleaned)
    if match:
        year, month, day = (int(g) for g in match.groups())
        try:
            date(year, month, day)
        except ValueError:
            return None
        return PartialDate(f"{year:04d}-{month:02d}-{day:02d}", year) if valid_year(year) else None
    match = _MONTH.fullmatch(cleaned)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        return PartialDate(f"{year:04d}-{month:02d}", year) if 1 <= month <= 12 and valid_year(year) else None
    year = parse_year(cleaned)
    return None if year is None else PartialDate(f"{year:04d}", year)


def date_value(value: object) -> PartialDate | None:
    """A spreadsheet or JSON value as a date: a date or datetime, a whole number (a year),
    or text; None when it is none of these or outside the range."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return PartialDate(value.isoformat(), value.year) if valid_year(value.year) else None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return PartialDate(str(value), value) if valid_year(value) else None
    return parse_date(str(value)) if isinstance(value, str) else None


def year_value(value: object) -> int | None:
    """A JSON or spreadsheet year (2020, "2020", "2020年") within the range, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return value if valid_year(value) else None
    return parse_year(value) if isinstance(value, str) else None
