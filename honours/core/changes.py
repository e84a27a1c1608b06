"""What every write shares: the change it announces, when it happened and who made it."""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Change:
    """What a write did, for subscribers: kind is 'added', 'updated', 'deleted', 'restored', 'reset', or 'indexed' (queued search rows written: a search may find more)."""

    kind: str
    ids: list[int] = field(default_factory=list)


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getuser raises several kinds where no user is set
        return ""
