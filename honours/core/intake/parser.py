"""Reading a whole report: sentences in order, people carried between them, one proposal per person.

The steps: prepare an aligned Simplified copy (``text``), mask bylines (``bylines``), then for
each sentence find titles (``titles``) and people (``mentions``). A sentence that names no one
but starts with 他/她 or an award verb ("2015年荣获…") continues the previous person's story;
a clause ending in "：" after titles ("荣获全国五一劳动奖章的有：") gives those titles to the
people listed after it. Mentions of the same name are merged into one proposal.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ..i18n import Declared, Text
from ..names import normalise_name
from ..places import home_city
from ..records import Deed, Donation, Honour, Honouree, Level, Source, Status
from ..titles import known_title
from ..vocabulary import LEVELS as LEVEL_VOCABULARY
from . import lexicon as lx
from .bylines import Bylines, find_bylines
from .mentions import (
    _NEEDY,
    NOMINATING,
    ORGAN_UNIT,
    SUPERLATIVE_PICK,
    WORKPLACE_BEFORE,
    Mention,
    SentenceReader,
    count_of,
)
from .names import NameHit, index_by_first_char, name_at, starts_with_any
from .proposals import KIND_COLLECTIVE, KIND_PERSON, Highlight, IntakeResult, Proposal, Reason
from .roles import _last_award_verb, attribute, medical, region_of
from .text import Sentence, prepare, split_sentences, without_pinyin_glosses
from .titles import COUNT_BEFORE, TitleMatch, explain_level, find_titles, level_from_table, pair_titles
from .unclaimed import complete_cut_names, credit_unclaimed_titles, extend_lists, settle_name_ends
from .units import _skip_bracket, unit_without_lead

MAX_REPORT_CHARS = 400_000  # a report longer than a book is not a news report
_AWARD_INDEX = index_by_first_char(lx.AWARD_VERBS)
_CARRY_START = re.compile(
    r"^(?:(?:19|20)\d{2}年(?:\d{1,2}月)?|近年来|多年来|此前|其后|随后|后来|还|并|也|曾|先后|又|同年)?"
    r"(?:先后|曾|还|又|多次|相继)?"
)


@dataclass
class _State:
    subject: Mention | None = None
    subject_paragraph: int = -1
    heading: list[TitleMatch] = field(default_factory=list)
    heading_paragraph: int = -1
    heading_line: bool = False
    heading_colon: bool = False  # "获得…奖章的有：" whose list goes on in the lines below
    known: set[str] = field(default_factory=set)  # names credited so far (two characters or more)
    counted: list[TitleMatch] = field(default_factory=list)  # "16名全省劳动模范": a group's title
    counts: dict[int, int] = field(default_factory=dict)  # id of a counted title: how many it counts
    awarded: set[int] = field(default_factory=set)  # ids of titles an award verb gives (授予…称号)
    titles: list[TitleMatch] = field(default_factory=list)  # every person's title in the report
    lead: list[TitleMatch] = field(default_factory=list)  # titles of the headline and first paragraphs
    clear: frozenset[str] = frozenset()  # names written with a clear end somewhere in the report
    nominating: bool = False  # the sentence before, ended by ；, put people up for titles (拟推荐…)
    # the described names that end the sentences just before, each ended by ；, with no title of
    # their own: items of a list whose last one the next sentence ends in 等N人荣获…
    semicolon_items: list[tuple[Sentence, tuple]] = field(default_factory=list)


def analyse_text(original: str, report: str = "") -> IntakeResult:
    """Propose the honourees named in a report's text (as written, Simplified or Traditional)."""
    if not isinstance(original, str):
        raise TypeError("report text must be a string")
    original = without_pinyin_glosses(original[:MAX_REPORT_CHARS])
    if not original.strip():
        return IntakeResult(report, [], False, [], 0)
    analysis, traditional = prepare(original)
    bylines = find_bylines(analysis)
    sentences = split_sentences(original, analysis)
    home = home_city(analysis)
    state = _State(clear=_clear_names(analysis))
    mentions: list[Mention] = []
    for sentence in sentences:
        mentions.extend(_read_sentence(sentence, analysis, bylines, home, state))
        mentions.extend(_counted_back(sentence, sentences, state, home, mentions))
    _levels_written_elsewhere(state)
    _group_title(state, mentions)
    _announced_title(state, mentions, bylines, analysis)
    _extremes_of_group(state, mentions)
    _likewise(mentions)
    _members_listed(mentions, state)
    _respective_titles(mentions)
    _report_years(analysis, mentions)
    _bare_model_levels(state, mentions)
    mentions.extend(credit_unclaimed_titles(sentences, state.titles, mentions, bylines))
    mentions.extend(extend_lists(mentions, bylines))
    complete_cut_names(mentions)
    settle_name_ends(sentences, mentions)
    if not _MODEL_WORKERS.search(analysis):
        for m in mentions:
            m.visited = False  # a visit to a home is an honouree's only in a report about model workers
    proposals = _proposals(mentions, bylines, report)
    if not _HONOUR_WORDS.search(analysis):
        # a report that names no honour at all (a volunteers' day, a meeting): one with neither an
        # honour nor a donation is no honouree here, whatever they did
        proposals = [p for p in proposals if p.honouree.honours or p.honouree.donations]
    return IntakeResult(report, proposals, traditional, list(dict.fromkeys(bylines.texts)), len(sentences))


def _levels_written_elsewhere(state: _State) -> None:
    """…等7名职工荣获“最美劳动者”称号 in a report about 第二届贵州省“最美劳动者”: a quoted title with
    no level word of its own takes the level the report writes for the same title elsewhere, over
    the table's usual level (内蒙古自治区“最美职工” … 20名“最美职工”: the region's, not 全总's)."""
    levelled: dict[str, TitleMatch] = {}
    for t in state.titles:
        if t.quoted and t.has_level_word and t.level != "other" and not level_from_table(t):
            levelled.setdefault(t.title, t)  # the first written: the headline's
    for t in state.titles:
        source = levelled.get(t.title)
        if source is not None and (not t.has_level_word or level_from_table(t)):
            t.level, t.level_reason = source.level, source.level_reason


def _clear_names(analysis: str) -> frozenset[str]:
    """Names the report writes at least once with both ends marked (a clause or list mark before,
    a list mark, 说 or the like after): 田春生就像亲人一样 / ，田春生说 settles 全国劳模田春生走进…"""
    names = set()
    for i, ch in enumerate(analysis):
        if ch not in lx.SURNAMES or (i > 0 and analysis[i - 1] not in _NAME_OPENERS):
            continue
        hit = name_at(analysis, i, strict=True)
        if hit is not None and hit.score >= 2 and len(hit.name) >= 2:
            names.add(hit.name)
    return frozenset(names)


_NAME_OPENERS = set("，,。；;：:、（(“”「」\n ")


