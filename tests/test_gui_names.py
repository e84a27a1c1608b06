"""The edit dialog tidies names and reads title levels as every way in does (core/names.py, core/titles.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit

from honours.core import Honour, Honouree
from honours.gui import honouree_form
from honours.gui.labels import level_label
from tests.test_gui_edit_dialog import open_dialog, type_into_cell, type_text

__all__ = ["open_dialog"]


def honours_rows(editor) -> list[tuple[str, str, str]]:
    model = editor.model
    return [
        (
            model.index(r, model.column_of("title")).data(),
            model.index(r, model.column_of("level")).data(),
            model.index(r, model.column_of("awarded_by")).data(),
        )
        for r in range(model.rowCount())
    ]


def choose_level(qtbot, editor, row: int, level: str) -> None:
    """Pick a level in the cell's combo the way a user does."""
    editor.window().tabs.setCurrentWidget(editor)
    index = editor.model.index(row, editor.model.column_of("level"))
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    [combo] = [w for w in editor.view.findChildren(QComboBox) if w.isVisible()]
    position = combo.findData(level)
    combo.setCurrentIndex(position)
    combo.activated.emit(position)
    qtbot.keyClick(combo, Qt.Key.Key_Return)


def test_a_typed_title_fills_the_level_and_the_awarding_body(qtbot, open_dialog):
    dialog = open_dialog()
    honours = dialog.honours_editor
    qtbot.mouseClick(honours.add_button, Qt.MouseButton.LeftButton)
    assert honours_rows(honours) == [("", level_label("other"), "")]
    type_into_cell(qtbot, honours, 0, "title", "衡阳市劳动模范")
    assert honours_rows(honours) == [("衡阳市劳动模范", level_label("municipal"), "")]
    type_into_cell(qtbot, honours, 0, "title", "全国劳动模范")
    assert honours_rows(honours) == [("全国劳动模范", level_label("national"), "中共中央、国务院")]
    type_into_cell(qtbot, honours, 0, "title", "全国五一劳动奖章")  # the body it filled follows the title
    assert honours_rows(honours) == [("全国五一劳动奖章", level_label("national"), "中华全国总工会")]
    type_into_cell(qtbot, honours, 0, "title", "大国工匠年度人物")
    type_into_cell(qtbot, honours, 0, "awarded_by", "某某总工会")  # the user's own body is kept
    type_into_cell(qtbot, honours, 0, "title", "西藏工匠")
    assert honours_rows(honours) == [("西藏工匠", level_label("provincial"), "某某总工会")]

    type_text(dialog.findChild(QLineEdit, "nameEdit"), "次仁")
    assert dialog.save() is True
    [honour] = dialog.result_honouree().honours
    assert (honour.title, honour.level, honour.awarded_by) == ("西藏工匠", "provincial", "某某总工会")


def test_a_level_the_user_chose_is_kept_when_the_title_changes(qtbot, open_dialog):
    dialog = open_dialog()
    honours = dialog.honours_editor
    qtbot.mouseClick(honours.add_button, Qt.MouseButton.LeftButton)
    type_into_cell(qtbot, honours, 0, "title", "衡阳市劳动模范")
    choose_level(qtbot, honours, 0, "provincial")
    type_into_cell(qtbot, honours, 0, "title", "耒阳市劳动模范")
    assert honours_rows(honours) == [("耒阳市劳动模范", level_label("provincial"), "")]
    # another row is the user's to choose separately
    qtbot.mouseClick(honours.add_button, Qt.MouseButton.LeftButton)
    type_into_cell(qtbot, honours, 1, "title", "耒阳市劳动模范")
    assert honours_rows(honours)[1] == ("耒阳市劳动模范", level_label("county"), "")


