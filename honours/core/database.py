"""Opening a registry file: pragmas, recognising what the file is, and migrating it.

A file is never changed before we know it is a registry we can upgrade, and an upgrade
first makes an automatic backup (`backup.snapshot_connection`, into `backups/` beside the
file, through SQLite's online backup) and then runs every pending
migration in one transaction, so a failure leaves the original untouched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from .errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    NewerVersionError,
    NotARegistryError,
    ReadOnlyDatabaseError,
)
from .schema import MIGRATIONS, SCHEMA_VERSION

APPLICATION_ID = 0x484F4E52  # "HONR": marks the file as ours
BUSY_TIMEOUT_MS = 5000

Progress = Callable[[int, int], None]


def _connect(path: str | Path, readonly: bool) -> sqlite3.Connection:
    if str(path) == ":memory:":
        return sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    uri = Path(path).resolve().as_uri() + ("?mode=ro" if readonly else "")
    return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                           timeout=BUSY_TIMEOUT_MS / 1000)


def open_database(
    path: str | Path,
    *,
    create: bool = True,
    readonly: bool = False,
    progress: Progress | None = None,
) -> sqlite_utils.Database:
    """Open (creating or upgrading as needed) a registry file."""
    memory = str(path) == ":memory:"
    if not memory:
        path = Path(path)
        if not path.exists():
            if not create or readonly:
                raise FileNotFoundError(str(path))
            path.parent.mkdir(parents=True, exist_ok=True)
        elif path.is_dir():
            raise NotARegistryError(str(path))
    conn = _connect(path, readonly)
    try:
        version = inspect_connection(conn, path)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            if not memory and version < SCHEMA_VERSION:
                _check_writable(conn, path)
            if not memory:
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            if version < SCHEMA_VERSION:
                if version > 0 and not memory:
                    from .backup import snapshot_connection  # backup verifies files with this module

                    snapshot_connection(conn, Path(path), f"before-migration-v{version}")
                migrate(conn, version, progress)
        elif version < SCHEMA_VERSION:
            raise ReadOnlyDatabaseError(str(path), needs_upgrade=True)
    except BaseException:
        conn.close()
        raise
    return sqlite_utils.Database(conn)


def inspect_connection(conn: sqlite3.Connection, path: str | Path) -> int:
    """The file's schema version; raises for files that are not ours or are damaged.

    Also used by `backup.verify_backup`, so a backup is judged exactly as an opened file is.
    """
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        message = str(exc).lower()
        if "locked" in message or "busy" in message:
            raise DatabaseLockedError(str(path)) from exc
        if "not a database" in message or "malformed" in message or "corrupt" in message:
            raise CorruptDatabaseError(str(path), str(exc)) from exc
        raise CorruptDatabaseError(str(path), str(exc)) from exc
    if version > SCHEMA_VERSION and app_id == APPLICATION_ID:
        raise NewerVersionError(str(path), version, SCHEMA_VERSION)
    if not tables:
        return 0
    if app_id != APPLICATION_ID and "honouree" not in tables:
        raise NotARegistryError(str(path))
    if version > SCHEMA_VERSION:
        raise NewerVersionError(str(path), version, SCHEMA_VERSION)
    return version


def _check_writable(conn: sqlite3.Connection, path: str | Path) -> None:
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        message = str(exc).lower()
        if "readonly" in message or "read-only" in message or "unable to open" in message:
            raise ReadOnlyDatabaseError(str(path)) from exc
        if "locked" in message or "busy" in message:
            raise DatabaseLockedError(str(path)) from exc
        raise


def split_sql(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit mid-way)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def migrate(conn: sqlite3.Connection, current: int, progress: Progress | None = None) -> None:
    """Run every pending migration inside one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for migration in MIGRATIONS:
            if migration.version <= current:
                continue
            for statement in split_sql(migration.sql):
                conn.execute(statement)
            if migration.after:
                migration.after(conn, progress)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]
