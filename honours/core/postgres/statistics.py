"""The PostgreSQL backend's statistics (core/statistics.py declares what is counted).

The same figures as sqlite/statistics.py (its `_table` builds the tables, so both backends
word and order them alike), each table in one or a few passes instead of a subquery per
person (0.4–0.7 s a table at 100,000). Per table, the plan PostgreSQL chose on the 100,000
roll (in brackets) and the time of the table:

- A record dimension alone (levels, years): distinct people by value from the partial index
  of the records that count (honour_level, honour_year: WHERE NOT revoked) [Index Only Scan
  using honour_level, GroupAggregate]; for levels, those without any are counted with the
  people, by the best level kept on the row (level_rank 9: none), else by a distinct count of
  the same index. ~60 ms.
- People without a query are everyone less the few left out (the trash and the collectives),
  as in the file: a count over a whole index less the same count over those few (sought by
  index as an array: `= ANY(ARRAY(…))`), instead of a join of every record to its person; the
  figures are of distinct people, so the parts add up exactly.
- A person dimension alone: one GROUP BY over the honourees, on the column so that its partial
  index serves it where there is one [Index Only Scan using honouree_region]; age bands group
  by the age (filters.age_sql) and band it here: a hundred groups, not a CASE per row. ~40 ms,
  ages ~70 ms.
- Two dimensions with records: each person's records of a table aggregated once, a bit per
  value (levels; years from the least when they span at most 63, else their sorted distinct
  values) [GroupAggregate over Index Scan using honour_honouree_year], joined to the people
  counted [Hash Right Join] and grouped by both; each group adds its people to every cell its
  values name, so every figure counts distinct people as the search behind it does. Levels by
  region ~140 ms. Years by level (one table, no person dimension) need no join to the roll:
  everyone's groups less the left out's. ~150 ms.
- A query's matches are read once by the registry (ServerRegistry._matching: the search of a
  common word is ~0.45 s at 100,000) and handed here as an array, a FROM item joined by hash
  (`IN` probed the roll's primary key once per match: 0.1 s a statement).
- Amounts: money, goods and the totals of a measure in one pass over its records joined to the
  people counted (GROUPING SETS) instead of three. ~30–50 ms.

Nothing the user typed reaches the SQL except as a bound parameter or through the search's
own SQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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

# A FROM item of the ids a query matches (column `id`, each once: ServerRegistry._matching), and
# its parameters: joined by hash, where `IN` probed the roll's index once per match (0.1 s).
Matching = tuple[str, list] | None
Groups = list[tuple[list[object], list[object], int]]  # each group's row values, column values, people


def _counted(table: str, alias: str) -> str:
    """The condition that keeps a record counting (not revoked), as the partial indexes
    (honour_level, honour_year: WHERE NOT revoked) state it, so that they answer it."""
    return "".join(f" AND NOT {alias}.{column}" for flagged, column in REVOKED if flagged == table)


def _people(subject: Subject | None, matching: Matching) -> tuple[str, list]:
    """The honourees counted as `h`, a FROM item and its WHERE: live, of the subject, joined
    to the query's matches."""
    sql, params = "honouree h", []
    if matching is not None:
        sql += f" JOIN {matching[0]} m(id) ON m.id = h.id"
        params.extend(matching[1])
    sql += " WHERE h.deleted_at IS NULL"
    if subject is not None:  # a constant of ours, written in: the parameters all stand before WHERE
        sql += f" AND h.category {'=' if subject.collective else '<>'} {_literal(COLLECTIVE)}"
    return sql, params


