"""When a save meets a version someone else saved meanwhile (another window or PC).

Nothing is overwritten without asking. When the version I opened is known, my edit is
merged three-way with theirs (`diffs.merge`): their changes to fields I did not touch are
kept, and only fields we both changed are real conflicts, shown in bold. The table shows
their version beside what Keep My Version would save; the user keeps mine (saved with
`Registry.overwrite`, which also keeps photos they added and leaves their version in
the history), keeps theirs (discards my changes), or goes back to editing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core.diffs import differences, merge
from ..core.errors import ConflictError, NotFoundError
from ..core.records import Honouree
from ..core.registry import Registry
from .dialog_size import remember_size
from .diff_table import DiffModel, diff_view, field_label
from .i18n import current_language


class ConflictChoice(Enum):
    KEEP_MINE = "mine"
    KEEP_THEIRS = "theirs"
    KEEP_EDITING = "editing"


@dataclass(frozen=True)
class ConflictResolution:
    """The user's choice and, for KEEP_MINE, the record to save over theirs."""

    choice: ConflictChoice
    record: Honouree


class ConflictDialog(QDialog):
    """Both versions' differing fields and the three ways out; `choice` holds the answer.

    `original` is the version the edit started from; with it, my edit is merged with theirs.
    """

    def __init__(
        self,
        mine: Honouree,
        theirs: Honouree | None,
        error: ConflictError,
        parent: QWidget | None = None,
        original: Honouree | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Someone Else Saved This Record"))
        self.resize(820, 480)
        remember_size(self)
        self.choice = ConflictChoice.KEEP_EDITING

        message = QLabel(error.message(current_language()))
        message.setObjectName("conflictMessage")
        message.setWordWrap(True)
        self.record = mine
        kept_theirs: list[str] = []
        both: list[str] = []
        if theirs is not None and original is not None:
            self.record, kept_theirs, both = merge(original, mine, theirs)
        if theirs is None:
            advice = self.tr("Keep My Version brings the record back from the trash with your changes.")
        elif original is not None:
            advice = self.tr(
                "Keep My Version saves your changes and keeps theirs to the fields you did not "
                "change; fields you both changed are in bold. Their version stays in the "
                "record's history, and photos they added are kept."
            )
        else:
            advice = self.tr(
                "The fields below differ. Keep My Version saves yours over theirs (theirs stays "
                "in the record's history, and photos they added are kept)."
            )
        explanation = QLabel(advice)
        explanation.setWordWrap(True)
        self.kept_note = QLabel()
        self.kept_note.setObjectName("conflictKeptNote")
        self.kept_note.setWordWrap(True)
        if kept_theirs:
            names = "、".join(field_label(f) for f in kept_theirs)
            self.kept_note.setText(self.tr("Their changes kept in any case: %1").replace("%1", names))
        self.kept_note.setVisible(bool(kept_theirs))
        mine_header = self.tr("Your version") if original is None else self.tr("Saved by Keep My Version")
        self.changes = DiffModel(self.tr("Saved by someone else"), mine_header, self)
        self.changes.set_changes(differences(theirs, self.record, current_language()), emphasised=both)
        self.table = diff_view(self.changes, "conflictDiff")

        self.keep_mine_button = QPushButton(self.tr("Keep &My Version"))
        self.keep_mine_button.setObjectName("keepMineButton")
        theirs_text = self.tr("Keep &Their Version") if theirs is not None else self.tr("Leave It &Deleted")
        self.keep_theirs_button = QPushButton(theirs_text)
        self.keep_theirs_button.setObjectName("keepTheirsButton")
        self.keep_editing_button = QPushButton(self.tr("Keep &Editing"))
        self.keep_editing_button.setObjectName("keepEditingButton")
        buttons = QDialogButtonBox()
        buttons.addButton(self.keep_mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep_theirs_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.keep_editing_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_mine_button.clicked.connect(lambda: self._choose(ConflictChoice.KEEP_MINE))
        self.keep_theirs_button.clicked.connect(lambda: self._choose(ConflictChoice.KEEP_THEIRS))
        self.keep_editing_button.clicked.connect(lambda: self._choose(ConflictChoice.KEEP_EDITING))
        self.keep_editing_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(explanation)
        layout.addWidget(self.kept_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        if choice is ConflictChoice.KEEP_EDITING:
            self.reject()
        else:
            self.accept()


def stored_version(registry: Registry, honouree_id: int) -> Honouree | None:
    """The version saved now, or None when it was deleted meanwhile."""
    try:
        return registry.honouree(honouree_id)
    except NotFoundError:
        return None


def ask_conflict(
    parent: QWidget | None,
    registry: Registry,
    mine: Honouree,
    error: ConflictError,
    original: Honouree | None = None,
) -> ConflictResolution:
    """Ask how to settle a ConflictError raised while saving `mine` (modal).

    For KEEP_MINE, save `resolution.record` with `Registry.overwrite`: given `original` (the
    version the edit started from) it is `mine` merged with their changes to other fields.
    """
    dialog = ConflictDialog(mine, stored_version(registry, error.honouree_id), error, parent, original)
    dialog.exec()
    return ConflictResolution(dialog.choice, dialog.record)


def resolve_conflict(
    parent: QWidget | None, registry: Registry, mine: Honouree, error: ConflictError
) -> ConflictChoice:
    """The choice alone, for callers that save `mine` as it is (no three-way merge)."""
    return ask_conflict(parent, registry, mine, error).choice
