"""Derived columns and the full-text row of an honouree, recomputed on every write.

Search never scans deeds text per keystroke: everything a query can match is written
here, once, when a record changes (pinyin included, because converting names to pinyin
is too slow to do at query time).

How text becomes tokens (Chinese pairs, ASCII words, the phrase a query searches for)
is tokens.py. Pinyin of names and units is stored with every prefix of every reading
spelled out up to 12 letters (`s so son song …`), so a pinyin prefix is one exact token,
never a scan of the thousands of words that share it (longer prefixes are shared by few).
Units keep two readings, names every polyphonic one: unit pinyin was a fifth of all
tokens and most of the build time.

A second, small index holds names and their pinyin alone, for the name tiers of a
search. The FTS tables are contentless (it stores only the index, not a second copy of the text
in token form, which would triple the file); `honouree_search_source` keeps the plain
text each row was built from, because removing a row from a contentless index needs
the exact values it was added with.

`reindex` handles one record inside a write; `reindex_many` (imports) and `reindex_all`
(first start, migrations) work in batches with one query per table per batch, the
Python half computed by worker processes when there are thousands of records.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import sqlite3
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool as BrokenExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from ..fields import HONOUR
from ..i18n import SEPARATORS
from ..names import search_form
from ..pinyin import clear_caches, pinyin_tokens, sort_key
from ..tokens import grams
from ..vocabulary import CATEGORIES, LEVELS, STATUSES

POSTHUMOUS_WORD = HONOUR.field("posthumous").zh  # 追授: a search finds the posthumous honours by it

# The words a plain text search finds a status, category or level by (vocabulary.py).
STATUS_WORDS = {t.key: " ".join(t.searched) for t in STATUSES}
CATEGORY_WORDS = {t.key: " ".join(t.searched) for t in CATEGORIES}
LEVEL_WORDS = {t.key: " ".join(t.searched) for t in LEVELS}

FTS_COLUMNS = (
    "name",
    "pinyin",
    "unit",
    "unit_pinyin",
    "position",
    "region",
    "honours",
    "other",
    "deeds",
    "donations",
)
PINYIN_COLUMNS = ("pinyin", "unit_pinyin")
PINYIN_PREFIX_MAX = 12  # prefixes up to this long are tokens; longer ones use an FTS5 prefix scan
UNIT_PINYIN_VARIANTS = 2  # readings kept per unit (names keep every polyphonic reading)
BATCH = 1000
# Bump when the tokens or the layout change (benchmarks/ rebuilds its cached rolls); 2: merged segments.
INDEX_FORMAT = 2


def level_rank(level: str) -> int:
    """The level's place in the vocabulary's order; an unknown level ranks as 'other'."""
    return LEVELS.rank(level)


def _join(parts: Iterable[str | None]) -> str:
    return " ".join(p for p in parts if p)


@lru_cache(maxsize=50_000)
def _pinyin_base(text: str, variants: int) -> str:
    """Full and initials spellings of `text` (every reading, up to `variants` of each)."""
    full, initials = pinyin_tokens(text)
    return _join(full[:variants] + initials[:variants])


@lru_cache(maxsize=50_000)
def _pinyin_prefixes(base: str) -> str:
    """Every prefix of every spelling, so a typed prefix is one exact token."""
    seen: dict[str, None] = {}
    for word in base.split():
        for end in range(1, min(len(word), PINYIN_PREFIX_MAX) + 1):
            seen[word[:end]] = None
        if len(word) > PINYIN_PREFIX_MAX:
            seen[word] = None
    return " ".join(seen)


def _index_values(source: Sequence[str]) -> tuple[str, ...]:
    """The FTS row (tokens) for a source row (plain text, pinyin spellings)."""
    return tuple(
        _pinyin_prefixes(value) if column in PINYIN_COLUMNS else grams(value)
        for column, value in zip(FTS_COLUMNS, source, strict=False)
    )


_SOURCE_INSERT = (
    "INSERT INTO honouree_search_source (id, "
    + ", ".join(FTS_COLUMNS)
    + ") VALUES (?"
    + ", ?" * len(FTS_COLUMNS)
    + ")"
)
_FTS_INSERT = (
    "INSERT INTO honouree_fts (rowid, "
    + ", ".join(FTS_COLUMNS)
    + ") VALUES (?"
    + ", ?" * len(FTS_COLUMNS)
    + ")"
)
_NAME_INSERT = "INSERT INTO honouree_name_fts (rowid, name, pinyin) VALUES (?, ?, ?)"
_NAME_DELETE = (
    "INSERT INTO honouree_name_fts (honouree_name_fts, rowid, name, pinyin) VALUES ('delete', ?, ?, ?)"
)
_FTS_DELETE = (
    "INSERT INTO honouree_fts (honouree_fts, rowid, "
    + ", ".join(FTS_COLUMNS)
    + ") VALUES ('delete', ?"
    + ", ?" * len(FTS_COLUMNS)
    + ")"
)


@dataclass
class _Batch:
    """The stored facts of some honourees: one JSON array per table, as SQLite built it.

    SQLite assembles each array in C without holding the GIL; the worker thread turns
    them into Python values (json.loads, also C). Reading rows one by one cost the
    writing thread as much time as writing, all of it holding the GIL.
    """

    rows: str
    honours: str
    deeds: str
    donations: str
    photos: str


@dataclass
class _Rows:
    """What a batch writes: derived columns, source rows and their FTS rows."""

    derived: list[tuple]
    sources: list[tuple]
    index: list[tuple]


def _read(conn: sqlite3.Connection, where: str, params: Sequence[int]) -> _Batch:
    """Read the honourees `where` selects (a condition on honouree_id) and their children."""

    def array(columns: str, table: str, condition: str) -> str:
        return conn.execute(
            f"SELECT json_group_array(json_array({columns})) FROM {table} WHERE {condition}", params
        ).fetchone()[0]

    return _Batch(
        rows=array(FACT_COLUMNS["honouree"], "honouree", where.replace("honouree_id", "id")),
        honours=array(FACT_COLUMNS["honour"], "honour", where),
        deeds=array(FACT_COLUMNS["deed"], "deed", where),
        donations=array(FACT_COLUMNS["donation"], "donation", where),
        photos=array("honouree_id, -is_primary, position, id", "photo", where),
    )


# The stored facts a search row is computed from, per table, in the order _compute reads
# them (postgres/indexing.py reads the same columns).
FACT_COLUMNS = {
    "honouree": "id, name, unit, position, region, category, status, notes, ethnicity, deleted_at,"
    " native_place, id_number",
    "honour": "honouree_id, position, id, title, level, year, awarded_by, posthumous, revoked, document",
    "deed": "honouree_id, position, id, text",
    "donation": "honouree_id, position, id, amount_fen, item, recipient, note",
}


def id_number_words(number: str) -> str:
    """What a search finds an ID number by (id_numbers.search_key): the whole number and its
    last four, five and six characters, each a word of its own."""
    if not number:
        return ""
    return " ".join((number, number[-6:], number[-5:], number[-4:]))


def derived_values(
    name: str,
    honours: Sequence[tuple[str, str]],
    amounts_fen: Iterable[int | None],
    primary_photo_id: int | None,
    name_key: str | None = None,
) -> tuple[str, int, int, str, int | None]:
    """The honouree's columns kept for ordering and value filters: sort key (pinyin), best
    level's rank, donation total, its honours' titles, primary photo; from its stored facts
    (`honours` as (title, level) in order). `name_key`: the name's sort key, if already known."""
    return (
        sort_key(name) if name_key is None else name_key,
        min((level_rank(level) for _, level in honours), default=9),
        sum(fen or 0 for fen in amounts_fen),
        SEPARATORS["list"]["zh"].join(title for title, _ in honours),  # 、
        primary_photo_id,
    )


