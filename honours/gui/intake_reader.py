"""Reading a report off the GUI thread, so the intake dialog repaints while it is read.

The reader's rules take a fraction of a second, but the person-name tagger beside them loads a
large model the first time (about 5 s) and then tags some 2,000 characters a second: on the GUI
thread a long report would freeze the window. One worker thread per dialog reads one report at
a time; a newer request makes an older answer stale, and the thread ends however the dialog
goes away (``threads.track``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..core.errors import HonoursError
from . import threads


class _Worker(QObject):
    answered = Signal(int, object)  # generation, IntakeResult or HonoursError

    @Slot(int, str, str)
    def read(self, generation: int, text: str, report: str) -> None:
        from ..core.intake import analyse_text  # imported where a report is read, not at start-up

        try:
            answer: object = analyse_text(text, report)
        except HonoursError as error:
            answer = error
        self.answered.emit(generation, answer)


class ReportReader(QObject):
    """Reads reports in a worker thread; says `finished(result)` or `failed(error)` for the latest."""

    finished = Signal(object)
    failed = Signal(object)
    _requested = Signal(int, str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._pending = 0
        self._thread = QThread(self)
        self._thread.setObjectName("intakeReaderThread")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._requested.connect(self._worker.read)
        self._worker.answered.connect(self._on_answered)
        self._thread.start()
        threads.track(self, self._thread)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def read(self, text: str, report: str) -> None:
        self._generation += 1
        self._pending += 1
        self._requested.emit(self._generation, text, report)

    def _on_answered(self, generation: int, answer: object) -> None:
        self._pending -= 1
        if generation != self._generation:
            return  # a newer request was made meanwhile: its answer follows
        if isinstance(answer, HonoursError):
            self.failed.emit(answer)
        else:
            self.finished.emit(answer)

    def stop(self) -> None:
        """End the thread (after the report being read, if any)."""
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
