"""The throwaway PostgreSQL server the shared-registry tests run against is what they assume:
UTF-8 under a locale whose character classes know Chinese, pg_trgm available, one database each."""

from __future__ import annotations

import psycopg


def test_each_test_gets_its_own_utf8_database_with_a_chinese_aware_locale(pg_server, pg_url):
    with psycopg.connect(pg_url) as conn:
        encoding, collate, ctype = conn.execute(
            "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database"
            " WHERE datname = current_database()"
        ).fetchone()
        assert (encoding, collate, ctype) == ("UTF8", "C.UTF-8", "C.UTF-8")
        conn.execute("CREATE TABLE t (x text)")
        conn.execute("INSERT INTO t VALUES ('衡阳市劳动模范')")
    other = pg_server.new_database()
    assert other != pg_url
    with psycopg.connect(other) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE tablename = 't'").fetchone()[0] == 0


def test_pg_trgm_sees_chinese_under_this_locale(pg_url):
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        trigrams = conn.execute("SELECT show_trgm('劳动模范')").fetchone()[0]
        assert trigrams, "under the C locale pg_trgm would see no Chinese at all"
        assert conn.execute("SELECT similarity('衡阳市劳动模范', '湖南省劳动模范') > 0").fetchone()[0]
