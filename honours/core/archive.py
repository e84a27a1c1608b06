"""The archive's fields (档案, issue 15): what is special about them beyond their declaration.

Every door into the registry (JSON for `add`/`edit`, a sheet's row, the edit form) reads an
archive value through `read_value`, so a value one of them takes the others take too: a
vocabulary word (党员, 本科, 全国) as its stored key, a date as dates.py reads it, yes/no as
YES_NO reads it, and an ID number checked and stored as its 18 characters (an old 15-digit
number converted). `from_id_number` fills an empty birth date and gender from the number and
says where the record disagrees with it (a warning, not a refusal).

ID numbers are personal data: `shown` and `masked_json` mask them (430402********123X)
wherever a person did not ask to see them (`reveal`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .dates import FIRST_YEAR, LAST_YEAR, date_value
from .errors import InvalidRecordError
from .fields import ARCHIVE_FIELDS, BOOL, DATE, HONOUREE_FIELD, FieldSpec
from .i18n import Declared, Message, Text, Worded
from .id_numbers import MASK, IdNumberError, mask, parse_id_number
from .vocabulary import YES_NO

ID_NUMBER = HONOUREE_FIELD["id_number"]
MASKED_KEYS = tuple(f.key for f in ARCHIVE_FIELDS if f.masked)


class ArchiveValueError(Worded, ValueError):
    """An archive value that cannot be read: `str()` English, `.text` the message."""

    def __init__(self, text: Message) -> None:
        super().__init__(self._word(text, None))


def _name(spec: FieldSpec) -> Declared:
    """A field's name as a message says it: its English key words, its Chinese label."""
    return Declared(spec.name, spec.zh)


def yes_no(value: Any, spec: FieldSpec) -> bool:
    """A yes/no value as JSON, a sheet or the query write it (true, 是, √, 1 …)."""
    if isinstance(value, bool):
        return value
    if value is None or str(value).strip() == "":
        return False
    if isinstance(value, int | float):
        return bool(value)
    answer = YES_NO.lookup(str(value).strip())
    if answer is None:
        raise ArchiveValueError(Text("{field} “{value}” should be yes or no", field=_name(spec), value=value))
    return answer == "yes"


def read_value(spec: FieldSpec, value: Any) -> Any:
    """An archive field's value as stored, from what a person wrote; ArchiveValueError otherwise."""
    if spec.type == BOOL:
        return yes_no(value, spec)
    if value is None:
        return ""
    text = str(value).strip() if not hasattr(value, "isoformat") else value
    if text == "":
        return ""
    if spec is ID_NUMBER:
        if MASK in str(text):
            raise ArchiveValueError(
                Text(
                    "the ID number {number} is masked, as exports write it unless asked to reveal it:"
                    " leave it out, or export again with the ID numbers revealed (--reveal-id)",
                    number=text,
                )
            )
        try:
            return parse_id_number(str(text)).number
        except IdNumberError as exc:
            raise ArchiveValueError(exc.text) from None
    if spec.type == DATE:
        parsed = date_value(text)
        if parsed is None:
            raise ArchiveValueError(
                Text(
                    "{field} “{text}” is not a date such as 2020-02-05, 2020-02 or 2020 ({first}–{last})",
                    field=_name(spec),
                    text=text,
                    first=FIRST_YEAR,
                    last=LAST_YEAR,
                )
            )
        return parsed.text
    if spec.vocabulary is not None:
        key = spec.vocabulary.lookup(str(text))
        if key is None:
            vocabulary = spec.vocabulary
            choices = Declared(vocabulary.choices("en"), vocabulary.choices("zh"))
            raise ArchiveValueError(
                Text(
                    "{field} “{text}” is not one of {choices}", field=_name(spec), text=text, choices=choices
                )
            )
        return key
    return str(text)


def from_id_number(record: Any) -> list[Message]:
    """Fill an empty birth date and gender from the record's ID number; what was filled and
    where the record disagrees with the number (empty when it has none)."""
    from .id_numbers import disagreements

    if not record.id_number:
        return []
    try:
        parsed = parse_id_number(record.id_number)
    except IdNumberError:
        return []
    said: list[Message] = []
    said.extend(disagreements(parsed, born=record.birth_date or "", gender=record.gender or ""))
    if not record.birth_date:
        record.birth_date = parsed.born.isoformat()
        said.append(Text("birth date {date} read from the ID number", date=record.birth_date))
    if not record.gender:
        record.gender = parsed.gender
        said.append(Text("gender {gender} read from the ID number", gender=parsed.gender))
    return said


def shown(spec: FieldSpec, value: Any, reveal: bool = False) -> Any:
    """A field's value as a person sees it: personal data masked unless `reveal`."""
    if spec.masked and value and not reveal:
        return mask(str(value))
    return value


def masked_json(data: dict[str, Any], reveal: bool = False) -> dict[str, Any]:
    """A record's JSON (Honouree.to_dict) with its personal data masked unless `reveal`."""
    if reveal:
        return data
    out = dict(data)
    for key in MASKED_KEYS:
        if out.get(key):
            out[key] = mask(str(out[key]))
    return out


def refuse_shared_id_numbers(
    records: Sequence[Any],
    updated: set[int],
    holders: Callable[[list[str]], Iterable[tuple[int, str, str]]],
) -> None:
    """An ID number is one person's: an import giving a second live record (or two of its own
    rows) the same number is refused before anything is written, naming both; the preview offers
    such a row as a duplicate to merge instead. `records` are the import's (updates first),
    `updated` the ids it updates, `holders(numbers)` the live (id, name, number) holding any of
    them (each backend's query)."""
    seen: dict[str, str] = {}
    for h in records:
        if not h.id_number:
            continue
        if h.id_number in seen:
            raise InvalidRecordError(
                Text(
                    "the ID number {number} is given to both {first} and {second}:"
                    " the same person? merge the rows instead",
                    number=mask(h.id_number),
                    first=seen[h.id_number],
                    second=h.name,
                )
            )
        seen[h.id_number] = h.name
    for other_id, name, number in holders(sorted(seen)):
        if other_id not in updated:
            raise InvalidRecordError(
                Text(
                    "the ID number {number} of {who} already belongs to #{other_id} {name}:"
                    " the same person? merge instead of adding",
                    number=mask(number),
                    who=seen[number],
                    other_id=other_id,
                    name=name,
                )
            )
