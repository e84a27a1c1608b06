"""Registry verbs: add, read, update with the lost-update guard, trash, history, change events."""

from __future__ import annotations

import dataclasses

import pytest
from field_samples import assert_every_field, filled

from honours.core import (
    ConflictError,
    Honour,
    Honouree,
    InvalidRecordError,
    NotFoundError,
    ReadOnlyDatabaseError,
    Registry,
)
from honours.core.records import Deed, Donation, Source


@pytest.fixture
def registry(storage):
    """These tests are of behaviour through the storage verbs: `registry` is each storage
    backend in turn (the `storage` fixture, tests/conftest.py)."""
    return storage


def sample() -> Honouree:
    return Honouree(
        name="张三",
        gender="男",
        birth_date="1979-03-08",
        age="45",
        ethnicity="汉族",
        unit="衡阳市中心医院",
        position="主任",
        region="衡阳市",
        category="medical",
        status="retired",
        notes="备注",
        id_number="430402197903081232",
        political_status="中共党员",
        education="大学本科",
        native_place="湖南衡阳",
        phone="13807340000",
        address="衡阳市蒸湘区解放大道1号",
        work_start_date="1998-07",
        retirement_date="2024-03",
        death_date="2025",
        treatment="享受省部级劳模待遇",
        hardship=True,
        hardship_note="因病致困",
        source=Source("报道.txt", "原句"),
        honours=[
            Honour(
                "湖南省劳动模范",
                "provincial",
                year=2020,
                awarded_by="湖南省人民政府",
                document="湘政发〔2020〕12号",
            ),
            Honour("全国五一劳动奖章", "national", year=2021),
            Honour(
                "衡阳市劳动模范",
                "municipal",
                year=2010,
                revoked=True,
                revoked_date="2023-05",
                revoked_reason="违纪",
            ),
        ],
        deeds=[Deed("带队驰援武汉", date="2020-02-01")],
        donations=[
            Donation(amount_fen=12345678, recipient="红十字会"),
            Donation(item="口罩", quantity=10000, quantity_unit="只"),
        ],
    )


def test_round_trip_of_every_field(registry):
    """Every field the spec (core/fields.py) declares, each filled, comes back as it was saved."""
    assert_every_field(registry.honouree(registry.add(filled()).id), filled())
    saved = registry.add(sample())
    again = registry.honouree(saved.id)
    data = again.to_dict()
    expected = sample().to_dict()
    # every field of one value (not a list of honours…), except those the registry keeps itself
    kept_by_the_registry = {"id", "version", "created_at", "updated_at"}
    scalars = [
        f.name
        for f in dataclasses.fields(Honouree)
        if not str(f.type).startswith("list") and f.name not in kept_by_the_registry
    ]
    assert len(scalars) >= 12
    for key in scalars:
        assert getattr(sample(), key) != getattr(Honouree(name=""), key), (
            f"sample() leaves {key} at its default"
        )
        assert data[key] == expected[key], key
    assert [(h["title"], h["level"], h["year"], h["awarded_by"]) for h in data["honours"]] == [
        ("湖南省劳动模范", "provincial", 2020, "湖南省人民政府"),
        ("全国五一劳动奖章", "national", 2021, ""),
        ("衡阳市劳动模范", "municipal", 2010, ""),
    ]
    assert [
        (h["document"], h["revoked"], h["revoked_date"], h["revoked_reason"]) for h in data["honours"]
    ] == [
        ("湘政发〔2020〕12号", False, None, ""),
        ("", False, None, ""),
        ("", True, "2023-05", "违纪"),
    ]
    assert data["donations"][0]["amount_yuan"] == 123456.78
    assert again.donation_total_fen == 12345678
    assert again.highest_level == "national"
    assert again.version == 1 and again.created_at and again.updated_at


@pytest.mark.sqlite_only
def test_amounts_are_exact_integers_in_storage(registry):
    registry.add(
        Honouree.from_dict({"name": "李四", "donations": [{"amount_yuan": "50万元"}, {"amount_yuan": 0.1}]})
    )
    stored = [r[0] for r in registry.conn.execute("SELECT amount_fen FROM donation ORDER BY position")]
    assert stored == [50000000, 10]
    assert all(isinstance(v, int) for v in stored)


