"""Opening a registry file: connecting, and bringing an older file up to date.

On top of `database` (the connection), `backup` and `indexing`: an upgrade first makes an
automatic backup (`backup.snapshot_connection`, into `backups/` beside the file, through
SQLite's online backup), then runs the SQL of every pending migration and recomputes,
with today's code, what they asked for (see schema.py), all in one transaction, so a
failure leaves the original untouched. The migrations run with foreign keys off (a table
rebuilt by sqlite-utils' `transform` is dropped and replaced, which would otherwise delete
the rows that refer to it); what they leave is checked before the commit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from ..names import search_form
from . import indexing
from .backup import snapshot_connection
from .database import connect, migrate, ready
from .schema import (
    MIGRATIONS,
    REBUILD_ALL,
    REBUILD_DERIVED,
    REBUILD_SORT_KEYS,
    REBUILD_UNTIDY_NAMES,
    Migration,
)

Progress = Callable[[int, int], None]


def open_database(
    path: str | Path,
    *,
    create: bool = True,
    readonly: bool = False,
    progress: Progress | None = None,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> sqlite3.Connection:
    """Open (creating or upgrading as needed) a registry file (`migrations`: the shipped
    list but for tests of the upgrade mechanism).

    Returns the plain connection; `Registry` wraps it in sqlite-utils' Database only when
    that is first needed, because importing sqlite-utils (click, dateutil, pluggy) costs
    0.1–0.2 s, a fifth of the desktop app's start-up. Only making or upgrading a file (the
    migrations run through it) imports it here.
    """
    conn, version = connect(path, create=create, readonly=readonly)
    try:
        if not readonly and version < migrations[-1].version:
            if version > 0 and str(path) != ":memory:":
                snapshot_connection(conn, Path(path), f"before-migration-v{version}")
            upgrade(conn, version, progress, migrations)
    except BaseException:
        conn.close()
        raise
    return ready(conn, path)


def upgrade(
    conn: sqlite3.Connection,
    current: int,
    progress: Progress | None = None,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> None:
    """Bring a file at schema version `current` up to today's, in one transaction.

    Foreign keys are off meanwhile (only possible outside a transaction: SQLite ignores the
    pragma inside one), as SQLite's procedure for rebuilding a table asks, so that dropping
    a table that a migration's `transform` has copied does not cascade to the rows that
    refer to it; a reference the upgrade broke (more violations than the file had) rolls
    it all back.
    """
    enforced = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            broken = _broken_references(conn) if current > 0 else 0
            rebuild(conn, migrate(conn, current, migrations), progress)
            if _broken_references(conn) > broken:
                raise sqlite3.IntegrityError("FOREIGN KEY constraint failed after the upgrade")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        if enforced:
            conn.execute("PRAGMA foreign_keys = ON")


def _broken_references(conn: sqlite3.Connection) -> int:
    """How many rows refer to a row that does not exist (an old file may have some already:
    `honours check` reports them; the upgrade must only not add any)."""
    return len(conn.execute("PRAGMA foreign_key_check").fetchall())


def rebuild(conn: sqlite3.Connection, asked: set[str], progress: Progress | None = None) -> None:
    """Recompute with today's code what the migrations asked for (schema.REBUILD_ values),
    inside the caller's transaction, once the file has today's tables."""
    if REBUILD_ALL in asked:
        indexing.reindex_all(conn, progress)  # every derived column and search row: the rest too
        return
    if REBUILD_DERIVED in asked:
        indexing.derive_many(conn, [r[0] for r in conn.execute("SELECT id FROM honouree")], progress)
    if REBUILD_SORT_KEYS in asked:
        indexing.rewrite_sort_keys(conn, progress)
    if REBUILD_UNTIDY_NAMES in asked:
        untidy = [
            hid
            for hid, name in conn.execute("SELECT id, name FROM honouree WHERE deleted_at IS NULL")
            if search_form(name) != name
        ]
        if untidy:
            indexing.reindex_many(conn, untidy, progress)