def _read_sentence(
    sentence: Sentence, analysis: str, bylines: Bylines, home: str, state: _State
) -> list[Mention]:
    s = sentence.text
    masked = {i - sentence.start for i in range(sentence.start, sentence.end) if i in bylines.masked}
    masked |= _book_titles(s)
    titles = [t for t in find_titles(s) if not any(i in masked for i in range(t.start, t.end))]
    titles = pair_titles(s, titles, _GROUP_AWARD_WORDS)
    for t in titles:
        t.sentence = sentence.index
        if _praise_group(s, t) and t.title.startswith(("优秀", "杰出", "最美")) and not t.quoted:
            t.group = True  # 20名优秀技术工人获得…: the people counted, praised; no honour of their own
        clause = sentence.clauses[sentence.clause_at(t.outer_start)]
        before = s[clause.start : t.outer_start]
        t.posthumous = any(word in before for word in lx.POSTHUMOUS_WORDS)
        if _last_award_verb(before) is not None:
            state.awarded.add(id(t))
            dated = _DATED_SENTENCE.match(s)
            if t.year is None and dated is not None:
                t.year = int(dated.group(1))  # 2022年12月26日，…表彰命名某某为“西宁工匠”: that year's
        if t.year is None:
            t.year = _year_before(before)
    for t in titles:
        if not t.collective:
            state.titles.append(t)
            if sentence.paragraph <= 3 and (t.quoted or not t.weak):
                state.lead.append(t)
            count = COUNT_BEFORE.search(s[: t.outer_start]) or _COUNT_AWARDED.search(s[: t.outer_start])
            if count and not t.weak and (t.has_level_word or t.quoted or t.title != "劳模"):
                state.counted.append(t)
                number = count_of(count.group(0))
                if number is not None:
                    state.counts[id(t)] = number
    reader = SentenceReader(
        sentence, titles, masked, home, frozenset(state.known), state.clear, state.nominating
    )
    reader.find()
    ends_in_semicolon = analysis[sentence.end : sentence.end + 1] in ("；", ";")
    state.nominating = ends_in_semicolon and (state.nominating or NOMINATING.search(s) is not None)
    pronoun_at = _pronoun_clause(sentence)
    subject = state.subject if _continues(sentence, state, pronoun_at) else None
    attribute(reader, subject)
    people = [m for m in reader.mentions if m.name and m.name not in bylines.names]
    if not people and subject is not None:
        carried = _carried(reader, subject, pronoun_at)
        if carried is not None:
            people.append(carried)
    _headings(reader, state, people)
    people += _items_over_semicolons(reader, state, people, ends_in_semicolon)
    persons = [m for m in people if not m.collective and not m.official]
    # a credited person who only speaks here (某市劳动模范、某公司总经理张三说) is known by name below
    speakers = [m for m in people if m.official and m.credited and m.official_word in lx.SPEECH_VERBS]
    state.known.update(
        m.name for m in persons + speakers if m.credited and len(m.name) >= 2 and m.name_score >= 2
    )
    if persons:
        if len(persons) == 1 or persons[-1].credited:
            state.subject = persons[-1]
        state.subject_paragraph = sentence.paragraph
    return people


def _items_over_semicolons(
    reader: SentenceReader, state: _State, people: list[Mention], semicolon: bool
) -> list[Mention]:
    """…获得专利的“80后”闫某；…的工作室创始人刘某；…，获得专利208项的张某等50人荣获某某工匠称号: the
    names that end the sentences before, each ended by ；, are items of the list the last one ends."""
    sentence = reader.sentence
    earlier = [item for item in state.semicolon_items if item[0].paragraph == sentence.paragraph]
    state.semicolon_items = []
    s = reader.s
    found: list[Mention] = []
    last = max(
        (m for m in people if m.shape == "list_before_title" and m.titles and s.startswith("等", m.end)),
        key=lambda m: m.end,
        default=None,
    )
    if last is not None and earlier:
        for earlier_sentence, (hit, unit, unit_span, post, post_span) in earlier:
            found.append(
                Mention(
                    earlier_sentence,
                    hit.name,
                    hit.start,
                    hit.end,
                    "list",
                    titles=list(last.titles),
                    unit=unit,
                    position=post,
                    unit_span=unit_span,
                    position_span=post_span,
                    name_score=hit.score,
                    shape="list_before_title",
                )
            )
    if not semicolon or reader.titles or any(m.credited or m.official for m in people):
        return found
    end = len(s.rstrip(" 　"))
    ending = next((m for m in people if m.end == end and not m.collective), None)
    if ending is not None:
        hit = NameHit(ending.start, ending.end, ending.name, ending.name_score)
        items = [(hit, ending.unit, ending.unit_span, ending.position, ending.position_span)]
    else:
        clause = sentence.clauses[-1]
        items = reader._names_ending_at(end, max(clause.start, s.rfind("的", clause.start) + 1))
    if len(items) == 1 and items[0][0].score >= 2:
        state.semicolon_items = earlier + [(sentence, items[0])]
    return found


_COUNTED_BACK = re.compile(
    r"(?:^|[，,])(?:这|以上|上述)?([两二三四五])(?:人|位)(?:都|均|皆|同时|也)*(?:荣获|获得|获评|被评为|获)了?"
)
_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5}


def _counted_back(
    sentence: Sentence, sentences: list[Sentence], state: _State, home: str, mentions: list[Mention]
) -> list[Mention]:
    """李某，…；另一名…的张某，…；两人都获得模范劳工殊荣: "两人" are the ones the sentences just
    before open with, one each, when there are as many of them as the count says."""
    s = sentence.text
    found = _COUNTED_BACK.search(s)
    if found is None:
        return []
    count = _COUNTS[found.group(1)]
    titles = [
        t
        for t in state.titles
        if t.sentence == sentence.index and t.owner is None and t.outer_start >= found.end() and not t.weak
    ]
    if not titles:
        return []
    named = {m.name for m in mentions if m.credited}
    people: list[Mention] = []
    for earlier in reversed(sentences[max(0, sentence.index - count) : sentence.index]):
        if earlier.paragraph != sentence.paragraph and earlier.paragraph != sentence.paragraph - 1:
            return []
        reader = SentenceReader(earlier, [], set(), home, frozenset(state.known), state.clear)
        hit = reader.opening_subject(len(earlier.clauses))
        if hit is None or hit.name in named:
            return []
        m = Mention(
            earlier, hit.name, hit.start, hit.end, "heading", titles=[titles[0]], name_score=hit.score
        )
        workplace = WORKPLACE_BEFORE.search(earlier.text, 0, hit.start)
        if workplace is not None:
            m.unit, m.unit_span = workplace.group(1), workplace.span(1)
        people.append(m)
    if len(people) != count or len({m.name for m in people}) != count:
        return []
    return list(reversed(people))


_HONOUR_WORDS = re.compile(r"劳模|劳动模范|先进|奖章|奖状|称号|荣誉|表彰|最美|工匠|能手|标兵|模范")
_MODEL_WORKERS = re.compile(r"劳模|劳动模范|先进工作者|五一劳动奖章")
_GROUP_AWARD_WORDS = ("当选为", "当选", "被授予", "荣获", "获得", "获")
_LIST_SHAPES = ("bracket_item", "numbered", "speaker", "colon_item", "have_item", "described_item")


_BARE_MODEL = ("劳模", "劳动模范")


def _bare_model_levels(state: _State, mentions: list[Mention]) -> None:
    """慰问90周岁以上的省级高龄劳模 … 走访看望了A、B等4位高龄劳模: a bare 劳模 said of people in a
    report that names the model workers it is about at one level only holds that level."""
    levels = {
        t.level
        for t in state.titles
        if t.has_level_word
        and t.level != "other"
        and _full_title(t.title).endswith("劳动模范")
        and not re.search(r"各级|各类|以上", t.title)  # 全县各级劳动模范: every level, none in particular
    }
    if len(levels) != 1:
        return
    level = next(iter(levels))
    for m in mentions:
        for i, t in enumerate(m.titles):
            if t.title in _BARE_MODEL and not t.has_level_word and t.level == "other":
                m.titles[i] = dataclasses.replace(t, level=level, level_reason="report")


def _group_title(state: _State, mentions: list[Mention]) -> None:
    """A list whose items name no honour (附：名单 / 1.张三 某单位 / 某公司技师，李四：…) holds the
    group the report counts: "我市16名全省劳动模范…", "十位大国工匠…" — when it counts only one."""
    items = [
        m
        for m in mentions
        if m.name
        and not m.titles
        and not m.official
        and not m.collective
        and (m.shape in _LIST_SHAPES or _whole_line(m))
        and not _official_post(m)  # 市总工会主席王海 in a list is a host, not one of the group
        and not _HOSTS.search(m.sentence.text[: m.start])
    ]
    if len(items) < 2:
        return
    counted = sorted(state.counted, key=lambda t: -len(_full_title(t.title)))
    if any(t.has_level_word for t in counted):
        counted = [t for t in counted if t.has_level_word]  # 三名劳动模范 in a report about 全国劳模
    if not counted:
        return
    group = counted[0]
    full = _full_title(group.title)
    if any(
        t.level != group.level
        or not full.endswith(_full_title(t.title))
        and not full.startswith(_full_title(t.title))
        for t in counted
    ):
        return  # the report counts two groups (省劳模 and 全国劳模): which one a list holds is unclear
    # 十位大国工匠 in a report about the 2022年“大国工匠年度人物”: the full name of the honour
    longer = [t for t in state.titles if t.title.startswith(group.title) and len(t.title) > len(group.title)]
    if longer and len({t.title for t in longer}) == 1:
        group = longer[0]
    if all(m.shape == "described_item" for m in items) and state.counts.get(id(counted[0])) != len(items):
        return  # clauses of [unit][post]NAME are the group's only when the report counts as many
    for m in items:
        m.titles = [group]
        m.anchor = "heading"