def _grouped(text: str) -> dict[int, list]:
    """Child rows by honouree, in stored order; each row without its sort keys
    (honouree, order, id), except photos, which keep their id."""
    rows = json.loads(text)
    rows.sort(key=lambda row: row[:3])
    grouped: dict[int, list] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row[3:])
    return grouped


def _compute(batch: _Batch, *, search_rows: bool = True) -> _Rows:
    """Derived columns and search rows of a batch (only the derived columns when not
    `search_rows`): pure Python, no database access."""
    derived: list[tuple] = []
    sources: list[tuple] = []
    all_honours, all_deeds = _grouped(batch.honours), _grouped(batch.deeds)
    all_donations = _grouped(batch.donations)
    all_photos: dict[int, list] = defaultdict(list)
    for honouree_id, _primary, _position, photo_id in sorted(json.loads(batch.photos)):
        all_photos[honouree_id].append((photo_id,))
    rows = sorted(json.loads(batch.rows))
    for hid, name, unit, position, region, category, status, notes, ethnicity, deleted_at, *archive in rows:
        native_place, id_number = archive
        honours = all_honours.get(hid, [])
        donations = all_donations.get(hid, [])
        photos = all_photos.get(hid)
        derived.append(
            (
                *derived_values(
                    name,
                    [(h[0], h[1]) for h in honours if not h[5]],  # a revoked honour does not count
                    [d[0] for d in donations],
                    photos[0][0] if photos else None,
                ),
                hid,
            )
        )
        if deleted_at is not None or not search_rows:
            continue  # the trash is not searched
        other = _join(
            [
                STATUS_WORDS.get(status, ""),
                CATEGORY_WORDS.get(category, category),
                ethnicity,
                notes,
                _join(LEVEL_WORDS.get(h[1], "") for h in honours),
                _join(h[3] for h in honours),
                POSTHUMOUS_WORD if any(h[4] for h in honours) else "",
                _join(h[6] for h in honours),
                native_place,
                id_number_words(id_number),
            ]
        )
        name = search_form(name)
        sources.append(
            (
                hid,
                name,
                _pinyin_base(name, 10_000),
                unit,
                _pinyin_base(unit, UNIT_PINYIN_VARIANTS),
                position,
                region,
                _join(h[0] for h in honours),
                other,
                _join(d[0] for d in all_deeds.get(hid, [])),
                _join(_join([d[1], d[2], d[3]]) for d in donations),
            )
        )
    return _Rows(derived, sources, [(s[0], *_index_values(s[1:])) for s in sources])


