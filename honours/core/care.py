"""Care of model workers (关怀记录) apart from storage: what "due" means, and the rows and totals
of a 慰问金发放签领表. How a record reads is diffs.care_text; how a sheet's cell of them is
read back, spreadsheet.parse_care_cell.

The records themselves are a kind of the field spec (fields.CARE, records.Care); the SQL that
finds who is due is the backend's (sqlite/care.py). Nothing here touches a connection or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .capital_numerals import yuan_in_capitals
from .i18n import Message, Text
from .records import Honouree, RecordValueError
from .vocabulary import SIGN_SHEET_TITLE, SIGN_SHEET_YEAR

# -- who is due ---------------------------------------------------------------------------------

DUE_KINDS = ("visit", "checkup", "recuperation", "aid", "stale")


@dataclass(frozen=True)
class DuePeriods:
    """How often each kind of care is owed (the app's settings; these are the usual rules)."""

    checkup_serving_years: int = 1  # a serving model worker: a check-up every year
    checkup_retired_years: int = 2  # a retired one: every two years
    recuperation_years: int = 2  # a serving model worker: recuperation every two years
    aid_months: int = 12  # a 困难劳模 not helped for this long
    stale_months: int = 12  # a file not updated for this long


@dataclass
class DueEntry:
    """One person who is due, with the last care of the kind (None: never)."""

    id: int
    name: str
    unit: str
    status: str
    region: str
    last: str | None  # date of the last record of the kind (stale: the file's last change)
    reason: Message  # why due: no visit in 2027 …

    @property
    def reason_en(self) -> str:
        return self.reason.en

    @property
    def reason_zh(self) -> str:
        return self.reason.zh

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "unit": self.unit,
            "status": self.status,
            "region": self.region,
            "last": self.last,
            "reason": self.reason_en,
            "reason_zh": self.reason_zh,
        }


@dataclass
class DueList:
    """The answer to `honours due KIND`: who, as of which day, and what the rule was."""

    kind: str
    year: int
    as_of: str  # ISO date the rules were reckoned at
    entries: list[DueEntry] = field(default_factory=list)
    notices: list[Message] = field(default_factory=list)  # e.g. nobody is marked hardship

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "year": self.year,
            "as_of": self.as_of,
            "count": len(self.entries),
            "people": [e.to_dict() for e in self.entries],
            "notices": [notice.en for notice in self.notices],
        }


def as_of_date(year: int | None, today: date | None = None) -> tuple[int, date]:
    """The year asked about and the day its rules are reckoned at: today in this year, the
    year's last day for a past year, its first day for a future one."""
    today = today or date.today()
    year = year or today.year
    if year == today.year:
        return year, today
    return year, date(year, 12, 31) if year < today.year else date(year, 1, 1)


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the 31st of a shorter month becomes its last day)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


# -- the 慰问金发放签领表 -------------------------------------------------------------------------


@dataclass
class SignRow:
    number: int
    name: str
    unit: str
    amount_fen: int


@dataclass
class SignSheet:
    """A sign sheet's content: a row per person (序号, 姓名, 工作单位, 金额, 签领) and the total."""

    title: str
    date: str
    rows: list[SignRow]
    organisation: str = ""

    @property
    def total_fen(self) -> int:
        return sum(r.amount_fen for r in self.rows)

    @property
    def total_text(self) -> str:
        """The total in figures as the sheet writes it: ¥12,500.00."""
        return f"¥{yuan_figures(self.total_fen)}"

    @property
    def total_capitals(self) -> str:
        """人民币壹万贰仟伍佰元整."""
        return yuan_in_capitals(self.total_fen)

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "date": self.date,
            "organisation": self.organisation,
            "count": len(self.rows),
            "rows": [
                {
                    "number": r.number,
                    "name": r.name,
                    "unit": r.unit,
                    "amount_yuan": yuan_figures(r.amount_fen),
                }
                for r in self.rows
            ],
            "total_yuan": yuan_figures(self.total_fen),
            "total_capitals": self.total_capitals,
        }


def yuan_figures(fen: int) -> str:
    """12,500.00 (figures as a money column writes them)."""
    return f"{fen // 100:,}.{fen % 100:02d}"


def sign_sheet_title(occasion: str, year: int | None = None) -> str:
    """2027年春节慰问金发放签领表."""
    return SIGN_SHEET_TITLE.format(year=SIGN_SHEET_YEAR.format(year=year) if year else "", occasion=occasion)


def sign_sheet(
    people: list[Honouree],
    amount_fen: int,
    *,
    occasion: str = "",
    day: str = "",
    title: str = "",
    organisation: str = "",
) -> SignSheet:
    """The sign sheet of one distribution: every person the same amount, in the order given."""
    if amount_fen is None or amount_fen < 0:
        raise RecordValueError(Text("the amount must be a sum of money"))
    year = int(day[:4]) if day[:4].isdigit() else None
    return SignSheet(
        title or sign_sheet_title(occasion, year),
        day,
        [SignRow(i, h.name, h.unit, amount_fen) for i, h in enumerate(people, 1)],
        organisation,
    )
