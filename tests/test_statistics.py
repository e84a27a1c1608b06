"""Statistics (统计) on a small roll whose every answer is worked out by hand below.

The roll (ages counted from 1 January birthdays, so they hold all year):
  甲 女 汉族 耒阳市 age 45: national 2020, provincial 2018; gave 1000.50 yuan and 100 只 masks in 2020
  乙 男 瑶族 耒阳市 age 62 retired: provincial 2020
  丙 女 汉族 衡南县 age 28: municipal 2019, national 2020; gave 500 yuan in 2021
  丁 男 (no ethnicity, region or birth date): no honour
  戊 女 耒阳市, in the trash: national 2020, gave 99999 yuan (never counts)
  集体A (collective) 耒阳市: national 2020; gave 20000 yuan and 50 套 in 2020
  集体B (collective) 衡南县: provincial 2019

Care (关怀) given:
  甲 visit 2026 1000 yuan; visit 2025 2 袋 of rice
  乙 check-up 2026 800 yuan; hardship aid 2025 2000 yuan
  丁 allowance 2026 500.50 yuan; visit 2024 100 yuan
  戊 (trash) visit 2026 9999 yuan (never counts)
"""

from __future__ import annotations

from datetime import date

import pytest

from honours.core import statistics as st
from honours.core.errors import QueryError
from honours.core.import_verbs import ImportItem
from honours.core.records import Care, Donation, Honour, Honouree
from honours.core.sqlite.indexing import derive_many, year_levels

YEAR = date.today().year


def born(age: int) -> str:
    return f"{YEAR - age}-01-01"


def build(storage) -> dict[str, int]:
    people = [
        Honouree(
            "甲",
            gender="女",
            ethnicity="汉族",
            region="耒阳市",
            category="model worker",
            birth_date=born(45),
            honours=[Honour("全国劳动模范", "national", 2020), Honour("湖南省劳动模范", "provincial", 2018)],
            care=[
                Care("2026-01-20", "visit", "春节", amount_fen=100000),
                Care("2025-02-01", "visit", "春节", item="大米", quantity=2, quantity_unit="袋"),
            ],
            donations=[
                Donation(amount_fen=100050, date="2020-02-01"),
                Donation(item="口罩", quantity=100, quantity_unit="只", date="2020-02-03"),
            ],
        ),
        Honouree(
            "乙",
            gender="男",
            ethnicity="瑶族",
            region="耒阳市",
            status="retired",
            birth_date=born(62),
            honours=[Honour("湖南省五一劳动奖章", "provincial", 2020)],
            care=[
                Care("2026-03-01", "checkup", amount_fen=80000),
                Care("2025-12-01", "aid", amount_fen=200000),
            ],
        ),
        Honouree(
            "丙",
            gender="女",
            ethnicity="汉族",
            region="衡南县",
            birth_date=born(28),
            honours=[Honour("衡阳市劳动模范", "municipal", 2019), Honour("全国先进工作者", "national", 2020)],
            donations=[Donation(amount_fen=50000, date="2021-05-01")],
        ),
        Honouree(
            "丁",
            gender="男",
            care=[
                Care("2026-05-01", "allowance", amount_fen=50050),
                Care("2024-09-01", "visit", amount_fen=10000),
            ],
        ),
        Honouree(
            "戊",
            gender="女",
            region="耒阳市",
            honours=[Honour("全国劳动模范", "national", 2020)],
            donations=[Donation(amount_fen=9999900, date="2020-01-01")],
            care=[Care("2026-01-20", "visit", amount_fen=999900)],
        ),
        Honouree(
            "集体A",
            category="collective",
            region="耒阳市",
            honours=[Honour("全国五一劳动奖状", "national", 2020)],
            donations=[
                Donation(amount_fen=2000000, date="2020-03-01"),
                Donation(item="防护服", quantity=50, quantity_unit="套", date="2020-03-01"),
            ],
        ),
        Honouree(
            "集体B",
            category="collective",
            region="衡南县",
            honours=[Honour("湖南省工人先锋号", "provincial", 2019)],
        ),
    ]
    ids = {h.name: h.id for h in storage.add_many(people)}
    storage.delete(ids["戊"])
    return ids


@pytest.fixture
def roll(storage):
    build(storage)
    return storage


def counts(table: st.CrossTable) -> dict:
    """{(row, column): count} of the non-zero cells, with the totals under 'total'."""
    out = {key: cell.count for key, cell in table.cells.items() if cell.count}
    out["rows"] = {r: table.row_totals[r].count for r in table.rows}
    out["columns"] = {c: table.column_totals[c].count for c in table.columns}
    out["total"] = table.total.count
    return out


