"""Errors the registry reports to people, in the reader's language.

The core has no Qt and so no `tr()`: every error carries a catalogued message (core/i18n.py),
and the GUI and the CLI render it in the user's language (`message(lang)`, or `.en` / `.zh`).
`str(error)` is English.
"""

from __future__ import annotations

import errno
import json

from .i18n import Foreign, Message, Text, Verbatim, Worded, as_message, user_language

# Python's json module words its complaints in English only; as a clerk should read them.
_JSON_MESSAGES = {
    "Expecting value": Text("Expecting value"),
    "Expecting property name enclosed in double quotes": Text(
        "Expecting property name enclosed in double quotes"
    ),
    "Expecting ':' delimiter": Text("Expecting ':' delimiter"),
    "Expecting ',' delimiter": Text("Expecting ',' delimiter"),
    "Unterminated string starting at": Text("Unterminated string starting at"),
    "Invalid control character at": Text("Invalid control character at"),
    "Invalid \\escape": Text("Invalid \\escape"),
    "Invalid \\uXXXX escape": Text("Invalid \\uXXXX escape"),
    "Extra data": Text("Extra data"),
    "Illegal trailing comma before end of object": Text("Illegal trailing comma before end of object"),
    "Illegal trailing comma before end of array": Text("Illegal trailing comma before end of array"),
}


# The operating system's reasons (strerror is English whatever the locale), as a clerk should read them.
_OS_MESSAGES = {
    errno.ENOENT: Text("No such file or folder"),
    errno.EACCES: Text("Permission denied"),
    errno.EPERM: Text("Permission denied"),
    errno.EISDIR: Text("This is a folder, not a file"),
    errno.ENOTDIR: Text("A part of the path is not a folder"),
    errno.ENOSPC: Text("No space left on the disk"),
    errno.EROFS: Text("The disk or folder is read-only"),
    errno.EEXIST: Text("The file already exists"),
    errno.EBUSY: Text("The file is in use"),
    errno.ENAMETOOLONG: Text("The file name is too long"),
    errno.EIO: Text("Error reading or writing the disk"),
    errno.EINVAL: Text("Invalid file name or path"),
}


def error_text(error: BaseException) -> Message:
    """What an error says: its Text, or (from code not converted yet) its English and `.zh`."""
    text = getattr(error, "text", None)
    if isinstance(text, Message):
        return text
    return as_message(str(error), getattr(error, "zh", None))


def os_reason_text(error: OSError) -> Message:
    """Why a file could not be read or written: the system's words in English."""
    en = error.strerror or str(error)
    return Foreign(en, _OS_MESSAGES.get(error.errno or 0) or Text("System error: {reason}", reason=en))


def os_reason(error: OSError) -> tuple[str, str]:
    """`os_reason_text` as an (English, Chinese) pair, for code not moved to Text yet."""
    text = os_reason_text(error)
    return text.en, text.zh


def json_problem_text(error: json.JSONDecodeError) -> Message:
    """What is wrong with a JSON text and where."""
    detail = Foreign(error.msg, _JSON_MESSAGES.get(error.msg) or Text("badly formed"))
    return Text(
        "not valid JSON (line {line}, column {column}: {detail})",
        line=error.lineno,
        column=error.colno,
        detail=detail,
    )


def json_problem(error: json.JSONDecodeError) -> tuple[str, str]:
    """`json_problem_text` as an (English, Chinese) pair, for code not moved to Text yet."""
    text = json_problem_text(error)
    return text.en, text.zh


class HonoursError(Worded, Exception):
    """Base of every error meant for a person to read.

    Made with a `Text` (core/i18n.py); an (English, Chinese) pair of strings is still taken
    from code not moved to the catalogue yet.
    """

    exit_code = 1

    def __init__(self, text: Message | str, zh: str | None = None) -> None:
        super().__init__(self._word(text, zh))

    def message(self, lang: str | None = None) -> str:
        return self.text.render(lang or user_language())


class ReadPreempted(HonoursError):
    """A worker's read on a connection it shares with the window was put off: the window needed
    the connection (core/postgres/reader.py). The worker runs the read again a moment later."""

    def __init__(self) -> None:
        super().__init__(Text("The reading was put off: the window needed the connection."))


_WHAT = {"honouree": Text("honouree"), "photo": Text("photo"), "history": Text("history entry")}


class NotFoundError(HonoursError):
    def __init__(self, what: str, ident: object) -> None:
        # the English names the thing as `what` says it; the catalogue words it for the reader
        thing = Foreign(what, _WHAT[what]) if what in _WHAT else Verbatim(what)
        super().__init__(Text("No {what} with ID {ident}.", what=thing, ident=ident))
        self.ident = ident


class InvalidRecordError(HonoursError):
    def __init__(self, detail: Message | str, zh: str | None = None) -> None:
        self.detail = as_message(detail, zh)
        super().__init__(Text("Invalid record: {detail}", detail=self.detail))


