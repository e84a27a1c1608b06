"""The bundled CJK fonts (assets/fonts) and honours.gui.fonts."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import contextlib
import json
import re
import shutil
import subprocess
import time
from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "assets" / "fonts"
ROLL = ROOT / "assets" / "default_roll.json"
REPORT_COPY = ROOT / "assets" / "reports" / "000_5bb5760426d0996f.txt"
FONT_FILES = ("HonoursSans-Regular.ttf", "HonoursSans-Bold.ttf", "HonoursSerif-Bold.ttf")
REBUILD_HINT = "rebuild with `.venv/bin/python tools/build_fonts.py` and commit assets/fonts"


@cache
def cmap(name: str = "HonoursSans-Regular.ttf") -> frozenset[int]:
    return frozenset(TTFont(FONTS / name, lazy=True).getBestCmap())


def gb2312_chars() -> set[str]:
    chars = set()
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((lead, trail)).decode("gb2312"))
    return chars


def tgh_chars() -> list[str]:
    lines = (FONTS / "tgh-8105.txt").read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[1] for line in lines if line and not line.startswith("#")]


def string_values(obj: object):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for value in obj.values():
            yield from string_values(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from string_values(value)


def missing(chars, font: str = "HonoursSans-Regular.ttf") -> str:
    covered = cmap(font)
    return "".join(sorted({c for c in chars if ord(c) not in covered}))


# --- the font files -------------------------------------------------------


@pytest.mark.parametrize("name", FONT_FILES)
def test_font_files_are_truetype_and_small(name):
    path = FONTS / name
    assert path.is_file(), f"{path} missing: {REBUILD_HINT}"
    assert path.stat().st_size < 8 * 1024 * 1024
    font = TTFont(path, lazy=True)
    assert font.sfntVersion == "\x00\x01\x00\x00"
    assert "glyf" in font and "CFF " not in font
    family = font["name"].getDebugName(1)
    assert family == ("Honours Serif" if "Serif" in name else "Honours Sans")
    assert font["OS/2"].usWeightClass == (700 if "Bold" in name else 400)


def test_licence_and_readme_are_shipped():
    ofl = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in ofl
    assert "Adobe" in ofl
    assert (FONTS / "README.md").is_file()


@pytest.mark.parametrize("name", FONT_FILES)
def test_fonts_cover_all_of_gb2312(name):
    chars = gb2312_chars()
    assert len(chars) == 7445
    assert sum(1 for c in chars if "\u4e00" <= c <= "\u9fff") == 6763
    assert missing(chars, name) == ""


@pytest.mark.parametrize("name", FONT_FILES)
def test_fonts_cover_the_general_standard_table(name):
    chars = tgh_chars()
    assert len(chars) == len(set(chars)) == 8105
    assert missing(chars, name) == ""


@pytest.mark.parametrize("name", FONT_FILES)
def test_fonts_cover_punctuation_latin_and_symbols(name):
    chars = (
        [chr(c) for c in range(0x21, 0x7F)]
        + [chr(c) for c in range(0x3001, 0x3012)]  # 、。〃〄々〆〇〈〉《》「」『』【】
        + [chr(c) for c in range(0xFF01, 0xFF5F)]  # ！ … ～
        + [chr(c) for c in range(0x2460, 0x2474)]  # ①-⑳
        + list("×·—“”‘’…〇¥°±÷№℃※→←■□▲△●○◎★☆ǚüāáǎà–")
    )
    assert missing(chars, name) == ""


def test_every_character_of_the_default_roll_is_covered():
    # Fails (does not skip) when the roll is missing: the app ships it.
    assert ROLL.is_file(), f"{ROLL} is missing"
    roll = json.loads(ROLL.read_text(encoding="utf-8"))
    chars = {c for value in string_values(roll) for c in value if ord(c) > 0x7F and not c.isspace()}
    assert chars, "the roll has no Chinese text?"
    for name in FONT_FILES:
        assert missing(chars, name) == "", f"{name} lacks characters of the roll: {REBUILD_HINT}"


def test_every_character_of_the_report_copy_is_covered():
    if not REPORT_COPY.is_file():
        pytest.skip(f"{REPORT_COPY} not present")
    chars = {c for c in REPORT_COPY.read_text(encoding="utf-8") if not c.isspace()}
    assert missing(chars) == "", REBUILD_HINT


# --- honours.gui.fonts ----------------------------------------------------

SAMPLE = "劳动模范荣誉证书衡阳市总工会五一劳动奖章罗玉芳宋英杰谭敦龙"


def test_bundled_font_paths():
    from honours.gui import fonts

    paths = fonts.bundled_font_paths()
    assert [p.name for p in paths] == list(FONT_FILES)
    assert all(p.is_file() and p.parent == FONTS.resolve() for p in paths)


def test_install_fonts_makes_app_font_render_chinese(qapp):
    from PySide6.QtGui import QFontDatabase, QFontMetrics
    from PySide6.QtWidgets import QApplication

    from honours.gui import fonts

    point_size = QApplication.font().pointSizeF()
    start = time.perf_counter()
    family = fonts.install_fonts()
    elapsed = time.perf_counter() - start
    print(f"install_fonts() took {elapsed * 1000:.1f} ms, chose {family!r}")
    assert elapsed < 1.0  # measured ~3 ms; generous for slow CI

    assert family in QFontDatabase.families()
    installed = set(QFontDatabase.families())
    if not any(f in installed for f in fonts.SYSTEM_CJK_FAMILIES) and not os.environ.get("HONOURS_UI_FONT"):
        assert family == fonts.BUNDLED_SANS
    app_font = QApplication.font()
    assert app_font.family() == family
    assert app_font.pointSizeF() == point_size
    metrics = QFontMetrics(app_font)
    for ch in SAMPLE + "，。、《》“”①〇·—":
        assert metrics.inFontUcs4(ord(ch)), ch
    assert fonts.install_fonts() == family  # idempotent


def test_latin_families_fall_back_to_the_cjk_family(qapp):
    from PySide6.QtGui import QFont, QTextLayout

    from honours.gui import fonts

    family = fonts.install_fonts()
    for latin in ("DejaVu Sans", "Arial", "Sans Serif"):
        assert family.lower() in [s.lower() for s in QFont.substitutes(latin)]
        layout = QTextLayout("劳模 Honours", QFont(latin, 12))
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        used = {run.rawFont().familyName().lower() for run in layout.glyphRuns()}
        assert family.lower() in used, (latin, used)


def test_certificate_families_are_the_bundled_truetype_fonts(qapp):
    from PySide6.QtGui import QFontDatabase

    from honours.gui import fonts

    body, title = fonts.certificate_families()
    assert (body, title) == (fonts.BUNDLED_SANS, fonts.BUNDLED_SERIF)
    families = QFontDatabase.families()
    assert body in families and title in families
    assert "Bold" in QFontDatabase.styles(title)


@pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdffonts")),
    reason="pdftotext/pdffonts (poppler-utils) not installed",
)
def test_pdf_keeps_chinese_text_selectable(qapp, tmp_path):
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter, QTextDocument

    from honours.gui import fonts

    fonts.install_fonts()
    body, title = fonts.certificate_families()
    heading = "荣誉证书"
    text = "授予罗玉芳同志“衡阳市五一劳动奖章”（2020年）：抗击疫情·全市工会在行动①〇——《劳模力量》…"
    pdf = tmp_path / "certificate.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    doc = QTextDocument()
    doc.setDefaultFont(QFont(body, 12))
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    doc.setHtml(
        f"<h1 style=\"font-family:'{title}'; font-weight:bold\">{heading}</h1><p>{text}</p><p>{SAMPLE}</p>"
    )
    painter = QPainter(writer)
    doc.drawContents(painter)
    painter.end()
    assert pdf.stat().st_size > 0

    extracted = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s+", "", extracted)
    for expected in (heading, text, SAMPLE):
        assert expected in flat, (expected, extracted)

    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows, listing
    assert "Type 3" not in listing, listing
    by_name = {row.split()[0]: row for row in rows}
    for postscript in ("HonoursSans-Regular", "HonoursSerif-Bold"):
        row = by_name.get(postscript) or next((r for n, r in by_name.items() if n.endswith(postscript)), None)
        assert row, listing
        assert "CID TrueType" in row, row
        # columns after the type and encoding: emb sub uni object-id generation
        emb, _sub, uni = row.split()[-5:-2]
        assert (emb, uni) == ("yes", "yes"), row
