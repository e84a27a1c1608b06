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
import threading
from dataclasses import dataclass
from functools import lru_cache

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
    (from the cached `words`)."""
    return tuple(
        TaggedName(w.start, w.end, w.word)
        for w in words(text)
        if w.tag == "np" and 2 <= len(w.word) <= 4 and all(_is_han(ch) for ch in w.word)
    )


def ends_clearly(text: str, name: TaggedName) -> bool:
    """Whether the word after a tagged name cannot be the name's own last character: after a long
    name (额尔敦达|来|在), a one-character verb or measure leaves the end in doubt; 王某|说 does not."""
    if len(name.name) < 4:
        return True
    after = next((w for w in words(text) if w.start == name.end), None)
    return after is None or not (len(after.word) == 1 and after.tag in ("v", "a", "m", "q"))
