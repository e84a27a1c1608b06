"""Photo verbs of the registry: add, read, rotate, caption, reorder, remove.

Kept apart from `registry.py` so that file stays about records; `Registry` inherits these.
Every verb runs in the registry's transaction, bumps the record's version, records the
change in its history and tells subscribers, like any other write.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .changes import Change, now
from .errors import NotFoundError
from .photos import NewPhoto, PreparedPhoto, prepare_photo, rotate_jpeg
from .records import Honouree, Photo
from .sqlite.indexing import reindex

if TYPE_CHECKING:
    import sqlite3

PHOTO_KINDS = ("original", "display", "thumbnail")


class PhotoVerbs:
    """Mixed into Registry, whose connection, transactions, history and events they use."""

    conn: sqlite3.Connection

    def photos(self, honouree_id: int) -> list[Photo]:
        return [
            Photo(
                id=r[0],
                caption=r[1],
                primary=bool(r[2]),
                width=r[3],
                height=r[4],
                mime=r[5],
                original_name=r[6],
                position=r[7],
            )
            for r in self.conn.execute(
                "SELECT id, caption, is_primary, width, height, mime, original_name, position FROM photo"
                " WHERE honouree_id = ? ORDER BY position, id",
                (honouree_id,),
            )
        ]

    def add_photo(
        self,
        honouree_id: int,
        source: str | Path | bytes | PreparedPhoto,
        *,
        caption: str = "",
        primary: bool = False,
        name: str = "",
    ) -> Photo:
        """Check, normalise and store an image; nothing is stored if it is rejected."""
        prepared = source if isinstance(source, PreparedPhoto) else prepare_photo(source, name)
        with self.atomic():
            if not self.exists(honouree_id):
                raise NotFoundError("honouree", honouree_id)
            before = self._snapshot(honouree_id)
            photo_id = self._insert_photo(honouree_id, prepared, caption, primary)
            self._touch(honouree_id, before)
            added = next(p for p in self.photos(honouree_id) if p.id == photo_id)
        self._emit(Change("updated", [honouree_id]))
        return added

    def _insert_photo(self, honouree_id: int, prepared: PreparedPhoto, caption: str, primary: bool) -> int:
        existing = self.conn.execute(
            "SELECT count(*), coalesce(max(position), -1) FROM photo WHERE honouree_id = ?", (honouree_id,)
        ).fetchone()
        primary = primary or existing[0] == 0
        if primary:
            self.conn.execute("UPDATE photo SET is_primary = 0 WHERE honouree_id = ?", (honouree_id,))
        cursor = self.conn.execute(
            "INSERT INTO photo (honouree_id, position, caption, is_primary, width, height, mime,"
            " original_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                honouree_id,
                existing[1] + 1,
                caption,
                int(primary),
                prepared.width,
                prepared.height,
                prepared.mime,
                prepared.original_name,
                now(),
            ),
        )
        self.conn.execute(
            "INSERT INTO photo_data (photo_id, original, display, thumbnail) VALUES (?, ?, ?, ?)",
            (cursor.lastrowid, prepared.original, prepared.display, prepared.thumbnail),
        )
        return cursor.lastrowid

    def _insert_new_photo(self, honouree_id: int, photo: NewPhoto) -> int:
        photo_id = self._insert_photo(honouree_id, photo.prepared, photo.caption, photo.primary)
        if photo.rotation % 360:
            self._rotate(photo_id, photo.rotation)
        return photo_id

    def photo_bytes(self, photo_id: int, kind: str = "display") -> bytes:
        if kind not in PHOTO_KINDS:
            raise ValueError(kind)
        row = self.conn.execute(f"SELECT {kind} FROM photo_data WHERE photo_id = ?", (photo_id,)).fetchone()
        if row is None:
            raise NotFoundError("photo", photo_id)
        return bytes(row[0])

    def photo_owner(self, photo_id: int) -> int:
        row = self.conn.execute("SELECT honouree_id FROM photo WHERE id = ?", (photo_id,)).fetchone()
        if row is None:
            raise NotFoundError("photo", photo_id)
        return row[0]

    def remove_photo(self, photo_id: int) -> None:
        owner = self.photo_owner(photo_id)
        with self.atomic():
            before = self._snapshot(owner)
            was_primary = self.conn.execute(
                "SELECT is_primary FROM photo WHERE id = ?", (photo_id,)
            ).fetchone()[0]
            self.conn.execute("DELETE FROM photo WHERE id = ?", (photo_id,))
            if was_primary:
                self.conn.execute(
                    "UPDATE photo SET is_primary = 1 WHERE id = (SELECT id FROM photo WHERE honouree_id = ?"
                    " ORDER BY position, id LIMIT 1)",
                    (owner,),
                )
            self._touch(owner, before)
        self._emit(Change("updated", [owner]))

    def set_primary_photo(self, photo_id: int) -> None:
        owner = self.photo_owner(photo_id)
        with self.atomic():
            before = self._snapshot(owner)
            self.conn.execute(
                "UPDATE photo SET is_primary = (id = ?) WHERE honouree_id = ?", (photo_id, owner)
            )
            self._touch(owner, before)
        self._emit(Change("updated", [owner]))

    def set_photo_caption(self, photo_id: int, caption: str) -> None:
        owner = self.photo_owner(photo_id)
        with self.atomic():
            before = self._snapshot(owner)
            self.conn.execute("UPDATE photo SET caption = ? WHERE id = ?", (caption, photo_id))
            self._touch(owner, before)
        self._emit(Change("updated", [owner]))

    def rotate_photo(self, photo_id: int, degrees: int = 90) -> None:
        """Rotate the display copy and thumbnail; the original stays as it was received."""
        owner = self.photo_owner(photo_id)
        with self.atomic():
            before = self._snapshot(owner)
            self._rotate(photo_id, degrees)
            self._touch(owner, before)
        self._emit(Change("updated", [owner]))

    def _rotate(self, photo_id: int, degrees: int) -> None:
        if degrees % 360 == 0:
            return
        row = self.conn.execute(
            "SELECT display, thumbnail FROM photo_data WHERE photo_id = ?", (photo_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError("photo", photo_id)
        self.conn.execute(
            "UPDATE photo_data SET display = ?, thumbnail = ? WHERE photo_id = ?",
            (rotate_jpeg(row[0], degrees), rotate_jpeg(row[1], degrees), photo_id),
        )
        if degrees % 180:
            self.conn.execute("UPDATE photo SET width = height, height = width WHERE id = ?", (photo_id,))

    def _sync_photo_metadata(self, honouree: Honouree) -> None:
        """Captions, primary flag and order as edited; photos missing from the list are removed."""
        keep = [p for p in honouree.photos if p.id is not None]
        ids = [p.id for p in keep]
        marks = ",".join("?" * len(ids))
        if ids:
            self.conn.execute(
                f"DELETE FROM photo WHERE honouree_id = ? AND id NOT IN ({marks})", (honouree.id, *ids)
            )
        else:
            self.conn.execute("DELETE FROM photo WHERE honouree_id = ?", (honouree.id,))
        primary_id = next((p.id for p in keep if p.primary), ids[0] if ids else None)
        for position, photo in enumerate(keep):
            self.conn.execute(
                "UPDATE photo SET caption = ?, position = ?, is_primary = ? WHERE id = ? AND honouree_id = ?",
                (photo.caption or "", position, int(photo.id == primary_id), photo.id, honouree.id),
            )

    def _touch(self, honouree_id: int, before: dict) -> None:
        """Bump the version of a record whose photos changed, and record it in its history."""
        self.conn.execute(
            "UPDATE honouree SET updated_at = ?, version = version + 1 WHERE id = ?", (now(), honouree_id)
        )
        reindex(self.conn, honouree_id)
        self._record(honouree_id, "update", before, self._snapshot(honouree_id))
