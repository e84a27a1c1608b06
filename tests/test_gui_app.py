"""The app's entry points: which registry opens, first start, and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from honours import app
from honours.core import DatabaseFileError, NotARegistryError
from honours.gui.settings import open_settings


def test_first_start_creates_the_registry_with_the_default_roll(qtbot, tmp_path):
    path = tmp_path / "fresh" / "honours.sqlite"
    window = app.create_window(path)
    qtbot.addWidget(window)
    assert path.exists()
    assert window.model.total() == 14
    assert window.windowTitle().endswith("honours.sqlite")
    assert open_settings().last_database == str(path.resolve())


def test_the_registry_is_the_environments_else_the_last_one_used(tmp_path, monkeypatch):
    settings = open_settings(tmp_path / "s.ini")
    assert app.default_registry_path(settings) == Path(str(tmp_path / "default.sqlite"))  # $HONOURS_DB
    monkeypatch.delenv("HONOURS_DB")
    last = tmp_path / "last.sqlite"
    last.write_bytes(b"")
    settings.last_database = str(last)
    assert app.default_registry_path(settings) == last
    last.unlink()  # a last database that has gone is not offered again
    assert app.default_registry_path(settings) != last


def test_a_file_that_is_not_a_registry_is_refused_untouched(qtbot, tmp_path):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(DatabaseFileError):
        app.create_window(bogus)
    assert bogus.read_text(encoding="utf-8") == "这不是数据库"


def test_main_explains_a_bad_file_and_stops_when_no_other_is_chosen(qtbot, tmp_path, monkeypatch):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("这不是数据库", encoding="utf-8")
    seen: list[Exception] = []

    def refuse(error, parent):
        seen.append(error)

    monkeypatch.setattr(app, "handle_open_failure", refuse)
    assert app.main(["--db", str(bogus), "--lang", "en"]) == 1
    assert isinstance(seen[0], DatabaseFileError)


def test_the_open_failure_choice_becomes_the_next_file_to_try(tmp_path, monkeypatch):
    from honours.gui import open_failure_dialog as dialog

    error = NotARegistryError(str(tmp_path / "x.sqlite"))
    answers = [
        dialog.OpenChoice(dialog.OpenAction.OPEN_READ_ONLY, tmp_path / "x.sqlite", readonly=True),
        dialog.OpenChoice(dialog.OpenAction.OPEN_OTHER, tmp_path / "other.sqlite"),
        dialog.OpenChoice(dialog.OpenAction.QUIT),
    ]
    monkeypatch.setattr(dialog, "handle_open_failure", lambda err, parent: answers.pop(0))
    assert app.handle_open_failure(error, None) == (tmp_path / "x.sqlite", True)
    assert app.handle_open_failure(error, None) == (tmp_path / "other.sqlite", False)
    assert app.handle_open_failure(error, None) is None


def test_a_read_only_window_shows_the_roll_and_offers_no_editing(qtbot, roll, tmp_path):
    path = roll.path
    roll.close()
    window = app.create_window(path, tmp_path / "s.ini", readonly=True)
    qtbot.addWidget(window)
    assert window.model.total() == 14
    window.select_id(window.model.id_at(0))
    assert not window.actions.edit_honouree.isEnabled()
    assert not window.actions.delete_honourees.isEnabled()
    assert not window.actions.new_honouree.isEnabled()
    assert window.windowTitle().endswith("(read-only)")


def test_an_older_registry_is_upgraded_with_progress_shown(qtbot, tmp_path, monkeypatch):
    import shutil

    shown: list[tuple[int, int]] = []
    original = app.UpgradeProgress.__call__

    def watch(self, done: int, total: int) -> None:
        original(self, done, total)
        shown.append((done, total))
        if done < total:
            assert self.dialog is not None and self.dialog.isVisible()

    monkeypatch.setattr(app.UpgradeProgress, "__call__", watch)
    old = tmp_path / "old.sqlite"
    shutil.copy(Path(__file__).parent / "fixtures" / "registry-v1.sqlite", old)
    window = app.create_window(old, tmp_path / "s.ini")
    qtbot.addWidget(window)
    assert shown and shown[-1][0] == shown[-1][1]  # it reached the end
    assert window.model.total() > 0


def test_upgrade_progress_appears_only_for_real_work(qtbot):
    progress = app.UpgradeProgress()
    progress(0, 0)
    assert progress.dialog is None
    progress(10, 40)
    assert progress.dialog.value() == 10 and progress.dialog.isVisible()
    progress(40, 40)
    assert not progress.dialog.isVisible()