def _literal(text: str) -> str:
    """A constant of the program as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


# The honourees a count of people leaves out: the trash and the collectives (few), as in the file.
_LEFT_OUT = (
    "SELECT id FROM honouree WHERE deleted_at IS NOT NULL"
    " UNION ALL SELECT id FROM honouree WHERE deleted_at IS NULL AND category = %s"
)


def _left_out(subject: Subject, matching: Matching) -> tuple[str, list] | None:
    """The ids of the few left out of a count of everyone, when the subject is people and no
    query restricts them; None otherwise (collectives and a query's ids are a set of their own)."""
    if matching is None and not subject.collective:
        return _LEFT_OUT, [COLLECTIVE]
    return None


def _among(column: str, subject: Subject, ids: str) -> str:
    """The condition that `column` (a record's honouree) is one of the ids `ids` selects: a few
    (the left out, collectives) as an array the record index is searched with, one seek each;
    many (a query's matches among people) by a hash join, not 50,000 seeks."""
    if subject.collective or ids == _LEFT_OUT:
        return f"{column} = ANY(ARRAY({ids}))"
    return f"{column} IN ({ids})"


def _less(counts: dict, parts: Iterable[tuple[object, int]]) -> dict:
    """`counts` less the counts of the same keys among those left out; keys left at none go."""
    for key, n in parts:
        counts[key] = counts.get(key, 0) - n
    return {k: n for k, n in counts.items() if n}


def _total(conn, subject: Subject, matching: Matching) -> int:
    """How many honourees are counted."""
    people, params = _people(subject, matching)
    return conn.execute(f"SELECT count(*) FROM {people}", params, prepare=False).fetchone()[0]


def _person_value(dim: Dimension, today: date | None) -> tuple[str, list, Callable[[object], object]]:
    """The value of a person dimension as an expression on `h`, and how to read it: bands are
    grouped by the age and banded here (the age computed once per row, a hundred groups)."""
    if dim.bands:
        age, params = age_sql(f"h.{dim.column}", today)
        return age, params, dim.band_of
    return f"h.{dim.column}::text", [], lambda v: EMPTY if v in (None, "") else v


def _merged(rows: Iterable[tuple[object, int]], read: Callable[[object], object]) -> dict[object, int]:
    """Counts by value read: several stored values may read as one (NULL and ''; a band's ages)."""
    out: dict[object, int] = {}
    for v, n in rows:
        out[read(v)] = out.get(read(v), 0) + n
    return out


def _person_counts(
    conn, dim: Dimension, subject: Subject, matching: Matching, today: date | None
) -> dict[object, int]:
    """People by the value of a person dimension: one GROUP BY over their rows. People without
    a query and a plain column: everyone's by the bare column (from its partial index where it
    has one) less the left out's."""
    value, vparams, read = _person_value(dim, today)
    left_out = _left_out(subject, matching)
    if left_out is None or dim.bands:
        people, wparams = _people(subject, matching)
        sql = f"SELECT {value}, count(*) FROM {people} GROUP BY 1"
        return {
            k: n
            for k, n in _merged(conn.execute(sql, [*vparams, *wparams], prepare=False), read).items()
            if n
        }
    plain = f"SELECT {value}, count(*) FROM honouree h WHERE h.deleted_at IS NULL"
    everyone = _merged(conn.execute(f"{plain} GROUP BY 1", prepare=False), read)
    # the live collectives (the trash is not in `everyone`)
    few = _merged(conn.execute(f"{plain} AND h.category = %s GROUP BY 1", [COLLECTIVE], prepare=False), read)
    return _less(everyone, few.items())


def _record_counts(
    conn, dim: Dimension, subject: Subject, matching: Matching
) -> tuple[dict[object, int], int]:
    """People by each value of a record dimension alone (EMPTY: those without any), read from
    the partial index of the records that count, and how many are counted."""
    people, pparams = _people(subject, matching)
    # with a best value kept on the row, those without any are counted in the same pass
    none = f"h.{dim.best} >= {len(dim.vocabulary.keys)}" if dim.best else "false"  # type: ignore[union-attr]
    total, without = conn.execute(
        f"SELECT count(*), count(*) FILTER (WHERE {none}) FROM {people}", pparams, prepare=False
    ).fetchone()
    col = f"x.{dim.column}"
    blank = "" if dim.numeric else f" AND {col}::text <> ''"  # a number is never blank: no cast per row
    source = f"FROM {dim.table} x WHERE {col} IS NOT NULL{blank}{_counted(dim.table, 'x')}"
    by_value = f"SELECT {col}, count(DISTINCT x.honouree_id) {source}"
    anyone = f"SELECT count(DISTINCT x.honouree_id) {source}"
    left_out = _left_out(subject, matching)
    if left_out is None:
        ids, params = f" AND {_among('x.honouree_id', subject, f'SELECT h.id FROM {people}')}", pparams
        counts = dict(conn.execute(f"{by_value}{ids} GROUP BY 1", params, prepare=False).fetchall())
    else:
        few, params = f" AND {_among('x.honouree_id', subject, left_out[0])}", left_out[1]
        counts = _less(
            dict(conn.execute(f"{by_value} GROUP BY 1", prepare=False).fetchall()),
            conn.execute(f"{by_value}{few} GROUP BY 1", params, prepare=False),
        )
    if not dim.best:  # else those without any were counted with the people: none ranked best on their row
        if left_out is None:
            without = total - conn.execute(f"{anyone}{ids}", params, prepare=False).fetchone()[0]
        else:
            without = total - (
                conn.execute(anyone, prepare=False).fetchone()[0]
                - conn.execute(f"{anyone}{few}", params, prepare=False).fetchone()[0]
            )
    if without:
        counts[EMPTY] = without
    return counts, total


def _bits(values: list[object]) -> Callable[[object], list[object]]:
    """How to read a mask of a bit per value (bit i: values[i]) into the values (EMPTY for
    none); the same few hundred masks recur in thousands of groups, so each is read once."""
    known: dict[object, list[object]] = {}

    def read(mask: object) -> list[object]:
        found = known.get(mask)
        if found is None:
            bits = int(mask or 0)  # type: ignore[call-overload]
            found = known[mask] = [v for i, v in enumerate(values) if bits >> i & 1] or [EMPTY]
        return found

    return read


def _aggregate(conn, dim: Dimension) -> tuple[str, list, Callable[[object], list[object]]]:
    """An aggregate over one person's records `x` that count, telling their values of `dim`,
    and how to read it back into the list of values (EMPTY for none): a bit per value of a
    vocabulary; for numbers (years) a bit per number from the least counted when they span
    at most 63 (bit_or of a bigint: half the time of a sorted distinct array, 90 against
    160 ms for years by level at 100,000), else the sorted distinct values."""
    col = f"x.{dim.column}"
    if dim.vocabulary is not None:
        keys = list(dim.vocabulary.keys)
        arms = " ".join(f"WHEN %s THEN {1 << i}" for i in range(len(keys)))
        return f"bit_or(CASE {col}::text {arms} END)", keys, _bits(keys)  # type: ignore[arg-type]
    if dim.numeric:
        low, high = conn.execute(
            f"SELECT min({col}), max({col}) FROM {dim.table} x WHERE true{_counted(dim.table, 'x')}",
            prepare=False,
        ).fetchone()
        if low is not None and high - low < 63:
            return f"bit_or(1::bigint << ({col} - %s))", [low], _bits(list(range(low, high + 1)))

    def from_array(values: object) -> list[object]:
        return list(values) or [EMPTY] if values else [EMPTY]  # type: ignore[call-overload]

    blank = "" if dim.numeric else f" AND {col}::text <> ''"
    return f"array_agg(DISTINCT {col} ORDER BY {col}) FILTER (WHERE {col} IS NOT NULL{blank})", [], from_array


def _groups(
    conn,
    rows_by: Dimension,
    columns_by: Dimension,
    subject: Subject,
    matching: Matching,
    today: date | None,
) -> Groups:
    """The people counted grouped by their values of both dimensions: each record table's
    records aggregated per person in one pass (both dimensions of one table in the same
    pass), joined to the people counted (a query's ids narrow the records read first), and
    grouped by both signatures."""
    people, wparams = _people(subject, matching)
    aggregates: dict[str, list[str]] = {}  # by record table: its aggregates
    aparams: dict[str, list] = {}
    selected: list[str] = []
    sparams: list = []
    readers: list[Callable[[object], list[object]]] = []
    for dim in (rows_by, columns_by):
        if dim.table == PERSON:
            value, vparams, read = _person_value(dim, today)
            selected.append(value)
            sparams += vparams
            readers.append(lambda v, read=read: [read(v)])
            continue
        agg, params, read_agg = _aggregate(conn, dim)
        alias = f"r{list(aggregates).index(dim.table) if dim.table in aggregates else len(aggregates)}"
        column = f"v{len(selected)}"
        aggregates.setdefault(dim.table, []).append(f"{agg} AS {column}")
        aparams.setdefault(dim.table, []).extend(params)
        selected.append(f"{alias}.{column}")
        readers.append(read_agg)
    left_out = _left_out(subject, matching)
    if len(aggregates) == 1 and not sparams and PERSON not in (rows_by.table, columns_by.table) and left_out:
        return _record_groups(conn, *next(iter(aggregates.items())), aparams, readers, subject, left_out)
    joins, jparams = "", []
    narrow, nparams = "", []  # everyone's records, or only those of the few counted (collectives, matches)
    if left_out is None:
        narrow, nparams = f" AND {_among('x.honouree_id', subject, f'SELECT h.id FROM {people}')}", wparams
    for i, (table, aggs) in enumerate(aggregates.items()):
        joins += (
            f" LEFT JOIN (SELECT x.honouree_id, {', '.join(aggs)} FROM {table} x"
            f" WHERE true{_counted(table, 'x')}{narrow} GROUP BY 1) r{i} ON r{i}.honouree_id = h.id"
        )
        jparams += [*aparams[table], *nparams]
    head, _, tail = people.partition(" WHERE ")
    sql = f"SELECT {selected[0]}, {selected[1]}, count(*) FROM {head}{joins} WHERE {tail} GROUP BY 1, 2"
    read1, read2 = readers
    return [
        (read1(a), read2(b), n)
        for a, b, n in conn.execute(sql, [*sparams, *wparams, *jparams], prepare=False)
    ]


def _record_groups(
    conn,
    table: str,
    aggs: list[str],
    aparams: dict[str, list],
    readers: list[Callable[[object], list[object]]],
    subject: Subject,
    left_out: tuple[str, list],
) -> Groups:
    """Two dimensions of one record table (years by level), people without a query: everyone's
    records aggregated per person and grouped, with no join to the roll, less the same groups
    of the left out (counted negative), and those without a record that counts under EMPTY."""
    per_person = f"SELECT {', '.join(aggs)} FROM {table} x WHERE true{_counted(table, 'x')}"
    sql = "SELECT v0, v1, count(*) FROM ({}) s GROUP BY 1, 2"
    params = aparams[table]
    read1, read2 = readers
    groups = [
        (read1(a), read2(b), n)
        for a, b, n in conn.execute(sql.format(f"{per_person} GROUP BY x.honouree_id"), params, prepare=False)
    ]
    few = f"{per_person} AND {_among('x.honouree_id', subject, left_out[0])} GROUP BY x.honouree_id"
    groups += [
        (read1(a), read2(b), -n)
        for a, b, n in conn.execute(sql.format(few), [*params, *left_out[1]], prepare=False)
    ]
    without = _total(conn, subject, None) - sum(n for _, _, n in groups)
    if without:
        groups.append(([EMPTY], [EMPTY], without))
    return groups


def cross_table(
    conn,
    rows_by: Dimension,
    columns_by: Dimension | None,
    subject: Subject,
    query: str,
    matching: Matching,
    today: date | None = None,
) -> CrossTable:
    """Counts of the subject's honourees matching `matching` by one or two dimensions; every
    figure counts distinct people, as the search behind it does."""
    if columns_by is None:
        if rows_by.table != PERSON:
            counts, total = _record_counts(conn, rows_by, subject, matching)
        else:
            counts = _person_counts(conn, rows_by, subject, matching, today)
            total = sum(counts.values())
        return _table(subject, query, rows_by, None, {}, counts, {}, total)
    cells: dict[tuple[object, object], int] = {}
    row_totals: dict[object, int] = {}
    column_totals: dict[object, int] = {}
    total = 0
    for rows, columns, n in _groups(conn, rows_by, columns_by, subject, matching, today):
        total += n
        for r in rows:  # each value once (a mask's bits, distinct values, a person's one value)
            row_totals[r] = row_totals.get(r, 0) + n
        for c in columns:
            column_totals[c] = column_totals.get(c, 0) + n
            for r in rows:
                cells[r, c] = cells.get((r, c), 0) + n
    # a value only the left out have sums to nobody, and is not shown (nor is an empty cell)
    cells = {k: n for k, n in cells.items() if n}
    row_totals = {k: n for k, n in row_totals.items() if n}
    column_totals = {k: n for k, n in column_totals.items() if n}
    return _table(subject, query, rows_by, columns_by, cells, row_totals, column_totals, total)


def amount_table(
    conn,
    measure: Measure,
    by: Dimension,
    query: str,
    matching: Matching,
    today: date | None = None,
) -> AmountTable:
    """Money and goods of a measure's records of live honourees by `by` (as the file's): the
    money and donors by value, the goods by value and unit, and the totals, from one pass
    over the records joined to the people counted (GROUPING SETS)."""
    people, wparams = _people(None, matching)
    head, _, tail = people.partition(" WHERE ")
    head = f"({head})" if " JOIN " in head else head  # the honourees and the matches, joined first
    t = measure.table
    read: Callable[[object], object] = _key
    if by.key == "year":
        year = f"substr(x.{measure.date_column}, 1, 4)"
        value, vparams = f"(CASE WHEN {year} ~ '^[0-9][0-9][0-9][0-9]$' THEN {year}::integer END)", []
    elif by.table == PERSON:
        value, vparams, read = _person_value(by, today)
    elif by.table == t:
        value, vparams = f"coalesce(x.{by.column}::text, '')", []
    else:
        raise ValueError(f"{measure.key} cannot be totalled by {by.key}")
    amount, quantity, unit = (
        f"x.{c}" for c in (measure.amount_column, measure.quantity_column, measure.unit_column)
    )
    # grouping(v, u): 1 a value's money and donors, 0 its goods of a unit, 3 the totals
    sql = (
        f"SELECT grouping(v, u), v, u, count(DISTINCT d.id), coalesce(sum(d.fen), 0), sum(d.q)"
        f" FROM (SELECT x.honouree_id AS id, {value} AS v, coalesce({unit}, '') AS u, {amount} AS fen,"
        f" {quantity} AS q FROM {t} x JOIN {head} ON h.id = x.honouree_id WHERE {tail}{_counted(t, 'x')}) d"
        " GROUP BY GROUPING SETS ((v), (v, u), ())"
    )
    money: dict[object, tuple[int, int]] = {}
    goods: dict[object, dict[str, int]] = {}
    donors_total, fen_total = 0, 0
    for g, v, u, donors, fen, q in conn.execute(sql, [*vparams, *wparams], prepare=False):
        if g == 3:
            donors_total, fen_total = donors, int(fen)
        elif g == 1:  # the ages of a band are different people: they add up
            had = money.get(read(v), (0, 0))
            money[read(v)] = (had[0] + donors, had[1] + int(fen))
        elif q is not None:
            by_unit = goods.setdefault(read(v), {})
            by_unit[u] = by_unit.get(u, 0) + int(q)
    return amount_table_of(measure, by, query, money, goods, donors_total, fen_total)
