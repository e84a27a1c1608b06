"""`honours add --json` of a long list writes it as an import does: the same records and history
as adding them one by one, a backup first, and one line of output per new id.

(Its speed is measured by benchmarks/bench_add_json.py, not here.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from printing_helpers import synthetic

from honours.cli.commands import BULK_ADD_FROM
from honours.core import Registry
from honours.core.records import Donation
from honours.core.sqlite import backup as backups


def run(db: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess:
    env = {**os.environ, "HONOURS_DB": str(db), "HONOURS_LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "honours", *args],
        capture_output=True,
        env=env,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def people(n: int) -> list[dict]:
    """n records as `honours show --json` would give them, of every shape the roll holds."""
    records = []
    for i, honouree in enumerate(synthetic(n)):
        honouree.age = str(20 + i % 40) if i % 3 else ""
        honouree.region = ["衡阳", "耒阳", "常宁"][i % 3]
        honouree.notes = "备注" if i % 5 == 0 else ""
        if i % 11 == 0:
            honouree.donations.append(
                Donation(item="口罩", quantity=100 + i, quantity_unit="只", recipient="红十字会")
            )
        if i % 13 == 0:
            honouree.created_at = "2025-01-02T03:04:05+08:00"  # a record may bring when it was first recorded
        records.append(honouree.to_dict())
    return records


def stored(registry: Registry, ids: list[int]) -> list[dict]:
    """Each record as stored, with the numbering a database gives (ids) and the moment of adding taken out."""
    out = []
    for honouree in registry.honourees(ids):
        data = honouree.to_dict()
        for key in ("id", "created_at", "updated_at"):
            data.pop(key)
        for key in ("honours", "deeds", "donations", "photos"):
            for item in data[key]:
                item.pop("id")
        out.append(data)
    return out


def history(registry: Registry, ids: list[int]) -> list[list[tuple]]:
    """Each record's history: (action, before, after) with ids and the moment of adding taken out."""

    def plain(snapshot: dict | None) -> dict | None:
        if snapshot is None:
            return None
        snapshot = {k: v for k, v in snapshot.items() if k not in ("id", "created_at", "updated_at")}
        for key in ("honours", "deeds", "donations", "photos"):
            snapshot[key] = [{k: v for k, v in item.items() if k != "id"} for item in snapshot.get(key, [])]
        return snapshot

    return [[(e.action, plain(e.before), plain(e.after)) for e in registry.history(i)] for i in ids]


def test_a_long_list_is_added_as_an_import_with_the_same_records_and_history(tmp_path):
    n = BULK_ADD_FROM + 200
    records = people(n)
    source = tmp_path / "people.json"
    source.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "bulk.sqlite"
    done = run(db, "add", "--json", str(source))
    assert done.returncode == 0, done.stderr
    ids = [int(line) for line in done.stdout.split()]
    assert len(ids) == n == len(set(ids))
    assert f"Added {n} honouree(s)." in done.stderr

    one_by_one = Registry.open(tmp_path / "one-by-one.sqlite")  # the path a short list takes
    from honours.cli.output import records_from_json

    expected_ids = [h.id for h in one_by_one.add_many([r for r, _notes in records_from_json(records)])]
    bulk = Registry.open(db)
    try:
        assert bulk.count() == 14 + n  # a new file starts with the default roll, as `add` always did
        assert stored(bulk, ids) == stored(one_by_one, expected_ids)
        assert history(bulk, ids) == history(one_by_one, expected_ids)
        assert all(len(entries) == 1 and entries[0][0] == "create" for entries in history(bulk, ids))
        assert bulk.honouree(ids[13]).created_at == "2025-01-02T03:04:05+08:00"
        assert {bulk.honouree(i).version for i in ids[:50]} == {1}
        # the import path: it backed up first, and every record is searchable when the command returns
        assert "before-import" in {b.reason for b in backups.automatic_backups(db)}
        assert bulk.queued_for_index() == 0
        last = bulk.honouree(ids[-1])
        assert ids[-1] in bulk.search(f"{last.name} {last.unit}").all_ids()
        assert bulk.search("region:常宁").count() >= n // 3
    finally:
        bulk.close()
        one_by_one.close()


def test_a_short_list_is_added_record_by_record(tmp_path):
    source = tmp_path / "few.json"
    source.write_text(json.dumps(people(3), ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "few.sqlite"
    done = run(db, "add", "--json", str(source), lang="zh")
    assert done.returncode == 0 and len(done.stdout.split()) == 3
    assert "已添加 3 人。" in done.stderr
    assert "before-import" not in {b.reason for b in backups.automatic_backups(db)}


@pytest.mark.parametrize("lang, words", [("en", "record 1100: "), ("zh", "第 1100 条记录：")])
@pytest.mark.parametrize(
    "bad, why",
    [
        ({"honours": [{"title": "荣誉", "level": "galactic"}]}, "galactic"),
        ({"unit": "衡阳\x07钢管"}, "U+0007"),
    ],  # read fine, refused when stored
    ids=["unreadable", "unstorable"],
)
def test_a_bad_record_in_a_long_list_is_named_and_nothing_is_added(tmp_path, lang, words, bad, why):
    records = people(1200)
    records[1099].update(bad)
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "bad.sqlite"
    Registry.open(db).close()
    done = run(db, "add", "--json", str(source), lang=lang)
    assert done.returncode == 1 and words in done.stderr and why in done.stderr, done.stderr
    assert done.stdout == ""
    registry = Registry.open(db)
    assert registry.count() == 0
    registry.close()
