"""Finding the people a sentence names, and what each is credited with.

A person is found from what announces them — an honour title (全国劳动模范谷井文), a unit and
post (湘油泵董事长许仲秋), an award verb (授予张三同志…), 同志, a list (张三、李四各捐款500元), or
the head of a clause (李小平，…), and the shapes lists take (A、B等N名…, …分别是：…, 他们中有…的A).
Where each name's unit and post begin is read by units.py; what each person is credited with,
and whether they are an official who merely leads or visits, by roles.py.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ..names import bracket_facts
from ..places import place_at
from ..records import Donation
from . import lexicon as lx
from . import recogniser
from .names import NameHit, bounded_name, index_by_first_char, name_at, starts_with_any
from .roles import _AWARD_INDEX, _last_award_verb, _start_of_chain
from .text import Sentence
from .titles import COUNT_BEFORE, TitleMatch
from .units import (
    _GRADE_BEFORE,
    _ORG_BY_LAST,
    _ORG_ONLY_BY_LAST,
    _POSITIONS_BY_LAST,
    _SEGMENT_STOPS,
    _UNKNOWN_POST_ENDS,
    _bare_dept,
    _bracket_unit,
    _clean_unit,
    _dept_split,
    _inside_org_word,
    _item_end,
    _matching_bracket,
    _place_start,
    _role_item,
    _roles_before,
    _skip_bracket,
    _skip_trailers,
    _trade,
    _unit_lead,
    _unit_left_edge,
    _unit_post_of,
    _word_ending_at,
)

_CONNECTORS = ("", "、", "和", "及", "与", "暨", "以及")
_AWARD_OBJECT_VERBS = ("追授予", "追授", "追记", "追认", "授予了", "授予", "表彰了", "表彰", "命名")
_VERB_LEADS = tuple("将把向为在被给从于")  # a list of subjects ends where its verb phrase begins
_LIST_END_MARKS = (
    "各自",
    "各",
    "分别",
    "均",
    "等",
    "同志",
    "共同",
    "一起",
    "先后",
    "也",
    "都",
    "纷纷",
    "捐",
    "获",
    "荣获",
    "被",
    "还",
    "又",
    "相继",
    "联合",
    "自发",
    "主动",
    "积极",
)
_CLAUSE_LEADS = (
    "其中",
    "比如",
    "例如",
    "像",
    "如",
    "还有",
    "此外",
    "另外",
    "同时",
    "特别是",
    "尤其是",
    "更有",
)
# the one given to, helped or visited: 捐赠给李某的女儿 / 资助困难职工的儿子
_GIVEN_TO = re.compile(r"(?:给|资助|帮扶|帮助|看望|慰问|探望|救助)[\u4e00-\u9fff]{1,8}的$")
_YEAR_IN_CLAUSE = re.compile(r"((?:19|20)\d{2})年")


@dataclass
class Mention:
    """One naming of a person (or a collective) in one sentence."""

    sentence: Sentence
    name: str
    start: int  # name span in the sentence (start == end for a carried subject)
    end: int
    anchor: str  # title, award, heading, position, comrade, list, clause, carried, collective
    titles: list[TitleMatch] = field(default_factory=list)
    unit: str = ""
    position: str = ""
    unit_span: tuple[int, int] | None = None
    position_span: tuple[int, int] | None = None
    roles: list[str] = field(default_factory=list)
    group: int | None = None
    official: bool = False
    official_word: str = ""
    donations: list[Donation] = field(default_factory=list)
    donation_spans: list[tuple[int, int]] = field(default_factory=list)
    shared_donation: str = ""
    deeds: list[str] = field(default_factory=list)
    deceased_word: str = ""
    age: str = ""
    gender: str = ""
    gender_evidence: str = ""
    ethnicity: str = ""  # from a bracket after the name: 唐纯玉（瑶族）
    award_verbs: list[str] = field(default_factory=list)
    award_spans: list[tuple[int, int]] = field(default_factory=list)
    awarded_by: str = ""
    status_span: tuple[int, int] | None = None
    collective: bool = False
    pronoun: str = ""
    name_score: int = 3  # how clearly the name's end is marked (names.NameHit.score)
    visited: bool = False  # named as the one whose home is visited (来到某农场退休职工杨某的家里)
    shape: str = ""  # "list_before_title" (A、B等3名省级劳模…), "bracket" (张三（全国劳模、…）)

    @property
    def credited(self) -> bool:
        return bool(self.titles or self.donations)

    def take_award(self, other: Mention) -> None:
        """授予他…称号: the award a pronoun stands for is this person's."""
        self.titles.extend(other.titles)
        self.award_verbs.extend(other.award_verbs)
        self.award_spans.extend(other.award_spans)
        self.awarded_by = self.awarded_by or other.awarded_by

    def read_bracket(self, inner: str) -> str:
        """唐纯玉（瑶族、女）: the people the bracket after the name names; its gender, if any."""
        gender, people, _others = bracket_facts(inner)
        self.ethnicity = self.ethnicity or people
        return gender


