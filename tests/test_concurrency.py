"""Two windows or two PCs on one file: no silent lost update, and a busy file waits, then says so."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PIL import Image

from honours.core import Registry
from honours.core.errors import ConflictError, DatabaseLockedError, NotFoundError
from honours.core.records import Deed, Honouree

pytestmark = pytest.mark.sqlite_only  # SQLite's file locking between processes


@pytest.fixture
def two(roll):
    """Window A (the roll fixture) and window B: two registries on the same file."""
    other = Registry.open(roll.path)
    yield roll, other
    other.close()


def png(color: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (30, 20), color).save(out, "PNG")
    return out.getvalue()


def test_saving_a_record_someone_else_saved_raises_conflict(two):
    a, b = two
    mine = a.honouree(2)
    theirs = b.honouree(2)
    theirs.position = "院长（B 改的）"
    b.update(theirs)

    mine.position = "主任（A 改的）"
    with pytest.raises(ConflictError) as caught:
        a.update(mine)

    assert caught.value.expected == mine.version and caught.value.actual == mine.version + 1
    assert "changed by someone else" in caught.value.message("en")
    assert "已被他人修改" in caught.value.message("zh")
    assert a.honouree(2).position == "院长（B 改的）"  # B's save stands, A's did not slip in
    assert [e.action for e in a.history(2)][:2] == ["update", "create"]


def test_saving_a_record_someone_else_deleted_raises_conflict(two):
    a, b = two
    mine = a.honouree(4)
    b.delete(4)
    mine.notes = "A 的备注"
    with pytest.raises(ConflictError) as caught:
        a.update(mine)
    assert caught.value.actual is None and "已被他人删除" in caught.value.message("zh")
    assert not a.exists(4)


def test_keep_mine_saves_over_but_keeps_the_photo_they_added(two):
    a, b = two
    mine = a.honouree(2)
    b.add_photo(2, png((0, 200, 0)), caption="B 加的照片", name="b.png")
    b.edit(2, {"unit": "B 改的单位"})
    mine.unit = "A 改的单位"
    with pytest.raises(ConflictError):
        a.update(mine)

    saved = a.overwrite(mine, original_photo_ids=[])

    assert saved.unit == "A 改的单位"
    assert [p.caption for p in saved.photos] == ["B 加的照片"]
    before_mine = a.history(2)[0].before
    assert before_mine["unit"] == "B 改的单位"  # the version overwritten stays in the history


def test_keep_mine_drops_only_the_photos_i_removed(two):
    a, b = two
    first = a.add_photo(2, png((200, 0, 0)), caption="旧照片", name="old.png")
    mine = a.honouree(2)
    opened_with = [p.id for p in mine.photos]
    b.add_photo(2, png((0, 0, 200)), caption="B 新加", name="new.png")
    mine.photos = [p for p in mine.photos if p.id != first.id]  # A removed the old photo

    saved = a.overwrite(mine, original_photo_ids=opened_with)

    assert [p.caption for p in saved.photos] == ["B 新加"]


def test_keep_mine_brings_back_a_record_they_deleted(two):
    a, b = two
    mine = a.honouree(4)
    b.delete(4)
    mine.notes = "A 坚持保存"
    saved = a.overwrite(mine)
    assert a.exists(4) and saved.notes == "A 坚持保存"
    assert [e.action for e in a.history(4)][:3] == ["update", "restore", "delete"]


def test_keep_mine_of_a_purged_record_says_it_is_gone(two):
    a, b = two
    mine = a.honouree(4)
    b.delete(4)
    b.empty_trash()
    with pytest.raises(NotFoundError):
        a.overwrite(mine)


def test_busy_file_gives_a_clear_error_and_writes_nothing(roll):
    holder = Registry.open(roll.path)
    roll.conn.execute("PRAGMA busy_timeout = 200")
    try:
        with holder.atomic():
            holder.add(Honouree(name="占着写锁"))
            with pytest.raises(DatabaseLockedError) as caught:
                roll.add(Honouree(name="等不到"))
        assert "正忙" in caught.value.message("zh")
        assert "another window or computer" in caught.value.message("en")
    finally:
        holder.close()
    assert roll.search("等不到").count() == 0 and roll.search("占着写锁").count() == 1
    assert roll.add(Honouree(name="这次可以")).id


def test_a_save_waits_for_the_other_writer_to_finish(roll):
    holder = Registry.open(roll.path)
    locked = threading.Event()
    release = threading.Event()

    def hold_the_lock() -> None:
        with holder.atomic():
            holder.conn.execute("UPDATE honouree SET notes = notes WHERE id = 1")
            locked.set()
            release.wait(10)

    worker = threading.Thread(target=hold_the_lock)
    worker.start()
    locked.wait(10)
    threading.Timer(0.3, release.set).start()
    try:
        saved = roll.add(Honouree(name="排队保存"))  # blocks inside BEGIN IMMEDIATE until released
    finally:
        release.set()
        worker.join(10)
        holder.close()
    assert roll.exists(saved.id)


_WRITER = r"""
import sys
from honours.core import Registry
registry = Registry.open(sys.argv[1])
ids = [int(x) for x in sys.argv[2].split(",")]
for round_ in range(15):
    for honouree_id in ids:
        record = registry.honouree(honouree_id)
        record.notes = f"round {round_} by {sys.argv[3]}"
        registry.update(record)          # read, then write: the pattern that deadlocks with plain BEGIN
print("done")
"""


def test_two_processes_writing_at_once_take_turns(roll):
    path = roll.path
    roll.close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), ids, name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for ids, name in (("1,2,3,4,5,6,7", "A"), ("8,9,10,11,12,13,14", "B"))
    ]
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=False):
        assert proc.returncode == 0 and out.strip() == "done", err
    registry = Registry.open(path)
    try:
        notes = {registry.honouree(i).notes for i in range(1, 15)}
        assert notes == {"round 14 by A", "round 14 by B"}
        assert all(registry.honouree(i).version >= 16 for i in range(1, 15))
    finally:
        registry.close()


def test_a_reader_sees_only_committed_work(two):
    a, b = two
    with b.atomic():
        b.add(Honouree(name="未提交的人", deeds=[Deed(text="还在事务里")]))
        assert a.search("未提交的人").count() == 0
    assert a.search("未提交的人").count() == 1


def test_opening_while_another_pc_saves_does_not_wait_or_fail(roll):
    holder = Registry.open(roll.path)
    try:
        with holder.atomic():
            holder.add(Honouree(name="另一台电脑正在保存"))
            second = Registry.open(roll.path)  # no wait for the write lock, no refusal
            try:
                assert not second.readonly and second.count() == 14
                second.conn.execute("PRAGMA busy_timeout = 100")
                with pytest.raises(DatabaseLockedError):
                    second.add(Honouree(name="要排队"))
            finally:
                second.close()
    finally:
        holder.close()