class ConflictError(HonoursError):
    """The record changed on disk since it was opened (another window or PC saved it)."""

    def __init__(self, honouree_id: int, expected: int, actual: int | None, name: str = "") -> None:
        # Staff know records by name; the number is there to tell namesakes apart.
        who = (
            Text("“{name}” (#{ident})", name=name, ident=honouree_id)
            if name
            else Text("Honouree {ident}", ident=honouree_id)
        )
        if actual is None:
            text = Text("{who} was deleted by someone else while you were editing it.", who=who)
        else:
            text = Text(
                "{who} was changed by someone else while you were editing it "
                "(version {expected} opened, {actual} now saved).",
                who=who,
                expected=expected,
                actual=actual,
            )
        super().__init__(text)
        self.honouree_id = honouree_id
        self.expected = expected
        self.actual = actual


class DatabaseFileError(HonoursError):
    """Problems with the registry file itself; carry the path for the GUI's choices."""

    def __init__(self, path: str, text: Message | str, zh: str | None = None) -> None:
        super().__init__(text, zh)
        self.path = path


# SQLite's own words for damage, as staff should read them.
_DAMAGE = {
    "file is not a database": Text("not a database file"),
    "database disk image is malformed": Text("the database's inner structure is damaged"),
    "truncated": Text("the file is incomplete: it was cut short"),  # no brackets: the message puts it in ()
}


class CorruptDatabaseError(DatabaseFileError):
    def __init__(self, path: str, detail: str = "") -> None:
        known = next((text for en, text in _DAMAGE.items() if detail.startswith(en)), None)
        super().__init__(
            path,
            Text(
                "The registry file {path} is damaged and cannot be opened ({detail}). "
                "It has not been changed. Restore a backup or choose another file.",
                path=path,
                detail=Foreign(detail, known) if known else Verbatim(detail),
            ),
        )


class NotARegistryError(DatabaseFileError):
    def __init__(self, path: str) -> None:
        super().__init__(path, Text("{path} is not an Honours registry. It has not been changed.", path=path))


class NewerVersionError(DatabaseFileError):
    def __init__(self, path: str, found: int, supported: int) -> None:
        super().__init__(
            path,
            Text(
                "{path} was written by a newer version of Honours (schema {found}; this version "
                "understands up to {supported}). Please update the program. The file has not been changed.",
                path=path,
                found=found,
                supported=supported,
            ),
        )
        self.found = found


class ReadOnlyDatabaseError(DatabaseFileError):
    def __init__(self, path: str, needs_upgrade: bool = False) -> None:
        text = (
            Text(
                "{path} cannot be written (read-only file or folder). "
                "It needs an upgrade, which cannot be done read-only.",
                path=path,
            )
            if needs_upgrade
            else Text("{path} cannot be written (read-only file or folder).", path=path)
        )
        super().__init__(path, text)
        self.needs_upgrade = needs_upgrade


class DatabaseLockedError(DatabaseFileError):
    def __init__(self, path: str) -> None:
        super().__init__(
            path,
            Text(
                "{path} is busy: another window or computer is writing to it. Try again in a moment.",
                path=path,
            ),
        )


class PhotoError(HonoursError):
    """A file that cannot be stored as a photo; nothing was stored."""


class QueryError(HonoursError):
    """A search query that cannot be understood as written."""


class DatabaseInUseError(DatabaseFileError):
    """Replacing a file another window or PC has open would pull it from under them."""

    def __init__(self, path: str) -> None:
        super().__init__(
            path,
            Text(
                "{path} is open in another window or on another computer. Close it there first; "
                "nothing has been changed.",
                path=path,
            ),
        )


class BadBackupError(HonoursError):
    """A backup that fails verification is never restored over the current file."""

    def __init__(self, path: str, reason: Message | str, reason_zh: str | None = None) -> None:
        super().__init__(
            Text(
                "The backup {path} cannot be restored: {reason} The current registry has not been changed.",
                path=path,
                reason=as_message(reason, reason_zh),
            )
        )
        self.path = path


class BackupFailedError(HonoursError):
    """Writing a backup failed (disk full, folder not writable); nothing was replaced."""

    def __init__(self, path: str, detail: Message | str, detail_zh: str | None = None) -> None:
        super().__init__(
            Text(
                "Could not write the backup {path} ({detail}).",
                path=path,
                detail=as_message(detail, detail_zh),
            )
        )
        self.path = path


class EmptyDatabaseFileError(DatabaseFileError):
    """An existing 0-byte file is not turned into a new registry: its records may be lost."""

    def __init__(self, path: str) -> None:
        super().__init__(
            path,
            Text(
                "{path} is empty (0 bytes): it holds no registry. If it should hold your records, "
                "restore a backup; to start a new registry, choose a new file name. It has not been changed.",
                path=path,
            ),
        )


class RegistryFileInUseError(HonoursError):
    """A file the user chose is a registry this program has open (or one of its -wal/-shm).

    Reading or writing it with ordinary file I/O would drop SQLite's locks on it in this
    process (POSIX closes every fcntl lock on a file when any descriptor of it is closed),
    and another program could then delete the write-ahead log under our feet.
    """

    def __init__(self, path: str) -> None:
        super().__init__(
            Text("{path} is a registry file this program has open; choose another file.", path=path)
        )
        self.path = path
