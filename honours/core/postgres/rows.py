"""The shared registry's rows as the field spec (fields.py) declares them, in PostgreSQL's SQL.

The same statements as core/sqlite/rows.py, generated from the same FieldSpecs, with
psycopg's `%s` placeholders, `RETURNING id` for new rows and real booleans. The converters
between records and stored values that do not depend on the database (`stored_values`,
`honouree_from_row`, `kind_from_row`) are shared with the file backend.
"""

from __future__ import annotations

from typing import Any

from ..fields import BOOL, HONOUREE_FIELDS, WRITTEN_KINDS, FieldSpec, RecordKind
from ..sqlite.rows import child_values as _file_child_values
from ..sqlite.rows import honouree_from_row, kind_from_row
from ..sqlite.rows import stored_values as _file_stored_values

__all__ = [
    "HONOUREE_COLUMNS",
    "INSERT_CHILD",
    "INSERT_HONOUREE",
    "SELECT_CHILDREN",
    "SELECT_HONOUREE",
    "UPDATE_HONOUREE",
    "child_values",
    "honouree_from_row",
    "kind_from_row",
    "stored_values",
]


def columns(fields: tuple[FieldSpec, ...]) -> str:
    return ", ".join(f.column for f in fields)


def marks(count: int) -> str:
    return ", ".join(["%s"] * count)


HONOUREE_COLUMNS = columns(HONOUREE_FIELDS)
INSERT_HONOUREE = (
    f"INSERT INTO honouree ({HONOUREE_COLUMNS}, created_at, updated_at, version)"
    f" VALUES ({marks(len(HONOUREE_FIELDS) + 2)}, 1) RETURNING id"
)
# Imports and copies keep their ids and stamps.
INSERT_HONOUREE_WITH_ID = (
    f"INSERT INTO honouree (id, {HONOUREE_COLUMNS}, created_at, updated_at, version)"
    f" VALUES ({marks(len(HONOUREE_FIELDS) + 4)})"
)
# The version in the WHERE clause as well as the row lock taken before: an update never
# lands on a version other than the one checked (no lost update under READ COMMITTED).
UPDATE_HONOUREE = (
    "UPDATE honouree SET "
    + ", ".join(f"{f.column} = %s" for f in HONOUREE_FIELDS)
    + ", updated_at = %s, version = version + 1 WHERE id = %s AND version = %s RETURNING version"
)
SELECT_HONOUREE = (
    f"SELECT id, {HONOUREE_COLUMNS}, created_at, updated_at, version, deleted_at FROM honouree WHERE id = %s"
)
# A whole record in one round trip: its own columns, then each kind's rows and its photos
# as JSON arrays of arrays (id first), in their order.
PHOTO_COLUMNS = "id, caption, is_primary, width, height, mime, original_name, position"
SELECT_WHOLE_HONOUREE = (
    f"SELECT h.id, {', '.join('h.' + f.column for f in HONOUREE_FIELDS)}, h.created_at, h.updated_at,"
    " h.version, h.deleted_at, "
    + ", ".join(
        f"(SELECT coalesce(json_agg(json_build_array(c.id, {', '.join('c.' + f.column for f in kind.fields)})"
        f" ORDER BY c.position, c.id), '[]') FROM {kind.table} c WHERE c.honouree_id = h.id)"
        for kind in WRITTEN_KINDS
    )
    + f", (SELECT coalesce(json_agg(json_build_array({PHOTO_COLUMNS}) ORDER BY p.position, p.id), '[]')"
    " FROM photo p WHERE p.honouree_id = h.id)"
    " FROM honouree h WHERE h.id = %s"
)
# Every kind's rows of a record gone in one statement (before writing them anew).
DELETE_CHILDREN = (
    "WITH "
    + ", ".join(
        f"gone_{kind.table} AS (DELETE FROM {kind.table} WHERE honouree_id = %(id)s)"
        for kind in WRITTEN_KINDS[1:]
    )
    + f" DELETE FROM {WRITTEN_KINDS[0].table} WHERE honouree_id = %(id)s"
)
SELECT_CHILDREN = {
    kind.key: f"SELECT id, {columns(kind.fields)} FROM {kind.table} WHERE honouree_id = %s ORDER BY position, id"
    for kind in WRITTEN_KINDS
}
INSERT_CHILD = {
    kind.key: f"INSERT INTO {kind.table} (honouree_id, position, {columns(kind.fields)})"
    f" VALUES ({marks(len(kind.fields) + 2)})"
    for kind in WRITTEN_KINDS
}
INSERT_CHILD_WITH_ID = {
    kind.key: f"INSERT INTO {kind.table} (id, honouree_id, position, {columns(kind.fields)})"
    f" VALUES ({marks(len(kind.fields) + 3)})"
    for kind in WRITTEN_KINDS
}

# PostgreSQL's booleans are booleans (SQLite stores 0/1).
_BOOLEANS = {kind.key: tuple(f.type == BOOL for f in kind.fields) for kind in WRITTEN_KINDS}


def child_values(kind: RecordKind, record: Any) -> tuple:
    """One honour's, deed's or donation's values as stored, in the kind's field order."""
    return tuple(
        bool(value) if boolean else value
        for boolean, value in zip(_BOOLEANS[kind.key], _file_child_values(kind, record), strict=True)
    )


_HONOUREE_BOOLEANS = tuple(f.type == BOOL for f in HONOUREE_FIELDS)


def stored_values(honouree: Any) -> tuple:
    """An honouree's own values as stored, in HONOUREE_FIELDS order (booleans as booleans)."""
    return tuple(
        bool(value) if boolean else value
        for boolean, value in zip(_HONOUREE_BOOLEANS, _file_stored_values(honouree), strict=True)
    )
