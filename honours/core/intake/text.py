"""Preparing a report for reading: one analysis copy aligned character by character with the original.

Why aligned: the parser reads a Simplified, half-width copy of the report, but staff must see
the sentence *as written* (Traditional script stays Traditional) with the matched words
highlighted. Keeping the analysis copy the same length as the original lets every span found
in one be used in the other unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

SENTENCE_ENDS = set("。！？!?；;")
CLAUSE_BREAKS = set("，,：:")
OPEN_QUOTES = {"“": "”", "「": "」", "『": "』", "‘": "’", "《": "》"}
CLOSE_QUOTES = {v: k for k, v in OPEN_QUOTES.items()}
OPEN_BRACKETS = {"（": "）", "(": ")", "【": "】", "[": "]"}
_QUOTE_REACH = 160  # an opening quote with no close this near is a typo, not a quotation
_TRIM = " \t\r\n\u3000■●◆◇★☆▲△▼※·•-—_=*#>|│┃▌▍"


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Simplified-script copy of `text`, the same length as `text`.

    OpenCC converts phrases, which can in rare cases change the length; then the text is
    converted line by line, and a line that still changes length character by character.
    """
    converter = _t2s()
    whole = converter.convert(text)
    if len(whole) == len(text):
        return whole
    lines = text.split("\n")
    out = []
    for line in lines:
        converted = converter.convert(line)
        if len(converted) != len(line):
            converted = "".join(_char_t2s(ch) for ch in line)
        out.append(converted)
    return "\n".join(out)


def _char_t2s(ch: str) -> str:
    converted = _t2s().convert(ch)
    return converted if len(converted) == 1 else ch


# Variant forms OpenCC leaves alone but the dictionaries spell otherwise (陜西 is 陕西).
_VARIANTS = {"陜": "陕", "陝": "陕"}