def _from_json(width: int) -> str:
    return ", ".join(f"value->>{i}" for i in range(width)) + " FROM json_each(?)"


# A batch goes to SQLite as one JSON array per table, written by one statement: SQLite
# then builds every row in C, instead of Python handing it row after row (executemany).
_DERIVED_JSON = (
    "UPDATE honouree SET sort_key = d.value->>0, level_rank = d.value->>1,"
    " donation_total_fen = d.value->>2, honours_text = d.value->>3, primary_photo_id = d.value->>4"
    " FROM json_each(?) AS d WHERE honouree.id = d.value->>5"
)
_SOURCE_JSON = (
    "INSERT INTO honouree_search_source (id, "
    + ", ".join(FTS_COLUMNS)
    + ") SELECT "
    + _from_json(len(FTS_COLUMNS) + 1)
)
_FTS_JSON = (
    "INSERT INTO honouree_fts (rowid, "
    + ", ".join(FTS_COLUMNS)
    + ") SELECT "
    + _from_json(len(FTS_COLUMNS) + 1)
)
_NAME_JSON = "INSERT INTO honouree_name_fts (rowid, name, pinyin) SELECT " + _from_json(3)


@dataclass
class _Encoded:
    """A computed batch as the JSON arrays its statements take (small to send between processes)."""

    count: int
    derived: str
    sources: str | None  # None: nothing to index (every record of the batch is in the trash)
    index: str
    names: str


def _encode(batch: _Batch) -> _Encoded:
    """Compute a batch and encode it for `_write`; pure Python, runs in a worker process."""
    rows = _compute(batch)

    def array(items: Iterable) -> str:
        return json.dumps(list(items), ensure_ascii=False)

    return _Encoded(
        len(rows.derived),
        array(rows.derived),
        array(rows.sources) if rows.sources else None,
        array(rows.index),
        array(row[:3] for row in rows.index),
    )


