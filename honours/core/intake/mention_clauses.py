"""How a clause's shape names a person: the object of an award verb (授予张三同志…), the subject a
later clause's award is given to, 是 and 系 (刘某是2015年省劳模), the one visited or counted among a
group (看望困难职工某某, 其中一位…), the head of a clause (李小平，…), a speaker, a relative, 同志, and
collectives.

One family of :class:`~.mentions.SentenceReader`'s readers, kept apart from the title, list and
name-edge readers so that each shape is found by its file name; mentions.py combines them.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from . import recogniser
from .mention_base import _SUBJECT_FOLLOWERS, Mention
from .names import NameHit, bounded_name, name_at, starts_with_any
from .roles import _AWARD_INDEX, _last_award_verb
from .titles import TitleMatch
from .units import (
    _ORG_BY_LAST,
    _ORG_ONLY_BY_LAST,
    _POSITIONS_BY_LAST,
    _clean_unit,
    _place_start,
    _skip_bracket,
    _unit_lead,
    _unit_post_of,
    _word_ending_at,
)

_AWARD_OBJECT_VERBS = ("追授予", "追授", "追记", "追认", "授予了", "授予", "表彰了", "表彰", "命名")


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


_AGE_LEAD = re.compile(r"(?:今年|现年|年近|年逾|已经)?[0-9一二三四五六七八九十]+多?岁(?:高龄)?的")


class ClauseReaders:
    """People a clause's shape names: award objects, subjects, copulas, heads, relatives, 同志."""

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
            # 其中，最小的全国劳模是杨某: the group's title between the pick and 是 is the one picked's
            picked = next((t for t in self.titles if t.outer_start == p and not t.collective), None)
            if picked is not None and s[picked.outer_end : picked.outer_end + 1] in ("是", "为"):
                p = picked.outer_end + 1
            else:
                picked = None
            limit = min(len(s), p + 30)
            end = p
            while end < limit and s[end] not in "，,。；;：:、":
                end += 1
            described = s.rfind("的", p, end)
            start = described + 1 if described >= 0 else p
            found = self._apposition(start, end)  # …的高级技师陈某: a post (and unit) before the name
            if found is None:
                hit = name_at(s, start, strict=True)
                if (
                    (hit is None or hit.score < 2)
                    and 2 <= end - start <= 3
                    and s[end : end + 1] in "，,。；;"
                ):
                    hit = bounded_name(s, start, end)  # 最年长的是常某。: 是 and the clause's end bound it
                if hit is None or hit.score < 2 or not (hit.end == end or s.startswith(_HONORIFICS, hit.end)):
                    continue
                found = hit, "", None, "", None
            for mention in self._add_found([found], "list", titles=[picked] if picked else []):
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

    def _visited_bodies(self) -> None:
        """在广西钢铁集团有限公司，慰问团慰问了…劳模常某 / 来到某矿看望劳模李某: the body the visitors
        come to is the unit of the people they visit there, when the report names none of theirs."""
        s = self.s
        for m in _VISITED_BODY.finditer(s):
            body_start = m.start("body") + _unit_lead(m.group("body"))
            body = _clean_unit(s[body_start : m.end("body")])
            if len(body) < 3 or not _word_ending_at(body, len(body), _ORG_ONLY_BY_LAST, 0) or "家" in body:
                continue
            verb = _VISIT_VERB.search(s, m.end("body"))
            if verb is None or _NEXT_PLACE.search(s, m.end("body"), verb.start()):
                continue
            end = _NEXT_PLACE.search(s, verb.end())
            end = end.start() if end is not None else len(s)
            if _IN_CARE.search(s, m.end("body"), end):
                continue  # 来到市人民医院，看望住院治疗的老劳模某: a patient, not the hospital's own
            for mention in self.mentions:
                if (
                    verb.end() <= mention.start < end
                    and not mention.unit
                    and mention.name
                    and not mention.official
                ):
                    mention.visited_body = body

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
            age = _AGE_LEAD.match(s, p, clause.end)
            if age is not None:
                p = age.end()  # 今年34岁的唐某，是…: the age that describes the one who opens the clause
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


_EXAMPLE_LEAD = re.compile(r"(?:既有|也有|还有|更有|也不乏|不乏)?像|(?:也不乏|不乏)")


_HONORIFICS = ("女士", "先生", "同志", "老人", "师傅", "老师")
# the superlative that picks one person out of a group: 年纪最大的 / 最为年长的
SUPERLATIVE_PICK = r"最为?(?:大|小|年长|年轻|年幼|长|久|短|高龄)的"
_ONE_OF_GROUP = re.compile(
    rf"(?:(?:年龄|年纪|从业时间|工龄|年资|岁数)?{SUPERLATIVE_PICK}(?:是|为)?"
    r"|^\s*(?:其中)?(?:一位|一名|有一位|有一名))"
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
# a body the visitors come to (在某公司，… / 来到某矿…), up to a comma or the visit's verb
_VISIT_WORDS = r"走访|看望|慰问|探望|拜访"
_VISITED_BODY = re.compile(
    r"(?:在|来到|走进|深入|前往|(?<![未带原以后出起将过回本外])来(?!自)|(?<![得收受达见感想遇])到)"
    rf"(?P<body>[\u4e00-\u9fff()（）]{{3,24}}?)(?=[，,]|{_VISIT_WORDS})"
)
_VISIT_VERB = re.compile(_VISIT_WORDS + r"|交谈")
_NEXT_PLACE = re.compile(r"[。；;]|(?:在|来到|走进|深入|前往)(?=[\u4e00-\u9fff]{3,24}?[，,])")
_IN_CARE = re.compile(r"住院|病房|治疗|病床")
_NEEDY = re.compile(r"困难|贫困|特困|患病|大病|低保|孤寡|留守|残疾|失业|下岗|弱势")
_INCLUDED = re.compile(
    r"包括(?P<who>[^，,。；;：:]{2,40}?)在内的?(?:[0-9一二三四五六七八九十百两]+[名位个]"
    r"(?:新当选的|新晋|受表彰的|获奖的)?)?"
)


_ITEM_NUMBER = re.compile(
    r"(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})[.．、)）]\s*|[（(][0-9一二三四五六七八九十]{1,3}[)）]\s*"
)
