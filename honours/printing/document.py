"""Where printed pages go: a PDF file (written atomically) or a printer / preview device.

A PDF is written to a temporary file beside the target and renamed into place only when
every page is done, so a cancelled or failed batch never leaves a half-written file where
the user expects a finished one (and never overwrites a good one).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from ..core import files
from ..core.errors import HonoursError, os_reason_text
from ..core.i18n import Text
from .typeset import Units

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
PDF_RESOLUTION = 1200  # device pixels per inch for PDF output: fine enough for exact text metrics

Target = str | os.PathLike | QPagedPaintDevice


class PrintError(HonoursError):
    """Output could not be produced (unwritable file, printer refused); nothing was written."""


@dataclass
class RenderResult:
    """What a render call produced: pages drawn, records done, and whether it was cancelled
    (a cancelled PDF is not written at all)."""

    pages: int
    records: int
    cancelled: bool = False


class Document:
    """An open output: a painter, the page rectangle in device pixels, and page counting."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice) -> None:
        self.painter = painter
        self.device = device
        self.units = Units(device)
        self.pages = 0
        self.cancelled = False
        full = device.pageLayout().fullRectPoints()
        scale = self.units.dpi / 72.0
        self.page_rect = QRectF(0, 0, full.width() * scale, full.height() * scale)

    def new_page(self) -> None:
        if self.pages and not self.device.newPage():
            raise PrintError(Text("The printer refused a new page; printing stopped."))
        self.pages += 1


def page_size_id(name: str) -> QPageSize.PageSizeId:
    try:
        return PAGE_SIZES[name]
    except KeyError:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}: {name!r}") from None


def _pdf_writer(path: Path, page_size: str, title: str, landscape: bool = False) -> QPdfWriter:
    writer = QPdfWriter(str(path))  # files-ok: a new temp file; open_document guarded the target
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageSize(QPageSize(page_size_id(page_size)))
    writer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("Honours (劳模荣誉库)")
    return writer


@contextmanager
def open_document(
    target: Target, page_size: str = "A4", title: str = "", landscape: bool = False
) -> Iterator[Document]:
    """Open `target` for drawing whole pages (margins are the layout's job, not the device's).

    A path gets a PDF of `page_size` (turned to landscape if asked); a QPrinter or QPdfWriter
    keeps the page size and orientation the user chose for it. Set `document.cancelled` to
    drop a PDF instead of publishing it.
    """
    temp: Path | None = None
    final: Path | None = None
    if isinstance(target, (str, os.PathLike)):
        final = Path(target)
        files.refuse_open_registry(final)  # the PDF would replace a live registry
        page_size_id(page_size)
        if not final.parent.is_dir():
            raise PrintError(Text("Cannot write {final}: the folder does not exist.", final=final))
        temp = final.with_name(f".{final.name}.{os.getpid()}.part")
        device: QPagedPaintDevice = _pdf_writer(temp, page_size, title, landscape)
    else:
        device = target
        if isinstance(device, QPrinter):
            device.setFullPage(True)  # draw on the whole sheet: our margins are larger than any printer's
            if title and not device.docName():
                device.setDocName(title)
    painter = QPainter()
    if not painter.begin(device):
        _remove(temp)
        where = str(final) if final else getattr(device, "printerName", lambda: "")() or "printer"
        raise PrintError(Text("Cannot write to {where}.", where=where))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    document = Document(painter, device)
    try:
        yield document
    except BaseException:
        painter.end()
        _remove(temp)
        raise
    if document.cancelled and isinstance(device, QPrinter):
        device.abort()  # drop the job rather than print half a batch
    painter.end()
    if temp is None or final is None:
        return
    if document.cancelled or document.pages == 0:
        _remove(temp)
        return
    try:
        os.replace(temp, final)
    except OSError as exc:
        _remove(temp)
        raise PrintError(
            Text("Cannot write {final}: {reason}.", final=final, reason=os_reason_text(exc))
        ) from exc


def _remove(path: Path | None) -> None:
    if path is not None:
        with suppress(FileNotFoundError):
            path.unlink()
