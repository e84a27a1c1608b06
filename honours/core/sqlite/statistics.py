"""The SQLite backend's SQL for the statistics (core/statistics.py declares what is counted).

Counting stays inside SQLite, each table in a pass or two over an index or the honourees'
rows (timed by benchmarks/bench_statistics.py; the plans SQLite chose, from EXPLAIN QUERY PLAN
on the 100,000 roll, in brackets):

- A record dimension alone (levels, years) is read from the partial index of the records
  that count (honour_level, honour_year: WHERE revoked = 0) without touching a record
  [SCAN x USING INDEX honour_level].
- A person dimension alone is one GROUP BY over the honourees, on the bare column so that an
  index serves it where there is one [SCAN h USING COVERING INDEX honouree_unit]; age bands
  group by the age (filters.age_sql) and band it here [SCAN h].
- People without a query are everyone less the few left out (the trash and the collectives):
  a count over a whole index less the same count over those few, instead of a set test on
  every row; the figures are of distinct people, so the parts add up exactly [the few:
  SEARCH x USING INDEX honour_honouree_year (honouree_id=?) over honouree_sort and
  honouree_category].
- Levels by a person dimension: one pass over the honourees, each one's best level read from
  its row (level_rank, kept on every save) and only the levels after it sought in honour_level
  [SCAN h, then SEARCH x USING INDEX honour_level (level=? AND honouree_id=?) per level].
- Years by level (either way round): each person's (year, level) pairs of the honours that
  count are kept on their row (year_levels, with level_rank on every save; migration 9), so
  the roll is grouped by that column, and the groups read back into each person's sets of
  values [SCAN honouree USING COVERING INDEX honouree_year_levels, less the left out's].
  Grouping every honour per person instead cost about 160 ms at 100,000.
- Two other record dimensions of one table: one group_concat per person over the records
  that count, grouped by the text, read back the same way
  [SCAN x USING INDEX honour_honouree_year: in honouree order, no sort].

Nothing the user typed reaches the SQL except as a bound parameter or through the search's
own SQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import date

from ..statistics import (
    EMPTY,
    PERSON,
    REVOKED,
    AmountTable,
    Cell,
    CrossTable,
    Dimension,
    Measure,
    Subject,
    amount_table_of,
    row_query,
)
from .filters import COLLECTIVE, age_sql

Matching = tuple[str, list] | None  # a SELECT of the ids a query matches, and its parameters


def _counted(table: str, alias: str) -> str:
    """The condition that keeps a record counting (not revoked). The flag exists in every file
    since migration 7, and is written as `= 0` so that the partial indexes of the honours
    that count (honour_level, honour_year: WHERE revoked = 0) answer it."""
    return "".join(f" AND {alias}.{column} = 0" for flagged, column in REVOKED if flagged == table)


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


def _person_value(dim: Dimension, today: date | None) -> tuple[str, list, Callable[[object], object]]:
    """The value of a person dimension as an expression on `h`, and how to read what SQLite
    gives back as the dimension's value: for bands, the age (filters.age_sql, as the query's
    `age:` reckons it) is grouped on and banded here, so the age is computed once per row
    and the groups are a hundred ages at most."""
    if dim.bands:
        age, params = age_sql(f"h.{dim.column}", today)
        return age, params, dim.band_of
    return f"coalesce(h.{dim.column}, '')", [], _key


SEPARATOR = "\x1f"  # between the distinct values of a record dimension in one signature


def _signature(dim: Dimension, today: date | None) -> tuple[str, list, Callable]:
    """An expression on `h` that tells a person's values of `dim`, and how to read it back
    into the list of values (EMPTY for none).

    A person dimension is its value. A record dimension is a correlated subquery per
    person, answered from an index without reading a record: for a vocabulary (levels) a
    bit per value, each an EXISTS seek in honour(level, honouree_id); otherwise (years) the
    distinct values, read from honour(honouree_id, year).
    """
    if dim.table == PERSON:
        value, params, read = _person_value(dim, today)
        return value, params, lambda v: [read(v)]
    counted = _counted(dim.table, "x")
    if dim.vocabulary is not None:
        keys = list(dim.vocabulary.keys)
        seek = (
            f"EXISTS (SELECT 1 FROM {dim.table} x WHERE x.{dim.column} = ? AND x.honouree_id = h.id{counted})"
        )
        if dim.best:  # the best value's bit read from the row; only values ranked after it sought
            rank = f"h.{dim.best}"
            bits = f"CASE WHEN {rank} < {len(keys)} THEN 1 << {rank} ELSE 0 END" + "".join(
                f" + CASE WHEN {rank} < {i} THEN {seek} * {1 << i} ELSE 0 END" for i in range(1, len(keys))
            )
            params: list = keys[1:]
        else:
            bits = " + ".join(f"{seek} * {1 << i}" for i in range(len(keys)))
            params = keys

        def from_mask(mask: int) -> list[object]:
            return [k for i, k in enumerate(keys) if mask >> i & 1] or [EMPTY]

        return f"({bits})", params, from_mask
    col = f"x.{dim.column}"
    sql = (
        f"(SELECT group_concat(v, char(31)) FROM (SELECT DISTINCT {col} AS v FROM {dim.table} x"
        f" WHERE x.honouree_id = h.id AND {col} IS NOT NULL AND {col} != ''{counted}))"
    )
    convert: Callable[[str], object] = int if dim.numeric else str

    def from_text(text: str | None) -> list[object]:
        return [convert(v) for v in text.split(SEPARATOR)] if text else [EMPTY]

    return sql, [], from_text


# The honourees a count of people leaves out: the trash and the collectives. They are few,
# so without a query a count over a whole index less the same count over these is the count
# of people, with no test of each row: the figures are of distinct honourees, so the parts
# add up exactly.
_LEFT_OUT = (
    "SELECT id FROM honouree WHERE deleted_at IS NOT NULL"
    " UNION ALL SELECT id FROM honouree WHERE deleted_at IS NULL AND category = ?"
)


def _left_out(subject: Subject, matching: Matching) -> tuple[str, list] | None:
    """The ids of the few left out of a count of everyone (_LEFT_OUT), when the subject is
    people and no query restricts them; None otherwise (collectives and a query's ids are
    read as a set of their own)."""
    if matching is None and not subject.collective:
        return _LEFT_OUT, [COLLECTIVE]
    return None


def _ids(subject: Subject, matching: Matching, column: str) -> tuple[str, list]:
    """The condition that `column` (an honouree id in a record table) is one of the honourees
    counted, as a set test instead of a join, where _left_out does not serve: collectives are
    few; a query's ids are read once."""
    where, params = _people(subject, matching)
    return f"{column} IN (SELECT h.id FROM honouree h WHERE {where})", params


