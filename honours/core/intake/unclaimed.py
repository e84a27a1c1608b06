"""Titles the reader's rules gave to no one, given to the names the tagger sees beside them.

The rules know the shapes of sentences they were shaped on; a report written another way leaves
an honour title with no holder (为吴杰峰颁发先进工作者证书, 获先进工作者表彰的有：张永海 院长…,
69岁的黄科延从事…多次被评为…先进工作者). When the tagger (``recogniser``) is installed, each such
title goes to the person name next to it in its sentence, if the words between them say it is
theirs: an award verb (获、评、授予、颁发), a list announced after the title, nothing at all
(四川省劳模程孝义), or the name opening the sentence as its subject. Officials (a post in an
organ before the name, an official's post after it, a mention the rules judged official),
bylines and names inside a title (白求恩奖章, 雷锋精神) are never taken.

The tagger also settles where a name ends when the rules guessed one character too far
(获评全国劳动模范称号的秦毅来自…: 秦毅, not 秦毅来).
"""

from __future__ import annotations

import re

from . import lexicon as lx
from . import recogniser
from .bylines import Bylines
from .mentions import ORGAN_UNIT, Mention
from .text import Sentence
from .titles import TitleMatch
from .units import _SEGMENT_STOPS, _unit_lead, _unit_post_of

_ORGAN_BEFORE = re.compile(lx.ORGAN_WORDS_PATTERN + r"|记者|通讯员|编辑|摄影")  # …or a reporter's role
_AWARD_BETWEEN = re.compile(r"获|评|授予|授|颁发|颁给|当选|入选|荣膺|被命名")
_GIVEN_TO = re.compile(r"^[，,]?(?:被)?(?:授予|颁给|颁发给|授给)了?$")
_TO = ("为", "向", "给")
_PRESENTING = re.compile(r"颁奖|颁发|授奖|颁授|发奖")
_LIST_AFTER = re.compile(r"^[^，,。；;]{0,8}[：:]")
_NOT_A_HOLDER_AFTER = (
    "精神",
    "式",
    "小组",
    "班组",
    "号",
    "杯",
    "奖",
    "路",
    "站",
    "同志式",
    "们",
    "市",
    "县",
    "区",
    "报道",
    "报导",
    "发展",  # 高雄市 / 高雄报导 / 为高雄发展: a place the tagger calls a name
)
_CLAUSE_MARKS = "，,；;。！？!?"
# verbs of telling: a title after them is of those the story is about
_TELLING = re.compile(r"讲述|讲起|说起|谈起|谈到|回忆|介绍了|分享了|讲了")
_SENTENCE_OPENING = re.compile(r"^[\s　【】\[\]（）()人物档案0-9一二三四五六七八九十岁的、，,.．]*$")


def credit_unclaimed_titles(
    sentences: list[Sentence], titles: list[TitleMatch], mentions: list[Mention], bylines: Bylines
) -> list[Mention]:
    """New mentions for the holders of titles nobody holds (none when the tagger is missing)."""
    if not recogniser.available():
        return []
    officials = {
        m.name
        for m in mentions
        if m.name and (m.official or ORGAN_UNIT.search(m.unit)) and not m.credited  # 市委书记王某
    }
    people = {m.name for m in mentions if m.name and not m.official}
    claimed = {id(t) for m in mentions for t in m.titles}
    found: list[Mention] = []
    by_sentence: dict[int, list[TitleMatch]] = {}
    for t in titles:
        by_sentence.setdefault(t.sentence, []).append(t)
    for t in titles:
        if id(t) in claimed or t.collective or t.group or t.weak or not 0 <= t.sentence < len(sentences):
            continue  # a list heading's title (owner -1) that no listed name took is unclaimed too
        sentence = sentences[t.sentence]
        spans = [(u.outer_start, u.outer_end) for u in by_sentence[t.sentence]]
        names = [
            n
            for n in _names_near(sentences, t.sentence)
            if _may_hold(sentence.text, n, spans, bylines, officials, people)
            and not _inside_read_name(mentions, sentence, n)
        ]
        for holder in _holders(sentence.text, t, names):
            mention = Mention(
                sentence=sentence,
                name=holder.name,
                start=holder.start,
                end=holder.end,
                anchor="recognised",
                titles=[t],
                name_score=2,
            )
            _describe(mention, t)
            if not (mention.unit or mention.position):
                _describe_elsewhere(sentences, mention)
            t.owner = id(mention)
            found.append(mention)
    return found


_COPULA = ("是", "系", "现任", "现为", "任")


