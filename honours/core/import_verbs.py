"""Import verbs of the registry: a whole spreadsheet or export written in one transaction.

Kept apart from `registry.py` so that file stays about single records; `Registry` inherits
these. An import of 20,000 records or more stores the records and queues their search rows
(`indexing.queue`), which `index_queued` writes afterwards in short steps.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field

from .archive import refuse_shared_id_numbers
from .changes import Change, now
from .errors import ConflictError
from .fields import HONOUREE_FIELDS, WRITTEN_KINDS
from .photos import NewPhoto
from .records import Honouree
from .snapshots import added_snapshot_json
from .sqlite.indexing import (
    derive_many,
    derived_values,
    index_queued,
    queue,
    queued_count,
    reindex_many,
    sort_keys_ahead,
    year_levels,
)
from .sqlite.rows import (
    INSERT_CHILD_WITH_ID,
    UPDATE_HONOUREE,
    child_values,
    marks,
    stored_values,
)
from .validation import validate_record


@dataclass
class ImportItem:
    """One honouree of an import (spreadsheet, JSON export) and the photos to store with it.

    `photos` may be a generator, so that a sheet with hundreds of photos has them prepared
    one at a time inside the transaction instead of all held in memory at once.
    """

    record: Honouree
    photos: Iterable[NewPhoto] = ()
    checked: bool = False  # passed validate_record already (an import plan's), so not checked again


@dataclass
class KeptPhoto(NewPhoto):
    """A photo restored from an export as it was: its stored copies, order and date kept."""

    position: int = 0
    created_at: str = ""


@dataclass
class ImportOutcome:
    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    queued: bool = False  # the search rows are still to be written (`Registry.index_queued`)


# Imports of this many records get a larger page cache; below it the indexes their names and
# units go into fit the connection's own 2 MB.
IMPORT_CACHE_FROM = 20_000
IMPORT_CACHE_KIB = 64 * 1024
# Imports of this many records store them and queue their search rows, written after the
# import commits (see indexing.index_queued): writing 100,000 records' search rows takes
# longer than the rest of the import. Smaller imports are searchable when they commit.
QUEUE_INDEX_FROM = 20_000
IMPORT_CHUNK = 2000  # added records written per executemany
# Written with sqlite3's executemany, not sqlite-utils' insert_all, which was measurably slower
# on every table. benchmarks/bench_bulk_insert.py, 100,000 records (100,000 honourees, 166,599
# honours, 125,029 deeds, 17,166 donations, 100,000 history rows) into an empty registry in one
# transaction, one run of 3 turns on a shared 2-core machine at load average 8-10 (so slow in
# absolute terms; the ways took turns), medians: executemany 23.89 s; insert_all of the same
# tuples 42.28 s, with batch_size=999 41.25 s, of dicts 61.29 s; honourees alone 10.85 s
# against 22.71 s. The closest table, history, alone in 5 turns: executemany 7.03 s, insert_all
# 8.88 s, batch_size=999 9.45 s, insert_all slower in every turn. A second run at load 1.5-6.5:
# 12.33 s against 21.05 s, 21.43 s and 15.47 s (dicts; runs 12.8-36.7 s). ignore/replace do not apply:
# an import's ids are reserved, so a conflict is a fault to raise, not to skip or overwrite.


class ImportVerbs:
    """Mixed into Registry, whose connection, transactions, history, photos and events they use."""

    conn: sqlite3.Connection

    def apply_import(
        self,
        adds: list[ImportItem],
        updates: list[ImportItem] | None = None,
        *,
        keep_stamps: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportOutcome:
        """Write a whole import as ONE transaction: every add and update, or nothing at all.

        Why not add_many/update in a loop: at 100,000 rows their per-record read-back and
        snapshot cost more than the rest of the import. Here ids are reserved up front,
        honourees and their honours/deeds/donations go in with executemany, and the history
        snapshot of an added record is built from the record in memory. Updates (same name
        and unit as an existing record) keep the lost-update guard: a record changed since
        the preview was made raises ConflictError and nothing is written. `keep_stamps`
        (restoring an export) keeps each added record's created_at, updated_at and version,
        and each KeptPhoto's order, date and primary flag. `progress(done, total)` may raise
        (a Cancel button) to roll the whole import back.
        """
        updates = updates or []
        for item in [*adds, *updates]:
            if not item.checked:
                validate_record(item.record)
        self._id_numbers_free(adds, updates)
        self.backup_before("before-import")
        total, done = len(adds) + len(updates), 0
        # Progress runs over writing the records (one share) and indexing them (two shares,
        # about the time it takes), or, for an import whose search rows are queued, over
        # writing (four shares) and the derived columns (one).
        deferred = total >= QUEUE_INDEX_FROM
        share = 4 if deferred else 1  # the progress bar's steps per record written
        steps = 5 * total if deferred else 3 * total
        outcome = ImportOutcome()
        with self._import_cache(total), self.atomic():
            stamp = now()
            self._check_import_versions(updates)
            for item in updates:
                honouree = item.record
                before = self._snapshot(honouree.id)
                self.conn.execute(UPDATE_HONOUREE, (*stored_values(honouree), stamp, honouree.id))
                for kind in WRITTEN_KINDS:
                    self.conn.execute(f"DELETE FROM {kind.table} WHERE honouree_id = ?", (honouree.id,))
                self._write_children(honouree.id, honouree)
                for photo in item.photos:
                    self._insert_new_photo(honouree.id, photo)
                self._record(honouree.id, "update", before, self._snapshot(honouree.id))
                outcome.updated.append(honouree.id)
                done += 1
                if progress and done % 200 == 0:
                    progress(share * done, steps)
            next_id = self.conn.execute(
                "SELECT max(coalesce((SELECT max(id) FROM honouree), 0),"
                " coalesce((SELECT max(honouree_id) FROM history), 0)) + 1"
            ).fetchone()[0]
            chunks = [adds[start : start + IMPORT_CHUNK] for start in range(0, len(adds), IMPORT_CHUNK)]
            # Queued: the names' sort keys are computed ahead by worker processes, beside the writing.
            ahead = sort_keys_ahead(
                [[item.record.name.strip() for item in chunk] for chunk in chunks] if deferred else []
            )
            with closing(ahead):
                for number, chunk in enumerate(chunks):
                    start = number * IMPORT_CHUNK
                    ids = list(range(next_id + start, next_id + start + len(chunk)))
                    written = self._insert_import_rows(
                        ids, chunk, stamp, keep_stamps, next(ahead) if deferred else None
                    )
                    created = []
                    for honouree_id, item, (scalars, child_ids) in zip(ids, chunk, written, strict=False):
                        for photo in item.photos:
                            if isinstance(photo, KeptPhoto) and keep_stamps:
                                self._insert_kept_photo(honouree_id, photo)
                            else:
                                self._insert_new_photo(honouree_id, photo)
                        record = item.record
                        created.append(
                            (
                                honouree_id,
                                "create",
                                None,
                                added_snapshot_json(
                                    honouree_id,
                                    record,
                                    scalars,
                                    child_ids,
                                    self.photos(honouree_id) if item.photos else [],
                                    *_import_stamps(record, stamp, keep_stamps),
                                ),
                            )
                        )
                        done += 1
                        if progress and done % 200 == 0:
                            progress(share * done, steps)
                    self._write_history(created)
                    outcome.added.extend(ids)

            stored = [*outcome.updated, *outcome.added]

            def indexing(indexed: int, of: int) -> None:
                assert progress is not None
                progress(share * total + (steps - share * total) * indexed // max(of, 1), steps)

            if deferred:
                # Added records went in with their derived columns; updates and records with
                # photos (their primary photo) have them computed from what was stored.
                pictured = {i for i, item in zip(outcome.added, adds, strict=False) if item.photos}
                derive_many(self.conn, [*outcome.updated, *sorted(pictured)], indexing if progress else None)
                queue(self.conn, stored)
                outcome.queued = True
            else:  # all at once, so that a large import is indexed by worker processes
                reindex_many(self.conn, stored, indexing if progress else None)
            if progress:
                progress(steps, steps)
        if outcome.added:
            self._emit(Change("added", outcome.added))
        if outcome.updated:
            self._emit(Change("updated", outcome.updated))
        return outcome

    def queued_for_index(self) -> int:
        """How many honourees a large import left waiting for their search rows (a search
        does not find them yet)."""
        return queued_count(self.conn)

    def index_queued(
        self,
        progress: Callable[[int, int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> int:
        """Write the queued search rows, in steps that each commit (see indexing.index_queued);
        announces the indexed records as changed, so open searches can run again."""
        try:
            indexed = index_queued(self.conn, progress, should_stop)
        except sqlite3.OperationalError as exc:
            raise self._file_error(exc) from exc
        if indexed:
            self._emit(Change("indexed", []))
        return indexed

    @contextmanager
    def _import_cache(self, records: int) -> Iterator[None]:
        """SQLite's page cache at 64 MB while tens of thousands of records are imported, then as it was.

        The default 2 MB cannot hold the indexes that 100,000 new names and units spread over,
        so pages are written out and read back mid-transaction; with room for them the writing
        takes about a third less system time."""
        if records < IMPORT_CACHE_FROM:
            yield
            return
        previous = int(self.conn.execute("PRAGMA cache_size").fetchone()[0])
        self.conn.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {previous}")

    def _check_import_versions(self, updates: list[ImportItem]) -> None:
        """ConflictError if a record to update changed or was deleted since the import was planned."""
        for start in range(0, len(updates), 500):
            chunk = updates[start : start + 500]
            marks = ",".join("?" * len(chunk))
            stored = {
                r[0]: (r[1], r[2])
                for r in self.conn.execute(
                    f"SELECT id, version, deleted_at FROM honouree WHERE id IN ({marks})",
                    [item.record.id for item in chunk],
                )
            }
            for item in chunk:
                version, deleted_at = stored.get(item.record.id, (None, "gone"))
                if deleted_at is not None:
                    raise ConflictError(item.record.id, item.record.version, None, item.record.name)
                if version != item.record.version:
                    raise ConflictError(item.record.id, item.record.version, version, item.record.name)

    def _insert_import_rows(
        self,
        ids: list[int],
        items: list[ImportItem],
        stamp: str,
        keep_stamps: bool,
        name_keys: list[str] | None = None,
    ) -> list[tuple[tuple, list[range]]]:
        """Insert honourees under reserved ids and all their children with executemany; returns each
        record's `stored_values` and the ids of its honours, deeds and donations (WRITTEN_KINDS). `name_keys`
        (their names' sort keys): with their derived columns too (`indexing.derived_values`, the
        primary photo aside), for an import whose search rows are queued, instead of reading
        them back to compute them.

        Plain executemany, not sqlite-utils' insert_all: see the figures above IMPORT_CHUNK."""
        next_ids = {
            kind.key: self.conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {kind.table}").fetchone()[0]
            for kind in WRITTEN_KINDS
        }
        rows, written = import_rows(ids, items, stamp, keep_stamps, next_ids, name_keys)
        self.conn.executemany(insert_honourees_sql(name_keys is not None), rows["honouree"])
        for kind in WRITTEN_KINDS:
            self.conn.executemany(INSERT_CHILD_WITH_ID[kind.key], rows[kind.key])
        return written

    def _id_numbers_free(self, adds: list[ImportItem], updates: list[ImportItem]) -> None:
        """No ID number given to two live records (archive.refuse_shared_id_numbers)."""

        def holders(numbers: list[str]) -> Iterable[tuple[int, str, str]]:
            for start in range(0, len(numbers), 500):
                chunk = numbers[start : start + 500]
                yield from self.conn.execute(
                    "SELECT id, name, id_number FROM honouree WHERE deleted_at IS NULL AND id_number IN"
                    f" ({','.join('?' * len(chunk))})",
                    chunk,
                )

        records = [item.record for item in [*updates, *adds]]
        refuse_shared_id_numbers(records, {item.record.id for item in updates}, holders)

    def _insert_kept_photo(self, honouree_id: int, photo: KeptPhoto) -> int:
        prepared = photo.prepared
        cursor = self.conn.execute(
            "INSERT INTO photo (honouree_id, position, caption, is_primary, width, height, mime,"
            " original_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                honouree_id,
                photo.position,
                photo.caption or "",
                int(bool(photo.primary)),
                prepared.width,
                prepared.height,
                prepared.mime,
                prepared.original_name,
                photo.created_at or now(),
            ),
        )
        self.conn.execute(
            "INSERT INTO photo_data (photo_id, original, display, thumbnail) VALUES (?, ?, ?, ?)",
            (cursor.lastrowid, prepared.original, prepared.display, prepared.thumbnail),
        )
        return cursor.lastrowid

    def ids_by_name_and_unit(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[int]]:
        """Existing honourees for many (name, unit) pairs at once: an import's add/update split
        in a few queries instead of one `same_name_and_unit` per row."""
        wanted = {(name.strip(), unit.strip()) for name, unit in pairs}
        names = sorted({name for name, _ in wanted})
        found: dict[tuple[str, str], list[int]] = {}
        for start in range(0, len(names), 500):
            chunk = names[start : start + 500]
            for honouree_id, name, unit in self.conn.execute(
                f"SELECT id, name, unit FROM honouree WHERE deleted_at IS NULL"
                f" AND name IN ({','.join('?' * len(chunk))}) ORDER BY id",
                chunk,
            ):
                if (name, unit) in wanted:
                    found.setdefault((name, unit), []).append(honouree_id)
        return found


