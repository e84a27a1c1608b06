"""Opening a registry for work, the same way in the desktop app and on the command line.

`open_registry` opens a file (creating or upgrading it as needed), gives a file that did
not exist yet the default roll, and may fall back to reading a file it cannot write;
`default_path` is where the registry lives unless told otherwise. What follows an open,
the daily automatic backup (`backup.ensure_daily_backup`) and writing the search rows a
large import left queued (`Registry.index_queued`), each front end runs when it suits
it: the command line at once, the desktop app a moment after its window is up and the
queue in a background thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ReadOnlyDatabaseError
from .postgres.connection import is_server_url
from .registry import Registry
from .seed import seed

if TYPE_CHECKING:
    from .postgres.registry import ServerRegistry


def location(text: str) -> Path | str:
    """Where `--db` or $HONOURS_DB points: a registry file, or a shared registry's server URL
    (postgresql://…), kept as written (a Path would fold its `//`)."""
    return text.strip() if is_server_url(text) else Path(text)


def default_path() -> Path | str:
    """$HONOURS_DB, else honours.sqlite in the platform's user-data folder."""
    env = os.environ.get("HONOURS_DB")
    if env:
        return location(env)
    from platformdirs import user_data_dir  # only when needed: a little of start-up time

    return Path(user_data_dir("Honours", appauthor=False)) / "honours.sqlite"


def open_registry(
    path: str | Path | None = None,
    *,
    readonly: bool = False,
    fall_back_to_reading: bool = False,
    seed_if_new: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Registry | ServerRegistry:
    """Open a registry file (`default_path()` when None); a file that did not exist yet is
    created and, with `seed_if_new`, given the default roll. A postgresql:// URL opens the
    shared registry on that server instead (core/postgres/registry.py).

    An existing file is never re-seeded, so a roll someone emptied stays empty. `readonly`
    opens without ever writing (and never creates); `fall_back_to_reading` opens a file
    that cannot be written for reading instead (`registry.opened_readonly` then says so),
    unless it needs an upgrade. `progress(done, total)` follows an upgrade of an older file.
    Raises the core's DatabaseFileError subclasses (or OSError) for files that cannot be used.
    """
    path = default_path() if path is None else path
    if is_server_url(path):
        # A shared registry on a server: its administrator created it (`honours server
        # init`), so it is never seeded here; the password comes from ~/.pgpass or PGPASSWORD.
        from .postgres.registry import ServerRegistry

        return ServerRegistry.open(str(path).strip(), readonly=readonly)
    path = Path(path)
    if readonly:
        return Registry.open(path, create=False, readonly=True)
    is_new = not path.exists()
    try:
        registry = Registry.open(path, progress=progress)
    except ReadOnlyDatabaseError as exc:
        if exc.needs_upgrade or not fall_back_to_reading:
            raise
        return Registry.open(path, create=False, readonly=True)
    if is_new and seed_if_new:
        seed(registry)
    return registry
