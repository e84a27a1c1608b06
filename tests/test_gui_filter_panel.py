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
    assert canonical("level:省级") == canonical("级别:provincial") == ("level", "provincial")
    assert canonical("status:已故") == ("status", "deceased")
    assert canonical("category:各行各业") == ("category", "other trades")
    assert canonical("year:2019..2021") == ("year", "2019..2021")
    assert canonical("level:宇宙级") is None and canonical("五一") is None and canonical("name:宋") is None


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
    provincial = next(tree.topLevelItem(0).child(i) for i in range(tree.topLevelItem(0).childCount())
                      if tree.topLevelItem(0).child(i).data(0, TERM_ROLE) == "level:provincial")
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
        for group, value in [("level", "provincial"), ("status", "deceased"), ("category", "medical"),
                             ("category", "other trades"), ("region", "耒阳市"), ("year", "2019..2021")]:
            chinese = term_for(group, value)
            assert not any("a" <= ch <= "z" for ch in chinese), chinese
            assert canonical(chinese) == (group, value)
            english = quote_term(f"{group}:{value}")
            assert roll.search(quote_term(chinese)).all_ids() == roll.search(english).all_ids(), chinese
    finally:
        i18n.install_translations("en")
    assert term_for("level", "provincial") == "level:provincial"
