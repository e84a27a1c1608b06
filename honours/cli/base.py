"""The table of the command line's commands, filled by the command modules as they are
imported, and the words they share (a usage error, a message in the user's language).

Apart from the package's __init__ (which builds the parser from the table) so that the
command modules import this and never the package that imports them."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from ..core.i18n import Message, as_message, user_language


@dataclass
class Command:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {}


def command(name: str, help: str):
    """Register a command: the decorated function configures its parser and returns the runner."""

    def register(configure: Callable[[argparse.ArgumentParser], Callable[[argparse.Namespace], int]]):
        holder: dict[str, Callable[[argparse.Namespace], int]] = {}

        def setup(parser: argparse.ArgumentParser) -> None:
            holder["run"] = configure(parser)

        COMMANDS[name] = Command(name, help, setup, lambda args: holder["run"](args))
        return configure

    return register


class UsageError(Exception):
    """Wrong words on the command line: exit 2, with the reason in the user's language."""

    def __init__(self, text: Message | str, zh: str | None = None) -> None:
        self.text = as_message(text, zh)
        super().__init__(self.text.en)

    @property
    def zh(self) -> str:
        return self.text.zh

    def message(self) -> str:
        return self.text.render(user_language())


def localised(text: Message | str, zh: str | None = None) -> str:
    """`text` in the user's language (argument-type errors are worded when they happen)."""
    return as_message(text, zh).render(user_language())
