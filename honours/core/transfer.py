"""The lossless exchange format: records as JSON, and a .zip that adds every photo's bytes.

Why a format of our own beside xlsx and csv: a spreadsheet cannot hold photos, per-deed
dates, donation recipients or the record's own dates, so only this format moves a registry
to another PC (or back after a disaster) with nothing lost. Records are exactly the core's
JSON shape (`Honouree.to_dict`); the zip holds

    honours.json                   {"format": "honours-export", "version": 1, "honourees": [...],
                                    "photo_files": {"<photo id>": {"original": ..., ...}}}
    photos/<id>.<ext>              each photo's original bytes, as received
    photos/<id>.display.jpg        the upright display copy as stored (keeps any rotation)
    photos/<id>.thumbnail.jpg      the stored thumbnail

Reading validates everything before the import plan shows it: the JSON shape, each
record, and each photo (through `prepare_photo`, so bombs and broken files are refused).
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import files
from .archive import masked_json
from .errors import HonoursError, PhotoError, json_problem, os_reason
from .photos import DISPLAY_MAX, MAX_FILE_BYTES, THUMB_MAX, PreparedPhoto, prepare_photo
from .records import Honouree, RecordValueError
from .registry import KeptPhoto, Registry, now

FORMAT = "honours-export"
FORMAT_VERSION = 1
RECORDS_MEMBER = "honours.json"
MAX_JSON_BYTES = 2 * 1024**3
EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/bmp": "bmp",
    "image/tiff": "tif",
    "image/webp": "webp",
}

Progress = Callable[[int, int], None]


class ExportFileError(HonoursError):
    """A .json or .zip that is not a readable Honours export; nothing was imported."""


# -- writing -------------------------------------------------------------------------------


def _document(records: list[dict], photo_files: dict[str, dict] | None) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": now(),
        "count": len(records),
        "honourees": records,
    }
    if photo_files is not None:
        doc["photo_files"] = photo_files
    return doc


def write_json(
    registry: Registry,
    ids: Iterable[int],
    path: Path,
    progress: Progress | None = None,
    reveal_id: bool = False,
) -> int:
    """Records only (photo metadata included, photo bytes not); returns how many were written.
    ID numbers are masked unless `reveal_id` (a masked number is not imported back)."""
    ids = list(ids)
    records = []
    for done, honouree_id in enumerate(ids, 1):
        records.append(masked_json(registry.honouree(honouree_id).to_dict(), reveal_id))
        _tick(progress, done, len(ids))
    with replacing(path) as out:
        out.write(json.dumps(_document(records, None), ensure_ascii=False, indent=1).encode("utf-8"))
    return len(records)


def write_archive(
    registry: Registry,
    ids: Iterable[int],
    path: Path,
    progress: Progress | None = None,
    reveal_id: bool = False,
) -> int:
    """Records and every photo's original, display copy and thumbnail in one .zip; ID numbers
    masked unless `reveal_id`."""
    ids = list(ids)
    records: list[dict] = []
    photo_files: dict[str, dict] = {}
    with replacing(path) as out, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        for done, honouree_id in enumerate(ids, 1):
            honouree = registry.honouree(honouree_id)
            records.append(masked_json(honouree.to_dict(), reveal_id))
            for photo in honouree.photos:
                stem = f"photos/{photo.id}"
                names = {
                    "original": f"{stem}.{EXTENSIONS.get(photo.mime, 'bin')}",
                    "display": f"{stem}.display.jpg",
                    "thumbnail": f"{stem}.thumbnail.jpg",
                }
                for kind, member in names.items():
                    # Photos are already compressed: storing them saves time and loses nothing.
                    archive.writestr(member, registry.photo_bytes(photo.id, kind), zipfile.ZIP_STORED)
                photo_files[str(photo.id)] = {**names, "created_at": registry.photo_created_at(photo.id)}
            _tick(progress, done, len(ids))
        archive.writestr(
            RECORDS_MEMBER, json.dumps(_document(records, photo_files), ensure_ascii=False, indent=1)
        )
    return len(records)


class replacing:
    """Write to a temporary file beside `path` and move it into place only when complete,
    so that a failed or cancelled export never leaves a half-written file behind.

    The file gets the permissions any new file gets (0666 less the process's umask, as a
    plain open() gives), not tempfile's private 0600: an export on a shared folder is for
    colleagues to open.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def __enter__(self) -> io.BufferedWriter:
        files.refuse_open_registry(self.path)  # os.replace would put the export over it
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.file, self.temp = files.new_file_beside(self.path)
        except OSError as exc:
            raise _write_error(self.path, exc) from exc
        return self.file

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        self.file.close()
        if kind is not None:
            os.unlink(self.temp)
            if issubclass(kind, OSError):
                raise _write_error(self.path, exc) from exc
            return
        try:
            os.replace(self.temp, self.path)
        except OSError as error:
            os.unlink(self.temp)
            raise _write_error(self.path, error) from error


