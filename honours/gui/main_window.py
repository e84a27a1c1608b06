"""The main window: search box, results table, filter panel, detail pane, menus.

The window wires the pieces together; each piece refreshes itself from the Store's
`changed` signal. Typing re-queries the core after a very short pause (the whole
keystroke → repainted table must stay well under 50 ms); the filter counts follow a
little later from a worker thread, and are interrupted as soon as the user types again.

Public accessors for feature modules (printing, import, backups): `registry`, `store`,
`settings`, `undo_stack`, `selected_ids()`, `current_query()`, `result()`, `menu(name)`,
`show_error()`, `status_message()`.
"""

from __future__ import annotations

import html
import importlib
import logging
import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, qVersion
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..core import HonoursError, Registry
from ..core.postgres.connection import is_server_url, shown_url
from ..core.session import open_registry
from ..core.storage import Results
from . import record_commands
from .background_reads import BackgroundReads
from .detail_pane import DetailPane
from .facets import FacetCounter
from .features import FEATURE_MODULES
from .filter_panel import FilterPanel
from .i18n import current_language, install_translations
from .results_table import ResultsTable
from .roll_model import RollModel
from .saved_searches import SavedSearches
from .search_box import SearchBox
from .search_indexer import IndexProgress, SearchIndexer
from .settings import Settings
from .store import Store
from .thumbnails import Thumbnails
from .window_actions import build_actions, build_menus, finish_menus

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 10  # coalesces a burst of keys (paste, IME commit) without a felt delay
FACETS_DELAY_MS = 250  # counts follow once typing pauses
SELECT_FIRST_DELAY_MS = 120  # the detail pane follows the first result once typing pauses
INDEX_FAILED_MS = 30000  # a failed search index build stays in the status bar this long
# Writes after which a very large import may have left search rows queued (see search_indexer).
QUEUEING_KINDS = ("added", "updated", "restored", "reset")

_open_windows: list[MainWindow] = []  # top-level windows must outlive the function that built them


