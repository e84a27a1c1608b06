"""The `honours` command line: thin adapters over the registry core, like `calibredb`.

Each command is a function taking the parsed arguments and returning an exit code;
commands register themselves in `COMMANDS` with their help text, so a test can check
that none lacks it. Help, usage and argparse's own words come in the user's language
from one catalogue (i18n.py). Errors go to stderr in the user's language with exit 1
(bad input, not found, a query that cannot be read) or 2 (usage); 0 is success only.
Output is UTF-8 whatever the terminal.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from ..core.errors import HonoursError, user_language
from .i18n import HelpFormatter, _, install


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


def default_db_path() -> Path:
    """--db, else $HONOURS_DB, else the platform's user-data folder."""
    env = os.environ.get("HONOURS_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("Honours", appauthor=False)) / "honours.sqlite"


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


def _utf8_streams() -> None:
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, io.UnsupportedOperation):
                pass


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:  # exit 2 with the usage and the reason, not a traceback
        self.print_usage(sys.stderr)
        self.exit(2, _("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message})


def registry_location(text: str) -> Path | str:
    """--db: a registry file, or a shared registry's server URL (postgresql://…), kept as written."""
    from ..core.postgres.connection import is_server_url

    return text.strip() if is_server_url(text) else Path(text)


def build_parser() -> argparse.ArgumentParser:
    from . import commands, photo_commands  # noqa: F401 - registers the commands

    for module_name in ("honours.cli.io_commands", "honours.cli.print_commands",
                        "honours.cli.safety_commands", "honours.cli.intake_commands",
                        "honours.cli.duplicate_commands", "honours.cli.server_commands"):
        try:
            __import__(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
    parser = _Parser(prog="honours", description=_("Honours (劳模荣誉库): the honours registry from the command line."))
    parser.add_argument("--db", type=registry_location, metavar=_("FILE"),
                        help=_("registry file (default: $HONOURS_DB or the user-data folder)"))
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)
    sub.required = True
    for cmd in COMMANDS.values():
        child = sub.add_parser(cmd.name, help=_(cmd.help), description=_(cmd.help))
        cmd.configure(child)
        child.set_defaults(_run=cmd.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    _utf8_streams()
    install(user_language())
    parser = build_parser()
    args = parser.parse_args(argv)
    args.db = args.db or default_db_path()
    try:
        return args._run(args)
    except HonoursError as exc:
        print(exc.message(), file=sys.stderr)
        return exc.exit_code
    except UsageError as exc:
        print(exc.message(), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
