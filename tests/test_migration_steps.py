"""Migrations written with sqlite-utils' table operations (schema.Migration.steps).

No shipped migration reshapes a table yet, so these upgrade real files through test-only
lists: today's migrations plus one whose steps `transform` the honouree table (which every
honour, deed, donation and photo refers to with ON DELETE CASCADE) and the donation table,
add a column and an index. The upgrade must keep every row, constraint and index, run in
the one transaction of an upgrade after its backup, and leave the file untouched when it fails.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from PIL import Image

from honours.core import Registry
from honours.core.photos import prepare_photo
from honours.core.records import Donation
from honours.core.sqlite.opening import open_database
from honours.core.sqlite.schema import MIGRATIONS, SCHEMA_VERSION, Migration

pytestmark = pytest.mark.sqlite_only  # the SQLite schema and its migrations

NEXT = SCHEMA_VERSION + 1
CHILDREN = ("honour", "deed", "donation", "photo", "photo_data", "history")


def _reshape(db: sqlite_utils.Database) -> None:
    db["honouree"].transform(defaults={"category": "model worker"})  # a default changed
    db["donation"].transform(types={"quantity": float})  # 2.5 吨: a type changed
    db["honour"].add_column("citation", str, not_null_default="")
    db["honour"].create_index(["awarded_by"], index_name="honour_awarded_by")


RESHAPED = [*MIGRATIONS, Migration(NEXT, "test: reshape honourees and donations", steps=_reshape)]


def _rows(conn: sqlite3.Connection, table: str) -> list[tuple]:
    return conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()


def _indexes(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [f"user_version={conn.execute('PRAGMA user_version').fetchone()[0]}", *conn.iterdump()]
    finally:
        conn.close()


def _roll_on_disk(roll: Registry, tmp_path: Path) -> Path:
    """The default roll with a photo and one record in the trash, closed and checkpointed."""
    image = tmp_path / "portrait.png"
    Image.new("RGB", (40, 60), (200, 30, 30)).save(image)
    roll.add_photo(roll.all_ids()[0], prepare_photo(image), caption="工作照")
    roll.delete(roll.all_ids()[-1])
    path = roll.path
    roll.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    roll.close()
    return Path(path)


def test_a_transform_step_upgrades_a_file_keeping_every_row_constraint_and_index(roll, tmp_path):
    path = _roll_on_disk(roll, tmp_path)
    before = sqlite3.connect(path)
    rows = {t: _rows(before, t) for t in ("honouree", *CHILDREN)}
    indexes = _indexes(before)
    before.close()
    assert rows["honour"] and rows["photo"] and rows["donation"]

    conn = open_database(path, migrations=RESHAPED)
    registry = Registry(conn, path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == NEXT
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # back on after the upgrade
        assert list(path.parent.glob(f"backups/*.before-migration-v{SCHEMA_VERSION}.sqlite"))
        # the honouree table was dropped and replaced: nothing that refers to it went with it
        assert _rows(conn, "honouree") == rows["honouree"]
        for table in ("deed", "photo", "photo_data", "history"):
            assert _rows(conn, table) == rows[table], table
        assert [r[:-1] for r in _rows(conn, "honour")] == rows["honour"]  # plus the empty citation
        assert {r[-1] for r in _rows(conn, "honour")} == {""}
        assert _rows(conn, "donation") == rows["donation"]
        # the constraints, defaults and indexes the transformed tables had are theirs still
        assert _indexes(conn) == {
            **indexes,
            "honour_awarded_by": 'CREATE INDEX "honour_awarded_by"\n    ON "honour" ("awarded_by")',
        }
        db = registry.db
        assert db["donation"].columns_dict["quantity"] is float
        assert {(fk.column, fk.other_table, fk.on_delete) for fk in db["donation"].foreign_keys} == {
            ("honouree_id", "honouree", "CASCADE")
        }
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE honouree SET status = 'missing' WHERE id = 1")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE donation SET amount_fen = -1")
        made = conn.execute(
            "INSERT INTO honouree (name, created_at, updated_at) VALUES ('新人', '', '') RETURNING category"
        ).fetchone()
        assert made == ("model worker",)
        # and the registry of today works on it: search, a fractional quantity, cascades
        first = registry.all_ids()[0]
        assert registry.search(registry.honouree(first).name).all_ids()[:1] == [first]
        edited = registry.honouree(first)
        edited.donations = [Donation(item="大米", quantity=2.5, quantity_unit="吨")]
        registry.update(edited)
        assert registry.honouree(first).donations[0].quantity == 2.5
        honoured = conn.execute("SELECT honouree_id FROM honour LIMIT 1").fetchone()[0]
        conn.execute("DELETE FROM honouree WHERE id = ?", (honoured,))  # the cascade is kept too
        assert (
            conn.execute("SELECT count(*) FROM honour WHERE honouree_id = ?", (honoured,)).fetchone()[0] == 0
        )
    finally:
        registry.close()


def _failing(db: sqlite_utils.Database) -> None:
    _reshape(db)
    raise RuntimeError("the step fails after the transform")


def _orphaning(db: sqlite_utils.Database) -> None:
    """Deletes a person with honours while foreign keys are off: the honours are left orphaned."""
    db["donation"].transform(types={"quantity": float})
    db.execute("DELETE FROM honouree WHERE id IN (SELECT honouree_id FROM honour LIMIT 1)")


@pytest.mark.parametrize(
    ("step", "error"),
    [(_failing, RuntimeError), (_orphaning, sqlite3.IntegrityError)],
    ids=["fails", "orphans"],
)
def test_a_step_that_fails_or_breaks_a_reference_leaves_the_file_untouched(roll, tmp_path, step, error):
    path = _roll_on_disk(roll, tmp_path)
    original = _dump(path)
    with pytest.raises(error):
        open_database(path, migrations=[*MIGRATIONS, Migration(NEXT, "test: fails", steps=step)])
    assert _dump(path) == original
    with Registry.open(path) as again:  # today's app opens it as before
        assert again.count() == len(again.all_ids()) > 0


def test_a_step_runs_after_the_sql_of_its_own_migration(tmp_path):
    """A migration may hold both: its SQL first, then the steps that see what it made."""
    seen = []

    def step(db: sqlite_utils.Database) -> None:
        seen.append(db["test_table"].columns_dict)
        db["test_table"].add_column("visited_by", str, not_null_default="")

    listed = [
        *MIGRATIONS,
        Migration(NEXT, "test: both", "CREATE TABLE test_table (id INTEGER PRIMARY KEY, at TEXT);", step),
    ]
    conn = open_database(tmp_path / "new.sqlite", migrations=listed)
    try:
        assert seen == [{"id": int, "at": str}]
        assert sqlite_utils.Database(conn, execute_plugins=False)["test_table"].columns_dict == {
            "id": int,
            "at": str,
            "visited_by": str,
        }
    finally:
        conn.close()
