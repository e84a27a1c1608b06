"""A record with every field of the field spec (core/fields.py) filled, and the check that a
record read back holds each of them: used by the round-trip tests."""

from __future__ import annotations

from operator import attrgetter

from honours.core.fields import BOOL, DATE, FEN, HONOUREE_FIELDS, INT, WRITTEN_KINDS, FieldSpec
from honours.core.id_numbers import check_character
from honours.core.records import Honouree, Source
from honours.core.sqlite.rows import RECORD_CLASS

CLASSES = RECORD_CLASS  # each written kind of record and its class


def value_for(spec: FieldSpec, n: int) -> object:
    """A value of the field's type, different for each field and each n, and not its default."""
    if spec.masked:  # the ID number: a real one (checked on the way in), different for each n
        first17 = f"43040219{80 + n % 20:02d}0101{100 + n:03d}"
        return first17 + check_character(first17)
    if spec.vocabulary is not None:
        return spec.vocabulary.terms[(n + 1) % len(spec.vocabulary.terms)].key
    if spec.type == DATE:
        return f"20{10 + n:02d}-02-05"
    if spec.type == INT:
        return 2000 + n
    if spec.type == BOOL:
        return True
    if spec.type == FEN:
        return 12_345 + n
    return f"{spec.key}·{n}"


def filled(n: int = 1) -> Honouree:
    """A record with every field of the spec filled, two records of each kind."""
    own = {f.key: value_for(f, n) for f in HONOUREE_FIELDS if "." not in f.key}
    source = {f.key.split(".")[1]: value_for(f, n) for f in HONOUREE_FIELDS if f.key.startswith("source.")}
    lists = {
        kind.key: [CLASSES[kind.key](**{f.key: value_for(f, n + i) for f in kind.fields}) for i in range(2)]
        for kind in WRITTEN_KINDS
    }
    return Honouree(**own, source=Source(**source), **lists)


def assert_every_field(saved: Honouree, expected: Honouree) -> None:
    for spec in HONOUREE_FIELDS:
        assert attrgetter(spec.key)(saved) == attrgetter(spec.key)(expected), spec.key
    for kind in WRITTEN_KINDS:
        got, wanted = getattr(saved, kind.key), getattr(expected, kind.key)
        assert len(got) == len(wanted) == 2, kind.key
        for spec in kind.fields:
            assert [getattr(x, spec.key) for x in got] == [getattr(x, spec.key) for x in wanted], (
                kind.key,
                spec.key,
            )
