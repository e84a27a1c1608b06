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


_SCALARS_JSON = ('{"name": %s, "gender": %s, "birth_date": %s, "age": %s, "ethnicity": %s, "unit": %s,'
                 ' "position": %s, "region": %s, "category": %s, "status": %s, "notes": %s,'
                 ' "source": {"report": %s, "sentence": %s}, "honours": [')
# Ids are ints the import itself counted out: %d.
_HONOUR_JSON = ('{"title": %s, "level": %s, "year": %s, "date": %s, "awarded_by": %s, "posthumous": %s,'
                ' "id": %d}')
_DEED_JSON = '{"text": %s, "date": %s, "id": %d}'
_DONATION_JSON = ('{"item": %s, "quantity": %s, "quantity_unit": %s, "recipient": %s, "date": %s,'
                  ' "note": %s, "id": %d, "amount_yuan": %s}')
_STAMPS_JSON = ', "id": %d, "version": %s, "created_at": %s, "updated_at": %s}'


def added_snapshot_json(honouree_id: int, h: Honouree, scalars: tuple, honour_ids: Sequence[int],
                         deed_ids: Sequence[int], donation_ids: Sequence[int], photos: list[Photo], version: int,
                         created: str, updated: str) -> str:
    """The history snapshot (JSON text) of a record just inserted by apply_import, built without
    reading it back and without an intermediate dict: it is the text `_record` writes for
    `_snapshot` of the stored record, byte for byte (a test holds the two together).
    `scalars` are the record's `rows.stored_values`.

    Texts are quoted by the json module's C function and numbers written by %d; a value of
    another type (a number where text belongs, text where a number does) raises TypeError
    there, and then every value is encoded as json.dumps would."""
    try:
        return _snapshot_text(_quote, _int_json, honouree_id, h, scalars, honour_ids, deed_ids, donation_ids,
                              photos, version, created, updated)
    except TypeError:
        return _snapshot_text(_js, _js, honouree_id, h, scalars, honour_ids, deed_ids, donation_ids, photos,
                              version, created, updated)


def _int_json(value: object) -> str:
    """An int (or None) as JSON; TypeError for anything else, bool included."""
    if value is None:
        return "null"
    if value.__class__ is not int:
        raise TypeError(value)
    return int.__repr__(value)


def _snapshot_text(text: Callable[[object], str], number: Callable[[object], str], honouree_id: int,
                   h: Honouree, scalars: tuple, honour_ids: Sequence[int], deed_ids: Sequence[int],
                   donation_ids: Sequence[int], photos: list[Photo], version: int, created: str,
                   updated: str) -> str:
    return "".join((
        _SCALARS_JSON % tuple(map(text, scalars)),
        ", ".join([_HONOUR_JSON % (text(x.title.strip()), text(x.level), number(x.year),
                                   text(x.date) if x.date else "null", text(x.awarded_by or ""),
                                   "true" if x.posthumous else "false", i)
                   for x, i in zip(h.honours, honour_ids)]),
        '], "deeds": [',
        ", ".join([_DEED_JSON % (text(d.text.strip()), text(d.date) if d.date else "null", i)
                   for d, i in zip(h.deeds, deed_ids)]),
        '], "donations": [',
        ", ".join([_DONATION_JSON % (text(d.item or ""), number(d.quantity), text(d.quantity_unit or ""),
                                     text(d.recipient or ""), text(d.date) if d.date else "null",
                                     text(d.note or ""), i, _yuan_json(d.amount_fen))
                   for d, i in zip(h.donations, donation_ids)]),
        '], "photos": ',
        to_json([{k: v for k, v in p.__dict__.items() if k != "position"} for p in photos]) if photos else "[]",
        _STAMPS_JSON % (honouree_id, number(version), text(created), text(updated)),
    ))
