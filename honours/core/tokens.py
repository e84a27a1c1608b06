"""How text becomes search tokens: the indexed text, and the phrase a query searches for.

The FTS5 `ascii` tokenizer splits on spaces and keeps every non-ASCII character inside a
token, so the text is cut into tokens here, before it reaches the index:

* a run of Chinese (any non-ASCII text between punctuation or spaces) becomes its
  overlapping character pairs plus its last character: 劳动模范 → 劳动 动模 模范 范. A
  query of two or more characters is then a phrase of pairs (rare tokens, short
  posting lists) and one character is a prefix query (`"市" *`, served by the one-
  character prefix index). Every substring is found, and nothing across punctuation;
* ASCII letters and digits stay whole words.

Pinyin of names and units is tokenized in indexing.py (every prefix spelled out).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from operator import add

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
# Fullwidth ASCII and the ideographic space, mapped as NFKC maps them (cheap str.translate),
# so the full NFKC pass is only needed for the rare text that still is not normalised.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def normalise(text: str) -> str:
    """NFKC (fullwidth Latin and digits become ASCII) with control characters made spaces."""
    if not text:
        return ""
    if not text.isascii():
        text = text.translate(_FULLWIDTH)
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
    return _CONTROL.sub(" ", text)


def _class_ranges(first: int, last: int, member: Callable[[int], bool]) -> str:
    """The code points from `first` to `last` (inclusive) that are members, as the inside of
    a regular-expression character class (`\\u4e00-\\u9fff…`)."""
    ranges: list[str] = []
    start = None
    for code in range(first, last + 2):
        inside = code <= last and member(code)
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            ranges.append(f"\\u{start:04x}-\\u{code - 1:04x}")
            start = None
    return "".join(ranges)


@lru_cache(maxsize=1)
def _runs() -> re.Pattern[str]:
    """ASCII words, or runs of non-ASCII text that is not punctuation, space or control.

    Built on first use from the Unicode tables (not at import: it takes a few tens of
    milliseconds, which start-up should not pay).
    """
    breaks = _class_ranges(
        0x80,
        0xFFFF,
        lambda code: unicodedata.category(chr(code))[0] in "PZC" and not 0xD800 <= code <= 0xDFFF,
    )
    return re.compile(f"[0-9A-Za-z]+|[^\\x00-\\x7f{breaks}]+")


def runs(text: str) -> list[str]:
    """The searchable pieces of the NFKC form of a text, in order (see the module docstring).

    Splitting first and normalising only the pieces that need it gives the same pieces
    as normalising the whole text (breaks are punctuation, spaces and controls, which
    NFKC maps to breaks), at a fraction of the cost: deeds are full of fullwidth commas,
    which fail NFKC's quick check for the whole text but not for the runs between them.
    A run that starts with a combining mark could compose with what precedes it, so
    such text takes the slow path.
    """
    pattern = _runs()
    pieces = pattern.findall(text or "")
    for piece in pieces:
        if not piece.isascii() and (
            not unicodedata.is_normalized("NFKC", piece) or unicodedata.combining(piece[0])
        ):
            return pattern.findall(normalise(text))
    return pieces


def grams(text: str) -> str:
    """Text as index tokens: pairs plus last character per Chinese run, ASCII words whole.

    Most text (Chinese, ASCII, everyday punctuation) needs no normalising; one regular
    expression then yields every token in C. Anything else goes through `runs`.
    """
    text = text or ""
    if _unusual().search(text) is None:
        tokens = _gram_pattern().findall(text)
        if _ASCII_UPPER.search(text):
            tokens = [token.lower() if token.isascii() else token for token in tokens]
        return " ".join(tokens)
    return _grams_of_runs(runs(text))


def _grams_of_runs(pieces: list[str]) -> str:
    out: list[str] = []
    for run in pieces:
        if run.isascii():
            out.append(run.lower())
        else:
            out.extend(map(add, run, run[1:]))
            out.append(run[-1])
    return " ".join(out)


_ASCII_UPPER = re.compile("[A-Z]")


@lru_cache(maxsize=1)
def _gram_pattern() -> re.Pattern[str]:
    """For text that `_unusual` passes: at each character of a Chinese run, the pair starting
    there (or the character alone at the run's end); at an ASCII word, the word. Same tokens
    as `_grams_of_runs(runs(…))`. Such text holds no non-ASCII letters but CJK ideographs,
    so the class is a few ranges, not the thousand of `_runs` (sre tests ranges one by one)."""
    han = (
        "["
        + _class_ranges(0x3400, 0x9FFF, lambda code: unicodedata.category(chr(code))[0] not in "PZC")
        + "]"
    )
    return re.compile(f"(?=([0-9A-Za-z]+|{han}{{1,2}}))(?:[0-9A-Za-z]+|{han})")


@lru_cache(maxsize=1)
def _unusual() -> re.Pattern[str]:
    """A character that may need NFKC: not ASCII, not a CJK ideograph (NFKC-stable), and
    not a break whose NFKC form is breaks too (the pieces are then the same either way)."""

    def safe(code: int) -> bool:
        char = chr(code)
        return 0x3400 <= code <= 0x9FFF or (
            not 0xD800 <= code <= 0xDFFF
            and unicodedata.category(char)[0] in "PZC"
            and all(
                unicodedata.category(c)[0] in "PZC" or (c.isascii() and not c.isalnum())
                for c in unicodedata.normalize("NFKC", char)
            )
        )

    return re.compile(f"[^\\x00-\\x7f{_class_ranges(0x80, 0xFFFF, safe)}]")


def query_tokens(text: str) -> tuple[list[str], bool]:
    """The phrase that finds `text` as a substring of indexed text: (tokens, last is a prefix).

    Inside the query a Chinese run gives its pairs; its last character is added only when
    an ASCII word follows (then the indexed run ends there too). A query ending in a
    single Chinese character matches it as a prefix (any pair starting with it), and so
    does one ending in an ASCII word after Chinese (测试1 is in 测试1000); a query of
    ASCII words alone matches whole words (and pinyin prefixes, see search.py).
    """
    pieces = runs(text)
    tokens: list[str] = []
    prefix = False
    for index, run in enumerate(pieces):
        last = index == len(pieces) - 1
        if run.isascii():
            tokens.append(run.lower())
            prefix = last and index > 0
        elif len(run) == 1:
            tokens.append(run)
            prefix = last
        else:
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
            if not last:
                tokens.append(run[-1])
    return tokens, prefix
