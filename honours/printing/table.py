"""The results table printed as shown (File ▸ Print Table…, `honours print-table`).

The columns the table shows, in its order and with its titles, and the rows of the current
search in the current sort, as the table's own cells read: the caller gives the texts
(the GUI takes them from the table's model), this module only lays them out. Pages are
landscape; every page repeats the header row and is numbered 第 N 页 共 M 页; page one
carries the title, the count, the search and the sort, later pages a running header with
the search. A cell is never cut: text wraps inside its column, and only a row taller than
a page is split between pages. Pages are planned first from row heights (so M is known),
then drawn, as the roll is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from .batch import IsCancelled, Progress
from .certificate import DEFAULT_ORGANISATION
from .document import RenderResult, Target, open_document
from .fonts import print_families
from .texts import check_language, date_text, label
from .typeset import INK, MUTED, RED, PageTop, Paragraph, ParagraphCache, Style, Units, text_width

HEADER_FILL = QColor("#efe9e3")
STRIPE_FILL = QColor("#faf7f4")
GRID = QColor("#cfc7bf")
CENTRE = Qt.AlignmentFlag.AlignHCenter
CHECK_EVERY = 100  # rows between looks at the Cancel button


@dataclass
class TableOptions:
    organisation: str = DEFAULT_ORGANISATION
    title: str = ""  # empty: 荣誉人物一览表
    query: str = ""  # the search the rows are the result of; empty: everyone
    sorted_by: str = ""  # title of the column the rows are sorted by; empty: the search's own order
    descending: bool = False
    page_size: str = "A4"
    language: str = "zh"
    numbered: bool = True  # a 序号 column before the table's own
    printed_date: date | None = None

    def __post_init__(self) -> None:
        check_language(self.language)
        self.organisation = (self.organisation or "").strip() or DEFAULT_ORGANISATION

    def heading(self) -> str:
        return self.title.strip() or label("table_title", self.language)

    def search_text(self) -> str:
        query = self.query.strip()
        return (
            label("roll_query", self.language, query=query)
            if query
            else label("table_everyone", self.language)
        )

    def sort_text(self) -> str:
        if not self.sorted_by.strip():
            return label("table_unsorted", self.language)
        direction = label("table_descending" if self.descending else "table_ascending", self.language)
        return label("table_sorted", self.language, column=self.sorted_by.strip(), direction=direction)


@dataclass(frozen=True)
class TableColumn:
    """A column as the table shows it: its title and its share of the width (its width on screen)."""

    title: str
    weight: float = 1.0


@dataclass
class PagePart:
    row: int  # index in the rows; -1: the "nothing matched" line
    first_line: int = 0
    last_line: int | None = None  # None: to the end of the row


@dataclass
class TablePage:
    parts: list[PagePart] = field(default_factory=list)


class TableTypesetter:
    """Lays out and draws the table on one device."""

    def __init__(
        self,
        units: Units,
        page: QRectF,
        options: TableOptions,
        columns: Sequence[TableColumn],
        count: int,
        families: tuple[str, str],
    ) -> None:
        self.u = u = units
        self.options = options
        lang = options.language
        body, serif = families
        self.content = QRectF(u.mm(12), u.mm(12), page.width() - u.mm(24), page.height() - u.mm(12 + 14))
        self.pad_x, self.pad_y = u.mm(1.5), u.mm(1.2)
        self.s_cell = Style(body, 9, pitch=1.45)
        self.s_number = Style(body, 9, color=MUTED, align=CENTRE, pitch=1.45)
        self.s_head = Style(body, 9, bold=True, pitch=1.45)
        self.s_org = Style(body, 10.5, color=MUTED, align=CENTRE, pitch=1.4)
        self.s_title = Style(
            serif, 18, bold=True, color=RED, align=CENTRE, pitch=1.35, spacing=108 if lang == "zh" else 100
        )
        self.s_sub = Style(body, 9, color=MUTED, align=CENTRE, pitch=1.5)
        self.s_small = Style(body, 8.5, color=MUTED, pitch=1.4)
        self.s_small_right = self.s_small.aligned(Qt.AlignmentFlag.AlignRight)
        self.s_small_centre = self.s_small.aligned(CENTRE)
        self.cache = ParagraphCache(units)
        titles = ([label("col_no", lang)] if options.numbered else []) + [c.title for c in columns]
        self.col_w = self._widths(columns, count)
        self.col_x = [sum(self.col_w[:i]) for i in range(len(self.col_w))]
        self.header_cells = [self._paragraph(t, i, self.s_head) for i, t in enumerate(titles)]
        self.header_height = max(p.height for p in self.header_cells) + 2 * self.pad_y
        width = self.content.width()
        printed = date_text(options.printed_date or date.today(), lang)
        facts = " · ".join(
            [
                label("roll_count", lang, count=count),
                options.search_text(),
                options.sort_text(),
                label("roll_printed", lang, date=printed),
            ]
        )
        title_parts = [
            Paragraph(options.organisation, self.s_org, width, u),
            Paragraph(options.heading(), self.s_title, width, u),
            Paragraph(facts, self.s_sub, width, u),
        ]
        running = " · ".join(
            [options.heading() + label("roll_continued", lang), options.search_text(), options.sort_text()]
        )
        running_line = Paragraph(running, self.s_small, width * 0.7, u)
        self.top = PageTop(
            title_parts,
            running_line,
            Paragraph(options.organisation, self.s_small_right, width, u),
            running_line.height + u.mm(2.5),
            u.mm(4),
        )
        self.printed = printed

    def _widths(self, columns: Sequence[TableColumn], count: int) -> list[float]:
        """The number column as wide as its largest number; the others share the rest by
        their weights, none narrower than its title (or two characters)."""
        u, width = self.u, self.content.width()
        widths: list[float] = []
        if self.options.numbered:
            digits = max(
                text_width(str(max(count, 1)), self.s_number, u),
                text_width(label("col_no", self.options.language), self.s_head, u),
            )
            widths.append(digits + 2 * self.pad_x + u.mm(1))
        room = width - sum(widths)
        floors = [
            max(text_width(c.title, self.s_head, u), u.pt(9) * 2) + 2 * self.pad_x + u.mm(0.5)
            for c in columns
        ]
        weights = [max(c.weight, 1.0) for c in columns]
        shares = [room * w / sum(weights) for w in weights] if columns else []
        # columns below their floor are raised to it; what that takes comes from the others, by weight
        fixed: set[int] = set()
        while True:
            short = [i for i, s in enumerate(shares) if s < floors[i] - 1e-6 and i not in fixed]
            if not short:
                break
            fixed.update(short)
            left = room - sum(floors[i] for i in fixed)
            free = [i for i in range(len(columns)) if i not in fixed]
            total = sum(weights[i] for i in free)
            shares = [
                floors[i] if i in fixed else max(left, 0) * weights[i] / total for i in range(len(columns))
            ]
            if not free:
                break
        return widths + shares

    # -- cells and rows ---------------------------------------------------------------------
    def _paragraph(self, text: str, column: int, style: Style) -> Paragraph:
        return self.cache(text, style, self.col_w[column] - 2 * self.pad_x)

    def row_cells(self, number: int, texts: Sequence[str]) -> list[Paragraph]:
        cells = []
        if self.options.numbered:
            cells.append(self._paragraph(str(number), 0, self.s_number))
        offset = len(cells)
        for i, text in enumerate(texts):
            cells.append(self._paragraph(" ".join(str(text or "").split("\n")), offset + i, self.s_cell))
        return cells

    @property
    def pitch(self) -> float:
        return self.u.pt(self.s_cell.size * self.s_cell.pitch)

    def row_lines(self, cells: list[Paragraph]) -> int:
        return max([1, *(c.line_count for c in cells)])

    def lines_height(self, lines: int) -> float:
        return lines * self.pitch + 2 * self.pad_y

    # -- planning ------------------------------------------------------------------------------
    def plan(
        self,
        rows: Sequence[Sequence[str]],
        progress: Progress | None = None,
        total: int = 0,
        is_cancelled: IsCancelled | None = None,
    ) -> list[TablePage] | None:
        """Pages with the rows (or parts of rows) on each; None when cancelled."""
        body = self.content.height()
        capacity = body - self.top.title_height - self.header_height
        pages = [TablePage()]
        used = 0.0
        if not rows:
            pages[0].parts.append(PagePart(-1))
            return pages
        for index, texts in enumerate(rows):
            if index % CHECK_EVERY == 0:
                if is_cancelled is not None and is_cancelled():
                    return None
                if progress is not None and index:
                    progress(index, total)
            lines = self.row_lines(self.row_cells(index + 1, texts))
            first = 0
            while True:
                if used + self.lines_height(lines - first) <= capacity:
                    pages[-1].parts.append(PagePart(index, first, None))
                    used += self.lines_height(lines - first)
                    break
                fit = int((capacity - used - 2 * self.pad_y) // self.pitch)
                if (
                    self.lines_height(lines - first) > capacity and fit >= 1
                ):  # only rows taller than a page split
                    pages[-1].parts.append(PagePart(index, first, first + fit))
                    first += fit
                pages.append(TablePage())
                capacity = body - self.top.running_height - self.header_height
                used = 0.0
        return pages

    # -- drawing -------------------------------------------------------------------------------
    def draw_page(
        self, painter: QPainter, page: TablePage, number: int, count: int, rows: Sequence[Sequence[str]]
    ) -> int:
        """Draw one page; returns how many rows began on it."""
        u = self.u
        left, width = self.content.left(), self.content.width()
        y = self.content.top()
        y = self.top.draw(painter, left, y, first_page=number == 1)
        y = self.draw_header_row(painter, y)
        started = 0
        for part in page.parts:
            if part.row < 0:
                Paragraph(label("empty_roll", self.options.language), self.s_sub, width, u).draw(
                    painter, left, y + u.mm(4)
                )
                continue
            y = self.draw_row(painter, part, rows[part.row], y)
            started += part.first_line == 0
        painter.setPen(QPen(QColor(INK), u.pt(0.8)))
        painter.drawLine(QPointF(left, y), QPointF(left + width, y))
        self.draw_footer(painter, number, count)
        return started

    def draw_header_row(self, painter: QPainter, y: float) -> float:
        u, left, width = self.u, self.content.left(), self.content.width()
        painter.fillRect(QRectF(left, y, width, self.header_height), HEADER_FILL)
        for i, cell in enumerate(self.header_cells):
            cell.draw(painter, left + self.col_x[i] + self.pad_x, y + (self.header_height - cell.height) / 2)
        self._rules(painter, y, self.header_height)
        painter.setPen(QPen(QColor(INK), u.pt(0.8)))
        painter.drawLine(QPointF(left, y), QPointF(left + width, y))
        painter.setPen(QPen(QColor(INK), u.pt(0.4)))
        painter.drawLine(QPointF(left, y + self.header_height), QPointF(left + width, y + self.header_height))
        return y + self.header_height

    def draw_row(self, painter: QPainter, part: PagePart, texts: Sequence[str], y: float) -> float:
        u, left, width = self.u, self.content.left(), self.content.width()
        cells = self.row_cells(part.row + 1, texts)
        end = self.row_lines(cells) if part.last_line is None else part.last_line
        height = self.lines_height(end - part.first_line)
        if part.row % 2:
            painter.fillRect(QRectF(left, y, width, height), STRIPE_FILL)
        for i, cell in enumerate(cells):
            shown = cell
            if part.first_line or part.last_line is not None:
                lo, hi = min(part.first_line, cell.line_count), min(end, cell.line_count)
                shown = cell._part(cell.start + lo, cell.start + hi)
            shown.draw(painter, left + self.col_x[i] + self.pad_x, y + self.pad_y)
        self._rules(painter, y, height)
        painter.setPen(QPen(GRID, u.pt(0.3)))
        painter.drawLine(QPointF(left, y + height), QPointF(left + width, y + height))
        return y + height

    def _rules(self, painter: QPainter, y: float, height: float) -> None:
        """The hairlines between columns."""
        left = self.content.left()
        painter.setPen(QPen(GRID, self.u.pt(0.3)))
        for x in self.col_x[1:]:
            painter.drawLine(QPointF(left + x, y), QPointF(left + x, y + height))

    def draw_footer(self, painter: QPainter, number: int, count: int) -> None:
        u, left, width = self.u, self.content.left(), self.content.width()
        y = self.content.bottom() + u.mm(5)
        lang = self.options.language
        Paragraph(self.options.heading(), self.s_small, width / 3, u).draw(painter, left, y)
        Paragraph(label("page_of", lang, page=number, pages=count), self.s_small_centre, width, u).draw(
            painter, left, y
        )
        Paragraph(self.printed, self.s_small_right, width, u).draw(painter, left, y)


def render_table(
    columns: Sequence[TableColumn],
    rows: Sequence[Sequence[str]],
    target: Target,
    options: TableOptions | None = None,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> RenderResult:
    """Draw `rows` (the texts of `columns`, in order) as a landscape table into `target` (a PDF
    path, or a QPrinter / QPdfWriter). Progress runs over 2 × len(rows): planning, then drawing."""
    options = options or TableOptions()
    if not columns:
        raise ValueError("a table needs at least one column")
    total = 2 * len(rows) or 1
    with open_document(target, options.page_size, options.heading(), landscape=True) as document:
        typesetter = TableTypesetter(
            document.units, document.page_rect, options, columns, len(rows), print_families()
        )
        pages = typesetter.plan(rows, progress, total, is_cancelled)
        if pages is None:
            document.cancelled = True
            return RenderResult(0, 0, cancelled=True)
        drawn = 0
        for number, page in enumerate(pages, 1):
            if is_cancelled is not None and is_cancelled():
                document.cancelled = True
                break
            document.new_page()
            drawn += typesetter.draw_page(document.painter, page, number, len(pages), rows)
            if progress is not None:
                progress(len(rows) + drawn, total)
    return RenderResult(document.pages, drawn, document.cancelled)
