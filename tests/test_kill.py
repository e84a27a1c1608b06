"""Kill the process (SIGKILL: no cleanup, no finally) in the middle of a big write; after a
restart the file is sound and holds all of the action or none of it.

Each child process signals on stdout when it is deep inside its transaction (from the
import's progress callback, or from a hook on the search-index step that runs after the
rows are written) and then waits there, so the kill always lands mid-transaction.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from honours.core import Registry
from honours.core.sqlite.check import check

pytestmark = [
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"),
    pytest.mark.sqlite_only,
]  # a SQLite file after a killed process

ROOT = Path(__file__).resolve().parents[1]

_PRELUDE = r"""
import sys, time
from honours.core import Registry
from honours.core.records import Deed, Honour, Honouree
registry = Registry.open(sys.argv[1])

def inside(reached=[False]):
    # Tell the test we are mid-transaction, then wait to be killed.
    if not reached[0]:
        reached[0] = True
        print("INSIDE", flush=True)
        time.sleep(60)

def record(n):
    return Honouree(name=f"导入{n}号", unit=f"衡阳市第{n % 50}医院", position="医生",
                    honours=[Honour(title="抗疫先进个人", level="municipal", year=2020)],
                    deeds=[Deed(text="逆行出征，坚守一线。" * 20)])
"""

IMPORT_CHILD = (
    _PRELUDE
    + r"""
from honours.core.registry import ImportItem
items = [ImportItem(record(n)) for n in range(5000)]
def progress(done, total):
    if done >= 2500:  # half-way: whole batches written, the transaction still open
        inside()
registry.apply_import(items, progress=progress)
print("FINISHED", flush=True)
"""
)

COMMITTED_CHILD = (
    _PRELUDE
    + r"""
from honours.core.registry import ImportItem
registry.apply_import([ImportItem(record(n)) for n in range(150)])
inside()  # committed, but only in the WAL: not yet checkpointed into the main file
"""
)

ADD_MANY_CHILD = (
    _PRELUDE
    + r"""
import honours.core.registry as registry_module
real_reindex = registry_module.reindex
calls = [0]
def reindex_then_maybe_stop(conn, honouree_id):
    real_reindex(conn, honouree_id)
    calls[0] += 1
    if calls[0] == 1000:
        inside()
registry_module.reindex = reindex_then_maybe_stop
registry.add_many([record(n) for n in range(5000)])
print("FINISHED", flush=True)
"""
)

PHOTO_CHILD = (
    _PRELUDE
    + r"""
import io
from PIL import Image
import honours.core.registry as registry_module
from honours.core.photos import NewPhoto, prepare_photo
noise = Image.effect_noise((1600, 1200), 90).convert("RGB")
buffer = io.BytesIO()
noise.save(buffer, "JPEG", quality=95)
prepared = prepare_photo(buffer.getvalue(), "big.jpg")
print("PHOTO BYTES", len(prepared.original), flush=True)
real_reindex = registry_module.reindex
def reindex_then_stop(conn, honouree_id):
    real_reindex(conn, honouree_id)
    inside()  # the photo rows and megabytes of image data are written, not committed
registry_module.reindex = reindex_then_stop
import honours.core.photo_verbs as photo_verbs_module
photo_verbs_module.reindex = reindex_then_stop  # add_photo indexes from there
if sys.argv[2] == "add_photo":
    registry.add_photo(2, prepared, caption="大照片")
else:
    honouree = registry.honouree(2)
    honouree.position = "杀进程时正在改的职务"
    registry.update(honouree, new_photos=[NewPhoto(prepared, caption="新照片", primary=True)])
print("FINISHED", flush=True)
"""
)

QUEUE_CHILD = (
    _PRELUDE
    + r"""
import honours.core.sqlite.indexing as indexing
import honours.core.import_verbs as import_verbs
import_verbs.QUEUE_INDEX_FROM = 1000
indexing.QUEUE_STEP = 1000
from honours.core.registry import ImportItem
outcome = registry.apply_import([ImportItem(record(n)) for n in range(3000)])
print("QUEUED", registry.queued_for_index(), flush=True)
real_write, written = indexing._write, [0]
def write_then_maybe_stop(conn, encoded):
    real_write(conn, encoded)
    written[0] += encoded.count
    if written[0] > 1500:  # the first step committed, the second's rows written, not committed
        inside()
