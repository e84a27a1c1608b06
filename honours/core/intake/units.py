"""Where a name's unit and post begin and end: the structure of [unit][department][post]NAME.

A unit ends at an organisation word (公司, 医院, 313地质队); a department after it (心内科) and a
grade before a post (三级调研员) belong to the post; posts run over 、 and 兼 (党委书记、董事长).
These helpers read one sentence's text by offsets and know nothing of the people in it.
"""

from __future__ import annotations

import re

from ..places import place_at
from . import lexicon as lx
from .names import index_by_first_char

_POSITIONS_BY_LAST: dict[str, list[str]] = {}
for _p in lx.longest_first(lx.POSITIONS):
    _POSITIONS_BY_LAST.setdefault(_p[-1], []).append(_p)
_ORG_OR_DEPT = lx.longest_first(lx.ORG_SUFFIXES | frozenset(lx.DEPT_SUFFIXES))
_ORG_BY_LAST: dict[str, list[str]] = {}
for _w in _ORG_OR_DEPT:
    _ORG_BY_LAST.setdefault(_w[-1], []).append(_w)
_ORG_ONLY_BY_LAST: dict[str, list[str]] = {}
for _w in lx.longest_first(lx.ORG_SUFFIXES):
    _ORG_ONLY_BY_LAST.setdefault(_w[-1], []).append(_w)
_ORG_BY_FIRST = index_by_first_char(w for w in lx.ORG_SUFFIXES if len(w) >= 2)
_SEGMENT_STOPS = set("、，,。；;：:（()“”「」《》!！?？\n")
# verbs that chose the people a list names (最终选出某公司焊工刘某…): no part of a unit's name
_CHOOSING_VERBS = ("评选出", "推选出", "选树出", "选出", "评出")
# Where a unit's name begins, reading leftwards from the post. Only words that cannot occur
# inside an organisation's name (有 is in 有限公司, 经 in 经济开发区, 同 in 同济医院).
_UNIT_LEFT_STOPS = tuple(
    sorted(
        {
            "的",
            "由",
            "和",
            "与",
            "及",
            "对",
            "向",
            "陪同",
            "带领",
            "慰问",
            "看望",
            "把",
            "将",
            "被",
            "让",
            "请",
            "了",
            "等",
            "追授",
            "授予",
            "表彰",
            "获得者",
            "获奖者",
            "来自",
            "现任",
            "担任",
            "作为",
            "来到",
            "走进",
            "走访",
            "的有",
            "中有",
            "获奖者是",
            "分别是",
            "包括",
            "以及",
            "按照",
            "根据",
            *_CHOOSING_VERBS,
        },
        key=len,
        reverse=True,
    )
)
_NOT_DESCRIPTION = re.compile(r"捐|赠|获|荣|评|带领|组织|了|着|过|在|把|将|被|向|为了|坚持|连续")


# -- small text helpers ----------------------------------------------------------------------------
def _word_ending_at(s: str, idx: int, by_last: dict[str, list[str]], floor: int) -> str:
    if idx <= 0 or idx > len(s):
        return ""
    for word in by_last.get(s[idx - 1], ()):
        if idx - len(word) >= floor and s.startswith(word, idx - len(word)):
            return word
    return ""


def _inside_org_word(s: str, start: int, end: int) -> bool:
    """Is the post word s[start:end] really the beginning of an organisation word (总工|会, 主任|委员会)?"""
    for k in range(start, end):
        for word in _ORG_BY_FIRST.get(s[k], ()):
            if k + len(word) > end and s.startswith(word, k):
                return True
    # 有限责任公|司机|修车间: the post's first character ends an organisation's name
    return any(s.endswith(suffix, 0, start + 1) for suffix in lx.ENTITY_SUFFIXES if len(suffix) >= 2)


def _skip_trailers(s: str, position: int) -> int:
    """获得者 / 称号获得者 / 获得者代表 after a title: words that still describe its holder."""
    moved = True
    while moved:
        moved = False
        for trailer in lx.TITLE_TRAILERS:
            if s.startswith(trailer, position):
                position += len(trailer)
                moved = True
                break
    if s.endswith(("获得者", "得主", "获奖者"), 0, position):
        # “全国五一劳动奖章”获得者——某公司董事长某某: a caption's dash leads to the holder
        dash = re.match(r"(?:——|—|--|－－)", s[position : position + 2])
        if dash:
            position += len(dash.group(0))
    return position


