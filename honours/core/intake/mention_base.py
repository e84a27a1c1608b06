"""The record every mention reader builds (:class:`Mention`) and the patterns several reader
families share.

The lowest of the mention_* modules: mention_titles.py, mention_lists.py, mention_edges.py and
mention_clauses.py import from here, and mentions.py imports them all, so what they share cannot live in
mentions.py (``Mention`` is still imported from there, as the rest of the package always has).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..names import bracket_facts
from ..records import Donation
from . import lexicon as lx
from .names import index_by_first_char
from .text import Sentence
from .titles import TitleMatch


@dataclass
class Mention:
    """One naming of a person (or a collective) in one sentence."""

    sentence: Sentence
    name: str
    start: int  # name span in the sentence (start == end for a carried subject)
    end: int
    anchor: str  # title, award, heading, position, comrade, list, clause, carried, collective
    titles: list[TitleMatch] = field(default_factory=list)
    unit: str = ""
    position: str = ""
    unit_span: tuple[int, int] | None = None
    position_span: tuple[int, int] | None = None
    roles: list[str] = field(default_factory=list)
    group: int | None = None
    official: bool = False
    official_word: str = ""
    donations: list[Donation] = field(default_factory=list)
    donation_spans: list[tuple[int, int]] = field(default_factory=list)
    shared_donation: str = ""
    deeds: list[str] = field(default_factory=list)
    deceased_word: str = ""
    age: str = ""
    gender: str = ""
    gender_evidence: str = ""
    ethnicity: str = ""  # from a bracket after the name: 唐纯玉（瑶族）
    award_verbs: list[str] = field(default_factory=list)
    award_spans: list[tuple[int, int]] = field(default_factory=list)
    awarded_by: str = ""
    status_span: tuple[int, int] | None = None
    collective: bool = False
    pronoun: str = ""
    name_score: int = 3  # how clearly the name's end is marked (names.NameHit.score)
    visited: bool = False  # named as the one whose home is visited (来到某农场退休职工杨某的家里)
    # the body the visitors came to (在某公司，…慰问了劳模某): the unit only when no mention names one
    visited_body: str = ""
    shape: str = ""  # "list_before_title" (A、B等3名省级劳模…), "bracket" (张三（全国劳模、…）)

    @property
    def credited(self) -> bool:
        return bool(self.titles or self.donations)

    def take_award(self, other: Mention) -> None:
        """授予他…称号: the award a pronoun stands for is this person's."""
        self.titles.extend(other.titles)
        self.award_verbs.extend(other.award_verbs)
        self.award_spans.extend(other.award_spans)
        self.awarded_by = self.awarded_by or other.awarded_by

    def read_bracket(self, inner: str) -> str:
        """唐纯玉（瑶族、女）: the people the bracket after the name names; its gender, if any."""
        gender, people, _others = bracket_facts(inner)
        self.ethnicity = self.ethnicity or people
        return gender


_NUMBER_OF_PEOPLE = (
    r"(?:[0-9一二三四五六七八九十百两]+余|[0-9一二三四五六七八九十百两几多]+(?: ?多)?)"  # (20 多位: a space as stored)
    r"(?:名|位|个|人)"  # 20余名: about twenty
)


_YEAR_LEAD = re.compile(r"(?:19|20)\d{2}年度?")


_HOLDER_WORDS = re.compile(
    r"(?:(?:[0-9]+岁|[0-9]+周岁)?(?:以上的?)?(?:高龄|年迈|老|离退休|退休|困难|生活困难|因病致困|一线|在职|企业|农民|女|年轻))+$"
)


_SUBJECT_FOLLOWERS = index_by_first_char(
    [w for w in lx.NAME_FOLLOWERS if len(w) >= 2]
    + list(lx.OFFICIAL_VERBS)
    + list(lx.DONATION_VERBS)
    + list(lx.AWARD_VERBS)
)
