"""Shared pieces of the printing tests: real PDFs read back with poppler-utils, real images by Pillow."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from honours.core import Deed, Donation, Honour, Honouree

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdfimages", "pdffonts", "pdfinfo"))
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils (pdftotext, pdfimages, pdffonts) not installed"
)


def page_count(pdf: Path) -> int:
    """Pages in a PDF, read from its page objects (works without poppler)."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


def pdftotext(pdf: Path, page: int | None = None, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    if layout:
        args.append("-layout")
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, check=True).stdout.decode("utf-8")


def squeeze(text: str) -> str:
    """Text without any whitespace: line breaks of the layout are not part of what was written."""
    return re.sub(r"\s+", "", text)


def pdf_images(pdf: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, check=True, text=True).stdout
    lines = out.splitlines()
    header = lines[0].split()
    return [dict(zip(header, line.split(), strict=False)) for line in lines[2:] if line.strip()]


def pdf_fonts(pdf: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type… encoding emb sub uni object ID: the flags are the 5th-3rd from the end
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def pdf_page_size(pdf: Path) -> tuple[float, float]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, text=True).stdout
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out)
    assert match, out
    return float(match.group(1)), float(match.group(2))


def portrait(size: tuple[int, int] = (900, 1200), fmt: str = "JPEG", alpha: bool = False) -> bytes:
    """A Pillow-drawn head-and-shoulders picture."""
    width, height = size
    image = Image.new("RGBA" if alpha else "RGB", size, (90, 130, 180, 0 if alpha else 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse([width * 0.1, height * 0.65, width * 0.9, height * 1.3], fill=(40, 48, 66, 255))
    draw.ellipse([width * 0.3, height * 0.2, width * 0.7, height * 0.62], fill=(236, 194, 162, 255))
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "建国华明丽芳军伟秀英敏静强磊洋勇艳杰娟涛"
LEVELS = ["national", "provincial", "municipal", "county", "other"]
UNITS = [
    "衡阳市中心医院",
    "湘油泵股份有限公司",
    "长沙市第一医院",
    "北京铁路局",
    "耒阳市统计局",
    "安仁县环卫所",
]


def synthetic(n: int, start: int = 0) -> list[Honouree]:
    """n honourees with unique names, every level (and none), six units, a deed each."""
    people = []
    for i in range(start, start + n):
        name = SURNAMES[i % 20] + GIVEN[(i // 20) % 20] + GIVEN[(i // 400) % 20]
        level = LEVELS[i % 6] if i % 6 < 5 else None
        honours = [Honour(f"测试荣誉{level}", level, 2000 + i % 20)] if level else []
        people.append(
            Honouree(
                name=name,
                gender="男" if i % 2 else "女",
                unit=UNITS[i % len(UNITS)],
                position="职工",
                honours=honours,
                deeds=[Deed(f"{name}坚守岗位，连续奋战。")],
                donations=[Donation(amount_fen=10000 * 100)] if i % 7 == 0 else [],
            )
        )
    return people
