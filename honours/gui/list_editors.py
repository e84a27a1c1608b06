"""Editable lists of the edit dialog (honours, deeds, donations, care): the table model and widget.

Each list is a small QAbstractTableModel holding the cells as typed, so a half-typed
amount is never lost or silently "corrected"; every edit re-reads its row and marks the
cells that cannot be read (the three models are in list_models.py). A ListEditor shows one model with add / remove / move
buttons and an inline message naming the first problem; the dialog refuses to save
while any problem remains and uses `show_problem()` to take the user to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

ModelIndex = QModelIndex | QPersistentModelIndex
PROBLEM_BACKGROUND = QColor(253, 226, 222)


@dataclass(frozen=True)
class Column:
    """One column: `title` and `placeholder` are called at display time so a language switch shows."""

    key: str
    title: Callable[[], str]
    kind: str = "text"  # text | multiline | choice | check
    choices: Callable[[], list[tuple[str, str]]] | None = None  # (stored value, label)
    placeholder: Callable[[], str] | None = None
    width: int = 0  # characters; 0 = stretch
    suggestions: Callable[[], list[str]] | None = None  # offered as the cell is typed (any text is kept)


@dataclass(frozen=True)
class Problem:
    row: int
    key: str
    message: str


class RecordTableModel(QAbstractTableModel):
    """Rows of cells as typed, with the problems found when each row is read.

    Subclasses say which columns there are, how a record becomes a row and back
    (`read_row` returns None for a row left entirely blank, which is dropped on save).
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._problems: list[dict[str, str]] = []
        self.columns: list[Column] = self.make_columns()

    # -- what subclasses provide ----------------------------------------------------------
    def make_columns(self) -> list[Column]:
        raise NotImplementedError

    def blank_row(self) -> dict[str, Any]:
        return {c.key: False if c.kind == "check" else "" for c in self.columns}

    def row_from_record(self, record: Any) -> dict[str, Any]:
        raise NotImplementedError

    def tidy(self, key: str, text: str) -> str:
        """The text to keep for a typed cell (e.g. an amount shown back formatted)."""
        return text.strip()

    def read_row(self, row: dict[str, Any]) -> tuple[Any | None, dict[str, str]]:
        """The record a row describes (None when blank) and its problems by column key."""
        raise NotImplementedError

    def cell_edited(self, row: dict[str, Any], key: str) -> None:
        """A cell of `row` was changed by the user: other cells may follow from it (the row
        is re-read and redrawn afterwards). Keys starting with "_" are the model's own notes."""

    # -- public API -----------------------------------------------------------------------
    def set_records(self, records: list[Any]) -> None:
        self.beginResetModel()
        self._rows = [self.row_from_record(r) for r in records]
        self._problems = [self.read_row(r)[1] for r in self._rows]
        self.endResetModel()

    def records(self) -> list[Any]:
        """The records of every non-blank row without problems, in order."""
        out = []
        for row in self._rows:
            record, problems = self.read_row(row)
            if record is not None and not problems:
                out.append(record)
        return out

    def filled_rows(self) -> int:
        """Rows that are not blank, readable or not (what the tab title counts)."""
        return sum(1 for row in self._rows if self.read_row(row)[0] is not None)

    def problems(self) -> list[Problem]:
        keys = [c.key for c in self.columns]
        return [
            Problem(r, key, found[key])
            for r, found in enumerate(self._problems)
            for key in keys
            if key in found
        ]

    def snapshot(self) -> list[tuple]:
        """The cells as typed, for noticing unsaved changes."""
        return [tuple(row[c.key] for c in self.columns) for row in self._rows]

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def add_row(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(self.blank_row())
        self._problems.append({})
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._problems[row]
        self.endRemoveRows()
        self.edited.emit()

    def move_row(self, row: int, delta: int) -> int:
        """Move a row up (-1) or down (+1); returns where it ended up."""
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        # Qt wants the destination as the row *before which* the moved row lands.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + 1 if delta > 0 else target)
        self._rows.insert(target, self._rows.pop(row))
        self._problems.insert(target, self._problems.pop(row))
        self.endMoveRows()
        self.edited.emit()
        return target

    # -- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title()
        return str(section + 1)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].kind == "check":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = self._rows[index.row()][column.key]
        problem = self._problems[index.row()].get(column.key)
        if role == Qt.ItemDataRole.DisplayRole:
            if column.kind == "check":
                return None
            if column.kind == "choice" and column.choices:
                return dict(column.choices()).get(value, value)
            return value
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "check":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.DecorationRole and problem:
            # Still visible when the row is selected, where the background is not.
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem or (value if column.kind == "multiline" and value else None)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return problem
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "check":
            new: Any = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole and column.kind != "check":
            new = self.tidy(column.key, str(value or "")) if column.kind != "choice" else value
        else:
            return False
        row = self._rows[index.row()]
        if row[column.key] == new:
            return True
        row[column.key] = new
        self.cell_edited(row, column.key)
        self._problems[index.row()] = self.read_row(row)[1]
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1))
        self.edited.emit()
        return True


