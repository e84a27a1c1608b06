"""The PostgreSQL backend's SQL for the query language's value filters.

query.py parses `level:national,provincial`, `year:2019..2021`, `posthumous:no` … into
backend-neutral `ValueFilter`s; this module writes each as a condition on an honouree id.
PostgreSQL's planner turns `IN (SELECT …)` into a semi-join and chooses for itself between
reading the set once and probing it per candidate, so one form serves (the SQLite backend
needs several, sqlite/filters.py). Nothing the user typed reaches the SQL except as a bound
parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..fields import HONOUREE_FIELD, HONOUREE_FIELDS
from ..query import DATED_RECORDS, EXACT_FIELDS, ValueFilter
from ..sqlite.filters import ARCHIVE_COLUMNS  # the archive's filters and the column each reads
from ..vocabulary import CARE_KINDS


@dataclass
class Filter:
    """A value condition: `sql` tests the id `{id}`; `row_sql`, when set, tests the same on the
    honouree row `h` (no subquery)."""

    sql: str
    params: list
    row_sql: str | None = None

    def on(self, column: str) -> str:
        return self.sql.format(id=column)

    def on_row(self) -> str:
        return self.row_sql or self.sql.format(id="h.id")


def _honours(condition: str, params: list) -> Filter:
    """Honourees with an honour meeting `condition`; a revoked honour (取消称号) never does."""
    return Filter(f"{{id}} IN (SELECT honouree_id FROM honour WHERE NOT revoked AND {condition})", params)


def _honourees(condition: str, params: list, row_sql: str) -> Filter:
    """A condition on the honouree's own row (`row_sql`: the same on `h`)."""
    return Filter(
        f"{{id}} IN (SELECT id FROM honouree WHERE deleted_at IS NULL AND {condition})", params, row_sql
    )


def sql_filter(flt: ValueFilter) -> Filter:
    """The SQL of one parsed value filter."""
    if flt.field == "level":
        return _honours("level = ANY(%s)", [list(flt.values)])
    if flt.field in ("status", "category"):
        return _honourees(f"{flt.field} = ANY(%s)", [list(flt.values)], f"h.{flt.field} = ANY(%s)")
    if flt.field == "posthumous":
        if flt.negated:
            return Filter("{id} NOT IN (SELECT honouree_id FROM honour WHERE posthumous)", [])
        return _honours("posthumous", [])
    if flt.field == "year":
        parts, params = [], []
        for bounds in flt.ranges:
            cond, more = _range_sql("year", bounds)
            parts.append(f"({cond})")
            params.extend(more)
        return _honours(f"({' OR '.join(parts)})", params)
    if flt.field == "hardship":
        wanted = "NOT hardship" if flt.negated else "hardship"
        return _honourees(wanted, [], f"h.{wanted}")
    if flt.field in ARCHIVE_COLUMNS:
        column = ARCHIVE_COLUMNS[flt.field]
        return _honourees(f"{column} = ANY(%s)", [list(flt.values)], f"h.{column} = ANY(%s)")
    if flt.field == "donation":
        cond, params = _range_sql("donation_total_fen", flt.ranges[0])
        return _honourees(cond, params, _range_sql("h.donation_total_fen", flt.ranges[0])[0])
    if flt.field == "care":
        return _care_filter(flt.within)
    if flt.field in EXACT_FIELDS:
        column = HONOUREE_FIELD[flt.field].column
        return _honourees(f"{column} = ANY(%s)", [list(flt.values)], f"h.{column} = ANY(%s)")
    if flt.field == "collective":
        op = "<>" if flt.negated else "="
        return _honourees(f"category {op} %s", [COLLECTIVE], f"h.category {op} %s")
    if flt.field == "age":
        age, age_params = age_sql(AGE_COLUMN)
        parts, params = [], []
        for bounds in flt.ranges:
            cond, bound_params = _range_sql(age, bounds)
            parts.append(f"({cond})")
            params.extend(p for bound in bound_params for p in (*age_params, bound))
        condition = f"({' OR '.join(parts)})"
        return _honourees(condition, params, condition.replace(AGE_COLUMN, f"h.{AGE_COLUMN}"))
    if flt.field in DATED_RECORDS:  # donated:2020, cared:2026, cared:慰问 (as the file's)
        condition, params = "true", []
        if flt.values and flt.values != (True,):
            condition, params = "kind = ANY(%s)", [list(flt.values)]
        elif flt.ranges:
            arms = [_range_sql(_YEAR_OF_DATE, bounds) for bounds in flt.ranges]
            condition = " OR ".join(f"({arm})" for arm, _ in arms)
            params = [p for _, arm_params in arms for p in arm_params]
        inside = f"SELECT honouree_id FROM {DATED_RECORDS[flt.field]} WHERE {condition}"
        return Filter(f"{{id}} {'NOT IN' if flt.negated else 'IN'} ({inside})", params)
    raise ValueError(f"no SQL for a filter on {flt.field!r}")


