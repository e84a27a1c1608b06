"""Pinyin keys of names and units, computed when a record is written.

pypinyin costs ~0.3 s to import, so it is imported on first use, never at start-up.
Polyphonic characters (单 is shan as a surname, dan elsewhere) get every reading, up to
a small cap, so that a clerk who types either finds the person.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
MAX_VARIANTS = 8


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
    # The most likely reading of the whole phrase first, then heteronym variants.
    best = pypinyin.lazy_pinyin("".join(chars), style=pypinyin.Style.NORMAL, errors="ignore")
    variants = ["".join(best)] if best else []
    per_char = [_readings(c) or [""] for c in chars]
    for combo in itertools.islice(itertools.product(*per_char), MAX_VARIANTS):
        variants.append("".join(combo))
    full = list(dict.fromkeys(v.lower() for v in variants if v))
    initials = list(dict.fromkeys(_initials(best, per_char)))
    return full, initials


def _initials(best: list[str], per_char: list[list[str]]) -> list[str]:
    out = ["".join(s[0] for s in best if s)] if best else []
    for combo in itertools.islice(
        itertools.product(*[sorted({r[0] for r in rs if r}) or [""] for rs in per_char]),
        MAX_VARIANTS,
    ):
        out.append("".join(combo))
    return [s.lower() for s in out if s]


def sort_key(name: str) -> str:
    """Key that orders names the way a Chinese roll is ordered: by pinyin, then by name."""
    if not name:
        return ""
    if not _HAN.search(name):
        return name.lower()
    pypinyin = _pypinyin()
    syllables = pypinyin.lazy_pinyin(name, style=pypinyin.Style.TONE3, errors="default")
    return " ".join(s.lower() for s in syllables) + "\x00" + name
