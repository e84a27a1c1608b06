"""Search on a shared registry (PostgreSQL): first page, capped and exact counts, at 100k.

    python -m benchmarks.bench_pg_search [--size 100000] [--repeat 20] [--url URL] [--no-report]

Starts a throwaway PostgreSQL server the way the tests do (tests/pg_server.py: initdb into a
temporary folder, as the postgres user when run as root, loopback port, fsync off), copies
the benchmark's cached roll into it (benchmarks/pg_roll.py), indexes it with the backend's
own reindex_all, then times every query of benchmarks/queries.py from a fresh
ServerSearchResult, as `make bench` times the file. Each query's first 200 ids are also
compared with the file's; a difference is reported in capitals. Without PostgreSQL
installed it says so in one line and measures nothing. `--url` names a database that already
holds the roll (benchmarks/pg_keep.py keeps one between runs: loading takes minutes).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import generator, queries

ROOT = Path(__file__).resolve().parents[1]


def _pg_server_module():
    spec = importlib.util.spec_from_file_location("pg_server", ROOT / "tests" / "pg_server.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def missing() -> str | None:
    """Why the benchmark cannot run here, or None."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed"
    if _pg_server_module().server_binaries() is None:
        return "PostgreSQL is not installed (apt-get install postgresql)"
    return None


def _ms(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def measure(
    size: int, repeat: int, url: str | None = None, log=lambda text: print(text, file=sys.stderr, flush=True)
) -> dict:
    """Samples in ms by figure ('page', 'capped', 'count', and 'page: <kind>'), the load
    time in s ('load', None when `url` names a database already holding the roll: see
    benchmarks/pg_keep.py), and the queries whose first page differs from the file's ('differ')."""
    import psycopg

    from benchmarks.pg_roll import load_roll
    from honours.core import Registry
    from honours.core.postgres.search import ServerSearchResult

    source = generator.ensure_roll(size, log=log)
    records = list(generator.RollGenerator().roll(size))
    sets = queries.query_sets(records)
    server = None
    load_seconds = None
    if url is None:
        server = _pg_server_module().ThrowawayServer(_pg_server_module().server_binaries()).start()
    try:
        if server is not None:
            url = server.new_database("bench")
            log(f"  loading {size:,} honourees into PostgreSQL and indexing them …")
            started = time.perf_counter()
            load_roll(source, url)
            load_seconds = time.perf_counter() - started
        out: dict = {"page": [], "capped": [], "count": [], "load": load_seconds, "differ": []}
        copy = Path(tempfile.mkdtemp(prefix="honours-bench-")) / "roll.sqlite"
        shutil.copy(source, copy)  # the cached roll stays untouched
        registry = Registry.open(copy)
        try:
            with psycopg.connect(url, autocommit=True) as conn:
                for texts in sets.values():  # warm the caches once, as a running server would be
                    for text in texts:
                        ServerSearchResult(conn, text).ids(0, 200)
                        if ServerSearchResult(conn, text).ids(0, 200) != registry.search(text).ids(0, 200):
                            out["differ"].append(text)
                for _ in range(repeat):
                    for kind, texts in sets.items():
                        for text in texts:
                            page = _ms(lambda q=text: ServerSearchResult(conn, q).ids(0, 200))
                            out["page"].append(page)
                            out.setdefault(f"page: {kind}", []).append(page)
                            out["capped"].append(
                                _ms(lambda q=text: ServerSearchResult(conn, q).count_capped())
                            )
                out["shared_buffers"] = conn.execute("SHOW shared_buffers").fetchone()[0]
                for kind, texts in sets.items():  # exact counts are slow: fewer rounds
                    for text in texts:
                        for _ in range(max(1, repeat // 5)):
                            count = _ms(lambda q=text: ServerSearchResult(conn, q).count())
                            out["count"].append(count)
                            out.setdefault(f"count: {kind}", []).append(count)
        finally:
            registry.close()
            shutil.rmtree(copy.parent, ignore_errors=True)
        out["load average"] = os.getloadavg()
        return out
    finally:
        if server is not None:
            server.stop()


def stats(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return statistics.median(ordered), p95


def report(size: int, result: dict) -> str:
    lines = [
        f"## Shared registry (PostgreSQL) search at {size:,} honourees",
        "",
        (
            f"Roll copied in and indexed (reindex_all) in {result['load']:.0f} s."
            if result["load"] is not None
            else "Roll loaded beforehand (benchmarks/pg_keep.py)."
        ),
        "",
        "| figure | median ms | p95 ms | target |",
        "|---|---|---|---|",
    ]
    targets = {"page": "p95 ≤ 20 ms", "capped": "—", "count": "—"}
    labels = {
        "page": "first 200, all kinds",
        "capped": "capped count (≤ 1,000)",
        "count": "exact count",
    }
    keys = ["page", "capped", "count"] + sorted(k for k in result if k.startswith(("page: ", "count: ")))
    for key in keys:
        median, p95 = stats(result[key])
        verdict = ""
        if key == "page":
            verdict = " (met)" if p95 <= 20 else " (**missed**)"
        lines.append(
            f"| {labels.get(key, key)} | {median:.2f} | {p95:.2f} | {targets.get(key, '')}{verdict} |"
        )
    lines.append("")
    if result["differ"]:
        lines.append(
            f"**FIRST PAGES DIFFER FROM THE FILE'S on {len(result['differ'])} queries:** {result['differ']}"
        )
    else:
        lines.append("Every query's first 200 ids equal the file backend's, in the same order.")
    lines += [
        "",
        f"PostgreSQL shared_buffers {result['shared_buffers']}; load average after the run "
        + ", ".join(f"{x:.2f}" for x in result["load average"])
        + f" ({os.cpu_count()} cores).",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_pg_search")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--url", help="a database already holding the roll (python -m benchmarks.pg_keep start)"
    )
    parser.add_argument("--no-report", action="store_true", help="print only; leave results/pg_search.md")
    args = parser.parse_args(argv)
    why = missing()
    if why:
        print(f"shared registry search benchmark skipped: {why}.")
        return 0
    result = measure(args.size, args.repeat, args.url)
    text = report(args.size, result)
    if not args.no_report:
        results = Path(__file__).resolve().parent / "results"
        results.mkdir(parents=True, exist_ok=True)
        (results / "pg_search.md").write_text(text, encoding="utf-8")
    print(text)
    return 1 if result["differ"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
