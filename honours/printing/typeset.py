"""Measured text for print: paragraphs broken into lines that can be split between pages.

Everything printed goes through `Paragraph`, which lays text out with QTextLayout at the
output device's resolution before anything is drawn. Heights are therefore known exactly,
so a page can refuse a block that does not fit instead of clipping it, and a long block
can be split at a line boundary onto the next page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPaintDevice, QPainter, QTextLayout, QTextOption

MM_PER_INCH = 25.4
PT_PER_INCH = 72.0

INK = "#222222"
MUTED = "#666666"
RED = "#9b1c1c"
RULE = "#d8d2cc"  # hairlines


class Units:
    """Millimetres and points to device pixels for one paint device."""

    def __init__(self, device: QPaintDevice) -> None:
        self.device = device
        self.dpi = float(device.logicalDpiY())

    def mm(self, value: float) -> float:
        return value * self.dpi / MM_PER_INCH

    def pt(self, value: float) -> float:
        return value * self.dpi / PT_PER_INCH

    def to_mm(self, pixels: float) -> float:
        return pixels * MM_PER_INCH / self.dpi


@dataclass(frozen=True)
class Style:
    """How a run of text looks: font, colour, alignment and line pitch (× point size)."""

    family: str
    size: float  # points
    bold: bool = False
    color: str = INK  # a colour name, so that styles stay hashable and comparable
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    pitch: float = 1.5  # line pitch as a multiple of the point size
    indent: float = 0.0  # first-line indent in ems (2 for Chinese body text)
    hang: float = 0.0  # indent of the following lines in ems (sets wrapped items of a list apart)
    spacing: float = 100.0  # letter spacing, percent

    def scaled(self, size: float) -> Style:
        return replace(self, size=size)

    def aligned(self, align: Qt.AlignmentFlag) -> Style:
        return replace(self, align=align)


@lru_cache(maxsize=64)
def _font(family: str, size: float, bold: bool, spacing: float) -> QFont:
    font = QFont(family)
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # print metrics, not screen
    if spacing != 100.0:
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, spacing)
    return font


def font_for(style: Style) -> QFont:
    """Fonts are cached: building QFont objects per page was measurable in 1,000-page batches."""
    return _font(style.family, style.size, style.bold, style.spacing)


class Paragraph:
    """Text broken into lines for one width on one device.

    `start`/`end` select a range of lines, so the halves of a split paragraph share one
    layout: `split(height)` returns the lines that fit and the rest.
    """

    def __init__(
        self,
        text: str,
        style: Style,
        width: float,
        units: Units,
        *,
        _layout: tuple[QTextLayout, list[float], float] | None = None,
        start: int = 0,
        end: int | None = None,
    ) -> None:
        self.text = text
        self.style = style
        self.width = width
        self.units = units
        if _layout is None:
            _layout = self._lay_out()
        self._layout, self._tops, self.pitch = _layout
        self.start = start
        self.end = len(self._tops) if end is None else end

    def _lay_out(self) -> tuple[QTextLayout, list[float], float]:
        style = self.style
        layout = QTextLayout(self.text, font_for(style), self.units.device)
        option = QTextOption(style.align)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        pitch = self.units.pt(style.size * style.pitch)
        indent = self.units.pt(style.size * style.indent)
        hang = self.units.pt(style.size * style.hang)
        tops: list[float] = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            x = hang if tops else indent
            line.setLineWidth(max(1.0, self.width - x))
            # centre the glyph box inside the pitch so that rows of text look evenly spaced
            top = len(tops) * pitch
            line.setPosition(QPointF(x, top + (pitch - line.height()) / 2))
            tops.append(top)
        layout.endLayout()
        return layout, tops, pitch

    # -- measuring -----------------------------------------------------------------------
    @property
    def line_count(self) -> int:
        return self.end - self.start

    @property
    def height(self) -> float:
        return self.line_count * self.pitch

    def natural_width(self) -> float:
        """Width of the widest line (for centring boxes and placing tags after text)."""
        return max(
            (
                self._layout.lineAt(i).naturalTextWidth() + self._layout.lineAt(i).x()
                for i in range(self.start, self.end)
            ),
            default=0.0,
        )

    def last_line_end(self) -> float:
        """x where the text of the last line ends (a 追授 tag goes there)."""
        if not self.line_count:
            return 0.0
        line = self._layout.lineAt(self.end - 1)
        return line.x() + line.naturalTextWidth()

    def lines_text(self) -> list[str]:
        """The text of each line in range (tests check nothing is lost across a split)."""
        out = []
        for i in range(self.start, self.end):
            line = self._layout.lineAt(i)
            out.append(self.text[line.textStart() : line.textStart() + line.textLength()])
        return out

    def fitting_lines(self, height: float) -> int:
        return max(0, min(self.line_count, int((height + 1e-6) // self.pitch)))

    def split(self, height: float, min_lines: int = 1) -> tuple[Paragraph | None, Paragraph | None]:
        """(lines that fit in `height`, the rest); None for an empty side. Keeps at least
        `min_lines` on each side (orphans and widows), or moves the whole paragraph on."""
        fit = self.fitting_lines(height)
        if fit >= self.line_count:
            return self, None
        if self.line_count - fit < min_lines:
            fit = self.line_count - min_lines
        if fit < min_lines or fit <= 0:
            return None, self
        cut = self.start + fit
        return self._part(self.start, cut), self._part(cut, self.end)

    def _part(self, start: int, end: int) -> Paragraph:
        return Paragraph(
            self.text,
            self.style,
            self.width,
            self.units,
            _layout=(self._layout, self._tops, self.pitch),
            start=start,
            end=end,
        )

    # -- drawing -------------------------------------------------------------------------
    def draw(self, painter: QPainter, x: float, y: float) -> None:
        """Draw the lines in range with the first one's top at y."""
        if not self.line_count:
            return
        painter.setPen(QColor(self.style.color))
        origin = QPointF(x, y - self._tops[self.start])
        for i in range(self.start, self.end):
            self._layout.lineAt(i).draw(painter, origin)