def _less(counts: dict, parts: Iterable[tuple[object, int]]) -> dict:
    """`counts` less the counts of the same keys among those left out; keys left at none go."""
    for key, n in parts:
        counts[key] = counts.get(key, 0) - n
    return {k: n for k, n in counts.items() if n}


def _total(conn: sqlite3.Connection, subject: Subject, matching: Matching) -> int:
    """How many honourees are counted (from the index of the roll in name order)."""
    where, wparams = _people(subject, matching)
    return conn.execute(f"SELECT count(*) FROM honouree h WHERE {where}", wparams).fetchone()[0]


def _record_counts(
    conn: sqlite3.Connection, dim: Dimension, subject: Subject, matching: Matching
) -> tuple[dict[object, int], int]:
    """People by each value of a record dimension alone, and those without any under EMPTY,
    read from the partial index of the records that count (honour_level, honour_year), and
    how many are counted. People without a query: everyone's counts less the left out's."""
    total = _total(conn, subject, matching)
    col = f"x.{dim.column}"
    source = f"FROM {dim.table} x WHERE {col} IS NOT NULL AND {col} != ''{_counted(dim.table, 'x')}"
    by_value = f"SELECT {col}, count(DISTINCT x.honouree_id) {source}"
    anyone = f"SELECT count(DISTINCT x.honouree_id) {source}"
    left_out = _left_out(subject, matching)
    if left_out is None:
        ids, params = _ids(subject, matching, "x.honouree_id")
        counts = dict(conn.execute(f"{by_value} AND {ids} GROUP BY 1", params).fetchall())
        with_any = conn.execute(f"{anyone} AND {ids}", params).fetchone()[0]
    else:
        few, params = f"x.honouree_id IN ({left_out[0]})", left_out[1]
        counts = _less(
            dict(conn.execute(f"{by_value} GROUP BY 1").fetchall()),
            conn.execute(f"{by_value} AND {few} GROUP BY 1", params),
        )
        with_any = (
            conn.execute(anyone).fetchone()[0] - conn.execute(f"{anyone} AND {few}", params).fetchone()[0]
        )
    if total - with_any:
        counts[EMPTY] = total - with_any
    return counts, total


