"""Merging two records of one person (档案合并) and undoing it; what duplicate matching reads.

Kept apart from `registry.py` so that file stays about single records; `Registry` inherits
these. A merge is ONE transaction: the kept record gets what the other adds (honours,
deeds, donations it lacks, empty fields filled: `record_merge.combine`) and the other's
photos; the other goes to the trash. Both records' history says so (an edit of the kept
record, the other moved to the trash), and both are checked against the versions the
person saw, so a record someone changed meanwhile is never merged silently (ConflictError).
`undo_merge` puts everything back, again in one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from .changes import Change, now
from .errors import ConflictError, InvalidRecordError, NotFoundError
from .fields import WRITTEN_KINDS
from .i18n import Text
from .record_merge import Conflict, clone, combine
from .records import Honouree
from .sqlite.indexing import reindex
from .sqlite.rows import UPDATE_HONOUREE, stored_values
from .validation import validate_record


class MatchFields(NamedTuple):
    """What duplicate matching reads of a live record."""

    id: int
    name: str
    unit: str
    position: str
    birth_date: str
    notes: str
    id_number: str = ""


@dataclass
class MergeOutcome:
    """What `Registry.merge` did, enough to undo it."""

    kept: int
    merged: int  # the other record, now in the trash
    conflicts: list[Conflict]
    kept_before: Honouree  # the kept record as it was, to undo
    moved_photos: list[tuple[int, int, bool]] = field(
        default_factory=list
    )  # (photo id, position, primary) on the other
    kept_version: int = 0  # both records' versions after the merge: undo refuses if either changed since
    merged_version: int = 0


class MergeVerbs:
    """Mixed into Registry, whose connection, transactions, history and events they use."""

    conn: sqlite3.Connection

    def match_fields(
        self, names: Iterable[str] | None = None, id_numbers: Iterable[str] = ()
    ) -> list[MatchFields]:
        """Name, unit, position, birth date, notes and ID number of every live record (or of those
        with these names, and those with these ID numbers whatever their names)."""
        query = "SELECT id, name, unit, position, birth_date, notes, id_number FROM honouree WHERE deleted_at IS NULL"
        if names is None:
            return [MatchFields(*row) for row in self.conn.execute(query + " ORDER BY id")]
        wanted = sorted({n.strip() for n in names if n.strip()})
        found: list[MatchFields] = []
        numbers = sorted({n for n in id_numbers if n})
        for start in range(0, len(numbers), 500):
            chunk = numbers[start : start + 500]
            found.extend(
                MatchFields(*row)
                for row in self.conn.execute(
                    query + f" AND id_number IN ({','.join('?' * len(chunk))}) ORDER BY id", chunk
                )
            )
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            found.extend(
                MatchFields(*row)
                for row in self.conn.execute(
                    query + f" AND name IN ({','.join('?' * len(chunk))}) ORDER BY id", chunk
                )
            )
        return found

    def merge(
        self,
        keep_id: int,
        other_id: int,
        *,
        keep_version: int | None = None,
        other_version: int | None = None,
        take: Collection[str] | None = None,
    ) -> MergeOutcome:
        """Merge record `other_id` into `keep_id` in one transaction (see the module's rules).

        `keep_version`/`other_version`: the versions the person saw; ConflictError if either
        record changed or was deleted since. `take`: conflicting fields where the other's
        value wins (None: `record_merge.default_take`).
        """
        if keep_id == other_id:
            raise InvalidRecordError(Text("a record cannot be merged with itself"))
        with self.atomic():
            keep = self._live(keep_id, keep_version)
            other = self._live(other_id, other_version)
            merged = clone(keep)
            conflicts = combine(merged, other, take)
            validate_record(merged)
            kept_before = self._snapshot(keep_id)
            other_before = self._snapshot(other_id)
            stamp = now()
            self._write_record(merged, stamp)
            has_primary = any(p.primary for p in keep.photos)
            start = max((p.position for p in keep.photos), default=-1) + 1
            moved = []
            for offset, photo in enumerate(other.photos):
                assert photo.id is not None
                moved.append((photo.id, photo.position, photo.primary))
                self.conn.execute(
                    "UPDATE photo SET honouree_id = ?, position = ?, is_primary = ? WHERE id = ?",
                    (keep_id, start + offset, int(photo.primary and not has_primary), photo.id),
                )
            self.conn.execute(
                "UPDATE honouree SET deleted_at = ?, version = version + 1 WHERE id = ?", (stamp, other_id)
            )
            reindex(self.conn, keep_id)
            reindex(self.conn, other_id)
            self._record_many(
                [
                    (keep_id, "update", kept_before, self._snapshot(keep_id)),
                    (other_id, "delete", other_before, None),
                ]
            )
            versions = dict(
                self.conn.execute(
                    "SELECT id, version FROM honouree WHERE id IN (?, ?)", (keep_id, other_id)
                ).fetchall()
            )
        self._emit(Change("updated", [keep_id]))
        self._emit(Change("deleted", [other_id]))
        return MergeOutcome(keep_id, other_id, conflicts, keep, moved, versions[keep_id], versions[other_id])

    def undo_merge(self, outcome: MergeOutcome) -> MergeOutcome:
        """Put a merge back: the other record out of the trash with its photos, the kept record as
        it was; ConflictError if either changed since the merge. Returns the outcome with both
        records' new versions (so that the merge can be done again)."""
        keep_id, other_id = outcome.kept, outcome.merged
        with self.atomic():
            row = self.conn.execute(
                "SELECT version, deleted_at FROM honouree WHERE id = ?", (keep_id,)
            ).fetchone()
            if row is None or row[1] is not None or row[0] != outcome.kept_version:
                raise ConflictError(
                    keep_id,
                    outcome.kept_version,
                    None if row is None or row[1] else row[0],
                    outcome.kept_before.name,
                )
            row = self.conn.execute(
                "SELECT version, deleted_at FROM honouree WHERE id = ?", (other_id,)
            ).fetchone()
            if row is None or row[1] is None or row[0] != outcome.merged_version:
                raise ConflictError(other_id, outcome.merged_version, None if row is None else row[0])
            kept_now = self._snapshot(keep_id)
            for photo_id, position, primary in outcome.moved_photos:
                self.conn.execute(
                    "UPDATE photo SET honouree_id = ?, position = ?, is_primary = ?"
                    " WHERE id = ? AND honouree_id = ?",
                    (other_id, position, int(primary), photo_id, keep_id),
                )
            stamp = now()
            self.conn.execute(
                "UPDATE honouree SET deleted_at = NULL, version = version + 1, updated_at = ? WHERE id = ?",
                (stamp, other_id),
            )
            before = clone(outcome.kept_before)
            self._write_record(before, stamp)
            reindex(self.conn, keep_id)
            reindex(self.conn, other_id)
            self._record_many(
                [
                    (keep_id, "update", kept_now, self._snapshot(keep_id)),
                    (other_id, "restore", None, self._snapshot(other_id)),
                ]
            )
            versions = dict(
                self.conn.execute(
                    "SELECT id, version FROM honouree WHERE id IN (?, ?)", (keep_id, other_id)
                ).fetchall()
            )
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

    def _live(self, honouree_id: int, version: int | None) -> Honouree:
        """The stored record; ConflictError if it is not the version given (or was deleted)."""
        row = self.conn.execute(
            "SELECT version, deleted_at FROM honouree WHERE id = ?", (honouree_id,)
        ).fetchone()
        if row is None or row[1] is not None:
            if version is not None and row is not None:
                raise ConflictError(honouree_id, version, None)
            raise NotFoundError("honouree", honouree_id)
        record = self.honouree(honouree_id)
        if version is not None and row[0] != version:
            raise ConflictError(honouree_id, version, row[0], record.name)
        return record

    def _write_record(self, record: Honouree, stamp: str) -> None:
        """A record's fields, honours, deeds and donations over the stored ones (photos untouched)."""
        assert record.id is not None
        self.conn.execute(UPDATE_HONOUREE, (*stored_values(record), stamp, record.id))
        for kind in WRITTEN_KINDS:
            self.conn.execute(f"DELETE FROM {kind.table} WHERE honouree_id = ?", (record.id,))
        self._write_children(record.id, record)
