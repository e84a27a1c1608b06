"""The results table's model over real registries: lazy paging, sorting, change signals, thumbnails."""

from __future__ import annotations

import io
import shutil

import pytest
from PIL import Image
from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage

from honours.core import Honouree, Registry
from honours.gui.roll_model import COLUMN_INDEX, PAGE_SIZE, RollModel
from honours.gui.store import Store
from honours.gui.thumbnails import Thumbnails, name_colour

GENERATED = 1_500  # enough for several pages; the core adds ~600 records a second


@pytest.fixture(scope="module")
def _big_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.sqlite"
    registry = Registry.open(path)
    registry.add_many(
        [
            Honouree(name=f"测试{i:04d}", unit=f"第{i % 7}车间", region="衡阳县" if i % 3 else "耒阳市")
            for i in range(GENERATED)
        ]
    )
    registry.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    registry.close()
    return path


@pytest.fixture
def big(tmp_path, _big_template):
    path = tmp_path / "big.sqlite"
    shutil.copy(_big_template, path)
    registry = Registry.open(path)
    yield registry
    registry.close()


def make_model(qtbot, registry: Registry) -> RollModel:
    store = Store(registry)
    model = RollModel(store, Thumbnails(store))
    model.search("")
    return model


def names(model: RollModel) -> list[str]:
    return [model.data(model.index(row, COLUMN_INDEX["name"])) for row in range(model.rowCount())]


def jpeg(colour: tuple[int, int, int], size: tuple[int, int] = (300, 400)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def decoration(model: RollModel, index) -> QImage:
    """The photo cell's picture as the table draws it."""
    return model.data(index, Qt.ItemDataRole.DecorationRole).pixmap(QSize(32, 32)).toImage()


def close_to(colour: QColor, expected: QColor, tolerance: int = 30) -> bool:
    return all(
        abs(a - b) <= tolerance
        for a, b in (
            (colour.red(), expected.red()),
            (colour.green(), expected.green()),
            (colour.blue(), expected.blue()),
        )
    )


def test_search_shows_matching_rows_with_their_columns(qtbot, roll):
    model = make_model(qtbot, roll)
    assert model.rowCount() == model.total() == 14
    model.search("五一")
    assert sorted(names(model)) == ["宋英杰", "柏太柱"]
    row = names(model).index("宋英杰")
    assert model.data(model.index(row, COLUMN_INDEX["unit"])) == "衡阳县东湖镇马迹卫生院"
    assert model.data(model.index(row, COLUMN_INDEX["level"])) == "Municipal"
    assert model.data(model.index(row, COLUMN_INDEX["status"])) == "Deceased"
    assert model.data(model.index(row, COLUMN_INDEX["name"]), RollModel.ROLE_ID) == model.id_at(row)


def test_pinyin_initials_find_the_person(qtbot, roll):
    model = make_model(qtbot, roll)
    model.search("syj")
    assert names(model) == ["宋英杰"]


@pytest.mark.sqlite_only
def test_rows_arrive_a_page_at_a_time(qtbot, big):
    model = make_model(qtbot, big)
    assert model.total() == GENERATED
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == GENERATED
    assert len(set(model.loaded_ids())) == GENERATED
    assert names(model)[-1] == "测试1499"
    assert model.data(model.index(1234, COLUMN_INDEX["unit"])) == f"第{1234 % 7}车间"


@pytest.mark.sqlite_only
def test_a_query_reads_only_its_first_page(qtbot, big):
    model = make_model(qtbot, big)
    model.search("衡阳县")
    assert model.total() == 1000
    assert model.rowCount() == PAGE_SIZE


def test_sorting_by_a_column_asks_the_core_for_that_order(qtbot, roll):
    model = make_model(qtbot, roll)
    model.sort(COLUMN_INDEX["name"], Qt.SortOrder.DescendingOrder)
    expected = [s.name for s in roll.summaries(roll.search("", order="name", descending=True).ids(0, 50))]
    assert names(model) == expected
    assert model.order() == ("name", True)
    model.sort(-1)  # a cleared sort indicator: back to the core's ranking
    assert model.order() == (None, False)


def test_store_changes_refresh_the_model(qtbot, roll):
    model = make_model(qtbot, roll)
    xu = roll.search("许仲秋").ids()[0]
    with qtbot.waitSignal(model.resultChanged):
        roll.delete(xu)
    assert "许仲秋" not in names(model)
    assert model.total() == 13
    honouree = roll.honouree(roll.search("白云").ids()[0])
    honouree.position = "记者"
    roll.update(honouree)
    row = model.row_of(honouree.id)
    assert model.data(model.index(row, COLUMN_INDEX["position"])) == "记者"


def test_no_photo_gives_a_coloured_initial_never_a_broken_image(qtbot, roll):
    model = make_model(qtbot, roll)
    model.search("许仲秋")
    icon = model.data(model.index(0, COLUMN_INDEX["photo"]), Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.isNull()
    image = decoration(model, model.index(0, COLUMN_INDEX["photo"]))
    edge = image.pixelColor(image.width() // 2, round(image.height() * 0.1))  # on the disc, off the glyph
    assert close_to(edge, name_colour("许仲秋"), tolerance=8)
    assert name_colour("许仲秋") == name_colour("许仲秋") and name_colour("许仲秋") != name_colour("罗芳初")


def test_a_stored_photo_becomes_the_thumbnail(qtbot, roll):
    model = make_model(qtbot, roll)
    xu = roll.search("许仲秋").ids()[0]
    roll.add_photo(xu, jpeg((200, 20, 20)), caption="工作照")
    model.search("许仲秋")
    index = model.index(0, COLUMN_INDEX["photo"])
    model.data(index, Qt.ItemDataRole.DecorationRole)  # asks for it; decoded in the next idle moment

    def red() -> bool:
        image = decoration(model, index)
        return close_to(image.pixelColor(image.width() // 2, image.height() // 2), QColor(200, 20, 20))

    qtbot.waitUntil(red, timeout=3000)


def test_a_broken_stored_photo_falls_back_to_the_placeholder(qtbot, roll):
    store = Store(roll)
    thumbnails = Thumbnails(store)
    assert thumbnails.thumbnail(987654, 32) is None  # no such photo: no pixmap, no exception
