"""Where a name ends and where it starts: reading back from a list's end to its items, each with
its unit and post (`_names_ending_at`), the name at the end of a segment, and the names the person-name
tagger (recogniser.py) sees where the rules alone cannot tell a name's end.

One family of :class:`~.mentions.SentenceReader`'s readers, the one the list, title and clause
readers (and parser.py) ask where a name begins or ends; mentions.py combines them.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from . import recogniser
from .names import NameHit, bounded_name, name_at
from .units import (
    _POSITIONS_BY_LAST,
    _SEGMENT_STOPS,
    _UNKNOWN_POST_ENDS,
    BODIES_OF_THEIR_OWN,
    _bare_dept,
    _bracket_unit,
    _org_ends_at,
    _unit_lead,
    _unit_post_of,
    _word_ending_at,
    grades_only,
)


class NameEdges:
    """Where a name ends or starts: the items before a list mark or a title, and the tagger's names."""

    def _names_ending_at(self, end: int, floor: int, *, described_items: bool = False) -> list:
        """The list of names (each with its unit and post) that ends at `end`, read leftwards.
        `described_items`: the list is known to be one (A、B等20位劳模), so an item may open with
        words of description before its name (“技术革新大师”张某 / 发明…的王某)."""
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
            end = self._over_leading_posts(end, floor)
            if described_items and end > floor and s[end - 1] not in "、，,":
                end = self._described_item_start(end, floor)
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

    def _described_item_start(self, end: int, floor: int) -> int:
        """Back over a list item's words of description to the 、 that opens it (within 24
        characters, none of them a clause mark), or `end` when there is none."""
        mark = self.s.rfind("、", floor, end)
        between = self.s[mark + 1 : end]
        if mark <= floor or len(between) > 24 or re.search(r"[，,。；;：:！？!?]", between):
            return end
        return mark + 1

    def _over_leading_posts(self, end: int, floor: int) -> int:
        """…，中国工程院院士、某研究所所长钟某，…: a post or role written before the item's unit,
        with no name of its own, is the item's too; the list goes on before it."""
        s = self.s
        while end > floor + 1 and s[end - 1] == "、":
            start = self._segment_start(end - 1, floor)
            item = s[start : end - 1]
            if start <= floor or s[start - 1] not in "，,":
                break
            if not _post_or_role(item) or _ends_in_name(s, start, end - 1):
                break
            end = start
        return end

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
                    r"[（(]([\u4e00-\u9fff]{1,16})$", s[max(floor, seg_start - 19) : seg_start - 1]
                )
                opening = seg_start - 1 - len(inner.group(0)) if inner else floor
                # 杭州植物园(杭州西湖园林科学研究院): a longer one when it names the body before it again
                if (
                    inner
                    and opening > floor
                    and (len(inner.group(1)) <= 6 or _org_ends_at(inner.group(1), len(inner.group(1))))
                ):
                    seg_start = opening
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
        if _ends_in_name(s, left, end):
            return None  # 某公司厂长胡某、卷材车间班长曹某: the first item is a person of its own
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
        # (已殉职的某医院护士长叶某: a few words of description before the unit still open the item)
        lead_words = self.s[seg_start:lead].strip(" ")
        return not lead_words or bool(_DESCRIBED_LEAD.fullmatch(lead_words)) or _posts_series(lead_words)

    def _jobs_before_grades(self) -> None:
        """某医院神经外科主任，主任医师程某 / 某公司党委书记、执行董事，高级政工师段某: when only
        professional grades stand between a comma and the name, the unit and job before the comma
        are the person's (the grade is a qualification, not the post)."""
        s = self.s
        for m in self.mentions:
            if m.unit or m.position_span is None or not grades_only(m.position):
                continue
            first = m.position_span[0]
            while first > 0 and s[first - 1] == "、":  # 高级工程师、高级技师张某: a series of grades
                before = first - 1
                while before > 0 and s[before - 1] not in _SEGMENT_STOPS:
                    before -= 1
                if not grades_only(s[before : first - 1]):
                    break
                first = before
            comma = first - 1
            if comma <= 0 or s[comma] not in "，,":
                continue
            left = comma
            while left > 0 and s[left - 1] not in "，,。；;：:（()“”\n":
                left -= 1
            left += _unit_lead(s[left:comma])
            if comma - left < 4 or self._taken(left, comma) or _ends_in_name(s, left, comma):
                continue
            unit, post, unit_span, post_span = _unit_post_of(s, left, comma)
            if unit and post and not _bare_dept(unit) and not grades_only(post):
                m.unit, m.unit_span, m.position, m.position_span = unit, unit_span, post, post_span

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
                or (len(prefix) >= 4 and _org_ends_at(prefix, len(prefix)))  # 某地质大队齐恭、
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
            if (
                unit
                and post
                and series_at > 0
                and s[series_at - 1] == "、"
                and _bare_dept(unit)
                and not unit.endswith(BODIES_OF_THEIR_OWN)
            ):
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

    def _known_at(self, p: int) -> NameHit | None:
        """陈平在…群中发出倡议: a name the report has already credited, whatever follows it here."""
        for name in self.known:
            if self.s.startswith(name, p):
                return NameHit(p, p + len(name), name, 3)
        return None


def _ends_in_name(s: str, start: int, end: int) -> bool:
    """Does s[start:end] end in a person's name after a post (…高级技师范某)?"""
    for length in (3, 2):
        at = end - length
        if at > start and _word_ending_at(s, at, _POSITIONS_BY_LAST, start):
            hit = name_at(s[:end], at)
            if hit is not None and hit.end == end:
                return True
    return False


def _posts_series(words: str) -> bool:
    """中国工程院院士、: posts or roles, each closed by 、, written before an item's unit."""
    items = words.split("、")
    return len(items) >= 2 and items[-1] == "" and all(_post_or_role(x) for x in items[:-1])


def _post_or_role(item: str) -> bool:
    """院士 / 某研究所所长 / 全国人大代表: a short item that ends in a post or a role."""
    return 2 <= len(item) <= 16 and bool(
        _word_ending_at(item, len(item), _POSITIONS_BY_LAST, 0) or item.endswith(lx.ROLE_SUFFIXES)
    )


_DESCRIBED_LEAD = re.compile(r"[\u4e00-\u9fff]{2,6}的")
_COUNT_AFTER = re.compile(r"(?:[0-9]+|[两二三四五六七八九十百]+)(?:人|名|位)")


_NOT_BEFORE_NAME = ("全", "各", "这", "那", "每", "本")