class SentenceReader:
    """Reads one sentence; `subject` is the person the previous sentences were about."""

    def __init__(
        self,
        sentence: Sentence,
        titles: list[TitleMatch],
        masked: set[int],
        home: str,
        known: frozenset[str] = frozenset(),
        clear: frozenset[str] = frozenset(),
        nominating: bool = False,
    ) -> None:
        # the sentence before put people up for titles and ended at ；: a list here goes on from it
        self.nominating = nominating
        self.known = known  # people credited in earlier sentences: their names are names here too
        # names the report writes elsewhere with a clear end (田春生，/ 田春生说): where a title or
        # post announces a name whose end is unclear here (全国劳模田春生走进…), they settle it
        self.clear = clear
        self.sentence = sentence
        self.s = sentence.text
        self.titles = titles
        self.masked = masked
        self.home = home
        self.mentions: list[Mention] = []
        self._groups = 0

    # -- helpers --------------------------------------------------------------------------
    def _taken(self, start: int, end: int) -> bool:
        for m in self.mentions:
            if m.end > m.start and start < m.end and m.start < end:
                return True
        return any(i in self.masked for i in range(start, end))

    def _clause_end(self, position: int) -> int:
        clause = self.sentence.clauses[self.sentence.clause_at(position)]
        return clause.end

    def _add(self, hit: NameHit, anchor: str, **kw) -> Mention | None:
        if self._taken(hit.start, hit.end):
            return None
        mention = Mention(self.sentence, hit.name, hit.start, hit.end, anchor, name_score=hit.score, **kw)
        self.mentions.append(mention)
        return mention

    def _add_found(self, found: list, anchor: str, **kw) -> list[Mention]:
        """The mentions of a list's items as `_names_ending_at` finds them (the name, its unit and
        post and their spans), each given `kw` (its titles, its group); items already taken are
        left out."""
        added = []
        for hit, unit, unit_span, post, post_span in found:
            mention = self._add(
                hit, anchor, unit=unit, position=post, unit_span=unit_span, position_span=post_span, **kw
            )
            if mention is not None:
                added.append(mention)
        return added

    def _new_group(self) -> int:
        self._groups += 1
        return self._groups

    # -- finding people -------------------------------------------------------------------
    def find(self) -> list[Mention]:
        self._title_chains()
        self._award_objects()
        self._lists_before_titles()
        self._colon_lists()
        self._photo_rows()
        self._marked_lists()
        self._bracket_lists()
        self._have_lists()
        self._included_holders()
        self._visited_homes()
        self._year_lists()
        self._copulas()
        self._as_holders()
        self._one_of_group()
        self._examples()
        self._described_series()
        self._positions()
        self._relatives()
        self._comrades()
        self._spaced_line()
        self._clause_heads()
        self._collectives()
        self._later_clause_awards()
        self._on_the_list()
        self._facts_in_brackets()
        self.mentions.sort(key=lambda m: m.start)
        self._comma_groups()
        return self.mentions

    def _comma_groups(self) -> None:
        """省劳动模范、某市代市长张泱，某局党委书记冯玉胜，…，某区工会主席张本年等也分别捐款1000元:
        people described one by one between commas share the predicate that 等/分别/各 marks."""
        s = self.s
        people = [m for m in self.mentions if m.name and not m.collective and m.end > m.start]
        run: list[Mention] = []
        for m in people:
            # 市劳模甲、省劳模乙各捐款1000元: titled items joined by 、 share the predicate too
            if run and s[_skip_bracket(s, run[-1].end) : _start_of_chain(m)].strip() in ("，", ",", "、"):
                run.append(m)
            else:
                self._share_run(run)
                run = [m]
        self._share_run(run)

    def _share_run(self, run: list[Mention]) -> None:
        if len(run) < 2:
            return
        after = run[-1].end
        if not (_SHARED_AFTER.match(self.s, after) or starts_with_any(self.s, after, _AWARD_INDEX)):
            return  # 甲，乙，丙当选为… / …等分别捐款: the run shares the predicate
        old = {m.group for m in run if m.group is not None}
        group = self._new_group()
        for m in self.mentions:
            if m in run or (m.group is not None and m.group in old):
                m.group = group
        # 甲，乙，丙当选为…: the title the last one was given right after the run is all of theirs
        shared = [t for t in run[-1].titles if t.outer_start >= after]
        for m in run[:-1]:
            m.titles.extend(t for t in shared if t not in m.titles)
            m.award_verbs.extend(v for v in run[-1].award_verbs if v not in m.award_verbs)

    def _title_chains(self) -> None:
        s = self.s
        i = 0
        titles = self.titles
        while i < len(titles):
            first = titles[i]
            if first.owner is not None or first.collective:
                i += 1
                continue
            if first.weak and not first.quoted and not _informal_title_before_name(s, first):
                i += 1
                continue
            chain = [first]
            roles: list[str] = []
            position = first.outer_end
            j = i + 1
            while True:
                position = _skip_trailers(s, position)
                nxt = titles[j] if j < len(titles) else None
                if (
                    nxt is not None
                    and not nxt.collective
                    and nxt.outer_start >= position
                    and _chain_gap(s[position : nxt.outer_start])
                ):
                    chain.append(nxt)
                    position = nxt.outer_end
                    j += 1
                    continue
                role_end = _role_item(s, position)
                if role_end:
                    roles.append(s[position + 1 : role_end])
                    position = role_end
                    continue
                break
            roles = _roles_before(s, first.outer_start) + roles
            # 陕西入选的8位大国工匠分别是[unit][post]甲、[unit][post]乙: a counted title's list
            counted_list = s.startswith(("分别是", "分别为"), position) and bool(
                COUNT_BEFORE.search(s[: first.outer_start])
            )
            # 受表彰的全国五一劳动奖章获得者是[unit][post]甲，[unit][post]乙，…: the holders, listed
            holders_list = s.startswith(("是", "为"), position) and s.endswith(
                ("获得者", "得主", "获奖者"), 0, position
            )
            if counted_list or holders_list:
                position += 3 if counted_list else 1
            if s.startswith(("的有", "的是", "的为"), position):
                i = j
                continue  # 被命名为“石狮工匠”的有甲、乙和丙等30人: a list the marked-list reader takes
            found = self._person_after(position, self._clause_end(position))
            if found is None and s.startswith("的", position):
                # 荣获2020年度全国劳动模范称号的张文华: the title was given to the one named after 的
                clause_start = self.sentence.clauses[self.sentence.clause_at(first.outer_start)].start
                hit = name_at(s, position + 1, strict=True)
                if (
                    hit is not None
                    and hit.score >= 2
                    and _last_award_verb(s[clause_start : first.outer_start])
                ):
                    found = hit, "", None, "", None
            clause_start = self.sentence.clauses[self.sentence.clause_at(first.outer_start)].start
            if (
                found is None
                and s[position : position + 1] in ("，", ",")
                and not _YEAR_LEAD.sub("", s[clause_start : first.outer_start]).strip(" “")
                and position == self._clause_end(first.outer_start)
            ):
                # 淮南市劳动模范，淮南市富华服饰有限公司董事长文继兵: a comma before the unit and post
                after = position + 1
                found = self._apposition(after, self._clause_end(after))
                if found is not None and not (found[1] or found[3]):
                    found = None
            if found is not None and _headline_break(s, first.outer_start, position, found[0].start):
                found = None
            if found is not None:
                hit, unit, unit_span, post, post_span = found
                mention = self._add(
                    hit,
                    "title",
                    titles=list(chain),
                    unit=unit,
                    position=post,
                    unit_span=unit_span,
                    position_span=post_span,
                    roles=roles,
                )
                if mention is not None:
                    for t in chain:
                        t.owner = id(mention)
                    if not (unit or post or roles):
                        self._unit_post_before_title(mention, first.outer_start)
                    if counted_list or holders_list:
                        self._described_items_after(mention, chain)
                    self._extend_list(mention)
            i = j

    def _described_items_after(self, first: Mention, chain: list[TitleMatch]) -> None:
        """…分别是[unit][post]甲、[unit][post]乙、…: the items after the first, each [unit][post]NAME,
        share its titles; an item that cannot be read is passed over to the next list mark."""
        s = self.s
        group = first.group or self._new_group()
        first.group = group
        p = first.end
        # items over commas run to the sentence's end, items over 、 to the clause's
        end = len(s) if s[p : p + 1] in ("，", ",") else self._clause_end(first.end)
        while p < end and s[p] in "、，,":
            found = self._apposition(p + 1, end)
            if found is None:
                nxt = min((q for q in (s.find(m, p + 1, end) for m in "、，,") if q >= 0), default=-1)
                if nxt < 0:
                    break
                p = nxt
                continue
            added = self._add_found([found], "title", titles=list(chain), group=group)
            if not added:
                break
            added[0].shape = "colon_item"
            p = added[0].end

    def _unit_post_before_title(self, mention: Mention, title_start: int) -> None:
        """某建材集团公司董事长、全国劳动模范张国栋: the unit and post stand before the title."""
        s = self.s
        if title_start >= 5 and s[title_start - 1] == "的":
            # 某市第二人民医院的省级先进工作者李某: the unit stands before 的 and the title
            seg_start = title_start - 1
            while seg_start > 0 and s[seg_start - 1] not in _SEGMENT_STOPS:
                seg_start -= 1
            seg_start += _unit_lead(s[seg_start : title_start - 1])
            unit = s[seg_start : title_start - 1]
            if unit.endswith(lx.ENTITY_SUFFIXES) and 4 <= len(unit) <= 24:
                mention.unit, mention.unit_span = _clean_unit(unit), (seg_start, title_start - 1)
            return
        if title_start < 3 or s[title_start - 1] != "、":
            return
        seg_start = title_start - 1
        while seg_start > 0 and s[seg_start - 1] not in _SEGMENT_STOPS:
            seg_start -= 1
        # 某集团党委书记、总经理、市劳动模范郭某: posts listed over 、, the unit before the first
        seg_end = title_start - 1
        while (
            seg_start > 1
            and s[seg_start - 1] == "、"
            and _word_ending_at(s, seg_end, _POSITIONS_BY_LAST, seg_start) == s[seg_start:seg_end]
        ):
            left = seg_start - 1
            while left > 0 and s[left - 1] not in _SEGMENT_STOPS:
                left -= 1
            if not _word_ending_at(s, seg_start - 1, _POSITIONS_BY_LAST, left):
                break
            seg_start, seg_end = left, seg_start - 1
        seg_start += _unit_lead(s[seg_start : title_start - 1])
        unit, post, unit_span, post_span = _unit_post_of(s, seg_start, title_start - 1)
        if post and unit:
            mention.unit, mention.position = unit, post
            mention.unit_span, mention.position_span = unit_span, post_span

    def _person_after(self, position: int, limit: int):
        """A name right after a title chain, or after a unit and post ("、湘油泵董事长许仲秋")."""
        s = self.s
        p = position
        if s[p : p + 1] in ("和", "与", "及", "或"):
            return (
                None  # 各级劳模和爱心企业 / 奖章和证书: right after a title, 和 joins words, it names no one
            )
        if p < len(s) and s[p] in "、":
            p += 1
        while p < len(s) and s[p] == " ":
            p += 1
        direct = _further(self._announced_name(p), self._bounded_tagged(p) or self._tagged_at(p))
        if direct is None and s.startswith("等", p + 3):
            direct = bounded_name(s, p, p + 3)  # 授予王从亮等519人: 授予 and 等 bound the name
        if direct is not None and s[direct.end : direct.end + 1] in ("(", "（"):
            # 国投(洋浦)油气储运有限公司…经理程某: a short name with a bracket begins a unit
            described = self._apposition(p, limit)
            if described is not None:
                return described
        if direct is not None and direct.score >= 2 and direct.end <= limit and not _place_start(s, p):
            return direct, "", None, "", None
        return self._apposition(p, limit)

    def _announced_name(self, p: int) -> NameHit | None:
        """The name a title or post announces at `p`; its end, when unclear here, from the report."""
        hit = name_at(self.s, p)
        if hit is not None and (hit.score >= 3 or hit.score == 2 and hit.name in self.clear):
            return hit
        for name in sorted(self.clear, key=len, reverse=True):
            if self.s.startswith(name, p):
                return NameHit(p, p + len(name), name, 2)
        return hit

    def _apposition(self, start: int, limit: int, depth: int = 0):
        """[unit][dept][post]NAME from `start`; a post list "党委书记、董事长张三" spans several segments."""
        s = self.s
        seg_end = start
        while seg_end < limit:
            if s[seg_end] in "(（":
                # 国投(洋浦)油气储运有限公司: a short bracket inside a unit's name is part of it
                inner = re.match(
                    r"[（(]([\u4e00-\u9fff]{2,6})[)）](?=[\u4e00-\u9fff])", s[seg_end : seg_end + 9]
                )
                if inner is None or set(inner.group(1)) & _NOTE_CHARS:
                    break  # 李某(图右)为… / 王某(女): a note, not part of a unit's name
                seg_end += len(inner.group(0))
                continue
            if s[seg_end] in _SEGMENT_STOPS:
                break
            seg_end += 1
        posts: list[tuple[int, int]] = []
        for idx in range(start + 2, seg_end + 1):
            word = _word_ending_at(s, idx, _POSITIONS_BY_LAST, start)
            if word and not _inside_org_word(s, idx - len(word), idx):
                posts.append((idx - len(word), idx))
        # 董事长孙有才 is not 董事 + 长孙有才: a post inside a longer one is no post of its own
        posts = [p for p in posts if not any(q != p and q[0] <= p[0] and q[1] > p[1] for q in posts)]
        for _post_start, post_end in posts:
            # …班长于惠民: credited before; …董事长巴桑顿珠，: a tagged name the post and a mark bound
            hit = name_at(s, post_end) or self._known_at(post_end)
            if hit is not None and hit.score == 0 and _NOUN_AFTER.match(s, hit.end - 1):
                hit = None  # 职工文体活|动中心: the "name" ends inside a word (活动)
            hit = _further(hit, self._bounded_tagged(post_end))
            if hit is not None and hit.end <= max(limit, seg_end) and not _place_start(s, post_end):
                first_post = min(ps for ps, pe in posts if pe <= post_end)
                return self._unit_and_post(start, first_post, hit)
        # 授予某汽车有限公司聂某等100名职工…: no post before the name (职工 after it is the group's)
        for idx in range(start + 2, seg_end):
            word = _word_ending_at(s, idx, _ORG_BY_LAST, start)
            if word:
                hit = name_at(s, idx)
                # 全国劳模、某机械股份有限公司王某在…: a company's name bounds the name on the left
                strong = 2 if s[:idx].endswith(lx.ENTITY_SUFFIXES) else 3
                if hit is not None and hit.score >= strong and hit.end <= seg_end:
                    unit = s[start:idx]
                    return hit, _clean_unit(unit), (start, idx), "", None
        if posts and posts[-1][1] == seg_end and seg_end < limit and s[seg_end] == "、" and depth < 3:
            found = self._apposition(seg_end + 1, limit, depth + 1)
            if found is not None:
                hit = found[0]
                first_post = posts[0][0]
                return self._unit_and_post(start, first_post, hit)
        return None

    def _unit_and_post(self, start: int, post_start: int, hit: NameHit):
        s = self.s
        grade = _GRADE_BEFORE.search(s, start, post_start)
        if grade:
            post_start = grade.start()  # 某执法支队三级调研员: the grade is part of the post
        unit_text = s[start:post_start]
        lead = _unit_lead(unit_text)
        unit_start = start + lead
        unit_text = unit_text[lead:]
        descriptor = re.search(r"的(?:一名|一位|一个)?[\u4e00-\u9fff]{0,4}$", unit_text)
        if descriptor and descriptor.start() > 0:
            # 长沙某机械公司的一名普通焊工: the unit ends before 的; 一名普通 is no part of the post
            unit_end = unit_start + descriptor.start()
            unit = _clean_unit(s[unit_start:unit_end])
            post = s[post_start : hit.start].strip("、 ")
            return hit, unit, (unit_start, unit_end), post, (post_start, hit.start)
        split = _dept_split(unit_text)
        if _trade(unit_text[:split]):
            split = 0  # 测井工高级技师吕某: a trade and its grade, the post; no unit named
        unit_end = unit_start + split
        unit = _clean_unit(s[unit_start:unit_end])
        post = s[unit_end : hit.start].strip("、 ")
        unit_span = (unit_start, unit_end) if unit else None
        post_span = (unit_end, hit.start) if post else None
        return hit, unit, unit_span, post, post_span

    def _award_objects(self) -> None:
        s = self.s
        for verb in _AWARD_OBJECT_VERBS:
            for m in re.finditer(re.escape(verb), s):
                if self._taken(m.start(), m.end()):
                    continue
                p = m.end()
                if s.startswith("了", p):
                    p += 1
                clause_end = self._clause_end(m.start())
                if p < len(s) and s[p] in "他她其":
                    self._pronoun_award(m.start(), p, clause_end, verb)
                    continue
                members: list[Mention] = []
                group = self._new_group()
                while p < clause_end:
                    found = self._person_after(p, clause_end)
                    if found is None:
                        break
                    hit, unit, unit_span, post, post_span = found
                    mention = self._add(
                        hit,
                        "award",
                        unit=unit,
                        position=post,
                        unit_span=unit_span,
                        position_span=post_span,
                        group=group,
                    )
                    if mention is None:
                        break
                    members.append(mention)
                    p = hit.end
                    p = _skip_bracket(s, p)
                    if s.startswith("同志", p):
                        p += 2
                    if p < clause_end and s[p] in "、和及与":
                        p += 1
                        continue
                    break
                if not members:
                    continue
                if re.match(r"等[0-9一二三四五六七八九十百两]+(?:个|家|所)(?!人)", s[p:]):
                    # 命名孙某等28个创新工作室为…: the name is a studio's, and things are named, not people
                    for mention in members:
                        self.mentions.remove(mention)
                    continue
                owned = self._titles_in(p, clause_end)
                for mention in members:
                    mention.titles = list(owned)
                    mention.award_verbs.append(verb)
                    mention.award_spans.append((m.start(), m.end()))
                    mention.awarded_by = self._giver(m.start())
                for t in owned:
                    t.owner = id(members[0])
                if not owned:
                    for mention in members:
                        self.mentions.remove(mention)

    def _lists_before_titles(self) -> None:
        """Names before the title: "A、B等3名省级劳模各捐款1000元", "A、B被授予…称号", "A等39人被…授予…".

        The names (each may carry its unit and post: "某公司技术员周远付、") end right before
        等N名 and the title, or before an award verb whose object is the title.
        """
        s = self.s
        for t in self.titles:
            if t.owner is not None or t.collective:
                continue
            if t.weak and not t.quoted and not t.title.endswith(("劳模", "劳动模范")):
                continue
            clause = self.sentence.clauses[self.sentence.clause_at(t.outer_start)]
            before = s[clause.start : t.outer_start]
            verb = _last_award_verb(before)
            head = before if verb is None else before[: verb[0]]
            if verb is not None:
                by = re.search(r"被[\u4e00-\u9fff]{2,16}$", head)  # 被福建省总工会|授予
                if by and not verb[1].startswith("被"):
                    head = head[: by.start()]
                gap = _SESSION_WORDS.sub("", before[verb[0] + len(verb[1]) :])
                if gap.strip("了“ "):
                    continue  # 获…称号 with other words between: not this simple shape
            if verb is not None:
                # 霍某更是被评为了省劳动模范: adverbs between the name and its verb
                head = re.sub(r"(?:更是|也是|同时也|同时|再次|已经|终于|最终|成功|还|也|又)+$", "", head)
            if verb is None and head.endswith("为") and NOMINATING.search(head):
                head = head[:-1]  # 推荐甲、乙和丙3名同志为全国绿化劳动模范: put up for the title
            # 等4位高龄劳模 / 等5名困难劳模: words that describe the people, not their honour
            head = _HOLDER_WORDS.sub("", head)
            tail = _LIST_TAIL.search(head)
            counted = verb is None and tail is not None and count_of(tail.group(0)) is not None
            if verb is None and (tail is None or not (tail.group(0).startswith("等") or counted)):
                if tail is None:
                    self._nominated_list(t)
                continue
            list_end = clause.start + (tail.start() if tail else len(head))
            found = self._names_ending_at(list_end, self.sentence.clauses[0].start)
            count = (
                count_of(tail.group(0)) if tail is not None and not tail.group(0).startswith("等") else None
            )
            if count is not None and len(found) < count:
                start = clause.start + _unit_lead(s[clause.start : list_end])
                found = self._counted_items(start, list_end, count) or found
            if found and all(not (item[1] or item[3]) for item in found):
                found = self._bare_items_before(found, clause.start) + found
            if (
                len(found) >= 2
                and found[0][1]
                and not found[0][3]
                and not any(i[1] or i[3] for i in found[1:])
            ):
                # 路桥集团甲、乙、丙等7名职工荣获…: the unit before the first bare name is the list's
                found = found[:1] + [(i[0], found[0][1], found[0][2], "", None) for i in found[1:]]
            if not found or (verb is None and tail is None):
                continue
            if counted and not tail.group(0).startswith("等"):
                # 一行前往A、B和C三位老劳模家中: without 等, the count says how many names the list has
                count = count_of(tail.group(0)) or 0
                if len(found) < count:
                    continue
                found = found[len(found) - count :]
            group = self._new_group()
            members = self._add_found(found, "title" if verb is None else "award", titles=[t], group=group)
            for mention in members:
                mention.shape = "list_before_title"
                if verb is not None:
                    base = clause.start
                    mention.award_verbs.append(verb[1])
                    mention.award_spans.append((base + verb[0], base + verb[0] + len(verb[1])))
            if members:
                t.owner = id(members[0])
                self._join_titled_head(members, t, group)

    def _nominated_list(self, title: TitleMatch) -> None:
        """拟推荐甲公司主任李某、乙医院护士长王某“甘肃省五一劳动奖章”；丙厂厂长赵某“全国五一劳动奖章”: a
        part of the sentence that is wholly a list of [unit][post]NAME items and ends at the title,
        led by a verb that puts people up for it (here or in an earlier part of the sentence)."""
        s = self.s
        list_end = title.outer_start
        while list_end > 0 and s[list_end - 1] in ' \u3000“"':
            list_end -= 1
        part_start = max(s.rfind(mark, 0, list_end) for mark in "；;：:") + 1
        lead = NOMINATING.search(s, part_start, list_end)
        if lead is not None and lead.start() == part_start + len(_PART_LEAD.match(s, part_start).group(0)):
            part_start = lead.end()
        elif not (NOMINATING.search(s, 0, part_start) or self.nominating):
            return
        found = self._names_ending_at(list_end, part_start)
        if not found:
            return
        first = found[0]
        first_start = min(span[0] for span in (first[2], first[4], (first[0].start, 0)) if span)
        if s[part_start:first_start].strip(" \u3000，,"):
            return
        group = self._new_group()
        members = self._add_found(found, "list", titles=[title], group=group)
        for mention in members:
            mention.shape = "list_before_title"
        if members:
            title.owner = id(members[0])

    def _bare_items_before(self, found: list, clause_start: int) -> list:
        """蒙瑞、布赫巴雅尔、宋玉环、白金等23名职工荣获…: a list of bare names the rules stopped in, at a
        name they cannot read, goes on to the clause's start when every item before is a bare name."""
        s = self.s
        first = found[0][0].start
        if first - 1 <= clause_start or s[first - 1] != "、":
            return []
        items = s[clause_start : first - 1].split("、")
        if not all(_BARE_ITEM.fullmatch(item) or _FIVE_HAN.fullmatch(item) for item in items):
            return []
        if any(place_at(item) is not None or set(item) & _NOT_IN_NAMES for item in items):
            return []  # 、北京、 / 、和谐、: places and words, no names
        return self._item_hits(clause_start, items)

    def _counted_items(self, start: int, end: int, count: int | None) -> list:
        """罗布斯达、蒋良文、…、解钊7人荣膺…: a whole clause of short items over 、 that the count
        after it numbers exactly is a list of names, read or not (names with no Han surname)."""
        if not count or count < 2:
            return []
        s = self.s
        items = re.split(r"、|和(?=[^、]*$)|及(?=[^、]*$)", s[start:end])
        if len(items) != count or not all(_BARE_ITEM.fullmatch(item) for item in items):
            return []
        return self._item_hits(start, items)

    def _item_hits(self, start: int, items: list[str]) -> list:
        """The items of a list read from `start`, one mark between each, as bare names (no unit or
        post); none when any is taken already."""
        found, p = [], start
        for item in items:
            if self._taken(p, p + len(item)):
                return []
            found.append((NameHit(p, p + len(item), item, 2), "", None, "", None))
            p += len(item) + 1
        return found

    def _join_titled_head(self, members: list[Mention], title: TitleMatch, group: int) -> None:
        """市劳动模范甲、乙、丙等15人被授予…: the list's first name, taken by the title before it,
        is one of the list: it is given the list's title, and the others the title it heads."""
        s = self.s
        first = members[0]
        start = _start_of_chain(first)
        if start < 1 or s[start - 1] != "、":
            return
        head = next((m for m in self.mentions if m.end == start - 1 and m.anchor == "title"), None)
        if head is None or head.group is not None:
            return
        head.group = group
        head.titles.append(title)
        head.award_verbs.extend(first.award_verbs)
        head.award_spans.extend(first.award_spans)
        chain = [t for t in head.titles if t.outer_end <= head.start]
        for m in members:
            m.titles = chain + m.titles

    def _colon_lists(self) -> None:
        """…称号6人，分别是：某公司质量部部长赖志永、某合作社技术员兰爱珍、…: the items of a list
        after a colon, each [unit][post]NAME; the heading's titles are given by the parser."""
        s = self.s
        for m in _COLON_LIST.finditer(s):
            end = m.end()
            while end < len(s) and s[end] not in "。；！？!?\n":
                end += 1
            tail = _LIST_TAIL.search(s, m.end(), end)
            list_end = tail.start() if tail and tail.group(0) else end
            found = self._spaced_names(m.end(), list_end) or self._names_ending_at(list_end, m.end())
            last = max(s.rfind("，", m.end(), list_end), s.rfind(",", m.end(), list_end))
            if not found and last > m.end() and s.startswith(("以及", "及", "和", "还有", "另有"), last + 1):
                # …，抹灰工祝平辉，以及某纺织集团一分厂赵梦桃小组: a collective closes the list
                found = self._names_ending_at(last, m.end())
            for mention in self._add_found(found, "list"):
                mention.shape = "colon_item"

    def _photo_rows(self) -> None:
        """（第二排从左至右）甲、乙、丙: a caption's row of names, one list (its heading gives the title)."""
        s = self.s
        for row in _PHOTO_ROW.finditer(s):
            end = row.end()
            while end < len(s) and s[end] not in "。；！？!?\n":
                end += 1
            for mention in self._add_found(self._names_ending_at(end, row.end()), "list"):
                mention.shape = "colon_item"

    def _as_holders(self) -> None:
        """…获得吉尼斯世界纪录的李某，…的邱某，…的张某，作为全国五一劳动奖章获得者，他们是…: the
        names that end the clauses before 作为 [title] 获得者 hold the title."""
        s = self.s
        clauses = self.sentence.clauses
        for number, clause in enumerate(clauses):
            if number == 0 or not s.startswith("作为", clause.start):
                continue
            title = next(
                (
                    t
                    for t in self.titles
                    if t.outer_start == clause.start + 2 and t.owner is None and not t.collective
                ),
                None,
            )
            if title is None or not re.match(
                r"(?:称号|荣誉称号)?(?:获得者|得主|获奖者)", s[title.outer_end :]
            ):
                continue
            found = []
            for earlier in reversed(clauses[:number]):
                hit = self._described_name_ending(earlier)
                if hit is None or self._taken(hit.start, hit.end):
                    break
                found.append(hit)
            group = self._new_group()
            for hit in reversed(found):
                mention = self._add(hit, "list", titles=[title], group=group)
                if mention is not None:
                    mention.shape = "list_before_title"
                    title.owner = id(mention)

    def _one_of_group(self) -> None:
        """…94位模范劳工受奖，其中年纪最大的是70岁的洪某 / 本次模范劳工中最为年长的张某 / 其中一位服务
        已8年多的曾某先生: the one a superlative or 其中一位 picks out of the group named before (the
        parser gives the group's title)."""
        s = self.s
        for lead in _ONE_OF_GROUP.finditer(s):
            p = lead.end()
            limit = min(len(s), p + 30)
            end = p
            while end < limit and s[end] not in "，,。；;：:、":
                end += 1
            described = s.rfind("的", p, end)
            start = described + 1 if described >= 0 else p
            found = self._apposition(start, end)  # …的高级技师陈某: a post (and unit) before the name
            if found is None:
                hit = name_at(s, start, strict=True)
                if hit is None or hit.score < 2 or not (hit.end == end or s.startswith(_HONORIFICS, hit.end)):
                    continue
                found = hit, "", None, "", None
            for mention in self._add_found([found], "list"):
                mention.shape = "one_of_group"
        first = _ONE_OF_GROUP.search(s)
        if first is None:
            return
        for clause in self.sentence.clauses[self.sentence.clause_at(first.start()) + 1 :]:
            # …其中年纪最大的是70岁的洪某，廖某服务44年最久: the next clause picks another
            if not re.search(r"最(?:久|长|多|早|大|小|高|年轻)$", clause.text):
                continue
            hit = name_at(s, clause.start, strict=True)
            if hit is None or hit.score < 2:
                tagged = [n for n in recogniser.person_names(s) if n.start == clause.start]
                hit = NameHit(clause.start, tagged[0].end, tagged[0].name, 2) if tagged else None
            if hit is not None:
                for mention in self._add_found([(hit, "", None, "", None)], "list"):
                    mention.shape = "one_of_group"

    def _examples(self) -> None:
        """其中既有像某设计部总设计师孙某这样的科技工作者，也不乏某公司班长李某、某公司驾驶员常某
        这样的基层职工: the people a report gives as examples of the group it is about."""
        s = self.s
        for such in re.finditer(r"这样的", s):
            clause = self.sentence.clauses[self.sentence.clause_at(such.start())]
            lead = _EXAMPLE_LEAD.search(s, clause.start, such.start())
            if lead is None:
                continue
            for mention in self._add_found(self._names_ending_at(such.start(), lead.end()), "list"):
                mention.shape = "one_of_group"

    def _described_series(self) -> None:
        """见面会现场，某电网公司某所作业师、特级技师梁某，某制药股份有限公司主管、工程师雷某，…，
        某公司技术总监谢某在主持人的引导下…: clauses that are each a whole [unit][post]NAME, one after
        another, are a list (the group the report counts holds them, see the parser)."""
        s = self.s
        run: list[tuple] = []
        for clause in self.sentence.clauses:
            start = clause.start
            while start < clause.end and s[start] in " \u3000":
                start += 1
            found = self._name_at_end(start, clause.end) or self._apposition(start, clause.end)
            if found is not None:
                hit, unit, _unit_span, post, _post_span = found
                lead = found[2][0] if found[2] else hit.start
                whole = hit.end == clause.end or s[hit.end] in _VERB_LEADS
                plain = not re.search(r"的|^(?:有|来自|是|为)", s[start : hit.start])
                if unit and post and hit.score >= 2 and lead == start and whole and plain:
                    run.append(found)
                    if hit.end == clause.end:
                        continue
            self._add_series(run)
            run = []
        self._add_series(run)

    def _add_series(self, run: list[tuple]) -> None:
        """A run of described clauses is a list unless it names leaders (市委书记王某，市长白某，…)."""
        if len(run) < 2 or any(ORGAN_UNIT.search(unit) for _hit, unit, *_ in run):
            return
        for mention in self._add_found(run, "list"):
            mention.shape = "described_item"

    def _spaced_line(self) -> None:
        """A line of bare names parted by spaces (王建华 侯玉梅 毛国栋) under a heading: list items."""
        s = self.s
        if not self.sentence.headline or re.search(r"[，,、。；;：:（）()“”]", s):
            return
        for hit, *_ in self._spaced_names(0, len(s)):
            mention = self._add(hit, "list")
            if mention is not None:
                mention.shape = "colon_item"
        # "某机械有限公司  王大明" / "某医院护士长 李美华": a list's line, the unit (and post) before the name
        line = re.fullmatch(r"\s*([\u4e00-\u9fff]{3,30})\s+([\u4e00-\u9fff]{2,4})\s*", s)
        if line is None or self.mentions:
            return
        unit, post, unit_span, post_span = _unit_post_of(s, line.start(1), line.end(1))
        if not unit:
            return
        hit = name_at(s, line.start(2), strict=True) or bounded_name(s, line.start(2), line.end(2))
        if hit is None or hit.end != line.end(2):
            return
        mention = self._add(
            hit, "list", unit=unit, position=post, unit_span=unit_span, position_span=post_span
        )
        if mention is not None:
            mention.shape = "colon_item"

    def _spaced_names(self, start: int, end: int) -> list:
        """省级劳模获得者：王建华 侯玉梅 毛国栋: bare names that only spaces part, as lists print them."""
        s = self.s
        part = s[start:end]
        words = [(w.start() + start, w.end() + start) for w in re.finditer(r"[^\s]+", part)]
        if len(words) < 2 or any(not 2 <= b - a <= 4 for a, b in words):
            return []
        found = []
        for a, b in words:
            hit = name_at(s[:b], a)
            if hit is None or hit.end != b:
                hit = bounded_name(s, a, b)
            if hit is None or self._taken(hit.start, hit.end):
                return []  # every word a name, or it is no such list
            found.append((hit, "", None, "", None))
        return found

    def _copulas(self) -> None:
        """巩孝武是省级劳模，… / 巩向海是全国劳动模范: a name heading its clause, then 是/系 and a title:
        the title is the name's own (the clause says what the person is)."""
        s = self.s
        for t in self.titles:
            if t.owner is not None or t.collective:
                continue
            clause = self.sentence.clauses[self.sentence.clause_at(t.outer_start)]
            p = clause.start
            while p < clause.end and s[p] in " “”「」":
                p += 1
            before = s[p : t.outer_start]
            copula = _COPULA_TAIL.search(before)
            if copula is not None and copula.start() == 0 and clause.start > 0:
                # 今年47岁的刘某，是2015年省劳模: the name that ends the clause before is the subject
                number = self.sentence.clause_at(t.outer_start)
                hit = self._described_name_ending(self.sentence.clauses[number - 1]) if number else None
                if hit is not None and not self._taken(hit.start, hit.end):
                    mention = self._add(hit, "title", titles=[t])
                    if mention is not None:
                        t.owner = id(mention)
                continue
            if copula is not None:
                end = p + copula.start()
                hit = self._known_at(p) or name_at(s[:end], p)
                if hit is None or hit.end != end or hit.score < 2 or self._taken(hit.start, hit.end):
                    continue
                mention = self._add(hit, "title", titles=[t])
                if mention is not None:
                    t.owner = id(mention)
                continue
            # 今年53岁的牛忠义于1988年获得合肥市劳模称号 / 杜崇和老人获得1958年省劳模称号: the subject
            # of the clause is given the title its award verb names
            award = _SUBJECT_AWARD_TAIL.search(before)
            if award is None:
                continue
            end = p + award.start()
            hit = None
            for length in (3, 2, 4):
                start = end - length
                if start < p or not (start == p or s[start - 1] in "的 "):
                    continue
                hit = self._known_at(start) or name_at(s[:end], start)
                if hit is not None and hit.end == end and hit.score >= 2:
                    break
                # the clause start and the verb bound a name whose given name ends in a word (杜崇和)
                hit = bounded_name(s, start, end, by_post=True) if length == 3 else None
                if hit is not None:
                    break
            if hit is None or self._taken(hit.start, hit.end):
                continue
            unit, post, unit_span, post_span = "", "", None, None
            if hit.start - 1 > p and s[hit.start - 1] == "的":  # 上海起帆电缆股份有限公司的平庆东获得…
                unit, post, unit_span, post_span = _unit_post_of(s, p, hit.start - 1)
            mention = self._add(
                hit,
                "award",
                titles=[t],
                unit=unit,
                position=post,
                unit_span=unit_span,
                position_span=post_span,
            )
            if mention is not None:
                t.owner = id(mention)
                mention.award_verbs.append(award.group("verb"))

    def _described_name_ending(self, clause) -> NameHit | None:
        """今年47岁的刘某: the name a clause ends with after 的."""
        s = self.s
        for length in (3, 2):
            at = clause.end - length
            if at > clause.start and s[at - 1] == "的":
                hit = name_at(s[: clause.end], at, strict=True)
                if hit is not None and hit.end == clause.end:
                    return hit
        return None

    def _marked_lists(self) -> None:
        """7名同志获得“全国劳动模范”荣誉称号，他们分别是某公司党委书记、总经理隋熙凤，某厂电焊工张敬华，…；
        a list after 分别是/他们是 with no colon: items [unit][post]NAME between commas up to the
        end of the sentence part; the title named before the mark in the same part is theirs."""
        s = self.s
        for m in _MARKED_LIST.finditer(s):
            if re.match(r"(?:19|20)\d{2}年", s[m.end() :]):
                continue  # 分别是1959年陈有生、…: a list of years, read by _year_lists
            stop = m.end()
            while stop < len(s) and s[stop] not in "。；;！？!?\n":
                stop += 1
            part_start = max(s.rfind(c, 0, m.start()) for c in "。；;！？!?\n") + 1
            owned = [
                t
                for t in self.titles
                if part_start <= t.outer_start and t.outer_end <= m.start() and not t.collective
            ]
            if not owned or owned[-1].owner is not None:
                continue
            title = owned[-1]
            chunks: list[tuple[int, int]] = []
            start = m.end()
            for i in range(m.end(), stop + 1):
                if i == stop or s[i] in "，,":
                    if i > start:
                        chunks.append((start, i))
                    start = i + 1
            found = []
            for chunk_start, chunk_end in chunks:
                tail = _LIST_TAIL.search(s, chunk_start, chunk_end)
                end = tail.start() if tail and tail.group(0) else chunk_end
                if s.startswith("以及", chunk_start):
                    chunk_start += 2
                found.extend(self._names_ending_at(end, chunk_start))
            if len(found) < 2:
                continue
            members = self._add_found(found, "heading", titles=[title], group=self._new_group())
            for mention in members:
                mention.shape = "colon_item"
            if members:
                title.owner = id(members[0])

    def _bracket_lists(self) -> None:
        """…模范劳工分别是陈淑英（介寿国民中小学）、曹祥敏（连江县莒光乡公所）…: items NAME（UNIT）
        after a list mark; titles before the mark are the items' own."""
        s = self.s
        items: list[Mention] = []
        for m in _NAME_BRACKET.finditer(s):
            inner = m.group(1)
            if not _bracket_unit(inner) or not _item_end(s, m.end()):
                continue
            bracket = m.start()
            hit = None
            for length in (3, 2, 4):
                start = bracket - length
                if start < 0 or (start > 0 and not s[:start].endswith(_BRACKET_ITEM_LEADS)):
                    continue
                hit = name_at(s[:bracket], start)
                if hit is not None and hit.start == start and hit.end == bracket:
                    break
                hit = bounded_name(s, start, bracket) if length == 3 else None
                if hit is not None:
                    break
            if hit is None or self._taken(hit.start, hit.end):
                continue
            if items and s[items[-1].unit_span[1] + 1 : hit.start] not in ("、", "，", ","):
                items = []  # a new list
            unit, post, unit_span, post_span = _unit_post_of(s, m.start(1), m.end(1))
            if not (unit and post):  # 曹某（某石化公司焊工）: a unit and post; else the bracket is the unit
                unit, post, unit_span, post_span = inner.strip(), "", (m.start(1), m.end(1)), None
            mention = self._add(
                hit, "list", unit=unit, position=post, unit_span=unit_span, position_span=post_span
            )
            if mention is not None:
                mention.shape = "bracket_item"
                items.append(mention)
        if len(items) < 2:
            return
        first = items[0]
        marks = [x for x in _BRACKET_LIST_MARK.finditer(s, 0, first.start) if x.end() <= first.start]
        if not marks or s[marks[-1].end() : first.start].strip(" ：:"):
            return
        mark = marks[-1]
        owned = [
            t for t in self.titles if t.owner is None and not t.collective and t.outer_end <= mark.start()
        ]
        owned = owned[-1:] if owned else []
        group = self._new_group()
        for item in items:
            item.group = group
            item.titles = list(owned)
        for t in owned:
            t.owner = id(first)

    def _visited_homes(self) -> None:
        """赵某来到某农场退休职工杨某某的家里 / 走进劳模李某家中: the one whose home the visitors
        come to is the one visited (whoever comes is not)."""
        s = self.s
        for m in _VISITED_HOME.finditer(s):
            end = m.end("who")
            if _NEEDY.search(m.group("who")):
                continue  # 来到困难职工厉某家里: a visit of help, to no honouree
            found = self._names_ending_at(end, m.start("who"))
            for mention in self._add_found(found, "position"):
                mention.visited = True

    def _included_holders(self) -> None:
        """包括刘小丽在内5位新当选的全国劳动模范 / 包括张三、李四在内的10名省劳模: the people named
        between 包括 and 在内 are among the holders of the title that follows."""
        s = self.s
        for m in _INCLUDED.finditer(s):
            title = next((t for t in self.titles if t.outer_start == m.end() and not t.collective), None)
            if title is None or title.owner is not None:
                continue
            found = self._names_ending_at(m.end("who"), m.start("who"))
            if not found:
                continue
            members = self._add_found(found, "title", titles=[title], group=self._new_group())
            if members:
                title.owner = id(members[0])

    def _have_lists(self) -> None:
        """他们中有扎根一线的电力工人李小军，有研发新药的樊小振，有……的张小良: the people a group holds,
        each described and then named after 的, one item to a 有 clause; the group's title is theirs
        (the parser gives the title the report counts)."""
        s = self.s
        lead = _HAVE_LIST_LEAD.search(s)
        if lead is None:
            return
        found = []
        p = lead.end()
        while p < len(s):
            end = p
            while end < len(s) and s[end] not in "，,。；;！？!?…\n":
                end += 1
            hit = None
            for length in (3, 2):
                start = end - length
                if start > p and s[start - 1] in "的”」" or _word_ending_at(s, start, _POSITIONS_BY_LAST, p):
                    hit = name_at(s[:end], start)
                    if hit is not None and hit.end == end and hit.score >= 2:
                        break
                    hit = None
            if hit is None:
                break
            found.append(hit)
            p = end + 1
            if not s.startswith("有", p):
                break
            p += 1
        if len(found) < 2:
            return
        group = self._new_group()
        for hit in found:
            mention = self._add(hit, "list", group=group)
            if mention is not None:
                mention.shape = "have_item"

    def _year_lists(self) -> None:
        """…第四位全国劳动模范，前三位分别是1959年陈有生、1989年俞如良、2005年蒋兴权: each item a year
        and a name; the title named before the list is theirs, each with its own year."""
        s = self.s
        for m in _YEAR_LIST.finditer(s):
            titles = [t for t in self.titles if t.outer_end <= m.start() and not t.collective and not t.weak]
            if not titles:
                continue
            title = titles[-1]
            group = self._new_group()
            for item in _YEAR_ITEM.finditer(m.group(1)):
                start = m.start(1) + item.start(2)
                end = m.start(1) + item.end(2)
                hit = name_at(s[:end], start)
                if hit is None or hit.end != end:
                    hit = bounded_name(s, start, end)
                if hit is None:
                    continue
                own = dataclasses.replace(title, year=int(item.group(1)), owner=None)
                mention = self._add(hit, "list", titles=[own], group=group)
                if mention is not None:
                    own.owner = id(mention)
                    mention.shape = "year_item"

    def _names_ending_at(self, end: int, floor: int) -> list:
        """The list of names (each with its unit and post) that ends at `end`, read leftwards."""
        s = self.s
        items = []
        while end > floor:
            described = None
            note = re.search(r"[（(]([^（）()、，,]{1,8})[)）]$", s[max(floor, end - 10) : end])
            if note is not None and end - len(note.group(0)) > floor and not _bracket_unit(note.group(1)):
                end -= len(note.group(0))  # 王小昱（女）、 / 李大山（回族）、: a note after the name
            else:
                # 王某（某公司焊工）、李某（某医院护士）被授予…: the unit and post in a bracket after the name
                bracket = re.search(r"[（(]([^（）()，,。]{4,30})[)）]$", s[max(floor, end - 32) : end])
                if bracket is not None and end - len(bracket.group(0)) > floor:
                    inner_start = end - len(bracket.group(0)) + 1
                    facts = _unit_post_of(s, inner_start, end - 1)
                    if facts[0] and facts[1]:
                        described = facts
                        end -= len(bracket.group(0))
            seg_start = self._segment_start(end, floor)
            joined = self._joined_item(seg_start, end, floor)
            if joined is not None:  # …护理师潘某某及某农会推广员蔡某: 及 joins two described items
                items.insert(0, joined[1])
                end = joined[0]
                continue
            item = self._name_at_end(seg_start, end, floor)
            if item is None:
                break
            if described is not None and not (item[1] or item[3]):
                unit, post, unit_span, post_span = described
                item = (item[0], unit, unit_span, post, post_span)
            items.insert(0, item)
            hit_start = item[0].start
            if hit_start - 1 > seg_start and s[hit_start - 1] in "和及与" and not (item[1] or item[3]):
                end = hit_start - 1  # 张建章、陈世法、董小柱和许全堂等4名同志: 和 joins the last two
                continue
            end = min(seg_start, item[2][0]) if item[2] else seg_start
            while end > floor and s[end - 1] in " \u3000":  # 李晓峰 、 甘肃省…: spaces as stored
                end -= 1
            if end <= floor or s[end - 1] not in "、，,":
                break
            if s[end - 1] in "，," and not (
                self._bare_name_before(end - 1, floor, item)
                or self._described_item_before(end - 1, floor, item)
            ):
                break
            end -= 1
            while end > floor and s[end - 1] in ",， \u3000":  # "卢世祯,、郑偕海": a stray comma
                end -= 1
        return items

    def _segment_start(self, end: int, floor: int) -> int:
        """Where the list item ending at `end` starts: at the list mark before it, reading over a
        short bracket or a quoted name inside a unit's name."""
        s = self.s
        seg_start = end
        while seg_start > floor and s[seg_start - 1] not in _SEGMENT_STOPS:
            seg_start -= 1
            if s[seg_start - 1 : seg_start] in (")", "）"):
                # 某二机床(集团)有限责任公司: a short bracket inside a unit's name is part of it
                inner = re.search(
                    r"[（(]([\u4e00-\u9fff]{1,6})$", s[max(floor, seg_start - 9) : seg_start - 1]
                )
                if inner and seg_start - 1 - len(inner.group(0)) > floor:
                    seg_start -= 1 + len(inner.group(0))
            if s[seg_start - 1 : seg_start] == "”" and seg_start < end:
                # 某渔政总队“中国海警3111”船政委林某: a quoted name inside a unit is part of it
                inner = re.search(
                    r"[\u4e00-\u9fff]“([^“”，。、]{1,12})$", s[max(floor, seg_start - 15) : seg_start - 1]
                )
                if inner and seg_start - len(inner.group(0)) > floor:
                    seg_start -= len(inner.group(0))
        return seg_start

    def _joined_item(self, seg_start: int, end: int, floor: int):
        """The last of two [unit][post]NAME items that 及/以及/和 join in one segment, and where
        the first ends (so that the list reads on from there); None when no such join."""
        s = self.s
        for conj in reversed(list(re.finditer(r"以及|及|和", s[seg_start:end]))):
            conj_start, conj_end = seg_start + conj.start(), seg_start + conj.end()
            if conj_start - seg_start < 3 or end - conj_end < 4:
                continue
            last = self._name_at_end(conj_end, end, floor)
            if last is None or last[0].start - conj_end > 8 and not last[1]:
                continue  # …和泉州某集装箱码头有限公司黄某: a unit of any length before the last name
            first = self._name_at_end(seg_start, conj_start, floor)
            if first is None or first[0].end != conj_start or not (first[1] or first[3]):
                continue
            if not (last[1] or last[3]):  # 农会推广员蔡某: a post the dictionary lacks, bounded by 及
                unit, post, unit_span, post_span = _unit_post_of(s, conj_end, last[0].start)
                if not post and last[0].start > conj_end:
                    post, post_span = s[conj_end : last[0].start], (conj_end, last[0].start)
                last = (last[0], unit, unit_span, post, post_span)
            return conj_start, last
        return None

    def _first_of_series(self, mark: int, floor: int):
        """The unit and post of the first description in a 、 series that ends at `mark`."""
        s = self.s
        left = mark
        while left > floor and s[left - 1] not in "，,。；;：:（()“”\n":
            left -= 1
        end = left
        while end < mark and s[end] != "、":
            end += 1
        unit, post, unit_span, post_span = _unit_post_of(s, left, end)
        if unit and post and not _bare_dept(unit):
            return unit, post, unit_span, post_span
        return None

    def _described_item_before(self, comma: int, floor: int, item) -> bool:
        """某茶厂研发部主任石濡菲，某公司客服经理、管道工陈健康获得…称号: a list goes on over a comma
        from one [unit][post]NAME item to another when the earlier one fills its whole clause."""
        if item[0].start - 1 != comma and not (item[1] or item[3]):
            return False
        seg_start = self._segment_start(comma, floor)
        last_seg = seg_start
        # 某公司党委书记、董事长赵大明，…: the earlier item may be a series of posts over 、
        while seg_start > floor and self.s[seg_start - 1] == "、":
            seg_start -= 1
            while seg_start > floor and self.s[seg_start - 1] not in _SEGMENT_STOPS:
                seg_start -= 1
        if seg_start > 0 and self.s[seg_start - 1] not in "，,。；;：:\n":
            return False
        before = self._name_at_end(last_seg, comma, floor)
        if before is None or not (before[1] and before[3]):
            return False
        lead = before[2][0] if before[2] else before[0].start
        return not self.s[seg_start:lead].strip(" ")

    def _bare_name_before(self, comma: int, floor: int, item) -> bool:
        """张建军、李红梅，刘志刚、王丽华5名职工荣获…: a list goes on over a comma only from bare
        names to bare names."""
        if item[0].start != comma + 1:
            return False
        seg_start = comma
        while seg_start > floor and self.s[seg_start - 1] not in _SEGMENT_STOPS:
            seg_start -= 1
        before = self._name_at_end(seg_start, comma)
        return before is not None and before[0].start == seg_start

    def _name_at_end(self, seg_start: int, end: int, floor: int = 0):
        s = self.s
        fallback = None
        series_at = seg_start
        seg_start += _unit_lead(s[seg_start:end])  # 集团所属杨伙盘煤电公司王新伟
        for length in (3, 2, 4):
            start = end - length
            if start < seg_start:
                continue
            prefix = s[seg_start:start]
            hit = name_at(s, start, strict=True)
            if hit is None and (
                not prefix
                or _word_ending_at(s, start, _POSITIONS_BY_LAST, seg_start)
                or prefix.endswith(lx.ENTITY_SUFFIXES)
                or (prefix.endswith(("和", "及")) and len(prefix) <= 5)  # 史广敏和华日刚等
            ):
                # 、安志伟等 / 、孙丽娜两位同志 / 燃运主管余虹、 / 杭锅集团于惠民被授予: the list's marks,
                # a post or a unit bound the name, so a surname that is also a word (安, 余, 于) is read as one
                hit = name_at(s[:end], start)
            if (
                (hit is None or hit.end != end)
                and length == 3
                and (
                    # ；黄金耀等78名职工: a whole segment before 等 or a list mark, a word-like start
                    not prefix
                    and s[end : end + 1] in ("等", "、")
                    or prefix
                    and (
                        _word_ending_at(s, start, _POSITIONS_BY_LAST, seg_start)
                        # 数控铣工万方前: a trade bounds the name as a post or a unit does
                        or prefix.endswith((*lx.ENTITY_SUFFIXES, *_UNKNOWN_POST_ENDS))
                        or (prefix.endswith(("和", "及")) and len(prefix) <= 5)
                    )
                )
            ):
                # 杭锅集团于惠民被授予…: a unit and the verb bound 于|惠民; 校长蒋宗会，: a post and a list mark
                # …数控铣工万方前8人获评: a count of the list's people bounds the last name too
                marked = end >= len(s) or s[end] in "，,、；;。等" or bool(_COUNT_AFTER.match(s, end))
                hit = bounded_name(s, start, end, by_post=marked) or bounded_name(s, start, end)
            if hit is None or hit.end != end or self._taken(hit.start, hit.end):
                continue
            unit, post, unit_span, post_span = (
                _unit_post_of(s, seg_start, start) if prefix else ("", "", None, None)
            )
            # 、初级燃气管道工陈健康 (but 、玉柴重工赵某: a company's short name)
            unknown_post = (
                not (post or unit)
                and prefix.endswith(_UNKNOWN_POST_ENDS)
                and not prefix.endswith(lx.ENTITY_SUFFIXES)
            )
            # 、驻村第一书记谭某: where one is stationed is part of the post, no unit of its own
            no_body = not unit or unit.startswith("驻")
            if (post or unknown_post) and no_body and seg_start > 0 and s[seg_start - 1] == "、":
                # 某化工有限公司设备主管、工程师张立新: a list of posts, the unit before the first
                # 某公司技术人员、工程师、中级工张立新: over as many posts as the series lists
                left = seg_start - 1
                for _ in range(4):
                    while left > floor and s[left - 1] not in _SEGMENT_STOPS:
                        left -= 1
                    if _ends_in_name(s, left, max(left, seg_start - 1)):
                        break  # 锻工高级技师范某、测井工高级技师吕某: the item before is a person of its own
                    wider = _unit_post_of(s, left, start)
                    if wider[0] and "、" in wider[0]:
                        # 某文化宫主任、驻某村第一书记莫某: the unit is the first item's, the posts all
                        first_item = _unit_post_of(s, left, s.index("、", left))
                        if first_item[0] and first_item[1] and first_item[3]:
                            post_start = first_item[3][0]
                            wider = (first_item[0], s[post_start:start], first_item[2], (post_start, start))
                    if wider[0] and wider[1]:
                        unit, post, unit_span, post_span = wider
                        break
                    if left <= floor + 1 or s[left - 1] != "、":
                        break
                    left -= 1
            if unit and post and series_at > 0 and s[series_at - 1] == "、" and _bare_dept(unit):
                # 某医院专职党委副书记、某中心副主任、原心血管内科主任欧永强: posts listed one after
                # another; the first names the unit, a department later on is no unit of its own
                first = self._first_of_series(series_at - 1, floor)
                if first is not None:
                    unit, post, unit_span, post_span = first
                    if post_span is not None and post_span[1] == series_at - 1:
                        # 某保健院院长助理、新生儿科主任张三: two posts in one body, both the person's
                        post, post_span = s[post_span[0] : start], (post_span[0], start)
            if not prefix or post or unit:
                return hit, unit, unit_span, post, post_span
            if _word_ending_at(s, start, _POSITIONS_BY_LAST, seg_start):
                continue  # 董事长孙华 is not 董事 + 长孙华
            if fallback is None and not prefix.endswith(_NOT_BEFORE_NAME):
                fallback = (hit, "", None, "", None)
        if (
            fallback is None
            and 2 <= end - seg_start <= 3
            and (seg_start == 0 or s[seg_start - 1] in "、，,：:和及与")
        ):
            # 、万东明、 / 、弋志禾、: a bare item between list marks is read by its shape
            hit = bounded_name(s, seg_start, end) or self._tagged_name(seg_start, end)
            if hit is not None and not self._taken(hit.start, hit.end):
                return hit, "", None, "", None
        return fallback

    def _tagged_at(self, start: int) -> NameHit | None:
        """全国劳动模范额尔敦达|来在…: the tagger's name right after a title, when the surname list
        cannot read it and the word after it is no part of a name."""
        s = self.s
        for tagged in recogniser.person_names(s):
            if tagged.start != start:
                continue
            if not recogniser.ends_clearly(s, tagged):
                return None  # 额尔敦达|来|在: a one-character word after may end the name itself
            after = next((w for w in recogniser.words(s) if w.start == tagged.end), None)
            if after is None or after.tag not in ("np", "nz", "j", "g", "x", "n"):
                return NameHit(tagged.start, tagged.end, tagged.name, 2)
        return None

    def _bounded_tagged(self, start: int) -> NameHit | None:
        """…获得者——扎西尼玛，/ 副院长格桑罗布，: a name with no Han surname that a title or post
        announces and a clause mark closes, when the tagger reads a person's name starting there."""
        s = self.s
        end = start
        while end < len(s) and end - start <= 4 and s[end] not in _SEGMENT_STOPS:
            end += 1
        if not 2 <= end - start <= 4 or end >= len(s) or s[end] not in "，,。；;（(":
            return None
        if not all("\u4e00" <= ch <= "\u9fff" for ch in s[start:end]):
            return None
        for tagged in recogniser.person_names(s):
            if tagged.start != start or tagged.end > end:
                continue
            # 格桑|罗|布: the tagger's name may stop short; the rest must be no word of its own (说, 在)
            rest = [w for w in recogniser.words(s) if tagged.end <= w.start < end]
            if all(w.tag in ("np", "nz", "j", "g", "x") for w in rest):
                return NameHit(start, end, s[start:end], 2)
        return None

    def _tagged_name(self, start: int, end: int) -> NameHit | None:
        """、央宗、: a name with no Han surname, bounded by list marks and tagged a name by the tagger."""
        if "、" not in self.s[start - 1 : start] + self.s[end : end + 1]:
            return None  # one of a list of names: a 、 on one side at least
        for tagged in recogniser.person_names(self.s):
            if (tagged.start, tagged.end) == (start, end):
                return NameHit(start, end, tagged.name, 2)
        return None

    def _later_clause_awards(self) -> None:
        """某公司的李某，…，这次她也荣获全国模范劳工的殊荣 / 霍某和同事…，同时也被评为了市劳动模范:
        a later clause whose subject is 他/她 or left out, led by its award verb, credits the person
        the sentence opens with (its first words, or the one a 的 describes at a clause's end)."""
        s = self.s
        clauses = self.sentence.clauses
        told = False  # a clause before spoke of 他/她: "今年她也获得单位推荐，荣获模范劳工的肯定"
        for number, clause in enumerate(clauses):
            if number == 0:
                continue
            lead = _LATER_AWARD_LEAD.match(s, clause.start, clause.end)
            verb_at = lead.end()
            verb = starts_with_any(s, verb_at, _AWARD_INDEX)
            if not verb or not (lead.group("pro") or lead.group("adv") or lead.group("when") or told):
                told = bool(lead.group("pro"))
                continue
            told = bool(lead.group("pro"))
            owned = [t for t in self._titles_in(verb_at, clause.end) if t.owner is None]
            if not owned or any(m.start >= clause.start and m.start < clause.end for m in self.mentions):
                continue
            if "的" in s[verb_at + len(verb) : owned[0].outer_start]:
                continue  # 今年当选的全国劳模…，有的是…: those elected, a group the clause speaks of
            earlier = [m for m in self.mentions if m.end <= clause.start and m.name]
            if not earlier:
                hit = self.opening_subject(number)
                if hit is None:
                    return
                subject = self._add(hit, "clause")
                workplace = WORKPLACE_BEFORE.search(s, 0, hit.start)
                if subject is not None and workplace is not None:
                    subject.unit, subject.unit_span = workplace.group(1), workplace.span(1)
            elif len({m.name for m in earlier}) != 1:
                return
            at = lead.start("pro") if lead.group("pro") else verb_at
            mention = Mention(
                self.sentence, "", at, at, "pronoun", titles=owned, pronoun=lead.group("pro") or ""
            )
            mention.award_verbs.append(verb)
            mention.award_spans.append((verb_at, verb_at + len(verb)))
            mention.awarded_by = self._giver(verb_at)
            opening = re.match(r"[\s“]*((?:19|20)\d{2})年", s)
            for t in owned:
                t.owner = id(mention)
                if t.year is None and opening is not None:
                    t.year = int(opening.group(1))  # 2006年，霍某和同事…，同时也被评为了市劳动模范
            self.mentions.append(mention)
            return

    def _on_the_list(self) -> None:
        """公布了…五一劳动奖章获奖名单，我市某公司的甲、某医院的乙榜上有名: the names before 榜上有名
        are on the list the sentence names before."""
        s = self.s
        mark = re.search(r"(?:均|都|也)?(?:榜上有名|名列其中|位列其中|光荣上榜|上榜)", s)
        if mark is None:
            return
        clause = self.sentence.clauses[self.sentence.clause_at(mark.start())]
        listed = [
            t
            for t in self.titles
            if t.owner is None
            and not t.collective
            and t.outer_end <= clause.start
            and re.match(r"(?:获奖|表彰|表扬|获得者|拟表彰|拟推荐)?名单", s[t.outer_end : t.outer_end + 6])
        ]
        if not listed:
            return
        items = []
        for item in re.finditer(r"[^、和及与，,\s]+", s[clause.start : mark.start()]):
            a, b = clause.start + item.start(), clause.start + item.end()
            hit = None
            for length in (3, 2):
                if b - length < a:
                    continue
                hit = name_at(s, b - length, strict=True) or bounded_name(s, b - length, b)
                if hit is not None and hit.end == b and (hit.start == a or s[a : hit.start].endswith("的")):
                    break
                hit = None
            if hit is None:
                return  # every item a name (after its unit and 的), or it is no such list
            items.append((a, hit))
        group = self._new_group()
        for a, hit in items:
            unit, unit_span = "", None
            before = re.fullmatch(_PLACE_WE + r"?([\u4e00-\u9fff]{3,30}?)的", s[a : hit.start])
            if before is not None and before.group(1).endswith(lx.ENTITY_SUFFIXES):
                unit, unit_span = before.group(1), (a + before.start(1), a + before.end(1))
            mention = next((m for m in self.mentions if (m.start, m.end) == (hit.start, hit.end)), None)
            if mention is not None and not mention.titles and not mention.official:
                mention.titles, mention.group = (
                    [listed[-1]],
                    group,
                )  # 王某 heading its clause: on the list too
                mention.unit, mention.unit_span = mention.unit or unit, mention.unit_span or unit_span
            else:
                mention = self._add(
                    hit, "heading", titles=[listed[-1]], unit=unit, unit_span=unit_span, group=group
                )
            if mention is not None:
                listed[-1].owner = id(mention)

    def opening_subject(self, before_clause: int) -> NameHit | None:
        """The one name a sentence opens with: "霍某和…，" / "2012年，赵某被…" / "…工作的刘某，" / "…的李某是…"."""
        s = self.s
        for clause in self.sentence.clauses[:before_clause]:
            text = s[clause.start : clause.end]
            if re.fullmatch(
                r"[，,\s]*(?:(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?|今年|去年|近年来|目前)[，,\s]*",
                text,
            ):
                continue
            start = clause.start + len(text) - len(text.lstrip("，, "))
            hit = name_at(s, start, strict=True)
            if hit is not None and hit.score >= 2 and not self._taken(hit.start, hit.end):
                return hit
            described = re.search(
                r"的([\u4e00-\u9fff]{2,4}?)(姐|哥|大姐|阿姨|师傅)?(?:是|[，,]?$)", text.rstrip("，,")
            )
            if described is not None:
                p, end = clause.start + described.start(1), clause.start + described.end(1)
                if described.group(2):  # …任职的金某姐: a kinship word after the name is no part of it
                    hit = bounded_name(s, p, end)
                else:
                    hit = name_at(s, p, strict=True) or bounded_name(s, p, end)
                if hit is not None and hit.score >= 2 and not self._taken(hit.start, hit.end):
                    return hit
        return None

    def _pronoun_award(self, verb_start: int, pronoun_at: int, clause_end: int, verb: str) -> None:
        owned = self._titles_in(pronoun_at + 1, clause_end)
        if not owned:
            return
        mention = Mention(
            self.sentence, "", pronoun_at, pronoun_at, "pronoun", titles=owned, pronoun=self.s[pronoun_at]
        )
        mention.award_verbs.append(verb)
        mention.award_spans.append((verb_start, pronoun_at))
        mention.awarded_by = self._giver(verb_start)
        for t in owned:
            t.owner = id(mention)
        self.mentions.append(mention)

    def _titles_in(self, start: int, end: int) -> list[TitleMatch]:
        return [
            t for t in self.titles if t.owner is None and start <= t.outer_start < end and not t.collective
        ]

    def _giver(self, verb_start: int) -> str:
        """The body that awards: "市总工会追授他…" → 市总工会 (衡阳市总工会 when the report is about 衡阳)."""
        s = self.s
        clause = self.sentence.clauses[self.sentence.clause_at(verb_start)]
        subject = s[clause.start : verb_start].strip()
        for lead in ("经", "由", "近日", "日前", "今年", "去年"):
            subject = subject.removeprefix(lead)
        if (
            not (2 <= len(subject) <= 20)
            or not _word_ending_at(subject, len(subject), _ORG_ONLY_BY_LAST, 0)
            and not subject.endswith(("委", "总工会", "政府", "部", "厅", "局", "会"))
        ):
            return ""
        if subject.startswith("市") and self.home:
            subject = self.home + subject
        return subject

    def _positions(self) -> None:
        s = self.s
        for idx in range(2, len(s)):
            word = _word_ending_at(s, idx, _POSITIONS_BY_LAST, 0)
            if not word or _inside_org_word(s, idx - len(word), idx):
                continue
            hit = name_at(s, idx)
            if hit is None or hit.score < 2:  # 班长于惠民: a name credited before / written clearly elsewhere
                hit = self._known_at(idx) or self._announced_name(idx)
            if hit is None and s.startswith("的", idx):
                # 现为某公司车间主任的陈小林，…: a description ending in a post and 的 before the name
                hit = name_at(s, idx + 1)
                if hit is not None and (hit.score < 3 or s[hit.end : hit.end + 1] not in ("，", ",")):
                    hit = None
            if hit is None and s.startswith(" ", idx):
                # "某某市中心医院院长  欧阳明": a line that sets the name apart from the post
                q = idx
                while q < len(s) and s[q] == " ":
                    q += 1
                hit = name_at(s, q)
                if hit is not None and (hit.score < 3 or s[hit.end : hit.end + 1].strip()):
                    hit = None
            if hit is None or self._taken(hit.start, hit.end) or _place_start(s, idx):
                continue
            if s[idx] in "和与及或" and hit.score < 3:
                continue  # 职工、农民和女职工: after a post word, 和 joins words, it names no one
            left = _unit_left_edge(s, idx - len(word))
            found = self._apposition(left, self._clause_end(idx))
            if hit.start > idx:  # 现为某公司车间主任的陈小林 / 某医院院长  欧阳明
                left += _unit_lead(s[left:idx])
                unit, post, unit_span, post_span = _unit_post_of(s, left, idx)
                found = (hit, unit, unit_span, post, post_span) if unit and post else None
            if found is not None and found[0].start == hit.start:
                _, unit, unit_span, post, post_span = found
            else:
                unit, unit_span = "", None
                post, post_span = word, (idx - len(word), idx)
            mention = self._add(
                hit, "position", unit=unit, position=post, unit_span=unit_span, position_span=post_span
            )
            if mention is not None:
                self._bracket_titles(mention)
                self._extend_list(mention)

    def _facts_in_brackets(self) -> None:
        """县劳动模范袁某(文宇阁负责人)、肖某(富佳农业负责人): the unit and post in the bracket after a
        name, for those the sentence gives none elsewhere."""
        s = self.s
        for m in self.mentions:
            if m.unit or m.position or m.end >= len(s) or s[m.end] not in "（(":
                continue
            close = _matching_bracket(s, m.end)
            if close >= len(s) or close - m.end > 40:
                continue
            unit, post, unit_span, post_span = _unit_post_of(s, m.end + 1, close)
            if unit and post and not any(t.outer_start > m.end and t.outer_end <= close for t in self.titles):
                m.unit, m.position, m.unit_span, m.position_span = unit, post, unit_span, post_span

    def _bracket_titles(self, mention: Mention) -> None:
        """某公司技师张三（全国劳动模范）捐款…: titles heading the bracket after the name are the person's."""
        s = self.s
        if mention.end >= len(s) or s[mention.end] not in "（(":
            return
        close = _matching_bracket(s, mention.end)
        position = mention.end + 1
        for t in sorted(self.titles, key=lambda t: t.outer_start):
            if t.owner is not None or t.collective or t.outer_start < position or t.outer_end > close:
                continue
            if s[position : t.outer_start].strip("、 ") or (t.weak and not t.quoted):
                break
            mention.titles.append(t)
            mention.shape = "bracket"
            t.owner = id(mention)
            position = _skip_trailers(s, t.outer_end)

    def _relatives(self) -> None:
        """李建国的妻子王丽也捐出了1000元: the relative is a person of their own."""
        s = self.s
        for word in lx.FAMILY_WORDS:
            for m in re.finditer(word, s):
                hit = name_at(s, m.end())
                if _GIVEN_TO.search(s, max(0, m.start() - 12), m.start()):
                    continue  # 将奖金捐赠给李某的女儿李敏: the one given to is no honouree
                if hit is not None and hit.score >= 2:
                    self._add(hit, "relative", position="")

    def _comrades(self) -> None:
        s = self.s
        for m in re.finditer("同志", s):
            if re.search(r"(?:负责|有关|相关|领导|老|女|男|青年|先进)$", s[: m.start()]):
                continue  # 相关单位负责同志 / 老同志: a kind of comrade, no name before 同志
            for length in (3, 2, 4):
                start = m.start() - length
                if start < 0 or s[start - 1 : start] == "等":
                    continue
                hit = name_at(s, start)
                if hit is not None and hit.end == m.start():
                    mention = self._add(hit, "comrade")
                    if mention is not None:
                        self._extend_list(mention)
                    break

    def _clause_heads(self) -> None:
        s = self.s
        for number, clause in enumerate(self.sentence.clauses):
            p = clause.start
            while p < clause.end and s[p] in " “”「」■●◆★▲※·•":
                p += 1
            numbered = _ITEM_NUMBER.match(s, p, clause.end)
            if numbered and number == 0:
                p = numbered.end()  # "1.张子扬 湖北省体育局…运动员": a numbered list item
            for lead in _CLAUSE_LEADS + ("他叫", "她叫", "他名叫", "她名叫", "名叫", "他就是", "她就是"):
                if s.startswith(lead, p):
                    p += len(lead)
                    break
            known = self._known_at(p)
            hit = known or name_at(s, p, strict=True)
            marked = _COLON_AFTER_NAME.match(s, p, clause.end + 1)
            if known is None and marked and (hit is None or hit.end != p + len(marked.group(1))):
                # "杨春和 : 某研究所负责人": the line's head and the colon bound the name (杨春|和)
                bounded = bounded_name(s, p, p + len(marked.group(1)))
                if bounded is not None:
                    hit = NameHit(bounded.start, bounded.end, bounded.name, 3)
            if hit is None and number > 0:
                # 某隧道局盾构操作工、高级技师，成卫东：… the speaker's name between the comma and the colon
                colon = next(
                    (q for q in range(p + 2, min(p + 5, clause.end + 1)) if s[q : q + 1] in ("：", ":")), -1
                )
                bounded = bounded_name(s, p, colon) if colon > 0 else None
                if bounded is not None:
                    hit = NameHit(bounded.start, bounded.end, bounded.name, 3)  # a comma and a colon mark it
            described = None
            if hit is None and number > 0 and known is None:
                # 作为某集团有限公司的一名科研技术骨干，成红霞长期从事…: the clause before describes
                # the one who opens this one, whose surname may be a word (成)
                described = self._as_description(self.sentence.clauses[number - 1])
                loose = name_at(s, p) if described else None
                if loose is not None and loose.score >= 2:
                    hit = NameHit(loose.start, loose.end, loose.name, 3)
            if hit is None and known is None:
                self._unit_of_head(p, clause.end)
                continue
            if (
                hit is not None
                and hit.score == 2
                and s[hit.end : hit.end + 1] in ("是", "系")
                and not described
            ):
                # 刘丽华是某油田的一名采油工班长，…: 是 and a description of where the person works
                unit, post, unit_span, post_span = _unit_post_of(s, hit.end + 1, clause.end)
                if unit and post:
                    described = unit, post, unit_span, post_span
                    hit = NameHit(hit.start, hit.end, hit.name, 3)
            if hit is None or hit.score < 3 or self._taken(hit.start, hit.end) or _place_start(s, p):
                continue  # 吉林：高海燕 — a province heading a list item, not a person
            after = s[hit.end : hit.end + 1]
            if (
                known is None
                and after
                and after not in "，,（(、 "
                and hit.end != clause.end
                and not starts_with_any(s, hit.end, _SUBJECT_FOLLOWERS)
                and not described
            ):
                continue
            mention = self._add(hit, "clause")
            if mention is not None and described:
                mention.unit, mention.position, mention.unit_span, mention.position_span = described
            if mention is not None:
                if numbered and number == 0:
                    mention.shape = "numbered"
                self._trailing_apposition(mention)
                if (
                    s[hit.end : hit.end + 1] in ("：", ":")
                    and number > 0
                    and not (mention.unit or mention.position)
                ):
                    self._speaker_line(mention, self.sentence.clauses[number - 1])
                self._extend_list(mention)

    def _as_description(self, before):
        """作为某公司的一名技术骨干，: the unit and post a clause opening with 作为/身为 gives."""
        s = self.s
        start = before.start
        while start < before.end and s[start] in " “”":
            start += 1
        if not s.startswith(("作为", "身为"), start):
            return None
        end = before.end
        while end > start and s[end - 1] in "，, ":
            end -= 1
        unit, post, unit_span, post_span = _unit_post_of(s, start + 2, end)
        return (unit, post, unit_span, post_span) if unit and post else None

    def _speaker_line(self, mention: Mention, before) -> None:
        """ "某集团公司钳工、高级技师，郑志明：只有自主创新…": a line that gives the speaker's unit and
        posts in the clause before the name."""
        s = self.s
        start = before.start
        while start < before.end and s[start] in " “”":
            start += 1
        end = before.end
        while end > start and s[end - 1] in "，, ":
            end -= 1
        if not 4 <= end - start <= 40 or self._taken(start, end):
            return
        text = s[start:end]
        if any(ch in text for ch in "：:“”") or any(
            t.outer_start < end and t.outer_end > start for t in self.titles
        ):
            return
        unit, post, unit_span, post_span = _unit_post_of(s, start, end)
        if not post and "、" in text:
            last = text.rfind("、")
            unit, post, unit_span, post_span = _unit_post_of(s, start, start + last)
            if post and _word_ending_at(s, end, _POSITIONS_BY_LAST, start + last + 1):
                post = post + s[start + last : end]
                post_span = (post_span[0], end) if post_span else None
            else:
                unit, post = "", ""
        if unit and post:
            mention.unit, mention.position = unit, post
            mention.unit_span, mention.position_span = unit_span, post_span
            mention.shape = "speaker"

    def _unit_of_head(self, p: int, clause_end: int) -> None:
        """ "某电缆股份有限公司的韩宝忠教授获得…": a unit and 的 before the clause's subject."""
        s = self.s
        de = s.find("的", p, min(clause_end, p + 30))
        if de < p + 3 or any(ch in s[p:de] for ch in "、，,"):
            return
        if not _word_ending_at(s, de, _ORG_BY_LAST, p):
            return
        hit = name_at(s, de + 1)  # the unit and 的 announce a name, even one whose surname is a word (平)
        if hit is None or hit.score < 2 or self._taken(hit.start, hit.end):
            return
        post = next(
            (s[hit.end : hit.end + k] for k in (4, 3, 2) if s[hit.end : hit.end + k] in lx.POSITIONS), ""
        )
        after = hit.end + len(post)
        if not starts_with_any(s, after, _AWARD_INDEX):
            return
        mention = self._add(hit, "clause", unit=_clean_unit(s[p:de]), unit_span=(p, de))
        if mention is not None and post:
            mention.position, mention.position_span = post, (hit.end, after)

    def _known_at(self, p: int) -> NameHit | None:
        """陈平在…群中发出倡议: a name the report has already credited, whatever follows it here."""
        for name in self.known:
            if self.s.startswith(name, p):
                return NameHit(p, p + len(name), name, 3)
        return None

    def _trailing_apposition(self, mention: Mention) -> None:
        """张三（衡阳市某公司董事长）… / "张三  某公司高级技师": the unit and post after the name."""
        s = self.s
        p = mention.end
        if p < len(s) and s[p] in "（(":
            close = _matching_bracket(s, p)
            inner_start, inner_end = p + 1, close
        elif p < len(s) and s[p] == " ":
            inner_start = p
            while inner_start < len(s) and s[inner_start] == " ":
                inner_start += 1
            inner_end = self._clause_end(inner_start) if inner_start < len(s) else inner_start
        else:
            return
        if inner_end <= inner_start or inner_end - inner_start > 60:
            return
        # 张志勇（全国劳动模范、某集团总工程师）: titles at the head of the bracket are the person's
        inside = [
            t for t in self.titles if t.owner is None and not t.collective and inner_start <= t.outer_start
        ]
        inside = [t for t in inside if t.outer_end <= inner_end]
        position = inner_start
        for t in sorted(inside, key=lambda t: t.outer_start):
            if s[position : t.outer_start].strip("、 ") or (t.weak and not t.quoted):
                break
            mention.titles.append(t)
            mention.shape = "bracket"
            t.owner = id(mention)
            position = _skip_trailers(s, t.outer_end)
        while position < inner_end and s[position] in "、，, ":
            position += 1
        inner_start = position
        if inner_end <= inner_start:
            return
        unit, post, unit_span, post_span = _unit_post_of(s, inner_start, inner_end)
        if (
            s[p] in "（("
            and _item_end(s, inner_end + 1)
            and (unit or post or _bracket_unit(s[inner_start:inner_end]))
        ):
            mention.shape = mention.shape or "bracket_item"
        if unit or post:
            mention.unit, mention.position = unit, post
            mention.unit_span, mention.position_span = unit_span, post_span
        elif s[p] in "（(" and _bracket_unit(s[inner_start:inner_end]) and _item_end(s, inner_end + 1):
            # 陈斌（寿乡食用菌专业合作社） as a list item: what the bracket holds is where the person works
            mention.unit, mention.unit_span = s[inner_start:inner_end], (inner_start, inner_end)

    def _extend_list(self, first: Mention) -> None:
        """张三、李四、王五各捐款500元: more names after the first, sharing what follows them."""
        s = self.s
        p = _stray_comma(s, _skip_bracket(s, first.end))
        members = [first]
        while p < len(s) and s[p] in "、和及与":
            q = p + 1
            hit = name_at(s, q, strict=True)
            if hit is None:  # 邵某、甘小燕、苗某等: between list marks a surname that is a word is a name
                loose = name_at(s, q)
                if (
                    loose is not None
                    and loose.score >= 2
                    and s[loose.end : loose.end + 1] in ("、", "等", "（", "(")
                ):
                    hit = loose  # 、成国辉(县殡葬服务中心副主任)、: a list mark and a bracket bound it
            mark = _stray_comma(s, q + 3)  # what follows a three-character name there
            if (hit is None or len(hit.name) == 2) and (
                starts_with_any(s, q + 3, _SUBJECT_FOLLOWERS)
                or s[q + 3 : q + 4] in _VERB_LEADS
                or s[mark : mark + 1] in ("、", "（", "(")
            ):
                # 董兰英和芦巨才将捐款…: the list mark and the verb bound a name ending in a word (才)
                hit = bounded_name(s, q, q + 3, by_post=True) or hit
            if hit is None or self._taken(hit.start, hit.end):
                break
            after = _stray_comma(s, hit.end)
            if (
                s[after : after + 1] not in ("、", "和", "及", "与", "（", "(")
                and not s.startswith(_LIST_END_MARKS, hit.end)
                and not starts_with_any(s, hit.end, _SUBJECT_FOLLOWERS)
                and hit.end < len(s)
                and s[hit.end] not in "，,。；;"
                and s[hit.end] not in _VERB_LEADS
            ):
                break
            members.append(Mention(self.sentence, hit.name, hit.start, hit.end, "list"))
            p = _stray_comma(s, _skip_bracket(s, hit.end))
        if len(members) < 2:
            return
        if not (
            p >= len(s)
            or len(members) >= 3
            and first.anchor in ("title", "award")  # a titled list of three or more
            or s.startswith(_LIST_END_MARKS, p)
            or self._title_follows(p)
            or s[p] in "，,。；;"
            or s[p] in _VERB_LEADS
            or starts_with_any(s, p, _SUBJECT_FOLLOWERS)
        ):
            return
        group = first.group or self._new_group()
        first.group = group
        # 某医院的省级先进工作者李某、张某: a unit written before 的 and the title is the list's
        shared_unit = first.unit_span is not None and s[first.unit_span[1] : first.unit_span[1] + 1] == "的"
        for member in members[1:]:
            member.group = group
            if first.anchor in ("title", "award"):
                member.titles = list(first.titles)
                member.anchor = first.anchor
            if shared_unit:
                member.unit, member.unit_span = first.unit, first.unit_span
            self.mentions.append(member)

    def _title_follows(self, p: int) -> bool:
        """全国劳模甲、乙和省劳模丙: a connector and the next title end the list before them."""
        if self.s[p : p + 2] == "以及":
            p += 1
        return self.s[p : p + 1] in "和及与、" and any(t.outer_start == p + 1 for t in self.titles)

    def _collectives(self) -> None:
        """Units credited with a collective honour: "衡阳市中心医院荣获全国五一劳动奖状"."""
        s = self.s
        for t in self.titles:
            if not t.collective or t.owner is not None:
                continue
            clause = self.sentence.clauses[self.sentence.clause_at(t.outer_start)]
            before = s[clause.start : t.outer_start]
            verb = _last_award_verb(before)
            if verb is None:
                continue
            verb_at, verb_word = verb
            subject = before[:verb_at].strip()
            for lead in _CLAUSE_LEADS + ("近日", "日前", "今年", "去年"):
                subject = subject.removeprefix(lead)
            if verb_word in ("授予", "授予了"):
                subject = before[verb_at + len(verb_word) :].strip()
            if 3 <= len(subject) <= 30 and _word_ending_at(subject, len(subject), _ORG_BY_LAST, 0):
                start = clause.start + before.index(subject)
                hit = NameHit(start, start + len(subject), subject, 3)
                mention = self._add(hit, "collective", titles=[t], collective=True)
                if mention is not None:
                    t.owner = id(mention)
                    mention.award_verbs.append(verb_word)


