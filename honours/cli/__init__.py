"""The `honours` command line: thin adapters over the registry core, like `calibredb`.

Each command is a function taking the parsed arguments and returning an exit code;
commands register themselves in `COMMANDS` with their help text, so a test can check
that none lacks it. Errors go to stderr in the user's language with exit 1 (bad input,
not found) or 2 (usage); output is UTF-8 whatever the terminal.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import HonoursError, user_language


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


# argparse's own complaints, as a clerk with a Chinese desktop should read them.
_ARGPARSE_ZH = [
    (re.compile(r"the following arguments are required: (.+)"), "缺少必需的参数：{0}"),
    (re.compile(r"unrecognized arguments: (.+)"), "无法识别的参数：{0}"),
    (re.compile(r"argument (.+?): invalid choice: (.+?) \(choose from (.+)\)"), "参数 {0} 的取值 {1} 无效（可选：{2}）"),
    (re.compile(r"argument (.+?): expected one argument"), "参数 {0} 后面缺少取值"),
    (re.compile(r"argument (.+?): expected at least one argument"), "参数 {0} 后面至少需要一个取值"),
    (re.compile(r"argument (.+?): invalid (?:int|float) value: (.+)"), "参数 {0} 需要数字，而不是 {1}"),
    (re.compile(r"argument (.+?): not allowed with argument (.+)"), "参数 {0} 不能与 {1} 同时使用"),
    (re.compile(r"argument (.+?): (.+)"), "参数 {0}：{1}"),
]


def _argparse_zh(message: str) -> str:
    for pattern, zh in _ARGPARSE_ZH:
        found = pattern.fullmatch(message)
        if found:
            return zh.format(*found.groups())
    return message


def _utf8_streams() -> None:
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, io.UnsupportedOperation):
                pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with a plain message, not a traceback
        self.print_usage(sys.stderr)
        zh = user_language() == "zh"
        print(("用法错误：" + _argparse_zh(message)) if zh else "usage error: " + message, file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    from . import commands, photo_commands  # noqa: F401 - registers the commands

    for module_name in ("honours.cli.io_commands", "honours.cli.print_commands",
                        "honours.cli.safety_commands", "honours.cli.intake_commands",
                        "honours.cli.duplicate_commands"):
        try:
            __import__(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
    parser = _Parser(prog="honours", description="Honours (劳模荣誉库): the honours registry from the command line.")
    parser.add_argument("--db", type=Path, help="registry file (default: $HONOURS_DB or the user-data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for cmd in COMMANDS.values():
        child = sub.add_parser(cmd.name, help=cmd.help, description=cmd.help)
        cmd.configure(child)
        child.set_defaults(_run=cmd.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    _utf8_streams()
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
