"""A registry this process has open is never touched with Python's file I/O (issue 12).

Closing any descriptor of a file drops every POSIX lock the process holds on it; another
program may then delete the registry's -wal under our connection. So a person who picks the
open registry itself (or its -wal/-shm) as a photo, a sheet, a report, a JSON file, a backup
or an export target gets a clear refusal, and the connection's log stays where it is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from honours.cli import main as cli
from honours.core import Registry, files
from honours.core.errors import BadBackupError, DatabaseInUseError, RegistryFileInUseError
from honours.core.import_plan import plan_import
from honours.core.intake.reading import read_report
from honours.core.sqlite.backup import backup_to, restore, verify_backup
from honours.core.transfer import write_json

ROOT = Path(__file__).resolve().parents[1]


def wal_intact(path: Path) -> bool:
    """Whether this process still reaches the registry's -wal by its name (not unlinked)."""
    targets = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            targets.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            continue
    mine = [t for t in targets if t.startswith(str(path))]
    return bool(mine) and not any("(deleted)" in t for t in mine)


def other_program_lists(path: Path) -> None:
    """What made the data loss visible: another program opening and closing the file."""
    subprocess.run(
        [sys.executable, "-m", "honours", "--db", str(path), "list"],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_an_open_registry_and_its_side_files_are_known(roll):
    path = roll.path
    assert files.is_open_registry(path)
    assert files.is_open_registry(Path(f"{path}-wal")) and files.is_open_registry(Path(f"{path}-shm"))
    assert files.is_open_registry(path.parent / "." / path.name)
    link = path.parent / "link.sqlite"
    link.symlink_to(path)
    assert files.is_open_registry(link)
    assert not files.is_open_registry(path.parent / "other.sqlite")


def test_closing_forgets_the_file(db_path):
    first, second = Registry.open(db_path), Registry.open(db_path, readonly=True)
    first.close()
    assert files.is_open_registry(db_path)  # the second connection still holds it
    second.close()
    second.close()  # twice is harmless, and does not forget someone else's connection
    assert not files.is_open_registry(db_path)


def test_a_registry_dropped_without_close_is_forgotten(db_path):
    registry = Registry.open(db_path)
    del registry
    import gc

    gc.collect()
    assert not files.is_open_registry(db_path)


@pytest.mark.parametrize("side", ["", "-wal", "-shm"])
def test_the_open_registry_as_a_photo_is_refused_and_the_log_survives(roll, side):
    target = Path(f"{roll.path}{side}")
    roll.count()
    with pytest.raises(RegistryFileInUseError) as refused:
        roll.add_photo(1, target)
    assert "正在使用的荣誉库文件" in refused.value.message("zh")
    other_program_lists(roll.path)
    assert wal_intact(roll.path)
    assert roll.photos(1) == []


def test_the_open_registry_as_a_sheet_or_report_is_refused(roll):
    with pytest.raises(RegistryFileInUseError):
        plan_import(roll, roll.path)
    with pytest.raises(RegistryFileInUseError):
        read_report(roll.path)
    other_program_lists(roll.path)
    assert wal_intact(roll.path)


def test_exporting_or_backing_up_onto_the_open_registry_is_refused(roll, tmp_path):
    before = roll.count()
    with pytest.raises(RegistryFileInUseError):
        write_json(roll, roll.all_ids(), roll.path)
    with pytest.raises(RegistryFileInUseError):
        backup_to(roll, Path(f"{roll.path}-wal"), overwrite=True)
    assert roll.count() == before
    other_program_lists(roll.path)
    assert wal_intact(roll.path)


def test_restoring_while_this_program_holds_the_file_is_refused(roll, tmp_path):
    backup = backup_to(roll, tmp_path / "b.sqlite")
    with pytest.raises(BadBackupError):
        verify_backup(roll.path)  # the live file is never copied with file I/O
    with pytest.raises(DatabaseInUseError):
        restore(roll.path, backup)
    assert wal_intact(roll.path)


def test_command_line_refuses_its_own_registry_as_input(db_path, capsys, monkeypatch):
    monkeypatch.setenv("HONOURS_LANG", "zh")
    assert cli(["--db", str(db_path), "import", str(db_path)]) == 1
    assert "正在使用的荣誉库文件" in capsys.readouterr().err
    assert cli(["--db", str(db_path), "add", "--json", f"{db_path}-wal"]) == 1


def test_a_pdf_onto_the_open_registry_is_refused(roll, qapp):
    from honours.printing.document import open_document

    with pytest.raises(RegistryFileInUseError), open_document(roll.path):
        pass
    assert roll.count() > 0


MOUNTS = """sysfs /sys sysfs rw 0 0
/dev/sda1 / ext4 rw 0 0
//nas/union /mnt/union cifs rw,vers=3.0 0 0
nas:/export /srv/nfs nfs4 rw 0 0
/dev/sdb1 /mnt/union/usb vfat rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/clerk/roll.sqlite", None),
        ("/mnt/union/roll.sqlite", "SMB"),
        ("/mnt/union/sub/dir/roll.sqlite", "SMB"),
        ("/mnt/unionx/roll.sqlite", None),
        ("/srv/nfs/roll.sqlite", "nfs4"),
        ("/mnt/union/usb/roll.sqlite", None),  # a local disk mounted inside the share
        ("\\\\server\\share\\roll.sqlite", "SMB"),
        ("//server/share/roll.sqlite", "SMB"),
    ],
)
def test_network_shares_are_recognised(path, kind):
    assert files.network_share(path, MOUNTS) == kind


def test_the_command_line_warns_about_a_network_share(db_path, capsys, monkeypatch):
    monkeypatch.setattr(files, "network_share", lambda path, mounts=None: "SMB")
    monkeypatch.setenv("HONOURS_LANG", "zh")
    assert cli(["--db", str(db_path), "list"]) == 0
    err = capsys.readouterr().err
    assert "网络共享（SMB）" in err and "共享荣誉库服务器" in err


def test_files_reads_what_is_not_a_registry(tmp_path):
    path = tmp_path / "a.json"
    files.write_bytes(path, json.dumps({"x": 1}).encode())
    assert json.loads(files.read_bytes(path)) == {"x": 1}
    assert files.head(path, 2) == b'{"'
