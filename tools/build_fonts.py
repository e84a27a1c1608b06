#!/usr/bin/env python3
"""Build the bundled CJK fonts of Honours (``assets/fonts/*.ttf``).

Why
    The app must show and print Chinese on machines that have no CJK font at
    all.  We ship a subset of Noto Sans CJK SC (Regular, Bold) and Noto Serif
    CJK SC (Bold, for certificate titles), SIL Open Font License 1.1.

Source
    Debian package ``fonts-noto-cjk`` (bookworm: 1:20220127+repack1-1, Noto
    Sans CJK 2.004, Noto Serif CJK 2.001).  The ``.ttc`` collections hold one
    face per region; we take the face whose PostScript name ends in
    ``CJKsc-<Weight>`` (Simplified Chinese glyph forms).

Character set (see ``charset()``)
    * every character of GB 2312: each valid two-byte EUC-CN code
      (lead 0xA1-0xF7, trail 0xA1-0xFE) decoded with Python's ``gb2312``
      codec -> 6,763 hanzi + 682 symbols (7,445 in all);
    * the 8,105 characters of 通用规范汉字表 (Table of General Standard Chinese
      Characters, 2013), the exact list, taken from the ``kTGH`` field of
      Unihan (Debian package ``unicode-data``, Unicode 15.0.0).  That list
      is stored in ``assets/fonts/tgh-8105.txt`` so that a rebuild does not
      need ``unicode-data`` again (``--unihan`` regenerates it).  It includes
      273 characters outside U+4E00-U+9FFF (Ext A, B, C, D, E);
    * Basic Latin U+0020-U+007E, Latin-1 U+00A0-U+00FF, Latin Extended-A and
      the pinyin letters of Latin Extended-B (ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ), spacing
      modifiers used by pinyin/zhuyin tones;
    * General Punctuation U+2000-U+206F (— – “ ” ‘ ’ … ‰ ※ …), × ÷ ·;
    * Letterlike symbols (℃ № ™), Number Forms (Ⅰ-Ⅻ), arrows, ①-⑳ and the
      rest of Enclosed Alphanumerics, Geometric Shapes (■ □ ▲ ● ○ ◎ ★ ☆);
    * CJK Symbols and Punctuation U+3000-U+303F (、。〈〉《》「」『』【】〇 …),
      Halfwidth and Fullwidth Forms U+FF00-U+FFEF;
    * every character found in ``assets/default_roll.json`` and
      ``assets/reports/*.txt`` (so a rare name in the bundled roll is never
      missing; rebuild after the roll gains a character outside the above).
    Code points the source face lacks are silently dropped.

Outlines
    Noto CJK uses CFF (PostScript cubic) outlines.  Qt's PDF writer embeds
    TrueType fonts as CID-keyed TrueType subsets with a ToUnicode map (text
    stays selectable/searchable), whereas CFF faces risk Type 3 / bitmap
    output.  So after subsetting, the cubic outlines are converted to
    quadratic TrueType ``glyf`` outlines with fontTools' cu2qu (max error
    1 font unit of 1000), as in fontTools' ``otf2ttf`` snippet; VORG (a
    CFF-only table) is dropped, vhea/vmtx are kept for vertical text.
    Glyphs shared by several code points are duplicated (``unshare_glyphs``)
    so that the PDF ToUnicode map Qt derives from the cmap is unambiguous.
    No hinting is added (CJK at UI sizes renders fine unhinted/autohinted).
    OpenType layout keeps fontTools' default shaping features (kern, vert,
    vrt2, halt, palt, …) except ``locl`` (in an SC face it only swaps in
    Japanese/Korean/Traditional glyph forms) and the ligature features
    (ccmp, liga, …): Noto ligates —— and fi/fl, and ligature glyphs get no
    ToUnicode entry in Qt's PDFs, so that text would be lost on copy/search.

Names
    Noto has no Reserved Font Name, but it is derived from Source Han Sans
    (whose licence reserves "Source") and "Noto" is a Google trademark; a
    modified version also must not clash with a full system install of
    "Noto Sans CJK SC".  So the subsets are renamed "Honours Sans" (Regular,
    Bold) and "Honours Serif" (Bold); copyright and licence name records are
    kept, and the description records the origin.

Usage (from the repository root)::

    .venv/bin/python tools/build_fonts.py                 # fetch .deb with apt-get download
    .venv/bin/python tools/build_fonts.py --noto-dir DIR  # DIR holds Noto*CJK-*.ttc
    .venv/bin/python tools/build_fonts.py --unihan Unihan_OtherMappings.txt[.bz2]

Without ``--noto-dir`` the script looks in /usr/share/fonts/opentype/noto
and otherwise runs ``apt-get download fonts-noto-cjk`` (no installation) and
unpacks it with ``dpkg-deb -x`` into a temporary directory.  Output is
deterministic for the same input fonts and fontTools version (the head
timestamps are pinned to the source font's).  Needs fontTools (in the venv).
Takes 20-40 s per face (about 75 s in all) on a 2-core machine.
"""

