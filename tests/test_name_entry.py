"""Names and title levels on the ways in that are not the GUI: sheet import (with its preview notes),
`honours add/edit --json`, search of names stored untidy, and the schema-6 re-index of such names."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from test_migrations import UNDO_V7, UNDO_V9

from honours.core import Honour, Honouree, Registry
from honours.core.import_plan import ADD, UPDATE, plan_import
from honours.core.names import REMARK_PREFIX
from honours.core.sqlite import indexing as indexing_module
from honours.core.sqlite.database import schema_version
from honours.core.sqlite.schema import SCHEMA_VERSION

HEADER = ["序号", "姓名", "性别", "民族", "工作单位", "荣誉称号"]
ROWS = [
    [1, "马红秋(女)", "", "", "新疆油田公司", "全国五一劳动奖章"],
    [2, "唐纯玉（瑶族）", "女", "", "江华县人民医院", "大国工匠年度人物"],
    [3, "贺 彪", "男", "", "中国石油独山子石化", "最美职工、开发建设新疆奖章"],
    [4, "沙吾尔•芒力克", "男", "维吾尔族", "塔里木油田", "西藏工匠、中央企业劳动模范"],
    [5, "苏\u3000华（男）", "女", "", "衡阳市中心医院", "衡阳市劳动模范"],
    [6, "张三（已故）", "", "", "衡阳县人民医院", "全国道德模范"],
    [7, "许仲秋", "男", "汉族", "衡阳市总工会", "五一劳动奖章"],
]


@pytest.fixture
def registry(storage):
    """These tests are of behaviour through the storage verbs: `registry` is each storage
    backend in turn (the `storage` fixture, tests/conftest.py)."""
    return storage


def make_xlsx(path: Path, rows: list[list]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["2023年表彰名单"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def by_name(registry: Registry) -> dict[str, Honouree]:
    return {h.name: h for h in registry.honourees(registry.all_ids())}


def test_sheet_import_tidies_names_reads_brackets_and_levels(registry, tmp_path):
    path = make_xlsx(tmp_path / "名单.xlsx", [HEADER, *ROWS])
    plan = plan_import(registry, path)
    assert plan.counts()[ADD] == 7 and not plan.errors
    notes = {row.row: row.reason("zh") for row in plan.rows}
    assert notes[3] == "姓名“马红秋(女)”已改为“马红秋”；从姓名中读出性别：女"
    assert notes[4] == "姓名“唐纯玉（瑶族）”已改为“唐纯玉”；从姓名中读出民族：瑶族"
    assert notes[5] == "姓名“贺 彪”已改为“贺彪”"
    assert notes[6] == "姓名“沙吾尔•芒力克”已改为“沙吾尔·芒力克”（间隔号统一为“·”）"
    assert notes[7] == (
        "姓名“苏\u3000华（男）”已改为“苏华”；姓名括注性别为“男”，与填写的性别“女”不一致，已保留“女”"
    )  # the gender column wins
    assert "姓名后的括注“已故”已移入备注" in notes[8] and "从姓名中读出状态：已故" in notes[8]
    assert notes[9] == ""  # nothing to tidy, nothing said
    assert plan.rows[0].reason("en") == "Name “马红秋(女)” changed to “马红秋”; Gender read from the name: 女"
    assert [row.name for row in plan.rows][:4] == ["马红秋", "唐纯玉", "贺彪", "沙吾尔·芒力克"]
    plan.apply(registry)

    stored = by_name(registry)
    assert set(stored) == {"马红秋", "唐纯玉", "贺彪", "沙吾尔·芒力克", "苏华", "张三", "许仲秋"}
    assert (stored["马红秋"].gender, stored["马红秋"].ethnicity) == ("女", "")
    assert (stored["唐纯玉"].gender, stored["唐纯玉"].ethnicity) == ("女", "瑶族")
    assert stored["沙吾尔·芒力克"].ethnicity == "维吾尔族"
    assert stored["苏华"].gender == "女"
    assert stored["张三"].status == "deceased" and stored["张三"].notes == f"{REMARK_PREFIX}已故"
    levels = {h.title: (h.level, h.awarded_by) for person in stored.values() for h in person.honours}
    assert levels == {
        "全国五一劳动奖章": ("national", "中华全国总工会"),
        "大国工匠年度人物": ("national", "中华全国总工会、中央广播电视总台"),
        "最美职工": ("national", "中共中央宣传部、中华全国总工会"),
        "开发建设新疆奖章": ("provincial", "新疆维吾尔自治区党委、自治区人民政府"),
        "西藏工匠": ("provincial", ""),
        "中央企业劳动模范": ("national", "人力资源社会保障部、国务院国资委"),
        "衡阳市劳动模范": ("municipal", ""),
        "全国道德模范": ("national", ""),
        "五一劳动奖章": ("other", ""),
    }
    found = registry.search("贺彪")
    assert [registry.honouree(i).name for i in found.ids()] == ["贺彪"]
    assert next(registry.honouree(i).name for i in registry.search("贺 彪").ids()) == "贺彪"
    assert [registry.honouree(i).name for i in registry.search("沙吾尔•芒力克").ids()] == ["沙吾尔·芒力克"]
    assert registry.search("level:national 唐纯玉").count() == 1


def test_an_explicit_level_or_awarding_body_column_wins_over_the_table(registry, tmp_path):
    path = make_xlsx(
        tmp_path / "级别.xlsx",
        [
            ["姓名", "荣誉称号", "级别", "授予单位"],
            ["甲", "全国劳动模范", "省级", ""],
            ["乙", "最美职工", "", "某市总工会"],
        ],
    )
    plan_import(registry, path).apply(registry)
    stored = by_name(registry)
    # a sheet with an awarding-body column says who awarded, and an empty cell that it is not known
    # (an exported sheet imports back exactly); only a sheet without the column gets the table's
    assert (stored["甲"].honours[0].level, stored["甲"].honours[0].awarded_by) == ("provincial", "")
    assert (stored["乙"].honours[0].level, stored["乙"].honours[0].awarded_by) == ("national", "某市总工会")


def test_a_record_stored_untidy_is_updated_and_tidied_by_the_same_person_in_a_sheet(registry, tmp_path):
    # imported from this sheet before names were tidied, now imported again
    old = registry.add(Honouree(name="贺 彪", unit="独山子石化"))
    path = make_xlsx(
        tmp_path / "更新.xlsx", [["姓名", "工作单位", "荣誉称号"], ["贺 彪", "独山子石化", "最美职工"]]
    )
    plan = plan_import(registry, path)
    assert plan.counts()[UPDATE] == 1 and plan.counts()[ADD] == 0
    assert plan.rows[0].target_id == old.id
    plan.apply(registry)
    after = registry.honouree(old.id)
    assert after.name == "贺彪" and [h.title for h in after.honours] == ["最美职工"]
    assert registry.count() == 1


def run(db: Path, *args: str, stdin: str | None = None, lang: str = "en") -> subprocess.CompletedProcess:
    env = {**os.environ, "HONOURS_DB": str(db), "HONOURS_LANG": lang}
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


def test_cli_add_and_edit_json_tidy_names_and_read_levels(tmp_path):
    db = tmp_path / "cli.sqlite"
    assert run(db, "init", "--empty").returncode == 0
    entry = [
        {
            "name": "马红秋(女)",
            "honours": [
                "大国工匠年度人物",
                {"title": "衡阳市劳动模范", "year": 2020},
                {"title": "全国劳动模范", "level": "provincial"},
            ],
        },
        {"name": "贺 彪", "gender": "男", "ethnicity": "", "honours": [{"title": "西藏工匠"}]},
        {"name": "John  Smith"},
    ]
    added = run(db, "add", stdin=json.dumps(entry, ensure_ascii=False), lang="zh")
    assert added.returncode == 0, added.stderr
    ids = [int(i) for i in added.stdout.split()]
    assert "姓名“马红秋(女)”已改为“马红秋”；从姓名中读出性别：女" in added.stderr
    assert "姓名“贺 彪”已改为“贺彪”" in added.stderr
    first = json.loads(run(db, "show", str(ids[0]), "--json").stdout)
    assert (first["name"], first["gender"]) == ("马红秋", "女")
    assert [(h["title"], h["level"], h["awarded_by"]) for h in first["honours"]] == [
        ("大国工匠年度人物", "national", "中华全国总工会、中央广播电视总台"),
        ("衡阳市劳动模范", "municipal", ""),
        ("全国劳动模范", "provincial", "中共中央、国务院"),
    ]  # the level given wins
    second = json.loads(run(db, "show", str(ids[1]), "--json").stdout)
    assert (second["name"], second["honours"][0]["level"]) == ("贺彪", "provincial")
    assert json.loads(run(db, "show", str(ids[2]), "--json").stdout)["name"] == "John Smith"
    found = run(db, "search", "贺彪", "--json")
    assert [r["name"] for r in json.loads(found.stdout)] == ["贺彪"]

    edited = run(
        db,
        "edit",
        str(ids[1]),
        stdin=json.dumps(
            {
                "name": "贺 彪（回族）",
                "honours": [{"title": "最美职工"}, {"title": "西藏工匠", "level": "other"}],
            },
            ensure_ascii=False,
        ),
    )
    assert edited.returncode == 0, edited.stderr
    assert "Ethnicity read from the name: 回族" in edited.stderr
    after = json.loads(run(db, "show", str(ids[1]), "--json").stdout)
    assert (after["name"], after["ethnicity"], after["gender"]) == ("贺彪", "回族", "男")
    assert [(h["level"], h["awarded_by"]) for h in after["honours"]] == [
        ("national", "中共中央宣传部、中华全国总工会"),
        ("other", ""),
    ]
    untouched = run(db, "edit", str(ids[1]), stdin='{"position": "技师"}')
    assert untouched.returncode == 0 and untouched.stderr.strip() == f"Saved #{ids[1]} 贺彪."


def test_search_finds_names_stored_padded_or_with_odd_dots(registry):
    for name in ("贺 彪", "贺小彪", "王 贺彪", "沙吾尔•芒力克", "苏　华"):
        registry.add(Honouree(name=name))  # the registry's verbs store what they are given

    def names(query: str) -> list[str]:
        return [registry.honouree(i).name for i in registry.search(query).ids()]

    assert names("贺彪") == ["贺 彪", "王 贺彪"]
    assert names("hebiao") == ["贺 彪"]
    assert names("苏华") == ["苏　华"]
    assert names("沙吾尔·芒力克") == ["沙吾尔•芒力克"] == names("沙吾尔・芒力克")
    # two single characters (a padded name copied from a roll): both anywhere, the name itself first
    assert names("贺 彪")[0] == "贺 彪" and set(names("贺 彪")) == {"贺 彪", "贺小彪", "王 贺彪"}
    assert registry.search("贺 彪").count() == 3


def test_schema_6_indexes_names_stored_untidy_again(tmp_path, monkeypatch):
    path = tmp_path / "v5.sqlite"
    reg = Registry.open(path)
    with monkeypatch.context() as patch:  # the index as version 5 wrote it: names as stored
        patch.setattr(indexing_module, "search_form", lambda name: name)
        padded = reg.add(Honouree(name="贺 彪", honours=[Honour("全国劳动模范", "national")])).id
        reg.add(Honouree(name="许仲秋"))
        assert reg.search("贺彪").count() == 0
    reg.close()
    conn = sqlite3.connect(path)
    conn.executescript(
        UNDO_V9 + UNDO_V7 + " DROP TABLE care; PRAGMA user_version = 5;"
    )  # versions 7-9 (archive, care, years and levels) taken off too
    conn.close()
    reg = Registry.open(path)
    try:
        assert schema_version(reg.db) == SCHEMA_VERSION >= 6
        assert reg.search("贺彪").ids() == [padded]
        assert reg.honouree(padded).name == "贺 彪"  # the data is as it was: only the index changed
        assert reg.search("许仲秋").count() == 1
    finally:
        reg.close()


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", "row 3 add 贺彪: Name “贺 彪” changed to “贺彪”"),
        ("zh", "第 3 行（贺彪）新增：姓名“贺 彪”已改为“贺彪”"),
    ],
)
def test_cli_import_lists_what_was_done_to_the_names(tmp_path, lang, expected):
    path = make_xlsx(tmp_path / "名单.xlsx", [HEADER, [1, "贺 彪", "男", "", "独山子石化", "最美职工"]])
    shown = run(tmp_path / "new.sqlite", "import", str(path), "--dry-run", lang=lang)
    assert shown.returncode == 0, shown.stderr
    assert expected in shown.stdout
