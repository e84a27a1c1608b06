"""The results table's model: the ids a core search returned, rows fetched as they are seen.

Like Anki's browser table, the model never holds the roll: a search yields a core result
(core.storage.Results); the model keeps the ids of the pages fetched so far (200 at a time, more
as the view scrolls: canFetchMore/fetchMore) and reads the visible rows' columns with
one `registry.summaries(ids)` query per page, kept in a small LRU. A keystroke therefore
costs one count, one page of ids and, at paint time, one page of summaries, whether the
roll holds 14 people or 100,000.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QIcon

from ..core import Summary
from ..core.amounts import format_yuan
from ..core.archive import shown
from ..core.errors import HonoursError
from ..core.fields import BOOL, TABLE_ARCHIVE_FIELDS
from ..core.storage import Results
from .background_reads import BackgroundReads
from .i18n import current_language
from .labels import category_label, level_label, status_label
from .store import Store
from .thumbnails import Thumbnails, placeholder

PAGE_SIZE = 200
COUNT_KIND = "count"  # the exact count of a slow result, a background read
CACHED_PAGES = 25  # summaries of at most 5,000 rows stay in memory
THUMB_SIZE = 24  # dense rows: about 20 show on a 1280×720 office laptop


class RollColumn(NamedTuple):
    """One column of the results table, declared once: everything else is derived from it."""

    key: str
    order: str | None  # the core search's order for a click on the header; None: not sortable
    width: int  # default width in pixels (chosen for the Chinese titles; English may need more)
    minimum: int = 44  # never shrunk below this (nor below the room its title needs)
    shown: bool = True  # shown on a first start; the others are ticked on in the column chooser


COLUMNS: list[RollColumn] = [
    RollColumn("photo", None, THUMB_SIZE + 12, THUMB_SIZE + 12),
    RollColumn("name", "name", 84, 72),
    RollColumn("unit", "unit", 160, 100),
    RollColumn("position", "position", 92),
    RollColumn("honours", "honours", 190, 120),
    RollColumn("years", "year", 72),
    RollColumn("level", "level", 72),
    RollColumn("region", "region", 64),
    RollColumn("status", "status", 48),
    RollColumn("category", "category", 84, shown=False),
    RollColumn("donation", "donation", 96, shown=False),
    # the archive's short values (issue 15), ticked on in the column chooser; the ID number masked
    *(RollColumn(spec.key, None, int(spec.width * 7), shown=False) for spec in TABLE_ARCHIVE_FIELDS),
]
COLUMN_INDEX = {column.key: i for i, column in enumerate(COLUMNS)}
ARCHIVE_COLUMNS = {spec.key: spec for spec in TABLE_ARCHIVE_FIELDS}
ALWAYS_SHOWN = ("name",)  # a row without its name means nothing
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class RollModel(QAbstractTableModel):
    """Rows of the current search; `resultChanged` after every new search."""

    resultChanged = Signal()
    totalChanged = Signal()  # the exact count arrived from the worker thread (a shared registry)
    ROLE_ID = ID_ROLE

    def __init__(self, store: Store, thumbnails: Thumbnails, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.thumbnails = thumbnails
        self._query = ""
        self._order: str | None = None
        self._descending = False
        self._result: Results | None = None
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._total = 0
        self._total_exact = True
        self._reads: BackgroundReads | None = None
        self._error: HonoursError | None = None
        self._pages: OrderedDict[int, dict[int, Summary]] = OrderedDict()
        self._photo_rows: dict[int, int] = {}  # photo id -> row, for rows whose summary is cached
        self._bold = QFont()
        self._bold.setBold(True)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        store.changed.connect(self._on_store_changed)
        thumbnails.ready.connect(self._on_thumbnail_ready)

    # -- searching -------------------------------------------------------------------------
    def search(
        self, query: str, order: str | None = None, descending: bool = False, keep_rows: int = 0
    ) -> None:
        """Run `query` through the core search; only the count and the first page are read."""
        self._refresh_timer.stop()  # a refresh still pending would only repeat this search
        self.beginResetModel()
        self._query = query
        self._order = order
        self._descending = descending
        self._pages.clear()
        self._photo_rows.clear()
        self._error = None
        self._total_exact = True
        if self._reads is not None:
            self._reads.cancel(COUNT_KIND)
        want = max(PAGE_SIZE, keep_rows)
        try:
            self._result = self.store.registry.search(query, order=order, descending=descending)
            if self._result.counts_slowly and self._reads is not None:
                # the page first; a short page is the whole result, else counted on the worker
                self._ids = self._result.ids(0, want)
                self._total, self._total_exact = len(self._ids), len(self._ids) < want
            else:
                self._total = self._result.count()
                self._ids = self._result.ids(0, want)
        except HonoursError as error:
            self._result, self._total, self._ids, self._error = None, 0, [], error
        self._row_of = {honouree_id: row for row, honouree_id in enumerate(self._ids)}
        self.endResetModel()
        self.resultChanged.emit()
        if not self._total_exact and self._reads is not None:
            self._reads.run(COUNT_KIND, _counting(query, order, descending))

    def use_background_reads(self, reads: BackgroundReads) -> None:
        """Count slow results (a shared registry's) on this worker thread instead of the UI's."""
        self._reads = reads
        reads.answered.connect(self._on_answered)

    def _on_answered(self, kind: str, answer: object) -> None:
        if kind != COUNT_KIND or self._total_exact:
            return
        total, exact = answer  # type: ignore[misc]
        self._total = max(total, len(self._ids))
        self._total_exact = exact
        self.totalChanged.emit()

    def refresh(self) -> None:
        """Search again for the same query and order, keeping as many rows as were loaded."""
        self._refresh_timer.stop()
        self.search(self._query, self._order, self._descending, keep_rows=len(self._ids))

    def query(self) -> str:
        return self._query

    def order(self) -> tuple[str | None, bool]:
        return self._order, self._descending

    def result(self) -> Results:
        """The current core result (a fresh one if the last search failed)."""
        return self._result or self.store.registry.search(self._query, self._order, self._descending)

    def total(self) -> int:
        """How many honourees match (all pages, fetched or not); at least this many while
        `total_is_exact()` is False."""
        return self._total

    def total_is_exact(self) -> bool:
        """False while a shared registry's result is still being counted ("200+", "1,000+")."""
        return self._total_exact

    def result_is_whole_roll(self) -> bool:
        """True when the rows are everyone not in the trash: an empty query that ran without error."""
        return self._result is not None and not self._query.strip()

    def error(self) -> HonoursError | None:
        return self._error

    # -- ids and rows ----------------------------------------------------------------------
    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, honouree_id: int) -> int | None:
        return self._row_of.get(honouree_id)

    def load_until(self, honouree_id: int) -> int | None:
        """Fetch pages until this honouree's row is loaded; its row, or None if not in the result.

        Asks the core first, so a record the search does not hold costs one lookup, not a
        walk through every page of a large result.
        """
        row = self._row_of.get(honouree_id)
        if row is not None or self._result is None or not self._result.contains(honouree_id):
            return row
        while row is None and self.canFetchMore():
            self.fetchMore()
            row = self._row_of.get(honouree_id)
        return row

    def loaded_ids(self) -> list[int]:
        return list(self._ids)

    def summary(self, row: int) -> Summary | None:
        """The row's columns, reading its whole page of summaries when first needed."""
        honouree_id = self.id_at(row)
        if honouree_id is None:
            return None
        page = row // PAGE_SIZE
        summaries = self._pages.get(page)
        if summaries is None:
            start = page * PAGE_SIZE
            ids = self._ids[start : start + PAGE_SIZE]
            summaries = {s.id: s for s in self.store.registry.summaries(ids)}
            self._pages[page] = summaries
            for offset, i in enumerate(ids):
                photo_id = summaries[i].primary_photo_id if i in summaries else None
                if photo_id is not None:
                    self._photo_rows[photo_id] = start + offset
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return summaries.get(honouree_id)

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and self._result is not None
            and (len(self._ids) < self._total or not self._total_exact)
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        more = self._result.ids(len(self._ids), PAGE_SIZE) if self._result else []
        more = [i for i in more if i not in self._row_of]
        if not more:
            self._total = len(self._ids)  # the roll shrank under us (or the count is not in yet); stop asking
            if not self._total_exact:
                self._total_exact = True
                self.totalChanged.emit()
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._ids.extend(more)
        for offset, honouree_id in enumerate(more):
            self._row_of[honouree_id] = first + offset
        self.endInsertRows()
        if not self._total_exact and len(self._ids) > self._total:
            self._total = len(self._ids)
            self.totalChanged.emit()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == ID_ROLE:
            return self.id_at(row)
        key = COLUMNS[column].key
        if role == Qt.ItemDataRole.SizeHintRole and key == "photo":
            return QSize(THUMB_SIZE + 8, THUMB_SIZE + 6)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.FontRole,
        ):
            return None
        summary = self.summary(row)
        if summary is None:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(summary) if key == "photo" else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if key == "name" else None
        text = self._text(summary, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text or None  # the full text of a cell cut short by the column width
        return text

    def _text(self, summary: Summary, key: str) -> str:
        if key == "photo":
            return ""
        if key == "level":
            return level_label(summary.highest_level)
        if key == "status":
            return status_label(summary.status)
        if key == "category":
            return category_label(summary.category)
        if key == "years":
            return "、".join(str(year) for year in summary.years)
        if key == "donation":
            return format_yuan(summary.donation_total_fen) if summary.donation_total_fen else ""
        if key in ARCHIVE_COLUMNS:  # personal data masked, a vocabulary's value by its label, yes/no
            spec = ARCHIVE_COLUMNS[key]
            value = summary.archive.get(key)
            if spec.vocabulary is not None:
                return spec.vocabulary.label(value, current_language())
            if spec.type == BOOL:
                return self.tr("Yes") if value else ""
            return str(shown(spec, value) or "")
        return str(getattr(summary, key) or "")

    def _decoration(self, summary: Summary) -> QIcon:
        """The photo, or the name's placeholder, drawn the same in a selected row (no highlight tint)."""
        pixmap = None
        if summary.primary_photo_id is not None:
            pixmap = self.thumbnails.cached(summary.primary_photo_id, THUMB_SIZE)
        if pixmap is None:
            pixmap = placeholder(summary.name, THUMB_SIZE)
        icon = QIcon(pixmap)
        icon.addPixmap(pixmap, QIcon.Mode.Selected)
        return icon

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        key = COLUMNS[section].key
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                "photo": self.tr("Photo"),
                "years": self.tr("The years of the honours, latest first"),
            }.get(key)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return "" if key == "photo" else self.column_title(key)

    def column_title(self, key: str) -> str:
        """A column's name (the photo column's too, for the column chooser)."""
        return {
            "photo": self.tr("Photo"),
            "name": self.tr("Name"),
            "unit": self.tr("Unit"),
            "position": self.tr("Position"),
            "honours": self.tr("Honours"),
            "years": self.tr("Years"),
            "level": self.tr("Highest level"),
            "region": self.tr("Region"),
            "status": self.tr("Status"),
            "category": self.tr("Category"),
            "donation": self.tr("Donated"),
            # the archive's columns by the spec's labels (core/fields.py), as the detail pane names them
            **{k: spec.label(current_language()) for k, spec in ARCHIVE_COLUMNS.items()},
        }[key]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Clicking a header re-queries in that column's order; no column means relevance."""
        key = COLUMNS[column].order if 0 <= column < len(COLUMNS) else None
        descending = key is not None and order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._order, self._descending) or self._result is None:
            self.search(self._query, key, descending)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    # -- reacting to changes -----------------------------------------------------------------
    def _on_store_changed(self, kind: str, ids: list) -> None:
        if kind == "updated":
            rows = [self._row_of[i] for i in ids if i in self._row_of]
            for row in rows:
                self._pages.pop(row // PAGE_SIZE, None)
            for row in rows:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        else:  # added, deleted, restored, reset: membership changed; search again, once
            self._refresh_timer.start()

    def _on_thumbnail_ready(self, photo_id: int) -> None:
        row = self._photo_rows.get(photo_id)
        if row is not None and row < len(self._ids):
            index = self.index(row, COLUMN_INDEX["photo"])
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


def _counting(query: str, order: str | None, descending: bool):
    """The background read that counts a result: "1,000+" at once, then the exact number."""

    def count(reader, answer) -> None:
        result = reader.search(query, order=order, descending=descending)
        total, exact = result.count_capped()
        if answer((total, exact)) and not exact:
            answer((result.count(), True))

    return count