def normalise(text: str) -> str:
    """Full-width letters and digits to ASCII, odd spaces to a plain space; length is kept."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
            out.append(chr(code - 0xFEE0))
        elif ch in "\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\t":
            out.append(" ")
        elif ch == "\r":
            out.append("\n")
        elif ch in "\u2014\u2015":  # em dash, horizontal bar
            out.append("—")
        elif ch == "\uff0e":
            out.append(".")
        elif ch in _VARIANTS:
            out.append(_VARIANTS[ch])
        elif ch == "％":
            out.append("%")
        elif ch in "\ufe54\ufe55\ufe50\ufe51":  # small semicolon, colon, commas (Traditional pages)
            out.append({"\ufe54": "；", "\ufe55": "：", "\ufe50": "，", "\ufe51": "、"}[ch])
        else:
            out.append(ch)
    return "".join(out)


def is_traditional(original: str, simplified: str) -> bool:
    """True when converting changed a noticeable share of the Han characters."""
    han = sum(1 for ch in original if "\u4e00" <= ch <= "\u9fff")
    changed = sum(1 for a, b in zip(original, simplified, strict=False) if a != b)
    return han > 0 and changed >= max(3, han // 50)


@dataclass
class Clause:
    start: int  # offsets inside the sentence
    end: int
    text: str


@dataclass
class Sentence:
    """One sentence: where it is in the report, as written, and its analysis copy."""

    index: int
    paragraph: int
    start: int  # offsets in the whole report
    end: int
    original: str
    text: str  # simplified, normalised; same length as `original`
    clauses: list[Clause] = field(default_factory=list)
    headline: bool = False  # a short line with no full stop: a headline or a photo caption

    def clause_at(self, position: int) -> int:
        for number, clause in enumerate(self.clauses):
            if clause.start <= position < clause.end:
                return number
        return max(0, len(self.clauses) - 1)


def _quote_spans(text: str, start: int, end: int) -> set[int]:
    """Positions inside a balanced quotation within one line (sentence ends there do not split)."""
    inside: set[int] = set()
    i = start
    while i < end:
        ch = text[i]
        close = OPEN_QUOTES.get(ch)
        if close is not None and ch != "《":
            stop = text.find(close, i + 1, min(end, i + _QUOTE_REACH))
            newline = text.find("\n", i + 1, stop if stop >= 0 else end)
            if stop >= 0 and newline < 0:
                inside.update(range(i + 1, stop))
                i = stop + 1
                continue
        i += 1
    return inside


def split_sentences(original: str, analysis: str) -> list[Sentence]:
    """Sentences at 。！？；… and line ends, and at —— dashes that join a heading to its sentence.

    A sentence end inside a quotation does not split (“……。”), except that the quotation then
    ends the sentence when the closing quote is followed by nothing that continues it.
    """
    sentences: list[Sentence] = []
    paragraph = 0
    line_start = 0
    for line in analysis.split("\n"):
        line_end = line_start + len(line)
        if line.strip():
            _split_line(sentences, original, analysis, line_start, line_end, paragraph)
            paragraph += 1
        line_start = line_end + 1
    return sentences


def _split_line(
    out: list[Sentence], original: str, analysis: str, line_start: int, line_end: int, paragraph: int
) -> None:
    first = len(out)
    _split_line_sentences(out, original, analysis, line_start, line_end, paragraph)
    line = analysis[line_start:line_end].strip(_TRIM)
    if len(line) <= 40 and not any(ch in SENTENCE_ENDS for ch in line):
        for sentence in out[first:]:
            sentence.headline = True


def _split_line_sentences(
    out: list[Sentence], original: str, analysis: str, line_start: int, line_end: int, paragraph: int
) -> None:
    quoted = _quote_spans(analysis, line_start, line_end)
    cut = line_start
    i = line_start
    while i < line_end:
        ch = analysis[i]
        boundary = None
        if i in quoted:
            pass
        elif ch in SENTENCE_ENDS:
            boundary = i + 1
            while boundary < line_end and analysis[boundary] in _END_RUN:
                boundary += 1
        elif ch == "…":
            boundary = i + 1
            while boundary < line_end and analysis[boundary] in _END_RUN | {"…", "."}:
                boundary += 1
        elif (
            ch == "—"
            and i + 1 < line_end
            and analysis[i + 1] == "—"
            and not _HOLDER_END.search(analysis, cut, i)
        ):
            boundary = i + 2
            while boundary < line_end and analysis[boundary] == "—":
                boundary += 1
        if boundary is not None:
            _add_sentence(out, original, analysis, cut, boundary, paragraph)
            cut = i = boundary
            continue
        i += 1
    _add_sentence(out, original, analysis, cut, line_end, paragraph)


_END_RUN = SENTENCE_ENDS | set("”」』’")
# “全国五一劳动奖章”获得者——某公司董事长某某: a caption's dash after the holder word leads to the
# holder, in the same sentence
_HOLDER_END = re.compile(r"(?:获得者|得主|获奖者)$")


def _add_sentence(
    out: list[Sentence], original: str, analysis: str, start: int, end: int, paragraph: int
) -> None:
    while start < end and analysis[start] in _TRIM:
        start += 1
    while end > start and (
        analysis[end - 1] in _TRIM or analysis[end - 1] in SENTENCE_ENDS or analysis[end - 1] in "…"
    ):
        end -= 1
    if end - start < 2:
        return
    text = analysis[start:end]
    sentence = Sentence(len(out), paragraph, start, end, original[start:end], text)
    sentence.clauses = split_clauses(text)
    out.append(sentence)


def split_clauses(text: str) -> list[Clause]:
    """Clauses at ，：（outside quotations and brackets); 、 enumerations stay together."""
    clauses: list[Clause] = []
    depth_quote = 0
    depth_bracket = 0
    quoted = _quote_spans(text, 0, len(text))
    start = 0
    for i, ch in enumerate(text):
        if ch in OPEN_BRACKETS:
            depth_bracket += 1
        elif ch in OPEN_BRACKETS.values() and depth_bracket:
            depth_bracket -= 1
        if ch in CLAUSE_BREAKS and i not in quoted and depth_bracket == 0 and depth_quote == 0:
            if ch in ",，" and _is_thousands_comma(text, i):
                continue
            clauses.append(Clause(start, i, text[start:i]))
            start = i + 1
    clauses.append(Clause(start, len(text), text[start:]))
    return [c for c in clauses if c.end > c.start] or [Clause(0, len(text), text)]


def _is_thousands_comma(text: str, i: int) -> bool:
    return (
        i > 0
        and text[i - 1].isdigit()
        and i + 3 < len(text) + 1
        and text[i + 1 : i + 4].isdigit()
        and len(text[i + 1 : i + 4]) == 3
        and (i + 4 >= len(text) or not text[i + 4].isdigit())
    )


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# 設(shè)備 / 李關(guān)平: mirror sites gloss characters with their pinyin in brackets
_PINYIN_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[（(](?=[a-z{_TONED}]*[{_TONED}])[a-z{_TONED}]{{1,7}}[)）]")


# 五一勞動獎(jiǎng)?wù)芦@得者: the same mirrors break the 章 of a medal (and the character after it)
# into "?wù)" and a byte or two of noise: 芦@ is 獲, 聵s is 榮, 隆(鲍)@ a quote and 獲; other noise dropped
_BROKEN_MEDAL = re.compile(
    r"(?<=[劳勞][动動][奖獎]|五一[奖獎]|求恩[奖獎])\?wù\)(芦@|聵s|隆鲍@|隆@|[隆拢潞虏?])?"
)


def _mended_medal(match: re.Match) -> str:
    return "章" + {"芦@": "獲", "聵s": "榮", "隆鲍@": "”獲", "隆@": "’獲"}.get(match.group(1) or "", "")


def without_pinyin_glosses(text: str) -> str:
    """The report without the bracketed pinyin some mirror sites put after characters, and with
    the medal's 章 they garble mended (勞動獎(jiǎng)?wù)芦@得者 → 勞動獎章獲得者)."""
    return _BROKEN_MEDAL.sub(_mended_medal, _PINYIN_GLOSS.sub("", text))


