"""Who is probably the same person: possible duplicates among sheet rows and in the roll.

Two records are a possible duplicate when they have the same name (compared without spaces,
full-width forms folded) and one of:
- the same unit, or units alike when compared loosely: one contains the other (衡阳市中心医院 /
  衡阳市中心医院院长), they are equal once a position or a company-form suffix (有限公司, 集团)
  is taken off the end, or one record runs unit and position together where the other
  gives them apart (“衡阳市中心医院院长” / “衡阳市中心医院” + “院长”);
- the same date of birth (at least year and month);
- the same ID number (身份证号), as the record's own field or written in its notes.
Two records with the same ID number (the field) are a duplicate whatever their names: a
number is one person's (issue 15), so a name mistyped in one of them does not hide it.
Every match carries its reasons in English and Chinese, so that a person can judge it.

`find_duplicates` looks for such pairs in the whole roll (档案合并): people are grouped by
name first, so only namesakes are compared and 100,000 honourees take well under a second.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .i18n import Joined, Text
from .id_numbers import mask
from .record_merge import loose_text

if TYPE_CHECKING:
    from .merge_verbs import MatchFields
    from .registry import Registry

Reason = Text  # why two records look alike (a catalogued message)

_NAME_SPACE = re.compile(r"[\s\u3000]+")
_NAME_DOT = re.compile(r"[•・‧．.]")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
# Company forms that one sheet writes and another leaves off; longest first.
LEGAL_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "集团股份有限公司",
    "有限公司",
    "集团公司",
    "总公司",
    "集团",
    "公司",
)
CONTAINED_MIN = 4  # characters: a shorter unit (医院, 总工会) inside another says nothing
# A three-character unit that is a name of its own (湘油泵 in 湖南湘油泵股份有限公司) says as much,
# unless it ends as an institution's kind does (卫生院, 统计局, 总工会, 水泥厂 name no one unit).
_INSTITUTION_ENDINGS = tuple("院会局厂校所站队部处办委司行社矿场馆店园台网报")
_ID_NUMBER = re.compile(
    r"(?<![0-9])([1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])[0-9]{5}[0-9Xx])(?![0-9Xx])"
)


_NAME_ODD = re.compile(r"[\s\u3000•・‧．.A-Z]")


def name_key(name: str) -> str:
    """A name as compared: full-width forms folded, spaces dropped (“张  三” is 张三), one kind of
    middle dot (阿依古丽·买买提), lower case."""
    if unicodedata.is_normalized("NFKC", name) and _NAME_ODD.search(name) is None:
        return name  # the usual name: nothing to fold
    text = unicodedata.normalize("NFKC", name or "")
    return _NAME_DOT.sub("·", _NAME_SPACE.sub("", text)).lower()


@lru_cache(maxsize=1)
def _posts() -> tuple[frozenset[str], tuple[int, ...]]:
    """The intake's list of posts (院长, 副总经理 …) and their lengths, longest first (read on first use)."""
    from .intake.lexicon import POSITIONS  # the one list of posts

    words = frozenset(loose_text(w) for w in POSITIONS)
    return words, tuple(sorted({len(w) for w in words}, reverse=True))


def strip_post(text: str) -> str:
    """Loose unit text without the posts at its end (…医院院长, …公司副总经理兼党委书记)."""
    words, lengths = _posts()
    while True:
        for size in lengths:
            if len(text) > size + 1 and text[-size:] in words:
                text = text[:-size].removesuffix("兼")
                break
        else:
            return text


def unit_core(unit: str) -> str:
    """A unit without what sheets add or leave off: bracketed notes, a trailing post, a company form."""
    text = strip_post(loose_text(_BRACKETED.sub("", unicodedata.normalize("NFKC", unit or ""))))
    for suffix in LEGAL_SUFFIXES:
        if text.endswith(suffix) and len(text) - len(suffix) >= 2:
            return text[: -len(suffix)]
    return text


