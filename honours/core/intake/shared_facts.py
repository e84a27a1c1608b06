"""What a report says once for many people: the title of a group, a list or a headline, read
after every sentence of the report, when the mentions are all known.

A report names a title once and then the people who hold it: a group it counts (我市16名全省劳动
模范…) then a list with no honour in its items, 甲、乙分获… (one title each), 同样获评… (the one
named before holds it too), 年龄最大的是… (one of the holders named before), or a headline's
honour and the profiles that follow. A title's level, too, may be written once (a bare 劳模 in a
report about one level of model workers, a quoted title without its level word). Apart from
``parser`` so that the sentence-by-sentence reading and these whole-report steps can each be
read on their own.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from ..places import LEVEL_WORDS, MUNICIPALITIES, place_at, places_from
from . import lexicon as lx
from .bylines import Bylines
from .mentions import _NEEDY, SUPERLATIVE_PICK, Mention
from .proposing import _BARE_MODEL, _full_title, _needy, _official_post
from .titles import TitleMatch, find_titles, level_from_table
from .units import _place_start, _skip_bracket, department_only

if TYPE_CHECKING:  # the reading state, for hints only (parser.py calls these steps)
    from .parser import _State


def _levels_written_elsewhere(state: _State, analysis: str) -> None:
    """…等7名职工荣获“最美劳动者”称号 in a report about 第二届贵州省“最美劳动者”: a quoted title with
    no level word of its own takes the level the report writes for the same title elsewhere, over
    the table's usual level (内蒙古自治区“最美职工” … 20名“最美职工”: the region's, not 全总's).
    A title with no level at all takes the place the report writes before it anywhere, even inside
    an event's name (“2022年重庆市最美产业工人发布仪式” … 这10名最美产业工人分别是…)."""
    levelled: dict[str, TitleMatch] = {}
    for t in state.titles:
        if t.quoted and t.has_level_word and t.level != "other" and not level_from_table(t):
            levelled.setdefault(t.title, t)  # the first written: the headline's
    placed: dict[str, TitleMatch | None] = {}
    named: dict[str, tuple[str, str] | None] = {}
    for t in state.titles:
        source = levelled.get(t.title)
        if source is None and not t.has_level_word and t.level == "other" and len(t.title) >= 4:
            if t.title not in placed:
                placed[t.title] = _placed_elsewhere(t.title, analysis)
            source = placed[t.title]
        if source is not None and (not t.has_level_word or level_from_table(t)):
            t.level, t.level_reason = source.level, source.level_reason
        elif source is None and not t.has_level_word and t.level == "other":
            if t.title not in named:
                named[t.title] = _named_after_place(t.title, analysis)
            if named[t.title] is not None:
                t.level, t.level_reason = named[t.title]


# the place before a title (重庆市 / 内蒙古自治区), not a national name: 全国模范劳工 beside a bare
# 模范劳工 is a higher honour of someone else's, not the bare one's level
_PLACE_ONLY = re.compile(r"(?!全国|中国)[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|州|盟|旗)")


# 彬县在彬州剧院举行第四届劳动模范…颁奖大会 / 我县举行了第二届劳动模范表彰大会: the place that holds
# the meeting, its subject (a place's party committee, government or federation too)
_HOST_VERB = re.compile(
    r"(?P<subject>(?:委|人民政府|政府|总工会)?(?:[^，,。；;！？\n]{0,14}?))(?:隆重)?(?:举行|召开|举办|表彰)了?"
    r"(?P<event>[^。；;！？\n]{0,30}?)(?:表彰|颁奖|命名)"
    # 雷山县表彰一批优秀教师 / 雷山县将杨某等14位同志表彰为…: the place itself honours them
    r"|(?P<direct>(?:委|人民政府|政府|总工会)?(?:将[^，,。；;！？\n]{0,24}?)?表彰(?:为|了|一批)?)"
)
# 受到了甘肃省总工会表彰: a person received the place's commendation; the report is not about its meeting
_RECEIVED = re.compile(r"(?:受到|受|获|得到)了?$")
# 天水锻压集团召开…表彰大会: a company named after its place holds its own awards, no place's
_COMPANY = re.compile(r"集团|公司|企业|厂|矿|银行|医院|学校|大学|学院")
# 我县举行…: the report's own place, at its word's level (not 我市, a prefecture or a county-level city)
_OWN_PLACE = {"我" + word: LEVEL_WORDS[word] for word in ("县", "区", "州", "旗")}