def _describe_elsewhere(sentences: list[Sentence], m: Mention) -> None:
    """…看望慰问全国劳模徐某。徐某是某集团有限公司党委书记、董事长，…: a tagged holder's unit and
    post from another sentence of the report that describes the same name (NAME是[unit][post],
    [unit][post]NAME, [unit]的NAME at a clause's head)."""
    for sentence in sentences:
        s = sentence.text
        at = s.find(m.name)
        while at >= 0:
            end = at + len(m.name)
            clause = sentence.clauses[sentence.clause_at(at)]
            copula = next((c for c in _COPULA if s.startswith(c, end)), "")
            if copula and not s[clause.start : at].strip(" 　“"):
                unit, post, _, _ = _unit_post_of(s, end + len(copula), clause.end)
                if unit and post:
                    m.unit, m.position = unit, post
                    return
            other = Mention(sentence=sentence, name=m.name, start=at, end=end, anchor="recognised")
            _describe_before(other, clause.start)
            if other.unit:
                m.unit, m.position = other.unit, other.position
                return
            at = s.find(m.name, end)


def _inside_read_name(mentions: list[Mention], sentence: Sentence, name) -> bool:
    """罗|元成: a tagged name that cuts into a name the rules read is no name of its own."""
    return any(
        m.sentence is sentence
        and m.end > m.start
        and m.start < name.end
        and name.start < m.end
        and (m.start, m.end) != (name.start, name.end)
        for m in mentions
    )


def _names_near(sentences: list[Sentence], index: int) -> list[recogniser.TaggedName]:
    """The names the tagger sees in a sentence, and where the sentence repeats a name it saw in
    the three before (【人物档案】包起帆，60岁，… after a line "包起帆：")."""
    s = sentences[index].text
    own = [n for n in recogniser.person_names(s) if recogniser.ends_clearly(s, n)]
    earlier = {
        n.name for i in range(max(0, index - 3), index) for n in recogniser.person_names(sentences[i].text)
    }
    for name in sorted(earlier, key=len, reverse=True):
        at = s.find(name)
        while at >= 0:
            if not any(n.start < at + len(name) and at < n.end for n in own):
                own.append(recogniser.TaggedName(at, at + len(name), name))
            at = s.find(name, at + len(name))
    return sorted(own, key=lambda n: n.start)


def _describe_before(m: Mention, floor: int) -> bool:
    """[unit][post]NAME, or [unit]的NAME, in the words before the name down to `floor`."""
    s = m.sentence.text
    start = m.start
    while start > floor and s[start - 1] not in _SEGMENT_STOPS:
        start -= 1
    if start >= m.start:
        return False
    start += _unit_lead(s[start : m.start])
    unit, post, unit_span, post_span = _unit_post_of(s, start, m.start)
    if post:
        m.unit, m.position, m.unit_span, m.position_span = unit, post, unit_span, post_span
        return True
    if s[m.start - 1] == "的" and m.start - 1 > start:
        # 江苏某电气有限公司的高某高中毕业后…: a unit and 的 before the name
        unit, post, unit_span, _ = _unit_post_of(s, start, m.start - 1)
        if unit and not post:
            m.unit, m.unit_span = unit, unit_span
            return True
    return False


def _describe(m: Mention, t: TitleMatch) -> None:
    """The unit and post written next to the name: before it ([unit][post]NAME, or
    [unit][post]、TITLE NAME) or after it (NAME 单位职务 / NAME（单位职务）), as the rules read any
    description."""
    s = m.sentence.text
    floor = t.outer_end if t.outer_end <= m.start else 0
    if _describe_before(m, floor):
        return
    if floor == m.start and s[t.outer_start - 1 : t.outer_start] == "、":
        # 某集团董事长、四川省劳模程某: the unit and post before the title
        before = Mention(
            sentence=m.sentence, name=m.name, start=t.outer_start - 1, end=m.end, anchor="recognised"
        )
        if _describe_before(before, 0) and before.position:
            m.unit, m.position = before.unit, before.position
            m.unit_span, m.position_span = before.unit_span, before.position_span
            return
    p = m.end
    if p < len(s) and s[p] in " 　（(":
        inner = p + 1
        while inner < len(s) and s[inner] in " 　":
            inner += 1
        end = inner
        while end < len(s) and s[end] not in _SEGMENT_STOPS - {"、"} and s[end] not in "）)":
            end += 1
        if 2 <= end - inner <= 60:
            unit, post, unit_span, post_span = _unit_post_of(s, inner, end)
            if unit or post:
                m.unit, m.position, m.unit_span, m.position_span = unit, post, unit_span, post_span


