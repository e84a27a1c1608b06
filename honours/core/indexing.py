"""Derived columns and the full-text row of an honouree, recomputed on every write.

Search never scans deeds text per keystroke: everything a query can match is written
here, once, when a record changes (pinyin included, because converting names to pinyin
is too slow to do at query time).

How text becomes tokens (the FTS5 `ascii` tokenizer splits on spaces and keeps every
non-ASCII character inside a token):

* a run of Chinese (any non-ASCII text between punctuation or spaces) becomes its
  overlapping character pairs plus its last character: 劳动模范 → 劳动 动模 模范 范. A
  query of two or more characters is then a phrase of pairs (rare tokens, short
  posting lists) and one character is a prefix query (`"市" *`, served by the one-
  character prefix index). Every substring is found, and nothing across punctuation;
* ASCII letters and digits stay whole words;
* pinyin of names and units is stored with every prefix of every reading spelled out
  up to 12 letters (`s so son song …`), so a pinyin prefix is one exact token, never a
  scan of the thousands of words that share it (longer prefixes are shared by few).
  Units keep two readings, names every polyphonic one: unit pinyin was a fifth of all
  tokens and most of the build time.

A second, small index holds names and their pinyin alone, for the name tiers of a
search. The FTS tables are contentless (it stores only the index, not a second copy of the text
in token form, which would triple the file); `honouree_search_source` keeps the plain
text each row was built from, because removing a row from a contentless index needs
the exact values it was added with.

`reindex` handles one record inside a write; `reindex_all` rebuilds everything in
batches (first start, migrations) with one query per table per batch.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from operator import add

from .pinyin import clear_caches, pinyin_tokens, sort_key
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

FTS_COLUMNS = (
    "name", "pinyin", "unit", "unit_pinyin", "position", "region",
    "honours", "other", "deeds", "donations",
)
PINYIN_COLUMNS = ("pinyin", "unit_pinyin")
PINYIN_PREFIX_MAX = 12  # prefixes up to this long are tokens; longer ones use an FTS5 prefix scan
UNIT_PINYIN_VARIANTS = 2  # readings kept per unit (names keep every polyphonic reading)
BATCH = 1000
INDEX_FORMAT = 1  # bump when the tokens change (benchmarks/ rebuilds its cached rolls)

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


@lru_cache(maxsize=1)
def _runs() -> re.Pattern[str]:
    """ASCII words, or runs of non-ASCII text that is not punctuation, space or control.

    Built on first use from the Unicode tables (not at import: it takes a few tens of
    milliseconds, which start-up should not pay).
    """
    breaks: list[str] = []
    start = None
    for code in range(0x80, 0x10000):
        is_break = unicodedata.category(chr(code))[0] in "PZC" and not 0xD800 <= code <= 0xDFFF
        if is_break and start is None:
            start = code
        elif not is_break and start is not None:
            breaks.append(f"\\u{start:04x}-\\u{code - 1:04x}")
            start = None
    if start is not None:
        breaks.append(f"\\u{start:04x}-\\uffff")
    return re.compile(f"[0-9A-Za-z]+|[^\\x00-\\x7f{''.join(breaks)}]+")


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
    """Text as index tokens: pairs plus last character per Chinese run, ASCII words whole."""
    out: list[str] = []
    for run in runs(text):
        if run.isascii():
            out.append(run.lower())
        else:
            out.extend(map(add, run, run[1:]))
            out.append(run[-1])
    return " ".join(out)


def query_tokens(text: str) -> tuple[list[str], bool]:
    """The phrase that finds `text` as a substring of indexed text: (tokens, last is a prefix).

    Inside the query a Chinese run gives its pairs; its last character is added only when
    an ASCII word follows (then the indexed run ends there too). A query ending in a
    single Chinese character matches it as a prefix (any pair starting with it).
    """
    pieces = runs(text)
    tokens: list[str] = []
    prefix = False
    for index, run in enumerate(pieces):
        last = index == len(pieces) - 1
        if run.isascii():
            tokens.append(run.lower())
        elif len(run) == 1:
            tokens.append(run)
            prefix = last
        else:
            tokens.extend(run[i:i + 2] for i in range(len(run) - 1))
            if not last:
                tokens.append(run[-1])
    return tokens, prefix


def level_rank(level: str) -> int:
    try:
        return LEVEL_ORDER.index(Level(level))
    except ValueError:
        return LEVEL_ORDER.index(Level.OTHER)


def _join(parts: Iterable[str | None]) -> str:
    return " ".join(p for p in parts if p)


@lru_cache(maxsize=50_000)
def _pinyin_base(text: str, variants: int) -> str:
    """Full and initials spellings of `text` (every reading, up to `variants` of each)."""
    full, initials = pinyin_tokens(text)
    return _join(full[:variants] + initials[:variants])


@lru_cache(maxsize=50_000)
def _pinyin_prefixes(base: str) -> str:
    """Every prefix of every spelling, so a typed prefix is one exact token."""
    seen: dict[str, None] = {}
    for word in base.split():
        for end in range(1, min(len(word), PINYIN_PREFIX_MAX) + 1):
            seen[word[:end]] = None
        if len(word) > PINYIN_PREFIX_MAX:
            seen[word] = None
    return " ".join(seen)


def _index_values(source: Sequence[str]) -> tuple[str, ...]:
    """The FTS row (tokens) for a source row (plain text, pinyin spellings)."""
    return tuple(
        _pinyin_prefixes(value) if column in PINYIN_COLUMNS else grams(value)
        for column, value in zip(FTS_COLUMNS, source)
    )


_SOURCE_INSERT = (
    "INSERT INTO honouree_search_source (id, " + ", ".join(FTS_COLUMNS) + ") VALUES (?"
    + ", ?" * len(FTS_COLUMNS) + ")"
)
_FTS_INSERT = (
    "INSERT INTO honouree_fts (rowid, " + ", ".join(FTS_COLUMNS) + ") VALUES (?"
    + ", ?" * len(FTS_COLUMNS) + ")"
)
_NAME_INSERT = "INSERT INTO honouree_name_fts (rowid, name, pinyin) VALUES (?, ?, ?)"
_NAME_DELETE = ("INSERT INTO honouree_name_fts (honouree_name_fts, rowid, name, pinyin)"
                " VALUES ('delete', ?, ?, ?)")
_FTS_DELETE = (
    "INSERT INTO honouree_fts (honouree_fts, rowid, " + ", ".join(FTS_COLUMNS) + ") VALUES ('delete', ?"
    + ", ?" * len(FTS_COLUMNS) + ")"
)


@dataclass
class _Batch:
    """The stored facts of some honourees: one JSON array per table, as SQLite built it.

    SQLite assembles each array in C without holding the GIL; the worker thread turns
    them into Python values (json.loads, also C). Reading rows one by one cost the
    writing thread as much time as writing, all of it holding the GIL.
    """

    rows: str
    honours: str
    deeds: str
    donations: str
    photos: str


@dataclass
class _Rows:
    """What a batch writes: derived columns, source rows and their FTS rows."""

    derived: list[tuple]
    sources: list[tuple]
    index: list[tuple]


def _read(conn: sqlite3.Connection, where: str, params: Sequence[int]) -> _Batch:
    """Read the honourees `where` selects (a condition on honouree_id) and their children."""
    def array(columns: str, table: str, condition: str) -> str:
        return conn.execute(
            f"SELECT json_group_array(json_array({columns})) FROM {table} WHERE {condition}", params
        ).fetchone()[0]

    return _Batch(
        rows=array("id, name, unit, position, region, category, status, notes, ethnicity, deleted_at",
                   "honouree", where.replace("honouree_id", "id")),
        honours=array("honouree_id, position, id, title, level, year, awarded_by, posthumous", "honour", where),
        deeds=array("honouree_id, position, id, text", "deed", where),
        donations=array("honouree_id, position, id, amount_fen, item, recipient, note", "donation", where),
        photos=array("honouree_id, -is_primary, position, id", "photo", where),
    )


def _grouped(text: str) -> dict[int, list]:
    """Child rows by honouree, in stored order; each row without its sort keys
    (honouree, order, id), except photos, which keep their id."""
    rows = json.loads(text)
    rows.sort(key=lambda row: row[:3])
    grouped: dict[int, list] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row[3:])
    return grouped


def _compute(batch: _Batch) -> _Rows:
    """Derived columns and search rows of a batch: pure Python, no database access."""
    derived: list[tuple] = []
    sources: list[tuple] = []
    all_honours, all_deeds = _grouped(batch.honours), _grouped(batch.deeds)
    all_donations = _grouped(batch.donations)
    all_photos: dict[int, list] = defaultdict(list)
    for honouree_id, _primary, _position, photo_id in sorted(json.loads(batch.photos)):
        all_photos[honouree_id].append((photo_id,))
    rows = sorted(json.loads(batch.rows))
    for hid, name, unit, position, region, category, status, notes, ethnicity, deleted_at in rows:
        honours = all_honours.get(hid, [])
        donations = all_donations.get(hid, [])
        photos = all_photos.get(hid)
        derived.append((
            sort_key(name),
            min((level_rank(h[1]) for h in honours), default=9),
            sum(d[0] or 0 for d in donations),
            "、".join(h[0] for h in honours),
            photos[0][0] if photos else None,
            hid,
        ))
        if deleted_at is not None:
            continue  # the trash is not searched
        other = _join([
            STATUS_WORDS.get(status, ""),
            CATEGORY_WORDS.get(category, category),
            ethnicity,
            notes,
            _join(LEVEL_WORDS.get(h[1], "") for h in honours),
            _join(h[3] for h in honours),
            "追授" if any(h[4] for h in honours) else "",
        ])
        sources.append((
            hid,
            name,
            _pinyin_base(name, 10_000),
            unit,
            _pinyin_base(unit, UNIT_PINYIN_VARIANTS),
            position,
            region,
            _join(h[0] for h in honours),
            other,
            _join(d[0] for d in all_deeds.get(hid, [])),
            _join(_join([d[1], d[2], d[3]]) for d in donations),
        ))
    return _Rows(derived, sources, [(s[0], *_index_values(s[1:])) for s in sources])


def _from_json(width: int) -> str:
    return ", ".join(f"value->>{i}" for i in range(width)) + " FROM json_each(?)"


# A batch goes to SQLite as one JSON array per table, written by one statement. With
# executemany, SQLite released the GIL around every row and had to win it back from the
# worker thread before the next one: the writer spent more time queueing for the GIL
# than writing. One statement per table keeps SQLite off the GIL for the whole batch.
_DERIVED_JSON = (
    "UPDATE honouree SET sort_key = d.value->>0, level_rank = d.value->>1,"
    " donation_total_fen = d.value->>2, honours_text = d.value->>3, primary_photo_id = d.value->>4"
    " FROM json_each(?) AS d WHERE honouree.id = d.value->>5"
)
_SOURCE_JSON = (
    "INSERT INTO honouree_search_source (id, " + ", ".join(FTS_COLUMNS) + ") SELECT "
    + _from_json(len(FTS_COLUMNS) + 1)
)
_FTS_JSON = "INSERT INTO honouree_fts (rowid, " + ", ".join(FTS_COLUMNS) + ") SELECT " + _from_json(
    len(FTS_COLUMNS) + 1)
_NAME_JSON = "INSERT INTO honouree_name_fts (rowid, name, pinyin) SELECT " + _from_json(3)


def _write(conn: sqlite3.Connection, rows: _Rows) -> None:
    def array(items: Iterable) -> str:
        return json.dumps(list(items), ensure_ascii=False)

    conn.execute(_DERIVED_JSON, (array(rows.derived),))
    if rows.sources:
        conn.execute(_SOURCE_JSON, (array(rows.sources),))
        conn.execute(_FTS_JSON, (array(rows.index),))
        conn.execute(_NAME_JSON, (array(row[:3] for row in rows.index),))


def _unindex(conn: sqlite3.Connection, honouree_id: int) -> None:
    """Take one honouree out of the index, using the text it was indexed with."""
    row = conn.execute(
        "SELECT " + ", ".join(FTS_COLUMNS) + " FROM honouree_search_source WHERE id = ?",
        (honouree_id,)).fetchone()
    if row is None:
        return
    values = _index_values(row)
    conn.execute(_FTS_DELETE, (honouree_id, *values))
    conn.execute(_NAME_DELETE, (honouree_id, *values[:2]))
    conn.execute("DELETE FROM honouree_search_source WHERE id = ?", (honouree_id,))


def reindex(conn: sqlite3.Connection, honouree_id: int) -> None:
    """Recompute one honouree's derived columns and search row (inside the caller's transaction)."""
    _unindex(conn, honouree_id)
    _write(conn, _compute(_read(conn, "honouree_id = ?", (honouree_id,))))


def reindex_many(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """`reindex` for many honourees at once (imports): a few queries per 1,000 records
    instead of a dozen per record."""
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), BATCH):
        chunk = ordered[start:start + BATCH]
        for honouree_id in chunk:
            _unindex(conn, honouree_id)
        marks = ",".join("?" * len(chunk))
        _write(conn, _compute(_read(conn, f"honouree_id IN ({marks})", chunk)))


# While rebuilding, FTS5 keeps up to this much new index in memory before writing a
# segment, and does not merge segments as it goes; one 'optimize' at the end leaves a
# single segment. Both settings are stored in the table, so they are put back after.
_BULK_HASH_BYTES = 256 * 1024 * 1024
_DEFAULT_HASH_BYTES = 1024 * 1024
_DEFAULT_AUTOMERGE = 4
OPTIMIZE = False
SWITCH_INTERVAL_S = 0.0002


def _fts_config(conn: sqlite3.Connection, key: str, value: int) -> None:
    conn.execute("INSERT INTO honouree_fts (honouree_fts, rank) VALUES (?, ?)", (key, value))


def reindex_all(
    conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None
) -> None:
    """Rebuild derived columns and the whole search index (first start, migrations).

    Works in id ranges of BATCH records, one query per table per batch. The Python
    half (pinyin, character pairs) of batch n+1 runs on a worker thread while SQLite
    writes batch n (sqlite3 releases the GIL while it works), so both cores are busy.
    """
    ids = [r[0] for r in conn.execute("SELECT id FROM honouree ORDER BY id")]
    conn.execute("INSERT INTO honouree_fts (honouree_fts) VALUES ('delete-all')")
    conn.execute("INSERT INTO honouree_name_fts (honouree_name_fts) VALUES ('delete-all')")
    conn.execute("DELETE FROM honouree_search_source")
    total = len(ids)
    chunks = [ids[start:start + BATCH] for start in range(0, total, BATCH)]
    _fts_config(conn, "automerge", 0)
    _fts_config(conn, "hashsize", _BULK_HASH_BYTES)
    # SQLite gives up the GIL for every row it writes and must get it back for the next;
    # with the worker computing, the default 5 ms hand-over made the writer wait more
    # than it wrote.
    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="reindex") as worker:
            pending: Future[_Rows] | None = None
            done = 0
            for chunk in chunks:
                batch = _read(conn, "honouree_id BETWEEN ? AND ?", (chunk[0], chunk[-1]))
                following = worker.submit(_compute, batch)
                if pending is not None:
                    done += _write_counted(conn, pending.result())
                    if progress:
                        progress(done, total)
                pending = following
            if pending is not None:
                _write_counted(conn, pending.result())
        _fts_config(conn, "automerge", _DEFAULT_AUTOMERGE)
        _fts_config(conn, "hashsize", _DEFAULT_HASH_BYTES)
        if total and OPTIMIZE:
            conn.execute("INSERT INTO honouree_fts (honouree_fts) VALUES ('optimize')")
    finally:
        sys.setswitchinterval(switch_interval)
        clear_caches()
        _pinyin_base.cache_clear()
        _pinyin_prefixes.cache_clear()
    if progress:
        progress(total, total)


def _write_counted(conn: sqlite3.Connection, rows: _Rows) -> int:
    _write(conn, rows)
    return len(rows.derived)
