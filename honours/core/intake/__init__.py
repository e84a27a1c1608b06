"""Report intake: propose the honourees a Chinese news report names.

Rule-based and offline: dictionaries of honour titles, posts and surnames (``lexicon``), the
core's places, title levels and names (``..places``, ``..titles``, ``..names``, shared with sheet
import and the edit dialog) and a reader that follows how such reports are written
(``titles``, ``names``, ``mentions`` with its ``mention_*`` reader families, ``donations``,
``parser`` with its whole-report steps ``shared_facts``, ``honour_years`` and ``proposing``).
Nothing is written to the registry here; staff accept, edit or reject the proposals, and
``merging`` prepares the accepted ones for :meth:`Registry.merge_intake`.

    >>> result = analyse_text("全国劳动模范谷井文带领干部职工放弃休假。")
    >>> [p.name for p in result.proposals]
    ['谷井文']
"""

from __future__ import annotations

from pathlib import Path

from .merging import find_existing, match_existing, merged_record
from .parser import analyse_text
from .proposals import KIND_COLLECTIVE, KIND_PERSON, Highlight, IntakeResult, Proposal, Reason
from .reading import ReportError, decode_text, read_report

__all__ = [
    "KIND_COLLECTIVE",
    "KIND_PERSON",
    "Highlight",
    "IntakeResult",
    "Proposal",
    "Reason",
    "ReportError",
    "analyse_file",
    "analyse_text",
    "decode_text",
    "find_existing",
    "match_existing",
    "merged_record",
    "read_report",
]


def analyse_file(path: str | Path) -> IntakeResult:
    """Read a .txt or .docx report and propose its honourees; the file name goes into each source."""
    path = Path(path)
    return analyse_text(read_report(path), path.name)
