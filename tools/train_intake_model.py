#!/usr/bin/env python3
"""Train report intake's two learned steps: the second look (``second_look_model.json``) and the
report's honour for a person given none (``report_honour_model.json``, both in honours/core/intake).

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

The second model (``report_honours``) weighs each pair of a proposed person and a title the
report says: is it theirs? It learns from every proposed person of the tuned reports, as if the
reading had given them no honour, the people being those the rules and the second look
propose (with ``--folds``, each report read with the second look fitted without it, so that the
people are the ones it finds on reports it has not seen). Its cross-validation counts, among
the people given no honour, the titles it would give that are right and wrong.

    .venv/bin/python tools/train_intake_model.py [--folds 5] [--threshold 0.8] [--honour-threshold 0.7]
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

from benchmarks.intake_eval import holds, load, simple_name  # noqa: E402
from honours.core.intake import report_honours  # noqa: E402
from honours.core.intake.parser import read_text  # noqa: E402
from honours.core.intake.second_look import MODEL_FILE, Model, report_candidates, second_look  # noqa: E402

EPOCHS = 30
L2 = 1e-4
RATE = 0.2
SEED = 0


def _examples(report) -> list[tuple[frozenset[str], int, bool]]:
    """(features, honoured?, proposed by the rules alone?) for each tagged name of one report."""
    honoured = {simple_name(p["name"]) for p in report.key["people"]}
    reading = read_text(report.text, report.id)
    rules = reading.proposals if reading is not None else []
    proposed = {simple_name(p.name) for p in rules}
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


def _folds(per_report: list, folds: int):
    """(the reports to fit on, the reports to judge) for each fold k in turn: report i is judged
    in fold i % folds, by a model fitted on the others."""
    for k in range(folds):
        yield (
            [report for i, report in enumerate(per_report) if i % folds != k],
            [report for i, report in enumerate(per_report) if i % folds == k],
        )


def cross_validate(per_report, folds: int, threshold: float) -> list[dict[str, float]]:
    """Fit on K-1 folds of reports, judge the names of the last fold; print what would be added.
    Returns each fold's weights (fold k: fitted without the reports i with i % folds == k)."""
    added_right = added_wrong = left = 0
    fold_weights = []
    for train, judged in _folds(per_report, folds):
        fold_weights.append(fit([(f, y) for report in train for f, y, _ in report]))
        judge = Model(fold_weights[-1], threshold)
        for found, label, proposed in (name for report in judged for name in report):
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
    return fold_weights


_JUDGES: list[Model] = []  # each worker's second-look models, one per fold (or the one fitted)


def _set_judges(judges: list[Model]) -> None:
    _JUDGES[:] = judges


def _honour_pairs(job) -> list[tuple[bool, list[tuple[frozenset[str], int]]]]:
    """For each proposed person of one report who is in its key: whether the reading gave them
    an honour, and each title of the report with its features and whether the key gives it."""
    number, report = job
    reading = read_text(report.text, report.id)
    if reading is None:
        return []
    judge = _JUDGES[number % len(_JUDGES)]
    added = second_look(
        reading.sentences, reading.mentions, reading.proposals, reading.bylines, report.id, judge
    )
    key = {simple_name(p["name"]): p for p in report.key["people"]}
    people = []
    for proposal, pairs in report_honours.candidates(
        reading.proposals + added, reading.sentences, reading.titles, everyone=True
    ):
        person = key.get(simple_name(proposal.name))
        if person is None:
            continue
        honours = person.get("honours", [])
        labelled = [
            (found, int(any(holds(h, group.first.title, group.first.level) for h in honours)))
            for group, found in pairs
        ]
        people.append((bool(proposal.honouree.honours), labelled))
    return people


def cross_validate_honours(per_report, folds: int, threshold: float) -> None:
    """Fit on K-1 folds; among the last fold's people given no honour, count the titles the
    model would give (its likeliest, when likely enough) that are right and wrong."""
    right = wrong = people = 0
    for train, judged in _folds(per_report, folds):
        judge = report_honours.Model(
            fit([pair for report in train for _, pairs in report for pair in pairs]), threshold
        )
        for had_honours, pairs in (person for report in judged for person in report):
            if had_honours or not pairs:
                continue
            people += 1
            best, label = max(pairs, key=lambda pair: judge.likelihood(pair[0]))
            if judge.likelihood(best) >= threshold:
                right += label
                wrong += 1 - label
    print(
        f"{folds}-fold cross-validation at {threshold}: of {people} people given no honour, "
        f"{right} given the report's title that is theirs, {wrong} one that is not"
    )


def _save(
    path: Path,
    about: str,
    reports: int,
    examples: list[tuple[frozenset[str], int]],
    threshold: float,
    weights,
) -> int:
    """Write a model file; returns how many weights it keeps."""
    kept = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-3}
    model = {
        "about": about,
        "reports": reports,
        "examples": len(examples),
        "honoured": sum(y for _, y in examples),
        "threshold": threshold,
        "weights": kept,
    }
    path.write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return len(kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=0, help="cross-validate first (0: no)")
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--honour-threshold", type=float, default=0.7)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--honour-out", type=Path, default=report_honours.MODEL_FILE)
    args = parser.parse_args(argv)
    reports = load("tuned")
    with Pool(args.jobs) as pool:
        per_report = pool.map(_examples, reports, chunksize=8)
    fold_weights = cross_validate(per_report, args.folds, args.threshold) if args.folds > 1 else []
    examples = [(f, y) for report in per_report for f, y, _ in report]
    weights = fit(examples)
    about = "Report intake's second look: tools/train_intake_model.py, tuned split only"
    kept = _save(args.out, about, len(reports), examples, args.threshold, weights)
    print(f"{len(examples)} names from {len(reports)} reports; {kept} weights -> {args.out}")

    judges = [Model(w, args.threshold) for w in fold_weights or [weights]]
    with Pool(args.jobs, initializer=_set_judges, initargs=(judges,)) as pool:
        per_report = pool.map(_honour_pairs, list(enumerate(reports)), chunksize=8)
    if args.folds > 1:
        cross_validate_honours(per_report, args.folds, args.honour_threshold)
    pairs = [pair for report in per_report for _, found in report for pair in found]
    about = "Report intake's honour for a person given none: tools/train_intake_model.py, tuned split only"
    kept = _save(args.honour_out, about, len(reports), pairs, args.honour_threshold, fit(pairs))
    print(f"{len(pairs)} person-title pairs from {len(reports)} reports; {kept} weights -> {args.honour_out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
