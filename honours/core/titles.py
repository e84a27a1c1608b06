"""Honour titles and their levels: one table of well-known titles, and one reading of the rest.

A title names its level most of the time: 全国劳动模范, 湖南省五一劳动奖章, 衡阳市先进工作者,
耒阳市三八红旗手 (a county-level city, so county level: see places.py). Some of the best
known do not: 大国工匠年度人物, 最美职工 and 中央企业劳动模范 are national, 西藏工匠 and
开发建设新疆奖章 provincial. `WELL_KNOWN` lists those with their level and, where it is
one body, who awards them; everything else is read from the places and level words at its
start (`title_level`).

Every way an honour comes in asks here: sheet import, `honours add`/`edit`, the edit dialog
(when a title is typed), and report intake, which also uses the word-by-word pieces
(`level_word_at`, `level_inside`) while reading a title out of a sentence. A level given
explicitly (a sheet's level column, a JSON "level", the user's choice) always wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .places import (
    AUTONOMOUS_REGIONS,
    GROUP_PREFIXES,
    LEVEL_WORDS,
    NATIONAL_PREFIXES,
    PROVINCE_NICKNAMES,
    place_at,
)
from .records import Honour, Level

# title · level · awarding body ("" where several bodies award it, or it is not certain).
_TABLE = """
全国劳动模范                national    中共中央、国务院
全国劳模                    national    中共中央、国务院
全国先进工作者              national    中共中央、国务院
全国五一劳动奖章            national    中华全国总工会
全国五一劳动奖状            national    中华全国总工会
全国工人先锋号              national    中华全国总工会
全国五一巾帼标兵            national    中华全国总工会
全国五一巾帼标兵岗          national    中华全国总工会
全国三八红旗手              national    全国妇联
全国三八红旗手标兵          national    全国妇联
全国三八红旗集体            national    全国妇联
全国巾帼建功标兵            national    全国妇联
中国青年五四奖章            national    共青团中央、全国青联
全国优秀共产党员            national    中共中央
全国优秀党务工作者          national    中共中央
全国先进基层党组织          national    中共中央
全国道德模范                national
全国优秀农民工              national
中华技能大奖                national    人力资源社会保障部
全国技术能手                national    人力资源社会保障部
中央企业劳动模范            national    人力资源社会保障部、国务院国资委
中央企业先进集体            national    人力资源社会保障部、国务院国资委
全国抗击新冠肺炎疫情先进个人  national  中共中央、国务院、中央军委
全国脱贫攻坚先进个人        national    中共中央、国务院
大国工匠                    national
大国工匠年度人物            national    中华全国总工会、中央广播电视总台
最美职工                    national    中共中央宣传部、中华全国总工会
时代楷模                    national    中共中央宣传部
最美奋斗者                  national
感动中国人物                national
感动中国年度人物            national
共和国勋章                  national    中华人民共和国主席
友谊勋章                    national    中华人民共和国主席
人民楷模                    national    中华人民共和国主席
七一勋章                    national    中共中央
八一勋章                    national    中央军委
白求恩奖章                  national
南丁格尔奖章                national    红十字国际委员会
首都劳动奖章                provincial  北京市总工会
西藏工匠                    provincial
开发建设新疆奖章            provincial  新疆维吾尔自治区党委、自治区人民政府
天山英才                    provincial
齐鲁大工匠                  provincial
三秦工匠                    provincial
"""


@dataclass(frozen=True)
class KnownTitle:
    """A well-known title: its level and, where known, its awarding body."""

    title: str
    level: str
    awarded_by: str = ""


def _read_table(text: str) -> dict[str, KnownTitle]:
    table: dict[str, KnownTitle] = {}
    for line in text.strip().splitlines():
        title, level, *body = line.split()
        Level(level)  # a typo in the table fails at import, not later
        table[title] = KnownTitle(title, level, " ".join(body))
    return table


WELL_KNOWN: dict[str, KnownTitle] = _read_table(_TABLE)

_YEAR_BEFORE = re.compile(r"^(?:19|20)\d\d\s*年?度?(?:第[0-9一二三四五六七八九十百]+[届批次])?")
_SESSION_BEFORE = re.compile(r"^第[0-9一二三四五六七八九十百]+[届批次]")
_AFTER = re.compile(r"(?:[(（]\s*(?:(?:19|20)\d\d\s*年?|追授)\s*[)）]|荣誉称号|称号|获得者)+$")
_QUOTES = " \t\"'“”‘’「」『』《》"


def title_key(title: str) -> str:
    """The title as the table lists it: no year, session, 称号 or quotes (2019年度“全国劳动模范”称号 → 全国劳动模范)."""
    text = (title or "").strip(_QUOTES)
    text = _YEAR_BEFORE.sub("", text).strip(_QUOTES)
    text = _SESSION_BEFORE.sub("", text).strip(_QUOTES)
    return _AFTER.sub("", text).strip(_QUOTES)


# 大国工匠培育对象: those chosen to be trained for a title, chosen by its giver
TRAINEES_SUFFIX = "培育对象"


def known_title(title: str) -> KnownTitle | None:
    """The table's entry for a title, if it is a well-known one (the trainees of one share it)."""
    key = title_key(title)
    return WELL_KNOWN.get(key) or WELL_KNOWN.get(key.removesuffix(TRAINEES_SUFFIX))


