"""Saved searches: a name for a search (its text and the filters ticked in it), kept per registry.

A search is its query text: the filter panel writes every ticked value into the query, so
the text is the whole search and running it again gives the same filters back.

They are kept in the user's settings (QSettings, one list per registry file), not in the
registry: they are one clerk's ways of looking at the roll, not facts about honourees;
saving one is not a change to the records (no history entry, no conflict with another PC,
no backup taken), and it works on a file opened read-only.
"""

from __future__ import annotations

from pathlib import Path

from .settings import Settings


class SavedSearches:
    """The saved (name, query) pairs of one registry file; every change is stored at once."""

    def __init__(self, settings: Settings, registry: str | Path | None) -> None:
        self.settings = settings
        self.registry = registry

    def all(self) -> list[tuple[str, str]]:
        return self.settings.saved_searches(self.registry)

    def names(self) -> list[str]:
        return [name for name, _ in self.all()]

    def query(self, name: str) -> str | None:
        return dict(self.all()).get(name)

    def save(self, name: str, query: str) -> None:
        """Keep `query` under `name`, replacing a search of that name (in its place)."""
        name = name.strip()
        if not name:
            raise ValueError("a saved search needs a name")
        items = self.all()
        if name in dict(items):
            items = [(n, query if n == name else q) for n, q in items]
        else:
            items.append((name, query))
        self._store(items)

    def rename(self, old: str, new: str) -> None:
        new = new.strip()
        if not new:
            raise ValueError("a saved search needs a name")
        items = self.all()
        if new != old and new in dict(items):
            raise KeyError(new)
        self._store([(new if n == old else n, q) for n, q in items])

    def delete(self, name: str) -> None:
        self._store([(n, q) for n, q in self.all() if n != name])

    def _store(self, items: list[tuple[str, str]]) -> None:
        self.settings.set_saved_searches(self.registry, items)
        self.settings.sync()
