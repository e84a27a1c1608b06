"""The filter panel's counts, read off the UI thread.

`Registry.facets(query)` reads every matching id, which takes tens to hundreds of
milliseconds on a large roll: far too long for the keystroke path. The counts are therefore a
background read (background_reads.py): requested once typing pauses, interrupted when the user
types again (a count still running would slow the next search), and only the newest counts
come back.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from .background_reads import BackgroundReads

Facets = dict[str, list[tuple[object, int]]]
KIND = "facets"


class FacetCounter(QObject):
    """Request counts with `request(query)`; `counted(query, facets)` arrives later, newest only."""

    counted = Signal(str, object)

    def __init__(self, reads: BackgroundReads, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reads = reads
        reads.answered.connect(self._on_answered)

    def request(self, query: str) -> None:
        self.reads.run(KIND, lambda reader, answer: answer((query, reader.facets(query))))

    def cancel(self) -> None:
        """Drop any pending or running count: a new search is on its way."""
        self.reads.cancel(KIND)

    def _on_answered(self, kind: str, answer: object) -> None:
        if kind == KIND:
            query, facets = answer  # type: ignore[misc]
            self.counted.emit(query, facets)

    def stop(self) -> None:
        """End the background reads (the window is closing, or its file is being replaced)."""
        self.reads.stop()
