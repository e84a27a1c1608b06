"""Tools ▸ Merge Duplicate Records… (档案合并): find records of one person in the roll and merge them.

The core finds the pairs (`duplicates.find_duplicates`: same name and a similar unit, birth
date or ID number) and merges in one transaction (`Registry.merge`). This dialog lists the
pairs, shows the selected pair side by side with what merging gives, lets staff choose which
record to keep and, for a field the two fill differently, whose value to use, and merges:
the other record goes to the trash, its honours, deeds, donations and photos move to the kept
one, and both histories record it. Each merge is a command on the window's undo stack, so
Ctrl+Z (here or in the main window) puts both records back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.duplicates import DuplicatePair, find_duplicates
from ..core.errors import HonoursError
from ..core.record_merge import clone, combine
from ..core.records import Honouree
from ..core.registry import Registry
from .compare_table import ComparisonModel, comparison_view
from .dialog_size import remember_size
from .i18n import current_language
from .undo import MergeCommand

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls

Index = QModelIndex | QPersistentModelIndex


def _who(ref: int, unit: str, position: str) -> str:
    place = " ".join(p for p in (unit, position) if p)
    return f"#{ref} {place}".strip()


class PairsModel(QAbstractTableModel):
    """The pairs found, one a line: name, the two records, why they look like one person."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pairs: list[DuplicatePair] = []
        self._headers = [
            translate("MergeDialog", "Name"),
            translate("MergeDialog", "Record"),
            translate("MergeDialog", "Other record"),
            translate("MergeDialog", "Why"),
        ]

    def set_pairs(self, pairs: list[DuplicatePair]) -> None:
        self.beginResetModel()
        self._pairs = list(pairs)
        self.endResetModel()

    def pair(self, row: int) -> DuplicatePair | None:
        return self._pairs[row] if 0 <= row < len(self._pairs) else None

    def pairs(self) -> list[DuplicatePair]:
        return list(self._pairs)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._pairs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        pair = self._pairs[index.row()]
        a, b = pair.first, pair.second
        return (
            a.name,
            _who(a.ref, a.unit, a.position),
            _who(b.ref, b.unit, b.position),
            pair.reason(current_language()),
        )[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class MergeDialog(QDialog):
    """List the roll's possible duplicates; compare a pair; keep one and merge the other into it."""

    def __init__(
        self, registry: Registry, undo_stack: QUndoStack | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge Duplicate Records"))
        self.registry = registry
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.records: tuple[Honouree, Honouree] | None = None  # the selected pair as stored now
        self.keep_first = True
        self.take: set[str] = set()  # fields where the other record's value is used
        self.merged: list[int] = []  # ids merged away while the dialog was open
        self._build()
        self.resize(1200, 640)
        remember_size(self)
        self.undo_stack.indexChanged.connect(self._stack_moved)
        self.find()

    def _stack_moved(self, _index: int) -> None:
        self.find()

    def done(self, result: int) -> None:
        self.undo_stack.indexChanged.disconnect(self._stack_moved)  # the window's stack outlives the dialog
        super().done(result)

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("mergeSummary")
        find_again = QPushButton(self.tr("&Find Again"))
        find_again.setObjectName("findDuplicatesButton")
        find_again.clicked.connect(self.find)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(find_again)

        self.pairs_model = PairsModel(self)
        self.pairs_view = QTableView()
        self.pairs_view.setObjectName("duplicatePairsTable")
        self.pairs_view.setModel(self.pairs_model)
        self.pairs_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pairs_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pairs_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pairs_view.verticalHeader().setVisible(False)
        self.pairs_view.verticalHeader().setDefaultSectionSize(22)
        self.pairs_view.setWordWrap(False)
        header = self.pairs_view.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((64, 170, 170)):
            self.pairs_view.setColumnWidth(column, width)
        self.pairs_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_pair())

        self.keep_label = QLabel(self.tr("Keep:"))
        self.keep_buttons = QButtonGroup(self)
        self.keep_a = QRadioButton()
        self.keep_a.setObjectName("keepFirst")
        self.keep_b = QRadioButton()
        self.keep_b.setObjectName("keepSecond")
        for button, first in ((self.keep_a, True), (self.keep_b, False)):
            self.keep_buttons.addButton(button)
            button.toggled.connect(lambda on, f=first: on and self._keep(f))
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep_label)
        keep_row.addWidget(self.keep_a)
        keep_row.addWidget(self.keep_b)
        keep_row.addStretch(1)
        self.why = QLabel()
        self.why.setObjectName("mergeWhy")
        self.why.setWordWrap(True)
        self.comparison = ComparisonModel(self)
        self.comparison.take_changed.connect(self._taken)
        self.comparison_view = comparison_view(self.comparison, "mergeComparison")
        self.hint = QLabel(
            self.tr(
                "The other record goes to the trash; its honours, deeds, donations and photos "
                "move to the kept one. Tinted fields differ: the kept record's value stays "
                "unless you tick the other's."
            )
        )
        self.hint.setObjectName("mergeHint")
        self.hint.setWordWrap(True)
        self.merge_button = QPushButton(self.tr("&Merge"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.clicked.connect(self.merge_selected)
        self.undo_button = QPushButton(self.tr("&Undo Merge"))
        self.undo_button.setObjectName("undoMergeButton")
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        undo = QAction(self)
        undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        undo.triggered.connect(self.undo_stack.undo)
        redo = QAction(self)
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Y"))
        redo.setShortcuts(redo_keys)
        redo.triggered.connect(self.undo_stack.redo)
        self.addActions([undo, redo])
        actions = QHBoxLayout()
        actions.addWidget(self.hint, 1)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.merge_button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 0, 0, 0)
        side_layout.addWidget(self.why)
        side_layout.addLayout(keep_row)
        side_layout.addWidget(self.comparison_view, 1)
        side_layout.addLayout(actions)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.pairs_view)
        splitter.addWidget(side)
        splitter.setSizes([520, 660])

        self.status = QLabel()
        self.status.setObjectName("mergeStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    # -- finding ---------------------------------------------------------------------------------
    def find(self) -> None:
        """Look for pairs again (after a merge, an undo, or on request), keeping the pair shown if it remains."""
        current = self.current_pair()
        keep = (current.first.ref, current.second.ref) if current else None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pairs = find_duplicates(self.registry)
        finally:
            QApplication.restoreOverrideCursor()
        self.pairs_model.set_pairs(pairs)
        count = len(pairs)
        self.summary.setText(
            self.tr("%n pair(s) of records look like one person.", "", count)
            if count
            else self.tr("No records look like the same person.")
        )
        row = next((i for i, p in enumerate(pairs) if (p.first.ref, p.second.ref) == keep), 0)
        if count:
            self.pairs_view.selectionModel().setCurrentIndex(
                self.pairs_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_pair()

    def current_pair(self) -> DuplicatePair | None:
        index = self.pairs_view.currentIndex()
        return self.pairs_model.pair(index.row()) if index.isValid() else None

    def select_pair(self, first: int, second: int) -> bool:
        for row, pair in enumerate(self.pairs_model.pairs()):
            if {pair.first.ref, pair.second.ref} == {first, second}:
                self.pairs_view.selectionModel().setCurrentIndex(
                    self.pairs_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                return True
        return False

    # -- the selected pair -----------------------------------------------------------------------
    def _show_pair(self) -> None:
        pair = self.current_pair()
        self.records = None
        if pair is not None:
            try:
                self.records = (
                    self.registry.honouree(pair.first.ref),
                    self.registry.honouree(pair.second.ref),
                )
            except HonoursError:
                self.records = None
        for widget in (self.keep_a, self.keep_b, self.merge_button, self.keep_label):
            widget.setEnabled(self.records is not None)
        self.why.setText(self.tr("Why: %1").replace("%1", pair.reason(current_language())) if pair else "")
        if self.records is None:
            self.keep_a.setText("")
            self.keep_b.setText("")
            self.comparison.set_records([], [])
            return
        a, b = self.records
        self.keep_a.setText(self.tr("#%1 %2").replace("%1", str(a.id)).replace("%2", a.unit or a.name))
        self.keep_b.setText(self.tr("#%1 %2").replace("%1", str(b.id)).replace("%2", b.unit or b.name))
        self.take = set()
        self.keep_first = _fuller(a) >= _fuller(b)
        (self.keep_a if self.keep_first else self.keep_b).setChecked(True)
        self._compare(reset_take=True)

    def kept_and_other(self) -> tuple[Honouree, Honouree] | None:
        if self.records is None:
            return None
        a, b = self.records
        return (a, b) if self.keep_first else (b, a)

    def _keep(self, first: bool) -> None:
        if self.keep_first != first:
            self.keep_first = first
            self._compare(reset_take=True)

    def _compare(self, reset_take: bool = False) -> None:
        pair = self.kept_and_other()
        if pair is None:
            return
        kept, other = pair
        preview = clone(kept)
        conflicts = combine(preview, other, None if reset_take else self.take)
        if reset_take:
            self.take = {c.field for c in conflicts if c.taken}
        preview.photos = [*kept.photos, *other.photos]
        headers = [
            self.tr("#%1 (kept)").replace("%1", str(kept.id)),
            self.tr("#%1 (to the trash)").replace("%1", str(other.id)),
            self.tr("After merging"),
        ]
        self.comparison.set_records(headers, [kept, other, preview], conflicts, choosable=1)

    def _taken(self, field: str, taken: bool) -> None:
        (self.take.add if taken else self.take.discard)(field)
        self._compare()

    # -- merging ---------------------------------------------------------------------------------
    def merge_selected(self) -> bool:
        """Merge the pair shown, keeping the chosen record; an undoable command on the stack."""
        pair = self.kept_and_other()
        if pair is None:
            return False
        kept, other = pair
        assert kept.id is not None and other.id is not None
        command = MergeCommand(
            self.registry,
            kept.id,
            other.id,
            keep_version=kept.version,
            other_version=other.version,
            take=self.take,
            name=kept.name,
            on_error=self._error,
        )
        try:
            command.apply()
        except HonoursError as error:
            self._error(error)
            self.find()  # someone changed or deleted one of them: show the roll as it is now
            return False
        self.merged.append(other.id)
        self.undo_stack.push(command)  # finds again (indexChanged)
        self.status.setText(
            self.tr("Merged #%1 into #%2 %3; #%1 is in the trash. Ctrl+Z undoes it.")
            .replace("%1", str(other.id))
            .replace("%2", str(kept.id))
            .replace("%3", kept.name)
        )
        return True

    def _error(self, error: HonoursError) -> None:
        QMessageBox.warning(self, self.tr("Merge Duplicate Records"), error.message(current_language()))


def _fuller(record: Honouree) -> tuple[int, int]:
    """Which record to offer to keep: the one holding more (then the older one)."""
    held = len(record.honours) + len(record.deeds) + len(record.donations) + len(record.photos)
    return held, -(record.id or 0)


def open_merge(window: MainWindow) -> MergeDialog:
    dialog = MergeDialog(window.registry, window.undo_stack, window)
    dialog.exec()
    count = len(dialog.merged)  # lupdate misses a translate() whose arguments hold a call
    if count:
        window.status_message(
            translate("MergeDialog", "Merged %n duplicate record(s) (Ctrl+Z undoes the last).", "", count)
        )
    return dialog


def install(window: MainWindow) -> None:
    """Tools ▸ Merge Duplicate Records…"""
    action = QAction(translate("MergeDialog", "&Merge Duplicate Records…"), window)
    action.setObjectName("mergeDuplicatesAction")
    action.triggered.connect(lambda: open_merge(window))
    window.menu("tools").addAction(action)
