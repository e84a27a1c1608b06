"""`honours stats` run as a user runs it, on the roll of test_statistics whose answers are known."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from test_statistics import build

from honours.core.registry import Registry


def run(db: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess:
    env = {**os.environ, "HONOURS_DB": str(db), "HONOURS_LANG": lang, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "honours", "stats", *args],
        capture_output=True,
        env=env,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("stats") / "known.sqlite"
    registry = Registry.open(path)
    build(registry)
    registry.close()
    return path


def test_json_cross_table_and_donations(db):
    done = run(db, "--by", "region", "--by2", "level", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    people = data["people"]
    assert people["total"] == {"count": 4, "query": "collective:no"}
    assert [c["label"] for c in people["columns"]] == ["National", "Provincial", "Municipal", "none"]
    leiyang = people["rows"][0]
    assert (leiyang["label"], leiyang["count"]) == ("耒阳市", 2)
    assert [c["count"] for c in leiyang["cells"]] == [1, 2, 0, 0]
    assert leiyang["cells"][1]["query"] == "collective:no region:耒阳市 level:省级"
    assert data["collectives"]["total"]["count"] == 2
    ages = {r["value"]: r["count"] for r in data["shares"]["age"]["rows"]}
    assert ages == {"<30": 1, "40-49": 1, "60-69": 1, "": 1}
    years = data["donations"]["year"]
    assert [(r["value"], r["donors"], r["amount_yuan"]) for r in years["rows"]] == [
        (2020, 2, "21000.50"),
        (2021, 1, "500.00"),
    ]
    assert years["total"]["amount_yuan"] == "21500.50"
    assert years["total"]["goods"] == [{"unit": "只", "quantity": 100}, {"unit": "套", "quantity": 50}]
    care = data["care"]
    assert [(r["value"], r["donors"], r["amount_yuan"], r["query"]) for r in care["year"]["rows"]] == [
        (2024, 1, "100.00", "cared:2024"),
        (2025, 2, "2000.00", "cared:2025"),
        (2026, 3, "2300.50", "cared:2026"),  # not 戊's 9999 (in the trash)
    ]
    assert [(r["label"], r["amount_yuan"], r["query"]) for r in care["care_kind"]["rows"]] == [
        ("Visit", "1100.00", "cared:慰问 cared:yes"),
        ("Check-up", "800.00", "cared:体检 cared:yes"),
        ("Hardship aid", "2000.00", "cared:困难帮扶 cared:yes"),
        ("Allowance", "500.50", "cared:劳模津贴 cared:yes"),
    ]
    assert care["care_kind"]["rows"][0]["goods"] == [{"unit": "袋", "quantity": 2}]
    assert care["region"]["total"] == {
        "value": "",
        "label": "Total",
        "donors": 3,
        "query": "cared:yes",
        "amount_fen": 440050,
        "amount_yuan": "4400.50",
        "goods": [{"unit": "袋", "quantity": 2}],
    }
    listed = run(db, "--by", "care_kind", "--json")
    visited = json.loads(listed.stdout)["people"]["rows"][0]
    assert (visited["value"], visited["count"], visited["query"]) == ("visit", 2, "collective:no cared:慰问")


def test_query_and_errors(db):
    data = json.loads(run(db, "--by", "level", "--query", "gender:女", "--json").stdout)
    assert {r["value"]: r["count"] for r in data["people"]["rows"]} == {
        "national": 2,
        "provincial": 1,
        "municipal": 1,
    }
    bad = run(db, "--query", "year:abc", lang="zh")
    assert bad.returncode == 1 and "年份:abc" in bad.stderr and "未进行统计" in bad.stderr
    same = run(db, "--by", "level", "--by2", "level")
    assert same.returncode == 2 and "--by2" in same.stderr
    unknown = run(db, "--by", "colour", lang="zh")
    assert unknown.returncode == 2 and "colour" in unknown.stderr


def test_text_in_chinese(db):
    done = run(db, "--by", "level", lang="zh")
    assert done.returncode == 0, done.stderr
    assert "个人 (4)" in done.stdout and "国家级" in done.stdout and "合计" in done.stdout
    assert "受关怀人数" in done.stdout and "困难帮扶" in done.stdout and "4400.50" in done.stdout


def test_xlsx_numbers_as_numbers(db, tmp_path):
    out = tmp_path / "统计.xlsx"
    done = run(db, "--by", "level", "--by2", "region", "--xlsx", str(out), lang="zh")
    assert done.returncode == 0, done.stderr
    book = load_workbook(out)
    rows = [[c.value for c in row] for row in book["统计"].iter_rows()]
    header = next(r for r in rows if r[0] == "级别 \\ 地区")
    assert header[1:] == ["耒阳市", "衡南县", "未填", "合计"]
    national = rows[rows.index(header) + 1]
    assert national == ["国家级", 1, 1, 0, 2]
    totals = rows[rows.index(header) + 5]
    assert totals == ["合计", 2, 1, 1, 4]
    donations = [[c.value for c in row] for row in book["捐赠"].iter_rows()]
    assert ["合计", 3, 21500.5, 100, 50] in [r[:5] for r in donations] or ["合计", 3, 21500.5, 50, 100] in [
        r[:5] for r in donations
    ]
    money = next(row for row in book["捐赠"].iter_rows() if row[0].value == "2020")
    assert money[2].number_format == "0.00" and money[1].value == 2
    care = [[c.value for c in row] for row in book["关怀支出"].iter_rows()]
    assert care[0] == ["年份", "受关怀人数", "金额（元）", "袋"]
    assert care[1:5] == [
        ["2024", 1, 100, 0],
        ["2025", 2, 2000, 2],
        ["2026", 3, 2300.5, 0],
        ["合计", 3, 4400.5, 2],
    ]
    kinds = care[care.index(["关怀类别", "受关怀人数", "金额（元）", "袋"]) + 1 :]
    assert kinds[:5] == [
        ["慰问", 2, 1100, 2],
        ["体检", 1, 800, 0],
        ["困难帮扶", 1, 2000, 0],
        ["劳模津贴", 1, 500.5, 0],
        ["合计", 3, 4400.5, 2],
    ]
    assert all(isinstance(row[2], (int, float)) for row in care[1:5])


def test_pdf_text(db, tmp_path):
    out = tmp_path / "统计.pdf"
    done = run(
        db, "--by", "level", "--by2", "region", "--pdf", str(out), "--organisation", "耒阳市总工会", lang="zh"
    )
    assert done.returncode == 0, done.stderr
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(out).pages))
    for expected in (
        "耒阳市总工会",
        "荣誉人物统计表",
        "个人 4 人，集体 2 个",
        "国家级 1 1 0 2",  # the row of national honours: 耒阳市, 衡南县, 未填, 合计
        "合计 2 1 1 4",
        "21,500.50",
        "捐款合计 21500.50 元；物资合计 100只、50套",
        "五、关怀支出",
        "困难帮扶 1 2,000.00",
        "合计 3 4,400.50 2",
        "各类关怀金额（元）",
        "关怀合计 4400.50 元，受关怀 3 人；物资合计 2袋",
        "第 1 页 共 3 页",
    ):
        assert expected in text, expected