from __future__ import annotations

import argparse
import bz2
import contextlib
import copy
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "assets" / "fonts"
TGH_FILE = OUT_DIR / "tgh-8105.txt"
SYSTEM_NOTO_DIR = Path("/usr/share/fonts/opentype/noto")

# (output file, source collection, PostScript name of the SC face, family, style)
FACES = [
    (
        "HonoursSans-Regular.ttf",
        "NotoSansCJK-Regular.ttc",
        "NotoSansCJKsc-Regular",
        "Honours Sans",
        "Regular",
    ),
    ("HonoursSans-Bold.ttf", "NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold", "Honours Sans", "Bold"),
    ("HonoursSerif-Bold.ttf", "NotoSerifCJK-Bold.ttc", "NotoSerifCJKsc-Bold", "Honours Serif", "Bold"),
]

DROPPED_FEATURES = {"locl", "ccmp", "liga", "clig", "dlig", "hlig", "rlig", "calt"}
MAX_ERR = 1.0  # cu2qu approximation error, in font units (upem 1000)
MAX_FILE_SIZE = 8 * 1024 * 1024

RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement (· × ÷ ¥ ° ± …)
    (0x0100, 0x017F),  # Latin Extended-A (pinyin ā ē ī ō ū …)
    (0x01CD, 0x01DC),  # Latin Extended-B pinyin (ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ)
    (0x02C6, 0x02DD),  # spacing modifiers (ˇ ˉ ˊ ˋ ˙)
    (0x2000, 0x206F),  # General Punctuation (— “ ” ‘ ’ … ‰ ※)
    (0x2100, 0x214F),  # Letterlike Symbols (℃ № ™)
    (0x2150, 0x218F),  # Number Forms (Ⅰ-Ⅻ ⅰ-ⅹ)
    (0x2190, 0x21FF),  # Arrows
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (①-⑳ ⑴ ⒈ …)
    (0x25A0, 0x25FF),  # Geometric Shapes (■ □ ▲ ● ○ ◎)
    (0x2605, 0x2606),  # ★ ☆
    (0x3000, 0x303F),  # CJK Symbols and Punctuation (、。《》【】〇 …)
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]
EXTRA = "×·—–“”‘’…〇"


def gb2312_chars() -> set[str]:
    """Every character of GB 2312, by decoding each valid EUC-CN code."""
    chars: set[str] = set()
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((lead, trail)).decode("gb2312"))
    return chars


