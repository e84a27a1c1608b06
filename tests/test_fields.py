"""The field spec (core/fields.py): every field it declares is stored and read back through each
way a record is written, and the fields stay declared in few places."""

from __future__ import annotations

import io
import re
import tokenize
from operator import attrgetter
from pathlib import Path

import pytest
from field_samples import CLASSES, assert_every_field, filled
from PIL import Image

from honours.core.fields import (
    HONOUREE_FIELDS,
    PHOTO,
    RECORD_KINDS,
    WRITTEN_KINDS,
)
from honours.core.import_verbs import ImportItem
from honours.core.photos import NewPhoto, prepare_photo
from honours.core.records import Honouree, Photo

ROOT = Path(__file__).resolve().parents[1] / "honours"


def png(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    return out.getvalue()


def test_every_field_is_filled_with_a_value_other_than_its_default():
    """The sample would not catch a dropped field whose value is its default."""
    record, blank = filled(), Honouree(name="")
    for spec in HONOUREE_FIELDS:
        assert attrgetter(spec.key)(record) != attrgetter(spec.key)(blank), spec.key
    for kind in WRITTEN_KINDS:
        empty = CLASSES[kind.key](**{f.key: None for f in kind.fields[:1]})
        for spec in kind.fields[1:]:
            assert getattr(getattr(record, kind.key)[0], spec.key) != getattr(empty, spec.key), (
                kind.key,
                spec.key,
            )


@pytest.mark.parametrize("how", ["add", "update", "import", "import_update"])  # add: test_registry too
def test_every_field_of_the_spec_is_stored_and_read_back(registry, how):
    record = filled()
    if how == "add":
        saved = registry.add(record)
    elif how == "import":
        saved = registry.honouree(registry.apply_import([ImportItem(record)]).added[0])
    else:
        first = registry.add(filled(5))
        record.id, record.version = first.id, first.version
        if how == "update":
            registry.update(record)
        else:
            registry.apply_import([], [ImportItem(record)])
        saved = registry.honouree(first.id)
    assert_every_field(registry.honouree(saved.id), record)
    # and the JSON shape the CLI, export and history use carries each of them
    assert_every_field(Honouree.from_dict(saved.to_dict()), record)


def test_every_photo_field_is_stored_and_read_back(registry):
    prepared = prepare_photo(png((10, 120, 30)), "照片.png")
    saved = registry.add(Honouree(name="甲"), new_photos=[NewPhoto(prepared, caption="说明", primary=True)])
    (photo,) = registry.honouree(saved.id).photos
    expected = {
        "caption": "说明",
        "primary": True,
        "width": prepared.width,
        "height": prepared.height,
        "mime": prepared.mime,
        "original_name": "照片.png",
    }
    assert {f.key: getattr(photo, f.key) for f in PHOTO.fields} == expected


# -- declared once ------------------------------------------------------------------------------


def _words(path: Path) -> set[str]:
    """The identifiers a file uses and the words inside its string literals (comments aside)."""
    found: set[str] = set()
    source = path.read_text(encoding="utf-8")
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.NAME:
            found.add(token.string)
        elif token.type in (tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)):
            found.update(re.findall(r"[A-Za-z_]\w*", token.string))
    return found


# How many files under honours/ name each field, at most (as an identifier or a word in a
# string). Measured when the spec came (issue 14.1): before → after. A field is still named
# where it is declared (fields.py), where its column is made (each backend's schema.py, whose
# migrations are written for their own version and not counted here) and
# where something truly special is done with it (report intake reading 民族 from a sentence,
# names.py reading it from brackets, how a donation's goods read). A new file naming one of
# these belongs in the spec instead; lower a limit when a use goes away.
FILE_LIMITS = {
    "ethnicity": 9,  # 23 → 10 counting schema.py (issue 14.1)
    "birth_date": 11,  # 22 → 11 counting schema.py (issue 14.1); + archive.py reading it from an ID number (15)
    "awarded_by": 17,  # 21 → 17 counting schema.py (issue 14.1); + 1 when intake's mentions.py was split
    # into reader families (the Mention record in mention_base.py, the readers that set the giver
    # in mention_clauses.py): the same use in two files
    "quantity_unit": 18,  # 22 → 19 counting schema.py (issue 14.1)
    "posthumous": 23,  # 24 → 21 counting schema.py (issue 14.1); the query and each backend's filter name it apart;
    # + 1 when intake's parser.py was split by family (the title read posthumous in parser.py, the
    # honour made posthumous in proposing.py): the same use in two files
    "recipient": 12,  # 16 → 13 counting schema.py (issue 14.1)
    "source_report": 2,  # 7 → 3 counting schema.py (issue 14.1)
    "source_sentence": 2,  # 7 → 3 counting schema.py (issue 14.1)
    # The archive (issue 15): declared (fields.py), its words (vocabulary.py), the record's attribute
    # (records.py), and the query's `political:` / `education:` / `treatment:` / `hardship:` with
    # their SQL (query.py, sqlite/filters.py); the sheets, JSON, history, form and detail pane from the spec.
    "political_status": 5,
    "education": 5,
    "treatment": 5,
    "hardship": 8,  # + sqlite/care.py (who is due aid is who is marked 困难劳模), vocabulary.py (aid is "hardship" aid);
    # + postgres/filters.py and postgres/care.py (the shared registry's `hardship:` and aid rule, as the file's)
}


def test_fields_are_named_in_few_files():
    files = {path: _words(path) for path in ROOT.rglob("*.py") if path.name != "schema.py"}
    counts = {
        key: sorted(str(p.relative_to(ROOT)) for p, words in files.items() if key in words)
        for key in FILE_LIMITS
    }
    over = {key: names for key, names in counts.items() if len(names) > FILE_LIMITS[key]}
    assert not over, f"fields named in more files than allowed (declare them in core/fields.py): {over}"


@pytest.mark.sqlite_only
def test_the_spec_matches_the_record_classes_and_the_schema(registry):
    """Every attribute of a record is in the spec, and every spec column exists in its table."""
    from dataclasses import fields

    own = {f.name for f in fields(Honouree)} - {
        "source",
        "id",
        "version",
        "created_at",
        "updated_at",
        *(kind.key for kind in RECORD_KINDS),
    }
    assert own == {f.key for f in HONOUREE_FIELDS if "." not in f.key}
    columns = set(registry.db["honouree"].columns_dict)
    assert {f.column for f in HONOUREE_FIELDS} <= columns
    for kind in RECORD_KINDS:
        cls = CLASSES.get(kind.key, Photo)
        assert {f.name for f in fields(cls)} - {"id", "position"} == {f.key for f in kind.fields}, kind.key
        table = set(registry.db[kind.table].columns_dict)
        assert {f.column for f in kind.fields} <= table, kind.key


@pytest.mark.parametrize(
    "spec",
    [f for f in HONOUREE_FIELDS if f.vocabulary is None and f.type == "text" and not f.masked],
    ids=lambda f: f.key,
)
def test_a_plain_search_finds_a_record_by_a_field_exactly_when_the_spec_says_searchable(registry, spec):
    """The spec's `searchable` says what the search index (indexing.py) holds."""
    record = Honouree(name="某人")
    word = "骐骥骅骝"  # in no other field of the record
    if "." in spec.key:
        setattr(record.source, spec.key.split(".")[1], word)
    else:
        setattr(record, spec.key, word if spec.key != "name" else "骐骥骅骝某")
    registry.add(record)
    assert (registry.search(word).count() == 1) is spec.searchable
