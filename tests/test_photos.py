"""The photo pipeline on real image files made by Pillow: normalising, refusing, storing."""

from __future__ import annotations

import io
import re
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from honours.core import Honouree, PhotoError, Registry
from honours.core.photos import DISPLAY_MAX, MAX_PIXELS, THUMB_MAX, prepare_photo

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def registry(storage):
    """These tests are of behaviour through the storage verbs: `registry` is each storage
    backend in turn (the `storage` fixture, tests/conftest.py)."""
    return storage


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def near(pixel: tuple[int, ...], expected: tuple[int, ...], tolerance: int = 24) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, expected, strict=False))


def exif_rotated_jpeg(path: Path, size: tuple[int, int], orientation: int) -> Path:
    """Stored sideways: left half red, right half blue, with an EXIF orientation tag."""
    image = Image.new("RGB", size, (220, 0, 0))
    image.paste((0, 0, 220), (size[0] // 2, 0, size[0], size[1]))
    exif = Image.Exif()
    exif[0x0112] = orientation
    image.save(path, "JPEG", quality=95, exif=exif)
    return path


def png_bomb(path: Path, side: int) -> Path:
    """A real, complete 1-bit PNG of side × side black pixels, written row block by row block.

    Zeros compress about 1000:1, so a 30000 × 30000 image (900 megapixels, ~2.7 GB as RGB)
    is a file of about 100 KB: the shape of a decompression bomb.
    """

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))

    row = b"\0" * (1 + (side + 7) // 8)  # filter byte + packed bits
    compressor = zlib.compressobj(9)
    block_rows = 1000
    parts = [compressor.compress(row * block_rows) for _ in range(side // block_rows)]
    parts.append(compressor.compress(row * (side % block_rows)))
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"".join(parts)) + chunk(b"IEND", b"")
    )
    return path


def photo_table_counts(registry: Registry) -> tuple[int, int]:
    # Tests may look at the tables directly to prove that nothing at all was written.
    photos = registry.conn.execute("SELECT count(*) FROM photo").fetchone()[0]
    data = registry.conn.execute("SELECT count(*) FROM photo_data").fetchone()[0]
    return photos, data


def first_id(registry: Registry, name: str) -> int:
    return next(i for i in registry.all_ids() if registry.honouree(i).name == name)


# -- normalising ---------------------------------------------------------------------------


def test_exif_rotated_jpeg_is_upright_and_the_original_is_kept(tmp_path):
    path = exif_rotated_jpeg(tmp_path / "sideways.jpg", (300, 100), orientation=6)
    prepared = prepare_photo(path)

    display, thumb = decoded(prepared.display), decoded(prepared.thumbnail)
    assert (prepared.width, prepared.height) == (100, 300)
    assert display.size == (100, 300)
    assert thumb.size == (53, 160)
    # Orientation 6 means "turn 90° clockwise to view": the stored left (red) becomes the top.
    assert near(display.getpixel((50, 30)), (220, 0, 0))
    assert near(display.getpixel((50, 270)), (0, 0, 220))
    assert near(thumb.getpixel((26, 15)), (220, 0, 0))
    assert prepared.original == path.read_bytes()
    assert prepared.mime == "image/jpeg"


def test_large_exif_rotated_jpeg_decodes_reduced_but_reports_its_full_size(tmp_path):
    path = exif_rotated_jpeg(tmp_path / "camera.jpg", (4800, 3200), orientation=8)
    prepared = prepare_photo(path)

    display = decoded(prepared.display)
    assert (prepared.width, prepared.height) == (3200, 4800)
    assert display.size == (1333, 2000)
    # Orientation 8 means "turn 90° anticlockwise": the stored right (blue) becomes the top.
    assert near(display.getpixel((660, 100)), (0, 0, 220))
    assert near(display.getpixel((660, 1900)), (220, 0, 0))
    assert prepared.original == path.read_bytes()


def _cmyk_jpeg(path: Path) -> tuple[Path, tuple[int, int, int]]:
    Image.new("CMYK", (3000, 1000), (0, 255, 0, 0)).save(path, "JPEG", quality=95)
    return path, (255, 0, 255)  # pure magenta ink


def _sixteen_bit_png(path: Path) -> tuple[Path, tuple[int, int, int]]:
    image = Image.new("I;16", (2400, 1800), 40000)
    image.save(path)
    assert Image.open(path).mode == "I;16"
    return path, (156, 156, 156)  # 40000 / 256: tones scaled, not clipped to white


def _palette_png_with_transparency(path: Path) -> tuple[Path, tuple[int, int, int]]:
    image = Image.new("P", (400, 300), 0)
    image.putpalette([0, 0, 0, 30, 120, 60])
    image.paste(1, (0, 0, 200, 300))  # left half green, right half transparent
    image.save(path, transparency=0)
    return path, (30, 120, 60)


def _rgba_png(path: Path) -> tuple[Path, tuple[int, int, int]]:
    Image.new("RGBA", (2600, 2600), (0, 0, 255, 0)).save(path)  # fully transparent blue
    return path, (255, 255, 255)


def _animated_gif(path: Path) -> tuple[Path, tuple[int, int, int]]:
    frames = [
        Image.new("RGB", (240, 160), colour) for colour in ((200, 30, 30), (30, 200, 30), (30, 30, 200))
    ]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert Image.open(path).is_animated
    return path, (200, 30, 30)  # the first frame


@pytest.mark.parametrize(
    "make, name, mime",
    [
        (_cmyk_jpeg, "cmyk.jpg", "image/jpeg"),
        (_sixteen_bit_png, "gray16.png", "image/png"),
        (_palette_png_with_transparency, "palette.png", "image/png"),
        (_rgba_png, "rgba.png", "image/png"),
        (_animated_gif, "animated.gif", "image/gif"),
    ],
)
def test_colour_modes_become_rgb_jpeg_copies_within_limits(tmp_path, make, name, mime):
    path, expected_colour = make(tmp_path / name)
    original = Image.open(path)
    prepared = prepare_photo(path)

    display, thumb = decoded(prepared.display), decoded(prepared.thumbnail)
    for copy, limit in ((display, DISPLAY_MAX), (thumb, THUMB_MAX)):
        assert copy.format == "JPEG"
        assert copy.mode == "RGB"
        assert max(copy.size) <= limit
    assert max(display.size) == min(DISPLAY_MAX, max(original.size))
    assert (prepared.width, prepared.height) == original.size
    assert prepared.mime == mime
    assert prepared.original == path.read_bytes()
    assert near(display.getpixel((10, 10)), expected_colour)


def test_transparent_parts_become_white(tmp_path):
    path, _ = _palette_png_with_transparency(tmp_path / "palette.png")
    display = decoded(prepare_photo(path).display)
    assert near(display.getpixel((390, 150)), (255, 255, 255))


# -- refusing ------------------------------------------------------------------------------


def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _truncated_jpeg(path: Path) -> Path:
    buffer = io.BytesIO()
    Image.effect_noise((800, 600), 64).convert("RGB").save(buffer, "JPEG", quality=90)
    whole = buffer.getvalue()
    path.write_bytes(whole[: len(whole) // 3])
    return path


def _text_named_jpg(path: Path) -> Path:
    path.write_text("姓名,单位\n许仲秋,湘油泵\n", encoding="utf-8")
    return path


def _bomb(path: Path) -> Path:
    png_bomb(path, 30000)
    assert path.stat().st_size < 200_000
    return path


def _over_photo_limit(path: Path) -> Path:
    png_bomb(path, 9000)  # 81 megapixels: under Pillow's own limit, over ours
    assert MAX_PIXELS < 9000 * 9000
    return path


def _folder(path: Path) -> Path:
    path.mkdir()  # a folder dropped on the photos panel by mistake
    return path


def _missing(path: Path) -> Path:
    return path  # chosen, then moved away before it was read


def _icon(path: Path) -> Path:
    Image.new("RGB", (32, 32), "red").save(path, "ICO")
    return path


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    "make, name, reason",
    [
        (_empty, "empty.jpg", "empty"),
        (_truncated_jpeg, "truncated.jpg", "damaged or truncated"),
        (_text_named_jpg, "list.jpg", "not an image"),
        (_bomb, "bomb.png", "decompression bomb"),
        (_over_photo_limit, "huge.png", "too large"),
        (_icon, "icon.png", "not a photo format"),
        (_folder, "album", "Cannot read"),
        (_missing, "gone.jpg", "Cannot read"),
    ],
)
def test_unusable_files_are_refused_in_both_languages_and_nothing_is_stored(
    roll, tmp_path, make, name, reason
):
    path = make(tmp_path / name)
    honouree_id = first_id(roll, "许仲秋")
    before = (photo_table_counts(roll), roll.honouree(honouree_id).version)

    with pytest.raises(PhotoError) as caught:
        roll.add_photo(honouree_id, path)

    error = caught.value
    assert reason in error.message("en")
    assert name in error.message("en")
    assert CJK.search(error.message("zh")) and name in error.message("zh")
    assert error.message("zh") != error.message("en")
    assert (photo_table_counts(roll), roll.honouree(honouree_id).version) == before


# -- storing -------------------------------------------------------------------------------


def test_stored_photos_survive_closing_and_reopening(tmp_path):
    path = exif_rotated_jpeg(tmp_path / "portrait.jpg", (300, 100), orientation=6)
    registry = Registry.open(tmp_path / "photos.sqlite")
    honouree_id = registry.add(Honouree(name="许仲秋", unit="湘油泵")).id
    stored = registry.add_photo(honouree_id, path, caption="工作照")
    registry.close()

    reopened = Registry.open(tmp_path / "photos.sqlite")
    try:
        photos = reopened.photos(honouree_id)
        assert [(p.id, p.caption, p.primary, p.width, p.height, p.original_name) for p in photos] == [
            (stored.id, "工作照", True, 100, 300, "portrait.jpg")
        ]
        assert reopened.photo_bytes(stored.id, "original") == path.read_bytes()
        assert decoded(reopened.photo_bytes(stored.id, "display")).size == (100, 300)
        assert decoded(reopened.photo_bytes(stored.id, "thumbnail")).size == (53, 160)
    finally:
        reopened.close()


def test_rotating_swaps_width_and_height_and_keeps_the_original(roll, tmp_path):
    path = tmp_path / "wide.png"
    Image.new("RGB", (300, 100), (10, 120, 200)).save(path)
    honouree_id = first_id(roll, "许仲秋")
    photo = roll.add_photo(honouree_id, path)

    roll.rotate_photo(photo.id, 90)

    rotated = next(p for p in roll.photos(honouree_id) if p.id == photo.id)
    assert (rotated.width, rotated.height) == (100, 300)
    assert decoded(roll.photo_bytes(photo.id, "display")).size == (100, 300)
    assert decoded(roll.photo_bytes(photo.id, "thumbnail")).size == (53, 160)
    assert roll.photo_bytes(photo.id, "original") == path.read_bytes()
