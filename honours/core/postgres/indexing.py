"""The shared registry's search rows: the SQLite backend's tokens, stored as positioned tsvectors.

The tokens are those of the file (core/tokens.py and sqlite/indexing.py compute them;
nothing is tokenized differently here): Chinese runs as overlapping character pairs plus
their last character, ASCII words whole, the pinyin of names and units with every prefix
spelled out. PostgreSQL's own parsers are never used (`simple` or pg_trgm would give other
tokens, and pg_trgm sees no Chinese under the C locale).

FTS5 matches a phrase of tokens inside one column; a tsvector has no columns, so:

* each column's tokens get consecutive positions, and columns are one unused position apart,
  so a phrase (`<->`) never runs from one column into the next;
* the weight of a position tells its column group apart in `tokens`: A names, B unit,
  position, region, honours and the other words, C deeds, D donations. `main_tokens`
  holds groups A and B alone (unweighted), so the tiers above deeds never read a deed's
  postings, nor recheck a vector that holds deeds. `field_tokens` holds unit (A), position
  (B), region (C) and honours (D) again, for the `unit:` … qualifiers, which pick one
  column out of group B;
* pinyin tokens are tagged (`~nsong` names, `~usong` units): a pinyin prefix is one exact
  token, never a phrase, and never a word of another column;
* `name_tokens` holds names alone: the marker `~^` at position 1 then the name's words (the
  name tier's "name starts with"), and the names' pinyin;
* at each Chinese pair's position its first character is a lexeme too, so a query ending
  in one character (FTS5's prefix `"王" *`: any pair starting with 王, or 王 ending a run) is
  one exact lexeme rather than a scan of every pair that starts with it.

A tsvector keeps positions up to 16,383 and 256 positions per lexeme: text beyond that (a
record of well over ten thousand characters) is still found by one- and two-character
queries, but a longer phrase that lies wholly past that point may be missed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from ..errors import HonoursError
from ..i18n import Text
from ..sqlite.indexing import (
    FACT_COLUMNS,
    FTS_COLUMNS,
    Pipeline,
    StoredFacts,
    computed_rows,
    worker_processes,
)
from .schema import TOKENIZER_VERSION

NAME_PINYIN_TAG = "~n"
UNIT_PINYIN_TAG = "~u"
START = "~^"  # the first position of name_tokens: a phrase after it starts the name

# Weights of the word columns in `tokens` (D is PostgreSQL's default and is written bare).
TOKEN_WEIGHTS = {
    "name": "A",
    "unit": "B",
    "position": "B",
    "region": "B",
    "honours": "B",
    "other": "B",
    "deeds": "C",
    "donations": "D",
}
FIELD_WEIGHTS = {"unit": "A", "position": "B", "region": "C", "honours": "D"}
PINYIN_TAGS = {"pinyin": NAME_PINYIN_TAG, "unit_pinyin": UNIT_PINYIN_TAG}
MAX_POSITION = 16383  # PostgreSQL's largest tsvector position
MAX_POSITIONS = 256  # positions kept per lexeme
BATCH = 1000


class TokenizerMismatchError(HonoursError):
    """The shared registry's search rows were made by another tokenizer than this program's."""


class _Vector:
    """A tsvector being built: lexeme → positions with weights."""

    def __init__(self) -> None:
        self.lexemes: dict[str, list[str]] = {}
        self.position = 1

    def bare(self, lexeme: str) -> None:
        self.lexemes.setdefault(lexeme, [])

    def words(self, tokens: list[str], weight: str = "") -> None:
        """One column's tokens at consecutive positions, then a gap before the next column."""
        for token in tokens:
            self._at(token, weight)
            if len(token) == 2 and not token.isascii():
                self._at(token[0], weight)
            self.position += 1
        if tokens:
            self.position += 1

    def _at(self, lexeme: str, weight: str) -> None:
        positions = self.lexemes.setdefault(lexeme, [])
        if len(positions) < MAX_POSITIONS:
            positions.append(f"{min(self.position, MAX_POSITION)}{'' if weight == 'D' else weight}")

    def text(self) -> str:
        """The tsvector's input form (PostgreSQL sorts and merges duplicates)."""
        out = []
        for lexeme, positions in self.lexemes.items():
            quoted = "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"
            out.append(quoted + (":" + ",".join(positions) if positions else ""))
        return " ".join(out)


