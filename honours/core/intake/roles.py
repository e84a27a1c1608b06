"""What each person found in a sentence is credited with, and the role the sentence gives them.

The clauses after a name, up to the next person, are read for honours after award verbs,
donations, deeds, death, age and gender; what follows the name tells an official who leads,
visits, presents or acts for a body (廖健带队, 谭敦龙陪同, 代表市总工会…) from a person credited
with something of their own.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from ..places import county_region
from ..records import Donation
from . import lexicon as lx
from .donations import find_donations
from .names import index_by_first_char, name_at, starts_with_any
from .titles import TitleMatch
from .units import (
    _NOT_DESCRIPTION,
    _ORG_BY_LAST,
    _SEGMENT_STOPS,
    _dept_split,
    _matching_bracket,
    _place_start,
    _skip_bracket,
    _unit_post_of,
    _word_ending_at,
)

if TYPE_CHECKING:
    from .mentions import Mention, SentenceReader

_OFFICIAL_INDEX = index_by_first_char(lx.OFFICIAL_VERBS)
_AWARD_INDEX = index_by_first_char(lx.AWARD_VERBS)
_PRONOUNS = {"他": "男", "她": "女"}
_AGE_RE = re.compile(r"(?:年仅|今年|现年|时年|年方|年届|已)?([1-9]\d?|1[01]\d)(?:周)?岁")
_HOSPITAL_WORDS = (
    "医院",
    "卫生院",
    "疾控",
    "医疗",
    "医务",
    "医生",
    "医师",
    "护士",
    "护理",
    "诊所",
    "药剂",
    "药房",
    "急救",
    "门诊",
    "内科",
    "外科",
    "医",
)
_ON_BEHALF = re.compile(r"代表(?:本|所在|我)?(?:集团|公司|企业|单位|工会|协会|商会|全体)")
_JOINS = re.compile(r"[，,]?(?:目前|现在|现)?(?:来自|就职于|任职于|供职于|工作于|服务于|加入了?|入职)")


# -- attribution --------------------------------------------------------------------------------
def attribute(reader: SentenceReader, subject: Mention | None) -> None:
    """Give each mention the honours, donations, deeds and facts in its part of the sentence."""
    mentions = reader.mentions
    sentence = reader.sentence
    s = sentence.text
    pronoun_mentions = [m for m in mentions if m.anchor == "pronoun"]
    people = [m for m in mentions if m.anchor != "pronoun"]
    for pm in pronoun_mentions:
        target = _before(people, pm.start) or subject
        if target is not None:
            target.take_award(pm)
            if target.sentence is sentence:
                target.gender = target.gender or _PRONOUNS.get(pm.pronoun, "")
                target.gender_evidence = target.gender_evidence or pm.pronoun
        mentions.remove(pm)
    groups: dict[int, list[Mention]] = {}
    for m in people:
        if m.group is not None:
            groups.setdefault(m.group, []).append(m)
    done_groups: set[int] = set()
    ordered = sorted(people, key=lambda m: m.start)
    for index, m in enumerate(ordered):
        members = groups.get(m.group, [m]) if m.group is not None else [m]
        if m.group is not None and m.group in done_groups:
            continue
        if m.group is not None:
            done_groups.add(m.group)
        last_end = max(x.end for x in members)
        first_clause = sentence.clause_at(min(x.start for x in members))
        clause_index = sentence.clause_at(last_end - 1 if last_end > 0 else 0)
        later = [x for x in ordered if x.start >= last_end and x not in members]
        next_clause = min((sentence.clause_at(x.start) for x in later), default=len(sentence.clauses))
        if next_clause <= clause_index:
            next_clause = clause_index + 1
        name_clause = sentence.clauses[clause_index]
        predicate_start = _predicate_start(s, last_end, name_clause.end)
        ranges = [(predicate_start, name_clause.end)]
        ranges += [(c.start, c.end) for c in sentence.clauses[clause_index + 1 : next_clause]]
        # the person's own stretch of the name clause, before the next person in it
        if later and sentence.clause_at(later[0].start) == clause_index:
            ranges[0] = (predicate_start, _start_of_chain(later[0]))
            if s.startswith("、", predicate_start):
                # 护士长王某、始终奋战在一线的某社区书记孙某: after a list mark, the next item's own words
                ranges[0] = (predicate_start, predicate_start)
        official = _official_word(s, predicate_start)
        if (
            not official
            and s[predicate_start : predicate_start + 1] in ("、", "和", "与", "及")
            and later
            and later[0].start - predicate_start <= 16
            and sentence.clause_at(later[0].start) == clause_index
        ):
            # 市委书记张三、市长李四分别看望…: joined subjects share the verb
            official = _official_word(s, _predicate_start(s, later[0].end, name_clause.end))
        if not official:
            official = _visiting_ahead(s, predicate_start) or _ceremony_ahead(s, predicate_start)
        if not official and "一行" in s[last_end:predicate_start]:
            official = "一行"  # 某会副会长席先国一行到…: a name heading a visiting party
        for x in members:
            x.official, x.official_word = bool(official), official
        described = (
            _appositive_clause(s, ranges) if len(members) == 1 and not m.unit and not m.position else None
        )
        if described is not None:
            clause_range, unit, post, unit_span, post_span = described
            m.unit, m.position, m.unit_span, m.position_span = unit, post, unit_span, post_span
            ranges = [r for r in ranges if r != clause_range]
        if not official:
            # 主席戴玉林率领…141名全国劳动模范: titles after an official's verb are those of the people led
            _credit_titles(reader, members, ranges)
        _credit_donations(reader, members, ranges)
        facts_from = sentence.clauses[first_clause].start
        for x in members:
            _facts(x, s, facts_from, ranges)
        if (
            len(members) == 1
            and not official
            and not sentence.headline
            and m.anchor != "award"
            and not _object_of_others(s, sentence.clauses[clause_index].start, _start_of_chain(m))
        ):
            pre = []
            if index == 0 or all(sentence.clause_at(y.start) == first_clause for y in ordered[:index]):
                pre = [c for c in sentence.clauses[:first_clause] if _deed_clause_ok(c.text, allow_lead=True)]
            m.deeds = _deeds(
                s, ranges, [c.text for c in pre] + _item_lead(s, m, sentence.clauses[first_clause].start)
            )
    _share_joint_gifts(s, ordered)


def _item_lead(s: str, m: Mention, clause_start: int) -> list[str]:
    """驰援武汉的某医院护士长王某、始终奋战在一线的某社区书记孙某: in a list, the words before an
    item's unit and 的 describe that item's person."""
    chain = _start_of_chain(m)
    mark = s.rfind("、", clause_start, chain)
    start = max(clause_start, mark + 1)
    lead = s[start:chain].strip(" ，,")
    in_list = mark >= clause_start or s.startswith("、", m.end)
    if not in_list or not lead.endswith("的") or len(lead) < 5 or "的" in lead[:-1]:
        return []
    if _place_start(lead, 0) and len(lead) <= 9:
        return []  # 鸡冠区新建委的妇代会主任姜某: a body of a place, her unit, not a deed
    return [lead[:-1]] if _deed_clause_ok(lead[:-1]) else []


def _share_joint_gifts(s: str, ordered: list[Mention]) -> None:
    """全国五一劳动奖章获得者孙娟、省劳动模范崔冬玲共同向…捐赠: the first of joined subjects gave too."""
    for a, b in itertools.pairwise(ordered):
        if a.donations or not b.donations or a.official or b.official:
            continue
        if s[_skip_bracket(s, a.end) : _start_of_chain(b)] not in ("、", "和", "与", "及"):
            continue
        after = _predicate_start(s, b.end, len(s))
        if not s.startswith(lx.JOINT_MARKS, after) and b.shared_donation != "joint":
            continue
        for x in (a, b):
            x.shared_donation = "joint"
        for donation in b.donations:
            a.donations.append(_copy(donation, f"与{b.name}共同捐赠，金额为合计数"))
        b.donations = [_copy(d, f"与{a.name}共同捐赠，金额为合计数") for d in b.donations]


_DESCRIPTION_LEADS = ("现任", "现为", "生前系", "生前为", "生前是", "系", "是", "为", "任")


def _appositive_clause(s: str, ranges: list[tuple[int, int]]):
    """张三，女，1968年出生，宜昌市…合作社理事长。: a clause that only says where the person works."""
    for a, b in ranges[:8]:  # after 女，汉族，1975年生，中共党员，… a profile says where they work
        start = a
        text = s[a:b]
        for lead in _DESCRIPTION_LEADS:
            if text.startswith(lead):
                start += len(lead)
                break
        body = s[start:b]
        if not body or len(body) > 40 or _NOT_DESCRIPTION.search(body):
            continue
        unit, post, unit_span, post_span = _unit_post_of(s, start, b)
        if post and unit:
            return (a, b), unit, post, unit_span, post_span
    return None


_OBJECT_MARKS = re.compile(r"慰问|看望|陪同|走访|接见|会见|探望|表彰|颁发|颁奖|采访|来到|走进|为.{0,12}送")
_FAMILY_WORDS = (
    "家属",
    "家人",
    "家中",
    "家里",
    "的家",
    "妻子",
    "丈夫",
    "父母",
    "遗孀",
    "子女",
    "母亲",
    "父亲",
    "亲属",
)


def _object_of_others(s: str, clause_start: int, chain_start: int) -> bool:
    """慰问…宋英杰家属: the person is what others do something to, so what follows is not their deed."""
    return bool(_OBJECT_MARKS.search(s[clause_start:chain_start]))


def _before(people: list[Mention], position: int) -> Mention | None:
    candidates = [m for m in people if m.end <= position and not m.official and not m.collective]
    return candidates[-1] if candidates else None


def _start_of_chain(mention: Mention) -> int:
    starts = [mention.start]
    starts += [t.outer_start for t in mention.titles if t.outer_start < mention.start]
    if mention.unit_span:
        starts.append(mention.unit_span[0])
    return min(starts)


_AFTER_NAME = re.compile(
    r"(?:等(?![0-9一二三四五六七八九十]*[名位]?(?:领导|负责同志|负责人))[0-9一二三四五六七八九十百两几多]*[名位个]?"
    r"(?:同志|职工|人|劳模|先进个人)?|同志|一行)"
)


def _predicate_start(s: str, position: int, clause_end: int) -> int:
    p = _skip_bracket(s, position)
    m = _AFTER_NAME.match(s, p)
    if m:
        p = m.end()
    while p < clause_end and s[p] in " ":
        p += 1
    return p


_ACTING_FOR = re.compile(
    r"(?:一同|共同|分别)?代表[\u4e00-\u9fff]{0,10}?(?:党委|委员会|[省市县区]委|工会|政府|领导班子|党组|机关|集团|公司)"
)


def _official_word(s: str, position: int) -> str:
    p = position
    for lead in ("亲切", "专程", "一同", "共同", "先后", "分别", "还", "也", "亲自", "又", "一起", "代表"):
        if s.startswith(lead, p):
            word = starts_with_any(s, p + len(lead), _OFFICIAL_INDEX)
            if word:
                return lead + word
    # 市委书记某某作为团长率…: the one who leads a delegation; 省政协主席李某等省领导出席: one of
    # the leaders who attend
    party = _LEADING_PARTY.match(s, p)
    if party:
        word = starts_with_any(s, party.end(), _OFFICIAL_INDEX)
        if word:
            return party.group(0) + word
    acting = _ACTING_FOR.match(s, p)
    if acting:
        return acting.group(0)  # 代表市总工会领导班子到…: one who acts for a body is its official
    if s.startswith(("代表领奖", "代表单位领奖", "代表集体领奖"), p):
        return "代表领奖"  # 我院院长某、副院长某代表领奖: the collective's award, received for it
    word = starts_with_any(s, p, _OFFICIAL_INDEX)
    if word in ("中", "前排", "后排") or word == "率" and s.startswith("率先", p):
        return ""
    if word == "任" and not re.match(
        r"任[\u4e00-\u9fff]{0,12}(?:组长|主任|指挥长|书记|主席|队长|委员)", s[p : p + 16]
    ):
        return ""
    if word in ("深入", "来到", "前往", "参加") and re.search(r"(?:捐|荣获|获得|被评为)", s[p : p + 30]):
        return ""
    return word


_VISIT_VERB = re.compile(
    r"(?:一起|一同|共同|先后|分别|专程|亲切|亲自)?(?:走访|慰问|看望|探望|陪同|率队|带队)"
)
_OWN_DEED = re.compile(r"(?<!接受)(?<!接收)捐|荣获|获得|被评|授予|追授|追记|当选|研制|研发")
# What officials do to honourees at ceremonies: 代表集团公司向两位劳模表示祝贺, 为劳模颁奖
_CEREMONY_VERB = re.compile(r"(?:表示祝贺|表示热烈祝贺|致以祝贺|颁奖|颁发|授牌|佩戴|送行)")


def _visiting_ahead(s: str, position: int) -> str:
    """唐晓腾，区总工会主席陆建新先后走访慰问… / 刘俊平与工作人员一起走访… / 在陈伟同志的带领下:
    a person whose clause goes on, through co-subjects, to a visiting verb is a visitor."""
    rest = s[position:]
    lead = re.match(r"(?:同志)?的?带领下", rest)
    if lead:
        return lead.group(0)
    window = re.match(r"[^，,。；;]*[，,]?[^，,。；;]*", rest[:40]).group(0)  # to the second comma at most
    verb = _VISIT_VERB.search(window)
    if verb is None or _OWN_DEED.search(window[: verb.start()]):
        return ""
    if re.search(r"[。；;：:]|[被向为对给]", window[: verb.start()]):
        return ""  # someone is visited by others, or the clause has turned to another subject
    return verb.group(0)


def _ceremony_ahead(s: str, position: int) -> str:
    """姬世虎代表集团公司向两位劳模表示祝贺: the one who congratulates or presents is an official."""
    window = re.match(r"[^，,。；;]*", s[position : position + 60]).group(0)
    verb = _CEREMONY_VERB.search(window)
    if verb is None or _OWN_DEED.search(window[: verb.start()]) or "被" in window[: verb.start()]:
        return ""
    return verb.group(0)


def _credit_titles(reader: SentenceReader, members: list[Mention], ranges: list[tuple[int, int]]) -> None:
    s = reader.s
    for t in reader.titles:
        if t.owner is not None or t.collective:
            continue
        if not any(a <= t.outer_start < b for a, b in ranges):
            continue
        clause = reader.sentence.clauses[reader.sentence.clause_at(t.outer_start)]
        before = s[max(clause.start, _range_start(ranges, t.outer_start)) : t.outer_start]
        verb = _last_award_verb(before)
        only_titles = _only_titles(s, clause, reader.titles)
        if verb is None and not only_titles:
            continue
        if (t.weak or t.group) and verb is None and not t.quoted:
            continue
        if _WISHES.search(s, ranges[0][0], t.outer_start):
            continue  # 会长吴某期望社会各界…评选出劳动模范: a title wished for others, not held
        if verb is not None and _GIVEN_TO_COUNT.search(s, clause.start, t.outer_start):
            continue  # 杨某宣读…决定，授予129名同志…称号: the title is the counted people's
        for x in members:
            x.titles.append(t)
            if verb is not None:
                base = max(clause.start, _range_start(ranges, t.outer_start))
                x.award_verbs.append(verb[1])
                x.award_spans.append((base + verb[0], base + verb[0] + len(verb[1])))
        t.owner = id(members[0])


_WISHES = re.compile(lx.WISH_WORDS_PATTERN)
_LEADING_PARTY = re.compile(
    r"作为[\u4e00-\u9fff]{0,8}?(?:团长|组长|队长|领队)|等[\u4e00-\u9fff]{0,6}?(?:领导|同志|负责人|嘉宾)"
)


_GIVEN_TO_COUNT = re.compile(
    r"(?:授予|表彰|命名|评选出|评出)了?(?:[0-9]+|[一二三四五六七八九十百两]+)(?:名|位|个)(?:同志|职工|个人|先进个人)?"
)


def _range_start(ranges: list[tuple[int, int]], position: int) -> int:
    for a, b in ranges:
        if a <= position < b:
            return a
    return 0


def _last_award_verb(text: str) -> tuple[int, str] | None:
    """The last award verb in `text`, whole (荣获, not its tail 获)."""
    best: tuple[int, str] | None = None
    i = 0
    while i < len(text):
        word = starts_with_any(text, i, _AWARD_INDEX)
        if word:
            best = (i, word)
            i += len(word)
        else:
            i += 1
    return best


def _only_titles(s: str, clause, titles: list[TitleMatch]) -> bool:
    inside = [t for t in titles if clause.start <= t.outer_start and t.outer_end <= clause.end]
    if not inside:
        return False
    rest = s[clause.start : clause.end]
    for t in sorted(inside, key=lambda t: -t.outer_start):
        rest = rest[: t.outer_start - clause.start] + rest[t.outer_end - clause.start :]
    # 郑月兰，2000年全国劳动模范，…: a year before the title is still a clause of titles only
    rest = re.sub(
        r"[、和及与等\s“”]|获得者|荣誉称号|称号|荣誉|是|系|曾获|先后获|(?:19|20)\d{2}年度?", "", rest
    )
    return rest == ""


def _credit_donations(reader: SentenceReader, members: list[Mention], ranges: list[tuple[int, int]]) -> None:
    s = reader.s
    hits = []
    for a, b in ranges:
        for hit in find_donations(s, a, b):
            first = hit.spans[0][0] if hit.spans else a
            if _ON_BEHALF.search(s, a, first):
                continue  # 并代表集团向某基金捐赠10万元: the body's gift, not the person's
            hits.append(hit)
    for hit in hits:
        if hit.shared == "respective" and len(members) > 1 and len(hit.donations) == len(members):
            for x, donation, span in zip(members, hit.donations, hit.spans, strict=False):
                x.donations.append(_copy(donation, "分别"))
                x.donation_spans.append(span)
                x.shared_donation = "respective"
            continue
        for x in members:
            for donation, span in zip(hit.donations, hit.spans, strict=False):
                note = ""
                if len(members) > 1:
                    others = "、".join(y.name for y in members if y is not x)
                    note = "各捐（每人）" if hit.shared == "each" else f"与{others}共同捐赠，金额为合计数"
                x.donations.append(_copy(donation, note))
                x.donation_spans.append(span)
                x.shared_donation = hit.shared or ("joint" if len(members) > 1 else "")


def _copy(donation: Donation, extra_note: str) -> Donation:
    notes = [n for n in (donation.note, extra_note) if n]
    return Donation(
        amount_fen=donation.amount_fen,
        item=donation.item,
        quantity=donation.quantity,
        quantity_unit=donation.quantity_unit,
        recipient=donation.recipient,
        date=donation.date,
        note="；".join(notes),
    )


def _facts(m: Mention, s: str, clause_start: int, ranges: list[tuple[int, int]]) -> None:
    """Death, age, gender and a unit after 来自 from the person's clauses and the words before
    their name."""
    texts = [(clause_start, s[clause_start : m.start])] + [(a, s[a:b]) for a, b in ranges]
    joins = [_JOINS.match(s, a) for a, _b in ranges[:2]] if not m.unit and m.end > m.start else []
    for join in (j for j in joins if j is not None):
        # 高级工程师徐某某，来自某设计院集团有限公司 / 胡某放弃了…，加入某集团第二研究院: where they work
        start = join.end()
        end = start
        while end < len(s) and s[end] not in _SEGMENT_STOPS:
            end += 1
        end = start + _dept_split(s[start:end])  # …装备厂|机加车间: the department is no unit
        unit = s[start:end]
        if 3 <= len(unit) <= 30 and _word_ending_at(unit, len(unit), _ORG_BY_LAST, 0):
            m.unit, m.unit_span = unit, (start, end)
            break
    for offset, text in texts:
        if m.deceased_word:
            break
        for word in lx.DECEASED_WORDS:
            at = text.find(word)
            if at >= 0:
                m.deceased_word = word
                m.status_span = (offset + at, offset + at + len(word))
                break
    for _offset, text in texts[1:]:
        age = _AGE_RE.search(text)
        if (
            age
            and not m.age
            and re.fullmatch(r"(?:年仅|今年|现年|时年|年方|年届|已)?\d{1,3}(?:周)?岁", text.strip())
        ):
            m.age = age.group(1)
    if m.end < len(s) and s[m.end] in "（(" and m.end > m.start:
        gender = m.read_bracket(s[m.end + 1 : _matching_bracket(s, m.end)])
        if gender and not m.gender:
            m.gender, m.gender_evidence = gender, gender
    if not m.gender:
        head = s[m.end : m.end + 3]
        if re.match(r"[（(，,]\s*男", head):
            m.gender, m.gender_evidence = "男", "男"
        elif re.match(r"[（(，,]\s*女", head):
            m.gender, m.gender_evidence = "女", "女"
    if not m.gender:
        for _, text in texts[1:]:
            for pronoun, gender in _PRONOUNS.items():
                if re.search(rf"{pronoun}(?!们)", text):
                    m.gender, m.gender_evidence = gender, pronoun
                    break
            if m.gender:
                break
    if not m.gender:
        for _, text in texts[1:]:
            if "妻子" in text or "爱人" in text and "她" not in text:
                m.gender, m.gender_evidence = ("男", "妻子") if "妻子" in text else ("", "")
            elif "丈夫" in text:
                m.gender, m.gender_evidence = "女", "丈夫"
            if m.gender:
                break


def _deeds(s: str, ranges: list[tuple[int, int]], before: list[str]) -> list[str]:
    parts = list(before)
    for number, (a, b) in enumerate(ranges):
        text = s[a:b].strip(" ，,、")
        if not text:
            continue
        if number == 0 and (text.startswith(_FAMILY_WORDS) or text.startswith("的")):
            break  # 宋英杰家属, 李建国的妻子…: the clause is about someone else, not a deed
        if not _deed_clause_ok(text, allow_lead=number == 0):
            if number == 0:
                continue
            # a later clause by someone else ends the person's stretch
            if _official_start(text):
                break
            continue
        parts.append(text)
    deed = "，".join(p for p in parts if p)
    if len(deed) > 200:
        deed = deed[:200].rsplit("，", 1)[0]
    return [deed] if len(deed) >= 2 else []


def _official_start(text: str) -> bool:
    hit = name_at(text, 0, strict=True)
    return hit is not None and bool(starts_with_any(text, hit.end, _OFFICIAL_INDEX))


def _deed_clause_ok(text: str, allow_lead: bool = False) -> bool:
    text = text.strip(" “”")
    if len(text) < 2:
        return False
    if text in lx.DATE_CLAUSE_WORDS or re.fullmatch(
        r"[0-9一二三四五六七八九十〇]{1,4}[年月日号]?.{0,6}[日号]?", text
    ):
        return False
    if re.fullmatch(r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:[上下]午|晚|上旬|中旬|下旬)?", text):
        return False
    for pattern in lx.PROFILE_CLAUSE_PATTERNS:
        if re.search(pattern, text):
            return False
    if any(word in text for word in lx.REPORTING_WORDS):
        return False
    if any(
        word in text
        for word in (
            "追授",
            "追记",
            "追认",
            "授予",
            "被评为",
            "荣获",
            "获评",
            "当选",
            "称号",
            "表彰",
            "获得",
            "获奖",
            "名单",
            "的有",
            "榜上有名",
        )
    ):
        return False
    if any(text.startswith(word) for word in lx.OFFICIAL_VERBS if len(word) >= 2):
        return False
    if re.fullmatch(
        r"(?:他|她|其|[\u4e00-\u9fff]{2,3})?(?:说|表示|介绍|告诉记者|坦言|笑着说|感慨地说)", text
    ):
        return False
    if re.search(r"(?:慰问|看望|陪同|带队|调研|视察|出席|主持)", text):
        return False
    if re.search(r"(?:作了?|做了?)[\u4e00-\u9fff]{0,4}(?:发言|报告)|发言$|讲话$|致辞$", text):
        return False  # 在会上作了交流发言: speaking at a meeting is no deed of one's own
    if re.match(
        r"(?:在会上|在现场|现场|在座谈会上|依次|先后|分别|也)?(?:分享|讲述|交流|畅谈|谈了?|介绍了?)", text
    ):
        return False  # 现场分享了自己的成长之路: telling one's story at a meeting is no deed either
    if _is_description(text):
        return False  # 湘潭钢铁集团有限公司焊接顾问: where the person works, not what they did
    # a later clause that opens with someone else's name is theirs, not a deed of this person
    return allow_lead or name_at(text, 0, strict=True) is None


def _is_description(text: str) -> bool:
    body = text
    for lead in _DESCRIPTION_LEADS:
        if body.startswith(lead):
            body = body[len(lead) :]
            break
    if not body or len(body) > 40 or _NOT_DESCRIPTION.search(body):
        return False
    unit, post, _, _ = _unit_post_of(body, 0, len(body))
    return bool(unit and post)


def region_of(m: Mention) -> str:
    """The county-level region: from the unit, else from a county-level honour's place."""
    region = county_region(m.unit) if m.unit else ""
    if region:
        return region
    for t in m.titles:
        if t.level == "county":
            from ..places import places_from

            for place in places_from(t.title):
                if place.county_level:
                    return place.name if place.name.endswith(("市", "县", "区", "旗")) else place.name + "市"
    return ""


def medical(m_unit: str, m_position: str, titles: list[str], deeds: list[str]) -> bool:
    text = m_unit + m_position + "".join(titles)
    if any(word in text for word in _HOSPITAL_WORDS[:-1]):
        return True
    return any(
        word in d for d in deeds for word in ("医院", "卫生院", "患者", "病人", "会诊", "处方", "护理")
    )
