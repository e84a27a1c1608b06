"""Field-by-field differences between two versions of an honouree.

The history view ("what did this save change?") and the conflict view ("what differs
between my edit and the version someone else saved?") show the same thing, so the
comparison lives here, without Qt, over the JSON shape of `Honouree.to_dict()` that the
history table stores.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .amounts import format_quantity, format_yuan
from .archive import MASKED_KEYS
from .fields import CARE, COMPARED, HONOUREE_FIELD
from .fields import field_label as spec_label
from .i18n import SEPARATORS, Declared, Joined, Message, Text
from .id_numbers import mask
from .records import Care, Honouree, yuan_to_fen
from .vocabulary import CARE_KINDS, CATEGORIES, LEVELS, STATUSES

# Compared in the spec's order (fields.py); bookkeeping (id, version, timestamps) is not a
# difference a person made.
FIELDS = COMPARED


@dataclass(frozen=True)
class FieldChange:
    """One field that differs; `before`/`after` are readable text (lists one item a line)."""

    field: str
    before: str
    after: str


def field_label(field: str, lang: str = "en") -> str:
    """The field's name for the CLI: its Chinese label from the spec, or its key in English."""
    return spec_label(field, "zh") if lang == "zh" else field.replace("_", " ")


def as_dict(record: Honouree | dict[str, Any] | None) -> dict[str, Any]:
    if record is None:
        return {}
    return record.to_dict() if isinstance(record, Honouree) else record


def differences(
    before: Honouree | dict[str, Any] | None,
    after: Honouree | dict[str, Any] | None,
    lang: str = "en",
    reveal_id: bool = False,
) -> list[FieldChange]:
    """The fields whose readable text differs between two versions (either may be None); an ID
    number masked unless `reveal_id`."""
    old, new = as_dict(before), as_dict(after)
    changes = []
    for name in FIELDS:
        old_text = describe(name, old.get(name), lang, reveal=True) if old else ""
        new_text = describe(name, new.get(name), lang, reveal=True) if new else ""
        if old_text != new_text:  # compared in full, shown masked (personal data: the ID number)
            if name in MASKED_KEYS and not reveal_id:
                old_text, new_text = mask(old_text), mask(new_text)
            changes.append(FieldChange(name, old_text, new_text))
    return changes


def describe(field: str, value: Any, lang: str = "en", reveal: bool = False) -> str:
    """A field's value as a person reads it; an ID number masked unless `reveal`."""
    zh = lang == "zh"
    if value is None:
        return ""
    if field in MASKED_KEYS:
        return str(value) if reveal else mask(str(value))
    if isinstance(value, bool):
        return Text("yes").render(lang) if value else ""
    if field in HONOUREE_FIELD and HONOUREE_FIELD[field].vocabulary is not None and field != "gender":
        return HONOUREE_FIELD[field].vocabulary.label(value) if zh else str(value)
    if field == "status":
        return STATUSES.label(value) if zh else str(value)
    if field == "category":
        return CATEGORIES.label(value) if zh else str(value)
    if field == "source":
        value = value or {}
        return " — ".join(p for p in (value.get("report", ""), value.get("sentence", "")) if p)
    if field == "honours":
        return "\n".join(_honour(h, zh) for h in value)
    if field == "deeds":
        return "\n".join(_dated(d.get("date"), d.get("text", "")) for d in value)
    if field == "donations":
        return "\n".join(_donation(d, zh) for d in value)
    if field == "care":
        return "\n".join(_care(c, zh) for c in value)
    if field == "photos":
        return "\n".join(_photo(p, zh) for p in value)
    return str(value)


def _honour(h: dict[str, Any], zh: bool) -> str:
    level = h.get("level") or "other"
    parts: list[Message | str] = [Declared(level, LEVELS.label(level))]
    if h.get("year"):
        parts.append(str(h["year"]))
    if h.get("posthumous"):
        parts.append(Text("posthumous"))
    if h.get("awarded_by"):
        parts.append(h["awarded_by"])
    if h.get("document"):
        parts.append(h["document"])
    if h.get("revoked"):
        parts.append(
            Text(
                "revoked {date} {reason}",
                date=h.get("revoked_date") or "",
                reason=h.get("revoked_reason") or "",
            )
        )
    said = Text("{title} ({details})", title=h.get("title", ""), details=Joined(parts, "commas"))
    return said.render("zh" if zh else "en")


def _dated(date: str | None, text: str) -> str:
    return f"{date}: {text}" if date else text


