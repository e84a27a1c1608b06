"""Undoable operations of the main window: save an edit, add an honouree, delete or merge
honourees, set fields on several at once (batch edit).

Each command runs its core operation once in `apply()` *before* it is pushed, so a
refused save (invalid record, someone else's newer version) raises to the caller and
leaves the undo stack untouched; the stack's first `redo()` is then a no-op.

Undo and redo are themselves saves through the core, so they record history and notify
every view. They check that the record is still the version they left; if someone else
changed it meanwhile, they report the conflict and drop themselves from the stack rather
than overwrite that work.

Photos: an edit may remove photos, and undo must bring them back, so a command keeps the
stored bytes of every photo it removes and re-adds them (as new photos) when undone.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ..core import Care, ConflictError, Honouree, HonoursError, Photo, Registry
from ..core.merge_verbs import MergeOutcome
from ..core.photos import NewPhoto, PreparedPhoto

ErrorHandler = Callable[[HonoursError], None]


translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls


def _ignore(error: HonoursError) -> None:
    pass


class _RegistryCommand(QUndoCommand):
    """Shared plumbing: the first redo() was done by apply(); failures drop the command."""

    def __init__(self, registry: Registry, text: str, on_error: ErrorHandler | None) -> None:
        super().__init__(text)
        self.registry = registry
        self.on_error = on_error or _ignore
        self._applied_once = False

    def redo(self) -> None:
        if not self._applied_once:
            self._applied_once = True
            return
        self._guarded(self._redo)

    def undo(self) -> None:
        self._guarded(self._undo)

    def _guarded(self, action: Callable[[], None]) -> None:
        try:
            action()
        except HonoursError as error:
            self.setObsolete(True)  # the stack deletes a command made obsolete in undo/redo
            self.on_error(error)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class SaveEditCommand(_RegistryCommand):
    """An edit saved from the edit dialog; undo restores the version before it."""

    def __init__(
        self,
        registry: Registry,
        before: Honouree,
        after: Honouree,
        new_photos: list[NewPhoto] | None = None,
        rotations: dict[int, int] | None = None,
        on_error: ErrorHandler | None = None,
        *,
        overwrite: bool = False,
    ) -> None:
        """`overwrite`: save over a version someone else saved meanwhile (after asking the user)."""
        super().__init__(registry, translate("UndoCommands", "Edit “%1”").replace("%1", after.name), on_error)
        if before.id is None or before.id != after.id:
            raise ValueError("an edit needs the saved record before and after, with the same id")
        self.honouree_id = before.id
        self.before = copy.deepcopy(before)
        self.after = copy.deepcopy(after)
        self.new_photos = list(new_photos or [])
        self.rotations = dict(rotations or {})
        self._restore_photos: list[NewPhoto] = []  # photos the last redo removed
        self._created_ids: set[int | None] = set()  # photo ids the last undo/redo added
        self._expected_version = before.version
        self.overwrite = overwrite
        self.saved: Honouree | None = None

    def apply(self) -> Honouree:
        """Save the edit now (raises HonoursError, e.g. ConflictError, with nothing saved)."""
        if self.overwrite:
            self.saved = self._overwrite()
        else:
            self.saved = self._switch_to(self.after, self.new_photos, self.rotations, capture=True)
        return self.saved

    def _overwrite(self) -> Honouree:
        """Keep my edit over the stored version; undo then returns to that stored version."""
        current = self.registry.honouree(self.honouree_id, include_deleted=True)
        opened = {p.id for p in self.before.photos}
        listed = {p.id for p in self.after.photos}
        self._restore_photos = [
            self._stored(p) for p in current.photos if p.id in opened and p.id not in listed
        ]
        saved = self.registry.overwrite(
            self.after, original_photo_ids=opened, new_photos=self.new_photos, rotations=self.rotations
        )
        self.before = current
        kept = {p.id for p in current.photos if p.id in listed or p.id not in opened}
        self._created_ids = {p.id for p in saved.photos} - kept
        self.after = copy.deepcopy(saved)
        self.after.photos = [p for p in saved.photos if p.id not in self._created_ids]  # new ones: new_photos
        self._expected_version = saved.version
        return saved

    def _redo(self) -> None:
        self._switch_to(self.after, self.new_photos, self.rotations, capture=True)

    def _undo(self) -> None:
        unrotate = {photo_id: -degrees for photo_id, degrees in self.rotations.items()}
        self._switch_to(self.before, self._restore_photos, unrotate, capture=False)

    def _switch_to(
        self, target: Honouree, add: list[NewPhoto], rotations: dict[int, int], capture: bool
    ) -> Honouree:
        current = self.registry.honouree(self.honouree_id)
        if current.version != self._expected_version:
            raise ConflictError(self.honouree_id, self._expected_version, current.version, current.name)
        # SQLite may give a new photo the id of one just removed, so an id that the previous
        # switch created is never taken for one of the target's own photos.
        existing = {p.id for p in current.photos} - self._created_ids
        record = copy.deepcopy(target)
        record.photos = [p for p in record.photos if p.id in existing]
        keep = {p.id for p in record.photos}
        removed = [p for p in current.photos if p.id not in keep]
        if capture:
            self._restore_photos = [self._stored(photo) for photo in removed]
        record.version = current.version
        saved = self.registry.update(
            record, new_photos=add, rotations={k: v for k, v in rotations.items() if k in keep}
        )
        self._created_ids = {p.id for p in saved.photos} - keep
        self._expected_version = saved.version
        return saved

    def _stored(self, photo: Photo) -> NewPhoto:
        """The bytes and metadata of a stored photo, to put back on undo."""
        assert photo.id is not None
        prepared = PreparedPhoto(
            original=self.registry.photo_bytes(photo.id, "original"),
            display=self.registry.photo_bytes(photo.id, "display"),
            thumbnail=self.registry.photo_bytes(photo.id, "thumbnail"),
            width=photo.width,
            height=photo.height,
            mime=photo.mime,
            original_name=photo.original_name,
        )
        return NewPhoto(prepared, caption=photo.caption, primary=photo.primary)


class AddCommand(_RegistryCommand):
    """A new honouree; undo moves it to the trash, redo brings it back."""

    def __init__(
        self,
        registry: Registry,
        honouree: Honouree,
        new_photos: list[NewPhoto] | None = None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__(
            registry, translate("UndoCommands", "Add “%1”").replace("%1", honouree.name), on_error
        )
        self.honouree = copy.deepcopy(honouree)
        self.new_photos = list(new_photos or [])
        self.honouree_id: int | None = None

    def apply(self) -> Honouree:
        saved = self.registry.add(self.honouree, new_photos=self.new_photos)
        self.honouree_id = saved.id
        return saved

    def _redo(self) -> None:
        assert self.honouree_id is not None
        self.registry.restore(self.honouree_id)

    def _undo(self) -> None:
        assert self.honouree_id is not None
        self.registry.delete(self.honouree_id)


class DeleteCommand(_RegistryCommand):
    """Honourees moved to the trash; undo restores them."""

    def __init__(
        self, registry: Registry, ids: list[int], names: list[str], on_error: ErrorHandler | None = None
    ) -> None:
        count = len(ids)  # lupdate misses a translate() whose arguments hold a call
        if count == 1:
            text = translate("UndoCommands", "Delete “%1”").replace("%1", names[0] if names else str(ids[0]))
        else:
            text = QCoreApplication.translate("UndoCommands", "Delete %n honourees", "", count)
        super().__init__(registry, text, on_error)
        self.ids = list(ids)

    def apply(self) -> None:
        self.registry.delete_many(self.ids)

    def _redo(self) -> None:
        self.registry.delete_many(self.ids)

    def _undo(self) -> None:
        with self.registry.atomic():
            for honouree_id in self.ids:
                self.registry.restore(honouree_id)


class MergeCommand(_RegistryCommand):
    """Two records of one person merged (档案合并); undo puts both back as they were."""

    def __init__(
        self,
        registry: Registry,
        keep_id: int,
        other_id: int,
        *,
        keep_version: int | None = None,
        other_version: int | None = None,
        take: set[str] | None = None,
        name: str = "",
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__(
            registry, translate("UndoCommands", "Merge records of “%1”").replace("%1", name), on_error
        )
        self.keep_id, self.other_id = keep_id, other_id
        self.keep_version, self.other_version = keep_version, other_version
        self.take = None if take is None else set(take)
        self.outcome: MergeOutcome | None = None

    def apply(self) -> MergeOutcome:
        """Merge now (raises HonoursError, e.g. ConflictError, with nothing changed)."""
        self.outcome = self.registry.merge(
            self.keep_id,
            self.other_id,
            keep_version=self.keep_version,
            other_version=self.other_version,
            take=self.take,
        )
        return self.outcome

    def _undo(self) -> None:
        assert self.outcome is not None
        self.outcome = self.registry.undo_merge(self.outcome)

    def _redo(self) -> None:
        assert self.outcome is not None
        self.outcome = self.registry.merge(
            self.keep_id,
            self.other_id,
            keep_version=self.outcome.kept_version,
            other_version=self.outcome.merged_version,
            take=self.take,
        )


class BatchEditCommand(_RegistryCommand):
    """The same fields set on several honourees in one core transaction; one undo step
    puts every record's own earlier values back, again in one transaction."""

    def __init__(
        self,
        registry: Registry,
        before: list[Honouree],
        changes: dict[str, str],
        on_error: ErrorHandler | None = None,
    ) -> None:
        """`before`: the records as the user saw them (their versions guard the save)."""
        count = len(before)  # lupdate misses a translate() whose arguments hold a call
        super().__init__(
            registry,
            QCoreApplication.translate("UndoCommands", "Batch edit of %n honourees", "", count),
            on_error,
        )
        self.changes = dict(changes)
        self.before = {
            h.id: {key: str(getattr(h, key) or "") for key in changes} for h in before if h.id is not None
        }
        self._versions = {h.id: h.version for h in before if h.id is not None}
        self.changed: list[int] = []  # the records the edit changed (the others held the values already)

    def apply(self) -> list[Honouree]:
        """Save now (raises HonoursError, e.g. ConflictError, with nothing saved)."""
        saved = self.registry.edit_many({i: self.changes for i in self.before}, versions=self._versions)
        self.changed = [h.id for h in saved if h.id is not None]
        self._remember(saved)
        return saved

    def _redo(self) -> None:
        self._remember(
            self.registry.edit_many({i: self.changes for i in self.changed}, versions=self._versions)
        )

    def _undo(self) -> None:
        self._remember(
            self.registry.edit_many({i: self.before[i] for i in self.changed}, versions=self._versions)
        )

    def _remember(self, saved: list[Honouree]) -> None:
        self._versions.update({h.id: h.version for h in saved if h.id is not None})