def _role_item(s: str, position: int) -> int:
    """ "、第十三届全国人大代表" inside a title chain: a role, not an honour; returns its end or 0."""
    if not s.startswith("、", position):
        return 0
    end = position + 1
    while end < len(s) and (s[end] not in _SEGMENT_STOPS or s[end] in "“”"):
        end += 1
    item = s[position + 1 : end]
    if item.endswith(lx.ROLE_SUFFIXES) and len(item) <= 16 and end < len(s) and s[end] == "、":
        return end
    # 、“某某技艺”市级非遗代表性传承人张三: the last role of the chain, the name right after it
    last = max((item.rfind(w) + len(w) for w in lx.ROLE_SUFFIXES if w in item), default=0)
    if (
        last
        and 2 <= len(item) - last <= 3
        and last <= 24
        and all("\u4e00" <= ch <= "\u9fff" for ch in item[last:])
    ):
        return position + 1 + last
    return 0


def _roles_before(s: str, position: int) -> list[str]:
    roles = []
    end = position
    while end > 0 and s[end - 1] == "、":
        start = end - 1
        while start > 0 and s[start - 1] not in _SEGMENT_STOPS:
            start -= 1
        item = s[start : end - 1]
        if item.endswith(lx.ROLE_SUFFIXES) and len(item) <= 16:
            roles.insert(0, item)
            end = start
        else:
            break
    return roles


_UNKNOWN_POST_ENDS = ("员", "师", "工", "手")
_NOT_BRACKET_UNIT = re.compile(
    r"族$|岁|[0-9]|^[左右中前后上下][一二三四五六七八九十起]*$|^[前后]排|男|女|摄|图|记者|通讯员|[，。；：:“”]"
)


def _bracket_unit(text: str) -> bool:
    """Could a bracket after a name hold that person's unit (not 瑶族, 左一, 58岁, a caption)?"""
    text = text.strip()
    return 2 <= len(text) <= 30 and not _NOT_BRACKET_UNIT.search(text) and not _NOT_DESCRIPTION.search(text)


def _item_end(s: str, position: int) -> bool:
    """Does a list item end here (、，, a line's end, 等)?"""
    return position >= len(s) or s[position] in "、，,。；; \n" or s.startswith("等", position)


def _place_start(s: str, position: int) -> bool:
    from ..places import place_at

    place = place_at(s, position)
    return place is not None and place.end - place.start >= 2


# a grade before a post (三级调研员, 一级教师, 副高级工程师): part of the post, not of the unit
_GRADE_BEFORE = re.compile(r"(?:(?:[一二三四五六七八九十]|正高|副高)级|(?:高|中|初|特)级[\u4e00-\u9fff]?)$")


def _unit_left_edge(s: str, post_start: int) -> int:
    i = post_start
    floor = max(0, post_start - 30)
    while i > floor:
        if s[i - 1] in _SEGMENT_STOPS or s[i - 1] == " ":
            break
        head = s[:i]
        if head.endswith("的") and i - 1 > floor and _org_ends_at(s[: i - 1], i - 1):
            i -= 1  # 某股份有限公司的正高级工程师: the company before 的 is the post's unit
            continue
        if any(head.endswith(stop) for stop in _UNIT_LEFT_STOPS):
            break
        i -= 1
    return i


# 最终选出某公司… / 活动邀请了某公司…: the verb that chose or invited the list's people
_CHOSEN_LEAD = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:" + "|".join((*_CHOOSING_VERBS, "邀请")) + ")了?")


# 雷山县将某某等14位同志表彰为… / 市总工会将…: the place or body that commends the list's people
_COMMENDING_LEAD = re.compile(r"^[\u4e00-\u9fff]{1,10}?(?:省|市|县|区|州|旗|委|政府|工会)将")


