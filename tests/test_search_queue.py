"""Very large imports queue their search rows, written after the import commits.

The threshold is lowered here so that a handful of records count as "very large"; the
real one (20,000) is what makes a 100,000-row import finish without its ~12 s of index
writing. What must hold: the import itself is whole (records, roll order, history);
queued records are found by a search as soon as their step commits and not before, and
an index built from the queue is exactly the one an ordinary import builds.
"""

from __future__ import annotations

import pytest

from honours.core import Honour, Honouree, Registry, import_verbs
from honours.core.records import Deed, Donation
from honours.core.registry import ImportItem
from honours.core.sqlite import indexing

pytestmark = pytest.mark.sqlite_only  # the SQLite search-index queue

NAMES = ["欧阳明远", "司马秋菊", "诸葛建华", "上官晓燕", "令狐春生", "皇甫玉兰", "东方志强"]


def _people() -> list[Honouree]:
    return [
        Honouree(
            name=name,
            unit=f"衡阳市第{i + 1}人民医院",
            position="护士长",
            honours=[Honour("湖南省劳动模范", "provincial", year=2020 + i % 3)],
            deeds=[Deed(text=f"{name}坚守抗疫一线{i + 10}天")],
            donations=[Donation(amount_fen=100_000 * (i + 1), item="口罩", quantity=1000)],
        )
        for i, name in enumerate(NAMES)
    ]


def _state(reg: Registry) -> tuple:
    """What indexing writes (source rows, derived columns) and what searches find."""
    conn = reg.conn
    sources = conn.execute("SELECT * FROM honouree_search_source ORDER BY id").fetchall()
    derived = conn.execute(
        "SELECT id, sort_key, level_rank, donation_total_fen, honours_text,"
        " primary_photo_id FROM honouree ORDER BY id"
    ).fetchall()
    queries = ["欧阳", "护士长", "抗疫一线", "oymy", "shangguan", "口罩", "省劳动模范", "year:2021 医院"]
    return sources, derived, {q: reg.search(q).all_ids() for q in queries}


@pytest.fixture
def queued_import(tmp_path, monkeypatch):
    """A registry after an import large enough (threshold lowered) to queue its search rows."""
    monkeypatch.setattr(import_verbs, "QUEUE_INDEX_FROM", 3)
    reg = Registry.open(tmp_path / "queued.sqlite")
    outcome = reg.apply_import([ImportItem(h) for h in _people()])
    yield reg, outcome
    reg.close()


def _ordinary_import(tmp_path, monkeypatch) -> Registry:
    monkeypatch.setattr(import_verbs, "QUEUE_INDEX_FROM", 10**9)
    reg = Registry.open(tmp_path / "ordinary.sqlite")
    outcome = reg.apply_import([ImportItem(h) for h in _people()])
    assert not outcome.queued
    return reg


def test_a_large_import_is_stored_whole_and_queued_for_its_search_rows(queued_import):
    reg, outcome = queued_import
    assert outcome.queued and len(outcome.added) == len(NAMES)
    assert reg.queued_for_index() == len(NAMES)
    # The roll lists them at once, in pinyin name order, with their derived columns.
    from honours.core.pinyin import sort_key

    listed = [reg.honouree(i).name for i in reg.search("").all_ids()]
    assert listed == sorted(NAMES, key=sort_key)
    assert reg.search("donation>=5000").count() == 3  # the totals are there too
    assert reg.search("level:provincial").count() == len(NAMES)
    # Text searches do not find them until their search rows are written (an exact full
    # name does: that tier reads the records themselves).
    assert reg.search("明远").all_ids() == [] and reg.search("抗疫一线").count() == 0
    assert reg.search("欧阳明远").all_ids() == [1]
    assert reg.history(outcome.added[0])[0].action == "create"


def test_the_index_written_from_the_queue_is_the_one_an_ordinary_import_writes(
    queued_import, tmp_path, monkeypatch
):
    reg, _ = queued_import
    announced = []
    reg.subscribe(announced.append)
    progress: list[tuple[int, int]] = []
    assert reg.index_queued(lambda done, total: progress.append((done, total))) == len(NAMES)
    assert reg.queued_for_index() == 0
    assert progress[-1] == (len(NAMES), len(NAMES))
    assert [c.kind for c in announced] == ["indexed"]
    ordinary = _ordinary_import(tmp_path, monkeypatch)
    assert _state(reg) == _state(ordinary)
    assert reg.search("欧阳明远").all_ids() == [1]
    config = dict(reg.conn.execute("SELECT k, v FROM honouree_fts_config").fetchall())
    assert config.get("automerge", 4) == 4 and config.get("hashsize", 1024 * 1024) == 1024 * 1024
    assert reg.conn.execute("SELECT count(DISTINCT segid) FROM honouree_fts_idx").fetchone()[0] == 1
    assert reg.index_queued() == 0 and [c.kind for c in announced] == ["indexed"]  # nothing left to do
    ordinary.close()


