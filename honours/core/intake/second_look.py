"""A learned second look at the names the reader's rules did not propose.

The rules read the shapes of the reports they were shaped on, and on reports they have never
seen they miss people whose sentence is written another way: measured on the unseen splits,
they propose about six honourees in ten. The statistical tagger (``recogniser``) finds nearly
all the people a report names, honoured or not; what is missing is the judgement of which of
them the report honours. That judgement is made here by a logistic model over the words
around each tagged name (the words just before and after it, the tagger's parts of speech,
the honour, visit, office and byline words in its clause and sentence, how often and how
early it is named), trained on the tuned split's answer keys only (``tools/train_intake_model.py``),
so that the held-out and fresh splits still measure it on reports it has never seen.

It only adds: a name the rules proposed stays, and a name they dropped is proposed when the
model finds it likely enough (the threshold stored with the model), with the reader's facts
about it when it read any, else what its own description says (``own_description``), and a
reason that tells staff it comes from this second look. Without the tagger
installed there are no tagged names and nothing is added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import places
from ..i18n import Text
from ..names import normalise_name
from . import lexicon as lx
from . import recogniser
from .bylines import Bylines, find_bylines
from .honour_years import _year_before
from .learned_model import Model, load_model
from .mention_base import Mention
from .names import name_at
from .proposals import Proposal, Reason
from .proposing import _proposal
from .text import Sentence, prepare, split_sentences, without_pinyin_glosses
from .titles import find_titles
from .units import _unit_post_of

MODEL_FILE = Path(__file__).with_name("second_look_model.json")

# Words whose place beside a name tells who the name is: the honour and award words of an
# honouree, the visit and office words of a leader, the speech words of a quoted official, the
# byline words of a reporter, the donation words of a donor, the trades of working people.
KEYWORDS = (
    *("劳模", "劳动模范", "奖章", "先进工作者", "先进个人", "工匠", "标兵", "能手", "最美"),
    *("荣获", "授予", "获评", "被评为", "表彰", "称号", "获得", "当选", "事迹", "同志", "代表"),
    *("看望", "慰问", "走访", "探望", "陪同", "参加", "出席", "主持", "讲话", "致辞", "颁奖", "为"),
    *("书记", "主席", "市长", "县长", "局长", "部长", "主任", "厂长", "经理", "董事长", "会长"),
    *("校长", "院长", "表示", "说", "指出", "强调", "介绍", "记者", "通讯员", "编辑", "摄影"),
    *("来源", "责编", "捐", "万元", "元", "医生", "护士", "教师", "工人", "职工", "技师", "党员"),
    *("领导", "委员", "政委", "党组", "副", "嘉宾", "困难", "特困", "家中", "家里", "先进集体"),
    *("总裁", "报告", "宣讲", "分享", "颁发", "证书", "宣讲员", "评委", "专家", "主办", "倡议"),
)
_CLAUSE_MARKS = "，,：:；;。"


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end], between the clause marks before and after it."""
    clause_start = max(text.rfind(mark, 0, start) for mark in _CLAUSE_MARKS) + 1
    ends = [i for i in (text.find(mark, end) for mark in _CLAUSE_MARKS) if i >= 0]
    return clause_start, min(ends) if ends else len(text)


@dataclass(frozen=True)
class Occurrence:
    """Where the tagger found a name: the sentence and the name's span in its analysis text."""

    sentence: Sentence
    start: int
    end: int


_PLACE_STEMS = places.PROVINCES | places.PREFECTURE_CITIES | places.COUNTY_LEVEL_CITIES


