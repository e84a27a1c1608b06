"""A worker thread's read-only handle on a shared registry, over its owner's one connection.

The app reads on a worker thread what would stall typing on the UI thread (the filter panel's
counts, the exact count of a large result). On a file that is a second SQLite connection; on
the server a third connection per app (working, listening, reading) would put 50 clerks at 150,
over PostgreSQL's default of 100. So the reader borrows the owner's connection, and the owner
always goes first:

- psycopg runs one statement at a time on a connection (its own lock), so a statement of the
  reader and one of the owner never mix on the wire;
- a transaction of the owner (`atomic()`) holds the owner's lease for its whole length, and the
  reader takes the lease for each statement: a worker's read never runs inside a save, where
  its failure would abort the save;
- the reader's statements are single reads, each its own transaction (autocommit), never a
  BEGIN … COMMIT of its own: a statement of the owner sent between the reader's BEGIN and a
  cancelled read would fail with it ("current transaction is aborted"); anything but a read is
  refused before it reaches the server;
- before each statement of the owner (WorkingConnection.execute, and the lease's users), a
  running read of the reader is cancelled and the rest of its read refused: the read is put
  off (ReadPreempted) and its worker runs it again a moment later, so a count of a second
  never makes a keystroke, a detail pane or a save wait;
- `interrupt()` (the UI thread, a newer search overtaking a count) cancels the reader's running
  statement and refuses the rest of that read for good; libpq waits until the server has taken
  a cancel request before returning, and a cancel is only sent while the reader's statement
  runs, so the owner's statements are never its target (one that lands late is sent again,
  search.py). The reader reads again once its worker starts a new read (`resume()`).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from typing import Any

import psycopg

from ..errors import ReadPreempted

_READ = re.compile(r"[\s(]*(SELECT|WITH|VALUES|SHOW)\b", re.IGNORECASE)
_WRITE = re.compile(r"\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|COPY|LOCK|NOTIFY|SET)\b", re.IGNORECASE)
_INTERRUPTED, _PREEMPTED = "interrupted", "preempted"
CANCEL_AGAIN_S = 0.02  # a cancel the server did not act on is sent again this much later
CANCEL_PATIENCE_S = 2.0  # then the owner simply waits for the statement, as psycopg would


def _is_a_read(sql: str) -> bool:
    """Whether the statement only reads (a SELECT with no writing CTE nor FOR UPDATE)."""
    return bool(_READ.match(sql)) and not _WRITE.search(sql)


class ReaderTurns:
    """When the reader may use the owner's connection, and ending only its statements."""

    def __init__(
        self,
        lease: threading.RLock,
        connection: Callable[[], psycopg.Connection],
        current: Callable[[], psycopg.Connection],
        refuse_writes: Callable[[], Exception],
    ) -> None:
        self.lease = lease  # the owner's: held by its transactions
        self.connection = connection  # the owner's, made again after a drop
        self.current = current  # the owner's as it is (to cancel on, from any thread)
        self.refuse_writes = refuse_writes
        self.running = False
        self.stopped: str | None = None  # _INTERRUPTED or _PREEMPTED until resume()
        self._reader_thread: int | None = None
        self._state = threading.Lock()

    def run(self, sql: Any, params: Any, prepare: bool | None) -> psycopg.Cursor:
        """One read of the reader, between the owner's statements and outside its transactions."""
        with self.lease:
            conn = self.connection()
            if not _is_a_read(sql if isinstance(sql, str) else sql.as_string(conn)):
                raise psycopg.errors.ReadOnlySqlTransaction("a shared reader only reads")
            with self._state:
                self._refuse_if_stopped()
                self._reader_thread = threading.get_ident()
                self.running = True
            try:
                return conn.execute(sql, params, prepare=prepare)
            except psycopg.errors.QueryCanceled:
                with self._state:
                    self._refuse_if_stopped()
                raise
            finally:
                with self._state:
                    self.running = False

    def _refuse_if_stopped(self) -> None:
        if self.stopped == _PREEMPTED:
            raise ReadPreempted()
        if self.stopped == _INTERRUPTED:
            raise psycopg.errors.QueryCanceled("the read was interrupted")

    def interrupt(self) -> None:
        """End the reader's read for good (a newer one overtook it)."""
        self._stop(_INTERRUPTED)

    def yield_to_owner(self) -> None:
        """The owner is about to send a statement: put off the reader's read (its worker runs it
        again later) and wait until its statement has ended. A cancel that reaches the server
        before the statement has begun is lost, so it is sent again while the statement runs.
        Nothing when called on the reader's own thread."""
        if threading.get_ident() == self._reader_thread:
            return
        self._stop(_PREEMPTED)
        deadline = time.monotonic() + CANCEL_PATIENCE_S
        while self.running and time.monotonic() < deadline:
            time.sleep(CANCEL_AGAIN_S)
            self._stop(_PREEMPTED)

    def _stop(self, how: str) -> None:
        with self._state:
            if self.stopped != _INTERRUPTED:
                self.stopped = how
            if self.running:
                with suppress(psycopg.Error):  # it ended meanwhile, or the connection dropped
                    self.current().cancel_safe()

    def resume(self) -> None:
        """The reader's worker starts a new read: its statements run again."""
        with self._state:
            self.stopped = None
            self._reader_thread = threading.get_ident()


class WorkingConnection(psycopg.Connection):
    """The owner's connection: each of its statements first puts off a shared reader's read."""

    readers: list[ReaderTurns]

    def execute(self, query: Any, params: Any = None, *, prepare: bool | None = None, binary: bool = False):
        for turns in getattr(self, "readers", ()):
            turns.yield_to_owner()
        return super().execute(query, params, prepare=prepare, binary=binary)


class BorrowedConnection:
    """What the registry's code asks of a connection, for the reader: statements take their
    turn (ReaderTurns.run); cursors and transactions are only for writes, which are refused;
    anything else (info, closed, broken) is the owner's connection's."""

    def __init__(self, turns: ReaderTurns) -> None:
        self._turns = turns

    def execute(self, sql: Any, params: Any = None, *, prepare: bool | None = None) -> psycopg.Cursor:
        return self._turns.run(sql, params, prepare)

    def cursor(self, *_args: Any, **_kwargs: Any) -> psycopg.Cursor:
        raise self._turns.refuse_writes()

    def transaction(self, *_args: Any, **_kwargs: Any) -> Any:
        raise self._turns.refuse_writes()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._turns.connection(), name)