def read_tgh(path: Path = TGH_FILE) -> list[str]:
    """The 8,105 characters of 通用规范汉字表 in table order."""
    chars = [
        line.split("\t")[1]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    if len(chars) != 8105 or len(set(chars)) != 8105:
        raise SystemExit(f"{path}: expected 8105 distinct characters, got {len(chars)}")
    return chars


def write_tgh_from_unihan(unihan: Path) -> None:
    """Extract kTGH from Unihan_OtherMappings.txt(.bz2) into TGH_FILE."""
    opener = bz2.open if unihan.suffix == ".bz2" else open
    entries = []
    version = ""
    with opener(unihan, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("# Unihan_OtherMappings.txt", "# Date:", "# Unicode version:")):
                version += line[2:].strip() + "; "
            if "\tkTGH\t" not in line or line.startswith("#"):
                continue
            cp, _field, value = line.rstrip("\n").split("\t")
            # value is "2013:NNNN" (several for a few characters): take the first index
            index = int(value.split()[0].split(":")[1])
            entries.append((index, chr(int(cp.removeprefix("U+"), 16))))
    entries.sort()
    lines = [
        "# 通用规范汉字表 (2013), 8105 characters: index<TAB>character<TAB>code point",
        f"# Extracted by tools/build_fonts.py from Unihan kTGH ({version.strip('; ')})",
    ]
    lines += [f"{i}\t{c}\tU+{ord(c):04X}" for i, c in entries]
    TGH_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read_tgh()  # validate


def asset_text_chars() -> set[str]:
    """Characters of the bundled roll and report copies (if present)."""
    chars: set[str] = set()

    def walk(obj: object) -> None:
        if isinstance(obj, str):
            chars.update(obj)
        elif isinstance(obj, dict):
            for k, v in obj.items():
                walk(k)
                walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    roll = ROOT / "assets" / "default_roll.json"
    if roll.exists():
        walk(json.loads(roll.read_text(encoding="utf-8")))
    for report in sorted((ROOT / "assets" / "reports").glob("*.txt")):
        chars.update(report.read_text(encoding="utf-8"))
    return {c for c in chars if not c.isspace() or c == " "}


def charset() -> set[int]:
    cps: set[int] = set()
    for lo, hi in RANGES:
        cps.update(range(lo, hi + 1))
    cps.update(map(ord, EXTRA))
    cps.update(map(ord, gb2312_chars()))
    cps.update(map(ord, read_tgh()))
    cps.update(map(ord, asset_text_chars()))
    return cps


def find_noto_dir(tmp: Path) -> Path:
    if (SYSTEM_NOTO_DIR / "NotoSansCJK-Regular.ttc").exists():
        return SYSTEM_NOTO_DIR
    print("downloading fonts-noto-cjk with apt-get download …", flush=True)
    subprocess.run(["apt-get", "download", "fonts-noto-cjk"], cwd=tmp, check=True)
    deb = next(tmp.glob("fonts-noto-cjk_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp / "x")], check=True)
    return tmp / "x" / SYSTEM_NOTO_DIR.relative_to("/")


def load_face(ttc: Path, ps_name: str) -> TTFont:
    coll = TTCollection(str(ttc), lazy=True)
    for i, font in enumerate(coll.fonts):
        if font["name"].getDebugName(6) == ps_name:
            return TTFont(str(ttc), fontNumber=i, recalcTimestamp=False)
    raise SystemExit(f"{ps_name} not found in {ttc}")


def otf_to_ttf(font: TTFont) -> None:
    """Replace CFF outlines with quadratic glyf outlines (fontTools otf2ttf)."""
    assert "CFF " in font
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = max(
        (len(getattr(g, "components", [])) for g in glyf.glyphs.values()), default=0
    )
    maxp.compile(font)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller, and CID names are meaningless
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"


def unshare_glyphs(font: TTFont) -> int:
    """Give every mapped code point its own glyph.

    Noto maps some code points to one glyph (～ U+FF5E and 〜 U+301C, the
    ideographic space and the em space, – and ‒, · and •, …).  Qt's PDF writer
    builds the ToUnicode map by looking code points up from U+0000 upwards and
    keeps the first one per glyph, so a shared glyph would be extracted as the
    wrong character (a PDF saying 〜 where the text had ～).  Copies are tiny.
    """
    best = font.getBestCmap()
    by_glyph: dict[str, list[int]] = {}
    for cp, glyph_name in best.items():
        by_glyph.setdefault(glyph_name, []).append(cp)
    order = list(font.getGlyphOrder())
    glyf = font["glyf"]
    metrics = [font[tag].metrics for tag in ("hmtx", "vmtx") if tag in font]
    remap: dict[int, str] = {}
    for glyph_name, cps in by_glyph.items():
        for cp in sorted(cps)[1:]:
            new = f"{glyph_name}.u{cp:04X}"
            order.append(new)
            glyf.glyphs[new] = copy.deepcopy(glyf[glyph_name])
            for table in metrics:
                table[new] = table[glyph_name]
            remap[cp] = new
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    for table in font["cmap"].tables:
        if table.isUnicode():
            for cp, new in remap.items():
                if cp in table.cmap:
                    table.cmap[cp] = new
    return len(remap)


def rename(font: TTFont, family: str, style: str, source_ps: str, source_version: str) -> None:
    name = font["name"]
    keep = {0, 7, 8, 9, 11, 12, 13, 14}  # copyright, trademark, vendor, designers, urls, licence
    name.names = [r for r in name.names if r.nameID in keep and r.platformID == 3 and r.langID == 0x409]
    ps_family = family.replace(" ", "")
    full = f"{family} {style}" if style != "Regular" else family
    version = font["head"].fontRevision
    records = {
        1: family,
        2: style,
        3: f"{version:.3f};HONOURS;{ps_family}-{style}",
        4: full if style != "Regular" else f"{family} Regular",
        5: f"Version {version:.3f}; subset of {source_ps} {source_version}",
        6: f"{ps_family}-{style}",
        10: (
            f"Subset of {source_ps} ({source_version}) for the Honours app: GB 2312, "
            "通用规范汉字表 (8105), CJK/fullwidth punctuation, Latin; CFF converted to "
            "TrueType outlines. Modified Version under the SIL OFL 1.1."
        ),
    }
    for name_id, text in records.items():
        name.setName(text, name_id, 3, 1, 0x409)
    bold = style == "Bold"
    os2 = font["OS/2"]
    os2.usWeightClass = 700 if bold else 400
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (0b100000 if bold else 0b1000000)
    font["head"].macStyle = (font["head"].macStyle & ~1) | (1 if bold else 0)


def build_face(src: TTFont, cps: set[int], family: str, style: str) -> TTFont:
    source_ps = src["name"].getDebugName(6)
    source_version = src["name"].getDebugName(5).split(";")[0]
    options = subset.Options()
    # fontTools' default shaping features (kern, vert, vrt2, halt, palt, …)
    # minus "locl": in an SC face it only swaps in Japanese, Korean and
    # Traditional glyph forms (doubling the glyph count; the app wants the
    # mainland forms), and minus the ligature features: Noto's ccmp joins
    # —— / ―― into one glyph and liga makes fi/fl/ff ligatures; a ligature
    # glyph has no cmap entry, so Qt's PDF writer gives it no ToUnicode
    # mapping and "——" or "office" would vanish from text copied out of a PDF.
    options.layout_features = [f for f in options.layout_features if f not in DROPPED_FEATURES]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    options.drop_tables += ["VORG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(cps & set(src.getBestCmap())))
    subsetter.subset(src)
    otf_to_ttf(src)
    unshare_glyphs(src)
    rename(src, family, style, source_ps, source_version)
    return src


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--noto-dir", type=Path, help="directory holding NotoSansCJK-*.ttc / NotoSerifCJK-*.ttc")
    ap.add_argument("--unihan", type=Path, help="Unihan_OtherMappings.txt[.bz2]: regenerate tgh-8105.txt")
    ap.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = ap.parse_args(argv)

    args.out_dir.mkdir(parents=True, exist_ok=True)
    TGH_FILE.parent.mkdir(parents=True, exist_ok=True)
    if args.unihan:
        write_tgh_from_unihan(args.unihan)
    cps = charset()
    print(f"requested code points: {len(cps)}")

    with tempfile.TemporaryDirectory() as tmp_name:
        noto_dir = args.noto_dir or find_noto_dir(Path(tmp_name))
        for out_name, ttc, ps_name, family, style in FACES:
            t0 = time.perf_counter()
            src = load_face(noto_dir / ttc, ps_name)
            font = build_face(src, cps, family, style)
            out = args.out_dir / out_name
            font.save(str(out))
            size = out.stat().st_size
            print(
                f"{out_name}: {size / 2**20:.2f} MiB, {font['maxp'].numGlyphs} glyphs, "
                f"{len(font.getBestCmap())} code points, {time.perf_counter() - t0:.1f} s",
                flush=True,
            )
            if size > MAX_FILE_SIZE:
                print(f"error: {out_name} is larger than {MAX_FILE_SIZE} bytes", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