class Person:
    """What matching reads of a record or sheet row; `ref` is its id (roll) or sheet row number.
    The loose forms of its unit (`plain`, `core`, unit and position `joined`) and the ID numbers
    in its notes are worked out by `ready()`, when it is first compared: most people have no namesake."""

    __slots__ = (
        "birth_date",
        "core",
        "id_number",
        "ids",
        "joined",
        "key",
        "name",
        "notes",
        "plain",
        "position",
        "ref",
        "unit",
    )

    def __init__(
        self,
        ref: int,
        name: str,
        unit: str = "",
        position: str = "",
        birth_date: str = "",
        notes: str = "",
        id_number: str = "",
    ) -> None:
        self.ref, self.name, self.unit, self.position = ref, name, unit or "", position or ""
        self.birth_date, self.notes = (birth_date or "").strip(), notes or ""
        self.id_number = id_number or ""
        self.key = name_key(name)
        self.plain: str | None = None
        self.core = self.joined = ""
        self.ids: frozenset[str] = frozenset()

    @classmethod
    def of(cls, fields: MatchFields) -> Person:
        return cls(
            fields.id,
            fields.name,
            fields.unit,
            fields.position,
            fields.birth_date,
            fields.notes,
            fields.id_number,
        )

    def ready(self) -> Person:
        if self.plain is None:
            plain = loose_text(self.unit)
            self.core = unit_core(self.unit) if plain else ""
            self.joined = loose_text(self.unit + self.position)
            if self.notes:
                self.ids = frozenset(m.upper() for m in _ID_NUMBER.findall(self.notes))
            if self.id_number:
                self.ids = self.ids | {self.id_number}
            self.plain = plain
        return self


def same_id_number(a: Person, b: Person) -> bool:
    """Both records hold the same ID number in their own field: one person, whatever the names."""
    return bool(a.id_number) and a.id_number == b.id_number


def alike(a: Person, b: Person) -> bool:
    """Whether `resemblance` finds a reason, answered quickly (most namesakes are not alike);
    both must be `ready()`."""
    if same_id_number(a, b):
        return True
    ap, bp = a.plain or "", b.plain or ""
    if ap == bp or (
        ap
        and bp
        and (a.joined == b.joined or ap == b.joined or bp == a.joined or (a.core and a.core == b.core))
    ):
        return True
    if len(a.birth_date) >= 7 and a.birth_date == b.birth_date:
        return True
    if a.ids and b.ids and a.ids & b.ids:
        return True
    if not ap or not bp:
        return False
    return _contained(a, b) is not None


def _contained(a: Person, b: Person) -> tuple[Person, Person] | None:
    """(shorter, longer) when one unit lies inside the other, as written or without post and company form."""
    for inner, outer in ((a, b), (b, a)):
        if (_telling(inner.plain or "") and (inner.plain or "") in (outer.plain or "")) or (
            _telling(inner.core) and inner.core in outer.core
        ):
            return inner, outer
    return None


def _telling(unit: str) -> bool:
    """Whether a unit is long or particular enough to say something when found inside another."""
    return len(unit) >= CONTAINED_MIN or (
        len(unit) == CONTAINED_MIN - 1 and not unit.endswith(_INSTITUTION_ENDINGS)
    )


def resemblance(a: Person, b: Person) -> list[Reason]:
    """Why two people with the same name key are probably one (empty: nothing says so)."""
    if a.plain is None:
        a.ready()
    if b.plain is None:
        b.ready()
    reasons: list[Reason] = []
    if a.key != b.key:  # only the ID number brought them together
        masked = mask(a.id_number)
        return [
            Text(
                "same ID number ({number}) though the names differ ({first} / {second})",
                number=masked,
                first=a.name,
                second=b.name,
            )
        ]
    unit = _unit_reason(a, b)
    if unit:
        reasons.append(unit)
    born = a.birth_date
    if len(born) >= 7 and born == b.birth_date:
        reasons.append(Text("same name and date of birth ({born})", born=born))
    if a.ids and b.ids and a.ids & b.ids:
        number = mask(min(a.ids & b.ids))  # personal data: masked wherever it is shown
        reasons.append(Text("same name and ID number ({number})", number=number))
    return reasons