def _donation(d: dict[str, Any], zh: bool) -> str:
    parts = []
    if d.get("amount_yuan") is not None:  # written as everywhere else in the app: 50万元, not 500000元
        parts.append(format_yuan(yuan_to_fen(d["amount_yuan"])))
    if d.get("item"):
        quantity = (
            " " + format_quantity(int(d["quantity"]), d.get("quantity_unit") or "")
            if d.get("quantity") is not None
            else ""
        )
        parts.append(f"{d['item']}{quantity}")
    if d.get("recipient"):
        parts.append(Text("→ {recipient}", recipient=d["recipient"]).render("zh" if zh else "en"))
    if d.get("note"):
        parts.append(d["note"])
    return _dated(d.get("date"), " ".join(parts))


CARE_FROM_JSON = ("amount_yuan", "id")


def _care(c: dict[str, Any], zh: bool) -> str:
    """A care record of a snapshot as `care_text` writes it."""
    record = Care(**{k: v for k, v in c.items() if k not in CARE_FROM_JSON and k in _CARE_KEYS})
    if c.get("amount_yuan") is not None:
        record.amount_fen = yuan_to_fen(c["amount_yuan"])
    return care_text(record, "zh" if zh else "en")


_CARE_KEYS = {f.key for f in CARE.fields}


def care_text(care: Care, language: str = "zh") -> str:
    """One line: 2027-01-20 慰问 春节 500元 米 2袋 经办：市总工会 备注：… (English: visit …).

    The Chinese form is what an exported sheet holds and `parse_care_cell` reads back."""
    zh = language == "zh"
    parts = [care.date or "", CARE_KINDS.label(care.kind, "zh" if zh else "en")]
    if care.occasion:
        parts.append(care.occasion)
    if care.amount_fen is not None:
        parts.append(format_yuan(care.amount_fen))
    if care.item:
        quantity = format_quantity(care.quantity, care.quantity_unit) if care.quantity is not None else ""
        parts.append(f"{care.item}×{quantity}" if quantity else _labelled("item", care.item, zh))
    if care.by:
        parts.append(_labelled("by", care.by, zh))
    if care.note:
        parts.append(_labelled("note", care.note, zh))
    return " ".join(p for p in parts if p)


_CARE_FIELDS = {f.key: f for f in CARE.fields}


def _labelled(key: str, value: str, zh: bool) -> str:
    """物品：米 / item: rice — the field's label as declared (the sheet's form, read back by
    `parse_care_cell`), a full-width colon in Chinese."""
    spec = _CARE_FIELDS[key]
    label = spec.zh if zh else spec.name.lower()
    return label + SEPARATORS["label"]["zh" if zh else "en"] + value


def _photo(p: dict[str, Any], zh: bool) -> str:
    text = f"#{p.get('id')} {p.get('caption') or p.get('original_name') or ''}".rstrip()
    if p.get("primary"):
        text += Text(" (primary)").render("zh" if zh else "en")
    return text


def merge(original: Honouree, mine: Honouree, theirs: Honouree) -> tuple[Honouree, list[str], list[str]]:
    """Mine, with the fields only they changed taken from theirs (a three-way merge).

    Returns the merged record (id and version of mine; photos as in mine, which
    `Registry.overwrite` reconciles with theirs), the fields only they changed (kept
    from theirs) and the fields both changed differently (mine wins there: those are
    the real conflicts a person should look at).
    """
    base, ours, other = original.to_dict(), mine.to_dict(), theirs.to_dict()
    merged = dict(ours)
    theirs_only: list[str] = []
    both: list[str] = []
    for name in FIELDS:
        if name == "photos":
            continue
        was, mine_now, theirs_now = (_comparable(d.get(name)) for d in (base, ours, other))
        i_changed = mine_now != was
        they_changed = theirs_now != was
        if they_changed and not i_changed:
            merged[name] = other.get(name)
            theirs_only.append(name)
        elif they_changed and i_changed and mine_now != theirs_now:
            both.append(name)
    record = Honouree.from_dict({k: v for k, v in merged.items() if k not in ("created_at", "updated_at")})
    record.id, record.version, record.photos = mine.id, mine.version, mine.photos
    return record, theirs_only, both


def _comparable(value: Any) -> Any:
    """A field's value without row ids (an edit dialog may rebuild unchanged list items)."""
    if isinstance(value, list):
        return [
            {k: v for k, v in item.items() if k != "id"} if isinstance(item, dict) else item for item in value
        ]
    return value