@dataclass(frozen=True)
class TitleLevel:
    """A title's level, why (for staff: “全国”, 衡阳市: prefecture-level city (table)), and the
    awarding body when the title is a well-known one."""

    level: str
    reason: str
    awarded_by: str = ""
    has_level_word: bool = False  # the level was read from the title or the table, not defaulted


# A one-character level word that begins another word: 市场监管先进个人 is not a city's honour.
_NOT_LEVEL_AFTER = ("市场", "市民", "市容", "市政", "区域", "省心", "省钱", "县域")


@lru_cache(maxsize=16384)  # rolls repeat their titles; a title read once is read for every row
def title_level(title: str, context: str = "") -> TitleLevel:
    """The level of an honour from its title: a well-known title's from the table; else the
    places and level words at its start, the most local one winning (湖南省衡阳市… is
    municipal, 衡阳市南岳区… county); else a place or 全国/中国 inside it (感动中国人物);
    else other. `context` is the sentence around it, when there is one (县级X市)."""
    key = title_key(title)
    known = known_title(title)
    if known is not None:
        return TitleLevel(known.level, f"{known.title}: well-known title", known.awarded_by, True)
    level, reason = _leading_level(key, context)
    if level is None:
        level, reason = level_inside(key, context)
    if level is None:
        return TitleLevel(Level.OTHER.value, ": no level word")
    return TitleLevel(level, reason, "", True)


def infer_level(title: str) -> str:
    """Just the level of `title_level`."""
    return title_level(title).level


def _leading_level(text: str, context: str) -> tuple[str | None, str]:
    """The level named by the places and level words that open the title (the last of them)."""
    level, reason = None, ""
    position = 0
    while position < len(text):
        token = level_word_at(text, position, context)
        if token is None:
            break
        level, position, reason, _group = token
    return level, reason


def level_word_at(text: str, position: int, context: str = "") -> tuple[str, int, str, bool] | None:
    """(level, end, reason, group?) for a level word or place starting at `position`, else None:
    全市 (a group word), 全国/中国/中央…, a place (湖南省, 衡阳市, 耒阳市, 南岳区), a province's
    literary name (三湘, 齐鲁, 三秦), or a bare level word (省级, 市, 县) where a word begins."""
    if text.startswith("省会", position) and not text.startswith(("省会议", "省会计"), position):
        return Level.MUNICIPAL.value, position + 2, "“省会”: the provincial capital", False
    for word, level in GROUP_PREFIXES.items():
        if text.startswith(word, position):
            if word == "全区" and _in_autonomous_region(context):
                return Level.PROVINCIAL.value, position + 2, "“全区”: an autonomous region's", True
            return level, position + len(word), f"“{word}”: group word", True
    for word in NATIONAL_PREFIXES:
        if text.startswith(word, position):
            return Level.NATIONAL.value, position + len(word), f"“{word}”", False
    if text.startswith("自治区", position):  # 自治区劳动模范: the region is a province, not a district
        return Level.PROVINCIAL.value, position + 3, "“自治区”", False
    if text.startswith("兵团", position) and not text.startswith("兵团长", position):
        # 兵团劳动模范: the Xinjiang Production and Construction Corps ranks with a province
        return Level.PROVINCIAL.value, position + 2, "“兵团”", False
    place = place_at(text, position, context)
    if place is not None and place.level != Level.OTHER.value:
        return place.level, place.end, f"{place.name}: {place.reason}", False
    if place is not None:
        return Level.OTHER.value, place.end, f"{place.name}: town", False
    for word in PROVINCE_NICKNAMES:
        if text.startswith(word, position):
            return Level.PROVINCIAL.value, position + len(word), f"“{word}”: province nickname", False
    if (position == 0 or not ("\u4e00" <= text[position - 1] <= "\u9fff")) and not text.startswith(
        _NOT_LEVEL_AFTER, position
    ):
        for word, level in _LEVEL_WORDS_LONGEST_FIRST:
            if text.startswith(word, position):
                return level, position + len(word), f"“{word}”", False
    return None


def _in_autonomous_region(context: str) -> bool:
    """全区劳动模范 in a sentence that names 自治区 or 内蒙古, 广西…: the region's, not a district's."""
    return "自治区" in context or any(region in context for region in AUTONOMOUS_REGIONS)


_LEVEL_WORDS_LONGEST_FIRST = sorted(LEVEL_WORDS.items(), key=lambda kv: -len(kv[0]))


def level_inside(text: str, context: str = "") -> tuple[str | None, str]:
    """Level from a place named inside a title (感动中国人物, 中国好医生, 开发建设新疆奖章)."""
    for word in NATIONAL_PREFIXES:
        if word in text:
            return Level.NATIONAL.value, f"“{word}”"
    for i in range(len(text)):
        token = level_word_at(text, i, context)
        if token is not None and not token[3] and token[0] != Level.OTHER.value:
            return token[0], token[2]
    return None, ""


def complete_honour(honour: Honour, *, level_given: bool) -> None:
    """Fill what the title tells about an honour entered without it: its level (unless one
    was given), and the awarding body of a well-known title when none is given."""
    known = title_level(honour.title)
    if not level_given:
        honour.level = known.level
    if not honour.awarded_by and known.awarded_by:
        honour.awarded_by = known.awarded_by
