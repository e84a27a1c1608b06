"""The PostgreSQL backend's statistics (core/statistics.py declares what is counted).

The same figures as sqlite/statistics.py, reckoned more plainly: one pass over the honourees
counted reads each person's value of each dimension (a record dimension's distinct values as an
array, revoked honours left out), and the people are counted into cells, rows and columns here,
so every figure counts distinct people as the search behind it does. The tables themselves are
built by the file backend's `_table`, so both backends word and order them alike.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..sqlite.statistics import _key, _table
from ..statistics import (
    EMPTY,
    PERSON,
    REVOKED,
    AmountTable,
    CrossTable,
    Dimension,
    Measure,
    Subject,
    amount_table_of,
)
from .filters import COLLECTIVE, age_sql

Matching = tuple[str, list] | None  # a SELECT of the ids a query matches, and its parameters


def _counted(table: str, alias: str) -> str:
    """The condition that keeps a record counting (not revoked)."""
    return "".join(f" AND NOT {alias}.{column}" for flagged, column in REVOKED if flagged == table)


def _people(subject: Subject | None, matching: Matching) -> tuple[str, list]:
    """The condition on `h` of the honourees counted: live, of the subject, matching the query."""
    sql, params = "h.deleted_at IS NULL", []
    if subject is not None:
        sql += f" AND h.category {'=' if subject.collective else '<>'} %s"
        params.append(COLLECTIVE)
    if matching is not None:
        sql += f" AND h.id IN ({matching[0]})"
        params.extend(matching[1])
    return sql, params


def _person_value(dim: Dimension, today: date | None) -> tuple[str, list]:
    """The value of a person dimension as an expression on `h` (an age band by its key)."""
    if dim.bands:
        age, params = age_sql(f"h.{dim.column}", today)
        arms = []
        for band in dim.bands:
            conds = []
            if band.low is not None:
                conds.append(f"a >= {int(band.low)}")
            if band.high is not None:
                conds.append(f"a <= {int(band.high)}")
            arms.append(f"WHEN {' AND '.join(conds)} THEN '{band.key}'")
        return f"(SELECT CASE {' '.join(arms)} ELSE '' END FROM (SELECT {age} AS a) s)", params
    return f"coalesce(h.{dim.column}::text, '')", []


def _values(dim: Dimension, today: date | None) -> tuple[str, list, Callable[[object], list[object]]]:
    """An expression on `h` giving a person's values of `dim`, and how to read it into a list."""
    if dim.table == PERSON:
        value, params = _person_value(dim, today)
        return value, params, lambda v: [_key(v)]
    col = f"x.{dim.column}"
    sql = (
        f"ARRAY(SELECT DISTINCT {col} FROM {dim.table} x WHERE x.honouree_id = h.id AND {col} IS NOT NULL"
        f" AND {col}::text <> ''{_counted(dim.table, 'x')})"
    )
    return sql, [], lambda values: list(values) or [EMPTY]


def cross_table(
    conn,
    rows_by: Dimension,
    columns_by: Dimension | None,
    subject: Subject,
    query: str,
    matching: Matching,
    today: date | None = None,
) -> CrossTable:
    """Counts of the subject's honourees matching `matching` by one or two dimensions."""
    where, wparams = _people(subject, matching)
    s1, p1, read1 = _values(rows_by, today)
    s2, p2, read2 = _values(columns_by, today) if columns_by is not None else ("NULL", [], None)
    cells: dict[tuple[object, object], int] = {}
    row_totals: dict[object, int] = {}
    column_totals: dict[object, int] = {}
    total = 0
    rows = conn.execute(
        f"SELECT {s1}, {s2}, count(*) FROM honouree h WHERE {where} GROUP BY 1, 2",
        [*p1, *p2, *wparams],
        prepare=False,
    )
    for g1, g2, n in rows:
        total += n
        firsts = list(dict.fromkeys(read1(g1)))
        for r in firsts:
            row_totals[r] = row_totals.get(r, 0) + n
        if read2 is None:
            continue
        seconds = list(dict.fromkeys(read2(g2)))
        for c in seconds:
            column_totals[c] = column_totals.get(c, 0) + n
            for r in firsts:
                cells[(r, c)] = cells.get((r, c), 0) + n
    return _table(subject, query, rows_by, columns_by, cells, row_totals, column_totals, total)


def amount_table(
    conn,
    measure: Measure,
    by: Dimension,
    query: str,
    matching: Matching,
    today: date | None = None,
) -> AmountTable:
    """Money and goods of a measure's records of live honourees by `by` (as the file's)."""
    where, wparams = _people(None, matching)
    t = measure.table
    if by.key == "year":
        date_column = f"x.{measure.date_column}"
        year = f"substr({date_column}, 1, 4)"
        value, vparams = f"(CASE WHEN {year} ~ '^[0-9][0-9][0-9][0-9]$' THEN {year}::integer END)", []
    elif by.table == PERSON:
        value, vparams = _person_value(by, today)
    elif by.table == t:
        value, vparams = f"coalesce(x.{by.column}::text, '')", []
    else:
        raise ValueError(f"{measure.key} cannot be totalled by {by.key}")
    source = f"FROM {t} x JOIN honouree h ON h.id = x.honouree_id WHERE {where}{_counted(t, 'x')}"
    params = [*vparams, *wparams]
    money: dict[object, tuple[int, int]] = {}
    for v, donors, fen in conn.execute(
        f"SELECT {value}, count(DISTINCT x.honouree_id), coalesce(sum(x.{measure.amount_column}), 0)"
        f" {source} GROUP BY 1",
        params,
        prepare=False,
    ):
        money[_key(v)] = (donors, int(fen))
    goods: dict[object, dict[str, int]] = {}
    for v, unit, quantity in conn.execute(
        f"SELECT {value}, x.{measure.unit_column}, sum(x.{measure.quantity_column}) {source}"
        f" AND x.{measure.quantity_column} IS NOT NULL GROUP BY 1, 2",
        params,
        prepare=False,
    ):
        goods.setdefault(_key(v), {})[unit or ""] = int(quantity)
    donors_total, fen_total = conn.execute(
        f"SELECT count(DISTINCT x.honouree_id), coalesce(sum(x.{measure.amount_column}), 0) {source}",
        wparams,
        prepare=False,
    ).fetchone()
    return amount_table_of(measure, by, query, money, goods, donors_total, int(fen_total))