_COLON_AFTER_NAME = re.compile(r"([\u4e00-\u9fff]{2,3}) +[：:]")


def _headline_break(s: str, title_start: int, title_end: int, name_start: int) -> bool:
    """表扬56位模范劳工 黄敏惠期待…: a counted group, a space, then a name starts a new phrase."""
    gap = s[title_end:name_start]
    return bool(gap) and not gap.strip() and bool(_COUNTED_BEFORE.search(s[:title_start]))


def _chain_gap(gap: str) -> bool:
    """、 between two titles of one person, or 、一线 / 、退休 (a word describing the holder)."""
    if gap in _CONNECTORS:
        return True
    if not gap or gap[0] not in "、，,":
        return False
    described = _HOLDER_WORDS.search(gap)
    return described is not None and gap[: described.start()] in _CONNECTORS and described.start() > 0


def _informal_title_before_name(s: str, title: TitleMatch) -> bool:
    """劳模陈翠金 / 高龄劳模付珠子: a bare 劳模 is this person's honour when a clear name follows it."""
    if title.title not in ("劳模", "劳动模范"):
        return False  # 宜昌劳模张秀英: "a model worker from Yichang", said of someone honoured otherwise
    at = _skip_trailers(s, title.outer_end)  # 劳模代表张志强、李秀英
    if s[at : at + 1] == "、":
        # 劳模代表、市公交集团驾驶员孔某: a unit and post after the list mark announce the name
        end = at + 1
        while end < len(s) and s[end] not in _SEGMENT_STOPS:
            end += 1
        for idx in range(at + 3, end):
            word = _word_ending_at(s, idx, _POSITIONS_BY_LAST, at + 1)
            hit = name_at(s, idx) if word else None
            if hit is not None and hit.score >= 2:
                return True
        return False
    hit = name_at(s, at, strict=True)
    if hit is None:  # 向竟成很激动: a surname that is also a word, when the name's end is clear
        hit = name_at(s, at)
        return hit is not None and hit.score >= 3
    return hit.score >= 2


