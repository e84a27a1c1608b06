"""Proposals and the records already in the registry: who is probably the same person, and merging.

Why merge rather than add: a model worker honoured again appears in a new report with a new
medal; a second record for the same person would split their honours. So a proposal whose
name (and unit) matches an existing record is offered as a merge that adds only what is
new — honours, deeds, donations, and fields the record left empty.
"""

from __future__ import annotations

import copy
import re

from ..i18n import Text
from ..records import Honouree, Status
from ..registry import Registry
from .proposals import Proposal, Reason


def find_existing(registry: Registry, honouree: Honouree) -> list[int]:
    """Ids of records that are probably this person, best first.

    Same name and unit first; otherwise same name where either unit is empty or one unit
    contains the other (市中心医院 / 衡阳市中心医院), since reports shorten unit names.
    """
    name, unit = honouree.name.strip(), honouree.unit.strip()
    if not name:
        return []
    if unit:
        exact = registry.same_name_and_unit(name, unit)
        if exact:
            return exact
    result = registry.search(f"name:{name}")
    same_name = [s for s in registry.summaries(result.all_ids()) if s.name == name]
    return [s.id for s in same_name if not s.unit or not unit or s.unit in unit or unit in s.unit]


def match_existing(registry: Registry, proposals: list[Proposal]) -> None:
    """Fill each proposal's `existing_ids` and say so in its reasons."""
    for proposal in proposals:
        proposal.existing_ids = find_existing(registry, proposal.honouree)
        proposal.reasons = [r for r in proposal.reasons if r.code != "existing"]
        if proposal.existing_ids:
            ids = ", ".join(f"#{i}" for i in proposal.existing_ids)
            proposal.reasons.append(
                Reason(
                    "existing",
                    Text("Already in the registry ({ids}): will be merged, not duplicated", ids=ids),
                )
            )


def _key(text: str) -> str:
    return re.sub(r"[\s“”\"'「」，,。、]|荣誉称号|称号", "", text or "")


def merged_record(existing: Honouree, new: Honouree) -> Honouree:
    """`existing` with what `new` adds: honours, deeds and donations it lacks, and empty fields filled.

    Nothing the record already holds is overwritten, except that a report of death marks an
    active record deceased. The result keeps the existing id and version, so saving it fails
    with ConflictError if someone changed the record meanwhile.
    """
    merged = copy.deepcopy(existing)
    titles = {_key(h.title): h for h in merged.honours}
    for honour in new.honours:
        old = titles.get(_key(honour.title))
        if old is None:
            added = copy.deepcopy(honour)
            added.id = None
            merged.honours.append(added)
            titles[_key(honour.title)] = added
        else:
            old.year = old.year or honour.year
            old.awarded_by = old.awarded_by or honour.awarded_by
            old.posthumous = old.posthumous or honour.posthumous
            if old.level == "other" and honour.level != "other":
                old.level = honour.level
    deed_texts = [_key(d.text) for d in merged.deeds]
    for deed in new.deeds:
        key = _key(deed.text)
        if key and not any(key in old or old in key for old in deed_texts if old):
            merged.deeds.append(copy.deepcopy(deed))
            merged.deeds[-1].id = None
            deed_texts.append(key)
    donation_keys = {(d.amount_fen, d.item, d.quantity, d.quantity_unit) for d in merged.donations}
    for donation in new.donations:
        key = (donation.amount_fen, donation.item, donation.quantity, donation.quantity_unit)
        if key not in donation_keys:
            merged.donations.append(copy.deepcopy(donation))
            merged.donations[-1].id = None
            donation_keys.add(key)
    for field_name in ("gender", "birth_date", "age", "ethnicity", "unit", "position", "region", "category"):
        if not getattr(merged, field_name) and getattr(new, field_name):
            setattr(merged, field_name, getattr(new, field_name))
    if new.status == Status.DECEASED.value and merged.status == Status.ACTIVE.value:
        merged.status = Status.DECEASED.value
    if not merged.source.sentence and new.source.sentence:
        merged.source = copy.deepcopy(new.source)
    elif (
        new.source.report
        and new.source.report not in (merged.notes or "")
        and new.source.report != merged.source.report
    ):
        note = f"另见报道《{new.source.report}》。"
        merged.notes = f"{merged.notes}{note}" if merged.notes else note
    return merged


def adds_something(existing: Honouree, new: Honouree) -> bool:
    """Would merging `new` change `existing` at all? (A proposal that adds nothing can be skipped.)"""
    merged = merged_record(existing, new)
    return merged.to_dict() != existing.to_dict()
