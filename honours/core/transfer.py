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
from .errors import HonoursError, PhotoError, error_text, json_problem, os_reason_text
from .i18n import Message, Text, as_message
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
    return HonoursError(Text("Cannot write {path}: {reason}.", path=path, reason=os_reason_text(exc)))


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
    error: Message | None = None
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
                    Text(
                        "{name} was written by a newer version of Honours (format version {get}). Please update the program.",
                        name=self.path.name,
                        get=doc.get("version"),
                    ),
                )
            items = doc["honourees"]
            photo_files = doc.get("photo_files") if self.archive is not None else None
        else:
            items, photo_files = doc, None
        self.records = [self._record(n, item, photo_files) for n, item in enumerate(items, 1)]

    def _bad(self, why: Message | str, why_zh: str | None = None) -> ExportFileError:
        return ExportFileError(
            Text(
                "{name} is not a readable Honours export: {why}.",
                name=self.path.name,
                why=as_message(why, why_zh),
            )
        )

    def _load(self) -> Any:
        try:
            if files.is_zipfile(self.path):
                self.archive = files.open_zip(self.path)
                try:
                    info = self.archive.getinfo(RECORDS_MEMBER)
                except KeyError:
                    raise self._bad(
                        Text("{RECORDS_MEMBER} is missing", RECORDS_MEMBER=RECORDS_MEMBER)
                    ) from None
                if info.file_size > MAX_JSON_BYTES:
                    raise self._bad(Text("{RECORDS_MEMBER} is too large", RECORDS_MEMBER=RECORDS_MEMBER))
                raw = self.archive.read(info)
            else:
                raw = files.read_bytes(self.path)
            return json.loads(raw.decode("utf-8-sig"))
        except ExportFileError:
            self.close()
            raise
        except OSError as exc:
            self.close()
            raise ExportFileError(
                Text("Cannot read {name}: {reason}.", name=self.path.name, reason=os_reason_text(exc))
            ) from exc
        except json.JSONDecodeError as exc:
            self.close()
            raise self._bad(*json_problem(exc)) from exc
        except (zipfile.BadZipFile, UnicodeDecodeError, RecursionError) as exc:
            self.close()
            raise self._bad(Text("{name__}: {exc}", name__=type(exc).__name__, exc=exc)) from exc

    def _record(self, number: int, item: Any, photo_files: dict | None) -> ExportedRecord:
        try:
            if not isinstance(item, dict):
                raise RecordValueError(Text("a record must be a JSON object"))
            data = dict(item)
            photos = [dict(p) for p in data.get("photos") or [] if isinstance(p, dict)]
            record = Honouree.from_dict(data)
            for key in ("created_at", "updated_at"):
                value = getattr(record, key)
                if value is None:
                    setattr(record, key, "")
                elif not isinstance(value, str):
                    raise RecordValueError(Text("{key} must be text", key=key))
            if record.version is None:
                record.version = 0
            if not isinstance(record.version, int) or isinstance(record.version, bool) or record.version < 0:
                raise RecordValueError(Text("version must be a whole number"))
        except (ValueError, TypeError) as exc:  # RecordValueError and AmountError carry their Chinese
            return ExportedRecord(number, None, [], error_text(exc))
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
                    Text("photo {ident} is listed but its file is not in the archive", ident=photo.get("id")),
                )
            photo["_files"] = files
        return ExportedRecord(number, record, photos)

    def read_member(self, name: str, limit: int = MAX_FILE_BYTES) -> bytes:
        assert self.archive is not None
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            raise PhotoError(
                Text("{name} is missing from {archive}.", name=name, archive=self.path.name)
            ) from None
        if info.file_size > limit:
            raise PhotoError(
                Text("{name} is larger than {megabytes} MB.", name=name, megabytes=limit // 1024**2)
            )
        try:
            return self.archive.read(info)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise PhotoError(
                Text("{name} in {archive} is damaged.", name=name, archive=self.path.name)
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
