"""A learned look for the honour of a person the reading gave none.

A report often says its honour once, in the headline or a list's title ("四川省第八届劳动模范和
先进工作者表彰大会…名单如下"), and then names the people with their units only; the rules and
the second look find those people but no honour in their own words. Which of the report's
titles is theirs is judged here by a logistic model over the pair: where the title stands
against the person's namings (the same sentence, just before, the headline), how often the
report says it, whether the other honourees were given it, and the title's kind. It is trained
on the tuned split's keys (``tools/train_intake_model.py``) and only adds an honour to a person
who has none, with a reason that says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..i18n import Text
from ..names import normalise_name
from ..records import Honour
from . import lexicon as lx
from .honour_years import _celebration_year, _ceremony_year, year_said_elsewhere
from .learned_model import Model, load_model
from .proposals import KIND_COLLECTIVE, Proposal, Reason
from .proposing import _category, _full_title, honour_named
from .text import Sentence
from .titles import TitleMatch, known_title

MODEL_FILE = Path(__file__).with_name("report_honour_model.json")

# words beside a person's naming that tie the person to a title said elsewhere
_CUES = ("获此殊荣", "名单如下", "如下", "其中", "分别", "等", "代表", "获奖", "当选", "入选", "受表彰")
_COUNT = re.compile(r"(?:[0-9]+|[一二三四五六七八九十百两]+)(?:名|位|人)")
# the cores of titles, each a feature of its own (a 劳模's report honours 劳模 more often than 最美)
_CORES = ("劳动模范", "劳模", "五一劳动奖章", "先进工作者", "工匠", "先进个人", "标兵", "能手", "最美", "奖")


@dataclass
class TitleGroup:
    """One title of the report (by its spelt-out name and level) and every place it is said."""

    key: tuple[str, str]
    found: list[TitleMatch]

    @property
    def first(self) -> TitleMatch:
        return self.found[0]


def _title_key(t: TitleMatch) -> tuple[str, str]:
    return _full_title(t.title), t.level


def title_groups(titles: list[TitleMatch]) -> list[TitleGroup]:
    """The report's person titles, each once, in order of first saying."""
    groups: dict[tuple[str, str], TitleGroup] = {}
    for t in sorted(titles, key=lambda t: (t.sentence, t.start)):
        if t.collective:
            continue
        groups.setdefault(_title_key(t), TitleGroup(_title_key(t), [])).found.append(t)
    return list(groups.values())


def named_in(proposal: Proposal, sentences: list[Sentence]) -> list[int]:
    """The sentences that name the proposed person."""
    name = normalise_name(proposal.name).name
    return [s.index for s in sentences if name and (name in s.text or name in s.original)]


def _distance_feature(delta: int) -> str:
    """The title's sentence against the person's: 0 the same, >0 the title before."""
    if delta == 0:
        return "d:same"
    if delta > 0:
        return "d:b1" if delta == 1 else "d:b2" if delta <= 3 else "d:b4" if delta <= 10 else "d:bfar"
    return "d:a1" if delta == -1 else "d:a2" if delta >= -3 else "d:afar"


def title_features(
    group: TitleGroup, groups: list[TitleGroup], sentences: list[Sentence], rank: int
) -> set[str]:
    """What the model weighs of the title itself: its level, kind and shape, how often and where
    the report says it, whether an award verb gives it. `rank`: its place by how often it is said."""
    t = group.first
    found = {"bias", f"lvl:{t.level}", f"cnt:{min(len(group.found), 4)}", f"ntitles:{min(len(groups), 5)}"}
    same_name = sum(len(g.found) for g in groups if g.key[0] == group.key[0])
    found.add(f"cntname:{min(same_name, 4)}")
    found.add(f"tlen:{min(len(t.title) // 3, 4)}")
    if any(mark in t.title for mark in "，,、。！!？?：:；;"):
        found.add("clause_like")  # 弘扬工匠精神,服务实体经济: words read as a title
    if known_title(t.title) is not None:
        found.add("known")
    if any(m.year for m in group.found):
        found.add("dated")
    if _awarded(group, sentences):
        found.add("awarded")
    in_sentences = [sentences[m.sentence] for m in group.found if 0 <= m.sentence < len(sentences)]
    if any(_COUNT.search(x.text) for x in in_sentences):
        found.add("counted")
    found.add(next((f"core:{c}" for c in _CORES if c in t.title), "core:other"))
    if all(m.weak for m in group.found):
        found.add("weak")
    if any(m.group for m in group.found):
        found.add("group")
    if any(m.quoted for m in group.found):
        found.add("quoted")
    if any(m.has_level_word for m in group.found):
        found.add("levelword")
    found.add(f"rank:{min(rank, 2)}")
    if any(x.paragraph == 0 for x in in_sentences):
        found.add("headline")
    return found


def person_features(proposal: Proposal, first: int | None, sentences: list[Sentence]) -> set[str]:
    """What the model weighs of the person: the words of the sentence that first names them and
    of the one before (获此殊荣, 名单如下), how they were proposed, a donation, a unit."""
    found = {"learned" if any(r.code == "second_look" for r in proposal.reasons) else "rules"}
    if proposal.honouree.donations:
        found.add("donor")
    if proposal.honouree.unit:
        found.add("has_unit")
    if first is None:
        return found
    here = sentences[first].text
    found.update("cue:" + cue for cue in _CUES if cue in here)
    if first > 0:
        previous = sentences[first - 1].text
        found.update("pcue:" + cue for cue in _PREVIOUS_CUES if cue in previous)
    return found


_PREVIOUS_CUES = ("名单", "如下", "获此殊荣", "表彰", "授予", "命名")


