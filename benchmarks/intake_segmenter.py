"""`python -m benchmarks.intake_segmenter`: would a segmenter's person names (jieba posseg ``nr``) help intake?

Measured before adopting it (issue 17): how many of the corpus's honoured people jieba tags as
person names, how many of its person names are honoured people, and what importing it costs.
jieba is not a dependency of Honours; install it into a scratch folder to measure, e.g.
``pip install --target /tmp/jieba jieba`` and ``--path /tmp/jieba``. The figures of the last
run and the decision are in benchmarks/results/intake_segmenter.md.
"""

from __future__ import annotations

import argparse
import sys
import time

from benchmarks.intake_eval import SPLITS, load, simple
from honours.core.intake.text import prepare


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", help="a folder holding jieba, if it is not installed")
    args = parser.parse_args(argv)
    if args.path:
        sys.path.insert(0, args.path)
    started = time.perf_counter()
    try:
        import jieba
        from jieba import posseg
    except ImportError:
        print("jieba is not installed (see this module's docstring)")
        return 1
    jieba.setLogLevel(60)
    imported = time.perf_counter()
    posseg.lcut("全国劳动模范谷井文带领干部职工放弃休假。")
    loaded = time.perf_counter()
    print(f"import {imported - started:.2f} s, dictionary load on first use {loaded - imported:.2f} s")
    for split in SPLITS:
        people = tagged = found = 0
        for report in load(split):
            analysis, _ = prepare(report.text)
            names = {word for word, flag in posseg.lcut(analysis) if flag == "nr"}
            keys = {simple(p["name"]) for p in report.key["people"]}
            people += len(keys)
            tagged += len(names)
            found += len(keys & names)
        print(
            f"{split:9} honoured people tagged nr {found}/{people} ({found / people:.1%}); "
            f"nr names that are honoured people {found}/{tagged} ({found / tagged:.1%})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
