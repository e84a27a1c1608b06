"""File ▸ Export…: the current search result, the selection or the whole registry, to a file.

xlsx and csv are for reading and editing in Excel/WPS (and import back); the .zip with
JSON and photos is the lossless copy for moving a registry or keeping it safe. The
export is written to a temporary file and moved into place when complete, so Cancel or
a full disk never leaves a half-written file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import HonoursError
from ..core.export import ExportResult, export
from . import personal_data
from .i18n import current_language

if TYPE_CHECKING:  # the window type, for hints only (the window imports the features)
    from ..core.registry import Registry
    from .main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls

RESULT, SELECTION, EVERYONE = "result", "selection", "all"


class ExportCancelled(Exception):
    """Raised from the progress callback when the user presses Cancel."""


def formats() -> list[tuple[str, str]]:
    """(suffix, description) of each export format, in the order offered."""
    return [
        (".xlsx", translate("ExportDialog", "Excel workbook (*.xlsx)")),
        (".csv", translate("ExportDialog", "CSV, UTF-8 for Excel (*.csv)")),
        (".zip", translate("ExportDialog", "JSON with photos, complete (*.zip)")),
        (".json", translate("ExportDialog", "JSON records without photos (*.json)")),
    ]


@dataclass
class ExportChoice:
    scope: str
    suffix: str
    reveal_id: bool = False  # ID numbers in full (masked otherwise)


class ExportDialog(QDialog):
    """Which honourees and which format; the file name is asked for next."""

    def __init__(self, counts: dict[str, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.scope_buttons = QButtonGroup(self)
        texts = {
            RESULT: self.tr("The current search result: %n", "", counts.get(RESULT, 0)),
            SELECTION: self.tr("The selected honourees: %n", "", counts.get(SELECTION, 0)),
            EVERYONE: self.tr("The whole registry: %n", "", counts.get(EVERYONE, 0)),
        }
        scope_box = QVBoxLayout()
        for scope in (RESULT, SELECTION, EVERYONE):
            button = QRadioButton(texts[scope])
            button.setObjectName(f"scope_{scope}")
            button.setProperty("scope", scope)
            button.setEnabled(counts.get(scope, 0) > 0)
            self.scope_buttons.addButton(button)
            scope_box.addWidget(button)
        first = next((b for b in self.scope_buttons.buttons() if b.isEnabled()), None)
        if first is not None:
            first.setChecked(True)
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("exportFormatCombo")
        for suffix, description in formats():
            self.format_combo.addItem(description, suffix)
        # ID numbers are personal data: masked in the file unless asked for here (remembered until the app closes)
        self.reveal_check = QCheckBox(self.tr("Show ID numbers in full (otherwise 430402********123X)"))
        self.reveal_check.setObjectName("revealIdCheck")
        self.reveal_check.setChecked(personal_data.reveal_id("export"))
        form = QFormLayout()
        form.addRow(self.tr("Honourees:"), scope_box)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("ID numbers:"), self.reveal_check)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export…"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(first is not None)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> ExportChoice:
        checked = self.scope_buttons.checkedButton()
        personal_data.remember("export", self.reveal_check.isChecked())
        return ExportChoice(
            checked.property("scope") if checked else EVERYONE,
            self.format_combo.currentData(),
            self.reveal_check.isChecked(),
        )


def scope_ids(window: MainWindow, scope: str) -> list[int]:
    """The honourees a scope means, in the order the table shows them."""
    if scope == SELECTION:
        return window.selected_ids()
    if scope == RESULT:
        shown = window.result()
        return window.registry.search(shown.query, shown.order, shown.descending).all_ids()
    return window.registry.all_ids()


def export_with_progress(
    parent: QWidget, registry: Registry, ids: list[int], path: Path, reveal_id: bool = False
) -> ExportResult | None:
    """Export showing a cancellable progress dialog; None when cancelled (no file is left)."""
    dialog = QProgressDialog(
        translate("ExportDialog", "Exporting…"),
        translate("ExportDialog", "Cancel"),
        0,
        max(len(ids), 1),
        parent,
    )
    dialog.setObjectName("exportProgress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)

    def progress(done: int, total: int) -> None:
        dialog.setValue(done)
        QCoreApplication.processEvents()
        if dialog.wasCanceled():
            raise ExportCancelled

    try:
        return export(registry, ids, path, progress=progress, reveal_id=reveal_id)
    except ExportCancelled:
        return None
    finally:
        dialog.close()
        dialog.deleteLater()


def suggested_name(suffix: str) -> str:
    stem = translate("ExportDialog", "honourees")
    return f"{stem}-{date.today().isoformat()}{suffix}"


def run_export(
    window: MainWindow, choice: ExportChoice | None = None, path: Path | None = None
) -> ExportResult | None:
    """The whole File ▸ Export… flow; `choice` and `path` skip the questions (tests, scripts)."""
    if choice is None:
        result = window.result()
        counts = {
            RESULT: result.count(),
            SELECTION: len(window.selected_ids()),
            EVERYONE: window.registry.count(),
        }
        dialog = ExportDialog(counts, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = dialog.choice()
    if path is None:
        description = dict(formats())[choice.suffix]
        folder = window.registry.path.parent if window.registry.path else Path.home()
        name, _ = QFileDialog.getSaveFileName(
            window,
            translate("ExportDialog", "Export"),
            str(folder / suggested_name(choice.suffix)),
            description,
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != choice.suffix:
            path = path.with_name(path.name + choice.suffix)
    ids = scope_ids(window, choice.scope)
    try:
        outcome = export_with_progress(window, window.registry, ids, path, choice.reveal_id)
    except HonoursError as error:
        window.show_error(error)
        return None
    if outcome is None:
        window.status_message(translate("ExportDialog", "Export cancelled: no file was written."))
        return None
    count = outcome.count
    window.status_message(
        translate("ExportDialog", "Honourees exported to %1: %n.", "", count).replace("%1", str(path))
    )
    if outcome.notices:
        lang = current_language()
        QMessageBox.information(
            window,
            translate("ExportDialog", "Export"),
            "\n".join(notice.render(lang) for notice in outcome.notices),
        )
    return outcome


def write_import_template(window: MainWindow, path: Path | None = None) -> Path | None:
    """File ▸ Import template…: 导入模板.xlsx with the headers, an example row and drop-down lists
    (core/template.py); `path` skips the question (tests)."""
    from ..core.template import TEMPLATE_NAME, write_template

    if path is None:
        folder = window.registry.path.parent if window.registry.path else Path.home()
        name, _ = QFileDialog.getSaveFileName(
            window,
            translate("ExportDialog", "Import template"),
            str(folder / TEMPLATE_NAME),
            translate("ExportDialog", "Excel workbook (*.xlsx)"),
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
    try:
        write_template(path)
    except HonoursError as error:
        window.show_error(error)
        return None
    except OSError as error:
        window.show_error(HonoursError(f"Cannot write {path}: {error}", f"无法写入 {path}：{error}"))
        return None
    window.status_message(
        translate(
            "ExportDialog", "Import template written to %1: fill in one row per person, then import it."
        ).replace("%1", str(path))
    )
    return path


def install(window: MainWindow) -> None:
    """File ▸ Export…"""
    action = QAction(translate("ExportDialog", "&Export…"), window)
    action.setObjectName("exportAction")
    action.triggered.connect(lambda: run_export(window))
    window.menu("file").addAction(action)
    template = QAction(translate("ExportDialog", "Import &template…"), window)
    template.setObjectName("importTemplateAction")
    template.triggered.connect(lambda: write_import_template(window))
    window.menu("file").addAction(template)
