"""The photos of one honouree as the edit dialog holds them: a list model and its grid.

Stored photos and photos chosen in this dialog sit in one list. The registry appends new
photos after the stored ones, so a new photo only moves among the other new photos: the
order shown is the order that will be saved. Exactly one photo is the main photo.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPaintEvent, QPixmap, QTransform
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from ..core.photos import PreparedPhoto
from ..core.records import Photo

ICON_SIZE = 128


@dataclass
class PhotoEntry:
    """One photo as the dialog shows it: stored (`stored` set) or chosen now (`prepared` set)."""

    caption: str
    primary: bool
    rotation: int  # clockwise degrees, pending until the record is saved
    thumbnail: QImage
    original_name: str
    width: int
    height: int
    stored: Photo | None = None
    prepared: PreparedPhoto | None = None
    preview: QImage | None = None  # decoded off the UI thread for photos added now

    @property
    def is_new(self) -> bool:
        return self.stored is None


class PhotoListModel(QAbstractListModel):
    """The photos of one honouree in order; stored photos first, new ones after them.

    The registry appends new photos after the stored ones, so a new photo can only be
    moved among the other new photos: the order shown is the order that will be saved.
    """

    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[PhotoEntry] = []
        self._tiles: dict[int, tuple[tuple[int, bool], QIcon]] = {}  # id(entry) -> (state, tile)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                entry.caption
                or entry.original_name
                or self.tr("Photo %1").replace("%1", str(index.row() + 1))
            )
        if role == Qt.ItemDataRole.DecorationRole:
            state = (entry.rotation % 360, entry.primary)
            cached = self._tiles.get(id(entry))
            if cached is None or cached[0] != state:
                cached = self._tiles[id(entry)] = (state, tile_icon(entry))
            return cached[1]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [entry.caption, entry.original_name, f"{entry.width} × {entry.height}"]
            if entry.primary:
                lines.insert(0, self.tr("Main photo"))
            if entry.is_new:
                lines.append(self.tr("Not saved yet"))
            return "\n".join(line for line in lines if line)
        return None

    def set_entries(self, entries: list[PhotoEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self._tiles.clear()
        self._ensure_primary()
        self.endResetModel()

    def append(self, entry: PhotoEntry) -> int:
        row = len(self.entries)
        self.beginInsertRows(QModelIndex(), row, row)
        self.entries.append(entry)
        self._ensure_primary()
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self._tiles.pop(id(self.entries[row]), None)
        del self.entries[row]
        self.endRemoveRows()
        self._ensure_primary()
        self._changed_all()

    def update(self, row: int, **changes: Any) -> None:
        """Change caption / primary / rotation of one photo (primary is exclusive)."""
        if changes.get("primary"):
            for entry in self.entries:
                entry.primary = False
        for key, value in changes.items():
            setattr(self.entries[row], key, value)
        self._ensure_primary()
        self._changed_all()

    def can_move(self, row: int, delta: int) -> bool:
        target = row + delta
        return (
            0 <= row < len(self.entries)
            and 0 <= target < len(self.entries)
            and self.entries[row].is_new == self.entries[target].is_new
        )

    def move(self, row: int, delta: int) -> int:
        if not self.can_move(row, delta):
            return row
        target = row + delta
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + 1 if delta > 0 else target)
        self.entries.insert(target, self.entries.pop(row))
        self.endMoveRows()
        self.edited.emit()
        return target

    def _ensure_primary(self) -> None:
        """Exactly one main photo whenever there are photos (the first, unless one was chosen)."""
        if self.entries and not any(e.primary for e in self.entries):
            self.entries[0].primary = True

    def _changed_all(self) -> None:
        if self.entries:
            self.dataChanged.emit(self.index(0), self.index(len(self.entries) - 1))
        self.edited.emit()


def rotated(image: QImage, degrees: int) -> QImage:
    return image.transformed(QTransform().rotate(degrees)) if degrees % 360 else image


def tile_icon(entry: PhotoEntry) -> QIcon:
    """The grid tile: the upright thumbnail centred on a square, a gold star on the main photo.

    The same picture serves the selected state, so selecting a photo does not tint it.
    """
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    image = rotated(entry.thumbnail, entry.rotation)
    if not image.isNull():
        scaled = image.scaled(
            ICON_SIZE,
            ICON_SIZE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        painter.drawImage((ICON_SIZE - scaled.width()) // 2, (ICON_SIZE - scaled.height()) // 2, scaled)
    if entry.primary:
        badge = QRectF(4, 4, 26, 26)
        painter.setPen(QColor(255, 255, 255))
        painter.setBrush(QColor(214, 158, 0))
        painter.drawEllipse(badge)
        font = painter.font()
        font.setPixelSize(16)
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "★")
    painter.end()
    icon = QIcon()
    icon.addPixmap(pixmap, QIcon.Mode.Normal)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon


class PhotoGrid(QListView):
    """Thumbnails in a grid; says how to add photos while it is empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)  # also stops the view taking drops itself
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setGridSize(QSize(ICON_SIZE + 28, ICON_SIZE + 44))
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setUniformItemSizes(True)
        self.setSpacing(6)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect().adjusted(24, 24, -24, -24),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.tr("No photos yet.\nClick “Add photos…” or drag image files here."),
            )
            painter.end()
