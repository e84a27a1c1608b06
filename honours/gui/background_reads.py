"""Reads too slow for the keystroke path, run on one worker thread.

The filter panel's counts (`Registry.facets`) read every match, and on a shared registry the
exact count of a common word takes from tens of milliseconds to over a second at 100,000
honourees: either would stall typing on the UI thread. They run here instead, on a worker
thread with its own read handle on the registry (`registry.open_reader()`: a second SQLite
connection in WAL mode, or on the server a handle sharing the app's one working connection,
which the window may take back at any statement: the read is then run again a moment later;
see core/postgres/reader.py). Each read has a kind; a newer read of a kind overtakes an older one
(dropped if it has not started, interrupted if it is running, so it does not compete with the
next search) and only the newest one's answers come back, through a queued signal. A registry
held only in memory has nothing to share, so its (small) reads run on the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from ..core.errors import HonoursError, ReadPreempted
from ..core.storage import Storage
from . import threads

log = logging.getLogger(__name__)
RETRY_MS = 150  # a read the window put off (ReadPreempted) is tried again this much later

# A read: given the read handle and a way to hand back answers (more than one: a count first
# capped, then exact), it answers through `answer`, which returns whether the answer is still
# wanted (no newer read of its kind): a read stops there if not. Runs on the worker thread.
Job = Callable[[Storage, Callable[[object], bool]], None]


class _Worker(QObject):
    """Lives on the worker thread; opens its read handle on first use."""

    answered = Signal(str, int, object)  # kind, generation, answer

    def __init__(self, registry: Storage, reads: BackgroundReads) -> None:
        super().__init__()
        self._open_reader = registry.open_reader
        self._reads = reads
        self._reader: Storage | None = None
        self.running_kind: str | None = None

    @Slot(str, int, object)
    def run(self, kind: str, generation: int, job: Job) -> None:
        if generation != self._reads.latest(kind):
            return  # a newer read of this kind is queued behind this one
        self.running_kind = kind
        try:
            if self._reader is None:
                self._reader = self._open_reader()
            if self._reader is None:
                return
            self._reader.resume()
            if generation != self._reads.latest(kind):
                return  # overtaken while the handle was being made ready
            job(self._reader, lambda answer: self._answer(kind, generation, answer))
        except ReadPreempted:  # the window needed the shared connection: again in a moment
            if generation == self._reads.latest(kind):
                QTimer.singleShot(RETRY_MS, self, lambda: self.run(kind, generation, job))
        except Exception as error:  # noqa: BLE001 - a failed read must not end the thread
            if generation == self._reads.latest(kind):  # not merely overtaken and interrupted
                log.warning("background %s read failed: %s", kind, error)
        finally:
            self.running_kind = None

    def _answer(self, kind: str, generation: int, answer: object) -> bool:
        self.answered.emit(kind, generation, answer)
        return generation == self._reads.latest(kind)

    def interrupt(self, kind: str | None) -> None:
        """Abort the read in progress if it is of `kind` (any kind: None). Called from the UI
        thread; the read handles allow that."""
        reader = self._reader
        if reader is not None and self.running_kind is not None and kind in (None, self.running_kind):
            reader.interrupt()

    def close(self) -> None:
        """Called after the thread has stopped (the core's handles allow that)."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None


class BackgroundReads(QObject):
    """`run(kind, job)` a read on the worker thread; `answered(kind, answer)` comes back later,
    for the newest read of each kind only."""

    answered = Signal(str, object)
    _submitted = Signal(str, int, object)

    def __init__(self, registry: Storage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self._generations: dict[str, int] = {}
        self._stopped = False
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        if registry.reads_in_background:
            self._thread = QThread()
            self._thread.setObjectName("background-reads")
            self._worker = _Worker(registry, self)
            self._worker.moveToThread(self._thread)
            self._submitted.connect(self._worker.run)
            self._worker.answered.connect(self._on_answered)
            self._thread.start(QThread.Priority.LowPriority)
            threads.track(self, self._thread)

    def latest(self, kind: str) -> int:
        return self._generations.get(kind, 0)

    def run(self, kind: str, job: Job) -> None:
        """Queue `job`; any older read of `kind` is dropped."""
        if self._stopped:
            return
        generation = self._generations[kind] = self.latest(kind) + 1
        if self._worker is not None:
            self._submitted.emit(kind, generation, job)
        else:
            QTimer.singleShot(0, self, lambda: self._run_here(kind, generation, job))

    def cancel(self, kind: str | None = None) -> None:
        """Drop any pending or running read of `kind` (every kind: None): a new search is on its
        way, and the worker must not compete with it for the interpreter, the disk or the
        connection while the user types."""
        for each in [kind] if kind is not None else list(self._generations):
            self._generations[each] = self.latest(each) + 1
        if self._worker is not None:
            self._worker.interrupt(kind)

    def _run_here(self, kind: str, generation: int, job: Job) -> None:
        if generation != self.latest(kind) or self._stopped:
            return
        try:
            job(self.registry, lambda answer: self._answered_here(kind, generation, answer))
        except HonoursError as error:
            log.warning("%s read failed: %s", kind, error)

    def _answered_here(self, kind: str, generation: int, answer: object) -> bool:
        self._on_answered(kind, generation, answer)
        return generation == self.latest(kind)

    def _on_answered(self, kind: str, generation: int, answer: object) -> None:
        if generation == self.latest(kind) and not self._stopped:
            self.answered.emit(kind, answer)

    def stop(self) -> None:
        """End the worker thread and close its read handle; the owner calls this when closing."""
        self._stopped = True
        self.cancel()
        if self._thread is None:
            return
        self._thread.quit()
        self._thread.wait()
        if self._worker is not None:
            self._worker.close()
        self._thread = None
        self._worker = None
