"""Care and treatment (关怀记录): the records, a batch for many people, who is due, the sheet cell."""

from __future__ import annotations

from datetime import date

import pytest

from honours.core import Care, Honour, Honouree
from honours.core.care import DuePeriods, as_of_date, months_before, sign_sheet
from honours.core.diffs import care_text, differences
from honours.core.errors import ConflictError, InvalidRecordError
from honours.core.records import RecordValueError
from honours.core.spreadsheet import parse_care_cell

MODEL = Honour("全国劳动模范", "national", 2015)


@pytest.fixture
def registry(storage):
    """Every test of a registry here runs on both backends (conftest's `storage`)."""
    return storage


def person(name: str, **kwargs) -> Honouree:
    kwargs.setdefault("honours", [MODEL])
    return Honouree(name=name, unit=f"{name}的单位", **kwargs)


# -- the record and its JSON -----------------------------------------------------------------------


def test_care_json_reads_words_of_the_vocabulary_and_exact_amounts():
    h = Honouree.from_dict(
        {
            "name": "甲",
            "care": [
                {"date": "2027-01-20", "kind": "慰问", "occasion": "春节", "amount_yuan": "500.05"},
                {"date": "2026年5月", "kind": "checkup", "by": "市总工会", "note": "已完成"},
                {
                    "date": "2026-08-01",
                    "kind": "疗养",
                    "item": "疗休养名额",
                    "quantity": "1",
                    "quantity_unit": "人",
                },
            ],
        }
    )
    assert [c.kind for c in h.care] == ["visit", "checkup", "recuperation"]
    assert h.care[0].amount_fen == 50005 and h.care[1].date == "2026-05" and h.care[2].quantity == 1
    data = h.to_dict()["care"]
    assert data[0]["amount_yuan"] == 500.05 and "amount_fen" not in data[0]
    assert Honouree.from_dict(h.to_dict()).care == h.care


@pytest.mark.parametrize(
    ("item", "zh"),
    [
        ({"kind": "visit"}, "关怀记录需填写日期"),
        ({"date": "2027-01-20", "kind": "party"}, "关怀类别“party”无法识别"),
        ({"date": "2027-01-20", "amount_yuan": -5}, "amount_yuan 不能为负数"),
        ({"date": "2027-01-20", "colour": "red"}, "关怀记录中有未知字段：colour"),
    ],
)
def test_a_bad_care_record_is_refused_in_both_languages(item, zh):
    with pytest.raises(RecordValueError) as caught:
        Honouree.from_dict({"name": "甲", "care": [item]})
    assert zh in caught.value.zh and str(caught.value)


def test_care_is_stored_read_back_and_in_the_history(registry):
    saved = registry.add(person("甲", care=[Care("2027-01-20", "visit", "春节", 50000, by="市总工会")]))
    again = registry.honouree(saved.id)
    assert again.care[0].amount_fen == 50000 and again.care[0].by == "市总工会" and again.care[0].id
    again.care.append(Care("2027-03-02", "checkup"))
    registry.update(again)
    latest, first = registry.history(saved.id)  # newest first
    (change,) = differences(first.after, latest.after, "zh")
    assert change.field == "care"
    assert change.after.splitlines() == ["2027-01-20 慰问 春节 500元 经办：市总工会", "2027-03-02 体检"]


def test_a_record_of_an_unknown_kind_is_not_stored(registry):
    with pytest.raises(InvalidRecordError):
        registry.add(person("甲", care=[Care("2027-01-20", "party")]))
    assert registry.count() == 0


# -- the sheet cell ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "care",
    [
        Care("2027-01-20", "visit", "春节", 50000, by="市总工会", note="两人 同行"),
        Care("2027-01-20", "visit", "中秋", None, "月饼", 2, "盒"),
        Care("2026-05", "checkup"),
        Care("2026", "allowance", "", 123456),
        Care("2026-09-09", "aid", "住院", 200000, "慰问品"),
    ],
)
def test_a_care_cell_reads_back_what_the_export_writes(care):
    assert parse_care_cell(care_text(care)) == [care]


def test_a_care_cell_with_a_bad_line_names_it():
    with pytest.raises(RecordValueError) as caught:
        parse_care_cell("2027-01-20 慰问 春节 500元\n去年 慰问")
    assert "去年 慰问" in caught.value.zh


# -- a batch ---------------------------------------------------------------------------------------


