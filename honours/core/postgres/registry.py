"""The shared registry on a PostgreSQL server: every verb of core.storage.Storage.

The front ends use it exactly as they use the file's `Registry`. What differs is underneath:

* One connection in autocommit mode: a read is one statement, a write is one explicit
  transaction (`atomic`), so nothing is ever half-written, and the connection never sits
  idle inside a transaction holding an old snapshot.
* No lost update: a save locks the person's row (`SELECT … FOR UPDATE`) and compares the
  version it locked with the one the editor opened; the UPDATE itself repeats the version
  in its WHERE clause. Under READ COMMITTED a second saver waits for the first, then sees
  the new version and gets ConflictError.
* Row-level security (schema.py) lets an office change only people of its regions. A
  refusal must not look like "0 rows", nor like a conflict: before writing, the person's
  region is read (everyone may read) and checked with the server's own rule
  (`honours_may_edit`), and an OfficeRefusedError names the person, their region and what
  the office may change. A policy refusal the checks did not foresee still arrives as
  OfficeRefusedError, never as a raw database error.
* Other offices' saves arrive by LISTEN honours_changed on a second connection, read by
  a daemon thread (ids only: the listeners read the rows through the policies).
* A server that cannot be reached, at opening or mid-session, is ServerUnreachableError
  in both languages; the transaction it interrupted is rolled back by the server, and the
  next verb connects again.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg

from ..archive import refuse_shared_id_numbers
from ..care_verbs import snapshot_of
from ..changes import Change, now, os_user
from ..errors import (
    ConflictError,
    DatabaseFileError,
    HonoursError,
    InvalidRecordError,
    NotFoundError,
    ReadOnlyDatabaseError,
)
from ..fields import (
    BATCH_FIELDS,
    CARE,
    COMPLETED_FIELDS,
    HONOUREE_FIELDS,
    TABLE_ARCHIVE_FIELDS,
    WRITTEN_KINDS,
)
from ..i18n import Joined, Message, Text, Verbatim, quoted
from ..id_numbers import mask
from ..import_verbs import ImportItem, ImportOutcome, KeptPhoto
from ..merge_verbs import MatchFields, MergeOutcome
from ..photos import NewPhoto, PreparedPhoto, prepare_photo, rotate_jpeg
from ..record_merge import clone, combine
from ..record_verbs import RecordVerbs
from ..records import Care, Honouree, Photo
from ..snapshots import added_snapshot_json
from ..validation import LEVEL_BY_RANK, _validate, validate_record
from .connection import ServerUnreachableError, connect, shown_url
from .indexing import index_honourees
from .reader import BorrowedConnection, ReaderTurns, WorkingConnection
from .rows import (
    DELETE_CHILDREN,
    INSERT_CHILD,
    INSERT_CHILD_WITH_ID,
    INSERT_HONOUREE,
    INSERT_HONOUREE_WITH_ID,
    PHOTO_COLUMNS,
    SELECT_WHOLE_HONOUREE,
    UPDATE_HONOUREE,
    child_values,
    honouree_from_row,
    kind_from_row,
    stored_values,
)
from .schema import CHANGES_CHANNEL, SCHEMA_VERSION
from .search import ServerSearchResult
from .search import facets as server_facets

if TYPE_CHECKING:
    from datetime import date

    from ..care import DueList, DuePeriods
    from ..registry import HistoryEntry, Summary
    from ..statistics import AmountTable, CrossTable

PHOTO_KINDS = ("original", "display", "thumbnail")
LOCK_TIMEOUT_MS = 15_000  # a save waiting longer for another office's row lock is told the registry is busy
IMPORT_CHUNK = 1000  # added records written per round of statements
LISTEN_WINDOW = 0.2  # seconds of notices gathered into one change for the listeners


_TABLE_ARCHIVE_KEYS = tuple(f.key for f in TABLE_ARCHIVE_FIELDS)
_TABLE_ARCHIVE_COLUMNS = ", ".join(f.column for f in TABLE_ARCHIVE_FIELDS)


class OfficeRefusedError(HonoursError):
    """The office logged in may not change this person (row-level security: not its region)."""

    def __init__(self, text: Message, honouree_id: int | None = None) -> None:
        super().__init__(text)
        self.honouree_id = honouree_id


class NotASharedRegistryError(HonoursError):
    """The database named is not a shared registry (or one newer than this program)."""


class ServerRegistry(RecordVerbs):
    """A shared registry on a PostgreSQL server, as the front ends see every registry."""

    path: Path | None = None  # no file: backups, file dialogs and checks do not apply

    def __init__(self, conn: psycopg.Connection, url: str, *, readonly: bool = False) -> None:
        self._conn = conn
        self.url = url
        self.path = None
        self.opened_readonly = readonly
        self._closed = False
        self._listeners: list[Callable[[Change], None]] = []
        self._elsewhere = False
        self._watching: threading.Thread | None = None
        self._watch_lock = threading.Lock()
        self._own_pids: set[int] = set()
        self._office: tuple[str, tuple[str, ...], bool] | None = None
        self._admin = False
        # Held for a whole transaction of this handle, and by its shared reader (reader.py) for
        # each of its statements: a worker's read never lands inside a save.
        self._lease = threading.RLock()
        self._reconnecting = threading.Lock()
        self._readers: list[ReaderTurns] = []  # of the handles open_reader() gave (reader.py)
        # the ids a statistics query matched: (query, the server's snapshot then, ids); see _matching
        self._matched: tuple[str, str, str] | None = None
        self._learn_who()

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, url: str, *, readonly: bool = False) -> ServerRegistry:
        """Connect to the shared registry at `url` (password from ~/.pgpass or PGPASSWORD)."""
        conn = connect(url, autocommit=True, kind=WorkingConnection)
        try:
            _check_schema(conn, url)
            _settle(conn, readonly)
        except BaseException:
            conn.close()
            raise
        return cls(conn, url, readonly=readonly)

    def _learn_who(self) -> None:
        """Which office this login is (its name and regions), or an administrator who bypasses
        the policies (a superuser or the owner), or neither (then it can only read)."""
        conn = self._conn
        self._own_pids.add(conn.info.backend_pid)
        row = conn.execute(
            "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"
        ).fetchone()
        self._admin = bool(row and row[0])
        try:
            office = conn.execute(
                "SELECT name, regions, all_regions FROM honours_current_office()"
            ).fetchone()
        except psycopg.errors.InsufficientPrivilege:
            office = None
        if office and office[0] is not None:
            self._office = (office[0], tuple(office[1] or ()), bool(office[2]))

    @property
    def office(self) -> str:
        """The office logged in ('' for an administrator's or another login)."""
        return self._office[0] if self._office else ""

    def __enter__(self) -> ServerRegistry:  # noqa: PYI034 - typing.Self is Python 3.11
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        with suppress(Exception):
            self.close()

    def close(self) -> None:
        if getattr(self, "_closed", True):
            return
        self._closed = True
        watching = self._watching
        if watching is not None:
            watching.join(timeout=2)
        self._conn.close()

    @property
    def readonly(self) -> bool:
        return self.opened_readonly or not (self._admin or self._office)

    @property
    def reads_in_background(self) -> bool:
        """Always: open_reader() shares this connection with a worker thread (reader.py)."""
        return True

    def open_reader(self) -> ServerRegistry | None:
        """A read-only handle for a worker thread (the filter panel's counts, the exact count of
        a result) that shares this handle's connection rather than opening a third one: each app
        then holds two (working and listening), so 50 clerks stay within the server's default of
        100. See reader.py for how the two threads take turns."""
        return SharedConnectionReader(self)

    def resume(self) -> None:
        """Nothing to do: an interrupt here ends only the statement it hit."""

    def interrupt(self) -> None:
        """Cancel the statement running on this connection (from another thread)."""
        with suppress(psycopg.Error):
            self._conn.cancel_safe()

    def __repr__(self) -> str:
        return f"ServerRegistry({shown_url(self.url)!r})"

    # -- the connection and its failures ------------------------------------------------------
    def _connection(self) -> psycopg.Connection:
        """The connection, made again if the server dropped it (a restart, a network cut)."""
        if self._closed:
            raise HonoursError(Text("The shared registry was closed."))
        for turns in self._readers:  # the window goes first (reader.py)
            turns.yield_to_owner()
        if self._conn.closed or self._conn.broken:
            with self._reconnecting:  # the UI thread and a shared reader's worker may both notice
                if self._conn.closed or self._conn.broken:
                    with suppress(psycopg.Error):
                        self._conn.close()
                    self._conn = connect(self.url, autocommit=True, kind=WorkingConnection)
                    self._conn.readers = self._readers
                    _settle(self._conn, self.opened_readonly)
                    self._learn_who()
        return self._conn

    def _lost(self, exc: psycopg.OperationalError) -> HonoursError:
        where = shown_url(self.url)
        if isinstance(exc, psycopg.errors.QueryCanceled):
            return HonoursError(Text("The search was interrupted."))
        if isinstance(exc, (psycopg.errors.TransactionRollback, psycopg.errors.LockNotAvailable)):
            # a deadlock, or a row another office kept locked longer than LOCK_TIMEOUT
            return HonoursError(
                Text(
                    "The shared registry at {where} is busy: another office is changing the same records. "
                    "Nothing was saved; try again in a moment.",
                    where=where,
                )
            )
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return ServerUnreachableError(
            Text(
                "The connection to the shared registry at {where} was lost ({reason}). Nothing of the "
                "interrupted change was saved; try again when the server answers.",
                where=where,
                reason=reason,
            )
        )

    def _refused_by_policy(self) -> OfficeRefusedError:
        office, regions = self._office_words()
        return OfficeRefusedError(
            Text(
                "The server refused the change: your office {office} may change only people of {regions}.",
                office=office,
                regions=regions,
            )
        )

    def _office_words(self) -> tuple[Message, Message]:
        """The office's name and the regions it may change, as a refusal words them."""
        if self._office is None:
            return Text("(this login is no office)"), Text("no region")
        name, regions, everywhere = self._office
        if everywhere:
            return Verbatim(name), Text("every region")
        return Verbatim(name), (Joined(list(regions), "list") if regions else Text("no region"))

    def _q(self, sql: str, params: Any = None) -> psycopg.Cursor:
        """One statement, its failures said plainly."""
        try:
            conn = self._connection()
            with self._lease:  # never while a shared reader's statement runs (reader.py)
                return conn.execute(sql, params)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise self._refused_by_policy() from exc
        except psycopg.errors.ReadOnlySqlTransaction as exc:
            raise _read_only(self.url) from exc
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc

    def _many(self, sql: str, rows: list) -> None:
        if rows:
            try:
                conn = self._connection()
                with self._lease:
                    conn.cursor().executemany(sql, rows)
            except psycopg.errors.InsufficientPrivilege as exc:
                raise self._refused_by_policy() from exc
            except psycopg.OperationalError as exc:
                raise self._lost(exc) from exc

    def atomic(self) -> AbstractContextManager[None]:
        """One transaction (a savepoint when nested): all of it is saved, or nothing."""
        return self._transaction()

    def _batched(self) -> AbstractContextManager[None]:
        """atomic() in pipeline mode: statements whose results are not read are sent with the
        next one that is (a save is four round trips, not twenty); a failure then surfaces at
        that next read, still inside this transaction, which it rolls back."""
        return self._transaction(batched=True)

    @contextmanager
    def _transaction(self, *, batched: bool = False) -> Iterator[None]:
        conn = self._connection()
        try:
            # the lease: a shared reader's statement never runs inside this transaction (reader.py)
            with self._lease, conn.pipeline() if batched else nullcontext(), conn.transaction():
                yield
        except psycopg.errors.InsufficientPrivilege as exc:
            raise self._refused_by_policy() from exc
        except psycopg.errors.ReadOnlySqlTransaction as exc:
            raise _read_only(self.url) from exc
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc

    # -- who may change whom ---------------------------------------------------------------
    def _may_edit(self, region: str) -> bool:
        if self._admin:
            return True
        if self._office is None:
            return False
        _, regions, everywhere = self._office
        return everywhere or region in regions

    def _refuse(self, honouree_id: int | None, name: str, region: str) -> OfficeRefusedError:
        if self._office is None:
            login = self._conn.info.user
            return OfficeRefusedError(
                Text(
                    "The login {login} is no office of this shared registry: it may read the roll but change "
                    "no one. The administrator makes it an office with `honours server add-office`.",
                    login=login,
                ),
                honouree_id,
            )
        office, regions = self._office_words()
        who = (
            Text("#{ident} {name}", ident=honouree_id, name=name)
            if honouree_id is not None
            else Verbatim(name)
        )
        place = Verbatim(region) if region else Text("no region given")
        return OfficeRefusedError(
            Text(
                "{who} belongs to {place}; your office {office} may change only people of {regions}.",
                who=who,
                place=place,
                office=office,
                regions=regions,
            ),
            honouree_id,
        )

    def _check_region(self, honouree_id: int | None, name: str, region: str) -> None:
        """OfficeRefusedError unless this office may have a person of `region`."""
        if not self._may_edit(region.strip()):
            raise self._refuse(honouree_id, name, region.strip())

    def _lock(
        self, honouree_id: int, expected: int | None = None, name: str = "", *, deleted: bool | None = False
    ) -> tuple[int, str | None]:
        """Lock a person's row for this transaction and return (version, deleted_at).

        Refused (OfficeRefusedError) if this office may not change them; ConflictError if
        `expected` is given and is not the version locked; `deleted` says whether the row
        must be live (False), in the trash (True) or either (None)."""
        # One statement reads the person (everyone may) and locks their row, which the
        # policies let only an office of their region do (for another office it locks
        # nothing: `locked` is empty, never an error).
        row = self._q(
            "WITH locked AS (SELECT version, deleted_at FROM honouree WHERE id = %(id)s FOR UPDATE)"
            " SELECT h.version, h.deleted_at, h.region, h.name, l.version IS NOT NULL, l.version, l.deleted_at"
            " FROM honouree h LEFT JOIN locked l ON true WHERE h.id = %(id)s",
            {"id": honouree_id},
        ).fetchone()
        if row is None:
            if expected is not None:
                raise ConflictError(honouree_id, expected, None, name)
            raise NotFoundError("honouree", honouree_id)
        if not self._may_edit(row[2]):
            raise self._refuse(honouree_id, row[3], row[2])
        if not row[4]:  # moved out of this office's regions meanwhile
            raise self._refuse(honouree_id, row[3], "")
        locked = row[5:]
        version, deleted_at = locked
        if deleted is False and deleted_at is not None:
            if expected is not None:
                raise ConflictError(honouree_id, expected, None, name or row[3])
            raise NotFoundError("honouree", honouree_id)
        if deleted is True and deleted_at is None:
            raise NotFoundError("honouree", honouree_id)
        if expected is not None and version != expected:
            raise ConflictError(honouree_id, expected, version, name or row[3])
        return version, deleted_at

    # -- change notification ---------------------------------------------------------------
    def subscribe(self, listener: Callable[[Change], None]) -> None:
        """Be told of this registry's writes, and of other offices' (as a 'reset' with their ids,
        called from the listening thread within a fraction of a second)."""
        self._listeners.append(listener)
        self._watch()

    def unsubscribe(self, listener: Callable[[Change], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    def changed_elsewhere(self) -> bool:
        """Whether another connection has saved since the last call (the first call starts listening)."""
        self._watch()
        with self._watch_lock:
            seen, self._elsewhere = self._elsewhere, False
        return seen

    def _watch(self) -> None:
        """Start listening for other connections' saves, once."""
        with self._watch_lock:
            if self._watching is not None or self._closed:
                return
            listener = connect(self.url, autocommit=True)
            listener.execute(f"LISTEN {CHANGES_CHANNEL}")
            self._watching = threading.Thread(
                target=self._listen, args=(listener,), name="honours-changes", daemon=True
            )
            self._watching.start()

    def _listen(self, listener: psycopg.Connection) -> None:
        """Gather notices a short window at a time and tell the listeners once per window."""
        try:
            while not self._closed:
                ids: set[int] = set()
                everything = False
                try:
                    for note in listener.notifies(timeout=LISTEN_WINDOW):
                        if note.pid in self._own_pids:
                            continue  # this registry's own writes: announced by the verbs
                        if note.payload == "all":
                            everything = True
                        else:
                            ids.update(int(x) for x in note.payload.split(",") if x.isdigit())
                except psycopg.OperationalError:
                    if self._closed:
                        return
                    listener = self._listen_again(listener)
                    everything = True  # notices may have been missed while disconnected
                if (ids or everything) and not self._closed:
                    with self._watch_lock:
                        self._elsewhere = True
                    self._emit(Change("reset", [] if everything else sorted(ids)))
        finally:
            with suppress(psycopg.Error):
                listener.close()

    def _listen_again(self, old: psycopg.Connection) -> psycopg.Connection:
        with suppress(psycopg.Error):
            old.close()
        while not self._closed:
            try:
                listener = connect(self.url, autocommit=True)
                listener.execute(f"LISTEN {CHANGES_CHANNEL}")
                return listener
            except (HonoursError, psycopg.Error):
                threading.Event().wait(1.0)
        return old

    # -- reading ---------------------------------------------------------------------------
    def count(self) -> int:
        return self._q("SELECT count(*) FROM honouree WHERE deleted_at IS NULL").fetchone()[0]

    def exists(self, honouree_id: int) -> bool:
        return (
            self._q("SELECT 1 FROM honouree WHERE id = %s AND deleted_at IS NULL", (honouree_id,)).fetchone()
            is not None
        )

    def honouree(self, honouree_id: int, *, include_deleted: bool = False) -> Honouree:
        """One whole record, read in one statement (its lists come as JSON arrays)."""
        return self._honouree_of(
            self._q(SELECT_WHOLE_HONOUREE, (honouree_id,)).fetchone(), honouree_id, include_deleted
        )

    @staticmethod
    def _honouree_of(row: Any, honouree_id: int, include_deleted: bool) -> Honouree:
        """The record of a row of SELECT_WHOLE_HONOUREE."""
        own = len(HONOUREE_FIELDS) + 5
        if row is None or (row[own - 1] is not None and not include_deleted):
            raise NotFoundError("honouree", honouree_id)
        honouree = honouree_from_row(row[:own])
        for kind, children in zip(WRITTEN_KINDS, row[own:], strict=False):
            setattr(honouree, kind.key, [kind_from_row(kind, tuple(r)) for r in children])
        honouree.photos = [_photo(r) for r in row[-1]]
        return honouree

    def honourees(self, ids: Iterable[int]) -> list[Honouree]:
        return [self.honouree(i) for i in ids]

    def summaries(self, ids: list[int]) -> list[Summary]:
        from ..registry import Summary

        if not ids:
            return []
        found: dict[int, Summary] = {}
        for r in self._q(
            "SELECT id, name, unit, position, honours_text, level_rank, region, status, category,"
            " primary_photo_id, donation_total_fen, ARRAY(SELECT DISTINCT year FROM honour"
            "  WHERE honour.honouree_id = honouree.id AND year IS NOT NULL AND NOT revoked),"
            f" {_TABLE_ARCHIVE_COLUMNS} FROM honouree WHERE id = ANY(%s)",
            (list(ids),),
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
                years=tuple(sorted(r[11] or (), reverse=True)),
                archive=dict(zip(_TABLE_ARCHIVE_KEYS, r[12:], strict=True)),
            )
        return [found[i] for i in ids if i in found]

    def all_ids(self) -> list[int]:
        return [
            r[0]
            for r in self._q(
                'SELECT id FROM honouree WHERE deleted_at IS NULL ORDER BY sort_key COLLATE "C", id'
            )
        ]

    def common_values(self, column: str, limit: int = 500) -> list[str]:
        if column not in COMPLETED_FIELDS:
            raise ValueError(f"no completions for {column!r}")
        return [
            r[0]
            for r in self._q(
                f"SELECT {column} FROM honouree WHERE deleted_at IS NULL AND {column} <> ''"
                f' GROUP BY {column} ORDER BY count(*) DESC, {column} COLLATE "C" LIMIT %s',
                (limit,),
            )
        ]

    def same_name_and_unit(self, name: str, unit: str, exclude_id: int | None = None) -> list[int]:
        return [
            r[0]
            for r in self._q(
                "SELECT id FROM honouree WHERE name = %s AND unit = %s AND deleted_at IS NULL"
                " AND id IS DISTINCT FROM %s ORDER BY id",
                (name.strip(), unit.strip(), exclude_id),
            )
        ]

    def ids_by_name_and_unit(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[int]]:
        wanted = {(name.strip(), unit.strip()) for name, unit in pairs}
        found: dict[tuple[str, str], list[int]] = {}
        if not wanted:
            return found
        for honouree_id, name, unit in self._q(
            "SELECT id, name, unit FROM honouree WHERE deleted_at IS NULL AND name = ANY(%s) ORDER BY id",
            (sorted({name for name, _ in wanted}),),
        ):
            if (name, unit) in wanted:
                found.setdefault((name, unit), []).append(honouree_id)
        return found

    def match_fields(
        self, names: Iterable[str] | None = None, id_numbers: Iterable[str] = ()
    ) -> list[MatchFields]:
        query = f"SELECT {', '.join(MatchFields._fields)} FROM honouree WHERE deleted_at IS NULL"
        if names is None:
            return [MatchFields(*row) for row in self._q(query + " ORDER BY id")]
        wanted = sorted({n.strip() for n in names if n.strip()})
        numbers = sorted({n for n in id_numbers if n})
        found = [
            MatchFields(*row) for row in self._q(query + " AND id_number = ANY(%s) ORDER BY id", (numbers,))
        ]
        found += [MatchFields(*row) for row in self._q(query + " AND name = ANY(%s) ORDER BY id", (wanted,))]
        return found

    def holders_of_id_number(self, number: str, exclude_id: int | None = None) -> list[tuple[int, str]]:
        """(id, name) of the live records holding an ID number, but `exclude_id`."""
        if not number:
            return []
        return [
            (r[0], r[1])
            for r in self._q(
                "SELECT id, name FROM honouree WHERE id_number = %s AND id_number <> '' AND deleted_at IS NULL"
                " AND id IS DISTINCT FROM %s ORDER BY id",
                (number, exclude_id),
            )
        ]

    def _id_number_free(self, honouree: Honouree) -> None:
        """An ID number is one person's: a second live record with it is refused, naming the first
        (as the file's Registry does)."""
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

    def _id_numbers_free(self, adds: list[ImportItem], updates: list[ImportItem]) -> None:
        """No ID number given to two live records, as the file's import refuses
        (archive.refuse_shared_id_numbers)."""

        def holders(numbers: list[str]) -> Iterable[tuple[int, str, str]]:
            return self._q(
                "SELECT id, name, id_number FROM honouree WHERE deleted_at IS NULL AND id_number = ANY(%s)",
                (numbers,),
            )

        records = [item.record for item in [*updates, *adds]]
        refuse_shared_id_numbers(records, {item.record.id for item in updates}, holders)

    # -- statistics (core/statistics.py declares them; postgres/statistics.py counts) ---------
    def cross_table(
        self, by: str, by2: str | None = None, query: str = "", subject: str = "people"
    ) -> CrossTable:
        """Counts of people (or collectives) by one or two statistics dimensions."""
        from ..statistics import SUBJECTS, checked_query, dimension
        from .statistics import cross_table

        query = checked_query(query)
        try:
            return cross_table(
                self._connection(),
                dimension(by),
                dimension(by2) if by2 else None,
                SUBJECTS[subject],
                query,
                self._matching(query),
            )
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc

    def amount_table(self, measure: str, by: str, query: str = "") -> AmountTable:
        """Money and goods of donations (a statistics Measure) by year or by a person dimension."""
        from ..statistics import MEASURES, checked_query, dimension
        from .statistics import amount_table

        query = checked_query(query)
        try:
            return amount_table(
                self._connection(), MEASURES[measure], dimension(by), query, self._matching(query)
            )
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc

    def _matching(self, query: str) -> tuple[str, list] | None:
        """The ids a statistics query matches, as an array to join: read once and kept while
        the server's snapshot is the same (no transaction committed anywhere since, so the same
        ids), so the ten tables of a report (and each table's statements) join them by hash
        instead of running the search again: a common word's search reads 50,000 vectors
        (about 0.45 s at 100,000)."""
        if not query.strip():
            return None
        conn = self._connection()
        snapshot = conn.execute("SELECT pg_current_snapshot()::text").fetchone()[0]
        if self._matched is None or self._matched[:2] != (query, snapshot):
            sql, params = self.search(query).matching_ids_sql()
            ids = "{" + ",".join(str(row[0]) for row in conn.execute(sql, params, prepare=False)) + "}"
            self._matched = (query, snapshot, ids)
        return "unnest(%s::bigint[])", [self._matched[2]]  # a FROM item (postgres/statistics.Matching)

    # -- care of model workers (core/care_verbs.py says what they do) -------------------------
    def add_care(
        self, ids: Iterable[int], care: Care, *, versions: Mapping[int, int] | None = None
    ) -> dict[int, int]:
        """The same care event for every honouree of `ids`, in one transaction, each row locked
        and its version checked; only the new row, the version and the history are written."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        added: dict[int, int] = {}
        with self.atomic():
            for honouree_id in ids:
                self._lock(honouree_id, (versions or {}).get(honouree_id))
                current = self.honouree(honouree_id)
                before = snapshot_of(current)
                new = replace(care, id=None)
                current.care.append(new)
                _validate(current)
                care_id = self._q(
                    INSERT_CHILD[CARE.key] + " RETURNING id",
                    (honouree_id, len(current.care) - 1, *child_values(CARE, new)),
                ).fetchone()[0]
                self._q(
                    "UPDATE honouree SET updated_at = %s, version = version + 1 WHERE id = %s",
                    (now(), honouree_id),
                )
                self._record(honouree_id, "update", before, self._snapshot(honouree_id))
                added[honouree_id] = care_id
        self._emit(Change("updated", list(added)))
        return added

    def remove_care(
        self, care_ids: Mapping[int, Collection[int]], *, versions: Mapping[int, int] | None = None
    ) -> list[Honouree]:
        """Take care records away again (honouree id → its care ids), in one transaction."""
        saved: list[Honouree] = []
        with self.atomic():
            for honouree_id, gone in care_ids.items():
                self._lock(honouree_id, (versions or {}).get(honouree_id))
                current = self.honouree(honouree_id)
                gone = set(gone)
                if not any(c.id in gone for c in current.care):
                    continue
                before = snapshot_of(current)
                self._q(
                    f"DELETE FROM {CARE.table} WHERE id = ANY(%s) AND honouree_id = %s",
                    (sorted(gone), honouree_id),
                )
                self._q(
                    "UPDATE honouree SET updated_at = %s, version = version + 1 WHERE id = %s",
                    (now(), honouree_id),
                )
                self._record(honouree_id, "update", before, self._snapshot(honouree_id))
                saved.append(self.honouree(honouree_id))
        if saved:
            self._emit(Change("updated", [h.id for h in saved if h.id is not None]))
        return saved

    def due(
        self,
        kind: str,
        year: int | None = None,
        periods: DuePeriods | None = None,
        *,
        today: date | None = None,
        everyone: bool = False,
    ) -> DueList:
        """Who is due `kind` in `year`, by the file's rules (postgres/care.py)."""
        from .care import due as due_sql

        try:
            return due_sql(self._connection(), kind, year, periods, today=today, everyone=everyone)
        except ValueError:
            raise InvalidRecordError(
                Text(
                    "unknown kind {kind}: use visit, checkup, recuperation, aid or stale",
                    kind=quoted(kind),
                )
            ) from None
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc

    # -- searching ------------------------------------------------------------------------
    def search(
        self, query: str = "", order: str | None = None, descending: bool = False
    ) -> ServerSearchResult:
        return ServerSearchResult(self._connection(), query, order, descending)

    def facets(self, query: str = "") -> dict[str, list[tuple[object, int]]]:
        try:
            return server_facets(self._connection(), query)
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc

    def queued_for_index(self) -> int:
        """Search rows are written with every save on the server: nothing waits."""
        return 0

    def index_queued(
        self,
        progress: Callable[[int, int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> int:
        return 0

    # -- derived columns and search rows ------------------------------------------------------
    def _derive(self, ids: list[int]) -> None:
        """The columns kept for ordering and filters (sort key, best level, donation total, the
        honours' titles, primary photo) and the search rows, from what is stored now: both are
        computed from one read of the stored facts (indexing.index_honourees)."""
        try:
            index_honourees(self._connection().cursor(), ids)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise self._refused_by_policy() from exc

    # -- writing ---------------------------------------------------------------------------
    def add(self, honouree: Honouree, *, new_photos: list[NewPhoto] | None = None) -> Honouree:
        return self.add_many([honouree], photos={0: new_photos} if new_photos else None)[0]

    def add_many(
        self, honourees: list[Honouree], *, photos: dict[int, list[NewPhoto]] | None = None
    ) -> list[Honouree]:
        ids: list[int] = []
        for honouree in honourees:
            _validate(honouree)
            self._check_region(None, honouree.name.strip(), honouree.region or "")
        with self.atomic():
            for position, honouree in enumerate(honourees):
                self._id_number_free(honouree)
                stamp = now()
                new_id = self._q(
                    INSERT_HONOUREE, (*stored_values(honouree), honouree.created_at or stamp, stamp)
                ).fetchone()[0]
                self._write_children(new_id, honouree)
                for photo in (photos or {}).get(position, []):
                    self._insert_new_photo(new_id, photo)
                ids.append(new_id)
            self._derive(ids)
            self._record_many([(i, "create", None, self._snapshot(i)) for i in ids])
            added = [self.honouree(i) for i in ids]
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
        if honouree.id is None:
            raise InvalidRecordError(Text("an honouree without an id cannot be updated"))
        _validate(honouree)
        saved = self._write_update(
            honouree, check_version=check_version, new_photos=new_photos, rotations=rotations
        )
        self._emit(Change("updated", [honouree.id]))
        return saved

    def _write_update(
        self,
        honouree: Honouree,
        *,
        check_version: bool,
        new_photos: list[NewPhoto] | None = None,
        rotations: dict[int, int] | None = None,
    ) -> Honouree:
        assert honouree.id is not None
        with self._batched():
            version, _ = self._lock(honouree.id, honouree.version if check_version else None, honouree.name)
            self._check_region(honouree.id, honouree.name.strip(), honouree.region or "")
            self._id_number_free(honouree)
            # sent together, read after the stored facts: the record as it was, then the writes
            before = self._q(SELECT_WHOLE_HONOUREE, (honouree.id,))
            updated = self._write_record(honouree, now(), version)
            self._sync_photo_metadata(honouree)
            for photo_id, degrees in (rotations or {}).items():
                self._rotate(photo_id, degrees)
            for photo in new_photos or []:
                self._insert_new_photo(honouree.id, photo)
            self._derive([honouree.id])
            if updated.fetchone() is None:  # the row is locked: never, but said if it were
                raise ConflictError(honouree.id, version, None, honouree.name)
            was = self._honouree_of(before.fetchone(), honouree.id, True)
            saved = self.honouree(honouree.id)
            self._record(honouree.id, "update", snapshot_of(was), snapshot_of(saved))
            return saved

    def _write_record(self, record: Honouree, stamp: str, version: int) -> psycopg.Cursor:
        """A record's fields, honours, deeds and donations over the stored ones (photos untouched),
        on the version locked; returns the UPDATE's cursor, whose one row says it landed (none:
        another version; a row already locked: cannot happen, but the caller says so)."""
        assert record.id is not None
        updated = self._q(UPDATE_HONOUREE, (*stored_values(record), stamp, record.id, version))
        self._q(DELETE_CHILDREN, {"id": record.id})
        self._write_children(record.id, record)
        return updated

    def _write_record_checked(self, record: Honouree, stamp: str, version: int) -> None:
        """_write_record, its version test read at once."""
        assert record.id is not None
        if self._write_record(record, stamp, version).fetchone() is None:
            raise ConflictError(record.id, version, None, record.name)

    def edit_many(
        self, edits: Mapping[int, Mapping[str, str]], *, versions: Mapping[int, int] | None = None
    ) -> list[Honouree]:
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
                expected = (versions or {}).get(honouree_id)
                self._lock(honouree_id, expected)
                current = self.honouree(honouree_id)
                if all(str(getattr(current, key) or "") == value for key, value in fields.items()):
                    continue
                record = replace(current, **fields)
                _validate(record)
                changed.append(self._write_update(record, check_version=True))
        if changed:
            self._emit(Change("updated", [h.id for h in changed if h.id is not None]))
        return changed

    def delete(self, honouree_id: int) -> None:
        self.delete_many([honouree_id])

    def delete_many(self, ids: list[int]) -> None:
        with self.atomic():
            for honouree_id in ids:
                self._lock(honouree_id)
                before = self._snapshot(honouree_id)
                self._q(
                    "UPDATE honouree SET deleted_at = %s, version = version + 1 WHERE id = %s",
                    (now(), honouree_id),
                )
                self._record(honouree_id, "delete", before, None)
            self._unindex(list(ids))
        self._emit(Change("deleted", list(ids)))

    def _unindex(self, ids: list[int]) -> None:
        index_honourees(self._connection().cursor(), ids)  # a record in the trash has no search row

    def restore(self, honouree_id: int) -> Honouree:
        with self.atomic():
            self._lock(honouree_id, deleted=True)
            self._q(
                "UPDATE honouree SET deleted_at = NULL, version = version + 1, updated_at = %s WHERE id = %s",
                (now(), honouree_id),
            )
            self._derive([honouree_id])
            self._record(honouree_id, "restore", None, self._snapshot(honouree_id))
            restored = self.honouree(honouree_id)
        self._emit(Change("restored", [honouree_id]))
        return restored

    def trash(self) -> list[tuple[int, str, str, str]]:
        return [
            tuple(r)
            for r in self._q(
                "SELECT id, name, unit, deleted_at FROM honouree WHERE deleted_at IS NOT NULL"
                " ORDER BY deleted_at DESC, id DESC"
            )
        ]

    def empty_trash(self) -> int:
        """Delete for good what is in the trash and this office may remove (people of its regions)."""
        with self.atomic():
            ids = [
                r[0]
                for r in self._q("SELECT id, region FROM honouree WHERE deleted_at IS NOT NULL ORDER BY id")
                if self._may_edit(r[1])
            ]
            for honouree_id in ids:
                self._lock(honouree_id, deleted=True)
                self._record(honouree_id, "purge", self._snapshot(honouree_id), None)
                self._q("DELETE FROM honouree WHERE id = %s", (honouree_id,))
        return len(ids)

    def backup_before(self, reason: str) -> Path | None:
        """No automatic file copy of a server: its administrator backs it up (pg_dump, `honours backup`)."""
        return None

    # -- history ---------------------------------------------------------------------------
    def history(self, honouree_id: int) -> list[HistoryEntry]:
        from ..registry import HistoryEntry

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
            for r in self._q(
                "SELECT id, honouree_id, at, os_user, action, before_json, after_json FROM history"
                " WHERE honouree_id = %s ORDER BY id DESC",
                (honouree_id,),
            )
        ]

    def _history_row(self, history_id: int) -> tuple[int, str | None, str | None]:
        row = self._q(
            "SELECT honouree_id, after_json, before_json FROM history WHERE id = %s", (history_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError("history", history_id)
        return row[0], row[1], row[2]

    def _in_trash(self, honouree_id: int) -> bool:
        row = self._q("SELECT deleted_at FROM honouree WHERE id = %s", (honouree_id,)).fetchone()
        if row is None:
            raise NotFoundError("honouree", honouree_id)
        return row[0] is not None

    def _write_history(self, entries: list[tuple[int, str, str | None, str | None]]) -> None:
        """History rows; the server fills in the office (the login) beside the OS user."""
        at, user = now(), os_user()
        self._many(
            "INSERT INTO history (honouree_id, at, os_user, action, before_json, after_json)"
            " VALUES (%s, %s, %s, %s, %s, %s)",
            [(i, at, user, action, before, after) for i, action, before, after in entries],
        )

    def _write_children(self, honouree_id: int, honouree: Honouree) -> None:
        for kind in WRITTEN_KINDS:
            self._many(
                INSERT_CHILD[kind.key],
                [(honouree_id, i, *child_values(kind, x)) for i, x in enumerate(getattr(honouree, kind.key))],
            )

    # -- photos -----------------------------------------------------------------------------
    def photos(self, honouree_id: int) -> list[Photo]:
        return [
            _photo(r)
            for r in self._q(
                f"SELECT {PHOTO_COLUMNS} FROM photo WHERE honouree_id = %s ORDER BY position, id",
                (honouree_id,),
            )
        ]

    def photo_bytes(self, photo_id: int, kind: str = "display") -> bytes:
        if kind not in PHOTO_KINDS:
            raise ValueError(kind)
        row = self._q(f"SELECT {kind} FROM photo_data WHERE photo_id = %s", (photo_id,)).fetchone()
        if row is None:
            raise NotFoundError("photo", photo_id)
        return bytes(row[0])

    def photo_created_at(self, photo_id: int) -> str:
        row = self._q("SELECT created_at FROM photo WHERE id = %s", (photo_id,)).fetchone()
        if row is None:
            raise NotFoundError("photo", photo_id)
        return row[0]

    def photo_owner(self, photo_id: int) -> int:
        row = self._q("SELECT honouree_id FROM photo WHERE id = %s", (photo_id,)).fetchone()
        if row is None:
            raise NotFoundError("photo", photo_id)
        return row[0]

    def add_photo(
        self,
        honouree_id: int,
        source: str | Path | bytes | PreparedPhoto,
        *,
        caption: str = "",
        primary: bool = False,
        name: str = "",
    ) -> Photo:
        prepared = source if isinstance(source, PreparedPhoto) else prepare_photo(source, name)
        with self.atomic():
            self._lock(honouree_id)
            before = self._snapshot(honouree_id)
            photo_id = self._insert_photo(honouree_id, prepared, caption, primary)
            self._touch(honouree_id, before)
            added = next(p for p in self.photos(honouree_id) if p.id == photo_id)
        self._emit(Change("updated", [honouree_id]))
        return added

    def _insert_photo(
        self,
        honouree_id: int,
        prepared: PreparedPhoto,
        caption: str,
        primary: bool,
        *,
        position: int | None = None,
        created_at: str = "",
    ) -> int:
        existing = self._q(
            "SELECT count(*), coalesce(max(position), -1) FROM photo WHERE honouree_id = %s", (honouree_id,)
        ).fetchone()
        if position is None:
            primary = primary or existing[0] == 0
            position = existing[1] + 1
            if primary:
                self._q("UPDATE photo SET is_primary = false WHERE honouree_id = %s", (honouree_id,))
        photo_id = self._q(
            "INSERT INTO photo (honouree_id, position, caption, is_primary, width, height, mime,"
            " original_name, created_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
            (
                honouree_id,
                position,
                caption or "",
                bool(primary),
                prepared.width,
                prepared.height,
                prepared.mime,
                prepared.original_name,
                created_at or now(),
            ),
        ).fetchone()[0]
        self._q(
            "INSERT INTO photo_data (photo_id, honouree_id, original, display, thumbnail) VALUES (%s, %s, %s, %s, %s)",
            (photo_id, honouree_id, prepared.original, prepared.display, prepared.thumbnail),
        )
        return photo_id

    def _insert_new_photo(self, honouree_id: int, photo: NewPhoto) -> int:
        photo_id = self._insert_photo(honouree_id, photo.prepared, photo.caption, photo.primary)
        if photo.rotation % 360:
            self._rotate(photo_id, photo.rotation)
        return photo_id

    def _photo_change(self, photo_id: int, change: Callable[[int], None]) -> None:
        """One change of one photo: its person locked, changed, versioned, recorded, announced."""
        owner = self.photo_owner(photo_id)
        with self.atomic():
            self._lock(owner)
            before = self._snapshot(owner)
            change(owner)
            self._touch(owner, before)
        self._emit(Change("updated", [owner]))

    def remove_photo(self, photo_id: int) -> None:
        def remove(owner: int) -> None:
            was_primary = self._q("SELECT is_primary FROM photo WHERE id = %s", (photo_id,)).fetchone()[0]
            self._q("DELETE FROM photo WHERE id = %s", (photo_id,))
            if was_primary:
                self._q(
                    "UPDATE photo SET is_primary = true WHERE id = (SELECT id FROM photo WHERE honouree_id = %s"
                    " ORDER BY position, id LIMIT 1)",
                    (owner,),
                )

        self._photo_change(photo_id, remove)

    def set_primary_photo(self, photo_id: int) -> None:
        self._photo_change(
            photo_id,
            lambda owner: self._q(
                "UPDATE photo SET is_primary = (id = %s) WHERE honouree_id = %s", (photo_id, owner)
            ),
        )

    def set_photo_caption(self, photo_id: int, caption: str) -> None:
        self._photo_change(
            photo_id,
            lambda _owner: self._q("UPDATE photo SET caption = %s WHERE id = %s", (caption, photo_id)),
        )

    def rotate_photo(self, photo_id: int, degrees: int = 90) -> None:
        self._photo_change(photo_id, lambda _owner: self._rotate(photo_id, degrees))

    def _rotate(self, photo_id: int, degrees: int) -> None:
        if degrees % 360 == 0:
            return
        row = self._q("SELECT display, thumbnail FROM photo_data WHERE photo_id = %s", (photo_id,)).fetchone()
        if row is None:
            raise NotFoundError("photo", photo_id)
        self._q(
            "UPDATE photo_data SET display = %s, thumbnail = %s WHERE photo_id = %s",
            (rotate_jpeg(bytes(row[0]), degrees), rotate_jpeg(bytes(row[1]), degrees), photo_id),
        )
        if degrees % 180:
            self._q("UPDATE photo SET width = height, height = width WHERE id = %s", (photo_id,))

    def _sync_photo_metadata(self, honouree: Honouree) -> None:
        keep = [p for p in honouree.photos if p.id is not None]
        ids = [p.id for p in keep]
        self._q("DELETE FROM photo WHERE honouree_id = %s AND NOT (id = ANY(%s))", (honouree.id, ids))
        primary_id = next((p.id for p in keep if p.primary), ids[0] if ids else None)
        self._many(
            "UPDATE photo SET caption = %s, position = %s, is_primary = %s WHERE id = %s AND honouree_id = %s",
            [(p.caption or "", n, p.id == primary_id, p.id, honouree.id) for n, p in enumerate(keep)],
        )

    def _touch(self, honouree_id: int, before: dict) -> None:
        self._q(
            "UPDATE honouree SET updated_at = %s, version = version + 1 WHERE id = %s", (now(), honouree_id)
        )
        self._derive([honouree_id])
        self._record(honouree_id, "update", before, self._snapshot(honouree_id))

    # -- imports ----------------------------------------------------------------------------
    def apply_import(
        self,
        adds: list[ImportItem],
        updates: list[ImportItem] | None = None,
        *,
        keep_stamps: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportOutcome:
        """A whole import as ONE transaction, with the lost-update guard on every update."""
        updates = updates or []
        for item in [*adds, *updates]:
            if not item.checked:
                validate_record(item.record)
            self._check_region(item.record.id, item.record.name.strip(), item.record.region or "")
        total, done = len(adds) + len(updates), 0
        outcome = ImportOutcome()
        with self.atomic():
            self._id_numbers_free(adds, updates)
            stamp = now()
            for item in updates:
                honouree = item.record
                assert honouree.id is not None
                version, _ = self._lock(honouree.id, honouree.version, honouree.name)
                before = self._snapshot(honouree.id)
                self._write_record_checked(honouree, stamp, version)
                for photo in item.photos:
                    self._insert_new_photo(honouree.id, photo)
                self._derive([honouree.id])
                self._record(honouree.id, "update", before, self._snapshot(honouree.id))
                outcome.updated.append(honouree.id)
                done += 1
                if progress and done % 200 == 0:
                    progress(done, total)
            for first in range(0, len(adds), IMPORT_CHUNK):
                chunk = adds[first : first + IMPORT_CHUNK]
                outcome.added.extend(self._insert_imported(chunk, stamp, keep_stamps))
                done += len(chunk)
                if progress:
                    progress(done, total)
            if progress:
                progress(total, total)
        if outcome.added:
            self._emit(Change("added", outcome.added))
        if outcome.updated:
            self._emit(Change("updated", outcome.updated))
        return outcome

    def _reserve(self, table: str, count: int) -> list[int]:
        """`count` new ids of a table, taken from its identity sequence in one statement."""
        if not count:
            return []
        return [
            r[0]
            for r in self._q(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", (table, count)
            )
        ]

    def _insert_imported(self, items: list[ImportItem], stamp: str, keep_stamps: bool) -> list[int]:
        """Insert a chunk of added records with a few statements: their ids and their lists' ids
        reserved up front, every table written with one executemany, and each history snapshot
        built from the record in memory (snapshots.added_snapshot_json, byte for byte what
        reading it back would record)."""
        ids = self._reserve("honouree", len(items))
        child_ids = {
            kind.key: iter(self._reserve(kind.table, sum(len(getattr(i.record, kind.key)) for i in items)))
            for kind in WRITTEN_KINDS
        }
        honourees: list[tuple] = []
        children: dict[str, list[tuple]] = {kind.key: [] for kind in WRITTEN_KINDS}
        written = []
        for honouree_id, item in zip(ids, items, strict=True):
            record = item.record
            stamps = (
                (record.version or 1, record.created_at or stamp, record.updated_at or stamp)
                if keep_stamps
                else (1, stamp, stamp)
            )
            scalars = stored_values(record)
            honourees.append((honouree_id, *scalars, stamps[1], stamps[2], stamps[0]))
            kind_ids = []
            for kind in WRITTEN_KINDS:
                mine = [next(child_ids[kind.key]) for _ in getattr(record, kind.key)]
                children[kind.key] += [
                    (child_id, honouree_id, position, *child_values(kind, x))
                    for position, (child_id, x) in enumerate(
                        zip(mine, getattr(record, kind.key), strict=True)
                    )
                ]
                kind_ids.append(mine)
            written.append((scalars, kind_ids, stamps))
        self._many(INSERT_HONOUREE_WITH_ID, honourees)
        for kind in WRITTEN_KINDS:
            self._many(INSERT_CHILD_WITH_ID[kind.key], children[kind.key])
        history = []
        for honouree_id, item, (scalars, kind_ids, (version, created, updated)) in zip(
            ids, items, written, strict=True
        ):
            for photo in item.photos:
                if isinstance(photo, KeptPhoto) and keep_stamps:
                    self._insert_photo(
                        honouree_id,
                        photo.prepared,
                        photo.caption,
                        photo.primary,
                        position=photo.position,
                        created_at=photo.created_at,
                    )
                else:
                    self._insert_new_photo(honouree_id, photo)
            photos = self.photos(honouree_id) if item.photos else []
            snapshot = added_snapshot_json(
                honouree_id, item.record, scalars, kind_ids, photos, version, created, updated
            )
            history.append((honouree_id, "create", None, snapshot))
        self._derive(ids)
        self._write_history(history)
        return ids

    # -- merging ----------------------------------------------------------------------------
    def merge(
        self,
        keep_id: int,
        other_id: int,
        *,
        keep_version: int | None = None,
        other_version: int | None = None,
        take: Collection[str] | None = None,
    ) -> MergeOutcome:
        if keep_id == other_id:
            raise InvalidRecordError(Text("a record cannot be merged with itself"))
        with self.atomic():
            kept_version, _ = self._lock(keep_id, keep_version)
            self._lock(other_id, other_version)
            keep, other = self.honouree(keep_id), self.honouree(other_id)
            merged = clone(keep)
            conflicts = combine(merged, other, take)
            validate_record(merged)
            self._check_region(keep_id, merged.name, merged.region or "")
            kept_before, other_before = self._snapshot(keep_id), self._snapshot(other_id)
            stamp = now()
            self._write_record_checked(merged, stamp, kept_version)
            has_primary = any(p.primary for p in keep.photos)
            start = max((p.position for p in keep.photos), default=-1) + 1
            moved = []
            for offset, photo in enumerate(other.photos):
                assert photo.id is not None
                moved.append((photo.id, photo.position, photo.primary))
                self._move_photo(photo.id, keep_id, start + offset, photo.primary and not has_primary)
            self._q(
                "UPDATE honouree SET deleted_at = %s, version = version + 1 WHERE id = %s", (stamp, other_id)
            )
            self._derive([keep_id])
            self._unindex([other_id])
            self._record_many(
                [
                    (keep_id, "update", kept_before, self._snapshot(keep_id)),
                    (other_id, "delete", other_before, None),
                ]
            )
            versions = self._versions(keep_id, other_id)
        self._emit(Change("updated", [keep_id]))
        self._emit(Change("deleted", [other_id]))
        return MergeOutcome(keep_id, other_id, conflicts, keep, moved, versions[keep_id], versions[other_id])

    def _move_photo(self, photo_id: int, to: int, position: int, primary: bool) -> None:
        self._q(
            "UPDATE photo SET honouree_id = %s, position = %s, is_primary = %s WHERE id = %s",
            (to, position, bool(primary), photo_id),
        )
        self._q("UPDATE photo_data SET honouree_id = %s WHERE photo_id = %s", (to, photo_id))

    def _versions(self, *ids: int) -> dict[int, int]:
        return dict(self._q("SELECT id, version FROM honouree WHERE id = ANY(%s)", (list(ids),)).fetchall())

    def undo_merge(self, outcome: MergeOutcome) -> MergeOutcome:
        keep_id, other_id = outcome.kept, outcome.merged
        with self.atomic():
            kept_version, _ = self._lock(keep_id, outcome.kept_version, outcome.kept_before.name)
            self._lock(other_id, outcome.merged_version, deleted=True)
            kept_now = self._snapshot(keep_id)
            for photo_id, position, primary in outcome.moved_photos:
                if self.photo_owner(photo_id) == keep_id:
                    self._move_photo(photo_id, other_id, position, primary)
            stamp = now()
            self._q(
                "UPDATE honouree SET deleted_at = NULL, version = version + 1, updated_at = %s WHERE id = %s",
                (stamp, other_id),
            )
            self._write_record_checked(clone(outcome.kept_before), stamp, kept_version)
            self._derive([keep_id, other_id])
            self._record_many(
                [
                    (keep_id, "update", kept_now, self._snapshot(keep_id)),
                    (other_id, "restore", None, self._snapshot(other_id)),
                ]
            )
            versions = self._versions(keep_id, other_id)
        self._emit(Change("updated", [keep_id]))
        self._emit(Change("restored", [other_id]))
        return MergeOutcome(
            keep_id,
            other_id,
            outcome.conflicts,
            outcome.kept_before,
            outcome.moved_photos,
            versions[keep_id],
            versions[other_id],
        )


def _photo(r) -> Photo:
    """A photo's metadata from a row (or JSON array) of PHOTO_COLUMNS."""
    return Photo(
        id=r[0],
        caption=r[1],
        primary=bool(r[2]),
        width=r[3],
        height=r[4],
        mime=r[5],
        original_name=r[6],
        position=r[7],
    )


class SharedConnectionReader(ServerRegistry):
    """`ServerRegistry.open_reader()`: the registry's reading verbs for one worker thread, on the
    owner's connection (reader.py says how the two take turns); writing verbs are refused."""

    def __init__(self, owner: ServerRegistry) -> None:
        self._owner = owner
        self._turns = ReaderTurns(
            owner._lease, owner._connection, lambda: owner._conn, lambda: _read_only(owner.url)
        )
        super().__init__(BorrowedConnection(self._turns), owner.url, readonly=True)  # type: ignore[arg-type]
        self._lease = owner._lease
        owner._readers.append(self._turns)
        owner._conn.readers = owner._readers

    def _learn_who(self) -> None:
        """The owner's office and rights (already asked of the server)."""
        self._office = self._owner._office
        self._admin = self._owner._admin

    def _connection(self) -> psycopg.Connection:
        if self._closed or self._owner._closed:
            raise HonoursError(Text("The shared registry was closed."))
        return self._conn  # the BorrowedConnection

    @contextmanager
    def _transaction(self, *, batched: bool = False) -> Iterator[None]:
        raise _read_only(self.url)
        yield  # pragma: no cover - a generator, for contextmanager

    def interrupt(self) -> None:
        self._turns.interrupt()

    def resume(self) -> None:
        self._turns.resume()

    def open_reader(self) -> ServerRegistry | None:
        return self._owner.open_reader()

    def close(self) -> None:
        """Only this handle ends: the connection is the owner's."""
        if not getattr(self, "_closed", True) and self._turns in self._owner._readers:
            self._owner._readers.remove(self._turns)
        self._closed = True

    def __repr__(self) -> str:
        return f"SharedConnectionReader({self._owner!r})"


class ReadOnlyServerError(ReadOnlyDatabaseError):
    """A write on a connection opened for reading only (a worker's reader)."""

    def __init__(self, where: str) -> None:
        DatabaseFileError.__init__(
            self,
            where,
            Text("The shared registry at {where} was opened for reading only.", where=where),
        )
        self.needs_upgrade = False


def _read_only(url: str) -> HonoursError:
    return ReadOnlyServerError(shown_url(url))


def _settle(conn: psycopg.Connection, readonly: bool) -> None:
    """A session's settings: how long a save waits for a row another office holds, and
    reading only (a worker's reader)."""
    conn.execute(f"SET lock_timeout = '{LOCK_TIMEOUT_MS}ms'")
    if readonly:
        conn.execute("SET default_transaction_read_only = on")


def _check_schema(conn: psycopg.Connection, url: str) -> None:
    """NotASharedRegistryError unless the database holds a shared registry this program knows."""
    from .server import schema_version

    version = schema_version(conn)
    where = shown_url(url)
    if version == 0:
        raise NotASharedRegistryError(
            Text(
                "{where} is not a shared registry yet: its administrator sets it up with `honours server init`.",
                where=where,
            )
        )
    if version > SCHEMA_VERSION:
        raise NotASharedRegistryError(
            Text(
                "The shared registry at {where} has schema {version}, newer than this program ({supported}); "
                "update Honours.",
                where=where,
                version=version,
                supported=SCHEMA_VERSION,
            )
        )
