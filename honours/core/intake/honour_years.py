"""The year of each honour: the one written before its title (2015年荣获…, a dated sentence that
awards it), else the one year the report gives that title elsewhere, its May Day celebration's
or its award meeting's (falling back to the report's dateline).

Apart from ``parser`` because the year patterns (a year of someone's life is not an honour's;
2022年12月26日; 2025年…表彰大会) are one family, shared by the sentence reading and the step over
the whole report.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .mentions import Mention
from .titles import TitleMatch

_LIFE_YEAR = r"(?![0-9]*月?[0-9]*日?(?:出生|生人|生于|参加工作|入党|毕业|入职|参军))"


def _year_before(text: str) -> int | None:
    # 1965年出生 / 1985年参加工作: a year of the person's life, not of an honour
    years = re.findall(r"((?:19|20)\d{2})年" + _LIFE_YEAR, text)
    if years:
        return int(years[-1])
    bare = re.search(r"(?<!\d)((?:19|20)\d{2})(?:年度)?$", text)  # 2020八闽工匠年度人物: a bare year
    return int(bare.group(1)) if bare else None


_REPORT_YEAR = r"((?:19|20)\d{2})(?:[-—至~](?:19|20)?\d{2})?年度?" + _LIFE_YEAR + r"[^。；;！？!?\n]{0,24}?"


# 河北省先进工作者 is 2024年河北省劳动模范、先进工作者 (and 全国… of 全国劳动模范和先进工作者)
_PAIRED_SECOND = re.compile(r"(全国|全省|.{0,6}?(?:省|市|县|区))(先进工作者|先进生产者)$")
# 竹山县劳动模范 is 2024年劳动模范 in a county's own report: the place before the title left out
_PLACE_FIRST = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:省|市|县|区|州|旗)(?=[\u4e00-\u9fff]{3})")


def _report_years(analysis: str, mentions: list[Mention], awarded: frozenset[int] = frozenset()) -> None:
    """A title named without its year takes the one year the report gives that title elsewhere
    ("2024年…全国五一劳动奖…表彰名单" above a list of 全国五一劳动奖章 holders); two years: none."""
    cache: dict[str, int | None] = {}
    for m in mentions:
        for t in m.titles:
            if t.year is not None or t.collective:
                continue
            if t.title not in cache:
                cache[t.title] = year_said_elsewhere(analysis, t.title)
            t.year = cache[t.title]
            if t.year is None and "五一劳动奖" in t.title and not _held_before(m.sentence.text, t):
                t.year = _celebration_year(analysis)
            # 2025年…表彰大会在长沙召开。…甲荣获“湖南省劳动模范”称号 / 8人将被授予“全国劳动模范”
            # 荣誉称号，他们分别是：… (the heading's title, given by its sentence's award verb)
            given = m.award_verbs or id(t) in awarded
            if t.year is None and given and not _held_before(m.sentence.text, t):
                t.year = _ceremony_year(analysis)


def year_said_elsewhere(analysis: str, title: str) -> int | None:
    """The one year the report gives `title` anywhere ("2024年…全国五一劳动奖…表彰名单"); two
    years, or none: None."""
    years: set[int] = set()
    bare = re.sub(r"[“”\"「」]", "", title)
    # 全省劳动模范 is 2015年省劳动模范; 全国劳动模范 is 2020年全国劳模 (and the other way)
    short, long = bare.replace("劳动模范", "劳模"), bare.replace("劳模", "劳动模范")
    # 西安市五一奖章 is 2022年西安市五一劳动奖状、奖章
    medal = bare.replace("五一奖章", "五一劳动奖章")
    for written in {bare, bare.removeprefix("全"), short, long, medal}:
        stem = written[: max(4, len(written) - 1)] if len(written) > 4 else written
        years.update(int(y) for y in re.findall(_REPORT_YEAR + re.escape(stem), analysis))
    place = _PLACE_FIRST.match(long)
    if place is not None:  # right after the year only: 2020年全国劳动模范 is not 某县劳动模范's
        pattern = r"((?:19|20)\d{2})年度?" + re.escape(long[place.end() :])
        years.update(int(y) for y in re.findall(pattern, analysis))
    paired = _PAIRED_SECOND.match(bare)
    if paired:
        # 2020年全国劳动模范和先进工作者表彰大会: the year of 全国先进工作者 too
        pair = re.escape(paired.group(1)) + r"(?:劳动模范|劳模)[和、]" + re.escape(paired.group(2))
        years.update(int(y) for y in re.findall(_REPORT_YEAR + pair, analysis))
    return years.pop() if len(years) == 1 else None


# "召开2023年庆祝“五一”国际劳动节暨表彰大会": the year of the May Day celebration a report is about
_CELEBRATION = re.compile(r"((?:19|20)\d{2})年[\u4e00-\u9fff]{0,8}庆祝[“\"]?五一")


@lru_cache(maxsize=2)  # read once per report, not once per title without a year
def _celebration_year(analysis: str) -> int | None:
    """The one year of a May Day celebration the report names: the year of the medals it awards."""
    years = {int(y) for y in _CELEBRATION.findall(analysis)}
    return years.pop() if len(years) == 1 else None


# the event a report is about that gives honours: a meeting, a ceremony, a publication, a decision
# (表彰劳动模范和先进工作者大会 / 关于追授王某等7名同志…的决定 / 将表彰一批全国劳动模范)
_CEREMONY_WORDS = (
    r"(?:表彰(?:大会|会|仪式)|颁奖(?:典礼|仪式|大会)|发布(?:仪式|会)|命名(?:大会|仪式)"
    r"|决定[，,]?(?:授予|表彰|命名)|表彰[\u4e00-\u9fff、]{2,16}?大会|关于(?:表彰|授予|追授|命名)[^。]{2,40}?的决定"
    r"|将(?:被)?(?:表彰|授予)|揭晓)"  # 2021年度…活动中，揭晓了第四届“省会十大工匠”
)
_CEREMONY = re.compile(r"((?:19|20)\d{2})年[^。；;！？]{0,40}?" + _CEREMONY_WORDS)
_CEREMONY_WITHOUT_YEAR = re.compile(_CEREMONY_WORDS)
_YEAR_OF_DATE = r"((?:19|20)\d{2})"
_MONTH_AND_DAY = r"年[01]?\d月[0-3]?\d日"  # 2022年12月26日
_DATELINE = re.compile(rf"{_YEAR_OF_DATE}(?:-[01]?\d-[0-3]?\d|{_MONTH_AND_DAY})")
_DATED_SENTENCE = re.compile(rf"\s*{_YEAR_OF_DATE}{_MONTH_AND_DAY}")


@lru_cache(maxsize=2)
def _ceremony_year(analysis: str) -> int | None:
    """The one year of the award meeting a report is about (2025年…表彰大会), or, when the report
    gives the meeting or decision no year (9月10日，…表彰大会 / 省总工会决定，授予…), the year of
    its dateline (2022-04-27 15:13 / 发布时间:2023-11-28)."""
    years = {int(y) for y in _CEREMONY.findall(analysis)}
    if len(years) == 1:
        return years.pop()
    if years or not _CEREMONY_WITHOUT_YEAR.search(analysis):
        return None
    dated = {int(y) for y in _DATELINE.findall(analysis[:300])}
    return dated.pop() if len(dated) == 1 else None


def _held_before(s: str, t: TitleMatch) -> bool:
    """曾获…奖章 / 奖章获得者: a medal held from before, not one this celebration gives."""
    before = s[max(0, t.outer_start - 12) : t.outer_start]
    return "曾" in before or "获得者" in s[t.outer_end : t.outer_end + 4]