def _encode_derived(batch: _Batch) -> _Encoded:
    """Only the derived columns of a batch (a record queued for its search rows still
    needs its place in the roll's name order at once)."""
    rows = _compute(batch, search_rows=False)
    return _Encoded(len(rows.derived), json.dumps(rows.derived, ensure_ascii=False), None, "[]", "[]")


def _write(conn: sqlite3.Connection, encoded: _Encoded) -> None:
    conn.execute(_DERIVED_JSON, (encoded.derived,))
    if encoded.sources is not None:
        conn.execute(_SOURCE_JSON, (encoded.sources,))
        conn.execute(_FTS_JSON, (encoded.index,))
        conn.execute(_NAME_JSON, (encoded.names,))


def _unindex(conn: sqlite3.Connection, honouree_id: int) -> None:
    """Take one honouree out of the index, using the text it was indexed with."""
    row = conn.execute(
        "SELECT " + ", ".join(FTS_COLUMNS) + " FROM honouree_search_source WHERE id = ?", (honouree_id,)
    ).fetchone()
    if row is None:
        return
    values = _index_values(row)
    conn.execute(_FTS_DELETE, (honouree_id, *values))
    conn.execute(_NAME_DELETE, (honouree_id, *values[:2]))
    conn.execute("DELETE FROM honouree_search_source WHERE id = ?", (honouree_id,))


def _dequeue(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """Take indexed records off the queue (see index_queued)."""
    conn.execute(f"DELETE FROM search_queue WHERE honouree_id IN ({','.join('?' * len(ids))})", ids)


def _chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[start : start + BATCH] for start in range(0, len(ids), BATCH)]


def _read_ids(conn: sqlite3.Connection, chunk: Sequence[int]) -> _Batch:
    return _read(conn, f"honouree_id IN ({','.join('?' * len(chunk))})", chunk)


def _unindex_indexed(conn: sqlite3.Connection, chunk: Sequence[int]) -> None:
    """Take those of these honourees that are in the index out of it."""
    for (honouree_id,) in conn.execute(
        f"SELECT id FROM honouree_search_source WHERE id IN ({','.join('?' * len(chunk))})", chunk
    ).fetchall():
        _unindex(conn, honouree_id)


def reindex(conn: sqlite3.Connection, honouree_id: int) -> None:
    """Recompute one honouree's derived columns and search row (inside the caller's transaction)."""
    _unindex(conn, honouree_id)
    _dequeue(conn, [honouree_id])
    _write(conn, _encode(_read(conn, "honouree_id = ?", (honouree_id,))))


# -- many records at once ---------------------------------------------------------------------
#
# Turning text into tokens is Python (a core's worth of work at 100,000 records) and
# writing them is SQLite (another core's worth). Threads cannot share that out: the
# Python half holds the GIL and SQLite must win it back for every statement. So a large
# batch is computed in worker processes while this process reads and writes.

PARALLEL_MIN = 4000  # records; fewer are quicker done here than by starting worker processes
WORKERS = 2
# While rebuilding, FTS5 keeps up to this much new index in memory before writing a
# segment, and does not merge segments as it goes; merging them into one at the end
# (in steps, so progress keeps moving) makes common words about twice as quick to count.
# Both settings are stored in the table, so they are put back after.
_BULK_HASH_BYTES = 256 * 1024 * 1024
_DEFAULT_HASH_BYTES = 1024 * 1024
_DEFAULT_AUTOMERGE = 4
_MERGE_PAGES = 4000  # leaf pages merged per step
_MERGE_SHARE = 4  # progress: merging counts as a quarter of the records' work


_In = TypeVar("_In")
_Out = TypeVar("_Out")

_INDEXES = ("honouree_fts", "honouree_name_fts")  # constant names, never user text


def _fts_config(conn: sqlite3.Connection, key: str, value: int) -> None:
    for table in _INDEXES:
        conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES (?, ?)", (key, value))


