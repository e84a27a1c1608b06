"""Writing the search rows a very large import queued, in the background.

An import of tens of thousands of records stores them at once but leaves their search
rows queued (the core's `Registry.index_queued`): writing them takes longer than the
import itself. The indexer writes them on a worker thread with its own connection to the
same file, a step (a few thousand records, its own short transaction) at a time, so the
window stays usable and its own saves wait at most one step. Until it is done a text
search does not find the new people, which the status bar says; when it is done the
window's Store announces an "indexed" change and the open search runs again.

Stopping (the window closes, another file is opened) is honoured between steps: what is
written stays written, the rest stays queued for the next time the file is opened. A
registry held in memory has no file to share and is indexed on the UI thread; a
read-only one is left alone.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from ..core import Registry
from ..core.errors import DatabaseLockedError, HonoursError
from . import threads
from .i18n import current_language
from .store import Store

log = logging.getLogger(__name__)

# A file busy with another write (this window importing, another computer saving) is tried
# again this often before the failure is shown: an import of 100,000 rows holds the file
# for about ten seconds, and each try already waits five (the busy timeout).
BUSY_RETRIES = 5
BUSY_RETRY_MS = 2000

translate = QCoreApplication.translate


def failure_text(error: BaseException, language: str) -> str:
    """The reason indexing stopped, for people: the core's own wording when it has one."""
    if isinstance(error, HonoursError):
        return error.message(language)
    # SQLite's own error (the core passes a full disk through as is); the GUI names no sqlite3 types.
    if (getattr(error, "sqlite_errorname", "") or "").startswith("SQLITE_FULL"):
        return translate("SearchIndexer", "The disk is full.")
    return translate("SearchIndexer", "The registry file could not be written (%1).").replace(
        "%1", str(error)
    )


class _Worker(QObject):
    """Lives on the worker thread; opens, uses and closes its own connection there."""

    progress = Signal(int, int)  # done, total
    finished = Signal(int)  # records indexed
    failed = Signal(str)  # why, in the user's language
    busy = Signal(str)  # the file was busy with another write (why, as for failed)

    def __init__(self, path: Path, language: str, stop: threading.Event) -> None:
        super().__init__()
        self._path = path
        self._language = language
        self._stop = stop

    @Slot()
    def run(self) -> None:
        registry: Registry | None = None
        try:
            registry = Registry.open(self._path, create=False)
            self.progress.emit(0, registry.queued_for_index())
            indexed = registry.index_queued(self.progress.emit, self._stop.is_set)
        except DatabaseLockedError as error:
            self.busy.emit(failure_text(error, self._language))
        except Exception as error:  # noqa: BLE001 - any failure leaves the queue for next time
            log.warning("queued search rows were not written: %s", error)
            self.failed.emit(failure_text(error, self._language))
        else:
            self.finished.emit(indexed)
        finally:
            if registry is not None:
                registry.close()
            thread = self.thread()
            if thread is not None:
                thread.quit()


class SearchIndexer(QObject):
    """Start with `start()`; `progress`, then `finished(indexed)` or `failed(message)`, arrive
    on the UI thread. `stop()` (when the window closes) waits for the current step."""

    progress = Signal(int, int)
    finished = Signal(int)
    failed = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._stop = threading.Event()
        self._stopped = False
        self._busy_tries = 0

    def is_running(self) -> bool:
        return self._thread is not None

    def start(self) -> bool:
        """Write whatever is queued; returns True when a worker thread was started."""
        registry = self.store.registry
        if self._stopped or self.is_running() or not registry.queued_for_index() or registry.readonly:
            return False
        if registry.path is None:  # in memory: no file another connection could share
            try:
                self.finished.emit(registry.index_queued())  # announces "indexed" itself
            except HonoursError as error:
                self.failed.emit(error.message(current_language()))
            return False
        self._stop.clear()
        self._thread = QThread()
        self._thread.setObjectName("search-indexer")
        self._worker = _Worker(registry.path, current_language(), self._stop)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.busy.connect(self._on_busy)
        self._thread.start(QThread.Priority.LowPriority)
        threads.track(self, self._thread)
        return True

    def stop(self) -> None:
        """Ask the worker to stop after its current step and wait for it (about a second at
        most); what is left stays queued. Nothing is reported after this."""
        self._stopped = True
        self._stop.set()
        self._end_thread()

    def _end_thread(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is None:
            return
        thread.quit()
        thread.wait()
        if worker is not None:
            worker.deleteLater()
        thread.deleteLater()

    def _on_progress(self, done: int, total: int) -> None:
        if not self._stopped:
            self.progress.emit(done, total)

    def _on_finished(self, indexed: int) -> None:
        if self._stopped:
            return
        self._end_thread()
        self._busy_tries = 0
        if indexed:
            self.store.announce("indexed", [])  # the worker's own registry told no one
        self.finished.emit(indexed)

    def _on_failed(self, message: str) -> None:
        if self._stopped:
            return
        self._end_thread()
        self._busy_tries = 0
        self.failed.emit(message)

    def _on_busy(self, message: str) -> None:
        """Another write held the file: try again shortly, and only then give up and say so."""
        if self._stopped:
            return
        self._end_thread()
        self._busy_tries += 1
        if self._busy_tries > BUSY_RETRIES:
            self._on_failed(message)
            return
        QTimer.singleShot(BUSY_RETRY_MS, self, self._retry)

    def _retry(self) -> None:
        if not self._stopped and not self.start():  # nothing left (another connection indexed them)
            self._busy_tries = 0
            self.finished.emit(0)


class IndexProgress(QWidget):
    """The status bar's note while queued search rows are written: a label and a small bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchIndexProgress")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(6)
        self.label = QLabel()
        self.label.setObjectName("searchIndexLabel")
        self.bar = QProgressBar()
        self.bar.setObjectName("searchIndexBar")
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(120)
        self.bar.setMaximumHeight(12)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.hide()

    def show_progress(self, done: int, total: int) -> None:
        if total and done >= total:  # every row written; the index's segments are being merged
            self.label.setText(
                self.tr("Tidying the search index: the newly imported people can be found now")
            )
        else:
            text = self.tr(
                "Building the search index: %1 of %2 newly imported people — "
                "searches find them when it is done"
            )
            self.label.setText(text.replace("%1", f"{done:,}").replace("%2", f"{total:,}"))
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))
        self.show()