def test_level_by_region(roll):
    table = roll.cross_table("level", "region")
    assert table.rows == ["national", "provincial", "municipal", ""]  # 无 (no honour) last
    assert table.columns == ["耒阳市", "衡南县", ""]  # most first; 未填 last
    assert counts(table) == {
        ("national", "耒阳市"): 1,
        ("national", "衡南县"): 1,
        ("provincial", "耒阳市"): 2,
        ("municipal", "衡南县"): 1,
        ("", ""): 1,
        "rows": {"national": 2, "provincial": 2, "municipal": 1, "": 1},
        "columns": {"耒阳市": 2, "衡南县": 1, "": 1},
        "total": 4,
    }
    assert table.cell("national", "耒阳市").query == "collective:no level:国家级 region:耒阳市"
    assert table.cell("county", "耒阳市").count == 0
    assert table.row_totals["provincial"].query == "collective:no level:省级"
    assert table.column_totals[""].query is None and table.cell("", "").query is None
    assert table.total.query == "collective:no"


def test_year_by_level_counts_people_as_the_search_does(roll):
    table = roll.cross_table("year", "level")
    assert table.rows == [2018, 2019, 2020, ""]
    assert counts(table) == {
        (2018, "national"): 1,  # 甲
        (2018, "provincial"): 1,
        (2019, "municipal"): 1,  # 丙
        (2019, "national"): 1,
        (2020, "national"): 2,  # 甲 丙
        (2020, "provincial"): 2,  # 甲 (provincial 2018, an honour of 2020) and 乙
        (2020, "municipal"): 1,
        ("", ""): 1,  # 丁
        "rows": {2018: 1, 2019: 1, 2020: 3, "": 1},
        "columns": {"national": 2, "provincial": 2, "municipal": 1, "": 1},
        "total": 4,
    }


def test_every_figure_is_what_its_search_finds(roll):
    checked = 0
    for by in st.DIMENSIONS:
        for by2 in (None, *st.DIMENSIONS):
            if by2 == by:
                continue
            for subject, query in (("people", ""), ("collectives", ""), ("people", "gender:女")):
                table = roll.cross_table(by, by2, query, subject)
                figures = [*table.cells.values(), *table.row_totals.values(), *table.column_totals.values()]
                for cell in [*figures, table.total]:
                    if cell.query is not None:
                        assert roll.search(cell.query).count() == cell.count, (by, by2, subject, cell)
                        checked += 1
    assert checked > 450


def test_collectives_apart_and_the_trash_never(roll):
    table = roll.cross_table("level", subject="collectives")
    assert counts(table) == {"rows": {"national": 1, "provincial": 1}, "columns": {}, "total": 2}
    assert table.row_totals["national"].query == "collective:yes level:国家级"
    people = roll.cross_table("region")
    assert people.row_totals["耒阳市"].count == 2  # 甲 乙: not 戊 (trash), not 集体A


def test_shares(roll):
    assert counts(roll.cross_table("gender"))["rows"] == {"男": 2, "女": 2}
    assert counts(roll.cross_table("ethnicity"))["rows"] == {"汉族": 2, "瑶族": 1, "": 1}
    ages = roll.cross_table("age")
    assert counts(ages)["rows"] == {"<30": 1, "40-49": 1, "60-69": 1, "": 1}
    assert ages.row_totals["<30"].query == "collective:no age<=29"
    assert ages.row_totals["40-49"].query == "collective:no age:40..49"
    assert [roll.search(ages.row_totals[b].query).count() for b in ("<30", "40-49", "60-69")] == [1, 1, 1]
    assert (
        st.share(1, 3) == st.Decimal("33.3") and st.share(2, 3) == st.Decimal("66.7") and st.share(1, 0) == 0
    )
    status = roll.cross_table("status", "gender")
    assert counts(status)["rows"] == {"active": 3, "retired": 1}


def test_donations_by_year_and_region_exact(roll):
    years = roll.amount_table("donation", "year")
    assert [(r.value, r.donors.count, r.amount_fen, r.goods) for r in years.rows] == [
        (2020, 2, 2100050, {"只": 100, "套": 50}),  # 甲 1000.50 + 集体A 20000; 戊 in the trash is not
        (2021, 1, 50000, {}),
    ]
    assert (years.total.donors.count, years.total.amount_fen, years.total.goods) == (
        3,
        2150050,
        {"只": 100, "套": 50},
    )
    assert years.rows[0].donors.query == "donated:2020"
    assert roll.search("donated:2020").count() == 2
    regions = roll.amount_table("donation", "region")
    assert [(r.value, r.donors.count, r.amount_fen) for r in regions.rows] == [
        ("耒阳市", 2, 2100050),
        ("衡南县", 1, 50000),
    ]
    assert regions.rows[0].donors.query == "region:耒阳市 donated:yes"
    assert roll.search(regions.rows[0].donors.query).count() == 2
    as_json = years.to_json()
    assert as_json["total"]["amount_yuan"] == "21500.50" and as_json["rows"][0]["amount_yuan"] == "21000.50"