_RESPECTIVE = re.compile(r"(?:等人?)?(?:分别|分)(?:荣获|获得|获评|被评为|被授予|获)了?")


def _respective_titles(mentions: list[Mention]) -> None:
    """甲、乙分获全国劳动模范和全国五一劳动奖章: as many titles as people, one each, in order."""
    groups: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        if m.group is not None and m.name and m.end > m.start:
            groups.setdefault((m.sentence.index, m.group), []).append(m)
    for members in groups.values():
        members.sort(key=lambda m: m.start)
        titles = sorted({id(t): t for m in members for t in m.titles}.values(), key=lambda t: t.outer_start)
        if len(members) < 2 or len(titles) != len(members) or titles[0].outer_start < members[-1].end:
            continue
        s = members[-1].sentence.text
        verb = _RESPECTIVE.match(s, _skip_bracket(s, members[-1].end))
        if verb is None or s[verb.end() : titles[0].outer_start].strip("“ "):
            continue
        for m, t in zip(members, titles, strict=True):
            m.titles = [t]


def _members_listed(mentions: list[Mention], state: _State) -> None:
    """此次表彰的全国劳动模范中，有来自某公司的焊工甲，有来自某医院的护士乙: those the sentence
    lists with 有 after the group "…中" are holders of the group's title."""
    for m in mentions:
        if m.titles or m.official or m.collective or not m.name or m.end <= m.start:
            continue
        s = m.sentence.text
        clause = m.sentence.clauses[m.sentence.clause_at(m.start)]
        if not re.match(r"[，,\s]*(?:既|也|还)?有(?:来自)?", s[clause.start : m.start]):
            continue
        groups = [
            t
            for t in state.titles
            if t.sentence == m.sentence.index
            and t.owner is None
            and not t.weak
            and t.outer_end < clause.start
            and re.match(r"(?:当|之)?中[，,]", s[t.outer_end : t.outer_end + 3])
        ]
        if groups:
            m.titles = [groups[-1]]
            m.anchor = "heading"
            came = re.search(
                r"来自([\u4e00-\u9fff]{2,30}?)的[\u4e00-\u9fff]{0,8}$", s[clause.start : m.start]
            )
            if not m.unit and came is not None:  # 有来自某公司的焊工甲: where the person comes from
                m.unit = came.group(1)
                m.unit_span = (clause.start + came.start(1), clause.start + came.end(1))


_LIKEWISE = re.compile(r"(?:同样|同为|也同样)(?:获评|荣获|获得|被评为|当选|是)?[了“ ]*$")


def _likewise(mentions: list[Mention]) -> None:
    """…陈某说。同样获评省劳模的庄某表示…: "同样" says the one named just before holds the title too."""
    for index, m in enumerate(mentions):
        if not m.name or m.collective:
            continue
        s = m.sentence.text
        for t in m.titles:
            clause = m.sentence.clauses[m.sentence.clause_at(t.outer_start)]
            if not _LIKEWISE.search(s, clause.start, t.outer_start):
                continue
            before = next(
                (
                    x
                    for x in reversed(mentions[:index])
                    if x.name
                    and x.name != m.name
                    and not x.collective
                    and x.end > x.start
                    and m.sentence.index - x.sentence.index <= 1
                    and x.sentence.paragraph == m.sentence.paragraph
                ),
                None,
            )
            if before is None or _official_post(before):
                continue
            if before.official and before.official_word not in lx.SPEECH_VERBS:
                continue  # 市领导某某出席。同样获评…的某某: the one before is a guest, not a holder
            if _full_title(t.title) not in {_full_title(y.title) for y in before.titles}:
                before.titles.append(t)


# 本次模范劳工中最为年长的 / 其中一位服务已8年多的: the words before a person picked from a group
_PICK = rf"{SUPERLATIVE_PICK}|(?:其中)?(?:有)?一[位名]"
_ONE_PICKED = re.compile(rf"(?:{_PICK})[^，,。；;]{{0,24}}$")
_FIRST_PICK = re.compile(_PICK)
_SUPERLATIVE = re.compile(
    r"(?:年龄|年纪|从业时间|工龄)?最(?:大|小|年长|年轻|长|短)的(?:[0-9]{1,3}岁[，,]?)?(?:是|为)[^，,。；;]{0,24}$"
)


def _extremes_of_group(state: _State, mentions: list[Mention]) -> None:
    """在此次表彰的全国劳模中，年龄最大的是72岁的农民专家苟某: the oldest or youngest of the
    holders the sentence names before is one of them."""
    for m in mentions:
        if m.official or m.collective or m.name_score < 2 or m.end <= m.start:
            continue
        s = m.sentence.text
        superlative = _SUPERLATIVE.search(s, 0, m.start)
        if superlative is None and m.shape == "one_of_group":
            # …最为年长的张某 / …最大的是洪某，廖某服务44年最久 / 像某某这样的: the first pick
            superlative = (
                _ONE_PICKED.search(s, 0, m.start)
                or _FIRST_PICK.search(s, 0, m.start)
                or re.search(r"像|不乏", s[: m.start])
            )
        if superlative is None:
            continue
        before = [
            t
            for t in state.titles
            if t.sentence == m.sentence.index
            and t.outer_end <= superlative.start()
            and not t.weak
            and t.owner is None
        ]
        if (
            not before and not s[: superlative.start()].strip()
        ):  # …；年龄最小的是33岁的高级技师陈某: the sentence before
            before = [
                t
                for t in state.titles
                if t.sentence == m.sentence.index - 1 and not t.weak and t.owner is None
            ]
        if not before and m.shape == "one_of_group":
            # 本次模范劳工中最为年长的张某: the group the report announces in its headline and lead
            lead = {_full_title(t.title): t for t in state.lead if not t.collective}
            before = list(lead.values()) if len(lead) == 1 else []
        if before:
            # 在百名“最美工匠”中 in a report about 2018“最美浙江人·最美工匠”: the honour's full name
            group = before[-1]
            longer = {
                t.title: t for t in state.titles if t.title.endswith(group.title) and t.title != group.title
            }
            if len(longer) == 1:
                before[-1] = next(iter(longer.values()))
        if before and not m.titles:
            m.titles = [before[-1]]
            m.anchor = "heading"
        elif before and _full_title(before[-1].title) not in {_full_title(t.title) for t in m.titles}:
            # 在百名“最美工匠”中，年龄最大的是中国工艺美术大师某某: the group's honour besides the own
            m.titles.append(before[-1])


