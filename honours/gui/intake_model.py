"""The table of intake proposals and what staff decided for each: accept, reject, add or merge.

A small QAbstractTableModel over plain rows (the brief forbids QStandardItemModel for lists
that grow). Name, unit and post can be corrected in place; everything else through the edit
dialog. Nothing here touches the registry: the dialog saves the accepted rows in one call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ..core.amounts import format_quantity, format_yuan
from ..core.names import tidy_name
from ..core.photos import NewPhoto
from ..core.records import Donation, Honouree
from .labels import level_label

if TYPE_CHECKING:  # hints only: the intake reader is imported when a report is read
    from ..core.intake import Proposal

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls

Index = QModelIndex | QPersistentModelIndex
PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
COLUMNS = ("decision", "name", "honours", "unit", "position", "donations", "action", "confidence", "deeds")
EDITABLE = {"name", "unit", "position"}
_ACCEPTED_BRUSH = QBrush(QColor("#e3f4e1"))
_REJECTED_BRUSH = QBrush(QColor("#eeeeee"))
_REJECTED_TEXT = QBrush(QColor("#8a8a8a"))


@dataclass
class ProposalRow:
    """One proposal and the staff's decision about it."""

    proposal: Proposal
    decision: str = PENDING
    merge_into: int | None = None  # an existing record to merge into; None adds a new record
    existing_names: dict[int, str] = field(default_factory=dict)  # id → "name, unit" of candidates
    new_photos: list[NewPhoto] = field(default_factory=list)  # chosen in the edit dialog

    @property
    def honouree(self) -> Honouree:
        return self.proposal.honouree


def honours_text(h: Honouree) -> str:
    """衡阳市五一劳动奖章（市级，追授）；… in Chinese, with the punctuation of the UI language."""
    comma = translate("IntakeDialog", ", ")
    parts = []
    for honour in h.honours:
        bits = [level_label(honour.level)]
        if honour.year:
            bits.append(str(honour.year))
        if honour.posthumous:
            bits.append(translate("IntakeDialog", "posthumous"))
        parts.append(
            translate("IntakeDialog", "%1 (%2)").replace("%1", honour.title).replace("%2", comma.join(bits))
        )
    return list_separator().join(parts)


def list_separator() -> str:
    return translate("IntakeDialog", "; ")


def donation_text(d: Donation) -> str:
    parts = []
    if d.amount_fen is not None:
        parts.append(format_yuan(d.amount_fen))
    if d.item:
        parts.append(d.item + (format_quantity(d.quantity, d.quantity_unit) if d.quantity else ""))
    return " ".join(parts)


class ProposalTableModel(QAbstractTableModel):
    """Rows of proposals with a decision column; emits dataChanged when staff decide."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ProposalRow] = []

    # -- contents ------------------------------------------------------------------------
    def set_rows(self, rows: list[ProposalRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[ProposalRow]:
        return list(self._rows)

    def row_at(self, row: int) -> ProposalRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "decision": translate("IntakeDialog", "Decision"),
            "name": translate("IntakeDialog", "Name"),
            "honours": translate("IntakeDialog", "Honours"),
            "unit": translate("IntakeDialog", "Unit"),
            "position": translate("IntakeDialog", "Position"),
            "donations": translate("IntakeDialog", "Donations"),
            "deeds": translate("IntakeDialog", "Deeds"),
            "action": translate("IntakeDialog", "Save as"),
            "confidence": translate("IntakeDialog", "Certainty"),
        }
        return titles[COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return {ACCEPTED: _ACCEPTED_BRUSH, REJECTED: _REJECTED_BRUSH}.get(row.decision)
        if role == Qt.ItemDataRole.ForegroundRole and row.decision == REJECTED:
            return _REJECTED_TEXT
        if role == Qt.ItemDataRole.ToolTipRole and column in ("honours", "deeds", "donations", "unit"):
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "confidence":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: ProposalRow, column: str) -> str:
        h = row.honouree
        if column == "decision":
            return {
                PENDING: translate("IntakeDialog", "To decide"),
                ACCEPTED: translate("IntakeDialog", "Accepted"),
                REJECTED: translate("IntakeDialog", "Rejected"),
            }[row.decision]
        if column in ("name", "unit", "position"):
            return getattr(h, column)
        if column == "honours":
            return honours_text(h)
        if column == "donations":
            return list_separator().join(donation_text(d) for d in h.donations)
        if column == "deeds":
            return list_separator().join(d.text for d in h.deeds)
        if column == "action":
            if row.merge_into is None:
                return translate("IntakeDialog", "New record")
            return translate("IntakeDialog", "Merge into #%1").replace("%1", str(row.merge_into))
        if column == "confidence":
            return f"{round(row.proposal.confidence * 100)}%"
        return ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and COLUMNS[index.column()] in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = COLUMNS[index.column()]
        text = str(value or "").strip()
        if column not in EDITABLE or (column == "name" and not text):
            return False
        row = self._rows[index.row()]
        setattr(row.honouree, column, text)
        if column == "name":
            tidy_name(row.honouree)  # as every way in keeps names: 贺 彪 → 贺彪, 马红秋(女) → 马红秋 and 女
        self._changed(index.row())
        return True

    # -- decisions ---------------------------------------------------------------------------
    def set_decision(self, rows: list[int], decision: str) -> None:
        for number in rows:
            if 0 <= number < len(self._rows):
                self._rows[number].decision = decision
                self._changed(number)

    def set_merge(self, number: int, existing_id: int | None) -> None:
        self._rows[number].merge_into = existing_id
        self._changed(number)

    def replace_honouree(self, number: int, honouree: Honouree, new_photos: list[NewPhoto]) -> None:
        """After the edit dialog: the edited record stands for the proposal (and is accepted)."""
        row = self._rows[number]
        row.proposal.honouree = honouree
        row.new_photos = list(new_photos)
        row.decision = ACCEPTED
        self._changed(number)

    def counts(self) -> dict[str, int]:
        out = {PENDING: 0, ACCEPTED: 0, REJECTED: 0}
        for row in self._rows:
            out[row.decision] += 1
        return out

    def _changed(self, number: int) -> None:
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))
