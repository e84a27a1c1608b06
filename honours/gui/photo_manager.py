"""The Photos tab of the edit dialog: add, caption, choose the main photo, rotate, remove, export.

Nothing here writes to the registry. Photos already stored are shown from their stored
thumbnails; new files are checked and normalised by the core (`prepare_photo`) on a
worker thread, since a 24-megapixel JPEG takes a few tenths of a second, and a file that
is not a usable image is reported and not added. The dialog collects the result:
`existing_photos()` (captions, main photo, order; a photo left out is removed on save),
`new_photos()` and `rotations()`.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QObject,
    QRunnable,
    QSize,
    QStandardPaths,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core import files
from ..core.errors import HonoursError, PhotoError, RegistryFileInUseError
from ..core.photos import NewPhoto, PreparedPhoto, prepare_photo
from ..core.records import Photo
from .dialog_size import settings_of
from .i18n import current_language
from .photo_list import ICON_SIZE, PhotoEntry, PhotoGrid, PhotoListModel, rotated
from .thumbnails import decode

PREVIEW_SIZE = 300
IMAGE_FILTER_PATTERNS = "*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.webp"
_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/bmp": ".bmp",
    "image/tiff": ".tif",
    "image/webp": ".webp",
}


class _JobSignals(QObject):
    prepared = Signal(int, object, object, object)  # batch, PreparedPhoto, thumbnail, preview QImages
    rejected = Signal(int, object)  # batch, PhotoError
    finished = Signal(int)


class _PrepareJob(QRunnable):
    """Runs the core's checks and normalisation for a batch of files off the UI thread.

    The thumbnail and preview are decoded here too (QImage works in any thread), so the UI
    thread only places finished pictures.
    """

    def __init__(self, batch: int, paths: list[Path]) -> None:
        super().__init__()
        self.batch = batch
        self.paths = paths
        self.signals = _JobSignals()

    def run(self) -> None:
        for path in self.paths:
            try:
                prepared = prepare_photo(path)
                preview_size = QSize(PREVIEW_SIZE * 2, PREVIEW_SIZE * 2)
                self.signals.prepared.emit(
                    self.batch, prepared, decode(prepared.thumbnail), decode(prepared.display, preview_size)
                )
            except PhotoError as exc:
                self.signals.rejected.emit(self.batch, exc)
            except Exception as exc:  # noqa: BLE001 - a worker must always report back
                self.signals.rejected.emit(
                    self.batch,
                    PhotoError(f"{path.name} could not be read ({exc}).", f"{path.name} 无法读取（{exc}）。"),
                )
        self.signals.finished.emit(self.batch)


class PhotoManager(QWidget):
    """Photos of one honouree being edited; reads stored photos through the registry, writes nothing."""

    edited = Signal()
    preparation_finished = Signal()  # a batch of added files has been checked (tests wait on it)

    def __init__(self, registry: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoManager")
        self.setAcceptDrops(True)
        self.registry = registry
        self.model = PhotoListModel(self)
        self._pending_batches: dict[int, _PrepareJob] = {}
        self._rejections: list[PhotoError] = []
        self._batch_numbers = itertools.count(1)
        self._preview_shown: tuple[int, int] | None = None
        self._build()
        self.model.edited.connect(self.edited)
        self.model.edited.connect(self._show_current)
        self.grid.selectionModel().currentRowChanged.connect(self._show_current)
        self.retranslate()
        self._show_current()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("photosAdd")
        self.add_button.clicked.connect(self.choose_files)
        self.hint = QLabel(self)
        self.hint.setObjectName("photosHint")
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.busy = QLabel(self)
        self.busy.setObjectName("photosBusy")
        self.busy.hide()
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.hint, 1)
        top.addWidget(self.busy)

        self.grid = PhotoGrid(self)
        self.grid.setObjectName("photoList")
        self.grid.setModel(self.model)
        self.grid.setMinimumWidth(3 * (ICON_SIZE + 28) + 24)

        self.preview = QLabel(self)
        self.preview.setObjectName("photoPreview")
        self.preview.setFixedSize(PREVIEW_SIZE, PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: palette(base); border: 1px solid palette(mid);")
        self.info = QLabel(self)
        self.info.setObjectName("photoInfo")
        self.info.setWordWrap(True)
        self.info.setMaximumWidth(PREVIEW_SIZE)
        self.caption = QLineEdit(self)
        self.caption.setObjectName("photoCaption")
        self.caption.textEdited.connect(self._caption_edited)
        self.primary = QPushButton(self)
        self.primary.setObjectName("photoPrimary")
        self.primary.clicked.connect(self.make_current_primary)
        self.primary_badge = QLabel(self)
        self.primary_badge.setObjectName("photoPrimaryBadge")
        self.primary_badge.setWordWrap(True)
        self.primary_badge.setStyleSheet("color: #8a6500;")
        self.rotate_left = self._button("photoRotateLeft", lambda: self.rotate_current(-90))
        self.rotate_right = self._button("photoRotateRight", lambda: self.rotate_current(90))
        self.move_earlier = self._button("photoMoveEarlier", lambda: self.move_current(-1))
        self.move_later = self._button("photoMoveLater", lambda: self.move_current(+1))
        self.export = self._button("photoExport", self.export_current)
        self.remove = self._button("photoRemove", self.remove_current)

        self.caption_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.caption_label, self.caption)
        form.addRow("", self.primary)
        form.addRow("", self.primary_badge)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for button in (self.rotate_left, self.rotate_right, self.move_earlier, self.move_later):
            row1.addWidget(button)
        row2.addWidget(self.export)
        row2.addStretch(1)
        row2.addWidget(self.remove)
        side = QVBoxLayout()
        side.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        side.addWidget(self.info)
        side.addLayout(form)
        side.addLayout(row1)
        side.addLayout(row2)
        side.addStretch(1)
        self.details = QWidget(self)
        self.details.setLayout(side)
        self.details.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)

        body = QHBoxLayout()
        body.addWidget(self.grid, 1)
        body.addWidget(self.details)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

    def _button(self, name: str, slot: Any) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add photos…"))
        self.hint.setText(self.tr("or drag image files here (JPEG, PNG, GIF, BMP, TIFF, WebP)"))
        self.caption_label.setText(self.tr("Caption"))
        self.caption.setPlaceholderText(self.tr("e.g. 工作照, 2020年春"))
        self.primary.setText(self.tr("★ Make main photo"))
        self.primary_badge.setText(self.tr("★ Main photo: shown in the roll and on certificates"))
        self.rotate_left.setText(self.tr("Rotate left"))
        self.rotate_right.setText(self.tr("Rotate right"))
        self.move_earlier.setText(self.tr("Earlier"))
        self.move_later.setText(self.tr("Later"))
        self.export.setText(self.tr("Export original…"))
        self.remove.setText(self.tr("Remove"))
        self._show_busy()
        self._show_current()

    # -- loading and results ---------------------------------------------------------------
    def set_photos(self, photos: list[Photo]) -> None:
        """Show the stored photos of the record being edited."""
        entries = []
        for photo in photos:
            assert photo.id is not None
            try:
                image = decode(self.registry.photo_bytes(photo.id, "thumbnail"))
            except HonoursError:
                image = QImage()
            entries.append(
                PhotoEntry(
                    caption=photo.caption,
                    primary=photo.primary,
                    rotation=0,
                    thumbnail=image,
                    original_name=photo.original_name,
                    width=photo.width,
                    height=photo.height,
                    stored=photo,
                )
            )
        self.model.set_entries(entries)
        if entries:
            self.grid.setCurrentIndex(self.model.index(0))

    def existing_photos(self) -> list[Photo]:
        """Stored photos to keep, in order, with their captions and main-photo flag."""
        return [
            replace(e.stored, caption=e.caption.strip(), primary=e.primary, position=i)
            for i, e in enumerate(self.model.entries)
            if e.stored is not None
        ]

    def new_photos(self) -> list[NewPhoto]:
        return [
            NewPhoto(
                prepared=e.prepared, caption=e.caption.strip(), primary=e.primary, rotation=e.rotation % 360
            )
            for e in self.model.entries
            if e.prepared is not None
        ]

    def rotations(self) -> dict[int, int]:
        """Photo id → clockwise degrees for stored photos turned in this dialog."""
        return {
            e.stored.id: e.rotation % 360
            for e in self.model.entries
            if e.stored is not None and e.stored.id is not None and e.rotation % 360
        }

    def snapshot(self) -> list[tuple]:
        """What the user changed, for the unsaved-changes prompt."""
        return [
            (
                id(e.prepared) if e.prepared else e.stored.id if e.stored else None,
                e.caption,
                e.primary,
                e.rotation % 360,
            )
            for e in self.model.entries
        ]

    def is_busy(self) -> bool:
        """True while added files are still being checked."""
        return bool(self._pending_batches)

    # -- adding ---------------------------------------------------------------------------
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos"),
            self.start_folder(),
            self.tr("Images (%1);;All files (*)").replace("%1", IMAGE_FILTER_PATTERNS),
        )
        if paths:
            settings = settings_of(self)
            if settings is not None:
                settings.photo_folder = str(Path(paths[0]).parent)
            self.add_files(paths)

    def start_folder(self) -> str:
        """Where the file dialogs open: the folder photos were last added from, else the
        desktop's pictures folder (~/图片 on a Chinese desktop) if it exists, else home."""
        settings = settings_of(self)
        for folder in (
            settings.photo_folder if settings is not None else "",
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation),
        ):
            if folder and Path(folder).is_dir():
                return folder
        return str(Path.home())

    def add_files(self, paths: list[str | Path]) -> None:
        """Check and add image files in the background; unusable files are reported, not added."""
        files = [Path(p) for p in paths]
        if not files:
            return
        batch = next(self._batch_numbers)
        job = _PrepareJob(batch, files)
        job.signals.prepared.connect(self._on_prepared)
        job.signals.rejected.connect(self._on_rejected)
        job.signals.finished.connect(self._on_batch_finished)
        self._pending_batches[batch] = job
        self._show_busy(len(files))
        QThreadPool.globalInstance().start(job)

    def _on_prepared(self, batch: int, prepared: PreparedPhoto, thumbnail: QImage, preview: QImage) -> None:
        if batch not in self._pending_batches:
            return
        entry = PhotoEntry(
            caption="",
            primary=False,
            rotation=0,
            thumbnail=thumbnail,
            original_name=prepared.original_name,
            width=prepared.width,
            height=prepared.height,
            prepared=prepared,
            preview=preview,
        )
        row = self.model.append(entry)
        self.grid.setCurrentIndex(self.model.index(row))

    def _on_rejected(self, batch: int, error: PhotoError) -> None:
        if batch in self._pending_batches:
            self._rejections.append(error)

    def _on_batch_finished(self, batch: int) -> None:
        self._pending_batches.pop(batch, None)
        self._show_busy()
        if not self._pending_batches and self._rejections:
            errors, self._rejections = self._rejections, []
            self.report_rejected(errors)
        self.preparation_finished.emit()

    def report_rejected(self, errors: list[PhotoError]) -> None:
        """Tell the user which files were not added and why, in the UI language."""
        language = current_language()
        QMessageBox.warning(
            self,
            self.tr("Photos not added"),
            self.tr("These files were not added:")
            + "\n\n"
            + "\n".join(f"• {error.message(language)}" for error in errors),
        )

    def _show_busy(self, adding: int = 0) -> None:
        if self._pending_batches:
            count = adding or sum(len(job.paths) for job in self._pending_batches.values())
            self.busy.setText(self.tr("Checking %n photo(s)…", "", count))
            self.busy.show()
        else:
            self.busy.hide()

    # -- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
            self.grid.setStyleSheet("QListView { border: 2px dashed palette(highlight); }")

    def dragLeaveEvent(self, event: Any) -> None:
        self.grid.setStyleSheet("")

    def dropEvent(self, event: QDropEvent) -> None:
        self.grid.setStyleSheet("")
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    # -- the selected photo -----------------------------------------------------------------
    def current_row(self) -> int:
        return self.grid.currentIndex().row()

    def _current(self) -> PhotoEntry | None:
        row = self.current_row()
        return self.model.entries[row] if 0 <= row < len(self.model.entries) else None

    def _show_current(self, *_: Any) -> None:
        entry = self._current()
        self.details.setEnabled(entry is not None)
        if entry is None:
            self._preview_shown = None
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("Select a photo"))
            self.info.clear()
            self.caption.clear()
            self.primary.hide()
            self.primary_badge.hide()
            return
        shown = (id(entry), entry.rotation % 360)
        if shown != self._preview_shown:
            self.preview.setPixmap(QPixmap.fromImage(self._preview_image(entry)))
            self._preview_shown = shown
        if self.caption.text() != entry.caption:
            self.caption.setText(entry.caption)
        self.primary.setVisible(not entry.primary)
        self.primary_badge.setVisible(entry.primary)
        width, height = (entry.height, entry.width) if entry.rotation % 180 else (entry.width, entry.height)
        details = [f"{width} × {height} px", entry.original_name]
        if entry.is_new:
            details.append(self.tr("not saved yet"))
        self.info.setText(" · ".join(d for d in details if d))
        row = self.current_row()
        self.move_earlier.setEnabled(self.model.can_move(row, -1))
        self.move_later.setEnabled(self.model.can_move(row, +1))

    def _preview_image(self, entry: PhotoEntry) -> QImage:
        fit = QSize(PREVIEW_SIZE, PREVIEW_SIZE)
        image = entry.preview or QImage()
        try:
            if image.isNull() and entry.prepared is not None:
                image = decode(entry.prepared.display, QSize(PREVIEW_SIZE * 2, PREVIEW_SIZE * 2))
            elif image.isNull() and entry.stored is not None and entry.stored.id is not None:
                image = decode(
                    self.registry.photo_bytes(entry.stored.id, "display"),
                    QSize(PREVIEW_SIZE * 2, PREVIEW_SIZE * 2),
                )
        except HonoursError:
            image = QImage()
        if image.isNull():
            image = entry.thumbnail
        return rotated(image, entry.rotation).scaled(
            fit, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )

    def _caption_edited(self, text: str) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.update(row, caption=text)

    def make_current_primary(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.update(row, primary=True)

    def rotate_current(self, degrees: int) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.update(row, rotation=(self.model.entries[row].rotation + degrees) % 360)

    def move_current(self, delta: int) -> None:
        row = self.current_row()
        if row >= 0:
            self.grid.setCurrentIndex(self.model.index(self.model.move(row, delta)))

    def remove_current(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.remove(row)
            if self.model.entries:
                self.grid.setCurrentIndex(self.model.index(min(row, len(self.model.entries) - 1)))
            self._show_current()

    def export_current(self) -> None:
        """Save the photo exactly as it was received (the stored original, byte for byte)."""
        entry = self._current()
        if entry is None:
            return
        try:
            data = (
                entry.prepared.original
                if entry.prepared is not None
                else self.registry.photo_bytes(entry.stored.id, "original")
            )  # type: ignore[union-attr]
        except HonoursError as exc:
            QMessageBox.warning(self, self.tr("Export original"), exc.message(current_language()))
            return
        mime = entry.prepared.mime if entry.prepared is not None else entry.stored.mime  # type: ignore[union-attr]
        name = entry.original_name or self.tr("photo") + _EXTENSIONS.get(mime, ".jpg")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export original photo"), str(Path(self.start_folder()) / name)
        )
        if path:
            self.write_original(Path(path), data)

    def write_original(self, path: Path, data: bytes) -> bool:
        try:
            files.write_bytes(path, data)
        except RegistryFileInUseError as exc:
            QMessageBox.warning(self, self.tr("Export original"), exc.message(current_language()))
            return False
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Export original"),
                self.tr("Could not write %1: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc)),
            )
            return False
        return True
