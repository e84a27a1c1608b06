"""A synthetic roll on a PostgreSQL server: the rows of a registry file copied in, then indexed.

Test-data loading only (COPY as the server's superuser, which row-level security does not
stop): the app itself writes through the storage verbs. The search rows are then written
by the real `honours.core.postgres.indexing.reindex_all`, so what is measured and checked
is the backend's own index.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

# Tables whose rows a search reads, parents first; photo bytes are not needed.
TABLES = ("honouree", "honour", "deed", "donation", "photo")


def copy_rows(source: Path, url: str) -> dict[str, int]:
    """Copy the registry file's search-relevant rows into the shared registry at `url`
    (schema already made by server.init_server); returns rows per table."""
    import psycopg

    counts: dict[str, int] = {}
    lite = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        with psycopg.connect(url) as conn, conn.cursor() as cur:
            for table in TABLES:
                pg_columns = [
                    r[0]
                    for r in cur.execute(
                        "SELECT column_name FROM information_schema.columns WHERE table_name = %s"
                        " ORDER BY ordinal_position",
                        (table,),
                    )
                ]
                lite_columns = {r[1] for r in lite.execute(f"PRAGMA table_info({table})")}
                columns = [c for c in pg_columns if c in lite_columns]
                names = ", ".join(columns)
                n = 0
                with cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in lite.execute(f"SELECT {names} FROM {table} ORDER BY id"):
                        copy.write_row(row)
                        n += 1
                counts[table] = n
            for table in TABLES:  # new rows after these get fresh ids
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false)"
                    f" FROM {table}"
                )
    finally:
        lite.close()
    return counts


def load_roll(source: Path, url: str) -> int:
    """A shared registry at `url` holding the file's roll, searchable; returns its size."""
    import psycopg

    from honours.core.postgres.indexing import reindex_all
    from honours.core.postgres.server import init_server

    init_server(url)
    copy_rows(source, url)
    with psycopg.connect(url) as conn:
        n = reindex_all(conn)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return n
