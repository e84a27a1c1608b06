"""Care of model workers in the app: Edit ▸ Record Care… (one care event for the selected people or
the whole result: one transaction, one Ctrl+Z), Tools ▸ Who Is Due… (a list of the people due a
visit, check-up, recuperation or aid, or with a stale file; a double-click shows the person) and
File ▸ Print Sign Sheet… (the 慰问金发放签领表: preview, printer or PDF).

The dialogs only gather what the user chose; the core does the work (registry.add_care,
registry.due, core/care.sign_sheet) and honours.printing draws the sheet.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.care import DUE_KINDS, DuePeriods, sign_sheet
from ..core.errors import HonoursError
from ..core.records import Care
from ..core.vocabulary import CARE_KINDS, CARE_OCCASIONS
from .dialog_size import remember_size
from .entry_values import EntryError, read_amount, read_quantity
from .i18n import current_language
from .labels import care_kind_label, status_label
from .undo import CareBatchCommand

if TYPE_CHECKING:
    from ..printing import RenderResult
    from .main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls

SELECTION, RESULT = "selection", "result"


def people(window: MainWindow, scope: str) -> list[int]:
    """The selected honourees, or everyone the current search finds, in the table's order."""
    if scope == SELECTION:
        return window.selected_ids()
    shown = window.result()
    return window.registry.search(shown.query, shown.order, shown.descending).all_ids()


class _ScopeChoice(QWidget):
    """Whom: the selected rows or the whole current result."""

    def __init__(self, window: MainWindow, parent: QWidget) -> None:
        super().__init__(parent)
        selected, found = len(window.selected_ids()), window.result().count()
        self.selection = QRadioButton(
            translate("CareDialogs", "The %n selected honouree(s)", "", selected), self
        )
        self.selection.setObjectName("careScopeSelection")
        self.result = QRadioButton(
            translate("CareDialogs", "Everyone the search finds (%n)", "", found), self
        )
        self.result.setObjectName("careScopeResult")
        self.selection.setEnabled(selected > 0)
        (self.selection if selected > 1 else self.result).setChecked(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.selection)
        layout.addWidget(self.result)

    def scope(self) -> str:
        return SELECTION if self.selection.isChecked() else RESULT


