"""A stand-in for the main window: the contract feature modules rely on, and nothing else.

Feature modules (printing, import/export, intake, ...) only use the accessors listed in the
team's contract, so their tests install them on this small window instead of the real one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu


class FakeWindow(QMainWindow):
    """Menus, registry, selection, query and captured messages and errors."""

    def __init__(self, registry, settings=None, selected: list[int] | None = None, query: str = "") -> None:
        super().__init__()
        self.registry = registry
        self.settings = settings
        self.menus = {name: QMenu(name, self) for name in ("file", "edit", "view", "tools", "help")}
        self.messages: list[str] = []
        self.errors: list[object] = []
        self._selected = selected or []
        self._query = query

    def menu(self, name: str) -> QMenu:
        return self.menus[name]

    def selected_ids(self) -> list[int]:
        return list(self._selected)

    def current_query(self) -> str:
        return self._query

    def result(self):
        return self.registry.search(self._query)

    def status_message(self, text: str, timeout_ms: int = 6000) -> None:
        self.messages.append(text)

    def show_error(self, error) -> None:
        self.errors.append(error)