def test_care_spending_by_year_kind_and_region_exact(roll):
    """Care money and goods (关怀/慰问) of live honourees: 戊 in the trash never counts."""

    def rows(table: st.AmountTable) -> list:
        return [(r.value, r.donors.count, r.amount_fen, r.goods) for r in table.rows]

    years = roll.amount_table("care", "year")
    assert rows(years) == [
        (2024, 1, 10000, {}),  # 丁's visit
        (2025, 2, 200000, {"袋": 2}),  # 甲's rice, 乙's aid
        (2026, 3, 230050, {}),  # 甲 1000 + 乙 800 + 丁 500.50; not 戊's 9999
    ]
    assert (years.total.donors.count, years.total.amount_fen, years.total.goods) == (3, 440050, {"袋": 2})
    assert [r.donors.query for r in years.rows] == ["cared:2024", "cared:2025", "cared:2026"]
    assert years.total.donors.query == "cared:yes" and years.label("") == "未填"
    kinds = roll.amount_table("care", "care_kind")
    assert rows(kinds) == [
        ("visit", 2, 110000, {"袋": 2}),  # 甲 and 丁
        ("checkup", 1, 80000, {}),
        ("aid", 1, 200000, {}),
        ("allowance", 1, 50050, {}),
    ]
    assert [kinds.label(r.value) for r in kinds.rows] == ["慰问", "体检", "困难帮扶", "劳模津贴"]
    assert kinds.rows[0].donors.query == "cared:慰问 cared:yes"
    regions = roll.amount_table("care", "region")
    assert rows(regions) == [("耒阳市", 2, 380000, {"袋": 2}), ("", 1, 60050, {})]
    assert regions.rows[0].donors.query == "region:耒阳市 cared:yes"
    for table in (years, kinds, regions):
        for row in [*table.rows, table.total]:
            if row.donors.query is not None:
                assert roll.search(row.donors.query).count() == row.donors.count, row
    as_json = kinds.to_json()
    assert as_json["measure"] == "care" and as_json["total"]["amount_yuan"] == "4400.50"
    assert as_json["rows"][0]["goods"] == [{"unit": "袋", "quantity": 2}]
    assert st.amount_choices("care")[:1] == ("year",) and "care_kind" in st.amount_choices("care")
    assert "level" not in st.amount_choices("care") and "care_kind" not in st.amount_choices("donation")


def test_care_figures_keep_a_restricting_year_the_honours(roll):
    """With `year:2020` (an honour of 2020: 甲 乙 丙) the care by kind is of those people's
    care, and its search finds them, not those cared for in 2020 (a kind: term would)."""
    kinds = roll.amount_table("care", "care_kind", "year:2020")
    assert [(r.value, r.donors.count, r.amount_fen) for r in kinds.rows] == [
        ("visit", 1, 100000),
        ("checkup", 1, 80000),
        ("aid", 1, 200000),
    ]
    assert kinds.rows[0].donors.query == "year:2020 cared:慰问 cared:yes"
    assert [roll.search(r.donors.query).count() for r in kinds.rows] == [1, 1, 1]
    assert roll.amount_table("care", "year", "year:2020").total.amount_fen == 380000


def test_people_by_care_kind(roll):
    table = roll.cross_table("care_kind")
    assert counts(table)["rows"] == {"visit": 2, "checkup": 1, "aid": 1, "allowance": 1, "": 1}  # 丙: none
    assert table.row_totals["visit"].query == "collective:no cared:慰问"
    assert st.DIMENSIONS["care_kind"].label("") == "无"


def test_a_query_restricts_the_people_and_is_in_every_figure(roll):
    table = roll.cross_table("level", None, "region:耒阳市")
    assert counts(table)["rows"] == {"national": 1, "provincial": 2}
    assert table.total.count == 2
    assert table.row_totals["national"].query == "region:耒阳市 collective:no level:国家级"
    assert roll.amount_table("donation", "year", "region:耒阳市").total.amount_fen == 2100050
    with pytest.raises(QueryError):
        roll.cross_table("level", None, "year:abc")
    with pytest.raises(QueryError):
        roll.cross_table("colour")


