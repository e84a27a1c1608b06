"""Statistics (统计): counts of the roll by one or two dimensions, donation and care totals, declared once.

A dimension says where its values come from — a column of the honouree (one value per
person: region, gender, the age band of the birth date …) or of a per-person record table
(several per person: the levels and years of their honours) — how a value reads, in what
order values come, and the query-language term that lists the people behind it. From
that alone the backend counts (core/sqlite/statistics.py writes SQLite's SQL; another
backend writes its own from the same declarations), the CLI, window, PDF and sheet show
the tables, and every figure carries the search that lists its people, so a click runs it.

Counts are of people (distinct honourees), the way a search counts: a cell of level ×
year holds those with a national honour and an honour of 2020, exactly the people its
search `level:国家级 year:2020` finds; a person with honours of two levels counts under
each, so a multi-valued dimension's row does not add up to the total (the totals are
counted, not summed). Trashed honourees never count; collectives (category 集体) are
counted in their own table apart from people; an honour marked revoked (REVOKED) never
counts. An honouree without a value (no honour, no year, no birth date, no region) is
counted under the empty value (未填), whose cell has no search.

Care spending (关怀: money and goods given) is the CARE measure, by year of the record's
date, by its kind and by region; its figures' searches are `cared:2026`, `cared:慰问`
(a care record of that kind) and `region:衡阳 cared:yes` — terms apart from the care
context (`kind:`/`care:` with `year:` on one record), so a restricting `year:2020` keeps
meaning the honours' year.

A field of the honouree becomes a dimension by its declaration alone: `counted="value"` on
its FieldSpec (fields.py) — 政治面貌, 文化程度 — makes it a choice of --by, of the window's
lists, and the query term behind its cells (`gender:女`, query.py's EXACT_FIELDS, or the
archive's own `political:中共党员`; query.qualifier_of). A record table's column is one `Dimension` in DIMENSIONS
(care kinds: `Dimension("care_kind", …, "care", "kind", "cared", CARE_KINDS)`), and a summed
record kind (care spending) is `Measure.of(CARE, "cared")` in MEASURES, totalled by year (of
its date), by any person dimension or by a dimension on its own table. Nothing else changes:
the CLI's choices, the window's lists and the backend's SQL come from these.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from .errors import QueryError
from .fields import CARE, DATE, DONATION, FEN, HONOUR, HONOUREE_FIELDS, INT, FieldSpec, RecordKind
from .i18n import Joined, Text, ptext, quoted
from .query import parse, qualifier_of, quote_term
from .vocabulary import CARE_KINDS, LEVELS, Vocabulary

if TYPE_CHECKING:
    from .storage import Storage

PERSON = "honouree"  # a dimension on the honouree's own row: one value per person
EMPTY = ""  # the value of an honouree who has none (未填)
# How a table's cells without a value, and its total, are labelled.
NOT_GIVEN = ptext("a statistics value", "not given")
NONE = ptext("a statistics value", "none")
TOTAL = ptext("a statistics row", "Total")

# The per-record flag that stops a record counting: (table, column); honour.revoked exists
# in every file since the archive's migration (SQLite migration 7).
REVOKED: tuple[tuple[str, str], ...] = (("honour", "revoked"),)


@dataclass(frozen=True)
class Band:
    """A range of whole numbers shown as one value (an age band)."""

    key: str
    low: int | None  # inclusive; None: open
    high: int | None
    zh: str
    en: str

    def term(self) -> str:
        if self.low is None:
            return f"<={self.high}"
        if self.high is None:
            return f">={self.low}"
        return f":{self.low}..{self.high}"


AGE_BANDS = (
    Band("<30", None, 29, "30岁以下", "under 30"),
    Band("30-39", 30, 39, "30–39岁", "30–39"),
    Band("40-49", 40, 49, "40–49岁", "40–49"),
    Band("50-59", 50, 59, "50–59岁", "50–59"),
    Band("60-69", 60, 69, "60–69岁", "60–69"),
    Band("70+", 70, None, "70岁及以上", "70 and over"),
)


@dataclass(frozen=True)
class Dimension:
    """What a table may be counted by."""

    key: str  # as --by names it
    en: str
    zh: str
    table: str  # PERSON, or a per-person record table ("honour"): several values per person
    column: str  # its column there (for bands: the birth date the age is counted from)
    qualifier: str  # the query language's term for a value (query.py)
    vocabulary: Vocabulary | None = None  # labels and order of stored keys
    bands: tuple[Band, ...] = ()  # values are these bands of a number (the age)
    numeric: bool = False  # values are numbers in ascending order (years)
    # The honouree's derived column holding the index in `vocabulary` of their best value among
    # the records that count (level_rank; 9: none), kept on every save: a person has no value
    # ranked before it, and has it, so the backend seeks only the values ranked after it.
    best: str = ""

    def label(self, value: object, language: str = "zh") -> str:
        if value is None or value == EMPTY:
            if self.table != PERSON:  # no record of the table: no honour, no care
                return NONE.render(language)
            return NOT_GIVEN.render(language)
        if self.bands:
            band = next((b for b in self.bands if b.key == value), None)
            return (band.zh if language == "zh" else band.en) if band else str(value)
        if self.vocabulary is not None:
            return self.vocabulary.label(str(value), language)
        return str(value)

    def band_of(self, age: object) -> object:
        """The key of the band an age is in; EMPTY for no age (no or an unreadable birth date).
        Both backends group by the age itself and band it here."""
        if age is None:
            return EMPTY
        for band in self.bands:
            if (band.low is None or age >= band.low) and (band.high is None or age <= band.high):  # type: ignore[operator]
                return band.key
        return EMPTY

    def term(self, value: object) -> str | None:
        """The search term for the people with this value; None for the empty value."""
        if value is None or value == EMPTY:
            return None
        if self.bands:
            band = next(b for b in self.bands if b.key == value)
            return f"{self.qualifier}{band.term()}"
        word = self.vocabulary.label(str(value), "zh") if self.vocabulary is not None else str(value)
        return quote_term(f"{self.qualifier}:{word}")

    def order(self, values: list[object], counts: dict[object, int]) -> list[object]:
        """Values in reading order: the vocabulary's, bands', years ascending, else most first;
        the empty value last."""
        present = [v for v in values if v not in (None, EMPTY)]
        if self.bands:
            keys = [b.key for b in self.bands]
            present.sort(key=keys.index)
        elif self.vocabulary is not None and self.key != "category":
            present.sort(key=lambda v: (self.vocabulary.rank(str(v)), str(v)))  # type: ignore[union-attr]
        elif self.numeric:
            present.sort(key=lambda v: int(v))  # type: ignore[call-overload]
        else:
            present.sort(key=lambda v: (-counts.get(v, 0), str(v)))
        return present + [EMPTY] * any(v in (None, EMPTY) for v in values)


def _person_dimensions() -> list[Dimension]:
    """The honouree's fields the spec says are counted (fields.py `counted`): by value, or a
    date in age bands."""
    out = []
    for spec in HONOUREE_FIELDS:
        if spec.counted in ("value", "share"):
            qualifier = qualifier_of(spec.key)  # 政治面貌 is `political:` in a search and in --by
            out.append(
                Dimension(qualifier, spec.en, spec.zh, PERSON, spec.column, qualifier, spec.vocabulary)
            )
        elif spec.counted == "age":
            out.append(Dimension("age", "Age", "年龄", PERSON, spec.column, "age", bands=AGE_BANDS))
    return out


DIMENSIONS: dict[str, Dimension] = {
    d.key: d
    for d in (
        Dimension("level", "Level", "级别", HONOUR.table, "level", "level", LEVELS, best="level_rank"),
        Dimension("year", "Year", "年份", HONOUR.table, "year", "year", numeric=True),
        *_person_dimensions(),
        # care records of a kind; `cared:慰问`, not `kind:`, so a restricting year: stays the honours'
        Dimension("care_kind", "Care kind", "关怀类别", CARE.table, "kind", "cared", CARE_KINDS),
    )
}


@dataclass(frozen=True)
class Subject:
    """Whom a table counts: people, or collectives apart (by the category 集体)."""

    key: str
    en: str
    zh: str
    collective: bool

    @property
    def term(self) -> str:
        return f"collective:{'yes' if self.collective else 'no'}"


PEOPLE = Subject("people", "People", "个人", False)
COLLECTIVES = Subject("collectives", "Collectives", "集体", True)
SUBJECTS = {s.key: s for s in (PEOPLE, COLLECTIVES)}


@dataclass(frozen=True)
class Measure:
    """A per-person record kind whose money and goods are summed (donations; care spending)."""

    key: str
    en: str
    zh: str
    table: str
    amount_column: str  # integer fen
    quantity_column: str
    unit_column: str
    date_column: str  # its year is the `year` row of an amount table
    qualifier: str  # the query term for "has one dated in these years" (donated:2020)

    @classmethod
    def of(cls, kind: RecordKind, qualifier: str) -> Measure:
        """A kind's measure from its declaration: its money (FEN), quantity (INT), the unit
        the spec marks counted="unit", and its date."""

        def column(test: Callable[[FieldSpec], bool]) -> str:
            return next(f.column for f in kind.fields if test(f))

        return cls(
            kind.name,
            kind.en,
            kind.zh,
            kind.table,
            column(lambda f: f.type == FEN),
            column(lambda f: f.type == INT),
            column(lambda f: f.counted == "unit"),
            column(lambda f: f.type == DATE),
            qualifier,
        )


MEASURES: dict[str, Measure] = {
    m.key: m for m in (Measure.of(DONATION, "donated"), Measure.of(CARE, "cared"))
}


def yuan(fen: int) -> str:
    """Fen as exact yuan with two decimals (500000.00): JSON and sheets never round money."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"


