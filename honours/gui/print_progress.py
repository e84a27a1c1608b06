"""The progress dialog shown while pages are drawn (certificates, the roll, the table)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls


@contextmanager
def progress_dialog(window, maximum: int) -> Iterator[tuple[Callable[[int, int], None], Callable[[], bool]]]:
    """A cancellable "Preparing pages…" dialog while pages are drawn: (report(done, total), is_cancelled)."""
    progress = QProgressDialog(
        translate("Printing", "Preparing pages…"), translate("Printing", "Cancel"), 0, max(maximum, 1), window
    )
    progress.setObjectName("printProgress")
    progress.setWindowTitle(translate("Printing", "Printing"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)

    def report(done: int, total: int) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(min(done, max(total, 1)))
        QCoreApplication.processEvents()

    try:
        yield report, progress.wasCanceled
    finally:
        progress.close()
        progress.deleteLater()
