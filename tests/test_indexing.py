"""The search index's building blocks: tokens, the contentless index kept exact, bulk rebuilds."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from honours.core import Honour, Honouree
from honours.core.indexing import grams, normalise, query_tokens, reindex, reindex_all, reindex_many, runs
from honours.core.records import Deed, Donation


def test_chinese_runs_become_pairs_and_a_last_character():
    assert grams("劳动模范") == "劳动 动模 模范 范"
    assert grams("衡阳市ABC公司，连续18天") == "衡阳 阳市 市 abc 公司 司 连续 续 18 天"
    assert grams("𠮷野") == "𠮷野 野"


def test_query_tokens_find_substrings():
    assert query_tokens("动模") == (["动模"], False)
    assert query_tokens("市") == (["市"], True)  # one character: any pair that starts with it
    assert query_tokens("动模范") == (["动模", "模范"], False)
    assert query_tokens("18天") == (["18", "天"], True)
    assert query_tokens("A股B") == (["a", "股", "b"], False)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("劳动模范市ABc1２，。 \u3000ｆ①\u0301é"), max_size=30))
def test_runs_equal_splitting_the_nfkc_text(text):
    """The fast path (normalise only runs that need it) gives what normalising everything gives."""
    whole = unicodedata.normalize("NFKC", text)
    assert runs(text) == runs(whole)
    assert normalise(text) == normalise(whole)


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
    assert registry.conn.execute(
        "SELECT count(*) FROM honouree_search_source WHERE id = ?", (honouree.id,)).fetchone()[0] == 0


def test_pages_in_column_order_continue_and_jump(registry):
    """Sequential pages continue after the last row (keyset); a jump still lands right."""
    registry.add_many([Honouree(name=f"测试{i % 7}", unit=f"单位{i % 3}",
                                donations=[] if i % 2 else [Donation(amount_fen=(i % 5) * 100)])
                       for i in range(1, 61)])
    for order, descending in [("name", False), ("donation", True), ("unit", False)]:
        whole = registry.search("", order=order, descending=descending).ids(0, 100)
        result = registry.search("", order=order, descending=descending)
        pages = [result.ids(offset, 7) for offset in range(0, 60, 7)]
        assert [i for page in pages for i in page] == whole
        assert registry.search("", order=order, descending=descending).ids(21, 7) == whole[21:28]
        assert result.ids(14, 7) == whole[14:21]  # back to an earlier page