def _unit_lead(unit_text: str) -> int:
    for word in ("所属", "子公司", "旗下", "下属"):  # 集团所属杨伙盘煤电公司 / 西子集团子公司杭锅集团
        owned = unit_text.rfind(word)
        if owned >= 0 and owned + len(word) + 2 <= len(unit_text):
            return owned + len(word)
    if unit_text[:1] in ("如", "像"):  # 如石家庄市造纸厂: "such as", unless 如 begins the place (如皋市)
        whole, rest = place_at(unit_text), place_at(unit_text[1:])
        if rest is not None and "(table)" in rest.reason and (whole is None or "(table)" not in whole.reason):
            return 1
    if re.match(r"该[省市县区州镇乡]", unit_text) and len(unit_text) >= 5:
        return 1  # 来到该区中医院: "that" district's hospital, 区中医院
    commending = _COMMENDING_LEAD.match(unit_text)
    if (
        commending is not None
        and len(unit_text) - commending.end() >= 2
        and not re.match(r"[\u4e00-\u9fff][县市区]", unit_text[commending.end() :])  # 将乐县: a place
    ):
        return commending.end()  # 雷山县将县第一中学…表彰为: the body that commends them, no part of the unit
    chosen = _CHOSEN_LEAD.match(unit_text)
    if chosen is not None and len(unit_text) - chosen.end() >= 2:
        return chosen.end()  # 最终选出某公司焊工刘某等15名…: the verb that chose them, no part of the unit
    for lead in (
        "例如",
        "比如",
        "的是",  # 获得省五一劳动奖章的是某机床厂钳工周某
        "的为",
        "来自",
        "现任",
        "现为",
        "担任",
        "系",
        "是",
        "作为",
        "身为",
        "拟推荐",  # 推荐王某、李某2名同志为…: the verb that puts them up, no part of the item
        "推荐",
        "原",
        "我市",
        "我县",
        "我区",
        "我省",
        "我州",
        "我校",  # 我校医学院金某教授: the school whose page it is (我院 keeps its department, see below)
        "本校",
    ):
        if unit_text.startswith(lead):
            return len(lead)
    return 0


# a company's division: a unit of its own only when no company is named before it
_DIVISIONS = ("事业部",)


def _dept_split(unit_text: str) -> int:
    """Where the unit ends and the department (part of the post) begins: 卫生院|药剂组, 医院|医务部.
    A numbered body (某勘查局313地质队, 某集团第一研究院) is a unit of its own, not a department."""
    if re.search(
        r"(?:[0-9]+|第[一二三四五六七八九十百0-9]+)[\u4e00-\u9fff]{0,4}(?:队|院|所|厂|处|局)$", unit_text
    ):
        return len(unit_text)
    for board in ("董事局", "董事会", "监事会"):  # 某控股集团|董事局主席: the board is part of the post
        if unit_text.endswith(board) and len(unit_text) > len(board) + 1:
            return len(unit_text) - len(board)
    last_entity = 0
    for idx in range(1, len(unit_text) + 1):
        if unit_text[:idx].endswith(lx.ENTITY_SUFFIXES):
            if last_entity and unit_text[:idx].endswith(_DIVISIONS):
                continue  # 某电机有限公司|机加事业部: a company's division is part of the post
            last_entity = idx
    while 0 < last_entity < len(unit_text) and unit_text[last_entity] in ")）":
        last_entity += 1  # 美华建设(集团)|董事长: the bracket the entity word stands in is the unit's
    if 0 < last_entity < len(unit_text) and len(unit_text) - last_entity <= 25:
        return last_entity  # 国网…长沙供电分公司|不停电管控中心配网带电作业班工作(负责人)
    last_org = 0
    for idx in range(1, len(unit_text) + 1):
        if _word_ending_at(unit_text, idx, _ORG_ONLY_BY_LAST, 0):
            last_org = idx
    if 0 < last_org < len(unit_text):
        rest = unit_text[last_org:]
        if rest.endswith(lx.DEPT_SUFFIXES) and len(rest) <= 10:
            return last_org
        if len(rest) <= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", rest):
            return last_org  # 某县公路段|养路工人: a word or two after the body's name belongs to the post
    return len(unit_text)