def test_report_json(roll):
    data = st.report(roll, "level", "region").to_json()
    assert data["people"]["total"] == {"count": 4, "query": "collective:no"}
    assert data["collectives"]["total"]["count"] == 2
    national = data["people"]["rows"][0]
    assert national["label"] == "国家级" and national["count"] == 2
    assert [c["count"] for c in national["cells"]] == [1, 1, 0]
    assert data["shares"]["gender"]["rows"][0]["label"] == "男"
    assert data["donations"]["year"]["total"]["amount_yuan"] == "21500.50"
    assert list(data["care"]) == ["year", "care_kind", "region"]
    assert data["care"]["care_kind"]["rows"][0] == {
        "value": "visit",
        "label": "慰问",
        "donors": 2,
        "query": "cared:慰问 cared:yes",
        "amount_fen": 110000,
        "amount_yuan": "1100.00",
        "goods": [{"unit": "袋", "quantity": 2}],
    }


@pytest.mark.sqlite_only
def test_revoked_honours_never_count(registry):
    """A revoked honour (the archive's 取消称号) is kept in the record but counts nowhere."""
    build(registry)
    assert registry.cross_table("level").row_totals["national"].count == 2
    registry.conn.execute(
        "UPDATE honour SET revoked = 1 WHERE title IN ('全国先进工作者', '湖南省五一劳动奖章')"
    )
    derive_many(registry.conn, registry.all_ids())  # the derived columns, as every save keeps them
    table = registry.cross_table("level", "year")
    assert counts(table)["rows"] == {
        "national": 1,
        "provincial": 1,
        "municipal": 1,
        "": 2,
    }  # 乙 has none left
    assert table.cell("", "").count == 2  # 乙 and 丁
    assert table.total.count == 4  # 乙 is still a person on the roll
    assert registry.amount_table("care", "year").total.amount_fen == 440050  # care is no honour's


def test_a_revocation_saved_through_the_app_leaves_every_table(roll):
    """Revoked through an edit (as the window and `honours edit` do), an honour leaves the
    level of every table, also those that read a person's best level from their row
    (level_rank) and seek only the levels after it: 甲 keeps provincial only, 丙 municipal."""
    ids = {h.name: h.id for h in roll.honourees(roll.all_ids())}
    for name in ("甲", "丙"):
        record = roll.honouree(ids[name])
        for honour in record.honours:
            honour.revoked = honour.level == "national"
        roll.update(record)
    by_region = roll.cross_table("region", "level")
    assert counts(by_region) == {
        ("耒阳市", "provincial"): 2,  # 甲 乙
        ("衡南县", "municipal"): 1,  # 丙
        ("", ""): 1,  # 丁
        "rows": {"耒阳市": 2, "衡南县": 1, "": 1},
        "columns": {"provincial": 2, "municipal": 1, "": 1},
        "total": 4,
    }
    assert counts(roll.cross_table("level", "age"))["rows"] == {"provincial": 2, "municipal": 1, "": 1}
    assert counts(roll.cross_table("level"))["rows"] == {"provincial": 2, "municipal": 1, "": 1}
    assert counts(roll.cross_table("year", "level"))["columns"] == {"provincial": 2, "municipal": 1, "": 1}
    for table in (by_region, roll.cross_table("status", "level")):
        for cell in [*table.cells.values(), *table.row_totals.values(), *table.column_totals.values()]:
            if cell.query is not None:
                assert roll.search(cell.query).count() == cell.count, cell


def test_the_exact_terms_behind_the_figures(roll):
    """gender:, ethnicity:, age:, collective: and donated: find exactly; bad values are refused."""
    names = {h.id: h.name for h in roll.honourees(roll.all_ids())}

    def found(query: str) -> set[str]:
        return {names[i] for i in roll.search(query).all_ids()}

    assert found("gender:女") == {"甲", "丙"}
    assert found("性别:男") == {"乙", "丁"}
    assert found("ethnicity:汉族,瑶族") == {"甲", "乙", "丙"}
    assert found("age:40..49") == {"甲"} and found("age<30") == {"丙"} and found("年龄:>=60") == {"乙"}
    assert found("collective:yes") == {"集体A", "集体B"} and "集体A" not in found("collective:no")
    assert found("donated:2020") == {"甲", "集体A"} and found("donated:no") == {"乙", "丁", "集体B"}
    assert found("cared:2026") == {"甲", "乙", "丁"} and found("受关怀:2025") == {"甲", "乙"}
    assert found("cared:慰问") == {"甲", "丁"} and found("cared:体检,aid") == {"乙"}
    assert found("cared:no") == {"丙", "集体A", "集体B"} and found("cared:yes year:2020") == {"甲", "乙"}
    for bad, zh in (
        ("age:old", "年龄:old"),
        ("collective:maybe", "集体:maybe"),
        ("gender:", "性别:"),
        ("cared:lots", "受关怀:lots"),
        ("cared:慰问,2026", "受关怀:慰问,2026"),
    ):
        errors = roll.search(bad).parsed.errors
        assert errors and zh in errors[0].zh, bad


