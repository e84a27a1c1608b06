"""A registry file as either end of a whole-registry copy (core/copying.py says what is copied).

Rows are read and written table by table, as stored (ids, versions, dates, the trash, the
history, photo bytes), in key order a chunk at a time; what is derived from them (the search
index and its queue) is not copied but rebuilt here from the rows written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from . import indexing

# Derived from the records, rebuilt by the copy's target: never copied.
DERIVED_TABLES = frozenset({"search_queue"})
# Written by a server (its photo_data keeps the photo's person for its row-level policies):
# a file reads it from the photo.
_VIRTUAL = {
    ("photo_data", "honouree_id"): "(SELECT p.honouree_id FROM photo p WHERE p.id = photo_data.photo_id)"
}


def record_tables(conn: sqlite3.Connection, *, reading: bool) -> dict[str, dict[str, str]]:
    """Every table holding a person's data (the honourees and each table naming them), with
    its columns and their declared types (when `reading`, also those a file computes)."""
    found: dict[str, dict[str, str]] = {}
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        if table in DERIVED_TABLES or table.startswith("sqlite_"):
            continue
        columns = {row[1]: (row[2] or "").lower() for row in conn.execute(f'PRAGMA table_info("{table}")')}
        if table == "honouree" or "honouree_id" in columns or any(t == table for t, _ in _VIRTUAL):
            found[table] = columns
    for table, column in _VIRTUAL:
        if reading and table in found:
            found[table].setdefault(column, "integer")
    return found


def _expression(table: str, column: str) -> str:
    return _VIRTUAL.get((table, column), f'"{column}"')


def read_chunk(
    conn: sqlite3.Connection, table: str, columns: Sequence[str], key: str, after: object, limit: int
) -> list[tuple]:
    """Up to `limit` rows of `table` whose `key` follows `after` (None: from the first), in key order."""
    select = ", ".join(_expression(table, c) for c in columns)
    if after is None:
        sql, params = f'SELECT {select} FROM "{table}" ORDER BY "{key}" LIMIT ?', (limit,)
    else:
        sql, params = (
            f'SELECT {select} FROM "{table}" WHERE "{key}" > ? ORDER BY "{key}" LIMIT ?',
            (after, limit),
        )
    return conn.execute(sql, params).fetchall()


def count_rows(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


def is_empty(conn: sqlite3.Connection) -> bool:
    """No record, in the roll or the trash, and no history."""
    return (
        conn.execute(
            "SELECT NOT EXISTS (SELECT 1 FROM honouree) AND NOT EXISTS (SELECT 1 FROM history)"
        ).fetchone()[0]
        == 1
    )


def write_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    """Rows as read from the other end (inside the caller's transaction)."""
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)


def finish(conn: sqlite3.Connection) -> None:
    """Derived columns and the whole search index rebuilt from the rows written."""
    indexing.reindex_all(conn)
