"""The registry as the GUI sees it: core change notices turned into a Qt signal.

Views never refresh each other by hand: every write goes through the core Registry,
which tells its listeners what changed; the Store re-emits that as `changed(kind, ids)`
and each view (table, detail pane, filter counts) refreshes itself from it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ..core import Change, Registry

EXTERNAL_CHANGES_POLL_MS = 1000  # how soon another program's save shows here


class Store(QObject):
    """Wraps a Registry for the GUI: `changed(kind, ids)` after every write, and a cached total."""

    changed = Signal(str, list)

    def __init__(self, registry: Registry, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self._total: int | None = None
        registry.subscribe(self._on_change)
        # Saves by other programs on the same file (another window, the command line, a
        # colleague's PC) reach the views too: a cheap poll of the file's change counter.
        registry.changed_elsewhere()
        self._watch = QTimer(self)
        self._watch.setObjectName("externalChangesTimer")
        self._watch.setInterval(EXTERNAL_CHANGES_POLL_MS)
        self._watch.timeout.connect(self.check_elsewhere)
        if registry.path is not None:
            self._watch.start()

    def check_elsewhere(self) -> bool:
        """Refresh every view (a "reset" change) when another program has saved meanwhile."""
        if self.registry.changed_elsewhere():
            self._on_change(Change("reset", []))
            return True
        return False

    def _on_change(self, change: Change) -> None:
        self._total = None
        self.changed.emit(change.kind, list(change.ids))

    def announce(self, kind: str, ids: list[int]) -> None:
        """Tell the views of a change made through another connection (the search indexer's
        thread writes with its own, whose notices reach no one here)."""
        self._on_change(Change(kind, list(ids)))

    def total(self) -> int:
        """Honourees in the registry (not in the trash); re-counted only after a change."""
        if self._total is None:
            self._total = self.registry.count()
        return self._total

    def note_total(self, count: int) -> None:
        """Take the total from a count just made of everyone not in the trash (an empty search).

        Counting the whole roll scans an index of every honouree, 10-25 ms at 100,000; the
        window's first search has just done exactly that, so start-up need not do it twice.
        """
        self._total = count

    def detach(self) -> None:
        """Stop listening to the registry (before it is closed or replaced)."""
        self._watch.stop()
        self.registry.unsubscribe(self._on_change)