def _unit_reason(a: Person, b: Person) -> Reason | None:
    ap, bp = a.plain, b.plain
    assert ap is not None and bp is not None
    if ap == bp:
        if not ap:
            return Text("same name, and neither gives a unit")
        return Text("same name and unit")
    if not ap or not bp:
        return None
    if a.joined == b.joined or ap == b.joined or bp == a.joined:
        first, second = _written(a), _written(b)
        return Text(
            "same name; unit and position are the same written together (“{first}” / “{second}”)",
            first=first,
            second=second,
        )
    if a.core and a.core == b.core:
        return Text(
            "same name; the units “{first}” and “{second}” are the same without the post or company form",
            first=a.unit,
            second=b.unit,
        )
    contained = _contained(a, b)
    if contained is not None:
        short, long = contained
        if short.plain and short.plain in (long.plain or ""):
            return Text("same name; the unit “{long}” contains “{short}”", long=long.unit, short=short.unit)
        return Text(
            "same name; the units “{long}” and “{short}” are alike without post or company form",
            long=long.unit,
            short=short.unit,
        )
    return None


def _written(p: Person) -> str:
    return f"{p.unit} + {p.position}" if p.position.strip() else p.unit


def _score(reasons: list[Reason]) -> int:
    """How strongly reasons say 'the same person' (to pick the best of several candidates)."""
    strong = ("same name and unit", "same name and ID", "same name; unit and position")
    return sum(3 if r.msgid.startswith(strong) else 1 for r in reasons)


def best_match(
    person: Person, candidates: Iterable[Person]
) -> tuple[Person, list[Reason], list[Person]] | None:
    """The candidate that most resembles `person` (same name key), its reasons, and the other
    candidates that resemble it too; None when none does."""
    person.ready()
    found = [
        (c, resemblance(person, c))
        for c in candidates
        if (c.key == person.key or same_id_number(person, c)) and alike(person, c.ready())
    ]
    if not found:
        return None
    found.sort(key=lambda pair: (-_score(pair[1]), pair[0].ref))
    best, reasons = found[0]
    return best, reasons, [c for c, _ in found[1:]]


@dataclass
class DuplicatePair:
    """Two records of the roll that are probably one person, lower id first."""

    first: Person
    second: Person
    reasons: list[Reason]

    def reason(self, lang: str) -> str:
        return Joined(self.reasons, "items").render(lang)


def find_duplicates(
    registry: Registry, progress: Callable[[int, int], None] | None = None
) -> list[DuplicatePair]:
    """Pairs of live records that are probably one person, in name order then id.

    Grouped by name key first, so only namesakes are compared (a roll of 100,000 has a few
    thousand groups of two or more)."""
    groups: dict[str, list[Person]] = defaultdict(list)
    by_number: dict[str, list[Person]] = defaultdict(list)
    for fields in registry.match_fields():
        person = Person.of(fields)
        groups[person.key].append(person)
        if person.id_number:
            by_number[person.id_number].append(person)
    shared = [group for group in groups.values() if len(group) > 1]
    pairs: list[DuplicatePair] = []
    # the same ID number under different names (namesakes are compared below)
    for holders in by_number.values():
        holders.sort(key=lambda p: p.ref)
        for i, first in enumerate(holders):
            for second in holders[i + 1 :]:
                if first.key != second.key:
                    pairs.append(DuplicatePair(first.ready(), second.ready(), resemblance(first, second)))
    for done, group in enumerate(shared, 1):
        group.sort(key=lambda p: p.ref)
        for i, first in enumerate(group):
            first.ready()
            for second in group[i + 1 :]:
                if alike(first, second.ready()):
                    pairs.append(DuplicatePair(first, second, resemblance(first, second)))
        if progress and done % 500 == 0:
            progress(done, len(shared))
    if progress:
        progress(len(shared), len(shared))
    pairs.sort(key=lambda p: (p.first.key, p.first.ref, p.second.ref))
    return pairs


__all__ = [
    "DuplicatePair",
    "Person",
    "Reason",
    "best_match",
    "find_duplicates",
    "name_key",
    "resemblance",
    "unit_core",
]
