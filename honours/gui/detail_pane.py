"""The detail pane: everything recorded about the selected honouree, readable at a glance.

One QTextBrowser showing a composed page (photo, name, fields, honours, deeds,
donations with their totals written the Chinese way, the source sentence, a strip of
photo thumbnails), so the text can be selected and copied and the layout reflows with
the pane's width. Clicking a thumbnail in the strip shows that photo large. The pane
reloads itself when the store reports a change to the honouree it shows.
"""

from __future__ import annotations

import html
from collections import defaultdict

from PySide6.QtCore import QEvent, QSize, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from ..core import Honouree, NotFoundError
from ..core.amounts import format_quantity, format_yuan
from ..core.archive import shown
from ..core.fields import DETAIL_FIELDS, HONOUREE_FIELD
from ..core.seed import report_title
from .i18n import current_language
from .labels import care_kind_label, level_label, status_label
from .store import Store
from .thumbnails import Thumbnails, device_pixel_ratio, placeholder

NOTES = HONOUREE_FIELD["notes"]  # a section of its own below the details

PHOTO_WIDTH, PHOTO_HEIGHT = 150, 200
STRIP_HEIGHT = 64
ACCENT = "#a4262c"

STYLE = f"""
h1 {{ font-size: 20pt; font-weight: bold; margin: 0; }}
h2 {{ font-size: 11pt; font-weight: bold; color: {ACCENT}; margin-top: 16px; margin-bottom: 4px; }}
p {{ margin-top: 2px; margin-bottom: 4px; line-height: 140%; }}
td {{ padding: 2px 8px 2px 0; vertical-align: top; }}
td.label {{ color: #6b6b6b; white-space: nowrap; }}
.muted {{ color: #6b6b6b; }}
.badge {{ color: white; background-color: {ACCENT}; }}
.quote {{ color: #444444; }}
"""


def esc(text: object) -> str:
    return html.escape(str(text or ""))


def _heading(text: str) -> str:
    return f"<h2>{esc(text)}</h2>"


