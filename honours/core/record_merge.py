"""Folding one record of a person into another: what a merge adds, fills and leaves to a person.

Used where two records turn out to be one person: a sheet row that resembles an existing
honouree (the import plan's "possible duplicate"), two rows of one sheet, and two records
of the roll merged by hand (档案合并, `Registry.merge`). The rules are the same everywhere:
- honours, deeds and donations the kept record lacks are added; one it has already (the
  same title and year, the same deed text, the same amount and goods) is not added twice,
  though an empty year, date or awarding body of the kept honour is filled from it;
- an empty field of the kept record is filled from the other;
- a field both fill, differently, is a `Conflict`: the kept record's value stays unless
  the caller takes the other's (`take`), and the conflict is reported either way.
No SQL and no Qt: plain records in, the changed record and its conflicts out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from copy import copy
from dataclasses import dataclass, replace

from .diffs import describe, field_label
from .fields import ARCHIVE_FIELDS, OWN_FIELDS, WRITTEN_KINDS
from .i18n import Text
from .records import Care, Deed, Donation, Honour, Honouree, Level, Source, Status

# The single-valued fields a merge fills or reports, in the order people read them.
MERGED_FIELDS = (*(f.key for f in OWN_FIELDS), "source")


@dataclass(frozen=True)
class Conflict:
    """A field both records fill, differently: `kept` stays unless `taken` (then `other` is used)."""

    field: str
    kept: str  # the kept record's value, as a person reads it
    other: str  # the other record's (or sheet row's) value
    taken: bool = False

    def describe(self, lang: str, kept_name: str = "", other_name: str = "") -> str:
        """'unit: kept “A” of the kept record (the other says “B”)' in the user's language."""
        label = field_label(self.field, lang)
        kept, other = self.shown(lang)
        the_kept, the_other = Text("the kept record"), Text("the other record")
        kept_by, other_by = kept_name or the_kept, other_name or the_other
        values = {"label": label, "kept": kept, "other": other, "kept_by": kept_by, "other_by": other_by}
        if self.taken:
            return Text("{label}: took “{other}” from {other_by} ({kept_by} had “{kept}”)", **values).render(
                lang
            )
        return Text("{label}: kept “{kept}” of {kept_by} ({other_by} says “{other}”)", **values).render(lang)

    def shown(self, lang: str) -> tuple[str, str]:
        """The two values as a person reads them (statuses and categories in their language, the
        archive's vocabularies too, an ID number masked)."""
        if self.field in _DESCRIBED:
            return describe(self.field, self.kept, lang), describe(self.field, self.other, lang)
        return self.kept, self.other


# Conflicting values shown as diffs.describe shows them: labels of a vocabulary, an ID number masked.
_DESCRIBED = frozenset({"status", "category", *(f.key for f in ARCHIVE_FIELDS if f.masked or f.vocabulary)})


def clone(record: Honouree) -> Honouree:
    """A copy whose lists and items can be changed without touching `record` (faster than deepcopy)."""
    copied = copy(record)
    copied.source = copy(record.source)
    for kind in WRITTEN_KINDS:
        setattr(copied, kind.key, [copy(x) for x in getattr(record, kind.key)])
    copied.photos = list(record.photos)
    return copied


_LOOSE = re.compile(r"[\s\u3000“”\"'「」『』《》，,。.、；;：:（）()【】\[\]·•・]|荣誉称号|称号")


def loose_text(text: str) -> str:
    """Text compared loosely: full-width forms folded, spaces and punctuation dropped."""
    return _LOOSE.sub("", unicodedata.normalize("NFKC", text or "")).lower()


def _value(record: Honouree, key: str) -> str:
    if key == "source":
        return describe("source", {"report": record.source.report, "sentence": record.source.sentence})
    return str(getattr(record, key) or "")


def _is_empty(record: Honouree, key: str) -> bool:
    if key == "status":  # active is what a record says when nothing was reported
        return record.status in ("", Status.ACTIVE.value)
    if key == "source":
        return not (record.source.report or record.source.sentence)
    return not str(getattr(record, key) or "").strip()


