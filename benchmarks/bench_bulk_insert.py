"""Benchmark: writing an import's rows with executemany (what the import does) or sqlite-utils' insert_all.

    python -m benchmarks.bench_bulk_insert [N ...] [--repeat 3]      # default N = 100,000

The rows are the very rows `Registry.apply_import` writes for N records (`honours import`
of a sheet, and `honours add --json`, which goes the same way): the synthetic roll of the
import benchmark (benchmarks.generator), built by `import_verbs.import_rows` with their
derived columns as an import of 20,000 or more writes them, their honours, deeds and
donations, and one history row each with its JSON snapshot. They are built once, before any
timing. Each way then writes all of them into an empty registry file (today's schema,
indexes, WAL) in one transaction and commits; the ways take turns, `repeat` times:

    executemany             sqlite3's executemany per table, IMPORT_CHUNK honourees at a time (today)
    insert_all              insert_all of the same tuples (list mode), default batch_size (100)
    insert_all batch        insert_all, batch_size=999 (sqlite-utils caps it at 999 variables a statement)
    insert_all dicts        insert_all of one dict per row, the usual way to call it

Printed: the median seconds of each way, in all and per table. `bulk_insert_timeline(n)`
is what `make bench` reports (one turn of each way per call).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `honours` and `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

WAYS = ("executemany", "insert_all", "insert_all batch", "insert_all dicts")
FIGURE_KEYS = {way: "bulk_" + way.replace(" ", "_") for way in WAYS}  # as run.py's BULK_FIGURES
TABLES = ("honouree", "honour", "deed", "donation", "history")

Rows = dict[str, tuple[list[str], list[tuple]]]  # table: its columns, its rows


def import_rows(n: int) -> Rows:
    """The rows an import of n benchmark records inserts, by table (built once per call)."""
    from benchmarks.generator import RollGenerator
    from honours.core.changes import now
    from honours.core.fields import WRITTEN_KINDS
    from honours.core.import_verbs import ImportItem, import_columns
    from honours.core.import_verbs import import_rows as rows_of_import
    from honours.core.pinyin import sort_key
    from honours.core.snapshots import added_snapshot_json
    from honours.core.sqlite.rows import columns

    items = [ImportItem(record) for record in RollGenerator().roll(n)]
    ids = list(range(1, n + 1))
    stamp = now()
    keys = [sort_key(item.record.name.strip()) for item in items]
    rows, written = rows_of_import(ids, items, stamp, False, {k.key: 1 for k in WRITTEN_KINDS}, keys)
    history = [
        (
            honouree_id,
            stamp,
            "bench",
            "create",
            None,
            added_snapshot_json(honouree_id, item.record, scalars, child_ids, [], 1, stamp, stamp),
        )
        for honouree_id, item, (scalars, child_ids) in zip(ids, items, written, strict=True)
    ]
    out: Rows = {"honouree": (import_columns(True), rows["honouree"])}
    for kind in WRITTEN_KINDS:
        out[kind.table] = (
            ["id", "honouree_id", "position", *columns(kind.fields).split(", ")],
            rows[kind.key],
        )
    out["history"] = (["honouree_id", "at", "os_user", "action", "before_json", "after_json"], history)
    return out


def _executemany(registry, rows: Rows) -> dict[str, float]:
    from honours.core.import_verbs import IMPORT_CHUNK
    from honours.core.sqlite.rows import marks

    times = {}
    for table, (names, values) in rows.items():
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks(len(names))})"
        start = time.perf_counter()
        step = IMPORT_CHUNK if table in ("honouree", "history") else len(values) or 1
        for first in range(0, len(values), step):  # as the import: its honourees chunk by chunk
            registry.conn.executemany(sql, values[first : first + step])
        times[table] = time.perf_counter() - start
    return times


def _insert_all(batch_size: int | None, dicts: bool) -> Callable:
    def write(registry, rows: Rows) -> dict[str, float]:
        db = registry.db
        times = {}
        for table, (names, values) in rows.items():
            options = {} if batch_size is None else {"batch_size": batch_size}
            start = time.perf_counter()
            if dicts:
                db[table].insert_all((dict(zip(names, row, strict=True)) for row in values), **options)
            else:
                db[table].insert_all([names, *values], **options)
            times[table] = time.perf_counter() - start
        return times

    return write


WRITERS: dict[str, Callable] = {
    "executemany": _executemany,
    "insert_all": _insert_all(None, False),
    "insert_all batch": _insert_all(999, False),
    "insert_all dicts": _insert_all(None, True),
}


def write_once(way: str, rows: Rows) -> dict[str, float]:
    """Seconds per table, and "total" from BEGIN to COMMIT, for one way into an empty registry."""
    from honours.core import Registry

    with tempfile.TemporaryDirectory(prefix="honours-bench-bulk-") as folder:
        registry = Registry.open(Path(folder) / "bench.sqlite")
        try:
            registry.db  # noqa: B018 - built before timing (importing sqlite-utils), as for every way
            start = time.perf_counter()
            with registry.atomic():
                times = WRITERS[way](registry, rows)
            times["total"] = time.perf_counter() - start
            for table, (_, values) in rows.items():  # every row written, whichever way
                stored = registry.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                if stored != len(values):
                    raise AssertionError(f"{way}: {table} has {stored} rows of {len(values)}")
            first = registry.conn.execute("SELECT * FROM honouree ORDER BY id LIMIT 1").fetchone()
            names, values = rows["honouree"]
            columns = [c[0] for c in registry.conn.execute("SELECT * FROM honouree LIMIT 0").description]
            if any(first[columns.index(name)] != value for name, value in zip(names, values[0], strict=True)):
                raise AssertionError(f"{way}: the first honouree was not stored as given")
        finally:
            registry.close()
    return times


_BUILT: dict[int, Rows] = {}  # the last size's rows: `make bench` asks for several turns in a row


def bulk_insert_timeline(n: int = 100_000) -> dict[str, float]:
    """One turn of each way, for `make bench`: total seconds by figure key."""
    if n not in _BUILT:
        _BUILT.clear()
        _BUILT[n] = import_rows(n)
    rows = _BUILT[n]
    return {FIGURE_KEYS[way]: write_once(way, rows)["total"] for way in WAYS}


def main(argv: list[str]) -> None:
    repeat = 3
    if "--repeat" in argv:
        at = argv.index("--repeat")
        repeat = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    sizes = [int(a.replace("_", "").replace(",", "")) for a in argv] or [100_000]
    for n in sizes:
        rows = import_rows(n)
        print(f"{n:,} records: " + ", ".join(f"{len(v):,} {t}" for t, (_, v) in rows.items()), flush=True)
        runs: dict[str, list[dict[str, float]]] = {way: [] for way in WAYS}
        for _ in range(repeat):
            for way in WAYS:  # in turns, so that a busy neighbour slows every way alike
                runs[way].append(write_once(way, rows))
        for way in WAYS:
            med = {key: statistics.median(r[key] for r in runs[way]) for key in ("total", *TABLES)}
            totals = ", ".join(f"{r['total']:.2f}" for r in runs[way])
            print(
                f"  {way:<17} median of {repeat}: {med['total']:.2f} s"
                f" (runs {totals}); " + ", ".join(f"{t} {med[t]:.2f}" for t in TABLES),
                flush=True,
            )


if __name__ == "__main__":
    main(sys.argv[1:])
