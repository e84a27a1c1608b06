"""The photo on a certificate: sized for print, or a drawn placeholder when there is none.

A photo is printed no larger than its pixels allow at MIN_PPI (a small picture is printed
smaller rather than blurred). It is not sent to the PDF at full size: the stored display
copy can be 2000 pixels high, ~1000 ppi at 49 mm, which would make a 1,000-page batch slow
and enormous. Instead it is decoded at the coarsest JPEG scale (1/8 … 8/8, done inside the
decoder's inverse DCT, so it costs a fraction of a full decode and needs no resampling
afterwards) that still gives at least DECODE_PPI at the printed size. That keeps a batch of
1,000 photo certificates well inside the 30-second budget while printing at 250–400 ppi.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPen

from .typeset import MM_PER_INCH, Paragraph, Style, Units

FRAME_MM = (35.0, 49.0)  # the 二寸 photo of Chinese forms
MIN_PPI = 200  # never printed coarser than this: the printed size shrinks instead
DECODE_PPI = 250  # decoded no coarser than this where the pixels allow (a margin above MIN_PPI)

# Muted colours for the placeholder disc, chosen per person so a batch is not monotonous.
PLACEHOLDER_COLOURS = ("#8c2f39", "#2f5d8c", "#3b7a57", "#8c6a2f", "#5b4a8c", "#2f7a7a", "#7a3b6b")


@dataclass
class PrintPhoto:
    image: QImage
    width_mm: float
    height_mm: float

    @property
    def ppi(self) -> float:
        return self.image.width() / (self.width_mm / MM_PER_INCH)


def printed_size(pixels: QSize, frame_mm: tuple[float, float] = FRAME_MM) -> tuple[float, float]:
    """Largest size inside the frame, aspect kept, that still gives at least MIN_PPI."""
    w, h = pixels.width(), pixels.height()
    scale = min(frame_mm[0] / w, frame_mm[1] / h, MM_PER_INCH / MIN_PPI)  # mm per pixel
    return w * scale, h * scale


def decode_size(pixels: QSize, width_mm: float) -> QSize:
    """The size to decode at: pixels × M/8 for the smallest M giving at least DECODE_PPI.

    JPEG decoders scale by M/8 inside the inverse DCT (rounding up), so asking for exactly
    that size makes Qt's reader do no resampling of its own; other formats are smoothed to it.
    """
    inches = width_mm / MM_PER_INCH
    for m in range(1, 9):
        size = QSize(math.ceil(pixels.width() * m / 8), math.ceil(pixels.height() * m / 8))
        if size.width() / inches >= DECODE_PPI:
            return size
    return QSize(pixels)


def load_print_photo(data: bytes, frame_mm: tuple[float, float] = FRAME_MM) -> PrintPhoto | None:
    """Decode stored image bytes for print; None when they cannot be read."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        return None
    width_mm, height_mm = printed_size(size, frame_mm)
    target = decode_size(size, width_mm)
    if target != size:
        reader.setScaledSize(target)
    image = reader.read()
    if image.isNull():
        return None
    if image.hasAlphaChannel():  # paper is white: flatten so the PDF needs no soft mask
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(Qt.GlobalColor.white)
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    return PrintPhoto(image, width_mm, height_mm)


def placeholder_colour(name: str) -> QColor:
    digest = hashlib.md5(name.encode("utf-8")).digest()  # stable across runs, unlike hash()
    return QColor(PLACEHOLDER_COLOURS[digest[0] % len(PLACEHOLDER_COLOURS)])


def draw_placeholder(painter: QPainter, rect: QRectF, initial: str, name: str, units: Units,
                     family: str) -> None:
    """A tinted frame with the surname on a coloured disc, all vector (sharp at any size)."""
    colour = placeholder_colour(name)
    tint = QColor(colour)
    tint.setAlphaF(0.08)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(tint)
    painter.drawRect(rect)
    diameter = min(rect.width(), rect.height()) * 0.62
    disc = QRectF(rect.center().x() - diameter / 2, rect.center().y() - diameter / 2, diameter, diameter)
    painter.setBrush(colour)
    painter.drawEllipse(disc)
    painter.restore()
    if initial:
        size_pt = units.to_mm(diameter) / 25.4 * 72 * 0.5
        style = Style(family, size_pt, bold=True, color="#ffffff", align=Qt.AlignmentFlag.AlignHCenter,
                      pitch=1.3)
        text = Paragraph(initial, style, disc.width(), units)
        text.draw(painter, disc.left(), disc.center().y() - text.height / 2)


def draw_frame(painter: QPainter, rect: QRectF, units: Units) -> None:
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor("#b8b0a8"), units.pt(0.6)))
    painter.drawRect(rect)
    painter.restore()
