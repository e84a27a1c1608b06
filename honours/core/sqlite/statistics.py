"""The SQLite backend's SQL for the statistics (core/statistics.py declares what is counted).

Counting stays inside SQLite: a dimension on the honouree's row is one GROUP BY over the
live honourees (two such dimensions, one pass); a dimension on a per-person record table
(the levels and years of honours) is the distinct (honouree, value) pairs of that table,
joined to the honourees kept, with those who have no value under the empty one. Nothing
the user typed reaches the SQL except as a bound parameter or through the search's own SQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
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


SEPARATOR = "\x1f"  # between the distinct values of a record dimension in one signature


def _signature(conn: sqlite3.Connection, dim: Dimension, today: date | None) -> tuple[str, list, Callable]:
    """An expression on `h` that tells a person's values of `dim`, and how to read it back
    into the list of values (EMPTY for none).

    A person dimension is its value. A record dimension is a correlated subquery per
    person, answered from an index without reading a record: for a vocabulary (levels) a
    bit per value, each an EXISTS seek in honour(level, honouree_id); otherwise (years) the
    distinct values, read from honour(honouree_id, year).
    """
    if dim.table == PERSON:
        value, params = _person_value(dim, today)
        return value, params, lambda v: [_key(v)]
    counted = _counted(conn, dim.table, "x")
    if dim.vocabulary is not None:
        keys = list(dim.vocabulary.keys)
        bits = " + ".join(
            f"(EXISTS (SELECT 1 FROM {dim.table} x WHERE x.{dim.column} = ? AND x.honouree_id = h.id{counted})) * {1 << i}"
            for i in range(len(keys))
        )

        def from_mask(mask: int) -> list[object]:
            return [k for i, k in enumerate(keys) if mask >> i & 1] or [EMPTY]

        return f"({bits})", keys, from_mask
    col = f"x.{dim.column}"
    sql = (
        f"(SELECT group_concat(v, char(31)) FROM (SELECT DISTINCT {col} AS v FROM {dim.table} x"
        f" WHERE x.honouree_id = h.id AND {col} IS NOT NULL AND {col} != ''{counted}))"
    )
    convert: Callable[[str], object] = int if dim.numeric else str

    def from_text(text: str | None) -> list[object]:
        return [convert(v) for v in text.split(SEPARATOR)] if text else [EMPTY]

    return sql, [], from_text


def _ids(subject: Subject, matching: Matching, column: str) -> tuple[str, list]:
    """The condition that `column` (an honouree id in a record table) is one of the honourees
    counted, as a set test instead of a join: people without a query are everyone but the
    few in the trash or collectives; collectives are few; a query's ids are read once."""
    if matching is None and not subject.collective:
        return (
            (
                f"{column} NOT IN (SELECT id FROM honouree WHERE deleted_at IS NOT NULL"
                " UNION ALL SELECT id FROM honouree WHERE deleted_at IS NULL AND category = ?)"
            ),
            [COLLECTIVE],
        )
    where, params = _people(subject, matching)
    return f"{column} IN (SELECT h.id FROM honouree h WHERE {where})", params


def _record_counts(
    conn: sqlite3.Connection, dim: Dimension, subject: Subject, matching: Matching
) -> tuple[dict[object, int], int]:
    """People by each value of a record dimension alone, and those without any under EMPTY,
    read from the record table's index (honour(level, honouree_id), honour(year, …)) with
    the honourees not counted left out by a set test; and how many are counted."""
    where, wparams = _people(subject, matching)
    total = conn.execute(f"SELECT count(*) FROM honouree h WHERE {where}", wparams).fetchone()[0]
    ids, params = _ids(subject, matching, "x.honouree_id")
    col = f"x.{dim.column}"
    source = f"FROM {dim.table} x WHERE {col} IS NOT NULL AND {col} != ''{_counted(conn, dim.table, 'x')} AND {ids}"
    counts = {
        v: n
        for v, n in conn.execute(f"SELECT {col}, count(DISTINCT x.honouree_id) {source} GROUP BY 1", params)
    }
    with_any = conn.execute(f"SELECT count(DISTINCT x.honouree_id) {source}", params).fetchone()[0]
    if total - with_any:
        counts[EMPTY] = total - with_any
    return counts, total


def _aggregate(conn: sqlite3.Connection, dim: Dimension) -> tuple[str, list, Callable]:
    """An aggregate over one person's records `x` that tells their values of `dim` (a bit per
    value of a vocabulary, else the values joined), and how to read it back."""
    valid = f"x.{dim.column} IS NOT NULL AND x.{dim.column} != ''{_counted(conn, dim.table, 'x')}"
    if dim.vocabulary is not None:
        keys = list(dim.vocabulary.keys)
        bits = " + ".join(f"max(x.{dim.column} = ? AND {valid}) * {1 << i}" for i in range(len(keys)))

        def from_mask(mask: int | None) -> list[object]:
            return [k for i, k in enumerate(keys) if (mask or 0) >> i & 1] or [EMPTY]

        return f"({bits})", keys, from_mask
    convert: Callable[[str], object] = int if dim.numeric else str

    def from_text(text: str | None) -> list[object]:
        return list(dict.fromkeys(convert(v) for v in text.split(SEPARATOR))) if text else [EMPTY]

    return f"group_concat(CASE WHEN {valid} THEN x.{dim.column} END, char(31))", [], from_text


