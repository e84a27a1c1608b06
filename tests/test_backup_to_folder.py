"""A backup to a folder the user chose (a USB stick) writes exactly one file there.

The registry was opened by a relative path (`honours-app --db 荣誉库.sqlite` from a shortcut
whose "start in" is the office folder), and Windows' save dialog makes the folder it was
last in the process's current folder. Automatic backups (daily, before an import) and the
list of manual backups must still go to `backups/` beside the registry, not to the stick.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from honours.core import Registry
from honours.core.sqlite import backup as backups


def everything(folder: Path) -> list[str]:
    """Every file and folder under `folder`, hidden ones included, relative to it."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_core_backup_after_the_current_folder_moved_to_the_stick(tmp_path, monkeypatch, _seeded_template):
    office, stick = tmp_path / "office", tmp_path / "usb"
    office.mkdir()
    stick.mkdir()
    shutil.copy(_seeded_template, office / "roll.sqlite")
    monkeypatch.chdir(office)
    registry = Registry.open("roll.sqlite")
    try:
        os.chdir(stick)  # what the save dialog did
        written = backups.backup_to(registry, stick / "copy.sqlite")
        backups.ensure_daily_backup(registry)
        backups.backup_now(registry, "before-import")
    finally:
        registry.close()
    assert written == stick / "copy.sqlite"
    assert everything(stick) == ["copy.sqlite"]
    reasons = sorted(b.reason for b in backups.automatic_backups(office / "roll.sqlite"))
    assert reasons == ["before-import", "daily"]
    assert [b.path for b in backups.manual_backups(office / "roll.sqlite")] == [written.resolve()]
    assert backups.verify_backup(written).honourees == 14


def test_back_up_from_the_window_leaves_one_file_on_the_stick(qtbot, tmp_path, monkeypatch, _seeded_template):
    from PySide6.QtWidgets import QFileDialog

    from honours.app import create_window
    from honours.gui import backup_actions

    office, stick = tmp_path / "office", tmp_path / "usb"
    office.mkdir()
    stick.mkdir()
    shutil.copy(_seeded_template, office / "roll.sqlite")
    monkeypatch.chdir(office)
    window = create_window(Path("roll.sqlite"), tmp_path / "settings.ini", language="en")
    qtbot.addWidget(window)
    label = window.last_backup_label

    def save_dialog(*_args, **_kwargs):
        os.chdir(stick)  # Windows' dialog moves the current folder to where the user went
        backup_actions.take_daily_backup(window, label)  # the delayed daily backup fires meanwhile
        return str(stick / "荣誉库备份.sqlite"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    written = backup_actions.back_up(window, label)
    window.close()
    assert written == stick / "荣誉库备份.sqlite"
    assert everything(stick) == ["荣誉库备份.sqlite"]
    assert [b.reason for b in backups.automatic_backups(office / "roll.sqlite")] == ["daily"]
    assert label.text().startswith("Last backup: ")
    assert str(written) in window.statusBar().currentMessage()
