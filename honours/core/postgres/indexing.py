"""Search rows of the shared registry (a stand-in until the search helper's module lands).

The interface is the one core/postgres/registry.py calls: `index_honourees` rewrites the
search rows of some honourees inside the caller's transaction, `reindex_all` rewrites all.
This stand-in stores each honouree's plain words as a 'simple' tsvector; the search that
reads it (search.py here) matches by substring, so it does not depend on these rows.
"""

from __future__ import annotations

from collections.abc import Iterable

import psycopg

_WRITE = (
    "INSERT INTO honouree_search (honouree_id, tokens, name_tokens)"
    " SELECT id, to_tsvector('simple', name || ' ' || unit || ' ' || position || ' ' || region),"
    " to_tsvector('simple', name) FROM honouree WHERE id = ANY(%s) AND deleted_at IS NULL"
)


def index_honourees(cur: psycopg.Cursor, ids: Iterable[int]) -> None:
    """Rewrite the search rows of `ids` (inside the caller's transaction)."""
    wanted = list(ids)
    if not wanted:
        return
    cur.execute("DELETE FROM honouree_search WHERE honouree_id = ANY(%s)", (wanted,))
    cur.execute(_WRITE, (wanted,))


def reindex_all(conn: psycopg.Connection) -> int:
    """Rewrite every search row; returns how many honourees were indexed."""
    with conn.transaction():
        ids = [r[0] for r in conn.execute("SELECT id FROM honouree WHERE deleted_at IS NULL")]
        index_honourees(conn.cursor(), ids)
    return len(ids)