class CareBatchCommand(_RegistryCommand):
    """One care event (a 春节 visit of 500元 …) recorded for several honourees in one core
    transaction; one undo step takes every record it added away again, in one transaction."""

    def __init__(
        self,
        registry: Registry,
        before: list[Honouree],
        care: Care,
        on_error: ErrorHandler | None = None,
    ) -> None:
        """`before`: the records as the user saw them (their versions guard the save)."""
        count = len(before)  # lupdate misses a translate() whose arguments hold a call
        super().__init__(
            registry,
            QCoreApplication.translate("UndoCommands", "Care recorded for %n honourees", "", count),
            on_error,
        )
        self.care = care
        self._versions = {h.id: h.version for h in before if h.id is not None}
        self.added: dict[int, int] = {}  # honouree id → the care record added

    def apply(self) -> dict[int, int]:
        """Save now (raises HonoursError, e.g. ConflictError, with nothing saved)."""
        self._add()
        return self.added

    def _add(self) -> None:
        self.added = self.registry.add_care(list(self._versions), self.care, versions=self._versions)
        self._versions = {i: v + 1 for i, v in self._versions.items()}  # each saved once, as one version

    def _redo(self) -> None:
        self._add()

    def _undo(self) -> None:
        saved = self.registry.remove_care({i: [c] for i, c in self.added.items()}, versions=self._versions)
        self._versions.update({h.id: h.version for h in saved if h.id is not None})
