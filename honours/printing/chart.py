"""A bar or line chart drawn with QPainter, for the statistics window and its printout.

QtCharts is not part of PySide6-Essentials, so the chart is drawn here: stacked bars (one
bar per row value, a segment per column value) or a line of the row totals (years), with
the value over each bar, the labels under them and a legend, in the bundled fonts so that
Chinese labels are crisp on screen and on paper. Sizes are given in device pixels, so one
drawing serves a widget and a 1200 dpi PDF alike.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

PALETTE = (
    "#b0413e",
    "#2f6f8f",
    "#d69a2d",
    "#4f8a4b",
    "#7b5ea7",
    "#c26d9a",
    "#5e8c8c",
    "#8c6d46",
    "#9aa33a",
    "#6b7a8f",
)
OTHERS = "#b9b2aa"


@dataclass
class ChartData:
    """What to draw: one category per bar, and the stacked series (name, a value per category)."""

    categories: list[str]
    series: list[tuple[str, list[int]]] = field(default_factory=list)
    line: bool = False  # a line of the totals instead of bars (counts by year)
    title: str = ""
    grouped: bool = False  # series side by side, not stacked (a person may be in several)
    counted: list[int] | None = None  # the figure over each bar (default: the stack's sum)

    @property
    def totals(self) -> list[int]:
        if self.counted is not None:
            return self.counted
        return [sum(values[i] for _, values in self.series) for i in range(len(self.categories))]

    @property
    def highest(self) -> int:
        if self.grouped:
            return max((v for _, values in self.series for v in values), default=0)
        return max(
            [
                *self.totals,
                *(sum(values[i] for _, values in self.series) for i in range(len(self.categories))),
            ],
            default=0,
        )


def nice_step(top: float, ticks: int = 5) -> int:
    """A round step (1, 2, 5 × 10^n) giving about `ticks` gridlines up to `top`."""
    if top <= ticks:
        return 1
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return int(factor * power)
    return int(10 * power)


def _font(family: str, pixels: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def colour(index: int, count: int) -> QColor:
    return QColor(PALETTE[index % len(PALETTE)] if index < len(PALETTE) or count <= len(PALETTE) else OTHERS)


def draw_chart(painter: QPainter, rect: QRectF, data: ChartData, family: str, text_px: float) -> None:
    """Draw `data` inside `rect`; `text_px` is the label size in device pixels."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    small = _font(family, text_px)
    metrics = QFontMetricsF(small)
    line_h = metrics.height()
    top = rect.top()
    if data.title:
        painter.setFont(_font(family, text_px * 1.15, bold=True))
        painter.setPen(QColor("#222222"))
        painter.drawText(
            QRectF(rect.left(), top, rect.width(), line_h * 1.3), Qt.AlignmentFlag.AlignCenter, data.title
        )
        top += line_h * 1.5
    painter.setFont(small)
    legend = [name for name, _ in data.series] if len(data.series) > 1 and not data.line else []
    legend_h = 0.0
    if legend:
        x, rows = rect.left(), 1
        for name in legend:
            item = line_h * 1.2 + metrics.horizontalAdvance(name) + line_h
            if x + item > rect.right():
                x, rows = rect.left(), rows + 1
            x += item
        legend_h = rows * line_h * 1.3
    totals = data.totals
    highest = data.highest
    step = nice_step(highest)
    ceiling = max(step, math.ceil(highest / step) * step) if highest else 1
    axis_w = metrics.horizontalAdvance(str(ceiling)) + line_h * 0.6
    plot = QRectF(rect.left() + axis_w, top + line_h * 1.2, rect.width() - axis_w - line_h * 0.4, 0)
    plot.setBottom(rect.bottom() - legend_h - line_h * 1.6)
    if plot.height() <= line_h or not data.categories:
        painter.restore()
        return
    grid = QPen(QColor("#ddd6cf"))
    grid.setWidthF(max(1.0, text_px / 14))
    painter.setPen(QColor("#666666"))
    for tick in range(0, ceiling + 1, step):
        y = plot.bottom() - plot.height() * tick / ceiling
        painter.setPen(grid)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QColor("#666666"))
        painter.drawText(
            QRectF(rect.left(), y - line_h / 2, axis_w - line_h * 0.3, line_h),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            str(tick),
        )
    count = len(data.categories)
    slot = plot.width() / count
    widest = max(metrics.horizontalAdvance(c) for c in data.categories) + line_h * 0.5
    stride = max(1, math.ceil(widest / slot)) if data.line else 1  # a long line of years: every k-th label
    bar_w = slot * 0.62
    points: list[QPointF] = []
    for i, name in enumerate(data.categories):
        x = plot.left() + slot * i + (slot - bar_w) / 2
        y = plot.bottom()
        if data.line:
            py = plot.bottom() - plot.height() * totals[i] / ceiling
            points.append(QPointF(x + bar_w / 2, py))
        elif data.grouped:
            width = bar_w / max(1, len(data.series))
            for s, (_, values) in enumerate(data.series):
                h = plot.height() * values[i] / ceiling
                if h > 0:
                    painter.fillRect(
                        QRectF(x + s * width, plot.bottom() - h, width, h), colour(s, len(data.series))
                    )
                y = min(y, plot.bottom() - h)
        else:
            for s, (_, values) in enumerate(data.series):
                h = plot.height() * values[i] / ceiling
                if h > 0:
                    painter.fillRect(QRectF(x, y - h, bar_w, h), colour(s, len(data.series)))
                y -= h
        value_y = (points[-1].y() if data.line else y) - line_h * 1.05
        painter.setPen(QColor("#222222"))
        if i % stride == 0:
            span = slot * stride
            painter.drawText(
                QRectF(x + bar_w / 2 - span / 2, value_y, span, line_h),
                Qt.AlignmentFlag.AlignCenter,
                str(totals[i]),
            )
            label = name if data.line else metrics.elidedText(name, Qt.TextElideMode.ElideRight, slot * 0.98)
            painter.drawText(
                QRectF(x + bar_w / 2 - span / 2, plot.bottom() + line_h * 0.2, span, line_h),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
    if data.line and points:
        pen = QPen(colour(0, 1))
        pen.setWidthF(max(1.5, text_px / 6))
        painter.setPen(pen)
        path = QPainterPath(points[0])
        for p in points[1:]:
            path.lineTo(p)
        painter.drawPath(path)
        painter.setBrush(colour(0, 1))
        for p in points:
            painter.drawEllipse(p, text_px / 4, text_px / 4)
    axis = QPen(QColor("#666666"))
    axis.setWidthF(max(1.0, text_px / 12))
    painter.setPen(axis)
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    if legend:
        x, y = rect.left(), rect.bottom() - legend_h + line_h * 0.15
        for s, name in enumerate(legend):
            item = line_h * 1.2 + metrics.horizontalAdvance(name) + line_h
            if x + item > rect.right():
                x, y = rect.left(), y + line_h * 1.3
            painter.fillRect(QRectF(x, y + line_h * 0.2, line_h * 0.8, line_h * 0.6), colour(s, len(legend)))
            painter.setPen(QColor("#222222"))
            painter.drawText(QRectF(x + line_h, y, item, line_h), Qt.AlignmentFlag.AlignVCenter, name)
            x += item
    painter.restore()


def chart_of(table: object, language: str = "zh", limit: int = 24) -> ChartData:
    """The chart of a statistics CrossTable: a bar per row value (the first `limit`), stacked
    by the column values when there are two dimensions; a line for years alone."""
    from ..core.statistics import CrossTable

    assert isinstance(table, CrossTable)
    from ..core.statistics import EMPTY

    line = table.columns_by is None and table.rows_by.key == "year"
    rows = [r for r in table.rows if r != EMPTY][-80:] if line else table.rows[:limit]
    categories = [table.rows_by.label(r, language) for r in rows]
    by2 = table.columns_by
    if by2 is None:
        series = [("", [table.row_totals[r].count for r in rows])]
    else:
        series = [(by2.label(c, language), [table.cell(r, c).count for r in rows]) for c in table.columns]
    return ChartData(
        categories,
        series,
        line=line,
        grouped=by2 is not None and by2.table != "honouree",
        counted=[table.row_totals[r].count for r in rows],
    )


def amount_chart_of(table: object, language: str = "zh", title: str = "") -> ChartData:
    """The chart of a statistics AmountTable: a bar of money (whole yuan) per value, a record
    without a date left out of a chart by year (its figure is in the table)."""
    from ..core.statistics import EMPTY, AmountTable

    assert isinstance(table, AmountTable)
    rows = [r for r in table.rows if not (table.by.key == "year" and r.value == EMPTY)]
    money = [(r.amount_fen + 50) // 100 for r in rows]  # whole yuan, half up
    return ChartData([table.label(r.value, language) for r in rows], [("", money)], title=title)