def _closest_before(group: TitleGroup, first: int) -> int | None:
    """How many sentences before the person's first naming the title is last said (0: the same)."""
    before = [first - m.sentence for m in group.found if 0 <= m.sentence <= first]
    return min(before) if before else None


def pair_features(
    first: int | None,
    group: TitleGroup,
    sentences: list[Sentence],
    held: dict[tuple[str, str], int],
    honoured: int,
    others_closest: int | None,
) -> set[str]:
    """What the model weighs of the pair: whether the other honoured people hold the title, and
    where it stands against the person's first naming. `others_closest`: how close before it
    the nearest other title is said."""
    found = set()
    others = held.get(group.key, 0)
    found.add(
        "held:none"
        if not honoured
        else f"held:{'0' if not others else 'all' if others == honoured else 'some'}"
    )
    if first is None:
        found.add("unplaced")
        return found
    deltas = [first - m.sentence for m in group.found if m.sentence >= 0]
    nearest = min(deltas, key=lambda d: (abs(d), -d)) if deltas else 99
    found.add(_distance_feature(nearest))
    closest = _closest_before(group, first)
    if closest is not None:
        # is this the nearest title said before the person (no other title in between)?
        rival = others_closest is not None and others_closest < closest
        found.add("nearest_before" if not rival else "later_title_between")
    paragraph = sentences[first].paragraph
    same_paragraph = any(
        0 <= m.sentence < len(sentences) and sentences[m.sentence].paragraph == paragraph for m in group.found
    )
    found.add("same_para" if same_paragraph else "other_para")
    return found


def candidates(
    proposals: list[Proposal], sentences: list[Sentence], titles: list[TitleMatch], everyone: bool = False
) -> list[tuple[Proposal, list[tuple[TitleGroup, frozenset[str]]]]]:
    """For each proposed person with no honour, the report's titles with the pair's features;
    `everyone`: for every person, as if the reading had given them none (more to learn from)."""
    groups = title_groups(titles)
    if not groups:
        return []
    people = [p for p in proposals if p.kind != KIND_COLLECTIVE]
    honoured = [p for p in people if p.honouree.honours]
    held: dict[tuple[str, str], int] = {}
    for p in honoured:
        for key in {_honour_key(h) for h in p.honouree.honours}:
            held[key] = held.get(key, 0) + 1
    by_count = sorted(range(len(groups)), key=lambda i: -len(groups[i].found))
    rank = {i: place for place, i in enumerate(by_count)}
    of_title = [title_features(g, groups, sentences, rank[i]) for i, g in enumerate(groups)]
    out = []
    for p in people:
        own = {_honour_key(h) for h in p.honouree.honours}
        if own and not everyone:
            continue
        others = {key: count - (key in own) for key, count in held.items()}
        at = named_in(p, sentences)
        first = at[0] if at else None
        of_person = person_features(p, first, sentences) if first is not None else set()
        closest = [_closest_before(g, first) if first is not None else None for g in groups]
        pairs = []
        for i, g in enumerate(groups):
            rivals = [c for j, c in enumerate(closest) if j != i and c is not None]
            pair = pair_features(
                first, g, sentences, others, len(honoured) - bool(own), min(rivals, default=None)
            )
            pairs.append((g, frozenset(of_title[i] | of_person | pair)))
        out.append((p, pairs))
    return out


def _honour_key(h: Honour) -> tuple[str, str]:
    return _full_title(h.title), h.level


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The trained model shipped beside this module, or None when it is missing or damaged."""
    return load_model(MODEL_FILE)


def honour_of(group: TitleGroup, sentences: list[Sentence], analysis: str) -> Honour:
    """The honour a title of the report gives: its year as written beside one of its sayings,
    else the one year the report gives it, else its May Day celebration's or award meeting's."""
    t = group.first
    year = next((m.year for m in group.found if m.year), None) or year_said_elsewhere(analysis, t.title)
    if year is None and "五一劳动奖" in t.title:
        year = _celebration_year(analysis)
    if year is None and _awarded(group, sentences):
        year = _ceremony_year(analysis)
    return honour_named(t.title, t.level, year)


def _awarded(group: TitleGroup, sentences: list[Sentence]) -> bool:
    """Does a sentence that says the title award it (授予…, 荣获…)?"""
    said = [sentences[m.sentence].text for m in group.found if 0 <= m.sentence < len(sentences)]
    return any(verb in text for text in said for verb in lx.AWARD_VERBS)


def give_report_honours(
    proposals: list[Proposal], sentences: list[Sentence], titles: list[TitleMatch], analysis: str
) -> None:
    """Give each person the reading left without an honour the report's title the model judges
    theirs, when it judges it likely enough."""
    judge = model()
    if judge is None:
        return
    for proposal, pairs in candidates(proposals, sentences, titles):
        if not pairs:
            continue
        likelihood, group = max(((judge.likelihood(f), g) for g, f in pairs), key=lambda scored: scored[0])
        if likelihood < judge.threshold:
            continue
        honouree = proposal.honouree
        honouree.honours.append(honour_of(group, sentences, analysis))
        deeds = [d.text for d in honouree.deeds]
        honouree.category = _category(
            False, honouree.unit, honouree.position, honouree.honours, honouree.donations, deeds
        )
        # no longer "a deed with no honour": the reason says where the honour comes from instead
        proposal.reasons[:] = [r for r in proposal.reasons if r.code != "deed_only"]
        proposal.reasons.append(
            Reason(
                "report_honour",
                Text(
                    "The report names {title} elsewhere, not beside this person; a learned look judges it "
                    "theirs (likelihood {percent}%). Check before accepting",
                    title=group.first.title,
                    percent=round(likelihood * 100),
                ),
            )
        )