def _write_error(path: Path, exc: OSError) -> HonoursError:
    reason, reason_zh = os_reason(exc)
    return HonoursError(f"Cannot write {path}: {reason}.", f"无法写入 {path}：{reason_zh}。")


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress and (done % 100 == 0 or done == total):
        progress(done, total)


# -- reading -------------------------------------------------------------------------------


@dataclass
class ExportedRecord:
    """One record of an export file: the record (or why it cannot be read) and its photos."""

    number: int
    record: Honouree | None
    photos: list[dict]  # photo metadata from the record, with "_files" added from the zip
    error: tuple[str, str] | None = None
    photos_without_files: int = 0  # listed in a .json export, whose photo bytes are not included


class ExportFile:
    """An opened .json or .zip export; keeps the zip open to read photos when they are stored."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.archive: zipfile.ZipFile | None = None
        doc = self._load()
        if not isinstance(doc, (dict, list)):
            raise self._bad("the top level is not a list of records")
        if isinstance(doc, dict):
            if doc.get("format") != FORMAT or not isinstance(doc.get("honourees"), list):
                raise self._bad("it has no “honourees” list of an Honours export")
            if not isinstance(doc.get("version"), int) or doc["version"] > FORMAT_VERSION:
                raise ExportFileError(
                    f"{self.path.name} was written by a newer version of Honours (format version "
                    f"{doc.get('version')}). Please update the program.",
                    f"{self.path.name} 由更新版本的荣誉库程序导出（格式版本 {doc.get('version')}），请升级程序。",
                )
            items = doc["honourees"]
            photo_files = doc.get("photo_files") if self.archive is not None else None
        else:
            items, photo_files = doc, None
        self.records = [self._record(n, item, photo_files) for n, item in enumerate(items, 1)]

    def _bad(self, why: str, why_zh: str | None = None) -> ExportFileError:
        return ExportFileError(
            f"{self.path.name} is not a readable Honours export: {why}.",
            f"{self.path.name} 不是可读取的荣誉库导出文件：{why_zh or why}。",
        )

    def _load(self) -> Any:
        try:
            if files.is_zipfile(self.path):
                self.archive = files.open_zip(self.path)
                try:
                    info = self.archive.getinfo(RECORDS_MEMBER)
                except KeyError:
                    raise self._bad(f"{RECORDS_MEMBER} is missing", f"缺少 {RECORDS_MEMBER}") from None
                if info.file_size > MAX_JSON_BYTES:
                    raise self._bad(f"{RECORDS_MEMBER} is too large", f"{RECORDS_MEMBER} 过大")
                raw = self.archive.read(info)
            else:
                raw = files.read_bytes(self.path)
            return json.loads(raw.decode("utf-8-sig"))
        except ExportFileError:
            self.close()
            raise
        except OSError as exc:
            self.close()
            reason, reason_zh = os_reason(exc)
            raise ExportFileError(
                f"Cannot read {self.path.name}: {reason}.", f"无法读取 {self.path.name}：{reason_zh}。"
            ) from exc
        except json.JSONDecodeError as exc:
            self.close()
            raise self._bad(*json_problem(exc)) from exc
        except (zipfile.BadZipFile, UnicodeDecodeError, RecursionError) as exc:
            self.close()
            raise self._bad(f"{type(exc).__name__}: {exc}", f"{type(exc).__name__}：{exc}") from exc

    def _record(self, number: int, item: Any, photo_files: dict | None) -> ExportedRecord:
        try:
            if not isinstance(item, dict):
                raise RecordValueError("a record must be a JSON object", "每条记录须为一个 JSON 对象")
            data = dict(item)
            photos = [dict(p) for p in data.get("photos") or [] if isinstance(p, dict)]
            record = Honouree.from_dict(data)
            for key in ("created_at", "updated_at"):
                value = getattr(record, key)
                if value is None:
                    setattr(record, key, "")
                elif not isinstance(value, str):
                    raise RecordValueError(f"{key} must be text", f"{key} 须为文本")
            if record.version is None:
                record.version = 0
            if not isinstance(record.version, int) or isinstance(record.version, bool) or record.version < 0:
                raise RecordValueError("version must be a whole number", "version 须为非负整数")
        except (ValueError, TypeError) as exc:  # RecordValueError and AmountError carry their Chinese
            return ExportedRecord(number, None, [], (str(exc), getattr(exc, "zh", str(exc))))
        record.photos = []
        if photo_files is None:
            return ExportedRecord(number, record, [], photos_without_files=len(photos))
        for photo in photos:
            files = photo_files.get(str(photo.get("id")))
            if not isinstance(files, dict) or not all(isinstance(files.get(k), str) for k in ("original",)):
                return ExportedRecord(
                    number,
                    record,
                    [],
                    (
                        f"photo {photo.get('id')} is listed but its file is not in the archive",
                        f"照片 {photo.get('id')} 已列出，但压缩包中没有该文件",
                    ),
                )
            photo["_files"] = files
        return ExportedRecord(number, record, photos)

    def read_member(self, name: str, limit: int = MAX_FILE_BYTES) -> bytes:
        assert self.archive is not None
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            raise PhotoError(
                f"{name} is missing from {self.path.name}.", f"{self.path.name} 中缺少 {name}。"
            ) from None
        if info.file_size > limit:
            raise PhotoError(
                f"{name} is larger than {limit // 1024**2} MB.", f"{name} 超过 {limit // 1024**2} MB。"
            )
        try:
            return self.archive.read(info)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise PhotoError(
                f"{name} in {self.path.name} is damaged.", f"{self.path.name} 中的 {name} 已损坏。"
            ) from exc

    def prepare(self, photo: dict) -> PreparedPhoto:
        """Check the original and rebuild the stored copies when the zip lacks valid ones."""
        files = photo["_files"]
        original = self.read_member(files["original"])
        prepared = prepare_photo(original, str(photo.get("original_name") or files["original"]))
        display = _stored_copy(self, files.get("display"), DISPLAY_MAX)
        thumbnail = _stored_copy(self, files.get("thumbnail"), THUMB_MAX)
        if display is not None and thumbnail is not None:
            width, height = photo.get("width"), photo.get("height")
            if _positive_int(width) and _positive_int(height):
                prepared.width, prepared.height = width, height
            prepared.display, prepared.thumbnail = display, thumbnail
        if isinstance(photo.get("mime"), str) and photo["mime"] in EXTENSIONS:
            prepared.mime = photo["mime"]
        if isinstance(photo.get("original_name"), str):
            prepared.original_name = photo["original_name"]
        return prepared

    def kept_photo(self, photo: dict) -> KeptPhoto:
        created = photo["_files"].get("created_at")
        position = photo.get("position")
        return KeptPhoto(
            prepared=self.prepare(photo),
            caption=str(photo.get("caption") or ""),
            primary=bool(photo.get("primary")),
            position=position if _positive_int(position) or position == 0 else 0,
            created_at=created if isinstance(created, str) else "",
        )

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()
            self.archive = None


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 1_000_000


def _stored_copy(export: ExportFile, name: Any, limit: int) -> bytes | None:
    """A stored display copy or thumbnail from the zip, if it is a sound JPEG of the right size."""
    if not isinstance(name, str):
        return None
    from PIL import Image

    try:
        data = export.read_member(name, 20 * 1024 * 1024)
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "JPEG" or max(image.size) > limit:
                return None
            image.load()
        return data
    except (PhotoError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
