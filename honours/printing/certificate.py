"""The certificate summary page (荣誉证书摘要): layout, the fitting rule, and drawing.

Page one carries the header, the identity block (facts beside the photo), then the flowing
sections — honours, deeds (先进事迹简介), donations — and the footer with date, seal and
signature. The fitting rule, so that nothing is ever clipped:

1. lay the deeds out at DEED_SIZES[0] (11 pt); if everything fits on one page, done;
2. else step the deeds' size down through DEED_SIZES (to 9 pt at the smallest) and use the
   largest size at which the summary still fits on one page;
3. else (even 9 pt is too long) go back to 11 pt and flow onto continuation pages
   (荣誉证书摘要（续）), splitting paragraphs between lines, never inside one; the footer with
   seal and signature goes on the last page.

All sizes come from text measured on the output device (see typeset.Paragraph).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from .content import CertificateContent
from .flow import Block, HeadingBlock, HonourBlock, Pages, TextBlock, paginate
from .photo import FRAME_MM, PrintPhoto, draw_frame, draw_placeholder
from .texts import check_language, label
from .typeset import INK, MUTED, RED, RULE, Paragraph, ParagraphCache, Style, Units, text_width

DEFAULT_ORGANISATION = "衡阳市总工会"
DEED_SIZES = (11.0, 10.5, 10.0, 9.5, 9.0)
SEAL = "#d08a8a"
RED_INK = QColor(RED)


@dataclass
class CertificateOptions:
    """Choices for a batch of certificate summaries (the CLI flags and the print dialog)."""

    organisation: str = DEFAULT_ORGANISATION
    page_size: str = "A4"
    issue_date: date | None = None  # None: today
    serial_prefix: str = "HY"
    language: str = "zh"
    reveal_id: bool = False  # ID numbers in full (masked otherwise: personal data)

    def __post_init__(self) -> None:
        check_language(self.language)
        self.organisation = (self.organisation or "").strip() or DEFAULT_ORGANISATION

    def date(self) -> date:
        return self.issue_date or date.today()


# -- the plan of one certificate -----------------------------------------------------------


@dataclass
class CertificatePlan:
    """How one certificate is laid out: the deeds' size, and which blocks go on which page
    (with their top offset inside the page's flowing area)."""

    deed_size: float
    pages: Pages
    tried_sizes: list[float] = field(default_factory=list)

    @property
    def stepped_down(self) -> bool:
        return self.deed_size < DEED_SIZES[0]

    @property
    def continued(self) -> bool:
        return len(self.pages) > 1


class CertificateTypesetter:
    """Lays out and draws certificate summaries on one device; built once per batch so that
    styles, fonts and the fixed parts of the page are measured once, not per page."""

    def __init__(
        self, units: Units, page: QRectF, options: CertificateOptions, families: tuple[str, str]
    ) -> None:
        self.u = u = units
        self.para = ParagraphCache(units)
        self.page = page
        self.options = options
        self.lang = options.language
        body, serif = families
        self.body_family, self.serif_family = body, serif
        zh = self.lang == "zh"
        left = u.mm(22)
        self.content = QRectF(left, u.mm(18), page.width() - 2 * left, page.height() - u.mm(18 + 20))
        centre = Qt.AlignmentFlag.AlignHCenter
        self.s_org = Style(serif, 15, bold=True, align=centre, pitch=1.4, spacing=115 if zh else 100)
        self.s_title = Style(
            serif, 26, bold=True, color=RED, align=centre, pitch=1.3, spacing=125 if zh else 100
        )
        self.s_cont_title = Style(
            serif, 17, bold=True, color=RED, align=centre, pitch=1.4, spacing=110 if zh else 100
        )
        self.s_small = Style(body, 9, color=MUTED, pitch=1.4)
        self.s_cont_name = Style(body, 12, bold=True, align=centre, pitch=1.4)
        self.s_page_number = Style(body, 9, color=MUTED, align=centre, pitch=1.4)
        self.s_small_right = Style(body, 9, color=MUTED, align=Qt.AlignmentFlag.AlignRight, pitch=1.4)
        self.s_label = Style(body, 10.5, color=MUTED, align=Qt.AlignmentFlag.AlignRight, pitch=1.5)
        self.s_value = Style(body, 12, pitch=1.5)
        self.s_name = Style(serif, 20, bold=True, pitch=1.35)
        self.s_heading = Style(body, 12.5, bold=True, color=RED, pitch=1.5)
        self.s_honour = Style(body, 11.5, bold=True, pitch=1.55)
        self.s_detail = Style(body, 10, color=MUTED, pitch=1.55)
        self.s_tag = Style(body, 8.5, bold=True, color=RED, pitch=1.2)
        self.s_deed = Style(
            body, DEED_SIZES[0], align=Qt.AlignmentFlag.AlignJustify, pitch=1.75, indent=2.0 if zh else 0.0
        )
        self.s_donation = Style(body, 11, pitch=1.6)
        self.s_total = Style(body, 11, bold=True, pitch=1.6)
        self.s_muted_line = Style(body, 11, color=MUTED, pitch=1.6)
        self.s_footer = Style(body, 12.5, align=centre, pitch=1.5)
        self.s_footer_date = Style(body, 11.5, align=centre, pitch=1.5)
        self.s_seal = Style(body, 9, color=SEAL, align=centre, pitch=1.3)
        self.s_sign = Style(body, 11, pitch=1.5)
        width = self.content.width()
        # fixed parts measured once per batch
        self.org = self.para(options.organisation, self.s_org, width)
        self.title = self.para(label("certificate_title", self.lang), self.s_title, width)
        self.cont_title = self.para(label("continued_title", self.lang), self.s_cont_title, width)
        self.header_height = self.org.height + u.mm(2) + self.title.height + u.mm(3) + u.mm(1.5)
        self.frame_w, self.frame_h = u.mm(FRAME_MM[0]), u.mm(FRAME_MM[1])
        # labels are right-aligned against the values, which start after a fixed gap
        self.label_width = max(
            text_width(label(k, self.lang), self.s_label, u)
            for k in ("name", "collective_name", "gender", "age", "birth", "unit", "position", "status")
        )
        self.label_gap = u.mm(5)
        self.footer_height = u.mm(40)

    # -- planning ---------------------------------------------------------------------------
    def plan(self, content: CertificateContent, identity_height: float) -> CertificatePlan:
        first = self.content.height() - self.first_flow_top(identity_height)
        later = self.content.height() - self.later_flow_top(content)
        tried: list[float] = []

        def one_page(size: float) -> list[Block] | None:
            tried.append(size)
            blocks = self.flow(content, size)
            total = sum(b.height + (b.space_before if i else 0.0) for i, b in enumerate(blocks))
            return blocks if total + self.footer_height <= first else None

        blocks = one_page(DEED_SIZES[0])
        if blocks is not None:
            return CertificatePlan(DEED_SIZES[0], paginate(blocks, first, later, self.footer_height), tried)
        if one_page(DEED_SIZES[-1]) is not None:  # some step fits: find the largest
            for size in DEED_SIZES[1:]:
                blocks = one_page(size)
                if blocks is not None:
                    return CertificatePlan(size, paginate(blocks, first, later, self.footer_height), tried)
        blocks = self.flow(content, DEED_SIZES[0])
        return CertificatePlan(DEED_SIZES[0], paginate(blocks, first, later, self.footer_height), tried)

    def first_flow_top(self, identity_height: float) -> float:
        return self.header_height + self.u.mm(9) + identity_height + self.u.mm(7)

    def later_flow_top(self, content: CertificateContent) -> float:
        """Height of a continuation page's header (its name line can wrap)."""
        u = self.u
        name = self.continued_name(content)
        return u.mm(6) + self.cont_title.height + u.mm(1) + name.height + u.mm(2) + u.mm(6)

    def continued_name(self, content: CertificateContent) -> Paragraph:
        return self.para(content.name, self.s_cont_name, self.content.width())

    def flow(self, content: CertificateContent, deed_size: float) -> list[Block]:
        u, lang, width = self.u, self.lang, self.content.width()
        blocks: list[Block] = []

        def heading(key: str) -> None:
            blocks.append(
                HeadingBlock(
                    self.para(label(key, lang), self.s_heading, width - u.mm(3)),
                    width,
                    u,
                    u.mm(6) if blocks else 0.0,
                )
            )

        heading("honours")
        if content.honours:
            for i, honour in enumerate(content.honours):
                blocks.append(
                    HonourBlock(
                        honour,
                        self.s_honour,
                        self.s_detail,
                        self.s_tag,
                        width,
                        self.para,
                        u.mm(1.2) if i else 0.0,
                        lang,
                    )
                )
        else:
            blocks.append(TextBlock(self.para(label("no_honours", lang), self.s_muted_line, width)))
        heading("deeds")
        if content.deeds:
            style = self.s_deed.scaled(deed_size)
            for i, deed in enumerate(content.deeds):
                blocks.append(TextBlock(self.para(deed, style, width), u.mm(1.8) if i else 0.0))
        else:
            blocks.append(TextBlock(self.para(label("no_deeds", lang), self.s_muted_line, width)))
        if content.donations:
            heading("donations")
            indent = u.mm(4.5)
            for i, line in enumerate(content.donations):
                blocks.append(
                    TextBlock(
                        self.para(line, self.s_donation, width - indent),
                        u.mm(0.8) if i else 0.0,
                        x=indent,
                        bullet=RED,
                    )
                )
            if content.donation_total:
                blocks.append(
                    TextBlock(
                        self.para(content.donation_total, self.s_total, width - indent), u.mm(1.5), x=indent
                    )
                )
        return blocks

    # -- identity block (page one) ------------------------------------------------------------
    def identity(self, content: CertificateContent) -> list[tuple[Paragraph, Paragraph]]:
        u, lang = self.u, self.lang
        value_width = self.content.width() - self.frame_w - u.mm(8) - self.label_width - self.label_gap
        rows = [
            (
                self.para(
                    label("collective_name" if content.is_collective else "name", lang),
                    self.s_label,
                    self.label_width,
                ),
                self.para(content.name, self.s_name, value_width),
            )
        ]
        for key, value in content.facts:
            rows.append(
                (self.para(key, self.s_label, self.label_width), self.para(value, self.s_value, value_width))
            )
        return rows

    def identity_height(self, rows: list[tuple[Paragraph, Paragraph]]) -> float:
        pad = self.u.mm(2.2)
        rows_height = sum(max(lab.height, val.height) + pad for lab, val in rows)
        return max(self.frame_h, rows_height)

    # -- drawing ------------------------------------------------------------------------------
    def draw_certificate(
        self, painter: QPainter, content: CertificateContent, photo: PrintPhoto | None, new_page
    ) -> int:
        """Draw every page of one certificate; `new_page()` starts each. Returns pages drawn."""
        rows = self.identity(content)
        identity_height = self.identity_height(rows)
        plan = self.plan(content, identity_height)
        count = len(plan.pages)
        for number, blocks in enumerate(plan.pages, 1):
            new_page()
            self.draw_border(painter)
            if number == 1:
                self.draw_header(painter, content)
                self.draw_identity(painter, content, rows, photo)
                top = self.content.top() + self.first_flow_top(identity_height)
            else:
                self.draw_continuation_header(painter, content)
                top = self.content.top() + self.later_flow_top(content)
            for block, offset in blocks:
                block.draw(painter, self.content.left(), top + offset)
            if number == count:
                self.draw_footer(painter, content)
            if count > 1:
                self.draw_page_number(painter, number, count, continues=number < count)
        return count

    def draw_border(self, painter: QPainter) -> None:
        u = self.u
        painter.save()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for inset, weight in ((10.0, 1.1), (11.4, 0.35)):
            painter.setPen(QPen(RED_INK, u.pt(weight)))
            painter.drawRect(self.page.adjusted(u.mm(inset), u.mm(inset), -u.mm(inset), -u.mm(inset)))
        painter.restore()

    def _double_rule(self, painter: QPainter, y: float) -> None:
        u, left, right = self.u, self.content.left(), self.content.right()
        painter.setPen(QPen(RED_INK, u.pt(1.0)))
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        painter.setPen(QPen(RED_INK, u.pt(0.35)))
        painter.drawLine(QPointF(left, y + u.mm(0.9)), QPointF(right, y + u.mm(0.9)))

    def _centred(self, painter: QPainter, paragraph: Paragraph, y: float) -> None:
        # letter spacing adds space after the last glyph too: shift back by half of it
        extra = self.u.pt(paragraph.style.size) * (paragraph.style.spacing - 100) / 100
        paragraph.draw(painter, self.content.left() + extra / 2, y)

    def draw_header(self, painter: QPainter, content: CertificateContent) -> None:
        u = self.u
        y = self.content.top()
        self._centred(painter, self.org, y)
        y += self.org.height + u.mm(2)
        self._centred(painter, self.title, y)
        y += self.title.height + u.mm(3)
        self._double_rule(painter, y)
        serial = self.para(
            label("serial_line", self.lang, serial=content.serial),
            self.s_small_right,
            self.content.width(),
        )
        serial.draw(painter, self.content.left(), y + u.mm(2.2))

    def draw_continuation_header(self, painter: QPainter, content: CertificateContent) -> None:
        u = self.u
        top = self.content.top()
        self.para(content.organisation, self.s_small, self.content.width() / 2).draw(
            painter, self.content.left(), top
        )
        serial = label("serial_line", self.lang, serial=content.serial)
        self.para(serial, self.s_small_right, self.content.width()).draw(painter, self.content.left(), top)
        y = top + u.mm(6)
        self._centred(painter, self.cont_title, y)
        y += self.cont_title.height + u.mm(1)
        name = self.continued_name(content)
        name.draw(painter, self.content.left(), y)
        y += name.height + u.mm(2)
        self._double_rule(painter, y)

    def draw_identity(
        self,
        painter: QPainter,
        content: CertificateContent,
        rows: list[tuple[Paragraph, Paragraph]],
        photo: PrintPhoto | None,
    ) -> None:
        u = self.u
        top = self.content.top() + self.header_height + u.mm(9)
        frame = QRectF(self.content.right() - self.frame_w, top, self.frame_w, self.frame_h)
        if photo is not None:
            w, h = u.mm(photo.width_mm), u.mm(photo.height_mm)
            target = QRectF(frame.center().x() - w / 2, frame.top(), w, h)
            painter.drawImage(target, photo.image)
            draw_frame(painter, target, u)
        else:
            draw_placeholder(painter, frame, content.initial, content.name, u, self.serif_family)
            draw_frame(painter, frame, u)
        x = self.content.left()
        right = frame.left() - u.mm(8)
        y = top
        pad = u.mm(2.2)
        for lab, value in rows:
            # labels sit on the value's first line even where the value is set larger
            lab.draw(painter, x, y + (value.pitch - lab.pitch) / 2)
            value.draw(painter, x + self.label_width + self.label_gap, y)
            y += max(lab.height, value.height) + pad
            painter.setPen(QPen(QColor(RULE), u.pt(0.4)))
            painter.drawLine(QPointF(x, y - pad / 2), QPointF(right, y - pad / 2))

    def draw_footer(self, painter: QPainter, content: CertificateContent) -> None:
        u = self.u
        bottom = self.content.bottom()
        block_width = u.mm(62)
        x = self.content.right() - block_width
        org = self.para(content.organisation, self.s_footer, block_width)
        day = self.para(content.issue_date, self.s_footer_date, block_width)
        day_y = bottom - u.mm(6) - day.height
        org_y = day_y - org.height - u.mm(1)
        # the seal goes over the organisation's name and the date, as on a stamped document
        radius = u.mm(19)
        centre = QPointF(x + block_width / 2, org_y + org.height * 0.2)
        painter.save()
        pen = QPen(QColor(SEAL), u.pt(0.8))
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, radius, radius)
        painter.restore()
        seal = self.para(label("seal", self.lang), self.s_seal, block_width)
        seal.draw(painter, x, centre.y() - radius + u.mm(6))
        org.draw(painter, x, org_y)
        day.draw(painter, x, day_y)
        sign = self.para(label("signature", self.lang), self.s_sign, u.mm(60))
        sign_x = self.content.left()
        sign.draw(painter, sign_x, day_y)
        line_y = day_y + sign.pitch * 0.82
        start = sign_x + sign.natural_width() + u.mm(1)
        painter.setPen(QPen(QColor(INK), u.pt(0.5)))
        painter.drawLine(QPointF(start, line_y), QPointF(start + u.mm(42), line_y))

    def draw_page_number(self, painter: QPainter, number: int, count: int, continues: bool) -> None:
        """第 N 页 共 M 页 in the bottom margin, with （转下页） at the right while the text goes on."""
        text = self.para(
            label("page_of", self.lang, page=number, pages=count), self.s_page_number, self.content.width()
        )
        y = self.page.bottom() - self.u.mm(11.4) - self.u.mm(1.5) - text.height
        text.draw(painter, self.content.left(), y)
        if continues:
            note = self.para(label("continued_next", self.lang), self.s_small_right, self.content.width())
            note.draw(painter, self.content.left(), y)
