"""The dialog for adding or editing one honouree: every field, lists, photos, nothing saved here.

The dialog only fills plain records; the main window saves them through an undo command
(`registry.add` / `registry.update`), so the dialog is testable without writes and an
edit can be undone. It reads through the registry for stored photos, completions and the
duplicate warning. `exec()` returns Accepted only when the data can be saved; then
`result_honouree()`, `new_photos()` and `rotations()` say what to save. An existing
record keeps the `version` it was opened with, so the core can refuse a lost update.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.amounts import format_yuan
from ..core.errors import InvalidRecordError
from ..core.fields import OWN_FIELDS
from ..core.photos import NewPhoto
from ..core.records import Honouree, Source
from ..core.registry import validate_record
from .dialog_size import remember_size
from .honouree_form import ERROR_STYLE, HonoureeForm
from .i18n import current_language
from .list_editors import ListEditor, Problem
from .list_models import CareModel, DeedsModel, DonationsModel, HonoursModel
from .photo_manager import PhotoManager

WARNING_STYLE = (
    "background: #fff4d6; color: #5c4300; border: 1px solid #e8c66a; border-radius: 4px; padding: 6px 10px;"
)
DUPLICATE_CHECK_DELAY_MS = 250


@dataclass
class _Refusal:
    """Why Save was refused: which tab to show, what to say, what to focus."""

    tab: QWidget
    message: str
    focus: Any


class EditDialog(QDialog):
    """Edit one honouree (or a new one when `honouree` is None)."""

    def __init__(self, parent: QWidget | None, registry: Any, honouree: Honouree | None) -> None:
        super().__init__(parent)
        self.setObjectName("editDialog")
        self.registry = registry
        self.original = honouree
        self._result: Honouree | None = None
        self._build()
        self.retranslate()
        self._load(honouree or Honouree(name=""))
        self._initial_state = self._state()
        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(DUPLICATE_CHECK_DELAY_MS)
        self._duplicate_timer.timeout.connect(self.check_duplicates)
        self.form.identity_changed.connect(self._duplicate_timer.start)
        self.check_duplicates()
        self.resize(960, 660)
        remember_size(self)
        self.form.name_edit.setFocus()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        self.duplicate_warning = QLabel(self)
        self.duplicate_warning.setObjectName("duplicateWarning")
        self.duplicate_warning.setWordWrap(True)
        self.duplicate_warning.setStyleSheet(WARNING_STYLE)
        self.duplicate_warning.hide()

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("editTabs")
        self.form = HonoureeForm(self.registry, self)
        self.basic_tab = self.form
        self.honours_editor = ListEditor(
            HonoursModel(),
            "honours",
            lambda: self.tr("No honours recorded. Click “Add” to record a title such as 全国劳动模范."),
            self,
        )
        self.deeds_editor = ListEditor(
            DeedsModel(),
            "deeds",
            lambda: self.tr("No deeds recorded. Click “Add”, then double-click a cell to write."),
            self,
        )
        self.donations_editor = ListEditor(
            DonationsModel(),
            "donations",
            lambda: self.tr(
                "No donations recorded. Amounts can be typed as clerks write them: 50万, 10万元, 1,000, 五十万元."
            ),
            self,
        )
        self.care_editor = ListEditor(
            CareModel(),
            "care",
            lambda: self.tr(
                "No care recorded. Click “Add” for a visit (慰问), check-up (体检), recuperation (疗休养), "
                "aid (困难帮扶) or allowance (劳模津贴)."
            ),
            self,
        )
        self.photos = PhotoManager(self.registry, self)
        self.archive_tab = self.form.archive
        for widget in (
            self.basic_tab,
            self.archive_tab,
            self.honours_editor,
            self.deeds_editor,
            self.donations_editor,
            self.care_editor,
            self.photos,
        ):
            self.tabs.addTab(widget, "")
        for editor in self._list_editors():
            editor.model.edited.connect(self._update_tab_titles)
        self.photos.edited.connect(self._update_tab_titles)
        self.donations_editor.model.edited.connect(self._update_totals)
        self.care_editor.model.edited.connect(self._update_totals)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_message = QLabel(self)
        self.save_message.setObjectName("saveMessage")
        self.save_message.setWordWrap(True)
        self.save_message.setStyleSheet(ERROR_STYLE)
        # Enter never saves a half-filled record (it moves on: see keyPressEvent); saving is
        # Ctrl+S or the Save button, which says so in its tooltip and is no default button.
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        # Like the inline errors, the reason Save gave goes once the user starts fixing it;
        # Save says it again if it still applies.
        for edited in (
            self.form.name_edit.textEdited,
            self.form.birth_date_edit.textEdited,
            self.honours_editor.model.edited,
            self.deeds_editor.model.edited,
            self.donations_editor.model.edited,
            self.care_editor.model.edited,
            self.photos.edited,
        ):
            edited.connect(lambda *_: self.save_message.clear())

        bottom = QHBoxLayout()
        bottom.addWidget(self.save_message, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.duplicate_warning)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

    # -- language -------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.form.retranslate()
            self.archive_tab.retranslate()
            self.honours_editor.retranslate()
            self.deeds_editor.retranslate()
            self.donations_editor.retranslate()
            self.care_editor.retranslate()
            self.photos.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        name = self.original.name if self.original else ""
        self.setWindowTitle(
            self.tr("Edit %1").replace("%1", name) if self.original else self.tr("New honouree")
        )
        self.save_button.setText(self.tr("Save"))
        keys = QKeySequence(QKeySequence.StandardKey.Save).toString(QKeySequence.SequenceFormat.NativeText)
        self.save_button.setToolTip(self.tr("Save this honouree (%1)").replace("%1", keys))
        self.cancel_button.setText(self.tr("Cancel"))
        self._update_tab_titles()
        self.check_duplicates()

    def _update_tab_titles(self) -> None:
        counts = [
            None,
            None,
            self.honours_editor.model.filled_rows(),
            self.deeds_editor.model.filled_rows(),
            self.donations_editor.model.filled_rows(),
            self.care_editor.model.filled_rows(),
            len(self.photos.model.entries),
        ]
        titles = [
            self.tr("Basic"),
            self.tr("Archive"),
            self.tr("Honours"),
            self.tr("Deeds"),
            self.tr("Donations"),
            self.tr("Care"),
            self.tr("Photos"),
        ]
        for i, (title, count) in enumerate(zip(titles, counts, strict=False)):
            self.tabs.setTabText(i, f"{title} ({count})" if count else title)
        self._update_totals()

    def _list_editors(self) -> tuple[ListEditor, ...]:
        return (self.honours_editor, self.deeds_editor, self.donations_editor, self.care_editor)

    def _update_totals(self) -> None:
        care = self.care_editor.model
        if care.records():
            self.care_editor.footer.setText(
                self.tr("Money given: %1").replace("%1", format_yuan(care.total_fen()))
            )
        else:
            self.care_editor.footer.clear()
        model = self.donations_editor.model
        records = model.records()
        if not records:
            self.donations_editor.footer.clear()
            return
        goods = sum(1 for d in records if d.item)
        text = self.tr("Cash total: %1").replace("%1", format_yuan(model.total_fen()))
        if goods:
            text += " · " + self.tr("%n gift(s) of goods", "", goods)
        self.donations_editor.footer.setText(text)

    # -- loading and reading ---------------------------------------------------------------
    def _load(self, h: Honouree) -> None:
        self.form.load(h)
        self.honours_editor.model.set_records(h.honours)
        self.deeds_editor.model.set_records(h.deeds)
        self.donations_editor.model.set_records(h.donations)
        self.care_editor.model.set_records(h.care)
        self.photos.set_photos(h.photos)
        self._update_tab_titles()

    def _state(self) -> tuple:
        """Everything the user can change, to tell whether there are unsaved changes."""
        return (
            tuple(sorted(self.form.values().items())),
            self.honours_editor.model.snapshot(),
            self.deeds_editor.model.snapshot(),
            self.donations_editor.model.snapshot(),
            self.care_editor.model.snapshot(),
            self.photos.snapshot(),
        )

    def is_dirty(self) -> bool:
        return self._state() != self._initial_state

    # -- duplicate warning ------------------------------------------------------------------
    def check_duplicates(self) -> None:
        """Warn (without blocking) when another honouree has the same name and unit."""
        fields = self.form.values()
        exclude = self.original.id if self.original else None
        others = (
            self.registry.same_name_and_unit(fields["name"], fields["unit"], exclude)
            if fields["name"]
            else []
        )
        if not others:
            self.duplicate_warning.hide()
            return
        count = len(others)
        self.duplicate_warning.setText(
            "⚠ "
            + self.tr(
                "%n other honouree(s) already have this name and unit (ID %1). Make sure this "
                "is not the same person before saving.",
                "",
                count,
            ).replace("%1", ", ".join(str(i) for i in others))
        )
        self.duplicate_warning.show()

    # -- saving ---------------------------------------------------------------------------
    def _refusal(self) -> _Refusal | None:
        problem = self.form.problem()
        if problem is not None:
            message, field = problem
            return _Refusal(self.form, message, field)
        problem = self.archive_tab.problem()
        if problem is not None:
            message, field = problem
            return _Refusal(self.archive_tab, message, field)
        for editor, what in (
            (self.honours_editor, self.tr("Honours")),
            (self.deeds_editor, self.tr("Deeds")),
            (self.donations_editor, self.tr("Donations")),
            (self.care_editor, self.tr("Care")),
        ):
            row_problem = editor.first_problem()
            if row_problem is not None:
                return _Refusal(editor, self._problem_text(what, row_problem), (editor, row_problem))
        if self.photos.is_busy():
            return _Refusal(
                self.photos, self.tr("Photos are still being checked; save again in a moment."), None
            )
        try:  # the registry's own checks (e.g. invisible control characters pasted in), before
            validate_record(self._build_result())  # the dialog closes and the edits would be lost
        except InvalidRecordError as error:
            return _Refusal(self.tabs.currentWidget(), error.message(current_language()), None)
        return None

    def _problem_text(self, what: str, problem: Problem) -> str:
        return (
            self.tr("%1, row %2: %3")
            .replace("%1", what)
            .replace("%2", str(problem.row + 1))
            .replace("%3", problem.message)
        )

    def save(self) -> bool:
        """Accept the dialog if everything can be saved; otherwise show what to fix and stay."""
        for editor in self._list_editors():
            editor.commit_open_cell()  # Ctrl+S while a cell is being typed in keeps what was typed
        self.form.tidy_name()
        refusal = self._refusal()
        if refusal is not None:
            self.save_message.setText(refusal.message)
            self.tabs.setCurrentWidget(refusal.tab)
            if isinstance(refusal.focus, tuple):
                editor, problem = refusal.focus
                editor.show_problem(problem)
            elif refusal.focus is not None:
                refusal.focus.setFocus()
            return False
        self.save_message.clear()
        self._result = self._build_result()
        self._initial_state = self._state()
        self.accept()
        return True

    def _build_result(self) -> Honouree:
        f = self.form.values()
        kept = self.original or Honouree(name="")
        return Honouree(
            **{spec.key: f[spec.key] for spec in OWN_FIELDS},
            source=Source(report=f["source.report"], sentence=f["source.sentence"]),
            honours=self.honours_editor.model.records(),
            deeds=self.deeds_editor.model.records(),
            donations=self.donations_editor.model.records(),
            care=self.care_editor.model.records(),
            photos=self.photos.existing_photos(),
            id=kept.id,
            version=kept.version,
            created_at=kept.created_at,
            updated_at=kept.updated_at,
        )

    def result_honouree(self) -> Honouree:
        """The edited record (only after the dialog was accepted)."""
        if self._result is None:
            raise RuntimeError("result_honouree() is available once the dialog was saved")
        return self._result

    def new_photos(self) -> list[NewPhoto]:
        return self.photos.new_photos()

    def rotations(self) -> dict[int, int]:
        return self.photos.rotations()

    # -- keys --------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for button in self.buttons.buttons():  # the button box made Save the default as it showed
            button.setDefault(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves to the next field instead of pressing a default button (a form filled
        half-way must not be saved by a reflex); in the lists it has moved down a row already.
        Esc still goes through reject(), which asks about unsaved changes."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- leaving without saving ---------------------------------------------------------------
    def reject(self) -> None:
        """Cancel, Esc and the close button: ask before throwing away changes."""
        if self.is_dirty():
            answer = self.ask_about_unsaved_changes()
            if answer == QMessageBox.StandardButton.Save:
                self.save()
                return
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def done(self, result: int) -> None:
        """However the dialog ends, a pending duplicate check must not run after it."""
        self._duplicate_timer.stop()
        super().done(result)

    def ask_about_unsaved_changes(self) -> QMessageBox.StandardButton:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to this honouree before closing?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("unsavedChangesBox")
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("Save"))
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Discard changes"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Keep editing"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return QMessageBox.StandardButton(box.exec())