def _aggregate(dim: Dimension) -> tuple[str, list, Callable]:
    """An aggregate over one person's records `x` (those that count) that tells their values
    of `dim` (a bit per value of a vocabulary, else the values joined; NULL is skipped by
    group_concat, '' made NULL), and how to read it back."""
    if dim.vocabulary is not None:
        keys = list(dim.vocabulary.keys)
        bits = " + ".join(f"max(x.{dim.column} = ?) * {1 << i}" for i in range(len(keys)))

        def from_mask(mask: int | None) -> list[object]:
            return [k for i, k in enumerate(keys) if (mask or 0) >> i & 1] or [EMPTY]

        return f"({bits})", keys, from_mask
    convert: Callable[[str], object] = int if dim.numeric else str

    def from_text(text: str | None) -> list[object]:
        return sorted({convert(v) for v in text.split(SEPARATOR)}) if text else [EMPTY]  # type: ignore[type-var]

    return f"group_concat(nullif(x.{dim.column}, ''), char(31))", [], from_text


def _pairs(first: Dimension, second: Dimension) -> str:
    """An aggregate over one person's records `x` of both columns' values, record by record:
    one group_concat, where a bit per value of each in max() aggregates costs half as much again."""

    def value(dim: Dimension) -> str:  # '' for NULL, so the other's value is kept; '' is read as none
        return f"ifnull(x.{dim.column}, '')"

    return f"group_concat({value(first)} || char(30) || {value(second)}, char(31))"


def _read_pairs(
    rows: Iterable[tuple[str | None, int]], first: Dimension, second: Dimension, sign: int = 1
) -> Groups:
    """Groups of _pairs as each person's values (EMPTY for none) of the first and the second
    dimension, their people counted `sign` times. The same few hundred pairs recur in
    thousands of groups, so each is read once."""

    def read(pair: str) -> tuple[object, object]:
        one, _, two = pair.partition("\x1e")
        return (
            (int(one) if first.numeric else one) if one else None,
            (int(two) if second.numeric else two) if two else None,
        )

    known: dict[str, tuple[object, object]] = {}
    out: Groups = []
    for text, n in rows:
        ones, twos = set(), set()
        for pair in (text or "").split(SEPARATOR):
            got = known.get(pair)
            if got is None:
                got = known[pair] = read(pair)
            ones.add(got[0])
            twos.add(got[1])
        ones.discard(None)
        twos.discard(None)
        out.append((list(ones) or [EMPTY], list(twos) or [EMPTY], sign * n))
    return out


def _person_counts(
    conn: sqlite3.Connection, dim: Dimension, subject: Subject, matching: Matching, today: date | None
) -> dict[object, int]:
    """People by the value of a person dimension: one pass over their rows. People without a
    query and a plain column: everyone's by the column (from its index where it has one, as
    honouree_unit) less the left out's."""
    value, vparams, read = _person_value(dim, today)

    def merged(rows: Iterable[tuple[object, int]]) -> dict[object, int]:
        out: dict[object, int] = {}
        for v, n in rows:  # several values read as one (NULL and '' both empty; the ages of a band)
            out[read(v)] = out.get(read(v), 0) + n
        return out

    left_out = _left_out(subject, matching)
    if left_out is None or dim.bands:
        where, wparams = _people(subject, matching)
        return merged(
            conn.execute(
                f"SELECT {value}, count(*) FROM honouree h WHERE {where} GROUP BY 1", [*vparams, *wparams]
            )
        )
    plain = f"SELECT h.{dim.column}, count(*) FROM honouree h"  # the bare column, so an index serves it
    everyone = merged(conn.execute(f"{plain} GROUP BY 1"))
    few = merged(conn.execute(f"{plain} WHERE h.id IN ({left_out[0]}) GROUP BY 1", left_out[1]))
    return _less(everyone, few.items())


Groups = list[tuple[list[object], list[object], int]]  # each group's row values, column values, people


