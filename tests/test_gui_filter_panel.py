"""The filter panel on its own: values with counts, qualifiers however typed, the year range."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from honours.gui import i18n
from honours.gui.filter_panel import TERM_ROLE, FilterPanel, canonical, term_for
from honours.gui.search_box import quote_term

FACETS = {
    "level": [("national", 3), ("provincial", 4)],
    "region": [("耒阳市", 3)],
    "status": [("active", 13), ("deceased", 1)],
    "category": [("other trades", 5)],
    "year": [(2019, 2), (2020, 5)],
}


def items(panel: FilterPanel) -> dict[str, tuple[str, str, Qt.CheckState]]:
    tree = panel.tree
    out = {}
    for top in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(top)
        for child in range(group.childCount()):
            item = group.child(child)
            out[item.data(0, TERM_ROLE)] = (item.text(0), item.text(1), item.checkState(0))
    return out


def test_qualifiers_typed_in_chinese_or_english_are_the_same_filter():
    assert canonical("level:省级") == canonical("级别:provincial") == ("level", ("provincial",))
    assert canonical("status:已故") == canonical("status:牺牲") == ("status", ("deceased",))
    assert canonical("category:各行各业") == ("category", ("other trades",))
    assert canonical("year:2019..2021") == ("year", ("2019..2021",))
    assert canonical("level:宇宙级") is None and canonical("五一") is None and canonical("name:宋") is None


def test_several_values_of_one_qualifier_are_one_filter_of_either():
    both = ("level", ("national", "provincial"))
    assert canonical("level:national,provincial") == canonical("级别:国家级、省级") == both
    assert canonical("level:国家级，省级") == canonical("level:国家级,provincial") == both
    assert canonical("level:国家级,宇宙级") is None  # the search says it cannot read it
    assert canonical("year:2019,2021") == ("year", ("2019", "2021"))


def test_values_show_labels_counts_and_which_are_active(qtbot):
    panel = FilterPanel()
    qtbot.addWidget(panel)
    panel.set_facets(FACETS)
    panel.set_terms(["五一", "level:省级"])
    shown = items(panel)
    assert shown["level:provincial"] == ("Provincial", "4", Qt.CheckState.Checked)
    assert shown["level:national"][2] == Qt.CheckState.Unchecked
    assert shown["category:other trades"][:2] == ("Other trades", "5")
    assert shown["year:2020"][:2] == ("2020", "5")
    chips = panel.findChildren(QToolButton, "activeFilter")
    assert [c.text() for c in chips] == ["Honour level: Provincial  ✕"]


def test_choosing_an_active_value_removes_it_as_it_was_typed(qtbot):
    panel = FilterPanel()
    qtbot.addWidget(panel)
    panel.set_facets(FACETS)
    panel.set_terms(["level:省级"])
    tree = panel.tree
    provincial = next(
        tree.topLevelItem(0).child(i)
        for i in range(tree.topLevelItem(0).childCount())
        if tree.topLevelItem(0).child(i).data(0, TERM_ROLE) == "level:provincial"
    )
    with qtbot.waitSignal(panel.termsChanged) as removed:
        panel.tree.chosen.emit(provincial)
    assert removed.args == [["level:省级"], ""]


def test_the_year_range_replaces_any_earlier_year_filter(qtbot):
    panel = FilterPanel()
    qtbot.addWidget(panel)
    panel.set_terms(["宋", "year:2018"])
    panel._year_from.setValue(2021)
    panel._year_to.setValue(2019)  # typed the wrong way round: still a range
    with qtbot.waitSignal(panel.termsChanged) as changed:
        qtbot.mouseClick(panel._year_apply, Qt.MouseButton.LeftButton)
    assert changed.args == [["year:2018"], "year:2019..2021"]
    panel._year_to.setValue(panel._year_to.minimum())  # "any": open-ended
    with qtbot.waitSignal(panel.termsChanged) as open_ended:
        qtbot.mouseClick(panel._year_apply, Qt.MouseButton.LeftButton)
    assert open_ended.args == [["year:2018"], "year:2021.."]


def test_in_chinese_a_click_adds_a_chinese_qualifier_that_finds_the_same(qapp, roll):
    """级别:省级 in a Chinese search box, never level:provincial; the search reads both alike."""
    i18n.install_translations("zh")
    try:
        for group, value in [
            ("level", "provincial"),
            ("status", "deceased"),
            ("category", "medical"),
            ("category", "other trades"),
            ("region", "耒阳市"),
            ("year", "2019..2021"),
        ]:
            chinese = term_for(group, value)
            assert not any("a" <= ch <= "z" for ch in chinese), chinese
            assert canonical(chinese) == (group, (value,))
            english = quote_term(f"{group}:{value}")
            assert roll.search(quote_term(chinese)).all_ids() == roll.search(english).all_ids(), chinese
    finally:
        i18n.install_translations("en")
    assert term_for("level", "provincial") == "level:provincial"
    assert term_for("level", ["national", "provincial"]) == "level:national,provincial"


def test_ticking_a_second_value_of_a_group_widens_and_unticking_narrows_again(qtbot):
    """国家级 ticked, then 省级: one qualifier listing both (either), not two (both)."""
    panel = FilterPanel()
    qtbot.addWidget(panel)
    panel.set_facets(FACETS)
    panel.set_terms(["五一", "level:national", "status:active"])
    provincial = next(it for it in _items_of(panel) if it.data(0, TERM_ROLE) == "level:provincial")
    assert "level:national,provincial" in provincial.toolTip(0)
    with qtbot.waitSignal(panel.termsChanged) as widened:
        panel.tree.chosen.emit(provincial)
    assert widened.args == [["level:national"], "level:national,provincial"]
    panel.set_terms(["五一", "status:active", "level:national,provincial"])
    shown = items(panel)
    assert shown["level:national"][2] == shown["level:provincial"][2] == Qt.CheckState.Checked
    chips = [c.text() for c in panel.findChildren(QToolButton, "activeFilter")]
    assert chips == ["Honour level: National  ✕", "Honour level: Provincial  ✕", "Status: Active  ✕"]
    national = next(it for it in _items_of(panel) if it.data(0, TERM_ROLE) == "level:national")
    with qtbot.waitSignal(panel.termsChanged) as narrowed:
        panel.tree.chosen.emit(national)
    assert narrowed.args == [["level:national,provincial"], "level:provincial"]


def _items_of(panel: FilterPanel):
    tree = panel.tree
    for top in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(top)
        for child in range(group.childCount()):
            yield group.child(child)


def _window_item(window, term: str):
    return next((it for it in _items_of(window.filter_panel) if it.data(0, TERM_ROLE) == term), None)


def _click(qtbot, window, term: str) -> None:
    tree = window.filter_panel.tree
    item = _window_item(window, term)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())


def test_in_the_window_two_levels_ticked_show_either_and_the_counts_stay_right(qtbot, window):
    registry = window.registry

    def ids(query: str) -> set[int]:
        return set(registry.search(query).all_ids())

    national, provincial = ids("level:national"), ids("level:provincial")
    assert national - provincial and provincial - national  # the roll has people with only one of them
    qtbot.waitUntil(lambda: _window_item(window, "level:national") is not None, timeout=5000)
    _click(qtbot, window, "level:national")
    assert window.search_box.text() == "level:national"
    qtbot.waitUntil(lambda: window.model.rowCount() == len(national), timeout=3000)

    # with 国家级 ticked, 省级 still counts every provincial honouree: what ticking it gives
    def provincial_count_is(n: int) -> bool:
        item = _window_item(window, "level:provincial")
        return item is not None and item.text(1) == str(n) and window.filter_panel.facets() != {}

    qtbot.waitUntil(lambda: provincial_count_is(len(provincial)), timeout=5000)
    _click(qtbot, window, "level:provincial")
    assert window.search_box.text() == "level:national,provincial"
    either = national | provincial
    qtbot.waitUntil(lambda: window.model.rowCount() == len(either), timeout=3000)
    shown = {window.model.id_at(r) for r in range(window.model.rowCount())}
    assert shown == either  # widened to either, not narrowed to both

    def status_counts_follow_the_result() -> bool:  # other groups count the result itself
        statuses = dict(window.filter_panel.facets().get("status", []))
        return sum(statuses.values()) == len(either)

    qtbot.waitUntil(status_counts_follow_the_result, timeout=5000)
    assert window.model.total() == len(either)
    _click(qtbot, window, "level:national")  # unticking one keeps the other
    assert window.search_box.text() == "level:provincial"
    qtbot.waitUntil(lambda: window.model.rowCount() == len(provincial), timeout=3000)
