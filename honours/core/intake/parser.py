"""Reading a whole report: sentences in order, people carried between them, one proposal per person.

The steps: prepare an aligned Simplified copy (``text``), mask bylines (``bylines``), then for
each sentence find titles (``titles``) and people (``mentions``). A sentence that names no one
but starts with 他/她 or an award verb ("2015年荣获…") continues the previous person's story;
a clause ending in "：" after titles ("荣获全国五一劳动奖章的有：") gives those titles to the
people listed after it. Mentions of the same name are merged into one proposal.

This module is the pipeline and the reading of sentence after sentence (headings and list
lines included). Once every sentence is read, the steps over the whole report live in modules
of their own: what the report says once for many people (``shared_facts``), the year of each
honour (``honour_years``), and how the mentions of one name become a proposal (``proposing``).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ..places import home_city
from ..records import Level
from . import lexicon as lx
from .bylines import Bylines, find_bylines
from .honour_years import _DATED_SENTENCE, _report_years, _year_before
from .mention_lists import THEY_ARE
from .mentions import NOMINATING, WORKPLACE_BEFORE, Mention, SentenceReader, count_of
from .names import NameHit, index_by_first_char, name_at, starts_with_any
from .proposals import IntakeResult, Proposal
from .proposing import _needy, _official_post, _proposals
from .report_honours import give_report_honours
from .roles import _last_award_verb, attribute
from .second_look import Model as SecondLookModel
from .second_look import second_look
from .shared_facts import (
    _announced_title,
    _bare_standard_levels,
    _bodies_shared,
    _extremes_of_group,
    _group_title,
    _host_levels,
    _levels_written_elsewhere,
    _likewise,
    _members_listed,
    _municipality_levels,
    _respective_titles,
)
from .text import Sentence, prepare, split_sentences, without_pinyin_glosses
from .titles import COUNT_BEFORE, TitleMatch, find_titles, pair_titles
from .unclaimed import complete_cut_names, credit_unclaimed_titles, extend_lists, settle_name_ends

MAX_REPORT_CHARS = 400_000  # a report longer than a book is not a news report


_HONOUR_WORDS = re.compile(r"劳模|劳动模范|先进|奖章|奖状|称号|荣誉|表彰|最美|工匠|能手|标兵|模范")
_MODEL_WORKERS = re.compile(r"劳模|劳动模范|先进工作者|五一劳动奖章")


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


@dataclass
class Reading:
    """What the rules read in a report: the proposals, and what the learned steps look at again."""

    analysis: str
    traditional: bool
    sentences: list[Sentence]
    bylines: Bylines
    mentions: list[Mention]
    titles: list[TitleMatch]  # every person's title the report says
    proposals: list[Proposal]


def read_text(original: str, report: str = "") -> Reading | None:
    """The rules' reading of a report's text (None for an empty one): what `analyse_text` adds
    its learned steps to, and what their training reads."""
    if not isinstance(original, str):
        raise TypeError("report text must be a string")
    original = without_pinyin_glosses(original[:MAX_REPORT_CHARS])
    if not original.strip():
        return None
    analysis, traditional = prepare(original)
    bylines = find_bylines(analysis)
    sentences = split_sentences(original, analysis)
    home = home_city(analysis)
    state = _State(clear=_clear_names(analysis))
    mentions: list[Mention] = []
    for sentence in sentences:
        mentions.extend(_read_sentence(sentence, analysis, bylines, home, state))
        mentions.extend(_counted_back(sentence, sentences, state, home, mentions))
    _levels_written_elsewhere(state, analysis)
    _host_levels(state, analysis)
    _municipality_levels(state, analysis, home)
    _bodies_shared(mentions)
    _group_title(state, mentions)
    _announced_title(state, mentions, bylines, analysis)
    _extremes_of_group(state, mentions)
    _likewise(mentions)
    _members_listed(mentions, state)
    _respective_titles(mentions)
    _report_years(analysis, mentions, frozenset(state.awarded))
    _bare_standard_levels(state, mentions)
    mentions.extend(credit_unclaimed_titles(sentences, state.titles, mentions, bylines))
    mentions.extend(extend_lists(mentions, bylines))
    complete_cut_names(mentions)
    settle_name_ends(sentences, mentions)
    if not _MODEL_WORKERS.search(analysis):
        for m in mentions:
            m.visited = False  # a visit to a home is an honouree's only in a report about model workers
    proposals = _proposals(mentions, bylines, report)
    return Reading(analysis, traditional, sentences, bylines, mentions, state.titles, proposals)


def analyse_text(original: str, report: str = "", *, learned: bool = True) -> IntakeResult:
    """Propose the honourees named in a report's text (as written, Simplified or Traditional);
    `learned=False` reads with the rules and no learned steps (what their training compares)."""
    reading = read_text(original, report)
    if reading is None:
        return IntakeResult(report, [], False, [], 0)
    return propose(reading, report, learned=learned)


def propose(reading: Reading, report: str = "", *, learned: bool = True) -> IntakeResult:
    """The proposals of a reading: the rules', then (`learned`) what the learned steps add. The
    learned steps change the reading's proposals in place; read again, or copy, to have both."""
    proposals = reading.proposals
    if learned:
        proposals = proposals + learned_steps(reading, report)
    if not _HONOUR_WORDS.search(reading.analysis):
        # a report that names no honour at all (a volunteers' day, a meeting): one with neither an
        # honour nor a donation is no honouree here, whatever they did
        proposals = [p for p in proposals if p.honouree.honours or p.honouree.donations]
    texts = list(dict.fromkeys(reading.bylines.texts))
    return IntakeResult(report, proposals, reading.traditional, texts, len(reading.sentences))