class DetailPane(QTextBrowser):
    """Shows one honouree (`show_honouree(id)`), or a hint when none is selected."""

    def __init__(self, store: Store, thumbnails: Thumbnails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.store = store
        self.thumbnails = thumbnails
        self.honouree: Honouree | None = None
        self._shown_photo: int | None = None
        self._rendered_id: int | None = None
        self._photo_size = QSize(PHOTO_WIDTH, PHOTO_HEIGHT)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self.document().setDocumentMargin(14)
        self.setMinimumWidth(280)
        store.changed.connect(self._on_store_changed)
        self._render()

    def honouree_id(self) -> int | None:
        return self.honouree.id if self.honouree else None

    def show_honouree(self, honouree_id: int | None) -> None:
        """Show this honouree (None: nothing selected)."""
        if honouree_id is not None and honouree_id == self.honouree_id():
            return
        self._shown_photo = None
        self._load(honouree_id)

    def _load(self, honouree_id: int | None) -> None:
        try:
            self.honouree = self.store.registry.honouree(honouree_id) if honouree_id is not None else None
        except NotFoundError:
            self.honouree = None
        self._render()

    def _on_store_changed(self, kind: str, ids: list) -> None:
        current = self.honouree_id()
        if current is None:
            return
        if kind == "reset" or current in ids:
            self._load(current)

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == "photo":
            self._shown_photo = int(url.path() or url.host() or 0) or None
            self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)

    # -- composing the page ------------------------------------------------------------------
    def _render(self) -> None:
        """Compose the page again (after selection, change, photo click or language switch)."""
        h = self.honouree
        same_person = h is not None and h.id == self._rendered_id
        position = self.verticalScrollBar().value() if same_person else 0
        document = self.document()
        document.clear()  # also drops the previous person's images
        document.setDefaultStyleSheet(STYLE)
        if h is None:
            self.setHtml(
                "<p>&nbsp;</p><p align='center' class='muted'>"
                + esc(self.tr("Select an honouree to see everything recorded about them."))
                + "</p>"
            )
        else:
            self._add_images(document, h)
            self.setHtml(self._page(h))
        self.verticalScrollBar().setValue(position)
        self._rendered_id = h.id if h else None

    def _add_images(self, document: QTextDocument, h: Honouree) -> None:
        ratio = device_pixel_ratio()
        shown = self._shown_photo if any(p.id == self._shown_photo for p in h.photos) else None
        photo = next((p for p in h.photos if p.id == shown), None) or h.primary_photo
        image: QImage | None = None
        if photo is not None and photo.id is not None:
            image = self.thumbnails.picture(
                photo.id, QSize(round(PHOTO_WIDTH * ratio * 1.6), round(PHOTO_HEIGHT * ratio * 1.6))
            )
        if image is None:
            image = placeholder(h.name, PHOTO_WIDTH, round_=False).toImage()
            self._photo_size = QSize(PHOTO_WIDTH, PHOTO_WIDTH)
        else:
            self._photo_size = image.size().scaled(
                QSize(PHOTO_WIDTH, PHOTO_HEIGHT), Qt.AspectRatioMode.KeepAspectRatio
            )
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("honours:photo"), image)
        for p in h.photos:
            if p.id is None:
                continue
            thumb = self.thumbnails.picture(p.id, QSize(160, 160))
            if thumb is not None:
                document.addResource(
                    QTextDocument.ResourceType.ImageResource, QUrl(f"honours:thumb/{p.id}"), thumb
                )

    def _page(self, h: Honouree) -> str:
        parts = [
            self._head(h),
            self._facts(h),
            self._honours(h),
            self._deeds(h),
            self._donations(h),
            self._care(h),
            self._photo_strip(h),
            self._source(h),
            self._notes(h),
            self._footer(h),
        ]
        return "".join(part for part in parts if part)

    def _head(self, h: Honouree) -> str:
        size = self._photo_size
        lines = [f"<h1>{esc(h.name)}</h1>"]
        subtitle = " · ".join(esc(x) for x in (h.unit, h.position) if x)
        if subtitle:
            lines.append(f"<p style='font-size: 11pt'>{subtitle}</p>")
        badges = []
        if h.highest_level:
            badges.append(self.tr("Highest honour: %1").replace("%1", level_label(h.highest_level)))
        if h.status != "active":
            badges.append(status_label(h.status))
        if any(x.posthumous for x in h.honours):
            badges.append(self.tr("Posthumous honour"))
        if badges:
            lines.append(
                "<p>"
                + "&nbsp;&nbsp;".join(f"<span class='badge'>&nbsp;{esc(b)}&nbsp;</span>" for b in badges)
                + "</p>"
            )
        if h.donation_total_fen:
            lines.append(
                "<p>"
                + esc(self.tr("Donated %1 in cash").replace("%1", format_yuan(h.donation_total_fen)))
                + "</p>"
            )
        return (
            "<table cellspacing='0' cellpadding='0' width='100%'><tr>"
            f"<td width='{size.width() + 16}'><img src='honours:photo' width='{size.width()}'"
            f" height='{size.height()}'></td>"
            f"<td>{''.join(lines)}</td></tr></table>"
        )

    def _facts(self, h: Honouree) -> str:
        # the record's own fields from the spec (core/fields.py) under its labels, values of a
        # vocabulary by their labels, in the UI's language (as labels.py shows them)
        language = current_language()
        # the ID number masked (personal data: in full only in the edit form, while being edited),
        # a yes/no as a word
        rows = [
            (
                spec.label(language),
                spec.vocabulary.label(value, language)
                if spec.vocabulary
                else self.tr("Yes")
                if value is True
                else shown(spec, value),
            )
            for spec in DETAIL_FIELDS
            if spec is not NOTES and (value := getattr(h, spec.key))
        ]
        body = "".join(
            f"<tr><td class='label'>{esc(label)}</td><td>{esc(value)}</td></tr>"
            for label, value in rows
            if value
        )
        return _heading(self.tr("Details")) + f"<table cellspacing='0'>{body}</table>"

    def _notes(self, h: Honouree) -> str:
        if not h.notes:
            return ""
        return _heading(self.tr("Notes")) + f"<p class='muted'>{esc(h.notes)}</p>"

    def _honours(self, h: Honouree) -> str:
        if not h.honours:
            none = esc(self.tr("None recorded."))
            return _heading(self.tr("Honours")) + f"<p class='muted'>{none}</p>"
        items = []
        for honour in h.honours:
            facts = [level_label(honour.level)]
            when = honour.date or (str(honour.year) if honour.year else "")
            if when:
                facts.append(when)
            if honour.awarded_by:
                facts.append(self.tr("awarded by %1").replace("%1", honour.awarded_by))
            if honour.posthumous:
                facts.append(self.tr("posthumous"))
            if honour.document:
                facts.append(honour.document)
            title = f"<b>{esc(honour.title)}</b>"
            if honour.revoked:  # 取消称号: kept in the record, struck through, no longer counted
                mark = esc(self.tr("Revoked"))
                title = f"<s>{esc(honour.title)}</s> <span class='badge'>&nbsp;{mark}&nbsp;</span>"
                when = " ".join(x for x in (honour.revoked_date or "", honour.revoked_reason) if x)
                if when:
                    facts.append(self.tr("revoked %1").replace("%1", when))
            items.append(
                f"<li>{title} <span class='muted'>· " + " · ".join(esc(f) for f in facts) + "</span></li>"
            )
        return _heading(self.tr("Honours")) + f"<ul style='margin-left: -20px'>{''.join(items)}</ul>"

    def _deeds(self, h: Honouree) -> str:
        if not h.deeds:
            return ""
        paragraphs = "".join(
            "<p>"
            + (f"<span class='muted'>{esc(d.date)}</span>&nbsp; " if d.date else "")
            + esc(d.text)
            + "</p>"
            for d in h.deeds
        )
        return _heading(self.tr("Deeds")) + paragraphs

    def _donations(self, h: Honouree) -> str:
        if not h.donations:
            return ""
        rows = []
        goods: dict[tuple[str, str], int] = defaultdict(int)
        for d in h.donations:
            what = []
            if d.amount_fen is not None:
                what.append(f"<b>{esc(format_yuan(d.amount_fen))}</b>")
            if d.item:
                quantity = format_quantity(d.quantity, d.quantity_unit) if d.quantity is not None else ""
                what.append(esc(f"{d.item} {quantity}".strip()))
                if d.quantity is not None:
                    goods[(d.item, d.quantity_unit)] += d.quantity
            extra = [
                x for x in (d.recipient and self.tr("to %1").replace("%1", d.recipient), d.date, d.note) if x
            ]
            rows.append(
                "<tr><td>"
                + "，".join(what)
                + "</td><td class='muted'>"
                + esc("；".join(extra) if extra else "")
                + "</td></tr>"
            )
        totals = []
        if h.donation_total_fen:
            totals.append(self.tr("cash %1").replace("%1", format_yuan(h.donation_total_fen)))
        totals.extend(f"{item} {format_quantity(quantity, unit)}" for (item, unit), quantity in goods.items())
        total_line = ""
        if totals and len(h.donations) > 1:
            total_line = (
                "<p><b>" + esc(self.tr("Total: %1").replace("%1", self.tr(", ").join(totals))) + "</b></p>"
            )
        elif totals:
            total_line = (
                "<p class='muted'>"
                + esc(self.tr("Total: %1").replace("%1", self.tr(", ").join(totals)))
                + "</p>"
            )
        return _heading(self.tr("Donations")) + f"<table cellspacing='0'>{''.join(rows)}</table>" + total_line

    def _care(self, h: Honouree) -> str:
        """关怀记录, newest first: date, kind, what for, money and goods, by whom."""
        if not h.care:
            return ""
        rows = []
        for c in sorted(h.care, key=lambda c: c.date or "", reverse=True):
            what = [esc(care_kind_label(c.kind))]
            if c.occasion:
                what.append(esc(c.occasion))
            if c.amount_fen is not None:
                what.append(f"<b>{esc(format_yuan(c.amount_fen))}</b>")
            if c.item:
                quantity = format_quantity(c.quantity, c.quantity_unit) if c.quantity is not None else ""
                what.append(esc(f"{c.item} {quantity}".strip()))
            extra = [x for x in (c.by and self.tr("by %1").replace("%1", c.by), c.note) if x]
            rows.append(
                f"<tr><td class='muted'>{esc(c.date or '')}</td><td>{' '.join(what)}</td>"
                f"<td class='muted'>{esc('；'.join(extra))}</td></tr>"
            )
        money = sum(c.amount_fen or 0 for c in h.care)
        total = (
            "<p class='muted'>" + esc(self.tr("Money given: %1").replace("%1", format_yuan(money))) + "</p>"
            if money
            else ""
        )
        return _heading(self.tr("Care")) + f"<table cellspacing='0'>{''.join(rows)}</table>" + total

    def _source(self, h: Honouree) -> str:
        if not h.source.sentence and not h.source.report:
            return ""
        sentence = (
            f"<p class='quote'>“{esc(inner_quotes(h.source.sentence))}”</p>" if h.source.sentence else ""
        )
        title = report_title(h.source.report)  # the report's headline, not its file name
        report_text = (
            self.tr("Report: “%1”").replace("%1", title)
            if title
            else self.tr("Report: %1").replace("%1", h.source.report)
        )
        report = f"<p class='muted'>{esc(report_text)}</p>" if h.source.report else ""
        return _heading(self.tr("Source")) + sentence + report

    def _photo_strip(self, h: Honouree) -> str:
        photos = [p for p in h.photos if p.id is not None]
        if not photos:
            return ""
        cells = []
        for p in photos:
            width = round(STRIP_HEIGHT * p.width / p.height) if p.width and p.height else STRIP_HEIGHT
            caption = esc(p.caption) if p.caption else "&nbsp;"
            mark = " ★" if p.primary else ""
            cells.append(
                f"<td align='center'><a href='photo:{p.id}'><img src='honours:thumb/{p.id}' height='{STRIP_HEIGHT}'"
                f" width='{width}'></a><br><span class='muted'>{caption}{mark}</span></td>"
            )
        return (
            _heading(self.tr("Photos (%1)").replace("%1", str(len(photos))))
            + f"<table cellspacing='6'><tr>{''.join(cells)}</tr></table>"
        )

    def _footer(self, h: Honouree) -> str:
        updated = (h.updated_at or "")[:16].replace("T", " ")
        text = (
            self.tr("No. %1 · version %2 · last saved %3")
            .replace("%1", str(h.id))
            .replace("%2", str(h.version))
            .replace("%3", updated)
        )
        return f"<p>&nbsp;</p><p class='muted' style='font-size: 9pt'>{esc(text)}</p>"


def inner_quotes(text: str) -> str:
    """Quotation marks inside a quoted sentence become single ones, as Chinese typesetting
    nests them: “…做‘拼命三郎’”, not “…做“拼命三郎””."""
    return text.replace("“", "‘").replace("”", "’")
