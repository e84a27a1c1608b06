"""History snapshots as JSON text, exactly as `json.dumps(snapshot, ensure_ascii=False)` writes them.

Every write records the record before and after; an import of 100,000 records builds each
added record's snapshot text directly from the record in memory (`added_snapshot_json`)
instead of reading it back and encoding a dict, and a test holds the two byte-identical.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from json.encoder import encode_basestring as _quote  # a str as JSON text, in C
from operator import attrgetter
from typing import Any

from .fields import BOOL, DATE, FEN, HONOUREE_FIELDS, INT, WRITTEN_KINDS, RecordKind
from .records import Honouree, Photo

# Snapshots are written as json.dumps(snapshot, ensure_ascii=False) writes them.
to_json = json.JSONEncoder(ensure_ascii=False).encode


def _js(value: object) -> str:
    """One value as JSON text, as `to_json` writes it (strings, ints and None take a short cut)."""
    kind = value.__class__
    if kind is str:
        return _quote(value)
    if kind is int:
        return int.__repr__(value)
    return "null" if value is None else to_json(value)


def _yuan_json(fen: int | None) -> str:
    if fen is None:
        return "null"
    return _js(fen // 100 if fen % 100 == 0 else float(Decimal(fen) / 100))


# The JSON text of a record, made once from the field spec (fields.py) in the order
# Honouree.to_dict() writes the keys: an honouree's own fields, its source, then each kind
# of record with its fields, its id and, last, money in yuan.
_OWN = [f.key for f in HONOUREE_FIELDS if "." not in f.key]
_SOURCE = [f.key.split(".")[1] for f in HONOUREE_FIELDS if f.key.startswith("source.")]
_SCALARS_JSON = (
    "{"
    + ", ".join(f'"{key}": %s' for key in _OWN)
    + ', "source": {'
    + ", ".join(f'"{key}": %s' for key in _SOURCE)
    + "}, "
)


def _kind_json(kind: RecordKind) -> str:
    """One record's JSON with %s for each value; ids are ints the import itself counted out: %d."""
    plain = [f'"{f.key}": %s' for f in kind.fields if f.type != FEN]
    money = [f'"{f.key.removesuffix("_fen")}_yuan": %s' for f in kind.fields if f.type == FEN]
    return "{" + ", ".join([*plain, '"id": %d', *money]) + "}"


_KIND_JSON = {kind.key: _kind_json(kind) for kind in WRITTEN_KINDS}
# Yes/no fields among an honouree's stored values (0/1 there, true/false in JSON).
_OWN_BOOLS = frozenset(i for i, f in enumerate(HONOUREE_FIELDS) if f.type == BOOL)


def _scalars(text: Callable[[object], str], scalars: tuple) -> tuple:
    return tuple(
        ("true" if value else "false") if i in _OWN_BOOLS else text(value) for i, value in enumerate(scalars)
    )


_STAMPS_JSON = ', "id": %d, "version": %s, "created_at": %s, "updated_at": %s}'


def added_snapshot_json(
    honouree_id: int,
    h: Honouree,
    scalars: tuple,
    child_ids: Sequence[Sequence[int]],
    photos: list[Photo],
    version: int,
    created: str,
    updated: str,
) -> str:
    """The history snapshot (JSON text) of a record just inserted by apply_import, built without
    reading it back and without an intermediate dict: it is the text `_record` writes for
    `_snapshot` of the stored record, byte for byte (a test holds the two together).
    `scalars` are the record's `rows.stored_values`; `child_ids` the ids of its honours, deeds
    and donations (one sequence for each of WRITTEN_KINDS).

    Texts are quoted by the json module's C function and numbers written by %d; a value of
    another type (a number where text belongs, text where a number does) raises TypeError
    there, and then every value is encoded as json.dumps would."""
    try:
        return _snapshot_text(
            _quote, _int_json, honouree_id, h, scalars, child_ids, photos, version, created, updated
        )
    except TypeError:
        return _snapshot_text(_js, _js, honouree_id, h, scalars, child_ids, photos, version, created, updated)


def _int_json(value: object) -> str:
    """An int (or None) as JSON; TypeError for anything else, bool included."""
    if value is None:
        return "null"
    if value.__class__ is not int:
        raise TypeError(value)
    return int.__repr__(value)


def _values(
    kind: RecordKind, text: Callable[[object], str], number: Callable[[object], str]
) -> Callable[[Any, int], tuple]:
    """How a record of the kind fills its JSON: each field as its type is written, the id, then money."""
    writers = []
    for f in kind.fields:
        if f.type == FEN:
            continue
        if f.stripped:
            writers.append(lambda v: text(v.strip()))
        elif f.type == DATE:
            writers.append(lambda v: text(v) if v else "null")
        elif f.type == INT:
            writers.append(number)
        elif f.type == BOOL:
            writers.append(lambda v: "true" if v else "false")
        elif f.vocabulary is not None:
            writers.append(text)
        else:
            writers.append(lambda v: text(v or ""))
    plain = attrgetter(*(f.key for f in kind.fields if f.type != FEN))
    money = [attrgetter(f.key) for f in kind.fields if f.type == FEN]
    return lambda record, i: (
        *[w(v) for w, v in zip(writers, plain(record), strict=False)],
        i,
        *[_yuan_json(get(record)) for get in money],
    )


_WRITERS = {
    write: {kind.key: _values(kind, write, number) for kind in WRITTEN_KINDS}
    for write, number in ((_quote, _int_json), (_js, _js))
}


def _snapshot_text(
    text: Callable[[object], str],
    number: Callable[[object], str],
    honouree_id: int,
    h: Honouree,
    scalars: tuple,
    child_ids: Sequence[Sequence[int]],
    photos: list[Photo],
    version: int,
    created: str,
    updated: str,
) -> str:
    values = _WRITERS[text]
    parts = [_SCALARS_JSON % (_scalars(text, scalars) if _OWN_BOOLS else tuple(map(text, scalars)))]
    for kind, ids in zip(WRITTEN_KINDS, child_ids, strict=False):
        template, write = _KIND_JSON[kind.key], values[kind.key]
        parts += [
            f'"{kind.key}": [',
            ", ".join([template % write(x, i) for x, i in zip(getattr(h, kind.key), ids, strict=False)]),
            "], ",
        ]
    parts += [
        '"photos": ',
        to_json([{k: v for k, v in p.__dict__.items() if k != "position"} for p in photos])
        if photos
        else "[]",
        _STAMPS_JSON % (honouree_id, number(version), text(created), text(updated)),
    ]
    return "".join(parts)
