"""Whether the export and print dialogs show ID numbers in full: a choice made in each dialog,
remembered while the program runs and never saved (issue 15: ID numbers are personal data,
masked unless a person asks to see them, each time the program starts)."""

from __future__ import annotations

REVEAL_ID: dict[str, bool] = {"export": False, "print": False}


def reveal_id(where: str) -> bool:
    return REVEAL_ID.get(where, False)


def remember(where: str, reveal: bool) -> None:
    REVEAL_ID[where] = bool(reveal)