class MainWindow(QMainWindow):
    """One registry's window. Rebuilt whole on a language switch or when another file is opened."""

    replaced = Signal(object)  # the window that took this one's place

    def __init__(
        self,
        store: Store,
        settings: Settings,
        undo_stack: QUndoStack | None = None,
        *,
        owns_registry: bool = True,
    ) -> None:
        """`owns_registry`: close the registry with the window (not when a rebuilt window takes it over)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.store = store
        self.settings = settings
        self.owns_registry = owns_registry
        self.undo_stack = undo_stack or QUndoStack()
        self.undo_stack.setParent(self)
        self.failed_features: list[str] = []
        self._closed = False
        self._unsearchable = 0  # queued for their search rows while the indexer runs
        self._kept_id: int | None = None  # the honouree to keep current across a new search
        self._pending_select: int | None = None  # one to make current after the next search
        self._read_only = store.registry.readonly
        # A read-only file's queue is never written here: counted once, not on every search.
        self._read_only_queued = store.registry.queued_for_index() if self._read_only else 0
        self.thumbnails = Thumbnails(store, self)
        self.background_reads = BackgroundReads(store.registry, self)
        self.facet_counter = FacetCounter(self.background_reads, self)
        self.search_indexer = SearchIndexer(store, self)
        self._build_widgets()
        self.actions = build_actions(self)
        self.menus = build_menus(self, self.actions)
        self._install_features()
        finish_menus(self.menus, self.actions)
        self._connect()
        self._restore_settings()
        self._update_title()
        self._update_actions()
        self.search_box.setFocus()
        self._index_timer.start()  # a queue an interrupted earlier run left
        _open_windows.append(self)

    # -- accessors for feature modules -------------------------------------------------------
    @property
    def registry(self) -> Registry:
        return self.store.registry

    def menu(self, name: str) -> QMenu:
        """The window's menu: 'file', 'edit', 'view', 'tools' or 'help'."""
        return self.menus[name]

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, in table order (the current row when nothing is selected)."""
        return self.results_table.selected_ids()

    def current_id(self) -> int | None:
        return self.results_table.current_id()

    def select_id(self, honouree_id: int | None) -> bool:
        """Make this honouree the current row if it is among the loaded results."""
        return self.results_table.select_id(honouree_id)

    def current_query(self) -> str:
        return self.search_box.text()

    def result(self) -> Results:
        """The core result shown in the table (for printing or exporting all of it)."""
        return self.model.result()

    def show_error(self, error: HonoursError | str) -> None:
        text = error.message(current_language()) if isinstance(error, HonoursError) else str(error)
        QMessageBox.warning(self, self.tr("Honours"), text)

    def status_message(self, text: str, timeout_ms: int = 6000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    # -- building ----------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.search_box = SearchBox()
        self.notice = QLabel()
        self.notice.setObjectName("queryNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a5a00;")
        self.notice.hide()

        self.model = RollModel(self.store, self.thumbnails, self)
        self.model.use_background_reads(self.background_reads)
        self.results_table = ResultsTable(self.model)
        self.filter_panel = FilterPanel()
        self.filter_panel.setMinimumWidth(190)
        self.filter_panel.saved.set_store(SavedSearches(self.settings, self.store.registry.path))
        self.detail_pane = DetailPane(self.store, self.thumbnails)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for widget, stretch in ((self.filter_panel, 0), (self.results_table, 1), (self.detail_pane, 0)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([220, 760, 420])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        layout.addWidget(self.search_box)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.index_progress = IndexProgress()
        self.statusBar().addPermanentWidget(self.index_progress)
        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        self.count_label.setContentsMargins(0, 0, 12, 0)
        self.statusBar().addPermanentWidget(self.count_label)

        self._search_timer = self._timer(SEARCH_DELAY_MS, self._run_search)
        self._facets_timer = self._timer(FACETS_DELAY_MS, self._request_facets)
        self._select_timer = self._timer(SELECT_FIRST_DELAY_MS, self._select_first_if_none)
        self._index_timer = self._timer(0, self.index_queued_search_rows)

    def _timer(self, interval: int, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    def _connect(self) -> None:
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.textChanged.connect(self.facet_counter.cancel)  # free the CPU for the search
        self.search_box.leaveDown.connect(self.focus_results)
        self.model.resultChanged.connect(self._on_result_changed)
        self.model.totalChanged.connect(self._update_count)
        self.model.modelAboutToBeReset.connect(self._remember_current)
        selection = self.results_table.selectionModel()
        selection.currentRowChanged.connect(self._on_current_row)
        selection.selectionChanged.connect(lambda *_: self._update_actions())
        self.results_table.doubleClicked.connect(lambda _index: self.edit_current())
        self.filter_panel.termsChanged.connect(self._on_filter_terms)
        self.filter_panel.searchChosen.connect(self.search_now)
        self.facet_counter.counted.connect(self._on_facets)
        self.store.changed.connect(self._on_store_changed)
        self.search_indexer.progress.connect(self.index_progress.show_progress)
        self.search_indexer.progress.connect(self._on_index_progress)
        self.search_indexer.finished.connect(self._on_indexed)
        self.search_indexer.failed.connect(self._on_index_failed)
        self.undo_stack.indexChanged.connect(lambda _index: self._update_actions())

    def _install_features(self) -> None:
        """Run each feature module's `install(window)`; a feature whose install fails is logged
        and skipped. A module that cannot be imported is not skipped: a typo in the list or a
        module a package left out must fail the tests and the packaged app's smoke test
        loudly, not ship a window quietly short of its menus."""
        for name in FEATURE_MODULES:
            module_name = name if name.startswith("honours.") else f"honours.gui.{name}"
            module = importlib.import_module(module_name)
            try:
                module.install(self)
            except Exception:  # one broken feature must not take the window down
                log.exception("feature module %s could not be installed", module_name)
                self.failed_features.append(module_name)

    # -- settings ----------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        if not s.window_geometry.isEmpty():
            self.restoreGeometry(s.window_geometry)
        else:
            self._default_geometry()
        if not s.window_state.isEmpty():
            self.restoreState(s.window_state)
        if not s.splitter_state.isEmpty():
            self.splitter.restoreState(s.splitter_state)
        self.results_table.restore_columns(s.results_columns, s.results_widths)
        self.results_table.restore_sort(s.results_sort)
        self.results_table.setSortingEnabled(True)  # runs the first search, in the saved order
        self.set_filter_panel_visible(s.filter_panel_visible)
        self.set_detail_pane_visible(s.detail_pane_visible)

    def _default_geometry(self) -> None:
        """First start: most of the screen, with room for the table's columns."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            self.resize(1360, 820)
            return
        width, height = min(1600, round(screen.width() * 0.96)), min(1000, round(screen.height() * 0.94))
        self.resize(width, height)
        self.move(screen.x() + (screen.width() - width) // 2, screen.y() + (screen.height() - height) // 2)
        side = max(200, round(width * 0.15))
        detail = max(340, round(width * 0.27))
        self.splitter.setSizes([side, width - side - detail, detail])

    def save_settings(self) -> None:
        s = self.settings
        s.window_geometry = self.saveGeometry()
        s.window_state = self.saveState()
        s.splitter_state = self.splitter.saveState()
        s.results_columns, s.results_widths = self.results_table.column_state()
        s.results_sort = self.results_table.sort_state()
        s.filter_panel_visible = not self.filter_panel.isHidden()
        s.detail_pane_visible = not self.detail_pane.isHidden()
        s.sync()

    def reset_columns(self) -> None:
        self.results_table.reset_columns()

    # -- searching ---------------------------------------------------------------------------
    def _run_search(self) -> None:
        self._search_timer.stop()
        self.facet_counter.cancel()
        order, descending = self.model.order()
        self.model.search(self.search_box.text(), order, descending)

    def search_now(self, query: str) -> None:
        """Put `query` in the search box and show its results at once (features, tests)."""
        self.search_box.setText(query)
        self._run_search()

    def _remember_current(self) -> None:
        self._kept_id = self._pending_select or self.current_id() or self.detail_pane.honouree_id()
        self._pending_select = None

    def _on_result_changed(self) -> None:
        self._update_count()
        self._show_notices()
        self.filter_panel.set_terms(self.search_box.terms())
        self._facets_timer.start()
        if not self.results_table.select_id(self._kept_id, scroll=False):
            self._select_timer.start()
        self._update_actions()

    def _select_first_if_none(self) -> None:
        if self.results_table.currentIndex().isValid():
            return
        if self.model.rowCount() > 0:
            self.results_table.select_id(self.model.id_at(0))
        else:
            self.detail_pane.show_honouree(None)

    def _update_count(self) -> None:
        exact = self.model.total_is_exact()
        if self.model.result_is_whole_roll() and exact:
            self.store.note_total(self.model.total())
        total = self.store.total()
        # Both numbers with the same thousands separator (%Ln would follow the C locale's none);
        # "1,000+" while a shared registry's count is still being made on the worker thread.
        shown = f"{self.model.total():,}" + ("" if exact else "+")
        text = self.tr("%1 of %2 honourees shown", "", total)
        self.count_label.setText(text.replace("%1", shown).replace("%2", f"{total:,}"))

    def _show_notices(self) -> None:
        language = current_language()
        error = self.model.error()
        notices = [error.message(language)] if error else []
        notices += [notice.render(language) for notice in self.model.result().notices]
        query = self.search_box.text().strip()
        if not notices and self.model.total() == 0 and query:
            notices.append(self.tr("Nothing matches “%1”.").replace("%1", query))
        if self._unsearchable and self.model.result().parsed.text_terms:
            notices.append(
                self.tr(
                    "%1 newly imported people are not searched yet: their search index is being built."
                ).replace("%1", f"{self._unsearchable:,}")
            )
        elif self._read_only_queued and self.model.result().parsed.text_terms:
            notices.append(
                self.tr(
                    "%1 newly imported people are not searched: this file is open read-only, so "
                    "their search index cannot be built."
                ).replace("%1", f"{self._read_only_queued:,}")
            )
        self.notice.setText("  ".join(notices))
        self.notice.setVisible(bool(notices))

    def _request_facets(self) -> None:
        self.facet_counter.request(self.model.query())

    def _on_facets(self, query: str, facets: dict) -> None:
        if query == self.model.query():
            self.filter_panel.set_facets(facets)

    def _on_filter_terms(self, remove: list, add: str) -> None:
        for term in remove:
            self.search_box.remove_term(term)
        if add:
            self.search_box.add_term(add)
        self._run_search()

    def _on_store_changed(self, kind: str, _ids: list) -> None:
        self._update_count()
        self._facets_timer.start()
        if kind in QUEUEING_KINDS and not self.search_indexer.is_running():
            self._index_timer.start()  # once the write (an import's dialog) has returned

    # -- search rows a large import queued (see search_indexer) ------------------------------
    def index_queued_search_rows(self) -> None:
        """Write the search rows a very large import queued, in the background; the status
        bar follows it. Does nothing when none are queued or the file is read-only."""
        if self._closed:
            return
        try:
            queued = self.registry.queued_for_index()
            if queued and self.search_indexer.start():
                self._unsearchable = queued  # a search before the worker's first report says so too
                self.index_progress.show_progress(0, queued)
        except HonoursError as error:
            self._on_index_failed(error.message(current_language()))

    def _on_index_progress(self, done: int, total: int) -> None:
        self._unsearchable = max(0, total - done)

    def _on_indexed(self, indexed: int) -> None:
        self._unsearchable = 0
        self._show_notices()
        self.index_progress.hide()
        if indexed:
            self.status_message(self.tr("Search index updated."))
            self._index_timer.start()  # an import that committed as the worker ended queued more

    def _on_index_failed(self, message: str) -> None:
        self._unsearchable = 0
        self._show_notices()
        self.index_progress.hide()
        text = self.tr(
            "The search index of the newly imported people could not be finished: %1 "
            "They stay in the roll; a search finds them once the index is built, which is "
            "tried again the next time this registry is opened."
        )
        self.status_message(text.replace("%1", message), INDEX_FAILED_MS)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def clear_search(self) -> None:
        self.search_box.clear()
        self.focus_search()

    def focus_results(self) -> None:
        self.results_table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.results_table.currentIndex().isValid() and self.model.rowCount():
            self.select_id(self.model.id_at(0))

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.detail_pane.show_honouree(self.model.id_at(current.row()))
        self._update_actions()

    def _update_actions(self) -> None:
        if not hasattr(self, "actions"):
            return
        has_current = bool(self.selected_ids())
        writable = not self._read_only
        self.actions.edit_honouree.setEnabled(has_current and writable)
        self.actions.delete_honourees.setEnabled(has_current and writable)
        self.actions.new_honouree.setEnabled(writable)
        self.actions.batch_edit.setEnabled(has_current and writable)

    # -- commands (see record_commands) ------------------------------------------------------
    def new_honouree(self) -> None:
        saved = record_commands.new_honouree(self)
        if saved is not None:
            self.reveal_new(saved.id, saved.name)

    def reveal_new(self, honouree_id: int, name: str) -> bool:
        """Show a record just added, selected in the table: a clerk expects to see what they added.

        When the search or a filter hides it, they are cleared (and the status bar says so)
        rather than pinning a row that does not match: the count, the filter counts, and
        printing or exporting "the current result" would all be wrong about it. Returns
        whether the search was cleared.
        """
        self.detail_pane.show_honouree(honouree_id)
        try:
            hidden = not self.model.result().contains(honouree_id)
        except HonoursError:  # the query itself cannot run
            hidden = True
        if hidden:
            self.search_box.clear()
        self._pending_select = honouree_id
        self._run_search()
        self.model.load_until(honouree_id)  # it may sort far down a large roll
        self.select_id(honouree_id)
        if hidden:
            self.status_message(
                self.tr("Added “%1”. The search and filters were cleared to show it.").replace("%1", name),
                10000,
            )
        return hidden

    def batch_edit(self) -> None:
        if not self._read_only:
            record_commands.batch_edit(self, self.selected_ids())

    # -- undo and redo, said in the status bar -----------------------------------------------
    def undo(self) -> None:
        self._step(self.undo_stack.undo, self.undo_stack.undoText(), self.tr("Undone: %1"))

    def redo(self) -> None:
        self._step(self.undo_stack.redo, self.undo_stack.redoText(), self.tr("Redone: %1"))

    def _step(self, step, text: str, message: str) -> None:
        """Undo or redo one command and say what it was; a step that failed (someone else
        changed the record meanwhile) has reported why and dropped itself from the stack."""
        index, count = self.undo_stack.index(), self.undo_stack.count()
        step()
        if text and self.undo_stack.index() != index and self.undo_stack.count() == count:
            self.status_message(message.replace("%1", text))

    def edit_current(self) -> None:
        honouree_id = self.current_id()
        if honouree_id is not None and not self._read_only:
            record_commands.edit_honouree(self, honouree_id)

    def delete_selected(self) -> None:
        if not self._read_only:
            record_commands.delete_honourees(self, self.selected_ids())

    def set_filter_panel_visible(self, visible: bool) -> None:
        self.filter_panel.setVisible(visible)
        if hasattr(self, "actions"):
            self.actions.show_filters.setChecked(visible)

    def set_detail_pane_visible(self, visible: bool) -> None:
        self.detail_pane.setVisible(visible)
        if hasattr(self, "actions"):
            self.actions.show_details.setChecked(visible)

    def show_search_help(self) -> None:
        QMessageBox.information(self, self.tr("Search Help"), self.search_box.toolTip())

    def about_text(self) -> str:
        """What Help ▸ About says: the app, its version and the versions it runs on (for a
        support call), and the registry file."""
        versions = (
            self.tr("Version %1 · Qt %2 · PySide6 %3 · Python %4")
            .replace("%1", __version__)
            .replace("%2", qVersion())
            .replace("%3", pyside_version)
            .replace("%4", platform.python_version())
        )
        text = self.tr(
            "<h3>Honours (劳模荣誉库)</h3>"
            "<p>A registry of model workers, medal holders, advanced workers and donors, "
            "with Chinese and pinyin search, photos and printed certificates.</p>"
            "<p>Registry file: %1</p>"
        ).replace("%1", html.escape(str(self.registry.path or "")))
        return text.replace("</h3>", f"</h3><p>{html.escape(versions)}</p>", 1)

    def show_about(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.NoIcon,
            self.tr("About Honours"),
            self.about_text(),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("aboutBox")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()

    # -- language and registry file: the window is rebuilt ----------------------------------
    def set_language(self, code: str) -> MainWindow:
        """Switch the UI language now; returns the rebuilt window (every string, features' too)."""
        self.settings.language = code
        install_translations(code)
        return self.replace_with(self.registry, self.undo_stack)

    def choose_registry(self) -> None:
        start = str(self.registry.path.parent) if self.registry.path else ""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Registry"),
            start,
            self.tr("Honours registries (*.sqlite *.db);;All files (*)"),
        )
        if path:
            self.open_registry(Path(path))

    def create_registry(self) -> None:
        start = str(self.registry.path.parent) if self.registry.path else ""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New Registry"), start, self.tr("Honours registries (*.sqlite)")
        )
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".sqlite")
        if target.exists():
            self.show_error(
                self.tr("%1 already exists. Use Open Registry to open it.").replace("%1", str(target))
            )
            return
        self.open_registry(target)

    def connect_shared_registry(self) -> MainWindow | None:
        """File ▸ Connect to Shared Registry…: ask for the address (the last one offered) and
        open it in place of this registry; asked again, with what was typed, if it fails."""
        from .connect_dialog import ConnectDialog

        url = self.settings.shared_registry
        while True:
            dialog = ConnectDialog(url, self)
            if dialog.exec() != ConnectDialog.DialogCode.Accepted:
                return None
            url = dialog.url()
            try:
                return self.open_registry(url, ask_on_failure=False)
            except (HonoursError, OSError) as error:
                self.show_error(error if isinstance(error, HonoursError) else str(error))

    def open_registry(self, path: Path | str, *, ask_on_failure: bool = True) -> MainWindow | None:
        """Open another registry (a file, or a shared registry's URL) in place of this one;
        returns the new window. A file that fails asks what to do instead; a server that asks
        for a password has the clerk type it (kept in memory only)."""
        from .connect_dialog import opened_with_password
        from .open_failure_dialog import next_attempt

        readonly = False
        while True:
            try:
                if is_server_url(str(path)):
                    url = str(path).strip()
                    registry = opened_with_password(lambda u=url: open_registry(u), url, self)
                    if registry is None:
                        return None
                    path = url
                else:
                    registry = open_registry(path, readonly=readonly)
                break
            except (HonoursError, OSError) as error:
                if not ask_on_failure:
                    raise
                chosen = next_attempt(error, self)
                if chosen is None:
                    return None
                path, readonly = chosen
        if not readonly:
            self.settings.remember_database(path)
        return self.replace_with(registry, None)

    def replace_with(self, registry: Registry, undo_stack: QUndoStack | None) -> MainWindow:
        """Build a fresh window (same or other registry) where this one was, then close this one.

        Each window has its own Store, so closing this one disconnects only its own views.
        """
        self.save_settings()
        same_registry = registry is self.registry
        window = MainWindow(Store(registry), self.settings, undo_stack)
        if same_registry:
            self.owns_registry = False  # the new window carries on with it
            window.search_now(self.search_box.text())
            window.select_id(self.current_id())
        if self.isVisible():
            window.show()
        self.replaced.emit(window)
        self.close()
        self.deleteLater()
        return window

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            self.save_settings()
            for timer in self.findChildren(QTimer):
                timer.stop()  # nothing may reach the registry once it is closed
            self.facet_counter.stop()
            self.search_indexer.stop()  # after its current step; the rest stays queued
            self.index_progress.hide()
            self.store.detach()
            self.store.changed.disconnect()
            if self.owns_registry:
                self.registry.close()
            if self in _open_windows:
                _open_windows.remove(self)
        super().closeEvent(event)

    def _update_title(self) -> None:
        server = getattr(self.registry, "url", None)  # a shared registry has an address, not a file
        if server:
            name = shown_url(server)
        else:
            name = self.registry.path.name if self.registry.path else self.tr("(in memory)")
        title = self.tr("Honours") + " — " + name
        if self._read_only:
            title += " " + self.tr("(read-only)")
        self.setWindowTitle(title)
