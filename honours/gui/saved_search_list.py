"""The saved searches at the foot of the filter panel: save the current one, run, rename, delete.

Hidden until the window gives it a store (SavedSearches, one per registry file). A click
or Enter on a name emits `chosen(query)`; the window puts the query in the search box.
The saved search that is the current query is shown in bold.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .saved_searches import SavedSearches

NAME_ROLE = Qt.ItemDataRole.UserRole
QUERY_ROLE = Qt.ItemDataRole.UserRole + 1
VISIBLE_ROWS = 6


class _List(QListWidget):
    """Enter runs the current saved search, as a click does."""

    activated_item = Signal(QListWidgetItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.activated_item.emit(item)
            return
        super().keyPressEvent(event)


class SavedSearchList(QWidget):
    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedSearchList")
        self._store: SavedSearches | None = None
        self._query = ""
        self._suggested = ""

        self._title = QLabel()
        bold = QFont(self._title.font())
        bold.setBold(True)
        self._title.setFont(bold)
        self._save = QToolButton()
        self._save.setObjectName("saveSearch")
        self._save.setAutoRaise(True)
        self._save.clicked.connect(lambda: self.save_current())
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self._title)
        header.addStretch(1)
        header.addWidget(self._save)

        self.list = _List()
        self.list.setObjectName("savedSearches")
        self.list.itemClicked.connect(self._run)
        self.list.activated_item.connect(self._run)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self._hint = QLabel()
        self._hint.setObjectName("savedSearchesHint")
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet("color: palette(placeholder-text);")

        self._rename = QToolButton()
        self._rename.setObjectName("renameSearch")
        self._rename.clicked.connect(lambda: self.rename_current())
        self._delete = QToolButton()
        self._delete.setObjectName("deleteSearch")
        self._delete.clicked.connect(lambda: self.delete_current())
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self._rename)
        buttons.addWidget(self._delete)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(header)
        layout.addWidget(self.list)
        layout.addWidget(self._hint)
        layout.addLayout(buttons)
        self.setVisible(False)
        self.retranslate()

    # -- state in ----------------------------------------------------------------------------
    def set_store(self, store: SavedSearches | None) -> None:
        self._store = store
        self.setVisible(store is not None)
        self._reload()

    def set_current_query(self, query: str, suggested_name: str = "") -> None:
        """The search shown now, and a readable name to offer when it is saved."""
        self._query = query.strip()
        self._suggested = suggested_name.strip() or self._query
        self._mark_current()
        self._update_buttons()

    # -- actions -------------------------------------------------------------------------------
    def save_current(self, name: str | None = None) -> bool:
        """Save the current search under a name (asked for when not given); True when saved."""
        if self._store is None or not self._query:
            return False
        if name is None:
            name = self._ask(self.tr("Save Search"), self.tr("Name of this search:"), self._suggested[:60])
            if name is None:
                return False
        name = name.strip()
        if not name:
            return False
        if name in self._store.names() and self._store.query(name) != self._query:
            answer = QMessageBox.question(
                self,
                self.tr("Save Search"),
                self.tr("A saved search is already called “%1”. Replace it with the current search?").replace(
                    "%1", name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self._store.save(name, self._query)
        self._reload(select=name)
        return True

    def rename_current(self, new: str | None = None) -> bool:
        item = self.list.currentItem()
        if self._store is None or item is None:
            return False
        old = item.data(NAME_ROLE)
        if new is None:
            new = self._ask(self.tr("Rename Saved Search"), self.tr("New name:"), old)
            if new is None:
                return False
        new = new.strip()
        if not new or new == old:
            return False
        try:
            self._store.rename(old, new)
        except KeyError:
            QMessageBox.warning(
                self,
                self.tr("Rename Saved Search"),
                self.tr("A saved search is already called “%1”.").replace("%1", new),
            )
            return False
        self._reload(select=new)
        return True

    def delete_current(self) -> bool:
        item = self.list.currentItem()
        if self._store is None or item is None:
            return False
        self._store.delete(item.data(NAME_ROLE))
        self._reload()
        return True

    def names(self) -> list[str]:
        return [self.list.item(i).data(NAME_ROLE) for i in range(self.list.count())]

    def _ask(self, title: str, label: str, text: str) -> str | None:
        name, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return name if ok else None

    def _run(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(QUERY_ROLE))

    # -- showing -------------------------------------------------------------------------------
    def _reload(self, select: str | None = None) -> None:
        current = select or (self.list.currentItem().data(NAME_ROLE) if self.list.currentItem() else None)
        self.list.clear()
        for name, query in self._store.all() if self._store else []:
            item = QListWidgetItem(name)
            item.setData(NAME_ROLE, name)
            item.setData(QUERY_ROLE, query)
            item.setToolTip(query)
            self.list.addItem(item)
            if name == current:
                self.list.setCurrentItem(item)
        rows = max(1, min(self.list.count(), VISIBLE_ROWS))
        self.list.setFixedHeight(
            self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth() + 4 if self.list.count() else 0
        )
        self.list.setVisible(self.list.count() > 0)
        self._hint.setVisible(self.list.count() == 0)
        self._mark_current()
        self._update_buttons()

    def _mark_current(self) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            font = QFont(self.list.font())
            font.setBold(bool(self._query) and item.data(QUERY_ROLE).strip() == self._query)
            item.setFont(font)

    def _update_buttons(self) -> None:
        self._save.setEnabled(self._store is not None and bool(self._query))
        chosen = self.list.currentItem() is not None
        self._rename.setEnabled(chosen)
        self._delete.setEnabled(chosen)

    def retranslate(self) -> None:
        self._title.setText(self.tr("Saved searches"))
        self._save.setText(self.tr("Save…"))
        self._save.setToolTip(self.tr("Save the current search and its filters under a name"))
        self._rename.setText(self.tr("Rename…"))
        self._delete.setText(self.tr("Delete"))
        self._hint.setText(self.tr("Save a search and its filters to run it again with one click."))
        self.list.setToolTip(self.tr("Click a saved search to run it"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