_NUMBER_OF_PEOPLE = r"[0-9一二三四五六七八九十百两几多]+(?:名|位|个|人)"
_COUNTED_BEFORE = re.compile(_NUMBER_OF_PEOPLE + "$")
_EXAMPLE_LEAD = re.compile(r"(?:既有|也有|还有|更有|也不乏|不乏)?像|(?:也不乏|不乏)")


def _ends_in_name(s: str, start: int, end: int) -> bool:
    """Does s[start:end] end in a person's name after a post (…高级技师范某)?"""
    for length in (3, 2):
        at = end - length
        if at > start and _word_ending_at(s, at, _POSITIONS_BY_LAST, start):
            hit = name_at(s[:end], at)
            if hit is not None and hit.end == end:
                return True
    return False


_YEAR_LEAD = re.compile(r"(?:19|20)\d{2}年度?")
# 第三届 / 首批 / 2024年度: a session or year between an award verb and its title
_SESSION_WORDS = re.compile(rf"第[一二三四五六七八九十0-9]+[届批]|首[届批]|本届|{_YEAR_LEAD.pattern}")
# an organ a leader's post is in (市委书记, 市总工会主席): one who presents, not one honoured
ORGAN_UNIT = re.compile(r"总工会|人大|政协|政府|[省市县区州镇乡]委$|纪委|党组")
_HONORIFICS = ("女士", "先生", "同志", "老人", "师傅", "老师")
# the superlative that picks one person out of a group: 年纪最大的 / 最为年长的
SUPERLATIVE_PICK = r"最为?(?:大|小|年长|年轻|年幼|长|久|短|高龄)的"
_ONE_OF_GROUP = re.compile(
    rf"(?:(?:年龄|年纪|从业时间|工龄|年资|岁数)?{SUPERLATIVE_PICK}(?:是|为)?"
    r"|^\s*(?:其中)?(?:一位|一名|有一位|有一名))"
)
# verbs that put the people listed after them up for the title that ends the list
NOMINATING = re.compile(r"拟推荐|推荐|拟授予|拟表彰|授予|表彰|命名|推选|评选")
_PART_LEAD = re.compile(r"[ \u3000，,]*(?:同时|另外|此外|并)?[ \u3000，,]*(?:决定)?")


