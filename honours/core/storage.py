"""The storage seam: every verb the front ends call on a registry, as one typed interface.

The GUI (honours/gui), the command line (honours/cli), printing and the core's front-end
helpers (import_plan, export, transfer, intake) talk to a registry only through these
verbs, never through a database connection (tests/test_architecture.py says so). The
SQLite registry (`registry.Registry`) is the one implementation today; a server database
can be a second one, and the behaviour tests then run against both through the `storage`
fixture (tests/conftest.py). tests/test_storage.py checks that Registry provides every
member here with the same parameters.

Whole-file operations (backups, `check`, restoring a file) stay module functions of the
SQLite backend (backup.py, check.py): they are about a file, which a server has not.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from datetime import date

    from .care import DueList, DuePeriods
    from .changes import Change
    from .i18n import Message
    from .import_verbs import ImportItem, ImportOutcome
    from .merge_verbs import MatchFields, MergeOutcome
    from .photos import NewPhoto, Photo, PreparedPhoto
    from .query import ParsedQuery
    from .records import Care, Honouree
    from .registry import HistoryEntry, Summary
    from .statistics import AmountTable, CrossTable

Facets = dict[str, list[tuple[object, int]]]


@runtime_checkable
class Results(Protocol):
    """The ids a search matched, read a page at a time (the results table holds only ids)."""

    query: str
    parsed: ParsedQuery  # what the query language understood (the front ends show its notices)

    @property
    def notices(self) -> list[Message]:
        """Parts of the query that were ignored or unreadable, (English, Chinese)."""
        ...

    def count(self) -> int:
        """How many match (the status bar), computed once."""
        ...

    # Whether `count()` may take long enough to stall typing (the shared registry's exact count
    # of a common word): the app then counts on its worker thread, showing "200+" meanwhile.
    counts_slowly: bool

    def count_capped(self, limit: int = 1000) -> tuple[int, bool]:
        """(matches, exact): the exact count, or (limit, False) when more than `limit` match
        and counting them all would be slow ("1,000+")."""
        ...

    def ids(self, offset: int = 0, limit: int = 200) -> list[int]:
        """A page of ids in result order; the next page continues where this one stopped."""
        ...

    def all_ids(self) -> list[int]:
        """Every match in order (printing and exporting a whole result)."""
        ...

    def contains(self, honouree_id: int) -> bool:
        """Whether one honouree matches (keeping a selection after a change), one lookup."""
        ...


@runtime_checkable
class Storage(Protocol):
    """A registry as the front ends see it: reading, searching, writing, trash, history,
    photos, imports, undo, and the change events views refresh themselves from."""

    path: Path | None  # the registry file (None in memory): backups, file dialogs, the title bar

    # -- lifetime and state --------------------------------------------------------------
    def close(self) -> None:
        """Let go of the registry (a closed one must not be used again)."""
        ...

    @property
    def readonly(self) -> bool:
        """Whether writing is refused (a read-only file or share): the GUI greys its edit actions."""
        ...

    def changed_elsewhere(self) -> bool:
        """Whether another program or PC has committed a change since the last call (the GUI
        then refreshes what it shows)."""
        ...

    @property
    def reads_in_background(self) -> bool:
        """Whether `open_reader()` gives a worker thread a handle of its own (the GUI then counts
        there, off the keystroke path); False for a registry held only in memory."""
        ...

    def open_reader(self) -> Storage | None:
        """A second, read-only handle for a worker thread (facet counts off the UI thread);
        None when the registry cannot be shared (held in memory)."""
        ...

    def interrupt(self) -> None:
        """Abort a read running on another thread (a facet count overtaken by typing)."""
        ...

    def resume(self) -> None:
        """Let a reader that was interrupted read again (its worker starts a new read); until
        then a reader that reads in several statements may refuse the rest of an interrupted read."""
        ...

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        """Be told of every change this registry writes (views refresh from it)."""
        ...

    def unsubscribe(self, listener: Callable[[Change], None]) -> None:
        """Stop being told of changes."""
        ...

    def atomic(self) -> AbstractContextManager[None]:
        """One write transaction around several verbs (undo of a batch): all or nothing."""
        ...

    # -- reading --------------------------------------------------------------------------
    def count(self) -> int:
        """Live honourees (not in the trash)."""
        ...

    def exists(self, honouree_id: int) -> bool:
        """Whether a live honouree has this id (the CLI's clear 'no such record')."""
        ...

    def honouree(self, honouree_id: int, *, include_deleted: bool = False) -> Honouree:
        """One whole record (NotFoundError if there is none)."""
        ...

    def honourees(self, ids: Iterable[int]) -> list[Honouree]:
        """Whole records for several ids (printing, exports, undo)."""
        ...

    def summaries(self, ids: list[int]) -> list[Summary]:
        """The results table's columns for a page of ids, in one read."""
        ...

    def all_ids(self) -> list[int]:
        """Every live id (whole-roll exports and checks)."""
        ...

    def common_values(self, column: str, limit: int = 500) -> list[str]:
        """Most-used values of a text field, for completions in the edit forms."""
        ...

    def same_name_and_unit(self, name: str, unit: str, exclude_id: int | None = None) -> list[int]:
        """Others with this name and unit: the duplicate warning while editing."""
        ...

    def ids_by_name_and_unit(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[int]]:
        """Existing honourees for many (name, unit) pairs at once: an import's add/update split."""
        ...

    def match_fields(
        self, names: Iterable[str] | None = None, id_numbers: Iterable[str] = ()
    ) -> list[MatchFields]:
        """What duplicate finding compares, for every live record (or those with these names)."""
        ...

    # -- searching ------------------------------------------------------------------------
    def search(self, query: str = "", order: str | None = None, descending: bool = False) -> Results:
        """The honourees a query (query.py's language) matches, ranked or in a column's order."""
        ...

    def facets(self, query: str = "") -> Facets:
        """Counts of a query's result by level, region, status, category and year (filter panel)."""
        ...

    def cross_table(
        self, by: str, by2: str | None = None, query: str = "", subject: str = "people"
    ) -> CrossTable:
        """Counts of live people (or, subject "collectives", collectives) matching a query, by
        one or two statistics dimensions (statistics.DIMENSIONS), with counted totals; each
        figure carries the search that lists its people. Revoked honours never count.
        QueryError for an unreadable query or an unknown dimension."""
        ...

    def amount_table(self, measure: str, by: str, query: str = "") -> AmountTable:
        """Money (exact fen) and goods (by unit) of a statistics Measure ("donation", "care") of
        the live honourees a query matches, by "year" (the record's date), a person dimension or
        one on the measure's own records ("care_kind"): statistics.amount_choices."""
        ...

    def queued_for_index(self) -> int:
        """Honourees still waiting for their search rows after a large import."""
        ...

    def index_queued(
        self,
        progress: Callable[[int, int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> int:
        """Write the waiting search rows in committed steps (a background worker calls this)."""
        ...

    # -- writing --------------------------------------------------------------------------
    def add(self, honouree: Honouree, *, new_photos: list[NewPhoto] | None = None) -> Honouree:
        """Store a new record with its photos; returns it with its id and version."""
        ...

    def add_many(
        self, honourees: list[Honouree], *, photos: dict[int, list[NewPhoto]] | None = None
    ) -> list[Honouree]:
        """Store several new records in one transaction (the CLI's bulk add)."""
        ...

    def update(
        self,
        honouree: Honouree,
        *,
        check_version: bool = True,
        new_photos: list[NewPhoto] | None = None,
        rotations: dict[int, int] | None = None,
    ) -> Honouree:
        """Save an edited record; ConflictError if someone else changed it since it was read."""
        ...

    def edit(self, honouree_id: int, changes: dict, notes: list | None = None) -> Honouree:
        """Apply a partial change given as JSON-shaped fields (the CLI's and intake's edits)."""
        ...

    def edit_many(
        self, edits: Mapping[int, Mapping[str, str]], *, versions: Mapping[int, int] | None = None
    ) -> list[Honouree]:
        """Change fields of several records in one transaction (batch edit)."""
        ...

    def overwrite(
        self,
        mine: Honouree,
        *,
        original_photo_ids: Iterable[int] | None = None,
        new_photos: list[NewPhoto] | None = None,
        rotations: dict[int, int] | None = None,
    ) -> Honouree:
        """Resolve an edit conflict by keeping mine."""
        ...

    def apply_import(
        self,
        adds: list[ImportItem],
        updates: list[ImportItem] | None = None,
        *,
        keep_stamps: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportOutcome:
        """A whole import (spreadsheet, archive, intake) as one transaction."""
        ...

    def merge(
        self,
        keep_id: int,
        other_id: int,
        *,
        keep_version: int | None = None,
        other_version: int | None = None,
        take: Collection[str] | None = None,
    ) -> MergeOutcome:
        """Merge a duplicate into the record kept, in one transaction."""
        ...

    def undo_merge(self, outcome: MergeOutcome) -> MergeOutcome:
        """Put a merge back as it was."""
        ...

    # -- care of model workers -----------------------------------------------------------------
    def add_care(
        self, ids: Iterable[int], care: Care, *, versions: Mapping[int, int] | None = None
    ) -> dict[int, int]:
        """One care event for several people in one transaction (honouree id → new care id)."""
        ...

    def remove_care(
        self, care_ids: Mapping[int, Collection[int]], *, versions: Mapping[int, int] | None = None
    ) -> list[Honouree]:
        """Take care records away again in one transaction (the undo of a batch)."""
        ...

    def due(
        self,
        kind: str,
        year: int | None = None,
        periods: DuePeriods | None = None,
        *,
        today: date | None = None,
        everyone: bool = False,
    ) -> DueList:
        """Who is due a visit, check-up, recuperation or aid, or has a stale file."""
        ...

    # -- trash and history ------------------------------------------------------------------
    def delete(self, honouree_id: int) -> None:
        """Move a record to the trash (restorable)."""
        ...

    def delete_many(self, ids: list[int]) -> None:
        """Move several records to the trash in one transaction."""
        ...

    def restore(self, honouree_id: int) -> Honouree:
        """Bring a record back from the trash."""
        ...

    def trash(self) -> list[tuple[int, str, str, str]]:
        """(id, name, unit, deleted_at) of everything in the trash, newest first."""
        ...

    def empty_trash(self) -> int:
        """Delete the trash for good; returns how many records went."""
        ...

    def backup_before(self, reason: str) -> Path | None:
        """A safety copy before a big change (emptying the trash); None when none is made."""
        ...

    def history(self, honouree_id: int) -> list[HistoryEntry]:
        """Every change to one record, oldest first."""
        ...

    def revert_to(self, history_id: int) -> Honouree:
        """Make an earlier version current again (itself a new change)."""
        ...

    # -- photos -----------------------------------------------------------------------------
    def photos(self, honouree_id: int) -> list[Photo]:
        """A record's photos, primary first."""
        ...

    def photo_bytes(self, photo_id: int, kind: str = "display") -> bytes:
        """A photo's image ('original', 'display' or 'thumb')."""
        ...

    def photo_created_at(self, photo_id: int) -> str:
        """When a photo was stored (archives keep it, so a restore is exact)."""
        ...

    def add_photo(
        self,
        honouree_id: int,
        source: str | Path | bytes | PreparedPhoto,
        *,
        caption: str = "",
        primary: bool = False,
        name: str = "",
    ) -> Photo:
        """Check, normalise and store an image (the CLI's photo add)."""
        ...

    def remove_photo(self, photo_id: int) -> None:
        """Delete a photo (the CLI's photo remove)."""
        ...