def test_steps_commit_one_by_one_and_a_stop_leaves_the_rest_queued(queued_import, monkeypatch):
    reg, _ = queued_import
    monkeypatch.setattr(indexing, "QUEUE_STEP", 2)
    steps: list[int] = []
    indexed = reg.index_queued(lambda done, total: steps.append(done), should_stop=lambda: len(steps) >= 2)
    assert indexed == 4 and steps == [2, 4]
    assert reg.queued_for_index() == len(NAMES) - 4
    assert [reg.honouree(i).name for i in reg.search("医院").all_ids()] == NAMES[:4]
    assert reg.index_queued() == len(NAMES) - 4
    assert len(reg.search("医院").all_ids()) == len(NAMES)


def test_a_step_that_fails_is_rolled_back_and_stays_queued(queued_import, monkeypatch):
    reg, _ = queued_import
    monkeypatch.setattr(indexing, "QUEUE_STEP", 3)
    monkeypatch.setattr(indexing, "BATCH", 3)
    real_write, calls = indexing._write, []

    def failing_write(conn, encoded):
        calls.append(encoded.count)
        if len(calls) == 2:
            raise OSError("disk full")
        real_write(conn, encoded)

    monkeypatch.setattr(indexing, "_write", failing_write)
    with pytest.raises(OSError):
        reg.index_queued()
    assert not reg.conn.in_transaction
    assert reg.queued_for_index() == len(NAMES) - 3  # the first step stays done
    assert len(reg.search("医院").all_ids()) == 3
    monkeypatch.setattr(indexing, "_write", real_write)
    assert reg.index_queued() == len(NAMES) - 3
    assert len(reg.search("医院").all_ids()) == len(NAMES)


def test_editing_or_trashing_a_queued_record_takes_it_off_the_queue(queued_import, tmp_path):
    reg, outcome = queued_import
    first, second = outcome.added[:2]
    reg.edit(first, {"position": "主任医师"})
    reg.delete(second)
    assert reg.queued_for_index() == len(NAMES) - 2
    assert reg.search("主任医师").all_ids() == [first]
    reg.index_queued()
    assert second not in reg.search("医院").all_ids()
    reg.restore(second)
    assert second in reg.search("司马秋菊").all_ids()
    assert reg.search("主任医师").all_ids() == [first] and reg.search("欧阳明远").count() == 1


def test_worker_processes_write_the_queue_as_this_process_does(queued_import, tmp_path, monkeypatch):
    reg, _ = queued_import
    monkeypatch.setattr(indexing, "PARALLEL_MIN", 0)
    monkeypatch.setattr(indexing, "BATCH", 2)
    monkeypatch.setattr(indexing, "QUEUE_STEP", 2)  # four steps, four segments, merged into one
    assert reg.index_queued() == len(NAMES)
    assert reg.conn.execute("SELECT count(DISTINCT segid) FROM honouree_fts_idx").fetchone()[0] == 1
    ordinary = _ordinary_import(tmp_path, monkeypatch)
    assert _state(reg) == _state(ordinary)
    ordinary.close()


def test_a_queue_left_behind_is_there_when_the_file_is_opened_again(queued_import):
    reg, _ = queued_import
    path = reg.path
    reg.close()
    again = Registry.open(path)
    try:
        assert again.queued_for_index() == len(NAMES)
        again.index_queued()
        assert again.search("上官晓燕").count() == 1
    finally:
        again.close()


def test_a_rebuild_of_the_whole_index_empties_the_queue(queued_import):
    reg, _ = queued_import
    with reg.atomic():
        indexing.reindex_all(reg.conn)
    assert reg.queued_for_index() == 0
    assert reg.search("东方志强").count() == 1