def _host_levels(state: _State, analysis: str) -> None:
    """彬县…举行第四届劳动模范和先进工作者颁奖大会 … 30位劳动模范: the titles written with no level of
    a report about one place's own award meeting are that place's (one level among its hosts,
    else none), or about one place commending people itself (雷山县表彰一批优秀教师): its 劳动模范,
    and its 建设标兵 or 教育教学能手 too. Not a company's own meeting (天水锻压集团召开…表彰
    大会), nor a title of the whole country's (中国好人)."""
    hosts: dict[str, tuple[str, str]] = {}  # level: the place that holds the meeting, and how
    for sentence in re.split(r"[。；;！？\n]", analysis):
        if not re.search(r"表彰|颁奖|命名", sentence):
            continue
        for i in range(len(sentence)):
            word = sentence[i : i + 2]
            if word in _OWN_PLACE:
                place_level, end, host = _OWN_PLACE[word], i + 2, word
            else:
                chain = places_from(sentence, i, analysis)  # 陕西彬县: the last place of a chain
                if not chain or chain[-1].level == "other" or chain[-1].end - chain[-1].start < 2:
                    continue
                place_level, end, host = chain[-1].level, chain[-1].end, chain[-1].name
            host_verb = _HOST_VERB.match(sentence, end)
            if (
                host_verb is not None
                and not (host_verb.group("direct") and _RECEIVED.search(sentence, 0, i))
                and not sentence.startswith(("全国", "中华"), end)
                and not _COMPANY.search(host_verb.group("subject") or "")
            ):
                how = "commends them itself" if host_verb.group("direct") else "holds the award meeting"
                hosts.setdefault(place_level, (host, how))
                break
    if len(hosts) != 1:
        return
    ((level, (host, how)),) = hosts.items()
    for t in state.titles:
        if (
            t.level == "other"
            and not t.has_level_word
            and not t.collective
            and not t.title.startswith(("全国", "中国", "中华"))
        ):
            t.level, t.level_reason = level, f"{host}: {how}"


def _municipality_levels(state: _State, analysis: str, home: str) -> None:
    """重庆…看望了市劳模黄某: in a report about a municipality under the central government (named
    more often than its home prefecture, `places.home_city`), a bare 市 is that municipality's, a
    province's level (not a prefecture's)."""
    counts = {city: analysis.count(city) for city in MUNICIPALITIES}
    city, n = max(counts.items(), key=lambda item: item[1])
    if n < 2 or (home and analysis.count(home) >= n) or sum(1 for c in counts.values() if c) > 1:
        return
    for t in state.titles:
        if t.level == "municipal" and t.level_reason in ("“市”", "“市级”"):
            t.level, t.level_reason = "provincial", f"{city}: municipality"


def _named_after_place(title: str, analysis: str) -> tuple[str, str] | None:
    """安平工匠 in a report that writes 安平县: a title named after a place, at the place's level (the
    one level the report's writings of that place give)."""
    for size in (3, 2):
        stem = title[:size]
        if len(title) - size < 2:
            continue
        levels = {
            (place.level, f"{place.name}: the title is named after it")
            for m in re.finditer(re.escape(stem), analysis)
            if (place := place_at(analysis, m.start(), analysis)) is not None
            and place.name != stem
            and place.name.startswith(stem)
            and place.level != "other"
        }
        if len({level for level, _why in levels}) == 1:
            return min(levels)
    return None


def _placed_elsewhere(title: str, analysis: str) -> TitleMatch | None:
    """The one level the report's writings of `title` with a place before it give (重庆市最美产业工人)."""
    found: dict[str, TitleMatch] = {}
    for m in re.finditer(re.escape(title), analysis):
        window = analysis[max(0, m.start() - 12) : m.end()]
        for candidate in find_titles(window):
            if (
                candidate.end == len(window)
                and candidate.has_level_word
                and candidate.level != "other"
                and candidate.title.endswith(title)
                and _PLACE_ONLY.fullmatch(candidate.title[: -len(title)])
            ):
                found.setdefault(candidate.level, candidate)
    return next(iter(found.values())) if len(found) == 1 else None