def test_stored_honours_keep_their_level_unless_it_was_their_titles(qtbot, open_dialog, roll):
    record = roll.add(
        Honouree(
            name="王五",
            honours=[Honour("衡阳市劳动模范", "municipal"), Honour("衡阳市五一劳动奖章", "provincial")],
        )
    )
    dialog = open_dialog(record.id)
    honours = dialog.honours_editor
    type_into_cell(qtbot, honours, 0, "title", "常宁市劳动模范")  # its level was the title's: read again
    type_into_cell(qtbot, honours, 1, "title", "耒阳市五一劳动奖章")  # its level was chosen: kept
    assert [row[1] for row in honours_rows(honours)] == [level_label("county"), level_label("provincial")]


def active(qtbot, dialog):
    """The dialog as the window with the keyboard, so that focus moves as it does for a user."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_a_typed_name_is_tidied_when_the_field_is_left(qtbot, open_dialog):
    dialog = active(qtbot, open_dialog())
    name = dialog.findChild(QLineEdit, "nameEdit")
    note = dialog.findChild(QLabel, "nameNote")
    name.setFocus()
    type_text(name, "李梅（女，回族）")
    assert note.isHidden() and name.text() == "李梅（女，回族）"  # nothing happens while typing
    dialog.findChild(QLineEdit, "unitEdit").setFocus()  # leaving the field
    qtbot.waitUntil(lambda: name.text() == "李梅")
    assert dialog.form.values()["gender"] == "女" and dialog.form.values()["ethnicity"] == "回族"
    assert note.isVisible()
    assert note.text() == (
        "Name “李梅（女，回族）” changed to “李梅”; Gender read from the name: 女; "
        "Ethnicity read from the name: 回族"
    )
    type_text(name, "x")
    assert note.isHidden()  # typing again: the note goes


def test_a_gender_chosen_wins_over_the_name_and_the_note_says_so(qtbot, open_dialog, monkeypatch):
    monkeypatch.setattr(honouree_form, "current_language", lambda: "zh")
    dialog = active(qtbot, open_dialog())
    form = dialog.form
    gender = form.gender_combo
    gender.setCurrentIndex(gender.findData("男"))
    form.name_edit.setFocus()
    type_text(form.name_edit, "马红秋(女)")
    form.unit_edit.setFocus()
    qtbot.waitUntil(lambda: form.name_edit.text() == "马红秋")
    assert form.values()["gender"] == "男"
    assert form.name_note.text() == (
        "姓名“马红秋(女)”已改为“马红秋”；姓名括注性别为“女”，与填写的性别“男”不一致，已保留“男”"
    )


def test_save_tidies_the_name_too(qtbot, open_dialog):
    dialog = open_dialog()
    dialog.form.name_edit.setText("沙吾尔•芒力克（已故）")  # set, not typed: only Save sees it
    assert dialog.save() is True
    result = dialog.result_honouree()
    assert result.name == "沙吾尔·芒力克" and result.notes == "姓名括注：已故"


def test_opening_a_record_stored_untidy_changes_nothing_until_the_name_is_edited(qtbot, open_dialog, roll):
    record = roll.add(Honouree(name="贺 彪"))
    dialog = active(qtbot, open_dialog(record.id))
    dialog.form.name_edit.setFocus()
    dialog.form.unit_edit.setFocus()  # passing through the field is not an edit
    assert QApplication.focusWidget() is dialog.form.unit_edit
    assert dialog.form.name_edit.text() == "贺 彪" and not dialog.is_dirty()


def test_a_name_edited_in_the_intake_table_is_tidied(qtbot, registry):
    from honours.gui.intake_model import COLUMNS
    from tests.test_gui_intake import pasted

    dialog = pasted(qtbot, registry, "全国劳动模范王新来带领职工抢修线路。")
    model = dialog.model
    assert model.row_at(0).honouree.name == "王新来"
    assert model.setData(model.index(0, COLUMNS.index("name")), "王 新（女）")
    honouree = model.row_at(0).honouree
    assert (honouree.name, honouree.gender) == ("王新", "女")