def text_width(text: str, style: Style, units: Units) -> float:
    """Width of `text` on one line (labels, tags)."""
    return Paragraph(text, style, 1e9, units).natural_width()


class ParagraphCache:
    """Lays out each short text once per batch.

    Labels, headings, 省级 · 2015年, the organisation and date of the footer repeat on every
    certificate of a batch; re-using their layouts instead of redoing them on every page
    takes a good share of the text work out of a 1,000-page batch. Long texts (deeds) are
    laid out afresh: they rarely repeat and would only fill the cache.
    """

    MAX_CHARS = 48
    MAX_ENTRIES = 4096

    def __init__(self, units: Units) -> None:
        self.units = units
        self._cache: dict[tuple[str, Style, float], Paragraph] = {}

    def __call__(self, text: str, style: Style, width: float) -> Paragraph:
        if len(text) > self.MAX_CHARS:
            return Paragraph(text, style, width, self.units)
        key = (text, style, width)
        paragraph = self._cache.get(key)
        if paragraph is None:
            if len(self._cache) >= self.MAX_ENTRIES:
                self._cache.clear()
            paragraph = self._cache[key] = Paragraph(text, style, width, self.units)
        return paragraph


@dataclass
class PageTop:
    """What stands above a list's rows: on page one the title block (organisation, title, facts),
    on the others a running header (the title, continued, left; the organisation right)."""

    title_parts: list[Paragraph]
    running: Paragraph
    running_org: Paragraph
    running_height: float
    gap: float  # below the title block

    @property
    def title_height(self) -> float:
        return sum(p.height for p in self.title_parts) + self.title_parts[0].units.mm(1.5) + self.gap

    def draw(self, painter: QPainter, left: float, y: float, first_page: bool) -> float:
        """Draw it; returns the y below it."""
        if not first_page:
            self.running.draw(painter, left, y)
            self.running_org.draw(painter, left, y)
            return y + self.running_height
        for i, part in enumerate(self.title_parts):
            u = part.units
            extra = u.pt(part.style.size) * (part.style.spacing - 100) / 100
            part.draw(painter, left + extra / 2, y)
            y += part.height + (u.mm(1.5) if i == 1 else 0)
        return y + self.gap