def _import_stamps(h: Honouree, stamp: str, keep_stamps: bool) -> tuple[int, str, str]:
    """(version, created_at, updated_at) of an imported record: its own when restoring an export."""
    if keep_stamps:
        return h.version or 1, h.created_at or stamp, h.updated_at or stamp
    return 1, stamp, stamp


DERIVED_COLUMNS = ("sort_key", "level_rank", "donation_total_fen", "honours_text", "year_levels")


def import_columns(derived: bool) -> list[str]:
    """The honouree columns an import writes, in the order of `import_rows`' tuples."""
    return ["id", *(f.column for f in HONOUREE_FIELDS), "created_at", "updated_at", "version"] + (
        list(DERIVED_COLUMNS) if derived else []
    )


def insert_honourees_sql(derived: bool) -> str:
    columns = import_columns(derived)
    return f"INSERT INTO honouree ({', '.join(columns)}) VALUES ({marks(len(columns))})"


def import_rows(
    ids: list[int],
    items: list[ImportItem],
    stamp: str,
    keep_stamps: bool,
    next_ids: dict[str, int],
    name_keys: list[str] | None = None,
) -> tuple[dict[str, list[tuple]], list[tuple[tuple, list[range]]]]:
    """The rows an import inserts for these records under reserved ids: honourees (by
    `import_columns`) under "honouree", each kind's rows (for INSERT_CHILD_WITH_ID) under its
    key, their child ids starting at `next_ids` (which is advanced); and each record's
    `stored_values` and child ids. Apart from the writing so that benchmarks/bench_bulk_insert.py
    times other ways of writing the very same rows."""
    rows: dict[str, list[tuple]] = {"honouree": [], **{kind.key: [] for kind in WRITTEN_KINDS}}
    written = []
    for number, (honouree_id, item) in enumerate(zip(ids, items, strict=False)):
        h = item.record
        version, created, updated = _import_stamps(h, stamp, keep_stamps)
        scalars = stored_values(h)
        row = (honouree_id, *scalars, created, updated, version)
        if name_keys is not None:
            row += derived_values(
                scalars[0],
                [(x.title.strip(), x.level) for x in h.honours if not x.revoked],
                [d.amount_fen for d in h.donations],
                None,
                name_keys[number],
            )[:4] + (year_levels((x.year, x.level) for x in h.honours if not x.revoked),)
        rows["honouree"].append(row)
        child_ids = []
        for kind in WRITTEN_KINDS:
            first = child_id = next_ids[kind.key]
            kind_rows = rows[kind.key]
            for i, x in enumerate(getattr(h, kind.key)):
                kind_rows.append((child_id, honouree_id, i, *child_values(kind, x)))
                child_id += 1
            next_ids[kind.key] = child_id
            child_ids.append(range(first, child_id))
        written.append((scalars, child_ids))
    return rows, written
