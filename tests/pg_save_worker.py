"""A second program saving the same person as another, for tests/test_pg_registry.py.

Run as a real process (multiprocessing, spawn): in each round it reads the person, waits at
the barrier until the other process has read them too, then saves its own change, and
reports whether the save went through or met a ConflictError.
"""

from __future__ import annotations


def save_rounds(url: str, honouree_id: int, label: str, rounds: int, barrier, results) -> None:
    from honours.core.errors import ConflictError
    from honours.core.postgres.registry import ServerRegistry

    with ServerRegistry.open(url) as registry:
        for number in range(rounds):
            person = registry.honouree(honouree_id)
            person.unit = f"{label}{number}"
            barrier.wait(timeout=30)  # both have read the same version
            try:
                saved = registry.update(person)
                results.put((number, label, "saved", saved.version))
            except ConflictError as conflict:
                results.put((number, label, "conflict", conflict.actual))
            barrier.wait(timeout=30)  # both have finished before the next round reads