def vectors(index_row: Sequence[str]) -> tuple[str, str, str, str]:
    """(tokens, main_tokens, name_tokens, field_tokens) as tsvector input for one honouree's
    index row (the token text of each of FTS_COLUMNS, as sqlite/indexing.py computes it)."""
    columns = dict(zip(FTS_COLUMNS, index_row, strict=True))
    tokens, mains, names, fields = _Vector(), _Vector(), _Vector(), _Vector()
    names.words([START])
    for column in FTS_COLUMNS:
        split = columns[column].split()
        if column in PINYIN_TAGS:
            tag = PINYIN_TAGS[column]
            for word in split:
                tokens.bare(tag + word)
                mains.bare(tag + word)
                if column == "pinyin":
                    names.bare(tag + word)
                else:
                    fields.bare(tag + word)
            continue
        tokens.words(split, TOKEN_WEIGHTS[column])
        if TOKEN_WEIGHTS[column] in "AB":
            mains.words(split)
        if column == "name":
            names.position -= 1  # the name follows the start marker directly
            names.words(split)
        if column in FIELD_WEIGHTS:
            fields.words(split, FIELD_WEIGHTS[column])
    return tokens.text(), mains.text(), names.text(), fields.text()


def _refuse_tokenizer(stored: str | None) -> None:
    if stored != TOKENIZER_VERSION:
        raise TokenizerMismatchError(
            Text(
                "The shared registry's search index was built by another version of Honours (tokenizer "
                "{stored}, this program {mine}): searches would miss records. Update Honours, "
                "or have the administrator rebuild the index with this version.",
                stored=stored,
                mine=TOKENIZER_VERSION,
            )
        )


def check_tokenizer(cur) -> None:
    """Refuse to write search rows made by another tokenizer than the one stored in meta."""
    row = cur.execute("SELECT value FROM meta WHERE key = 'tokenizer_version'").fetchone()
    _refuse_tokenizer(row[0] if row else None)


def _array(columns: str, table: str, key: str) -> str:
    return (
        f"(SELECT coalesce(json_agg(json_build_array({columns})), '[]')::text FROM {table}"
        f" WHERE {key} = ANY(%(ids)s))"
    )


# The stored facts of some honourees and the tokenizer version, in one statement (a save
# waits for one round trip, not six).
_FACTS = "SELECT (SELECT value FROM meta WHERE key = 'tokenizer_version'), " + ", ".join(
    (
        _array(FACT_COLUMNS["honouree"], "honouree", "id"),
        _array(FACT_COLUMNS["honour"], "honour", "honouree_id"),  # booleans are true/false: as truthy
        _array(FACT_COLUMNS["deed"], "deed", "honouree_id"),
        _array(FACT_COLUMNS["donation"], "donation", "honouree_id"),
        _array("honouree_id, -(is_primary::int), position, id", "photo", "honouree_id"),
    )
)


def _facts(cur, ids: list[int]) -> StoredFacts:
    """The stored facts of these honourees in the shape sqlite/indexing.py reads them."""
    return _checked_facts(cur, ids, check=False)


def _checked_facts(cur, ids: list[int], *, check: bool = True) -> StoredFacts:
    """The stored facts, refused (TokenizerMismatchError) if `check` and the roll was
    indexed by another tokenizer."""
    stored, rows, honours, deeds, donations, photos = cur.execute(_FACTS, {"ids": ids}).fetchone()
    if check:
        _refuse_tokenizer(stored)
    return StoredFacts(rows=rows, honours=honours, deeds=deeds, donations=donations, photos=photos)


