"""Backups, rotation and restore: photos included, nothing replaced before it is verified."""

from __future__ import annotations

import gc
import hashlib
import io
import os
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from honours.cli import main as cli
from honours.core import (
    Registry,
    files,  # refuses a registry this process has open
)
from honours.core.errors import BackupFailedError, BadBackupError, DatabaseInUseError
from honours.core.records import Honouree
from honours.core.sqlite import backup as backups
from honours.core.sqlite.schema import SCHEMA_VERSION

pytestmark = pytest.mark.sqlite_only  # copies of the SQLite file


def png(color: tuple[int, int, int] = (200, 30, 30), size: tuple[int, int] = (64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


def digest(path: Path) -> str:
    return hashlib.sha256(files.read_bytes(path)).hexdigest()


def beside(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def test_backup_holds_records_and_photo_bytes(roll, tmp_path):
    photo = roll.add_photo(2, png(), caption="工作照", name="portrait.png")
    target = backups.backup_to(roll, tmp_path / "usb" / "copy.sqlite")
    copy = Registry.open(target)
    try:
        assert copy.count() == roll.count() == 14
        assert copy.honouree(2).to_dict() == roll.honouree(2).to_dict()
        for kind in ("original", "display", "thumbnail"):
            assert copy.photo_bytes(photo.id, kind) == roll.photo_bytes(photo.id, kind)
    finally:
        copy.close()
    info = backups.verify_backup(target)
    assert (info.honourees, info.photos, info.schema_version) == (14, 1, SCHEMA_VERSION)
    assert [b.path for b in backups.manual_backups(roll.path)] == [target.resolve()]


def test_backup_is_one_self_contained_file(roll, tmp_path):
    target = backups.backup_to(roll, tmp_path / "copy.sqlite")
    assert not Path(f"{target}-wal").exists()
    assert target.read_bytes()[18:20] == b"\x01\x01"  # rollback-journal mode: no -wal needed


def test_manual_backup_never_overwrites_unless_asked(roll, tmp_path):
    target = tmp_path / "copy.sqlite"
    target.write_bytes(b"precious")
    with pytest.raises(BackupFailedError) as caught:
        backups.backup_to(roll, target)
    assert "已存在" in caught.value.message("zh")
    assert target.read_bytes() == b"precious"
    backups.backup_to(roll, target, overwrite=True)
    assert backups.verify_backup(target).honourees == 14


def test_backup_into_a_folder_names_the_file(roll, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    target = backups.backup_to(roll, folder)
    assert target.parent == folder and target.name.startswith("roll.") and target.suffix == ".sqlite"


def test_backup_inside_a_write_transaction_is_refused(roll):
    with roll.atomic(), pytest.raises(RuntimeError):
        backups.backup_now(roll, "before-import")


def test_automatic_backup_lands_in_backups_folder(roll):
    target = backups.backup_now(roll, "before-import")
    assert target.parent == roll.path.parent / "backups"
    [found] = backups.automatic_backups(roll.path)
    assert found.path == target and found.reason == "before-import" and found.automatic
    assert backups.last_backup(roll.path) == found


def test_daily_backup_once_a_day(roll):
    first = backups.ensure_daily_backup(roll)
    assert first is not None and first.name.endswith(".daily.sqlite")
    assert backups.ensure_daily_backup(roll) is None
    later = backups.ensure_daily_backup(roll, now=datetime.now() + timedelta(hours=25))
    assert later is not None and later != first


def test_daily_backup_skips_read_only_and_memory(tmp_path):
    path = tmp_path / "r.sqlite"
    Registry.open(path).close()
    readonly = Registry.open(path, readonly=True)
    try:
        assert backups.ensure_daily_backup(readonly) is None
    finally:
        readonly.close()
    assert backups.ensure_daily_backup(Registry.memory()) is None
    assert not (tmp_path / "backups").exists()


def test_rotation_keeps_ten_recent_and_one_per_month_for_a_year(tmp_path):
    db = tmp_path / "reg.sqlite"
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2025, 6, 15, 12, 0, 0)
    made = []
    for day in range(0, 400, 3):  # a backup every third day for more than a year
        when = now - timedelta(days=day)
        made.append(when)
        (folder / f"reg.{when:%Y%m%d-%H%M%S}.daily.sqlite").write_bytes(b"x")
    migration = folder / "reg.20200101-000000.before-migration-v1.sqlite"
    migration.write_bytes(b"x")
    other_registry = folder / "other.20200101-000000.daily.sqlite"
    other_registry.write_bytes(b"x")

    backups.prune(db, now=now)

    kept = {b.taken_at for b in backups.automatic_backups(db) if b.reason == "daily"}
    expected = set(sorted(made, reverse=True)[:10])
    for months_ago in range(12):
        year, month = divmod(now.year * 12 + now.month - 1 - months_ago, 12)
        in_month = [w for w in made if (w.year, w.month) == (year, month + 1)]
        expected.add(max(in_month))
    assert kept == expected
    assert migration.exists() and other_registry.exists()


def test_restore_replaces_and_keeps_the_current_file_aside(roll, tmp_path):
    path = roll.path
    saved = backups.backup_to(roll, tmp_path / "before.sqlite")
    roll.delete(1)
    roll.add(Honouree(name="后来加的"))
    roll.close()

    aside = backups.restore(path, saved)

    restored = Registry.open(path)
    try:
        assert restored.count() == 14 and restored.exists(1)
        assert not restored.search("后来加的").ids()
    finally:
        restored.close()
    assert aside is not None and aside.parent == path.parent / "backups"
    kept = Registry.open(aside, create=False)
    try:
        assert kept.count() == 14 and not kept.exists(1) and kept.search("后来加的").count() == 1
    finally:
        kept.close()
    assert aside in [b.path for b in backups.list_backups(path)]


def test_restore_onto_a_new_pc_needs_no_current_file(roll, tmp_path):
    saved = backups.backup_to(roll, tmp_path / "copy.sqlite")
    target = tmp_path / "newpc" / "honours.sqlite"
    assert backups.restore(target, saved) is None
    reg = Registry.open(target)
    assert reg.count() == 14
    reg.close()


def test_restore_brings_the_wal_of_a_copied_live_file(tmp_path):
    live = tmp_path / "live" / "reg.sqlite"
    reg = Registry.open(live)
    reg.add(Honouree(name="只在WAL里"))
    copied = tmp_path / "copied"
    copied.mkdir()
    shutil.copy(live, copied / "reg.sqlite")
    shutil.copy(f"{live}-wal", copied / "reg.sqlite-wal")  # the record lives only in the WAL so far
    reg.close()
    target = tmp_path / "target.sqlite"
    backups.restore(target, copied / "reg.sqlite")
    restored = Registry.open(target)
    assert restored.search("只在WAL里").count() == 1
    restored.close()


def _bad_backups(tmp_path: Path, roll: Registry) -> dict[str, Path]:
    good = backups.backup_to(roll, tmp_path / "good.sqlite")
    out = {}
    out["random bytes"] = tmp_path / "random.sqlite"
    out["random bytes"].write_bytes(os.urandom(8192))
    out["truncated"] = tmp_path / "truncated.sqlite"
    out["truncated"].write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    out["empty"] = tmp_path / "empty.sqlite"
    out["empty"].write_bytes(b"")
    out["another app"] = tmp_path / "other.sqlite"
    other = sqlite3.connect(out["another app"])
    other.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    other.commit()
    other.close()
    out["newer"] = tmp_path / "newer.sqlite"
    shutil.copy(good, out["newer"])
    newer = sqlite3.connect(out["newer"])
    newer.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    newer.commit()
    newer.close()
    out["missing"] = tmp_path / "missing.sqlite"
    return out


@pytest.mark.parametrize("kind", ["random bytes", "truncated", "empty", "another app", "newer", "missing"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(roll, tmp_path, kind):
    bad = _bad_backups(tmp_path, roll)[kind]
    path = roll.path
    roll.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    roll.close()
    before_db = digest(path)
    before_bad = digest(bad) if bad.exists() else None
    files_before = beside(bad)

    with pytest.raises(BadBackupError) as caught:
        backups.restore(path, bad)

    assert digest(path) == before_db
    if before_bad is not None:
        assert digest(bad) == before_bad
    assert beside(bad) == files_before  # no -wal/-shm appeared beside the backup, no scratch left
    assert backups.automatic_backups(path) == []  # nothing was moved aside
    assert "not been changed" in caught.value.message("en")
    assert "未作任何改动" in caught.value.message("zh")


def test_restore_refuses_while_the_registry_is_open_elsewhere(roll, tmp_path):
    saved = backups.backup_to(roll, tmp_path / "copy.sqlite")
    roll.delete(1)
    with pytest.raises(DatabaseInUseError) as caught:
        backups.restore(roll.path, saved)
    assert "另一个窗口" in caught.value.message("zh")
    assert not roll.exists(1) and roll.count() == 13


def test_restore_refuses_the_registry_itself(roll):
    with pytest.raises(BadBackupError):
        backups.restore(roll.path, roll.path)


def test_cli_backup_restore_and_check(roll, tmp_path, capsys):
    db = str(roll.path)
    roll.close()
    out = tmp_path / "cli-backup.sqlite"
    assert cli(["--db", db, "backup", str(out)]) == 0
    assert "14" in capsys.readouterr().out
    assert cli(["--db", db, "delete", "5"]) == 0
    gc.collect()  # the in-process CLI leaves its registry to the garbage collector
    assert cli(["--db", db, "restore", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "before-restore" in printed
    reg = Registry.open(db)
    assert reg.exists(5)
    reg.close()
    assert cli(["--db", db, "check"]) == 0


def test_cli_restore_of_a_bad_backup_exits_1_in_the_users_language(roll, tmp_path, capsys, monkeypatch):
    db = roll.path
    roll.close()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database at all" * 100)
    before = digest(db)
    monkeypatch.setenv("HONOURS_LANG", "zh")
    assert cli(["--db", str(db), "restore", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "无法恢复" in err and "文件已损坏" in err
    assert digest(db) == before


def test_cli_commands_refuse_a_missing_registry(tmp_path, capsys):
    missing = tmp_path / "nothing.sqlite"
    for argv in (["check"], ["backup", str(tmp_path / "o.sqlite")], ["history", "1"], ["trash"]):
        assert cli(["--db", str(missing), *argv]) == 1
    assert not missing.exists()
    assert "no registry file" in capsys.readouterr().err


def test_cli_opening_takes_the_daily_backup(tmp_path):
    db = tmp_path / "fresh.sqlite"
    assert cli(["--db", str(db), "list"]) == 0
    [daily] = backups.automatic_backups(db)
    assert daily.reason == "daily" and backups.verify_backup(daily.path).honourees == 14


def test_an_import_backs_up_first(roll):
    from honours.core.registry import ImportItem

    roll.apply_import([ImportItem(Honouree(name="导入的人"))])
    [before_import] = backups.automatic_backups(roll.path)
    assert before_import.reason == "before-import"
    assert backups.verify_backup(before_import.path).honourees == 14  # taken before the import wrote


def test_emptying_the_trash_can_be_preceded_by_a_backup(roll):
    roll.delete(1)
    where = roll.backup_before("before-empty-trash")
    roll.empty_trash()
    assert where is not None and backups.verify_backup(where).trashed == 1
    with roll.atomic():
        assert roll.backup_before("inside") is None  # never a copy of half-done work
