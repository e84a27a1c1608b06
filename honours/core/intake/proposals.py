"""What intake hands to staff: proposals, each a record in the core's shape plus why it was proposed.

A proposal's ``honouree`` is an ordinary :class:`~honours.core.records.Honouree`, so accepting
one is just adding (or merging) a record. The evidence — reasons, confidence, the spans to
highlight in the source sentence — travels beside it under the JSON key ``intake``, which
``Honouree.from_dict`` ignores, so ``honours intake --json | honours add`` works.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..i18n import Message, Said
from ..records import Honouree


@dataclass(frozen=True)
class Reason(Said):
    """Why something was proposed (the core has no Qt to translate with: a catalogued message)."""

    code: str
    message: Message

    def __init__(self, code: str, message: Message | str, zh: str | None = None) -> None:
        object.__setattr__(self, "code", code)
        self._say(message, zh)


@dataclass(frozen=True)
class Highlight:
    """A span of the source sentence (as written) that the parser matched, and what it is."""

    start: int
    end: int
    kind: str  # name, title, unit, position, donation, status, award


KIND_PERSON = "person"
KIND_COLLECTIVE = "collective"


@dataclass
class Proposal:
    honouree: Honouree
    confidence: float
    reasons: list[Reason] = field(default_factory=list)
    highlights: list[Highlight] = field(default_factory=list)
    kind: str = KIND_PERSON
    sentence_simplified: str = (
        ""  # the source sentence in Simplified script (differs for Traditional reports)
    )
    mentions: int = 1
    existing_ids: list[int] = field(default_factory=list)  # same name (and unit) in the registry

    @property
    def name(self) -> str:
        return self.honouree.name

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The record in the core JSON shape, with the evidence under ``intake``."""
        data = self.honouree.to_dict()
        for key in ("id", "version", "created_at", "updated_at"):
            data.pop(key, None)
        data["intake"] = {
            "kind": self.kind,
            "confidence": round(self.confidence, 2),
            "reasons": [{"code": r.code, "text": r.text(lang)} for r in self.reasons],
            "highlights": [{"start": h.start, "end": h.end, "kind": h.kind} for h in self.highlights],
            "sentence_simplified": self.sentence_simplified,
            "mentions": self.mentions,
            "existing_ids": list(self.existing_ids),
        }
        return data


@dataclass
class IntakeResult:
    """Everything intake found in one report."""

    report: str  # the report's file name ("" for pasted text)
    proposals: list[Proposal]
    traditional: bool = False
    bylines: list[str] = field(default_factory=list)  # byline texts found (their names are never proposed)
    sentences: int = 0
