"""Undo commands over a real registry: edits (with photos), additions and deletions go back and forth."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtGui import QUndoStack

from honours.core import ConflictError, Honour, Honouree, HonoursError
from honours.core.photos import NewPhoto, prepare_photo
from honours.gui.undo import AddCommand, DeleteCommand, SaveEditCommand


def jpeg(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 90), colour).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def stack(qapp):
    return QUndoStack()


def first(registry, query: str) -> Honouree:
    return registry.honouree(registry.search(query).ids()[0])


def test_undo_an_edit_restores_the_previous_version_and_redo_repeats_it(roll, stack):
    before = first(roll, "许仲秋")
    after = first(roll, "许仲秋")
    after.position = "名誉董事长"
    after.honours.append(Honour(title="全国劳动模范", level="national", year=2020))
    command = SaveEditCommand(roll, before, after)
    saved = command.apply()
    stack.push(command)
    assert saved.position == "名誉董事长" and roll.honouree(before.id).highest_level == "national"

    stack.undo()
    restored = roll.honouree(before.id)
    assert restored.position == "董事长"
    assert [h.title for h in restored.honours] == ["湖南省劳动模范"]
    assert restored.version > saved.version  # an undo is a save of its own, in the history

    stack.redo()
    assert roll.honouree(before.id).position == "名誉董事长"
    assert [entry.action for entry in roll.history(before.id)][:3] == ["update", "update", "update"]


def test_a_refused_edit_leaves_the_stack_untouched(roll, stack):
    before = first(roll, "许仲秋")
    stale = first(roll, "许仲秋")
    roll.edit(before.id, {"position": "总经理"})  # someone else saves first
    stale.position = "名誉董事长"
    with pytest.raises(ConflictError):
        SaveEditCommand(roll, before, stale).apply()
    assert stack.count() == 0
    assert roll.honouree(before.id).position == "总经理"


def test_undo_brings_back_a_removed_photo_and_removes_an_added_one(roll, stack):
    xu = first(roll, "许仲秋")
    kept = roll.add_photo(xu.id, jpeg((0, 0, 200)), caption="旧照", primary=True)
    before = roll.honouree(xu.id)
    original_bytes = roll.photo_bytes(kept.id, "original")
    after = roll.honouree(xu.id)
    after.photos = []  # the edit removes the stored photo and adds a new one
    added = NewPhoto(prepare_photo(jpeg((0, 200, 0)), "new.jpg"), caption="新照", primary=True)
    command = SaveEditCommand(roll, before, after, new_photos=[added])
    command.apply()
    stack.push(command)
    assert [p.caption for p in roll.photos(xu.id)] == ["新照"]

    stack.undo()
    photos = roll.photos(xu.id)
    assert [p.caption for p in photos] == ["旧照"] and photos[0].primary
    assert roll.photo_bytes(photos[0].id, "original") == original_bytes

    stack.redo()
    assert [p.caption for p in roll.photos(xu.id)] == ["新照"]
    stack.undo()
    assert [p.caption for p in roll.photos(xu.id)] == ["旧照"]


def test_undo_after_someone_else_saved_reports_and_drops_the_command(roll, stack):
    errors: list[HonoursError] = []
    before = first(roll, "白云")
    after = first(roll, "白云")
    after.position = "主任"
    command = SaveEditCommand(roll, before, after, on_error=errors.append)
    command.apply()
    stack.push(command)
    roll.edit(before.id, {"position": "记者"})  # another window saves meanwhile
    stack.undo()
    assert isinstance(errors[0], ConflictError)
    assert roll.honouree(before.id).position == "记者"  # their work is not overwritten
    assert stack.count() == 0


def test_an_overwriting_save_keeps_photos_added_meanwhile_and_undoes_to_their_version(roll, stack):
    before = first(roll, "白云")
    theirs = roll.add_photo(before.id, jpeg((200, 200, 0)), caption="他人添加")
    mine = first(roll, "白云")
    mine.version = before.version
    mine.photos = []
    mine.position = "主任"
    with pytest.raises(ConflictError):
        SaveEditCommand(roll, before, mine).apply()
    command = SaveEditCommand(roll, before, mine, overwrite=True)
    saved = command.apply()
    stack.push(command)
    assert saved.position == "主任" and [p.id for p in saved.photos] == [theirs.id]
    stack.undo()
    assert roll.honouree(before.id).position == "干部"
    stack.redo()
    assert roll.honouree(before.id).position == "主任" and len(roll.photos(before.id)) == 1


def test_undo_an_addition_moves_it_to_the_trash_and_redo_brings_it_back(roll, stack):
    command = AddCommand(roll, Honouree(name="张三", unit="衡阳市中心医院"))
    saved = command.apply()
    stack.push(command)
    assert roll.exists(saved.id)
    stack.undo()
    assert not roll.exists(saved.id)
    assert saved.id in [row[0] for row in roll.trash()]
    stack.redo()
    assert roll.honouree(saved.id).name == "张三"


def test_undo_a_deletion_restores_every_record(roll, stack):
    ids = roll.search("劳动模范").ids()
    command = DeleteCommand(roll, ids, [s.name for s in roll.summaries(ids)])
    command.apply()
    stack.push(command)
    assert roll.count() == 14 - len(ids)
    stack.undo()
    assert roll.count() == 14 and all(roll.exists(i) for i in ids)
    stack.redo()
    assert roll.count() == 14 - len(ids)