def _announced_title(state: _State, mentions: list[Mention], bylines: Bylines, analysis: str) -> None:
    """走近“最美职工” … 发布2022年“最美职工”先进事迹, then one profile after another: the one honour
    the headline and lead announce is held by each person the profiles follow (named again and
    again, the subject of their own clauses), when no other honour is named for them."""
    announced: dict[str, TitleMatch] = {}
    for t in state.lead:  # the headline's 五一劳动奖章 and the lead's 全国总工会颁发的…: the one with a level
        key = _full_title(t.title)
        if key not in announced or announced[key].level == "other":
            announced[key] = t
    if len(announced) != 1:
        return
    title = next(iter(announced.values()))
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.name and m.name not in bylines.names:
            by_name.setdefault(m.name, []).append(m)
    for name, group in by_name.items():
        described = any(m.unit and m.position for m in group)
        if len(name) < 2 or analysis.count(name) < (2 if described else 3):
            continue  # a profile names its subject again and again (twice, when it gives unit and post)
        if any(m.credited or m.official or m.collective or _official_post(m) or _needy(m) for m in group):
            continue  # a leader (市委书记王某) or the one helped (困难职工张某) is no profiled honouree
        subjects = [
            m for m in group if m.anchor in ("clause", "position") and m.name_score >= 3 and m.end > m.start
        ]
        if not subjects or not any(m.deeds for m in group):
            continue
        subjects[0].titles = [title]
        subjects[0].anchor = "heading"
    # 获奖者中…，如北京某公司售票员杨某、某厂厂长马某等: examples of the holders, each with unit and post
    for m in mentions:
        if m.titles or m.official or m.collective or not (m.unit and m.position) or m.name_score < 2:
            continue
        s = m.sentence.text
        example = _EXAMPLE_MARK.search(s, 0, m.start)
        context = s
        if example is not None and example.start() == 0:
            # …的获得者中还包括了一大批厂长。如某造纸厂厂长马某: the examples go on from the sentence before
            before = analysis[: m.sentence.start].rstrip()
            context = before[max(before.rfind(c, 0, len(before) - 1) for c in "。！？\n") + 1 :] + s
        if example is None or not _HOLDERS_REF.search(context) or _official_post(m):
            continue
        if re.search(r"[。；;！？]", s[example.end() : m.start]):
            continue
        m.titles = [title]
        m.anchor = "heading"


_EXAMPLE_MARK = re.compile(r"(?:^|[，,])(?:例如|比如|譬如|如|像|其中)")
_HOLDERS_REF = re.compile(
    r"获奖者|获得者|受表彰|这些先进|这些劳模|获奖的|[0-9一二三四五六七八九十百]+(?:人|名|位)获(?:奖|表扬|表彰)"
)
_HOSTS = re.compile(r"领导|出席|陪同|嘉宾|主持|讲话|致辞|慰问|看望|走访|颁奖|颁发")


def _whole_line(m: Mention) -> bool:
    """■某合作社理事长汪其德: a line that holds one person's unit, post and name and nothing else."""
    s = m.sentence.text
    if not m.sentence.headline or m.end <= m.start or s[m.end :].strip():
        return False
    start = min([m.start] + [span[0] for span in (m.unit_span, m.position_span) if span])
    return not s[:start].strip(" ■●◆★▲※·•-—")


def _full_title(title: str) -> str:
    """省劳模 and 全省劳动模范 are one honour: the short form spelt out, quotes left out."""
    return _title_key(title).replace("劳模", "劳动模范")


_LIFE_YEAR = r"(?![0-9]*月?[0-9]*日?(?:出生|生人|生于|参加工作|入党|毕业|入职|参军))"
_REPORT_YEAR = r"((?:19|20)\d{2})(?:[-—至~](?:19|20)?\d{2})?年度?" + _LIFE_YEAR + r"[^。；;！？!?\n]{0,24}?"


_PAIRED_SECOND = re.compile(r"(全国|全省|省|市|县|区)(先进工作者|先进生产者)$")


def _report_years(analysis: str, mentions: list[Mention]) -> None:
    """A title named without its year takes the one year the report gives that title elsewhere
    ("2024年…全国五一劳动奖…表彰名单" above a list of 全国五一劳动奖章 holders); two years: none."""
    cache: dict[str, int | None] = {}
    for m in mentions:
        for t in m.titles:
            if t.year is not None or t.collective:
                continue
            if t.title not in cache:
                years: set[int] = set()
                bare = re.sub(r"[“”\"「」]", "", t.title)
                # 全省劳动模范 is 2015年省劳动模范; 全国劳动模范 is 2020年全国劳模 (and the other way)
                short, long = bare.replace("劳动模范", "劳模"), bare.replace("劳模", "劳动模范")
                for written in {bare, bare.removeprefix("全"), short, long}:
                    stem = written[: max(4, len(written) - 1)] if len(written) > 4 else written
                    years.update(int(y) for y in re.findall(_REPORT_YEAR + re.escape(stem), analysis))
                paired = _PAIRED_SECOND.match(bare)
                if paired:
                    # 2020年全国劳动模范和先进工作者表彰大会: the year of 全国先进工作者 too
                    pair = re.escape(paired.group(1)) + r"(?:劳动模范|劳模)和" + re.escape(paired.group(2))
                    years.update(int(y) for y in re.findall(_REPORT_YEAR + pair, analysis))
                cache[t.title] = years.pop() if len(years) == 1 else None
            t.year = cache[t.title]
            if t.year is None and "五一劳动奖" in t.title and not _held_before(m.sentence.text, t):
                t.year = _celebration_year(analysis)
            if t.year is None and m.award_verbs and not _held_before(m.sentence.text, t):
                t.year = _ceremony_year(analysis)  # 2025年…表彰大会在长沙召开。…甲荣获“湖南省劳动模范”称号


# "召开2023年庆祝“五一”国际劳动节暨表彰大会": the year of the May Day celebration a report is about
_CELEBRATION = re.compile(r"((?:19|20)\d{2})年[\u4e00-\u9fff]{0,8}庆祝[“\"]?五一")


def _celebration_year(analysis: str) -> int | None:
    """The one year of a May Day celebration the report names: the year of the medals it awards."""
    years = {int(y) for y in _CELEBRATION.findall(analysis)}
    return years.pop() if len(years) == 1 else None


# the event a report is about that gives honours: a meeting, a ceremony, a publication, a decision
_CEREMONY_WORDS = r"(?:表彰(?:大会|会|仪式)|颁奖(?:典礼|仪式|大会)|发布(?:仪式|会)|命名(?:大会|仪式)|决定[，,]?(?:授予|表彰|命名))"
_CEREMONY = re.compile(r"((?:19|20)\d{2})年[^。；;！？]{0,40}?" + _CEREMONY_WORDS)
_CEREMONY_WITHOUT_YEAR = re.compile(_CEREMONY_WORDS)
_YEAR_OF_DATE = r"((?:19|20)\d{2})"
_MONTH_AND_DAY = r"年[01]?\d月[0-3]?\d日"  # 2022年12月26日
_DATELINE = re.compile(rf"{_YEAR_OF_DATE}(?:-[01]?\d-[0-3]?\d|{_MONTH_AND_DAY})")
_DATED_SENTENCE = re.compile(rf"\s*{_YEAR_OF_DATE}{_MONTH_AND_DAY}")


def _ceremony_year(analysis: str) -> int | None:
    """The one year of the award meeting a report is about (2025年…表彰大会), or, when the report
    gives the meeting or decision no year (9月10日，…表彰大会 / 省总工会决定，授予…), the year of
    its dateline (2022-04-27 15:13 / 发布时间:2023-11-28)."""
    years = {int(y) for y in _CEREMONY.findall(analysis)}
    if len(years) == 1:
        return years.pop()
    if years or not _CEREMONY_WITHOUT_YEAR.search(analysis):
        return None
    dated = {int(y) for y in _DATELINE.findall(analysis[:300])}
    return dated.pop() if len(dated) == 1 else None


def _held_before(s: str, t: TitleMatch) -> bool:
    """曾获…奖章 / 奖章获得者: a medal held from before, not one this celebration gives."""
    before = s[max(0, t.outer_start - 12) : t.outer_start]
    return "曾" in before or "获得者" in s[t.outer_end : t.outer_end + 4]


def _book_titles(s: str) -> set[int]:
    """Positions inside 《…》: names there are titles of works, not people."""
    masked: set[int] = set()
    for m in re.finditer(r"《[^》]{1,40}》", s):
        masked.update(range(m.start(), m.end()))
    return masked


