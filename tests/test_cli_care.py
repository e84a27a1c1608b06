"""`honours care add`, `honours due` and `honours care-sheet`, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_cli import run

from honours.core.capital_numerals import yuan_in_capitals


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "cli.sqlite"


def test_care_add_records_one_event_for_everyone_a_search_finds(db):
    done = run(
        db,
        "care",
        "add",
        "--query",
        "劳动模范",
        "--occasion",
        "春节",
        "--amount",
        "500",
        "--date",
        "2027-01-20",
        "--by",
        "市总工会",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["count"] == 4 and answer["care"]["amount_yuan"] == 500
    shown = json.loads(run(db, "show", str(answer["ids"][0]), "--json").stdout)
    assert shown["care"] == [
        {
            "date": "2027-01-20",
            "kind": "visit",
            "occasion": "春节",
            "item": "",
            "quantity": None,
            "quantity_unit": "",
            "by": "市总工会",
            "note": "",
            "id": shown["care"][0]["id"],
            "amount_yuan": 500,
        }
    ]
    assert "2027-01-20 Visit 春节 500元 by: 市总工会" in run(db, "show", str(answer["ids"][0])).stdout
    found = json.loads(run(db, "search", "care:春节", "--json").stdout)
    assert sorted(r["id"] for r in found) == sorted(answer["ids"])
    assert run(db, "care", "add", "--query", "劳动模范").stdout.strip() == "4"  # a second visit, plain count


def test_care_add_refuses_without_a_query_or_with_a_bad_kind(db):
    nobody = run(db, "care", "add", "--amount", "500", lang="zh")
    assert nobody.returncode != 0 and "--query" in nobody.stderr
    bad = run(db, "care", "add", "--query", "劳动模范", "--kind", "party", lang="zh")
    assert bad.returncode == 2 and "关怀类别" in bad.stderr


def test_add_and_show_care_in_json(db):
    record = {
        "name": "张三",
        "honours": [{"title": "全国劳动模范", "level": "national", "year": 2015}],
        "care": [
            {"date": "2026-05-01", "kind": "体检"},
            {"date": "2026-02-01", "kind": "aid", "amount_yuan": 2000.5},
        ],
    }
    added = run(db, "add", stdin=json.dumps(record, ensure_ascii=False))
    assert added.returncode == 0, added.stderr
    new_id = added.stdout.split()[0]
    care = json.loads(run(db, "show", new_id, "--json").stdout)["care"]
    assert [(c["kind"], c["amount_yuan"]) for c in care] == [("checkup", None), ("aid", 2000.5)]


def test_due_lists_who_is_owed_a_check_up(db):
    run(db, "care", "add", "--query", "许仲秋", "--kind", "体检", "--date", "2026-03-01")
    due = json.loads(run(db, "due", "checkup", "--year", "2026", "--json").stdout)
    names = {p["name"] for p in due["people"]}
    assert due["kind"] == "checkup" and due["count"] == len(names) and "许仲秋" not in names
    assert {"谷井文", "罗芳初"} <= names
    later = json.loads(
        run(db, "due", "checkup", "--year", "2027", "--retired-checkup-every", "3", "--json").stdout
    )
    assert "许仲秋" in {p["name"] for p in later["people"]}  # serving: every year
    aid = run(db, "due", "aid", "--json")
    assert json.loads(aid.stdout)["notices"] and aid.returncode == 0


def test_care_sheet_pdf_has_the_rows_the_total_and_the_capitals(db, tmp_path):
    pdf = tmp_path / "签领表.pdf"
    done = run(
        db,
        "care-sheet",
        "--query",
        "劳动模范",
        "--occasion",
        "春节",
        "--amount",
        "500",
        "--date",
        "2027-01-20",
        "--pdf",
        str(pdf),
        "--json",
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["total_yuan"] == "2,000.00" and answer["total_capitals"] == "人民币贰仟元整"
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    for word in (
        "2027年春节慰问金发放签领表",
        "序号",
        "姓名",
        "工作单位",
        "签领",
        "许仲秋",
        "2,000.00",
        "人民币贰仟元整",
        "经办人",
        "审核人",
    ):
        assert word in text, word
    layout = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "合计金额（大写）：人民币贰仟元整" in layout


def test_care_sheet_of_many_people_repeats_headers_and_numbers_pages(db, tmp_path):
    people = [
        {"name": f"劳模{i:02d}", "unit": "耒阳市统计局", "honours": ["湖南省劳动模范"]} for i in range(1, 46)
    ]
    run(db, "add", stdin=json.dumps(people, ensure_ascii=False))
    pdf = tmp_path / "many.pdf"
    done = run(
        db,
        "care-sheet",
        "--query",
        "劳模",
        "--occasion",
        "中秋",
        "--amount",
        "250.5",
        "--date",
        "2027-09-15",
        "--pdf",
        str(pdf),
        "--record",
    )
    assert done.returncode == 0, done.stderr
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert len(pages) >= 3
    flat = ["".join(p.split()) for p in pages]  # pypdf spaces CJK runs with tabs
    for number, page in enumerate(flat, 1):
        assert "序号" in page and "签领" in page and f"第{number}页共{len(pages)}页" in page
    assert all("本页小计" in p for p in pages)
    everyone = len(json.loads(run(db, "search", "劳模", "--json", "--limit", "1000").stdout))
    total = everyone * 25050
    capitals = json.loads(
        run(
            db,
            "care-sheet",
            "--query",
            "劳模",
            "--amount",
            "250.5",
            "--pdf",
            str(tmp_path / "again.pdf"),
            "--json",
        ).stdout
    )["total_capitals"]
    assert f"{total // 100:,}.{total % 100:02d}" in pages[-1]
    assert capitals in flat[-1] and capitals == yuan_in_capitals(total) and capitals.endswith("元伍角")
    # --record gave each a 中秋 visit
    assert len(json.loads(run(db, "search", "care:中秋", "--json", "--limit", "1000").stdout)) == everyone
