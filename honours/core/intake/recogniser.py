"""Person names found by a statistical tagger, as a second opinion beside the reader's rules.

The reader's rules find names by surname, dictionaries and the words around them, which is how
the reports it was shaped on are written; on reports it has never seen it misses people whose
sentence takes another shape (为吴杰峰颁发…证书, 获评…称号的秦毅来自…). THULAC, a segmenter with
part-of-speech tags trained on general news (not on this corpus), tags person names (``np``)
wherever they stand: measured on the intake corpus it tags 93% of the tuned split's honourees
and 98% of an unseen split's as names (jieba's ``nr``: 70% and 74%).

It is optional (``pip install honours[intake]``; ``make install`` installs it): without it the
reader's rules work alone. Its model is large (about 480 MB on disk, some 5 seconds to load), so
it is loaded only when a report is first read, never at the app's start, and once per process.
"""

from __future__ import annotations

import contextlib
import io
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from ..names import DOT_LIKE
from . import lexicon as lx
from .names import _is_han


@dataclass(frozen=True)
class TaggedName:
    start: int
    end: int
    name: str


_lock = threading.Lock()
_tagger = None
_state = "unloaded"  # unloaded, ready, missing


def available() -> bool:
    """Is the tagger installed (and loadable)? Loads it on first call."""
    return _load() is not None


def _load():
    global _tagger, _state
    with _lock:
        if _state == "unloaded":
            try:
                import thulac  # optional and heavy: imported on first use only

                with contextlib.redirect_stdout(io.StringIO()):  # it prints "Model loaded succeed"
                    _tagger = thulac.thulac()
                _state = "ready"
            except (
                ImportError,
                OSError,
                RuntimeError,
                ValueError,
                MemoryError,
            ):  # not installed, no model files
                _tagger = None
                _state = "missing"
        return _tagger


def disable_for_tests(disabled: bool = True) -> None:
    """Run the reader on its rules alone (tests that compare the two)."""
    global _state, _tagger
    with _lock:
        if disabled:
            _state, _tagger = "missing", None
        else:
            _state = "unloaded"
    words.cache_clear()


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    word: str
    tag: str  # THULAC's part of speech: np a person's name, v a verb, n a noun…


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[Word, ...]:
    """The tagger's words of `text` (one sentence, Simplified) with their spans and tags; empty
    when the tagger is not installed."""
    tagger = _load()
    if tagger is None or not text.strip():
        return ()
    with _lock:
        cut = tagger.cut(text)
    found: list[Word] = []
    position = 0
    for word, tag in cut:
        if not word or word == "\n":
            continue
        at = text.find(word, position)
        if at < 0:
            continue  # the tagger normalised something (spaces); the next word realigns
        position = at + len(word)
        found.append(Word(at, position, word, tag))
    return tuple(found)


def person_names(text: str) -> tuple[TaggedName, ...]:
    """The person names the tagger finds in `text` (one sentence, Simplified), with their spans
    (from the cached `words`): Han names of two to eight characters, and the transliterated
    names it tags in parts (古扎丽努尔|·阿不力孜, 库尔班江|·|巴拉提, 吐尔地白克|艾力甫) joined."""
    found = []
    for start, end in _name_runs(words(text)):
        name = text[start:end]
        if _DOT_RE.search(name):
            if _dotted(name):
                found.append(TaggedName(start, end, name))
        elif 2 <= len(name) <= _LONGEST and all(_is_han(ch) for ch in name):
            found.append(TaggedName(start, end, name))
    return tuple(found)


_LONGEST = 8  # 吐尔地白克艾力甫: a transliterated name run together without its dot
_DOT_RE = re.compile("[" + re.escape(DOT_LIKE) + "]")


def _dotted(name: str) -> bool:
    """古扎丽努尔·阿不力孜: Han parts of one or more characters each, joined by single dots."""
    parts = _DOT_RE.split(name)
    return (
        len(parts) >= 2
        and all(part and all(_is_han(ch) for ch in part) for part in parts)
        and len(name) <= 16
    )


def _name_runs(tagged: tuple[Word, ...]) -> list[tuple[int, int]]:
    """The spans of the tagger's names, a name's parts joined: a run of contiguous words, each a
    name (np) or, beside a dot, a place or proper noun the tagger took the part for (库尔班江),
    with at least one np; two contiguous names join only into a long one (5+ characters, each
    part 2+, the first no Han surname and given name), never 王小明李华's two names."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tagged):
        w = tagged[i]
        if w.tag != "np" and not _dot_part(tagged, i):
            i += 1
            continue
        j, has_np = i, w.tag == "np"
        while j + 1 < len(tagged) and tagged[j + 1].start == tagged[j].end:
            nxt = tagged[j + 1]
            dot_between = _DOT_RE.match(nxt.word) or _DOT_RE.search(tagged[j].word[-1:])
            if dot_between and (nxt.tag == "np" or _dot_part(tagged, j + 1) or nxt.tag == "w"):
                j += 1
            elif nxt.tag == "np" and len(nxt.word) >= 2 and _transliterated(w.word):
                if tagged[j + 1].end - w.start < 5:
                    break
                j += 1
            else:
                break
            has_np = has_np or nxt.tag == "np"
        if has_np:
            runs.append((w.start, tagged[j].end))
        elif w.tag == "np":
            runs.append((w.start, w.end))
        i = j + 1
    return runs


def _transliterated(first: str) -> bool:
    """Does a name part begin a transliterated name rather than a Han one (吐尔地白克, not 王小明
    of 王小明李华 written without a mark)?"""
    return len(first) >= 4 or (len(first) >= 2 and first[0] not in lx.SURNAMES)


def _dot_part(tagged: tuple[Word, ...], i: int) -> bool:
    """Is word i a part of a dotted name (a dot right before or after it)?"""
    w = tagged[i]
    if w.tag not in ("np", "ns", "nz", "n"):
        return False
    before = i > 0 and tagged[i - 1].end == w.start and bool(_DOT_RE.search(tagged[i - 1].word[-1:]))
    after = i + 1 < len(tagged) and tagged[i + 1].start == w.end and bool(_DOT_RE.match(tagged[i + 1].word))
    return bool(before or after or _DOT_RE.match(w.word))


def ends_clearly(text: str, name: TaggedName) -> bool:
    """Whether the word after a tagged name cannot be the name's own last character: after a long
    name (额尔敦达|来|在), a one-character verb or measure leaves the end in doubt; 王某|说 does not."""
    if len(name.name) < 4:
        return True
    after = next((w for w in words(text) if w.start == name.end), None)
    return after is None or not (len(after.word) == 1 and after.tag in ("v", "a", "m", "q"))
