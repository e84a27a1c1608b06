"""The SQLite backend's SQL for the statistics (core/statistics.py declares what is counted).

Counting stays inside SQLite: a dimension on the honouree's row is one GROUP BY over the
live honourees (two such dimensions, one pass); a dimension on a per-person record table
(the levels and years of honours) is the distinct (honouree, value) pairs of that table,
joined to the honourees kept, with those who have no value under the empty one. Nothing
the user typed reaches the SQL except as a bound parameter or through the search's own SQL.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from ..statistics import (
    EMPTY,
    PERSON,
    REVOKED,
    AmountRow,
    AmountTable,
    Cell,
    CrossTable,
    Dimension,
    Measure,
    Subject,
    row_query,
)
from .filters import COLLECTIVE, age_sql

Matching = tuple[str, list] | None  # a SELECT of the ids a query matches, and its parameters


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def _counted(conn: sqlite3.Connection, table: str, alias: str) -> str:
    """The condition that keeps a record counting (not revoked), when the file has the flag."""
    present = _columns(conn, table)
    return "".join(
        f" AND coalesce({alias}.{column}, 0) = 0"
        for flagged, column in REVOKED
        if flagged == table and column in present
    )


def _people(subject: Subject | None, matching: Matching) -> tuple[str, list]:
    """The condition on `h` of the honourees counted: live, of the subject, matching the query."""
    sql, params = "h.deleted_at IS NULL", []
    if subject is not None:
        sql += f" AND h.category {'=' if subject.collective else '!='} ?"
        params.append(COLLECTIVE)
    if matching is not None:
        sql += f" AND h.id IN ({matching[0]})"
        params.extend(matching[1])
    return sql, params


def _person_value(dim: Dimension, today: date | None) -> tuple[str, list]:
    """The value of a person dimension as an expression on `h`."""
    if dim.bands:
        age, params = age_sql(f"h.{dim.column}", today)
        arms, more = [], []
        for band in dim.bands:
            conds = []
            if band.low is not None:
                conds.append(f"a >= {int(band.low)}")
            if band.high is not None:
                conds.append(f"a <= {int(band.high)}")
            arms.append(f"WHEN {' AND '.join(conds)} THEN '{band.key}'")
        # the age computed once per row in a correlated scalar, then banded
        return f"(SELECT CASE {' '.join(arms)} ELSE '' END FROM (SELECT {age} AS a))", params + more
    return f"coalesce(h.{dim.column}, '')", []


def _pairs(
    conn: sqlite3.Connection, dim: Dimension, people: tuple[str, list], today: date | None
) -> tuple[str, list]:
    """A SELECT of distinct (id, v): each counted honouree with each of its values (the empty
    value for one with none)."""
    where, params = people
    if dim.table == PERSON:
        value, vparams = _person_value(dim, today)
        return f"SELECT h.id AS id, {value} AS v FROM honouree h WHERE {where}", [*vparams, *params]
    table, col = dim.table, dim.column
    counted = _counted(conn, table, "x")
    has = f"x.{col} IS NOT NULL AND x.{col} != ''{counted}"
    sql = (
        f"SELECT DISTINCT x.honouree_id AS id, x.{col} AS v FROM {table} x"
        f" JOIN honouree h ON h.id = x.honouree_id WHERE {has} AND {where}"
        f" UNION ALL SELECT h.id, '' FROM honouree h WHERE {where}"
        f" AND NOT EXISTS (SELECT 1 FROM {table} x WHERE x.honouree_id = h.id AND {has})"
    )
    return sql, [*params, *params]


def cross_table(
    conn: sqlite3.Connection,
    rows_by: Dimension,
    columns_by: Dimension | None,
    subject: Subject,
    query: str,
    matching: Matching,
    today: date | None = None,
) -> CrossTable:
    """Counts of the subject's honourees matching `matching` by one or two dimensions."""
    people = _people(subject, matching)
    where, wparams = people
    cells: dict[tuple[object, object], int] = {}
    row_totals: dict[object, int] = {}
    column_totals: dict[object, int] = {}
    if columns_by is None:
        if rows_by.table == PERSON:
            value, vparams = _person_value(rows_by, today)
            sql = f"SELECT {value}, count(*) FROM honouree h WHERE {where} GROUP BY 1"
            params = [*vparams, *wparams]
        else:
            pairs, params = _pairs(conn, rows_by, people, today)
            sql = f"SELECT v, count(*) FROM ({pairs}) GROUP BY v"
        row_totals = {_key(v): n for v, n in conn.execute(sql, params)}
        total = conn.execute(f"SELECT count(*) FROM honouree h WHERE {where}", wparams).fetchone()[0]
    elif rows_by.table == PERSON and columns_by.table == PERSON:
        v1, p1 = _person_value(rows_by, today)
        v2, p2 = _person_value(columns_by, today)
        sql = f"SELECT {v1}, {v2}, count(*) FROM honouree h WHERE {where} GROUP BY 1, 2"
        for a, b, n in conn.execute(sql, [*p1, *p2, *wparams]):
            a, b = _key(a), _key(b)
            cells[(a, b)] = n
            row_totals[a] = row_totals.get(a, 0) + n
            column_totals[b] = column_totals.get(b, 0) + n
        total = sum(cells.values())
    else:
        pa, qa = _pairs(conn, rows_by, people, today)
        pb, qb = _pairs(conn, columns_by, people, today)
        sql = (
            f"WITH a AS MATERIALIZED ({pa}), b AS MATERIALIZED ({pb})"
            " SELECT a.v, b.v, count(*) FROM a JOIN b ON a.id = b.id GROUP BY 1, 2"
        )
        for a, b, n in conn.execute(sql, [*qa, *qb]):
            cells[(_key(a), _key(b))] = n
        # totals are counted (a person may have several values of a record dimension)
        row_totals = _totals(conn, rows_by, cells, 0, people, today)
        column_totals = _totals(conn, columns_by, cells, 1, people, today)
        total = conn.execute(f"SELECT count(*) FROM honouree h WHERE {where}", wparams).fetchone()[0]
    return _table(subject, query, rows_by, columns_by, cells, row_totals, column_totals, total)