def _person_counts(
    dim: Dimension, people: tuple[str, list], today: date | None, conn: sqlite3.Connection
) -> dict[object, int]:
    """People by the value of a person dimension: one pass over their rows."""
    where, wparams = people
    value, vparams = _person_value(dim, today)
    sql = f"SELECT {value}, count(*) FROM honouree h WHERE {where} GROUP BY 1"
    return {_key(v): n for v, n in conn.execute(sql, [*vparams, *wparams])}


def _record_groups(
    conn: sqlite3.Connection,
    rows_by: Dimension,
    columns_by: Dimension,
    subject: Subject,
    matching: Matching,
    today: date | None,
) -> tuple[list[tuple[object, object, int]], Callable, Callable] | None:
    """The people counted grouped by their values, from one pass over a record table in
    honouree order (each person's records aggregated once) instead of a subquery per
    person; None when the dimensions need records of two tables."""
    records = [d for d in (rows_by, columns_by) if d.table != PERSON]
    if len({d.table for d in records}) != 1:
        return None
    table = records[0].table
    where, wparams = _people(subject, matching)
    if len(records) == 2:
        a1, p1, read1 = _aggregate(conn, rows_by)
        a2, p2, read2 = _aggregate(conn, columns_by)
        ids, iparams = _ids(subject, matching, "x.honouree_id")
        sql = (
            f"SELECT a, b, count(*) FROM (SELECT {a1} AS a, {a2} AS b FROM {table} x WHERE {ids}"
            " GROUP BY x.honouree_id) GROUP BY 1, 2"
        )
        groups = list(conn.execute(sql, [*p1, *p2, *iparams]))
        total = conn.execute(f"SELECT count(*) FROM honouree h WHERE {where}", wparams).fetchone()[0]
        without = total - sum(n for _, _, n in groups)
        if without:
            groups.append((None, None, without))
        return groups, read1, read2
    record, person = records[0], (columns_by if rows_by.table != PERSON else rows_by)
    agg, aparams, read_record = _aggregate(conn, record)
    value, vparams = _person_value(person, today)
    ids, iparams = _ids(subject, matching, "x.honouree_id")
    sql = (
        f"SELECT s.a, {value}, count(*) FROM (SELECT x.honouree_id AS id, {agg} AS a FROM {table} x"
        f" WHERE {ids} GROUP BY x.honouree_id) s JOIN honouree h ON h.id = s.id WHERE {where} GROUP BY 1, 2"
    )
    # parameters in the order they stand in the text: the person value, the aggregate, the sets
    found = [(a, _key(v), n) for a, v, n in conn.execute(sql, [*vparams, *aparams, *iparams, *wparams])]
    with_records: dict[object, int] = {}
    for _, v, n in found:
        with_records[v] = with_records.get(v, 0) + n
    for v, n in _person_counts(person, (where, wparams), today, conn).items():
        if n - with_records.get(v, 0):
            found.append((None, v, n - with_records.get(v, 0)))  # people of this value without records

    def read_person(v: object) -> list[object]:
        return [_key(v)]

    if rows_by is record:
        return found, read_record, read_person
    return [(v, a, n) for a, v, n in found], read_person, read_record


def cross_table(
    conn: sqlite3.Connection,
    rows_by: Dimension,
    columns_by: Dimension | None,
    subject: Subject,
    query: str,
    matching: Matching,
    today: date | None = None,
) -> CrossTable:
    """Counts of the subject's honourees matching `matching` by one or two dimensions.

    One pass over the honourees counted, grouped by their values' signatures (a person
    with national and provincial honours of 2018 and 2020 is one group row); each group
    then adds its people to every cell, row and column its values name, so every figure
    counts distinct people, as the search behind it does."""
    if columns_by is None and rows_by.table != PERSON:
        counts, total = _record_counts(conn, rows_by, subject, matching)
        return _table(subject, query, rows_by, None, {}, counts, {}, total)
    where, wparams = _people(subject, matching)
    s1, p1, read1 = _signature(conn, rows_by, today)
    grouped = (
        _record_groups(conn, rows_by, columns_by, subject, matching, today)
        if columns_by is not None and not (rows_by.table == PERSON and columns_by.table == PERSON)
        else None
    )
    if grouped is not None:
        groups, read1, read2 = grouped
    else:
        s2, p2, read2 = _signature(conn, columns_by, today) if columns_by is not None else ("NULL", [], None)
        if "SELECT" in s1 or "SELECT" in s2:
            # materialized, so that each person's subqueries run once (a GROUP BY on them runs them twice)
            sql = (
                f"WITH g(a, b) AS MATERIALIZED (SELECT {s1}, {s2} FROM honouree h WHERE {where})"
                " SELECT a, b, count(*) FROM g GROUP BY 1, 2"
            )
        else:  # plain columns: one GROUP BY over the rows
            sql = f"SELECT {s1}, {s2}, count(*) FROM honouree h WHERE {where} GROUP BY 1, 2"
        groups = conn.execute(sql, [*p1, *p2, *wparams])
    cells: dict[tuple[object, object], int] = {}
    row_totals: dict[object, int] = {}
    column_totals: dict[object, int] = {}
    total = 0
    for g1, g2, n in groups:
        total += n
        rows = read1(g1)
        for r in rows:
            row_totals[r] = row_totals.get(r, 0) + n
        if read2 is None:
            continue
        columns = read2(g2)
        for c in columns:
            column_totals[c] = column_totals.get(c, 0) + n
            for r in rows:
                cells[(r, c)] = cells.get((r, c), 0) + n
    return _table(subject, query, rows_by, columns_by, cells, row_totals, column_totals, total)


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
    elif by.table == t:  # a column of the summed records themselves (care spending by kind)
        value, vparams = f"coalesce(x.{by.column}, '')", []
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
