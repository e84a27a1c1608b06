"""History and trash: every change recorded with who and what; earlier versions and deleted
honourees can be brought back."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from honours.cli import main as cli
from honours.core.diffs import differences
from honours.core.errors import NotFoundError
from honours.core.records import Deed, Donation, Honour, Honouree
from honours.core.registry import os_user


@pytest.fixture
def registry(storage):
    """These tests are of behaviour through the storage verbs: `registry` is each storage
    backend in turn (the `storage` fixture, tests/conftest.py)."""
    return storage


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (30, 20), (90, 90, 10)).save(out, "PNG")
    return out.getvalue()


def test_create_update_delete_restore_purge_are_recorded_with_user_and_versions(registry):
    created = registry.add(Honouree(name="李四", unit="衡阳市第一中学"))
    changed = registry.honouree(created.id)
    changed.position = "校长"
    registry.update(changed)
    registry.delete(created.id)
    registry.restore(created.id)
    registry.delete(created.id)
    registry.empty_trash()

    entries = registry.history(created.id)
    assert [e.action for e in entries] == ["purge", "delete", "restore", "delete", "update", "create"]
    assert all(e.os_user == os_user() and e.os_user for e in entries)
    assert all(e.at for e in entries)
    create, update = entries[-1], entries[-2]
    assert create.before is None and create.after["name"] == "李四"
    assert update.before["position"] == "" and update.after["position"] == "校长"
    assert entries[0].before["name"] == "李四" and entries[0].after is None  # what was purged stays readable


def test_field_by_field_differences(registry):
    created = registry.add(
        Honouree(name="王五", honours=[Honour(title="市劳动模范", level="municipal", year=2019)])
    )
    edited = registry.honouree(created.id)
    edited.status = "deceased"
    edited.honours.append(Honour(title="全国五一劳动奖章", level="national", year=2020, posthumous=True))
    registry.update(edited)
    entry = registry.history(created.id)[0]
    changes = {c.field: c for c in differences(entry.before, entry.after, "zh")}
    assert set(changes) == {"status", "honours"}
    assert (changes["status"].before, changes["status"].after) == ("在职", "已故")
    assert changes["honours"].after.splitlines() == [
        "市劳动模范（市级，2019）",
        "全国五一劳动奖章（国家级，2020，追授）",
    ]
    assert [c.field for c in differences(entry.before, entry.after)] == ["status", "honours"]


def test_donations_in_a_difference_are_written_the_chinese_way(registry):
    """The history shows amounts as the detail pane does (50万元), not as raw yuan (500000元)."""
    created = registry.add(Honouree(name="许六", donations=[Donation(amount_fen=50_000_000)]))
    edited = registry.honouree(created.id)
    edited.donations.append(Donation(item="口罩", quantity=10_000, quantity_unit="只", amount_fen=12_345))
    registry.update(edited)
    entry = registry.history(created.id)[0]
    change = {c.field: c for c in differences(entry.before, entry.after, "zh")}["donations"]
    assert change.before == "50万元"
    assert change.after.splitlines() == ["50万元", "123.45元 口罩 1万只"]


def test_photo_changes_are_in_the_history(roll):
    photo = roll.add_photo(2, png(), caption="工作照", name="p.png")
    roll.set_photo_caption(photo.id, "在病房")
    roll.remove_photo(photo.id)
    actions = [(e.action, len(e.before["photos"]), len(e.after["photos"])) for e in roll.history(2)[:3]]
    assert actions == [("update", 1, 0), ("update", 1, 1), ("update", 0, 1)]
    caption_change = differences(roll.history(2)[1].before, roll.history(2)[1].after)
    assert [c.field for c in caption_change] == ["photos"] and "在病房" in caption_change[0].after


def test_revert_to_restores_an_earlier_version(roll):
    original = roll.honouree(2)
    changed = roll.honouree(2)
    changed.position = "被误改的职务"
    changed.deeds = [Deed(text="被误删后只剩这一条")]
    changed.honours = []
    roll.update(changed)
    create_entry = roll.history(2)[-1]

    reverted = roll.revert_to(create_entry.id)

    assert reverted.position == original.position
    assert [d.text for d in reverted.deeds] == [d.text for d in original.deeds]
    assert [h.title for h in reverted.honours] == [h.title for h in original.honours]
    assert roll.search("被误改的职务").count() == 0 and 2 in roll.search(original.position).all_ids()
    assert roll.history(2)[0].action == "update"  # reverting is itself a recorded change
    assert roll.history(2)[0].before["position"] == "被误改的职务"


def test_revert_to_a_version_of_a_deleted_honouree_brings_it_back(roll):
    roll.delete(3)
    [delete_entry] = [e for e in roll.history(3) if e.action == "delete"]
    reverted = roll.revert_to(delete_entry.id)
    assert roll.exists(3) and reverted.name == delete_entry.before["name"]


def test_revert_keeps_photos_and_restores_their_captions(roll):
    photo = roll.add_photo(2, png(), caption="原说明", name="p.png")
    version_with_caption = roll.history(2)[0].id
    roll.set_photo_caption(photo.id, "改后的说明")
    reverted = roll.revert_to(version_with_caption)
    assert [p.caption for p in reverted.photos] == ["原说明"]
    assert roll.photo_bytes(photo.id, "thumbnail")


def test_revert_of_an_unknown_history_entry(roll):
    with pytest.raises(NotFoundError) as caught:
        roll.revert_to(99999)
    assert "历史版本" in caught.value.message("zh")


def test_trash_lists_restores_and_empties(roll):
    name = roll.honouree(5).name
    roll.delete_many([5, 6])
    assert sorted(t[0] for t in roll.trash()) == [5, 6]
    assert roll.count() == 12 and roll.search(name).count() == 0
    restored = roll.restore(5)
    assert restored.name == name and roll.search(name).all_ids() and roll.count() == 13
    assert roll.empty_trash() == 1
    assert roll.trash() == [] and roll.count() == 13
    with pytest.raises(NotFoundError):
        roll.honouree(6, include_deleted=True)


def test_restoring_something_not_in_the_trash_is_refused(roll):
    with pytest.raises(NotFoundError):
        roll.restore(1)


def test_cli_trash_history_and_revert(roll, capsys, monkeypatch):
    db = str(roll.path)
    roll.edit(7, {"position": "错误职务"})
    entry = roll.history(7)[-1].id
    roll.close()
    assert cli(["--db", db, "delete", "7"]) == 0
    assert cli(["--db", db, "trash"]) == 0
    assert "7" in capsys.readouterr().out
    assert cli(["--db", db, "trash", "--restore", "7"]) == 0
    assert cli(["--db", db, "revert", str(entry)]) == 0
    capsys.readouterr()
    monkeypatch.setenv("HONOURS_LANG", "zh")
    assert cli(["--db", db, "history", "7"]) == 0
    out = capsys.readouterr().out
    assert "恢复" in out and "删除" in out and "职务：错误职务 →" in out
    assert "T" not in out.split("]", 1)[1].split("  ", 1)[0]  # '2026-05-01 09:30', not an ISO stamp
    assert cli(["--db", db, "history", "7", "--json"]) == 0
    import json

    entries = json.loads(capsys.readouterr().out)
    assert entries[0]["action"] == "update" and entries[0]["before"]["position"] == "错误职务"
    assert cli(["--db", db, "delete", "8"]) == 0
    assert cli(["--db", db, "trash", "--empty"]) == 0
    out = capsys.readouterr().out
    assert "已清空回收站（1 位）" in out and "before-empty-trash" in out
    assert cli(["--db", db, "trash"]) == 0
    assert "回收站是空的" in capsys.readouterr().err