def _join(*terms: str | None) -> str:
    return " ".join(t for t in terms if t)


@dataclass
class Cell:
    """One figure and the search that lists its people (None: the empty value's, unsearchable)."""

    count: int
    query: str | None

    def to_json(self) -> dict:
        return {"count": self.count, "query": self.query}


@dataclass
class CrossTable:
    """Counts by one dimension (rows), or two (rows × columns), with counted totals."""

    subject: Subject
    rows_by: Dimension
    columns_by: Dimension | None
    rows: list[object]
    columns: list[object]  # [] for one dimension
    cells: dict[tuple[object, object], Cell]
    row_totals: dict[object, Cell]
    column_totals: dict[object, Cell]
    total: Cell

    def cell(self, row: object, column: object) -> Cell:
        """A cell, zero (with its search) where nobody is counted."""
        found = self.cells.get((row, column))
        if found is not None:
            return found
        return Cell(0, self.cells_query(row, column))

    def cells_query(self, row: object, column: object) -> str | None:
        base = self.total.query or ""
        row_term = self.rows_by.term(row)
        if self.columns_by is None:
            return _join(base, row_term) if row_term else None
        column_term = self.columns_by.term(column)
        return _join(base, row_term, column_term) if row_term and column_term else None

    def to_json(self, language: str = "zh") -> dict:
        by2 = self.columns_by
        return {
            "subject": self.subject.key,
            "by": self.rows_by.key,
            "by2": by2.key if by2 else None,
            "total": self.total.to_json(),
            "columns": [
                {"value": c, "label": by2.label(c, language), **self.column_totals[c].to_json()}
                for c in self.columns
            ]
            if by2
            else [],
            "rows": [
                {
                    "value": r,
                    "label": self.rows_by.label(r, language),
                    **self.row_totals[r].to_json(),
                    **({"cells": [self.cell(r, c).to_json() for c in self.columns]} if by2 else {}),
                }
                for r in self.rows
            ],
        }