def _bare_dept(unit: str) -> bool:
    """心血管内科 / 企管部: a department named without the body it belongs to."""
    return unit.endswith(lx.DEPT_SUFFIXES + ("科", "部", "室")) and not any(
        suffix in unit for suffix in lx.ENTITY_SUFFIXES
    )


def _clean_unit(unit: str) -> str:
    return unit.strip(" 、，,：:“”")


# words a sentence puts before a unit that are no part of its name: "获得…奖章的某公司董事长",
# "作为某公司董事长", "年龄最小的为某银行员工", "其中某医院主任"
_UNIT_LEAD = re.compile(
    r"^(?:以及|还有|另有|而|最终|获奖代表|其中|作为|同为|分别为|分别是|依次为|依次是"
    r"|(?:退休前|生前|原来|曾经|曾|现在|目前|现|师傅|同志|老人|先生|女士)(?:是|为|在)|现为|为|是|的)+"
    r"(?=[\u4e00-\u9fff]{2})"
)


def _named_after(unit: str, name: str) -> bool:
    """方士英石影雕艺术有限公司: a company that bears its founder's name (not 陈某是原某厂)."""
    rest = unit[len(name) :]
    return (
        unit.startswith(name)
        and rest[:1] not in ("是", "为", "在", "系", "现", "原", "曾", "")
        and _org_ends_at(rest, len(rest))
    )


def unit_without_lead(unit: str, name: str = "") -> str:
    """The unit without a leading function word the sentence put before it, nor the words up to
    the person's own name ("今年96岁的陈某是原某厂" → 原某厂)."""
    if name and len(name) >= 2 and name in unit and not _named_after(unit, name):
        unit = unit[unit.rindex(name) + len(name) :]
    if "的" in unit:
        # 毅然挺身接住坠楼儿童，把危险留给自己的阿里巴巴(中国)网络技术有限公司: a deed before the unit
        tail = unit[unit.rindex("的") + 1 :]
        if len(tail) >= 4 and _org_ends_at(tail, len(tail)):
            unit = tail
    unit = _UNIT_LEAD.sub("", unit)
    if unit.startswith("在") and len(unit) >= 5 and _org_ends_at(unit, len(unit)):
        unit = unit[1:]  # 杨某在韶关冶炼厂: where the person works, not part of the body's name
    rest = _CAREER_LEAD.sub("", unit)
    if rest != unit and len(rest) >= 2:
        unit = rest.removesuffix("当")  # 1954年到某矿当|矿工: the verb of the job after the body
    unit = _RENAMED.sub("", unit)
    return "" if _POINTING_UNIT.fullmatch(unit) else unit


# 1974年进入某厂当车工 / 历任某总公司… / 从1993年创办某集团: a step of a career written before the
# body it led to, no part of the body's name (a bare 进/到/在/从 only after a year: 从江县, 到…)
_CAREER_LEAD = re.compile(
    r"^从?(?:(?:19|20)[0-9]{2}年(?:[0-9]{1,2}月份?)?(?:起|开始)?)?"
    r"(?:进入|来到|调入|调到|分配到|分配至|考入|加入|入职|历任|曾任|创办|创建|创立|就职于|任职于|供职于)"
    r"|^从?(?:19|20)[0-9]{2}年(?:[0-9]{1,2}月份?)?(?:进|到|在)"
)
# 某风动工具厂(现某机械厂): the body's present name in brackets after its old one
_RENAMED = re.compile(r"[(（]现[^()（）]{2,16}[)）]$")


def post_without_lead(post: str) -> str:
    """当钳工 → 钳工: the verb of a career step (进入某厂当钳工) is no part of the post."""
    if post in ("起", "以来", "之后", "后", "时", "期间"):
        return ""  # 创办某集团起: a time word after the unit, no post
    rest = re.sub(r"^(?:当上了|当上|当了|当|担任)", "", post)
    return rest if len(rest) >= 2 else post


# 其创建者某某 / 该公司砌筑工某某: a word pointing back to a unit named elsewhere names none here
_POINTING_UNIT = re.compile(r"(?:其|该|本|此|这)(?:公司|单位|企业|集团|厂|院|校|中心|医院|学校)?")


