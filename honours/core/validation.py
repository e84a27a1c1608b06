"""What a record must be to be stored: checked on every write, and by the import plan
for each row, so that a bad row is named in the preview instead of failing the whole
transaction later."""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import attrgetter

from .errors import InvalidRecordError
from .fields import HONOUREE_FIELDS, RECORD_KINDS, SOURCE_ZH
from .records import Honouree
from .vocabulary import CARE_KINDS, LEVELS, STATUSES

LEVEL_BY_RANK = list(LEVELS.keys)  # a level's rank is its index (the stored honourees.level_rank)


def validate_record(h: Honouree) -> None:
    """InvalidRecordError if `h` cannot be stored: the import plan checks each row with it, so
    that a bad row is named in the preview instead of failing the whole transaction later."""
    _validate(h)


def _validate(h: Honouree) -> None:
    if not h.name or not h.name.strip():
        raise InvalidRecordError("name is required", "姓名不能为空")
    if h.status not in STATUSES:
        raise InvalidRecordError(
            f"unknown status {h.status!r} (use {STATUSES.choices('en')})",
            f"未知状态“{h.status}”（应为{STATUSES.choices('zh')}）",
        )
    for honour in h.honours:
        if not honour.title.strip():
            raise InvalidRecordError("every honour needs a title", "每项荣誉都需要称号")
        if honour.level not in LEVELS:
            raise InvalidRecordError(
                f"unknown honour level {honour.level!r} (use {LEVELS.choices('en')})",
                f"未知荣誉级别“{honour.level}”（应为{LEVELS.choices('zh')}）",
            )
    for deed in h.deeds:
        if not deed.text.strip():
            raise InvalidRecordError("a deed needs text", "事迹内容不能为空")
    for donation in h.donations:
        if donation.amount_fen is None and not donation.item:
            raise InvalidRecordError("a donation needs an amount or an item", "捐赠需填写金额或物品")
        if donation.amount_fen is not None and donation.amount_fen < 0:
            raise InvalidRecordError("a donation amount cannot be negative", "捐赠金额不能为负数")
    for care in h.care:
        if care.kind not in CARE_KINDS:
            raise InvalidRecordError(
                f"unknown care kind {care.kind!r} (use {CARE_KINDS.choices('en')})",
                f"未知关怀类别“{care.kind}”（应为{CARE_KINDS.choices('zh')}）",
            )
        if not care.date:
            raise InvalidRecordError("a care record needs a date", "关怀记录需填写日期")
        if care.amount_fen is not None and care.amount_fen < 0:
            raise InvalidRecordError("a care amount cannot be negative", "关怀金额不能为负数")
    _check_characters(h)


# Invisible control characters (NUL, BEL, ESC, ...) and lone surrogates: pasted from odd
# sources, they print as boxes or cut text short in other programs, and a lone surrogate
# cannot be stored at all. Tab, line feed and carriage return are ordinary text.
_BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _text_fields(h: Honouree) -> Iterator[tuple[str, str, str]]:
    """(English label, Chinese label, text) of every text a record holds."""
    for f in _OWN_CHECKED:
        yield f.name, f.zh, str(getattr(h, f.key) or "")
    yield "source", SOURCE_ZH, f"{h.source.report or ''}{h.source.sentence or ''}"
    for kind, keys in _KIND_TEXTS:
        for n, record in enumerate(getattr(h, kind.key), 1):
            en, zh = _ITEM_NAMES.get(kind.key) or (f"{kind.name} %d", f"第 %d 项{kind.zh}")
            yield en % n, zh % n, "".join([str(getattr(record, key) or "") for key in keys])


# The texts the checks read, from the field spec (fields.py): an honouree's own (the source
# apart, named as one) and those of each kind of record.
_OWN_CHECKED = tuple(f for f in HONOUREE_FIELDS if f.checked and not f.key.startswith("source."))
_OWN_TEXTS = attrgetter(*(f.key for f in HONOUREE_FIELDS if f.checked))
_KIND_TEXTS = tuple((kind, tuple(f.key for f in kind.fields if f.checked)) for kind in RECORD_KINDS)
# How a message names one of them (a new kind without an entry: "care visit 2", "第 2 项慰问").
_ITEM_NAMES = {
    "honours": ("honour %d", "第 %d 项荣誉"),
    "deeds": ("deed %d", "第 %d 条事迹"),
    "donations": ("donation %d", "第 %d 项捐赠"),
    "care": ("care record %d", "第 %d 项关怀记录"),
    "photos": ("photo %d caption", "第 %d 张照片的说明"),
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
    for en, zh, text in _text_fields(h):
        bad = _BAD_CHARACTER.search(text)
        if bad:
            code = f"U+{ord(bad.group()):04X}"
            raise InvalidRecordError(
                f"{en} contains an invisible control character ({code}); remove it and save again",
                f"{zh}中含有不可见的控制字符（{code}），请删除后再保存",
            )
