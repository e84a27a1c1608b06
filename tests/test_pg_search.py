"""Search on the shared registry means what it means in a file: the same roll, the same queries,
the same ids in the same order, the same counts and facets (a real PostgreSQL server, the
throwaway one of tests/pg_server.py, against the real SQLite backend)."""

from __future__ import annotations

import psycopg
import pytest

from benchmarks.generator import RollGenerator, build_roll
from benchmarks.pg_roll import load_roll
from benchmarks.queries import query_sets
from honours.core import Registry
from honours.core.postgres.indexing import TokenizerMismatchError, index_honourees, vectors
from honours.core.postgres.search import ServerSearchResult, facets
from honours.core.sqlite.indexing import FTS_COLUMNS

SIZE = 2500


@pytest.fixture(scope="module")
def rolls(tmp_path_factory, pg_server):
    """The same generated roll in a registry file and on the server."""
    path = tmp_path_factory.mktemp("pgsearch") / "roll.sqlite"
    build_roll(path, SIZE, seed=11)
    url = pg_server.new_database("pgsearch")
    load_roll(path, url)
    registry = Registry.open(path)
    conn = psycopg.connect(url, autocommit=True)
    yield registry, conn, url
    conn.close()
    registry.close()


def _queries() -> list[str]:
    records = list(RollGenerator(11).roll(SIZE))
    sets = query_sets(records)
    picked = [q for qs in sets.values() for q in qs]
    some = records[SIZE // 5]
    return [
        *picked,
        "",
        "市",
        "院",
        "一",
        "王",
        "李",
        "张伟",
        some.name,
        some.name[:1] + " " + some.name[1:2],
        some.unit[:2],
        some.unit,
        "wang",
        "w",
        "zhang",
        "zw",
        "li",
        "yiyuan",
        "zhongxin",
        "name:王",
        "name:wang",
        "unit:医院",
        "unit:yiyuan",
        "position:主任",
        "region:衡阳,耒阳",
        "honour:劳动模范",
        "deed:抗疫",
        "item:口罩",
        "level:national",
        "level:national,provincial",
        "级别:省级",
        "status:retired",
        "status:deceased",
        "category:collective",
        "posthumous:yes",
        "posthumous:no 医院",
        "year:2020",
        "year:2019,2021",
        "year>=2022",
        "year:2010..2015 level:provincial",
        "donation>=100000",
        "donation:1万..5万",
        "医院 level:provincial",
        "王 医院",
        "医院 王",
        "劳动 模范",
        "湖南 五一",
        "wang 医院",
        "市 year:2020 status:active",
        '"人民医院"',
        "国家级",
        "退休",
        "追授",
        "2020",
        "100",
        "耒阳市",
        "衡阳市中心医院",
        "火星",
        "year:abc",
        "（医院）",
        "医院！",
    ]


QUERIES = _queries()
ORDERS = [None, "name", "unit", "level", "year", "donation", "region", "status", "id", "updated"]


def test_first_pages_equal_the_file_backends_on_every_query(rolls):
    registry, conn, _ = rolls
    differ, sizes = [], []
    for query in QUERIES:
        lite, server = registry.search(query), ServerSearchResult(conn, query)
        first = lite.ids(0, 200), server.ids(0, 200)
        second = lite.ids(200, 200), server.ids(200, 200)
        if first[0] != first[1] or second[0] != second[1] or lite.count() != server.count():
            differ.append((query, len(first[0]), len(first[1]), lite.count(), server.count()))
        sizes.append(lite.count())
    assert not differ, differ
    assert len(QUERIES) > 80
    # not vacuous: most queries find people, many more than a page, some nobody
    assert sum(n > 0 for n in sizes) > 70 and sum(n > 400 for n in sizes) > 15 and 0 in sizes


def test_whole_results_are_equal_on_short_queries_and_filters(rolls):
    registry, conn, _ = rolls
    for query in ("市", "王", "医院", "wang", "w", "level:provincial", "year:2019..2021 医", "name:王"):
        assert ServerSearchResult(conn, query).all_ids() == registry.search(query).all_ids(), query


@pytest.mark.parametrize("order", ORDERS)
def test_column_orders_and_keyset_pages_are_equal(rolls, order):
    registry, conn, _ = rolls
    for query in ("", "医院", "level:provincial", "wang"):
        for descending in (False, True):
            lite = registry.search(query, order, descending)
            server = ServerSearchResult(conn, query, order, descending)
            pages = [(lite.ids(o, 150), server.ids(o, 150)) for o in (0, 150, 300)]
            jump = (lite.ids(900, 50), server.ids(900, 50))
            assert all(a == b for a, b in pages), (query, order, descending)
            assert jump[0] == jump[1], (query, order, descending)


def test_counts_capped_and_exact_and_contains(rolls):
    registry, conn, _ = rolls
    common = ServerSearchResult(conn, "市")
    assert common.count_capped(100) == (100, False)
    assert common.count() == registry.search("市").count() > 100
    assert common.count_capped(100) == (100, False)  # the exact count known: still "100+" at 100
    rare = ServerSearchResult(conn, "火星基地")
    assert rare.count_capped() == (0, True)
    few = ServerSearchResult(conn, "level:national 医院")
    n = registry.search("level:national 医院").count()
    assert few.count_capped(n) == (n, True)
    assert few.count_capped(n - 1) == (n - 1, False)
    for query in ("医院", "level:provincial", "", "wang"):
        lite, server = registry.search(query), ServerSearchResult(conn, query)
        inside = lite.ids(0, 3)
        assert inside and all(server.contains(i) for i in inside)
        outside = [i for i in range(1, 60) if not lite.contains(i)][:3]
        assert not any(server.contains(i) for i in outside), query


def test_facets_are_equal(rolls):
    registry, conn, _ = rolls
    for query in ("", "医院", "level:provincial", "级别:国家级,省级 医院", "year:2020 region:耒阳", "wang"):
        assert facets(conn, query) == registry.facets(query), query


def test_user_text_is_never_tsquery_syntax(rolls):
    registry, conn, _ = rolls
    for query in ("'", "a'b", "\\", "a & b", "!王", "王:*", "x | y", "<->", "'; DROP TABLE honouree; --"):
        server = ServerSearchResult(conn, query)
        assert server.ids() == registry.search(query).ids(), query
    assert conn.execute("SELECT count(*) FROM honouree").fetchone()[0] == SIZE


def test_a_changed_or_trashed_record_is_reindexed_in_the_callers_transaction(pg_url):
    load_roll_empty(pg_url)
    with psycopg.connect(pg_url) as conn:
        hid = conn.execute(
            "INSERT INTO honouree (name, unit, region, created_at, updated_at)"
            " VALUES ('宋英杰', '耒阳市人民医院', '耒阳市', '', '') RETURNING id"
        ).fetchone()[0]
        with conn.cursor() as cur:
            index_honourees(cur, [hid])
        assert ServerSearchResult(conn, "syj").ids() == [hid]
        assert ServerSearchResult(conn, "英").ids() == [hid]
        assert ServerSearchResult(conn, "unit:人民").ids() == [hid]
        sort_key = conn.execute("SELECT sort_key FROM honouree WHERE id = %s", (hid,)).fetchone()[0]
        assert sort_key.startswith("song")
        conn.execute("UPDATE honouree SET name = '李四' WHERE id = %s", (hid,))
        with conn.cursor() as cur:
            index_honourees(cur, [hid])
        assert ServerSearchResult(conn, "syj").ids() == []
        assert ServerSearchResult(conn, "李四").ids() == [hid]
        conn.rollback()  # the caller's transaction decides: nothing of it stays
        assert ServerSearchResult(conn, "李四").ids() == []
        hid = conn.execute(
            "INSERT INTO honouree (name, created_at, updated_at) VALUES ('王五', '', '') RETURNING id"
        ).fetchone()[0]
        with conn.cursor() as cur:
            index_honourees(cur, [hid])
        conn.execute("UPDATE honouree SET deleted_at = 'now' WHERE id = %s", (hid,))
        with conn.cursor() as cur:
            index_honourees(cur, [hid])
        assert ServerSearchResult(conn, "王五").ids() == []
        assert conn.execute("SELECT count(*) FROM honouree_search").fetchone()[0] == 0
        conn.commit()


def test_another_tokenizer_is_refused_in_both_languages(pg_url):
    load_roll_empty(pg_url)
    with psycopg.connect(pg_url) as conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'tokenizer_version'")
        hid = conn.execute(
            "INSERT INTO honouree (name, created_at, updated_at) VALUES ('王五', '', '') RETURNING id"
        ).fetchone()[0]
        with conn.cursor() as cur, pytest.raises(TokenizerMismatchError) as raised:
            index_honourees(cur, [hid])
        assert "tokenizer" in raised.value.message("en") and "分词" in raised.value.message("zh")


def test_vectors_keep_columns_apart_and_quote_lexemes():
    row = dict.fromkeys(FTS_COLUMNS, "")
    row |= {"name": "宋英 英杰 杰", "pinyin": "s so song", "unit": "o'k", "deeds": "劳动 动 a\\b"}
    tokens, mains, names, fields = vectors([row[c] for c in FTS_COLUMNS])
    assert "'宋英':1 " in mains and "'~nsong'" in mains and "劳动" not in mains
    assert "'宋英':1A" in tokens and "'~nsong'" in tokens and "'o''k':5B" in tokens
    assert "'~^':1" in names and "'宋英':2" in names and "'杰':4" in names
    assert "'o''k':1A" in fields and "'a\\\\b'" in tokens


def load_roll_empty(url: str) -> None:
    from honours.core.postgres.server import init_server

    init_server(url)


def test_same_name_and_unit_and_common_values_are_the_files(rolls):
    from honours.core.fields import COMPLETED_FIELDS
    from honours.core.postgres.search import common_values, same_name_and_unit

    registry, conn, _ = rolls
    assert COMPLETED_FIELDS
    for column in COMPLETED_FIELDS:
        assert common_values(conn, column, 50) == registry.common_values(column, 50), column
    with pytest.raises(ValueError):
        common_values(conn, "name; DROP TABLE honouree")
    some = registry.honouree(registry.search("").ids(0, 1)[0])
    found = same_name_and_unit(conn, some.name, some.unit)
    assert some.id in found and found == registry.same_name_and_unit(some.name, some.unit)
    assert same_name_and_unit(conn, some.name, some.unit, some.id) == registry.same_name_and_unit(
        some.name, some.unit, some.id
    )


@pytest.mark.parametrize(("sample", "lookup_cost"), [(8, 0), (8, 10**9), (10**6, 1)])
def test_walking_or_looking_up_a_tier_gives_the_same_pages(rolls, monkeypatch, sample, lookup_cost):
    """Whether a tier is walked in id order or looked up in the GIN index (chosen from a
    sample) changes only the speed: forced either way, pages are the file's."""
    from honours.core.postgres import search

    monkeypatch.setattr(search, "SAMPLE", sample)
    monkeypatch.setattr(search, "LOOKUP_COST", lookup_cost)
    registry, conn, _ = rolls
    for query in ("市", "医院", "劳动模范", "wang", "火星", "王 医院", "level:provincial 医", "抗疫"):
        lite, server = registry.search(query), ServerSearchResult(conn, query)
        assert [server.ids(o, 100) for o in (0, 100, 200)] == [lite.ids(o, 100) for o in (0, 100, 200)], query
        n = lite.count()
        assert ServerSearchResult(conn, query).count_capped(150) == (min(n, 150), n <= 150), query


def test_an_office_indexes_its_own_people_and_searches_everyone(pg_url):
    """The app connects as an office (row-level security applies): it writes the search rows
    of its region's people in its own saves, and finds every region's."""
    from urllib.parse import urlsplit, urlunsplit

    from honours.core.postgres.server import add_office, init_server

    init_server(pg_url)
    add_office(pg_url, "耒阳市总工会", ["耒阳市"], login="leiyang_s")
    with psycopg.connect(pg_url) as admin:
        other = admin.execute(
            "INSERT INTO honouree (name, region, created_at, updated_at) VALUES ('王南岳', '南岳区', '', '')"
            " RETURNING id"
        ).fetchone()[0]
        with admin.cursor() as cur:
            index_honourees(cur, [other])
    parts = urlsplit(pg_url)
    office_url = urlunsplit(parts._replace(netloc=f"leiyang_s@{parts.hostname}:{parts.port}"))
    with psycopg.connect(office_url) as conn:
        own = conn.execute(
            "INSERT INTO honouree (name, region, created_at, updated_at) VALUES ('王耒阳', '耒阳市', '', '')"
            " RETURNING id"
        ).fetchone()[0]
        with conn.cursor() as cur:
            index_honourees(cur, [own])
        conn.commit()
        assert ServerSearchResult(conn, "王").ids() == [other, own]
        assert ServerSearchResult(conn, "wang region:耒阳").ids() == [own]
        assert facets(conn, "王")["region"] == [("南岳区", 1), ("耒阳市", 1)]