def _stored_pairs_hold(registry) -> None:
    """Every honouree's stored (year, level) pairs (honouree.year_levels, which the year-by-level
    table reads) are those of its honours that count now, trash included."""
    stored = dict(registry.conn.execute("SELECT id, year_levels FROM honouree"))
    honours: dict[int, list] = {hid: [] for hid in stored}
    for hid, year, level in registry.conn.execute(
        "SELECT honouree_id, year, level FROM honour WHERE revoked = 0"
    ):
        honours[hid].append((year, level))
    assert stored == {hid: year_levels(pairs) for hid, pairs in honours.items()}


def _years_by_level(registry) -> dict:
    return counts(registry.cross_table("year", "level"))


@pytest.mark.sqlite_only
def test_stored_years_and_levels_follow_every_change(registry, monkeypatch):
    """The year-by-level table reads each person's stored pairs: they follow an edit, a
    revocation, the trash and back, a merge and its undoing, an import and a very large one
    (derived columns written with the rows), and the table follows them."""
    from honours.core import import_verbs

    ids = build(registry)
    _stored_pairs_hold(registry)
    assert _years_by_level(registry)[(2020, "national")] == 2  # 甲 丙
    jia = registry.honouree(ids["甲"])
    jia.honours.append(Honour("衡阳市劳动模范", "municipal", 2021))
    registry.update(jia)
    _stored_pairs_hold(registry)
    assert _years_by_level(registry)[(2021, "municipal")] == 1
    yi = registry.honouree(ids["乙"])
    yi.honours[0].revoked = True
    registry.update(yi)
    _stored_pairs_hold(registry)
    assert _years_by_level(registry)["rows"] == {2018: 1, 2019: 1, 2020: 2, 2021: 1, "": 2}  # 乙 丁 none
    registry.delete(ids["丙"])
    _stored_pairs_hold(registry)
    assert _years_by_level(registry)[(2020, "national")] == 1
    registry.restore(ids["丙"])
    assert _years_by_level(registry)[(2020, "national")] == 2
    outcome = registry.merge(ids["甲"], ids["丙"])
    _stored_pairs_hold(registry)
    assert _years_by_level(registry)[(2019, "municipal")] == 1  # 丙's, now 甲's
    assert _years_by_level(registry)[(2020, "national")] == 1  # one person
    registry.undo_merge(outcome)
    _stored_pairs_hold(registry)
    assert _years_by_level(registry)[(2020, "national")] == 2
    registry.apply_import([ImportItem(Honouree("己", honours=[Honour("衡阳市劳动模范", "municipal", 2019)]))])
    _stored_pairs_hold(registry)
    assert _years_by_level(registry)[(2019, "municipal")] == 2
    assert _years_by_level(registry)[(2019, "national")] == 1  # 丙 (a person counts in every cell of theirs)
    monkeypatch.setattr(import_verbs, "QUEUE_INDEX_FROM", 2)  # a very large import: derived with the rows
    registry.apply_import(
        [
            ImportItem(Honouree("庚", honours=[Honour("全国劳动模范", "national", 2019)])),
            ImportItem(Honouree("辛", honours=[Honour("全国劳动模范", "national", 2019, revoked=True)])),
        ]
    )
    _stored_pairs_hold(registry)
    assert _years_by_level(registry)[(2019, "national")] == 2  # and 庚, not 辛 (revoked)


def test_years_spanning_more_than_a_bitmask_count_alike(roll):
    """Years are told per person as a bit per year when they span at most 63 (the server's
    fast path); a roll spanning more is counted from the distinct years instead, alike."""
    roll.add(
        Honouree("己", honours=[Honour("先进工作者", "county", 1900), Honour("劳动模范", "national", 2020)])
    )
    for by, by2 in (("year", "level"), ("level", "year"), ("year", "region"), ("year", None)):
        table = roll.cross_table(by, by2)
        assert 1900 in (table.rows if by == "year" else table.columns)
        for cell in [*table.cells.values(), *table.row_totals.values(), *table.column_totals.values()]:
            if cell.query is not None:
                assert roll.search(cell.query).count() == cell.count, (by, by2, cell)
    assert (
        counts(roll.cross_table("year", "level"))[(1900, "national")] == 1
    )  # 己: an honour of 1900, one national
