"""Finding honour titles in a sentence and the level each implies.

A title is a core word (劳动模范, 五一劳动奖章, 先进工作者, 好人, 优秀X工作者 ...) with what stands
before it back to a verb or punctuation: 2019年度 (the year), a place or level (全国, 湖南省,
衡阳市, 常宁市, 省), and qualifiers (卫生系统, 第八届). Titles in quotation marks are taken whole.
Whether a title belongs to someone is decided by the caller from what follows it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..places import LEVEL_WORDS, PROVINCES, place_at
from ..records import Level
from ..titles import TRAINEES_SUFFIX, known_title, level_inside, level_word_at
from . import lexicon as lx
from . import recogniser
from .names import name_at

_HAN = "\u4e00-\u9fff"
_MIDDLE = rf"(?:(?![的了在是和与及或等为被把将对、获授名位左右人入选评当])[{_HAN}])"
# the words an open pattern spans hold no function word (他是大国工匠 is 大国工匠, not 他是大国工匠)
_HAN_CLASS = r"[\u4e00-\u9fff]"  # as the lexicon's patterns write it
_OPEN = [
    p.replace(_HAN_CLASS + "{0,6}?", _MIDDLE + "{0,6}?").replace(_HAN_CLASS + "{1,6}", _MIDDLE + "{1,6}")
    for p in lx.OPEN_TITLE_PATTERNS
]
_CORE_RE = re.compile(
    "|".join(
        [re.escape(w) for w in lx.longest_first(lx.COLLECTIVE_TITLE_CORES | lx.STRONG_TITLE_CORES)] + _OPEN
    )
)
_LEFT_STOPS = tuple(
    sorted(
        set(lx.AWARD_VERBS)
        | {
            "的",
            "和",
            "与",
            "及",
            "或",
            "是",
            "为",
            "了",
            "被",
            "曾",
            "等",
            "并",
            "还",
            "也",
            "均",
            "都",
            "分别",
            "作为",
            "成为",
            "我市",  # 走访慰问我市全国劳动模范冯某: the place the report is from, no part of the title
            "本市",
            "我省",
            "本省",
            "我县",
            "本县",
            "我区",
            "本区",
            "称号",
            "获得者",
            "授",
            "评",
            "选",
            "他",
            "她",
            "其",
            "我",
            "你",
            "这",
            "那",
            "带领",
            "率领",
            "慰问",
            "看望",
            "表彰",
            "表扬",
            "向",
            "对",
            "给",
            "将",
            "在",
            "从",
            "于",
            "名",
            "位",
            "个",
            "批",
            "号召",
            "发动",
            "组织",
            "同志",  # 授予沈某等3位同志上海市五一劳动奖章
            "会上",  # 会上宜昌市劳动模范代表陈某作报告
        },
        key=len,
        reverse=True,
    )
)
_QUALIFIER_ENDS = (
    "系统",
    "行业",
    "战线",
    "领域",
    "公司",
    "集团",
    "局",
    "厂",
    "医院",
    "学校",
    "单位",
    "工会",
    "机关",
    "企业",
    "卫生",
    "教育",
    "交通",
    "电力",
    "铁路",
    "邮政",
    "金融",
    "农业",
    "水利",
    "科技",
    # the field the honour is for: 教育教学能手, 优质服务标兵, 安全生产先进个人, 科研标兵
    "教学",
    "服务",
    "生产",
    "质量",
    "科研",
)
# an employer's name ends so: a post word after it (某集团首席技师) is the employer's post
_EMPLOYER_ENDS = ("公司", "集团", "厂", "企业", "医院", "学校", "合作社", "研究院", "研究所")
_YEAR_RE = re.compile(r"((?:19|20)\d{2})(?:[-—至~](?:19|20)?\d{2})?年度?")
_YEAR_BEFORE_RE = re.compile(r"((?:19|20)\d{2})年度?$")
_SESSION_RE = re.compile(r"第[0-9一二三四五六七八九十百]+[届批次]")
_QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", '"': '"', "‘": "’"}
_MAX_LEFT = 16


@dataclass
class TitleMatch:
    """One honour title in a sentence (offsets are the sentence's)."""

    start: int  # the title's own text (inside the quotes when quoted)
    end: int
    outer_start: int  # with quotes, and with a following 称号 / 荣誉称号
    outer_end: int
    title: str  # as it will be stored: Simplified, without year or 称号
    level: str
    level_reason: str
    year: int | None = None
    quoted: bool = False
    collective: bool = False
    weak: bool = False  # a bare 好人 / 英雄: an honour only when context confirms it
    group: bool = False  # 全市劳动模范: a group of people, unless an award verb makes it a title
    has_level_word: bool = False
    owner: int | None = None  # id of the person mention it has been given to (-1: a list heading's)
    sentence: int = -1  # index of the sentence it was found in
    posthumous: bool = False  # 追授/追记/追认 stands before it in its clause


def find_titles(text: str) -> list[TitleMatch]:
    """All title candidates in `text` (a sentence's analysis copy), in order."""
    titles: list[TitleMatch] = []
    covered: set[int] = set()
    for _opening, _closing, start, end in _quotations(text):
        content = text[start:end]
        if text.startswith(("精神", "提名"), end + 1):
            covered.update(range(start - 1, end + 1))
            continue  # 彰显“西安工匠”精神: a spirit, no honour; 获“西宁工匠”提名: a nomination, not the title
        if not _looks_like_title(content) and not text.startswith(("称号", "荣誉称号"), end + 1):
            continue  # (授予…“全省高校优秀辅导员”荣誉称号: the word 称号 says it is an honour, whatever its ending)
        match = _describe(text, start, end, quoted=True, context=text)
        if match is None:
            continue
        if (
            text[start - 2 : start - 1] == "的"
            and match.level == Level.OTHER.value
            and not text.startswith(("称号", "荣誉"), end + 1)
            and known_title(content) is None
        ):
            continue  # 承担焊接任务的“开路先锋”李雪文: a nickname the description ends in, no honour
        match.outer_start = start - 1
        after = end + 1
        suffix = next((w for w in _YEAR_FIGURE if text.startswith(w, after)), "")
        if suffix:  # 云南省“最美职工”年度人物: the year's figure of the quoted honour, one title
            match.title += suffix
            after += len(suffix)
            covered.update(range(end, after))
        match.outer_end = _skip_trailer(text, after)
        if not match.has_level_word or level_from_table(match):
            # 云南省“最美职工”: the level the report writes before the quote, not the table's
            _level_before_quote(text, start - 1, match)
        year = _YEAR_BEFORE_RE.search(text[max(0, start - 9) : start - 1])
        if year and match.year is None:
            match.year = int(year.group(1))
        _level_from_giver(text, match)
        titles.append(match)
        covered.update(range(start - 1, end + 1))
    for m in _CORE_RE.finditer(text):
        if m.start() in covered:
            continue
        left = _left_edge(text, m.start())
        end = m.end()
        if text.startswith(TRAINEES_SUFFIX, end):
            end += len(TRAINEES_SUFFIX)  # 大国工匠培育对象
        match = _describe(text, left, end, quoted=False, context=text, core_start=m.start())
        if match is None:
            continue
        if "的" in match.title or match.weak and text[match.start - 1 : match.start] == "的":
            continue  # 成为真正的工匠: words around an honour's core, no honour's name
        if _post_in_a_unit(match.title):
            continue  # 中车株洲电力机车有限公司首席技师: a post in a company, read as the unit's post
        if text[max(0, match.start - 2) : match.start] == "提名":
            continue  # 入选“塞上工匠”提名人物: nominated, not holding the title
        if (
            match.title.startswith("首席")
            and not match.has_level_word
            and _UNIT_BEFORE.search(text, 0, match.start)
        ):
            continue  # 中石化某建设有限公司焊接首席技师唐某: the company's post, no honour
        if _holders_noun(text, match):
            continue  # 荣获…称号的优秀女性: the holders named by a word of praise, no honour of theirs
        count = _COUNT_LEAD.match(match.title)
        if count and len(match.title) - count.end() >= 2:
            # 十位大国工匠: the count is no part of the title
            match.start += count.end()
            match.outer_start = match.start
            match.title = match.title[count.end() :]
        if (
            not _right_edge_ok(text, end)
            and not _after_list_mark(text, match.start)
            and not _commended_as(text, match.start, end)
            and not _picked_from(text, match.start, end)
        ):
            if match.weak or not _counted_before(text, match.start):
                continue
            match.group = True  # 我市16名全省劳动模范起程…: a counted group, named by its honour
        match.outer_end = _skip_trailer(text, end)
        _level_from_giver(text, match)
        titles.append(match)
    titles.sort(key=lambda t: t.start)
    for match in titles:
        _levels_listed(text, match)
    _held_by_named_groups(text, titles)
    titles = [t for i, t in enumerate(titles) if not _praise_before(text, t, titles[i + 1 : i + 2])]
    _inherit_levels(text, titles)
    return titles


_PICK_BEFORE = re.compile(r"最为?(?:大|小|年长|年轻|年幼|早)的$")


def _picked_from(text: str, start: int, end: int) -> bool:
    """最小的全国劳模是杨某: the title of the group someone is picked from, then 是 and the one."""
    return bool(_PICK_BEFORE.search(text, 0, start)) and text.startswith(("是", "为"), end)


# 向获得“全国五一劳动奖状”、“劳动模范”的先进集体和先进个人致以祝贺: the titles of the groups so named
_GROUP_HOLDERS_AFTER = re.compile(
    r"[”」]?(?:荣誉)?(?:称号)?的(?:先进集体和先进个人|先进集体和个人|集体和个人|个人和集体|先进个人|先进集体|获得者们|同志们)"
)


def _name_follows(text: str, position: int) -> bool:
    hit = name_at(text, position)
    return hit is not None and hit.score >= 2


def _held_by_named_groups(text: str, titles: list[TitleMatch]) -> None:
    """获得“全国五一劳动奖状”、“全国工人先锋号”、“劳动模范”的先进集体和先进个人: a run of titles the
    words after it give to groups is held by no one the sentence names."""
    run: list[TitleMatch] = []
    for t in titles:
        if run and text[run[-1].outer_end : t.outer_start].strip("、和及与“”「」 ") != "":
            run = []
        run.append(t)
        after = _GROUP_HOLDERS_AFTER.match(text, t.outer_end)
        if after and not _name_follows(text, after.end()):  # 获得…的先进个人张某: the title is his
            for held in run:
                held.group, held.owner = True, -1  # the groups' own: no reader gives them to a name
            run = []


def _holders_noun(text: str, match: TitleMatch) -> bool:
    """荣获…称号的优秀女性: a word of praise naming those who hold the honour just named."""
    return (
        match.level == Level.OTHER.value
        and not match.has_level_word
        and text[: match.start].endswith(("称号的", "荣誉的", "奖章的"))
        # 这10名获得荣誉的最美产业工人: no honour named before 荣誉, so the title after it is theirs
        and not re.search(r"(?:获得|获|荣获|赢得|得到)(?:荣誉|称号)的$", text[: match.start])
    )


def _praise_before(text: str, title: TitleMatch, following: list[TitleMatch]) -> bool:
    """授予朱婷等10人优秀女性2019年度全国三八红旗手标兵称号: a word of praise with no level right
    before a levelled title (a year between at most) describes its holders, it is no honour."""
    if title.quoted or title.has_level_word or title.level != Level.OTHER.value or not following:
        return False
    nxt = following[0]
    gap = text[title.outer_end : nxt.outer_start]
    return nxt.has_level_word and (not gap or bool(_YEAR_BEFORE_RE.fullmatch(gap)))


_GIVERS = (
    (re.compile(r"(?:中华)?全国总工会|全总"), Level.NATIONAL.value),
    (re.compile(r"省总工会"), Level.PROVINCIAL.value),
    (re.compile(r"市总工会"), Level.MUNICIPAL.value),
    (re.compile(r"[县区]总工会"), Level.COUNTY.value),
)


# 被中华全国总工会认定为2025年“…”: a federation named as the giver right before the verb and the title
_GIVEN_BY = re.compile(
    "被?(?:" + "|".join(pattern.pattern for pattern, _level in _GIVERS) + ")"
    r"(?:授予|评为|认定为|命名为|表彰为|评选为)[^，,。；;]{0,8}$"
)


def level_from_table(match: TitleMatch) -> bool:
    """Did the title's level come from the table of well-known titles, not from words written?"""
    return match.level_reason.endswith("well-known title")


def _level_from_giver(text: str, match: TitleMatch) -> None:
    """A title named without a level takes its giver's: any 五一 award from a federation named
    before it, any other when the federation is named right before the verb that gives it."""
    if match.level != Level.OTHER.value or match.has_level_word:
        return
    before = text[: match.start]
    if "五一" in match.title:
        _level_of_giver(before, match)
    elif (given := _GIVEN_BY.search(before)) is not None:
        _level_of_giver(given.group(0), match)


def _level_of_giver(before: str, match: TitleMatch) -> None:
    """全国总工会颁发的“五一”劳动奖章: a 五一 award named without a level has its giver's."""
    found = [(m.end(), level, m.group(0)) for pattern, level in _GIVERS for m in pattern.finditer(before)]
    if found:
        _end, level, giver = max(found)
        match.level, match.level_reason = level, f"“{giver}”"


# 云南省“最美职工”年度人物: the year's figure of a quoted honour is one title with it
_YEAR_FIGURE = ("年度人物", "年度标兵")
_BATCH_BEFORE_QUOTE = re.compile(r"(?:首批|首届|本届|第[一二三四五六七八九十0-9]+[批届])$")


_NOT_IN_PLACE = re.compile(r"[获授评被是的了在、，,：:]")


def _level_before_quote(text: str, quote: int, match: TitleMatch) -> None:
    """全国“五一劳动奖章”获得者 / 省“三八红旗手” / 西安市首批“五一劳动奖章”: the level word stands
    before the quotation (a batch or session word between)."""
    batch = _BATCH_BEFORE_QUOTE.search(text, 0, quote)
    if batch is not None:
        quote = batch.start()
    for length in range(8, 0, -1):  # longest first: 内蒙古自治区, not its tail 古自治区 (a "district")
        start = quote - length
        if start < 0 or _NOT_IN_PLACE.search(text, start, quote):
            continue  # 荣获衡阳市“…”: the verb is no part of the place (衡阳市, not a town 荣获衡阳市)
        token = level_word_at(text[start:quote], 0, text)
        if token is not None and token[1] == length and token[0] != Level.OTHER.value:
            if start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and length == 1:
                continue  # 城市“…”: a bare 市 inside a word says nothing
            match.level, match.level_reason, match.has_level_word = token[0], token[2], True
            match.outer_start = start
            return


def _quotations(text: str):
    i = 0
    while i < len(text):
        closing = _QUOTE_PAIRS.get(text[i])
        if closing:
            end = text.find(closing, i + 1, i + 32)
            if end > i + 2 and not re.search(r"[，。；！？\n]", text[i + 1 : end]):
                yield text[i], closing, i + 1, end
                i = end + 1
                continue
        i += 1


_GOING_TO = re.compile(
    r"[进走]\s?(?:校园|企业|社区|基层|车间|机关|农村|乡村|课堂|万家|工地|园区|军营|学校|班组|一线|网格)"
)


def _looks_like_title(content: str) -> bool:
    if content.endswith(("精神", "文化", "理念", "品质", "作风")):
        return False  # “工匠精神” / “劳模精神”: a virtue the report speaks of, no honour
    if _GOING_TO.search(content):
        return False  # “劳模工匠进校园” / “劳模进企业”: a campaign that takes them somewhere, no honour
    if content.endswith(
        (
            "教育展",
            "展览",
            "展",
            "活动",
            "论坛",
            "讲堂",
            "宣讲",
            "大赛",
            "竞赛",
            "仪式",
            "典礼",
            "发布会",
            "大会",
        )
    ):
        return False  # “弘扬劳模精神…教育展” / “…最美产业工人发布仪式”: an event, no honour
    if _CORE_RE.search(content):
        return True
    return content.endswith(
        (
            "奖",
            "奖章",
            "勋章",
            "称号",
            "模范",
            "标兵",
            "能手",
            "工匠",
            "先进个人",
            "先进工作者",
            "好人",
            "人物",
            "楷模",
            "英雄",
            "红旗手",
            "先锋",
            "奖状",
            "集体",
            "文明号",
            "先锋号",
            "名师",
            "工人",
        )
    )


_COUNTED_PEOPLE = re.compile(r"(?:[0-9]+|[一二三四五六七八九十百两]+)人$")


def _left_edge(text: str, core_start: int) -> int:
    i = core_start
    limit = max(0, core_start - _MAX_LEFT)
    while i > limit:
        ch = text[i - 1]
        if not ("\u4e00" <= ch <= "\u9fff" or ch.isdigit() or ch in "-—~"):
            break
        head = text[:i]
        if any(head.endswith(stop) for stop in _LEFT_STOPS) and not _place_ends_at(text, i):
            break  # 均获…/ 都获…, but 首都劳动奖章 / 成都工匠: 都 ends a place there
        if _COUNTED_PEOPLE.search(head):
            break  # 授予蒋某等20人颍东区劳动竞赛先进个人: the count of people is no part of the title
        position = next((p for p in _POSITION_ENDS if head.endswith(p)), None)
        if position is not None:
            # 100名职工长春市五一劳动奖章: a place that begins inside the post's word (工长|春市) is the title's
            inside = next((k for k in range(1, len(position)) if _table_place(text, i - k)), None)
            if inside is None:
                break
            return i - inside
        i -= 1
    national = text.find("全国", i, core_start)
    if national > i and text[i:national].endswith(lx.ENTITY_SUFFIXES):
        return national  # 昆明植物所全国五一劳动奖章获得者: the holder's body, then the title
    if not _table_place(text, i) and level_word_at(text, i) is None:
        # 邀请济宁市劳模: a verb before the place that begins the title is no part of it
        inside = next((j for j in range(i + 1, core_start) if _table_place(text, j)), None)
        if inside is not None:
            return inside
    return i


def _place_ends_at(text: str, end: int) -> bool:
    """Does a place or a place's literary name (成都, 首都) end at `end`?"""
    for start in range(max(0, end - 3), end - 1):
        word = level_word_at(text, start)
        if word is not None and word[1] == end:
            return True
    return False


def _table_place(text: str, start: int) -> bool:
    place = place_at(text, start)
    return place is not None and "(table)" in place.reason


# "16名" / "十位" right before a title: the people it counts hold that title
COUNT_BEFORE = re.compile(
    r"(?<![每一])(?:[0-9]+|[二三四五六七八九十百两][一二三四五六七八九十百两]*)[余多]?(?:名|位|人)(?:个人|职工|同志)?"
    r"(?:新晋|新当选的|受表彰的|获奖的|获表彰的)?$"  # 我市5位受表彰的全国劳模: still the group's title
)

_COUNT_LEAD = re.compile(r"(?:[0-9]+|[一二三四五六七八九十百两]+)(?:名|位)")

_POSITION_ENDS = tuple(
    sorted((p for p in lx.POSITIONS if len(p) >= 2 and p not in {"专家", "工匠"}), key=len, reverse=True)
)


def _right_edge_ok(text: str, end: int) -> bool:
    rest = text[end : end + 6]
    if not rest:
        return True
    for trailer in lx.TITLE_TRAILERS:
        if rest.startswith(trailer):
            return True
    if rest.startswith("证书"):
        return True  # 为吴杰峰颁发先进工作者证书: the certificate of the honour given
    if rest.startswith(_LIST_FOLLOWERS):
        return True  # 全国五一劳动奖章拟表彰名单的有：… / 到A、B等省级劳模家中: the title of those named
    if rest.startswith(lx.TITLE_NOT_FOLLOWED_BY):
        return False
    if re.match(r"(?:当|之)?中[，,]", rest):
        return True  # 在此次表彰的全国劳模中，…: the holders the clause goes on to speak of
    if re.match(r"(?:是|为|有|分别是|分别为)[：:]", rest):
        return True  # 受奖的全国劳动模范是：A，B: the title heads the list after the colon
    ch = rest[0]
    if not ("\u4e00" <= ch <= "\u9fff"):
        return True
    if ch in "和与及等的获荣或兼":
        return not rest.startswith(("和谐", "等级"))
    if rest.startswith(("各捐", "各自", "分别", "纷纷", "积极", "率先", "均", "都", "也", "共同", "一起")):
        return True  # A、B等市级劳模各捐款500元: the list's shared predicate follows the title
    if ch in lx.SURNAMES or rest[:2] in lx.COMPOUND_SURNAMES or _starts_unit(rest):
        return True
    # 济宁市劳模寻庆美 / 全国劳动模范额尔敦达来: a name the surname list lacks, as the tagger reads it
    return any(name.start == end for name in recogniser.person_names(text))


_UNIT_BEFORE = re.compile(
    "(?:" + "|".join(s for s in lx.ENTITY_SUFFIXES if len(s) >= 2) + r")[\u4e00-\u9fff]{0,6}$"
)


def _post_in_a_unit(title: str) -> bool:
    ends = [title.rfind(suffix) + len(suffix) for suffix in lx.ENTITY_SUFFIXES if suffix in title]
    return bool(ends) and title[max(ends) :] in lx.POSITIONS


def _commended_as(text: str, start: int, end: int) -> bool:
    """获先进工作者表彰的有：… / 受到劳动模范表彰: the honour someone is commended with, not a meeting's name."""
    return (
        text[:start].endswith(("获", "荣获", "获得", "受到"))
        and text.startswith("表彰", end)
        and not text.startswith(("表彰大会", "表彰会", "表彰决定"), end)
    )


def _after_list_mark(text: str, start: int) -> bool:
    """A、B、C等劳模在一线…: a title right after a list's 等 is the listed people's, whatever follows."""
    return (
        re.search(r"[\u4e00-\u9fff]{2}等(?:[0-9一二三四五六七八九十两几多]+(?:名|位))?$", text[:start])
        is not None
    )


_LIST_FOLLOWERS = (
    "表扬名单",
    "表彰名单",
    "获奖名单",
    "拟表彰",
    "拟推荐",
    "拟授予",
    "推荐对象",
    "推荐人选",
    "候选人",
    "人选",
    "名单",
    "家中",
    "家里",
)


def _starts_unit(rest: str) -> bool:
    return place_at(rest) is not None or rest.startswith(("市", "县", "区", "省"))


def _skip_trailer(text: str, end: int) -> int:
    for trailer in ("荣誉称号", "称号", "荣誉", "殊荣", "之一"):
        if text.startswith(trailer, end):
            return end + len(trailer)
    return end


def _describe(
    text: str, start: int, end: int, *, quoted: bool, context: str, core_start: int | None = None
) -> TitleMatch | None:
    """Read year, level and wording of the title text[start:end]."""
    raw = text[start:end]
    for suffix in ("荣誉称号", "称号"):
        if raw.endswith(suffix) and len(raw) > len(suffix) + 1:
            raw = raw[: -len(suffix)]
            end -= len(suffix)
    core_offset = (core_start - start) if core_start is not None else 0
    prefix = raw[:core_offset]
    year = None
    cut = 0
    level = None
    reason = ""
    group = False
    first_token: int | None = None
    position = 0
    while position < len(prefix):
        m = _YEAR_RE.match(prefix, position)
        if m:
            year = int(m.group(1))
            position = m.end()
            cut = position if first_token is None else cut
            continue
        token = level_word_at(prefix, position, context)
        if token is not None:
            token_level, token_end, why, is_group = token
            if first_token is None:
                first_token = position
            level, reason, group = token_level, why, is_group
            position = token_end
            continue
        m = _SESSION_RE.match(prefix, position)
        if m:
            if first_token is None:
                first_token = position
            position = m.end()
            continue
        position += 1
    if first_token is None and not quoted and core_offset > 0:
        # 来到省劳模李明华家中 / 陪同省劳模张丽: a bare 省 / 市级 right before the core is its level
        for word in _BARE_LEVEL_WORDS:
            if (
                prefix.endswith(word)
                and len(prefix) - len(word) >= cut
                and prefix[-len(word) - 1 : -len(word)] not in _NOT_BEFORE_BARE_LEVEL
            ):
                first_token = len(prefix) - len(word)
                level, reason = LEVEL_WORDS[word], f"“{word}”"
                if (
                    word in ("县", "市", "区", "旗")
                    and first_token == cut + 1
                    and "\u4e00" <= prefix[cut] <= "\u9fff"
                    and prefix[cut] not in "该本我此各每外邻两一其全"
                    and (start + cut == 0 or not "\u4e00" <= text[start + cut - 1] <= "\u9fff")
                ):
                    first_token = cut  # 莒县劳动模范 / 沛县劳模: a county named by one character
                    reason = f"“{prefix[cut : cut + 1 + len(word)]}”"
                break
    if quoted:
        title = raw
        m = _YEAR_RE.match(title)
        if m:
            year = int(m.group(1))
            title = title[m.end() :]
        holder = re.fullmatch(r"[‘'「『]?(.+?)[’'」』]?(?:获得者|得主)", title)
        if holder is not None and _CORE_RE.search(holder.group(1)):
            title = holder.group(1)  # “‘白求恩奖章’获得者”称号: the honour is the medal
        if level is None:
            level, reason = level_inside(title, context)  # after the year: 2021年度景德镇市…
        opening = level_word_at(title, 0, context) if level is None else None
        if opening is not None and opening[3] and opening[0] != Level.OTHER.value:
            level, reason = opening[0], opening[2]  # “全省优秀教师”: the group word that opens it
    else:
        if (
            first_token is None
            and raw[core_offset:] in lx.POSITIONS
            and prefix[cut:].endswith(_EMPLOYER_ENDS)
        ):
            return None  # 某控股集团有限公司首席技师: a post the employer gives, not an honour
        if first_token is not None:
            title_start = first_token
        elif prefix[cut:].endswith(_QUALIFIER_ENDS):
            title_start = cut
        else:
            title_start = len(prefix)  # words before the core that say nothing about the honour
        title = prefix[title_start:] + raw[core_offset:]
        start = start + title_start
        if level is None:
            level, reason = level_inside(raw[core_offset:], context)
    title = title.strip("“”「」『』\"' ")
    if not quoted:
        title = re.sub(r"[“”「」『』]", "", title)  # 全国“五一”劳动奖章 is 全国五一劳动奖章
    if not quoted and title[:1] in ("以", "为", "被") and known_title(title[1:]) is not None:
        title, start = title[1:], start + 1  # 以大国工匠、全国劳动模范某某为领衔人: 以 is no part of it
    if len(title) < 2:
        return None
    known = known_title(title)
    if known is not None:  # the table of well-known titles knows better than the words in it
        level, reason = known.level, f"{known.title}: well-known title"
    core_text = raw[core_offset:] if not quoted else raw
    if core_text == "劳模" and not quoted and not re.search(r"全国|省|市|县|区|级|兵团", prefix):
        level = None  # 宜昌劳模: "a model worker from Yichang", not a named honour
    collective = any(c in core_text for c in lx.COLLECTIVE_TITLE_CORES) or core_text.endswith(
        lx.COLLECTIVE_TITLE_ENDINGS
    )
    weak = (not quoted and level is None and (_is_weak(core_text) or core_text == "劳模")) or (
        level is None and _is_weak(title)
    )
    has_level = level is not None
    return TitleMatch(
        start=start,
        end=end,
        outer_start=start,
        outer_end=end,
        title=title,
        level=level or Level.OTHER.value,
        level_reason=reason or ": no level word",
        year=year,
        quoted=quoted,
        collective=collective,
        weak=weak,
        group=group,
        has_level_word=has_level,
    )


_BARE_LEVEL_WORDS = tuple(
    sorted((w for w in LEVEL_WORDS if len(w) <= 2 and w not in ("州", "旗")), key=len, reverse=True)
)


_NOT_BEFORE_BARE_LEVEL = set("城都超社小园景郊山灾疫辖片街门集全各本")


_LEVELS_LISTED = re.compile(r"(?:(?:全国|省|市|县|区|州|自治区)级?、)+$")  # (全国和省: 分别获, each its own)
_LISTED_LEVEL = re.compile(r"^(?:全国|省|市|县|区|州|自治区)级?")
# a counted group's levels may be joined by 及 and end in a province: 20余名全国及宁夏劳动模范
_GROUP_LEVELS_LISTED = re.compile(r"(?:(?:全国|省|市|县|区|州|自治区)级?[、及])+$")
_GROUP_LISTED_LEVEL = re.compile(
    r"^(?:全国|省|市|县|区|州|自治区|" + "|".join(sorted(PROVINCES, key=len, reverse=True)) + r")级?"
)


def _counted_before(text: str, start: int) -> bool:
    """Does a count of people stand before `start`, past any levels listed (16名全省劳动模范 /
    8位全国、省、市劳动模范 / 20余名全国及宁夏劳动模范)?"""
    before = text[:start]
    levels = _GROUP_LEVELS_LISTED.search(before)
    return COUNT_BEFORE.search(before[: levels.start()] if levels else before) is not None


def _levels_listed(text: str, match: TitleMatch) -> None:
    """8位全国、省、市、县劳动模范 / 三位省、市巾帼劳模 / 20余名全国及宁夏劳动模范: levels listed for a
    group, no one's level; the title is its core, level other, and it starts where the list of
    levels does."""
    listed = _LEVELS_LISTED.search(text, 0, match.start)
    level = _LISTED_LEVEL.match(match.title)
    counted = _GROUP_LEVELS_LISTED.search(text, 0, match.start)
    if counted and (match.group or _counted_before(text, match.start)):
        # a group, or counted people (甲、乙等20余名全国及宁夏劳动模范、大国工匠代表: not a group by its
        # right edge, the next title follows)
        listed, level = counted, _GROUP_LISTED_LEVEL.match(match.title)
    if match.quoted or listed is None or level is None or len(match.title) - level.end() < 2:
        return
    match.title = match.title[level.end() :]
    match.level, match.level_reason = Level.OTHER.value, "levels listed: no level word"
    match.has_level_word = False
    match.start = match.outer_start = listed.start()


def _is_weak(core: str) -> bool:
    return core in lx.WEAK_TITLE_CORES or any(core == w for w in lx.WEAK_TITLE_CORES)


def _inherit_levels(text: str, titles: list[TitleMatch]) -> None:
    """全国劳动模范和先进工作者: a title listed right after another, with no level word, shares its level."""
    for before, after in itertools.pairwise(titles):
        if after.has_level_word or not before.has_level_word:
            continue
        gap = text[before.outer_end : after.outer_start]
        if gap in ("和", "、", "及", "与", "暨", "和全国", ""):
            after.level = before.level
            after.level_reason = f"{before.title}: listed with"
            after.weak = False


_PAIR_FIRST = ("劳动模范", "劳模")
_PAIR_SECOND = ("先进工作者", "先进生产者")


def pair_titles(text: str, titles: list[TitleMatch], group_words: tuple[str, ...]) -> list[TitleMatch]:
    """我市3名全国劳动模范和先进工作者 / 甲，乙，丙当选为全国劳动模范和先进工作者: the one award of the
    five-yearly roll, given to a group as a pair when the report does not say which of the two each
    holds; one honour, as written. One person's "先后荣获全国劳动模范和先进工作者" stays two."""
    out: list[TitleMatch] = []
    for t in titles:
        before = out[-1] if out else None
        if (
            before is not None
            and _held_by_group(text, before.outer_start, group_words)
            and text[before.outer_end : t.outer_start] in ("和", "及", "与")
            and before.title.endswith(_PAIR_FIRST)
            and t.title in _PAIR_SECOND
            and not t.has_level_word
            and not before.quoted
            and not t.quoted
        ):
            before.title = before.title + text[before.outer_end : t.outer_start] + t.title
            before.end = t.end
            before.outer_end = t.outer_end
            before.group = before.group or t.group
            continue
        out.append(t)
    for t in out:  # 欢送11名全国劳动模范和先进工作者进京: the second of the pair not read as a title
        joined = re.match(r"[和及与](先进工作者|先进生产者)", text[t.outer_end :])
        if (
            joined
            and t.title.endswith(_PAIR_FIRST)
            and not t.quoted
            and _held_by_group(text, t.outer_start, group_words)
        ):
            t.title += joined.group(0)
            t.end = t.outer_end = t.outer_end + joined.end()
    return out


def _held_by_group(text: str, start: int, group_words: tuple[str, ...]) -> bool:
    head = text[:start]
    if head.endswith("等"):  # 甲，乙等全国劳模和先进工作者代表
        return True
    if COUNT_BEFORE.search(head) or re.search(
        r"(?:[0-9]+|[二三四五六七八九十百两]+)[名位人](?:新晋|受表彰的|获奖的)?$", head
    ):
        return True
    verb = next((w for w in group_words if head.endswith(w)), "")
    return bool(verb) and len(re.findall(r"[，,、]", head[: len(head) - len(verb)])) >= 2


_REASON_ZH = {
    "municipality directly under the central government": "直辖市", "municipality": "直辖市",
    "county-level city (table)": "县级市", "the report calls it county-level": "报道称县级",
    "prefecture-level city (table)": "地级市", "not a prefecture-level city, so county-level": "不在地级市名录中，按县级市处理",
    "province": "省份", "prefecture": "地级", "county": "县", "district": "区", "town": "乡镇",
    "group word": "泛指用语", "an autonomous region's": "自治区全区", "the provincial capital": "省会城市", "province nickname": "省份别称", "listed with": "与之并列，级别相同",
    "no level word": "称号中无级别字样", "well-known title": "常见荣誉称号表",
    "the title is named after it": "称号以此地命名，按其级别", "holds the award meeting": "表彰大会由此地举办，称号按其级别",
    "commends them itself": "由此地表彰，称号按其级别", "the report writes the level there": "报道在此写明级别",
}  # fmt: skip


def explain_level(reason: str, lang: str) -> str:
    """Why a title got its level, for staff: "常宁市: county-level city (table)" → "常宁市：县级市"."""
    what, _, why = reason.partition(": ")
    if not why:
        return what  # a level word such as “全国” speaks for itself
    if lang == "zh":
        return f"{what}：{_REASON_ZH.get(why, why)}" if what else _REASON_ZH.get(why, why)
    return f"{what}: {why}" if what else why
