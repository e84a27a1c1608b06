"""The edit dialog driven offscreen: fields, lists with typed amounts, duplicates, photos, leaving."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox
from shiboken6 import isValid

from honours.core import ConflictError
from honours.gui import entry_values
from honours.gui.edit_dialog import EditDialog
from honours.gui.list_editors import PROBLEM_BACKGROUND

WAIT_MS = 15_000


def first_id(registry, name: str) -> int:
    return next(i for i in registry.all_ids() if registry.honouree(i).name == name)


@pytest.fixture
def open_dialog(qtbot, roll, monkeypatch):
    """Opens dialogs on the roll; a message box nobody expected fails the test instead of hanging it."""

    def unexpected_box(box):
        raise AssertionError(f"unexpected message box: {box.text()}")

    monkeypatch.setattr(QMessageBox, "exec", unexpected_box)

    def open_(honouree_id: int | None = None) -> EditDialog:
        dialog = EditDialog(None, roll, roll.honouree(honouree_id) if honouree_id else None)
        qtbot.addWidget(dialog, before_close_func=leave_without_asking)
        dialog.show()
        return dialog

    return open_


def leave_without_asking(dialog: EditDialog) -> None:
    dialog.ask_about_unsaved_changes = lambda: QMessageBox.StandardButton.Discard


@pytest.fixture
def portrait(tmp_path) -> Path:
    path = tmp_path / "portrait.png"
    Image.new("RGB", (600, 800), (40, 90, 160)).save(path)
    return path


def type_text(widget, text: str) -> None:
    """Type as a Chinese user does: the input method commits the composed text.

    (QTest.keyClicks only knows Latin-1 keys and aborts on Chinese characters.)
    """
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_into_cell(qtbot, editor, row: int, key: str, text: str) -> None:
    """Type into a table cell the way a user does: open the editor, type, press Enter."""
    tabs = editor.window().tabs
    tabs.setCurrentWidget(editor)
    index = editor.model.index(row, editor.model.column_of(key))
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    [line] = [w for w in editor.view.findChildren(QLineEdit) if w.isVisible()]
    line.selectAll()
    type_text(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not isValid(line) or not line.isVisible())  # committed and closed, queued


def add_photos(qtbot, dialog: EditDialog, paths: list[Path]) -> None:
    with qtbot.waitSignal(dialog.photos.preparation_finished, timeout=WAIT_MS):
        dialog.photos.add_files(paths)


# -- required fields and typed amounts ------------------------------------------------------


def test_new_record_without_a_name_is_refused_with_a_message(qtbot, open_dialog):
    dialog = open_dialog()
    assert dialog.objectName() == "editDialog"

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert not dialog.form.name_error.isHidden()
    assert "name" in dialog.form.name_error.text().lower()
    assert dialog.save_message.text()
    assert dialog.tabs.currentWidget() is dialog.basic_tab
    with pytest.raises(RuntimeError):
        dialog.result_honouree()

    type_text(dialog.form.name_edit, "张")  # fixing it: the old reason does not linger
    assert dialog.form.name_error.isHidden() and dialog.save_message.text() == ""


def test_a_name_and_a_donation_typed_as_50wan_are_saved_exactly(qtbot, open_dialog, roll):
    dialog = open_dialog()
    type_text(dialog.findChild(QLineEdit, "nameEdit"), "张三")
    type_text(dialog.findChild(QLineEdit, "unitEdit"), "衡阳市中心医院")
    donations = dialog.donations_editor
    qtbot.mouseClick(donations.add_button, Qt.MouseButton.LeftButton)
    type_into_cell(qtbot, donations, 0, "amount", "50万")

    assert donations.model.index(0, 0).data() == "50万元"  # shown back formatted
    assert "50万元" in donations.footer.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    result = dialog.result_honouree()
    assert (result.name, result.unit, result.id) == ("张三", "衡阳市中心医院", None)
    assert [d.amount_fen for d in result.donations] == [50_000_000]
    saved = roll.add(result, new_photos=dialog.new_photos())
    assert roll.honouree(saved.id).donations[0].amount_fen == 50_000_000


@pytest.mark.parametrize(
    "typed, fen, shown",
    [
        ("10万元", 10_000_000, "10万元"),
        ("1,000", 100_000, "1000元"),
        ("五十万元", 50_000_000, "50万元"),
        ("264.28万元", 2_642_800_00, "264.28万元"),
    ],
)
def test_amounts_are_read_the_way_clerks_write_them(open_dialog, typed, fen, shown):
    dialog = open_dialog()
    model = dialog.donations_editor.model
    model.add_row()
    model.setData(model.index(0, model.column_of("amount")), typed)
    assert model.index(0, model.column_of("amount")).data() == shown
    assert [d.amount_fen for d in model.records()] == [fen]


def test_goods_quantity_1wan_is_ten_thousand(open_dialog):
    dialog = open_dialog()
    model = dialog.donations_editor.model
    model.add_row()
    for key, text in (("item", "口罩"), ("quantity", "1万"), ("quantity_unit", "只")):
        model.setData(model.index(0, model.column_of(key)), text)
    [donation] = model.records()
    assert (donation.amount_fen, donation.item, donation.quantity, donation.quantity_unit) == (
        None,
        "口罩",
        10_000,
        "只",
    )


def test_an_unreadable_amount_is_marked_and_save_goes_to_its_row(qtbot, open_dialog):
    dialog = open_dialog()
    dialog.form.name_edit.setText("李四")
    editor = dialog.donations_editor
    model = editor.model
    model.add_row()
    model.add_row()
    model.setData(model.index(0, 0), "1000")
    model.setData(model.index(1, 0), "五十万块多少")

    cell = model.index(1, 0)
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == PROBLEM_BACKGROUND
    assert cell.data() == "五十万块多少"  # kept as typed, never "corrected"
    assert not editor.message.isHidden() and "Row 2" in editor.message.text()

    dialog.tabs.setCurrentWidget(dialog.basic_tab)
    assert dialog.save() is False
    assert dialog.tabs.currentWidget() is editor
    assert editor.view.currentIndex().row() == 1
    assert "row 2" in dialog.save_message.text()
    assert dialog.result() != QDialog.DialogCode.Accepted

    model.setData(cell, "5万")
    assert editor.message.isHidden()
    assert dialog.save() is True
    assert [d.amount_fen for d in dialog.result_honouree().donations] == [100_000, 5_000_000]


def test_amount_messages_follow_the_ui_language(open_dialog, monkeypatch):
    monkeypatch.setattr(entry_values, "current_language", lambda: "zh")
    dialog = open_dialog()
    model = dialog.donations_editor.model
    model.add_row()
    model.setData(model.index(0, 0), "abc")
    assert "无法识别金额" in model.problems()[0].message


def test_a_donation_needs_money_or_goods(open_dialog):
    dialog = open_dialog()
    model = dialog.donations_editor.model
    model.add_row()
    model.setData(model.index(0, model.column_of("recipient")), "市红十字会")
    [problem] = model.problems()
    assert problem.key == "amount"


def test_blank_rows_are_dropped_and_honour_cells_are_checked(open_dialog):
    dialog = open_dialog()
    dialog.form.name_edit.setText("王五")
    honours = dialog.honours_editor.model
    honours.add_row()  # left blank: dropped on save
    honours.add_row()
    honours.setData(honours.index(1, honours.column_of("title")), "全国劳动模范")
    honours.setData(honours.index(1, honours.column_of("level")), "national")
    honours.setData(honours.index(1, honours.column_of("year")), "20x0")
    assert [p.key for p in honours.problems()] == ["year"]
    honours.setData(honours.index(1, honours.column_of("year")), "２０２０年")
    honours.setData(honours.index(1, honours.column_of("date")), "2020年4月30日")
    honours.setData(
        honours.index(1, honours.column_of("posthumous")),
        Qt.CheckState.Checked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    deeds = dialog.deeds_editor.model
    deeds.add_row()
    deeds.setData(deeds.index(0, deeds.column_of("text")), "连续奋战10天\n因公殉职")

    assert dialog.save() is True
    result = dialog.result_honouree()
    [honour] = result.honours
    assert (honour.title, honour.level, honour.year, honour.date, honour.posthumous) == (
        "全国劳动模范",
        "national",
        2020,
        "2020-04-30",
        True,
    )
    assert [d.text for d in result.deeds] == ["连续奋战10天\n因公殉职"]


def test_rows_move_up_and_down(open_dialog):
    dialog = open_dialog()
    editor = dialog.deeds_editor
    for text in ("一", "二", "三"):
        row = editor.model.add_row()
        editor.model.setData(editor.model.index(row, 1), text)
    editor.view.setCurrentIndex(editor.model.index(2, 1))
    editor.move_current(-1)
    editor.move_current(-1)
    assert [d.text for d in editor.model.records()] == ["三", "一", "二"]
    editor.move_current(+1)
    assert [d.text for d in editor.model.records()] == ["一", "三", "二"]
    editor.remove_current()
    assert [d.text for d in editor.model.records()] == ["一", "二"]


# -- existing records ------------------------------------------------------------------------


def test_editing_an_existing_record_keeps_its_id_and_version(qtbot, open_dialog, roll):
    honouree_id = first_id(roll, "许仲秋")
    before = roll.honouree(honouree_id)
    dialog = open_dialog(honouree_id)
    assert dialog.form.name_edit.text() == "许仲秋"
    assert dialog.donations_editor.model.index(0, 0).data() == "50万元"
    assert dialog.form.category_combo.currentText() == "Model workers"

    dialog.form.position_edit.setText("董事长、党委书记")
    dialog.form.status_combo.setCurrentIndex(dialog.form.status_combo.findData("retired"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    result = dialog.result_honouree()
    assert (result.id, result.version) == (before.id, before.version)
    assert result is not before and before.position == "董事长"
    assert (result.position, result.status, result.category) == (
        "董事长、党委书记",
        "retired",
        "model worker",
    )
    assert result.honours == [h.__class__(**{**h.__dict__, "id": None}) for h in before.honours]
    assert [d.amount_fen for d in result.donations] == [50_000_000]
    assert result.source == before.source and result.notes == before.notes

    saved = roll.update(result)
    assert saved.position == "董事长、党委书记" and saved.version == before.version + 1
    with pytest.raises(ConflictError):
        roll.update(result)  # the same stale version again: the core's lost-update guard


def test_region_offers_the_regions_already_in_the_roll(open_dialog, roll):
    dialog = open_dialog()
    offered = [dialog.form.region_combo.itemText(i) for i in range(dialog.form.region_combo.count())]
    assert offered == roll.common_values("region")
    assert "耒阳市" in offered


def test_a_free_text_category_is_kept_as_typed(open_dialog):
    dialog = open_dialog()
    dialog.form.name_edit.setText("赵六")
    dialog.form.category_combo.setEditText("教育")
    dialog.save()
    assert dialog.result_honouree().category == "教育"


# -- duplicates ------------------------------------------------------------------------------


def test_same_name_and_unit_shows_a_warning_but_does_not_block(qtbot, open_dialog, roll):
    existing = first_id(roll, "许仲秋")
    dialog = open_dialog()
    assert dialog.duplicate_warning.isHidden()
    type_text(dialog.form.name_edit, "许仲秋")
    type_text(dialog.form.unit_edit, "湘油泵")
    qtbot.waitUntil(lambda: not dialog.duplicate_warning.isHidden(), timeout=WAIT_MS)
    assert str(existing) in dialog.duplicate_warning.text()

    dialog.form.unit_edit.setText("湘油泵股份")
    qtbot.waitUntil(dialog.duplicate_warning.isHidden, timeout=WAIT_MS)
    dialog.form.unit_edit.setText("湘油泵")
    assert dialog.save() is True


def test_the_record_itself_is_not_its_own_duplicate(open_dialog, roll):
    dialog = open_dialog(first_id(roll, "许仲秋"))
    dialog.check_duplicates()
    assert dialog.duplicate_warning.isHidden()


# -- photos ----------------------------------------------------------------------------------


def test_adding_a_real_image_shows_a_thumbnail_and_becomes_a_new_photo(qtbot, open_dialog, portrait, roll):
    dialog = open_dialog()
    dialog.form.name_edit.setText("张三")
    add_photos(qtbot, dialog, [portrait])

    model = dialog.photos.model
    assert model.rowCount() == 1
    icon = model.index(0).data(Qt.ItemDataRole.DecorationRole)
    assert not icon.isNull()
    assert not dialog.photos.preview.pixmap().isNull()
    assert "Photos (1)" in dialog.tabs.tabText(dialog.tabs.indexOf(dialog.photos))
    dialog.photos.caption.setText("工作照")
    dialog.photos.caption.textEdited.emit("工作照")

    [new] = dialog.new_photos()
    assert new.prepared.original == portrait.read_bytes()
    assert (new.caption, new.primary, new.rotation) == ("工作照", True, 0)
    assert dialog.save() is True
    saved = roll.add(dialog.result_honouree(), new_photos=dialog.new_photos())
    assert [(p.caption, p.width, p.height) for p in roll.photos(saved.id)] == [("工作照", 600, 800)]


def test_a_broken_image_gets_a_message_and_nothing_is_added(
    qtbot, open_dialog, portrait, tmp_path, monkeypatch
):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    broken = tmp_path / "scan.jpg"
    broken.write_bytes(portrait.read_bytes()[:200])
    not_an_image = tmp_path / "names.jpg"
    not_an_image.write_text("not a photo", encoding="utf-8")
    dialog = open_dialog()

    add_photos(qtbot, dialog, [broken, not_an_image])

    assert dialog.photos.model.rowCount() == 0 and dialog.new_photos() == []
    assert len(shown) == 1
    assert "scan.jpg" in shown[0] and "names.jpg" in shown[0]
    assert "not an image" in shown[0]

    add_photos(qtbot, dialog, [broken, portrait])  # good files in the same batch still arrive
    assert dialog.photos.model.rowCount() == 1 and len(shown) == 2


def test_dropping_image_files_adds_them(qtbot, open_dialog, portrait):
    dialog = open_dialog()
    dialog.tabs.setCurrentWidget(dialog.photos)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(portrait))])
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(dialog.photos.preparation_finished, timeout=WAIT_MS):
        dialog.photos.dropEvent(drop)
    assert dialog.photos.model.rowCount() == 1


def test_stored_photos_can_be_rotated_recaptioned_demoted_and_removed(
    qtbot, open_dialog, roll, portrait, tmp_path
):
    honouree_id = first_id(roll, "许仲秋")
    first = roll.add_photo(honouree_id, portrait, caption="旧照")
    second_path = tmp_path / "second.png"
    Image.new("RGB", (300, 200), (200, 60, 40)).save(second_path)
    roll.add_photo(honouree_id, second_path)
    dialog = open_dialog(honouree_id)
    panel = dialog.photos
    assert panel.model.rowCount() == 2 and panel.current_row() == 0

    panel.rotate_current(90)
    panel.rotate_current(90)
    panel.rotate_current(-90)
    panel.caption.setText("新照")
    panel.caption.textEdited.emit("新照")
    panel.grid.setCurrentIndex(panel.model.index(1))
    panel.make_current_primary()
    third_path = tmp_path / "third.png"
    Image.new("RGB", (240, 120), (20, 160, 60)).save(third_path)
    add_photos(qtbot, dialog, [third_path])
    panel.grid.setCurrentIndex(panel.model.index(2))
    panel.make_current_primary()
    panel.grid.setCurrentIndex(panel.model.index(1))
    panel.remove_current()

    assert dialog.rotations() == {first.id: 90}
    assert dialog.save() is True
    kept = dialog.result_honouree().photos
    assert [(p.id, p.caption, p.primary) for p in kept] == [(first.id, "新照", False)]
    [new] = dialog.new_photos()
    assert new.primary is True

    roll.update(dialog.result_honouree(), new_photos=dialog.new_photos(), rotations=dialog.rotations())
    stored = roll.photos(honouree_id)
    assert [(p.caption, p.primary, p.width, p.height, p.original_name) for p in stored] == [
        ("新照", False, 800, 600, "portrait.png"),
        ("", True, 240, 120, "third.png"),
    ]


def test_a_new_photo_cannot_be_moved_before_stored_ones(qtbot, open_dialog, roll, portrait):
    honouree_id = first_id(roll, "许仲秋")
    roll.add_photo(honouree_id, portrait)
    dialog = open_dialog(honouree_id)
    add_photos(qtbot, dialog, [portrait])
    panel = dialog.photos
    panel.grid.setCurrentIndex(panel.model.index(1))
    assert not panel.move_earlier.isEnabled()
    panel.move_current(-1)
    assert panel.model.entries[1].is_new


def test_export_writes_the_original_bytes(qtbot, open_dialog, roll, portrait, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    honouree_id = first_id(roll, "许仲秋")
    roll.add_photo(honouree_id, portrait)
    dialog = open_dialog(honouree_id)
    add_photos(qtbot, dialog, [portrait])
    for row, target in ((0, tmp_path / "stored.png"), (1, tmp_path / "new.png")):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target: (str(t), ""))
        dialog.photos.grid.setCurrentIndex(dialog.photos.model.index(row))
        dialog.photos.export_current()
        assert target.read_bytes() == portrait.read_bytes()


# -- leaving -----------------------------------------------------------------------------------


def test_closing_with_unsaved_changes_asks_first(qtbot, open_dialog, roll):
    dialog = open_dialog(first_id(roll, "许仲秋"))
    asked: list[str] = []

    def answer_with(button):
        def ask():
            asked.append("asked")
            return button

        return ask

    dialog.ask_about_unsaved_changes = answer_with(QMessageBox.StandardButton.Cancel)
    dialog.reject()
    assert not asked and not dialog.isVisible()  # nothing changed: no question

    dialog.show()
    dialog.form.position_edit.setText("总经理")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["asked"] and dialog.isVisible()  # Cancel: keep editing

    dialog.form.position_edit.setText("董事长")  # typed back: nothing to lose any more
    dialog.reject()
    assert asked == ["asked"] and not dialog.isVisible()

    dialog.show()
    dialog.form.notes_edit.setPlainText("补充")
    dialog.ask_about_unsaved_changes = answer_with(QMessageBox.StandardButton.Discard)
    dialog.close()
    assert len(asked) == 2 and not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_choosing_save_in_the_prompt_saves(open_dialog, roll):
    dialog = open_dialog(first_id(roll, "许仲秋"))
    dialog.form.position_edit.setText("总经理")
    dialog.ask_about_unsaved_changes = lambda: QMessageBox.StandardButton.Save
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_honouree().position == "总经理"


def test_the_prompt_offers_save_discard_and_cancel(qtbot, open_dialog, monkeypatch):
    dialog = open_dialog()
    seen = {}

    def fake_exec(box):
        seen["buttons"] = box.standardButtons()
        return QMessageBox.StandardButton.Cancel.value

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert dialog.ask_about_unsaved_changes() == QMessageBox.StandardButton.Cancel
    wanted = (
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    assert seen["buttons"] == wanted


# -- through the main window ----------------------------------------------------------------------


def test_the_main_window_saves_the_dialog_through_undo(
    qtbot, tmp_path, _seeded_template, portrait, monkeypatch
):
    """Enter on 许仲秋, edit in the real dialog, see it stored; Ctrl+Z takes it all back."""
    import shutil

    from honours.app import create_window
    from honours.gui.roll_model import COLUMN_INDEX

    db = tmp_path / "window.sqlite"
    shutil.copy(_seeded_template, db)
    window = create_window(db, tmp_path / "settings.ini")
    qtbot.addWidget(window)
    window.show()

    def edit_like_a_clerk(dialog: EditDialog) -> int:
        """Stands in for the modal loop: what a user does between opening and Save."""
        dialog.show()
        dialog.form.position_edit.setText("名誉董事长")
        model = dialog.donations_editor.model
        row = model.add_row()
        model.setData(model.index(row, model.column_of("amount")), "10万")
        add_photos(qtbot, dialog, [portrait])
        dialog.photos.caption.setText("工作照")
        dialog.photos.caption.textEdited.emit("工作照")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(EditDialog, "exec", edit_like_a_clerk)
    xu = first_id(window.registry, "许仲秋")
    window.select_id(xu)
    window.edit_current()

    saved = window.registry.honouree(xu)
    assert saved.position == "名誉董事长"
    assert saved.donation_total_fen == 60_000_000
    assert [(p.caption, p.primary) for p in saved.photos] == [("工作照", True)]
    assert window.registry.photo_bytes(saved.photos[0].id, "original") == portrait.read_bytes()
    row = next(r for r in range(window.model.rowCount()) if window.model.id_at(r) == xu)
    assert window.model.data(window.model.index(row, COLUMN_INDEX["position"])) == "名誉董事长"

    window.undo_stack.undo()
    restored = window.registry.honouree(xu)
    assert (restored.position, restored.donation_total_fen, restored.photos) == ("董事长", 50_000_000, [])


# -- hostile text ---------------------------------------------------------------------------------


def test_rare_characters_emoji_and_long_deeds_come_through_untouched(open_dialog):
    dialog = open_dialog()
    dialog.form.name_edit.setText("𠮷田 👍")
    deeds = dialog.deeds_editor.model
    deeds.add_row()
    long_deed = "连续奋战，" * 2000  # 10,000 characters
    deeds.setData(deeds.index(0, deeds.column_of("text")), long_deed)
    assert dialog.save() is True
    result = dialog.result_honouree()
    assert result.name == "𠮷田 👍"
    assert result.deeds[0].text == long_deed.strip()


def test_an_invisible_control_character_is_refused_in_the_dialog_not_after_it(open_dialog, roll):
    dialog = open_dialog(first_id(roll, "许仲秋"))
    dialog.form.position_edit.setText("董事长\x07")
    assert dialog.save() is False
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "U+0007" in dialog.save_message.text()
    dialog.form.position_edit.setText("董事长")
    assert dialog.save() is True