def _record_groups(
    conn: sqlite3.Connection,
    rows_by: Dimension,
    columns_by: Dimension,
    subject: Subject,
    matching: Matching,
    today: date | None,
) -> Groups | None:
    """The people counted grouped by their values, from one pass over a record table in
    honouree order (each person's records aggregated once) instead of a subquery per
    person; None when the dimensions need records of two tables."""
    records = [d for d in (rows_by, columns_by) if d.table != PERSON]
    if len({d.table for d in records}) != 1 or (len(records) == 1 and records[0].best):
        return None  # a person dimension by one with a best value: one pass over the people
    table = records[0].table
    left_out = _left_out(subject, matching)
    if (
        len(records) == 2
        and {rows_by.column, columns_by.column} == STORED_PAIRS[1]
        and table == STORED_PAIRS[0]
    ):
        return _stored_pairs(conn, rows_by, columns_by, subject, matching)
    if len(records) == 2:
        # people whose records all do not count are left to those without any, as the rest
        per_person = f"SELECT {_pairs(rows_by, columns_by)} AS p FROM {table} x WHERE 1{_counted(table, 'x')}"
        sql = "SELECT p, count(*) FROM ({}) GROUP BY 1"
        if left_out is None:
            ids, iparams = _ids(subject, matching, "x.honouree_id")
            rows = conn.execute(sql.format(f"{per_person} AND {ids} GROUP BY x.honouree_id"), iparams)
            groups = _read_pairs(rows, rows_by, columns_by)
        else:  # everyone's groups, and the left out's counted negative: no set test on each record
            groups = _read_pairs(
                conn.execute(sql.format(f"{per_person} GROUP BY x.honouree_id")), rows_by, columns_by
            )
            few = f"{per_person} AND x.honouree_id IN ({left_out[0]}) GROUP BY x.honouree_id"
            groups += _read_pairs(conn.execute(sql.format(few), left_out[1]), rows_by, columns_by, -1)
        without = _total(conn, subject, matching) - sum(n for _, _, n in groups)
        if without:
            groups.append(([EMPTY], [EMPTY], without))
        return groups
    record, person = records[0], (columns_by if rows_by.table != PERSON else rows_by)
    agg, aparams, read_record = _aggregate(record)
    value, vparams, read_value = _person_value(person, today)
    where, wparams = _people(subject, matching)
    ids, iparams = "", []  # without a query, the join to the honourees counted is the only test needed
    if left_out is None:  # with one, its ids narrow the records read first
        test, iparams = _ids(subject, matching, "x.honouree_id")
        ids = f" AND {test}"
    sql = (
        f"SELECT s.a, {value}, count(*) FROM (SELECT x.honouree_id AS id, {agg} AS a FROM {table} x"
        f" WHERE 1{_counted(table, 'x')}{ids} GROUP BY x.honouree_id) s JOIN honouree h ON h.id = s.id WHERE {where} GROUP BY 1, 2"
    )
    # parameters in the order they stand in the text: the person value, the aggregate, the sets
    found = [
        (read_record(a), read_value(v), n)
        for a, v, n in conn.execute(sql, [*vparams, *aparams, *iparams, *wparams])
    ]
    with_records: dict[object, int] = {}
    for _, v, n in found:
        with_records[v] = with_records.get(v, 0) + n
    for v, n in _person_counts(conn, person, subject, matching, today).items():
        if n - with_records.get(v, 0):
            found.append(([EMPTY], v, n - with_records.get(v, 0)))  # people of this value without records
    if rows_by is record:
        return [(a, [v], n) for a, v, n in found]
    return [([v], a, n) for a, v, n in found]


# The two record dimensions whose pairs each honouree's row keeps (honouree.year_levels, written
# with the other derived columns by indexing.year_levels: year PAIR level, the pairs joined by
# SEPARATOR, '' for none).
STORED_PAIRS = ("honour", {"year", "level"})


