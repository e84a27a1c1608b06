"""Pinyin keys of names and units, computed when a record is written.

pypinyin costs ~0.3 s to import, so it is imported on first use, never at start-up.
Polyphonic characters (单 is shan as a surname, dan elsewhere) get every reading, up to
a small cap, so that a clerk who types either finds the person.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
MAX_VARIANTS = 24


@lru_cache(maxsize=1)
def _pypinyin():
    import pypinyin

    return pypinyin


@cache  # a few thousand characters at most; re-reading them dominated index builds
def _readings(char: str) -> tuple[str, ...]:
    pypinyin = _pypinyin()
    readings = pypinyin.pinyin(char, style=pypinyin.Style.NORMAL, heteronym=True, errors="ignore")
    found = [r for r in (readings[0] if readings else []) if r.isascii() and r.isalpha()]
    return tuple(dict.fromkeys(found))


def pinyin_tokens(text: str, limit: int = 24) -> tuple[list[str], list[str]]:
    """Full-pinyin and initials tokens (`songyingjie`, `syj`) for the Han part of `text`."""
    chars = _HAN.findall(text or "")[:limit]
    if not chars:
        return [], []
    # The most likely reading of the whole phrase first, then every single-character
    # substitution by another reading (linear, unlike the product of all readings).
    best = _best_reading("".join(chars))
    if len(best) != len(chars):
        best = [(_readings(c) or [""])[0] for c in chars]
    variants = [best]
    for i, char in enumerate(chars):
        for reading in _readings(char):
            if reading != best[i]:
                variants.append([*best[:i], reading, *best[i + 1 :]])
    variants = variants[:MAX_VARIANTS]
    full = list(dict.fromkeys("".join(v).lower() for v in variants if "".join(v)))
    initials = list(dict.fromkeys("".join(s[:1] for s in v).lower() for v in variants if "".join(v)))
    return full, initials


@lru_cache(maxsize=50_000)
def _tone3(text: str) -> tuple[str, ...]:
    """pypinyin's reading of a phrase with tone numbers, the one costly call (~0.1 ms).

    Cached and shared: the sort key and the search tokens of a name both start from it,
    and a roll repeats names and units, so rebuilding the index converts each only once.
    """
    pypinyin = _pypinyin()
    # Style.TONE is pypinyin's own form and half the cost of Style.TONE3; converting each
    # syllable once (there are ~1,500) gives exactly what TONE3 gives.
    toned = pypinyin.lazy_pinyin(text, style=pypinyin.Style.TONE, errors="default")
    return tuple(_to_tone3(syllable) for syllable in toned)


@cache
def _to_tone3(syllable: str) -> str:
    from pypinyin.style import convert

    return convert(syllable, style=_pypinyin().Style.TONE3, strict=True)


def _best_reading(han: str) -> list[str]:
    """The most likely toneless reading of each character of an all-Han string."""
    tones = _tone3(han)
    if len(tones) == len(han) and all(t.isascii() for t in tones):
        return [t.rstrip("012345") for t in tones]
    pypinyin = _pypinyin()  # a character without a reading: let pypinyin drop it
    return pypinyin.lazy_pinyin(han, style=pypinyin.Style.NORMAL, errors="ignore")


def clear_caches() -> None:
    """Forget cached readings (after a whole-roll rebuild, so the app does not keep them)."""
    _tone3.cache_clear()
    sort_key.cache_clear()


@lru_cache(maxsize=50_000)
def sort_key(name: str) -> str:
    """Key that orders names the way a Chinese roll is ordered: by pinyin, then by name."""
    if not name:
        return ""
    if not _HAN.search(name):
        return name.lower()
    # \x01, not \x00: SQLite's JSON functions, through which the index writes derived
    # columns, end a text at NUL, which cut the name (the tie-break) off every stored key.
    return " ".join(s.lower() for s in _tone3(name)) + "\x01" + name
