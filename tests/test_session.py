"""Opening a registry for work (honours.core.session), as the desktop app and the command line do."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from honours.core import Honouree, Registry
from honours.core.seed import load_default_roll
from honours.core.session import default_path, open_registry


def test_the_default_path_is_honours_db_else_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("HONOURS_DB", str(tmp_path / "mine.sqlite"))
    assert default_path() == tmp_path / "mine.sqlite"
    monkeypatch.delenv("HONOURS_DB")
    assert default_path() == Path(platformdirs.user_data_dir("Honours", appauthor=False)) / "honours.sqlite"


def test_a_new_file_gets_the_default_roll_and_an_existing_one_is_never_seeded_again(tmp_path):
    path = tmp_path / "sub" / "new.sqlite"
    with open_registry(path) as registry:
        assert registry.count() == len(load_default_roll()) > 10
        registry.delete_many(registry.search("").all_ids())
    with open_registry(path) as registry:
        assert registry.count() == 0  # a roll someone emptied stays empty


def test_a_new_file_can_start_empty(tmp_path):
    with open_registry(tmp_path / "blank.sqlite", seed_if_new=False) as registry:
        assert registry.count() == 0
        registry.add(Honouree(name="甲"))
    with open_registry(tmp_path / "blank.sqlite") as registry:
        assert registry.count() == 1


def test_none_opens_the_default_path(monkeypatch, tmp_path):
    monkeypatch.setenv("HONOURS_DB", str(tmp_path / "env.sqlite"))
    with open_registry() as registry:
        assert registry.path == tmp_path / "env.sqlite" and registry.count() == len(load_default_roll())


def test_read_only_never_creates_nor_writes(tmp_path):
    missing = tmp_path / "missing.sqlite"
    with pytest.raises(FileNotFoundError):
        open_registry(missing, readonly=True)
    assert not missing.exists()
    Registry.open(tmp_path / "empty.sqlite").close()
    with open_registry(tmp_path / "empty.sqlite", readonly=True) as registry:
        assert registry.readonly and registry.count() == 0  # an existing file is not seeded when read


_CHILD = r"""
import sys
from honours.core.errors import ReadOnlyDatabaseError
from honours.core.session import open_registry
try:
    open_registry(sys.argv[1])
except ReadOnlyDatabaseError:
    print("refused")
registry = open_registry(sys.argv[1], fall_back_to_reading=True)
print(registry.opened_readonly, registry.count())
"""


@pytest.mark.sqlite_only
def test_a_file_that_cannot_be_written_can_be_opened_for_reading_instead(tmp_path):
    """A read-only file for real: root ignores permissions, so the child drops that power (see
    test_open_failures)."""
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "roll.sqlite"
    with open_registry(path) as registry:
        registry.conn.execute("PRAGMA journal_mode = DELETE")  # no -wal or -shm to make in the folder
        count = registry.count()
    path.chmod(0o444)
    folder.chmod(0o555)
    argv = [sys.executable, "-c", _CHILD, str(path)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if not setpriv:
            pytest.skip("running as root without setpriv: root would bypass the read-only permissions")
        caps = "-dac_override,-dac_read_search"
        argv = [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}", *argv]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    try:
        done = subprocess.run(argv, check=False, capture_output=True, text=True, env=env, timeout=60)
    finally:
        folder.chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["refused", "True", str(count)]