# characters of a bracketed note after a name (图右, 女, 回族, 左二), never of a unit's own bracket
_NOTE_CHARS = frozenset("图左右男女族岁排起摄供一二三四五六七八九十")
# a two-character word a guessed name's last character would begin: the name ends inside it
_NOUN_AFTER = re.compile(r"活动|中心|会议|会场|大厅|广场|基地|公司|工作|项目|仪式|现场|大会|发展|建设")
_COUNT_AFTER = re.compile(r"(?:[0-9]+|[两二三四五六七八九十百]+)(?:人|名|位)")


def _further(hit: NameHit | None, tagged: NameHit | None) -> NameHit | None:
    """The tagger's reading where it goes further than the rules' (巴桑顿|珠, 格桑|罗布)."""
    return tagged if tagged is not None and (hit is None or tagged.end > hit.end) else hit


def _stray_comma(s: str, p: int) -> int:
    """吴某,、陈某: a mirror's stray comma before a list mark is read past."""
    return p + 1 if s[p : p + 2] in (",、", "，、") else p


# characters of words that are no names: an item holding one is no bare name
_NOT_IN_NAMES = set("的了在是和与及或等为被把将对从向给这那其各们")
# one item of a counted list of bare names: 2–4 Han characters, or a name with a middle dot
_BARE_ITEM = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}")
_FIVE_HAN = re.compile(r"[\u4e00-\u9fff]{5}")  # 布赫巴雅尔: a longer item, where the list goes on to it
_LIST_TAIL = re.compile(
    rf"(?:(?:等|{_NUMBER_OF_PEOPLE})+(?:(?:[\u4e00-\u9fff]{{0,4}}?|来自[\u4e00-\u9fff]{{1,8}}的)"
    r"(?:职工|同志|人员|个人|代表|劳动者|员工|工人|先进个人))?|同志)$"
)
_COLON_LIST = re.compile(
    r"(?:分别是|分别为|名单如下|名单|如下|他们是|她们是|有|是|为|获得者|获奖者|得主|人员"
    r"|(?:称号|荣誉|奖章)的[\u4e00-\u9fff]{1,6})[：:]"
)
# where a photo caption's row starts: （第二排从左至右） / （后排左起）
_PHOTO_ROW = re.compile(
    r"[（(](?:第[一二三四五六七八九十]排|[前后中上下]排)?[，,]?(?:从?左至右|从?左到右|左起|右起|自左至右)[)）]"
)
# the lead of a later clause whose award verb is the sentence subject's: 这次她也荣获 / 同时也被评为了
_LATER_AWARD_LEAD = re.compile(
    r"[，,\s]*(?P<when>这次|此次|今年|同年|随后|后来|(?:19|20)\d{2}年)?(?P<pro>[他她](?![们人]))?"
    r"(?P<adv>(?:同时|也|还|又|更是|先后|再次|已经|终于|最终|凭借[^，,。]{1,14}?(?=也|还|又|更|荣|获|被))*)"
)
# 在某市环保局任职的金某 / 就任某事业处的李某: the unit a described subject works at
WORKPLACE_BEFORE = re.compile(
    r"(?:在|就任|就职于|任职于|供职于|服务于)([\u4e00-\u9fff]{3,20}?(?:局|处|厂|公司|医院|中心|学校|大学|银行|所|站|院|馆|队))"
    r"(?:任职|工作|服务|上班)?的$"
)
_PLACE_WE = r"(?:我市|本市|我省|本省|我县|本县|我区|本区)"
_COUNT_WORDS = {
    "两": 2,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}


