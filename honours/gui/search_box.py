"""The search box: type to search, Esc to clear, Down or Enter to go to the results.

It only edits the query text; the main window decides when to search (a very short
debounce) and adds or removes the filter panel's qualifiers through `add_term`/`remove_term`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from ..core.query import quote_term, split_terms

__all__ = ["SearchBox", "quote_term"]


class SearchBox(QLineEdit):
    """QLineEdit for the query language; `leaveDown` asks to move focus to the results."""

    leaveDown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setClearButtonEnabled(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(
            self.tr(
                "Search names, units, honours, deeds… pinyin works (syj); "
                "narrow with level:provincial, status:deceased, year:2019..2021, donation>=100000"
            )
        )
        self.setToolTip(
            self.tr(
                "<b>Search</b><br>"
                "Type any part of a name, unit, position, region, honour or deed: 五一, 劳动模范.<br>"
                "Pinyin of names and units, full or initials: songyingjie, syj.<br>"
                "Several words: all must match.<br>"
                "In one field: name:, unit:, position:, honour:, region:, deed:, item:<br>"
                "Values: level:provincial (省级), status:deceased (已故), category:medical<br>"
                "Numbers: year:2019..2021, year&gt;=2020, donation&gt;=100000, donation:10万..50万"
            )
        )

    def terms(self) -> list[str]:
        return split_terms(self.text())

    def add_term(self, term: str) -> None:
        """Append a qualifier such as `level:provincial` unless it is already there."""
        if term in self.terms():
            return
        text = self.text().rstrip()
        self.setText(f"{text} {quote_term(term)}".strip())

    def remove_term(self, term: str) -> None:
        """Remove every occurrence of `term`, keeping the other terms as they were."""
        kept = [quote_term(t) for t in self.terms() if t != term]
        self.setText(" ".join(kept))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_PageDown):
            self.leaveDown.emit()
            event.accept()
            return
        super().keyPressEvent(event)
