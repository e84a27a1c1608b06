"""The worker thread's reader of a shared registry shares the app's connection
(honours/core/postgres/reader.py): no third connection per app, never a read inside a save,
and a cancelled count never cancels the app's own statements."""

from __future__ import annotations

import threading
import time
from urllib.parse import urlsplit

import psycopg
import pytest
from conftest import as_login, open_storage

from honours.core.errors import HonoursError, ReadOnlyDatabaseError, ReadPreempted
from honours.core.records import Honour, Honouree


@pytest.fixture
def shared(pg_server, tmp_path):
    registry = open_storage("postgresql", tmp_path, pg_server)
    reader = registry.open_reader()
    registry.server_user = pg_server.user  # for counting connections as the server's superuser
    yield registry, reader
    reader.close()
    registry.close()


def _person(name: str) -> Honouree:
    return Honouree(
        name=name, region="耒阳市", honours=[Honour(title="全国劳动模范", level="national", year=2020)]
    )


def _connections(registry) -> int:
    with psycopg.connect(as_login(registry.url, registry.server_user)) as admin:
        return admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = %s AND datname = current_database()",
            (urlsplit(registry.url).username,),
        ).fetchone()[0]


def test_the_reader_opens_no_connection_of_its_own(shared):
    registry, reader = shared
    before = _connections(registry)
    registry.add(_person("张三"))
    reader.resume()  # as its worker does before each read
    assert reader.search("张三").count() == 1
    assert reader.facets("张三")["level"] == [("national", 1)]
    backend = "SELECT pg_backend_pid()"
    assert reader._q(backend).fetchone() == registry._q(backend).fetchone()
    assert _connections(registry) == before


def _read_as_the_worker_does(reader, read):
    """Run `read(reader)` as the app's worker does: again a moment later when put off."""
    while True:
        reader.resume()
        try:
            return read(reader)
        except ReadPreempted:
            time.sleep(0.05)


def test_a_read_waits_for_a_save_to_end_and_never_runs_inside_it(shared):
    registry, reader = shared
    seen: list[int] = []
    worker = threading.Thread(
        target=lambda: seen.append(_read_as_the_worker_does(reader, lambda r: r.search("李四").count()))
    )
    with registry.atomic():
        registry.add(_person("李四"))
        worker.start()
        worker.join(0.4)
        assert worker.is_alive()  # waiting for the transaction, not reading inside it
        registry.add(_person("李四"))
    worker.join(5)
    assert seen == [2]  # both, committed


def _long_read(reader) -> tuple[threading.Thread, list[object]]:
    """A worker thread reading for 5 s through the reader, started and running; what it got
    (a row, or the error) lands in the list."""
    outcome: list[object] = []

    def read() -> None:
        reader.resume()
        try:
            outcome.append(reader._q("SELECT pg_sleep(5)").fetchone())
        except HonoursError as error:
            outcome.append(error)

    worker = threading.Thread(target=read)
    worker.start()
    started = time.perf_counter()
    while not reader._turns.running and time.perf_counter() - started < 3:
        time.sleep(0.01)
    return worker, outcome


def test_the_window_goes_first_and_the_read_is_put_off_not_lost(shared):
    registry, reader = shared
    worker, outcome = _long_read(reader)
    started = time.perf_counter()
    assert registry.count() == 0  # does not wait the 5 s out
    assert time.perf_counter() - started < 1
    worker.join(5)
    assert isinstance(outcome[0], ReadPreempted)
    with pytest.raises(ReadPreempted):  # the rest of that read is refused ...
        reader._q("SELECT 1")
    assert _read_as_the_worker_does(reader, lambda r: r._q("SELECT 1").fetchone()) == (1,)  # ... not the next


def test_interrupting_cancels_the_readers_statement_only(shared):
    registry, reader = shared
    started = time.perf_counter()
    worker, outcome = _long_read(reader)
    time.sleep(0.2)  # a cancel sent before the server has begun the statement is lost (libpq)
    reader.interrupt()
    worker.join(5)
    assert time.perf_counter() - started < 3
    assert isinstance(outcome[0], HonoursError)
    assert registry.count() == 0  # the owner's connection still answers
    # the rest of an interrupted read is refused (it would keep the owner waiting) ...
    with pytest.raises(HonoursError):
        reader._q("SELECT 1")
    reader.resume()  # ... until its worker starts a new read
    assert reader._q("SELECT 1").fetchone() == (1,)

    # with the reader idle, an interrupt must not reach the owner's statement
    done: list[object] = []
    owner = threading.Thread(target=lambda: done.append(registry._q("SELECT pg_sleep(0.3), 1").fetchone()[1]))
    owner.start()
    time.sleep(0.1)
    reader.interrupt()
    owner.join(5)
    assert done == [1]


def test_the_reader_writes_nothing_and_ends_without_closing_the_connection(shared):
    registry, reader = shared
    with pytest.raises(ReadOnlyDatabaseError):
        reader.add(_person("王五"))
    with pytest.raises(ReadOnlyDatabaseError):
        reader._q("UPDATE honouree SET name = name")
    reader.close()
    assert registry.add(_person("王五")).id
    assert registry.count() == 1
