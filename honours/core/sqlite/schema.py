"""The registry's schema as an ordered list of migrations.

`PRAGMA user_version` records how many migrations a file has had. A migration stays what
it was when written, whatever the code around it becomes, so it is one of two things, or
both (the SQL runs first):

* literal SQL (`sql`), as every migration so far;
* `steps`: a function of a sqlite-utils `Database` that reshapes tables with sqlite-utils'
  own table operations only (`add_column`, `transform`, `create_index`, `drop`, ...) and
  literal values: what SQLite's ALTER TABLE cannot do (change a column's type, default or
  NOT NULL, drop or reorder columns) without writing the copy-and-rename by hand. A step
  imports nothing of honours and calls none of its code: this module imports nothing of
  the project (a test checks it), so a step can only be written here, standing alone.
  sqlite-utils refuses to drop or rename a column of a table with a partial index (the
  honouree table's status, category and donation indexes): such a step drops those
  indexes with literal SQL (`db.execute`) before the transform and creates them after it.

An old file is brought up to date in one transaction by `opening.open_database`, after a
backup; a step's operations join that transaction (sqlite-utils nests its own as
savepoints), so a failure anywhere leaves the file untouched. The migrations run with
foreign keys off, as SQLite's procedure for rebuilding a table requires (otherwise the
DROP TABLE of a transformed honouree table would delete every honour with it), and the
upgrade refuses to commit a migration that leaves a reference broken that was not.

What is derived from the records (sort keys, best level, donation total, the search
index) is computed by the code of the day (indexing.py), written for today's tables, so
a migration never runs it: a migration that needs it computed again says so with a row
in REBUILD_TABLE, and once every pending migration has run the opening code recomputes
what the rows ask for and drops the table, inside the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str = ""
    # sqlite-utils table operations run after `sql` (see the module's docstring)
    steps: Callable[[sqlite_utils.Database], None] | None = None


# What a migration asks the opening code to recompute once the file is at today's schema.
REBUILD_TABLE = "rebuild_after_migration"
REBUILD_ALL = "derived"  # every honouree's derived columns and the whole search index
REBUILD_SORT_KEYS = "sort_keys"  # every honouree's sort key
REBUILD_UNTIDY_NAMES = "untidy_names"  # the search rows of names not stored in their tidied form
REBUILD_DERIVED = "derived_columns"  # every honouree's derived columns (not the search index)


def rebuild(what: str) -> str:
    """The SQL by which a migration asks for `what` (one of the REBUILD_ values) to be recomputed."""
    return (
        f"CREATE TABLE IF NOT EXISTS {REBUILD_TABLE} (what TEXT PRIMARY KEY);\n"
        f"INSERT OR IGNORE INTO {REBUILD_TABLE} (what) VALUES ('{what}');\n"
    )


# Version 1: the records as first designed, before search and history.
V1_SQL = """
CREATE TABLE honouree (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    gender TEXT NOT NULL DEFAULT '',
    birth_date TEXT NOT NULL DEFAULT '',
    age TEXT NOT NULL DEFAULT '',
    ethnicity TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'retired', 'deceased')),
    notes TEXT NOT NULL DEFAULT '',
    source_report TEXT NOT NULL DEFAULT '',
    source_sentence TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE honour (
    id INTEGER PRIMARY KEY,
    honouree_id INTEGER NOT NULL REFERENCES honouree(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL,
    level TEXT NOT NULL DEFAULT 'other'
        CHECK (level IN ('national', 'provincial', 'municipal', 'county', 'other')),
    year INTEGER,
    date TEXT,
    awarded_by TEXT NOT NULL DEFAULT '',
    posthumous INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX honour_honouree ON honour(honouree_id);
CREATE TABLE deed (
    id INTEGER PRIMARY KEY,
    honouree_id INTEGER NOT NULL REFERENCES honouree(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    date TEXT,
    text TEXT NOT NULL
);
CREATE INDEX deed_honouree ON deed(honouree_id);
CREATE TABLE donation (
    id INTEGER PRIMARY KEY,
    honouree_id INTEGER NOT NULL REFERENCES honouree(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
    item TEXT NOT NULL DEFAULT '',
    quantity INTEGER,
    quantity_unit TEXT NOT NULL DEFAULT '',
    recipient TEXT NOT NULL DEFAULT '',
    date TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX donation_honouree ON donation(honouree_id);
CREATE TABLE photo (
    id INTEGER PRIMARY KEY,
    honouree_id INTEGER NOT NULL REFERENCES honouree(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    caption TEXT NOT NULL DEFAULT '',
    is_primary INTEGER NOT NULL DEFAULT 0,
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    mime TEXT NOT NULL DEFAULT 'image/jpeg',
    original_name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX photo_honouree ON photo(honouree_id);
-- Image bytes apart from the metadata, so that listing photos never reads megabytes.
CREATE TABLE photo_data (
    photo_id INTEGER PRIMARY KEY REFERENCES photo(id) ON DELETE CASCADE,
    original BLOB NOT NULL,
    display BLOB NOT NULL,
    thumbnail BLOB NOT NULL
);
"""

# Version 2: search index, derived columns for sorting and filtering, lost-update guard,
# trash and history.
V2_SQL = """
ALTER TABLE honouree ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE honouree ADD COLUMN deleted_at TEXT;
ALTER TABLE honouree ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
ALTER TABLE honouree ADD COLUMN level_rank INTEGER NOT NULL DEFAULT 9;
ALTER TABLE honouree ADD COLUMN donation_total_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE honouree ADD COLUMN honours_text TEXT NOT NULL DEFAULT '';
ALTER TABLE honouree ADD COLUMN primary_photo_id INTEGER;
CREATE INDEX honouree_name ON honouree(name);
CREATE INDEX honouree_sort ON honouree(deleted_at, sort_key, id);
CREATE INDEX honouree_unit ON honouree(unit);
CREATE INDEX honour_level ON honour(level, honouree_id);
CREATE INDEX honour_year ON honour(year, honouree_id);
-- Every CJK character is stored space-separated so that a quoted FTS5 phrase is an
-- exact substring match of any length, one character included. The ascii tokenizer
-- keeps every non-ASCII code point (rare CJK, emoji) as a token.
CREATE VIRTUAL TABLE honouree_fts USING fts5(
    name, pinyin, unit, unit_pinyin, position, region, honours, other, deeds, donations,
    tokenize = 'ascii',
    prefix = '1 2 3'
);
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    honouree_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    os_user TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'purge')),
    before_json TEXT,
    after_json TEXT
);
CREATE INDEX history_honouree ON history(honouree_id, id);
""" + rebuild(REBUILD_ALL)  # the new derived columns, and the index


# Version 3: the search index rebuilt for speed at 100,000 honourees (see indexing.py):
# Chinese as overlapping character pairs, so that a query of two or more characters is
# a phrase of rare tokens instead of common single characters; pinyin prefixes spelled
# out; contentless, with the plain source text kept once in its own table.
V3_SQL = """
DROP TABLE honouree_fts;
CREATE VIRTUAL TABLE honouree_fts USING fts5(
    name, pinyin, unit, unit_pinyin, position, region, honours, other, deeds, donations,
    tokenize = 'ascii',
    prefix = '1',
    content = ''
);
-- Names and their pinyin alone: the name tiers of a search (exact, prefix, in the name)
-- walk these short posting lists instead of those of every deed.
CREATE VIRTUAL TABLE honouree_name_fts USING fts5(
    name, pinyin,
    tokenize = 'ascii',
    prefix = '1',
    content = ''
);
-- What each search row was built from: a contentless index can only remove a row when
-- given the exact values it was added with.
CREATE TABLE honouree_search_source (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL, pinyin TEXT NOT NULL, unit TEXT NOT NULL, unit_pinyin TEXT NOT NULL,
    position TEXT NOT NULL, region TEXT NOT NULL, honours TEXT NOT NULL, other TEXT NOT NULL,
    deeds TEXT NOT NULL, donations TEXT NOT NULL
);
-- `posthumous:yes` lists the few posthumous honours without reading every honour.
CREATE INDEX honour_posthumous ON honour(honouree_id) WHERE posthumous = 1;
-- Value filters (`status:`, `category:`, `donation>=`) count and list from an index
-- instead of reading every honouree.
CREATE INDEX honouree_status ON honouree(status) WHERE deleted_at IS NULL;
CREATE INDEX honouree_category ON honouree(category) WHERE deleted_at IS NULL;
CREATE INDEX honouree_donation ON honouree(donation_total_fen) WHERE deleted_at IS NULL;
-- The roll in name order, now also holding the filtered columns: `status:retired` in
-- name order walks this index alone, without reading an honouree row per entry.
DROP INDEX honouree_sort;
CREATE INDEX honouree_sort ON honouree(deleted_at, sort_key, id, status, category, donation_total_fen);
""" + rebuild(REBUILD_ALL)  # the new index for every existing honouree


# Version 4: value filters that hold for much of the roll (`level:municipal`,
# `year:2019..2021`) are tested one honouree at a time while the roll is walked in name
# order, which stops after a page instead of first collecting every matching id; this
# index answers "has this honouree an honour in these years" in one seek, and lists every
# honour in honouree order for counting a wide year range without sorting. It starts
# with honouree_id, so it also serves everything the index it replaces served.
V4_SQL = """
CREATE INDEX honour_honouree_year ON honour(honouree_id, year);
DROP INDEX honour_honouree;
"""


# Version 5: records whose search rows are still to be written. A very large import
# stores its records (and the roll's sort order) in one transaction and queues them
# here; their search rows are then written in steps after it commits (the desktop app
# does it in the background, with progress), and a queue left by a closed app or an
# interrupted command is taken up again the next time the file is opened.
V5_SQL = """
CREATE TABLE search_queue (honouree_id INTEGER PRIMARY KEY);
""" + rebuild(REBUILD_SORT_KEYS)
# (Sort keys written before this version lost the name after the pinyin, the tie-break
# between equal readings: SQLite's JSON functions ended them at the NUL that preceded it.)


# Version 6: names are indexed for search by their tidied form (names.search_form), so that a
# name stored padded (贺 彪) or with a look-alike dot (沙吾尔•芒力克) before names were tidied
# on the way in is found as 贺彪. Only such records are indexed again; no data changes.
V6_SQL = rebuild(REBUILD_UNTIDY_NAMES)


# Version 7: the archive (档案, issue 15): an honouree's ID number, political status, education,
# native place, phone, address, dates of starting work, retiring and death, model-worker
# treatment and hardship; an honour's document and its revocation. A revoked honour no longer
# counts, so the indexes that value filters read keep only honours that count. Nothing derived
# changes (every new column starts empty, no honour is revoked yet), so nothing is recomputed.
V7_SQL = """
ALTER TABLE honouree ADD COLUMN id_number TEXT NOT NULL DEFAULT '';
ALTER TABLE honouree ADD COLUMN political_status TEXT NOT NULL DEFAULT '';
ALTER TABLE honouree ADD COLUMN education TEXT NOT NULL DEFAULT '';
ALTER TABLE honouree ADD COLUMN native_place TEXT NOT NULL DEFAULT '';
ALTER TABLE honouree ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE honouree ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE honouree ADD COLUMN work_start_date TEXT NOT NULL DEFAULT '';
ALTER TABLE honouree ADD COLUMN retirement_date TEXT NOT NULL DEFAULT '';
ALTER TABLE honouree ADD COLUMN death_date TEXT NOT NULL DEFAULT '';
ALTER TABLE honouree ADD COLUMN treatment TEXT NOT NULL DEFAULT '';
ALTER TABLE honouree ADD COLUMN hardship INTEGER NOT NULL DEFAULT 0;
ALTER TABLE honouree ADD COLUMN hardship_note TEXT NOT NULL DEFAULT '';
ALTER TABLE honour ADD COLUMN document TEXT NOT NULL DEFAULT '';
ALTER TABLE honour ADD COLUMN revoked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE honour ADD COLUMN revoked_date TEXT;
ALTER TABLE honour ADD COLUMN revoked_reason TEXT NOT NULL DEFAULT '';
-- the same ID number on two live records is a duplicate: found in one seek
CREATE INDEX honouree_id_number ON honouree(id_number) WHERE id_number != '' AND deleted_at IS NULL;
CREATE INDEX honouree_political ON honouree(political_status) WHERE deleted_at IS NULL;
CREATE INDEX honouree_education ON honouree(education) WHERE deleted_at IS NULL;
CREATE INDEX honouree_treatment ON honouree(treatment) WHERE deleted_at IS NULL;
CREATE INDEX honouree_hardship ON honouree(id) WHERE hardship = 1 AND deleted_at IS NULL;
-- level and year filters read only honours that count
DROP INDEX honour_level;
CREATE INDEX honour_level ON honour(level, honouree_id) WHERE revoked = 0;
DROP INDEX honour_year;
CREATE INDEX honour_year ON honour(year, honouree_id) WHERE revoked = 0;
"""


# Version 8: care of model workers (关怀记录): visits with money or goods, check-ups, recuperation,
# hardship aid and allowances, one row each under its honouree. What is due (who has had no
# check-up this year …) is read by kind and date, so the index starts with them.
V8_SQL = """
CREATE TABLE care (
    id INTEGER PRIMARY KEY,
    honouree_id INTEGER NOT NULL REFERENCES honouree(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    date TEXT,
    kind TEXT NOT NULL DEFAULT 'visit'
        CHECK (kind IN ('visit', 'checkup', 'recuperation', 'aid', 'allowance')),
    occasion TEXT NOT NULL DEFAULT '',
    amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
    item TEXT NOT NULL DEFAULT '',
    quantity INTEGER,
    quantity_unit TEXT NOT NULL DEFAULT '',
    given_by TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX care_honouree ON care(honouree_id);
CREATE INDEX care_kind_date ON care(kind, date, honouree_id);
"""


# Version 9: each honouree's (year, level) pairs of the honours that count, kept with the other
# derived columns, so that the statistics' year-by-level table groups the roll by one column
# instead of every honour per person (issue 15: every table within 200 ms at 100,000).
V9_SQL = """
ALTER TABLE honouree ADD COLUMN year_levels TEXT NOT NULL DEFAULT '';
-- the roll grouped by it in the index's order, without a sort or reading a row
CREATE INDEX honouree_year_levels ON honouree(year_levels);
""" + rebuild(REBUILD_DERIVED)


MIGRATIONS: list[Migration] = [
    Migration(1, "records: honourees, honours, deeds, donations, photos", V1_SQL),
    Migration(2, "search index, trash, history, lost-update guard", V2_SQL),
    Migration(3, "search index of character pairs and pinyin prefixes", V3_SQL),
    Migration(4, "honours by honouree and year, for value filters", V4_SQL),
    Migration(5, "queue of records waiting for their search rows; whole sort keys", V5_SQL),
    Migration(6, "names searched by their tidied form (贺 彪 found as 贺彪)", V6_SQL),
    Migration(
        7, "the archive: ID number, political status, education … ; honours' documents and revocation", V7_SQL
    ),
    Migration(8, "care records: visits, check-ups, recuperation, aid, allowances", V8_SQL),
    Migration(9, "each honouree's years and levels of honours, for the statistics", V9_SQL),
]

SCHEMA_VERSION = MIGRATIONS[-1].version
