"""The import preview's detail pane: everything about the selected sheet row.

Beside the preview table (one line a row, as in Excel) this pane shows what the row will
write, field by field — honours with level and year, donations with their amounts, gender,
region, category, status … — every error and warning of the row, and, for a possible
duplicate, the record it resembles beside it with the reasons, what merging gives, and the
choice: merge into it, add as a new record, or skip the row. Differing fields are tinted;
ticking this row's value uses it instead of the kept one.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from ..core.errors import HonoursError
from ..core.import_plan import ADD, ERROR, MERGE, SKIP, UNCHANGED, UPDATE, ImportPlan, PlannedRow
from ..core.records import Honouree
from ..core.registry import Registry
from ..core.spreadsheet import cell_text
from .compare_table import ComparisonModel, comparison_view
from .i18n import current_language

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls


def choice_labels() -> dict[str, str]:
    """What a person chooses for a possible duplicate (the table's drop-down and the pane's buttons)."""
    return {
        MERGE: translate("ImportDetail", "Merge"),
        ADD: translate("ImportDetail", "Add as new"),
        SKIP: translate("ImportDetail", "Skip"),
    }


class RowDetail(QWidget):
    """The selected row of an import plan, in full; `on_choice(row, choice)` and
    `on_take(row, field, taken)` are called when the person changes them here."""

    def __init__(
        self,
        registry: Registry,
        on_choice: Callable[[int, str], None],
        on_take: Callable[[int, str, bool], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rowDetail")
        self.registry = registry
        self._on_choice = on_choice
        self._on_take = on_take
        self.plan: ImportPlan | None = None
        self.row: PlannedRow | None = None
        self._cells: dict[int, list] = {}  # sheet row number → cells, for rows that could not be read
        self._cells_of: object = None

        self.title = QLabel()
        self.title.setObjectName("rowDetailTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.messages = QLabel()
        self.messages.setObjectName("rowDetailMessages")
        self.messages.setWordWrap(True)
        self.messages.setTextFormat(Qt.TextFormat.RichText)
        self.messages.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.duplicate_box = QGroupBox(self.tr("Possible duplicate"))
        self.duplicate_box.setObjectName("duplicateBox")
        self.resembles = QLabel()
        self.resembles.setObjectName("duplicateReason")
        self.resembles.setWordWrap(True)
        self.choices = QButtonGroup(self)
        buttons = QHBoxLayout()
        self.choice_buttons: dict[str, QRadioButton] = {}
        for choice, label in (
            (MERGE, self.tr("&Merge into it")),
            (ADD, self.tr("&Add as a new record")),
            (SKIP, self.tr("S&kip this row")),
        ):
            button = QRadioButton(label)
            button.setObjectName(f"choice_{choice}")
            self.choices.addButton(button)
            self.choice_buttons[choice] = button
            button.toggled.connect(lambda on, c=choice: on and self._chosen(c))
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.duplicate_box)
        box.setContentsMargins(6, 4, 6, 4)
        box.addWidget(self.resembles)
        box.addLayout(buttons)

        self.comparison = ComparisonModel(self)
        self.comparison.take_changed.connect(self._taken)
        self.view = comparison_view(self.comparison, "rowComparison")
        self.hint = QLabel(self.tr("Tinted: the two differ. Tick this row's value to use it instead."))
        self.hint.setObjectName("comparisonHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #6b5a00;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.messages)
        layout.addWidget(self.duplicate_box)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        self.show_row(None, None)

    def show_row(self, plan: ImportPlan | None, row: PlannedRow | None) -> None:
        """Show `row` of `plan` (None: a hint to select one)."""
        self.plan, self.row = plan, row
        self.duplicate_box.setVisible(row is not None and row.match is not None)
        self.hint.setVisible(False)
        if row is None or plan is None:
            self.title.setText(self.tr("Select a row to see everything it will write."))
            self.messages.clear()
            self.comparison.set_records([], [])
            return
        lang = current_language()
        self.title.setText(self.tr("Row %1: %2").replace("%1", str(row.row)).replace("%2", row.name or "—"))
        self.messages.setText(self._messages(row, lang))
        if row.match is not None:
            text = (
                self.tr("Probably the same person as %1: %2")
                .replace("%1", row.match.who(lang))
                .replace("%2", row.match.reason(lang))
            )
            if row.match.others:
                text += " " + self.tr("It also resembles %1.").replace(
                    "%1", ", ".join(f"#{i}" for i in row.match.others)
                )
            self.resembles.setText(text)
            for choice, button in self.choice_buttons.items():
                button.blockSignals(True)
                button.setChecked(row.choice == choice)
                button.blockSignals(False)
            self.choice_buttons[MERGE].setText(
                self.tr("&Merge into #%1").replace("%1", str(row.match.existing_id))
                if row.match.existing_id is not None
                else self.tr("&Merge with row %1").replace("%1", str(row.match.row))
            )
        self._show_comparison(plan, row)

    def _messages(self, row: PlannedRow, lang: str) -> str:
        """What becomes of the row, then every error (red), warning (amber) and tidied name (blue),
        one a line."""
        words = {
            ADD: self.tr("Added as a new record."),
            UPDATE: self.tr("Updates record #%1."),
            UNCHANGED: self.tr("Already in the roll as it is: nothing to change."),
            MERGE: self.tr("Merged into the record it resembles."),
            SKIP: self.tr("Skipped: not imported."),
            ERROR: self.tr("Not imported until these are corrected:"),
        }
        lines = [html.escape(words.get(row.action, "").replace("%1", str(row.target_id or "")))]
        for error in row.errors:
            lines.append(f'<span style="color:#8b1a10">• {html.escape(error.render(lang))}</span>')
        for warning in row.warnings:
            lines.append(f'<span style="color:#8a5a00">⚠ {html.escape(warning.render(lang))}</span>')
        for note in row.notes:  # what tidying the name did (马红秋(女) → 马红秋, gender 女)
            lines.append(f'<span style="color:#1f4e79">✎ {html.escape(note.render(lang))}</span>')
        return "<br>".join(line for line in lines if line)

    def _show_cells(self, plan: ImportPlan, row: PlannedRow) -> None:
        """A row that could not be read: its cells as the sheet has them, under their headers."""
        table = plan.table
        if table is None:
            self.comparison.set_records([], [])
            return
        if self._cells_of is not table:
            self._cells, self._cells_of = dict(table.rows), table
        cells = self._cells.get(row.row, [])
        lines = [
            (header or column_letter(i), [cell_text(cell)])
            for i, (header, cell) in enumerate(zip(table.headers, cells, strict=False))
            if cell_text(cell)
        ]
        self.comparison.set_lines([self.tr("In the sheet")], lines)

    def _show_comparison(self, plan: ImportPlan, row: PlannedRow) -> None:
        if row.record is None:
            self._show_cells(plan, row)
            return
        this = self.tr("This row")
        after = self.tr("After import")
        records: list[Honouree | None] = [row.record]
        headers = [this]
        photos = [list(row.photos)]
        merged = plan.merged_record(row)
        existing = None
        if row.match is not None or row.action in (UPDATE, UNCHANGED):
            if row.match is not None and row.match.existing_id is None:
                earlier = next((r for r in plan.rows if r.row == row.match.row), None)
                existing = earlier.record if earlier is not None else None
                headers.append(self.tr("Row %1").replace("%1", str(row.match.row)))
                photos.append(list(earlier.photos) if earlier is not None else [])
            else:
                ident = row.match.existing_id if row.match is not None else row.target_id
                try:
                    existing = self.registry.honouree(ident) if ident is not None else None
                except HonoursError:
                    existing = None
                headers.append(self.tr("#%1 in the roll").replace("%1", str(ident)))
                photos.append([p.original_name or p.caption for p in existing.photos] if existing else [])
            records.append(existing)
        if merged is not None and row.action != SKIP and (existing is not None or merged is not row.record):
            records.append(merged)
            headers.append(after)
            kept = [p.original_name or p.caption for p in merged.photos]
            photos.append(
                kept + [ref for r in plan.rows if plan.merged_record(r) is merged for ref in r.photos]
            )
        conflicts = row.conflicts if row.action in (MERGE, UPDATE) else []
        self.comparison.set_records(
            headers, records, conflicts, choosable=0 if conflicts else None, photos=photos
        )
        self.hint.setVisible(bool(conflicts))

    def _chosen(self, choice: str) -> None:
        if self.row is not None and self.row.choice != choice:
            self._on_choice(self.row.row, choice)

    def _taken(self, field: str, taken: bool) -> None:
        if self.row is not None:
            self._on_take(self.row.row, field, taken)


def column_letter(index: int) -> str:
    """A sheet column's letter as Excel shows it: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
