"""Checking a registry for damage, like calibre's `check_library` and Gramps' database check.

Nothing here changes the file: `check` only reports, in English and Chinese, so that a
person decides what to do (restore a backup, rebuild the search index) instead of the
program "repairing" records silently.
"""

from __future__ import annotations

import io
import sqlite3
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import user_language
from ..fields import DEED, DONATION, HONOUR, PHOTO
from ..i18n import Declared, Joined, Message, Text, ptext

if TYPE_CHECKING:
    from ..registry import Registry

MAX_REPORTED = 50  # per kind of problem: a badly damaged file should not print millions of lines
CHILD_TABLES = {kind.table: kind.zh for kind in (HONOUR, DEED, DONATION, PHOTO)}  # honour: 荣誉 …
# The stored sizes of a photo, as a problem names them.
_IMAGES = {
    "display": ptext("an image", "display"),
    "thumbnail": ptext("an image", "thumbnail"),
    "original": ptext("an image", "original"),
}
_HEADER_BYTES = 65536  # enough of an original image to identify its format without reading it all


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the registry; `kind` is stable for scripts and tests."""

    kind: str
    text: Message
    honouree_id: int | None = None

    @property
    def en(self) -> str:
        return self.text.en

    @property
    def zh(self) -> str:
        return self.text.zh

    def message(self, lang: str | None = None) -> str:
        return self.text.render(lang or user_language())


def check(registry: Registry) -> list[Problem]:
    """Every problem found, most fundamental first; an empty list means the file is sound."""
    conn = registry.conn
    try:
        problems = _integrity(conn)
        if problems:
            return problems  # the other checks would read damaged pages and mislead
        tables = set(registry.db.table_names())
        problems += _schema(registry, tables)
        problems += _orphans(conn)
        problems += _foreign_keys(conn)
        problems += _photos(conn)
        problems += _search_index(conn, tables)
        problems += _search_sources(conn, tables)
    except sqlite3.DatabaseError as exc:
        problems = [
            Problem("unreadable", Text("The registry could not be read to the end: {reason}.", reason=exc))
        ]
    return problems


def _expected_tables() -> dict[str, set[str]]:
    """The tables and columns a file of today's schema has: the migrations run on an empty
    in-memory database, read back through sqlite-utils' introspection."""
    import sqlite_utils

    from .database import migrate

    db = sqlite_utils.Database(memory=True, execute_plugins=False)
    with db.conn:
        migrate(db.conn, 0)
    return {name: set(db[name].columns_dict) for name in db.table_names()}


def _schema(registry: Registry, tables: set[str]) -> list[Problem]:
    """Tables or columns of today's schema that the file lacks (changed by another tool, or an
    upgrade that did not finish): the registry would fail on them later, in the middle of a save."""
    db = registry.db
    present = {name: set(db[name].columns_dict) for name in tables}
    problems = []
    for table, columns in sorted(_expected_tables().items()):
        if table not in present:
            problems.append(Problem("schema", Text("The table {table} is missing.", table=table)))
            continue
        missing = sorted(columns - present[table])
        if missing:
            problems.append(
                Problem(
                    "schema",
                    Text(
                        "The table {table} lacks the column(s) {columns}.",
                        table=table,
                        columns=Joined(missing, "list"),
                    ),
                )
            )
    return problems


def _integrity(conn: sqlite3.Connection) -> list[Problem]:
    rows = [r[0] for r in conn.execute(f"PRAGMA integrity_check({MAX_REPORTED})")]
    if rows == ["ok"]:
        return []
    return [Problem("integrity", Text("The database file is damaged: {reason}", reason=row)) for row in rows]


def _orphans(conn: sqlite3.Connection) -> list[Problem]:
    """Honours, deeds, donations and photos whose honouree no longer exists."""
    problems = []
    for table, zh_name in CHILD_TABLES.items():
        for row_id, owner in conn.execute(
            f"SELECT c.id, c.honouree_id FROM {table} c LEFT JOIN honouree h ON h.id = c.honouree_id"
            f" WHERE h.id IS NULL ORDER BY c.id LIMIT {MAX_REPORTED}"
        ):
            problems.append(
                Problem(
                    "orphan",
                    Text(
                        "{table} #{row} belongs to honouree #{owner}, who does not exist.",
                        table=Declared(table, zh_name),
                        row=row_id,
                        owner=owner,
                    ),
                    owner,
                )
            )
    for (photo_id,) in conn.execute(
        "SELECT d.photo_id FROM photo_data d LEFT JOIN photo p ON p.id = d.photo_id"
        f" WHERE p.id IS NULL ORDER BY d.photo_id LIMIT {MAX_REPORTED}"
    ):
        problems.append(
            Problem(
                "orphan",
                Text("Image data #{photo} belongs to no photo.", photo=photo_id),
            )
        )
    return problems


def _foreign_keys(conn: sqlite3.Connection) -> list[Problem]:
    """Broken references in tables the orphan check does not already cover."""
    covered = set(CHILD_TABLES) | {"photo_data"}
    problems = []
    for table, row_id, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        if table in covered:
            continue
        problems.append(
            Problem(
                "foreign-key",
                Text(
                    "{table} row {row} refers to a missing {parent} row.",
                    table=table,
                    row=row_id,
                    parent=parent,
                ),
            )
        )
    return problems[:MAX_REPORTED]