def count_of(tail: str) -> int | None:
    """The number a list's tail counts ("三位老劳模" → 3, "12名" → 12); None when it counts none."""
    m = re.match(r"等?([0-9]+|[一二两三四五六七八九十])(?:名|位|个|人)", tail)
    if m is None:
        return None
    word = m.group(1)
    return int(word) if word.isdigit() else _COUNT_WORDS[word]


_HOLDER_WORDS = re.compile(
    r"(?:(?:[0-9]+岁|[0-9]+周岁)?(?:以上的?)?(?:高龄|年迈|老|离退休|退休|困难|生活困难|因病致困|一线|在职|企业|农民|女|年轻))+$"
)
_COPULA_TAIL = re.compile(
    r"(?:同志|老人)?(?:就是|是|系)(?:我[省市县区州旗镇乡]|全[省市县区州])?(?:首位|首个|第一位|唯一的?|一名|一位|一个)?(?:光荣的)?"
    r"(?:(?:19|20)\d{2}年度?(?:的)?)?$"  # 刘某是2015年省劳模
)
_SUBJECT_AWARD_TAIL = re.compile(
    r"(?:同志|老人|师傅)?(?:于|在)?(?:(?:19|20)\d{2}年度?)?(?:先后|曾经|曾|还|也|又|再次|多次)?"
    r"(?P<verb>获得|荣获|获评|被评为|被授予|获)了?(?:(?:19|20)\d{2}年度?)?$"
)
_VISITED_HOME = re.compile(
    r"(?:来到|走进|走访|看望|慰问|探望)了?(?P<who>[^，,。；;：:“”]{2,30}?)的?家(?:中|里)"
)
_NEEDY = re.compile(r"困难|贫困|特困|患病|大病|低保|孤寡|留守|残疾|失业|下岗")
_INCLUDED = re.compile(
    r"包括(?P<who>[^，,。；;：:]{2,40}?)在内的?(?:[0-9一二三四五六七八九十百两]+[名位个]"
    r"(?:新当选的|新晋|受表彰的|获奖的)?)?"
)
_HAVE_LIST_LEAD = re.compile(r"(?:他们|她们|其中|这些人|获奖者)中?(?:既|还)?有")
_MARKED_LIST = re.compile(
    r"(?:分别是|分别为|依次是|依次为|他们是|她们是|包括|(?<=[”」])的有|(?:称号|奖章|荣誉)的有)(?![：:])"
)  # 被命名为“石狮工匠”的有某公司林某、…等30人: those named, listed
_NOT_BEFORE_NAME = ("全", "各", "这", "那", "每", "本")