@contextmanager
def _workers(total: int) -> Iterator[Executor | None]:
    """Worker processes for `total` records, or None to compute here (few records, one core,
    or a platform that cannot start processes)."""
    if total < PARALLEL_MIN or (os.cpu_count() or 1) < 2:
        yield None
        return
    try:
        # spawn, never fork: forking a process that runs Qt (or any threads) is unsafe.
        pool = ProcessPoolExecutor(max_workers=WORKERS, mp_context=multiprocessing.get_context("spawn"))
    except (OSError, ValueError, NotImplementedError):
        yield None
        return
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class _Pipeline(Generic[_In, _Out]):
    """Batches computed in order (search rows, derived columns, sort keys), by worker
    processes when there are any, else here.

    A worker that dies (killed, out of memory, no way to start one) costs speed, not the
    rebuild: its batch, and every later one, is computed in this process instead.
    """

    def __init__(self, pool: Executor | None, work: Callable[[_In], _Out]) -> None:
        self.pool = pool
        self.work = work
        self.pending: deque[tuple[_In, Future[_Out] | None]] = deque()

    def add(self, batch: _In) -> Iterator[_Out]:
        """Queue a batch; yields the batches that are ready to write, oldest first."""
        future = None
        if self.pool is not None:
            try:
                future = self.pool.submit(self.work, batch)
            except (BrokenExecutor, RuntimeError, OSError):
                self.pool = None
        self.pending.append((batch, future))
        while self.pending and (self.pool is None or len(self.pending) > WORKERS):
            yield self._next()

    def run(self, batches: Iterable[_In]) -> Iterator[_Out]:
        """Every batch computed, in order, each as soon as it is ready to write."""
        for batch in batches:
            yield from self.add(batch)
        while self.pending:
            yield self._next()

    def _next(self) -> _Out:
        batch, future = self.pending.popleft()
        if future is not None:
            try:
                return future.result()
            except (BrokenExecutor, OSError, EOFError, pickle.PicklingError):
                self.pool = None
        return self.work(batch)


def _index_batches(
    conn: sqlite3.Connection,
    batches: Iterable[_Batch],
    total: int,
    progress: Callable[[int, int], None] | None,
    scale: int,
) -> int:
    """Compute and write every batch (read lazily, so reading, computing and writing overlap)."""
    done = 0
    with _workers(total) as pool:
        for encoded in _Pipeline(pool, _encode).run(batches):
            _write(conn, encoded)
            done += encoded.count
            if progress:
                progress(done, scale)
    return done


