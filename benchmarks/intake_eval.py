"""`python -m benchmarks.intake_eval` (`make eval-intake`): how well report intake reads real reports.

The corpus is tests/intake_corpus/<split>/<id>.txt, real published reports, each with a hand-made
answer key <id>.json: the honoured people (name, honours with level and year when the report
states them, unit, position, cash amounts) and the names that must not be proposed (reporters,
editors, visiting officials, junk). Splits: ``tuned`` (looked at while improving the reader),
``held_out`` and ``fresh`` (only measured, never tuned on), so that the figures say how intake does
on reports it has not been shaped by. The splits rotate: when an unseen split has been measured it
may be moved into ``tuned`` and studied, and a new unseen split collected (the corpus README says
which reports went where and when). A split with no folder counts as empty and is not printed.

Figures per split:
- people recall: key people proposed / key people;
- fact accuracy over the people found: each stated unit, position, honour (title and level; year
  when stated) and the set of cash amounts is one fact, right or wrong; an honour proposed that
  the key does not have is a wrong fact too;
- false proposals: proposed names that are not key people (of which: named in the key's
  must-not list, i.e. reporters, editors, officials). Units proposed for a collective honour
  (kind "collective") are not people and are left out of every figure.

The learned steps (``second_look.py``: people the rules leave out; ``report_honours.py``: the
report's honour for a person given none) are trained on the tuned split, so their figures there
are the ones of the reports they learned from; ``--rules`` scores the reader's rules without
them, and ``tools/train_intake_model.py --folds 5`` measures the models on tuned reports they
were not fitted to.

    python -m benchmarks.intake_eval [--split tuned|held_out|fresh|all] [--show] [--rules]
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from honours.core.intake import KIND_COLLECTIVE, Proposal, analyse_text
from honours.core.intake.text import normalise, to_simplified, without_pinyin_glosses
from honours.core.names import tidy_spacing

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "intake_corpus"
SPLITS = ("tuned", "held_out", "fresh")


@dataclass
class Report:
    split: str
    id: str
    text: str
    key: dict


@dataclass
class Score:
    people: int = 0
    found: int = 0
    facts: int = 0
    facts_right: int = 0
    false: int = 0
    forbidden: int = 0
    reports: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.people if self.people else 1.0

    @property
    def accuracy(self) -> float:
        return self.facts_right / self.facts if self.facts else 1.0

    def add(self, other: Score) -> None:
        for name in ("people", "found", "facts", "facts_right", "false", "forbidden", "reports"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)


def load(split: str) -> list[Report]:
    """The reports of one split, in file-name order."""
    folder = CORPUS / split
    reports: list[Report] = []
    for path in sorted(folder.glob("*.txt")):
        key = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        reports.append(Report(split, path.stem, path.read_text(encoding="utf-8"), key))
    return reports


def simple(text: str) -> str:
    """Simplified script, half-width, no spaces, no mirror's pinyin glosses (中國(guó), which the
    reader reads past): how key strings and proposals are compared."""
    return re.sub(r"\s+", "", to_simplified(normalise(without_pinyin_glosses(text or ""))))


def simple_name(name: str) -> str:
    """A name as `simple`, with its dots as the registry keeps them (买买提江.吾买尔 as written,
    买买提江·吾买尔 as proposed)."""
    return tidy_spacing(simple(name))


def canon_title(title: str) -> str:
    t = simple(title)
    t = re.sub(r"[“”\"'「」『』《》()（）]|荣誉称号|称号", "", t)
    t = t.replace("劳模", "劳动模范").replace("五一奖章", "五一劳动奖章")
    return t


def _title_match(key_title: str, proposed: str) -> bool:
    k, p = canon_title(key_title), canon_title(proposed)
    if k == p:
        return True
    # 省劳模 in the key, 河南省劳动模范 proposed (the place read from the report): the same title
    return len(min(k, p, key=len)) >= 4 and (k.endswith(p) or p.endswith(k))


def holds(key_honour: dict, title: str, level: str) -> bool:
    """Is the proposed title at the level the key's honour (a fact the scoring counts right)?"""
    return _title_match(key_honour["title"], title) and level == (key_honour.get("level") or "other")