@dataclass
class AmountRow:
    value: object
    donors: Cell  # people and collectives with such a record
    amount_fen: int
    goods: dict[str, int]  # quantity by unit (只, 套, 箱 …; "" when the unit was not given)


@dataclass
class AmountTable:
    """Money (exact, in fen) and goods (by unit) of a measure by one dimension, with the total."""

    measure: Measure
    by: Dimension
    rows: list[AmountRow]
    total: AmountRow

    def label(self, value: object, language: str = "zh") -> str:
        """A row's label; a record without a date is 未填 by year."""
        if self.by.key == "year" and value in (None, EMPTY):
            return NOT_GIVEN.render(language)
        return self.by.label(value, language)

    @property
    def units(self) -> list[str]:
        return sorted({u for r in self.rows for u in r.goods}, key=lambda u: (u == "", u))

    def to_json(self, language: str = "zh") -> dict:
        def row(r: AmountRow, label: str) -> dict:
            return {
                "value": r.value,
                "label": label,
                "donors": r.donors.count,
                "query": r.donors.query,
                "amount_fen": r.amount_fen,
                "amount_yuan": yuan(r.amount_fen),
                "goods": [{"unit": u, "quantity": q} for u, q in sorted(r.goods.items())],
            }

        return {
            "measure": self.measure.key,
            "by": self.by.key,
            "rows": [row(r, self.label(r.value, language)) for r in self.rows],
            "total": row(self.total, TOTAL.render(language)),
        }


def dimension(key: str) -> Dimension:
    """The dimension --by names; QueryError (in both languages) naming the choices otherwise."""
    found = DIMENSIONS.get(key)
    if found is None:
        raise QueryError(
            Text(
                "No statistics by {key}; choose from {choices}.",
                key=quoted(key),
                choices=", ".join(DIMENSIONS),
            )
        )
    return found


