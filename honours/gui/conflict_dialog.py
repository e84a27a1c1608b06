"""When a save meets a version someone else saved meanwhile (another window or PC).

Nothing is overwritten without asking: the dialog shows the fields where the stored
version and mine differ, side by side, and the user chooses to keep mine (saved over
theirs with `Registry.overwrite`, which keeps photos they added and leaves their version
in the history), keep theirs (discard my changes), or go back to editing.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core.diffs import differences
from ..core.errors import ConflictError, NotFoundError
from ..core.records import Honouree
from ..core.registry import Registry
from .diff_table import DiffModel, diff_view
from .i18n import current_language


class ConflictChoice(Enum):
    KEEP_MINE = "mine"
    KEEP_THEIRS = "theirs"
    KEEP_EDITING = "editing"


class ConflictDialog(QDialog):
    """Both versions' differing fields and the three ways out; `choice` holds the answer."""

    def __init__(self, mine: Honouree, theirs: Honouree | None, error: ConflictError,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Someone Else Saved This Record"))
        self.resize(820, 480)
        self.choice = ConflictChoice.KEEP_EDITING

        message = QLabel(error.message(current_language()))
        message.setObjectName("conflictMessage")
        message.setWordWrap(True)
        if theirs is None:
            advice = self.tr("Keep My Version brings the record back from the trash with your changes.")
        else:
            advice = self.tr("The fields below differ. Keep My Version saves yours over theirs (theirs stays "
                             "in the record's history, and photos they added are kept).")
        explanation = QLabel(advice)
        explanation.setWordWrap(True)
        self.changes = DiffModel(self.tr("Saved by someone else"), self.tr("Your version"), self)
        self.changes.set_changes(differences(theirs, mine, current_language()))
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


def resolve_conflict(parent: QWidget | None, registry: Registry, mine: Honouree,
                     error: ConflictError) -> ConflictChoice:
    """Ask how to settle a ConflictError raised while saving `mine` (modal)."""
    dialog = ConflictDialog(mine, stored_version(registry, error.honouree_id), error, parent)
    dialog.exec()
    return dialog.choice