def _pronoun_clause(sentence: Sentence) -> int | None:
    """The clause where 他/她 takes up the story, when only lead-ins (疫情发生后，…) come before it."""
    for number, clause in enumerate(sentence.clauses):
        text = clause.text.strip("“” ")
        if text[:1] in ("他", "她") and not text.startswith(("他们", "她们", "他人")):
            return number
        if len(text) > 12 or re.search(r"[他她]", text):
            return None
    return None


def _continues(sentence: Sentence, state: _State, pronoun_at: int | None) -> bool:
    """Does this sentence go on about the last person (same paragraph, or 他/她 takes it up)?"""
    if state.subject is None or _official_post(state.subject):
        return False  # 市总工会主席郑某…参加走访: a leader's sentence goes on about others
    return sentence.paragraph == state.subject_paragraph or pronoun_at is not None


def _carried(reader: SentenceReader, subject: Mention, pronoun_at: int | None) -> Mention | None:
    """他先后荣获…／2015年荣获…: a sentence without names that credits the previous person."""
    sentence = reader.sentence
    if pronoun_at is not None:
        first = sentence.clauses[pronoun_at]
        offset = first.start + (len(first.text) - len(first.text.lstrip("“” "))) + 1
    else:
        first = sentence.clauses[0]
        text = first.text.lstrip("“ ")
        lead = _CARRY_START.match(text)
        after_lead = text[lead.end() :] if lead else text
        if not starts_with_any(after_lead, 0, _AWARD_INDEX) and not after_lead.startswith(
            ("被", "捐", "个人捐", "自费", "还捐", "并捐")
        ):
            return None
        offset = first.start + (len(first.text) - len(text))
    clause_number = sentence.clauses.index(first)
    ranges = [(offset, first.end)] + [(c.start, c.end) for c in sentence.clauses[clause_number + 1 :]]
    carried = Mention(sentence, subject.name, offset, offset, "carried")
    carried.unit, carried.position = subject.unit, subject.position
    from .roles import _credit_donations, _credit_titles, _deeds, _facts

    _credit_titles(reader, [carried], ranges)
    _credit_donations(reader, [carried], ranges)
    _facts(carried, reader.s, offset, ranges)
    if pronoun_at is not None:
        pronoun = reader.s[offset - 1]
        carried.gender = {"他": "男", "她": "女"}.get(pronoun, "")
        carried.gender_evidence = pronoun
        if not sentence.headline:
            carried.deeds = _deeds(reader.s, ranges, [])
    if not (carried.titles or carried.donations or carried.deeds):
        return None
    return carried


# 我市共有12人获评省劳动模范: the people counted were given the title
_COUNT_AWARDED = re.compile(
    r"(?:[0-9]+|[二三四五六七八九十百两][一二三四五六七八九十百两]*)(?:名|位|人)(?:职工|同志)?"
    r"(?:[我本][省市区县州旗])?(?:获评|获得|荣获|被评为|被授予|当选为?|获)了?$"  # 5名我区荣获
)
_SHORT_LIST_LEAD = re.compile(
    r"(?:他们|她们|获奖者|获奖名单|名单"
    r"|(?:这|以上|上述)?[0-9一二三四五六七八九十百两]+(?:名|位|人)[\u4e00-\u9fff]{0,8}?)?"  # 这20名优秀技术工人
    r"(?:分别|依次)?(?:是|为|如下)[：:，,]"
)
_HEADING_END = re.compile(
    r"(?:有|是|为|如下|名单|以下同志|以下人员|分别|获得者|获奖者|得主|[0-9一二三四五六七八九十百两]+[人名位]"
    r"|(?:称号|荣誉|奖章)的[\u4e00-\u9fff]{1,6})[：:，,]$"
)
# 他们分别是，A、B: a comma after 分别是 / 依次为 does a colon's work
_COMMA_AS_COLON = re.compile(r"(?:分别|依次)(?:是|为)[，,]")


def _list_colon(s: str) -> int:
    """Where the list a sentence announces begins: its last colon, else the comma after 分别是."""
    colon = max(s.rfind("："), s.rfind(":"))
    if colon < 0:
        comma = _COMMA_AS_COLON.search(s)
        if comma is not None:
            colon = comma.end() - 1
    return colon


_HEADING_LINE = re.compile(
    r"(?:获得者|得主|名单|获奖者|人员|个人|名录|对象|人选)(?:名单)?(?:[（(]\d+[人名][)）])?$"
)


def _headings(reader: SentenceReader, state: _State, people: list[Mention]) -> None:
    """ "获得全国五一劳动奖章的职工有：A，B，C" and heading lines above lists: titles for the listed people."""
    s = reader.s
    sentence = reader.sentence
    listed = [
        m
        for m in people
        if m.name
        and not m.titles
        and not m.collective
        and not m.official
        and m.anchor != "carried"
        and not _CONTACT.search(s[max(0, m.start - 6) : m.start])  # 联系人：苏某: whom to ask
        and not _official_post(m)  # 市委书记王某，市长白某，…出席并颁奖: the leaders present
        and not _needy(m)  # 困难职工张某: the one helped, not honoured
    ]
    colon = _list_colon(s)
    own_heading = colon >= 0 and bool(_HEADING_END.search(s[: colon + 1]))
    if own_heading and any(
        t.owner is None and not t.collective and t.outer_end <= colon for t in reader.titles
    ):
        state.heading = []  # 荣获全国先进工作者称号2人，分别是：… heads a list of its own
    if state.heading:
        # a list broken over a line (…抹灰工高级技师于某\n、车工技师张某、…) is still one paragraph's
        same_paragraph = sentence.paragraph == state.heading_paragraph or (
            sentence.paragraph == state.heading_paragraph + 1 and s.lstrip().startswith(("、", "，", ","))
        )
        line_item = (
            (state.heading_line or state.heading_colon)
            and (sentence.headline or all(_list_line(sentence, m) for m in listed))
            and sentence.paragraph - state.heading_paragraph <= 1
        )
        if listed and (same_paragraph or line_item):
            for m in listed:
                m.titles = list(state.heading)
                m.anchor = "heading"
            state.heading_paragraph = sentence.paragraph
            return
        if (
            not listed
            and state.heading_line
            and sentence.headline
            and sentence.paragraph - state.heading_paragraph <= 1
            and not reader.titles
        ):
            state.heading_paragraph = sentence.paragraph  # a table's header row ("姓名 单位 职务")
            return
        if not listed and same_paragraph and len(s) <= 6 and not reader.titles:
            return  # a scrap between sentence marks (a mis-decoded "?;") does not end the list
        if not listed and same_paragraph and not reader.titles:
            item = _item_at_end(reader)
            if item is not None:  # …在车间实现自我超越的某公司织布帮接工张某；: an item over ；
                item.titles, item.anchor = list(state.heading), "heading"
                people.append(item)
                return
        state.heading = []
    colon = _list_colon(s)
    free = [
        t
        for t in reader.titles
        if t.owner is None and not t.collective and not t.group and (colon < 0 or t.outer_end <= colon)
    ]
    short_lead = colon >= 0 and bool(_SHORT_LIST_LEAD.fullmatch(s[: colon + 1].strip()))
    if free and short_lead and all(_praise_group(s, t) for t in free):
        free = []  # 这20名优秀技术工人分别是：the people the sentence before gives an honour, praised
    if not free and short_lead:
        # 我市共有12人获评省劳动模范。他们是：A、B、C: the title the sentence before counts
        counted = [
            t
            for t in state.counted
            if t.sentence == sentence.index - 1 and (t.level != "other" or t.has_level_word or t.quoted)
        ]
        free = counted[-1:] or _awarded_before(state, sentence.index - 1)
    if not free and colon >= 0 and _HEADING_END.search(s[: colon + 1]):
        # 台湾省模范劳工表扬大会昨日举行，本县共有五人获选，分别是：… the honour the ceremony is for
        free = _event_title(s[:colon], sentence.index)
    if not free and colon >= 0 and _BACK_REFERENCE.search(s[:colon]) and _HEADING_END.search(s[: colon + 1]):
        # 会议表彰了省劳动模范。我市共有8人获此殊荣，分别是：…: the honour the sentence before names
        free = _previous_title(state, sentence.index - 1)
    if not free:
        return
    heading_line = sentence.headline and (
        bool(_HEADING_LINE.search(s.strip())) or (len(free) == 1 and _only_title(s, free[0]))
    )
    colon_list = colon >= 0 and bool(_HEADING_END.search(s[: colon + 1]))
    if not (heading_line or colon_list):
        return
    for t in free:
        t.owner = -1
    after = [m for m in listed if colon >= 0 and m.start > colon]
    for m in after:
        m.titles = list(free)
        m.anchor = "heading"
    # the list may go on in the next sentences (items split by ；) or lines
    state.heading = free
    state.heading_paragraph = sentence.paragraph
    state.heading_line = heading_line
    state.heading_colon = colon_list and not s[colon + 1 :].strip()


