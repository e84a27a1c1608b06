"""Verbs every backend shares because they are made of other verbs, not of SQL.

A partial edit (the CLI's, intake's), keeping mine over a conflict, going back to a version
in the history, and the history's snapshots are the same on a file and on a server: they
read and write only through `honouree`, `photos`, `update`, `restore`, `atomic` and two
small reads each backend provides (`_history_row`, `_in_trash`) and write history through
its `_write_history`. The file's Registry (registry.py) and the server's ServerRegistry
(postgres/registry.py) both inherit them, so the rules live once.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import TYPE_CHECKING

from .entry import tidy_given
from .errors import InvalidRecordError
from .i18n import Joined, Text
from .records import Honouree
from .snapshots import to_json
from .validation import _validate

if TYPE_CHECKING:
    from .photos import NewPhoto
    from .records import Photo


class RecordVerbs:
    """Mixed into each backend's registry; the methods named below are the backend's."""

    if TYPE_CHECKING:  # provided by the backend

        def honouree(self, honouree_id: int, *, include_deleted: bool = False) -> Honouree: ...
        def photos(self, honouree_id: int) -> list[Photo]: ...
        def restore(self, honouree_id: int) -> Honouree: ...
        def atomic(self) -> AbstractContextManager[None]: ...
        def update(
            self,
            honouree: Honouree,
            *,
            check_version: bool = True,
            new_photos: list[NewPhoto] | None = None,
            rotations: dict[int, int] | None = None,
        ) -> Honouree: ...
        def _history_row(self, history_id: int) -> tuple[int, str | None, str | None]:
            """(honouree id, after JSON, before JSON) of a history entry; NotFoundError if none."""

        def _in_trash(self, honouree_id: int) -> bool:
            """Whether the record is in the trash; NotFoundError if there is no such record."""

        def _write_history(self, entries: list[tuple[int, str, str | None, str | None]]) -> None: ...

    def edit(self, honouree_id: int, changes: dict, notes: list | None = None) -> Honouree:
        """Apply a partial JSON-shaped change (the CLI's `edit`), tidied as `entry.tidy_given`
        tidies what a person writes; what tidying did is added to `notes` when given."""
        current = self.honouree(honouree_id).to_dict()
        unknown = set(changes) - set(current)
        if unknown:
            raise InvalidRecordError(
                Text("unknown field(s): {fields}", fields=Joined(sorted(unknown), "list"))
            )
        current.update(changes)
        current["photos"] = [p.__dict__ for p in self.photos(honouree_id)]
        try:
            honouree = Honouree.from_dict(current)
        except (ValueError, TypeError) as exc:  # RecordValueError and AmountError carry their Chinese
            raise InvalidRecordError(str(exc), getattr(exc, "zh", None)) from exc
        tidied = tidy_given(honouree, changes)
        if notes is not None:
            notes.extend(tidied)
        return self.update(honouree, check_version=False)

    def revert_to(self, history_id: int) -> Honouree:
        """Make the version saved by a history entry current again (itself a new change).

        Fields, honours, deeds and donations come back as they were; a record in the trash
        is restored first, all in one transaction. Photos cannot travel back in time (the
        history keeps their captions, not their images): photos that still exist get their
        caption and primary flag back, and photos added since stay.
        """
        import json

        honouree_id, after, before = self._history_row(history_id)
        snapshot = json.loads(after or before or "{}")
        with self.atomic():
            current = self.honouree(honouree_id, include_deleted=True)
            if self._in_trash(honouree_id):
                self.restore(honouree_id)
                current = self.honouree(honouree_id)
            then = {p["id"]: p for p in snapshot.get("photos") or [] if p.get("id") is not None}
            for photo in current.photos:
                if photo.id in then:
                    photo.caption = then[photo.id].get("caption") or ""
                    photo.primary = bool(then[photo.id].get("primary"))
            snapshot["photos"] = [p.__dict__ for p in current.photos]
            honouree = Honouree.from_dict(
                {k: v for k, v in snapshot.items() if k not in ("created_at", "updated_at")}
            )
            honouree.id = current.id
            honouree.version = current.version
            return self.update(honouree)

    def overwrite(
        self,
        mine: Honouree,
        *,
        original_photo_ids: Iterable[int] | None = None,
        new_photos: list[NewPhoto] | None = None,
        rotations: dict[int, int] | None = None,
    ) -> Honouree:
        """Resolve an edit conflict by keeping mine: save it over whatever is stored now.

        Fields, honours, deeds and donations become mine; the version it replaces stays in
        the history. Photos are never lost to a conflict: a photo someone else added
        meanwhile is kept (only photos that were in `original_photo_ids`, i.e. that I had
        open and removed, are dropped; without it no stored photo is dropped), and a record
        deleted meanwhile is brought back from the trash first.
        """
        if mine.id is None:
            raise InvalidRecordError(Text("an honouree without an id cannot be updated"))
        _validate(mine)
        with self.atomic():
            if self._in_trash(mine.id):
                self.restore(mine.id)
            current = self.honouree(mine.id)
            stored = {p.id for p in current.photos}
            listed = {p.id for p in mine.photos if p.id is not None}
            opened = set(original_photo_ids) if original_photo_ids is not None else set()
            photos = [p for p in mine.photos if p.id in stored]
            photos += [p for p in current.photos if p.id not in listed and p.id not in opened]
            merged = replace(mine, photos=photos, version=current.version)
            kept_rotations = {k: v for k, v in (rotations or {}).items() if k in stored}
            return self.update(merged, new_photos=new_photos, rotations=kept_rotations)

    def _snapshot(self, honouree_id: int) -> dict:
        """A record as its history keeps it (photos without their order)."""
        data = self.honouree(honouree_id, include_deleted=True).to_dict()
        data["photos"] = [{k: v for k, v in p.items() if k != "position"} for p in data["photos"]]
        return data

    def _record(self, honouree_id: int, action: str, before: dict | None, after: dict | None) -> None:
        self._record_many([(honouree_id, action, before, after)])

    def _record_many(self, entries: list[tuple[int, str, dict | None, dict | None]]) -> None:
        """History entries (honouree id, action, before, after) written with one statement and
        one time and user for all: an import of 100,000 records is one moment of one user."""
        self._write_history(
            [
                (honouree_id, action, to_json(before) if before else None, to_json(after) if after else None)
                for honouree_id, action, before, after in entries
            ]
        )
