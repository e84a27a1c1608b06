"""How a report introduces a person by what they are: a chain of honour titles before the name
(全国劳动模范、省五一劳动奖章获得者谷井文), a unit and post in apposition (湘油泵董事长许仲秋, …，某公司
董事长文继兵), a post alone, or facts in a bracket after the name (张三（全国劳模、某厂厂长）).

One family of :class:`~.mentions.SentenceReader`'s readers, kept apart from the list, clause and
name-edge readers so that each shape is found by its file name; mentions.py combines them.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .mention_base import _HOLDER_WORDS, _NUMBER_OF_PEOPLE, _YEAR_LEAD, Mention
from .names import _MULTI_POSITIONS, NameHit, bounded_name, name_at, starts_with_any
from .roles import _last_award_verb
from .titles import COUNT_BEFORE, TitleMatch
from .units import (
    _GRADE_BEFORE,
    _ORG_BY_LAST,
    _ORG_ONLY_BY_LAST,
    _POSITIONS_BY_LAST,
    _SEGMENT_STOPS,
    _bracket_unit,
    _clean_unit,
    _dept_split,
    _inside_org_word,
    _item_end,
    _matching_bracket,
    _place_start,
    _role_item,
    _roles_before,
    _skip_trailers,
    _trade,
    _unit_lead,
    _unit_left_edge,
    _unit_post_of,
    _word_ending_at,
)

# bodies that give titles: named right before one, the giver, not the holder's unit
_GIVING_BODIES = ("总工会", "人民政府", "国务院")
_CONNECTORS = ("", "、", "和", "及", "与", "暨", "以及")


# the words a clause may open with before the title chain of the person it leads to
_OBJECT_LEAD = re.compile(r"(?:(?:并|还|又|也|同时)?(?:向|为|给))?")


class TitleReaders:
    """Where a title chain, a post or a bracket announces a person, and their unit and post."""

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
                and _OBJECT_LEAD.fullmatch(
                    _YEAR_LEAD.sub("", s[clause_start : first.outer_start]).strip(" “")
                )
                and position == self._clause_end(first.outer_start)
            ):
                # 淮南市劳动模范，淮南市富华服饰有限公司董事长文继兵: a comma before the unit and post
                # (并向全国劳动模范，某公司班长张某颁发…: the one a preposition leads to, too)
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
        if title_start >= 3 and s[title_start - 1] not in _SEGMENT_STOPS:
            # 华锦集团全国劳模冯伟 / 走访慰问了安源矿劳模苏元冬: the body stands right before the title
            seg_start = _unit_left_edge(s, title_start)
            seg_start += _unit_lead(s[seg_start:title_start])
            unit = s[seg_start:title_start]
            if (
                3 <= len(unit) <= 24
                and _word_ending_at(unit, len(unit), _ORG_ONLY_BY_LAST, 0)
                and not unit.endswith(_GIVING_BODIES)  # 全国总工会“五一劳动奖章”获得者: the giver
            ):
                mention.unit, mention.unit_span = _clean_unit(unit), (seg_start, title_start)
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
            if hit is not None and hit.name[0] in "和与及" and starts_with_any(s, hit.end, _MULTI_POSITIONS):
                hit = None  # 困难职工和困难农民工: 和 joins a second group (…农民工), no 和困难
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


_COUNTED_BEFORE = re.compile(_NUMBER_OF_PEOPLE + "$")


# characters of a bracketed note after a name (图右, 女, 回族, 左二), never of a unit's own bracket
_NOTE_CHARS = frozenset("图左右男女族岁排起摄供一二三四五六七八九十")
# a two-character word a guessed name's last character would begin: the name ends inside it
_NOUN_AFTER = re.compile(r"活动|中心|会议|会场|大厅|广场|基地|公司|工作|项目|仪式|现场|大会|发展|建设")


def _further(hit: NameHit | None, tagged: NameHit | None) -> NameHit | None:
    """The tagger's reading where it goes further than the rules' (巴桑顿|珠, 格桑|罗布), unless the
    rules' three-character name is clearly ended by a word that follows names (汪荣秀|赞不绝口)."""
    if tagged is None or (hit is not None and tagged.end <= hit.end):
        return hit
    if hit is not None and hit.score >= 3 and len(hit.name) == 3 and hit.name[0] in lx.SURNAMES:
        return hit
    return tagged