# The derived columns where they differ, the search rows of records now in the trash gone,
# and the others' written only where a vector differs (a search row rewritten updates all
# four GIN indexes): one statement. The statement trigger of honouree tells the listeners.
_WRITE = """
WITH derived AS (
    UPDATE honouree h SET sort_key = d.sort_key, level_rank = d.level_rank,
        donation_total_fen = d.donation_total_fen, honours_text = d.honours_text,
        primary_photo_id = d.primary_photo_id
    FROM jsonb_to_recordset(%(derived)s::jsonb) AS d(sort_key text, level_rank integer,
        donation_total_fen bigint, honours_text text, primary_photo_id bigint, id bigint)
    WHERE h.id = d.id AND (h.sort_key, h.level_rank, h.donation_total_fen, h.honours_text, h.primary_photo_id)
        IS DISTINCT FROM (d.sort_key, d.level_rank, d.donation_total_fen, d.honours_text, d.primary_photo_id)
), rows AS (
    SELECT d.id, d.tokens::tsvector AS tokens, d.mains::tsvector AS mains, d.names::tsvector AS names,
        d.fields::tsvector AS fields
    FROM jsonb_to_recordset(%(search)s::jsonb) AS d(id bigint, tokens text, mains text, names text, fields text)
), gone AS (
    DELETE FROM honouree_search WHERE honouree_id = ANY(%(ids)s)
        AND honouree_id NOT IN (SELECT id FROM rows)
)
INSERT INTO honouree_search AS s (honouree_id, tokens, main_tokens, name_tokens, field_tokens)
SELECT id, tokens, mains, names, fields FROM rows
ON CONFLICT (honouree_id) DO UPDATE SET tokens = excluded.tokens, main_tokens = excluded.main_tokens,
    name_tokens = excluded.name_tokens, field_tokens = excluded.field_tokens
WHERE (s.tokens, s.main_tokens, s.name_tokens, s.field_tokens)
    IS DISTINCT FROM (excluded.tokens, excluded.main_tokens, excluded.name_tokens, excluded.field_tokens)
"""
_DERIVED_KEYS = ("sort_key", "level_rank", "donation_total_fen", "honours_text", "primary_photo_id", "id")


def encoded_rows(facts: StoredFacts) -> tuple[str, str]:
    """The derived rows and the search rows of some honourees, as the JSON `_write` takes:
    pure Python, so worker processes can compute it (reindex_all)."""
    derived, index = computed_rows(facts)
    search = []
    for honouree_id, *values in index:
        tokens, mains, names, fields = vectors(values)
        search.append({"id": honouree_id, "tokens": tokens, "mains": mains, "names": names, "fields": fields})
    return (
        json.dumps([dict(zip(_DERIVED_KEYS, row, strict=True)) for row in derived], ensure_ascii=False),
        json.dumps(search, ensure_ascii=False),
    )


def _write(cur, chunk: list[int], encoded: tuple[str, str]) -> None:
    derived, search = encoded
    cur.execute(_WRITE, {"derived": derived, "search": search, "ids": chunk})


def _chunks(ids: Iterable[int]) -> list[list[int]]:
    ordered = sorted(set(ids))
    return [ordered[start : start + BATCH] for start in range(0, len(ordered), BATCH)]


def index_honourees(cur, ids: Iterable[int]) -> None:
    """(Re)write the search rows of these honourees from their stored rows, inside the
    caller's transaction: a record in the trash (or no longer stored) loses its row. The
    derived columns the roll is ordered and filtered by (sort key, best level, donation
    total, honours text, primary photo) are written too where they differ, as the file's
    reindex does. Refuses (TokenizerMismatchError) when the roll was indexed by another
    tokenizer."""
    for chunk in _chunks(ids):
        _write(cur, chunk, encoded_rows(_checked_facts(cur, chunk)))


def reindex_all(conn) -> int:
    """Rebuild every search row (after a tokenizer change, or a bulk load that wrote rows
    only), recording this program's tokenizer version; one transaction. Returns how many
    honourees were read."""
    with conn.transaction(), conn.cursor() as cur:
        cur.execute(
            "INSERT INTO meta (key, value) VALUES ('tokenizer_version', %s)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (TOKENIZER_VERSION,),
        )
        return index_everyone(cur)


def index_everyone(cur) -> int:
    """Write the search rows and derived columns of every stored honouree, inside the
    caller's transaction (a rebuild, a whole registry copied in); returns how many were read."""
    cur.execute("DELETE FROM honouree_search")
    ids = [r[0] for r in cur.execute("SELECT id FROM honouree ORDER BY id").fetchall()]
    chunks = _chunks(ids)
    # thousands of records: their tokens are computed by worker processes while this one
    # reads and writes (as the file's rebuild does)
    with worker_processes(len(ids)) as pool:
        computed = Pipeline(pool, encoded_rows).run(_facts(cur, chunk) for chunk in chunks)
        for chunk, encoded in zip(chunks, computed, strict=True):  # in order
            _write(cur, chunk, encoded)
    return len(ids)
