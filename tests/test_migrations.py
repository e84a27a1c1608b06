"""Schema versions: new files, the version-1 fixture, and refusing what we must not touch."""

from __future__ import annotations

import ast
import dataclasses
import shutil
import sqlite3
from pathlib import Path

import pytest

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


def test_version_3_file_gains_the_honour_index_of_value_filters(tmp_path):
    path = tmp_path / "v3.sqlite"
    reg = Registry.open(path)
    reg.add(Honouree(name="甲", honours=[Honour("衡阳市劳动模范", "municipal", year=2020)]))
    reg.close()
    conn = sqlite3.connect(path)  # back to version 3, whose honours were indexed by honouree alone
    conn.executescript(
        "DROP INDEX honour_honouree_year; CREATE INDEX honour_honouree ON honour(honouree_id);"
        " DROP TABLE search_queue; DROP TABLE care; PRAGMA user_version = 3;"
    )
    conn.close()
    reg = Registry.open(path)
    assert schema_version(reg.db) == SCHEMA_VERSION
    indexes = {
        r[0]
        for r in reg.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'honour'"
        )
    }
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
        "DROP TABLE search_queue; DROP TABLE care; UPDATE honouree SET sort_key = 'jia3 yi3'; PRAGMA user_version = 4;"
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
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "history" not in tables
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
        assert reg.honouree(1).care == []  # the care table (version 7) is there, empty
        if version < 6:  # every upgrade to version 6 indexes a name stored untidy again
            assert reg.search("贺彪").ids() == [1] and reg.search("hb").ids() == [1]
            assert reg.search("中心医院").ids() == [1]
            assert reg.summaries([1])[0].highest_level == "national"
        assert reg.search("level:national").ids() == [1]
        keys = [r[0] for r in reg.conn.execute("SELECT sort_key FROM honouree ORDER BY id")]
        if version < 5:  # whole sort keys from version 5 on
            assert keys == [sort_key("贺 彪"), sort_key("许仲秋")]
        if version < 3:  # the derived columns and the index of version 3, for every honouree
            assert reg.search("许仲秋").ids() == [2] and reg.search("xzq").ids() == [2]
            assert reg.summaries([2])[0].highest_level == "provincial"
    new.close()
    assert list(tmp_path.glob(f"backups/v{version}.*.before-migration-v{version}.sqlite"))


def test_migrations_are_sql_alone():
    """A migration never runs today's code (which may change after it was written): the
    schema module imports nothing of the project, and each migration is SQL."""
    tree = ast.parse(Path(schema.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert imported <= {"__future__", "dataclasses"}
    assert [f.name for f in dataclasses.fields(schema.Migration)] == ["version", "description", "sql"]
    assert all(isinstance(m.sql, str) and m.sql.strip() for m in MIGRATIONS)