def _amounts(donations) -> set[Decimal]:
    return {Decimal(d.amount_fen) / 100 for d in donations if d.amount_fen is not None}


def learned(proposal: Proposal) -> bool:
    """Was the proposal added by the learned second look (not by the reader's rules)?"""
    return any(reason.code == "second_look" for reason in proposal.reasons)


def score_report(report: Report, with_learned: bool = True) -> Score:
    """One report read and scored; `with_learned=False` reads with the rules alone (no second
    look, no report's honour for a person given none)."""
    return score_proposals(report, analyse_text(report.text, report.id, learned=with_learned).proposals)


def score_proposals(report: Report, proposals: list[Proposal]) -> Score:
    # units proposed for a collective honour (某公司被授予全国五一劳动奖状) are not people: not scored
    proposed = {simple_name(p.name): p for p in proposals if p.kind != KIND_COLLECTIVE}
    key_people = {simple_name(person["name"]): person for person in report.key["people"]}
    forbidden = {simple_name(n) for n in report.key.get("not_people", [])}
    s = Score(people=len(key_people), reports=1)
    where = f"{report.split}/{report.id}"
    for name, person in key_people.items():
        proposal = proposed.get(name)
        if proposal is None:
            s.misses.append(f"{where}: missed {name}")
            continue
        s.found += 1
        h = proposal.honouree
        for fact in ("unit", "position"):
            if person.get(fact):
                s.facts += 1
                if simple(getattr(h, fact)) == simple(person[fact]):
                    s.facts_right += 1
                else:
                    s.misses.append(f"{where}: {name} {fact} {getattr(h, fact)!r} != {person[fact]!r}")
        used: set[int] = set()
        for honour in person.get("honours", []):
            s.facts += 1
            level = honour.get("level") or "other"
            match = next(
                (i for i, x in enumerate(h.honours) if i not in used and holds(honour, x.title, x.level)),
                None,
            )
            if match is None:
                got = [(x.title, x.level) for x in h.honours]
                s.misses.append(f"{where}: {name} honour {honour['title']}/{level} not in {got}")
                continue
            used.add(match)
            s.facts_right += 1
            if honour.get("year"):
                s.facts += 1
                if h.honours[match].year == honour["year"]:
                    s.facts_right += 1
                else:
                    s.misses.append(f"{where}: {name} year {h.honours[match].year} != {honour['year']}")
        for i, x in enumerate(h.honours):
            if i not in used:
                s.facts += 1
                s.misses.append(f"{where}: {name} extra honour {x.title}/{x.level}")
        want = {Decimal(str(d["yuan"])) for d in person.get("donations", [])}
        got = _amounts(h.donations)
        if want or got:
            s.facts += 1
            if want == got:
                s.facts_right += 1
            else:
                s.misses.append(f"{where}: {name} amounts {sorted(got)} != {sorted(want)}")
    for name in proposed:
        if name not in key_people:
            s.false += 1
            s.forbidden += name in forbidden
            s.misses.append(f"{where}: false proposal {name}" + (" (must not)" if name in forbidden else ""))
    return s


def score_split(split: str, with_learned: bool = True) -> Score:
    total = Score()
    for report in load(split):
        total.add(score_report(report, with_learned))
    return total


def line(split: str, s: Score) -> str:
    return (
        f"{split:9} reports {s.reports:3}  people recall {s.recall:6.1%} ({s.found}/{s.people})  "
        f"fact accuracy {s.accuracy:6.1%} ({s.facts_right}/{s.facts})  "
        f"false proposals {s.false} (reporters/officials/must-not {s.forbidden})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--show", action="store_true", help="list every miss (tuned split only)")
    parser.add_argument(
        "--rules", action="store_true", help="the reader's rules alone, without the learned steps"
    )
    args = parser.parse_args(argv)
    splits = SPLITS if args.split == "all" else (args.split,)
    for split in splits:
        s = score_split(split, with_learned=not args.rules)
        if not s.reports and args.split == "all":
            continue  # a split rotated away (its folder empty or gone)
        print(line(split, s))
        if args.show and split == "tuned":
            for miss in s.misses:
                print("   ", miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
