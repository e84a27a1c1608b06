"""The Basic tab of the edit dialog: an honouree's own fields, with inline messages.

Units, positions, regions and ethnicities already in the roll are offered as completions,
so one unit is not typed three ways (which would also hide duplicates). Combos show
translated labels but hold the stored values (男/女/"", active/retired/deceased, the
category keys); a category the list does not know is kept as typed.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.fields import HONOUREE_FIELDS, FieldSpec
from ..core.names import notes_text, tidy_name
from ..core.records import CATEGORIES, Honouree, Status
from ..core.vocabulary import GENDERS
from .archive_form import ArchiveForm
from .entry_values import EntryError, read_date
from .i18n import current_language
from .labels import category_label, gender_label, status_label

ERROR_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #36558f;"
# The fields of this tab; the archive's (group "archive") are on the 档案 tab (archive_form.py).
BASIC_FIELDS = tuple(f for f in HONOUREE_FIELDS if f.group != "archive")


class HonoureeForm(QWidget):
    """Name, gender, age, birth date, ethnicity, unit, position, region, category, status, notes, source."""

    identity_changed = Signal()  # name or unit changed: time to look for duplicates again

    def __init__(self, registry: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("basicTab")
        self.registry = registry
        self._name_notes: list = []  # what tidying the name last did, shown under it
        self._build()
        # The archive's fields (档案) on a tab of their own, which the edit dialog shows after this one.
        self.archive = ArchiveForm(parent)
        self.archive.basic = self
        self.retranslate()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        self.name_edit = self._line("nameEdit")
        self.name_error = self._error_label("nameError")
        self.name_note = QLabel(self)  # what tidying the name did (贺 彪 → 贺彪, gender from 马红秋(女))
        self.name_note.setObjectName("nameNote")
        self.name_note.setWordWrap(True)
        self.name_note.setStyleSheet(NOTE_STYLE)
        self.name_note.hide()
        self.gender_combo = self._combo("genderCombo", editable=False)
        self.age_edit = self._line("ageEdit")
        self.birth_date_edit = self._line("birthDateEdit")
        self.birth_date_error = self._error_label("birthDateError")
        self.ethnicity_edit = self._line("ethnicityEdit", "ethnicity")
        self.unit_edit = self._line("unitEdit", "unit")
        self.position_edit = self._line("positionEdit", "position")
        self.region_combo = self._combo("regionCombo", editable=True)
        self.region_combo.addItems(self.registry.common_values("region"))
        self.category_combo = self._combo("categoryCombo", editable=True)
        self.status_combo = self._combo("statusCombo", editable=False)
        self.notes_edit = self._text_box("notesEdit")
        self.source_report_edit = self._line("sourceReportEdit")
        self.source_sentence_edit = self._text_box("sourceSentenceEdit")
        self.source_sentence_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)

        # Each of the record's own fields (core/fields.py) and the widget that edits it: `load` and
        # `values` go through these, reading and writing each widget the same way.
        self.widgets: dict[str, QWidget] = {
            "name": self.name_edit,
            "gender": self.gender_combo,
            "birth_date": self.birth_date_edit,
            "age": self.age_edit,
            "ethnicity": self.ethnicity_edit,
            "unit": self.unit_edit,
            "position": self.position_edit,
            "region": self.region_combo,
            "category": self.category_combo,
            "status": self.status_combo,
            "notes": self.notes_edit,
            "source.report": self.source_report_edit,
            "source.sentence": self.source_sentence_edit,
        }

        self.person_form, self.person_labels = self._form(
            [
                (self.name_edit, self._stacked(self.name_edit, self.name_error, self.name_note)),
                (self.gender_combo, self.gender_combo),
                (self.age_edit, self.age_edit),
                (self.birth_date_edit, self._stacked(self.birth_date_edit, self.birth_date_error)),
                (self.ethnicity_edit, self.ethnicity_edit),
            ]
        )
        self.work_form, self.work_labels = self._form(
            [
                (self.unit_edit, self.unit_edit),
                (self.position_edit, self.position_edit),
                (self.region_combo, self.region_combo),
                (self.category_combo, self.category_combo),
                (self.status_combo, self.status_combo),
            ]
        )
        self.notes_label = QLabel(self)
        self.notes_label.setBuddy(self.notes_edit)
        self.source_box = QGroupBox(self)
        source_form = QFormLayout(self.source_box)
        self.source_report_label = QLabel(self.source_box)
        self.source_sentence_label = QLabel(self.source_box)
        source_form.addRow(self.source_report_label, self.source_report_edit)
        source_form.addRow(self.source_sentence_label, self.source_sentence_edit)

        grid = QGridLayout(self)
        grid.addLayout(self.person_form, 0, 0)
        grid.addLayout(self.work_form, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(24)
        grid.addWidget(self.notes_label, 1, 0, 1, 2)
        grid.addWidget(self.notes_edit, 2, 0, 1, 2)
        grid.addWidget(self.source_box, 3, 0, 1, 2)
        grid.setRowStretch(2, 1)

        self.name_edit.textEdited.connect(lambda _text: (self.name_error.hide(), self.name_note.hide()))
        self.name_edit.editingFinished.connect(self._name_left)
        self.birth_date_edit.textEdited.connect(lambda _text: self.birth_date_error.hide())
        self.name_edit.textChanged.connect(self.identity_changed)
        self.unit_edit.textChanged.connect(self.identity_changed)

    def _form(self, rows: list[tuple[QWidget, QWidget]]) -> tuple[QFormLayout, list[QLabel]]:
        """A form whose labels are kept for retranslation; each label's buddy is its field."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(12)
        labels = []
        for buddy, field in rows:
            label = QLabel(self)
            label.setBuddy(buddy)
            form.addRow(label, field)
            labels.append(label)
        return form, labels

    def _line(self, name: str, completions_from: str | None = None) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        completions = self.registry.common_values(completions_from) if completions_from else []
        if completions:
            completer = QCompleter(QStringListModel(completions, edit), edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)
        return edit

    def _combo(self, name: str, *, editable: bool) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setEditable(editable)
        return combo

    def _text_box(self, name: str) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setObjectName(name)
        box.setTabChangesFocus(True)
        return box

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        return label

    def _stacked(self, field: QWidget, *below: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        for widget in below:
            layout.addWidget(widget)
        return box

    # -- language -------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        person = [
            self.tr("&Name *"),
            self.tr("&Gender"),
            self.tr("&Age"),
            self.tr("&Birth date"),
            self.tr("&Ethnicity"),
        ]
        work = [
            self.tr("&Unit"),
            self.tr("&Position"),
            self.tr("&Region"),
            self.tr("&Category"),
            self.tr("S&tatus"),
        ]
        for label, text in zip(self.person_labels + self.work_labels, person + work, strict=False):
            label.setText(text)
        self.name_edit.setPlaceholderText(self.tr("Person or collective, e.g. 许仲秋"))
        self.name_note.setText(notes_text(self._name_notes, current_language()))
        self.age_edit.setPlaceholderText(self.tr("as reported, e.g. 28"))
        self.birth_date_edit.setPlaceholderText(self.tr("e.g. 1975-06-01 or 1975"))
        self.ethnicity_edit.setPlaceholderText(self.tr("e.g. 汉族"))
        self.unit_edit.setPlaceholderText(self.tr("Work unit, e.g. 衡阳市中心医院"))
        self.region_combo.lineEdit().setPlaceholderText(self.tr("e.g. 耒阳市"))
        self.category_combo.lineEdit().setPlaceholderText(self.tr("Choose or type"))
        self.notes_label.setText(self.tr("N&otes"))
        self.source_box.setTitle(self.tr("Source"))
        self.source_report_label.setText(self.tr("Report"))
        self.source_sentence_label.setText(self.tr("Sentence"))
        self._fill_combo(
            self.gender_combo, [("", self.tr("Not stated")), *[(t.key, gender_label(t.key)) for t in GENDERS]]
        )
        self._fill_combo(self.status_combo, [(s.value, status_label(s.value)) for s in Status])
        self._fill_combo(self.category_combo, [(c, category_label(c)) for c in CATEGORIES])

    def _fill_combo(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        """(Re)fill a value/label combo keeping the current value (also across a language switch)."""
        current = combo_value(combo) if combo.count() else None
        combo.blockSignals(True)
        combo.clear()
        for value, label in items:
            combo.addItem(label, value)
        combo.blockSignals(False)
        if current is not None:
            set_combo_value(combo, current)

    # -- values ---------------------------------------------------------------------------
    def load(self, h: Honouree) -> None:
        self.archive.load(h)
        for spec in BASIC_FIELDS:
            value, widget = attrgetter(spec.key)(h), self.widgets[spec.key]
            if isinstance(widget, QComboBox):
                set_combo_value(widget, value or spec.default)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            else:
                widget.setText(str(value or ""))

    def values(self) -> dict[str, Any]:
        """The fields as stored values (trimmed), keyed like the field spec (source.report …),
        the archive's (ArchiveForm) among them."""
        return {**{spec.key: self._value(spec) for spec in BASIC_FIELDS}, **self.archive.values()}

    def born_and_gender(self) -> dict[str, str]:
        """The birth date and gender as entered (to compare with an ID number)."""
        return {"born": self.birth_date_edit.text().strip(), "gender": combo_value(self.gender_combo)}

    def fill_from_id_number(self, parsed: Any) -> list[str]:
        """An empty birth date and gender filled from a checked ID number; what was filled, said."""
        said = []
        if not self.birth_date_edit.text().strip():
            self.birth_date_edit.setText(parsed.born.isoformat())
            said.append(
                self.tr("Birth date %1 read from the ID number.").replace("%1", parsed.born.isoformat())
            )
        if not combo_value(self.gender_combo):
            set_combo_value(self.gender_combo, parsed.gender)
            said.append(
                self.tr("Gender %1 read from the ID number.").replace("%1", gender_label(parsed.gender))
            )
        return said

    def _value(self, spec: FieldSpec) -> str:
        widget = self.widgets[spec.key]
        if isinstance(widget, QComboBox):
            value = combo_value(widget)
            if spec.vocabulary is not None and widget.isEditable():
                # a typed word of the vocabulary (医务人员, donor …) is stored as its value
                value = spec.vocabulary.lookup(value) or value
            return value or spec.default
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        return widget.text().strip()

    def _name_left(self) -> None:
        """Leaving the name after typing in it: tidy it (see `tidy_name`)."""
        if self.name_edit.isModified():
            self.name_edit.setModified(False)
            self.tidy_name()

    def tidy_name(self) -> None:
        """The name as the registry keeps it (core/names.py: 贺 彪 → 贺彪, 沙吾尔•芒力克 → 沙吾尔·芒力克);
        a gender or ethnicity in brackets (马红秋(女)) fills its field when that is empty, other
        bracket remarks go to the notes. What was done is shown under the name."""
        record = Honouree(
            name=self.name_edit.text(),
            gender=combo_value(self.gender_combo),
            ethnicity=self.ethnicity_edit.text().strip(),
            notes=self.notes_edit.toPlainText().strip(),
        )
        notes = tidy_name(record)
        if not notes:
            return
        self.name_edit.setText(record.name)
        set_combo_value(self.gender_combo, record.gender)
        self.ethnicity_edit.setText(record.ethnicity)
        if record.notes != self.notes_edit.toPlainText().strip():
            self.notes_edit.setPlainText(record.notes)
        self._name_notes = notes
        self.name_note.setText(notes_text(notes, current_language()))
        self.name_note.show()

    def problem(self) -> tuple[str, QWidget] | None:
        """What stops saving (message, field to focus), shown inline under the field; else None.

        A readable birth date is tidied on the way (2020年2月5日 → 2020-02-05).
        """
        values = self.values()
        if not values["name"]:
            self.name_error.setText(self.tr("Enter the name of the person or collective."))
            self.name_error.show()
            return self.tr("The name is required."), self.name_edit
        if values["birth_date"]:
            try:
                self.birth_date_edit.setText(read_date(values["birth_date"]))
            except EntryError as exc:
                self.birth_date_error.setText(str(exc))
                self.birth_date_error.show()
                return str(exc), self.birth_date_edit
        return None


def combo_value(combo: QComboBox) -> str:
    """The stored value: an item's data when its label is shown, else the text typed."""
    if not combo.isEditable():
        return combo.currentData() or ""
    text = combo.currentText().strip()
    index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
    if index >= 0 and combo.itemData(index) is not None:
        return combo.itemData(index)
    return text


def set_combo_value(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index < 0 and combo.isEditable():
        index = combo.findText(value, Qt.MatchFlag.MatchFixedString)
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable():
        combo.setCurrentIndex(-1)
        combo.setEditText(value)
    else:
        combo.setCurrentIndex(0)
