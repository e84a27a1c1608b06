"""`honours copy SRC DEST`: a whole registry copied losslessly between a file and a server.

Moving a single office's file onto the shared registry, and taking an offline snapshot of
the shared registry into a file that opens anywhere (`honours backup` of a server). What is
stored is copied as stored, table by table: every record with its id, version and dates,
the trash, the history, and every photo's three stored images byte for byte; what is derived
(the search index) is rebuilt by the target from what was written. The target must be new
(a file) or empty (a server set up by `honours server init`); the copy is one transaction
there, so it is all written or not at all, and the rows written are counted again before it
commits.

The file and the server keep the same tables; where they differ this module says how:

* a server's history also names the office that saved (`office`); a file has no such column,
  so a server's entry made by an office is copied into a file with the office after the OS
  user, "clerk (耒阳市总工会)"; a file's entries reach a server with no office.
* a server's photo bytes also name their person (for the row-level policies); a file reads
  it from the photo.

Anything else one end stores and the other cannot (a newer schema on one side) refuses the
copy, naming the table and column, rather than dropping it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from .errors import HonoursError
from .i18n import Joined, Text
from .postgres.connection import is_server_url, shown_url

# Written first, in this order (each names rows of those before it); any other table of
# records follows in name order.
_ORDER = ("honouree", "honour", "deed", "donation", "photo", "photo_data", "history")
_OFFICE = ("history", "office")  # the one column a server keeps and a file has no place for
_PHOTO_PERSON = ("photo_data", "honouree_id")  # a server's; a file has it in the photo row
_CHUNK = 2000
_PHOTO_CHUNK = 8  # rows of photo bytes at a time (each up to a few MiB)

Progress = Callable[[str, int], None]  # (table, rows copied so far)


class CopyError(HonoursError):
    """The copy was refused or failed; nothing was written to the target."""


@dataclass
class CopyOutcome:
    """What was copied, counted again in the target before it committed."""

    honourees: int = 0  # in the roll
    in_trash: int = 0
    photos: int = 0
    history: int = 0
    rows: dict[str, int] = field(default_factory=dict)  # every table's rows


def where(locator: str | Path) -> str:
    """A registry as messages name it (a server without its password)."""
    return shown_url(str(locator)) if is_server_url(locator) else str(locator)


def copy_registry(source: str | Path, target: str | Path, progress: Progress | None = None) -> CopyOutcome:
    """Copy the registry at `source` (a file or postgresql:// URL) into `target`: a file that
    does not exist yet, or an empty shared registry."""
    if not is_server_url(source) and not Path(source).is_file():
        raise CopyError(Text("There is no registry file at {path}.", path=source))
    if not is_server_url(target) and Path(target).exists():
        raise CopyError(
            Text("{path} already exists: a copy is written into a new file, never over another.", path=target)
        )
    if is_server_url(source) and is_server_url(target) and shown_url(str(source)) == shown_url(str(target)):
        raise CopyError(Text("The source and the target are the same registry."))
    with ExitStack() as stack:
        reader = stack.enter_context(_opened(source, reading=True))
        writer = stack.enter_context(_opened(target, reading=False))
        return _copy(reader, writer, target, progress)
    raise AssertionError("unreachable")  # for type checkers: the with-block returns


@dataclass
class _End:
    registry: Any
    backend: ModuleType  # sqlite.copying or postgres.copying
    conn: Any
    is_server: bool


@contextmanager
def _opened(locator: str | Path, *, reading: bool) -> Iterator[_End]:
    if is_server_url(locator):
        from .postgres import copying as backend
        from .postgres.registry import ServerRegistry

        registry = ServerRegistry.open(str(locator).strip(), readonly=reading)
        try:
            yield _End(registry, backend, registry._connection(), True)
        finally:
            registry.close()
        return
    from .registry import Registry
    from .sqlite import copying as backend

    path = Path(locator)
    made = not reading
    try:
        registry = Registry.open(path, create=made)
    except BaseException:
        if made:
            _remove_file(path)
        raise
    ok = False
    try:
        yield _End(registry, backend, registry.conn, False)
        ok = True
    finally:
        registry.close()
        if made and not ok:
            _remove_file(path)  # a file this copy made and did not fill: not left half-made


def _remove_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")


def _ordered(tables: dict[str, dict[str, str]]) -> list[str]:
    first = [t for t in _ORDER if t in tables]
    return first + sorted(t for t in tables if t not in _ORDER)


def _plan(source: _End, target: _End) -> list[tuple[str, list[str], list[str]]]:
    """(table, columns read, columns written) for each table with rows to copy; CopyError
    for anything the target has no place for."""
    have = source.backend.record_tables(source.conn, reading=True)
    take = target.backend.record_tables(target.conn, reading=False)
    plan = []
    for table in _ordered(have):
        if source.backend.count_rows(source.conn, table) == 0:
            continue
        if table not in take:
            raise CopyError(
                Text(
                    "{target} has no place for the {table} rows of {source} (it was made by an older "
                    "version of Honours): update the target first; nothing was copied.",
                    target=where(target.registry.url if target.is_server else target.registry.path),
                    table=table,
                    source=where(source.registry.url if source.is_server else source.registry.path),
                )
            )
        read = [c for c in have[table] if c in take[table]]
        lost = [c for c in have[table] if c not in take[table] and (table, c) not in (_OFFICE, _PHOTO_PERSON)]
        if lost:
            raise CopyError(
                Text(
                    "The target cannot store {columns} of {table} (it was made by an older version of "
                    "Honours): update it first; nothing was copied.",
                    columns=Joined(lost, "list"),
                    table=table,
                )
            )
        written = list(read)
        if table == _OFFICE[0]:
            if _OFFICE[1] in have[table] and _OFFICE[1] not in take[table]:
                read.append(_OFFICE[1])  # folded into os_user below
            elif _OFFICE[1] in take[table] and _OFFICE[1] not in have[table]:
                written.append(_OFFICE[1])  # a file's entries: no office
        plan.append((table, read, written))
    return plan


def _booleans(target: _End, table: str, written: list[str]) -> list[int]:
    types = target.backend.record_tables(target.conn, reading=False)[table]
    return [i for i, c in enumerate(written) if types.get(c) == "boolean"]


def _converted(
    table: str, read: list[str], written: list[str], rows: list[tuple], flags: list[int]
) -> list[tuple]:
    """Rows as read, shaped for the target: the office folded into os_user or added empty,
    0/1 as false/true for a server's boolean columns."""
    if len(read) > len(written):  # server → file: "clerk (office)"
        user, office = read.index("os_user"), read.index(_OFFICE[1])
        shaped = []
        for row in rows:
            values = list(row[: len(written)])
            if row[office]:
                values[user] = f"{row[user]} ({row[office]})" if row[user] else f"({row[office]})"
            shaped.append(tuple(values))
        rows = shaped
    elif len(written) > len(read):  # file → server
        rows = [(*row, "") for row in rows]
    if flags:
        rows = [
            tuple(bool(v) if i in flags and v is not None else v for i, v in enumerate(row)) for row in rows
        ]
    return rows


def _copy(source: _End, target: _End, target_locator: str | Path, progress: Progress | None) -> CopyOutcome:
    if not target.backend.is_empty(target.conn):
        raise CopyError(
            Text(
                "{target} already holds records: a copy goes into an empty registry only; nothing was copied.",
                target=where(target_locator),
            )
        )
    outcome = CopyOutcome()
    if source.is_server:
        source.backend.begin_snapshot(source.conn)
    else:
        source.conn.execute("BEGIN")  # one moment of the file, however long the copy takes
    try:
        plan = _plan(source, target)
        with target.registry.atomic():
            for table, read, written in plan:
                key = "id" if "id" in read else read[0]
                at = read.index(key)
                flags = _booleans(target, table, written)
                limit = _PHOTO_CHUNK if table == "photo_data" else _CHUNK
                after, copied = None, 0
                while True:
                    rows = source.backend.read_chunk(source.conn, table, read, key, after, limit)
                    if not rows:
                        break
                    target.backend.write_rows(
                        target.conn, table, written, _converted(table, read, written, rows, flags)
                    )
                    after = rows[-1][at]
                    copied += len(rows)
                    if table == "honouree":
                        deleted = read.index("deleted_at")
                        outcome.in_trash += sum(1 for r in rows if r[deleted] is not None)
                    if progress:
                        progress(table, copied)
                outcome.rows[table] = copied
            if target.is_server:
                target.backend.finish(target.conn, [t for t, _, _ in plan])
            else:
                target.backend.finish(target.conn)
            for table, copied in outcome.rows.items():
                stored = target.backend.count_rows(target.conn, table)
                if stored != copied:
                    raise CopyError(
                        Text(
                            "The copy was not saved: {table} has {stored} rows in the target, {copied} were read.",
                            table=table,
                            stored=stored,
                            copied=copied,
                        )
                    )
    finally:
        if source.is_server:
            source.backend.end_snapshot(source.conn)
        elif source.conn.in_transaction:
            source.conn.execute("ROLLBACK")
    outcome.honourees = outcome.rows.get("honouree", 0) - outcome.in_trash
    outcome.photos = outcome.rows.get("photo", 0)
    outcome.history = outcome.rows.get("history", 0)
    return outcome


def snapshot_to_file(url: str, out: str | Path, *, overwrite: bool = False) -> Path:
    """`honours backup` of a shared registry: a copy into a registry file (a folder: a new file
    named by the database and the time), verified as any backup is before it takes the name
    asked for, so a failed or interrupted snapshot never leaves a file that looks like one."""
    from datetime import datetime
    from urllib.parse import urlsplit

    from .sqlite.backup import verify_backup

    target = Path(out)
    if target.is_dir():
        database = urlsplit(url).path.strip("/") or "honours"
        target = target / f"{database}.{datetime.now().strftime('%Y%m%d-%H%M%S')}.sqlite"
    if target.exists() and not overwrite:
        raise CopyError(Text("{path} already exists (--force replaces it).", path=target))
    partial = target.with_name(f".{target.name}.partial")
    _remove_file(partial)
    try:
        copy_registry(url, partial)
        verify_backup(partial)
        os.replace(partial, target)
    finally:
        _remove_file(partial)
    return target
