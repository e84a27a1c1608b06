"""The search index's building blocks: tokens, the contentless index kept exact, bulk rebuilds."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from honours.core import Honour, Honouree
from honours.core.records import Deed, Donation
from honours.core.sqlite.indexing import reindex, reindex_all, reindex_many
from honours.core.tokens import _grams_of_runs, grams, normalise, query_tokens, runs

pytestmark = pytest.mark.sqlite_only  # the SQLite FTS5 search index and its derived columns


def test_chinese_runs_become_pairs_and_a_last_character():
    assert grams("劳动模范") == "劳动 动模 模范 范"
    assert grams("衡阳市ABC公司，连续18天") == "衡阳 阳市 市 abc 公司 司 连续 续 18 天"
    assert grams("𠮷野") == "𠮷野 野"


def test_query_tokens_find_substrings():
    assert query_tokens("动模") == (["动模"], False)
    assert query_tokens("市") == (["市"], True)  # one character: any pair that starts with it
    assert query_tokens("动模范") == (["动模", "模范"], False)
    assert query_tokens("18天") == (["18", "天"], True)
    assert query_tokens("A股B") == (["a", "股", "b"], True)  # ends in a word after Chinese: its prefix
    assert query_tokens("测试1") == (["测试", "试", "1"], True)
    assert query_tokens("abc") == (["abc"], False)  # ASCII alone: whole words (pinyin takes prefixes)


def test_a_query_ending_in_part_of_a_number_finds_the_whole_number(registry):
    for name in ("测试1000", "测试1203", "测试2000"):
        registry.add(Honouree(name=name, unit="一号楼3层"))
    assert [registry.honouree(i).name for i in registry.search("测试1").all_ids()] == ["测试1000", "测试1203"]
    assert registry.search("测试12").count() == 1 and registry.search("试2").count() == 1
    assert registry.search("号楼3").count() == 3 and registry.search("号楼4").count() == 0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("劳动模范市ABc1２，。 \u3000ｆ①\u0301é"), max_size=30))
def test_runs_equal_splitting_the_nfkc_text(text):
    """The fast path (normalise only runs that need it) gives what normalising everything gives."""
    whole = unicodedata.normalize("NFKC", text)
    assert runs(text) == runs(whole)
    assert normalise(text) == normalise(whole)


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            "劳动模范市衡阳ABcz19２，。、…—“”（）﹐ \u3000\u00a0\u200bｆＡ①⑴\u0301é\u1100\u1161가ΣΩ𠮷\t\n.-%"
        ),
        max_size=40,
    )
)
def test_the_one_expression_tokens_equal_the_tokens_of_runs(text):
    """grams' fast path (one regular expression over text that needs no NFKC) gives exactly
    the tokens of the slow path, which an index built before it was added also holds:
    a different token would leave a row that can never be deleted from the index."""
    assert grams(text) == _grams_of_runs(runs(text))


def test_deeds_as_staff_write_them_take_the_fast_path_with_the_same_tokens():
    deed = "2020年1月，向衡阳市红十字会捐赠口罩1万只、防护服500套（价值约10万元）——“抗疫先锋”。ICU护士长"
    assert grams(deed) == _grams_of_runs(runs(deed))
    assert "icu" in grams(deed).split() and "护士" in grams(deed).split()


def test_an_edit_takes_the_old_words_out_of_the_index(registry):
    honouree = registry.add(Honouree(name="甲", unit="旧单位", deeds=[Deed("抗洪抢险")]))
    honouree.unit = "新单位"
    honouree.deeds = [Deed("修桥补路")]
    registry.update(honouree)
    assert registry.search("旧单位").count() == 0 and registry.search("抗洪").count() == 0
    assert registry.search("新单位").ids() == [honouree.id] == registry.search("修桥").ids()
    registry.delete(honouree.id)
    assert registry.search("新单位").count() == 0
    registry.restore(honouree.id)
    assert registry.search("新单位").ids() == [honouree.id]


def test_reindex_many_and_reindex_all_match_reindex_one_by_one(roll):
    queries = ["五一", "劳动模范", "syj", "市", "xiangyou", "level:provincial 医院"]
    ids = roll.search("").all_ids()
    before = {q: roll.search(q).all_ids() for q in queries}
    with roll.atomic():
        reindex_many(roll.conn, ids)
    assert {q: roll.search(q).all_ids() for q in queries} == before
    progress = []
    with roll.atomic():
        reindex_all(roll.conn, lambda done, total: progress.append((done, total)))
    assert {q: roll.search(q).all_ids() for q in queries} == before
    assert progress[-1] == (len(ids), len(ids))
    with roll.atomic():
        for honouree_id in ids:
            reindex(roll.conn, honouree_id)
    assert {q: roll.search(q).all_ids() for q in queries} == before


def test_bulk_settings_are_put_back_after_a_rebuild(roll):
    with roll.atomic():
        reindex_all(roll.conn)
    config = dict(roll.conn.execute("SELECT k, v FROM honouree_fts_config").fetchall())
    assert config.get("automerge", 4) == 4
    assert config.get("hashsize", 1024 * 1024) == 1024 * 1024


def test_trash_and_honours_feed_the_derived_columns(registry):
    honouree = registry.add(Honouree(name="乙", honours=[Honour("湖南省劳动模范", "provincial", 2019)]))
    assert registry.summaries([honouree.id])[0].highest_level == "provincial"
    registry.delete(honouree.id)
    assert (
        registry.conn.execute(
            "SELECT count(*) FROM honouree_search_source WHERE id = ?", (honouree.id,)
        ).fetchone()[0]
        == 0
    )


def test_pages_in_column_order_continue_and_jump(registry):
    """Sequential pages continue after the last row (keyset); a jump still lands right."""
    registry.add_many(
        [
            Honouree(
                name=f"测试{i % 7}",
                unit=f"单位{i % 3}",
                donations=[] if i % 2 else [Donation(amount_fen=(i % 5) * 100)],
            )
            for i in range(1, 61)
        ]
    )
    for order, descending in [("name", False), ("donation", True), ("unit", False)]:
        whole = registry.search("", order=order, descending=descending).ids(0, 100)
        result = registry.search("", order=order, descending=descending)
        pages = [result.ids(offset, 7) for offset in range(0, 60, 7)]
        assert [i for page in pages for i in page] == whole
        assert registry.search("", order=order, descending=descending).ids(21, 7) == whole[21:28]
        assert result.ids(14, 7) == whole[14:21]  # back to an earlier page


def _index_state(reg) -> tuple:
    """Everything an index build writes: source rows, derived columns, and what searches find."""
    conn = reg.conn
    sources = conn.execute("SELECT * FROM honouree_search_source ORDER BY id").fetchall()
    derived = conn.execute(
        "SELECT id, sort_key, level_rank, donation_total_fen, honours_text,"
        " primary_photo_id FROM honouree ORDER BY id"
    ).fetchall()
    queries = ["五一", "劳动模范", "syj", "市", "xiangyou", "level:provincial 医院", "name:许", "衡阳"]
    return sources, derived, {q: (reg.search(q).all_ids(), reg.search(q).count()) for q in queries}


def test_worker_processes_build_the_same_index_as_this_process(roll, monkeypatch):
    from honours.core.sqlite import indexing

    with roll.atomic():
        reindex_all(roll.conn)
    expected = _index_state(roll)
    ids = roll.search("").all_ids()
    # Every roll is "large" and batches are tiny, so the pipeline of worker processes
    # runs with several batches in flight and the segments are merged at the end.
    monkeypatch.setattr(indexing, "PARALLEL_MIN", 0)
    monkeypatch.setattr(indexing, "BATCH", 3)
    progress: list[tuple[int, int]] = []
    with roll.atomic():
        reindex_all(roll.conn, lambda done, total: progress.append((done, total)))
    assert _index_state(roll) == expected
    assert progress[-1] == (len(ids), len(ids))
    assert [done / total for done, total in progress] == sorted(done / total for done, total in progress)
    segments = roll.conn.execute("SELECT count(DISTINCT segid) FROM honouree_fts_idx").fetchone()[0]
    assert segments == 1
    config = dict(roll.conn.execute("SELECT k, v FROM honouree_fts_config").fetchall())
    assert config.get("automerge", 4) == 4 and config.get("hashsize", 1024 * 1024) == 1024 * 1024
    with roll.atomic():
        reindex_many(roll.conn, ids[::2])
    assert _index_state(roll) == expected


class _DeadPool:
    """An executor whose worker processes have died: every batch comes back broken."""

    def submit(self, fn, *args):
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        future: Future = Future()
        future.set_exception(BrokenProcessPool("a worker process was killed"))
        return future


def test_a_dead_worker_process_costs_speed_not_the_index(roll, monkeypatch):
    from contextlib import contextmanager

    from honours.core.sqlite import indexing

    with roll.atomic():
        reindex_all(roll.conn)
    expected = _index_state(roll)

    @contextmanager
    def dead_workers(total):
        yield _DeadPool()

    monkeypatch.setattr(indexing, "PARALLEL_MIN", 0)
    monkeypatch.setattr(indexing, "BATCH", 4)
    monkeypatch.setattr(indexing, "_workers", dead_workers)
    with roll.atomic():
        reindex_all(roll.conn)
    assert _index_state(roll) == expected
