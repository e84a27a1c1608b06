"""Opening a registry file: connecting, and bringing an older file up to date.

On top of `database` (the connection) and `backup`: an upgrade first makes an automatic
backup (`backup.snapshot_connection`, into `backups/` beside the file, through SQLite's
online backup) and then runs every pending migration in one transaction, so a failure
leaves the original untouched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from .backup import snapshot_connection
from .database import connect, migrate, ready
from .schema import SCHEMA_VERSION

Progress = Callable[[int, int], None]


def open_database(
    path: str | Path,
    *,
    create: bool = True,
    readonly: bool = False,
    progress: Progress | None = None,
) -> sqlite3.Connection:
    """Open (creating or upgrading as needed) a registry file.

    Returns the plain connection; `Registry` wraps it in sqlite-utils' Database only when
    that is first needed, because importing sqlite-utils (click, dateutil, pluggy) costs
    0.1–0.2 s, a fifth of the desktop app's start-up.
    """
    conn, version = connect(path, create=create, readonly=readonly)
    try:
        if not readonly and version < SCHEMA_VERSION:
            if version > 0 and str(path) != ":memory:":
                snapshot_connection(conn, Path(path), f"before-migration-v{version}")
            migrate(conn, version, progress)
    except BaseException:
        conn.close()
        raise
    return ready(conn, path)
