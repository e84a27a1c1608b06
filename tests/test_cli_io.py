"""`honours import` and `honours export`, run as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from honours.cli import COMMANDS, build_parser
from honours.core import Registry


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


def sheet(path: Path, rows: list[list]) -> Path:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["2020年先进人物名单"])
    ws.merge_cells("A1:D1")
    for row in rows:
        ws.append(row)
    workbook.save(path)
    return path


ROWS = [
    ["姓名", "性别", "工作单位", "荣誉称号"],
    ["甲一", "男", "甲厂", "衡阳市劳动模范"],
    ["乙二", "女人", "乙厂", ""],
    ["丙三", "女", "丙厂", "湖南省劳动模范、全国劳动模范"],
]


def count(db: Path) -> int:
    registry = Registry.open(db)
    try:
        return registry.count()
    finally:
        registry.close()


def test_import_previews_refuses_on_errors_and_skips_with_consent(tmp_path):
    db = tmp_path / "r.sqlite"
    assert run(db, "init", "--empty").returncode == 0
    path = sheet(tmp_path / "s.xlsx", ROWS)
    dry = run(db, "import", str(path), "--dry-run")
    assert dry.returncode == 1
    assert "2 add, 0 update, 1 errors" in dry.stdout
    assert "row 4" in dry.stdout and "gender" in dry.stdout
    assert count(db) == 0
    refused = run(db, "import", str(path))
    assert refused.returncode == 1 and "--skip-errors" in refused.stderr
    assert count(db) == 0
    done = run(db, "import", str(path), "--skip-errors")
    assert done.returncode == 0, done.stderr
    assert "2 added" in done.stderr
    assert count(db) == 2
    zh = run(db, "import", str(path), "--dry-run", lang="zh")
    assert "新增 0 条，更新 0 条，错误 1 行（2 条无变化）" in zh.stdout and "第 4 行" in zh.stdout
    assert "列对应：" in zh.stdout and ", " not in zh.stdout and ": " not in zh.stdout  # Chinese punctuation


def test_import_clean_sheet_and_sheet_option(tmp_path):
    db = tmp_path / "r.sqlite"
    run(db, "init", "--empty")
    path = sheet(tmp_path / "s.xlsx", [ROWS[0], ROWS[1], ROWS[3]])
    wrong = run(db, "import", str(path), "--sheet", "没有这个表")
    assert wrong.returncode == 1 and "没有这个表" in wrong.stderr
    ok = run(db, "import", str(path))
    assert ok.returncode == 0 and "header in row 2" in ok.stdout
    assert count(db) == 2


def test_import_errors_for_files_it_cannot_read(tmp_path):
    db = tmp_path / "r.sqlite"
    run(db, "init", "--empty")
    binary = tmp_path / "photo.csv"
    binary.write_bytes(bytes(range(256)) * 10)
    result = run(db, "import", str(binary))
    assert result.returncode == 1 and "not a text spreadsheet" in result.stderr
    assert "Traceback" not in result.stderr
    missing = tmp_path / "noname.csv"
    missing.write_text("单位\n衡阳\n", encoding="gbk")
    result = run(db, "import", str(missing), lang="zh")
    assert result.returncode == 1 and "缺少“姓名”列" in result.stderr
    assert run(db, "import", str(tmp_path / "nothing.xlsx")).returncode == 2


def test_export_every_format_and_query(tmp_path):
    db = tmp_path / "r.sqlite"  # a new file gets the default roll
    for name in ("all.xlsx", "all.csv", "all.json", "all.zip"):
        result = run(db, "export", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        assert "Exported 14" in result.stderr and (tmp_path / name).stat().st_size > 0
    result = run(db, "export", str(tmp_path / "mayday.csv"), "--query", "五一")
    assert "Exported 2" in result.stderr
    assert run(db, "export", str(tmp_path / "out.pdf")).returncode == 2


def test_zip_export_restores_into_a_new_registry_file(tmp_path):
    source, target = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    run(source, "export", str(tmp_path / "all.zip"))
    result = run(target, "import", str(tmp_path / "all.zip"))  # a new file is not given the default roll
    assert result.returncode == 0 and "14 add" in result.stdout
    assert count(target) == 14


@pytest.mark.parametrize("name", ["import", "export"])
def test_io_commands_have_help(name):
    build_parser()  # registers the commands
    assert name in COMMANDS and len(COMMANDS[name].help) > 20
