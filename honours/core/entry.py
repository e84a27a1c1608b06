"""Records given as JSON (the command line's `add` and `edit`), tidied like every other way in.

`Honouree.from_dict` reads the JSON shape exactly, as an export restores it; a record a
person writes is then tidied as a sheet row or the edit dialog would be: its name as
the registry keeps it (names.py: 贺 彪 → 贺彪, 马红秋(女) → 马红秋 and gender 女) and the
level of each honour given without one read from its title (titles.py), with the
awarding body of a well-known title. What the JSON says explicitly always wins.
"""

from __future__ import annotations

from typing import Any

from .archive import from_id_number
from .names import Note, tidy_name
from .records import Honouree
from .titles import complete_honour


def honouree_from_json(data: Any) -> tuple[Honouree, list[Note]]:
    """A new record from a JSON object, tidied; ValueError (as from_dict) when it cannot be read."""
    record = Honouree.from_dict(data)
    return record, tidy_given(record, data)


def tidy_given(record: Honouree, given: dict[str, Any]) -> list[Note]:
    """Tidy the parts of `record` that the JSON object `given` sets (all of a new record, the
    changed fields of an edit): the name, and honours given without a level."""
    notes = tidy_name(record) if "name" in given else []
    if "id_number" in given:  # an empty birth date and gender read from the number, a mismatch said
        notes.extend(Note(said) for said in from_id_number(record))
    if "honours" in given:
        raw = given.get("honours") or []
        for honour, item in zip(record.honours, raw, strict=False):
            complete_honour(
                honour, level_given=isinstance(item, dict) and item.get("level") not in (None, "")
            )
    return notes
