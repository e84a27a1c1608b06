"""Tools ▸ Statistics… (统计): the cross table and chart of the roll, donations, care spending
(关怀支出: by year, kind, region … with a chart of its money), print and export.

The dimensions come from core/statistics.py (choose 按 … and 再按 …, people or collectives,
and optionally a search restricting whom to count, the main window's current one at
first); the table (a QAbstractTableModel with a 合计 row and column) and the chart are
made from one Storage verb call. Clicking a figure runs the search behind it in the main
window. Print, preview and PDF draw the same pages as `honours stats --pdf`
(printing/statistics.py); Excel writes the workbook of `--xlsx`. The window recounts when
the registry changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import HonoursError
from ..core.statistics import (
    CARE_BY,
    DIMENSIONS,
    AmountTable,
    CrossTable,
    Report,
    amount_choices,
    report,
    yuan,
)
from .dialog_size import remember_size
from .fonts import certificate_families
from .i18n import current_language

if TYPE_CHECKING:
    from .main_window import MainWindow

QUERY_ROLE = Qt.ItemDataRole.UserRole + 1
TOTAL_FILL = QColor("#f3ede7")


translate = QCoreApplication.translate  # lupdate reads literal translate("Statistics", ...) calls


class CrossTableModel(QAbstractTableModel):
    """A CrossTable with a 合计 column (two dimensions) or share column (one) and a 合计 row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: CrossTable | None = None
        self.language = "zh"

    def set_table(self, table: CrossTable | None, language: str) -> None:
        self.beginResetModel()
        self.table, self.language = table, language
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.table is None else len(self.table.rows) + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.table is None:
            return 0
        return len(self.table.columns) + 1 if self.table.columns_by else 2

    def _cell(self, row: int, column: int):
        """(count or share text, query) of a position."""
        t = self.table
        assert t is not None
        last_row = row == len(t.rows)
        if t.columns_by is None:
            cell = t.total if last_row else t.row_totals[t.rows[row]]
            if column == 0:
                return cell
            from ..core.statistics import share

            return f"{share(cell.count, t.total.count)}%", cell.query
        if column == len(t.columns):
            return t.total if last_row else t.row_totals[t.rows[row]]
        value = t.columns[column]
        return t.column_totals[value] if last_row else t.cell(t.rows[row], value)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.table is None:
            return None
        found = self._cell(index.row(), index.column())
        text, query = found if isinstance(found, tuple) else (found.count, found.query)
        totals = index.row() == len(self.table.rows) or (
            self.table.columns_by is not None and index.column() == len(self.table.columns)
        )
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == QUERY_ROLE:
            return query
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                translate("Statistics", "Click to list these people: %1").replace("%1", query)
                if query
                else None
            )
        if role == Qt.ItemDataRole.FontRole and (totals or query):
            font = QFont()
            font.setBold(totals)
            font.setUnderline(bool(query) and not totals and text != 0)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and totals:
            return QBrush(TOTAL_FILL)
        if role == Qt.ItemDataRole.ForegroundRole and query:
            return QBrush(QColor("#1f4e79"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        t = self.table
        if role != Qt.ItemDataRole.DisplayRole or t is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return (
                translate("Statistics", "Total")
                if section == len(t.rows)
                else t.rows_by.label(t.rows[section], self.language)
            )
        if t.columns_by is None:
            return translate("Statistics", "People") if section == 0 else translate("Statistics", "Share")
        if section == len(t.columns):
            return translate("Statistics", "Total")
        return t.columns_by.label(t.columns[section], self.language)


class AmountModel(QAbstractTableModel):
    """Donations (by year or region) or care spending (by year, kind, region …): their people,
    money (exact yuan), goods by unit; 合计 last."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: AmountTable | None = None
        self.language = "zh"

    def set_table(self, table: AmountTable | None, language: str) -> None:
        self.beginResetModel()
        self.table, self.language = table, language
        self.endResetModel()

    def _rows(self):
        return [] if self.table is None else [*self.table.rows, self.table.total]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.table is None else 2 + len(self.table.units)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.table is None:
            return None
        row = self._rows()[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return row.donors.count
            if index.column() == 1:
                return yuan(row.amount_fen)
            return row.goods.get(self.table.units[index.column() - 2], 0)
        if role == QUERY_ROLE:
            return row.donors.query
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row is self.table.total:
            return QBrush(TOTAL_FILL)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or self.table is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            rows = self._rows()
            row = rows[section]
            return (
                translate("Statistics", "Total")
                if row is self.table.total
                else self.table.label(row.value, self.language)
            )
        care = self.table.measure.key == "care"
        if section == 0:
            return translate("Statistics", "People cared for") if care else translate("Statistics", "Donors")
        if section == 1:
            if care:
                return translate("Statistics", "Amount given (yuan)")
            return translate("Statistics", "Money (yuan)")
        unit = self.table.units[section - 2]
        return unit or translate("Statistics", "Goods")


class ChartWidget(QWidget):
    """The chart of the current table, drawn by printing/chart.py in the bundled fonts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsChart")
        self.setMinimumHeight(180)
        self.data = None

    def set_data(self, data) -> None:
        self.data = data
        self.update()

    def paintEvent(self, _event) -> None:
        from ..printing.chart import draw_chart

        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if self.data is not None:
            family = certificate_families()[0]
            px = max(11.0, self.font().pointSizeF() * self.logicalDpiY() / 72)
            draw_chart(painter, QRectF(self.rect()).adjusted(8, 8, -8, -8), self.data, family, px)
        painter.end()


class StatisticsWindow(QDialog):
    """The statistics of the registry of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("statisticsWindow")
        self.setWindowTitle(translate("Statistics", "Statistics"))
        self.main = window
        self.table_: CrossTable | None = None
        self.amounts_: AmountTable | None = None
        self.care_: AmountTable | None = None
        self.language = current_language()
        self.by = self._combo("statsBy", list(DIMENSIONS), "level")
        self.by2 = self._combo("statsBy2", ["", *DIMENSIONS], "region")
        self.subject = QComboBox()
        self.subject.setObjectName("statsSubject")
        self.subject.addItem(translate("Statistics", "People"), "people")
        self.subject.addItem(translate("Statistics", "Collectives"), "collectives")
        self.query = QLineEdit(window.current_query())
        self.query.setObjectName("statsQuery")
        self.query.setPlaceholderText(translate("Statistics", "Count everyone (or type a search)"))
        self.query.setClearButtonEnabled(True)
        self.message = QLabel()
        self.message.setObjectName("statsMessage")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        for label, widget in (
            (translate("Statistics", "Count by"), self.by),
            (translate("Statistics", "and by"), self.by2),
            (translate("Statistics", "Whom"), self.subject),
            (translate("Statistics", "Search"), self.query),
        ):
            top.addWidget(QLabel(label))
            top.addWidget(widget, 2 if widget is self.query else 0)

        self.model = CrossTableModel(self)
        self.table = self._view("statsTable", self.model)
        self.chart = ChartWidget()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setSizes([320, 260])
        self.amount_by = self._combo("statsAmountBy", ["year", "region"], "year")
        self.amount_model = AmountModel(self)
        self.amount_table = self._view("statsAmounts", self.amount_model)
        donations = QWidget()
        box = QVBoxLayout(donations)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("Statistics", "Donations by")))
        row.addWidget(self.amount_by)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.amount_table)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("statsTabs")
        self.tabs.addTab(split, translate("Statistics", "Counts"))
        self.tabs.addTab(donations, translate("Statistics", "Donations"))
        # care spending (关怀支出): by year, kind, region, or any other person dimension
        care_keys = [*CARE_BY, *(k for k in amount_choices("care") if k not in CARE_BY)]
        self.care_by = self._combo("statsCareBy", care_keys, "year")
        self.care_model = AmountModel(self)
        self.care_table = self._view("statsCare", self.care_model)
        self.care_chart = ChartWidget()
        self.care_chart.setObjectName("statsCareChart")
        care = QWidget()
        care.setObjectName("statsCareTab")
        box = QVBoxLayout(care)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("Statistics", "Care spending by")))
        row.addWidget(self.care_by)
        row.addStretch(1)
        box.addLayout(row)
        care_split = QSplitter(Qt.Orientation.Vertical)
        care_split.addWidget(self.care_table)
        care_split.addWidget(self.care_chart)
        care_split.setSizes([320, 220])
        box.addWidget(care_split)
        self.tabs.addTab(care, translate("Statistics", "Care spending"))

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("statsPreview", translate("Statistics", "Print Preview…"), self.preview),
            ("statsPrint", translate("Statistics", "Print…"), self.print_),
            ("statsPdf", translate("Statistics", "Export PDF…"), self.export_pdf),
            ("statsXlsx", translate("Statistics", "Export Excel…"), self.export_xlsx),
            ("statsClose", translate("Statistics", "Close"), self.close),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            buttons.addWidget(button)
            self.buttons[name] = button
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(300)
        self._recount.timeout.connect(self.refresh)
        for combo in (self.by, self.by2, self.subject, self.amount_by, self.care_by):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.query.textChanged.connect(lambda _t: self._recount.start())
        window.store.changed.connect(self._on_changed)
        self.resize(900, 700)
        remember_size(self)
        self.refresh()

    def _combo(self, name: str, keys: list[str], current: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for key in keys:
            text = translate("Statistics", "(none)") if not key else self._dimension_label(key)
            combo.addItem(text, key)
        combo.setCurrentIndex(max(0, keys.index(current)))
        return combo

    def _dimension_label(self, key: str) -> str:
        dim = DIMENSIONS[key]
        return dim.zh if self.language == "zh" else dim.en

    def _view(self, name: str, model: QAbstractTableModel) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setAlternatingRowColors(True)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(False)
        view.clicked.connect(self.run_search)
        view.activated.connect(self.run_search)
        return view

    def _on_changed(self, _kind: str, _ids: list) -> None:
        self._recount.start()

    # -- counting ------------------------------------------------------------------------------
    def choices(self) -> tuple[str, str | None, str]:
        by, by2 = self.by.currentData(), self.by2.currentData() or None
        return by, (None if by2 == by else by2), self.query.text()

    def refresh(self) -> None:
        """Count again the table shown (and the donations or care spending when their tab is
        shown): one Storage call each, so changing a choice recounts only what is seen."""
        by, by2, query = self.choices()
        registry = self.main.registry
        try:
            self.table_ = registry.cross_table(by, by2, query, self.subject.currentData())
            self.amounts_ = (
                registry.amount_table("donation", self.amount_by.currentData(), query)
                if self.tabs.currentIndex() == 1
                else None
            )
            self.care_ = (
                registry.amount_table("care", self.care_by.currentData(), query)
                if self.tabs.currentIndex() == 2
                else None
            )
        except HonoursError as error:
            self.message.setText(error.message(self.language))
            self.message.show()
            return
        self.message.hide()
        self._show()

    def full_report(self) -> Report | None:
        """Every table of the choices made, for printing and exporting."""
        by, by2, query = self.choices()
        try:
            return report(self.main.registry, by, by2, query)
        except HonoursError as error:
            self.main.show_error(error)
            return None

    def current_table(self) -> CrossTable | None:
        return self.table_

    def _show(self) -> None:
        from ..printing.chart import amount_chart_of, chart_of

        table = self.table_
        self.model.set_table(table, self.language)
        self.chart.set_data(chart_of(table, self.language) if table is not None else None)
        self.amount_model.set_table(self.amounts_, self.language)
        self.care_model.set_table(self.care_, self.language)
        care = self.care_
        self.care_chart.set_data(
            amount_chart_of(care, self.language, translate("Statistics", "Care money (yuan)"))
            if care is not None and care.rows
            else None
        )

    def run_search(self, index: QModelIndex) -> None:
        """Show the people behind a figure in the main window."""
        query = index.data(QUERY_ROLE)
        if not query:
            return
        self.main.search_now(query)
        self.main.raise_()
        self.main.activateWindow()
        self.main.status_message(
            translate("Statistics", "Showing the people behind the figure: %1").replace("%1", query)
        )

    # -- output --------------------------------------------------------------------------------
    def _options(self):
        from ..printing.statistics import StatisticsOptions

        return StatisticsOptions(organisation=self.main.settings.organisation_name, language=self.language)

    def _render(self, target, counted: Report | None = None) -> None:
        from ..printing.statistics import render_statistics

        counted = counted or self.full_report()
        if counted is None:
            return
        try:
            render_statistics(counted, target, self._options())
        except HonoursError as error:
            self.main.show_error(error)

    def _printer(self) -> QPrinter:
        from PySide6.QtGui import QPageSize

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)
        return printer

    def preview(self, show: bool = True) -> QPrintPreviewDialog:
        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("statsPreviewDialog")
        dialog.printer_ = printer  # type: ignore[attr-defined] # kept alive with the dialog
        counted = self.full_report()  # counted once, drawn as often as the preview asks
        dialog.paintRequested.connect(lambda target: self._render(target, counted))
        if show:
            dialog.exec()
        return dialog

    def print_(self) -> None:
        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("statsPrintDialog")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._render(printer)

    def _save_name(self, title: str, suffix: str, filter_: str) -> Path | None:
        folder = self.main.registry.path.parent if self.main.registry.path else Path.home()
        name, _ = QFileDialog.getSaveFileName(
            self, title, str(folder / f"{translate('Statistics', 'statistics')}{suffix}"), filter_
        )
        if not name:
            return None
        return Path(name) if name.lower().endswith(suffix) else Path(name + suffix)

    def export_pdf(self, path: Path | None = None) -> Path | None:
        path = path or self._save_name(
            translate("Statistics", "Export PDF"), ".pdf", translate("Statistics", "PDF documents (*.pdf)")
        )
        if path is None:
            return None
        self._render(path)
        self.main.status_message(
            translate("Statistics", "Saved the statistics to %1.").replace("%1", str(path))
        )
        return path

    def export_xlsx(self, path: Path | None = None) -> Path | None:
        from ..core.statistics_sheet import write_report_xlsx

        path = path or self._save_name(
            translate("Statistics", "Export Excel"),
            ".xlsx",
            translate("Statistics", "Excel workbooks (*.xlsx)"),
        )
        counted = self.full_report() if path is not None else None
        if counted is None:
            return None
        try:
            write_report_xlsx(counted, path, self.language)
        except (HonoursError, OSError) as error:
            self.main.show_error(error if isinstance(error, HonoursError) else str(error))
            return None
        self.main.status_message(
            translate("Statistics", "Saved the statistics to %1.").replace("%1", str(path))
        )
        return path

    def closeEvent(self, event) -> None:
        self._recount.stop()
        super().closeEvent(event)


def open_statistics(window: MainWindow) -> StatisticsWindow:
    """Show the statistics window of `window` (one per main window, brought forward if open)."""
    existing = window.findChild(StatisticsWindow, "statisticsWindow")  # Qt owns it, as the window's child
    if existing is None:
        existing = StatisticsWindow(window)
    else:
        existing.refresh()
    existing.show()
    existing.raise_()
    existing.activateWindow()
    return existing


def install(window: MainWindow) -> None:
    """Tools ▸ Statistics…"""
    action = QAction(translate("Statistics", "&Statistics…"), window)
    action.setObjectName("statisticsAction")
    action.triggered.connect(lambda: open_statistics(window))
    window.menu("tools").addAction(action)