class CellDelegate(QStyledItemDelegate):
    """Editors by column kind: a level combo, a multi-line box for deeds, line edits with hints."""

    def __init__(self, model: RecordTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        column = self._model.columns[index.column()]
        if column.kind == "choice" and column.choices:
            combo = QComboBox(parent)
            for value, label in column.choices():
                combo.addItem(label, value)
            combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
            return combo
        if column.kind == "multiline":
            box = QPlainTextEdit(parent)
            box.setTabChangesFocus(True)
            box.setPlaceholderText(self.tr("Enter: done · Shift+Enter: new line"))
            return box
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit) and column.placeholder:
            editor.setPlaceholderText(column.placeholder())
        if isinstance(editor, QLineEdit) and column.suggestions:
            completer = QCompleter(column.suggestions(), editor)
            completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
            editor.setCompleter(completer)
        return editor

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value or "")
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractTableModel, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        """Enter finishes a multi-line cell too, as in a spreadsheet (the view then moves down);
        Shift+Enter or Alt+Enter starts a new line in it."""
        if (
            isinstance(editor, QPlainTextEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if event.modifiers() & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier):
                editor.insertPlainText("\n")
            else:
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            return True
        return super().eventFilter(editor, event)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        rect = QRect(option.rect)
        if isinstance(editor, QPlainTextEdit):
            rect.setHeight(max(rect.height(), editor.fontMetrics().lineSpacing() * 6))
        editor.setGeometry(rect)


class HintTableView(QTableView):
    """A table that says what to do while it is empty, and takes Enter as a spreadsheet does:
    Enter in a cell being typed in commits it and moves down a row; Enter on a cell moves
    down. Either way the key stops here, so it never reaches the dialog's buttons."""

    def __init__(self, hint: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hint = hint

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.state() != QAbstractItemView.State.EditingState:
                self.move_down()
            event.accept()  # while editing, the delegate commits and closeEditor() moves down
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # the editor was left with Enter
            self.move_down()

    def move_down(self) -> None:
        """The same column of the next row; the last row stays (Add makes a new one)."""
        index = self.currentIndex()
        if index.isValid() and index.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(index.sibling(index.row() + 1, index.column()))

    def commit_open_cell(self) -> None:
        """Keep what is typed in a cell still open (Save pressed while typing) and close it."""
        editor = self.indexWidget(self.currentIndex()) if self.currentIndex().isValid() else None
        if editor is not None and self.state() == QAbstractItemView.State.EditingState:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect().adjusted(24, 24, -24, -24),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._hint(),
            )
            painter.end()


class ListEditor(QWidget):
    """A RecordTableModel in a table, with Add / Remove / Move buttons and an inline problem line.

    Child objectNames derive from `name` (e.g. "donations" → donationsTable,
    donationsAdd, donationsMessage) so tests and screenshots can find them.
    """

    def __init__(
        self, model: RecordTableModel, name: str, hint: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Editor")
        self.model = model
        model.setParent(self)
        self.view = HintTableView(hint, self)
        self.view.setObjectName(f"{name}Table")
        self.view.setModel(model)
        self.view.setItemDelegate(CellDelegate(model, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setMaximumSectionSize(self.fontMetrics().lineSpacing() * 5 + 8)  # a 10,000-character deed
        # shows its first lines; the tooltip and the editor hold all of it
        self._size_columns()

        self.add_button = self._button(f"{name}Add", self.add_row)
        self.remove_button = self._button(f"{name}Remove", self.remove_current)
        self.up_button = self._button(f"{name}Up", lambda: self.move_current(-1))
        self.down_button = self._button(f"{name}Down", lambda: self.move_current(+1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.footer = QLabel(self)
        self.footer.setObjectName(f"{name}Footer")
        buttons.addWidget(self.footer)

        self.message = QLabel(self)
        self.message.setObjectName(f"{name}Message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)

        model.edited.connect(self._refresh)
        model.modelReset.connect(self._refresh)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.retranslate()
        self._refresh()

    def _button(self, name: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        em = self.fontMetrics().horizontalAdvance("中")
        for i, column in enumerate(self.model.columns):
            if column.width:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                self.view.setColumnWidth(i, column.width * em + 16)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.columns) - 1)
        self._refresh()

    # -- actions --------------------------------------------------------------------------
    def add_row(self) -> None:
        row = self.model.add_row()
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()
        self.view.edit(index)

    def remove_current(self) -> None:
        row = self.view.currentIndex().row()
        if row >= 0:
            self.model.remove_row(row)
            if self.model.rowCount():
                self.view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))

    def move_current(self, delta: int) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            row = self.model.move_row(current.row(), delta)
            self.view.setCurrentIndex(self.model.index(row, current.column()))

    def show_problem(self, problem: Problem) -> None:
        """Select the offending cell and bring it into view (used when Save is refused)."""
        index = self.model.index(problem.row, self.model.column_of(problem.key))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()

    def commit_open_cell(self) -> None:
        self.view.commit_open_cell()

    def first_problem(self) -> Problem | None:
        problems = self.model.problems()
        return problems[0] if problems else None

    # -- state ----------------------------------------------------------------------------
    def _refresh(self) -> None:
        problem = self.first_problem()
        if problem is None:
            self.message.hide()
        else:
            title = self.model.columns[self.model.column_of(problem.key)].title()
            self.message.setText(
                self.tr("Row %1 · %2: %3")
                .replace("%1", str(problem.row + 1))
                .replace("%2", title)
                .replace("%3", problem.message)
            )
            self.message.show()
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.view.currentIndex().row()
        count = self.model.rowCount()
        self.remove_button.setEnabled(0 <= row < count)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
