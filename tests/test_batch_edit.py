"""Core verbs behind the main window's batch edit, new-record reveal, year column and report titles."""

from __future__ import annotations

import pytest

from honours.core import ConflictError, Honour, Honouree, InvalidRecordError, NotFoundError
from honours.core.seed import ASSETS, report_title


@pytest.fixture
def registry(storage):
    """These tests are of behaviour through the storage verbs: `registry` is each storage
    backend in turn (the `storage` fixture, tests/conftest.py)."""
    return storage


def three(registry) -> list[int]:
    people = [
        Honouree(name=name, unit="衡阳市中心医院", region="衡阳县", category="medical")
        for name in ("张三", "李四", "王五")
    ]
    return [h.id for h in registry.add_many(people)]


def test_edit_many_changes_every_record_in_one_transaction_with_history_each(registry):
    ids = three(registry)
    heard = []
    registry.subscribe(heard.append)

    saved = registry.edit_many({i: {"region": "耒阳市", "status": "retired"} for i in ids})

    assert [h.id for h in saved] == ids
    for honouree_id in ids:
        record = registry.honouree(honouree_id)
        assert (record.region, record.status, record.category, record.version) == (
            "耒阳市",
            "retired",
            "medical",
            2,
        )
        latest = registry.history(honouree_id)[0]
        assert latest.action == "update"
        assert (latest.before["region"], latest.after["region"]) == ("衡阳县", "耒阳市")
    assert [(c.kind, c.ids) for c in heard] == [("updated", ids)]  # one notice for all three
    assert registry.search("耒阳市").count() == 3 and registry.search("status:retired").count() == 3


def test_edit_many_saves_nothing_when_one_record_was_changed_by_someone_else(registry):
    ids = three(registry)
    versions = {i: registry.honouree(i).version for i in ids}
    other = registry.honouree(ids[2])
    other.position = "院长"
    registry.update(other)  # someone else saves the third one meanwhile

    with pytest.raises(ConflictError) as caught:
        registry.edit_many({i: {"region": "耒阳市"} for i in ids}, versions=versions)

    assert caught.value.honouree_id == ids[2]
    assert [registry.honouree(i).region for i in ids] == ["衡阳县"] * 3
    assert [len(registry.history(i)) for i in ids] == [1, 1, 2]


def test_edit_many_reports_a_record_deleted_meanwhile_as_a_conflict(registry):
    ids = three(registry)
    versions = {i: registry.honouree(i).version for i in ids}
    registry.delete(ids[0])
    with pytest.raises(ConflictError) as caught:
        registry.edit_many({i: {"region": "耒阳市"} for i in ids}, versions=versions)
    assert caught.value.actual is None
    with pytest.raises(NotFoundError):
        registry.edit_many({ids[0]: {"region": "耒阳市"}})
    assert registry.honouree(ids[1]).region == "衡阳县"


def test_edit_many_refuses_unknown_fields_and_bad_values_whole(registry):
    ids = three(registry)
    with pytest.raises(InvalidRecordError):
        registry.edit_many({ids[0]: {"name": "赵六"}})
    with pytest.raises(InvalidRecordError) as caught:
        registry.edit_many({ids[0]: {"region": "耒阳市"}, ids[1]: {"status": "asleep"}})
    assert "asleep" in caught.value.message("en")
    assert registry.honouree(ids[0]).region == "衡阳县"


def test_edit_many_leaves_records_that_already_hold_the_values(registry):
    ids = three(registry)
    registry.edit_many({ids[0]: {"region": "耒阳市"}})
    saved = registry.edit_many({i: {"region": "耒阳市"} for i in ids})
    assert [h.id for h in saved] == ids[1:]
    assert registry.honouree(ids[0]).version == 2 and len(registry.history(ids[0])) == 2


def test_a_search_says_whether_it_holds_an_honouree(roll):
    xu = roll.search("name:许仲秋").ids()[0]
    assert roll.search("许仲秋").contains(xu)
    assert roll.search("level:provincial").contains(xu)
    assert not roll.search("level:national").contains(xu)
    assert not roll.search("五一").contains(xu)
    assert roll.search("").contains(xu)
    roll.delete(xu)
    assert not roll.search("").contains(xu) and not roll.search("许仲秋").contains(xu)


def test_summaries_carry_the_honour_years_latest_first_and_sort_by_the_latest(registry):
    early = registry.add(
        Honouree(
            name="甲",
            honours=[
                Honour("衡阳市劳动模范", "municipal", year=2015),
                Honour("湖南省劳动模范", "provincial", year=2019),
                Honour("衡阳市先进工作者", "municipal", year=2015),
            ],
        )
    )
    late = registry.add(Honouree(name="乙", honours=[Honour("全国劳动模范", "national", year=2020)]))
    none = registry.add(Honouree(name="丙", honours=[Honour("湖南好人", "other")]))
    years = {s.id: s.years for s in registry.summaries([early.id, late.id, none.id])}
    assert years == {early.id: (2019, 2015), late.id: (2020,), none.id: ()}
    assert registry.search("", order="year").ids() == [none.id, early.id, late.id]
    assert registry.search("", order="year", descending=True).ids() == [late.id, early.id, none.id]


def test_the_default_rolls_report_has_its_headline_as_title(roll):
    cited = {roll.honouree(i).source.report for i in roll.all_ids()}
    assert cited == {"000_5bb5760426d0996f.txt"}
    title = report_title("000_5bb5760426d0996f.txt")
    assert title == "在疫情防控阻击战中 彰显工会力量"
    report = ASSETS / "reports" / "000_5bb5760426d0996f.txt"
    assert title in [line.strip() for line in report.read_text(encoding="utf-8").splitlines()]  # its headline
    assert report_title("衡阳日报0312.docx") is None and report_title("") is None