def tagged_names(sentences: list[Sentence], bylines: Bylines) -> dict[str, list[Occurrence]]:
    """Every name the tagger finds in the report, with where; bylines' names, names inside an
    honour's title (白求恩奖章) and a surname with 氏 (叶氏: a family or a married woman named by
    her surname, no one's full name) left out."""
    found: dict[str, list[Occurrence]] = {}
    for sentence in sentences:
        tagged_here = recogniser.person_names(sentence.text)
        if not tagged_here:
            continue
        in_titles = {i for t in find_titles(sentence.text) for i in range(t.outer_start, t.outer_end)}
        for tagged in tagged_here:
            if (
                tagged.name in bylines.names
                or tagged.name.endswith("氏")
                or any(i + sentence.start in bylines.masked for i in range(tagged.start, tagged.end))
                or any(i in in_titles for i in range(tagged.start, tagged.end))
            ):
                continue
            found.setdefault(tagged.name, []).append(Occurrence(sentence, tagged.start, tagged.end))
    return found


def _around(sentence: Sentence, start: int, end: int) -> set[str]:
    """The features of one naming: the words, tags and characters beside it, and the keywords
    in its clause (before or after the name) or, further off, in its sentence."""
    text = sentence.text
    words = recogniser.words(text)
    before = [w for w in words if w.end <= start]
    after = [w for w in words if w.start >= end]
    features: set[str] = set()
    for k, w in enumerate(reversed(before[-3:]), 1):
        features.update((f"p{k}w:{w.word}", f"p{k}t:{w.tag}"))
    for k, w in enumerate(after[:3], 1):
        features.update((f"n{k}w:{w.word}", f"n{k}t:{w.tag}"))
    features.update(
        (
            "pc1:" + text[start - 1 : start] if start else "pc1:",
            "pc2:" + text[max(0, start - 2) : start],
            "nc1:" + text[end : end + 1],
            "nc2:" + text[end : end + 2],
        )
    )
    clause_start, clause_end = _clause(text, start, end)
    clause_before, clause_after = text[clause_start:start], text[end:clause_end]
    for word in KEYWORDS:
        if word in clause_before:
            features.add("cb:" + word)
        elif word in text[:start]:
            features.add("sb:" + word)
        if word in clause_after:
            features.add("ca:" + word)
        elif word in text[end:]:
            features.add("sa:" + word)
    features.add(f"cbl:{min(len(clause_before) // 4, 5)}")
    # does the rules' own reading of a name at this place agree with the tagger's?
    hit = name_at(text, start)
    features.add("rule:none" if hit is None else "rule:same" if hit.name == text[start:end] else "rule:other")
    return features


def features(name: str, occurrences: list[Occurrence], candidates: int) -> frozenset[str]:
    """What the model weighs for one tagged name: its length, how often and how early it is
    named, the features of every naming (and of the first one apart), and how many names the
    report has. Nothing the rules decided about other names: they read the tuned reports better
    than any other, so what they left out there is no guide to what they leave out elsewhere."""
    found = {"bias", f"cnt:{min(len(occurrences), 4)}", f"len:{len(name)}"}
    found.add("surname" if name[0] in lx.SURNAMES or name[:2] in lx.COMPOUND_SURNAMES else "no_surname")
    if name in _PLACE_STEMS:
        found.add("place")  # 石嘴山、吴忠、固原: cities the tagger may take for names
    first_paragraph = min(o.sentence.paragraph for o in occurrences)
    found.add("para0" if first_paragraph == 0 else "para<=3" if first_paragraph <= 3 else "paralate")
    for k, o in enumerate(occurrences):
        around = _around(o.sentence, o.start, o.end)
        found |= around
        if k == 0:
            found |= {"f_" + f for f in around}
    found.add(f"nc:{min(candidates // 3, 6)}")
    return frozenset(found)


