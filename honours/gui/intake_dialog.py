"""Tools ▸ Intake from report…: paste or open a news report, judge the honourees it proposes, save.

The core reads the report (``honours.core.intake``); this dialog only shows its proposals,
lets staff accept, edit or reject each, and choose whether a person already in the registry
gets the new honours merged into their record or a record of their own. Nothing is written
until Save, which stores every accepted proposal in one transaction (``Registry.apply_import``:
all of them or none, and a merge fails cleanly if someone changed that record meanwhile).

The report reader (honours.core.intake: dictionaries and ~60 compiled patterns, ~70 ms to
import) is imported where a report is read, not when the menu is built: this module is
installed before the main window first paints.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import HonoursError
from ..core.records import Honouree
from ..core.registry import ImportItem, Registry
from .dialog_size import remember_size
from .i18n import current_language
from .intake_evidence import evidence_html
from .intake_model import ACCEPTED, COLUMNS, PENDING, REJECTED, ProposalRow, ProposalTableModel
from .intake_reader import ReportReader

if TYPE_CHECKING:
    from ..core.intake import IntakeResult

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls


class IntakeDialog(QDialog):
    """Paste or open a report, read it, and decide about each proposed honouree."""

    def __init__(self, registry: Registry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeDialog")
        self.registry = registry
        self.report_name = ""
        self.intake_result: IntakeResult | None = None
        self.saved_ids: list[int] = []
        self._saved = (0, 0)  # (added, merged) once saved
        self._read_only = registry.readonly  # asked once: the check takes the write lock briefly
        self.model = ProposalTableModel(self)
        self.reader = ReportReader(self)  # reads off the GUI thread: the tagger takes seconds
        self._build()
        self._connect()
        self._update_buttons()
        self.resize(1200, 760)
        remember_size(self)

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.setWindowTitle(self.tr("Intake from a report"))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("intakeText")
        self.text_edit.setPlaceholderText(
            self.tr("Paste the text of a news report here, or open a .txt or .docx file.")
        )
        self.open_button = QPushButton(self.tr("&Open report…"), self)
        self.open_button.setObjectName("intakeOpenButton")
        self.analyse_button = QPushButton(self.tr("&Find honourees"), self)
        self.analyse_button.setObjectName("intakeAnalyseButton")
        self.report_label = QLabel(self)
        self.report_label.setObjectName("intakeReportLabel")
        top_buttons = QHBoxLayout()
        top_buttons.addWidget(self.open_button)
        top_buttons.addWidget(self.analyse_button)
        top_buttons.addWidget(self.report_label, 1)

        self.table = QTableView(self)
        self.table.setObjectName("intakeTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in zip(COLUMNS, (64, 72, 230, 170, 100, 110, 110, 56, 200), strict=True):
            self.table.setColumnWidth(COLUMNS.index(column), width)
        self.evidence = QTextBrowser(self)
        self.evidence.setObjectName("intakeEvidence")
        self.evidence.setOpenLinks(False)

        self.accept_button = QPushButton(self.tr("&Accept"), self)
        self.accept_button.setObjectName("intakeAcceptButton")
        self.reject_button = QPushButton(self.tr("&Reject"), self)
        self.reject_button.setObjectName("intakeRejectButton")
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("intakeEditButton")
        self.accept_all_button = QPushButton(self.tr("Accept a&ll"), self)
        self.accept_all_button.setObjectName("intakeAcceptAllButton")
        self.merge_check = QCheckBox(self.tr("&Merge into the existing record"), self)
        self.merge_check.setObjectName("intakeMergeCheck")
        row_buttons = QHBoxLayout()
        for widget in (self.accept_button, self.reject_button, self.edit_button, self.merge_check):
            row_buttons.addWidget(widget)
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.accept_all_button)

        proposals = QWidget(self)
        proposals_layout = QVBoxLayout(proposals)
        proposals_layout.setContentsMargins(0, 0, 0, 0)
        proposals_layout.addWidget(self.table, 1)
        proposals_layout.addLayout(row_buttons)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(proposals)
        lower.addWidget(self.evidence)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.text_edit, 1)
        upper_layout.addLayout(top_buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("intakeSplitter")
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("intakeSummary")
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("&Save accepted"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("intakeSaveButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.open_button.clicked.connect(self.choose_report)
        self.analyse_button.clicked.connect(self.analyse_pasted)
        self.reader.finished.connect(self._on_read)
        self.reader.failed.connect(self._on_read_failed)
        self.accept_button.clicked.connect(lambda: self.decide(ACCEPTED))
        self.reject_button.clicked.connect(lambda: self.decide(REJECTED))
        self.accept_all_button.clicked.connect(self.accept_all)
        self.edit_button.clicked.connect(self.edit_current)
        self.merge_check.toggled.connect(self._on_merge_toggled)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.dataChanged.connect(lambda *_: (self._update_buttons(), self._show_current()))
        self.model.modelReset.connect(self._update_buttons)
        self.text_edit.textChanged.connect(self._update_buttons)

    # -- reading a report --------------------------------------------------------------------------
    def choose_report(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open report"), str(Path.home()), self.tr("Reports (*.txt *.docx);;All files (*)")
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> bool:
        """Open a .txt or .docx report, show its text and start reading it (the proposals follow
        when `reader.finished` says so); False when the file cannot be opened."""
        from ..core.intake import read_report

        try:
            with _busy():
                text = read_report(path)
        except HonoursError as error:
            self._show_error(error)
            return False
        self.report_name = path.name
        self.text_edit.blockSignals(True)
        self.text_edit.setPlainText(text)
        self.text_edit.blockSignals(False)
        self._start_reading(text)
        return True

    def analyse_pasted(self) -> None:
        """Read the text in the box (pasted, or edited after opening a file)."""
        text = self.text_edit.toPlainText()
        if not text.strip():
            self._show_error(self.tr("Paste a report or open a file first."))
            return
        self._start_reading(text)

    def _start_reading(self, text: str) -> None:
        self.report_label.setText(self.tr("Reading the report…"))
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.reader.read(text, self.report_name)
        self._update_buttons()

    def _on_read(self, result: IntakeResult) -> None:
        self.unsetCursor()
        self._show_result(result)

    def _on_read_failed(self, error: HonoursError) -> None:
        self.unsetCursor()
        self.report_label.clear()
        self._update_buttons()
        self._show_error(error)

    def _show_result(self, result: IntakeResult) -> None:
        from ..core.intake import find_existing

        self.intake_result = result
        rows = []
        for proposal in result.proposals:
            row = ProposalRow(proposal)
            candidates = find_existing(self.registry, proposal.honouree)
            proposal.existing_ids = candidates
            for existing_id in candidates:
                record = self.registry.honouree(existing_id)
                row.existing_names[existing_id] = (
                    translate("IntakeDialog", "%1 (%2)").replace("%1", record.name).replace("%2", record.unit)
                    if record.unit
                    else record.name
                )
            row.merge_into = candidates[0] if candidates else None
            rows.append(row)
        self.model.set_rows(rows)
        count = len(rows)
        if result.report:
            self.report_label.setText(
                self.tr("%n honouree(s) proposed from %1", "", count).replace("%1", result.report)
            )
        else:
            self.report_label.setText(self.tr("%n honouree(s) proposed", "", count))
        if rows:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.evidence.setHtml(self.tr("No honourees were found in this text."))
        self._update_buttons()

    # -- deciding -------------------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        current = self.table.currentIndex()
        if not rows and current.isValid():
            rows = [current.row()]
        return rows

    def decide(self, decision: str) -> None:
        rows = self.selected_rows()
        self.model.set_decision(rows, decision)
        if rows and rows[-1] + 1 < self.model.rowCount() and len(rows) == 1:
            self.select_row(rows[-1] + 1)  # on to the next proposal

    def accept_all(self) -> None:
        pending = [n for n, row in enumerate(self.model.rows()) if row.decision == PENDING]
        self.model.set_decision(pending, ACCEPTED)

    def select_row(self, number: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(number, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def edit_current(self) -> None:
        """Open the proposal in the record editor; saving there accepts it with the edits."""
        current = self.table.currentIndex()
        if not current.isValid():
            return
        row = self.model.row_at(current.row())
        try:
            from .edit_dialog import EditDialog
        except ImportError:  # the editor is optional: fall back to editing the name in place
            self.table.edit(self.model.index(current.row(), COLUMNS.index("name")))
            return
        draft = copy.deepcopy(row.honouree)
        dialog = EditDialog(self, self.registry, draft)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                edited = dialog.result_honouree()
                edited.id, edited.version = None, 0
                self.model.replace_honouree(current.row(), edited, dialog.new_photos())
        finally:
            shiboken6.delete(dialog)  # now, not with this dialog: it keeps the registry in use

    def _on_merge_toggled(self, checked: bool) -> None:
        current = self.table.currentIndex()
        if not current.isValid():
            return
        row = self.model.row_at(current.row())
        candidates = list(row.existing_names)
        wanted = candidates[0] if checked and candidates else None
        if row.merge_into != wanted:
            self.model.set_merge(current.row(), wanted)

    def _show_current(self) -> None:
        from ..core.intake import merged_record

        current = self.table.currentIndex()
        if not current.isValid() or current.row() >= self.model.rowCount():
            self.merge_check.setEnabled(False)
            return
        row = self.model.row_at(current.row())
        existing = merged = None
        if row.merge_into is not None:
            try:
                existing = self.registry.honouree(row.merge_into)
                merged = merged_record(existing, row.honouree)
            except HonoursError:
                existing = merged = None
        self.evidence.setHtml(evidence_html(row.proposal, existing, merged))
        self.merge_check.blockSignals(True)
        self.merge_check.setEnabled(bool(row.existing_names))
        self.merge_check.setChecked(row.merge_into is not None)
        if row.existing_names:
            first = next(iter(row.existing_names))
            self.merge_check.setText(
                self.tr("&Merge into #%1 %2")
                .replace("%1", str(first))
                .replace("%2", row.existing_names[first])
            )
        else:
            self.merge_check.setText(self.tr("&Merge into the existing record"))
        self.merge_check.blockSignals(False)

    def _update_buttons(self) -> None:
        has_rows = self.model.rowCount() > 0
        has_current = self.table.currentIndex().isValid()
        for button in (self.accept_button, self.reject_button, self.edit_button):
            button.setEnabled(has_rows and has_current)
        counts = self.model.counts()
        self.accept_all_button.setEnabled(counts[PENDING] > 0)
        self.save_button.setEnabled(counts[ACCEPTED] > 0 and not self._read_only)
        reading = self.reader.busy
        self.analyse_button.setEnabled(bool(self.text_edit.toPlainText().strip()) and not reading)
        self.open_button.setEnabled(not reading)
        if has_rows:
            self.summary_label.setText(
                self.tr("%1 accepted, %2 rejected, %3 to decide")
                .replace("%1", str(counts[ACCEPTED]))
                .replace("%2", str(counts[REJECTED]))
                .replace("%3", str(counts[PENDING]))
            )
        else:
            self.summary_label.clear()

    # -- saving -------------------------------------------------------------------------------------
    def records_to_save(self) -> tuple[list[ImportItem], list[ImportItem]]:
        """(new records, merged existing records) for every accepted proposal."""
        from ..core.intake import merged_record

        adds: list[ImportItem] = []
        merges: dict[int, Honouree] = {}
        for row in self.model.rows():
            if row.decision != ACCEPTED:
                continue
            record = copy.deepcopy(row.honouree)
            if row.merge_into is None:
                record.id, record.version = None, 0
                adds.append(ImportItem(record, list(row.new_photos)))
                continue
            base = merges.get(row.merge_into) or self.registry.honouree(row.merge_into)
            merges[row.merge_into] = merged_record(base, record)
        return adds, [ImportItem(record) for record in merges.values()]

    def save(self) -> bool:
        """Store every accepted proposal in one transaction; on any error nothing is stored."""
        try:
            adds, merges = self.records_to_save()
            with _busy():
                outcome = self.registry.apply_import(adds, merges)
        except HonoursError as error:
            self._show_error(error)
            return False
        self.saved_ids = list(outcome.added) + list(outcome.updated)
        self._saved = (len(outcome.added), len(outcome.updated))
        self.accept()
        return True

    def summary(self) -> str:
        added, merged = self._saved
        return (
            self.tr("Intake saved: %1 new, %2 merged into existing records.")
            .replace("%1", str(added))
            .replace("%2", str(merged))
        )

    def reject(self) -> None:
        """Closing with decisions made asks first, so accepted proposals are not lost by a slip."""
        if self.model.counts()[ACCEPTED] and self.intake_result is not None and not self.saved_ids:
            answer = QMessageBox.question(
                self,
                self.tr("Close intake"),
                self.tr("Accepted proposals have not been saved. Close anyway?"),
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Close:
                return
        super().reject()

    def _show_error(self, error: HonoursError | str) -> None:
        text = error.message(current_language()) if isinstance(error, HonoursError) else str(error)
        QMessageBox.warning(self, self.tr("Intake from a report"), text)


class _busy:
    """A wait cursor for the few seconds a long report takes."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


def open_intake(window) -> IntakeDialog:
    """Show the intake dialog; after a save, say what was stored in the status bar."""
    dialog = IntakeDialog(window.registry, window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        window.status_message(dialog.summary())
    return dialog


def install(window) -> None:
    """Tools ▸ Intake from report…"""
    action = QAction(translate("IntakeDialog", "&Intake from report…"), window)
    action.setObjectName("intakeFromReportAction")
    action.setStatusTip(translate("IntakeDialog", "Find the honourees a news report names and add them"))
    action.triggered.connect(lambda: open_intake(window))
    window.menu("tools").addAction(action)
