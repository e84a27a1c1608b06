"""Setting up a shared registry on a PostgreSQL server: what `honours server …` does.

An administrator runs these as a role that may create roles (a superuser, or the database's
owner with CREATEROLE). The tables belong to `honours_owner`, which never logs in; each
office logs in as its own role, a member of `honours_office`, so the row-level security
policies apply to it (owners and superusers would bypass them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import HonoursError
from ..i18n import Joined, Message, Text
from .connection import connect, database_of
from .schema import MIGRATIONS, OFFICE_ROLE, OWNER_ROLE, SCHEMA_VERSION, TOKENIZER_VERSION

_LOGIN = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class ServerSetupError(HonoursError):
    """The server refused a set-up step, or the step was asked wrongly."""


@dataclass(frozen=True)
class Office:
    login: str
    name: str
    regions: tuple[str, ...]
    all_regions: bool

    def describe(self, language: str = "zh") -> str:
        if self.all_regions:
            where: Message = Text("all regions")
        elif self.regions:
            where = Joined(self.regions, "list")
        else:
            where = Text("(no region)")
        line = Text("{name} (login {login}): {where}", name=self.name, login=self.login, where=where)
        return line.render(language)


def login_for(name: str) -> str:
    """A login for an office named in Chinese: its pinyin, lower case (耒阳市总工会 → leiyangshizonggonghui)."""
    from pypinyin import lazy_pinyin

    spelled = "".join(lazy_pinyin(name)).lower()
    login = re.sub(r"[^a-z0-9_]", "", spelled)[:63]
    if not login or not login[0].isalpha():
        login = ("office_" + login)[:63]
    return login


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def schema_version(conn) -> int:
    """How many migrations the database has had (0: not a shared registry yet)."""
    exists = conn.execute("SELECT to_regclass('public.meta') IS NOT NULL").fetchone()[0]
    if not exists:
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def init_server(url: str, *, city_office: str = "", city_login: str = "", password: str | None = None) -> int:
    """Create (or bring up to date) the shared registry's schema, roles and policies in the
    database `url` names; with `city_office`, also the city office's login, which edits every
    region. Returns the schema version. Run again, it only applies what is missing."""
    with connect(url, autocommit=True) as conn:
        _ensure_roles(conn)
        database = database_of(conn)
        conn.execute(f"GRANT CONNECT ON DATABASE {_quote_ident(database)} TO {OFFICE_ROLE}")
        conn.execute(f"GRANT USAGE, CREATE ON SCHEMA public TO {OWNER_ROLE}")
        conn.execute(f"GRANT USAGE ON SCHEMA public TO {OFFICE_ROLE}")
        with conn.transaction():
            conn.execute(f"SET LOCAL ROLE {OWNER_ROLE}")
            current = schema_version(conn)
            if current > SCHEMA_VERSION:
                raise ServerSetupError(
                    Text(
                        "The shared registry has schema {current}, newer than this program ({SCHEMA_VERSION}); update Honours first.",
                        current=current,
                        SCHEMA_VERSION=SCHEMA_VERSION,
                    ),
                )
            for migration in (m for m in MIGRATIONS if m.version > current):
                conn.execute(migration.sql)
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema_version', %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(migration.version),),
                )
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('tokenizer_version', %s) ON CONFLICT (key) DO NOTHING",
                (TOKENIZER_VERSION,),
            )
        if city_office:
            add_office(
                url, city_office, (), login=city_login or "", all_regions=True, password=password, _conn=conn
            )
        return SCHEMA_VERSION


def _ensure_roles(conn) -> None:
    for role in (OWNER_ROLE, OFFICE_ROLE):
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        if not exists:
            conn.execute(f"CREATE ROLE {role} NOLOGIN")
    # the administrator acts as the owner when migrating (a superuser may already)
    conn.execute(f"GRANT {OWNER_ROLE} TO CURRENT_USER")


def add_office(
    url: str,
    name: str,
    regions: tuple[str, ...] | list[str],
    *,
    login: str = "",
    all_regions: bool = False,
    password: str | None = None,
    _conn=None,
) -> Office:
    """A login for one office: it reads the whole roll and changes the people of `regions`
    (or of every region). The password, when given, is stored by the server (hashed)."""
    name = name.strip()
    regions = tuple(dict.fromkeys(r.strip() for r in regions if r.strip()))
    if not name:
        raise ServerSetupError(Text("An office needs a name."))
    if not regions and not all_regions:
        raise ServerSetupError(
            Text("Give the regions whose people {name} may change (--region), or --all-regions.", name=name),
        )
    login = login.strip().lower() or login_for(name)
    if not _LOGIN.match(login):
        raise ServerSetupError(
            Text(
                "“{login}” cannot be a login: use lower-case letters, digits and _ (at most 63).", login=login
            ),
        )
    own = _conn is None
    conn = connect(url, autocommit=True) if own else _conn
    try:
        if schema_version(conn) == 0:
            raise ServerSetupError(
                Text("This database is not a shared registry yet: run `honours server init` first."),
            )
        taken = conn.execute(
            "SELECT login FROM office WHERE name = %s AND login <> %s", (name, login)
        ).fetchone()
        if taken:
            raise ServerSetupError(Text("{name} already has the login {taken}.", name=name, taken=taken[0]))
        with conn.transaction():
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone()
            secret = "" if password is None else " PASSWORD " + _literal(conn, password)
            if exists:
                conn.execute(f"ALTER ROLE {_quote_ident(login)} LOGIN{secret}")
            else:
                conn.execute(f"CREATE ROLE {_quote_ident(login)} LOGIN{secret}")
            conn.execute(f"GRANT {OFFICE_ROLE} TO {_quote_ident(login)}")
            conn.execute(f"SET LOCAL ROLE {OWNER_ROLE}")
            conn.execute(
                "INSERT INTO office (login, name, regions, all_regions) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (login) DO UPDATE SET name = excluded.name, regions = excluded.regions,"
                " all_regions = excluded.all_regions",
                (login, name, list(regions), all_regions),
            )
        return Office(login, name, regions, all_regions)
    finally:
        if own:
            conn.close()


def _literal(conn, text: str) -> str:
    """A string literal quoted by the server's own rules (CREATE ROLE takes no parameters)."""
    return conn.execute("SELECT quote_literal(%s)", (text,)).fetchone()[0]


def offices(url: str) -> list[Office]:
    """The offices of the shared registry, by name."""
    with connect(url) as conn:
        if schema_version(conn) == 0:
            raise ServerSetupError(
                Text("This database is not a shared registry yet: run `honours server init` first."),
            )
        rows = conn.execute("SELECT login, name, regions, all_regions FROM office ORDER BY name").fetchall()
    return [Office(login, name, tuple(regions), all_regions) for login, name, regions, all_regions in rows]