def test_a_batch_records_one_event_for_everyone_and_is_taken_back(registry):
    ids = [registry.add(person(n)).id for n in ("甲", "乙", "丙")]
    added = registry.add_care(ids, Care("2027-01-20", "visit", "春节", 50000))
    assert set(added) == set(ids)
    for i in ids:
        (care,) = registry.honouree(i).care
        assert (care.occasion, care.amount_fen, care.id) == ("春节", 50000, added[i])
        assert registry.history(i)[0].action == "update"  # newest first
    versions = {h.id: h.version for h in registry.honourees(ids)}
    registry.remove_care({i: [added[i]] for i in ids}, versions=versions)
    assert all(not registry.honouree(i).care for i in ids)


def test_a_batch_meeting_a_newer_version_saves_nothing(registry):
    a, b = (registry.add(person(n)) for n in ("甲", "乙"))
    registry.edit(b.id, {"position": "主任"})
    with pytest.raises(ConflictError):
        registry.add_care([a.id, b.id], Care("2027-01-20"), versions={a.id: a.version, b.id: b.version})
    assert not registry.honouree(a.id).care


def test_a_batch_with_a_bad_record_saves_nothing(registry):
    ids = [registry.add(person(n)).id for n in ("甲", "乙")]
    with pytest.raises(InvalidRecordError):
        registry.add_care(ids, Care(None, "visit"))
    assert all(not registry.honouree(i).care for i in ids)


# -- who is due --------------------------------------------------------------------------------------

TODAY = date(2027, 3, 1)


def _names(registry, kind: str, **kwargs) -> list[str]:
    return [e.name for e in registry.due(kind, today=TODAY, **kwargs).entries]


def test_check_ups_every_year_serving_every_two_years_retired(registry):
    registry.add(person("在职今年", care=[Care("2027-02-01", "checkup")]))
    registry.add(person("在职去年", care=[Care("2026-06-01", "checkup")]))
    registry.add(person("退休去年", status="retired", care=[Care("2026-06-01", "checkup")]))
    registry.add(person("退休前年", status="retired", care=[Care("2025-06-01", "checkup")]))
    registry.add(person("从未"))
    registry.add(person("已故", status="deceased"))
    registry.add(person("非劳模", honours=[Honour("五一劳动奖章", "national")]))
    registry.add(person("集体", category="collective"))
    registry.add(person("类别劳模", honours=[], category="model worker"))
    assert set(_names(registry, "checkup")) == {"在职去年", "退休前年", "从未", "类别劳模"}
    longer = DuePeriods(checkup_serving_years=2, checkup_retired_years=3)
    assert set(_names(registry, "checkup", periods=longer)) == {"从未", "类别劳模"}
    due = registry.due("checkup", today=TODAY)
    assert {e.name: e.last for e in due.entries}["在职去年"] == "2026-06-01"


def test_recuperation_every_two_years_for_serving_model_workers(registry):
    registry.add(person("去年", care=[Care("2026-01-01", "recuperation")]))
    registry.add(person("前年", care=[Care("2025-12-31", "recuperation")]))
    registry.add(person("退休", status="retired"))
    assert _names(registry, "recuperation") == ["前年"]


def test_visits_this_year_and_a_past_year(registry):
    registry.add(person("已慰问", care=[Care("2027-01-20", "visit", "春节", 50000)]))
    registry.add(person("去年慰问", care=[Care("2026-01-20", "visit")]))
    registry.add(person("捐赠者", honours=[], category="donor"))
    assert _names(registry, "visit") == ["去年慰问"]
    assert set(_names(registry, "visit", everyone=True)) == {"去年慰问", "捐赠者"}
    assert _names(registry, "visit", year=2026) == ["已慰问"]  # as of 2026-12-31


def test_aid_goes_to_hardship_model_workers_not_helped_for_twelve_months(registry):
    first = registry.add(person("甲", care=[Care("2026-02-01", "aid")]))
    due = registry.due("aid", today=TODAY)
    assert due.entries == [] and "困难劳模" in due.notices[0].zh  # nobody is marked: said, not silent
    first.hardship = True
    registry.update(first)
    helped = registry.add(person("近期帮扶", hardship=True, care=[Care("2026-03-01", "aid")])).id
    registry.add(person("不困难"))
    assert _names(registry, "aid") == ["甲"]
    assert helped not in [e.id for e in registry.due("aid", today=TODAY).entries]


