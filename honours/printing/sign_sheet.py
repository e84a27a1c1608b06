"""The 慰问金发放签领表: who received how much, each signing for it (File ▸ Print Sign Sheet…,
`honours care-sheet`).

One row per person — 序号, 姓名, 工作单位, 金额（元）, 签领 — each tall enough to sign in.
Every page repeats the header row, ends with 本页小计 and is numbered 第 N 页 共 M 页; page
one carries the organisation, the title and the date; the last page closes with the total in
figures and in capitals (合计金额（大写）：人民币壹万贰仟伍佰元整) and the 经办人 / 审核人 lines.
Pages are planned first from the row heights (so M is known), then drawn, as the table is.
The content (rows, totals, capitals) is core/care.py's SignSheet; this module only lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from ..core.care import SignSheet, yuan_figures
from .batch import IsCancelled, Progress
from .certificate import DEFAULT_ORGANISATION
from .document import RenderResult, Target, open_document
from .fonts import print_families
from .texts import date_text
from .typeset import INK, MUTED, RED, PageTop, Paragraph, ParagraphCache, Style, Units

HEADER_FILL = QColor("#efe9e3")
GRID = QColor("#8c847c")
CENTRE = Qt.AlignmentFlag.AlignHCenter
RIGHT = Qt.AlignmentFlag.AlignRight
ROW_MM = 11.0  # a row is at least this tall: room for a signature
# Columns and their shares of the width: 序号, 姓名, 工作单位, 金额（元）, 签领.
COLUMNS = (("序号", 0.08), ("姓名", 0.14), ("工作单位", 0.38), ("金额（元）", 0.15), ("签领", 0.25))


@dataclass
class SignSheetOptions:
    organisation: str = DEFAULT_ORGANISATION
    page_size: str = "A4"
    handled_by: str = ""  # 经办人, printed on its line when given
    checked_by: str = ""  # 审核人
    printed_date: date | None = None

    def __post_init__(self) -> None:
        self.organisation = (self.organisation or "").strip() or DEFAULT_ORGANISATION


@dataclass
class SignPage:
    rows: list[int] = field(default_factory=list)  # indexes into the sheet's rows
    last: bool = False


class SignSheetTypesetter:
    """Lays out and draws the sign sheet on one device."""

    def __init__(self, units: Units, page: QRectF, sheet: SignSheet, options: SignSheetOptions) -> None:
        self.u = u = units
        self.sheet, self.options = sheet, options
        body, serif = print_families()
        self.content = QRectF(u.mm(18), u.mm(15), page.width() - u.mm(36), page.height() - u.mm(15 + 16))
        self.pad_x, self.pad_y = u.mm(2), u.mm(1.5)
        self.s_cell = Style(body, 10.5, pitch=1.4)
        self.s_centre = self.s_cell.aligned(CENTRE)
        self.s_amount = self.s_cell.aligned(RIGHT)
        self.s_head = Style(body, 10.5, bold=True, align=CENTRE, pitch=1.4)
        self.s_total = Style(body, 10.5, bold=True, pitch=1.4)
        self.s_total_amount = self.s_total.aligned(RIGHT)
        self.s_org = Style(body, 11, color=MUTED, align=CENTRE, pitch=1.4)
        self.s_title = Style(serif, 18, bold=True, color=RED, align=CENTRE, pitch=1.35, spacing=106)
        self.s_sub = Style(body, 10, color=MUTED, align=CENTRE, pitch=1.5)
        self.s_line = Style(body, 11, pitch=1.6)
        self.s_small = Style(body, 8.5, color=MUTED, pitch=1.4)
        self.cache = ParagraphCache(units)
        width = self.content.width()
        self.col_w = [width * share for _, share in COLUMNS]
        self.col_x = [sum(self.col_w[:i]) for i in range(len(self.col_w))]
        self.header_cells = [self._cell(title, i, self.s_head) for i, (title, _) in enumerate(COLUMNS)]
        self.header_height = max(c.height for c in self.header_cells) + 2 * self.pad_y
        self.min_row = u.mm(ROW_MM)
        day = _day(sheet.date) or options.printed_date or date.today()
        facts = f"发放日期：{date_text(day)}　　共 {len(sheet.rows)} 人"
        title_parts = [
            Paragraph(options.organisation, self.s_org, width, u),
            Paragraph(sheet.title, self.s_title, width, u),
            Paragraph(facts, self.s_sub, width, u),
        ]
        running = Paragraph(f"{sheet.title}（续）", self.s_small, width * 0.7, u)
        self.top = PageTop(
            title_parts,
            running,
            Paragraph(options.organisation, self.s_small.aligned(RIGHT), width, u),
            running.height + u.mm(2.5),
            u.mm(4),
        )
        self.capitals = Paragraph(f"合计金额（大写）：{sheet.total_capitals}", self.s_line, width, u)
        handled = options.handled_by or "＿＿＿＿＿＿"
        checked = options.checked_by or "＿＿＿＿＿＿"
        self.signatures = Paragraph(
            f"经办人：{handled}　　审核人：{checked}　　日期：＿＿＿年＿＿月＿＿日",
            self.s_line,
            width,
            u,
        )
        self.closing_height = (
            self.row_height(-1) + u.mm(4) + self.capitals.height + u.mm(6) + self.signatures.height
        )

    # -- cells and rows ---------------------------------------------------------------------
    def _cell(self, text: str, column: int, style: Style) -> Paragraph:
        return self.cache(text, style, self.col_w[column] - 2 * self.pad_x)

    def row_cells(self, index: int) -> list[Paragraph]:
        row = self.sheet.rows[index]
        return [
            self._cell(str(row.number), 0, self.s_centre),
            self._cell(row.name, 1, self.s_centre),
            self._cell(row.unit, 2, self.s_cell),
            self._cell(yuan_figures(row.amount_fen), 3, self.s_amount),
        ]

    def row_height(self, index: int) -> float:
        """A person's row (index -1: a subtotal or total row)."""
        if index < 0:
            return self.min_row
        return max(self.min_row, max(c.height for c in self.row_cells(index)) + 2 * self.pad_y)

    # -- planning ------------------------------------------------------------------------------
    def plan(self, is_cancelled: IsCancelled | None = None) -> list[SignPage] | None:
        """Pages with their rows; each keeps room for its 本页小计, the last for the closing too."""
        body = self.content.height()
        subtotal = self.row_height(-1)
        pages = [SignPage()]
        room = body - self.top.title_height - self.header_height - subtotal
        for index in range(len(self.sheet.rows)):
            if is_cancelled is not None and index % 100 == 0 and is_cancelled():
                return None
            height = self.row_height(index)
            if height > room and pages[-1].rows:
                pages.append(SignPage())
                room = body - self.top.running_height - self.header_height - subtotal
            pages[-1].rows.append(index)
            room -= height
        if room < self.closing_height:  # the total, the capitals and the signatures go on together
            pages.append(SignPage())
        pages[-1].last = True
        return pages

    # -- drawing -------------------------------------------------------------------------------
    def draw_page(self, painter: QPainter, page: SignPage, number: int, count: int) -> None:
        u = self.u
        left, width = self.content.left(), self.content.width()
        y = self.top.draw(painter, left, self.content.top(), first_page=number == 1)
        y = self._header_row(painter, y)
        for index in page.rows:
            y = self._row(painter, self.row_cells(index), y, self.row_height(index))
        page_total = sum(self.sheet.rows[i].amount_fen for i in page.rows)
        y = self._total_row(painter, "本页小计", page_total, y)
        if page.last:
            y = self._total_row(painter, f"合计（{len(self.sheet.rows)} 人）", self.sheet.total_fen, y)
            y += u.mm(4)
            self.capitals.draw(painter, left, y)
            y += self.capitals.height + u.mm(6)
            self.signatures.draw(painter, left, y)
        self._footer(painter, number, count, width)

    def _header_row(self, painter: QPainter, y: float) -> float:
        left, width = self.content.left(), self.content.width()
        painter.fillRect(QRectF(left, y, width, self.header_height), HEADER_FILL)
        for i, cell in enumerate(self.header_cells):
            cell.draw(painter, left + self.col_x[i] + self.pad_x, y + (self.header_height - cell.height) / 2)
        self._box(painter, y, self.header_height)
        return y + self.header_height

    def _row(self, painter: QPainter, cells: list[Paragraph], y: float, height: float) -> float:
        left = self.content.left()
        for i, cell in enumerate(cells):
            cell.draw(painter, left + self.col_x[i] + self.pad_x, y + (height - cell.height) / 2)
        self._box(painter, y, height)
        return y + height

    def _total_row(self, painter: QPainter, title: str, fen: int, y: float) -> float:
        left, u = self.content.left(), self.u
        height = self.row_height(-1)
        name = Paragraph(title, self.s_total.aligned(CENTRE), self.col_x[3] - 2 * self.pad_x, u)
        amount = self._cell(yuan_figures(fen), 3, self.s_total_amount)
        name.draw(painter, left + self.pad_x, y + (height - name.height) / 2)
        amount.draw(painter, left + self.col_x[3] + self.pad_x, y + (height - amount.height) / 2)
        self._box(painter, y, height, columns=(3, 4))
        return y + height

    def _box(
        self, painter: QPainter, y: float, height: float, columns: tuple[int, ...] | None = None
    ) -> None:
        """The cell borders of a row (a total row spans the first columns)."""
        left, width = self.content.left(), self.content.width()
        painter.setPen(QPen(GRID, self.u.pt(0.5)))
        painter.drawRect(QRectF(left, y, width, height))
        for i, x in enumerate(self.col_x[1:], 1):
            if columns is None or i in columns:
                painter.drawLine(QPointF(left + x, y), QPointF(left + x, y + height))

    def _footer(self, painter: QPainter, number: int, count: int, width: float) -> None:
        u = self.u
        y = self.content.bottom() + u.mm(5)
        left = self.content.left()
        Paragraph(self.sheet.title, self.s_small, width / 2, u).draw(painter, left, y)
        Paragraph(f"第 {number} 页 共 {count} 页", self.s_small.aligned(CENTRE), width, u).draw(
            painter, left, y
        )
        painter.setPen(QPen(QColor(INK), u.pt(0.3)))


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def render_sign_sheet(
    sheet: SignSheet,
    target: Target,
    options: SignSheetOptions | None = None,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> RenderResult:
    """Draw `sheet` into `target` (a PDF path, or a QPrinter / QPdfWriter), portrait."""
    options = options or SignSheetOptions()
    with open_document(target, options.page_size, sheet.title) as document:
        typesetter = SignSheetTypesetter(document.units, document.page_rect, sheet, options)
        pages = typesetter.plan(is_cancelled)
        if pages is None:
            document.cancelled = True
            return RenderResult(0, 0, cancelled=True)
        for number, page in enumerate(pages, 1):
            if is_cancelled is not None and is_cancelled():
                document.cancelled = True
                break
            document.new_page()
            typesetter.draw_page(document.painter, page, number, len(pages))
            if progress is not None:
                progress(number, len(pages))
    return RenderResult(document.pages, len(sheet.rows), document.cancelled)