_HEADING_NUMBER = re.compile(
    r"^\s*(?:(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})[.．、]|[（(][0-9一二三四五六七八九十]{1,3}[)）])"
)


_EVENT = re.compile(r"(?:表彰|表扬|颁奖|命名)(?:大会|会|仪式)|评选结果")


def _event_title(text: str, index: int) -> list[TitleMatch]:
    """The one honour a ceremony is named for (2024年省劳动模范表彰大会) in the words before a list."""
    found = []
    for event in _EVENT.finditer(text):
        head = text[: event.start()]
        titles = [
            t for t in find_titles(head) if t.outer_end == len(head) and not t.collective and not t.weak
        ]
        if titles:
            titles[-1].sentence = index
            found.append(titles[-1])
    return found[-1:] if len({t.title for t in found}) == 1 else []


def _praise_group(s: str, t: TitleMatch) -> bool:
    """20名优秀技术工人: a counted group named by a word of praise with no level, not an honour."""
    return (
        t.level == "other"
        and not t.has_level_word
        and not t.quoted
        and bool(COUNT_BEFORE.search(s[: t.outer_start]))
    )


def _item_at_end(reader: SentenceReader) -> Mention | None:
    """The [unit][post]NAME that ends a sentence, read from after the last 的 of its description."""
    s = reader.s.rstrip(" 　")
    clause = reader.sentence.clauses[-1]
    start = max(clause.start, s.rfind("的", clause.start) + 1)
    found = reader._names_ending_at(len(s), start)
    if len(found) != 1 or not (found[0][1] or found[0][3]):
        return None
    added = reader._add_found(found, "list")
    return added[0] if added else None


def _awarded_before(state: _State, index: int) -> list[TitleMatch]:
    """全国妇联决定授予…10位优秀女性全国三八红旗手标兵荣誉称号。她们是：…: the one honour the
    sentence before gives with an award verb."""
    titles = [t for t in state.titles if t.sentence == index and id(t) in state.awarded and not t.weak]
    return titles[:1] if len({t.title for t in titles}) == 1 else []


_BACK_REFERENCE = re.compile(r"获此殊荣|获此荣誉|获此称号|获此奖项|榜上有名|入选名单")


def _previous_title(state: _State, index: int) -> list[TitleMatch]:
    """The one honour a sentence names (a pair such as 省劳动模范和先进工作者 read as one)."""
    titles = [t for t in state.titles if t.sentence == index and not t.collective]
    if (
        len(titles) == 2
        and titles[0].title.endswith(("劳动模范", "劳模"))
        and titles[1].title
        in (
            "先进工作者",
            "先进生产者",
        )
    ):
        return [dataclasses.replace(titles[0], title=titles[0].title + "和" + titles[1].title, owner=None)]
    return titles if len(titles) == 1 else []


def _only_title(s: str, title: TitleMatch) -> bool:
    """A line that is just a title (全国五一劳动奖章): the heading of the names listed below it."""
    before = _HEADING_NUMBER.sub("", s[: title.outer_start])  # 二、省五一劳动奖章 / （二）…
    # 赣鄱工匠(赣州): the place a city's share of the list is for, in brackets after the title
    after = re.sub(r"^[（(][\u4e00-\u9fff]{2,6}[)）]", "", s[title.outer_end :].strip())
    return not re.sub(r"[\s：:（）()0-9人名个位]", "", before + after)


def _list_line(sentence: Sentence, m: Mention) -> bool:
    """A list item's line: "江苏：蔡明 苏州中学副校长", "贺 彪 国网…工作负责人" (the name opens it)."""
    s = sentence.text
    if any(ch in s for ch in "。！？"):
        return False
    if _CONTACT.search(s[: m.start]):
        return False  # 联系人：苏某  电话：…: whom to ask, not one of the list
    return bool(_LIST_LINE_HEAD.fullmatch(s[: m.start]))


_CONTACT = re.compile(r"联系人|联系电话|电话|咨询|受理|监督|举报|地址|邮箱|传真")
_LIST_LINE_HEAD = re.compile(
    r"\s*(?:(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})[.．、)）]\s*|[（(][0-9一二三四五六七八九十]{1,3}[)）]\s*)?"
    r"(?:[\u4e00-\u9fff]{2,8}[：:]\s*)?"
)


# -- from mentions to proposals ----------------------------------------------------------------
def _proposals(mentions: list[Mention], bylines: Bylines, report: str) -> list[Proposal]:
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        if not m.name or m.name in bylines.names:
            continue
        # the name as the registry keeps it (沙吾尔•芒力克 → 沙吾尔·芒力克), so that two spellings are one person
        by_name.setdefault(normalise_name(m.name).name, []).append(m)
    credited = frozenset(name for name, group in by_name.items() if any(m.credited for m in group))
    proposals: list[Proposal] = []
    for name, group in by_name.items():
        proposal = _proposal(name, group, report, credited)
        if proposal is not None:
            proposals.append(proposal)
    proposals.sort(key=lambda p: _first_position(by_name[p.name]))
    return proposals


def _first_position(group: list[Mention]) -> tuple[int, int]:
    first = min(group, key=lambda m: (m.sentence.start, m.start))
    return first.sentence.start, first.start


def _facts_weight(m: Mention) -> int:
    """How much a mention says; the source sentence is the richest one that names the person."""
    return (
        3 * len(m.titles)
        + 3 * len(m.donations)
        + 2 * bool(m.unit)
        + bool(m.position)
        + 2 * bool(m.deeds)
        + bool(m.age)
        + 10 * (m.end > m.start)
        - 2 * m.sentence.headline
        - 5 * m.official
    )