def test_lost_update_is_refused(registry):
    saved = registry.add(sample())
    mine = registry.honouree(saved.id)
    theirs = registry.honouree(saved.id)
    theirs.position = "院长"
    registry.update(theirs)
    mine.position = "副院长"
    with pytest.raises(ConflictError) as info:
        registry.update(mine)
    assert info.value.actual == 2
    assert "张三" in info.value.zh and "张三" in info.value.en  # staff know records by name
    assert registry.honouree(saved.id).position == "院长"


def test_invalid_records_are_refused_whole(registry):
    with pytest.raises(InvalidRecordError):
        registry.add_many([sample(), Honouree(name="  ")])
    assert registry.count() == 0


@pytest.mark.parametrize(
    "where, en",
    [
        ("gender", "gender"),
        ("birth_date", "birth date"),
        ("age", "age"),
        ("ethnicity", "ethnicity"),
        ("position", "position"),
        ("region", "region"),
        ("category", "category"),
        ("notes", "notes"),
        ("source.report", "source"),
        ("source.sentence", "source"),
        ("honours.1.title", "honour 2"),
        ("honours.0.awarded_by", "honour 1"),
        ("honours.0.date", "honour 1"),
        ("deeds.0.date", "deed 1"),
        ("donations.1.item", "donation 2"),
        ("donations.0.recipient", "donation 1"),
        ("donations.0.note", "donation 1"),
        ("donations.1.quantity_unit", "donation 2"),
        ("donations.0.date", "donation 1"),
        ("photos.0.caption", "photo 1 caption"),
    ],
)
def test_a_control_character_is_found_in_every_text_and_named(where, en):
    """Validation checks all of a record's text at once and names the field only when it finds one."""
    from honours.core.records import Photo
    from honours.core.registry import validate_record

    record = sample()
    record.photos = [Photo(caption="说明")]
    validate_record(record)
    *path, last = where.split(".")
    target = record
    for step in path:
        target = target[int(step)] if step.isdigit() else getattr(target, step)
    setattr(target, last, f"前\x1b后{getattr(target, last) or ''}")
    with pytest.raises(InvalidRecordError) as caught:
        validate_record(record)
    assert caught.value.en.startswith(
        f"Invalid record: {en} contains an invisible control character (U+001B)"
    )


def test_delete_goes_to_trash_and_back(registry):
    saved = registry.add(sample())
    registry.delete(saved.id)
    assert registry.count() == 0
    with pytest.raises(NotFoundError):
        registry.honouree(saved.id)
    assert [t[1] for t in registry.trash()] == ["张三"]
    registry.restore(saved.id)
    assert registry.honouree(saved.id).name == "张三"
    registry.delete(saved.id)
    assert registry.empty_trash() == 1
    assert registry.trash() == []


def test_history_records_and_reverts(registry):
    saved = registry.add(sample())
    edited = registry.honouree(saved.id)
    edited.unit = "新单位"
    registry.update(edited)
    history = registry.history(saved.id)
    assert [h.action for h in history] == ["update", "create"]
    assert history[0].before["unit"] == "衡阳市中心医院" and history[0].after["unit"] == "新单位"
    registry.revert_to(history[1].id)
    assert registry.honouree(saved.id).unit == "衡阳市中心医院"


def test_change_events(registry):
    seen = []
    registry.subscribe(seen.append)
    saved = registry.add(sample())
    registry.delete(saved.id)
    assert [(c.kind, c.ids) for c in seen] == [("added", [saved.id]), ("deleted", [saved.id])]


def test_same_name_and_unit(registry):
    a = registry.add(sample())
    assert registry.same_name_and_unit("张三", "衡阳市中心医院") == [a.id]
    assert registry.same_name_and_unit("张三", "衡阳市中心医院", exclude_id=a.id) == []


def test_facets_count_the_current_result(roll):
    facets = roll.facets("")
    assert dict(facets["level"])["provincial"] == 4
    assert dict(facets["status"]) == {"active": 13, "deceased": 1}
    narrowed = roll.facets("耒阳")
    assert sum(n for _, n in narrowed["region"]) <= 3


