"""Statistics tables at 10k / 100k honourees (issue 15: every table ≤ 200 ms).

    python -m benchmarks.bench_statistics [--sizes 100000] [--repeat 7]

Each table is one Storage verb call (`cross_table` / `amount_table`) on a copy of the
generated roll, timed end to end (SQL, Python, the search string of every cell); the
whole report (`statistics.report`: the main table of people and of collectives, the
three shares and two donation tables) is timed too. `benchmarks.run` includes these
figures (skip them with `--skip stats`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import generator

# (label, verb, arguments): the tables the window and `honours stats` show
TABLES: list[tuple[str, str, tuple]] = [
    ("level", "cross_table", ("level",)),
    ("year", "cross_table", ("year",)),
    ("region", "cross_table", ("region",)),
    ("region × level", "cross_table", ("region", "level")),
    ("year × level", "cross_table", ("year", "level")),
    ("level × status", "cross_table", ("level", "status")),
    ("category × level", "cross_table", ("category", "level")),
    ("level × region, collectives", "cross_table", ("level", "region", "", "collectives")),
    ("unit", "cross_table", ("unit",)),
    ("political", "cross_table", ("political",)),
    ("status × gender", "cross_table", ("status", "gender")),
    ("age", "cross_table", ("age",)),
    ("gender", "cross_table", ("gender",)),
    ("ethnicity", "cross_table", ("ethnicity",)),
    ("year × level, query region:耒阳市", "cross_table", ("year", "level", "region:耒阳市")),
    ("donations by year", "amount_table", ("donation", "year")),
    ("donations by region", "amount_table", ("donation", "region")),
]


def measure(registry, repeat: int, clock=time.perf_counter) -> dict[str, list[float]]:
    """Milliseconds per call of each table, and of the whole report, `repeat` times each, by
    `clock` (wall time; `time.process_time` gives this process's CPU time, which a busy
    shared machine inflates less)."""
    from honours.core.statistics import report

    out: dict[str, list[float]] = {}
    for label, verb, args in TABLES:
        call = getattr(registry, verb)
        call(*args)  # warm the page cache once, as the window's first look does
        samples = []
        for _ in range(repeat):
            start = clock()
            call(*args)
            samples.append((clock() - start) * 1000)
        out[label] = samples
    samples = []
    for _ in range(max(1, repeat // 2)):
        start = clock()
        report(registry, "region", "level")
        samples.append((clock() - start) * 1000)
    out["whole report (9 tables)"] = samples
    return out


def bench_statistics(size: int, repeat: int = 7, clock=time.perf_counter) -> dict[str, list[float]]:
    from honours.core import Registry

    source = generator.ensure_roll(size)
    with tempfile.TemporaryDirectory(prefix="honours-stats-") as folder:
        db = Path(folder) / "roll.sqlite"
        shutil.copy(source, db)
        registry = Registry.open(db)
        try:
            return measure(registry, repeat, clock)
        finally:
            registry.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"== {size:,} honourees", file=sys.stderr, flush=True)
        wall = bench_statistics(size, args.repeat)
        cpu = bench_statistics(size, args.repeat, time.process_time)
        for label, samples in wall.items():
            print(
                f"{size:>7,}  {label:<40} wall median {statistics.median(samples):7.1f} ms"
                f"  max {max(samples):7.1f}  · CPU median {statistics.median(cpu[label]):7.1f} ms"
            )
        print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