def _proposal(
    name: str, group: list[Mention], report: str, credited_names: frozenset[str] = frozenset()
) -> Proposal | None:
    credited = [m for m in group if m.credited]
    if any(m.official for m in group) and not credited and not any(m.visited for m in group):
        return None  # 每到一处…主席丁某都会…交谈 / 丁某强调: one who leads the visit elsewhere, no honour
    if (
        credited
        and all(m.anchor == "heading" for m in credited)
        and any(m.official or _official_post(m) for m in group)
    ):
        return None  # 市委书记王某…出席并为获奖者颁奖, named again in a headline above the list: a leader
    collective = any(m.collective for m in group)
    # without an honour or donation, only a deed of one's own announced by a unit and post is worth a look
    if (
        not credited
        and not any(m.visited and not m.official for m in group)
        and not any(
            m.anchor in ("position", "comrade")
            and m.deeds
            and not m.official
            and m.name_score >= 2
            and not _official_post(m)
            and not _official_description(m)
            and not _among_guests(m)
            # “职工云畅听”: a quoted brand; 某公司职工王某：“…”: a voice, not a deed
            and m.sentence.text[m.end : m.end + 1] not in ("”", "」", "：", ":")
            and _own_deed(m, credited_names)
            and not _needy(m)
            for m in group
        )
    ):
        return None
    best = max(group, key=_facts_weight)
    with_reasons = _honours_with_reasons(group)
    honours = [honour for honour, _ in with_reasons]
    donations = _donations(group)
    deeds = _unique(
        d for m in sorted(group, key=lambda m: -_facts_weight(m)) for d in m.deeds if not m.official
    )
    unit_source = next((m for m in sorted(group, key=lambda m: -_facts_weight(m)) if m.unit), None)
    position_source = next((m for m in sorted(group, key=lambda m: -_facts_weight(m)) if m.position), None)
    unit = unit_without_lead(unit_source.unit, name) if unit_source else ""
    position = position_source.position if position_source else ""
    deceased = next((m for m in group if m.deceased_word), None)
    posthumous_titles = {h.title for h in honours if h.posthumous}
    gender_source = next((m for m in group if m.gender), None)
    ethnicity = next((m.ethnicity for m in group if m.ethnicity), "")
    age = next((m.age for m in group if m.age), "")
    roles = _unique(r for m in group for r in m.roles)
    region_source = unit_source or best
    region = region_of(region_source) or next((region_of(m) for m in group if region_of(m)), "")
    status = Status.DECEASED.value if deceased or posthumous_titles else Status.ACTIVE.value
    if not deceased and any("退休" in (m.position or "") for m in group):
        status = Status.RETIRED.value
    category = _category(collective, unit, position, honours, donations, deeds)
    notes = _notes(roles, deceased, gender_source, group)
    honouree = Honouree(
        name=name,
        unit=unit,
        position=position,
        region=region,
        category=category,
        status=status,
        gender=gender_source.gender if gender_source else "",
        ethnicity=ethnicity,
        age=age,
        notes=notes,
        source=Source(report=report, sentence=best.sentence.original),
        honours=honours,
        deeds=[Deed(text=d) for d in deeds],
        donations=donations,
    )
    reasons = _reasons(group, with_reasons, donations, deeds, deceased, gender_source, collective)
    confidence = _confidence(group, honours, donations, unit)
    return Proposal(
        honouree=honouree,
        confidence=confidence,
        reasons=reasons,
        highlights=_highlights(best),
        kind=KIND_COLLECTIVE if collective else KIND_PERSON,
        sentence_simplified=best.sentence.text,
        mentions=len(group),
    )


def _official_post(m: Mention) -> bool:
    """区委副书记 / 总工会常务副主席 / 主席 without a unit: a post in an organ, not a worker's job."""
    if not m.position or not m.position.endswith(tuple(lx.OFFICIAL_POSITIONS)):
        return False
    # 人大副主任、总|工会主席: a unit cut inside the organ's name still names the organ with the post;
    # 区|党委书记: a region alone as the unit is the region's own party or government
    return (
        not m.unit
        or m.unit.lstrip("我本全") in _REGION_WORDS
        or bool(ORGAN_UNIT.search(m.unit) or ORGAN_UNIT.search(m.unit + m.position))
    )


_REGION_WORDS = ("省", "市", "县", "区", "州", "旗", "盟", "镇", "乡", "自治区", "自治州", "自治县")


_ORGAN_WORDS = re.compile(lx.ORGAN_WORDS_PATTERN)


_GUESTS = re.compile(r"等(?:来宾|嘉宾|贵宾|领导|各界人士)|等[^，,。；;]{0,6}(?:均|都|也)?(?:与会|莅临|出席)")


_ATTENDING = re.compile(r"带领[^，,。；;]{0,16}(?:观看|参观|出席|参加|观摩|聆听)")


def _own_deed(m: Mention, credited_names: frozenset[str]) -> bool:
    """A deed that is the person's own: not leading others to watch a show (带领…观看了演出), not an
    act towards an honouree of the report (校长某把难题摆在了谢某面前)."""
    deeds = [d for d in m.deeds if not _ATTENDING.search(d)]
    return any(not any(other in d for other in credited_names if other != m.name) for d in deeds)


def _needy(m: Mention) -> bool:
    """看望困难职工史某: a unit or post that says the person is the one in hardship who is helped."""
    return bool(_NEEDY.search(m.unit + m.position))


def _among_guests(m: Mention) -> bool:
    """包括县长甲、处长乙、…等来宾均与会: those a list of guests names are there to present."""
    s = m.sentence.text
    clause = m.sentence.clauses[m.sentence.clause_at(m.start)]
    if _GUESTS_LEAD.search(s, 0, m.start):
        return True  # 出席交流环节的嘉宾包括…局长甲、…主席乙教授: a guest named in the list
    return bool(_GUESTS.search(s, m.end, clause.end))


_GUESTS_LEAD = re.compile(
    r"(?:嘉宾|来宾|贵宾|领导|出席[^，,。；;]{0,10}的[\u4e00-\u9fff]{0,4})(?:包括|有|是)[：:]?"
)


def _official_description(m: Mention) -> bool:
    """The description before a name (its clause up to the name) holds an organ or a government post:
    someone with only a deed here is a leader present, not an honouree."""
    s = m.sentence.text
    clause = m.sentence.clauses[m.sentence.clause_at(m.start)]
    return bool(_ORGAN_WORDS.search(s[clause.start : m.start]))


def _unique(items) -> list:
    return list(dict.fromkeys(items))


def _honours(group: list[Mention]) -> list[Honour]:
    return [honour for honour, _ in _honours_with_reasons(group)]


def _honours_with_reasons(group: list[Mention]) -> list[tuple[Honour, str]]:
    """The person's honours, each once, with why its level was chosen."""
    honours: dict[str, Honour] = {}
    reasons: dict[str, str] = {}
    for m in sorted(group, key=lambda m: (m.sentence.start, m.start)):
        for t in m.titles:
            key = _full_title(t.title)  # 市劳模 and 市劳动模范 said of one person: one honour
            posthumous = t.posthumous or any(w in v for v in m.award_verbs for w in lx.POSTHUMOUS_WORDS)
            year = t.year
            existing = honours.get(key)
            if existing is None:
                honours[key] = Honour(
                    title=t.title, level=t.level, year=year, awarded_by=m.awarded_by, posthumous=posthumous
                )
                reasons[key] = t.level_reason
            else:
                existing.posthumous = existing.posthumous or posthumous
                existing.year = existing.year or year
                existing.awarded_by = existing.awarded_by or m.awarded_by
    # 给劳模牛忠义… and 牛忠义于1988年获得合肥市劳模称号: the bare 劳模 is the named one, said again
    named = [k for k in honours if _full_title(k).endswith("劳动模范") and k not in _BARE_MODEL]
    if named:
        for key in [
            k for k in honours if k in _BARE_MODEL and honours[k].level in ("other", honours[named[0]].level)
        ]:
            del honours[key]
    # 到省劳模陈某家中 … 1959年被评为江苏省劳动模范: a level word alone and the named place, one honour
    for bare in [k for k in honours if _BARE_LEVEL_MODEL.fullmatch(_full_title(k))]:
        same = [
            k
            for k in honours
            if k != bare
            and honours[k].level == honours[bare].level
            and _full_title(k).endswith("劳动模范")
            and not _BARE_LEVEL_MODEL.fullmatch(_full_title(k))
        ]
        if len(same) == 1:
            kept = honours[same[0]]
            kept.year = kept.year or honours[bare].year
            kept.posthumous = kept.posthumous or honours[bare].posthumous
            del honours[bare]
    for honour in honours.values():  # the report's own words first, else the table of well-known titles
        known = known_title(honour.title)
        honour.awarded_by = honour.awarded_by or (known.awarded_by if known else "")
    return [(honour, reasons[key]) for key, honour in honours.items()]


_BARE_LEVEL_MODEL = re.compile(r"(?:全|本|我)?[省市县区](?:级)?劳动模范")


def _title_key(title: str) -> str:
    return re.sub(r"[“”\"'「」\s]|荣誉称号|称号", "", title)


