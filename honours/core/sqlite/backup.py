"""Backups of a registry file, and restoring one, without ever losing the current file.

Photos live inside the registry (table `photo_data`), so one backup file holds the whole
roll. Copies are made with SQLite's online backup API, which takes a consistent snapshot
even while another window is writing, and are written to a temporary name first and
renamed into place, so a backup is either complete or absent.

Automatic backups go to a `backups/` folder beside the registry, named
`<registry stem>.<YYYYmmdd-HHMMSS>.<reason>.sqlite`:

* `before-migration-vN` — before a file is upgraded (called by `opening.open_database`);
* `before-import` — before an import writes anything (`backup_now(registry, "before-import")`);
* `daily` — when a registry is opened and the newest automatic backup is over a day old
  (`ensure_daily_backup`);
* `before-restore` — the file a restore replaced, kept aside (with its -wal, if any).

Rotation (`prune`) keeps the 10 newest routine backups (daily, before-import, ...) plus
the newest one of each of the last 12 calendar months; `before-migration-*` and
`before-restore` copies are rare and are never deleted automatically. Backups a person
makes with File ▸ Back up… or `honours backup OUT` go where they choose, are never
rotated, and are remembered in `backups/<stem>.manual.log` so Restore can offer them.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from .. import files
from ..errors import (
    BackupFailedError,
    BadBackupError,
    CorruptDatabaseError,
    DatabaseFileError,
    DatabaseInUseError,
    NewerVersionError,
    NotARegistryError,
    ReadOnlyDatabaseError,
    RegistryFileInUseError,
    os_reason_text,
)
from ..i18n import Foreign, Text
from .database import inspect_connection

# SQLite's words when a backup cannot be written, as a clerk should read them.
_SQLITE_WORDS = {
    "unable to open database file": Text("The file cannot be created or opened"),
    "database or disk is full": Text("No space left on the disk"),
    "disk I/O error": Text("Error reading or writing the disk"),
    "attempt to write a readonly database": Text("The file is read-only"),
}

if TYPE_CHECKING:  # the registry imports this module (backups before big changes)
    from ..registry import Registry

BACKUP_FOLDER = "backups"
KEEP_RECENT = 10
KEEP_MONTHS = 12
DAILY_INTERVAL = timedelta(days=1)
NEVER_ROTATED = ("before-migration", "before-restore")
MANUAL = "manual"
_STAMP = "%Y%m%d-%H%M%S"
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class BackupFile:
    """A backup on disk: where, when it was taken, and why."""

    path: Path
    taken_at: datetime
    reason: str

    @property
    def automatic(self) -> bool:
        return self.reason != MANUAL

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


@dataclass(frozen=True)
class BackupInfo:
    """What verification found inside a backup (shown before a restore)."""

    path: Path
    schema_version: int
    honourees: int
    trashed: int
    photos: int


# -- where backups live ----------------------------------------------------------------


def backup_folder(db_path: str | Path) -> Path:
    return Path(db_path).resolve().parent / BACKUP_FOLDER


def _pattern(db_path: Path) -> re.Pattern[str]:
    stem = re.escape(Path(db_path).stem)
    return re.compile(rf"^{stem}\.(?P<stamp>\d{{8}}-\d{{6}})(?:-\d+)?\.(?P<reason>[a-z0-9-]+)\.sqlite$")


def _reason_slug(reason: str) -> str:
    slug = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-")
    return slug or "backup"


def _new_backup_path(db_path: Path, reason: str, when: datetime) -> Path:
    folder = backup_folder(db_path)
    stamp = when.strftime(_STAMP)
    slug = _reason_slug(reason)
    target = folder / f"{db_path.stem}.{stamp}.{slug}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{db_path.stem}.{stamp}-{n}.{slug}.sqlite"
    return target


def _stamp_time(stamp: str) -> datetime:
    """The time in a backup's name (YYYYMMDD-HHMMSS, checked by the name pattern).

    Read by hand rather than with strptime: this runs while the app starts (the status
    bar's last-backup time), and strptime's first call imports and sets up its locale
    machinery (~5-10 ms). Raises ValueError for an impossible date, as strptime does.
    """
    return datetime(
        int(stamp[0:4]),
        int(stamp[4:6]),
        int(stamp[6:8]),
        int(stamp[9:11]),
        int(stamp[11:13]),
        int(stamp[13:15]),
    )


def automatic_backups(db_path: str | Path) -> list[BackupFile]:
    """The automatic backups of this registry, newest first."""
    folder = backup_folder(db_path)
    pattern = _pattern(Path(db_path))
    found: list[BackupFile] = []
    if not folder.is_dir():
        return found
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if not match or not entry.is_file():
            continue
        try:
            taken = _stamp_time(match["stamp"])
        except ValueError:
            continue
        found.append(BackupFile(entry, taken, match["reason"]))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def _manual_log(db_path: Path) -> Path:
    return backup_folder(db_path) / f"{Path(db_path).stem}.manual.log"


def manual_backups(db_path: str | Path) -> list[BackupFile]:
    """Backups a person made elsewhere (File ▸ Back up…) that still exist, newest first."""
    log = _manual_log(Path(db_path))
    found: dict[Path, BackupFile] = {}
    try:
        lines = files.read_text(log).splitlines()
    except OSError:
        return []
    for line in lines:
        stamp, _, where = line.partition("\t")
        try:
            taken = datetime.fromisoformat(stamp)
        except ValueError:
            continue
        path = Path(where)
        if where and path.is_file():
            found[path] = BackupFile(path, taken, MANUAL)
    return sorted(found.values(), key=lambda b: b.taken_at, reverse=True)


def list_backups(db_path: str | Path) -> list[BackupFile]:
    """Every backup Restore can offer for this registry, newest first."""
    both = automatic_backups(db_path) + manual_backups(db_path)
    return sorted(both, key=lambda b: b.taken_at, reverse=True)


def last_backup(db_path: str | Path) -> BackupFile | None:
    """The newest backup of any kind (for the "last backup" time in the status bar)."""
    backups = list_backups(db_path)
    return backups[0] if backups else None


# -- writing backups ---------------------------------------------------------------------


def copy_database(source: sqlite3.Connection, target: Path) -> Path:
    """Snapshot `source` into `target` with the online backup API; all or nothing.

    The copy is written under a temporary name, switched to rollback-journal mode so it
    is one self-contained file, flushed to disk and only then renamed over `target`.
    """
    if source.in_transaction:
        raise RuntimeError("take backups outside a write transaction (they would copy unfinished work)")
    target = Path(target)
    files.refuse_open_registry(target)  # os.replace would put the copy over a live registry
    partial = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_with_side_files(partial)
        dest = sqlite3.connect(partial, isolation_level=None)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        _fsync(partial)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        _remove_with_side_files(partial)
        if isinstance(exc, OSError):
            raise BackupFailedError(str(target), os_reason_text(exc)) from exc
        said = _SQLITE_WORDS.get(str(exc)) or Text("Database error: {error}", error=str(exc))
        raise BackupFailedError(str(target), Foreign(str(exc), said)) from exc
    return target


def snapshot_connection(conn: sqlite3.Connection, db_path: Path, reason: str) -> Path:
    """An automatic backup from an open connection (used before migrating a file)."""
    return copy_database(conn, _new_backup_path(Path(db_path), reason, datetime.now()))


def backup_now(registry: Registry, reason: str) -> Path:
    """An automatic backup into `backups/` beside the registry, then rotation.

    The import code calls `backup_now(registry, "before-import")` before its transaction.
    """
    db_path = _file_of(registry)
    target = snapshot_connection(registry.conn, db_path, reason)
    prune(db_path)
    return target


def backup_to(registry: Registry, target: str | Path, *, overwrite: bool = False) -> Path:
    """A backup a person asked for, to a file they chose; remembered for Restore."""
    db_path = _file_of(registry)
    target = Path(target)
    if target.is_dir():
        target = target / f"{db_path.stem}.{datetime.now().strftime(_STAMP)}.sqlite"
    if target.exists() and not overwrite:
        raise BackupFailedError(str(target), Text("the file already exists"))
    if target.resolve() == db_path.resolve():
        raise BackupFailedError(str(target), Text("that is the registry itself"))
    copy_database(registry.conn, target)
    try:
        log = _manual_log(db_path)
        log.parent.mkdir(parents=True, exist_ok=True)
        files.append_text(log, f"{datetime.now().isoformat(timespec='seconds')}\t{target.resolve()}\n")
    except OSError:
        pass  # the backup itself is complete; only the reminder for Restore is missing
    return target


def ensure_daily_backup(registry: Registry, now: datetime | None = None) -> Path | None:
    """Back up if the newest automatic backup is older than a day (called on open)."""
    if registry.path is None or registry.readonly:
        return None
    now = now or datetime.now()
    newest = automatic_backups(registry.path)
    if newest and now - newest[0].taken_at < DAILY_INTERVAL:
        return None
    return backup_now(registry, "daily")


def prune(db_path: str | Path, now: datetime | None = None) -> list[Path]:
    """Delete routine automatic backups beyond the rotation policy; returns what went."""
    now = now or datetime.now()
    routine = [b for b in automatic_backups(db_path) if not b.reason.startswith(NEVER_ROTATED)]
    keep = {b.path for b in routine[:KEEP_RECENT]}
    months_back = (now.year * 12 + now.month - 1) - (KEEP_MONTHS - 1)
    seen_months: set[int] = set()
    for backup in routine:  # newest first, so the first of each month seen is its newest
        month = backup.taken_at.year * 12 + backup.taken_at.month - 1
        if month >= months_back and month not in seen_months:
            seen_months.add(month)
            keep.add(backup.path)
    removed = []
    for backup in routine:
        if backup.path not in keep:
            _remove_with_side_files(backup.path)
            removed.append(backup.path)
    return removed


# -- verifying and restoring -------------------------------------------------------------


def verify_backup(backup_path: str | Path) -> BackupInfo:
    """Check a backup is a sound registry we can open; BadBackupError says why not.

    The backup is never opened in place (even a read-only open can create -wal/-shm files
    beside it): a private copy is checked instead.
    """
    with tempfile.TemporaryDirectory(prefix="honours-verify-") as work:
        copy = _private_copy(Path(backup_path), Path(work))
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            return _verify_connection(conn, Path(backup_path))
        finally:
            conn.close()


def restore(db_path: str | Path, backup_path: str | Path) -> Path | None:
    """Replace the registry with a verified backup; returns where the old file was kept.

    Order matters so that a failure at any step leaves a usable registry: the backup is
    copied and verified beside the registry first; then the current file (with its -wal)
    is moved into `backups/` as `before-restore`; then the verified copy is renamed into
    place (os.replace, atomic). Nobody else may have the file open.
    """
    db_path = Path(db_path)
    backup_path = Path(backup_path)
    if db_path.exists() and backup_path.resolve() == db_path.resolve():
        raise BadBackupError(str(backup_path), Text("it is the registry file itself."))
    with _work_folder(db_path) as work:
        copy = _private_copy(backup_path, work)
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            _verify_connection(conn, backup_path)
            conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            conn.close()
        _fsync(copy)
        _ensure_not_in_use(db_path)
        aside = _move_aside(db_path)
        try:
            os.replace(copy, db_path)
        except OSError as exc:
            if aside is not None:
                _move_back(aside, db_path)
            raise ReadOnlyDatabaseError(str(db_path)) from exc
    return aside


def _verify_connection(conn: sqlite3.Connection, shown_as: Path) -> BackupInfo:
    try:
        version = inspect_connection(conn, shown_as)
        if version == 0:
            raise NotARegistryError(str(shown_as))
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
    except NewerVersionError as exc:
        raise BadBackupError(str(shown_as), Text("it was made by a newer version of Honours.")) from exc
    except NotARegistryError as exc:
        raise BadBackupError(str(shown_as), Text("it is not an Honours registry.")) from exc
    except (CorruptDatabaseError, sqlite3.DatabaseError) as exc:
        raise BadBackupError(str(shown_as), Text("the file is damaged.")) from exc
    if problems != ["ok"]:
        raise BadBackupError(str(shown_as), Text("the file is damaged ({problems}).", problems=problems[0]))
    return _describe(conn, shown_as, version)


def _describe(conn: sqlite3.Connection, shown_as: Path, version: int) -> BackupInfo:
    live, trashed = 0, 0
    if version >= 2:
        live, trashed = conn.execute(
            "SELECT count(*) FILTER (WHERE deleted_at IS NULL), count(*) FILTER (WHERE deleted_at IS NOT NULL)"
            " FROM honouree"
        ).fetchone()
    else:
        live = conn.execute("SELECT count(*) FROM honouree").fetchone()[0]
    photos = conn.execute("SELECT count(*) FROM photo").fetchone()[0]
    return BackupInfo(shown_as, version, live, trashed, photos)


def _private_copy(backup_path: Path, work: Path) -> Path:
    """Copy a backup (and a -wal beside it, whose content belongs to it) into `work`."""
    if not backup_path.is_file():
        raise BadBackupError(str(backup_path), Text("the file does not exist."))
    copy = work / "candidate.sqlite"
    try:
        files.copy_file(backup_path, copy)
        wal = backup_path.with_name(backup_path.name + "-wal")
        if wal.is_file():
            files.copy_file(wal, work / "candidate.sqlite-wal")
    except RegistryFileInUseError as exc:
        raise BadBackupError(str(backup_path), Text("it is the registry this program has open.")) from exc
    except OSError as exc:
        raise BadBackupError(
            str(backup_path), Text("it cannot be read ({reason}).", reason=os_reason_text(exc))
        ) from exc
    return copy


@contextmanager
def _work_folder(db_path: Path) -> Iterator[Path]:
    """A scratch folder beside the registry, so the final rename stays on one disk."""
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{db_path.name}.restore-", dir=db_path.parent))
    except OSError as exc:
        raise ReadOnlyDatabaseError(str(db_path)) from exc
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _ensure_not_in_use(db_path: Path) -> None:
    """Refuse when another connection has the file open (it would keep the old file)."""
    if not db_path.exists():
        return
    if files.is_open_registry(db_path):  # this very program: its connection would keep the old file
        raise DatabaseInUseError(str(db_path))
    try:
        probe = sqlite3.connect(db_path, isolation_level=None, timeout=0)
    except sqlite3.Error:
        return
    try:
        probe.execute("PRAGMA locking_mode = EXCLUSIVE")
        probe.execute("BEGIN EXCLUSIVE")
        probe.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "").startswith("SQLITE_BUSY") or "locked" in str(exc).lower():
            raise DatabaseInUseError(str(db_path)) from exc
    except sqlite3.DatabaseError:
        pass  # a damaged file cannot be in use by us; it is simply replaced (and kept aside)
    finally:
        probe.close()


def _move_aside(db_path: Path) -> Path | None:
    """Move the current file and its side files into backups/ as `before-restore`."""
    if not db_path.exists():
        return None
    aside = _new_backup_path(db_path, "before-restore", datetime.now())
    try:
        aside.parent.mkdir(parents=True, exist_ok=True)
        os.replace(db_path, aside)
        for suffix in _SIDE_FILES:
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                os.replace(side, aside.with_name(aside.name + suffix))
    except OSError as exc:
        if aside.exists() and not db_path.exists():
            _move_back(aside, db_path)
        raise ReadOnlyDatabaseError(str(db_path)) from exc
    return aside


def _move_back(aside: Path, db_path: Path) -> None:
    with suppress(OSError):
        os.replace(aside, db_path)
        for suffix in _SIDE_FILES:
            side = aside.with_name(aside.name + suffix)
            if side.exists():
                os.replace(side, db_path.with_name(db_path.name + suffix))


# -- helpers -------------------------------------------------------------------------------


def _file_of(registry: Registry) -> Path:
    if registry.path is None:
        raise DatabaseFileError(":memory:", Text("An in-memory registry has no file to back up."))
    return registry.path


def _fsync(path: Path) -> None:
    files.fsync(path)


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        with suppress(OSError):
            path.with_name(path.name + suffix).unlink()