def _merge_segments(
    conn: sqlite3.Connection, done: int, scale: int, progress: Callable[[int, int], None] | None
) -> None:
    """Merge each search index's segments into one, a step at a time (an incremental
    'optimize': FTS5's 'merge' with a negative page count)."""
    pages = sum(conn.execute(f"SELECT count(*) FROM {table}_data").fetchone()[0] for table in _INDEXES)
    steps = max(1, -(-pages // _MERGE_PAGES))
    step = 0
    for table in _INDEXES:
        while True:
            merged = _merge_step(conn, table)
            step += 1
            if progress:
                progress(min(scale - 1, done + (scale - done) * step // steps), scale)
            if not merged:
                break


def _merge_step(conn: sqlite3.Connection, table: str) -> bool:
    """Merge up to _MERGE_PAGES leaf pages of `table`'s segments; False when none were left
    to merge (FTS5's documented signal: the statement changed at most one row)."""
    before = conn.total_changes
    conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('merge', ?)", (-_MERGE_PAGES,))
    return conn.total_changes - before >= 2


def _bulk(
    conn: sqlite3.Connection,
    batches: Iterable[_Batch],
    total: int,
    progress: Callable[[int, int], None] | None,
    *,
    rebuild: bool,
) -> None:
    """Index many records with a large in-memory hash (few, large segments). A `rebuild`
    (an empty index filled) also stops merging as it goes and merges everything at the end;
    records added to a large index leave merging to FTS5's automerge, which touches only
    the new segments, not the whole index."""
    if total < PARALLEL_MIN:
        _index_batches(conn, batches, total, progress, total)
        return
    scale = total + total // _MERGE_SHARE if rebuild else total
    if rebuild:
        _fts_config(conn, "automerge", 0)
    _fts_config(conn, "hashsize", _BULK_HASH_BYTES)
    try:
        done = _index_batches(conn, batches, total, progress, scale)
        if rebuild:
            _merge_segments(conn, done, scale, progress)
    finally:
        clear_caches()
        _pinyin_base.cache_clear()
        _pinyin_prefixes.cache_clear()
    _fts_config(conn, "automerge", _DEFAULT_AUTOMERGE)
    _fts_config(conn, "hashsize", _DEFAULT_HASH_BYTES)


def reindex_many(
    conn: sqlite3.Connection, ids: Sequence[int], progress: Callable[[int, int], None] | None = None
) -> None:
    """`reindex` for many honourees at once (imports): a few queries per 1,000 records
    instead of a dozen per record, computed in worker processes when there are thousands."""
    ordered = sorted(set(ids))

    def batches() -> Iterator[_Batch]:
        for chunk in _chunks(ordered):
            _unindex_indexed(conn, chunk)
            _dequeue(conn, chunk)
            yield _read_ids(conn, chunk)

    _bulk(conn, batches(), len(ordered), progress, rebuild=False)
    if progress:
        progress(1, 1)


# -- records queued for their search rows -----------------------------------------------------
#
# Writing the search rows of 100,000 records is about twelve seconds of SQLite on one
# core, more than a whole import may take. A very large import therefore stores its
# records with their derived columns (so the roll shows them in name order at once) and
# queues them; `index_queued` then writes their search rows in steps of QUEUE_STEP
# records, each its own short transaction, so that the desktop app stays usable and other
# writers wait at most one step. Any write of a queued record indexes it and takes it off
# the queue; a step writes only records still queued, read inside its own transaction.

QUEUE_STEP = 5000


def derive_many(
    conn: sqlite3.Connection, ids: Sequence[int], progress: Callable[[int, int], None] | None = None
) -> None:
    """Derived columns only (sort key, best level, donation total, honours, photo) of many
    honourees, inside the caller's transaction; by worker processes when there are thousands."""
    ordered = sorted(set(ids))
    done = 0
    with _workers(len(ordered)) as pool:
        for encoded in _Pipeline(pool, _encode_derived).run(
            _read_ids(conn, chunk) for chunk in _chunks(ordered)
        ):
            conn.execute(_DERIVED_JSON, (encoded.derived,))
            done += encoded.count
            if progress:
                progress(done, len(ordered))


def _sort_keys(names: list[str]) -> list[str]:
    return [sort_key(name) for name in names]


def sort_keys_ahead(chunks: list[list[str]]) -> Iterator[list[str]]:
    """The sort keys of each chunk of names, in order, computed ahead by worker processes
    (pinyin is the costly part of storing a large import), else here as each is asked for."""
    with _workers(sum(map(len, chunks))) as pool:
        yield from _Pipeline(pool, _sort_keys).run(chunks)


def queue(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """Queue honourees for their search rows (inside the caller's transaction). Those
    already indexed (an import's updates) are taken out of the index first: a queued
    record is never in it, so its old text is not found either until its step commits."""
    ordered = sorted(set(ids))
    for chunk in _chunks(ordered):
        _unindex_indexed(conn, chunk)
    conn.executemany("INSERT OR IGNORE INTO search_queue (honouree_id) VALUES (?)", ((i,) for i in ordered))


def queued_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM search_queue").fetchone()[0]


def index_queued(
    conn: sqlite3.Connection,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> int:
    """Write the search rows of every queued honouree, QUEUE_STEP records per transaction
    (`conn` must not be in one); returns how many were indexed. `should_stop()` is asked
    between steps: what is done stays done, the rest stays queued. `progress(done, total)`."""
    if conn.in_transaction:
        raise RuntimeError("index_queued runs its own transactions")
    total = queued_count(conn)
    done = 0
    if not total:
        return 0
    with _workers(total) as pool:
        pipeline = _Pipeline(pool, _encode)
        while not (should_stop and should_stop()):
            with _step(conn):
                ids = [
                    r[0]
                    for r in conn.execute(
                        "SELECT honouree_id FROM search_queue ORDER BY 1 LIMIT ?", (QUEUE_STEP,)
                    )
                ]
                if not ids:
                    break
                # Like a rebuild: large segments, not merged as they come (a fifth quicker),
                # merged once the queue is empty; both settings are put back before COMMIT.
                _fts_config(conn, "hashsize", _BULK_HASH_BYTES)
                _fts_config(conn, "automerge", 0)
                for encoded in pipeline.run(_read_ids(conn, chunk) for chunk in _chunks(ids)):
                    _write(conn, encoded)  # a queued record is never in the index (see queue)
                conn.executemany("DELETE FROM search_queue WHERE honouree_id = ?", ((i,) for i in ids))
                _fts_config(conn, "hashsize", _DEFAULT_HASH_BYTES)
                _fts_config(conn, "automerge", _DEFAULT_AUTOMERGE)
            done += len(ids)
            if progress:
                progress(min(done, total), total)
    if done and not (should_stop and should_stop()):
        _merge_in_steps(conn, should_stop)
    return done


def _merge_in_steps(conn: sqlite3.Connection, should_stop: Callable[[], bool] | None) -> None:
    """Merge the segments the queue's steps wrote, each merge step its own short
    transaction (searches already find everything; this makes common words quicker to count)."""
    for table in _INDEXES:
        while not (should_stop and should_stop()):
            with _step(conn):
                merged = _merge_step(conn, table)
            if not merged:
                break


@contextmanager
def _step(conn: sqlite3.Connection) -> Iterator[None]:
    """One step of the queue's work as its own write transaction: committed when the block
    ends (also by `break`), rolled back when it raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def rewrite_sort_keys(conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None) -> None:
    """Store every honouree's sort key afresh (inside the caller's transaction): for files
    whose keys were written without the name that breaks ties between equal pinyin."""
    rows = conn.execute("SELECT id, name FROM honouree ORDER BY id").fetchall()
    for start in range(0, len(rows), BATCH * 10):
        chunk = rows[start : start + BATCH * 10]
        conn.executemany(
            "UPDATE honouree SET sort_key = ? WHERE id = ?", ((sort_key(n), i) for i, n in chunk)
        )
        if progress:
            progress(start + len(chunk), len(rows))


def reindex_all(conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None) -> None:
    """Rebuild derived columns and the whole search index (first start, migrations), in id
    ranges of BATCH records, one query per table per batch."""
    ids = [r[0] for r in conn.execute("SELECT id FROM honouree ORDER BY id")]
    for table in _INDEXES:
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
    conn.execute("DELETE FROM honouree_search_source")
    conn.execute("DELETE FROM search_queue")
    _bulk(
        conn,
        (_read(conn, "honouree_id BETWEEN ? AND ?", (chunk[0], chunk[-1])) for chunk in _chunks(ids)),
        len(ids),
        progress,
        rebuild=True,
    )
    if progress:
        progress(len(ids), len(ids))


# -- shared with the PostgreSQL backend ---------------------------------------------------------

StoredFacts = _Batch  # the stored facts of some honourees, one JSON array per table (see _read)
worker_processes = _workers  # worker processes for this many records, or None (few, or one core)
Pipeline = _Pipeline  # batches computed in order by the workers, or here


def computed_rows(facts: StoredFacts) -> tuple[list[tuple], list[tuple]]:
    """(derived rows, index rows) of some honourees, as this module writes them: derived
    rows are (sort_key, level_rank, donation_total_fen, honours_text, primary_photo_id, id);
    index rows are (id, tokens of each of FTS_COLUMNS as space-separated text), live records
    only. postgres/indexing.py stores the same tokens, so both backends find the same."""
    rows = _compute(facts)
    return rows.derived, rows.index