# words that describe the holder of a post, not the post: 一名普通焊工, 一位年轻的教师
_PLAIN_WORDS = r"(?:普通|平凡|普普通通|基层|一线|年轻|资深|老|优秀|女|男)+的?"


_BRACKET_AT_END = re.compile(r"[(（][^()（）]{1,12}[)）]$")


def _org_ends_at(text: str, i: int) -> bool:
    """An organisation's name ends at `i`, or a bracket after one does (国家气象中心(中央气象台))."""
    bracket = _BRACKET_AT_END.search(text, 0, i)
    if bracket is not None:
        i = bracket.start()
    return bool(_word_ending_at(text, i, _ORG_BY_LAST, 0))


# 工会, 党委, 支部, 队: bodies of their own when named alone, not a department of the body before
BODIES_OF_THEIR_OWN = ("工会", "分会", "团委", "党支部", "支部", "党委", "队")
_DEPARTMENTS = tuple(w for w in lx.DEPT_SUFFIXES if w not in BODIES_OF_THEIR_OWN)


def department_only(unit: str) -> bool:
    """ICU / 感染管理处 / 企管部: a department named without the body it belongs to."""
    if not re.search(r"[\u4e00-\u9fff]", unit):
        return 1 <= len(unit) <= 6  # ICU, CT室 without its characters
    return len(unit) <= 6 and _bare_dept(unit) and unit.endswith(_DEPARTMENTS) and "委" not in unit


def grades_only(post: str) -> bool:
    """高级工程师、高级技师 / 主任医师 / 教授: professional grades only, no job named."""
    items = [item for item in post.split("、") if item]
    for item in items:
        for prefix in lx.GRADE_PREFIXES:
            if item.startswith(prefix) and item[len(prefix) :] in lx.GRADES_OF_PROFESSION:
                item = item[len(prefix) :]
                break
        if item not in lx.GRADES_OF_PROFESSION:
            return False
    return bool(items)


# the report's own body, named by the page it stands on (a hospital's, a school's, a company's)
_OWN_BODY = ("我校", "本校", "我院", "本院", "我公司", "本公司")


def _trade(text: str) -> bool:
    """测井工 / 特种熔融焊接工: a worker's trade (ends in 工, names no organisation), no unit."""
    return text.endswith("工") and not any(_org_ends_at(text, i) for i in range(2, len(text) + 1))