def test_revoked_honours_and_retirement_dates_count(registry):
    revoked = Honour("全国劳动模范", "national", 2015, revoked=True, revoked_date="2026-01-05")
    registry.add(person("撤销", category="model worker", honours=[revoked]))
    registry.add(person("到龄", retirement_date="2027-01-01", care=[Care("2026-05-01", "checkup")]))
    assert _names(registry, "checkup") == []  # retired by date: a check-up every two years
    assert _names(registry, "recuperation") == []


@pytest.mark.sqlite_only  # the archive's columns added by hand
def test_files_not_updated_for_a_year(registry):
    old = registry.add(person("旧档案")).id
    registry.add(person("新档案"))
    registry.conn.execute("UPDATE honouree SET updated_at = '2025-12-01T10:00:00+08:00' WHERE id = ?", (old,))
    due = registry.due("stale", today=TODAY)
    assert [(e.name, e.last) for e in due.entries] == [("旧档案", "2025-12-01")]


def test_an_unknown_kind_is_refused(registry):
    with pytest.raises(InvalidRecordError):
        registry.due("party")


def test_dates_of_the_rules():
    assert as_of_date(None, TODAY) == (2027, TODAY)
    assert as_of_date(2025, TODAY) == (2025, date(2025, 12, 31))
    assert months_before(date(2027, 3, 31), 1) == date(2027, 2, 28)
    assert months_before(date(2027, 3, 1), 12) == date(2026, 3, 1)


# -- the sign sheet's figures ---------------------------------------------------------------------


def test_sign_sheet_totals_in_figures_and_capitals():
    people = [person(f"人{i}") for i in range(25)]
    sheet = sign_sheet(people, 50000, occasion="春节", day="2027-01-20")
    assert sheet.title == "2027年春节慰问金发放签领表"
    assert [r.number for r in sheet.rows] == list(range(1, 26))
    assert sheet.total_text == "¥12,500.00" and sheet.total_capitals == "人民币壹万贰仟伍佰元整"


# -- export and import -----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".zip"])
def test_care_goes_out_in_an_export_and_comes_back_by_import(registry, tmp_path, suffix):
    from honours.core import Registry
    from honours.core.export import COLUMNS, export
    from honours.core.import_plan import plan_import

    care = [
        Care("2027-01-20", "visit", "春节", 50000, by="市总工会"),
        Care("2026-05-01", "checkup", note="市中心医院"),
        Care("2026-09-09", "visit", "中秋", None, "月饼", 2, "盒"),
    ]
    registry.add(person("甲", care=care))
    assert "关怀记录" in [c.header for c in COLUMNS]
    path = tmp_path / f"out{suffix}"
    export(registry, registry.all_ids(), path)
    with Registry.open(tmp_path / "new.sqlite", create=True) as empty:
        plan = plan_import(empty, path)
        assert not plan.errors
        plan.apply(empty)
        plan.close()
        (again,) = empty.honourees(empty.all_ids())
        assert [
            (c.date, c.kind, c.occasion, c.amount_fen, c.item, c.quantity, c.by, c.note) for c in again.care
        ] == [(c.date, c.kind, c.occasion, c.amount_fen, c.item, c.quantity, c.by, c.note) for c in care]
        again_plan = plan_import(empty, path)  # importing it twice adds nothing
        again_plan.apply(empty)
        again_plan.close()
        assert len(empty.honourees(empty.all_ids())[0].care) == 3


# -- the query language ------------------------------------------------------------------------------


def test_care_kind_and_year_search_one_care_record(registry):
    a = registry.add(
        person("甲", care=[Care("2026-02-01", "visit", "春节"), Care("2025-05-01", "checkup")])
    ).id
    b = registry.add(person("乙", care=[Care("2026-05-01", "checkup", note="市中心医院")])).id
    c = registry.add(person("丙", honours=[Honour("市劳动模范", "municipal", 2026)])).id

    def found(query: str) -> set[int]:
        result = registry.search(query)
        assert result.count() == len(result.ids())
        return set(result.ids())

    assert found("care:春节") == {a}
    assert found("care:中心医院") == {b}
    assert found("关怀:春节,中心医院") == {a, b}
    assert found("care:体检") == {a, b}  # a kind's word finds the kind
    assert found("kind:checkup") == {a, b}
    assert found("kind:checkup year:2026") == {b}  # both on one record
    assert found("关怀类别:体检 年份:2025") == {a}
    assert found("year:2026") == {c}  # without care terms, the honours' year
    assert found("kind:visit care:中心医院") == set()
    assert registry.search("kind:checkup year:2026").notices
    assert registry.search("kind:party").parsed.errors
