"""The 档案 (Archive) tab of the edit dialog: the archive's fields, one row each, made from the spec.

Each field of `fields.ARCHIVE_FIELDS` gets the widget its type asks for: a list for a
vocabulary (政治面貌, 文化程度, 劳模待遇), a check box for yes/no (困难劳模), a line for dates
and texts. Values are read as every other door reads them (core/archive.read_value), and a
value that cannot be read is said under its field in the user's language.

The ID number is personal data: it is shown masked (430402********123X) and in full only
while a person edits it (clicked, tabbed or typed into); leaving the field masks it again. Reading a
number fills an empty birth date and gender on the Basic tab and says where they disagree.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QInputMethodEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.archive import ArchiveValueError, read_value
from ..core.fields import ARCHIVE_FIELDS, BOOL, DATE, FieldSpec
from ..core.id_numbers import IdNumberError, disagreements, mask, parse_id_number
from .i18n import current_language

ERROR_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #36558f;"


class IdNumberEdit(QLineEdit):
    """A line that holds an ID number, masked except while a person edits it: it is shown in full
    when they click or tab into it, or start typing in it; focus it merely lands on (a tab page
    shown) keeps it masked, and leaving the field masks it again."""

    left = Signal()  # the focus went elsewhere after the number was shown: it may have been edited

    _USER_REASONS = (
        Qt.FocusReason.MouseFocusReason,
        Qt.FocusReason.TabFocusReason,
        Qt.FocusReason.BacktabFocusReason,
        Qt.FocusReason.ShortcutFocusReason,
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._number = ""
        self._revealed = False

    def number(self) -> str:
        """The number as typed (in full), whether or not it is shown."""
        return self.text().strip() if self._revealed else self._number

    def set_number(self, number: str) -> None:
        self._number = (number or "").strip()
        self.setText(self._number if self._revealed else mask(self._number))

    def is_revealed(self) -> bool:
        return self._revealed

    def _reveal(self) -> None:
        if not self._revealed:
            self._revealed = True
            self.setText(self._number)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if event.reason() in self._USER_REASONS:
            self._reveal()  # in full while it is being edited
        super().focusInEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._reveal()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text() or event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self._reveal()  # typing edits the number, never its masked form
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        self._reveal()
        super().inputMethodEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        was_revealed = self._revealed
        if was_revealed:
            self._number = self.text().strip()
        self._revealed = False
        self.setText(mask(self._number))
        super().focusOutEvent(event)
        if was_revealed:
            self.left.emit()


class ArchiveForm(QWidget):
    """The archive's fields of one record (see the module doc)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("archiveTab")
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.basic: Any = None  # the Basic tab (HonoureeForm), whose birth date and gender a number fills
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in ARCHIVE_FIELDS:
            widget = self._widget(spec)
            widget.setObjectName(_object_name(spec))
            self.widgets[spec.key] = widget
            error = QLabel(self)
            error.setObjectName(_object_name(spec) + "Error")
            error.setWordWrap(True)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            self.errors[spec.key] = error
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            if spec.masked:
                self.id_note = QLabel(self)
                self.id_note.setObjectName("idNumberNote")
                self.id_note.setWordWrap(True)
                self.id_note.setStyleSheet(NOTE_STYLE)
                self.id_note.hide()
                column.addWidget(self.id_note)
            label = QLabel(self)
            label.setBuddy(widget)
            self.labels[spec.key] = label
            form.addRow(label, box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        self.id_edit: IdNumberEdit = self.widgets["id_number"]  # type: ignore[assignment]
        self.id_edit.left.connect(self.read_id_number)
        self.id_edit.textEdited.connect(lambda _t: (self.errors["id_number"].hide(), self.id_note.hide()))
        self.retranslate()

    def _widget(self, spec: FieldSpec) -> QWidget:
        if spec.masked:
            return IdNumberEdit(self)
        if spec.type == BOOL:
            return QCheckBox(self)
        if spec.vocabulary is not None:
            combo = QComboBox(self)
            combo.setEditable(False)
            return combo
        edit = QLineEdit(self)
        edit.textEdited.connect(lambda _t, key=spec.key: self.errors[key].hide())
        return edit

    # -- language -------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        language = current_language()
        for spec in ARCHIVE_FIELDS:
            self.labels[spec.key].setText(spec.label(language))
            widget = self.widgets[spec.key]
            if isinstance(widget, QComboBox) and spec.vocabulary is not None:
                current = widget.currentData() if widget.count() else None
                widget.blockSignals(True)
                widget.clear()
                widget.addItem(self.tr("Not stated"), "")
                for term in spec.vocabulary:
                    widget.addItem(term.label(language), term.key)
                widget.blockSignals(False)
                if current is not None:
                    widget.setCurrentIndex(max(0, widget.findData(current)))
            elif isinstance(widget, QLineEdit) and spec.type == DATE:
                widget.setPlaceholderText(self.tr("e.g. 1998-07 or 1998-07-01"))
        self.id_edit.setPlaceholderText(self.tr("18 characters; shown in full only while editing"))
        self.id_edit.setToolTip(
            self.tr("Personal data: the ID number is shown masked except while this field is being edited.")
        )
        self.widgets["phone"].setPlaceholderText(self.tr("e.g. 13807340000"))  # type: ignore[attr-defined]

    # -- values ---------------------------------------------------------------------------
    def load(self, h: Any) -> None:
        for spec in ARCHIVE_FIELDS:
            value, widget = getattr(h, spec.key), self.widgets[spec.key]
            if isinstance(widget, IdNumberEdit):
                widget.set_number(value)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value or "")))
            else:
                widget.setText(str(value or ""))  # type: ignore[attr-defined]
            self.errors[spec.key].hide()
        self.id_note.hide()

    def raw_values(self) -> dict[str, Any]:
        """Each field as the widget holds it (texts trimmed, yes/no a bool)."""
        out: dict[str, Any] = {}
        for spec in ARCHIVE_FIELDS:
            widget = self.widgets[spec.key]
            if isinstance(widget, IdNumberEdit):
                out[spec.key] = widget.number()
            elif isinstance(widget, QCheckBox):
                out[spec.key] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                out[spec.key] = widget.currentData() or ""
            else:
                out[spec.key] = widget.text().strip()  # type: ignore[attr-defined]
        return out

    def values(self) -> dict[str, Any]:
        """The fields as stored values: what can be read is read (2020年3月 → 2020-03, a 15-digit
        number as its 18 characters); what cannot is kept as typed (`problem` says so)."""
        out = self.raw_values()
        for spec in ARCHIVE_FIELDS:
            with contextlib.suppress(ArchiveValueError):  # kept as typed; `problem` says why
                out[spec.key] = read_value(spec, out[spec.key])
        return out

    def problem(self) -> tuple[str, QWidget] | None:
        """The first value that cannot be stored (message, its field), said under it; else None.
        A readable date or number is tidied on the way."""
        language = current_language()
        raw = self.raw_values()
        for spec in ARCHIVE_FIELDS:
            try:
                value = read_value(spec, raw[spec.key])
            except ArchiveValueError as exc:
                message = exc.text.render(language)
                self.errors[spec.key].setText(message)
                self.errors[spec.key].show()
                return message, self.widgets[spec.key]
            widget = self.widgets[spec.key]
            if isinstance(widget, IdNumberEdit):
                widget.set_number(value)
            elif isinstance(widget, QLineEdit) and spec.type == DATE:
                widget.setText(value)
        return None

    def read_id_number(self) -> None:
        """After the number was edited: fill an empty birth date and gender on the Basic tab from
        it, and say where they disagree with it (a warning; saving is not refused)."""
        number = self.id_edit.number()
        self.id_note.hide()
        if not number:
            return
        language = current_language()
        try:
            parsed = parse_id_number(number)
        except IdNumberError as exc:
            self.errors["id_number"].setText(exc.text.render(language))
            self.errors["id_number"].show()
            return
        self.id_edit.set_number(parsed.number)
        if self.basic is None:
            return
        said = self.basic.fill_from_id_number(parsed)
        said += [said.render(language) for said in disagreements(parsed, **self.basic.born_and_gender())]
        if said:
            self.id_note.setText("；".join(said) if language == "zh" else "; ".join(said))
            self.id_note.show()


def _object_name(spec: FieldSpec) -> str:
    """idNumberEdit, politicalStatusEdit, hardshipEdit … (stable names for tests)."""
    head, *rest = spec.key.split("_")
    return head + "".join(word.capitalize() for word in rest) + "Edit"
