"""The flowing part of a page: blocks that are measured, placed, and split between pages.

A certificate's honours, deeds and donations are a list of blocks; `paginate` fills pages
with them so that no block crosses the bottom of a page's text area. Paragraphs split
between lines (keeping two lines on each side of a break), headings stay with what
follows, and an honour's row moves whole.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from .content import HonourLine
from .texts import label
from .typeset import RED, RULE, Paragraph, ParagraphCache, Style, Units

Pages = list[list[tuple["Block", float]]]  # per page: each block with its top inside the flowing area


class Block:
    """A piece of the flowing part of a page. Unsplittable unless a subclass says otherwise."""

    space_before: float = 0.0
    keep_with_next = False

    @property
    def height(self) -> float:
        raise NotImplementedError

    @property
    def min_height(self) -> float:
        """The least of this block that must fit on a page (for keep-with-next)."""
        return self.height

    def split(self, available: float) -> tuple[Block | None, Block | None]:
        return None, self

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        raise NotImplementedError

    def text(self) -> str:
        return ""


class TextBlock(Block):
    """A paragraph that may be split between pages (at least two lines on each side)."""

    def __init__(
        self, paragraph: Paragraph, space_before: float = 0.0, x: float = 0.0, bullet: str | None = None
    ) -> None:
        self.paragraph = paragraph
        self.space_before = space_before
        self.x = x
        self.bullet = bullet

    @property
    def height(self) -> float:
        return self.paragraph.height

    @property
    def min_height(self) -> float:
        return min(self.height, 2 * self.paragraph.pitch)

    def split(self, available: float) -> tuple[Block | None, Block | None]:
        head, tail = self.paragraph.split(available, min_lines=2 if self.paragraph.line_count >= 4 else 1)
        return (
            TextBlock(head, self.space_before, self.x, self.bullet) if head else None,
            TextBlock(tail, 0.0, self.x) if tail else None,
        )

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        if self.bullet is not None:
            _diamond(
                painter,
                x + self.x / 2,
                y + self.paragraph.pitch / 2,
                self.paragraph.pitch * 0.22,
                self.bullet,
            )
        self.paragraph.draw(painter, x + self.x, y)

    def text(self) -> str:
        return "".join(self.paragraph.lines_text())


class HeadingBlock(Block):
    """Section heading with a red bar and a hairline; never left alone at a page's foot."""

    keep_with_next = True

    def __init__(self, paragraph: Paragraph, width: float, units: Units, space_before: float) -> None:
        self.paragraph = paragraph
        self.width = width
        self.units = units
        self.space_before = space_before
        self._gap = units.mm(2.5)

    @property
    def height(self) -> float:
        return self.paragraph.height + self._gap

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        u = self.units
        bar = QRectF(x, y + self.paragraph.pitch * 0.2, u.mm(1.2), self.paragraph.pitch * 0.6)
        painter.fillRect(bar, QColor(RED))
        self.paragraph.draw(painter, x + u.mm(3), y)
        rule_y = y + self.paragraph.height + u.mm(0.8)
        painter.setPen(QPen(QColor(RULE), u.pt(0.5)))
        painter.drawLine(QPointF(x, rule_y), QPointF(x + self.width, rule_y))

    def text(self) -> str:
        return self.paragraph.text


class HonourBlock(Block):
    """One honour: bullet, title (with a 追授 tag after it), and level · year · awarded by."""

    def __init__(
        self,
        honour: HonourLine,
        title_style: Style,
        detail_style: Style,
        tag_style: Style,
        width: float,
        para: ParagraphCache,
        space_before: float,
        language: str,
    ) -> None:
        self.units = units = para.units
        self.space_before = space_before
        self.indent = units.mm(4.5)
        title_width = width * 0.60 - self.indent
        self.detail_x = width * 0.62
        self.title = para(honour.title, title_style, title_width)
        self.details = para(honour.details, detail_style, width - self.detail_x)
        self.tag: Paragraph | None = None
        self.tag_pos = QPointF()
        if honour.posthumous:
            self.tag = para(label("posthumous", language), tag_style, 1e6)
            pad = units.mm(1.2)
            tag_width = self.tag.natural_width() + 2 * pad
            end = self.title.last_line_end() + units.mm(2)
            if end + tag_width <= title_width:
                self.tag_pos = QPointF(self.indent + end, self.title.height - self.title.pitch)
                self._title_height = self.title.height
            else:  # no room after the last line: the tag starts a line of its own
                self.tag_pos = QPointF(self.indent, self.title.height)
                self._title_height = self.title.height + self.title.pitch
            self._tag_width = tag_width
        else:
            self._title_height = self.title.height

    @property
    def height(self) -> float:
        return max(self._title_height, self.details.height)

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        _diamond(painter, x + self.indent * 0.35, y + self.title.pitch / 2, self.title.pitch * 0.2, RED)
        self.title.draw(painter, x + self.indent, y)
        # details sit on the title's first line even though they are smaller
        self.details.draw(painter, x + self.detail_x, y + (self.title.pitch - self.details.pitch) / 2)
        if self.tag is not None:
            u = self.units
            pitch = self.title.pitch
            box = QRectF(
                x + self.tag_pos.x(), y + self.tag_pos.y() + pitch * 0.14, self._tag_width, pitch * 0.72
            )
            painter.save()
            painter.setPen(QPen(QColor(RED), u.pt(0.7)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, u.mm(0.6), u.mm(0.6))
            painter.restore()
            self.tag.draw(painter, box.left() + u.mm(1.2), box.center().y() - self.tag.height / 2)

    def text(self) -> str:
        return self.title.text + (self.tag.text if self.tag else "") + self.details.text


def _diamond(painter: QPainter, cx: float, cy: float, r: float, colour: str) -> None:
    path = QPainterPath()
    path.moveTo(cx, cy - r)
    path.lineTo(cx + r, cy)
    path.lineTo(cx, cy + r)
    path.lineTo(cx - r, cy)
    path.closeSubpath()
    painter.fillPath(path, QColor(colour))


def paginate(blocks: list[Block], first: float, later: float, footer: float) -> Pages:
    """Fill pages of the given flowing heights; the last page must keep `footer` free."""
    pages: Pages = [[]]
    capacity, used = first, 0.0
    pending = list(blocks)
    while pending:
        block = pending.pop(0)
        gap = block.space_before if used > 0 else 0.0
        need = gap + block.height
        if block.keep_with_next and pending:
            need_next = pending[0].space_before + pending[0].min_height
        else:
            need_next = 0.0
        if used + need + need_next <= capacity:
            pages[-1].append((block, used + gap))
            used += need
            continue
        head, tail = (None, block) if block.keep_with_next else block.split(capacity - used - gap)
        if head is not None:
            pages[-1].append((head, used + gap))
        if head is None and used == 0:
            # an empty page cannot take it: only a single line taller than a page gets here
            head, tail = block.split(capacity) if not block.keep_with_next else (block, None)
            if head is None:
                raise ValueError("a line of text is taller than the page")
            pages[-1].append((head, 0.0))
        if tail is not None:
            pending.insert(0, tail)
        pages.append([])
        capacity, used = later, 0.0
    if capacity - used < footer:
        pages.append([])
    return pages
