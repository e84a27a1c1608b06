"""What a record must be to be stored: checked on every write, and by the import plan
for each row, so that a bad row is named in the preview instead of failing the whole
transaction later."""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import attrgetter

from .errors import InvalidRecordError
from .fields import ARCHIVE_FIELDS, HONOUREE_FIELDS, RECORD_KINDS, SOURCE_ZH
from .i18n import N_, Declared, Message, Text, quoted
from .id_numbers import IdNumberError, parse_id_number
from .records import Honouree
from .vocabulary import CARE_KINDS, LEVELS, STATUSES, Vocabulary

LEVEL_BY_RANK = list(LEVELS.keys)  # a level's rank is its index (the stored honourees.level_rank)


def validate_record(h: Honouree) -> None:
    """InvalidRecordError if `h` cannot be stored: the import plan checks each row with it, so
    that a bad row is named in the preview instead of failing the whole transaction later."""
    _validate(h)


def _validate(h: Honouree) -> None:
    if not h.name or not h.name.strip():
        raise InvalidRecordError(Text("name is required"))
    if h.status not in STATUSES:
        raise InvalidRecordError(
            Text(
                "unknown status {status} (use {choices})", status=quoted(h.status), choices=_choices(STATUSES)
            )
        )
    for honour in h.honours:
        if not honour.title.strip():
            raise InvalidRecordError(Text("every honour needs a title"))
        if honour.level not in LEVELS:
            raise InvalidRecordError(
                Text(
                    "unknown honour level {level} (use {choices})",
                    level=quoted(honour.level),
                    choices=_choices(LEVELS),
                )
            )
    for deed in h.deeds:
        if not deed.text.strip():
            raise InvalidRecordError(Text("a deed needs text"))
    for donation in h.donations:
        if donation.amount_fen is None and not donation.item:
            raise InvalidRecordError(Text("a donation needs an amount or an item"))
        if donation.amount_fen is not None and donation.amount_fen < 0:
            raise InvalidRecordError(Text("a donation amount cannot be negative"))
    for care in h.care:
        if care.kind not in CARE_KINDS:
            choices = Declared(CARE_KINDS.choices("en"), CARE_KINDS.choices("zh"))
            raise InvalidRecordError(
                Text("unknown care kind “{kind}” (use {choices})", kind=care.kind, choices=choices)
            )
        if not care.date:
            raise InvalidRecordError(Text("a care record needs a date"))
        if care.amount_fen is not None and care.amount_fen < 0:
            raise InvalidRecordError(Text("a care amount cannot be negative"))
    _check_archive(h)
    _check_characters(h)


def _check_archive(h: Honouree) -> None:
    """The archive's values as every door stores them (archive.read_value): an ID number as its
    checked 18 characters, a vocabulary's value as its key."""
    if h.id_number:
        try:
            parsed = parse_id_number(h.id_number)
        except IdNumberError as exc:
            raise InvalidRecordError(exc.text) from None
        if parsed.number != h.id_number:
            raise InvalidRecordError(
                Text("the ID number must be stored as its 18 characters ({number})", number=parsed.number)
            )
    for spec in _ARCHIVE_WORDS:
        value = getattr(h, spec.key)
        if value and spec.vocabulary is not None and value not in spec.vocabulary:
            field = Declared(spec.name, spec.zh)
            choices = Declared(spec.vocabulary.choices("en"), spec.vocabulary.choices("zh"))
            raise InvalidRecordError(
                Text("unknown {field} “{value}” (use {choices})", field=field, value=value, choices=choices)
            )


_ARCHIVE_WORDS = tuple(f for f in ARCHIVE_FIELDS if f.vocabulary is not None)


# Invisible control characters (NUL, BEL, ESC, ...) and lone surrogates: pasted from odd
# sources, they print as boxes or cut text short in other programs, and a lone surrogate
# cannot be stored at all. Tab, line feed and carriage return are ordinary text.
_BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _text_fields(h: Honouree) -> Iterator[tuple[Message, str]]:
    """(what it is, text) of every text a record holds."""
    for f in _OWN_CHECKED:
        yield Declared(f.name, f.zh), str(getattr(h, f.key) or "")
    yield Declared("source", SOURCE_ZH), f"{h.source.report or ''}{h.source.sentence or ''}"
    for kind, keys in _KIND_TEXTS:
        for n, record in enumerate(getattr(h, kind.key), 1):
            name = _ITEM_NAMES.get(kind.key)
            if name is None:  # a kind without its own wording: the field spec's labels
                item: Message = Text("{kind} {number}", kind=Declared(kind.name, kind.zh), number=n)
            else:
                item = Text(name, number=n)
            yield item, "".join([str(getattr(record, key) or "") for key in keys])


# The texts the checks read, from the field spec (fields.py): an honouree's own (the source
# apart, named as one) and those of each kind of record.
_OWN_CHECKED = tuple(f for f in HONOUREE_FIELDS if f.checked and not f.key.startswith("source."))
_OWN_TEXTS = attrgetter(*(f.key for f in HONOUREE_FIELDS if f.checked))
_KIND_TEXTS = tuple((kind, tuple(f.key for f in kind.fields if f.checked)) for kind in RECORD_KINDS)
# How a message names one of them (a new kind without an entry: "care visit 2", "第 2 项慰问").
_ITEM_NAMES = {
    "honours": N_("honour {number}"),
    "deeds": N_("deed {number}"),
    "donations": N_("donation {number}"),
    "care": N_("care record {number}"),
    "photos": N_("photo {number} caption"),
}


def _all_text(h: Honouree) -> str:
    """Every text `_text_fields` yields, run together: one search finds whether any is bad."""
    return "".join(
        [str(value or "") for value in _OWN_TEXTS(h)]
        + [
            str(getattr(record, key) or "")
            for kind, keys in _KIND_TEXTS
            for record in getattr(h, kind.key)
            for key in keys
        ]
    )


def _check_characters(h: Honouree) -> None:
    text = _all_text(h)
    if text.isprintable() or _BAD_CHARACTER.search(text) is None:
        return  # the usual case (printable text holds none of them); otherwise find the field to name it
    for what, text in _text_fields(h):
        bad = _BAD_CHARACTER.search(text)
        if bad:
            code = f"U+{ord(bad.group()):04X}"
            raise InvalidRecordError(
                Text(
                    "{what} contains an invisible control character ({code}); remove it and save again",
                    what=what,
                    code=code,
                )
            )


def _choices(vocabulary: Vocabulary) -> Declared:
    """A vocabulary's words as a message lists them (its declared words in each language)."""
    return Declared(vocabulary.choices("en"), vocabulary.choices("zh"))