_LIST_JOINS = ("以及", "、", "和", "及", "与")


def extend_lists(mentions: list[Mention], bylines: Bylines) -> list[Mention]:
    """全国劳模甲、乙、丙 where the rules stopped at a name they could not read (a rare given
    name, no Han surname): the tagged names the list marks join to a credited person share the
    honours of that person, on either side (甲、乙等3名省劳模…). None when the tagger is missing."""
    if not recogniser.available():
        return []
    named = {(id(m.sentence), m.start) for m in mentions if m.end > m.start}
    taken = {m.name for m in mentions if m.name and m.official and not m.credited}
    found: list[Mention] = []
    for m in list(mentions):
        if not m.titles or m.collective or m.end <= m.start or m.anchor == "recognised":
            continue
        if m.official and m.anchor != "title":
            continue  # a title right before the name holds even when a visiting verb follows the list
        s = m.sentence.text
        tagged = {n.start: n for n in recogniser.person_names(s)}
        ends = {n.end: n for n in tagged.values()}
        for step in (1, -1):
            edge = m.end if step == 1 else m.start
            while True:
                if step == 1:
                    join = next((j for j in _LIST_JOINS if s.startswith(j, edge)), "")
                    name = tagged.get(edge + len(join)) if join else None
                else:
                    join = "、" if s[edge - 1 : edge] == "、" else ""
                    name = ends.get(edge - 1) if join else None
                if name is None or (id(m.sentence), name.start) in named:
                    break
                if _inside_read_name(mentions, m.sentence, name):
                    break
                if name.name in bylines.names or name.name in taken:
                    break
                after = s[name.end : name.end + 1]
                if step == 1 and after and after not in "、和及与，,。；;等（(" and not _verb_at(s, name.end):
                    break  # 和李四一起…: joined, but the list's end is unclear
                mention = Mention(
                    sentence=m.sentence,
                    name=name.name,
                    start=name.start,
                    end=name.end,
                    anchor=m.anchor,
                    titles=list(m.titles),
                    name_score=2,
                    group=m.group,
                    shape=m.shape,
                )
                named.add((id(m.sentence), name.start))
                found.append(mention)
                edge = name.end if step == 1 else name.start
    return found


def settle_name_ends(sentences: list[Sentence], mentions: list[Mention]) -> None:
    """A name the rules read one character too long (秦毅来自 → 秦毅来) is cut where the tagger ends
    it, when the report agrees: the short name is tagged in another sentence too (秦毅介绍), or a
    verb begins where the tagger ends it (秦毅|来自), and the long one is tagged nowhere (杜崇和老人 stays whole though the tagger once reads 杜崇 + 和)."""
    if not recogniser.available():
        return
    for m in mentions:
        if m.end - m.start != len(m.name) or len(m.name) < 3 or m.name_score >= 3:
            continue
        for tagged in recogniser.person_names(m.sentence.text):
            if tagged.start == m.start and tagged.end == m.end - 1 and len(tagged.name) >= 2:
                agreed = _tagged_elsewhere(sentences, tagged.name, m.sentence.index) or _verb_at(
                    m.sentence.text, tagged.end
                )
                if agreed and not _tagged_anywhere(sentences, m.name):
                    m.name, m.end = tagged.name, tagged.end
                break


def complete_cut_names(mentions: list[Mention]) -> None:
    """A name read one character short where the text goes on into a longer name the report reads
    elsewhere (传承人索朗群|培；… 索朗群培等6人荣获…) is that longer name."""
    names = {m.name for m in mentions if len(m.name) >= 3}
    for m in mentions:
        if m.end - m.start != len(m.name):
            continue
        longer = [n for n in names if len(n) > len(m.name) and n.startswith(m.name)]
        whole = next((n for n in longer if m.sentence.text.startswith(n, m.start)), None)
        if whole is not None:
            m.name, m.end = whole, m.start + len(whole)


def _verb_at(text: str, start: int) -> bool:
    """Does the tagger read a verb where it ends the name (秦毅|来|自市)?"""
    return any(w.start == start and w.tag == "v" for w in recogniser.words(text))


def _tagged_anywhere(sentences: list[Sentence], name: str) -> bool:
    return _tagged_elsewhere(sentences, name, -1)


def _tagged_elsewhere(sentences: list[Sentence], name: str, skip: int) -> bool:
    return any(
        any(n.name == name for n in recogniser.person_names(s.text))
        for s in sentences
        if s.index != skip and name in s.text
    )