def _unit_post_of(s: str, start: int, end: int):
    """Unit and post of a standalone description ("衡阳市某公司高级技师")."""
    text = s[start:end]
    if text.endswith("的") and len(text) > 3 and _org_ends_at(text, len(text) - 1):
        # 太仓宏达热电有限公司的黄某: the body whose member the name is, no post named
        return _clean_unit(text[:-1]), "", (start, end - 1), None
    best = None
    for idx in range(len(text), 1, -1):
        word = _word_ending_at(text, idx, _POSITIONS_BY_LAST, 0)
        if word and idx == len(text):
            best = idx - len(word)
            # extend over earlier posts in the same run (党委书记兼董事长)
            while True:
                grade = _GRADE_BEFORE.search(text, 0, best)
                if grade:  # 三级调研员 / 园长、一级教师: a grade belongs to the post
                    best = grade.start()
                earlier = _word_ending_at(text, best, _POSITIONS_BY_LAST, 0)
                if earlier:
                    best -= len(earlier)
                elif best > 0 and text[best - 1] in "兼、，,":  # 院士,教授 too
                    earlier = _word_ending_at(text, best - 1, _POSITIONS_BY_LAST, 0)
                    if not earlier:
                        break
                    best -= 1 + len(earlier)
                else:
                    break
            break
    if best is None and text.endswith(_UNKNOWN_POST_ENDS) and "、" in text[:-1]:
        # 某公司客服客户经理、初级燃气管道工: a post the dictionary lacks after a list of known ones
        mark = text.rindex("、")
        unit, post, unit_span, post_span = _unit_post_of(s, start, start + mark)
        # (the post before the mark ends in a known post, not in a name: 护士王某、某工会会员 is two items)
        if (
            unit
            and post
            and 2 <= len(text) - mark - 1 <= 10
            and _word_ending_at(post, len(post), _POSITIONS_BY_LAST, 0)
        ):
            return unit, post + text[mark:], unit_span, (post_span[0], end)
    if best is None:
        if _word_ending_at(text, len(text), _ORG_BY_LAST, 0):
            return _clean_unit(text), "", (start, end), None
        entity = max((i for i in range(1, len(text)) if text[:i].endswith(lx.ENTITY_SUFFIXES)), default=0)
        if entity and len(text) - entity <= 6 and not re.search(r"[的和及与]", text[entity:]):
            # 某旅游有限公司排工: a post the dictionary lacks (not "某公司的张三和": a name and a list mark)
            return _clean_unit(text[:entity]), text[entity:], (start, start + entity), (start + entity, end)
        if text.endswith(_UNKNOWN_POST_ENDS):
            # 国家深海基地管理中心潜航员: an organisation word, then a job ending in 员/师/工 the dictionary lacks
            # the last organisation word that leaves a job of 2–5 characters; a bracket after it is
            # the unit's too (国家气象中心(中央气象台)首席预报员; 文物保护中心研究馆员, not 研究馆|员)
            org = max(
                (i for i in range(2, len(text) - 1) if 2 <= len(text) - i <= 5 and _org_ends_at(text, i)),
                default=0,
            )
            if org:
                return _clean_unit(text[:org]), text[org:], (start, start + org), (start + org, end)
            if entity and len(text) - entity <= 12 and not re.search(r"[的和及与、，,]", text[entity:]):
                # 某集装箱有限公司电动装卸机械修理工: a longer job the dictionary lacks, after the
                # company (a department named before the job stays with the company: 某公司质量部|职工)
                dept = max(
                    (i for i in range(entity + 2, len(text) - 1) if _bare_dept(text[entity:i])),
                    default=entity,
                )
                return _clean_unit(text[:dept]), text[dept:], (start, start + dept), (start + dept, end)
        return "", "", None, None
    descriptor = re.search(r"的(?:一名|一位|一个)?(?P<words>[\u4e00-\u9fff]{0,4})$", text[:best])
    if descriptor and descriptor.start() > 0:
        unit = _clean_unit(text[: descriptor.start()])
        words = descriptor.group("words")
        if words and not re.fullmatch(_PLAIN_WORDS, words):
            best -= len(
                words
            )  # 某集团的一名科研技术骨干: 科研 is part of the post (一名普通焊工: 普通 is not)
        return unit, text[best:], (start, start + descriptor.start()), (start + best, end)
    split = _dept_split(text[:best])
    # 某县科委原副主任 / 某驾校总教练: "former" and 总 belong to the post, not to the unit's name
    while split > 2 and text[split - 1] in "原前总" and text[split - 2] not in "原前总":
        if text[split - 1] == "总" and text.startswith("工会", split):
            if text[split + 2 :] in lx.POSITIONS:
                split += 2  # 某市总工会主席: the federation (总工会) is the unit, not 某市总 | 工会主席
            break
        split -= 1
    unit = _clean_unit(text[:split])
    post = text[split:]
    own = next((w for w in _OWN_BODY if unit.startswith(w)), "")
    if own and department_only(unit[len(own) :]):
        # 我院麻醉科主任某: the page's own body, the department the post's
        return "", text[len(own) :], None, (start + len(own), end)
    if unit and department_only(unit) and s[max(0, start - 3) : start].endswith(_OWN_BODY):
        return "", text, None, (start, end)
    if _trade(unit):  # 特种熔融焊接工高级技师: a trade and its grade, one post with no unit named
        return "", text, None, (start, end)
    return unit, post, ((start, start + split) if unit else None), (start + split, end)


def _skip_bracket(s: str, position: int) -> int:
    if position < len(s) and s[position] in "（(":
        close = _matching_bracket(s, position)
        if close - position <= 40:
            return close + 1
    return position


def _matching_bracket(s: str, position: int) -> int:
    depth = 0
    for i in range(position, min(len(s), position + 60)):
        if s[i] in "（(":
            depth += 1
        elif s[i] in "）)":
            depth -= 1
            if depth == 0:
                return i
    return position
