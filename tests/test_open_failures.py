"""Files that are not a healthy registry of ours: a clear error in both languages, and the
file left exactly as it was (same bytes, no side files created beside it)."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from honours.cli import main as cli
from honours.core import (
    Registry,
    files,  # refuses a registry this process has open
)
from honours.core.errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    EmptyDatabaseFileError,
    NewerVersionError,
    NotARegistryError,
    ReadOnlyDatabaseError,
)
from honours.core.records import Honouree
from honours.core.sqlite import database
from honours.core.sqlite.schema import SCHEMA_VERSION


def fingerprint(path: Path) -> tuple[str, set[str]]:
    """The file's bytes and the names of everything beside it."""
    return hashlib.sha256(files.read_bytes(path)).hexdigest(), {p.name for p in path.parent.iterdir()}


def _healthy(folder: Path, template: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "reg.sqlite"
    shutil.copy(template, path)
    return path


def make_random(folder: Path, template: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "random.sqlite"
    path.write_bytes(os.urandom(20000))
    return path


def make_truncated(folder: Path, template: Path) -> Path:
    path = _healthy(folder, template)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def make_garbled_header(folder: Path, template: Path) -> Path:
    path = _healthy(folder, template)
    data = bytearray(path.read_bytes())
    data[0:16] = b"NOT SQLITE AT AL"
    path.write_bytes(bytes(data))
    return path


def make_other_app(folder: Path, template: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "addressbook.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts (name, phone) VALUES ('张三', '123')")
    conn.commit()
    conn.close()
    return path


def make_newer(folder: Path, template: Path) -> Path:
    path = _healthy(folder, template)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path


CASES = {
    "random bytes": (make_random, CorruptDatabaseError, "已损坏"),
    "truncated": (make_truncated, CorruptDatabaseError, "已损坏"),
    "garbled header": (make_garbled_header, CorruptDatabaseError, "已损坏"),
    "another app's database": (make_other_app, NotARegistryError, "不是荣誉库文件"),
    "newer version": (make_newer, NewerVersionError, "更新版本"),
}


@pytest.mark.parametrize("readonly", [False, True], ids=["read-write", "read-only"])
@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_is_refused_untouched(tmp_path, _seeded_template, case, readonly):
    make, error, zh_words = CASES[case]
    path = make(tmp_path / "files", _seeded_template)
    before = fingerprint(path)

    with pytest.raises(error) as caught:
        Registry.open(path, readonly=readonly)

    assert fingerprint(path) == before
    assert str(path) in caught.value.message("en")
    assert zh_words in caught.value.message("zh")
    assert "not been changed" in caught.value.message("en") or case == "another app's database"
    assert "未作任何改动" in caught.value.message("zh")
    assert not re.search("（[^）]*（", caught.value.message("zh"))  # no brackets nested in brackets
    assert caught.value.path == str(path)


@pytest.mark.parametrize("create", [True, False])
def test_zero_length_file_is_not_silently_made_a_new_registry(tmp_path, create):
    path = tmp_path / "emptied.sqlite"
    path.write_bytes(b"")
    with pytest.raises(EmptyDatabaseFileError) as caught:
        Registry.open(path, create=create)
    assert path.read_bytes() == b"" and {p.name for p in tmp_path.iterdir()} == {"emptied.sqlite"}
    assert "0 bytes" in caught.value.message("en") and "空文件" in caught.value.message("zh")


def test_a_folder_is_not_a_registry(tmp_path):
    with pytest.raises(NotARegistryError):
        Registry.open(tmp_path)


def test_cli_reports_a_corrupt_file_in_chinese_and_leaves_it(tmp_path, capsys, monkeypatch):
    path = make_random(tmp_path, Path())
    before = fingerprint(path)
    monkeypatch.setenv("HONOURS_LANG", "zh")
    assert cli(["--db", str(path), "list"]) == 1
    assert "已损坏" in capsys.readouterr().err
    assert fingerprint(path) == before


def test_opened_read_only_reads_and_refuses_writes_clearly(roll):
    path = roll.path
    roll.close()
    reader = Registry.open(path, readonly=True)
    try:
        assert reader.readonly and reader.count() == 14
        with pytest.raises(ReadOnlyDatabaseError) as caught:
            reader.add(Honouree(name="不该写入"))
        assert "无法写入" in caught.value.message("zh")
        assert reader.count() == 14
    finally:
        reader.close()


# A read-only file for real. Tests run as root here, and root ignores file and folder
# permissions (CAP_DAC_OVERRIDE), so a chmod alone proves nothing: the child process
# drops that capability with `setpriv` and then meets the permissions a clerk's account would.
_CHILD = r"""
import sys
from honours.core import Registry
from honours.core.errors import ReadOnlyDatabaseError
from honours.core.records import Honouree
path = sys.argv[1]
try:
    Registry.open(path)
    print("opened read-write")
except ReadOnlyDatabaseError as exc:
    print("refused:", exc.message("zh"))
reader = Registry.open(path, readonly=True)
print("read", reader.count(), reader.readonly)
try:
    reader.add(Honouree(name="x"))
    print("wrote")
except ReadOnlyDatabaseError:
    print("write refused")
"""


def _run_without_root_powers(path: Path) -> str:
    argv = [sys.executable, "-c", _CHILD, str(path)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if not setpriv:
            pytest.skip("running as root without setpriv: root would bypass the read-only permissions")
        caps = "-dac_override,-dac_read_search"
        argv = [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}", *argv]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run(argv, check=False, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("with_side_files", [True, False], ids=["wal-files-present", "bare-file"])
def test_read_only_file_in_read_only_folder(tmp_path, _seeded_template, with_side_files):
    folder = tmp_path / "share"
    path = _healthy(folder, _seeded_template)
    if with_side_files:
        Registry.open(path, readonly=True).close()
    for child in folder.iterdir():
        child.chmod(0o444)
    folder.chmod(0o555)
    before = fingerprint(path)
    try:
        out = _run_without_root_powers(path)
    finally:
        folder.chmod(0o755)
    assert "refused: " in out and "无法写入" in out
    assert (
        "read 14 True" in out and "write refused" in out and "wrote" not in out.replace("write refused", "")
    )
    assert fingerprint(path) == before


def test_busy_file_waits_briefly_then_says_so(roll, monkeypatch):
    """Another program holds an exclusive lock (e.g. a rollback-journal writer mid-commit)."""
    path = roll.path
    roll.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    try:
        with pytest.raises(DatabaseLockedError) as caught:
            Registry.open(path)
        assert "正忙" in caught.value.message("zh") and "busy" in caught.value.message("en")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert Registry.open(path).count() == 14
