"""Turning an image file into the three stored forms: original, display copy, thumbnail.

Photos live inside the registry file (table `photo_data`), so one file carries the whole
roll through backups, exports and moves to another PC, and a photo is saved in the same
transaction as its record. The original bytes are kept untouched; the display copy and
thumbnail are normalised (EXIF orientation applied, any colour mode made RGB) so that
every viewer and printer sees the same upright picture.

Pillow is imported by the functions that decode or encode: this module is imported with
the registry, and Pillow costs ~40 ms that the desktop app's start-up does not need.
"""

from __future__ import annotations

import errno
import io
import os
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import files
from .errors import PhotoError, os_reason_text
from .i18n import Foreign, Text, Verbatim

if TYPE_CHECKING:
    from PIL import Image, ImageCms

DISPLAY_MAX = 2000
THUMB_MAX = 160
MAX_PIXELS = 80_000_000  # ~ 9000 x 9000; beyond this a file is treated as a decompression bomb
MAX_FILE_BYTES = 100 * 1024 * 1024
ACCEPTED = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "GIF": "image/gif",
    "BMP": "image/bmp",
    "TIFF": "image/tiff",
    "WEBP": "image/webp",
    "MPO": "image/jpeg",
}


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


def _fail(text: Text) -> PhotoError:
    return PhotoError(text)


_READ_PROBLEMS = {
    errno.ENOENT: Text("The file does not exist"),
    errno.EACCES: Text("No permission to read it"),
    errno.EPERM: Text("No permission to read it"),
    errno.EISDIR: Text("This is a folder, not an image file"),
}


def _unreadable(path: Path, exc: OSError) -> PhotoError:
    """A file that cannot be read at all (gone, a folder dropped by mistake, no permission)."""
    reason = os_reason_text(exc)
    if exc.errno in _READ_PROBLEMS:
        reason = Foreign(reason.en, _READ_PROBLEMS[exc.errno])
    return _fail(Text("Cannot read {name}: {reason}.", name=path.name, reason=reason))


def prepare_photo(source: str | Path | bytes, name: str = "") -> PreparedPhoto:
    """Check and normalise an image; raises PhotoError with a readable reason."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        name = name or path.name
        try:
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
            if path.stat().st_size > MAX_FILE_BYTES:
                raise _fail(Text("{name} is larger than 100 MB.", name=path.name))
            data = files.read_bytes(path)
        except OSError as exc:
            raise _unreadable(path, exc) from exc
    else:
        data = bytes(source)
    label = name or "image"
    if not data:
        raise _fail(Text("{label} is empty (0 bytes).", label=label))
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            fmt = image.format or ""
            if fmt not in ACCEPTED:
                kind = Verbatim(fmt) if fmt else Text("unknown")
                raise _fail(
                    Text(
                        "{label} is a {format} file, not a photo format we accept (JPEG, PNG, GIF, BMP, TIFF, WebP).",
                        label=label,
                        format=kind,
                    )
                )
            if image.width * image.height > MAX_PIXELS:
                raise _fail(
                    Text(
                        "{label} is too large ({width}×{height} pixels).",
                        label=label,
                        width=image.width,
                        height=image.height,
                    ),
                )
            orientation = _orientation(image)
            width, height = image.size if orientation < 5 else image.size[::-1]
            if fmt in ("JPEG", "MPO"):
                # Decode at the smallest DCT scale that still covers the display copy: a
                # 24-megapixel JPEG decodes at 1/2 or 1/4 size, several times faster.
                image.draft("RGB", _covering_box(image.size, DISPLAY_MAX))
            image.load()
        except PhotoError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _fail(
                Text("{label} is too large to be a photo (decompression bomb).", label=label),
            ) from exc
        except UnidentifiedImageError as exc:
            raise _fail(Text("{label} is not an image file.", label=label)) from exc
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise _fail(Text("{label} is damaged or truncated and cannot be read.", label=label)) from exc
    try:
        upright = _display_copy(image, orientation)
    except (OSError, ValueError) as exc:
        raise _fail(Text("{label} could not be converted.", label=label)) from exc
    display = _jpeg(upright, quality=90)
    thumb = _jpeg(_fit(upright, THUMB_MAX, Image.Resampling.LANCZOS), quality=85)
    return PreparedPhoto(
        original=data,
        display=display,
        thumbnail=thumb,
        width=width,
        height=height,
        mime=ACCEPTED[fmt],
        original_name=name,
    )


# EXIF orientation tag value -> the transpose (Image.Transpose member) that makes the
# picture upright (as ImageOps).
_UPRIGHT = {
    2: "FLIP_LEFT_RIGHT",
    3: "ROTATE_180",
    4: "FLIP_TOP_BOTTOM",
    5: "TRANSPOSE",
    6: "ROTATE_270",
    7: "TRANSVERSE",
    8: "ROTATE_90",
}
_SIXTEEN_BIT = ("I;16", "I;16B", "I;16L", "I;16N", "I")


@cache
def _srgb() -> ImageCms.core.CmsProfile:
    """The sRGB profile colours are converted to (made once, on the first photo that needs it)."""
    from PIL import ImageCms

    return ImageCms.createProfile("sRGB")


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation (1..8); 1 when absent or unreadable (broken EXIF is common)."""
    try:
        value = image.getexif().get(0x0112, 1)
    except Exception:  # noqa: BLE001 - Pillow raises many kinds on malformed EXIF
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _covering_box(size: tuple[int, int], limit: int) -> tuple[int, int]:
    """The size of `size` scaled so its long side is `limit` (draft decodes at least this)."""
    width, height = size
    scale = min(1.0, limit / max(width, height, 1))
    return max(1, int(width * scale)), max(1, int(height * scale))


