"""The connection to a registry file: pragmas, recognising what the file is, running the
SQL of its pending migrations.

A file is never changed before we know it is a registry we can upgrade. Opening one
(backup, upgrade, what is derived from the records) is `opening.open_database`, on top
of this module.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import files
from ..errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    EmptyDatabaseFileError,
    NewerVersionError,
    NotARegistryError,
    ReadOnlyDatabaseError,
)
from .schema import MIGRATIONS, REBUILD_TABLE, SCHEMA_VERSION, Migration

if TYPE_CHECKING:
    import sqlite_utils

APPLICATION_ID = 0x484F4E52  # "HONR": marks the file as ours
BUSY_TIMEOUT_MS = 5000


def _connect(path: str | Path, readonly: bool, immutable: bool = False) -> sqlite3.Connection:
    if str(path) == ":memory:":
        return sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    uri = (
        Path(path).resolve().as_uri()
        + ("?mode=ro" if readonly else "")
        + ("&immutable=1" if immutable else "")
    )
    return sqlite3.connect(
        uri, uri=True, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
    )


def connect(
    path: str | Path, *, create: bool = True, readonly: bool = False
) -> tuple[sqlite3.Connection, int]:
    """A connection to a registry file (made when missing and `create`), judged and set up,
    and the file's schema version; not yet upgraded (see `opening.open_database`).

    Raises for a file that is not a registry we can open: damaged, someone else's, newer,
    or read-only when it may be written (or when it needs an upgrade and `readonly`).
    """
    memory = str(path) == ":memory:"
    header_unread = False  # True when the file is open here already: judged through SQLite
    if not memory:
        path = Path(path)
        if not path.exists():
            if not create or readonly:
                raise FileNotFoundError(str(path))
            path.parent.mkdir(parents=True, exist_ok=True)
        elif path.is_dir():
            raise NotARegistryError(str(path))
        else:
            header_unread = _refuse_empty_or_truncated(path)
    conn = _connect(path, readonly)
    try:
        try:
            version = inspect_connection(conn, path)
        except ReadOnlyDatabaseError:
            if not (readonly and _readable_as_immutable(Path(path))):
                raise
            conn.close()
            conn = _connect(path, readonly, immutable=True)
            version = inspect_connection(conn, path)
        if not memory and header_unread:
            _refuse_truncated(conn, Path(path))
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            if not memory:
                _check_writable(conn, path, version)
            if not memory:
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        elif version < SCHEMA_VERSION:
            raise ReadOnlyDatabaseError(str(path), needs_upgrade=True)
    except BaseException:
        conn.close()
        raise
    return conn, version


def ready(conn: sqlite3.Connection, path: str | Path) -> sqlite3.Connection:
    """The last of opening a file, once it is up to date: the caller closes it through
    `close_database`."""
    conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils' Database sets it
    if str(path) != ":memory:":
        files.note_opened(path)
    return conn


def close_database(conn: sqlite3.Connection, path: str | Path | None) -> None:
    """Close a connection made by `open_database` (and forget it in `files`)."""
    conn.close()
    if path is not None and str(path) != ":memory:":
        files.note_closed(path)


def _refuse_empty_or_truncated(path: Path) -> bool:
    """Catch what SQLite would otherwise accept: an emptied file, a file cut short.

    SQLite treats a 0-byte file as a new database (so an emptied registry would silently
    become an empty one) and reads a truncated file happily until it reaches a missing
    page. The header records the page count; a shorter file is damaged. With a non-empty
    -wal beside it the WAL may hold the missing pages, so the size check is skipped.

    The header is read with Python's file I/O only while this process holds no connection
    to the file (closing any descriptor of it would drop SQLite's locks: see `files`), so
    before a connection is made, where a damaged file is refused without SQLite leaving a
    -wal or -shm beside it. A file already open here was judged when it was first opened;
    `_refuse_truncated` checks it again through the new connection. Returns True then
    (the header was left unread), False when it was judged here or needs no judging.
    """
    try:
        size = path.stat().st_size
        has_wal = _has_wal(path)
        if size == 0:
            if not has_wal:
                raise EmptyDatabaseFileError(str(path))
            return False
        if has_wal:
            return False
        if files.is_open_registry(path):
            return True
        header = files.head(path, 100)
    except OSError:
        return False  # unreadable: SQLite's own error will say so
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    count_is_valid = header[24:28] == header[92:96]  # change counter == version-valid-for
    if count_is_valid and pages and size < pages * page_size:
        raise CorruptDatabaseError(str(path), f"truncated: {size} of {pages * page_size} bytes")
    return False


def _has_wal(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def _refuse_truncated(conn: sqlite3.Connection, path: Path) -> None:
    """A file cut short reads happily until a query reaches a missing page.

    The header's page count (which SQLite reports as `page_count` when it is valid, and
    otherwise derives from the file's size) times the page size must fit in the file;
    the header is read through the connection, never with Python's file I/O. With a
    non-empty -wal beside it the WAL may hold the missing pages, so the check is skipped.
    """
    try:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        size = path.stat().st_size  # after reading the count: a checkpoint meanwhile only grows it
    except (OSError, sqlite3.DatabaseError):
        return  # the inspection before this has already judged a file SQLite cannot read
    if pages and size < pages * page_size and not _has_wal(path):
        raise CorruptDatabaseError(str(path), f"truncated: {size} of {pages * page_size} bytes")


def inspect_connection(conn: sqlite3.Connection, path: str | Path) -> int:
    """The file's schema version; raises for files that are not ours or are damaged.

    Also used by `backup.verify_backup`, so a backup is judged exactly as an opened file is.
    """
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        # Read here by hand, not through sqlite-utils' table_names(): every opening of a file
        # (and of a backup being verified) comes here, and importing sqlite-utils costs 0.1-0.2 s
        # of the desktop app's start-up (see Registry.db).
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        message = str(exc).lower()
        name = getattr(exc, "sqlite_errorname", "") or ""
        if "locked" in message or "busy" in message:
            raise DatabaseLockedError(str(path)) from exc
        if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")) or "readonly" in message:
            raise ReadOnlyDatabaseError(str(path)) from exc  # e.g. a WAL file in a read-only folder
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


def is_writable(conn: sqlite3.Connection) -> bool:
    """True when this connection can write its file.

    BEGIN IMMEDIATE alone is not a test: in WAL mode it succeeds on a read-only file or a
    mode=ro connection. Rewriting the schema version to its own value inside a transaction
    that is rolled back is: SQLite refuses it with SQLITE_READONLY, and nothing is written.
    The probe does not wait for another writer's lock; it raises OperationalError (busy)
    at once instead, so asking never stalls a window while another PC saves.
    """
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(f"PRAGMA user_version = {int(version)}")
            return True
        except sqlite3.OperationalError as exc:
            if (getattr(exc, "sqlite_errorname", "") or "").startswith(
                "SQLITE_READONLY"
            ) or "readonly" in str(exc):
                return False
            raise
        finally:
            conn.execute("ROLLBACK")
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")


def _check_writable(conn: sqlite3.Connection, path: str | Path, version: int) -> None:
    """Refuse a read-only file up front, so the GUI can offer to open it read-only.

    Another window or PC in the middle of a save holds the write lock: that proves the
    file writable and is no reason to refuse opening it (reading goes on alongside in WAL
    mode, and our own saves will queue behind theirs), unless it needs an upgrade now.
    """
    try:
        writable = is_writable(conn)
    except sqlite3.OperationalError as exc:
        message = str(exc).lower()
        if "locked" in message or "busy" in message:
            if version < SCHEMA_VERSION:
                raise DatabaseLockedError(str(path)) from exc
            return
        if "unable to open" in message:
            writable = False
        else:
            raise
    if not writable:
        raise ReadOnlyDatabaseError(str(path), needs_upgrade=version < SCHEMA_VERSION)


def _readable_as_immutable(path: Path) -> bool:
    """A WAL-mode file in a read-only folder (a CD, a read-only share) has no -shm and none
    can be made; SQLite can still read it as immutable, which is only safe when no WAL
    holds part of its content."""
    wal = path.with_name(path.name + "-wal")
    try:
        return not wal.exists() or wal.stat().st_size == 0
    except OSError:
        return False


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


def migrate(conn: sqlite3.Connection, current: int, migrations: Sequence[Migration] = MIGRATIONS) -> set[str]:
    """Run every pending migration (its SQL, then its sqlite-utils steps), inside the
    caller's transaction; returns what they asked to be recomputed (schema.REBUILD_ values)
    for the caller to do. `migrations` is the shipped list but for tests of the mechanism."""
    import sqlite_utils  # only files being made or upgraded pay for importing it

    db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
    for migration in migrations:
        if migration.version <= current:
            continue
        for statement in split_sql(migration.sql):
            conn.execute(statement)
        if migration.steps is not None:
            migration.steps(db)
    asked = set()
    if db[REBUILD_TABLE].exists():
        asked = {r[0] for r in conn.execute(f"SELECT what FROM {REBUILD_TABLE}")}
        db[REBUILD_TABLE].drop()
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {migrations[-1].version}")
    return asked


def sqlite_library_version() -> str:
    """The SQLite library's version (for reports such as the benchmark's machine line)."""
    return sqlite3.sqlite_version


def schema_version(db: sqlite3.Connection | sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]