def test_from_dict_refuses_typos():
    with pytest.raises(ValueError, match="unknown field"):
        Honouree.from_dict({"name": "x", "nmae": "y"})
    with pytest.raises(ValueError, match="level"):
        Honouree.from_dict({"name": "x", "honours": [{"title": "t", "level": "galactic"}]})


@pytest.mark.sqlite_only
def test_memory_registry_works():
    reg = Registry.memory()
    reg.add(Honouree(name="王五"))
    assert reg.count() == 1


@pytest.mark.parametrize(
    "query",
    [
        "",
        "市",
        "劳动模范",
        "level:provincial",
        "耒阳 level:municipal",
        "syj",
        "无此人",
        "level:national,provincial status:active",
        "级别:国家级、省级 年份:2020",
        "category:medical,collective year:2019,2020",
    ],
)
def test_facets_agree_with_the_result_rows(roll, query):
    """Each group counts the result of the query without its own terms (values within a
    group widen the search, so a count says what ticking the value gives); with no term of
    the group in the query, that is the result itself."""
    from collections import Counter

    from honours.core.query import without_group

    def rows_for(group):
        ids = roll.search(without_group(query, group)).all_ids()
        return ids, roll.summaries(ids)

    facets = roll.facets(query)
    assert dict(facets["status"]) == dict(Counter(r.status for r in rows_for("status")[1]))
    assert dict(facets["region"]) == dict(Counter(r.region for r in rows_for("region")[1] if r.region))
    assert dict(facets["category"]) == dict(
        Counter(r.category for r in rows_for("category")[1] if r.category)
    )
    ids = rows_for("level")[0]
    levels = Counter(level for i in ids for level in {h.level for h in roll.honouree(i).honours})
    assert dict(facets["level"]) == dict(levels)
    ids = rows_for("year")[0]
    years = Counter(y for i in ids for y in {h.year for h in roll.honouree(i).honours if h.year})
    assert dict(facets["year"]) == dict(years)
    if "level" not in query and "级别" not in query:
        assert without_group(query, "level").split() == query.split()  # the result itself


def test_facet_counts_of_a_ticked_group_say_what_ticking_another_value_gives(roll):
    """With 国家级 ticked, 省级's count is how many the search finds once it is ticked too."""
    national = roll.facets("level:national")
    both = roll.search("level:national,provincial").count()
    only_national = roll.search("level:national").count()
    provincial = dict(national["level"])["provincial"]
    # everyone with a provincial honour is in the widened result, and nobody else is added
    assert only_national < both <= only_national + provincial
    assert dict(national["level"])["national"] == only_national
    # the other groups count the result itself
    assert sum(n for _, n in national["status"]) == only_national


@pytest.mark.sqlite_only
def test_interrupt_aborts_a_read_running_on_another_thread(registry):
    import sqlite3
    import threading

    started = threading.Event()
    outcome: list[object] = []

    def long_read() -> None:
        started.set()
        try:
            outcome.append(
                registry.conn.execute(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
                ).fetchone()
            )
        except sqlite3.OperationalError as error:
            outcome.append(error)

    reader = threading.Thread(target=long_read)
    reader.start()
    started.wait()
    while reader.is_alive():  # until the read has begun and been stopped
        registry.interrupt()
        reader.join(0.05)
    assert isinstance(outcome[0], sqlite3.OperationalError) and "interrupt" in str(outcome[0])
    assert registry.count() == 0  # the registry still answers afterwards


def test_a_reader_sees_what_is_committed_and_writes_nothing(registry):
    reader = registry.open_reader()
    assert reader is not None
    try:
        added = registry.add(sample())
        reader.resume()  # as its worker does before each read (the server's reader shares a connection)
        assert reader.honouree(added.id).name == "张三"
        assert reader.facets("张三")["level"] == [("national", 1), ("provincial", 1)]
        assert reader.readonly
        with pytest.raises(ReadOnlyDatabaseError):
            reader.add(Honouree(name="李四"))
        assert registry.count() == 1
    finally:
        reader.close()


@pytest.mark.sqlite_only
def test_a_registry_in_memory_has_no_reader_to_share():
    with Registry.memory() as memory:
        assert memory.open_reader() is None
