"""The statistics tables with two versions of the code, alternately (issue 15: every table ≤ 200 ms).

    python -m benchmarks.compare_statistics OLD_TREE NEW_TREE [--size 100000] [--rounds 3] [--repeat 5]

OLD_TREE and NEW_TREE are source trees (e.g. `git archive main | tar -x -C /tmp/old`). Each
round runs one fresh process per tree, old then new, on its own copy of the same cached roll
(this tree's `generator.ensure_roll`), so that a busy neighbour slows both alike; each process
times every table of `bench_statistics.TABLES` `repeat` times after one warming call (wall and
its own CPU time). Printed: the medians over all rounds of both, and new ÷ old.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from benchmarks import bench_statistics, generator

_RUN = r"""
import json, shutil, sys, tempfile, time
from pathlib import Path
from honours.core import Registry

roll, repeat, tables = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
out = {}
with tempfile.TemporaryDirectory(prefix="honours-stats-cmp-") as folder:
    db = Path(folder) / "roll.sqlite"
    shutil.copy(roll, db)
    registry = Registry.open(db)
    for label, verb, args in tables:
        call = getattr(registry, verb)
        call(*args)
        wall, cpu = [], []
        for _ in range(repeat):
            w, c = time.perf_counter(), time.process_time()
            call(*args)
            wall.append((time.perf_counter() - w) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        out[label] = {"wall": wall, "cpu": cpu}
    registry.close()
print(json.dumps(out))
"""


def run(tree: Path, roll: Path, repeat: int) -> dict[str, dict[str, list[float]]]:
    """One fresh process of `tree` timing every table."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(roll), str(repeat), json.dumps(bench_statistics.TABLES)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    roll = generator.ensure_roll(args.size)
    samples: dict[str, dict[str, dict[str, list[float]]]] = {"old": {}, "new": {}}
    for number in range(args.rounds):
        for name, tree in (("old", args.old), ("new", args.new)):
            for label, times in run(tree.resolve(), roll, args.repeat).items():
                into = samples[name].setdefault(label, {"wall": [], "cpu": []})
                into["wall"] += times["wall"]
                into["cpu"] += times["cpu"]
        print(f"round {number + 1} of {args.rounds} done", file=sys.stderr, flush=True)
    print(f"{args.size:,} honourees, {args.rounds} rounds × {args.repeat} runs, medians in ms")
    print("| table | old wall | new wall | new ÷ old | old CPU | new CPU |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, _verb, _args in bench_statistics.TABLES:
        old, new = samples["old"][label], samples["new"][label]
        ow, nw = statistics.median(old["wall"]), statistics.median(new["wall"])
        oc, nc = statistics.median(old["cpu"]), statistics.median(new["cpu"])
        print(f"| {label} | {ow:.0f} | {nw:.0f} | {nw / ow:.2f} | {oc:.0f} | {nc:.0f} |")
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