def _photos(conn: sqlite3.Connection) -> list[Problem]:
    """Photos without image data, and image data that no longer decodes."""
    problems = []
    for photo_id, owner in conn.execute(
        "SELECT p.id, p.honouree_id FROM photo p LEFT JOIN photo_data d ON d.photo_id = p.id"
        f" WHERE d.photo_id IS NULL ORDER BY p.id LIMIT {MAX_REPORTED}"
    ):
        problems.append(
            Problem(
                "photo-missing",
                Text("Photo #{photo} of honouree #{owner} has no image data.", photo=photo_id, owner=owner),
                owner,
            )
        )
    rows = conn.execute(
        "SELECT d.photo_id, p.honouree_id, d.display, d.thumbnail, substr(d.original, 1, ?)"
        " FROM photo_data d JOIN photo p ON p.id = d.photo_id ORDER BY d.photo_id",
        (_HEADER_BYTES,),
    )
    for photo_id, owner, display, thumbnail, original_head in rows:
        broken = [
            kind
            for kind, data, full in (
                ("display", display, True),
                ("thumbnail", thumbnail, True),
                ("original", original_head, False),
            )
            if not _decodes(data, full)
        ]
        if broken:
            images = Joined([_IMAGES[k] for k in broken], "list")
            problems.append(
                Problem(
                    "photo-damaged",
                    Text(
                        "Photo #{photo} of honouree #{owner}: the {images} image does not decode.",
                        photo=photo_id,
                        owner=owner,
                        images=images,
                    ),
                    owner,
                )
            )
            if len(problems) >= MAX_REPORTED:
                break
    return problems


def _decodes(data: bytes | None, full: bool) -> bool:
    """True when the bytes are an image Pillow recognises (and, if `full`, verifies)."""
    if not data:
        return False
    # Pillow imported here, not at the top: the desktop app imports this module while it starts
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with Image.open(io.BytesIO(bytes(data))) as image:
                if full:
                    image.verify()
            return True
        except (
            UnidentifiedImageError,
            OSError,
            SyntaxError,
            ValueError,
            EOFError,
            Image.DecompressionBombError,
        ):
            return False


def _search_index(conn: sqlite3.Connection, tables: set[str]) -> list[Problem]:
    """Every honouree outside the trash has exactly one search row, or is queued for it (a
    very large import's records until their rows are written); nothing else has one."""
    problems = []
    queued = (
        " AND NOT EXISTS (SELECT 1 FROM search_queue q WHERE q.honouree_id = h.id)"
        if "search_queue" in tables
        else ""
    )
    for (honouree_id,) in conn.execute(
        "SELECT h.id FROM honouree h WHERE h.deleted_at IS NULL"
        f" AND NOT EXISTS (SELECT 1 FROM honouree_fts f WHERE f.rowid = h.id){queued}"
        f" ORDER BY h.id LIMIT {MAX_REPORTED}"
    ):
        problems.append(
            Problem(
                "search-index",
                Text("Honouree #{ident} is missing from the search index.", ident=honouree_id),
                honouree_id,
            )
        )
    for rowid, trashed in conn.execute(
        "SELECT f.rowid, h.deleted_at IS NOT NULL FROM honouree_fts f LEFT JOIN honouree h ON h.id = f.rowid"
        f" WHERE h.id IS NULL OR h.deleted_at IS NOT NULL ORDER BY f.rowid LIMIT {MAX_REPORTED}"
    ):
        if trashed:
            problems.append(
                Problem(
                    "search-index",
                    Text("Honouree #{ident} is in the trash but still searchable.", ident=rowid),
                    rowid,
                )
            )
        else:
            problems.append(
                Problem(
                    "search-index",
                    Text("The search index holds #{ident}, who does not exist.", ident=rowid),
                )
            )
    return problems


def _search_sources(conn: sqlite3.Connection, tables: set[str]) -> list[Problem]:
    """The indexer's copy of what each search row was built from, where the schema has one.

    A contentless index can only drop a row when given the exact text it was added with,
    so a search row without its source can never be cleared (and a source without a row
    means the index lost it).
    """
    if "honouree_search_source" not in tables:
        return []
    problems = []
    for (rowid,) in conn.execute(
        "SELECT f.rowid FROM honouree_fts f WHERE NOT EXISTS"
        f" (SELECT 1 FROM honouree_search_source s WHERE s.id = f.rowid) ORDER BY f.rowid LIMIT {MAX_REPORTED}"
    ):
        problems.append(
            Problem(
                "search-index",
                Text("Search row #{ident} has lost the text it was built from.", ident=rowid),
                rowid,
            )
        )
    for (source_id,) in conn.execute(
        "SELECT s.id FROM honouree_search_source s WHERE NOT EXISTS"
        f" (SELECT 1 FROM honouree_fts f WHERE f.rowid = s.id) ORDER BY s.id LIMIT {MAX_REPORTED}"
    ):
        problems.append(
            Problem(
                "search-index",
                Text("Honouree #{ident} is missing from the search index.", ident=source_id),
                source_id,
            )
        )
    return problems


def rebuild_search_index(registry: Registry) -> None:
    """Recompute every honouree's search row and derived columns in one transaction.

    The remedy for "search-index" problems; a separate, explicit action so that `check`
    itself never changes the file.
    """
    from .indexing import reindex_all

    with registry.atomic():
        reindex_all(registry.conn)