def learned_steps(reading: Reading, report: str, judge: SecondLookModel | None = None) -> list[Proposal]:
    """The learned steps after the rules: the names they left out that a model finds likely
    honourees (returned), then, for each person with no honour in their own words, the report's
    title a second model judges theirs (given in place). `judge`: the second look's model, when
    not the shipped one (its training's cross-validation)."""
    added = second_look(
        reading.sentences, reading.mentions, reading.proposals, reading.bylines, report, judge
    )
    give_report_honours(reading.proposals + added, reading.sentences, reading.titles, reading.analysis)
    return added


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


_GROUP_AWARD_WORDS = ("当选为", "当选", "被授予", "荣获", "获得", "获")


# 我市共有12人获评省劳动模范: the people counted were given the title
_COUNT_AWARDED = re.compile(
    r"(?:[0-9]+|[二三四五六七八九十百两][一二三四五六七八九十百两]*)(?:名|位|人)"
    r"(?:[\u4e00-\u9fff]{0,6}?(?:职工|同志|员工|工人))?"  # 6名中国宝武职工被授予
    r"(?:[我本][省市区县州旗])?(?:获评|获得|荣获|被评为|被授予|当选为?|获)了?$"  # 5名我区荣获
)


def _read_sentence(
    sentence: Sentence, analysis: str, bylines: Bylines, home: str, state: _State
) -> list[Mention]:
    s = sentence.text
    masked = {i - sentence.start for i in range(sentence.start, sentence.end) if i in bylines.masked}
    masked |= _book_titles(s)
    titles = [t for t in find_titles(s) if not any(i in masked for i in range(t.start, t.end))]
    titles = pair_titles(s, titles, _GROUP_AWARD_WORDS)
    # 樊某等31名先进个人荣获全国五一劳动奖章: the people the medal goes to, no honour of their own
    titles = [t for t in titles if not _individuals_counted(s, t)]
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


_AWARD_INDEX = index_by_first_char(lx.AWARD_VERBS)
_CARRY_START = re.compile(
    r"^(?:(?:19|20)\d{2}年(?:\d{1,2}月)?|近年来|多年来|此前|其后|随后|后来|还|并|也|曾|先后|又|同年)?"
    r"(?:先后|曾|还|又|多次|相继)?"
)


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


_SHORT_LIST_LEAD = re.compile(
    r"(?:他们|她们|获奖者|获奖名单|名单"
    r"|(?:这|以上|上述)?[0-9一二三四五六七八九十百两]+(?:名|位|人)[\u4e00-\u9fff]{0,8}?)?"  # 这20名优秀技术工人
    r"(?:分别|依次)?(?:是|为|如下)[：:，,]?"  # no mark: 他们是某公司甲、某厂乙 (see _list_colon)
)
_HEADING_END = re.compile(
    r"(?:有|是|为|如下|名单|以下同志|以下人员|分别|获得者|获奖者|得主|[0-9一二三四五六七八九十百两]+[人名位]"
    r"|(?:称号|荣誉|奖章)的[\u4e00-\u9fff]{1,6})(?:[：:，,]|(?<=[是为]))$"
    # a decision's list: 授予以下同志“某市纺织行业标兵”称号： / 下列同志荣获全国五一劳动奖章：
    r"|(?:以下|下列)(?:同志|人员|职工|个人|[0-9一二三四五六七八九十百两]+[名位人])[^：:。；;]{0,40}?"
    r"(?:授予|荣获|获得|获评|被评为|称号|奖章|奖状|模范|工作者|标兵|能手|工匠)[^：:。；;]{0,12}[：:]$"
)
# 他们分别是，A、B: a comma after 分别是 / 依次为 does a colon's work
_COMMA_AS_COLON = re.compile(r"(?:分别|依次)(?:是|为)[，,]")


def _list_colon(s: str) -> int:
    """Where the list a sentence announces begins: its last colon, else the comma after 分别是,
    else the 是 of words that say who they are (他们是 / 三名职工是 / 分别是)."""
    colon = max(s.rfind("："), s.rfind(":"))
    if colon < 0:
        comma = _COMMA_AS_COLON.search(s)
        if comma is not None:
            colon = comma.end() - 1
    if colon < 0:
        they = THEY_ARE.search(s)
        if they is not None:
            colon = they.end() - 1
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
        # 宣讲团由6名全国、海南劳动模范组成，分别是：… the group the sentence counts is the list
        free = [t for t in state.counted if t.sentence == sentence.index and t.outer_end <= colon][-1:]
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


def _individuals_counted(s: str, t: TitleMatch) -> bool:
    """甲等31名先进个人荣获全国五一劳动奖章: "individuals" (against 先进集体), the people counted
    before the award verb of their honour, not an honour of its own."""
    return (
        t.title == "先进个人"
        and not t.quoted
        and not t.has_level_word
        and (bool(COUNT_BEFORE.search(s[: t.outer_start])) or s[: t.outer_start].endswith("等"))
        and s.startswith(("荣获", "获得", "被授予", "获", "被评为"), t.outer_end)
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


_BACK_REFERENCE = re.compile(
    r"获此殊荣|获此荣誉|获此称号|获此奖项|榜上有名|入选名单|获得(?:该|这一|此)(?:荣誉|称号)"
)


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


LEVELS = [lv.value for lv in Level]
