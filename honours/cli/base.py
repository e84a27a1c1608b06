"""The table of the command line's commands, filled by the command modules as they are
imported, and the words they share (a usage error, a message in the user's language).

Apart from the package's __init__ (which builds the parser from the table) so that the
command modules import this and never the package that imports them."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from ..core.errors import user_language


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

    def __init__(self, en: str, zh: str = "") -> None:
        super().__init__(en)
        self.zh = zh or en

    def message(self) -> str:
        return localised(str(self), self.zh)


def localised(en: str, zh: str) -> str:
    """The text for the user's language (argument-type errors are worded when they happen)."""
    return zh if user_language() == "zh" else en
