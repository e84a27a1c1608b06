"""The registry's rows as the field spec (fields.py) declares them: SQL and values, made once.

The store reads and writes an honouree's own columns and its honours, deeds, donations and
care records through these statements and converters instead of lists of columns written out by position.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from ..fields import BOOL, DATE, HONOUREE_FIELDS, TEXT, WRITTEN_KINDS, FieldSpec, RecordKind
from ..records import Care, Deed, Donation, Honour, Honouree, Source


def columns(fields: tuple[FieldSpec, ...]) -> str:
    """`a, b, c` for SQL."""
    return ", ".join(f.column for f in fields)


def assignments(fields: tuple[FieldSpec, ...]) -> str:
    """`a = ?, b = ?` for an SQL UPDATE."""
    return ", ".join(f"{f.column} = ?" for f in fields)


def marks(count: int) -> str:
    return ", ".join("?" * count)


# -- an honouree's own columns -------------------------------------------------------------

HONOUREE_COLUMNS = columns(HONOUREE_FIELDS)
INSERT_HONOUREE = (
    f"INSERT INTO honouree ({HONOUREE_COLUMNS}, created_at, updated_at, version)"
    f" VALUES ({marks(len(HONOUREE_FIELDS) + 2)}, 1)"
)
UPDATE_HONOUREE = (
    f"UPDATE honouree SET {assignments(HONOUREE_FIELDS)}, updated_at = ?, version = version + 1 WHERE id = ?"
)
SELECT_HONOUREE = (
    f"SELECT id, {HONOUREE_COLUMNS}, created_at, updated_at, version, deleted_at FROM honouree WHERE id = ?"
)

_honouree_values = attrgetter(*(f.key for f in HONOUREE_FIELDS))
_STORED = tuple((f.stripped, "" if f.default is None else f.default) for f in HONOUREE_FIELDS)
# Yes/no fields (hardship) are stored as 0/1: where they sit among the values.
_BOOLS = tuple(i for i, f in enumerate(HONOUREE_FIELDS) if f.type == BOOL)


def stored_values(h: Honouree) -> tuple:
    """An honouree's own fields as stored, in HONOUREE_FIELDS order: texts, never None (yes/no as 0/1)."""
    values = _honouree_values(h)
    stored = [
        (str(value).strip() if stripped else str(value)) if value else default
        for (stripped, default), value in zip(_STORED, values, strict=False)
    ]
    for i in _BOOLS:
        stored[i] = 1 if values[i] else 0
    return tuple(stored)


_OWN = tuple((i, f.key) for i, f in enumerate(HONOUREE_FIELDS, 1) if "." not in f.key and f.type != BOOL)
_OWN_BOOLS = tuple((i, f.key) for i, f in enumerate(HONOUREE_FIELDS, 1) if f.type == BOOL)
_SOURCE = tuple(
    (i, f.key.split(".")[1]) for i, f in enumerate(HONOUREE_FIELDS, 1) if f.key.startswith("source.")
)


def honouree_from_row(row: tuple) -> Honouree:
    """An honouree (no lists yet) from a row of SELECT_HONOUREE."""
    n = len(HONOUREE_FIELDS)
    return Honouree(
        id=row[0],
        **{key: row[i] for i, key in _OWN},
        **{key: bool(row[i]) for i, key in _OWN_BOOLS},
        source=Source(**{key: row[i] for i, key in _SOURCE}),
        created_at=row[n + 1],
        updated_at=row[n + 2],
        version=row[n + 3],
    )


# -- the lists of records: honours, deeds, donations ---------------------------------------------

RECORD_CLASS: dict[str, type] = {"honours": Honour, "deeds": Deed, "donations": Donation, "care": Care}
SELECT_CHILDREN = {
    kind.key: f"SELECT id, {columns(kind.fields)} FROM {kind.table}"
    " WHERE honouree_id = ? ORDER BY position, id"
    for kind in WRITTEN_KINDS
}
INSERT_CHILD = {
    kind.key: f"INSERT INTO {kind.table} (honouree_id, position, {columns(kind.fields)})"
    f" VALUES ({marks(len(kind.fields) + 2)})"
    for kind in WRITTEN_KINDS
}
# Imports choose the ids themselves.
INSERT_CHILD_WITH_ID = {
    kind.key: f"INSERT INTO {kind.table} (id, honouree_id, position, {columns(kind.fields)})"
    f" VALUES ({marks(len(kind.fields) + 3)})"
    for kind in WRITTEN_KINDS
}


def _store(spec: FieldSpec) -> Callable[[Any], Any] | None:
    """How a value is stored (None: as it is)."""
    if spec.stripped:
        return lambda value: value.strip()
    if spec.type == BOOL:
        return lambda value: int(bool(value))
    if spec.type == DATE:
        return lambda value: value or None
    if spec.type == TEXT and spec.vocabulary is None:
        return lambda value: value or ""
    return None


_CHILD_STORE = {
    kind.key: (attrgetter(*(f.key for f in kind.fields)), tuple(_store(f) for f in kind.fields))
    for kind in WRITTEN_KINDS
}


def child_values(kind: RecordKind, record: Any) -> tuple:
    """One honour's, deed's or donation's values as stored, in the kind's field order."""
    get, stores = _CHILD_STORE[kind.key]
    return tuple(
        value if store is None else store(value) for store, value in zip(stores, get(record), strict=False)
    )


_CHILD_READ = {kind.key: tuple((f.key, f.type == BOOL) for f in kind.fields) for kind in WRITTEN_KINDS}


def kind_from_row(kind: RecordKind, row: tuple) -> Any:
    """A record of the kind from a row of SELECT_CHILDREN (its id first)."""
    return RECORD_CLASS[kind.key](
        id=row[0],
        **{
            key: bool(value) if boolean else value
            for (key, boolean), value in zip(_CHILD_READ[kind.key], row[1:], strict=False)
        },
    )
