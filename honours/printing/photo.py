"""The photo on a certificate: sized for print, or a drawn placeholder when there is none.

A photo is printed no larger than its pixels allow at MIN_PPI (a small picture is printed
smaller rather than blurred). It is not sent to the PDF at full size: the stored display
copy can be 2000 pixels high, ~1000 ppi at 49 mm, which would make a 1,000-page batch slow
and enormous. Instead it is decoded at the coarsest JPEG scale (1/8, 1/4, 1/2 or 1, done
inside the decoder's inverse DCT, so it costs a fraction of a full decode) that still gives
at least DECODE_PPI at the printed size: 250–500 ppi in print.

Decoding is Pillow (`decode_for_print`), which touches no Qt object and releases the GIL
while it works, so a batch decodes the next photos on a second core while the current page
is drawn; only `to_print_photo` (wrapping the pixels in a QImage) runs with the painter.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from .typeset import MM_PER_INCH, Paragraph, Style, Units

FRAME_MM = (35.0, 49.0)  # the 二寸 photo of Chinese forms
MIN_PPI = 200  # never printed coarser than this: the printed size shrinks instead
DECODE_PPI = 250  # decoded no coarser than this where the pixels allow (a margin above MIN_PPI)
DCT_SCALES = (8, 4, 2, 1)  # the reductions a JPEG decoder does for free (1/8 … 1)

# Muted colours for the placeholder disc, chosen per person so a batch is not monotonous.
PLACEHOLDER_COLOURS = ("#8c2f39", "#2f5d8c", "#3b7a57", "#8c6a2f", "#5b4a8c", "#2f7a7a", "#7a3b6b")

Size = tuple[int, int]


@dataclass
class DecodedPhoto:
    """Pixels ready for print (RGBX, 8 bits a channel) and the size to print them at."""

    pixels: bytes
    width: int
    height: int
    width_mm: float
    height_mm: float


@dataclass
class PrintPhoto:
    image: QImage
    width_mm: float
    height_mm: float
    pixels: bytes = b""  # the memory `image` points into: kept alive as long as the image

    @property
    def ppi(self) -> float:
        return self.image.width() / (self.width_mm / MM_PER_INCH)


def printed_size(pixels: Size, frame_mm: tuple[float, float] = FRAME_MM) -> tuple[float, float]:
    """Largest size inside the frame, aspect kept, that still gives at least MIN_PPI."""
    w, h = pixels
    scale = min(frame_mm[0] / w, frame_mm[1] / h, MM_PER_INCH / MIN_PPI)  # mm per pixel
    return w * scale, h * scale


def decode_size(pixels: Size, width_mm: float) -> Size:
    """pixels ÷ the largest DCT reduction that still gives at least DECODE_PPI (rounded up,
    as decoders do); the full size when no reduction does."""
    inches = width_mm / MM_PER_INCH
    for reduction in DCT_SCALES:
        size = (-(-pixels[0] // reduction), -(-pixels[1] // reduction))
        if size[0] / inches >= DECODE_PPI:
            return size
    return pixels


def decode_for_print(data: bytes, frame_mm: tuple[float, float] = FRAME_MM) -> DecodedPhoto | None:
    """Stored image bytes decoded for print, or None when they cannot be read. Thread-safe."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            width_mm, height_mm = printed_size(opened.size, frame_mm)
            target = decode_size(opened.size, width_mm)
            if target != opened.size:
                opened.draft("RGB", target)  # JPEG: reduce inside the decoder
            image = opened.convert("RGBA") if _has_alpha(opened) else opened.convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    if image.mode == "RGBA":  # paper is white: flatten so the PDF needs no soft mask
        white = Image.new("RGB", image.size, (255, 255, 255))
        white.paste(image, mask=image.getchannel("A"))
        image = white
    if image.size != target:  # not a JPEG, or a size the decoder could not reduce exactly
        image = image.resize(target, Image.Resampling.BICUBIC, reducing_gap=2.0)
    return DecodedPhoto(image.tobytes("raw", "RGBX"), image.width, image.height, width_mm, height_mm)


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def to_print_photo(decoded: DecodedPhoto) -> PrintPhoto:
    """Wrap decoded pixels in a QImage without copying them."""
    image = QImage(
        decoded.pixels, decoded.width, decoded.height, 4 * decoded.width, QImage.Format.Format_RGBX8888
    )
    return PrintPhoto(image, decoded.width_mm, decoded.height_mm, decoded.pixels)


def load_print_photo(data: bytes, frame_mm: tuple[float, float] = FRAME_MM) -> PrintPhoto | None:
    """Decode stored image bytes for print in this thread; None when they cannot be read."""
    decoded = decode_for_print(data, frame_mm)
    return to_print_photo(decoded) if decoded is not None else None


def placeholder_colour(name: str) -> QColor:
    digest = hashlib.md5(name.encode("utf-8")).digest()  # stable across runs, unlike hash()
    return QColor(PLACEHOLDER_COLOURS[digest[0] % len(PLACEHOLDER_COLOURS)])


def draw_placeholder(
    painter: QPainter, rect: QRectF, initial: str, name: str, units: Units, family: str
) -> None:
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
        style = Style(
            family, size_pt, bold=True, color="#ffffff", align=Qt.AlignmentFlag.AlignHCenter, pitch=1.3
        )
        text = Paragraph(initial, style, disc.width(), units)
        text.draw(painter, disc.left(), disc.center().y() - text.height / 2)


def draw_frame(painter: QPainter, rect: QRectF, units: Units) -> None:
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor("#b8b0a8"), units.pt(0.6)))
    painter.drawRect(rect)
    painter.restore()
