"""Several programs on one registry file, as real processes: nothing any of them saved is lost.

The data loss these guard against (issue 12): a process that held SQLite connections to the
file and also opened it with Python's file I/O dropped its POSIX locks on closing that
descriptor; another program then checkpointed and *unlinked the -wal* under the live
connection, and from then on the two no longer saw each other's saves and one side's saves
vanished. Each side here is a separate process (tests/sharing_worker.py or the `honours`
command line), the way an office runs the app, a second window and the command line.

`--soak-saves N` (see conftest.py) makes the soak long: N saves per process.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[1]
WORKER = Path(__file__).with_name("sharing_worker.py")
SOAK_PROCESSES = 4


def env() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "HONOURS_LANG": "en",
        "PYTHONIOENCODING": "utf-8",
    }


def honours(db: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "honours", "--db", str(db), *args],
        env=env(),
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if check:
        assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done


def names_in(db: Path) -> list[str]:
    """Every live honouree's name, read by a fresh program."""
    out = honours(db, "search", "", "--json", "--limit", "1000000").stdout
    return sorted(item["name"] for item in json.loads(out))


class Window:
    """The desktop app in its own process, driven line by line."""

    def __init__(self, db: Path, settings: Path) -> None:
        self.db = db
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), "window", str(db), str(settings)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env(),
            text=True,
            encoding="utf-8",
        )
        assert self._read().get("ready"), "the window did not start"

    def _read(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            raise AssertionError(f"the window process ended: {self.process.stderr.read()}")
        return json.loads(line)

    def ask(self, op: str, **args: object) -> dict:
        self.process.stdin.write(json.dumps({"op": op, **args}, ensure_ascii=False) + "\n")
        self.process.stdin.flush()
        reply = self._read()
        assert reply["ok"], reply
        return reply

    def assert_log_intact(self) -> None:
        """The -wal and -shm this window writes through were never unlinked under it."""
        fds = self.ask("fds")["fds"]
        assert fds, "the window holds no descriptor of the registry"
        assert not [f for f in fds if "(deleted)" in f], fds
        assert any(f == f"{self.db}-wal" for f in fds), fds

    def quit(self) -> None:
        self.ask("quit")
        self.process.stdin.close()
        assert self.process.wait(timeout=60) == 0, self.process.stderr.read()


@pytest.fixture
def shared(tmp_path, _seeded_template) -> Path:
    path = tmp_path / "roll.sqlite"
    path.write_bytes(_seeded_template.read_bytes())  # no connection to it exists yet
    return path


def json_file(tmp_path: Path, name: str, data: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def sheet(tmp_path: Path, rows: list[tuple[str, str]]) -> str:
    book = Workbook()
    book.active.append(["姓名", "工作单位"])
    for row in rows:
        book.active.append(list(row))
    path = tmp_path / "county.xlsx"
    book.save(path)
    return str(path)


def test_app_command_line_and_second_window_share_one_file(shared, tmp_path):
    initial = names_in(shared)
    first = Window(shared, tmp_path / "settings-a.ini")
    first.ask("search", q="劳模")  # the filter panel's read-only connection opens now
    first.assert_log_intact()

    honours(shared, "list")
    first.assert_log_intact()
    honours(shared, "search", "劳模")
    first.assert_log_intact()

    honours(shared, "add", "--json", json_file(tmp_path, "a.json", {"name": "命令行甲", "unit": "衡阳"}))
    first.assert_log_intact()
    assert "命令行甲" in first.ask("names")["names"]  # the window sees the command line's save

    mine = first.ask("add", name="窗口甲一", unit="窗口单位")["id"]
    assert "窗口甲一" in names_in(shared)  # and the command line sees the window's

    honours(shared, "edit", str(mine), "--json", json_file(tmp_path, "e.json", {"position": "主任"}))
    first.assert_log_intact()
    first.ask("edit", id=mine, unit="窗口单位（改）")  # the window's copy is current: no conflict

    honours(shared, "import", sheet(tmp_path, [("导入乙", "耒阳市"), ("导入丙", "常宁市")]))
    first.assert_log_intact()
    assert {"导入乙", "导入丙"} <= set(first.ask("names")["names"])

    backup = tmp_path / "backup.sqlite"
    honours(shared, "backup", str(backup))
    first.assert_log_intact()
    honours(backup, "check")
    assert "窗口甲一" in names_in(backup)

    checked = honours(shared, "check")
    assert checked.returncode == 0
    first.assert_log_intact()

    second = Window(shared, tmp_path / "settings-b.ini")
    second.ask("search", q="")
    first.assert_log_intact()
    second.assert_log_intact()
    second.ask("add", name="窗口乙一")
    first.ask("add", name="窗口甲二")
    assert "窗口乙一" in first.ask("names")["names"]
    assert "窗口甲二" in second.ask("names")["names"]

    # What each window *shows* follows the others' saves too (its watcher refreshes the table).
    honours(shared, "add", "--json", json_file(tmp_path, "b.json", {"name": "命令行丁"}))
    expected = len(initial) + 7
    for window in (first, second):
        window.ask("search", q="")
        shown = window.ask("shown")
        assert shown["rows"] == expected and shown["total"] == expected, shown
        window.assert_log_intact()

    first.quit()
    assert {"窗口乙一", "窗口甲二", "命令行丁"} <= set(second.ask("names")["names"])
    second.quit()

    final = names_in(shared)
    assert sorted(set(final) - set(initial)) == sorted(
        ["命令行甲", "窗口甲一", "导入乙", "导入丙", "窗口乙一", "窗口甲二", "命令行丁"]
    )
    assert honours(shared, "check").returncode == 0


# -- the soak ------------------------------------------------------------------------------


def make_hot_records(db: Path) -> list[int]:
    conn = sqlite3.connect(db)
    try:
        ids = [
            r[0] for r in conn.execute("SELECT id FROM honouree WHERE deleted_at IS NULL ORDER BY id LIMIT 2")
        ]
    finally:
        conn.close()
    return ids


def start_soak(db: Path, tmp_path: Path, saves: int, hot: list[int]) -> list[tuple[subprocess.Popen, Path]]:
    started = []
    for worker in range(SOAK_PROCESSES):
        log = tmp_path / f"soak-{worker}.log"
        process = subprocess.Popen(
            [
                sys.executable,
                str(WORKER),
                "soak",
                str(db),
                str(log),
                str(worker),
                str(saves),
                str(1000 + worker),
                ",".join(map(str, hot)),
            ],
            env=env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append((process, log))
    return started


def read_log(log: Path) -> list[dict]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]


def verify_replay(db: Path, logs: dict[int, list[dict]], hot: list[int], killed: int | None = None) -> dict:
    """The end state equals a replay of what each process was told succeeded."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = {
            r[0]: r[1:]
            for r in conn.execute("SELECT id, name, unit, notes, version, deleted_at FROM honouree")
        }
        photos = defaultdict(int)
        for (owner,) in conn.execute("SELECT honouree_id FROM photo"):
            photos[owner] += 1
        hot_history = defaultdict(int)
        for (owner,) in conn.execute("SELECT honouree_id FROM history WHERE action = 'update'"):
            hot_history[owner] += 1
    finally:
        conn.close()

    tally = defaultdict(int)
    hot_saves: dict[int, list[dict]] = defaultdict(list)
    for worker, entries in logs.items():
        last_unit: dict[int, str] = {}
        deleted: set[int] = set()
        photo_count: dict[int, int] = defaultdict(int)
        for entry in entries:
            tally[entry["op"]] += 1
            if entry["op"] == "add":
                assert entry["id"] in rows, f"worker {worker} was told #{entry['id']} was added"
                assert rows[entry["id"]][0] == entry["name"]
                last_unit[entry["id"]] = f"单位{worker}"
            elif entry["op"] == "edit":
                last_unit[entry["id"]] = entry["unit"]
            elif entry["op"] == "delete":
                deleted.add(entry["id"])
            elif entry["op"] == "photo":
                photo_count[entry["id"]] += 1
            elif entry["op"] == "hot":
                hot_saves[entry["id"]].append(entry)
            elif entry["op"] == "fds":
                assert not [f for f in entry["fds"] if "(deleted)" in f], entry
        for record_id, unit in last_unit.items():
            if worker == killed:  # it may have saved once more after its last note
                assert rows[record_id][1].startswith(f"单位{worker}"), rows[record_id]
                assert photos[record_id] >= photo_count[record_id]
            else:
                assert rows[record_id][1] == unit, (worker, record_id, rows[record_id], unit)
                assert photos[record_id] == photo_count[record_id], (worker, record_id)
        for record_id in deleted:
            assert rows[record_id][4] is not None, f"#{record_id} should be in the trash"
        for record_id in set(last_unit) - deleted:
            if worker != killed:
                assert rows[record_id][4] is None, f"#{record_id} should not be in the trash"

    for record_id in hot:
        saves = hot_saves[record_id]
        versions = sorted(entry["version"] for entry in saves)
        assert len(versions) == len(set(versions)), (
            f"two saves of #{record_id} claim one version: silent overwrite"
        )
        final_version = rows[record_id][3]
        if killed is None:
            assert versions == list(range(final_version - len(versions) + 1, final_version + 1)), versions
            assert hot_history[record_id] == len(saves)
        else:
            assert len(versions) <= hot_history[record_id] <= len(versions) + 1
        if saves:
            newest = max(saves, key=lambda entry: entry["version"])
            if newest["version"] == final_version:
                assert rows[record_id][2] == newest["value"]
            else:  # only the killed process can have saved unlogged
                assert killed is not None and rows[record_id][2].startswith(f"进程{killed}")
    return dict(tally)


def test_soak_four_processes_save_at_random_and_nothing_is_lost(shared, tmp_path, request):
    saves = request.config.getoption("--soak-saves")
    hot = make_hot_records(shared)
    started = start_soak(shared, tmp_path, saves, hot)
    for process, _ in started:
        assert process.wait(timeout=60 + saves) == 0, process.stderr.read()
    logs = {worker: read_log(log) for worker, (_, log) in enumerate(started)}
    tally = verify_replay(shared, logs, hot)
    assert tally["add"] and tally["edit"] and tally["delete"] and tally["photo"] and tally["hot"]
    assert tally.get("locked", 0) == 0, tally  # waits for another's save; never gives up under this load
    print(f"soak: {SOAK_PROCESSES} processes × {saves} saves: {tally}")
    assert honours(shared, "check").returncode == 0


def test_a_process_killed_mid_save_loses_nothing_others_saved(shared, tmp_path, request):
    saves = max(200, request.config.getoption("--soak-saves"))
    hot = make_hot_records(shared)
    started = start_soak(shared, tmp_path, saves, hot)
    victim, victim_log = started[1]
    deadline = time.monotonic() + 60
    while len(read_log(victim_log)) < 40 and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert victim.poll() is None, "the process to kill finished too soon"
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    for worker, (process, _) in enumerate(started):
        if worker != 1:
            assert process.wait(timeout=60 + saves) == 0, process.stderr.read()
    logs = {worker: read_log(log) for worker, (_, log) in enumerate(started)}
    assert not any(entry["op"] == "fds" for entry in logs[1]), "the victim was not killed mid-run"
    verify_replay(shared, logs, hot, killed=1)
    assert honours(shared, "check").returncode == 0
    honours(shared, "add", "--json", json_file(tmp_path, "after.json", {"name": "之后"}))
    assert "之后" in names_in(shared)