indexing._write = write_then_maybe_stop
registry.index_queued()
print("FINISHED", flush=True)
"""
)


def run_and_kill(script: str, *args: str) -> list[str]:
    """Start a child, wait for its INSIDE line, SIGKILL it; returns what it printed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines: list[str] = []
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            if selector.select(timeout=1):
                line = proc.stdout.readline()
                if not line:
                    break
                lines.append(line.strip())
                if line.startswith("INSIDE"):
                    proc.send_signal(signal.SIGKILL)
                    break
            elif proc.poll() is not None:
                break
    finally:
        if proc.poll() is None and "INSIDE" not in lines:
            proc.kill()
        proc.wait(30)
        selector.close()
    stderr = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    assert "INSIDE" in lines, f"the child never reached its transaction: {lines} {stderr}"
    assert proc.returncode == -signal.SIGKILL
    return lines


def reopen_sound(path: Path) -> Registry:
    registry = Registry.open(path)
    assert [r[0] for r in registry.conn.execute("PRAGMA integrity_check")] == ["ok"]
    assert check(registry) == []
    return registry


@pytest.mark.parametrize("child", [IMPORT_CHILD, ADD_MANY_CHILD], ids=["apply_import", "add_many"])
def test_killed_large_import_leaves_none_of_it(roll, child):
    path = roll.path
    roll.close()
    run_and_kill(child, str(path))
    wal = Path(f"{path}-wal")
    # The registry was closed (checkpointed) before the child ran, so a large WAL is
    # the half-done transaction's own pages: the unfinished work really reached the disk.
    assert wal.exists() and wal.stat().st_size > 300_000

    registry = reopen_sound(path)
    try:
        assert registry.count() == 14
        assert registry.search("导入").count() == 0
        assert registry.conn.execute("SELECT count(*) FROM honour").fetchone()[0] == sum(
            len(registry.honouree(i).honours) for i in registry.all_ids()
        )
        assert registry.conn.execute("SELECT max(id) FROM history").fetchone()[0] == 14  # no stray history
    finally:
        registry.close()


def test_killed_right_after_commit_keeps_all_of_it(roll):
    path = roll.path
    roll.close()
    run_and_kill(COMMITTED_CHILD, str(path))
    registry = reopen_sound(path)
    try:
        assert registry.count() == 164 and registry.search("导入149号").count() == 1
    finally:
        registry.close()


@pytest.mark.parametrize("how", ["add_photo", "update_with_new_photos"])
def test_killed_photo_save_leaves_photo_tables_consistent(roll, how):
    path = roll.path
    before = roll.honouree(2)
    roll.close()
    printed = run_and_kill(PHOTO_CHILD, str(path), how)
    assert int(printed[0].split()[-1]) > 1_000_000  # megabytes of image were being written

    registry = reopen_sound(path)
    try:
        after = registry.honouree(2)
        assert after.to_dict() == before.to_dict()  # no photo, no half-saved position, same version
        assert registry.conn.execute("SELECT count(*) FROM photo").fetchone()[0] == 0
        assert registry.conn.execute("SELECT count(*) FROM photo_data").fetchone()[0] == 0
    finally:
        registry.close()


def test_killed_while_writing_queued_search_rows_keeps_the_steps_done_and_the_rest_queued(roll):
    path = roll.path
    roll.close()
    printed = run_and_kill(QUEUE_CHILD, str(path))
    assert "QUEUED 3000" in printed
    registry = reopen_sound(path)  # check(): queued records are not damage, nothing half-indexed
    try:
        assert registry.count() == 14 + 3000
        assert registry.queued_for_index() == 2000  # the first step of 1,000 committed
        assert registry.search("导入").count() == 1000
        assert registry.index_queued() == 2000
        assert registry.search("导入").count() == 3000 and check(registry) == []
    finally:
        registry.close()