def _bare_standard_levels(state: _State, mentions: list[Mention]) -> None:
    """慰问90周岁以上的省级高龄劳模 … 走访看望了A、B等4位高龄劳模: a bare 劳模 said of people in a
    report that names the model workers it is about at one level only holds that level. So does
    a bare 先进工作者 of a report about one level's, written with its level word or beside a
    劳动模范 written with one (红河州第九届劳动模范和先进工作者 … 苏敏松等8名先进工作者). A 劳模 takes
    its level from a level word only (a level read otherwise misled bare 劳模 on the tuned split)."""
    for core, bare in _BARE_STANDARD.items():
        levelled = {
            t.level: t.title if t.has_level_word else t.level_reason.partition(": ")[0]  # the pair's first
            for t in reversed(state.titles)  # the first written stands for its level
            if t.level != "other"
            and (t.has_level_word or (core != "劳动模范" and t.level_reason.endswith(": listed with")))
            and _full_title(t.title).endswith(core)
            and not re.search(r"各级|各类|以上", t.title)  # 全县各级劳动模范: every level, none in particular
        }
        if len(levelled) != 1:
            continue
        ((level, written),) = levelled.items()
        reason = f"{written}: the report writes the level there"
        for m in mentions:
            for i, t in enumerate(m.titles):
                if t.title in bare and not t.has_level_word and t.level == "other":
                    m.titles[i] = dataclasses.replace(t, level=level, level_reason=reason)


# the standard titles a report may name bare after naming them once with their level
_BARE_STANDARD = {
    "劳动模范": _BARE_MODEL,
    "先进工作者": ("先进工作者",),
    "先进生产者": ("先进生产者",),
}


_LIST_SHAPES = ("bracket_item", "numbered", "speaker", "colon_item", "have_item", "described_item")


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
            if _NEEDY.search(s, m.end, m.end + 10):
                continue  # 对像某这样的弱势群体的关心: an example of those in hardship, not of a group honoured
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


def _bodies_shared(mentions: list[Mention]) -> None:
    """地坛医院感染中心主任医师甲…；ICU主任乙、感染管理处处长丙获…: an item that names only a
    department (no body, no place) belongs to the body the paragraph's person before it names;
    the department goes with the post."""
    body: Mention | None = None
    for m in sorted((m for m in mentions if m.end > m.start), key=lambda m: (m.sentence.index, m.start)):
        if body is not None and body.sentence.paragraph != m.sentence.paragraph:
            body = None
        if not (m.unit and m.unit_span):
            continue
        s = m.sentence.text
        if not department_only(m.unit) or _place_start(s, m.unit_span[0]):
            # a body named whole (某医院), not one with its department (我公司制酒十八车间)
            named_whole = not m.unit.endswith(lx.DEPT_SUFFIXES)
            body = m if named_whole and any(x in m.unit for x in lx.ENTITY_SUFFIXES) else None
            continue
        if body is None or not _item_opens_at(m, mentions):
            continue
        post_end = m.position_span[1] if m.position_span else m.unit_span[1]
        m.position, m.position_span = s[m.unit_span[0] : post_end], (m.unit_span[0], post_end)
        m.unit = body.unit
        m.unit_span = body.unit_span if body.sentence is m.sentence else None


def _item_opens_at(m: Mention, mentions: list[Mention]) -> bool:
    """Does m's unit open a list item (after ；/，/： or a name and 、), not a series of posts
    (某公司经理、女子放映队队长某: the department is the second post's, the body unread)?"""
    s, at = m.sentence.text, m.unit_span[0]
    if at == 0 or s[at - 1] in "；;，,：: \n":
        return True
    return s[at - 1] == "、" and any(
        o.sentence is m.sentence and o.end == at - 1 and o.end > o.start for o in mentions
    )
