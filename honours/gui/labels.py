"""Display labels for the registry's stored values (levels, statuses, categories).

The core stores stable English values ("provincial", "deceased"); people read 省级 and
已故. These functions translate at call time, so a language switch shows at once.
Unknown values (categories are free text) are shown as stored.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# lupdate finds `translate("Context", "text")` calls with literal text, not wrappers.
translate = QCoreApplication.translate


def level_label(level: str | None) -> str:
    labels = {
        "national": translate("Labels", "National"),
        "provincial": translate("Labels", "Provincial"),
        "municipal": translate("Labels", "Municipal"),
        "county": translate("Labels", "County"),
        "other": translate("Labels", "Other"),
    }
    return labels.get(level or "", level or "")


def status_label(status: str | None) -> str:
    labels = {
        "active": translate("Labels", "Active"),
        "retired": translate("Labels", "Retired"),
        "deceased": translate("Labels", "Deceased"),
    }
    return labels.get(status or "", status or "")


def category_label(category: str | None) -> str:
    labels = {
        "medical": translate("Labels", "Medical workers"),
        "other trades": translate("Labels", "Other trades"),
        "model worker": translate("Labels", "Model workers"),
        "donor": translate("Labels", "Donors"),
        "collective": translate("Labels", "Collectives"),
    }
    return labels.get(category or "", category or "")


def gender_label(gender: str | None) -> str:
    """Gender is stored as 男/女 as the reports write it; English readers get a word."""
    labels = {"男": translate("Labels", "Male"), "女": translate("Labels", "Female")}
    return labels.get(gender or "", gender or "")
