"""The command line finishes the search rows a very large import queued (threshold lowered here)."""

from __future__ import annotations

import pytest

from honours.cli import main
from honours.core import Honouree, Registry, import_verbs
from honours.core.registry import ImportItem
from tests.test_cli_io import ROWS, sheet


@pytest.fixture
def small_threshold(monkeypatch):
    monkeypatch.setattr(import_verbs, "QUEUE_INDEX_FROM", 2)
    monkeypatch.setenv("HONOURS_LANG", "zh")


def test_import_writes_the_queued_search_rows_before_it_returns(
    tmp_path, small_threshold, monkeypatch, capsys
):
    db = tmp_path / "cli.sqlite"
    monkeypatch.setenv("HONOURS_DB", str(db))
    path = sheet(tmp_path / "roll.xlsx", [ROWS[0], ROWS[1], ROWS[3]])
    assert main(["import", str(path)]) == 0
    err = capsys.readouterr().err
    assert "正在为新导入的 2 人建立搜索索引" in err and "搜索索引已建好" in err
    registry = Registry.open(db)
    assert registry.queued_for_index() == 0 and registry.search("丙").count() == 1
    registry.close()


def test_any_command_finishes_a_queue_left_behind(tmp_path, small_threshold, monkeypatch, capsys):
    db = tmp_path / "left.sqlite"
    registry = Registry.open(db)
    assert registry.apply_import(
        [ImportItem(Honouree(name=n, unit="衡阳市总工会")) for n in ("赵甲", "钱乙")]
    ).queued
    registry.close()
    monkeypatch.setenv("HONOURS_DB", str(db))
    assert main(["search", "总工会"]) == 0
    captured = capsys.readouterr()
    assert "搜索索引已建好" in captured.err and "赵甲" in captured.out and "钱乙" in captured.out


def test_an_interrupted_queue_says_what_stays_queued(tmp_path, small_threshold, monkeypatch, capsys):
    db = tmp_path / "stop.sqlite"
    registry = Registry.open(db)
    registry.apply_import([ImportItem(Honouree(name=n)) for n in ("孙丙", "李丁", "周戊")])
    registry.close()

    def interrupted(self, progress=None, should_stop=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(Registry, "index_queued", interrupted)
    monkeypatch.setenv("HONOURS_DB", str(db))
    assert main(["search", "孙"]) == 130
    assert "其余 3 人仍在队列中" in capsys.readouterr().err


def test_a_queue_another_program_is_writing_does_not_stop_a_search(
    tmp_path, small_threshold, monkeypatch, capsys
):
    from honours.core.errors import DatabaseLockedError

    db = tmp_path / "busy.sqlite"
    registry = Registry.open(db)
    registry.add(Honouree(name="吴己", unit="衡阳市总工会"))
    registry.apply_import([ImportItem(Honouree(name=n)) for n in ("郑庚", "王辛")])
    registry.close()

    def busy(self, progress=None, should_stop=None):
        raise DatabaseLockedError(str(db))

    monkeypatch.setattr(Registry, "index_queued", busy)
    monkeypatch.setenv("HONOURS_DB", str(db))
    assert main(["search", "总工会"]) == 0
    captured = capsys.readouterr()
    assert "吴己" in captured.out and "2 人仍在队列中" in captured.err
