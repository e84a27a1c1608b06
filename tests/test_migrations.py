"""Schema versions: new files, the version-1 fixture, and refusing what we must not touch."""

from __future__ import annotations

import ast
import dataclasses
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from honours.core import Honour, Honouree, NewerVersionError, NotARegistryError, Registry
from honours.core.pinyin import sort_key
from honours.core.sqlite import schema
from honours.core.sqlite.database import APPLICATION_ID, schema_version, split_sql
from honours.core.sqlite.schema import MIGRATIONS, REBUILD_TABLE, SCHEMA_VERSION

pytestmark = pytest.mark.sqlite_only  # the SQLite schema and its migrations

FIXTURE = Path(__file__).parent / "fixtures" / "registry-v1.sqlite"


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [f"user_version={conn.execute('PRAGMA user_version').fetchone()[0]}", *conn.iterdump()]
    finally:
        conn.close()


def test_new_file_is_current_wal_with_foreign_keys(tmp_path):
    reg = Registry.open(tmp_path / "new.sqlite")
    assert schema_version(reg.db) == SCHEMA_VERSION
    assert reg.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert reg.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert reg.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_version_1_fixture_is_upgraded_after_a_copy_aside(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, path)
    original = _dump(path)
    reg = Registry.open(path)
    assert schema_version(reg.db) == SCHEMA_VERSION
    copies = list(tmp_path.glob("backups/old.*.before-migration-v1.sqlite"))
    assert len(copies) == 1
    assert _dump(copies[0]) == original  # the copy aside is the old file, still version 1
    # the old records are all there, searchable, with derived columns filled
    song = reg.honouree(1)
    assert song.name == "宋英杰" and song.status == "deceased"
    assert song.honours[0].posthumous and song.honours[0].level == "municipal"
    assert [s.name for s in reg.summaries(reg.search("五一").ids())] == ["宋英杰"]
    assert reg.summaries(reg.search("xzq").ids())[0].name == "许仲秋"
    assert reg.honouree(2).donation_total_fen == 50000000
    assert reg.summaries([2])[0].highest_level == "provincial"
    assert [s.name for s in reg.summaries(reg.search("donation>=500000").ids())] == ["许仲秋"]
    assert reg.honouree(1).version == 1


# What migration 7 (the archive) added, taken off again to make a file of an older version.
_V7_COLUMNS = {
    "honouree": (
        "id_number",
        "political_status",
        "education",
        "native_place",
        "phone",
        "address",
        "work_start_date",
        "retirement_date",
        "death_date",
        "treatment",
        "hardship",
        "hardship_note",
    ),
    "honour": ("document", "revoked", "revoked_date", "revoked_reason"),
}
UNDO_V7 = (
    "DROP INDEX honouree_id_number; DROP INDEX honouree_political; DROP INDEX honouree_education;"
    " DROP INDEX honouree_treatment; DROP INDEX honouree_hardship; DROP INDEX honour_level; DROP INDEX honour_year;"
    " CREATE INDEX honour_level ON honour(level, honouree_id); CREATE INDEX honour_year ON honour(year, honouree_id);"
    + "".join(f" ALTER TABLE {table} DROP COLUMN {c};" for table, cols in _V7_COLUMNS.items() for c in cols)
)
UNDO_V9 = "DROP INDEX honouree_year_levels; ALTER TABLE honouree DROP COLUMN year_levels; "


