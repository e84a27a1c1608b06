"""The filter panel: counts of the current result by level, region, status, category and year.

Clicking a value narrows the search by adding a qualifier (`level:provincial`) to the
query; the query stays the single source of truth, so what the panel adds is visible,
editable and removable in the search box too. Values ticked in one group widen the
search (either of them: `级别:国家级、省级`), groups narrow it (both). A group's counts
leave its own qualifier out (Registry.facets), so each says what ticking it gives.
Qualifiers already in the query are listed at the top as buttons that remove them.
Counts arrive from the FacetCounter a moment after the results, never on the keystroke
path. Saved searches (saved_search_list.py) are listed at the foot: a click runs one again.
"""

from __future__ import annotations

from datetime import date

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

from ..core.dates import FIRST_YEAR, LAST_YEAR
from ..core.query import FACET_GROUPS, ZH_QUALIFIERS, qualifier, quote_term, values_of
from ..core.vocabulary import VOCABULARIES
from .i18n import current_language
from .labels import category_label, level_label, status_label
from .saved_search_list import SavedSearchList

GROUPS = FACET_GROUPS
TERM_ROLE = Qt.ItemDataRole.UserRole + 1  # the one-value qualifier of an item (level:provincial)
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # its stored value
COLLAPSE_ABOVE = 12  # a group with more values than this starts collapsed


def canonical(term: str) -> tuple[str, tuple[str, ...]] | None:
    """(group, stored values) for a panel qualifier however it was typed, else None.

    `level:省级` and `level:provincial` are the same filter, so both mark 省级 as active;
    `级别:国家级、省级` is ('level', ('national', 'provincial')).
    """
    found = qualifier(term)
    if found is None or found[0] not in GROUPS or found[1] != ":" and found[0] != "year":
        return None
    group, op, value = found
    if group == "year" and op != ":":
        return group, (f"{op}{value}",)
    words = values_of(value)
    if not words:
        return None
    vocabulary = VOCABULARIES.get(group)
    if vocabulary is None:
        return group, tuple(dict.fromkeys(words))
    keys = [vocabulary.lookup(w) or (w if group == "category" else None) for w in words]
    if None in keys:
        return None  # not a value the search reads either (it says so)
    return group, tuple(dict.fromkeys(k for k in keys if k))


def term_for(group: str, values: object) -> str:
    """The qualifier for one value or several (either of them), in the UI's language: a
    Chinese user sees 级别:省级、国家级, not level:provincial,national (both find the same)."""
    listed = [str(v) for v in values] if isinstance(values, (list, tuple)) else [str(values)]
    if current_language() == "zh":
        vocabulary = VOCABULARIES.get(group)
        words = [vocabulary.label(v, "zh") if vocabulary else v for v in listed]
        return f"{ZH_QUALIFIERS[group]}:{'、'.join(words)}"
    return f"{group}:{','.join(listed)}"