def _year_before(text: str) -> int | None:
    # 1965年出生 / 1985年参加工作: a year of the person's life, not of an honour
    years = re.findall(r"((?:19|20)\d{2})年" + _LIFE_YEAR, text)
    if years:
        return int(years[-1])
    bare = re.search(r"(?<!\d)((?:19|20)\d{2})(?:年度)?$", text)  # 2020八闽工匠年度人物: a bare year
    return int(bare.group(1)) if bare else None


def _donations(group: list[Mention]) -> list[Donation]:
    seen: set[tuple] = set()
    out: list[Donation] = []
    for m in sorted(group, key=lambda m: (m.sentence.start, m.start)):
        for d in m.donations:
            key = (d.amount_fen, d.item, d.quantity, d.quantity_unit)
            if key in seen:
                continue
            seen.add(key)
            out.append(d)
    return out


def _category(
    collective: bool,
    unit: str,
    position: str,
    honours: list[Honour],
    donations: list[Donation],
    deeds: list[str],
) -> str:
    if collective:
        return "collective"
    titles = [h.title for h in honours]
    if medical(unit, position, titles, deeds):
        return "medical"
    if any("劳动模范" in t or "劳模" in t for t in titles):
        return "model worker"
    if donations and not honours:
        return "donor"
    return "other trades"


def _notes(
    roles: list[str], deceased: Mention | None, gender_source: Mention | None, group: list[Mention]
) -> str:
    bits = ["据报道自动识别，请核对。"]
    for role in roles:
        bits.append(f"{role}（身份，非荣誉称号）。")
    if deceased is not None:
        bits.append(f"报道称“{deceased.deceased_word}”。")
    if gender_source is not None and gender_source.gender_evidence not in ("男", "女"):
        bits.append(f"性别据报道中“{gender_source.gender_evidence}”推定。")
    if any(m.shared_donation == "joint" for m in group):
        bits.append("共同捐赠的金额为合计数，请核对各人份额。")
    return "".join(bits)


def _reasons(
    group: list[Mention],
    with_reasons: list[tuple[Honour, str]],
    donations: list[Donation],
    deeds: list[str],
    deceased: Mention | None,
    gender_source: Mention | None,
    collective: bool,
) -> list[Reason]:
    reasons: list[Reason] = []
    honours = [honour for honour, _ in with_reasons]
    anchors = {m.anchor for m in group}
    titles = "、".join(h.title for h in honours)
    if collective:
        reasons.append(
            Reason(
                "collective",
                Text("A unit credited with a collective honour: {titles}", titles=titles),
            )
        )
    if "title" in anchors:
        reasons.append(
            Reason(
                "title_before_name",
                Text("Honour title written before the name: {titles}", titles=titles),
            )
        )
    if any(m.shape == "list_before_title" for m in group):
        reasons.append(
            Reason(
                "listed_before_title",
                Text("Named in a list that the honour title follows: {titles}", titles=titles),
            )
        )
    if any(m.shape == "example_item" for m in group):
        reasons.append(
            Reason(
                "example_of_holders",
                Text("Given as an example of those the report says hold the honour: {titles}", titles=titles),
            )
        )
    if any(m.shape == "bracket" for m in group):
        reasons.append(
            Reason(
                "title_in_brackets",
                Text("Honour title in brackets after the name: {titles}", titles=titles),
            )
        )
    if "award" in anchors or any(m.award_verbs for m in group):
        verbs = "、".join(_unique(v for m in group for v in m.award_verbs))
        reasons.append(
            Reason(
                "award_verb",
                Text("The text says the honour was given ({verbs}): {titles}", verbs=verbs, titles=titles),
            )
        )
    if "heading" in anchors:
        reasons.append(
            Reason(
                "listed_under_heading",
                Text("Listed under a heading naming the honour: {titles}", titles=titles),
            )
        )
    if "carried" in anchors:
        reasons.append(
            Reason(
                "continued",
                Text("A following sentence (他/她…) credits the same person"),
            )
        )
    for h, why in with_reasons:
        reasons.append(
            Reason(
                "level",
                Text(
                    "{title}: {level} level ({why})",
                    title=h.title,
                    level=Declared(h.level, LEVEL_VOCABULARY.label(h.level)),
                    why=Declared(explain_level(why, "en"), explain_level(why, "zh")),  # titles.py's rules
                ),
            )
        )
    if donations:
        from ..amounts import format_quantity, format_yuan

        shown = "、".join(
            (format_yuan(d.amount_fen) if d.amount_fen is not None else "")
            + (
                d.item + (format_quantity(d.quantity, d.quantity_unit) if d.quantity else "")
                if d.item
                else ""
            )
            for d in donations
        )
        reasons.append(Reason("donation", Text("Credited with donations: {shown}", shown=shown)))
        if any(m.shared_donation == "each" for m in group):
            reasons.append(
                Reason(
                    "shared_each",
                    Text("Named in a list whose members each gave the amount (各)"),
                )
            )
        if any(m.shared_donation == "joint" for m in group):
            reasons.append(
                Reason(
                    "shared_joint",
                    Text("Gave jointly with others: the amount is the group's total"),
                )
            )
    if not honours and not donations and any(m.visited for m in group):
        reasons.append(
            Reason(
                "visited",
                Text("Visited at home in a report about model workers, but no honour is named: check"),
            )
        )
    elif not honours and not donations:
        reasons.append(
            Reason(
                "deed_only",
                Text("Named with a deed of their own, but no honour or donation: check"),
            )
        )
    if any(m.official for m in group):
        reasons.append(
            Reason(
                "also_official",
                Text("Also appears leading or visiting, but is credited in their own right"),
            )
        )
    if deceased is not None:
        reasons.append(
            Reason("deceased", Text("The report says {deceased_word}", deceased_word=deceased.deceased_word))
        )
    if all(m.name_score < 2 for m in group if m.end > m.start):
        reasons.append(
            Reason(
                "name_boundary",
                Text("Where the name ends is a guess: check two- or three-character"),
            )
        )
    if len(group) > 1:
        reasons.append(
            Reason(
                "several_mentions", Text("Named {group_count} times in the report", group_count=len(group))
            )
        )
    return reasons


def _confidence(group: list[Mention], honours: list[Honour], donations: list[Donation], unit: str) -> float:
    base = {
        "title": 0.9,
        "award": 0.9,
        "heading": 0.85,
        "collective": 0.6,
        "position": 0.6,
        "comrade": 0.6,
        "carried": 0.6,
        "list": 0.55,
        "clause": 0.5,
    }
    score = max(base.get(m.anchor, 0.5) for m in group)
    if honours and any(m.award_verbs for m in group):
        score = max(score, 0.85)
    if donations:
        score = max(score, 0.75)
    if not honours and not donations:
        score = min(score, 0.35)
    if any(m.official for m in group):
        score -= 0.1
    if all(m.name_score < 2 for m in group if m.end > m.start):
        score -= 0.15  # where the name ends is a guess (三字 or 二字?)
    if unit:
        score += 0.03
    if len(group) > 1:
        score += 0.03
    return round(max(0.05, min(score, 0.99)), 2)


def _highlights(m: Mention) -> list[Highlight]:
    spans: list[Highlight] = []
    if m.end > m.start:
        spans.append(Highlight(m.start, m.end, "name"))
    for t in m.titles:
        if t.sentence != m.sentence.index:
            continue  # a list heading's title, in an earlier sentence
        spans.append(Highlight(t.start, t.end, "title"))
    if m.unit_span:
        spans.append(Highlight(*m.unit_span, "unit"))
    if m.position_span:
        spans.append(Highlight(*m.position_span, "position"))
    for a, b in m.donation_spans:
        spans.append(Highlight(a, b, "donation"))
    for a, b in m.award_spans:
        spans.append(Highlight(a, b, "award"))
    if m.status_span:
        spans.append(Highlight(*m.status_span, "status"))
    length = len(m.sentence.text)
    clean = [h for h in spans if 0 <= h.start < h.end <= length]
    return sorted(set(clean), key=lambda h: (h.start, h.end))


LEVELS = [lv.value for lv in Level]
