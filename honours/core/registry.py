"""The registry: one object with verb methods over a registry file.

Every verb that writes runs in one transaction (all of it or none of it), records the
change in `history`, keeps the search index current, and tells subscribers what changed
so that views refresh themselves (the GUI turns this into a Qt signal).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .care_verbs import CareVerbs
from .changes import Change, now, os_user
from .errors import (
    ConflictError,
    DatabaseLockedError,
    InvalidRecordError,
    NotFoundError,
    ReadOnlyDatabaseError,
)
from .fields import BATCH_FIELDS, COMPLETED_FIELDS, TABLE_ARCHIVE_FIELDS, WRITTEN_KINDS
from .i18n import Joined, Text
from .id_numbers import mask
from .import_verbs import ImportItem, ImportOutcome, ImportVerbs, KeptPhoto
from .merge_verbs import MatchFields, MergeOutcome, MergeVerbs
from .photo_verbs import PhotoVerbs
from .photos import NewPhoto
from .query import facet_group, split_terms, without_group
from .record_verbs import RecordVerbs
from .records import Honouree
from .search import SearchResult
from .sqlite.database import close_database, is_writable
from .sqlite.indexing import reindex
from .sqlite.opening import open_database
from .sqlite.rows import (
    INSERT_CHILD,
    INSERT_HONOUREE,
    SELECT_CHILDREN,
    SELECT_HONOUREE,
    UPDATE_HONOUREE,
    child_values,
    honouree_from_row,
    kind_from_row,
    stored_values,
)
from .statistics import AmountTable, CrossTable
from .validation import LEVEL_BY_RANK, _validate, validate_record
from .vocabulary import LEVELS

if TYPE_CHECKING:
    import sqlite_utils


_TABLE_ARCHIVE_KEYS = tuple(f.key for f in TABLE_ARCHIVE_FIELDS)
_TABLE_ARCHIVE_COLUMNS = ", ".join(f.column for f in TABLE_ARCHIVE_FIELDS)


@dataclass
class Summary:
    """The columns of the results table, read in one query for a page of ids."""

    id: int
    name: str
    unit: str
    position: str
    honours: str
    highest_level: str | None
    region: str
    status: str
    category: str
    primary_photo_id: int | None
    donation_total_fen: int
    years: tuple[int, ...] = ()  # the years of the honours that count (not revoked), latest first
    # the archive's columns the table may show (fields.TABLE_ARCHIVE_FIELDS, by key; issue 15)
    archive: dict[str, Any] = field(default_factory=dict)


@dataclass
class HistoryEntry:
    id: int
    honouree_id: int
    at: str
    os_user: str
    action: str
    before: dict | None
    after: dict | None


# What the registry's importers (import_plan, transfer, scripts) take from here.
__all__ = [
    "BATCH_FIELDS",
    "HistoryEntry",
    "ImportItem",
    "ImportOutcome",
    "KeptPhoto",
    "MatchFields",
    "MergeOutcome",
    "Registry",
    "Summary",
    "validate_record",
]


class Registry(ImportVerbs, PhotoVerbs, MergeVerbs, CareVerbs, RecordVerbs):
    """A registry file and the operations staff perform on it."""

    def __init__(self, conn: sqlite3.Connection, path: str | Path | None = None) -> None:
        self._conn = conn
        # Absolute from the start: a relative path would be read against whatever folder is
        # current later, and a Windows file dialog makes the folder it was last in current
        # (a backup to a USB stick then put `backups/` on the stick).
        self.path = Path(path).absolute() if path and str(path) != ":memory:" else None
        self._listeners: list[Callable[[Change], None]] = []
        self.opened_readonly = False  # mode=ro connections accept BEGIN IMMEDIATE, so remember it
        self._closed = False
        self._data_version: int | None = None

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = True,
        readonly: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> Registry:
        registry = cls(open_database(path, create=create, readonly=readonly, progress=progress), path)
        registry.opened_readonly = readonly
        return registry

    @classmethod
    def memory(cls) -> Registry:
        return cls(open_database(":memory:"), None)

    def __enter__(self) -> Registry:  # noqa: PYI034 - typing.Self is Python 3.11; pyproject allows 3.10
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        # A registry dropped without close() (scripts, the in-process CLI) must still be
        # forgotten by `files`, or its file would stay refused to file I/O and restore.
        with suppress(Exception):  # nothing can be reported from a finaliser
            self.close()

    def close(self) -> None:
        if getattr(self, "_closed", True):
            return
        self._closed = True
        close_database(self._conn, self.path)

    @property
    def conn(self) -> sqlite3.Connection:
        """The SQLite connection, for the core's own modules and SQLite-only tests; the front
        ends never use it (tests/test_architecture.py), so that another backend can serve them."""
        return self._conn

    @property
    def reads_in_background(self) -> bool:
        """Whether `open_reader()` gives a worker thread a handle (not for a roll in memory)."""
        return self.path is not None

    def open_reader(self) -> Registry | None:
        """A second, read-only handle on the same registry for a worker thread (the filter
        panel counts there while the UI thread writes: SQLite's WAL lets it read meanwhile);
        None when the registry is held only in memory and has no file to share."""
        if self.path is None:
            return None
        return Registry.open(self.path, create=False, readonly=True)

    def resume(self) -> None:
        """Nothing to do: an interrupt here ends only the statement it hit."""

    def interrupt(self) -> None:
        """Abort the read in progress (a search or a count) from another thread: the filter
        panel stops counting an old query when the user types again. The interrupted call
        raises; nothing stored changes."""
        self._conn.interrupt()

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils' Database over the same connection (nested transactions use its savepoints).

        Built on first use: importing sqlite-utils costs 0.1–0.2 s, and most sessions (and
        the desktop app's start-up) never need it. No sqlite-utils plugins are loaded:
        scanning the installed packages' entry points costs ~55 ms, and a registry must not
        run code some unrelated package registered on its connection.
        """
        import sqlite_utils

        return sqlite_utils.Database(
            self._conn,
            recursive_triggers=False,  # already on: open_database
            execute_plugins=False,
        )

    @property
    def readonly(self) -> bool:
        if self.opened_readonly or self.conn.execute("PRAGMA query_only").fetchone()[0]:
            return True
        return self._ro_file()

    def _ro_file(self) -> bool:
        if self.conn.in_transaction:
            return False  # we are writing, so we can
        try:
            return not is_writable(self.conn)
        except sqlite3.OperationalError:
            return False  # busy: someone else is writing, which says nothing about us

    # -- change notification ---------------------------------------------------------------
    def subscribe(self, listener: Callable[[Change], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[Change], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One write transaction (a savepoint when nested).

        The outermost level starts with BEGIN IMMEDIATE, not sqlite-utils' plain BEGIN: a
        deferred transaction that reads first and then writes cannot wait for another
        process's write lock (SQLite returns SQLITE_BUSY at once to avoid a deadlock), so
        two windows saving together would fail instead of taking turns. Taking the write
        lock up front lets the busy timeout queue them; when it runs out the user gets
        DatabaseLockedError, and a read-only file gives ReadOnlyDatabaseError.
        """
        if self.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self._begin_immediate()
        try:
            yield
        except sqlite3.OperationalError as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            readable = self._file_error(exc)
            if readable is exc:
                raise
            raise readable from exc
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise self._file_error(exc) from exc

    def _begin_immediate(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._file_error(exc) from exc

    def _file_error(self, exc: sqlite3.OperationalError) -> Exception:
        """The person-readable error for a lock or read-only failure (else the original)."""
        name = getattr(exc, "sqlite_errorname", "") or ""
        text = str(exc).lower()
        where = str(self.path) if self.path else ":memory:"
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
            return DatabaseLockedError(where)
        if name.startswith("SQLITE_READONLY") or "readonly" in text:
            return ReadOnlyDatabaseError(where)
        return exc

    # -- reading ---------------------------------------------------------------------------
    def changed_elsewhere(self) -> bool:
        """Whether another connection (another window, program or PC) has committed a change
        since the last time this was asked; the first call only takes the starting point.

        SQLite's `data_version` changes on every commit by any other connection and never for
        this one's own, so views that poll it see other programs' saves without re-reading
        anything while nothing happens.
        """
        try:
            version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return False  # a file gone or closed: the next real read reports it
        seen, self._data_version = self._data_version, version
        return seen is not None and version != seen

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM honouree WHERE deleted_at IS NULL").fetchone()[0]

    def exists(self, honouree_id: int) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM honouree WHERE id = ? AND deleted_at IS NULL", (honouree_id,)
            ).fetchone()
            is not None
        )

    def honouree(self, honouree_id: int, *, include_deleted: bool = False) -> Honouree:
        row = self.conn.execute(SELECT_HONOUREE, (honouree_id,)).fetchone()
        if row is None or (row[-1] is not None and not include_deleted):
            raise NotFoundError("honouree", honouree_id)
        honouree = honouree_from_row(row)
        for kind in WRITTEN_KINDS:
            setattr(
                honouree,
                kind.key,
                [
                    kind_from_row(kind, r)
                    for r in self.conn.execute(SELECT_CHILDREN[kind.key], (honouree_id,))
                ],
            )
        honouree.photos = self.photos(honouree_id)
        return honouree

    def honourees(self, ids: Iterable[int]) -> list[Honouree]:
        return [self.honouree(i) for i in ids]

    def summaries(self, ids: list[int]) -> list[Summary]:
        """Table rows for `ids`, in the order given (missing ids are skipped)."""
        if not ids:
            return []
        found: dict[int, Summary] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                "SELECT id, name, unit, position, honours_text, level_rank, region, status, category,"
                " primary_photo_id, donation_total_fen, (SELECT group_concat(DISTINCT year) FROM honour"
                "  WHERE honour.honouree_id = honouree.id AND year IS NOT NULL AND revoked = 0),"
                f" {_TABLE_ARCHIVE_COLUMNS} FROM honouree WHERE id IN ({marks})",
                chunk,
            ):
                found[r[0]] = Summary(
                    id=r[0],
                    name=r[1],
                    unit=r[2],
                    position=r[3],
                    honours=r[4],
                    highest_level=LEVEL_BY_RANK[r[5]] if r[5] < len(LEVEL_BY_RANK) else None,
                    region=r[6],
                    status=r[7],
                    category=r[8],
                    primary_photo_id=r[9],
                    donation_total_fen=r[10],
                    years=tuple(sorted({int(y) for y in r[11].split(",")}, reverse=True)) if r[11] else (),
                    archive=dict(zip(_TABLE_ARCHIVE_KEYS, r[12:], strict=True)),
                )
        return [found[i] for i in ids if i in found]

    def all_ids(self) -> list[int]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM honouree WHERE deleted_at IS NULL ORDER BY sort_key, id"
            )
        ]

    def search(self, query: str = "", order: str | None = None, descending: bool = False) -> SearchResult:
        """Start a search; the result fetches ids a page at a time (see SearchResult)."""
        return SearchResult(self.conn, query, order, descending)

    def same_name_and_unit(self, name: str, unit: str, exclude_id: int | None = None) -> list[int]:
        """Other honourees with this name and unit (the duplicate warning, import 'update')."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM honouree WHERE name = ? AND unit = ? AND deleted_at IS NULL AND id IS NOT ?"
                " ORDER BY id",
                (name.strip(), unit.strip(), exclude_id),
            )
        ]

    def common_values(self, column: str, limit: int = 500) -> list[str]:
        """Distinct non-empty units, regions, positions, categories or ethnicities, most used first.

        The edit dialog offers them as completions, so that one unit is not typed three ways
        (which would also defeat the same-name-and-unit duplicate warning).
        """
        if column not in COMPLETED_FIELDS:
            raise ValueError(f"no completions for {column!r}")
        return [
            r[0]
            for r in self.conn.execute(
                f"SELECT {column} FROM honouree WHERE deleted_at IS NULL AND {column} != ''"
                f" GROUP BY {column} ORDER BY count(*) DESC, {column} LIMIT ?",
                (limit,),
            )
        ]

    def facets(self, query: str = "") -> dict[str, list[tuple[object, int]]]:
        """Counts of the current result by level, region, status, category and year.

        Values of one group widen the search (`level:national,provincial` is either), so a
        group's own terms are left out when its values are counted: with 国家级 ticked, 省级
        still shows how many provincial honourees the rest of the query finds, which is
        how many ticking it adds or keeps. Every other group counts the result itself.
        The matching ids stay inside SQLite (a CTE over the search), so counting a
        100,000-row result never ships the ids through Python.
        """
        searches: dict[str, tuple[str, list]] = {}

        def matches(group: str) -> tuple[str, list]:
            narrowed = (
                without_group(query, group)
                if any(facet_group(t) == group for t in split_terms(query))
                else query
            )
            if narrowed not in searches:
                sql, params = self.search(narrowed).matching_ids_sql()
                searches[narrowed] = (f"WITH m(id) AS ({sql}) ", params)
            return searches[narrowed]

        out: dict[str, list[tuple[object, int]]] = {}
        with_matches, params = matches("level")
        out["level"] = sorted(
            (
                tuple(r)
                for r in self.conn.execute(
                    with_matches + "SELECT level, count(DISTINCT honouree_id) FROM honour"
                    " WHERE honouree_id IN (SELECT id FROM m) AND revoked = 0 GROUP BY level",
                    params,
                )
            ),
            key=lambda row: LEVELS.rank(row[0]),
        )
        for column in ("region", "status", "category"):
            with_matches, params = matches(column)
            out[column] = [
                tuple(r)
                for r in self.conn.execute(
                    with_matches + f"SELECT {column}, count(*) FROM honouree WHERE id IN (SELECT id FROM m)"
                    f" AND {column} != '' GROUP BY {column} ORDER BY count(*) DESC, {column}",
                    params,
                )
            ]
        with_matches, params = matches("year")
        out["year"] = [
            tuple(r)
            for r in self.conn.execute(
                with_matches
                + "SELECT year, count(DISTINCT honouree_id) FROM honour WHERE year IS NOT NULL AND revoked = 0"
                " AND honouree_id IN (SELECT id FROM m) GROUP BY year ORDER BY year",
                params,
            )
        ]
        return out

    def cross_table(
        self, by: str, by2: str | None = None, query: str = "", subject: str = "people"
    ) -> CrossTable:
        """Counts of people (or collectives) by one or two statistics dimensions (statistics.py)."""
        from .sqlite.statistics import cross_table
        from .statistics import SUBJECTS, checked_query, dimension

        query = checked_query(query)
        return cross_table(
            self.conn,
            dimension(by),
            dimension(by2) if by2 else None,
            SUBJECTS[subject],
            query,
            self._matching(query),
        )

    def amount_table(self, measure: str, by: str, query: str = "") -> AmountTable:
        """Money and goods of donations (a statistics Measure) by year or by a person dimension."""
        from .sqlite.statistics import amount_table
        from .statistics import MEASURES, checked_query, dimension

        query = checked_query(query)
        return amount_table(self.conn, MEASURES[measure], dimension(by), query, self._matching(query))

    def _matching(self, query: str) -> tuple[str, list] | None:
        return self.search(query).matching_ids_sql() if query.strip() else None

    # -- writing ---------------------------------------------------------------------------
    def add(self, honouree: Honouree, *, new_photos: list[NewPhoto] | None = None) -> Honouree:
        return self.add_many([honouree], photos={0: new_photos} if new_photos else None)[0]

    def add_many(
        self, honourees: list[Honouree], *, photos: dict[int, list[NewPhoto]] | None = None
    ) -> list[Honouree]:
        """Add records in one transaction; `photos` maps list positions to their new photos."""
        ids: list[int] = []
        with self.atomic():
            for position, honouree in enumerate(honourees):
                _validate(honouree)
                self._id_number_free(honouree)
                stamp = now()
                cursor = self.conn.execute(
                    INSERT_HONOUREE,
                    (*stored_values(honouree), honouree.created_at or stamp, stamp),
                )
                new_id = cursor.lastrowid
                self._write_children(new_id, honouree)
                for photo in (photos or {}).get(position, []):
                    self._insert_new_photo(new_id, photo)
                reindex(self.conn, new_id)
                self._record(new_id, "create", None, self._snapshot(new_id))
                ids.append(new_id)
            added = [self.honouree(i) for i in ids]  # as saved: read before another program saves again
        self._emit(Change("added", ids))
        return added

    def update(
        self,
        honouree: Honouree,
        *,
        check_version: bool = True,
        new_photos: list[NewPhoto] | None = None,
        rotations: dict[int, int] | None = None,
    ) -> Honouree:
        """Save an edited record with its photo changes; ConflictError if it changed since it was read.

        `honouree.photos` is authoritative for existing photos (caption, primary, order; a
        photo left out is removed); `new_photos` are added and `rotations` (photo id →
        clockwise degrees) applied, all in the same transaction.
        """
        if honouree.id is None:
            raise InvalidRecordError(Text("an honouree without an id cannot be updated"))
        _validate(honouree)
        saved = self._write_update(
            honouree, check_version=check_version, new_photos=new_photos, rotations=rotations
        )
        self._emit(Change("updated", [honouree.id]))
        return saved

    def edit_many(
        self, edits: Mapping[int, Mapping[str, str]], *, versions: Mapping[int, int] | None = None
    ) -> list[Honouree]:
        """Change fields of several honourees in one transaction: all of them or none.

        `edits` maps each id to its changes (field name → new value) among the record's
        own one-line fields (BATCH_FIELDS: region, category, status, unit, …; not its
        name or lists). `versions` (id → the version the caller saw) turns a record that
        someone else saved or deleted meanwhile into a ConflictError, with nothing saved.
        Each changed record gets its own history entry and search row; a record that
        already holds the new values is left alone. Returns the records that changed;
        subscribers hear of them once, after the commit.
        """
        changed: list[Honouree] = []
        with self.atomic():
            for honouree_id, fields in edits.items():
                fields = {
                    key: str(value if value is not None else "").strip() for key, value in fields.items()
                }
                unknown = set(fields) - set(BATCH_FIELDS)
                if unknown:
                    raise InvalidRecordError(
                        Text(
                            "cannot change {fields} for several honourees",
                            fields=Joined(sorted(unknown), "list"),
                        )
                    )
                current = self.honouree(honouree_id, include_deleted=True)
                expected = (versions or {}).get(honouree_id)
                deleted = not self.exists(honouree_id)
                if expected is not None and (deleted or current.version != expected):
                    raise ConflictError(
                        honouree_id, expected, None if deleted else current.version, current.name
                    )
                if deleted:
                    raise NotFoundError("honouree", honouree_id)
                if all(str(getattr(current, key) or "") == value for key, value in fields.items()):
                    continue
                record = replace(current, **fields)
                _validate(record)
                changed.append(self._write_update(record, check_version=True))
        if changed:
            self._emit(Change("updated", [h.id for h in changed if h.id is not None]))
        return changed

    def _write_update(
        self,
        honouree: Honouree,
        *,
        check_version: bool,
        new_photos: list[NewPhoto] | None = None,
        rotations: dict[int, int] | None = None,
    ) -> Honouree:
        """`update` without its notice (edit_many tells the subscribers once, after committing);
        returns the record as this save left it."""
        assert honouree.id is not None
        with self.atomic():
            row = self.conn.execute(
                "SELECT version, deleted_at FROM honouree WHERE id = ?", (honouree.id,)
            ).fetchone()
            if row is None or row[1] is not None:
                if check_version:
                    raise ConflictError(honouree.id, honouree.version, None, honouree.name)
                raise NotFoundError("honouree", honouree.id)
            if check_version and row[0] != honouree.version:
                raise ConflictError(honouree.id, honouree.version, row[0], honouree.name)
            self._id_number_free(honouree)
            before = self._snapshot(honouree.id)
            self.conn.execute(
                UPDATE_HONOUREE,
                (*stored_values(honouree), now(), honouree.id),
            )
            for kind in WRITTEN_KINDS:
                self.conn.execute(f"DELETE FROM {kind.table} WHERE honouree_id = ?", (honouree.id,))
            self._write_children(honouree.id, honouree)
            self._sync_photo_metadata(honouree)
            for photo_id, degrees in (rotations or {}).items():
                self._rotate(photo_id, degrees)
            for photo in new_photos or []:
                self._insert_new_photo(honouree.id, photo)
            reindex(self.conn, honouree.id)
            self._record(honouree.id, "update", before, self._snapshot(honouree.id))
            # The record as *this* save left it, read inside its transaction: read after the
            # commit it could already be another program's next save, and an editor that took
            # that version for its own would later overwrite their change without a conflict.
            return self.honouree(honouree.id)

    def holders_of_id_number(self, number: str, exclude_id: int | None = None) -> list[tuple[int, str]]:
        """(id, name) of the live records holding an ID number (18 characters), but `exclude_id`."""
        if not number:
            return []
        return [
            (r[0], r[1])
            for r in self.conn.execute(
                "SELECT id, name FROM honouree WHERE id_number = ? AND id_number != '' AND deleted_at IS NULL"
                " AND id IS NOT ? ORDER BY id",
                (number, exclude_id),
            )
        ]

    def _id_number_free(self, honouree: Honouree) -> None:
        """An ID number is one person's: a second live record with it is refused, naming the first
        (the duplicates finder and the import preview offer to merge them instead)."""
        holders = self.holders_of_id_number(honouree.id_number, honouree.id)
        if holders:
            other_id, name = holders[0]
            raise InvalidRecordError(
                Text(
                    "the ID number {number} already belongs to #{other_id} {name}:"
                    " the same person? merge the two records instead",
                    number=mask(honouree.id_number),
                    other_id=other_id,
                    name=name,
                )
            )

    def delete(self, honouree_id: int) -> None:
        """Move to the trash (restorable until the trash is emptied)."""
        self.delete_many([honouree_id])

    def delete_many(self, ids: list[int]) -> None:
        with self.atomic():
            for honouree_id in ids:
                if not self.exists(honouree_id):
                    raise NotFoundError("honouree", honouree_id)
                before = self._snapshot(honouree_id)
                self.conn.execute(
                    "UPDATE honouree SET deleted_at = ?, version = version + 1 WHERE id = ?",
                    (now(), honouree_id),
                )
                reindex(self.conn, honouree_id)
                self._record(honouree_id, "delete", before, None)
        self._emit(Change("deleted", list(ids)))

    def restore(self, honouree_id: int) -> Honouree:
        """Bring a record back from the trash."""
        with self.atomic():
            row = self.conn.execute("SELECT deleted_at FROM honouree WHERE id = ?", (honouree_id,)).fetchone()
            if row is None or row[0] is None:
                raise NotFoundError("honouree", honouree_id)
            self.conn.execute(
                "UPDATE honouree SET deleted_at = NULL, version = version + 1, updated_at = ? WHERE id = ?",
                (now(), honouree_id),
            )
            reindex(self.conn, honouree_id)
            self._record(honouree_id, "restore", None, self._snapshot(honouree_id))
            restored = self.honouree(honouree_id)
        self._emit(Change("restored", [honouree_id]))
        return restored

    def trash(self) -> list[tuple[int, str, str, str]]:
        """(id, name, unit, deleted_at) of every record in the trash, newest first."""
        return [
            tuple(r)
            for r in self.conn.execute(
                "SELECT id, name, unit, deleted_at FROM honouree WHERE deleted_at IS NOT NULL"
                " ORDER BY deleted_at DESC, id DESC"
            )
        ]

    def empty_trash(self) -> int:
        with self.atomic():
            ids = [r[0] for r in self.conn.execute("SELECT id FROM honouree WHERE deleted_at IS NOT NULL")]
            for honouree_id in ids:
                self._record(honouree_id, "purge", self._snapshot(honouree_id), None)
                self.conn.execute("DELETE FROM honouree WHERE id = ?", (honouree_id,))
        return len(ids)

    def backup_before(self, reason: str) -> Path | None:
        """An automatic backup before a big change (an import, emptying the trash).

        Skipped for in-memory registries and inside a caller's transaction (a backup must
        not copy half-done work; the caller backs up before its transaction instead).
        """
        if self.path is None or self.conn.in_transaction or self.readonly:
            return None
        from .sqlite.backup import backup_now

        return backup_now(self, reason)

    def photo_created_at(self, photo_id: int) -> str:
        """When a photo was stored (kept by exports so that a restore is exact)."""
        row = self.conn.execute("SELECT created_at FROM photo WHERE id = ?", (photo_id,)).fetchone()
        if row is None:
            raise NotFoundError("photo", photo_id)
        return row[0]

    # -- history ---------------------------------------------------------------------------
    def history(self, honouree_id: int) -> list[HistoryEntry]:
        return [
            HistoryEntry(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                json.loads(r[5]) if r[5] else None,
                json.loads(r[6]) if r[6] else None,
            )
            for r in self.conn.execute(
                "SELECT id, honouree_id, at, os_user, action, before_json, after_json FROM history"
                " WHERE honouree_id = ? ORDER BY id DESC",
                (honouree_id,),
            )
        ]

    def _history_row(self, history_id: int) -> tuple[int, str | None, str | None]:
        row = self.conn.execute(
            "SELECT honouree_id, after_json, before_json FROM history WHERE id = ?", (history_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError("history", history_id)
        return row[0], row[1], row[2]

    def _in_trash(self, honouree_id: int) -> bool:
        row = self.conn.execute("SELECT deleted_at FROM honouree WHERE id = ?", (honouree_id,)).fetchone()
        if row is None:
            raise NotFoundError("honouree", honouree_id)
        return row[0] is not None

    def _write_history(self, entries: list[tuple[int, str, str | None, str | None]]) -> None:
        """History entries whose snapshots are JSON text already (see `_added_snapshot_json`)."""
        at, user = now(), os_user()
        self.conn.executemany(
            "INSERT INTO history (honouree_id, at, os_user, action, before_json, after_json)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (honouree_id, at, user, action, before, after)
                for honouree_id, action, before, after in entries
            ],
        )

    # -- children --------------------------------------------------------------------------
    def _write_children(self, honouree_id: int, honouree: Honouree) -> None:
        for kind in WRITTEN_KINDS:
            self.conn.executemany(
                INSERT_CHILD[kind.key],
                [(honouree_id, i, *child_values(kind, x)) for i, x in enumerate(getattr(honouree, kind.key))],
            )
