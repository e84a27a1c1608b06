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
import contextlib
import io
import sys
from typing import NoReturn

from ..core.errors import HonoursError, user_language
from ..core.session import default_path, location
from .base import COMMANDS, Command, UsageError, command, localised
from .i18n import HelpFormatter, _, install

__all__ = ["COMMANDS", "Command", "UsageError", "build_parser", "command", "localised", "main"]


def _utf8_streams() -> None:
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, io.UnsupportedOperation):
                stream.reconfigure(encoding="utf-8", errors="replace")


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:  # exit 2 with the usage and the reason, not a traceback
        self.print_usage(sys.stderr)
        self.exit(2, _("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message})


def build_parser() -> argparse.ArgumentParser:
    # Each command module registers its commands as it is imported; the help lists them in this order.
    # isort: off
    from . import commands, photo_commands, io_commands, print_commands  # noqa: F401
    from . import safety_commands, intake_commands, duplicate_commands, server_commands  # noqa: F401
    from . import care_commands  # noqa: F401
    from . import stats_commands  # noqa: F401
    # isort: on

    parser = _Parser(
        prog="honours", description=_("Honours (劳模荣誉库): the honours registry from the command line.")
    )
    parser.add_argument(
        "--db",
        type=location,
        metavar=_("FILE"),
        help=_("registry file (default: $HONOURS_DB or the user-data folder)"),
    )
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
    args.db = args.db or default_path()
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