_SUBJECT_FOLLOWERS = index_by_first_char(
    [w for w in lx.NAME_FOLLOWERS if len(w) >= 2]
    + list(lx.OFFICIAL_VERBS)
    + list(lx.DONATION_VERBS)
    + list(lx.AWARD_VERBS)
)


_NAME_BRACKET = re.compile(r"(?<=[\u4e00-\u9fff·])[（(]([^（）()]{2,30})[)）]")
_BRACKET_ITEM_LEADS = ("、", "，", ",", "：", ":", "是", "为", "有", " ", "\n")
_BRACKET_LIST_MARK = re.compile(r"分别是|分别为|名单如下|如下|依次是|依次为|他们是|她们是|的有|[：:]")
_YEAR_LIST = re.compile(
    r"(?:分别是|分别为|依次是|依次为|[：:])((?:(?:19|20)\d{2}年度?[\u4e00-\u9fff·]{2,4}(?:[、和及]|(?=[，,。；;]|$))){2,})"
)
_YEAR_ITEM = re.compile(r"((?:19|20)\d{2})年度?([\u4e00-\u9fff·]{2,4}?)(?=[、和及，,。；;]|$)")
_SHARED_AFTER = re.compile(
    r"(?:等|等人)?(?:[0-9一二三四五六七八九十]+[名位人])?(?:也|还|都|均)?(?:分别|各自|各)"
    r"|等(?:[0-9一二三四五六七八九十]+[名位])?(?:领导|负责同志|负责人)"  # A，B，C等领导: all are officials
)
_ITEM_NUMBER = re.compile(
    r"(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})[.．、)）]\s*|[（(][0-9一二三四五六七八九十]{1,3}[)）]\s*"
)
