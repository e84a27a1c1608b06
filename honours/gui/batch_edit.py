"""Edit ▸ Batch Edit…: set the category, region or status of every selected honouree at once.

Each field starts at "leave unchanged"; only the fields given a value are changed. The
dialog fills a plain dict of changes and never writes: the main window saves it through
one undoable command (undo.BatchEditCommand over the core's `edit_many`), so the whole
batch is one transaction and one Ctrl+Z.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ..core.records import CATEGORIES, Status
from .labels import category_label, status_label

# The fields a batch edit sets (a subset of the core's BATCH_FIELDS), in the order shown.
FIELDS = ("category", "region", "status")


class BatchEditDialog(QDialog):
    """Choose values for the selected honourees; `changes()` holds only the fields chosen."""

    def __init__(self, parent: QWidget | None, registry: Any, count: int) -> None:
        super().__init__(parent)
        self.setObjectName("batchEditDialog")
        self.setWindowTitle(self.tr("Batch Edit"))
        self.intro = QLabel(
            self.tr(
                "Set these fields on the %n selected honouree(s). Fields left at "
                "“leave unchanged” keep each person’s own value.",
                "",
                count,
            )
        )
        self.intro.setObjectName("batchEditIntro")
        self.intro.setWordWrap(True)
        known_categories = list(dict.fromkeys([*CATEGORIES, *registry.common_values("category")]))
        self.combos: dict[str, QComboBox] = {
            "category": self._combo(
                "batchCategoryCombo", [(c, category_label(c)) for c in known_categories], editable=True
            ),
            "region": self._combo(
                "batchRegionCombo", [(r, r) for r in registry.common_values("region")], editable=True
            ),
            "status": self._combo(
                "batchStatusCombo", [(s.value, status_label(s.value)) for s in Status], editable=False
            ),
        }
        form = QFormLayout()
        labels = {
            "category": self.tr("&Category"),
            "region": self.tr("&Region"),
            "status": self.tr("S&tatus"),
        }
        for key in FIELDS:
            label = QLabel(labels[key])
            label.setBuddy(self.combos[key])
            form.addRow(label, self.combos[key])

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setObjectName("batchApplyButton")
        self.apply_button.setText(self.tr("&Apply to %n honouree(s)", "", count))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self._update_apply)
            combo.editTextChanged.connect(self._update_apply)
        self._update_apply()
        self.resize(440, self.sizeHint().height())

    def _combo(self, name: str, items: list[tuple[str, str]], *, editable: bool) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setEditable(editable)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem(self.tr("(leave unchanged)"), None)
        for value, label in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(0)
        combo.setMinimumContentsLength(16)
        return combo

    def field_title(self, key: str) -> str:
        """A field's name for the status bar's summary of the change."""
        return {"category": self.tr("Category"), "region": self.tr("Region"), "status": self.tr("Status")}[
            key
        ]

    def changes(self) -> dict[str, str]:
        """Field → the stored value to set, for the fields given one."""
        out = {}
        for key, combo in self.combos.items():
            value = _chosen(combo)
            if value is not None:
                out[key] = value
        return out

    def _update_apply(self) -> None:
        self.apply_button.setEnabled(bool(self.changes()))


def _chosen(combo: QComboBox) -> str | None:
    """The stored value chosen in a combo; None while it says "leave unchanged" (or is blank)."""
    if not combo.isEditable():
        return combo.currentData()
    text = combo.currentText().strip()
    if not text or text == combo.itemText(0):
        return None
    index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
    if index > 0 and combo.itemData(index) is not None:
        return combo.itemData(index)
    return text
