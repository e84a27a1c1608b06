"""Names as published rolls print them, and the name the registry keeps.

A name cell in a real roll is often more than a name:

- gender or ethnicity in brackets after it: ``马红秋(女)``, ``唐纯玉（瑶族）``, ``李梅（女，回族）``;
- a two-character name padded to the width of three: ``贺 彪``, ``苏　华`` (U+3000), so that
  ``贺彪`` does not find it;
- the middle dot of a transliterated name typed as whatever looked like one: ``沙吾尔•芒力克``
  (U+2022), ``・`` (U+30FB), ``･``, ``‧``, ``∙``, ``⋅``, ``．``, ``.``;
- a remark in brackets: ``张三（已故）``, ``李四（曾用名李思）``.

`normalise_name` reads all of this once, for every way a name comes in (sheet import, the
command line's JSON, the edit dialog, report intake): the name to keep, the gender and
ethnicity the brackets say, and the other remarks. `tidy_name` applies it to a record:
gender and ethnicity fill empty fields only (a value given explicitly wins, and a
disagreement is noted), remarks go to the notes, and each change is described in English
and Chinese so that the person importing or typing can see what was done.

Latin names keep their spaces (``John Smith``); only spaces between Chinese characters go.
A collective's name keeps a bracket that is not gender or ethnicity (``衡阳市中心医院（急诊科）``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .i18n import Foreign, Joined, Message, Said, Text
from .records import Honouree
from .vocabulary import GENDERS

# Chinese characters: the unified ideographs, extension A, compatibility ideographs,
# 〇, and the supplementary planes' extensions (rare names are written with them).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007\U00020000-\U0003134f"
MIDDLE_DOT = "\u00b7"
# What rolls print between the parts of a transliterated name instead of the middle dot.
DOT_LIKE = "\u00b7\u0387\u2022\u2027\u2219\u22c5\u30fb\uff65\uff0e\u2e31\ufe52\u2024\u16eb\u2981\u25e6\u2218."
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"

_OPEN, _CLOSE = "(（[【〔［〖", ")）]】〕］〗"
_TRAILING_GROUP = re.compile(
    rf"^(.*?)[\s{_INVISIBLE}]*[{re.escape(_OPEN)}]([^{re.escape(_OPEN + _CLOSE)}]*)"
    rf"[{re.escape(_CLOSE)}][\s{_INVISIBLE}]*$",
    re.DOTALL,
)
_PART_SPLIT = re.compile(r"[，,、;；/／|｜\s]+")
_SPACES = re.compile(rf"[\s{_INVISIBLE}]+")
_DOT_BETWEEN = re.compile(rf"(?<=[{HAN}]) ?[{re.escape(DOT_LIKE)}]+ ?(?=[{HAN}])")
_SPACE_BETWEEN = re.compile(rf"(?<=[{HAN}{MIDDLE_DOT}]) (?=[{HAN}{MIDDLE_DOT}])")
_END_DOTS = "".join(ch for ch in DOT_LIKE if ch != ".")
_PLAIN = re.compile(rf"[{HAN}]{{1,12}}")  # the usual name: nothing to do
_FULLWIDTH_ALNUM = {
    code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
}

# China's 56 ethnic groups, as the roll writes them (with 族).
ETHNIC_GROUPS: tuple[str, ...] = (
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
)
# How a bracket may name one: with or without 族, and the everyday short forms.
ETHNICITY_WORDS: dict[str, str] = {
    **{group: group for group in ETHNIC_GROUPS},
    **{group.removesuffix("族"): group for group in ETHNIC_GROUPS},
    "维族": "维吾尔族",
    "蒙族": "蒙古族",
    "哈族": "哈萨克族",
    "柯族": "柯尔克孜族",
    "土家": "土家族",
    "維吾爾族": "维吾尔族",
    "維吾爾": "维吾尔族",
    "彝": "彝族",
    "滿族": "满族",
    "傈僳": "傈僳族",
}
# A name the brackets may be taken off for remarks: a person's, not a collective's.
_PERSON_NAME = re.compile(
    rf"[{HAN}]{{2,5}}|[{HAN}]{{2,12}}(?:{MIDDLE_DOT}[{HAN}]{{1,12}})+|[A-Za-z][A-Za-z .'\-]{{0,60}}"
)


@dataclass(frozen=True)
class Note(Said):
    """One thing done to what was entered (the core has no Qt: a catalogued message)."""

    message: Message

    def __init__(self, message: Message | str, zh: str | None = None) -> None:
        self._say(message, zh)


@dataclass(frozen=True)
class NameNormalisation:
    """What a name as written says: the name to keep, gender, ethnicity and other remarks."""

    original: str
    name: str
    gender: str = ""  # 男 / 女 from a bracket, else ""
    ethnicity: str = ""  # one of ETHNIC_GROUPS from a bracket, else ""
    remarks: tuple[str, ...] = ()  # other bracket contents (已故, 曾用名…), as written
    changes: tuple[Note, ...] = field(default=(), compare=False)  # what was read and changed

    @property
    def changed(self) -> bool:
        return self.name != self.original or bool(self.gender or self.ethnicity or self.remarks)


def normalise_name(text: str) -> NameNormalisation:
    """Read a name as written (see the module docstring); never raises."""
    text = "" if text is None else str(text)
    if _PLAIN.fullmatch(text):
        return NameNormalisation(text, text)
    work = text.translate(_FULLWIDTH_ALNUM)
    work, gender, ethnicity, remarks = _peel_brackets(work)
    work = tidy_spacing(work)
    if not work:  # nothing but brackets: keep what was written rather than store nothing
        work, gender, ethnicity, remarks = tidy_spacing(text), "", "", ()
    return NameNormalisation(
        text, work, gender, ethnicity, remarks, _changes(text, work, gender, ethnicity, remarks)
    )


def tidy_spacing(text: str) -> str:
    """Spaces and dots of a name as the registry keeps them: no space between Chinese
    characters, one middle dot (U+00B7) between the parts of a transliterated name, single
    spaces elsewhere (John Smith). Also the form the search index holds a stored name in."""
    text = _SPACES.sub(" ", text).strip()
    if not text:
        return text
    text = _DOT_BETWEEN.sub(MIDDLE_DOT, text)
    text = _SPACE_BETWEEN.sub("", text)
    return text.strip(_END_DOTS + " ")


def search_form(name: str) -> str:
    """The text a stored name is indexed by: its spacing tidied (`tidy_spacing`), so that a
    record stored as 贺 彪 before names were tidied is found by 贺彪 (and by hebiao)."""
    return name if _PLAIN.fullmatch(name) else tidy_spacing(name)


def _peel_brackets(text: str) -> tuple[str, str, str, tuple[str, ...]]:
    """Take gender, ethnicity and remarks off the end of a name: (name, gender, ethnicity, remarks).

    Brackets are read from the last back while the rest is still a name; what they say is
    then taken in reading order, so that of two genders the first written is kept (the
    other is a remark)."""
    groups: list[list[tuple[str, str]]] = []
    while True:
        found = _TRAILING_GROUP.match(text)
        if found is None:
            break
        base, parts = found.group(1), _parts(found.group(2))
        if not tidy_spacing(base):
            break
        if any(kind == "remark" for kind, _ in parts) and not _PERSON_NAME.fullmatch(tidy_spacing(base)):
            break  # 衡阳市中心医院（急诊科）: part of a collective's name
        groups.append(parts)
        text = base
    read = {"gender": "", "ethnicity": ""}
    remarks: list[str] = []
    for kind, value in (part for parts in reversed(groups) for part in parts):
        if kind in read and not read[kind]:
            read[kind] = value
        elif kind == "remark" or value != read[kind]:
            remarks.append(value)  # a remark, or a second and different gender or ethnicity
    return text, read["gender"], read["ethnicity"], tuple(remarks)


def bracket_facts(inside: str) -> tuple[str, str, tuple[str, ...]]:
    """What a bracket after a name says: (gender, ethnicity, other items), e.g. 女，回族 →
    ("女", "回族", ()); report intake reads the brackets a report puts after names with it."""
    read = {"gender": "", "ethnicity": ""}
    others: list[str] = []
    for kind, value in _parts(inside):
        if kind in read and not read[kind]:
            read[kind] = value
        else:
            others.append(value)
    return read["gender"], read["ethnicity"], tuple(others)


def _parts(inside: str) -> list[tuple[str, str]]:
    """The items of a bracket, each classified: ("gender", 女), ("ethnicity", 回族) or ("remark", text)."""
    out: list[tuple[str, str]] = []
    for part in _PART_SPLIT.split(inside.strip()):
        if not part:
            continue
        gender = GENDERS.lookup(part)
        if gender is not None:
            out.append(("gender", gender))
        elif part in ETHNICITY_WORDS:
            out.append(("ethnicity", ETHNICITY_WORDS[part]))
        elif len(part) >= 2 and part[-1] in "男女" and part[:-1] in ETHNICITY_WORDS:  # 回族女
            out += [("ethnicity", ETHNICITY_WORDS[part[:-1]]), ("gender", part[-1])]
        elif len(part) >= 2 and part[0] in "男女" and part[1:] in ETHNICITY_WORDS:  # 女回族
            out += [("gender", part[0]), ("ethnicity", ETHNICITY_WORDS[part[1:]])]
        else:
            out.append(("remark", part))
    return out


def _changes(
    original: str, name: str, gender: str, ethnicity: str, remarks: tuple[str, ...]
) -> tuple[Note, ...]:
    notes = [note for note in (_name_note(original, name),) if note]
    if gender:
        notes.append(_read_note(Text("Gender"), gender))
    if ethnicity:
        notes.append(_read_note(Text("Ethnicity"), ethnicity))
    if remarks:
        notes.append(_remark_note(remarks))
    return tuple(notes)


def _name_note(original: str, name: str) -> Note | None:
    written = original.strip()
    if name == written:
        return None
    if MIDDLE_DOT in name and any(ch in _OTHER_DOTS for ch in written):  # a change the eye can miss
        return Note(
            Text(
                "Name “{written}” changed to “{name}” (the dot is now the middle dot ·, U+00B7)",
                written=written,
                name=name,
            ),
        )
    return Note(Text("Name “{written}” changed to “{name}”", written=written, name=name))


_OTHER_DOTS = frozenset(DOT_LIKE) - {MIDDLE_DOT}


def _read_note(what: Message, value: str) -> Note:
    return Note(Text("{what} read from the name: {value}", what=what, value=value))


def _remark_note(remarks: tuple[str, ...]) -> Note:
    return Note(Text("“{shown}” after the name moved to the notes", shown=Joined(remarks, "list")))


# How a remark taken off a name is kept in the record's notes.
REMARK_PREFIX = "姓名括注："


def tidy_name(record: Honouree) -> list[Note]:
    """Normalise `record.name` in place; fill an empty gender or ethnicity from the name's
    brackets (a value already there wins, and the disagreement is noted); add other remarks
    to the notes. Returns what was done (empty when the name was already as kept)."""
    result = normalise_name(record.name)
    if not result.changed:
        return []
    record.name = result.name
    notes = [note for note in (_name_note(result.original, result.name),) if note]
    notes += _fill(record, "gender", result.gender, Text("Gender"))
    notes += _fill(record, "ethnicity", result.ethnicity, Text("Ethnicity"))
    if result.remarks:
        record.notes = "\n".join(p for p in (record.notes, REMARK_PREFIX + "、".join(result.remarks)) if p)
        notes.append(_remark_note(result.remarks))
    return notes


def _fill(record: Honouree, key: str, value: str, label: Message) -> list[Note]:
    if not value:
        return []
    current = getattr(record, key) or ""
    if not current:
        setattr(record, key, value)
        return [_read_note(label, value)]
    if current != value:
        field = Foreign(label.en.lower(), label)  # "the gender given" in English
        said = Text(
            "The name says {value}, but the {field} given is {current}; kept {current}",
            value=value,
            field=field,
            current=current,
        )
        return [Note(said)]
    return []


def notes_text(notes: list[Note], lang: str, separator: str | None = None) -> str:
    """Notes joined for one line of a preview or a message."""
    if separator is not None:
        return separator.join(n.text(lang) for n in notes)
    return Joined([n.message for n in notes], "items").render(lang)
