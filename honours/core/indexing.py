"""Derived columns and the full-text row of an honouree, recomputed on every write.

Search never scans deeds text per keystroke: everything a query can match is written
here, once, when a record changes (pinyin included, because converting names to pinyin
is too slow to do at query time).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable

from .pinyin import pinyin_tokens, sort_key
from .records import LEVEL_ORDER, Level

STATUS_WORDS = {"active": "在职", "retired": "退休", "deceased": "已故 去世 逝世"}
CATEGORY_WORDS = {
    "medical": "医务 医疗",
    "other trades": "各行各业",
    "model worker": "劳动模范",
    "donor": "捐赠",
    "collective": "集体",
}
LEVEL_WORDS = {
    "national": "国家级 全国",
    "provincial": "省级",
    "municipal": "市级",
    "county": "县级",
    "other": "",
}

_NON_ASCII = re.compile(r"([^\x00-\x7f])")
_SPACES = re.compile(r"\s+")

FTS_COLUMNS = (
    "name", "pinyin", "unit", "unit_pinyin", "position", "region",
    "honours", "other", "deeds", "donations",
)


def normalise(text: str) -> str:
    """NFKC (fullwidth Latin and digits become ASCII) with control characters dropped."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)


def spaced(text: str) -> str:
    """Text as FTS tokens: every non-ASCII character stands alone, ASCII words stay whole."""
    return _SPACES.sub(" ", _NON_ASCII.sub(r" \1 ", normalise(text))).strip()


def level_rank(level: str) -> int:
    try:
        return LEVEL_ORDER.index(Level(level))
    except ValueError:
        return LEVEL_ORDER.index(Level.OTHER)


def _join(parts: Iterable[str | None]) -> str:
    return " ".join(p for p in parts if p)


def reindex(conn: sqlite3.Connection, honouree_id: int) -> None:
    """Recompute one honouree's derived columns and search row (inside the caller's transaction)."""
    row = conn.execute(
        "SELECT id, name, unit, position, region, category, status, notes, ethnicity, deleted_at"
        " FROM honouree WHERE id = ?",
        (honouree_id,),
    ).fetchone()
    conn.execute("DELETE FROM honouree_fts WHERE rowid = ?", (honouree_id,))
    if row is None:
        return
    _, name, unit, position, region, category, status, notes, ethnicity, deleted_at = row
    honours = conn.execute(
        "SELECT title, level, year, awarded_by, posthumous FROM honour"
        " WHERE honouree_id = ? ORDER BY position, id",
        (honouree_id,),
    ).fetchall()
    deeds = conn.execute(
        "SELECT text FROM deed WHERE honouree_id = ? ORDER BY position, id", (honouree_id,)
    ).fetchall()
    donations = conn.execute(
        "SELECT amount_fen, item, recipient, note FROM donation WHERE honouree_id = ?"
        " ORDER BY position, id",
        (honouree_id,),
    ).fetchall()
    primary = conn.execute(
        "SELECT id FROM photo WHERE honouree_id = ? ORDER BY is_primary DESC, position, id LIMIT 1",
        (honouree_id,),
    ).fetchone()
    rank = min((level_rank(h[1]) for h in honours), default=9)
    total = sum(d[0] or 0 for d in donations)
    honours_text = "、".join(h[0] for h in honours)
    conn.execute(
        "UPDATE honouree SET sort_key = ?, level_rank = ?, donation_total_fen = ?,"
        " honours_text = ?, primary_photo_id = ? WHERE id = ?",
        (sort_key(name), rank, total, honours_text, primary[0] if primary else None, honouree_id),
    )
    if deleted_at is not None:
        return  # the trash is not searched
    name_full, name_initials = pinyin_tokens(name)
    unit_full, unit_initials = pinyin_tokens(unit)
    other = _join(
        [
            STATUS_WORDS.get(status, ""),
            CATEGORY_WORDS.get(category, category),
            ethnicity,
            notes,
            _join(LEVEL_WORDS.get(h[1], "") for h in honours),
            _join(h[3] for h in honours),
            "追授" if any(h[4] for h in honours) else "",
        ]
    )
    conn.execute(
        "INSERT INTO honouree_fts (rowid, name, pinyin, unit, unit_pinyin, position, region,"
        " honours, other, deeds, donations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            honouree_id,
            spaced(name),
            _join(name_full + name_initials),
            spaced(unit),
            _join(unit_full + unit_initials),
            spaced(position),
            spaced(region),
            spaced(_join(h[0] for h in honours)),
            spaced(other),
            spaced(_join(d[0] for d in deeds)),
            spaced(_join(_join([d[1], d[2], d[3]]) for d in donations)),
        ),
    )


def reindex_all(
    conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None
) -> None:
    """Rebuild derived columns and the whole search index (first start, migrations)."""
    ids = [r[0] for r in conn.execute("SELECT id FROM honouree ORDER BY id")]
    conn.execute("DELETE FROM honouree_fts")
    total = len(ids)
    for done, honouree_id in enumerate(ids, 1):
        reindex(conn, honouree_id)
        if progress and (done % 500 == 0 or done == total):
            progress(done, total)
