"""Display labels for the registry's stored values (levels, statuses, categories, genders).

The core stores stable values ("provincial", "deceased", 男); people read 省级 and 已故.
The words come from the one vocabulary (honours/core/vocabulary.py), which the sheet
reader, the query language, the export and the printed texts use too, so the screen never
says 医务工作者 where an export says something else. They are looked up at call time in the
UI's language, so a language switch shows at once. Unknown values (categories are free
text) are shown as stored.
"""

from __future__ import annotations

from ..core.vocabulary import CARE_KINDS, CATEGORIES, GENDERS, LEVELS, STATUSES, Vocabulary
from .i18n import current_language


def _label(vocabulary: Vocabulary, value: str | None) -> str:
    return vocabulary.label(value, current_language())


def level_label(level: str | None) -> str:
    return _label(LEVELS, level)


def status_label(status: str | None) -> str:
    return _label(STATUSES, status)


def category_label(category: str | None) -> str:
    return _label(CATEGORIES, category)


def gender_label(gender: str | None) -> str:
    """Gender is stored as 男/女 as the reports write it; English readers get a word."""
    return _label(GENDERS, gender)


def care_kind_label(kind: str | None) -> str:
    """慰问, 体检, 疗休养, 困难帮扶, 劳模津贴 (Visit, Check-up …)."""
    return _label(CARE_KINDS, kind)