def checked_query(query: str) -> str:
    """The restricting query, refused (QueryError) when a value in it cannot be read."""
    errors = parse(query).errors
    if errors:
        raise QueryError(Text("{errors} Nothing was counted.", errors=Joined(errors, "sentences")))
    return query.strip()


def row_query(query: str, subject: Subject, *terms: str | None) -> str:
    """The search of the people counted under these terms."""
    return _join(query.strip(), subject.term, *terms)


@dataclass
class Report:
    """Everything `honours stats` prints and the window shows, for one query."""

    query: str
    by: Dimension
    by2: Dimension | None
    people: CrossTable
    collectives: CrossTable
    shares: dict[str, CrossTable] = field(default_factory=dict)  # SHARES of people
    amounts: dict[str, AmountTable] = field(default_factory=dict)  # donations by year, by region
    care: dict[str, AmountTable] = field(default_factory=dict)  # care spending by year, kind, region

    def to_json(self, language: str = "zh") -> dict:
        return {
            "query": self.query,
            "by": self.by.key,
            "by2": self.by2.key if self.by2 else None,
            "people": self.people.to_json(language),
            "collectives": self.collectives.to_json(language),
            "shares": {k: t.to_json(language) for k, t in self.shares.items()},
            "donations": {k: t.to_json(language) for k, t in self.amounts.items()},
            "care": {k: t.to_json(language) for k, t in self.care.items()},
        }


SHARES = ("age", *(f.key for f in HONOUREE_FIELDS if f.counted == "share"))  # of people
AMOUNTS_BY = ("year", "region")
CARE_BY = ("year", "care_kind", "region")  # care spending's tables (the measure's own kind among them)


def amount_choices(measure: str) -> tuple[str, ...]:
    """What a measure's money and goods may be totalled by: year, a person dimension, or a
    dimension on the measure's own records (care by kind); not another table's (honours)."""
    table = MEASURES[measure].table
    return tuple(k for k, d in DIMENSIONS.items() if k == "year" or d.table in (PERSON, table))


def report(storage: Storage, by: str = "level", by2: str | None = None, query: str = "") -> Report:
    """The whole statistics of a query: the cross table of people and of collectives, the
    shares of people (SHARES), donations by year and by region, care spending by year, kind
    and region."""
    query = checked_query(query)
    rows_by, columns_by = dimension(by), dimension(by2) if by2 else None
    return Report(
        query,
        rows_by,
        columns_by,
        storage.cross_table(by, by2, query, PEOPLE.key),
        storage.cross_table(by, by2, query, COLLECTIVES.key),
        {key: storage.cross_table(key, None, query, PEOPLE.key) for key in SHARES},
        {key: storage.amount_table("donation", key, query) for key in AMOUNTS_BY},
        {key: storage.amount_table("care", key, query) for key in CARE_BY},
    )


def share(part: int, whole: int) -> Decimal:
    """A share in per cent to one decimal (exact rounding, half up), 0 of nothing."""
    if not whole:
        return Decimal(0)
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding="ROUND_HALF_UP")


def amount_table_of(
    measure: Measure,
    by: Dimension,
    query: str,
    money: dict[object, tuple[int, int]],
    goods: dict[object, dict[str, int]],
    people: int,
    fen: int,
) -> AmountTable:
    """An amount table from a backend's sums: (people, fen) and goods by unit for each value of
    `by`, and the totals; its rows in the dimension's order (years ascending), each with the
    search of its people."""
    all_goods: dict[str, int] = {}
    for by_unit in goods.values():
        for unit, quantity in by_unit.items():
            all_goods[unit] = all_goods.get(unit, 0) + quantity

    def term(v: object) -> str | None:
        if by.key == "year":
            return f"{measure.qualifier}:{v}" if v != EMPTY else None
        found = by.term(v)
        return f"{found} {measure.qualifier}:yes" if found else None

    order = by.order(list(money), {v: n for v, (n, _) in money.items()})
    if by.key == "year":
        order = sorted((v for v in money if v != EMPTY), key=int) + [EMPTY] * (EMPTY in money)  # type: ignore[arg-type]
    rows = []
    for v in order:
        row_term = term(v)
        rows.append(
            AmountRow(
                v,
                Cell(money[v][0], " ".join(x for x in (query, row_term) if x) if row_term else None),
                money[v][1],
                goods.get(v, {}),
            )
        )
    total = AmountRow(
        "", Cell(people, " ".join(x for x in (query, f"{measure.qualifier}:yes") if x)), fen, all_goods
    )
    return AmountTable(measure, by, rows, total)
