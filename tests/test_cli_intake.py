"""`honours intake REPORT [--json]`, run as a clerk runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from honours.cli import COMMANDS, build_parser, main

ROOT = Path(__file__).resolve().parents[1]
SEED_REPORT = ROOT / "assets" / "reports" / "000_5bb5760426d0996f.txt"
REPORTS = ROOT / "tests" / "fixtures" / "reports"


def run(db: Path, *args: str, stdin: str | None = None, lang: str = "en") -> subprocess.CompletedProcess:
    env = {**os.environ, "HONOURS_DB": str(db), "HONOURS_LANG": lang, "PYTHONIOENCODING": "ascii"}
    return subprocess.run(
        [sys.executable, "-m", "honours", *args],
        input=stdin,
        capture_output=True,
        env=env,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_intake_json_gives_core_records_with_their_source(tmp_path):
    db = tmp_path / "none.sqlite"
    done = run(db, "intake", str(SEED_REPORT), "--json")
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout)
    by_name = {r["name"]: r for r in records}
    assert {
        "宋英杰",
        "詹济舟",
        "谷井文",
        "柏太柱",
        "李小平",
        "蒋芳花",
        "白云",
        "曹华华",
        "许仲秋",
        "罗芳初",
        "蒋亚华",
    } <= set(by_name)
    assert not {"胡建军", "肖华", "张阳琛", "谭敦龙", "廖健", "单绪平"} & set(by_name)
    song = by_name["宋英杰"]
    assert song["honours"][0] == {
        "title": "衡阳市五一劳动奖章",
        "level": "municipal",
        "year": None,
        "date": None,
        "awarded_by": "衡阳市总工会",
        "posthumous": True,
        "document": "",
        "revoked": False,
        "revoked_date": None,
        "revoked_reason": "",
        "id": None,
    }
    assert song["status"] == "deceased"
    assert by_name["许仲秋"]["donations"][0]["amount_yuan"] == 500000
    for record in records:
        assert record["source"]["report"] == SEED_REPORT.name
        assert record["name"] in record["source"]["sentence"]
        assert record["intake"]["reasons"] and 0 < record["intake"]["confidence"] <= 1
    assert not db.exists()  # intake never creates a registry
    assert "nothing was saved" in done.stderr


def test_intake_output_can_be_piped_into_add(tmp_path):
    db = tmp_path / "blank.sqlite"
    assert run(db, "init", "--empty").returncode == 0
    records = run(db, "intake", str(REPORTS / "guangxi_medal_list.txt"), "--json").stdout
    added = run(db, "add", stdin=records)
    assert added.returncode == 0, added.stderr
    listed = json.loads(run(db, "search", "五一", "--json").stdout)
    assert {r["name"] for r in listed} == {"韦小兵", "梁美玲", "覃海涛", "吴志坚"}


def test_intake_marks_people_already_in_the_registry(tmp_path):
    db = tmp_path / "roll.sqlite"
    assert run(db, "init").returncode == 0  # the default roll, made from this very report
    records = json.loads(run(db, "intake", str(SEED_REPORT), "--json").stdout)
    existing = {r["name"]: r["intake"]["existing_ids"] for r in records}
    assert all(existing[name] for name in ("宋英杰", "许仲秋", "白云"))


def test_readable_summary_in_chinese(tmp_path):
    done = run(tmp_path / "x.sqlite", "intake", str(REPORTS / "zhuzhou_shared_donations.txt"), lang="zh")
    assert done.returncode == 0
    assert "刘德华" in done.stdout and "荣誉：荷塘区先进工作者（县级）" in done.stdout
    assert ": " not in done.stdout and " (" not in done.stdout  # Chinese punctuation throughout
    assert "500元" in done.stdout
    assert "未保存任何内容" in done.stderr


def test_traditional_report_keeps_its_sentence_as_written(tmp_path, capsys):
    assert (
        main(
            [
                "--db",
                str(tmp_path / "x.sqlite"),
                "intake",
                str(REPORTS / "shenzhen_traditional.txt"),
                "--json",
            ]
        )
        == 0
    )
    records = json.loads(capsys.readouterr().out)
    liu = next(r for r in records if r["name"] == "刘晓红")
    assert liu["source"]["sentence"].startswith("全國勞動模範")
    assert liu["intake"]["sentence_simplified"].startswith("全国劳动模范")


def test_min_confidence_leaves_out_uncertain_proposals(tmp_path, capsys):
    main(
        ["--db", str(tmp_path / "x.sqlite"), "intake", str(SEED_REPORT), "--json", "--min-confidence", "0.5"]
    )
    names = {r["name"] for r in json.loads(capsys.readouterr().out)}
    assert "罗玉芳" not in names and "宋英杰" in names


@pytest.mark.parametrize(
    "args, code, words",
    [
        (["intake", "missing.txt"], 1, "does not exist"),
        (["intake", "old.doc"], 1, ".docx"),
        (["intake", str(SEED_REPORT), "--min-confidence", "2"], 2, "between 0 and 1"),
    ],
)
def test_bad_input_gets_a_clear_message(tmp_path, args, code, words):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    done = subprocess.run(
        [sys.executable, "-m", "honours", "--db", str(tmp_path / "x.sqlite"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        timeout=120,
        check=False,
        env={**os.environ, "HONOURS_LANG": "en"},
    )
    assert done.returncode == code
    assert words in done.stderr
    assert "Traceback" not in done.stderr


def test_intake_has_help():
    build_parser()
    assert len(COMMANDS["intake"].help) > 10