def _may_hold(s: str, name, title_spans, bylines: Bylines, officials: set[str], people: set[str]) -> bool:
    if name.name in bylines.names or name.name in officials:
        return False
    if any(start < name.end and name.start < end for start, end in title_spans):
        return False  # 白求恩 of 白求恩奖章
    if s.startswith(_NOT_A_HOLDER_AFTER, name.end):
        return False  # 雷锋精神, 赵梦桃小组
    after = s[name.end : name.end + 4]
    if after.startswith((*lx.OFFICIAL_POSITIONS, "总书记")):
        return False  # 习近平总书记
    # 某某同志 the rules did not read as a person of the report (授予了覃某同志 they did)
    return not (after.startswith("同志") and name.name not in people)


def _official_before(s: str, name) -> bool:
    clause_start = max(s.rfind(ch, 0, name.start) for ch in _CLAUSE_MARKS) + 1
    return bool(_ORGAN_BEFORE.search(s[clause_start : name.start]))


_WISHES = re.compile(lx.WISH_WORDS_PATTERN)


def _holders(s: str, t: TitleMatch, names: list) -> list:
    """Whom title `t` belongs to among the sentence's names (an empty list when no one clearly)."""
    before = [n for n in names if n.end <= t.outer_start]
    after = [n for n in names if n.start >= t.outer_end]
    rest = s[t.outer_end :]
    if after and _LIST_AFTER.match(rest):
        colon = t.outer_end + _LIST_AFTER.match(rest).end()
        listed = [n for n in after if n.start >= colon and _item_start(s, colon, n.start)]
        if listed:
            return listed  # 获先进工作者表彰的有：张永海 院长…，张志华 主任…
    if after:
        first = after[0]
        gap = s[t.outer_end : first.start]
        if len(gap) <= 20 and not any(ch in gap for ch in "；;。") and not _official_before(s, first):
            if len(gap) <= 1 or "、" in gap or gap.endswith(("的", "：", ":")) or _unit_and_post(gap):
                return [first]  # 四川省劳模程孝义, 获评…称号的秦毅, 省级劳模、某公司总经理张某
            if _GIVEN_TO.match(gap):
                return [first]  # 全国五一劳动奖章，授予了覃某同志
    if before:
        last = before[-1]
        gap = s[last.end : t.outer_start]
        adjacent = len(gap.strip('“”"「」『』 ')) == 0
        if adjacent:
            return [last]  # 局长陈槟“全国卫生健康系统先进工作者”称号
        if (
            s[: last.start].endswith(_TO)
            and _AWARD_BETWEEN.search(gap)
            and not any(ch in gap for ch in "，,；;")
        ):
            return [last]  # 市总工会主席王某为吴杰峰颁发…证书: the one given to, whoever gives
        if _official_before(s, last) or any(ch in gap for ch in "；;") or gap.startswith(_TO):
            return []  # 徐立平为“最美职工”颁奖: the one who presents
        if re.search(r"[，,](?:为|向|给)", gap) and _PRESENTING.search(s, t.outer_end):
            return []  # 王某分别以…等形式，为2022年获…奖章的个人颁奖: the one who presents
        if re.match(r"[\u4e00-\u9fff]{0,4}?[与同跟和]", gap) and not _AWARD_BETWEEN.search(gap):
            return []  # 周某一一与劳动模范、先进工作者握手: the title is the others'
        if "他们" in gap or "她们" in gap:
            return []  # …的张某，…，他们是…的时代楷模: said of a group, not of the last one named
        if _WISHES.search(gap):
            return []  # 会长吴某期望社会各界…评选出劳动模范: a title wished for others
        if _TELLING.search(gap) or re.search(r"以$", gap):
            return []  # 杨某讲述了以全国劳模、某管护员南江为代表的…: a title in the story told, not the teller's
        if _AWARD_BETWEEN.search(gap) or _SENTENCE_OPENING.match(s[: last.start]):
            return [last]  # 为吴杰峰颁发…证书, 69岁的黄科延…被评为…
    return []


def _item_start(s: str, colon: int, start: int) -> bool:
    """Does the name begin an item of the list after the colon (right after it or a list mark)?"""
    before = s[colon:start].rstrip(" 　")
    return not before or before[-1] in "：:，,、；;" or before.endswith(("”", "」"))


def _unit_and_post(gap: str) -> bool:
    """A unit and post between a title and a name (…、某某建材有限公司总经理): ends with a post."""
    return gap.endswith(tuple(lx.POSITIONS)) and not any(ch in gap for ch in "，,")