def _stored_pairs(
    conn: sqlite3.Connection, rows_by: Dimension, columns_by: Dimension, subject: Subject, matching: Matching
) -> Groups:
    """Years by level (either way round) from each person's stored pairs, grouped by the
    column instead of grouping every honour per person. People without a query: everyone's
    groups from the column's index (no sort, no row read) less the left out's."""
    year, level = (rows_by, columns_by) if rows_by.column == "year" else (columns_by, rows_by)
    left_out = _left_out(subject, matching)
    if left_out is None:
        where, params = _people(subject, matching)
        rows = conn.execute(
            f"SELECT h.year_levels, count(*) FROM honouree h WHERE {where} GROUP BY 1", params
        )
        groups = _read_pairs(rows, year, level)
    else:
        groups = _read_pairs(
            conn.execute("SELECT year_levels, count(*) FROM honouree GROUP BY 1"), year, level
        )
        few = f"SELECT year_levels, count(*) FROM honouree WHERE id IN ({left_out[0]}) GROUP BY 1"
        groups += _read_pairs(conn.execute(few, left_out[1]), year, level, -1)
    return groups if rows_by is year else [(two, one, n) for one, two, n in groups]


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
    if columns_by is None:
        if rows_by.table != PERSON:
            counts, total = _record_counts(conn, rows_by, subject, matching)
        else:
            counts = _person_counts(conn, rows_by, subject, matching, today)
            total = sum(counts.values())
        return _table(subject, query, rows_by, None, {}, counts, {}, total)
    groups = (
        _record_groups(conn, rows_by, columns_by, subject, matching, today)
        if not (rows_by.table == PERSON and columns_by.table == PERSON)
        else None
    )
    if groups is None:
        where, wparams = _people(subject, matching)
        s1, p1, read1 = _signature(rows_by, today)
        s2, p2, read2 = _signature(columns_by, today)
        if "SELECT" in s1 or "SELECT" in s2:
            # materialized, so that each person's subqueries run once (a GROUP BY on them runs them twice)
            sql = (
                f"WITH g(a, b) AS MATERIALIZED (SELECT {s1}, {s2} FROM honouree h WHERE {where})"
                " SELECT a, b, count(*) FROM g GROUP BY 1, 2"
            )
        else:  # plain columns: one GROUP BY over the rows
            sql = f"SELECT {s1}, {s2}, count(*) FROM honouree h WHERE {where} GROUP BY 1, 2"
        groups = [(read1(a), read2(b), n) for a, b, n in conn.execute(sql, [*p1, *p2, *wparams])]
    cells: dict[tuple[object, object], int] = {}
    row_totals: dict[object, int] = {}
    column_totals: dict[object, int] = {}
    total = 0
    for rows, columns, n in groups:
        total += n
        for r in rows:
            row_totals[r] = row_totals.get(r, 0) + n
        for c in columns:
            column_totals[c] = column_totals.get(c, 0) + n
            for r in rows:
                cells[(r, c)] = cells.get((r, c), 0) + n
    # a value only the left out have sums to nobody, and is not shown (nor is an empty cell)
    cells = {k: n for k, n in cells.items() if n}
    row_totals = {k: n for k, n in row_totals.items() if n}
    column_totals = {k: n for k, n in column_totals.items() if n}
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
        value, vparams, read = (
            f"coalesce(CAST(substr(x.{measure.date_column}, 1, 4) AS INTEGER), '')",
            [],
            _key,
        )
    elif by.table == PERSON:
        value, vparams, read = _person_value(by, today)
    elif by.table == t:  # a column of the summed records themselves (care spending by kind)
        value, vparams, read = f"coalesce(x.{by.column}, '')", [], _key
    else:
        raise ValueError(f"{measure.key} cannot be totalled by {by.key}")
    counted = _counted(t, "x")
    source = f"FROM {t} x JOIN honouree h ON h.id = x.honouree_id WHERE {where}{counted}"
    params = [*vparams, *wparams]
    money: dict[object, tuple[int, int]] = {}
    for v, donors, fen in conn.execute(
        f"SELECT {value}, count(DISTINCT x.honouree_id), coalesce(sum(x.{measure.amount_column}), 0)"
        f" {source} GROUP BY 1",
        params,
    ):
        had = money.get(read(v), (0, 0))  # the ages of a band are different people: they add up
        money[read(v)] = (had[0] + donors, had[1] + fen)
    goods: dict[object, dict[str, int]] = {}
    for v, unit, quantity in conn.execute(
        f"SELECT {value}, x.{measure.unit_column}, sum(x.{measure.quantity_column}) {source}"
        f" AND x.{measure.quantity_column} IS NOT NULL GROUP BY 1, 2",
        params,
    ):
        by_unit = goods.setdefault(read(v), {})
        by_unit[unit or ""] = by_unit.get(unit or "", 0) + quantity
    donors_total, fen_total = conn.execute(
        f"SELECT count(DISTINCT x.honouree_id), coalesce(sum(x.{measure.amount_column}), 0) {source}", wparams
    ).fetchone()
    return amount_table_of(measure, by, query, money, goods, donors_total, fen_total)
