"""`honours server init|add-office|offices`: setting up a shared registry on a PostgreSQL server.

Run by the federation's administrator, as a server role that may create roles. Passwords are
read from standard input when asked for (`--password-stdin`), never from the command line,
where other users of the computer could see them.
"""

from __future__ import annotations

import argparse
import sys

from ..core.copying import copy_registry, where
from ..core.errors import user_language
from ..core.i18n import Text
from ..core.postgres.connection import is_server_url, shown_url
from ..core.postgres.server import add_office, init_server, offices
from .base import UsageError, command
from .i18n import _
from .output import say


def _password(args: argparse.Namespace) -> str | None:
    if not args.password_stdin:
        return None
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise UsageError(Text("--password-stdin: standard input gave no password"))
    return line


def _server_url(args: argparse.Namespace) -> str:
    url = getattr(args, "url", None) or args.db
    if not is_server_url(url):
        raise UsageError(
            Text("{url} is not a server URL (postgresql://user@host:port/database)", url=url),
        )
    return str(url)


def _login_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--login",
        metavar=_("LOGIN"),
        default="",
        help=_("the office's login (default: the pinyin of its name)"),
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=_(
            "read the office's password from standard input (default: none; the server's "
            "own authentication decides)"
        ),
    )


@command("server", "set up a shared registry on a PostgreSQL server: its schema and the offices' logins")
def _server(parser: argparse.ArgumentParser):
    sub = parser.add_subparsers(dest="server_command", metavar=_("ACTION"), parser_class=type(parser))
    sub.required = True
    init = sub.add_parser(
        "init",
        help=_(
            "create the shared registry's tables, roles and policies in a database "
            "(again: bring them up to date)"
        ),
    )
    init.add_argument(
        "url", metavar=_("URL"), help=_("the database, as postgresql://user@host:port/database")
    )
    init.add_argument(
        "--city-office",
        metavar=_("NAME"),
        default="",
        help=_("also create the login of the office that changes every region (e.g. 衡阳市总工会)"),
    )
    _login_options(init)
    office = sub.add_parser(
        "add-office",
        help=_("create the login of an office that changes the people of its regions (the server is --db)"),
    )
    office.add_argument("name", metavar=_("NAME"), help=_("the office's name, e.g. 耒阳市总工会"))
    office.add_argument(
        "--region",
        action="append",
        default=[],
        metavar=_("REGION"),
        help=_("a region whose people it changes (repeat for several)"),
    )
    office.add_argument("--all-regions", action="store_true", help=_("it changes people of every region"))
    _login_options(office)
    sub.add_parser("offices", help=_("list the offices and the regions each changes (the server is --db)"))

    def run(args: argparse.Namespace) -> int:
        url = _server_url(args)
        lang = user_language()
        if args.server_command == "init":
            version = init_server(
                url, city_office=args.city_office, city_login=args.login, password=_password(args)
            )
            say(
                Text(
                    "The shared registry at {shown_url} is ready (schema {version}).",
                    shown_url=shown_url(url),
                    version=version,
                ),
                err=True,
            )
            if args.city_office:
                for each in offices(url):
                    if each.all_regions and each.name == args.city_office.strip():
                        print(each.describe(lang))
        elif args.server_command == "add-office":
            created = add_office(
                url,
                args.name,
                args.region,
                login=args.login,
                all_regions=args.all_regions,
                password=_password(args),
            )
            print(created.describe(lang))
        else:
            for each in offices(url):
                print(each.describe(lang))
        return 0

    return run


@command(
    "copy",
    "copy a whole registry (records, photos, history, trash) between a file and a shared registry",
)
def _copy(parser: argparse.ArgumentParser):
    parser.add_argument(
        "source",
        metavar=_("SRC"),
        help=_("the registry to copy: a file, or postgresql://user@host:port/database"),
    )
    parser.add_argument(
        "target",
        metavar=_("DEST"),
        help=_("where to copy it: a new file, or an empty shared registry (set up by `honours server init`)"),
    )

    def run(args: argparse.Namespace) -> int:
        def shown(table: str, done: int) -> None:
            if table == "honouree" and done % 10000 == 0:
                say(Text("{count} records copied…", count=done), err=True)

        outcome = copy_registry(args.source.strip(), args.target.strip(), shown)
        say(
            Text(
                "Copied {honourees} honourees ({trash} more in the trash), {photos} photos and {history} "
                "history entries from {source} to {target}.",
                honourees=outcome.honourees,
                trash=outcome.in_trash,
                photos=outcome.photos,
                history=outcome.history,
                source=where(args.source.strip()),
                target=where(args.target.strip()),
            ),
        )
        return 0

    return run