def report_candidates(text: str) -> dict[str, frozenset[str]]:
    """Each tagged name of a report's text with its features, read as `analyse_text` reads the
    report (what the model is trained on)."""
    original = without_pinyin_glosses(text)
    analysis, _traditional = prepare(original)
    tagged = tagged_names(split_sentences(original, analysis), find_bylines(analysis))
    return {name: features(name, found, len(tagged)) for name, found in tagged.items()}


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The trained model shipped beside this module, or None when it is missing or damaged
    (then intake reads on its rules alone)."""
    return load_model(MODEL_FILE)


def own_description(name: str, o: Occurrence) -> Mention:
    """What a naming the rules did not read says of the person, read in the plainest shape: the
    titles before the name in its clause (or after it, when an award verb gives them), then a
    unit and post just before the name ("全国五一劳动奖章获得者、某公司设计师张某")."""
    s = o.sentence.text
    clause_start, clause_end = _clause(s, o.start, o.end)
    titles = [t for t in find_titles(s) if not t.collective and not t.weak]
    # the name's own part of its clause starts after the person named before it in a list
    # ("某公司张清、某公司陈文华")
    others = recogniser.person_names(s)
    own_start = max([clause_start] + [t.end for t in others if clause_start <= t.start and t.end <= o.start])
    before = [t for t in titles if own_start <= t.outer_start and t.outer_end <= o.start]
    # (not a title the next item of a list holds: 某某、2019年荣获省劳模称号的王某)
    named = {t.start for t in others}
    after = [
        t
        for t in titles
        if o.end <= t.outer_start
        and t.outer_end <= clause_end
        and any(verb in s[o.end : t.outer_start] for verb in lx.AWARD_VERBS)
        and not (s.startswith("的", t.outer_end) and t.outer_end + 1 in named)
    ]
    for t in before + after:
        t.year = t.year or _year_before(s[own_start : t.outer_start])
    mention = Mention(o.sentence, name, o.start, o.end, anchor="model", titles=before + after)
    start = max([own_start] + [t.outer_end for t in before])  # the description, after the titles
    lead = _DESCRIPTION_LEAD.match(s, start, o.start)
    start = lead.end() if lead else start
    if o.start - start >= 2:
        unit, post, unit_span, post_span = _unit_post_of(s, start, o.start)
        mention.unit, mention.position = unit, post
        mention.unit_span, mention.position_span = unit_span, post_span
    return mention


# what stands between a title or a name and the description after it: 获得者、 / 称号的 / 和 /
# 来自 (比如来自某公司的某某)
_DESCRIPTION_LEAD = re.compile(
    r"(?:获得者|获奖者|称号|荣誉)?[、，,的和及 ]*(?:比如|例如|其中)?(?:来自|是|系|为|获奖代表|代表)?"
)


def second_look(
    sentences: list[Sentence],
    mentions: list[Mention],
    proposals: list[Proposal],
    bylines: Bylines,
    report: str,
    judge: Model | None = None,
) -> list[Proposal]:
    """Proposals for the tagged names the rules left out that the model finds likely honourees
    (`judge`: the shipped model unless given)."""
    judge = judge or model()
    if judge is None:
        return []
    tagged = tagged_names(sentences, bylines)
    if not tagged:
        return []
    proposed = {normalise_name(p.name).name for p in proposals}
    read: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.name:
            read.setdefault(normalise_name(m.name).name, []).append(m)
    credited = frozenset(name for name, group in read.items() if any(m.credited for m in group))
    added: list[Proposal] = []
    for name, occurrences in tagged.items():
        key = normalise_name(name).name
        if key in proposed or any(key != other and key in other for other in proposed):
            continue  # proposed already, or part of a longer name that is (王某 of 王某某)
        likelihood = judge.likelihood(features(name, occurrences, len(tagged)))
        if likelihood < judge.threshold:
            continue
        group = [m for m in read.get(key, []) if not m.collective]
        read_at = {(m.sentence.index, m.start) for m in group}
        group += [own_description(name, o) for o in occurrences if (o.sentence.index, o.start) not in read_at]
        proposal = _proposal(key, group, report, credited, judged=True)
        if proposal is None:
            continue
        proposal.reasons.append(
            Reason(
                "second_look",
                Text(
                    "Not proposed by the rules; a learned second look, from the words around the "
                    "name, judges it likely an honouree (likelihood {percent}%). Check before accepting",
                    percent=round(likelihood * 100),
                ),
            )
        )
        # at most 0.6: below the rules' proposals that read an honour after a title or award verb
        proposal.confidence = round(likelihood * 0.6, 2)
        added.append(proposal)
    return added
