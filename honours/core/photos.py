"""Turning an image file into the three stored forms: original, display copy, thumbnail.

Photos live inside the registry file (table `photo_data`), so one file carries the whole
roll through backups, exports and moves to another PC, and a photo is saved in the same
transaction as its record. The original bytes are kept untouched; the display copy and
thumbnail are normalised (EXIF orientation applied, any colour mode made RGB) so that
every viewer and printer sees the same upright picture.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from .errors import PhotoError

DISPLAY_MAX = 2000
THUMB_MAX = 160
MAX_PIXELS = 80_000_000  # ~ 9000 x 9000; beyond this a file is treated as a decompression bomb
MAX_FILE_BYTES = 100 * 1024 * 1024
ACCEPTED = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "BMP": "image/bmp",
            "TIFF": "image/tiff", "WEBP": "image/webp", "MPO": "image/jpeg"}


@dataclass
class PreparedPhoto:
    original: bytes
    display: bytes
    thumbnail: bytes
    width: int
    height: int
    mime: str
    original_name: str


@dataclass
class NewPhoto:
    """A photo chosen in an edit dialog, stored when the record is saved."""

    prepared: PreparedPhoto
    caption: str = ""
    primary: bool = False
    rotation: int = 0  # clockwise degrees, applied to the display copy and thumbnail


def _fail(en: str, zh: str) -> PhotoError:
    return PhotoError(en, zh)


def prepare_photo(source: str | Path | bytes, name: str = "") -> PreparedPhoto:
    """Check and normalise an image; raises PhotoError with a readable reason."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        name = name or path.name
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise _fail(f"Cannot read {path.name}: {exc.strerror}.", f"无法读取 {path.name}：{exc.strerror}。") from exc
        if size > MAX_FILE_BYTES:
            raise _fail(f"{path.name} is larger than 100 MB.", f"{path.name} 超过 100 MB。")
        data = path.read_bytes()
    else:
        data = bytes(source)
    label = name or "image"
    if not data:
        raise _fail(f"{label} is empty (0 bytes).", f"{label} 是空文件（0 字节）。")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            fmt = image.format or ""
            if fmt not in ACCEPTED:
                raise _fail(f"{label} is a {fmt or 'unknown'} file, not a photo format we accept "
                            "(JPEG, PNG, GIF, BMP, TIFF, WebP).",
                            f"{label} 的格式（{fmt or '未知'}）不受支持，请使用 JPEG、PNG、GIF、BMP、TIFF 或 WebP。")
            if image.width * image.height > MAX_PIXELS:
                raise _fail(f"{label} is too large ({image.width}×{image.height} pixels).",
                            f"{label} 像素过多（{image.width}×{image.height}），可能是恶意文件。")
            image.load()
        except PhotoError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _fail(f"{label} is too large to be a photo (decompression bomb).",
                        f"{label} 尺寸异常巨大，疑为恶意文件，已拒绝。") from exc
        except UnidentifiedImageError as exc:
            raise _fail(f"{label} is not an image file.", f"{label} 不是图片文件。") from exc
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise _fail(f"{label} is damaged or truncated and cannot be read.",
                        f"{label} 已损坏或不完整，无法读取。") from exc
    try:
        upright = _upright_rgb(image)
    except (OSError, ValueError) as exc:
        raise _fail(f"{label} could not be converted.", f"{label} 无法转换。") from exc
    display = _jpeg(_fit(upright, DISPLAY_MAX), quality=90)
    thumb = _jpeg(_fit(upright, THUMB_MAX), quality=85)
    return PreparedPhoto(
        original=data,
        display=display,
        thumbnail=thumb,
        width=upright.width,
        height=upright.height,
        mime=ACCEPTED[fmt],
        original_name=name,
    )


def _upright_rgb(image: Image.Image) -> Image.Image:
    if getattr(image, "is_animated", False):
        image.seek(0)
    image = ImageOps.exif_transpose(image)
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda v: v * (1 / 256)).convert("L")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        canvas = Image.new("RGB", rgba.size, (255, 255, 255))
        canvas.paste(rgba, mask=rgba.getchannel("A"))
        return canvas
    return image.convert("RGB")


def _fit(image: Image.Image, limit: int) -> Image.Image:
    if max(image.size) <= limit:
        return image
    copy = image.copy()
    copy.draft("RGB", (limit, limit))
    copy.thumbnail((limit, limit), Image.Resampling.LANCZOS)
    return copy


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


def rotate_jpeg(data: bytes, degrees: int) -> bytes:
    """Rotate a stored display copy or thumbnail clockwise by a multiple of 90°."""
    with Image.open(io.BytesIO(data)) as image:
        rotated = image.rotate(-degrees, expand=True)
        return _jpeg(rotated, quality=90)