def _set(record: Honouree, key: str, other: Honouree) -> None:
    if key == "source":
        record.source = Source(other.source.report, other.source.sentence)
    else:
        setattr(record, key, getattr(other, key))


def written_apart(kept: Honouree, other: Honouree) -> bool:
    """The kept record has unit and position run together in its unit (“衡阳市中心医院院长”, no
    position) where the other gives them apart (“衡阳市中心医院” + “院长”): the same facts."""
    return (
        not kept.position.strip()
        and bool(other.position.strip())
        and bool(other.unit.strip())
        and loose_text(kept.unit) == loose_text(other.unit + other.position)
    )


def default_take(kept: Honouree, other: Honouree) -> set[str]:
    """Conflicts settled for the other by default: only a unit the other writes apart from its position."""
    return {"unit"} if written_apart(kept, other) else set()


def combine(kept: Honouree, other: Honouree, take: Collection[str] | None = None) -> list[Conflict]:
    """Fold `other` into `kept` (changed in place) by the module's rules; returns the conflicts.

    `take`: fields whose conflict is settled with the other's value (None: `default_take`).
    """
    take = default_take(kept, other) if take is None else take
    conflicts = []
    for key in MERGED_FIELDS:
        if _is_empty(other, key):
            continue
        if _is_empty(kept, key):
            _set(kept, key, other)
            continue
        mine, theirs = _value(kept, key), _value(other, key)
        if loose_text(mine) == loose_text(theirs):
            continue
        taken = key in take
        conflicts.append(Conflict(key, mine, theirs, taken))
        if taken:
            _set(kept, key, other)
    _add_honours(kept, other)
    known_deeds = [loose_text(d.text) for d in kept.deeds]
    for deed in other.deeds:
        key = loose_text(deed.text)
        if key and not any(key in old for old in known_deeds):
            kept.deeds.append(Deed(deed.text, deed.date))
            known_deeds.append(key)
    known = {_donation_key(d) for d in kept.donations}
    for donation in other.donations:
        if _donation_key(donation) not in known:
            kept.donations.append(
                Donation(
                    donation.amount_fen,
                    donation.item,
                    donation.quantity,
                    donation.quantity_unit,
                    donation.recipient,
                    donation.date,
                    donation.note,
                )
            )
            known.add(_donation_key(donation))
    add_care(kept, other)
    return conflicts


def add_care(kept: Honouree, other: Honouree) -> None:
    """The other's care records the kept one lacks (same date, kind, occasion and amount), as copies."""
    known = {_care_key(c) for c in kept.care}
    for care in other.care:
        if _care_key(care) not in known:
            kept.care.append(replace(care, id=None))
            known.add(_care_key(care))


def _care_key(c: Care) -> tuple:
    return c.date, c.kind, loose_text(c.occasion), c.amount_fen, loose_text(c.item)


def _donation_key(d: Donation) -> tuple:
    return d.amount_fen, loose_text(d.item), d.quantity, d.quantity_unit or ""


def _add_honours(kept: Honouree, other: Honouree) -> None:
    for honour in other.honours:
        title = loose_text(honour.title)
        same = next(
            (
                h
                for h in kept.honours
                if loose_text(h.title) == title
                and (h.year is None or honour.year is None or h.year == honour.year)
            ),
            None,
        )
        if same is None:
            kept.honours.append(
                Honour(
                    honour.title, honour.level, honour.year, honour.date, honour.awarded_by, honour.posthumous
                )
            )
            continue
        same.year = same.year or honour.year
        same.date = same.date or honour.date
        same.awarded_by = same.awarded_by or honour.awarded_by
        same.posthumous = same.posthumous or honour.posthumous
        if same.level == Level.OTHER.value and honour.level != Level.OTHER.value:
            same.level = honour.level


__all__ = ["MERGED_FIELDS", "Conflict", "clone", "combine", "default_take", "loose_text", "written_apart"]
