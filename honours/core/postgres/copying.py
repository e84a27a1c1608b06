"""A shared registry as either end of a whole-registry copy (core/copying.py says what is copied).

Read in one REPEATABLE READ, read-only transaction (one consistent moment of a roll others
keep changing), a chunk at a time in key order. Written through the row-level policies like
any save (an office of every region, or an administrator), many rows per statement so that
the change trigger fires once per chunk; the identity sequences are then moved past the ids
written, and the search rows are computed from the rows written (the search table is never
copied).
"""

from __future__ import annotations

from collections.abc import Sequence

import psycopg

from .indexing import check_tokenizer, index_everyone

# Derived from the records, rebuilt by the copy's target: never copied.
DERIVED_TABLES = frozenset({"honouree_search"})
_MAX_PARAMETERS = 60000  # PostgreSQL takes at most 65,535 parameters a statement


def record_tables(conn: psycopg.Connection, *, reading: bool) -> dict[str, dict[str, str]]:
    """Every table holding a person's data (the honourees and each table naming them), with
    its columns and their types."""
    found: dict[str, dict[str, str]] = {}
    for table, column, kind in conn.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns"
        " WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
    ):
        if table not in DERIVED_TABLES:
            found.setdefault(table, {})[column] = kind
    return {t: c for t, c in found.items() if t == "honouree" or "honouree_id" in c}


def begin_snapshot(conn: psycopg.Connection) -> None:
    """Start the reading transaction: everything read sees one moment of the roll."""
    conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")


def end_snapshot(conn: psycopg.Connection) -> None:
    conn.execute("ROLLBACK")


def read_chunk(
    conn: psycopg.Connection, table: str, columns: Sequence[str], key: str, after: object, limit: int
) -> list[tuple]:
    """Up to `limit` rows of `table` whose `key` follows `after` (None: from the first), in key order."""
    select = ", ".join(f'"{c}"' for c in columns)
    if after is None:
        sql, params = f'SELECT {select} FROM "{table}" ORDER BY "{key}" LIMIT %s', (limit,)
    else:
        sql, params = (
            f'SELECT {select} FROM "{table}" WHERE "{key}" > %s ORDER BY "{key}" LIMIT %s',
            (after, limit),
        )
    return conn.execute(sql, params, prepare=False).fetchall()


def count_rows(conn: psycopg.Connection, table: str) -> int:
    return conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


def is_empty(conn: psycopg.Connection) -> bool:
    """No record, in the roll or the trash, and no history."""
    return bool(
        conn.execute(
            "SELECT NOT EXISTS (SELECT 1 FROM honouree) AND NOT EXISTS (SELECT 1 FROM history)"
        ).fetchone()[0]
    )


def write_rows(conn: psycopg.Connection, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    """Rows as read from the other end, many a statement (inside the caller's transaction)."""
    names = ", ".join(f'"{c}"' for c in columns)
    one = "(" + ", ".join("%s" for _ in columns) + ")"
    per_statement = max(1, _MAX_PARAMETERS // max(1, len(columns)))
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        params = [value for row in chunk for value in row]
        conn.execute(
            f'INSERT INTO "{table}" ({names}) VALUES {", ".join(one for _ in chunk)}', params, prepare=False
        )


def finish(conn: psycopg.Connection, tables: Sequence[str]) -> None:
    """After the rows are written: each identity sequence moved past the largest id written (new
    records must not take a copied one's id), and every search row computed."""
    for table in tables:
        if not conn.execute(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name = %s AND column_name = 'id' AND is_identity = 'YES'",
            (table,),
        ).fetchone():
            continue
        largest = conn.execute(f'SELECT max(id) FROM "{table}"').fetchone()[0]
        if not largest:
            continue
        sequence = conn.execute("SELECT pg_get_serial_sequence(%s, 'id')", (table,)).fetchone()[0]
        try:
            with conn.transaction():  # the owner or a superuser sets it at once
                conn.execute("SELECT setval(%s, %s)", (sequence, largest))
        except psycopg.errors.InsufficientPrivilege:
            # an office may only draw numbers: draw until past the largest id
            conn.execute(
                "SELECT max(nextval(%s)) FROM generate_series(1, %s)", (sequence, largest), prepare=False
            )
    with conn.cursor() as cur:
        check_tokenizer(cur)
        index_everyone(cur)
