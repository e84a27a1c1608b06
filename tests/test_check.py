"""`check` finds each kind of damage, says so in both languages, and changes nothing."""

from __future__ import annotations

import hashlib
import io
import sqlite3

import pytest
from PIL import Image

from honours.cli import main as cli
from honours.core import (
    Registry,
    files,  # refuses a registry this process has open
)
from honours.core.records import Honouree
from honours.core.sqlite.check import check, rebuild_search_index

pytestmark = pytest.mark.sqlite_only  # the integrity of a SQLite file and its search index


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 200)).save(out, "PNG")
    return out.getvalue()


def kinds(registry: Registry) -> list[str]:
    return [p.kind for p in check(registry)]


def test_default_roll_with_photos_and_trash_is_sound(roll):
    roll.add_photo(1, png(), name="a.png")
    roll.delete(3)
    assert check(roll) == []


@pytest.fixture
def raw(roll):
    """The roll's connection with foreign keys off, to plant damage the registry never makes."""
    roll.conn.execute("PRAGMA foreign_keys = OFF")
    return roll.conn


def test_orphaned_children_are_reported(roll, raw):
    raw.execute("INSERT INTO honour (honouree_id, title) VALUES (999, '幽灵荣誉')")
    raw.execute("INSERT INTO deed (honouree_id, text) VALUES (998, '幽灵事迹')")
    raw.execute("INSERT INTO donation (honouree_id, amount_fen) VALUES (997, 100)")
    problems = check(roll)
    assert [p.kind for p in problems] == ["orphan", "orphan", "orphan"]
    assert {p.honouree_id for p in problems} == {997, 998, 999}
    assert "does not exist" in problems[0].message("en") and "不存在" in problems[0].message("zh")


def test_a_table_or_column_another_tool_removed_is_reported(roll, raw):
    raw.execute("ALTER TABLE donation DROP COLUMN recipient")  # as a DB browser would
    raw.execute("DROP TABLE search_queue")
    problems = [p for p in check(roll) if p.kind == "schema"]
    assert [p.message("zh") for p in problems] == [
        "数据表 donation 缺少字段：recipient。",
        "缺少数据表 search_queue。",
    ]
    assert "lacks the column(s) recipient" in problems[0].message("en")


def test_photo_without_image_data_and_data_without_photo(roll, raw):
    photo = roll.add_photo(2, png(), name="p.png")
    raw.execute("DELETE FROM photo_data WHERE photo_id = ?", (photo.id,))
    raw.execute(
        "INSERT INTO photo_data (photo_id, original, display, thumbnail) VALUES (777, x'00', x'00', x'00')"
    )
    problems = check(roll)
    assert sorted(p.kind for p in problems) == ["orphan", "photo-missing"]
    missing = next(p for p in problems if p.kind == "photo-missing")
    assert missing.honouree_id == 2 and "缺少图像数据" in missing.message("zh")


def test_image_data_that_does_not_decode(roll, raw):
    photo = roll.add_photo(2, png(), name="p.png")
    raw.execute(
        "UPDATE photo_data SET display = x'ffd8ffe000104a464946', thumbnail = ? WHERE photo_id = ?",
        (b"not a jpeg at all", photo.id),
    )
    [problem] = check(roll)
    assert problem.kind == "photo-damaged"
    assert "display, thumbnail" in problem.message("en") and "显示图、缩略图" in problem.message("zh")


def test_search_index_gaps_and_leftovers(roll, raw):
    # Each planted behind the indexer's back, as a crashed tool or a hand edit would.
    roll.delete(4)
    raw.execute("UPDATE honouree SET deleted_at = NULL WHERE id = 4")  # live, but not searchable
    raw.execute("UPDATE honouree SET deleted_at = '2020-01-01' WHERE id = 5")  # trashed, still searchable
    ghost = roll.add(Honouree(name="查无此人")).id
    raw.execute("DELETE FROM honouree WHERE id = ?", (ghost,))  # gone, still in the index
    problems = [p for p in check(roll) if p.kind == "search-index"]
    assert [p.honouree_id for p in problems if p.honouree_id in (4, 5)] == [4, 5]
    assert any(f"#{ghost}" in p.message("en") and p.honouree_id is None for p in problems)
    assert "搜" in problems[0].message("zh")
    rebuild_search_index(roll)
    assert check(roll) == []
    assert roll.search("查无此人").count() == 0 and 4 in roll.search(roll.honouree(4).name).all_ids()
    assert 5 not in roll.search(roll.honouree(5, include_deleted=True).name).all_ids()


def test_records_queued_for_their_search_rows_are_not_damage(roll, monkeypatch):
    from honours.core import import_verbs
    from honours.core.registry import ImportItem

    monkeypatch.setattr(import_verbs, "QUEUE_INDEX_FROM", 2)
    roll.apply_import([ImportItem(Honouree(name=name)) for name in ("排队甲", "排队乙")])
    assert roll.queued_for_index() == 2 and check(roll) == []
    roll.conn.execute("DELETE FROM search_queue")  # off the queue yet never indexed: damage
    assert kinds(roll) == ["search-index", "search-index"]
    rebuild_search_index(roll)
    assert check(roll) == [] and roll.search("排队").count() == 2


def test_search_rows_and_their_source_text_stay_paired(roll, raw):
    """Schema 3 keeps the text of each search row (a contentless index needs it to remove one)."""
    has_sources = raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'honouree_search_source'").fetchone()
    if not has_sources:
        pytest.skip("this schema keeps no search source rows")
    raw.execute("DELETE FROM honouree_search_source WHERE id = 7")
    problems = check(roll)
    assert [(p.kind, p.honouree_id) for p in problems] == [("search-index", 7)]
    rebuild_search_index(roll)
    assert check(roll) == []


def test_damaged_index_is_reported_not_repaired(tmp_path, _seeded_template):
    path = tmp_path / "damaged.sqlite"
    path.write_bytes(_seeded_template.read_bytes())
    conn = sqlite3.connect(path)
    # The classic way to make a table and its index disagree: redefine the index in the
    # schema without rebuilding its pages (what a bad sector or a crashed tool leaves behind).
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX honouree_name ON honouree(unit)'"
        " WHERE name = 'honouree_name'"
    )
    conn.commit()
    conn.close()
    before = hashlib.sha256(files.read_bytes(path)).hexdigest()

    registry = Registry.open(path, readonly=True)
    try:
        problems = check(registry)
    finally:
        registry.close()
    assert problems and {p.kind for p in problems} == {"integrity"}
    assert "honouree_name" in problems[0].message("en") and "已损坏" in problems[0].message("zh")
    assert hashlib.sha256(files.read_bytes(path)).hexdigest() == before


def test_cli_check_exits_1_and_lists_problems(roll, raw, capsys, monkeypatch):
    raw.execute("INSERT INTO deed (honouree_id, text) VALUES (998, '幽灵事迹')")
    db = str(roll.path)
    monkeypatch.setenv("HONOURS_LANG", "zh")
    assert cli(["--db", db, "check"]) == 1
    captured = capsys.readouterr()
    assert "事迹 #" in captured.out and "发现 1 个问题" in captured.err
