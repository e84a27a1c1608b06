"""The printed roll (名册): a table of honourees grouped by honour level or by work unit.

Every page repeats the column headers; page one carries the title, the grouping, the
count, the query and the date; every page is numbered 第 N 页 共 M 页. Pages are planned
in a first pass that keeps only row heights (so M is known before drawing, and a roll of
100,000 people does not hold 100,000 text layouts), then drawn in a second pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from ..core.pinyin import sort_key
from ..core.registry import Registry
from .batch import IsCancelled, Progress, check_ids
from .certificate import DEFAULT_ORGANISATION
from .content import GROUP_BY, RollEntry, RollGroup, group_entries, roll_entry
from .document import RenderResult, Target, open_document
from .fonts import print_families
from .texts import check_language, date_text, label, level_name
from .typeset import INK, MUTED, RED, PageTop, Paragraph, Style, Units

HEADER_FILL = QColor("#efe9e3")
GROUP_FILL = QColor("#f7eeee")
GRID = QColor("#cfc7bf")
FETCH_CHUNK = 200

CENTRE = Qt.AlignmentFlag.AlignHCenter
LEFT = Qt.AlignmentFlag.AlignLeft


@dataclass
class RollOptions:
    organisation: str = DEFAULT_ORGANISATION
    title: str = ""  # empty: 荣誉人物名册
    page_size: str = "A4"
    group_by: str = "level"
    query: str = ""  # printed under the title when the roll is a search result
    printed_date: date | None = None
    language: str = "zh"

    def __post_init__(self) -> None:
        check_language(self.language)
        if self.group_by not in GROUP_BY:
            raise ValueError(f"group_by must be one of {', '.join(GROUP_BY)}: {self.group_by!r}")
        self.organisation = (self.organisation or "").strip() or DEFAULT_ORGANISATION

    def heading(self) -> str:
        return self.title.strip() or label("roll_title", self.language)


@dataclass(frozen=True)
class Column:
    key: str
    width: float  # share of the table width
    align: Qt.AlignmentFlag = LEFT


# The group already says the level (or the unit), so that column gives way to the other.
COLUMNS = {
    "level": (
        Column("no", 0.055, CENTRE),
        Column("name", 0.11),
        Column("gender", 0.055, CENTRE),
        Column("unit", 0.22),
        Column("position", 0.13),
        Column("honours", 0.28),
        Column("donation", 0.15),
    ),  # room for 防疫物品13万套 on one line
    "unit": (
        Column("no", 0.055, CENTRE),
        Column("name", 0.11),
        Column("gender", 0.055, CENTRE),
        Column("position", 0.17),
        Column("honours", 0.37),
        Column("level", 0.09, CENTRE),
        Column("donation", 0.15),
    ),
}


class Cell:
    """Stacked paragraphs of one table cell, all at the row's line pitch, split by lines."""

    def __init__(self, paragraphs: list[Paragraph], pitch: float) -> None:
        self.paragraphs = paragraphs
        self.pitch = pitch

    @property
    def lines(self) -> int:
        return sum(p.line_count for p in self.paragraphs)

    def slice(self, first: int, last: int) -> Cell:
        """Lines first..last-1 of the cell (for a row split between pages)."""
        out: list[Paragraph] = []
        seen = 0
        for p in self.paragraphs:
            lo, hi = max(first - seen, 0), min(last - seen, p.line_count)
            if lo < hi:
                out.append(p._part(p.start + lo, p.start + hi))
            seen += p.line_count
        return Cell(out, self.pitch)

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        for p in self.paragraphs:
            p.draw(painter, x, y)
            y += p.height


@dataclass
class PageItem:
    kind: str  # "group" (band), "row", or "empty" (nothing matched)
    index: int  # group index or entry position in printed order
    first_line: int = 0
    last_line: int | None = None  # None: to the end of the row
    continued: bool = False  # a group band repeated at the top of a page


@dataclass
class RollPage:
    items: list[PageItem] = field(default_factory=list)


