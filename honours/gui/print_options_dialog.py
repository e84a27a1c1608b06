"""The small dialog before printing: certificates or the roll, for whom, how grouped, on what paper.

It only fills a `PrintChoice`; the printing itself is honours.gui.print_actions. Choosing
the kind moves the scope with it: certificates are for the selected honourees, the roll
for the whole current search result (either can still be chosen by hand).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

CERTIFICATES, ROLL = "certificates", "roll"
SELECTION, RESULT, EVERYONE = "selection", "result", "all"


@dataclass
class PrintChoice:
    kind: str = CERTIFICATES  # CERTIFICATES or ROLL
    scope: str = SELECTION  # SELECTION, RESULT or EVERYONE
    group_by: str = "level"
    page_size: str = "A4"
    organisation: str = ""
    language: str = "zh"  # the document's labels: a certificate is a Chinese document by default
    title: str = ""  # the roll's title; empty: the default (荣誉人物名册)
    reveal_id: bool = False  # ID numbers in full on the certificates (masked otherwise)


class PrintOptionsDialog(QDialog):
    """Asks what to print; `counts` gives how many honourees each scope holds."""

    def __init__(
        self, counts: dict[str, int], defaults: PrintChoice, parent: QWidget | None = None, ok_text: str = ""
    ) -> None:
        """`ok_text` names what OK does next (Preview, Print…, Export PDF…)."""
        super().__init__(parent)
        self.setObjectName("printOptionsDialog")
        self.setWindowTitle(self.tr("Print Options"))
        self.counts = counts

        self.kind_buttons = QButtonGroup(self)
        kind_box = QVBoxLayout()
        for kind, text in (
            (CERTIFICATES, self.tr("Certificate summaries, one page per honouree")),
            (ROLL, self.tr("Roll list (a table of honourees)")),
        ):
            button = QRadioButton(text)
            button.setObjectName(f"kind_{kind}")
            button.setProperty("kind", kind)
            self.kind_buttons.addButton(button)
            kind_box.addWidget(button)

        self.scope_buttons = QButtonGroup(self)
        scope_box = QVBoxLayout()
        texts = {
            SELECTION: self.tr("The selected honourees: %n", "", counts.get(SELECTION, 0)),
            RESULT: self.tr("The current search result: %n", "", counts.get(RESULT, 0)),
            EVERYONE: self.tr("The whole registry: %n", "", counts.get(EVERYONE, 0)),
        }
        for scope in (SELECTION, RESULT, EVERYONE):
            button = QRadioButton(texts[scope])
            button.setObjectName(f"scope_{scope}")
            button.setProperty("scope", scope)
            button.setEnabled(counts.get(scope, 0) > 0)
            self.scope_buttons.addButton(button)
            scope_box.addWidget(button)

        self.group_combo = QComboBox()
        self.group_combo.setObjectName("groupByCombo")
        self.group_combo.addItem(self.tr("Honour level"), "level")
        self.group_combo.addItem(self.tr("Work unit"), "unit")
        self.page_combo = QComboBox()
        self.page_combo.setObjectName("pageSizeCombo")
        self.page_combo.addItem(self.tr("A4 (210 × 297 mm)"), "A4")
        self.page_combo.addItem(self.tr("Letter (8.5 × 11 in)"), "Letter")
        self.organisation_edit = QLineEdit()
        self.organisation_edit.setObjectName("organisationEdit")
        self.organisation_edit.setPlaceholderText(self.tr("Printed at the top and beside the seal"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("documentLanguageCombo")
        self.language_combo.addItem(self.tr("Chinese"), "zh")
        self.language_combo.addItem(self.tr("English"), "en")
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("rollTitleEdit")
        self.title_edit.setClearButtonEnabled(True)
        room = self.fontMetrics().horizontalAdvance("衡" * 18)  # a title or an organisation's name, whole
        self.title_edit.setMinimumWidth(room)
        self.organisation_edit.setMinimumWidth(room)

        form = QFormLayout()
        form.addRow(self.tr("Print:"), kind_box)
        form.addRow(self.tr("Honourees:"), scope_box)
        form.addRow(self.tr("Group the roll by:"), self.group_combo)
        form.addRow(self.tr("Roll title:"), self.title_edit)
        form.addRow(self.tr("Paper:"), self.page_combo)
        form.addRow(self.tr("Organisation:"), self.organisation_edit)
        form.addRow(self.tr("Document language:"), self.language_combo)
        # ID numbers are personal data: masked on paper unless asked for here (remembered until the app closes)
        self.reveal_check = QCheckBox(self.tr("Show ID numbers in full (otherwise 430402********123X)"), self)
        self.reveal_check.setObjectName("revealIdCheck")
        standard = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        if ok_text:
            self.buttons.button(standard.Ok).setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.reveal_check)
        layout.addWidget(self.buttons)

        self.kind_buttons.buttonToggled.connect(lambda *_: self._update())
        self.kind_buttons.buttonClicked.connect(lambda *_: self._follow_kind())
        self.scope_buttons.buttonToggled.connect(lambda *_: self._update())
        self.language_combo.currentIndexChanged.connect(lambda *_: self._update_title_hint())
        self._apply(defaults)

    def _apply(self, defaults: PrintChoice) -> None:
        self._check(self.kind_buttons, "kind", defaults.kind)
        scope = (
            defaults.scope
            if self.counts.get(defaults.scope, 0)
            else next((s for s in (SELECTION, RESULT, EVERYONE) if self.counts.get(s, 0)), defaults.scope)
        )
        self._check(self.scope_buttons, "scope", scope)
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(defaults.group_by)))
        self.page_combo.setCurrentIndex(max(0, self.page_combo.findData(defaults.page_size)))
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(defaults.language)))
        self.organisation_edit.setText(defaults.organisation)
        self.title_edit.setText(defaults.title)
        self.reveal_check.setChecked(defaults.reveal_id)
        self._update_title_hint()
        self._update()

    @staticmethod
    def _check(group: QButtonGroup, key: str, value: str) -> None:
        for button in group.buttons():
            if button.property(key) == value and button.isEnabled():
                button.setChecked(True)

    def _follow_kind(self) -> None:
        """The scope that goes with the kind just chosen: the roll lists the whole current
        search result, certificates are printed for the selected honourees."""
        wanted = RESULT if self._value(self.kind_buttons, "kind") == ROLL else SELECTION
        if self.counts.get(wanted, 0):
            self._check(self.scope_buttons, "scope", wanted)

    def _update_title_hint(self) -> None:
        """An empty title prints the default one, in the document's language: shown as the hint.
        (Imported here: the printing package is not loaded when the app starts.)"""
        from ..printing.texts import label

        self.title_edit.setPlaceholderText(label("roll_title", self.language_combo.currentData() or "zh"))

    def _update(self) -> None:
        roll = self._value(self.kind_buttons, "kind") == ROLL
        self.group_combo.setEnabled(roll)
        self.title_edit.setEnabled(roll)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.scope_buttons.checkedButton() is not None)

    @staticmethod
    def _value(group: QButtonGroup, key: str) -> str:
        button = group.checkedButton()
        return button.property(key) if button is not None else ""

    def choice(self) -> PrintChoice:
        return PrintChoice(
            kind=self._value(self.kind_buttons, "kind") or CERTIFICATES,
            scope=self._value(self.scope_buttons, "scope") or SELECTION,
            group_by=self.group_combo.currentData(),
            page_size=self.page_combo.currentData(),
            organisation=self.organisation_edit.text().strip(),
            language=self.language_combo.currentData(),
            title=self.title_edit.text().strip(),
            reveal_id=self.reveal_check.isChecked(),
        )
