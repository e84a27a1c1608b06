"""Connecting to the shared registry's server, with the failures said in the user's language.

Passwords are never stored by the app: libpq reads them from the user's ~/.pgpass (or
%APPDATA%\\postgresql\\pgpass.conf on Windows) or PGPASSWORD, as every PostgreSQL tool does.
Where neither has one, the desktop app asks (PasswordNeededError tells it to) and hands the
answer to `use_password`, which keeps it in this process's memory only, for this session's
reconnects: never in the settings, a URL, a file or a message.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..errors import HonoursError
from ..i18n import Text

_URL = re.compile(r"^postgres(?:ql)?://", re.IGNORECASE)
APPLICATION_NAME = "Honours"


class ServerUnreachableError(HonoursError):
    """The server did not answer, or refused the login."""


class PasswordNeededError(ServerUnreachableError):
    """The server asks this login for a password that neither ~/.pgpass nor PGPASSWORD gave
    (`wrong`: one was given and refused)."""

    def __init__(self, text: Text, *, wrong: bool) -> None:
        super().__init__(text)
        self.wrong = wrong


_passwords: dict[str, str] = {}  # shown_url → password typed this session (memory only)


def use_password(url: str, password: str | None) -> None:
    """Connect to `url` with this password from now on in this process (None: forget it)."""
    if password is None:
        _passwords.pop(shown_url(url), None)
    else:
        _passwords[shown_url(url)] = password


def is_server_url(text: str | object) -> bool:
    """Whether `--db` names a shared registry on a server rather than a file."""
    return isinstance(text, str) and bool(_URL.match(text.strip()))


def shown_url(url: str) -> str:
    """The URL without a password, for messages and window titles."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    user = f"{parts.username}@" if parts.username else ""
    return f"postgresql://{user}{host}{port}{parts.path}"


def connect(url: str, *, autocommit: bool = False, kind: type | None = None):
    """A psycopg connection to `url` (of the class `kind`, a psycopg.Connection by default), or
    ServerUnreachableError saying why in both languages."""
    import psycopg

    extra = {}
    if shown_url(url) in _passwords:
        extra["password"] = _passwords[shown_url(url)]
    try:
        return (kind or psycopg.Connection).connect(
            url, autocommit=autocommit, application_name=APPLICATION_NAME, connect_timeout=10, **extra
        )
    except psycopg.OperationalError as exc:
        reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        where = shown_url(url)
        if "no password supplied" in reason:
            raise PasswordNeededError(
                Text("The server at {where} asks for this login's password.", where=where), wrong=False
            ) from exc
        if "password" in reason.lower() or "authentication" in reason.lower():
            error = Text(
                "The server at {where} refused the login: {reason}. Check the user name, and the password in your pgpass file or PGPASSWORD.",
                where=where,
                reason=reason,
            )
            if "password authentication failed" in reason:
                raise PasswordNeededError(error, wrong=True) from exc
            raise ServerUnreachableError(error) from exc
        raise ServerUnreachableError(
            Text(
                "Cannot reach the shared registry at {where}: {reason}. Check the network and that the server is running.",
                where=where,
                reason=reason,
            ),
        ) from exc


def database_of(conn) -> str:
    return conn.execute("SELECT current_database()").fetchone()[0]
