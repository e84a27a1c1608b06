"""Possible duplicates from the command line: `import --duplicates`, `duplicates`, `merge`, as a clerk runs them."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from honours.core import Honour, Honouree, Registry

# The county's roll as it stands: unit and post written together in one column.
ON_THE_ROLL = [
    ("刘建国", "衡阳市中心医院院长"),
    ("陈丽华", "衡阳县人民医院护士长"),
    ("王志强", "湘潭钢铁有限公司高级技师"),
]
# Their sheet: unit and post apart, a new honour each, and one newcomer.
SHEET = [
    ["序号", "姓名", "性别", "工作单位", "职务", "荣誉称号", "年份", "捐款金额"],
    [1, "刘建国", "女", "衡阳市中心医院", "院长", "全国劳动模范", 2020, "1万元"],
    [2, "陈丽华", "女", "衡阳县人民医院", "护士长", "全国三八红旗手", 2021, ""],
    [3, "王志强", "男", "湘潭钢铁有限公司", "高级技师", "全国五一劳动奖章", 2019, ""],
    [4, "何志刚", "男", "衡阳市总工会", "干部", "湖南省五一劳动奖章", 2018, ""],
]


def run(db: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess:
    env = {**os.environ, "HONOURS_DB": str(db), "HONOURS_LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "honours", *args],
        capture_output=True,
        env=env,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


@pytest.fixture
def county(tmp_path) -> Path:
    db = tmp_path / "county.sqlite"
    registry = Registry.open(db)
    for name, unit in ON_THE_ROLL:
        registry.add(
            Honouree(
                name=name,
                unit=unit,
                gender="男" if name == "刘建国" else "",
                honours=[Honour("湖南省劳动模范", "provincial", 2015)],
            )
        )
    registry.close()
    return db


def gbk_csv(path: Path) -> Path:
    with path.open("w", encoding="gbk", newline="") as handle:
        csv.writer(handle).writerows(SHEET)
    return path


def xlsx(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    workbook.active.append(["2021年度表彰名单"])
    for row in SHEET:
        workbook.active.append(row)
    workbook.save(path)
    return path


def people(db: Path) -> dict[str, list[Honouree]]:
    registry = Registry.open(db)
    try:
        out: dict[str, list[Honouree]] = {}
        for h in registry.honourees(registry.all_ids()):
            out.setdefault(h.name, []).append(h)
        return out
    finally:
        registry.close()


@pytest.mark.parametrize("make", [gbk_csv, xlsx], ids=["gbk-csv", "xlsx"])
def test_import_merges_possible_duplicates_by_default_and_reports_conflicts(county, tmp_path, make):
    path = make(tmp_path / f"名单{'.csv' if make is gbk_csv else '.xlsx'}")
    dry = run(county, "import", str(path), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "1 add, 3 update, 0 errors; 3 possible duplicate(s): 3 merge, 0 add as new, 0 skip" in dry.stdout
    row = 3 if make is xlsx else 2  # the workbook has a title row above the header
    assert (
        f"row {row} merge 刘建国: possible duplicate of #1 刘建国 (衡阳市中心医院院长): same name; unit and "
        "position are the same written together" in dry.stdout
    )
    assert f"row {row} (刘建国): gender: kept “男” of #1 (this row says “女”)" in dry.stdout
    assert people(county)["刘建国"][0].honours[-1].title == "湖南省劳动模范"  # a dry run writes nothing

    done = run(county, "import", str(path))
    assert done.returncode == 0, done.stderr
    assert "Possible duplicates: 3 merged, 0 added as new records, 0 skipped." in done.stdout
    roll = people(county)
    assert sorted(roll) == ["何志刚", "刘建国", "王志强", "陈丽华"] and all(
        len(v) == 1 for v in roll.values()
    )
    (liu,) = roll["刘建国"]
    assert [h.title for h in liu.honours] == ["湖南省劳动模范", "全国劳动模范"]
    assert (liu.unit, liu.position, liu.gender) == ("衡阳市中心医院", "院长", "男")
    assert liu.donation_total_fen == 1_000_000

    again = run(county, "import", str(path), "--dry-run", lang="zh")  # now matched exactly: an update
    assert "新增 0 条，更新 1 条，错误 0 行（3 条无变化）" in again.stdout and "疑似重复" not in again.stdout
    assert (
        f"第 {row} 行（刘建国）：性别：采用本行的“女”（#1原为“男”）" in again.stdout
    )  # an update says what it replaces


def test_import_can_add_or_skip_possible_duplicates(county, tmp_path):
    path = gbk_csv(tmp_path / "名单.csv")
    skipped = run(county, "import", str(path), "--duplicates", "skip")
    assert skipped.returncode == 0, skipped.stderr
    assert "Possible duplicates: 0 merged, 0 added as new records, 3 skipped." in skipped.stdout
    roll = people(county)
    assert len(roll["刘建国"]) == 1 and [h.title for h in roll["刘建国"][0].honours] == ["湖南省劳动模范"]
    assert "何志刚" in roll

    added = run(county, "import", str(path), "--duplicates", "add", lang="zh")
    assert added.returncode == 0, added.stderr
    assert "疑似重复：合并 0 行，作为新记录添加 3 行，跳过 0 行。" in added.stdout
    roll = people(county)
    assert len(roll["刘建国"]) == 2 and len(roll["何志刚"]) == 1  # 何志刚 matched exactly: not doubled

    bad = run(county, "import", str(path), "--duplicates", "maybe")
    assert bad.returncode == 2 and "maybe" in bad.stderr


def test_duplicates_lists_pairs_and_merge_joins_them(county, tmp_path):
    run(county, "import", str(gbk_csv(tmp_path / "名单.csv")), "--duplicates", "add")
    listed = run(county, "duplicates")
    assert listed.returncode == 0, listed.stderr
    assert "#1 刘建国 (衡阳市中心医院院长)  ⇄  #4 刘建国 (衡阳市中心医院 院长)" in listed.stdout
    assert "3 possible duplicate pair(s)" in listed.stderr
    pairs = json.loads(run(county, "duplicates", "--json").stdout)
    assert sorted(p["ids"] for p in pairs) == [[1, 4], [2, 5], [3, 6]]
    assert all(p["reasons"] and p["reasons_zh"] for p in pairs)

    merged = run(county, "merge", "1", "4", lang="zh")
    assert merged.returncode == 0, merged.stderr
    assert "已将 #4 合并到 #1 刘建国" in merged.stdout and "性别：保留#1的“男”（#4为“女”）" in merged.stdout
    roll = people(county)
    assert len(roll["刘建国"]) == 1 and len(roll["刘建国"][0].honours) == 2
    assert len(json.loads(run(county, "duplicates", "--json").stdout)) == 2
    assert "刘建国" in run(county, "trash").stdout

    again = run(county, "merge", "1", "4")
    assert again.returncode == 1 and "No honouree with ID 4" in again.stderr
    assert run(county, "merge", "1", "x").returncode == 2