class RollTypesetter:
    """Lays out and draws the roll on one device."""

    def __init__(
        self, units: Units, page: QRectF, options: RollOptions, families: tuple[str, str], count: int
    ) -> None:
        self.u = u = units
        self.options = options
        self.lang = lang = options.language
        body, serif = families
        margin = u.mm(15)
        self.page = page
        self.content = QRectF(margin, u.mm(14), page.width() - 2 * margin, page.height() - u.mm(14 + 16))
        self.columns = COLUMNS[options.group_by]
        self.pad_x, self.pad_y = u.mm(1.5), u.mm(1.4)
        self.s_cell = Style(body, 9.5, pitch=1.5)
        self.s_list = Style(body, 9.5, pitch=1.5, hang=1.0)
        self.s_note = Style(body, 8, color=MUTED, pitch=1.5 * 9.5 / 8)  # same pitch as a cell line
        self.s_head = Style(body, 9.5, bold=True, pitch=1.5)
        self.s_group = Style(body, 10.5, bold=True, color=RED, pitch=1.5)
        self.s_group_count = Style(
            body, 9, color=MUTED, align=Qt.AlignmentFlag.AlignRight, pitch=10.5 * 1.5 / 9
        )  # on the group title's line
        self.s_org = Style(body, 11, color=MUTED, align=CENTRE, pitch=1.4)
        self.s_title = Style(
            serif, 20, bold=True, color=RED, align=CENTRE, pitch=1.35, spacing=112 if lang == "zh" else 100
        )
        self.s_sub = Style(body, 9.5, color=MUTED, align=CENTRE, pitch=1.5)
        self.s_small = Style(body, 8.5, color=MUTED, pitch=1.4)
        self.s_small_right = Style(body, 8.5, color=MUTED, align=Qt.AlignmentFlag.AlignRight, pitch=1.4)
        self.s_small_centre = Style(body, 8.5, color=MUTED, align=CENTRE, pitch=1.4)
        width = self.content.width()
        self.col_x: list[float] = []
        x = 0.0
        for column in self.columns:
            self.col_x.append(x)
            x += column.width * width
        self.col_w = [c.width * width for c in self.columns]
        self.header_cells = [
            self._cell([label("col_" + c.key, lang)], i, self.s_head) for i, c in enumerate(self.columns)
        ]
        header_lines = max(c.lines for c in self.header_cells)
        self.header_height = header_lines * self.header_cells[0].pitch + 2 * self.pad_y
        self.group_height = u.pt(10.5 * 1.5) + u.mm(2.4)
        # title block of page one, running header of the others
        printed = date_text(options.printed_date or date.today(), lang)
        grouping = label("roll_by_level" if options.group_by == "level" else "roll_by_unit", lang)
        sub = " · ".join(
            [grouping, label("roll_count", lang, count=count), label("roll_printed", lang, date=printed)]
        )
        title_parts = [
            Paragraph(options.organisation, self.s_org, width, u),
            Paragraph(options.heading(), self.s_title, width, u),
            Paragraph(sub, self.s_sub, width, u),
        ]
        if options.query.strip():
            title_parts.append(
                Paragraph(label("roll_query", lang, query=options.query.strip()), self.s_sub, width, u)
            )
        running = options.heading() + label("roll_continued", lang)
        running_line = Paragraph(running, self.s_small, width / 2, u)
        self.top = PageTop(
            title_parts,
            running_line,
            Paragraph(options.organisation, self.s_small_right, width, u),
            running_line.height + u.mm(3),
            u.mm(5),
        )
        self.printed = printed

    # -- cells and rows ---------------------------------------------------------------------
    def _cell(self, texts: list[str], column: int, style: Style, note: str = "") -> Cell:
        width = self.col_w[column] - 2 * self.pad_x
        align = self.columns[column].align
        style = style.aligned(align)
        paragraphs = [Paragraph(t, style, width, self.u) for t in texts if t]
        if note:
            paragraphs.append(Paragraph(note, self.s_note.aligned(align), width, self.u))
        return Cell(paragraphs, self.u.pt(style.size * style.pitch))

    def row_cells(self, entry: RollEntry) -> list[Cell]:
        values = {
            "no": [str(entry.number)],
            "name": [entry.name],
            "gender": [entry.gender],
            "unit": [entry.unit],
            "position": [entry.position],
            "honours": entry.honours,  # one paragraph each, wrapped lines hung under the first
            "level": [level_name(entry.level, self.lang) if entry.level else ""],
            "donation": entry.donations,
        }
        return [
            self._cell(
                values[c.key],
                i,
                self.s_list if c.key in ("honours", "donation") else self.s_cell,
                entry.note if c.key == "name" else "",
            )
            for i, c in enumerate(self.columns)
        ]

    def row_lines(self, cells: list[Cell]) -> int:
        return max(1, max(c.lines for c in cells))

    @property
    def pitch(self) -> float:
        return self.u.pt(self.s_cell.size * self.s_cell.pitch)

    def lines_height(self, lines: int) -> float:
        return lines * self.pitch + 2 * self.pad_y

    # -- planning ------------------------------------------------------------------------------
    def plan(self, groups: list[RollGroup], is_cancelled: IsCancelled | None = None) -> list[RollPage] | None:
        """Pages with the items on each; None when cancelled."""
        pages = [RollPage()]
        body = self.content.height()
        capacity = body - self.top.title_height - self.header_height
        used = 0.0
        if not groups:
            pages[0].items.append(PageItem("empty", 0))
            return pages

        def new_page(group_index: int) -> None:
            nonlocal capacity, used
            pages.append(RollPage())
            capacity = body - self.top.running_height - self.header_height
            pages[-1].items.append(PageItem("group", group_index, continued=True))
            used = self.group_height

        position = 0
        for g, group in enumerate(groups):
            first_row = self.lines_height(min(2, self.row_lines(self.row_cells(group.entries[0]))))
            if used + self.group_height + first_row > capacity and used > 0:
                new_page(g)
                pages[-1].items[-1].continued = False
            else:
                pages[-1].items.append(PageItem("group", g))
                used += self.group_height
            for entry in group.entries:
                if is_cancelled is not None and position % 100 == 0 and is_cancelled():
                    return None
                lines = self.row_lines(self.row_cells(entry))
                first = 0
                while True:
                    remaining = self.lines_height(lines - first)
                    if used + remaining <= capacity:
                        pages[-1].items.append(PageItem("row", position, first, None))
                        used += remaining
                        break
                    fit = int((capacity - used - 2 * self.pad_y) // self.pitch)
                    taller_than_page = self.lines_height(lines - first) > capacity - self.group_height
                    if taller_than_page and fit >= 1:  # only rows longer than a page are split
                        pages[-1].items.append(PageItem("row", position, first, first + fit))
                        first += fit
                    new_page(g)
                position += 1
        return pages

    # -- drawing -------------------------------------------------------------------------------
    def draw_page(
        self,
        painter: QPainter,
        page: RollPage,
        number: int,
        count: int,
        groups: list[RollGroup],
        entries: list[RollEntry],
    ) -> None:
        u = self.u
        left, width = self.content.left(), self.content.width()
        y = self.content.top()
        y = self.top.draw(painter, left, y, first_page=number == 1)
        y = self.draw_header_row(painter, y)
        for item in page.items:
            if item.kind == "group":
                y = self.draw_group(painter, groups[item.index], item.continued, y)
            elif item.kind == "row":
                y = self.draw_row(painter, entries[item.index], item.first_line, item.last_line, y)
            else:
                note = Paragraph(label("empty_roll", self.lang), self.s_sub, width, u)
                note.draw(painter, left, y + u.mm(4))
        painter.setPen(QPen(QColor(INK), u.pt(0.8)))
        painter.drawLine(QPointF(left, y), QPointF(left + width, y))
        self.draw_footer(painter, number, count)

    def draw_header_row(self, painter: QPainter, y: float) -> float:
        u, left, width = self.u, self.content.left(), self.content.width()
        rect = QRectF(left, y, width, self.header_height)
        painter.fillRect(rect, HEADER_FILL)
        for i, cell in enumerate(self.header_cells):
            cell_height = cell.lines * cell.pitch
            cell.draw(painter, left + self.col_x[i] + self.pad_x, y + (self.header_height - cell_height) / 2)
        painter.setPen(QPen(GRID, u.pt(0.4)))
        for x in self.col_x[1:]:
            bottom = y + self.header_height - u.mm(1)
            painter.drawLine(QPointF(left + x, y + u.mm(1)), QPointF(left + x, bottom))
        painter.setPen(QPen(QColor(INK), u.pt(0.8)))
        painter.drawLine(QPointF(left, y), QPointF(left + width, y))
        painter.setPen(QPen(QColor(INK), u.pt(0.4)))
        painter.drawLine(QPointF(left, y + self.header_height), QPointF(left + width, y + self.header_height))
        return y + self.header_height

    def draw_group(self, painter: QPainter, group: RollGroup, continued: bool, y: float) -> float:
        u, left, width = self.u, self.content.left(), self.content.width()
        painter.fillRect(QRectF(left, y, width, self.group_height), GROUP_FILL)
        title = group.title + (label("roll_continued", self.lang) if continued else "")
        text = Paragraph(title, self.s_group, width * 0.75, u)
        text.draw(painter, left + self.pad_x, y + u.mm(1.2))
        count = Paragraph(
            label("roll_group_count", self.lang, count=len(group.entries)),
            self.s_group_count,
            width * 0.25 - self.pad_x,
            u,
        )
        count.draw(painter, left + width * 0.75, y + u.mm(1.2))
        painter.setPen(QPen(GRID, u.pt(0.4)))
        painter.drawLine(QPointF(left, y + self.group_height), QPointF(left + width, y + self.group_height))
        return y + self.group_height

    def draw_row(self, painter: QPainter, entry: RollEntry, first: int, last: int | None, y: float) -> float:
        u, left, width = self.u, self.content.left(), self.content.width()
        cells = self.row_cells(entry)
        lines = self.row_lines(cells)
        end = lines if last is None else last
        if first or last is not None:
            cells = [c.slice(first, end) for c in cells]
        height = self.lines_height(end - first)
        for i, cell in enumerate(cells):
            cell.draw(painter, left + self.col_x[i] + self.pad_x, y + self.pad_y)
        painter.setPen(QPen(GRID, u.pt(0.3)))
        painter.drawLine(QPointF(left, y + height), QPointF(left + width, y + height))
        return y + height

    def draw_footer(self, painter: QPainter, number: int, count: int) -> None:
        u, left, width = self.u, self.content.left(), self.content.width()
        y = self.content.bottom() + u.mm(5)
        Paragraph(self.options.heading(), self.s_small, width / 3, u).draw(painter, left, y)
        Paragraph(label("page_of", self.lang, page=number, pages=count), self.s_small_centre, width, u).draw(
            painter, left, y
        )
        Paragraph(self.printed, self.s_small_right, width, u).draw(painter, left, y)


def roll_groups(
    registry: Registry,
    ids: list[int],
    options: RollOptions,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
    total: int = 0,
) -> list[RollGroup] | None:
    """Fetch the records in chunks (reporting progress) and group them; None when cancelled."""
    entries: list[RollEntry] = []
    for start in range(0, len(ids), FETCH_CHUNK):
        if is_cancelled is not None and is_cancelled():
            return None
        for honouree in registry.honourees(ids[start : start + FETCH_CHUNK]):
            entries.append(roll_entry(honouree, options.language))
        if progress is not None:
            progress(min(start + FETCH_CHUNK, len(ids)), total or len(ids))
    return group_entries(entries, options.group_by, options.language, unit_sort_key=sort_key)


def render_roll(
    registry: Registry,
    ids: Iterable[int],
    target: Target,
    options: RollOptions | None = None,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> RenderResult:
    """Draw the roll of `ids` (in the order given inside each group) into `target`.

    Progress runs over 2 × len(ids): reading the records, then drawing the pages.
    """
    options = options or RollOptions()
    wanted = list(dict.fromkeys(check_ids(registry, ids)))
    total = 2 * len(wanted) or 1
    groups = roll_groups(registry, wanted, options, progress, is_cancelled, total)
    if groups is None:
        return RenderResult(0, 0, cancelled=True)
    entries = [e for g in groups for e in g.entries]
    with open_document(target, options.page_size, options.heading()) as document:
        typesetter = RollTypesetter(
            document.units, document.page_rect, options, print_families(), len(entries)
        )
        pages = typesetter.plan(groups, is_cancelled)
        if pages is None:
            document.cancelled = True
            return RenderResult(0, 0, cancelled=True)
        drawn_rows = 0
        for number, page in enumerate(pages, 1):
            if is_cancelled is not None and is_cancelled():
                document.cancelled = True
                break
            document.new_page()
            typesetter.draw_page(document.painter, page, number, len(pages), groups, entries)
            drawn_rows += sum(1 for item in page.items if item.kind == "row" and item.first_line == 0)
            if progress is not None:
                progress(len(wanted) + drawn_rows, total)
    return RenderResult(document.pages, drawn_rows, document.cancelled)
