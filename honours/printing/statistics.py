"""The statistics printed on A4 (统计表: `honours stats --pdf`, the statistics window's Print).

Page one carries the organisation, the title, the query and the date; then the cross table
of people with its 合计 row and column and its chart, collectives apart, the shares of
people, donations by year and by region, and care spending (关怀) by year, kind and region
with a chart of its money by kind (money exact, goods by unit).
A table longer than a page goes on with its header row repeated; pages are numbered
第 N 页 共 M 页 (the pages are planned first, then drawn).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from ..core.amounts import format_quantity
from ..core.i18n import Declared, Joined, Text, ptext
from ..core.statistics import Report, yuan
from ..core.statistics_sheet import amount_rows, cross_rows
from .certificate import DEFAULT_ORGANISATION
from .chart import amount_chart_of, chart_of, draw_chart
from .document import RenderResult, Target, open_document
from .fonts import print_families
from .texts import check_language, date_text
from .typeset import MUTED, RED, Paragraph, Style, Units, font_for

HEADER_FILL = QColor("#efe9e3")
TOTAL_FILL = QColor("#f6f1ec")
GRID = QColor("#cfc7bf")

Draw = Callable[[QPainter], None]
MAX_COLUMNS = 10  # figures side by side on a portrait A4 page


@dataclass
class StatisticsOptions:
    organisation: str = DEFAULT_ORGANISATION
    title: str = ""  # empty: 荣誉人物统计表
    page_size: str = "A4"
    language: str = "zh"
    printed_date: date | None = None
    chart: bool = True

    def __post_init__(self) -> None:
        check_language(self.language)
        self.organisation = (self.organisation or "").strip() or DEFAULT_ORGANISATION

    def heading(self) -> str:
        return self.title.strip() or Text("Honours statistics").render(self.language)


class _Layout:
    """Places blocks down the pages, starting a new page when one does not fit."""

    def __init__(
        self, units: Units, page: QRectF, families: tuple[str, str], options: StatisticsOptions
    ) -> None:
        self.u = u = units
        self.body, self.serif = families
        self.options = options
        self.content = QRectF(u.mm(15), u.mm(14), page.width() - u.mm(30), page.height() - u.mm(14 + 16))
        self.pages: list[list[Draw]] = [[]]
        self.y = self.content.top()

    @property
    def bottom(self) -> float:
        return self.content.bottom()

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.content.top()

    def need(self, height: float) -> None:
        if self.y + height > self.bottom and self.y > self.content.top():
            self.new_page()

    def paragraph(self, text: str, style: Style, after: float = 0.0) -> None:
        p = Paragraph(text, style, self.content.width(), self.u)
        self.need(p.height)
        x, y = self.content.left(), self.y
        self.pages[-1].append(lambda painter: p.draw(painter, x, y))
        self.y += p.height + after

    def table(
        self, rows: Sequence[Sequence[Any]], size: float = 9.0, money_column: int | None = None
    ) -> None:
        """A grid: header row, body rows, the last row a 合计 row; numbers right-aligned. A table
        wider than MAX_COLUMNS figures is printed in parts of columns, each with the row labels."""
        if not rows:
            return
        width = len(rows[0]) - 1
        if width > MAX_COLUMNS:
            for start in range(1, width + 1, MAX_COLUMNS):
                part = [[row[0], *row[start : start + MAX_COLUMNS]] for row in rows]
                self.table(part, size, None if money_column is None else money_column - start + 1)
            return
        u = self.u
        columns = len(rows[0])
        size = max(6.5, min(size, size * 9 / max(columns, 1))) if columns > 9 else size
        style = Style(self.body, size)
        bold = Style(self.body, size, bold=True)
        metrics = QFontMetricsF(font_for(style), u.device)
        row_h = metrics.height() * 1.55
        width = self.content.width()
        first = min(
            width * 0.32,
            max(u.mm(24), max(metrics.horizontalAdvance(str(r[0])) for r in rows) * 1.12 + u.mm(4)),
        )
        rest = (width - first) / max(1, columns - 1)
        widths = [first] + [rest] * (columns - 1)
        lefts = [self.content.left() + sum(widths[:i]) for i in range(columns)]
        pad = u.mm(1.5)

        def text_of(value: Any, column: int) -> str:
            if isinstance(value, float):
                return f"{value:.1f}"
            if column == money_column and not isinstance(value, str):
                return f"{value:,.2f}"
            return str(value)

        def draw_row(values: Sequence[Any], y: float, kind: str) -> Draw:
            def draw(painter: QPainter) -> None:
                if kind in ("head", "total"):
                    painter.fillRect(
                        QRectF(lefts[0], y, width, row_h), HEADER_FILL if kind == "head" else TOTAL_FILL
                    )
                painter.setFont(font_for(bold if kind in ("head", "total") else style))
                painter.setPen(QColor("#222222"))
                for i, value in enumerate(values):
                    text = text_of(value, i)
                    cell = QRectF(lefts[i] + pad, y, widths[i] - 2 * pad, row_h)
                    number = not isinstance(value, str)
                    align = (
                        Qt.AlignmentFlag.AlignRight
                        if number
                        else (
                            Qt.AlignmentFlag.AlignHCenter
                            if kind == "head" and i
                            else Qt.AlignmentFlag.AlignLeft
                        )
                    )
                    text = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, cell.width())
                    painter.drawText(cell, align | Qt.AlignmentFlag.AlignVCenter, text)
                pen = QPen(GRID)
                pen.setWidthF(u.mm(0.15))
                painter.setPen(pen)
                painter.drawLine(lefts[0], y + row_h, lefts[0] + width, y + row_h)
                if kind == "head":
                    painter.drawLine(lefts[0], y, lefts[0] + width, y)
                for x in [*lefts, lefts[0] + width]:
                    painter.drawLine(x, y, x, y + row_h)

            return draw

        self.need(row_h * min(len(rows), 3))
        header = rows[0]
        self.pages[-1].append(draw_row(header, self.y, "head"))
        self.y += row_h
        for index, values in enumerate(rows[1:], 1):
            if self.y + row_h > self.bottom:
                self.new_page()
                self.pages[-1].append(draw_row(header, self.y, "head"))
                self.y += row_h
            self.pages[-1].append(draw_row(values, self.y, "total" if index == len(rows) - 1 else "body"))
            self.y += row_h
        self.y += u.mm(5)

    def chart(self, data: Any, height_mm: float = 70) -> None:
        if not data.categories:
            return
        u = self.u
        height = u.mm(height_mm)
        self.need(height)
        rect = QRectF(self.content.left(), self.y, self.content.width(), height)
        family, px = self.body, u.pt(8)
        self.pages[-1].append(lambda painter: draw_chart(painter, rect, data, family, px))
        self.y += height + u.mm(5)


def render_statistics(
    report: Report, target: Target, options: StatisticsOptions | None = None
) -> RenderResult:
    """Draw the report on A4 (or the page size chosen) into a PDF path or a QPrinter."""
    options = options or StatisticsOptions()
    lang = options.language
    with open_document(target, options.page_size, options.heading()) as document:
        u = document.units
        layout = _Layout(u, document.page_rect, print_families(), options)
        body, serif = layout.body, layout.serif
        s_org = Style(body, 10.5, color=MUTED, align=Qt.AlignmentFlag.AlignHCenter, pitch=1.4)
        s_title = Style(serif, 18, bold=True, color=RED, align=Qt.AlignmentFlag.AlignHCenter, pitch=1.4)
        s_sub = Style(body, 9, color=MUTED, align=Qt.AlignmentFlag.AlignHCenter, pitch=1.5)
        s_section = Style(body, 11, bold=True, pitch=1.6)
        s_note = Style(body, 8.5, color=MUTED, pitch=1.4)
        printed = date_text(options.printed_date or date.today(), lang)
        people, collectives = report.people, report.collectives
        layout.paragraph(options.organisation, s_org)
        layout.paragraph(options.heading(), s_title, u.mm(1))
        everyone = Text("Query: all honourees")
        facts = [
            Text("Query: {query}", query=report.query) if report.query else everyone,
            Text(
                "{people} people, {collectives} collectives",
                people=people.total.count,
                collectives=collectives.total.count,
            ),
            Text("Printed {date}", date=printed),
        ]
        layout.paragraph(" · ".join(fact.render(lang) for fact in facts), s_sub, u.mm(4))
        dimensions = [d for d in (report.by, report.by2) if d is not None]
        title = " × ".join(Declared(d.en, d.zh).render(lang) for d in dimensions)
        layout.paragraph(Text("1. People by {title}", title=title).render(lang), s_section)
        layout.table(cross_rows(people, lang))
        if options.chart:
            layout.chart(chart_of(people, lang))
        layout.paragraph(Text("2. Collectives by {title}", title=title).render(lang), s_section)
        if collectives.total.count:
            layout.table(cross_rows(collectives, lang))
        else:
            layout.paragraph(Text("No collectives.").render(lang), s_note, u.mm(4))
        layout.paragraph(Text("3. Composition of people").render(lang), s_section)
        for table in report.shares.values():
            layout.table(cross_rows(table, lang))
        layout.paragraph(Text("4. Donations (money exact; goods by unit)").render(lang), s_section)
        for amounts in report.amounts.values():
            layout.table(amount_rows(amounts, lang), money_column=2)
        total = report.amounts.get("year")
        if total is not None:
            listed = [format_quantity(q, u_) for u_, q in sorted(total.total.goods.items())]
            no_goods = ptext("statistics: goods", "none")
            goods = Joined(listed, "list") if listed else no_goods
            money = Text(
                "Money in all {yuan} yuan; goods {goods}.", yuan=yuan(total.total.amount_fen), goods=goods
            )
            layout.paragraph(money.render(lang), s_note)
        layout.paragraph(Text("5. Care spending (money exact; goods by unit)").render(lang), s_section)
        for amounts in report.care.values():
            layout.table(amount_rows(amounts, lang), money_column=2)
        kinds = report.care.get("care_kind")
        if options.chart and kinds is not None and kinds.rows:
            title = Text("Care money by kind (yuan)").render(lang)
            layout.chart(amount_chart_of(kinds, lang, title), height_mm=55)
        cared = report.care.get("year")
        if cared is not None:
            listed = [format_quantity(q, u_) for u_, q in sorted(cared.total.goods.items())]
            goods = Joined(listed, "list") if listed else ptext("statistics: goods", "none")
            given = Text(
                "Care given in all {yuan} yuan to {people} people; goods {goods}.",
                yuan=yuan(cared.total.amount_fen),
                people=cared.total.donors.count,
                goods=goods,
            )
            layout.paragraph(given.render(lang), s_note)
        how = Text(
            "Counts are of people; one with several honours counts under each level and year, and the totals "
            "count each person once. The trash and revoked honours are not counted."
        )
        layout.paragraph(how.render(lang), s_note)
        pages = layout.pages
        footer = Style(body, 8.5, color=MUTED, align=Qt.AlignmentFlag.AlignHCenter)
        for number, draws in enumerate(pages, 1):
            document.new_page()
            for draw in draws:
                draw(document.painter)
            text = Text("Page {page} of {pages}", page=number, pages=len(pages)).render(lang)
            Paragraph(text, footer, layout.content.width(), u).draw(
                document.painter, layout.content.left(), layout.content.bottom() + u.mm(6)
            )
    return RenderResult(document.pages, len(pages), document.cancelled)
