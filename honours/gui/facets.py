"""Counting the filter panel's values off the UI thread.

`Registry.facets(query)` reads every matching id, which takes tens to hundreds of
milliseconds on a large roll: far too long for the keystroke path. The counter therefore
runs it on a worker thread with its own read-only handle on the same registry
(`registry.open_reader()`; SQLite in WAL mode lets it read while the UI thread writes),
drops requests that a newer one has overtaken, interrupts a count still running when the user types again (it would
otherwise slow the next search), and hands the counts back through a queued signal. A registry held only
in memory has no file to share, so its (small) counts are taken on the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from ..core.errors import HonoursError
from ..core.storage import Storage
from . import threads

log = logging.getLogger(__name__)

Facets = dict[str, list[tuple[object, int]]]


class _Worker(QObject):
    """Lives on the worker thread; opens its own reader on first use."""

    counted = Signal(int, str, object)  # generation, query, facets

    def __init__(self, open_reader: Callable[[], Storage | None], counter: FacetCounter) -> None:
        super().__init__()
        self._open_reader = open_reader
        self._counter = counter
        self._registry: Storage | None = None

    @Slot(int, str)
    def count(self, generation: int, query: str) -> None:
        if generation != self._counter.latest:
            return  # a newer request is queued behind this one
        try:
            if self._registry is None:
                self._registry = self._open_reader()
            if self._registry is None:
                return  # nothing to share (the counter counts on the UI thread then)
            facets = self._registry.facets(query)
        except Exception as error:  # noqa: BLE001 - a failed count must not end the thread
            if generation == self._counter.latest:  # not merely interrupted by a newer search
                log.warning("facet counts for %r failed: %s", query, error)
            return
        self.counted.emit(generation, query, facets)

    def interrupt(self) -> None:
        """Abort the count in progress (called from the UI thread; the registry allows that)."""
        registry = self._registry
        if registry is not None:
            registry.interrupt()

    def close(self) -> None:
        """Called after the thread has stopped (the core's connections allow that)."""
        if self._registry is not None:
            self._registry.close()
            self._registry = None


class FacetCounter(QObject):
    """Request counts with `request(query)`; `counted(query, facets)` arrives later, newest only."""

    counted = Signal(str, object)
    _requested = Signal(int, str)

    def __init__(self, registry: Storage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.latest = 0
        self._stopped = False
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        if registry.path is not None:
            self._thread = QThread()
            self._thread.setObjectName("facet-counter")
            self._worker = _Worker(registry.open_reader, self)
            self._worker.moveToThread(self._thread)
            self._requested.connect(self._worker.count)
            self._worker.counted.connect(self._on_counted)
            self._thread.start(QThread.Priority.LowPriority)
            threads.track(self, self._thread)

    def request(self, query: str) -> None:
        if self._stopped:
            return
        self.latest += 1
        if self._worker is not None:
            self._requested.emit(self.latest, query)
        else:
            generation = self.latest
            QTimer.singleShot(0, self, lambda: self._count_here(generation, query))

    def cancel(self) -> None:
        """Drop any pending or running count: a new search is on its way, and the worker must not
        compete with it for the interpreter and the disk while the user types."""
        self.latest += 1
        if self._worker is not None:
            self._worker.interrupt()

    def _count_here(self, generation: int, query: str) -> None:
        if generation == self.latest and not self._stopped:
            try:
                self.counted.emit(query, self.registry.facets(query))
            except HonoursError as error:
                log.warning("facet counts for %r failed: %s", query, error)

    def _on_counted(self, generation: int, query: str, facets: Facets) -> None:
        if generation == self.latest:
            self.counted.emit(query, facets)

    def stop(self) -> None:
        """End the worker thread and close its connection; the owner calls this when closing."""
        self._stopped = True
        self.latest += 1
        if self._thread is None:
            return
        self._thread.quit()
        self._thread.wait()
        if self._worker is not None:
            self._worker.close()
        self._thread = None
        self._worker = None
