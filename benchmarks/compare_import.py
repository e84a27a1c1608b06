"""Reading and importing the 100k benchmark sheet with two versions of the code, alternately.

    python -m benchmarks.compare_import OLD_TREE NEW_TREE [repeat=3] [--read-only]

OLD_TREE and NEW_TREE are source trees (e.g. `git worktree add /tmp/old main`); each run is a
fresh process with that tree first on the path, on the same cached sheet (bench_import.make_sheet),
old and new taking turns so that a busy neighbour slows both alike. Printed: each run, then
medians of the reading's wall and CPU seconds (this process and its children) and of the
import (`bench_import.import_timeline`, the figure `make bench` reports).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

_RUN = r"""
import json, resource, sys, time
from benchmarks.bench_import import import_timeline, make_sheet
from honours.core.spreadsheet import read_table

def cpu():
    return sum(getattr(resource.getrusage(w), f) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for f in ("ru_utime", "ru_stime"))

sheet = make_sheet(100_000)
c, t = cpu(), time.perf_counter()
rows = len(read_table(sheet).rows)
read, read_cpu = time.perf_counter() - t, cpu() - c
imported = import_timeline(100_000)["import"] if sys.argv[1] == "1" else None
print(json.dumps({"read": read, "read_cpu": read_cpu, "rows": rows, "import": imported}))
"""


def main(argv: list[str]) -> None:
    read_only = "--read-only" in argv
    args = [a for a in argv if a != "--read-only"]
    trees = {"old": Path(args[0]).resolve(), "new": Path(args[1]).resolve()}
    repeat = int(args[2]) if len(args) > 2 else 3
    runs: dict[str, list[dict]] = {name: [] for name in trees}
    data = Path(__file__).resolve().parent / ".data"
    for _ in range(repeat):
        for name, tree in trees.items():
            if not (tree / "benchmarks" / ".data").exists():
                (tree / "benchmarks" / ".data").symlink_to(data)  # one cached sheet for both
            env = dict(os.environ, PYTHONPATH=str(tree), QT_QPA_PLATFORM="offscreen")
            done = subprocess.run(
                [sys.executable, "-c", _RUN, "0" if read_only else "1"],
                cwd=tree,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            runs[name].append(json.loads(done.stdout))
            print(name, runs[name][-1], "load", os.getloadavg(), flush=True)
    for name, results in runs.items():
        for key in ("read", "read_cpu", "import"):
            values = [r[key] for r in results if r[key] is not None]
            if values:
                print(
                    f"{name} {key}: median {statistics.median(values):.2f} s "
                    f"(runs {', '.join(f'{v:.2f}' for v in values)})"
                )


if __name__ == "__main__":
    main(sys.argv[1:])
