"""Care verbs of the registry: one care event recorded for many people at once (a batch of
2027年春节慰问, 500元 each) and taken back again, and who is due care.

Kept apart from `registry.py` like the photo and merge verbs; `Registry` inherits these. A
batch is one transaction: every person gets the record, a history entry and a new version,
or nobody does; subscribers hear of it once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from .care import DueList, DuePeriods
from .changes import Change, now
from .errors import ConflictError, InvalidRecordError, NotFoundError
from .fields import CARE
from .i18n import Text, quoted
from .records import Care, Honouree
from .sqlite.care import due as due_sql
from .sqlite.rows import INSERT_CHILD, child_values
from .validation import _validate

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable
    from contextlib import AbstractContextManager


def snapshot_of(record: Honouree) -> dict:
    """The history snapshot of a record as read (what Registry._snapshot reads from the store)."""
    data = record.to_dict()
    data["photos"] = [{k: v for k, v in p.items() if k != "position"} for p in data["photos"]]
    return data


class CareVerbs:
    """Mixed into Registry, whose connection, transactions, history and events they use."""

    conn: sqlite3.Connection
    atomic: Callable[[], AbstractContextManager[None]]
    honouree: Callable[..., Honouree]
    exists: Callable[[int], bool]
    _write_update: Callable[..., Honouree]
    _emit: Callable[[Change], None]
    _snapshot: Callable[[int], dict]
    _record: Callable[..., None]

    def add_care(
        self, ids: Iterable[int], care: Care, *, versions: Mapping[int, int] | None = None
    ) -> dict[int, int]:
        """Record the same care event (a copy of `care`) for every honouree of `ids`, in one
        transaction. `versions` (id → the version the caller saw) turns a record changed or
        deleted meanwhile into a ConflictError with nothing saved. Returns each honouree's id
        and the id of its new care record (what `remove_care` takes back)."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        added: dict[int, int] = {}
        with self.atomic():
            for honouree_id in ids:
                current = self._current(honouree_id, versions)
                before = snapshot_of(current)
                new = replace(care, id=None)
                current.care.append(new)
                _validate(current)
                # Only the new row and the record's version and time are written: care is in
                # neither the search index nor the derived columns, so nothing else changes
                # (rewriting every list and the index took 13 ms a person).
                cursor = self.conn.execute(
                    INSERT_CHILD[CARE.key], (honouree_id, len(current.care) - 1, *child_values(CARE, new))
                )
                self.conn.execute(
                    "UPDATE honouree SET updated_at = ?, version = version + 1 WHERE id = ?",
                    (now(), honouree_id),
                )
                self._record(honouree_id, "update", before, self._snapshot(honouree_id))
                added[honouree_id] = cursor.lastrowid  # type: ignore[assignment]
        self._emit(Change("updated", list(added)))
        return added

    def remove_care(
        self, care_ids: Mapping[int, Collection[int]], *, versions: Mapping[int, int] | None = None
    ) -> list[Honouree]:
        """Take care records away (honouree id → its care ids), in one transaction: the undo of
        a batch. Returns the records as saved."""
        saved: list[Honouree] = []
        with self.atomic():
            for honouree_id, gone in care_ids.items():
                current = self._current(honouree_id, versions)
                gone = set(gone)
                if not any(c.id in gone for c in current.care):
                    continue
                before = snapshot_of(current)
                self.conn.executemany(
                    f"DELETE FROM {CARE.table} WHERE id = ? AND honouree_id = ?",
                    [(care_id, honouree_id) for care_id in gone],
                )
                self.conn.execute(
                    "UPDATE honouree SET updated_at = ?, version = version + 1 WHERE id = ?",
                    (now(), honouree_id),
                )
                self._record(honouree_id, "update", before, self._snapshot(honouree_id))
                saved.append(self.honouree(honouree_id))
        if saved:
            self._emit(Change("updated", [h.id for h in saved if h.id is not None]))
        return saved

    def _current(self, honouree_id: int, versions: Mapping[int, int] | None) -> Honouree:
        current = self.honouree(honouree_id, include_deleted=True)
        expected = (versions or {}).get(honouree_id)
        deleted = not self.exists(honouree_id)
        if expected is not None and (deleted or current.version != expected):
            raise ConflictError(honouree_id, expected, None if deleted else current.version, current.name)
        if deleted:
            raise NotFoundError("honouree", honouree_id)
        return current

    def due(
        self,
        kind: str,
        year: int | None = None,
        periods: DuePeriods | None = None,
        *,
        today: date | None = None,
        everyone: bool = False,
    ) -> DueList:
        """Who is due `kind` (visit, checkup, recuperation, aid, stale) in `year`: core/care.py
        and sqlite/care.py say by which rules."""
        try:
            return due_sql(self.conn, kind, year, periods, today=today, everyone=everyone)
        except ValueError:
            raise InvalidRecordError(
                Text("unknown kind {kind}: use visit, checkup, recuperation, aid or stale", kind=quoted(kind))
            ) from None
