"""The SQLite backend's SQL for the query language's value filters.

query.py parses `level:national,provincial`, `year:2019..2021`, `posthumous:no` … into
backend-neutral `ValueFilter`s; this module writes each as SQLite SQL shaped for SQLite's
planner (the unary `+`, the indexes named in schema.py), which search.py runs. Nothing the
user typed reaches the SQL except as a bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..fields import HONOUREE_FIELD, HONOUREE_FIELDS
from ..query import DATED_RECORDS, EXACT_FIELDS, ValueFilter
from ..vocabulary import CARE_KINDS

AGE_COLUMN = next(f.column for f in HONOUREE_FIELDS if f.counted == "age")  # the birth date


@dataclass
class Filter:
    """A value condition: SQL in which `{id}` stands for the honouree id being tested.

    A filter can be tested two ways. `sql` asks whether the id is in a set read once from
    an index (honours by level or year, honourees by status, category or donation); the
    unary `+` keeps SQLite from driving the query from the set, so it walks the name-order
    index or the search index in order and only tests membership, and a search never needs
    the honouree row at all. `probe_sql` asks the same with one index seek per candidate
    (EXISTS), which costs more per candidate but nothing up front. Reading a set of 70,000
    ids to fill a page of 200 is the wrong trade, and so is probing 100,000 candidates for
    a filter that 900 honourees meet (EXISTS took 0.2 s to count a level at 100,000), so
    SearchResult chooses per query from the size of the set (`size_sql`, counted only up
    to where the choice is made) and how many results the query must return. A filter on
    one value (`level:`, `year:2020`, `status:`, `category:`, `posthumous:yes`) can also
    list its ids in id order straight off an index (`ordered_sql`), which SQLite merges
    with the search index's ids (INTERSECT … ORDER BY), walking both only as far as a
    page needs: cheaper than a set, and than a probe per candidate.
    """

    sql: str
    params: list
    count_sql: str | None = None  # counts the live honourees it keeps, when it is the only condition
    row_sql: str | None = None  # the same test on the honourees row `h` (name-order index covers it)
    probe_sql: str | None = None  # the same test as one lookup for one id (EXISTS)
    size_sql: str | None = None  # the rows the set of `sql` is read from (to tell its size)
    honour_condition: str | None = None  # the condition on `honour`, for counting (see SearchResult.count)
    years: tuple[int | None, int | None] | None = None  # inclusive bounds of a year filter
    ordered_sql: str | None = None  # its ids above a first parameter, in id order (one value only)
    ordered_id: str | None = None  # the id column of `ordered_sql` (its table is `o`)

    @staticmethod
    def honours(
        condition: str,
        params: list,
        years: tuple[int | None, int | None] | None = None,
        one_value: bool = False,
    ) -> Filter:
        """Honourees with at least one honour meeting `condition` (a condition on `honour`);
        `one_value`: an equality, read from an index in honouree order. A revoked honour
        (取消称号) never meets it: it no longer counts."""
        condition = f"revoked = 0 AND {condition}"
        return Filter(
            f"+{{id}} IN (SELECT honouree_id FROM honour WHERE {condition})",
            params,
            probe_sql=f"EXISTS (SELECT 1 FROM honour WHERE honouree_id = {{id}} AND {condition})",
            size_sql=f"SELECT 1 FROM honour WHERE {condition}",
            honour_condition=condition,
            years=years,
            ordered_sql=f"SELECT o.honouree_id FROM honour o WHERE o.honouree_id > ? AND {condition}"
            if one_value
            else None,
            ordered_id="o.honouree_id",
        )

    @staticmethod
    def honourees(condition: str, params: list, one_value: bool = False, row: str | None = None) -> Filter:
        """Honourees whose own row meets `condition` (served by a partial index); `row`: the
        same condition on the row `h`, when the name-order index covers its column."""
        return Filter(
            f"+{{id}} IN (SELECT id FROM honouree WHERE deleted_at IS NULL AND {condition})",
            params,
            f"SELECT count(*) FROM honouree WHERE deleted_at IS NULL AND {condition}",
            row
            if row is not None
            else condition.replace("status", "h.status")
            .replace("category", "h.category")
            .replace("donation_total_fen", "h.donation_total_fen"),
            probe_sql=f"EXISTS (SELECT 1 FROM honouree WHERE id = {{id}} AND deleted_at IS NULL AND {condition})",
            size_sql=f"SELECT 1 FROM honouree WHERE deleted_at IS NULL AND {condition}",
            ordered_sql=(
                f"SELECT o.id FROM honouree o WHERE o.id > ? AND o.deleted_at IS NULL AND {condition}"
                if one_value
                else None
            ),
            ordered_id="o.id",
        )


def sql_filter(flt: ValueFilter) -> Filter:
    """The SQL of one parsed value filter."""
    if flt.field == "level":
        return Filter.honours(*_one_or_any("level", list(flt.values)), one_value=len(flt.values) == 1)
    if flt.field in ("status", "category"):
        return Filter.honourees(*_one_or_any(flt.field, list(flt.values)), one_value=len(flt.values) == 1)
    if flt.field == "posthumous":
        if flt.negated:
            return Filter("+{id} NOT IN (SELECT honouree_id FROM honour WHERE posthumous = 1)", [])
        return Filter.honours("posthumous = 1", [], one_value=True)
    if flt.field == "year":
        return _year_filter(list(flt.ranges))
    if flt.field == "hardship":
        if flt.negated:
            return Filter.honourees("hardship = 0", [], row="h.hardship = 0")
        return Filter.honourees("hardship = 1", [], one_value=True, row="h.hardship = 1")
    if flt.field in ARCHIVE_COLUMNS:
        column = ARCHIVE_COLUMNS[flt.field]
        condition, params = _one_or_any(column, list(flt.values))
        return Filter.honourees(condition, params, one_value=len(flt.values) == 1, row=f"h.{condition}")
    if flt.field == "donation":
        return Filter.honourees(*_range_sql("donation_total_fen", flt.ranges[0]))
    if flt.field == "care":
        return _care_filter(flt.within)
    if flt.field in EXACT_FIELDS:
        column = HONOUREE_FIELD[flt.field].column
        return Filter.honourees(*_one_or_any(column, list(flt.values)), one_value=len(flt.values) == 1)
    if flt.field == "collective":
        return Filter.honourees(f"category {'!=' if flt.negated else '='} ?", [COLLECTIVE])
    if flt.field == "age":
        age, params = age_sql(AGE_COLUMN)
        parts, more = [], []
        for bounds in flt.ranges:
            cond, bound_params = _range_sql(age, bounds)
            parts.append(f"({cond})")
            more.extend(_age_params(params, bound_params))
        return Filter.honourees(f"({' OR '.join(parts)})", more)
    if flt.field in DATED_RECORDS:
        return _dated_filter(flt, DATED_RECORDS[flt.field])
    raise ValueError(f"no SQL for a filter on {flt.field!r}")


# The archive's value filters (query.ARCHIVE_FILTERS) and the column each reads.
ARCHIVE_COLUMNS = {"treatment": "treatment", "political": "political_status", "education": "education"}


def _year_filter(ranges: list[tuple[int | None, int | None]]) -> Filter:
    if len(ranges) == 1:
        lo, hi = ranges[0]
        if lo is not None and lo == hi:
            return Filter.honours("year = ?", [lo], (lo, hi), one_value=True)
        cond, params = _range_sql("year", (lo, hi))
        return Filter.honours(cond, params, (lo, hi))
    if all(lo is not None and lo == hi for lo, hi in ranges):
        return Filter.honours(*_one_or_any("year", list(dict.fromkeys(lo for lo, _ in ranges))))
    parts, params = [], []
    for bounds in ranges:
        cond, more = _range_sql("year", bounds)
        parts.append(f"({cond})")
        params.extend(more)
    return Filter.honours(f"({' OR '.join(parts)})", params)


# A care record's text, as `care:` searches it: what it was for, the goods, the note, by whom.
_CARE_TEXT = ("c.occasion", "c.item", "c.note", "c.given_by")


def _care_filter(conditions: tuple[ValueFilter, ...]) -> Filter:
    """Honourees with one care record meeting every condition (care: text, kind:, year:)."""
    parts, params = [], []
    for flt in conditions:
        if flt.field == "kind":
            cond, more = _one_or_any("c.kind", list(flt.values))
        elif flt.field == "year":
            arms = [_range_sql("CAST(substr(c.date, 1, 4) AS INTEGER)", bounds) for bounds in flt.ranges]
            cond = " OR ".join(f"({arm})" for arm, _ in arms)
            more = [p for _, arm_params in arms for p in arm_params]
        else:  # care: any of its texts, or a kind it names
            texts = [v for v in flt.values if v not in CARE_KINDS]
            arms = [f"instr({column}, ?) > 0" for _ in texts for column in _CARE_TEXT]
            more = [text for text in texts for _ in _CARE_TEXT]
            kinds = [v for v in flt.values if v in CARE_KINDS]
            if kinds:
                arms.append(f"c.kind IN ({', '.join('?' * len(kinds))})")
                more += kinds
            cond = " OR ".join(arms)
        parts.append(f"({cond})")
        params.extend(more)
    condition = " AND ".join(parts)
    return Filter(
        f"+{{id}} IN (SELECT c.honouree_id FROM care c WHERE {condition})",
        params,
        probe_sql=f"EXISTS (SELECT 1 FROM care c WHERE c.honouree_id = {{id}} AND {condition})",
        size_sql=f"SELECT 1 FROM care c WHERE {condition}",
    )


def _one_or_any(column: str, keys: list) -> tuple[str, list]:
    if len(keys) == 1:
        return f"{column} = ?", keys
    return f"{column} IN ({', '.join('?' * len(keys))})", keys


def _range_sql(column: str, bounds: tuple[int | None, int | None]) -> tuple[str, list]:
    """Inclusive bounds, either open."""
    lo, hi = bounds
    parts, params = [], []
    if lo is not None:
        parts.append(f"{column} >= ?")
        params.append(lo)
    if hi is not None:
        parts.append(f"{column} <= ?")
        params.append(hi)
    return " AND ".join(parts), params


COLLECTIVE = "collective"  # the category of collectives (vocabulary.CATEGORIES)
_YEAR_OF_DATE = "CAST(substr(date, 1, 4) AS INTEGER)"


def age_sql(column: str, today: date | None = None) -> tuple[str, list]:
    """Whole years of age today from a birth date stored as YYYY, YYYY-MM or YYYY-MM-DD (one
    written only as a year counts from 1 January); NULL when there is none. The statistics'
    age bands and the query's `age:` both use it, so a band's count is its search's."""
    today = today or date.today()
    expr = (
        f"(CASE WHEN {column} GLOB '[0-9][0-9][0-9][0-9]*' THEN ? - CAST(substr({column}, 1, 4) AS INTEGER)"
        f" - (substr({column} || '-01-01', 6, 5) > ?) END)"
    )
    return expr, [today.year, today.strftime("%m-%d")]


def _age_params(age_params: list, bound_params: list) -> list:
    """`age >= ? AND age <= ?` with the age expression written out: its parameters before each bound."""
    return [p for bound in bound_params for p in (*age_params, bound)]


def _dated_filter(flt: ValueFilter, table: str) -> Filter:
    """Honourees with a record of `table` (a donation, a care record) dated in these years, or
    (care) of these kinds."""
    if flt.values and flt.values != (True,):
        condition, params = _one_or_any("kind", list(flt.values))
    elif flt.ranges:
        parts, params = [], []
        for bounds in flt.ranges:
            cond, more = _range_sql(_YEAR_OF_DATE, bounds)
            parts.append(f"({cond})")
            params.extend(more)
        condition = f"({' OR '.join(parts)})"
    else:
        condition, params = "1", []
    inside = f"SELECT honouree_id FROM {table} WHERE {condition}"
    if flt.negated:
        return Filter(f"+{{id}} NOT IN ({inside})", params)
    return Filter(
        f"+{{id}} IN ({inside})",
        params,
        probe_sql=f"EXISTS (SELECT 1 FROM {table} WHERE honouree_id = {{id}} AND {condition})",
        size_sql=f"SELECT 1 FROM {table} WHERE {condition}",
    )