def _totals(
    conn: sqlite3.Connection,
    dim: Dimension,
    cells: dict[tuple[object, object], int],
    side: int,
    people: tuple[str, list],
    today: date | None,
) -> dict[object, int]:
    pairs, params = _pairs(conn, dim, people, today)
    return {_key(v): n for v, n in conn.execute(f"SELECT v, count(*) FROM ({pairs}) GROUP BY v", params)}


def _key(value: object) -> object:
    return EMPTY if value is None else value


def _table(
    subject: Subject,
    query: str,
    rows_by: Dimension,
    columns_by: Dimension | None,
    cells: dict[tuple[object, object], int],
    row_totals: dict[object, int],
    column_totals: dict[object, int],
    total: int,
) -> CrossTable:
    base = row_query(query, subject)
    table = CrossTable(
        subject,
        rows_by,
        columns_by,
        rows_by.order(list(row_totals), row_totals),
        columns_by.order(list(column_totals), column_totals) if columns_by else [],
        {},
        {},
        {},
        Cell(total, base),
    )
    for (a, b), n in cells.items():
        table.cells[(a, b)] = Cell(n, table.cells_query(a, b))
    for value, n in row_totals.items():
        term = rows_by.term(value)
        table.row_totals[value] = Cell(n, row_query(query, subject, term) if term else None)
    if columns_by is not None:
        for value, n in column_totals.items():
            term = columns_by.term(value)
            table.column_totals[value] = Cell(n, row_query(query, subject, term) if term else None)
    return table


def amount_table(
    conn: sqlite3.Connection,
    measure: Measure,
    by: Dimension,
    query: str,
    matching: Matching,
    today: date | None = None,
) -> AmountTable:
    """Money and goods of a measure's records of live honourees (people and collectives) by
    `by`: `year` is the year of the record's own date, any other dimension the honouree's."""
    where, wparams = _people(None, matching)
    t = measure.table
    if by.key == "year":
        value, vparams = f"coalesce(CAST(substr(x.{measure.date_column}, 1, 4) AS INTEGER), '')", []
    elif by.table == PERSON:
        value, vparams = _person_value(by, today)
    else:
        raise ValueError(f"{measure.key} cannot be totalled by {by.key}")
    counted = _counted(conn, t, "x")
    source = f"FROM {t} x JOIN honouree h ON h.id = x.honouree_id WHERE {where}{counted}"
    params = [*vparams, *wparams]
    money: dict[object, tuple[int, int]] = {}
    for v, donors, fen in conn.execute(
        f"SELECT {value}, count(DISTINCT x.honouree_id), coalesce(sum(x.{measure.amount_column}), 0)"
        f" {source} GROUP BY 1",
        params,
    ):
        money[_key(v)] = (donors, fen)
    goods: dict[object, dict[str, int]] = {}
    for v, unit, quantity in conn.execute(
        f"SELECT {value}, x.{measure.unit_column}, sum(x.{measure.quantity_column}) {source}"
        f" AND x.{measure.quantity_column} IS NOT NULL GROUP BY 1, 2",
        params,
    ):
        goods.setdefault(_key(v), {})[unit or ""] = quantity
    donors_total, fen_total = conn.execute(
        f"SELECT count(DISTINCT x.honouree_id), coalesce(sum(x.{measure.amount_column}), 0) {source}", wparams
    ).fetchone()
    all_goods: dict[str, int] = {}
    for by_unit in goods.values():
        for unit, quantity in by_unit.items():
            all_goods[unit] = all_goods.get(unit, 0) + quantity

    def term(v: object) -> str | None:
        if by.key == "year":
            return f"{measure.qualifier}:{v}" if v != EMPTY else None
        t = by.term(v)
        return f"{t} {measure.qualifier}:yes" if t else None

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
        "",
        Cell(donors_total, " ".join(x for x in (query, f"{measure.qualifier}:yes") if x)),
        fen_total,
        all_goods,
    )
    return AmountTable(measure, by, rows, total)
