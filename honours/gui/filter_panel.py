"""The filter panel: counts of the current result by level, region, status, category and year.

Clicking a value narrows the search by adding a qualifier (`level:provincial`) to the
query; the query stays the single source of truth, so what the panel adds is visible,
editable and removable in the search box too. Qualifiers already in the query are
listed at the top as buttons that remove them. Counts arrive from the FacetCounter a
moment after the results, never on the keystroke path.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.query import CATEGORY_VALUES, LEVEL_VALUES, STATUS_VALUES
from .i18n import current_language
from .labels import category_label, level_label, status_label
from .search_box import quote_term

GROUPS = ("level", "region", "status", "category", "year")
KEY_ALIASES = {"级别": "level", "状态": "status", "类别": "category", "地区": "region", "年份": "year"}
TERM_ROLE = Qt.ItemDataRole.UserRole + 1
FIRST_YEAR, LAST_YEAR = 1949, 2100
COLLAPSE_ABOVE = 12  # a group with more values than this starts collapsed


def canonical(term: str) -> tuple[str, str] | None:
    """(group, stored value) for a panel qualifier however it was typed, else None.

    `level:省级` and `level:provincial` are the same filter, so both mark 省级 as active.
    """
    key, sep, value = term.partition(":")
    key = KEY_ALIASES.get(key, key.lower())
    if not sep or key not in GROUPS or not value:
        return None
    lowered = value.lower()
    if key == "level":
        level = LEVEL_VALUES.get(lowered)
        return ("level", level) if level else None
    if key == "status":
        status = STATUS_VALUES.get(lowered)
        return ("status", status) if status else None
    if key == "category":
        return "category", CATEGORY_VALUES.get(lowered, value)
    return key, value


# The words a Chinese user types for the same qualifiers (the search reads both).
ZH_KEYS = {"level": "级别", "status": "状态", "category": "类别", "region": "地区", "year": "年份"}
ZH_VALUES = {
    "level": {"national": "国家级", "provincial": "省级", "municipal": "市级", "county": "县级", "other": "其他"},
    "status": {"active": "在职", "retired": "退休", "deceased": "已故"},
    "category": {"medical": "医务", "other trades": "各行各业", "model worker": "劳动模范", "donor": "捐赠",
                 "collective": "集体"},
}


def term_for(group: str, value: object) -> str:
    """The qualifier a click adds to the search box, in the UI's language: a Chinese user
    sees 级别:省级, not level:provincial (both find the same honourees)."""
    if current_language() == "zh":
        return f"{ZH_KEYS[group]}:{ZH_VALUES.get(group, {}).get(str(value), value)}"
    return f"{group}:{value}"


class _FacetTree(QTreeWidget):
    """The values list; Enter and Space choose a value like a click does."""

    chosen = Signal(QTreeWidgetItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and item is not None:
            self.chosen.emit(item)
            return
        super().keyPressEvent(event)


class FilterPanel(QWidget):
    """Emits `termsChanged(remove, add)`: the query terms to drop and the one to add ('' for none)."""

    termsChanged = Signal(list, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterPanel")
        self._facets: dict[str, list[tuple[object, int]]] = {}
        self._terms: list[str] = []
        self._collapsed: set[str] = set()
        self._user_toggled: set[str] = set()

        self._title = QLabel()
        title_font = QFont(self._title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.1)
        self._title.setFont(title_font)
        self._clear = QToolButton()
        self._clear.setObjectName("clearFilters")
        self._clear.setAutoRaise(True)
        self._clear.clicked.connect(self._clear_all)
        header = QHBoxLayout()
        header.addWidget(self._title)
        header.addStretch(1)
        header.addWidget(self._clear)

        self._active = QVBoxLayout()
        self._active.setSpacing(3)
        self._active_box = QWidget()
        self._active_box.setObjectName("activeFilters")
        self._active_box.setLayout(self._active)
        self._active.setContentsMargins(0, 0, 0, 4)

        self.tree = _FacetTree()
        self.tree.setObjectName("facetTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(14)
        self.tree.setUniformRowHeights(True)
        self.tree.setFrameShape(QFrame.Shape.NoFrame)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._on_item)
        self.tree.chosen.connect(self._on_item)
        self.tree.itemExpanded.connect(lambda item: self._remember_expansion(item, True))
        self.tree.itemCollapsed.connect(lambda item: self._remember_expansion(item, False))

        self._years_label = QLabel()
        self._year_from = self._year_box()
        self._year_from.setObjectName("yearFrom")
        self._year_to = self._year_box()
        self._year_to.setObjectName("yearTo")
        self._year_apply = QPushButton()
        self._year_apply.setObjectName("applyYears")
        self._year_apply.clicked.connect(self._apply_years)
        self._dash = QLabel("–")
        years = QHBoxLayout()
        years.setSpacing(4)
        years.addWidget(self._year_from, 1)
        years.addWidget(self._dash)
        years.addWidget(self._year_to, 1)
        years.addWidget(self._year_apply)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addLayout(header)
        layout.addWidget(self._active_box)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self._years_label)
        layout.addLayout(years)
        self.retranslate()

    def _year_box(self) -> QSpinBox:
        box = QSpinBox()
        box.setRange(FIRST_YEAR - 1, LAST_YEAR)
        box.setValue(FIRST_YEAR - 1)
        box.setAccelerated(True)
        return box

    # -- state in --------------------------------------------------------------------------
    def set_terms(self, terms: list[str]) -> None:
        """The current query's terms: panel qualifiers among them are shown as active.

        Typing ordinary words changes no qualifier, so nothing is rebuilt on the keystroke path.
        """
        before = self.active_terms()
        self._terms = list(terms)
        if self.active_terms() != before:
            self._rebuild_active()
            self._rebuild_tree()
            if not any((canonical(t) or ("",))[0] == "year" for t in self._terms):
                for box in (self._year_from, self._year_to):  # the year filter went: so do its years
                    box.setValue(box.minimum())

    def set_facets(self, facets: dict[str, list[tuple[object, int]]]) -> None:
        self._facets = facets
        self._rebuild_tree()

    def facets(self) -> dict[str, list[tuple[object, int]]]:
        return self._facets

    def active_terms(self) -> list[str]:
        """The query's terms that are panel qualifiers, as typed."""
        return [t for t in self._terms if canonical(t) is not None]

    # -- labels ----------------------------------------------------------------------------
    def group_title(self, group: str) -> str:
        return {
            "level": self.tr("Honour level"),
            "region": self.tr("Region"),
            "status": self.tr("Status"),
            "category": self.tr("Category"),
            "year": self.tr("Year of honour"),
        }[group]

    def value_label(self, group: str, value: object) -> str:
        if group == "level":
            return level_label(str(value))
        if group == "status":
            return status_label(str(value))
        if group == "category":
            return category_label(str(value))
        if group == "year":
            return self._year_label(str(value))
        return str(value)

    def _year_label(self, value: str) -> str:
        low, sep, high = value.partition("..")
        if not sep:
            return value
        if low and high:
            return self.tr("%1–%2").replace("%1", low).replace("%2", high)
        if low:
            return self.tr("from %1").replace("%1", low)
        return self.tr("until %1").replace("%1", high)

    def retranslate(self) -> None:
        self._title.setText(self.tr("Filters"))
        self._clear.setText(self.tr("Clear all"))
        self._clear.setToolTip(self.tr("Remove every filter from the search"))
        self._years_label.setText(self.tr("Years of honour"))
        self._year_apply.setText(self.tr("Apply"))
        self._year_apply.setToolTip(self.tr("Show honourees with an honour awarded in these years"))
        for box in (self._year_from, self._year_to):
            box.setSpecialValueText(self.tr("any"))
        self._rebuild_active()
        self._rebuild_tree()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- building the widgets ----------------------------------------------------------------
    def _rebuild_active(self) -> None:
        while self._active.count():
            widget = self._active.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        active = self.active_terms()
        for term in active:
            group, value = canonical(term) or ("", "")
            button = QToolButton()
            button.setObjectName("activeFilter")
            button.setText(self.tr("%1: %2").replace("%1", self.group_title(group))
                           .replace("%2", self.value_label(group, value)) + "  ✕")
            button.setToolTip(self.tr("Remove this filter (%1)").replace("%1", quote_term(term)))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setStyleSheet(
                "QToolButton { border: 1px solid palette(mid); border-radius: 10px;"
                " padding: 2px 10px; background: palette(alternate-base); text-align: left; }"
                "QToolButton:hover { background: palette(midlight); }")
            button.clicked.connect(lambda _=False, t=term: self.termsChanged.emit([t], ""))
            self._active.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self._active_box.setVisible(bool(active))
        self._clear.setVisible(bool(active))

    def _rebuild_tree(self) -> None:
        active = {canonical(t) for t in self._terms} - {None}
        current = self.tree.currentItem()
        current_term = current.data(0, TERM_ROLE) if current is not None else None
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        muted = QBrush(self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText))
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for group in GROUPS:
            values = [(v, n) for v, n in self._facets.get(group, []) if v not in (None, "")]
            if not values:
                continue
            head = QTreeWidgetItem([self.group_title(group), ""])
            head.setFont(0, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setData(0, Qt.ItemDataRole.UserRole, group)
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            for value, count in values:
                term = term_for(group, value)
                item = QTreeWidgetItem([self.value_label(group, value), f"{count:,}"])
                item.setData(0, TERM_ROLE, term)
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setForeground(1, muted)
                is_active = (group, str(value)) in active
                item.setCheckState(0, Qt.CheckState.Checked if is_active else Qt.CheckState.Unchecked)
                item.setToolTip(0, self.tr("Click to show only these (%1)").replace("%1", quote_term(term)))
                head.addChild(item)
                if term == current_term:
                    self.tree.setCurrentItem(item)
            collapsed = group in self._collapsed if group in self._user_toggled else (
                group == "year" and len(values) > COLLAPSE_ABOVE)
            head.setExpanded(not collapsed)
        self.tree.setUpdatesEnabled(True)

    # -- user actions ------------------------------------------------------------------------
    def _remember_expansion(self, item: QTreeWidgetItem, expanded: bool) -> None:
        group = item.data(0, Qt.ItemDataRole.UserRole)
        if group and self.tree.updatesEnabled():
            self._user_toggled.add(group)
            (self._collapsed.discard if expanded else self._collapsed.add)(group)

    def _on_item(self, item: QTreeWidgetItem) -> None:
        term = item.data(0, TERM_ROLE)
        if not term:
            item.setExpanded(not item.isExpanded())
            return
        wanted = canonical(term)
        same = [t for t in self._terms if canonical(t) == wanted]
        if same:
            self.termsChanged.emit(same, "")
        else:
            self.termsChanged.emit([], term)

    def _apply_years(self) -> None:
        low, high = self._year_from.value(), self._year_to.value()
        low_text = str(low) if low >= FIRST_YEAR else ""
        high_text = str(high) if high >= FIRST_YEAR else ""
        if low_text and high_text and low > high:
            low_text, high_text = high_text, low_text
        years = [t for t in self._terms if (canonical(t) or ("",))[0] == "year"]
        if not low_text and not high_text:
            self.termsChanged.emit(years, "")
        elif low_text == high_text:
            self.termsChanged.emit(years, term_for("year", low_text))
        else:
            self.termsChanged.emit(years, term_for("year", f"{low_text}..{high_text}"))

    def _clear_all(self) -> None:
        self.termsChanged.emit(self.active_terms(), "")