def test_version_6_file_gains_the_archive_and_keeps_its_records(tmp_path):
    """Migration 7 (issue 15): every archive column, empty, on a file of version 6; its honours
    all still count (none revoked) and the record reads and saves with the new fields."""
    path = tmp_path / "v6.sqlite"
    reg = Registry.open(path)
    reg.add(Honouree(name="甲", honours=[Honour("衡阳市劳动模范", "municipal", year=2020)]))
    reg.close()
    conn = sqlite3.connect(path)
    conn.executescript(UNDO_V9 + UNDO_V7 + " DROP TABLE care; PRAGMA user_version = 6;")
    conn.close()
    reg = Registry.open(path)
    assert schema_version(reg.db) == SCHEMA_VERSION
    old = reg.honouree(1)
    assert (old.id_number, old.political_status, old.hardship) == ("", "", False)
    assert old.honours[0].revoked is False and old.honours[0].document == ""
    assert reg.search("level:municipal year:2020").all_ids() == [1]
    old.political_status, old.hardship = "中共党员", True
    old.honours[0].revoked = True
    reg.update(old)
    assert reg.search("political:党员 hardship:yes").all_ids() == [1]
    assert reg.search("level:municipal").count() == 0  # a revoked honour no longer counts
    reg.close()


def test_version_3_file_gains_the_honour_index_of_value_filters(tmp_path):
    path = tmp_path / "v3.sqlite"
    reg = Registry.open(path)
    reg.add(Honouree(name="甲", honours=[Honour("衡阳市劳动模范", "municipal", year=2020)]))
    reg.close()
    conn = sqlite3.connect(path)  # back to version 3, whose honours were indexed by honouree alone
    conn.executescript(
        UNDO_V9
        + UNDO_V7
        + " DROP INDEX honour_honouree_year; CREATE INDEX honour_honouree ON honour(honouree_id);"
        " DROP TABLE search_queue; DROP TABLE care; PRAGMA user_version = 3;"
    )
    conn.close()
    reg = Registry.open(path)
    assert schema_version(reg.db) == SCHEMA_VERSION
    indexes = {index.name for index in reg.db["honour"].indexes}
    assert "honour_honouree_year" in indexes and "honour_honouree" not in indexes
    assert reg.search("year:2020").count() == 1 and reg.search("year:2019..2021").all_ids() == [1]
    reg.close()


def test_version_4_file_gains_an_empty_queue_and_stays_searchable(tmp_path):
    path = tmp_path / "v4.sqlite"
    reg = Registry.open(path)
    reg.add(Honouree(name="甲乙", unit="衡阳市中心医院"))
    reg.close()
    conn = sqlite3.connect(path)  # back to version 4: no queue, sort keys cut at the NUL before the name
    conn.executescript(
        UNDO_V9
        + UNDO_V7
        + " DROP TABLE search_queue; DROP TABLE care; UPDATE honouree SET sort_key = 'jia3 yi3'; PRAGMA user_version = 4;"
    )
    conn.close()
    reg = Registry.open(path)
    assert schema_version(reg.db) == SCHEMA_VERSION
    assert reg.queued_for_index() == 0
    assert reg.conn.execute("SELECT sort_key FROM honouree").fetchone()[0] == "jia3 yi3\x01甲乙"
    assert reg.search("中心医院").all_ids() == [1]
    reg.close()


def test_failed_migration_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, path)
    from honours.core.sqlite import indexing

    def boom(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(indexing, "reindex_all", boom)
    with pytest.raises(RuntimeError):
        Registry.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM honouree").fetchone()[0] == 2
    assert "history" not in sqlite_utils.Database(conn, execute_plugins=False).table_names()
    conn.close()
    monkeypatch.undo()
    assert Registry.open(path).count() == 2


def test_newer_file_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    Registry.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerVersionError) as info:
        Registry.open(path)
    assert "newer version" in info.value.en and "更新版本" in info.value.zh
    assert path.read_bytes() == before


def test_other_sqlite_file_is_not_a_registry(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotARegistryError):
        Registry.open(path)
    assert path.read_bytes() == before