def _display_copy(image: Image.Image, orientation: int) -> Image.Image:
    """Upright RGB copy at most DISPLAY_MAX pixels on its long side.

    Colour conversion and scaling happen before the transpose, so the expensive steps
    run on the smallest image possible; transparency is flattened onto white after
    scaling (scaling RGBA keeps the edges clean).
    """
    if getattr(image, "is_animated", False):
        image.seek(0)
    if image.mode in _SIXTEEN_BIT:
        image = image.point(lambda v: v * (1 / 256)).convert("L")  # keep tones, not clip them
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        image.mode == "P" and "transparency" in image.info
    )
    if has_alpha:
        from PIL import Image

        image = _fit(image.convert("RGBA"), DISPLAY_MAX)
        canvas = Image.new("RGB", image.size, (255, 255, 255))
        canvas.paste(image, mask=image.getchannel("A"))
        image = canvas
    else:
        image = _fit(_to_srgb(image), DISPLAY_MAX)
    if orientation in _UPRIGHT:
        from PIL import Image

        image = image.transpose(Image.Transpose[_UPRIGHT[orientation]])
    return image


def _to_srgb(image: Image.Image) -> Image.Image:
    """RGB through the embedded colour profile when there is one (CMYK print files,
    Adobe RGB cameras), so colours look right once the profile is dropped; plain
    conversion when there is none or it is unusable."""
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("CMYK", "RGB"):
        from PIL import ImageCms

        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(image, source, _srgb(), outputMode="RGB")
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass
    return image if image.mode == "RGB" else image.convert("RGB")


def _fit(image: Image.Image, limit: int, resample: Image.Resampling | None = None) -> Image.Image:
    """A copy no larger than `limit` on its long side (bilinear unless `resample` says otherwise).

    Pillow's bilinear filter widens with the scale factor, so shrinking stays antialiased;
    for the display copy (at most 2:1 after the JPEG draft) it looks the same as Lanczos
    and takes half the time on a 24-megapixel photo. Thumbnails use Lanczos."""
    if max(image.size) <= limit:
        return image
    from PIL import Image

    copy = image.copy()
    copy.thumbnail((limit, limit), Image.Resampling.BILINEAR if resample is None else resample)
    return copy


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


def rotate_jpeg(data: bytes, degrees: int) -> bytes:
    """Rotate a stored display copy or thumbnail clockwise by a multiple of 90°."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        rotated = image.rotate(-degrees, expand=True)
        return _jpeg(rotated, quality=90)