def test_import_progress_runs_forward_to_the_end_when_queued(tmp_path, monkeypatch):
    monkeypatch.setattr(import_verbs, "QUEUE_INDEX_FROM", 3)
    reg = Registry.open(tmp_path / "progress.sqlite")
    marks: list[tuple[int, int]] = []
    people = [Honouree(name=f"测试{i:03d}", unit="衡阳市总工会") for i in range(450)]
    reg.apply_import(
        [ImportItem(h) for h in people], progress=lambda done, total: marks.append((done, total))
    )
    assert marks[-1][0] == marks[-1][1]
    assert [done / total for done, total in marks] == sorted(done / total for done, total in marks)
    assert reg.queued_for_index() == 450
    reg.close()


def test_updates_in_a_large_import_leave_the_index_and_come_back_with_their_new_text(queued_import):
    reg, _ = queued_import
    reg.index_queued()
    changed = []
    for h in _people():
        h.id = reg.same_name_and_unit(h.name, h.unit)[0]
        h.version = reg.honouree(h.id).version
        h.position = "主任医师"  # was 护士长
        changed.append(ImportItem(h))
    outcome = reg.apply_import([], changed)
    assert outcome.queued and sorted(outcome.updated) == list(range(1, len(NAMES) + 1))
    assert reg.search("护士长").count() == 0 and reg.search("主任医师").count() == 0
    assert reg.index_queued() == len(NAMES)
    assert reg.search("护士长").count() == 0 and reg.search("主任医师").count() == len(NAMES)
    from honours.core.sqlite.check import check

    assert check(reg) == []


def _odd_items() -> list[ImportItem]:
    """The default roll, a record with every unusual value, and one with photos."""
    from honours.core.photos import NewPhoto, prepare_photo
    from honours.core.seed import load_default_roll
    from tests.test_spreadsheet_import import photo_bytes

    odd = Honouree(
        name=" 欧阳 ",
        unit="单位\n二行",
        category="donor",
        status="deceased",
        honours=[
            Honour(title=" 全国劳动模范 ", level="national", year=2020, posthumous=True),
            Honour(title="先进个人", level="county"),
        ],
        donations=[Donation(amount_fen=12345), Donation(item="口罩", quantity=3, quantity_unit="箱")],
    )
    photo = prepare_photo(photo_bytes(), "甲.jpg")
    return (
        [ImportItem(h) for h in load_default_roll()]
        + [ImportItem(odd)]
        + [ImportItem(Honouree(name="有照片"), [NewPhoto(photo), NewPhoto(photo, primary=True)])]
    )


def test_derived_columns_are_right_when_a_queued_import_commits(tmp_path, monkeypatch):
    """Written with the rows (not read back), they equal what indexing computes."""

    def derived(reg: Registry) -> list[tuple]:
        return reg.conn.execute(
            "SELECT id, sort_key, level_rank, donation_total_fen, honours_text,"
            " primary_photo_id FROM honouree ORDER BY id"
        ).fetchall()

    monkeypatch.setattr(import_verbs, "QUEUE_INDEX_FROM", 2)
    queued = Registry.open(tmp_path / "queued.sqlite")
    assert queued.apply_import(_odd_items()).queued
    monkeypatch.setattr(import_verbs, "QUEUE_INDEX_FROM", 10**9)
    ordinary = Registry.open(tmp_path / "ordinary.sqlite")
    assert not ordinary.apply_import(_odd_items()).queued
    assert derived(queued) == derived(ordinary)
    assert derived(queued)[-1][-1] is not None  # the primary photo
    queued.index_queued()
    assert derived(queued) == derived(ordinary) and _state(queued)[0] == _state(ordinary)[0]
    queued.close()
    ordinary.close()


def test_sort_keys_computed_ahead_by_workers_or_here_are_the_same(monkeypatch):
    from contextlib import contextmanager

    from honours.core.pinyin import sort_key
    from tests.test_indexing import _DeadPool

    chunks = [NAMES[:3], NAMES[3:], ["单于", "Smith"]]
    expected = [[sort_key(name) for name in chunk] for chunk in chunks]
    assert list(indexing.sort_keys_ahead(chunks)) == expected  # few names: computed here
    monkeypatch.setattr(indexing, "PARALLEL_MIN", 0)
    assert list(indexing.sort_keys_ahead(chunks)) == expected  # by worker processes

    @contextmanager
    def dead_workers(total):
        yield _DeadPool()

    monkeypatch.setattr(indexing, "_workers", dead_workers)
    assert list(indexing.sort_keys_ahead(chunks)) == expected  # workers that died: computed here
    ahead = indexing.sort_keys_ahead(chunks)
    assert next(ahead) == expected[0]
    ahead.close()  # an import that fails half-way stops asking