def _file_at_version(path: Path, version: int) -> None:
    """A registry as the app of schema `version` left it, made from the migrations' own SQL
    with plain sqlite3 (no code of today runs): two honourees, one name stored padded, their
    derived columns (from version 2) and search rows (none) still unfilled."""
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:version]:
        for statement in split_sql(migration.sql):
            conn.execute(statement)
        if migration.steps is not None:
            migration.steps(sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False))
    if version > 1:
        conn.execute(f"DROP TABLE {REBUILD_TABLE}")  # the app of that version had no such table
    conn.execute(
        "INSERT INTO honouree (id, name, unit, created_at, updated_at)"
        " VALUES (1, '贺 彪', '衡阳市中心医院', '2020-01-01', '2020-01-01')"
    )
    conn.execute(
        "INSERT INTO honour (honouree_id, title, level, year) VALUES (1, '全国劳动模范', 'national', 2015)"
    )
    conn.execute(
        "INSERT INTO honouree (id, name, created_at, updated_at) VALUES (2, '许仲秋', '2020-01-01', '2020-01-01')"
    )
    conn.execute("INSERT INTO honour (honouree_id, title, level) VALUES (2, '湖南省劳动模范', 'provincial')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


def counts_of(table) -> dict:
    """The non-zero cells of a statistics table."""
    return {key: cell.count for key, cell in table.cells.items() if cell.count}


def _schema(conn: sqlite3.Connection) -> list[tuple]:
    return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_a_file_at_each_old_version_upgrades_to_todays_schema_and_derived_data(tmp_path, version):
    path = tmp_path / f"v{version}.sqlite"
    _file_at_version(path, version)
    new = Registry.open(tmp_path / "new.sqlite")
    with Registry.open(path) as reg:
        assert schema_version(reg.db) == SCHEMA_VERSION
        assert _schema(reg.conn) == _schema(new.conn)  # the flags the migrations left are gone
        assert reg.honouree(1).care == []  # the care table (version 8) is there, empty
        assert reg.search("level:national").ids() == [1]
        if version < 6:  # every upgrade from before 6 indexes a name stored untidy again (version 6);
            # a file at 6 had its rows indexed by its app already (version 7 recomputes nothing):
            # test_version_6_file_gains_the_archive_and_keeps_its_records
            assert reg.search("贺彪").ids() == [1] and reg.search("hb").ids() == [1]
            assert reg.search("中心医院").ids() == [1]
            assert reg.summaries([1])[0].highest_level == "national"
        # every file gains each honouree's (year, level) pairs of the honours that count (version 9)
        pairs = [r[0] for r in reg.conn.execute("SELECT year_levels FROM honouree ORDER BY id")]
        assert pairs == ["2015\x1enational", "\x1eprovincial"]
        assert counts_of(reg.cross_table("year", "level")) == {(2015, "national"): 1, ("", "provincial"): 1}
        keys = [r[0] for r in reg.conn.execute("SELECT sort_key FROM honouree ORDER BY id")]
        if version < 5:  # whole sort keys from version 5 on
            assert keys == [sort_key("贺 彪"), sort_key("许仲秋")]
        if version < 3:  # the derived columns and the index of version 3, for every honouree
            assert reg.search("许仲秋").ids() == [2] and reg.search("xzq").ids() == [2]
            assert reg.summaries([2])[0].highest_level == "provincial"
    new.close()
    assert list(tmp_path.glob(f"backups/v{version}.*.before-migration-v{version}.sqlite"))


def test_migrations_stand_alone():
    """A migration never runs today's code (which may change after it was written): the
    schema module imports nothing of the project, and each migration is SQL, or steps of
    sqlite-utils' table operations written in that module."""
    tree = ast.parse(Path(schema.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert imported <= {"__future__", "collections.abc", "dataclasses", "typing", "sqlite_utils"}
    assert [f.name for f in dataclasses.fields(schema.Migration)] == [
        "version",
        "description",
        "sql",
        "steps",
    ]
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    for m in MIGRATIONS:
        assert isinstance(m.sql, str) and (m.sql.strip() or m.steps is not None)
        assert m.steps is None or m.steps.__module__ == schema.__name__