def prepare(original: str) -> tuple[str, bool]:
    """(analysis copy, written in Traditional script?) for a whole report."""
    normalised = normalise(original)
    simplified = to_simplified(normalised)
    joined = _LIST_AFTER_COLON.sub(_joined, _CONTINUED_LINE.sub(_joined, simplified))
    joined = _VERB_ON_NEXT_LINE.sub(_joined, joined)
    return joined, is_traditional(normalised, simplified)


# 获得者分别为：某集团项目部姜某、⏎某公司吴某、⏎…: a line that ends in a list mark or a comma goes on
# in the next line (the break is the page's layout, not the sentence's end)
_CONTINUED_LINE = re.compile(r"(?<=[、，,])[ ]*\n")
# 获得者分别为：⏎甲公司某、乙公司某…: a colon that ends a line, and a list of several on the next
_LIST_AFTER_COLON = re.compile(r"(?<=[：:])[ ]*\n(?=[^\n：:]{4,}、[^\n]*[^\n、，,。；;]{2})")


# 某公司总经理李某⏎被授予“某市劳动模范”荣誉称号: a heading set over two lines, the award verb
# opening the second (a line that ends in a character, no punctuation, goes on; not into a line
# that heads a list: 获得…的是：)
_VERB_ON_NEXT_LINE = re.compile(
    r"(?<=[\u4e00-\u9fff])[ ]*\n(?=(?:被授予|被评为|被命名为|荣获|获评|获得|当选为?|喜获)[^\n]+[^\n：:](?:\n|$))"
)


def _joined(match: re.Match) -> str:
    return " " * len(match.group(0))  # the same length: offsets into the report stay right
