#!/usr/bin/env python3
"""Train the report-intake second look (``honours/core/intake/second_look_model.json``).

Why a model: the reader's rules propose about nine in ten honourees of the reports they were
shaped on but about six in ten of reports they have never seen; the tagger finds nearly all
the names, and what the rules lack is a judgement of who the report honours that does not
depend on one report's wording. A logistic model over the words around each name, fitted to
the answer keys, makes that judgement.

What it learns from: the ``tuned`` split of ``tests/intake_corpus`` only. Every name the
tagger finds in a report is an example; it is positive when the report's key lists the person
as honoured. ``held_out`` and ``fresh`` are never read here, so ``make eval-intake`` still
measures the model on reports it has never seen.

How: L2-regularised logistic regression fitted by AdaGrad over sparse binary features, in pure
Python and deterministic (a seeded shuffle), so that the same corpus gives the same file.
``--folds K`` first prints a K-fold cross-validation over the tuned reports: how many names
the model would add above the threshold among those the rules leave out, honourees and not.

    .venv/bin/python tools/train_intake_model.py [--folds 5] [--threshold 0.8]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.intake_eval import load, simple_name  # noqa: E402
from honours.core.intake import analyse_text  # noqa: E402
from honours.core.intake.second_look import MODEL_FILE, Model, report_candidates  # noqa: E402

EPOCHS = 30
L2 = 1e-4
RATE = 0.2
SEED = 0


def _examples(report) -> list[tuple[frozenset[str], int, bool]]:
    """(features, honoured?, proposed by the rules alone?) for each tagged name of one report."""
    honoured = {simple_name(p["name"]) for p in report.key["people"]}
    proposed = {simple_name(p.name) for p in analyse_text(report.text, report.id, learned=False).proposals}
    return [
        (found, int(simple_name(name) in honoured), simple_name(name) in proposed)
        for name, found in report_candidates(report.text).items()
    ]


def fit(examples: list[tuple[frozenset[str], int]]) -> dict[str, float]:
    """Logistic-regression weights by AdaGrad with L2."""
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    order = list(range(len(examples)))
    shuffle = random.Random(SEED)
    current = Model(weights, 0.0)  # reads the weights as they are being fitted
    for _ in range(EPOCHS):
        shuffle.shuffle(order)
        for i in order:
            features, label = examples[i]
            error = current.likelihood(features) - label
            for f in sorted(features):
                gradient = error + L2 * weights.get(f, 0.0)
                squares[f] = squares.get(f, 0.0) + gradient * gradient
                weights[f] = weights.get(f, 0.0) - RATE * gradient / math.sqrt(squares[f] + 1e-8)
    return weights


def cross_validate(per_report, folds: int, threshold: float) -> None:
    """Fit on K-1 folds of reports, judge the names of the last fold; print what would be added."""
    added_right = added_wrong = left = 0
    for k in range(folds):
        train = [e for i, report in enumerate(per_report) if i % folds != k for e in report]
        judge = Model(fit([(f, y) for f, y, _ in train]), threshold)
        for i, report in enumerate(per_report):
            if i % folds != k:
                continue
            for found, label, proposed in report:
                if proposed:
                    continue
                left += label
                if judge.likelihood(found) >= threshold:
                    added_right += label
                    added_wrong += 1 - label
    print(
        f"{folds}-fold cross-validation at {threshold}: of {left} honourees the rules leave out, "
        f"{added_right} added; {added_wrong} names added that are no honouree"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=0, help="cross-validate first (0: no)")
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    reports = load("tuned")
    with Pool(args.jobs) as pool:
        per_report = pool.map(_examples, reports, chunksize=8)
    if args.folds > 1:
        cross_validate(per_report, args.folds, args.threshold)
    examples = [(f, y) for report in per_report for f, y, _ in report]
    weights = fit(examples)
    kept = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-3}
    model = {
        "about": "Report intake's second look: tools/train_intake_model.py, tuned split only",
        "reports": len(reports),
        "examples": len(examples),
        "honoured": sum(y for _, y in examples),
        "threshold": args.threshold,
        "weights": kept,
    }
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(examples)} names from {len(reports)} reports; {len(kept)} weights -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