def _occasion_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.addItems(list(CARE_OCCASIONS))
    combo.setCurrentText("春节")
    return combo


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate(), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class CareBatchDialog(QDialog):
    """Edit ▸ Record Care…: what was given, when, by whom, to whom."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("careBatchDialog")
        self.setWindowTitle(self.tr("Record Care"))
        self.scope = _ScopeChoice(window, self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("careKindCombo")
        for key in CARE_KINDS.keys:
            self.kind.addItem(care_kind_label(key), key)
        self.occasion = _occasion_combo(self)
        self.occasion.setObjectName("careOccasionCombo")
        self.amount = QLineEdit(self)
        self.amount.setObjectName("careAmountEdit")
        self.amount.setPlaceholderText(self.tr("e.g. 500 (each person)"))
        self.item = QLineEdit(self)
        self.item.setObjectName("careItemEdit")
        self.quantity = QLineEdit(self)
        self.quantity.setObjectName("careQuantityEdit")
        self.unit = QLineEdit(self)
        self.unit.setPlaceholderText(self.tr("e.g. 份"))
        self.day = _date_edit(self)
        self.day.setObjectName("careDateEdit")
        self.by = QLineEdit(self)
        self.by.setObjectName("careByEdit")
        self.note = QLineEdit(self)
        self.message = QLabel(self)
        self.message.setObjectName("careBatchMessage")
        self.message.setStyleSheet("color: #b3261e")
        form = QFormLayout()
        form.addRow(self.tr("Who"), self.scope)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Occasion"), self.occasion)
        form.addRow(self.tr("&Amount (yuan)"), self.amount)
        goods = QHBoxLayout()
        goods.addWidget(self.item, 3)
        goods.addWidget(self.quantity, 1)
        goods.addWidget(self.unit, 1)
        form.addRow(self.tr("Goods, quantity, unit"), goods)
        form.addRow(self.tr("&Date"), self.day)
        form.addRow(self.tr("&By"), self.by)
        form.addRow(self.tr("&Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("careBatchOkButton")
        self.ok_button.setText(self.tr("&Record"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._care: Care | None = None

    def care(self) -> Care | None:
        """The care event as entered; None, with the reason shown, when it cannot be read."""
        amount = quantity = None
        try:
            if self.amount.text().strip():
                amount = read_amount(self.amount.text())[0]
            if self.quantity.text().strip():
                quantity = read_quantity(self.quantity.text())[0]
        except EntryError as exc:
            self.message.setText(str(exc))
            return None
        return Care(  # in the order of the record's fields (fields.CARE)
            self.day.date().toString("yyyy-MM-dd"),
            self.kind.currentData(),
            self.occasion.currentText().strip(),
            amount,
            self.item.text().strip(),
            quantity,
            self.unit.text().strip(),
            self.by.text().strip(),
            self.note.text().strip(),
        )

    def _accept(self) -> None:
        self._care = self.care()
        if self._care is not None:
            self.accept()

    def chosen(self) -> Care | None:
        return self._care


def record_care(window: MainWindow, dialog: CareBatchDialog | None = None) -> CareBatchCommand | None:
    """Edit ▸ Record Care…: one care event for many, one transaction, one undo step."""
    if window.registry.readonly:
        window.status_message(
            translate("CareDialogs", "This registry is read-only: care cannot be recorded.")
        )
        return None
    if dialog is None:
        dialog = CareBatchDialog(window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        care = dialog.chosen()
    else:  # filled in already (tests)
        care = dialog.care()
    if care is None:
        return None
    ids = people(window, dialog.scope.scope())
    if not ids:
        window.status_message(translate("CareDialogs", "Nobody to record care for."))
        return None
    try:
        before = window.registry.honourees(ids)
        command = CareBatchCommand(window.registry, before, care, window.show_error)
        command.apply()
    except HonoursError as error:
        window.show_error(error)
        return None
    window.undo_stack.push(command)
    count = len(command.added)
    done = translate("CareDialogs", "Recorded %1 for %n honouree(s) (Ctrl+Z undoes it).", "", count)
    window.status_message(done.replace("%1", f"{care.occasion}{care_kind_label(care.kind)}"), 10000)
    return command


# -- who is due ----------------------------------------------------------------------------------


class DueDialog(QDialog):
    """Tools ▸ Who Is Due…: the people a rule says are due; double-click shows one in the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("dueDialog")
        self.setWindowTitle(self.tr("Who Is Due"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("dueKindCombo")
        titles = {
            "visit": self.tr("No visit (慰问) this year"),
            "checkup": self.tr("Check-up (体检) due"),
            "recuperation": self.tr("Recuperation (疗休养) due"),
            "aid": self.tr("困难劳模 not helped in 12 months"),
            "stale": self.tr("Files not updated for a year"),
        }
        for key in DUE_KINDS:
            self.kind.addItem(titles[key], key)
        self.year = QSpinBox(self)
        self.year.setObjectName("dueYearSpin")
        self.year.setRange(1949, 2100)
        self.year.setValue(date.today().year)
        self.everyone = QCheckBox(self.tr("Everyone living, not only model workers"), self)
        self.everyone.setObjectName("dueEveryoneCheck")
        settings = window.settings
        self.periods: dict[str, QSpinBox] = {}
        periods = QHBoxLayout()
        for key, text, top in (
            ("checkup_serving_years", self.tr("Check-up every (years, serving)"), 10),
            ("checkup_retired_years", self.tr("retired"), 10),
            ("recuperation_years", self.tr("Recuperation every (years)"), 10),
            ("aid_months", self.tr("Aid within (months)"), 60),
        ):
            spin = QSpinBox(self)
            spin.setObjectName(f"due_{key}")
            spin.setRange(1, top)
            spin.setValue(getattr(settings.due_periods(), key))
            spin.valueChanged.connect(self.refresh)
            self.periods[key] = spin
            periods.addWidget(QLabel(text, self))
            periods.addWidget(spin)
        periods.addStretch(1)
        top_row = QHBoxLayout()
        top_row.addWidget(self.kind, 2)
        top_row.addWidget(QLabel(self.tr("Year"), self))
        top_row.addWidget(self.year)
        top_row.addWidget(self.everyone)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("dueTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.cellDoubleClicked.connect(self._open_row)
        self.summary = QLabel(self)
        self.summary.setObjectName("dueSummary")
        self.summary.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        self.search_button = QPushButton(self.tr("Show Them in the Table"), self)
        self.search_button.setObjectName("dueSearchButton")
        self.search_button.clicked.connect(self._show_all)
        close.addButton(self.search_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(top_row)
        layout.addLayout(periods)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(close)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.year.valueChanged.connect(self.refresh)
        self.everyone.toggled.connect(self.refresh)
        self.resize(760, 560)
        remember_size(self)
        self.ids: list[int] = []
        self.refresh()

    def periods_chosen(self) -> DuePeriods:
        saved = self.window_.settings.due_periods()
        values = {key: spin.value() for key, spin in self.periods.items()}
        return DuePeriods(**values, stale_months=saved.stale_months)

    def refresh(self) -> None:
        periods = self.periods_chosen()
        settings = self.window_.settings
        for key, spin in self.periods.items():  # the periods are settings: kept for next time
            setattr(settings, key, spin.value())
        kind = self.kind.currentData()
        self.everyone.setEnabled(kind == "visit")
        try:
            answer = self.window_.registry.due(
                kind, self.year.value(), periods, everyone=self.everyone.isChecked() and kind == "visit"
            )
        except HonoursError as error:
            self.summary.setText(error.message())
            return
        headers = [self.tr("Name"), self.tr("Unit"), self.tr("Status"), self.tr("Last"), self.tr("Reason")]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(answer.entries))
        lang = current_language()
        for row, e in enumerate(answer.entries):
            for column, text in enumerate(
                (e.name, e.unit, status_label(e.status), e.last or "—", e.reason.render(lang))
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, e.id)
                self.table.setItem(row, column, item)
        self.ids = [e.id for e in answer.entries]
        notes = " ".join(notice.render(lang) for notice in answer.notices)
        count = len(answer.entries)
        text = self.tr("%n honouree(s) due, as of %1. Double-click one to show it.", "", count)
        self.summary.setText(f"{text.replace('%1', answer.as_of)} {notes}".strip())

    def _open_row(self, row: int, _column: int = 0) -> None:
        item = self.table.item(row, 0)
        if item is None:
            return
        honouree_id = int(item.data(Qt.ItemDataRole.UserRole))
        window = self.window_
        if not window.select_id(honouree_id):
            window.reveal_new(honouree_id, item.text())  # clears a search that hides it, then selects
        window.detail_pane.show_honouree(honouree_id)

    def _show_all(self) -> None:
        """Select every listed person in the table (the search is cleared when it hides some)."""
        window = self.window_
        if not self.ids:
            return
        window.search_box.clear()
        window.results_table.select_ids(self.ids)


def show_due(window: MainWindow) -> DueDialog:
    dialog = DueDialog(window)
    dialog.show()
    return dialog


# -- the sign sheet -------------------------------------------------------------------------------


class SignSheetDialog(QDialog):
    """File ▸ Print Sign Sheet…: whom, how much each, what for, the day, who handles and checks."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("signSheetDialog")
        self.setWindowTitle(self.tr("Print Sign Sheet (慰问金发放签领表)"))
        self.scope = _ScopeChoice(window, self)
        self.occasion = _occasion_combo(self)
        self.occasion.setObjectName("signOccasionCombo")
        self.amount = QLineEdit("500", self)
        self.amount.setObjectName("signAmountEdit")
        self.day = _date_edit(self)
        self.title = QLineEdit(self)
        self.title.setObjectName("signTitleEdit")
        self.title.setPlaceholderText(self.tr("(default: 2027年春节慰问金发放签领表)"))
        self.handled = QLineEdit(self)
        self.checked = QLineEdit(self)
        self.record = QCheckBox(self.tr("Also record the visit (慰问) for each person"), self)
        self.record.setObjectName("signRecordCheck")
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b3261e")
        form = QFormLayout()
        form.addRow(self.tr("Who"), self.scope)
        form.addRow(self.tr("&Occasion"), self.occasion)
        form.addRow(self.tr("&Amount each (yuan)"), self.amount)
        form.addRow(self.tr("&Date"), self.day)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("Handled by (经办人)"), self.handled)
        form.addRow(self.tr("Checked by (审核人)"), self.checked)
        form.addRow("", self.record)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.actions: dict[str, QPushButton] = {}
        for key, text in (
            ("preview", self.tr("Pre&view…")),
            ("print", self.tr("&Print…")),
            ("pdf", self.tr("Export P&DF…")),
        ):
            button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
            button.setObjectName(f"sign_{key}")
            button.clicked.connect(lambda _=False, k=key: self._choose(k))
            self.actions[key] = button
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.action = ""

    def _choose(self, key: str) -> None:
        if self.amount_fen() is not None:
            self.action = key
            self.accept()

    def amount_fen(self) -> int | None:
        try:
            return read_amount(self.amount.text())[0]
        except EntryError as exc:
            self.message.setText(str(exc))
            return None

    def sheet(self):
        window = self.window_
        ids = people(window, self.scope.scope())
        return ids, sign_sheet(
            window.registry.honourees(ids),
            self.amount_fen() or 0,
            occasion=self.occasion.currentText().strip(),
            day=self.day.date().toString("yyyy-MM-dd"),
            title=self.title.text().strip(),
            organisation=window.settings.organisation_name,
        )

    def options(self):
        from ..printing import SignSheetOptions

        return SignSheetOptions(
            organisation=self.window_.settings.organisation_name,
            page_size=self.window_.settings.print_page_size,
            handled_by=self.handled.text().strip(),
            checked_by=self.checked.text().strip(),
        )


def print_sign_sheet(
    window: MainWindow, dialog: SignSheetDialog | None = None, path: Path | None = None
) -> RenderResult | QPrintPreviewDialog | None:
    """File ▸ Print Sign Sheet…; `dialog` (already filled, its action chosen) and `path` skip
    the questions (tests)."""
    from ..printing import render_sign_sheet

    if dialog is None:
        dialog = SignSheetDialog(window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
    try:
        ids, sheet = dialog.sheet()
        options = dialog.options()
        if dialog.action == "preview":
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            preview = QPrintPreviewDialog(printer, window)
            preview.setObjectName("signSheetPreview")
            preview.printer_ = printer  # keep it alive as long as the preview
            preview.paintRequested.connect(lambda p: render_sign_sheet(sheet, p, options))
            preview.resize(900, 1000)
            if path is None:
                preview.exec()
            result = preview
        elif dialog.action == "print":
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            chooser = QPrintDialog(printer, window)
            if chooser.exec() != QDialog.DialogCode.Accepted:
                return None
            result = render_sign_sheet(sheet, printer, options)
        else:
            if path is None:
                folder = window.registry.path.parent if window.registry.path else Path.home()
                name, _ = QFileDialog.getSaveFileName(
                    window,
                    translate("CareDialogs", "Export PDF"),
                    str(folder / f"{sheet.title}.pdf"),
                    translate("CareDialogs", "PDF documents (*.pdf)"),
                )
                if not name:
                    return None
                path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
            result = render_sign_sheet(sheet, path, options)
            pages = result.pages  # lupdate misses a translate() whose arguments hold a call
            saved = translate("CareDialogs", "Saved the sign sheet (%n page(s)) to %1.", "", pages)
            window.status_message(saved.replace("%1", str(path)))
        if dialog.record.isChecked() and ids:
            command = CareBatchCommand(
                window.registry,
                window.registry.honourees(ids),
                Care(sheet.date, "visit", dialog.occasion.currentText().strip(), sheet.rows[0].amount_fen),
                window.show_error,
            )
            command.apply()
            window.undo_stack.push(command)
    except HonoursError as error:
        window.show_error(error)
        return None
    return result


def install(window: MainWindow) -> None:
    """Edit ▸ Record Care…, Tools ▸ Who Is Due…, File ▸ Print Sign Sheet…; Record Care is also on
    the table's right-click menu."""
    record = QAction(translate("CareDialogs", "Record &Care…"), window)
    record.setObjectName("recordCareAction")
    record.setStatusTip(
        translate(
            "CareDialogs", "Record one visit, check-up or other care for the selected honourees at once"
        )
    )
    record.triggered.connect(lambda: record_care(window))
    window.menu("edit").addAction(record)
    window.menu("edit").aboutToShow.connect(lambda: record.setEnabled(not window.registry.readonly))
    window.results_table.addAction(record)
    due = QAction(translate("CareDialogs", "Who Is &Due…"), window)
    due.setObjectName("dueAction")
    due.triggered.connect(lambda: show_due(window))
    window.menu("tools").addAction(due)
    sheet = QAction(translate("CareDialogs", "Print &Sign Sheet…"), window)
    sheet.setObjectName("signSheetAction")
    sheet.triggered.connect(lambda: print_sign_sheet(window))
    window.menu("file").addAction(sheet)
