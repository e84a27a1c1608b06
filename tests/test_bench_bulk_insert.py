"""The bulk-insert benchmark compares like with like: every way stores the very rows an import stores.

No timing here: speed is measured by `make bench` only.
"""

from __future__ import annotations

import pytest

from benchmarks.bench_bulk_insert import TABLES, WRITERS, import_rows
from benchmarks.generator import RollGenerator
from honours.core import Registry
from honours.core.import_verbs import ImportItem

pytestmark = pytest.mark.sqlite_only  # SQLite's bulk writes

N = 60


def _stored(registry: Registry) -> dict[str, list]:
    out: dict[str, list] = {
        t: registry.conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES[:-1]
    }
    cursor = registry.conn.execute("SELECT * FROM honouree ORDER BY id")
    names = [c[0] for c in cursor.description]
    # an import's stamps are its own moment: compared apart from the rest
    out["honouree"] = [
        {n: v for n, v in zip(names, row, strict=True) if n not in ("created_at", "updated_at")}
        for row in cursor
    ]
    out["history"] = registry.conn.execute("SELECT honouree_id, action FROM history ORDER BY id").fetchall()
    return out


def test_every_way_stores_what_the_import_stores(tmp_path):
    rows = import_rows(N)
    imported = Registry.open(tmp_path / "imported.sqlite")
    imported.apply_import([ImportItem(r) for r in RollGenerator().roll(N)])
    expected = _stored(imported)  # (fewer than 20,000: it computes the derived columns itself)
    imported.close()
    assert len(expected["honouree"]) == N and expected["honour"] and expected["deed"]
    for way, write in WRITERS.items():
        with Registry.open(tmp_path / f"{way}.sqlite") as registry:
            with registry.atomic():
                write(registry, rows)
            assert _stored(registry) == expected, way