# A care record's text, as `care:` searches it: what it was for, the goods, the note, by whom.
_CARE_TEXT = ("c.occasion", "c.item", "c.note", "c.given_by")


def _care_filter(conditions: tuple[ValueFilter, ...]) -> Filter:
    """Honourees with one care record meeting every condition (care: text, kind:, year:), as the
    file's (sqlite/filters.py)."""
    parts, params = [], []
    for flt in conditions:
        if flt.field == "kind":
            cond, more = "c.kind = ANY(%s)", [list(flt.values)]
        elif flt.field == "year":
            arms = [_range_sql("CAST(substr(c.date, 1, 4) AS integer)", bounds) for bounds in flt.ranges]
            cond = " OR ".join(f"({arm})" for arm, _ in arms)
            more = [p for _, arm_params in arms for p in arm_params]
        else:  # care: any of its texts, or a kind it names
            texts = [v for v in flt.values if v not in CARE_KINDS]
            arms = [f"strpos({column}, %s) > 0" for _ in texts for column in _CARE_TEXT]
            more = [text for text in texts for _ in _CARE_TEXT]
            kinds = [v for v in flt.values if v in CARE_KINDS]
            if kinds:
                arms.append("c.kind = ANY(%s)")
                more.append(kinds)
            cond = " OR ".join(arms)
        parts.append(f"({cond})")
        params.extend(more)
    return Filter(f"{{id}} IN (SELECT c.honouree_id FROM care c WHERE {' AND '.join(parts)})", params)


COLLECTIVE = "collective"  # the category of collectives (vocabulary.CATEGORIES)
AGE_COLUMN = next(f.column for f in HONOUREE_FIELDS if f.counted == "age")  # the birth date
# (no braces in these: a filter's SQL is str.format-ted with the id column)
_YEAR_OF_DATE = (
    "(CASE WHEN substr(date, 1, 4) ~ '^[0-9][0-9][0-9][0-9]$' THEN substr(date, 1, 4)::integer END)"
)


def age_sql(column: str, today: date | None = None) -> tuple[str, list]:
    """Whole years of age today from a birth date stored as YYYY, YYYY-MM or YYYY-MM-DD (a year
    alone counts from 1 January); NULL when there is none: sqlite/filters.age_sql in PostgreSQL's SQL."""
    today = today or date.today()
    expr = (
        f"(CASE WHEN {column} ~ '^[0-9][0-9][0-9][0-9]' THEN %s - substr({column}, 1, 4)::integer"
        f" - (CASE WHEN substr({column} || '-01-01', 6, 5) > %s THEN 1 ELSE 0 END) END)"
    )
    return expr, [today.year, today.strftime("%m-%d")]


def _range_sql(column: str, bounds: tuple[int | None, int | None]) -> tuple[str, list]:
    """Inclusive bounds, either open."""
    lo, hi = bounds
    parts, params = [], []
    if lo is not None:
        parts.append(f"{column} >= %s")
        params.append(lo)
    if hi is not None:
        parts.append(f"{column} <= %s")
        params.append(hi)
    return " AND ".join(parts), params
