"""The real main window, offscreen, on a temporary copy of the default roll."""

from __future__ import annotations

import importlib
import io
import subprocess
import sys
import types
from pathlib import Path
from typing import ClassVar

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
)

from honours.app import create_window
from honours.gui import i18n, main_window
from honours.gui.filter_panel import TERM_ROLE
from honours.gui.roll_model import COLUMN_INDEX


def type_text(widget: QLineEdit, text: str) -> None:
    """Chinese arrives as an input-method commit, as from a real pinyin IME."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def names(win) -> list[str]:
    model = win.model
    return [model.data(model.index(r, COLUMN_INDEX["name"])) for r in range(model.rowCount())]


def wait_rows(qtbot, win, count: int) -> None:
    qtbot.waitUntil(lambda: win.model.rowCount() == count, timeout=3000)


def test_starts_on_the_whole_roll_with_the_search_box_focused(window):
    assert window.findChild(QLineEdit, "searchBox") is window.search_box
    assert window.findChild(QTableView, "resultsTable") is window.results_table
    assert QApplication.focusWidget() is window.search_box
    assert window.model.rowCount() == 14
    assert window.count_label.text() == "14 of 14 honourees shown"
    assert window.menu("tools") is not None and window.menu("file").title() == "&File"


def test_typing_narrows_the_table_and_escape_clears(qtbot, window):
    type_text(window.search_box, "五一")
    wait_rows(qtbot, window, 2)
    assert sorted(names(window)) == ["宋英杰", "柏太柱"]
    assert window.count_label.text() == "2 of 14 honourees shown"
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.search_box.text() == ""
    wait_rows(qtbot, window, 14)


def test_pinyin_initials_typed_key_by_key(qtbot, window):
    qtbot.keyClicks(window.search_box, "syj")
    wait_rows(qtbot, window, 1)
    assert names(window) == ["宋英杰"]


def test_a_query_that_matches_nothing_says_so(qtbot, window):
    type_text(window.search_box, "没有这个人")
    wait_rows(qtbot, window, 0)
    assert "没有这个人" in window.notice.text() and window.notice.isVisible()
    assert window.count_label.text() == "0 of 14 honourees shown"


def test_ctrl_f_returns_to_the_search_box_and_down_goes_to_the_results(qtbot, window):
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.results_table
    assert window.current_id() == window.model.id_at(0)
    qtbot.keyClick(window.results_table, Qt.Key.Key_Down)
    assert window.current_id() == window.model.id_at(1)
    qtbot.keyClick(window.results_table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_box


def facet_item(window, term: str):
    tree = window.filter_panel.tree
    for top in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(top)
        for child in range(group.childCount()):
            if group.child(child).data(0, TERM_ROLE) == term:
                return group.child(child)
    return None


def test_clicking_a_filter_value_narrows_the_search_and_can_be_removed(qtbot, window):
    qtbot.waitUntil(lambda: facet_item(window, "level:provincial") is not None, timeout=5000)
    item = facet_item(window, "level:provincial")
    assert item.text(1) == "4"
    tree = window.filter_panel.tree
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    assert window.search_box.text() == "level:provincial"
    wait_rows(qtbot, window, 4)
    assert sorted(names(window)) == sorted(["柏太柱", "李小平", "许仲秋", "罗芳初"])

    def counts_follow_the_result() -> bool:  # 3 model workers on the roll, 2 of them provincial
        item = facet_item(window, "category:model worker")
        return item is not None and item.text(1) == "2"

    qtbot.waitUntil(counts_follow_the_result, timeout=5000)
    chips = window.filter_panel.findChildren(QToolButton, "activeFilter")
    assert len(chips) == 1 and "Provincial" in chips[0].text()
    qtbot.mouseClick(chips[0], Qt.MouseButton.LeftButton)
    assert window.search_box.text() == ""
    wait_rows(qtbot, window, 14)


def test_filter_values_keep_what_was_typed(qtbot, window):
    type_text(window.search_box, "卫生")
    wait_rows(qtbot, window, 2)
    window._on_filter_terms([], "status:deceased")
    assert window.search_box.text() == "卫生 status:deceased"
    assert names(window) == ["宋英杰"]


def test_detail_pane_shows_everything_about_the_selected_honouree(qtbot, window):
    type_text(window.search_box, "许仲秋")
    wait_rows(qtbot, window, 1)
    qtbot.waitUntil(lambda: window.detail_pane.honouree_id() == window.model.id_at(0), timeout=3000)
    text = window.detail_pane.toPlainText()
    for expected in (
        "许仲秋",
        "湘油泵",
        "董事长",
        "湖南省劳动模范",
        "Provincial",
        "50万元",
        "用于抗击疫情",
        "第十三届全国人大代表",
    ):
        assert expected in text


def test_detail_pane_totals_cash_and_goods(qtbot, window):
    type_text(window.search_box, "罗芳初")
    wait_rows(qtbot, window, 1)
    window.select_id(window.model.id_at(0))
    text = window.detail_pane.toPlainText()
    assert "10万元" in text and "口罩 1万只" in text


def test_delete_asks_first_and_undo_brings_the_record_back(qtbot, window, monkeypatch):
    answers = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    type_text(window.search_box, "许仲秋")
    wait_rows(qtbot, window, 1)
    window.focus_results()
    xu = window.current_id()

    answers.append(QMessageBox.StandardButton.No)
    qtbot.keyClick(window.results_table, Qt.Key.Key_Delete)
    assert window.registry.exists(xu)

    answers.append(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(window.results_table, Qt.Key.Key_Delete)
    assert not window.registry.exists(xu)
    assert window.statusBar().currentMessage() == "Moved “许仲秋” to the trash (Ctrl+Z undoes it)."
    wait_rows(qtbot, window, 0)
    assert window.count_label.text() == "0 of 13 honourees shown"

    qtbot.keyClick(window.results_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.registry.exists(xu)
    wait_rows(qtbot, window, 1)
    assert window.count_label.text() == "1 of 14 honourees shown"
    qtbot.keyClick(window.results_table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert not window.registry.exists(xu)


def test_clicking_the_name_header_sorts_by_pinyin_both_ways(qtbot, window):
    header = window.results_table.horizontalHeader()
    name_x = header.sectionViewportPosition(COLUMN_INDEX["name"]) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(name_x, header.height() // 2))
    registry = window.registry
    ascending = [s.name for s in registry.summaries(registry.search("", order="name").ids())]
    assert window.model.order() == ("name", False) and names(window) == ascending
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(name_x, header.height() // 2))
    assert window.model.order() == ("name", True) and names(window) == ascending[::-1]


class FakeEditDialog:
    """Stands in for the edit dialog (tested on its own): changes the position, or adds 张三.

    `answers` are what each exec() returns (Accepted until they run out, then Rejected);
    `positions` the position each Save gives, so a test can make one unsavable.
    """

    answers: ClassVar[list[int]] = []
    positions: ClassVar[list[str]] = []
    while_open: ClassVar[list] = []  # things that happen elsewhere while the dialog is open
    shown = 0

    def __init__(self, parent, registry, honouree) -> None:
        self.honouree = honouree

    def exec(self) -> int:
        FakeEditDialog.shown += 1
        if FakeEditDialog.while_open:
            FakeEditDialog.while_open.pop(0)()
        return FakeEditDialog.answers.pop(0) if FakeEditDialog.answers else QDialog.DialogCode.Rejected

    def result_honouree(self):
        from honours.core import Honouree

        if self.honouree is None:
            return Honouree(name="张三", unit="衡阳市中心医院")
        edited = Honouree.from_dict(self.honouree.to_dict())
        edited.position = FakeEditDialog.positions.pop(0) if FakeEditDialog.positions else "名誉董事长"
        return edited

    def new_photos(self) -> list:
        return []

    def rotations(self) -> dict:
        return {}


@pytest.fixture
def fake_dialog(monkeypatch):
    from honours.gui import edit_dialog

    monkeypatch.setattr(edit_dialog, "EditDialog", FakeEditDialog)
    FakeEditDialog.answers = [QDialog.DialogCode.Accepted]
    FakeEditDialog.positions = []
    FakeEditDialog.while_open = []
    FakeEditDialog.shown = 0
    return FakeEditDialog


def test_enter_edits_the_current_row_and_undo_reverts_the_save(qtbot, window, fake_dialog):
    type_text(window.search_box, "许仲秋")
    wait_rows(qtbot, window, 1)
    window.focus_results()
    qtbot.keyClick(window.results_table, Qt.Key.Key_Return)
    xu = window.current_id()
    assert window.registry.honouree(xu).position == "名誉董事长"
    assert window.model.data(window.model.index(0, COLUMN_INDEX["position"])) == "名誉董事长"
    assert "名誉董事长" in window.detail_pane.toPlainText()
    window.actions.undo.trigger()
    assert window.registry.honouree(xu).position == "董事长"
    assert "名誉董事长" not in window.detail_pane.toPlainText()


def test_ctrl_n_adds_an_honouree_that_undo_moves_to_the_trash(qtbot, window, fake_dialog):
    qtbot.keyClick(window.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_rows(qtbot, window, 15)
    added = window.registry.search("张三").ids()[0]
    qtbot.waitUntil(lambda: window.current_id() == added, timeout=3000)
    assert window.detail_pane.honouree_id() == added
    window.undo_stack.undo()
    wait_rows(qtbot, window, 14)
    assert not window.registry.exists(added)


def test_the_real_edit_dialog_saves_through_the_window_and_undo(qtbot, window):
    type_text(window.search_box, "许仲秋")
    wait_rows(qtbot, window, 1)
    window.focus_results()
    xu = window.current_id()

    def fill_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "editDialog":
            QTimer.singleShot(20, fill_and_save)  # not shown yet
            return
        dialog.findChild(QLineEdit, "positionEdit").setText("名誉董事长")
        qtbot.mouseClick(dialog.findChild(QPushButton, "saveButton"), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_and_save)
    qtbot.keyClick(window.results_table, Qt.Key.Key_Return)
    assert window.registry.honouree(xu).position == "名誉董事长"
    assert "名誉董事长" in window.detail_pane.toPlainText()
    window.actions.undo.trigger()
    assert window.registry.honouree(xu).position == "董事长"


def test_a_save_someone_else_overtook_asks_and_can_go_back_to_the_same_dialog(
    qtbot, window, fake_dialog, monkeypatch
):
    from honours.gui import record_commands
    from honours.gui.conflict_dialog import ConflictChoice, ConflictDialog, ConflictResolution, stored_version

    choices = [ConflictChoice.KEEP_EDITING, ConflictChoice.KEEP_MINE]
    asked = []

    def answer(parent, registry, mine, error, original=None):
        """The real dialog's merge, with the user's click scripted."""
        dialog = ConflictDialog(mine, stored_version(registry, error.honouree_id), error, parent, original)
        asked.append(error)
        return ConflictResolution(choices.pop(0), dialog.record)

    monkeypatch.setattr(record_commands, "ask_conflict", answer)
    fake_dialog.answers = [QDialog.DialogCode.Accepted, QDialog.DialogCode.Accepted]
    type_text(window.search_box, "许仲秋")
    wait_rows(qtbot, window, 1)
    window.focus_results()
    xu = window.current_id()
    fake_dialog.while_open = [lambda: window.registry.edit(xu, {"notes": "另一台电脑保存的备注"})]
    window.edit_current()
    assert fake_dialog.shown == 2 and len(asked) == 2  # back to the dialog once, then kept mine
    saved = window.registry.honouree(xu)
    assert saved.position == "名誉董事长"
    assert saved.notes == "另一台电脑保存的备注"  # keeping mine kept their change to another field
    window.undo_stack.undo()
    assert window.registry.honouree(xu).notes == "另一台电脑保存的备注"  # undo returns to their version


def test_a_refused_save_returns_to_the_dialog_with_a_message(qtbot, window, fake_dialog, monkeypatch):
    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)
    fake_dialog.answers = [QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected]
    type_text(window.search_box, "许仲秋")
    wait_rows(qtbot, window, 1)
    window.focus_results()
    monkeypatch.setattr(window.registry, "update", _refuse)
    window.edit_current()
    assert fake_dialog.shown == 2 and len(errors) == 1
    assert window.undo_stack.count() == 0


def _refuse(*args, **kwargs):
    from honours.core import InvalidRecordError

    raise InvalidRecordError("a test refusal", "测试拒绝")


def jpeg(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (240, 320), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def test_a_new_photo_shows_in_the_table_and_the_detail_pane(qtbot, window):
    type_text(window.search_box, "许仲秋")
    wait_rows(qtbot, window, 1)
    window.select_id(window.model.id_at(0))
    index = window.model.index(0, COLUMN_INDEX["photo"])
    before = window.model.data(index, Qt.ItemDataRole.DecorationRole).pixmap(QSize(32, 32)).toImage()
    assert before.pixelColor(before.width() // 2, 3) != QColor(20, 20, 200)
    window.registry.add_photo(window.model.id_at(0), jpeg((20, 20, 200)), caption="工作照")

    def blue() -> bool:
        image = window.model.data(index, Qt.ItemDataRole.DecorationRole).pixmap(QSize(32, 32)).toImage()
        colour = image.pixelColor(image.width() // 2, image.height() // 2)
        return colour.blue() > 150 and colour.red() < 80

    qtbot.waitUntil(blue, timeout=3000)
    assert "工作照" in window.detail_pane.toPlainText()


def test_column_widths_and_panels_are_remembered(qtbot, db_path, tmp_path):
    settings = tmp_path / "remember.ini"
    first = create_window(db_path, settings)
    qtbot.addWidget(first)
    first.results_table.setColumnWidth(COLUMN_INDEX["unit"], 311)
    first.set_filter_panel_visible(False)
    first.close()
    second = create_window(db_path, settings)
    qtbot.addWidget(second)
    assert second.results_table.columnWidth(COLUMN_INDEX["unit"]) == 311
    assert second.filter_panel.isHidden() and not second.actions.show_filters.isChecked()


def test_a_broken_feature_module_is_skipped(qtbot, db_path, tmp_path, monkeypatch):
    good = types.ModuleType("honours_test_good_feature")
    good.install = lambda win: win.menu("tools").addAction("Check the roll")
    bad = types.ModuleType("honours_test_bad_feature")

    def explode(win) -> None:
        raise RuntimeError("feature bug")

    bad.install = explode
    monkeypatch.setitem(sys.modules, "honours.test_good_feature", good)
    monkeypatch.setitem(sys.modules, "honours.test_bad_feature", bad)
    monkeypatch.setattr(
        main_window,
        "FEATURE_MODULES",
        ["honours.test_bad_feature", "honours.test_good_feature"],
    )
    win = create_window(db_path, tmp_path / "s.ini")
    qtbot.addWidget(win)
    assert win.failed_features == ["honours.test_bad_feature"]
    assert [a.text() for a in win.menu("tools").actions()] == ["Check the roll"]
    assert win.menu("tools").menuAction().isVisible()
    assert win.menu("file").actions()[-1] is win.actions.quit
    assert win.model.rowCount() == 14


def test_a_feature_module_that_cannot_be_imported_is_an_error(qtbot, db_path, tmp_path, monkeypatch):
    # A typo in FEATURE_MODULES, or a module a package left out, must fail loudly, not drop menus.
    monkeypatch.setattr(main_window, "FEATURE_MODULES", ["import_dialog", "import_dialgo"])
    with pytest.raises(ModuleNotFoundError, match="import_dialgo"):
        create_window(db_path, tmp_path / "s.ini")


def test_every_listed_feature_module_has_an_install():
    for name in main_window.FEATURE_MODULES:
        module = importlib.import_module(name if name.startswith("honours.") else f"honours.gui.{name}")
        assert callable(module.install), name


@pytest.fixture
def chinese_catalogue(tmp_path, monkeypatch):
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    source = Path(i18n.__file__).parent / "i18n" / "honours_zh_CN.ts"
    subprocess.run(
        [str(lrelease), "-silent", str(source), "-qm", str(tmp_path / "honours_zh_CN.qm")], check=True
    )
    monkeypatch.setattr(i18n, "I18N_DIR", tmp_path)
    yield
    i18n.install_translations("en")


def test_switching_to_chinese_rebuilds_the_window_in_chinese(qtbot, window, chinese_catalogue):
    type_text(window.search_box, "五一")
    wait_rows(qtbot, window, 2)
    chinese = window.set_language("zh")
    qtbot.addWidget(chinese)
    assert chinese.settings.language == "zh"
    assert chinese.menu("file").title().startswith("文件")
    assert chinese.menu("edit").title().startswith("编辑")
    assert chinese.search_box.text() == "五一" and chinese.model.rowCount() == 2
    assert chinese.count_label.text() == "显示 2 人，共 14 人"
    assert chinese.model.headerData(COLUMN_INDEX["name"], Qt.Orientation.Horizontal) == "姓名"
    assert not window.isVisible()
    english = chinese.set_language("en")
    qtbot.addWidget(english)
    assert english.menu("file").title() == "&File"


def test_default_column_widths_leave_room_for_every_title(qtbot, window):
    """On a first start nothing in the header is cut short, in the longer English titles too."""
    table = window.results_table
    table.apply_default_widths()
    metrics = table.horizontalHeader().fontMetrics()
    shown = [COLUMN_INDEX[key] for key in table.column_keys() if key != "photo"]
    assert len(shown) == 8
    for column in shown:
        title = window.model.headerData(column, Qt.Orientation.Horizontal)
        assert table.columnWidth(column) > metrics.horizontalAdvance(title), title


def test_default_column_widths_fit_a_wide_table_without_scrolling(qtbot, window):
    window.resize(1344, 846)
    table = window.results_table
    qtbot.waitUntil(lambda: table.viewport().width() > 700)
    table.apply_default_widths()
    used = sum(table.columnWidth(c) for c in range(window.model.columnCount()))
    assert used <= table.viewport().width()


def test_dialogs_reopen_at_the_size_they_were_given_and_fit_the_screen(qtbot, window):
    from honours.gui.print_actions import PreviewDialog
    from honours.gui.print_options_dialog import CERTIFICATES, SELECTION, PrintChoice
    from honours.gui.trash_dialog import TrashDialog

    first = TrashDialog(window.registry, window)
    qtbot.addWidget(first)
    first.show()
    first.resize(520, 330)
    first.close()
    again = TrashDialog(window.registry, window)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (520, 330)

    screen = window.screen().availableGeometry()
    choice = PrintChoice(kind=CERTIFICATES, scope=SELECTION)
    preview = PreviewDialog(window, choice, QPrinter(), window)  # asks for 900×1000 by default
    qtbot.addWidget(preview)
    assert preview.width() <= screen.width() and preview.height() <= screen.height()


def test_quotes_inside_the_quoted_source_sentence_are_nested_the_chinese_way(qtbot, window):
    bai = window.registry.search("name:白云").ids()[0]
    assert "“拼命三郎”" in window.registry.honouree(bai).source.sentence
    window.select_id(bai)
    text = window.detail_pane.toPlainText()
    assert "白云带病上阵做‘拼命三郎’”" in text and "白云带病上阵做“拼命三郎”" not in text


def test_both_counts_carry_the_same_thousands_separator(qtbot, tmp_path, chinese_catalogue):
    from honours.app import create_window
    from honours.core import Honouree, Registry
    from honours.core.registry import ImportItem

    path = tmp_path / "large.sqlite"
    registry = Registry.open(path)
    registry.apply_import(
        [
            ImportItem(Honouree(name=f"测试{i:04d}", unit="耒阳市总工会" if i < 234 else "衡阳市总工会"))
            for i in range(1234)
        ]
    )
    registry.close()
    win = create_window(path, tmp_path / "settings.ini", language="zh")
    qtbot.addWidget(win)
    win.show()
    assert win.count_label.text() == "显示 1,234 人，共 1,234 人"
    type_text(win.search_box, "耒阳")
    qtbot.waitUntil(lambda: win.count_label.text() == "显示 234 人，共 1,234 人", timeout=3000)
