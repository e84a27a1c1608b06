"""Pinyin keys of names and units, computed when a record is written.

pypinyin costs ~0.3 s to import, so it is imported on first use, never at start-up.
Polyphonic characters (单 is shan as a surname, dan elsewhere) get every reading, up to
a small cap, so that a clerk who types either finds the person.
"""

from __future__ import annotations

import re
from functools import lru_cache

_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
MAX_VARIANTS = 24


@lru_cache(maxsize=1)
def _pypinyin():  # noqa: ANN202 - module object
    import pypinyin

    return pypinyin


def _readings(char: str) -> list[str]:
    pypinyin = _pypinyin()
    readings = pypinyin.pinyin(char, style=pypinyin.Style.NORMAL, heteronym=True, errors="ignore")
    found = [r for r in (readings[0] if readings else []) if r.isascii() and r.isalpha()]
    return list(dict.fromkeys(found))


def pinyin_tokens(text: str, limit: int = 24) -> tuple[list[str], list[str]]:
    """Full-pinyin and initials tokens (`songyingjie`, `syj`) for the Han part of `text`."""
    chars = _HAN.findall(text or "")[:limit]
    if not chars:
        return [], []
    pypinyin = _pypinyin()
    # The most likely reading of the whole phrase first, then every single-character
    # substitution by another reading (linear, unlike the product of all readings).
    best = pypinyin.lazy_pinyin("".join(chars), style=pypinyin.Style.NORMAL, errors="ignore")
    if len(best) != len(chars):
        best = [(_readings(c) or [""])[0] for c in chars]
    variants = [best]
    for i, char in enumerate(chars):
        for reading in _readings(char):
            if reading != best[i]:
                variants.append([*best[:i], reading, *best[i + 1:]])
    variants = variants[:MAX_VARIANTS]
    full = list(dict.fromkeys("".join(v).lower() for v in variants if "".join(v)))
    initials = list(dict.fromkeys("".join(s[:1] for s in v).lower() for v in variants if "".join(v)))
    return full, initials


def sort_key(name: str) -> str:
    """Key that orders names the way a Chinese roll is ordered: by pinyin, then by name."""
    if not name:
        return ""
    if not _HAN.search(name):
        return name.lower()
    pypinyin = _pypinyin()
    syllables = pypinyin.lazy_pinyin(name, style=pypinyin.Style.TONE3, errors="default")
    return " ".join(s.lower() for s in syllables) + "\x00" + name
