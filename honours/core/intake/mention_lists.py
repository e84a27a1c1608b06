"""How a report names several people at once: a list before the title they share (A、B等3名省级
劳模…), after a colon or a mark (…分别是：…, 他们中有…), in a bracket or a photo caption's row, by year
(2019年甲、2020年乙), spaced on a line, and how a list found from one name runs on to the next; and
people described one by one between commas who share one predicate (…等分别捐款).

One family of :class:`~.mentions.SentenceReader`'s readers, kept apart from the title, clause and
name-edge readers so that each shape is found by its file name; mentions.py combines them.
"""

from __future__ import annotations

import dataclasses
import re

from ..names import DOT_LIKE
from ..places import place_at
from .mention_base import _HOLDER_WORDS, _NUMBER_OF_PEOPLE, _SUBJECT_FOLLOWERS, _YEAR_LEAD, Mention
from .names import NameHit, bounded_name, name_at, starts_with_any
from .roles import _AWARD_INDEX, _last_award_verb, _start_of_chain
from .titles import TitleMatch
from .units import (
    _POSITIONS_BY_LAST,
    _bracket_unit,
    _item_end,
    _org_ends_at,
    _skip_bracket,
    _unit_lead,
    _unit_post_of,
    _word_ending_at,
)

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


class ListReaders:
    """Lists of people: before a title, after a colon or mark, in brackets, by year, and run on."""

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
            if verb is None and head.endswith("为") and NOMINATING.search(s, 0, clause.start + len(head)):
                # 推荐甲、乙和丙3名同志为全国绿化劳动模范: put up for the title (命名甲2名同志为“…”，
                # 乙等10名同志为“…”: the verb at the sentence's head puts up each clause's list)
                head = head[:-1]
            # 等4位高龄劳模 / 等5名困难劳模: words that describe the people, not their honour
            head = _HOLDER_WORDS.sub("", head).rstrip(" \u3000")  # 李某 获得…: a stray space as stored
            tail = _LIST_TAIL.search(head)
            counted = verb is None and tail is not None and count_of(tail.group(0)) is not None
            if verb is None and (tail is None or not (tail.group(0).startswith("等") or counted)):
                if tail is None:
                    self._nominated_list(t)
                continue
            list_end = clause.start + (tail.start() if tail else len(head))
            found = self._names_ending_at(
                list_end,
                self.sentence.clauses[0].start,
                described_items=bool(tail and tail.group(0).startswith("等")),
            )
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
        if not self.mentions:
            self._name_first_line()
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

    def _example_lists(self) -> None:
        """不少人曾被认定“杭州工匠”，如某集团领班甲、某植物园主任乙等: the people a clause gives as
        examples of a group the clause before says holds a title hold it too."""
        s = self.s
        clauses = self.sentence.clauses
        for number, clause in enumerate(clauses[1:], start=1):
            lead = _EXAMPLES_LEAD.match(s, clause.start, clause.end)
            if lead is None:
                continue
            before = clauses[number - 1]
            titles = [
                t
                for t in self.titles
                if before.start <= t.outer_start < before.end and not t.collective and not t.weak
            ]
            if not titles or not _GROUP_HOLDS.search(s, before.start, titles[0].outer_start):
                continue
            end = clause.end
            while end > lead.end() and s[end - 1] in "。；;，, ":
                end -= 1
            if s[end - 1 : end] == "等":
                end -= 1
            found = self._names_ending_at(end, lead.end())
            if not found:
                continue
            for mention in self._add_found(found, "list", titles=list(titles), group=self._new_group()):
                mention.shape = "example_item"

    def _name_first_line(self) -> None:
        """ "张志忠 某研究所加工中心操作工" / "常 杰 国网某院电工": a list's line, the name first (a
        two-character name padded with a space to line up with the others), then its unit and post."""
        s = self.s
        line = _NAME_FIRST_LINE.fullmatch(s)
        if line is None:
            return
        written = line.group(1)
        name = re.sub(r"[ \u3000]", "", written)
        if len(name) != len(written) and len(name) != 2:
            return  # only a two-character name is padded
        hit = bounded_name(name, 0, len(name))
        if hit is None or self._taken(line.start(1), line.end(1)):
            return
        start, end = line.span(2)
        unit, post, unit_span, post_span = _unit_post_of(s, start, end)
        if not (unit or post):
            # 国网某电科院数字工匠: a job the dictionary lacks after the last organisation word
            org = max((i for i in range(start + 2, end - 1) if _org_ends_at(s[:i], i)), default=0)
            if not org:
                return
            unit, post, unit_span, post_span = s[start:org], s[org:end], (start, org), (org, end)
        mention = self._add(
            NameHit(line.start(1), line.end(1), name, 2),
            "list",
            unit=unit,
            position=post,
            unit_span=unit_span,
            position_span=post_span,
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


# 如 / 像 / 比如 / 例如 opening a clause of examples, and the words that make the clause before a group's
_EXAMPLES_LEAD = re.compile(r"(?:比如|例如|譬如|如|像)")
_GROUP_HOLDS = re.compile(r"不少|很多人|许多人|多人|有的人|一批人|其中有")
_NAME_FIRST_LINE = re.compile(
    r"\s*([\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3})[ \u3000]+([\u4e00-\u9fff（）()]{3,40})\s*"
)
# 第三届 / 首批 / 2024年度 / 十大: a session, year or rank between an award verb and its title
_SESSION_WORDS = re.compile(
    rf"第[一二三四五六七八九十0-9]+[届批]|首[届批]|本届|[十百](?:大|佳)|{_YEAR_LEAD.pattern}"
)
# an organ a leader's post is in (市委书记, 市总工会主席): one who presents, not one honoured
ORGAN_UNIT = re.compile(r"总工会|人大|政协|政府|[省市县区州镇乡]委$|纪委|党组")


# verbs that put the people listed after them up for the title that ends the list
NOMINATING = re.compile(r"拟推荐|推荐|拟授予|拟表彰|授予|表彰|命名|推选|评选")
_PART_LEAD = re.compile(r"[ \u3000，,]*(?:同时|另外|此外|并)?[ \u3000，,]*(?:决定)?")


def _stray_comma(s: str, p: int) -> int:
    """吴某,、陈某: a mirror's stray comma before a list mark is read past."""
    return p + 1 if s[p : p + 2] in (",、", "，、") else p


# characters of words that are no names: an item holding one is no bare name
_NOT_IN_NAMES = set("的了在是和与及或等为被把将对从向给这那其各们")
# one item of a counted list of bare names: 2–4 Han characters, or a name with a middle dot
# (买买提江·吾买尔 / 买买提江.吾买尔: any of the dots a transliterated name is written with)
_BARE_ITEM = re.compile(
    rf"[\u4e00-\u9fff]{{2,4}}|[\u4e00-\u9fff]{{1,6}}[{re.escape(DOT_LIKE)}][\u4e00-\u9fff]{{1,8}}"
)
_FIVE_HAN = re.compile(r"[\u4e00-\u9fff]{5}")  # 布赫巴雅尔: a longer item, where the list goes on to it
# what the people a list counts are called (等42名教师 / 等5名职工)
_LIST_HOLDERS = (
    *("职工", "同志", "人员", "个人", "代表", "劳动者", "员工", "工人", "先进个人"),
    *("教师", "老师", "医生", "护士", "民警", "干警", "干部", "党员", "农民工", "工作者"),
)
_LIST_TAIL = re.compile(
    rf"(?:(?:等人|等(?:各[\u4e00-\u9fff]{{1,4}}的)?|(?:一共|总共|共)?{_NUMBER_OF_PEOPLE})+(?:(?:[\u4e00-\u9fff]{{0,4}}?|来自[\u4e00-\u9fff]{{1,8}}的)"
    rf"(?:{'|'.join(_LIST_HOLDERS)}))?|同志)$"
)
# 他们是某公司甲、某厂乙 / 获得该荣誉的三名职工是甲、乙 / 被表彰者分别是甲、乙: words that say who
# they are list them with no mark after them
THEY_ARE = re.compile(
    r"^\s*(?:他们|她们)(?:分别|依次)?是(?=[\u4e00-\u9fff][^。；]*、)"
    # mid-sentence, only a list of 、 to the sentence's end (…他们分别是甲，乙，… reads as clauses)
    r"|(?:(?:[0-9]+|[一二三四五六七八九十两]+)(?:名|位|人)[\u4e00-\u9fff]{0,6}?|分别|依次)(?:是|为)"
    r"(?=[\u4e00-\u9fff][^。；：:，,]*、[^。；：:，,]*$)"
)
_COLON_LIST = re.compile(
    r"(?:分别是|分别为|名单如下|名单|如下|他们是|她们是|有|是|为|获得者|获奖者|得主|人员"
    r"|(?:称号|荣誉|奖章)的[\u4e00-\u9fff]{1,6})[：:]|" + THEY_ARE.pattern
)
# where a photo caption's row starts: （第二排从左至右） / （后排左起）
_PHOTO_ROW = re.compile(
    r"[（(](?:第[一二三四五六七八九十]排|[前后中上下]排)?[，,]?(?:从?左至右|从?左到右|左起|右起|自左至右)[)）]"
)


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
    m = re.match(r"等?(?:一共|总共|共)?([0-9]+|[一二两三四五六七八九十])(?:名|位|个|人)", tail)
    if m is None:
        return None
    word = m.group(1)
    return int(word) if word.isdigit() else _COUNT_WORDS[word]


_HAVE_LIST_LEAD = re.compile(r"(?:他们|她们|其中|这些人|获奖者)中?(?:既|还)?有")
_MARKED_LIST = re.compile(
    r"(?:分别是|分别为|依次是|依次为|他们是|她们是|包括|(?<=[”」])的有|(?:称号|奖章|荣誉)的有)(?![：:])"
)  # 被命名为“石狮工匠”的有某公司林某、…等30人: those named, listed


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
