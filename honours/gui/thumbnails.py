"""Photo thumbnails for the results table and the detail pane: lazy, cached, never broken.

Table rows ask for a thumbnail while painting; decoding a JPEG there would put image
work on the keystroke path, so a request that misses the cache returns None at once and
the photo is decoded moments later in a short idle batch (`ready` then tells the table to
repaint that cell). Decoded pixmaps sit in QPixmapCache keyed by photo id and size.

Where there is no photo, or the stored bytes cannot be read, the placeholder is the
surname character on a disc whose colour comes from the name, so the same person always
gets the same colour.
"""

from __future__ import annotations

import itertools
import logging
import time
import zlib

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QImageReader,
    QPainter,
    QPainterPath,
    QPixmap,
    QPixmapCache,
)

from ..core.errors import HonoursError
from .store import Store

log = logging.getLogger(__name__)

BATCH_BUDGET_S = 0.012  # decode for at most ~12 ms per idle batch, then let the UI breathe
# Decoded thumbnails and name placeholders kept (KiB): ~2,500 table thumbnails of 32 px
# (~600 on a 2x screen), many screens of rows. Not more: scrolling through 100,000 rows
# would otherwise hold 32 MiB of pixmaps of rows long out of sight, and a thumbnail
# that fell out decodes again in about a millisecond.
PIXMAP_CACHE_KIB = 10 * 1024
_instance_numbers = itertools.count(1)


def device_pixel_ratio() -> float:
    screen = QGuiApplication.primaryScreen()
    return screen.devicePixelRatio() if screen is not None else 1.0


def name_colour(name: str) -> QColor:
    """A calm colour that is always the same for the same name."""
    hue = zlib.crc32(name.encode("utf-8")) % 360
    return QColor.fromHsv(hue, 105, 185)


def placeholder(name: str, size: int, *, round_: bool = True) -> QPixmap:
    """The surname character on a coloured disc (or rounded square), `size` logical pixels."""
    ratio = device_pixel_ratio()
    key = f"honours-placeholder:{name}:{size}:{ratio}:{int(round_)}"
    cached = QPixmapCache.find(key)
    if cached is not None and not cached.isNull():
        return cached
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(name_colour(name or "?"))
    rect = QRectF(0, 0, size, size)
    if round_:
        painter.drawEllipse(rect)
    else:
        painter.drawRoundedRect(rect, size * 0.08, size * 0.08)
    font = QFont(QGuiApplication.font())
    font.setPixelSize(max(8, round(size * (0.46 if round_ else 0.38))))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, (name or "?").strip()[:1] or "?")
    painter.end()
    QPixmapCache.insert(key, pixmap)
    return pixmap


def decode(data: bytes, fit: QSize | None = None) -> QImage:
    """Decode image bytes, letting the JPEG decoder scale down on the way (much faster than
    decoding a 2000-px display copy whole and then shrinking it)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    if fit is not None:
        full = reader.size()
        if full.isValid() and (full.width() > fit.width() or full.height() > fit.height()):
            reader.setScaledSize(full.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    return image


def circle_crop(image: QImage, size: int) -> QPixmap:
    """A round thumbnail of `size` logical pixels, cropped from the centre of `image`."""
    ratio = device_pixel_ratio()
    side = round(size * ratio)
    scaled = image.scaled(
        side, side, Qt.AspectRatioMode.KeepAspectRatioByExpanding, Qt.TransformationMode.SmoothTransformation
    )
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addEllipse(QRectF(0, 0, side, side))
    painter.setClipPath(path)
    painter.drawImage((side - scaled.width()) // 2, (side - scaled.height()) // 2, scaled)
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class Thumbnails(QObject):
    """Cached photo pixmaps of one registry; `ready(photo_id)` when a queued one is decoded.

    A photo rotated or replaced keeps its id, so the cache forgets the photos of every
    honouree the store reports as updated.
    """

    ready = Signal(int)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.registry = store.registry
        self._prefix = f"honours-photo:{next(_instance_numbers)}"
        self._generation = 0
        self._pending: dict[int, int] = {}  # photo id -> size
        self._failed: set[int] = set()
        self._sizes: dict[int, set[int]] = {}  # photo id -> sizes cached, to forget them
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._load_pending)
        QPixmapCache.setCacheLimit(PIXMAP_CACHE_KIB)
        store.changed.connect(self._on_store_changed)

    def _key(self, photo_id: int, size: int) -> str:
        return f"{self._prefix}:{self._generation}:{photo_id}:{size}:{device_pixel_ratio()}"

    def invalidate(self) -> None:
        """Forget decoded photos (after a photo was rotated, replaced or removed)."""
        self._generation += 1
        self._failed.clear()
        self._sizes.clear()

    def forget(self, photo_ids: list[int]) -> None:
        """Drop these photos' cached pixmaps so the next request decodes them afresh."""
        for photo_id in photo_ids:
            self._failed.discard(photo_id)
            for size in self._sizes.pop(photo_id, ()):
                QPixmapCache.remove(self._key(photo_id, size))

    def _on_store_changed(self, kind: str, ids: list) -> None:
        if kind == "reset":
            self.invalidate()
        elif kind == "updated":
            self.forget([photo.id for honouree_id in ids for photo in self.registry.photos(honouree_id)])

    def cached(self, photo_id: int, size: int) -> QPixmap | None:
        """The round thumbnail if already decoded; otherwise queue it and return None."""
        pixmap = QPixmapCache.find(self._key(photo_id, size))
        if pixmap is not None and not pixmap.isNull():
            return pixmap
        if photo_id not in self._failed:
            self._pending[photo_id] = size
            if not self._timer.isActive():
                self._timer.start()
        return None

    def thumbnail(self, photo_id: int, size: int) -> QPixmap | None:
        """The round thumbnail now (decoding if needed); None if the photo cannot be read."""
        key = self._key(photo_id, size)
        pixmap = QPixmapCache.find(key)
        if pixmap is not None and not pixmap.isNull():
            return pixmap
        image = self._image(photo_id, "thumbnail", QSize(size * 3, size * 3))
        if image is None:
            return None
        pixmap = circle_crop(image, size)
        QPixmapCache.insert(key, pixmap)
        self._sizes.setdefault(photo_id, set()).add(size)
        return pixmap

    def picture(self, photo_id: int, fit: QSize) -> QImage | None:
        """A photo scaled to fit `fit` device pixels (display copy; detail pane, viewers)."""
        kind = "thumbnail" if fit.width() <= 160 and fit.height() <= 160 else "display"
        return self._image(photo_id, kind, fit)

    def _image(self, photo_id: int, kind: str, fit: QSize) -> QImage | None:
        try:
            data = self.registry.photo_bytes(photo_id, kind)
        except HonoursError:
            self._failed.add(photo_id)
            return None
        image = decode(data, fit)
        if image.isNull():
            log.warning("photo %s (%s) could not be decoded", photo_id, kind)
            self._failed.add(photo_id)
            return None
        return image

    def _load_pending(self) -> None:
        deadline = time.perf_counter() + BATCH_BUDGET_S
        while self._pending and time.perf_counter() < deadline:
            photo_id, size = next(iter(self._pending.items()))
            del self._pending[photo_id]
            if self.thumbnail(photo_id, size) is not None:
                self.ready.emit(photo_id)
        if self._pending:
            self._timer.start()