class _FacetTree(QTreeWidget):
    """The values list; Enter and Space choose a value like a click does."""

    chosen = Signal(QTreeWidgetItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and item is not None:
            self.chosen.emit(item)
            return
        super().keyPressEvent(event)


class _YearBox(QSpinBox):
    """A year or "any" (its minimum); stepping up from "any" starts at this year, not at
    the first year the registry takes (1800), which is far from the honours staff look for."""

    def stepBy(self, steps: int) -> None:
        if self.value() == self.minimum() and steps > 0:
            self.setValue(min(date.today().year, self.maximum()))
            return
        super().stepBy(steps)


class FilterPanel(QWidget):
    """Emits `termsChanged(remove, add)`: the query terms to drop and the one to add ('' for
    none); `searchChosen(query)` when a saved search is chosen."""

    termsChanged = Signal(list, str)
    searchChosen = Signal(str)

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

        self.saved = SavedSearchList(self)
        self.saved.chosen.connect(self.searchChosen)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addLayout(header)
        layout.addWidget(self._active_box)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self._years_label)
        layout.addLayout(years)
        layout.addSpacing(6)
        layout.addWidget(self.saved)
        self.retranslate()

    def _year_box(self) -> QSpinBox:
        box = _YearBox()
        box.setRange(FIRST_YEAR - 1, LAST_YEAR)  # the lowest is "any"
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
        self.saved.set_current_query(self.query(), self.describe())
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

    def query(self) -> str:
        """The current search as text (what a saved search keeps)."""
        return " ".join(quote_term(t) for t in self._terms)

    def describe(self) -> str:
        """The search as a person would name it: its words, then each group's ticked values
        (医院 · 在职 · 国家级、省级)."""
        words = [t for t in self._terms if canonical(t) is None]
        sep = "、" if current_language() == "zh" else ", "
        groups = [sep.join(self.value_label(g, v) for v in self.active_values(g)) for g in GROUPS]
        return " · ".join(part for part in (" ".join(words), *groups) if part)

    def active_values(self, group: str) -> list[str]:
        """The values ticked in a group, in the order they were added."""
        values: list[str] = []
        for term in self._terms:
            found = canonical(term)
            if found and found[0] == group:
                values.extend(v for v in found[1] if v not in values)
        return values

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
        for op in (">=", "<=", ">", "<"):
            if value.startswith(op):
                low, high = (value[len(op) :], "") if op.startswith(">") else ("", value[len(op) :])
                value = f"{low}..{high}"
                break
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
        self.tree.setToolTip(self.tr("Tick several values of a group to show either of them"))
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
                widget.hide()
                widget.setParent(None)  # gone from the panel now, deleted later
                widget.deleteLater()
        groups = [g for g in GROUPS if self.active_values(g)]
        for group in groups:
            for value in self.active_values(group):
                button = QToolButton()
                button.setObjectName("activeFilter")
                button.setText(
                    self.tr("%1: %2")
                    .replace("%1", self.group_title(group))
                    .replace("%2", self.value_label(group, value))
                    + "  ✕"
                )
                button.setToolTip(
                    self.tr("Remove this filter (%1)").replace("%1", quote_term(term_for(group, value)))
                )
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                button.setStyleSheet(
                    "QToolButton { border: 1px solid palette(mid); border-radius: 10px;"
                    " padding: 2px 10px; background: palette(alternate-base); text-align: left; }"
                    "QToolButton:hover { background: palette(midlight); }"
                )
                button.clicked.connect(lambda _=False, g=group, v=value: self.toggle(g, v))
                self._active.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self._active_box.setVisible(bool(groups))
        self._clear.setVisible(bool(groups))

    def _rebuild_tree(self) -> None:
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
            active = set(self.active_values(group))
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
                item.setData(0, VALUE_ROLE, str(value))
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setForeground(1, muted)
                is_active = str(value) in active
                item.setCheckState(0, Qt.CheckState.Checked if is_active else Qt.CheckState.Unchecked)
                if is_active:
                    tip = self.tr("Click to remove this value from the filter")
                elif active:
                    tip = self.tr("Click to show these too (%1)").replace(
                        "%1", quote_term(term_for(group, [*self.active_values(group), str(value)]))
                    )
                else:
                    tip = self.tr("Click to show only these (%1)").replace("%1", quote_term(term))
                item.setToolTip(0, tip)
                head.addChild(item)
                if term == current_term:
                    self.tree.setCurrentItem(item)
            collapsed = (
                group in self._collapsed
                if group in self._user_toggled
                else (group == "year" and len(values) > COLLAPSE_ABOVE)
            )
            head.setExpanded(not collapsed)
        self.tree.setUpdatesEnabled(True)

    # -- user actions ------------------------------------------------------------------------
    def _remember_expansion(self, item: QTreeWidgetItem, expanded: bool) -> None:
        group = item.data(0, Qt.ItemDataRole.UserRole)
        if group and self.tree.updatesEnabled():
            self._user_toggled.add(group)
            (self._collapsed.discard if expanded else self._collapsed.add)(group)

    def _on_item(self, item: QTreeWidgetItem) -> None:
        value = item.data(0, VALUE_ROLE)
        group = item.parent().data(0, Qt.ItemDataRole.UserRole) if item.parent() is not None else None
        if value is None or not group:
            item.setExpanded(not item.isExpanded())
            return
        self.toggle(group, value)

    def toggle(self, group: str, value: str) -> None:
        """Tick or untick a value: the group's qualifiers become one that lists its ticked
        values (either of them), or go when none is left."""
        current = self.active_values(group)
        wanted = [v for v in current if v != value] if value in current else [*current, value]
        old = [t for t in self._terms if (canonical(t) or ("",))[0] == group]
        self.termsChanged.emit(old, term_for(group, wanted) if wanted else "")

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
