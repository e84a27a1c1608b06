"""The same person twice: possible duplicates in the roll and in a sheet, merging them, undoing it."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from PIL import Image

from honours.core import ConflictError, Deed, Donation, Honour, Honouree, NotFoundError, Registry
from honours.core.duplicates import Person, find_duplicates, name_key, resemblance, unit_core
from honours.core.import_plan import ADD, ERROR, MERGE, SKIP, UPDATE, plan_import
from honours.core.photos import NewPhoto, prepare_photo
from honours.core.sqlite.check import check


@pytest.fixture
def registry(storage):
    """These tests are of behaviour through the storage verbs: `registry` is each storage
    backend in turn (the `storage` fixture, tests/conftest.py)."""
    return storage


def person(
    name: str, unit: str = "", position: str = "", birth: str = "", notes: str = "", ref: int = 1
) -> Person:
    return Person(ref, name, unit, position, birth, notes)


def reasons(a: Person, b: Person) -> str:
    return " | ".join(r.en for r in resemblance(a, b))


@pytest.mark.parametrize(
    "first, second, why",
    [
        (("张三", "衡阳市中心医院"), ("张三", "衡阳市中心医院"), "same name and unit"),
        (("张三", "衡阳市中心医院院长"), ("张三", "衡阳市中心医院", "院长"), "written together"),
        (("张三", "湖南省衡阳市中心医院"), ("张三", "衡阳市中心医院"), "contains"),
        (("张三", "湘潭钢铁有限公司"), ("张三", "湘潭钢铁集团"), "without the post or company form"),
        (("许仲秋", "湘油泵", "董事长"), ("许仲秋", "湖南湘油泵股份有限公司", "董事长"), "contains “湘油泵”"),
        (("张三", "衡阳市中心医院院长"), ("张三", "衡阳市中心医院副院长"), "without the post"),
        (("张  三", "衡阳市中心医院"), ("张三", "衡阳市中心医院"), "same name and unit"),
        (
            ("张三", "甲厂", "", "1970-03-02"),
            ("张三", "乙公司", "", "1970-03-02"),
            "date of birth (1970-03-02)",
        ),
        (
            ("张三", "甲厂", "", "", "身份证号：430402197003021234"),
            ("张三", "乙公司", "", "", "430402197003021234"),
            "ID number (430402********1234)",  # personal data: masked wherever it is shown
        ),
    ],
)
def test_records_of_one_person_are_recognised(first, second, why):
    a, b = person(*first), person(*second, ref=2)
    assert a.key == b.key
    assert why in reasons(a, b)
    assert resemblance(b, a)  # either way round
    zh = "；".join(r.zh for r in resemblance(a, b))
    assert "姓名相同" in zh or "姓名、工作单位相同" in zh


@pytest.mark.parametrize(
    "first, second",
    [
        (("张三", "衡阳市中心医院"), ("张三", "耒阳市人民医院")),  # a namesake elsewhere
        (("张三", "医院"), ("张三", "衡阳市中心医院")),  # too short to say anything by containing
        (("张三", "卫生院"), ("张三", "东湖镇马迹卫生院")),  # three characters naming a kind, not a unit
        (("张三", "总工会"), ("张三", "衡阳市总工会")),
        (("张三", "甲厂", "", "1970"), ("张三", "乙厂", "", "1970")),  # a year of birth alone is too common
        (("张三", "衡阳市中心医院"), ("张三", "")),  # one gives no unit
    ],
)
def test_namesakes_elsewhere_are_not_duplicates(first, second):
    assert resemblance(person(*first), person(*second, ref=2)) == []


def test_unit_forms_compared_loosely():
    assert name_key("张　三") == name_key(" 张三 ") == "张三"
    assert name_key("阿依古丽•买买提") == name_key("阿依古丽·买买提")
    assert unit_core("衡阳市中心医院院长") == "衡阳市中心医院"
    assert unit_core("某公司副总经理兼党委书记") == "某公司"
    assert unit_core("湖南华菱湘潭钢铁有限公司") == "湖南华菱湘潭钢铁"
    assert unit_core("衡阳市中心医院（南华大学附属）") == "衡阳市中心医院"


def test_find_duplicates_in_the_roll_pairs_only_namesakes_alike(roll):
    a = roll.add(Honouree(name="柏太柱", unit="衡阳市中心医院", birth_date="1965-07-01"))
    b = roll.add(Honouree(name="张三", unit="衡阳市中心医院院长"))
    c = roll.add(Honouree(name="张 三", unit="衡阳市中心医院", position="院长"))
    roll.add(Honouree(name="张三", unit="耒阳市人民医院"))  # a namesake elsewhere
    deleted = roll.add(Honouree(name="张三", unit="衡阳市中心医院"))
    roll.delete(deleted.id)  # the trash is not searched
    pairs = {(p.first.ref, p.second.ref): p for p in find_duplicates(roll)}
    bai = next(s.id for s in roll.summaries(roll.all_ids()) if s.name == "柏太柱" and s.id != a.id)
    assert set(pairs) == {(bai, a.id), (b.id, c.id)}  # 市中心医院 is inside 衡阳市中心医院
    assert "contains" in pairs[(bai, a.id)].reason("en")
    assert "单位与职务合起来相同" in pairs[(b.id, c.id)].reason("zh")


def jpeg(colour) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "JPEG")
    return out.getvalue()


def two_records(registry: Registry) -> tuple[Honouree, Honouree]:
    keep = registry.add(
        Honouree(
            name="张三",
            gender="男",
            unit="衡阳市中心医院院长",
            notes="",
            honours=[Honour("湖南省劳动模范", "provincial", 2015)],
            deeds=[Deed("抗击疫情冲锋在前")],
            donations=[Donation(amount_fen=5_000_000)],
        ),
        new_photos=[NewPhoto(prepare_photo(jpeg((200, 0, 0)), "a.jpg"), primary=True)],
    )
    other = registry.add(
        Honouree(
            name="张三",
            gender="女",
            birth_date="1970-03-02",
            unit="衡阳市中心医院",
            position="院长",
            region="衡阳市",
            honours=[Honour("湖南省劳动模范", "provincial", 2015), Honour("全国劳动模范", "national", 2020)],
            deeds=[Deed("抗击疫情冲锋在前"), Deed("带领团队攻关")],
            donations=[
                Donation(amount_fen=5_000_000),
                Donation(item="口罩", quantity=1000, quantity_unit="只"),
            ],
        ),
        new_photos=[
            NewPhoto(prepare_photo(jpeg((0, 0, 200)), "b.jpg"), primary=True),
            NewPhoto(prepare_photo(jpeg((0, 200, 0)), "c.jpg")),
        ],
    )
    return keep, other


def test_merge_moves_everything_once_fills_empty_fields_and_reports_conflicts(registry):
    keep, other = two_records(registry)
    outcome = registry.merge(keep.id, other.id, keep_version=keep.version, other_version=other.version)
    merged = registry.honouree(keep.id)
    assert [h.title for h in merged.honours] == ["湖南省劳动模范", "全国劳动模范"]
    assert [d.text for d in merged.deeds] == ["抗击疫情冲锋在前", "带领团队攻关"]
    assert [(d.amount_fen, d.item) for d in merged.donations] == [(5_000_000, ""), (None, "口罩")]
    assert merged.birth_date == "1970-03-02" and merged.region == "衡阳市"  # empty fields filled
    assert merged.gender == "男"  # a conflict: the kept value stays
    # the kept record ran unit and position together; the other's split is taken by default
    assert (merged.unit, merged.position) == ("衡阳市中心医院", "院长")
    assert {(c.field, c.taken) for c in outcome.conflicts} == {("gender", False), ("unit", True)}
    gender = next(c for c in outcome.conflicts if c.field == "gender")
    assert gender.describe("en", "#1", "#2") == "gender: kept “男” of #1 (#2 says “女”)"
    assert gender.describe("zh", "#1", "#2") == "性别：保留#1的“男”（#2为“女”）"
    photos = merged.photos
    assert len(photos) == 3 and [p.primary for p in photos] == [
        True,
        False,
        False,
    ]  # one main photo, the kept one's
    assert registry.photos(other.id) == []
    assert not registry.exists(other.id) and other.id in [t[0] for t in registry.trash()]
    assert [e.action for e in registry.history(keep.id)][:1] == ["update"]
    assert [e.action for e in registry.history(other.id)][:1] == ["delete"]
    assert registry.history(keep.id)[0].after["honours"][1]["title"] == "全国劳动模范"
    assert registry.search("全国劳动模范").all_ids() == [keep.id]  # the search index follows
    assert registry.summaries([keep.id])[0].primary_photo_id == photos[0].id
    if isinstance(registry, Registry):  # the file's own consistency check (a server has none)
        assert check(registry) == []  # photos, derived columns and search rows all consistent


def test_merge_taking_the_other_value_and_refusing_stale_versions(registry):
    keep, other = two_records(registry)
    registry.edit(other.id, {"notes": "someone saved this meanwhile"})
    with pytest.raises(ConflictError):
        registry.merge(keep.id, other.id, keep_version=keep.version, other_version=other.version)
    assert registry.exists(other.id) and len(registry.photos(other.id)) == 2  # nothing happened
    current = registry.honouree(other.id)
    outcome = registry.merge(
        keep.id, other.id, keep_version=keep.version, other_version=current.version, take={"gender"}
    )
    assert registry.honouree(keep.id).gender == "女"
    assert registry.honouree(keep.id).unit == "衡阳市中心医院院长"  # not taken: only what was asked for
    assert {c.field for c in outcome.conflicts if c.taken} == {"gender"}
    with pytest.raises(NotFoundError):
        registry.merge(keep.id, other.id)  # the other is in the trash now
    with pytest.raises(Exception, match="itself"):
        registry.merge(keep.id, keep.id)


def test_undo_merge_puts_both_records_back_and_a_changed_record_refuses_it(registry):
    keep, other = two_records(registry)
    before_keep, before_other = registry.honouree(keep.id), registry.honouree(other.id)
    outcome = registry.merge(keep.id, other.id)
    again = registry.undo_merge(outcome)
    after_keep, after_other = registry.honouree(keep.id), registry.honouree(other.id)

    def content(h: Honouree) -> dict:  # what a person sees: all but stamps and the children's row ids
        data = h.to_dict()
        for key in ("version", "updated_at"):
            data.pop(key)
        for key in ("honours", "deeds", "donations"):
            data[key] = [{k: v for k, v in item.items() if k != "id"} for item in data[key]]
        return data

    for before, after in ((before_keep, after_keep), (before_other, after_other)):
        assert content(after) == content(before)  # photos too: the same ids, order and main photo
    assert [e.action for e in registry.history(other.id)][:3] == ["restore", "delete", "create"]
    redone = registry.merge(
        keep.id, other.id, keep_version=again.kept_version, other_version=again.merged_version
    )
    registry.edit(keep.id, {"notes": "changed after the merge"})
    with pytest.raises(ConflictError):
        registry.undo_merge(redone)
    assert not registry.exists(other.id)  # refused: nothing put back


def test_a_merged_record_comes_back_from_the_trash(registry):
    keep, other = two_records(registry)
    registry.merge(keep.id, other.id)
    restored = registry.restore(other.id)
    assert [h.title for h in restored.honours] == ["湖南省劳动模范", "全国劳动模范"]


# -- possible duplicates in a sheet ---------------------------------------------------------------


def make_xlsx(path, rows):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def test_rows_resembling_existing_records_are_offered_as_merges(registry, tmp_path):
    existing = registry.add(
        Honouree(
            name="刘建国",
            gender="男",
            unit="衡阳市中心医院院长",
            honours=[Honour("湖南省劳动模范", "provincial", 2015)],
        )
    )
    exact = registry.add(Honouree(name="陈丽", unit="衡阳县人民医院"))
    path = make_xlsx(
        tmp_path / "s.xlsx",
        [
            ["姓名", "性别", "工作单位", "职务", "荣誉称号", "年份"],
            ["刘建国", "女", "衡阳市中心医院", "院长", "全国劳动模范", 2020],
            [
                "陈丽",
                "",
                "衡阳县人民医院",
                "护士",
                "湖南省五一劳动奖章",
                2019,
            ],  # name and unit exact: an update
            ["王五", "", "耒阳市人民医院", "", "", ""],
        ],
    )
    plan = plan_import(registry, path)
    liu, chen, wang = plan.rows
    assert liu.action == MERGE and liu.match.existing_id == existing.id and liu.target_id == existing.id
    assert "written together" in liu.reason("en") and f"#{existing.id}" in liu.reason("en")
    assert {c.field: c.taken for c in liu.conflicts} == {"gender": False, "unit": True}
    assert chen.action == UPDATE and chen.match is None and chen.target_id == exact.id
    assert wang.action == ADD and wang.match is None
    assert plan.counts()[ADD] == 1 and plan.counts()[UPDATE] == 2
    assert plan.duplicate_counts() == {MERGE: 1, ADD: 0, SKIP: 0}
    assert "1 possible duplicate(s): 1 merge" in plan.summary("en")

    plan.set_choice(liu.row, ADD)  # the person says: a different 刘建国
    assert liu.action == ADD and plan.counts()[ADD] == 2 and "added as a new record" in liu.reason("en")
    plan.set_choice(liu.row, SKIP)
    assert liu.action == SKIP and plan.counts()[ADD] == 1 and plan.counts()[UPDATE] == 1
    plan.set_choice(liu.row, MERGE)
    plan.set_take(liu.row, "gender", True)
    assert plan.merged_record(liu).gender == "女"
    plan.set_take(liu.row, "gender", False)
    registry.edit(existing.id, {"notes": "saved in another window after the preview"})
    with pytest.raises(ConflictError):
        plan.apply(registry)  # a merge, like an update, never writes over a newer version
    assert len(registry.honouree(existing.id).honours) == 1
    plan = plan_import(registry, path)
    outcome = plan.apply(registry)
    after = registry.honouree(existing.id)
    assert sorted(outcome.updated) == sorted([existing.id, exact.id]) and len(outcome.added) == 1
    assert [h.title for h in after.honours] == ["湖南省劳动模范", "全国劳动模范"]
    assert (after.gender, after.unit, after.position) == ("男", "衡阳市中心医院", "院长")
    assert registry.count() == 3


def test_rows_of_one_person_in_one_sheet_become_one_record_or_stay_apart(registry, tmp_path):
    path = make_xlsx(
        tmp_path / "s.xlsx",
        [
            ["姓名", "工作单位", "职务", "荣誉称号", "级别", "年份"],
            ["彭伟", "衡东县农机站", "站长", "湖南省劳动模范", "省级", 2015],
            ["彭伟", "衡东县农机站", "站长", "全国劳动模范", "国家级", 2020],
            ["彭伟", "衡东县农机站站长", "", "衡阳市五一劳动奖章", "", 2018],  # written together
        ],
    )
    plan = plan_import(registry, path)
    first, second, third = plan.rows
    assert first.action == ADD and second.action == MERGE and third.action == MERGE
    assert second.match.row == first.row and "row 2" in second.reason("en")
    assert third.same_as_row == first.row
    assert plan.counts()[ADD] == 1
    plan.apply(registry)
    (peng,) = registry.honourees(registry.all_ids())
    assert [(h.title, h.level, h.year) for h in peng.honours] == [
        ("湖南省劳动模范", "provincial", 2015),
        ("全国劳动模范", "national", 2020),
        ("衡阳市五一劳动奖章", "municipal", 2018),
    ]

    again = plan_import(Registry.memory(), path)
    again.set_all_duplicates(ADD)
    assert again.counts()[ADD] == 3


def test_a_row_merged_with_a_skipped_row_becomes_a_record_of_its_own(registry, tmp_path):
    path = make_xlsx(
        tmp_path / "s.xlsx",
        [
            ["姓名", "工作单位", "荣誉称号"],
            ["甲", "厂", "劳模"],
            ["甲", "厂", "先进工作者"],
            ["甲", "厂", "五一劳动奖章"],
        ],
    )
    plan = plan_import(registry, path)
    plan.set_choice(3, SKIP)  # the second row; the third resembles the first
    assert [r.action for r in plan.rows] == [ADD, SKIP, MERGE]
    assert plan.counts()[ADD] == 1


def test_every_error_of_a_row_is_listed_and_future_years_are_questioned(registry, tmp_path):
    next_year = date.today().year + 5
    path = make_xlsx(
        tmp_path / "s.xlsx",
        [
            ["姓名", "性别", "出生日期", "状态", "荣誉称号", "级别", "年份", "捐赠"],
            [
                "邓小燕",
                "未知",
                "1988-13-01",
                "在逃",
                "衡阳市劳动模范、全国劳动模范",
                "市级、某级",
                "2019、20x1",
                "-5万",
            ],
            ["何志刚", "男", "", "", "湖南省五一劳动奖章", "", next_year, ""],
            ["负数", "", "", "", "", "", "", "-5万"],
        ],
    )
    plan = plan_import(registry, path)
    bad, future, negative = plan.rows
    assert bad.action == ERROR
    texts = [error.en for error in bad.errors]
    assert len(texts) == 6, texts
    for expected in (
        "gender “未知”",
        "birth date “1988-13-01”",
        "status “在逃”",
        "level “某级”",
        "year “20x1”",
        "negative amounts are not allowed: “-5万”",
    ):
        assert any(expected in t for t in texts), expected
    assert all(part in bad.reason("en") for part in texts)  # the reason names every one
    assert "金额不能为负数" in bad.reason("zh") and "无法识别" not in bad.errors[-1].zh
    assert future.action == ADD and future.warnings
    assert f"{next_year}" in future.reason("en") and "in the future" in future.reason("en")
    assert f"年份 {next_year} 在将来" in future.reason("zh")
    assert negative.action == ERROR and [(e.en, e.zh) for e in negative.errors] == [
        ("donations: negative amounts are not allowed: “-5万”", "捐赠：金额不能为负数：“-5万”")
    ]
    outcome = plan.apply(registry, skip_errors=True)
    assert len(outcome.added) == 1  # a warning does not stop the row


def test_a_county_sheet_of_people_already_on_the_roll_adds_no_one(registry, tmp_path):
    """Issue 13's county: 93 people on the roll (unit and post in one column there), sent again in a GBK
    sheet with unit and post apart, some units written longer or with the company form left off.
    Matching name and unit exactly found 23 of them and added the other 70 as new records."""
    import csv

    surnames, given = (
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗",
        "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华兰",
    )
    units = [
        "衡阳市中心医院",
        "衡阳县人民医院",
        "湘潭钢铁有限公司",
        "耒阳市供电公司",
        "衡南县疾控中心",
        "祁东县中医院",
    ]
    posts = ["院长", "护士长", "高级技师", "班长", "主任", "副院长"]
    rows = [["序号", "姓名", "工作单位", "职务", "荣誉称号", "年份"]]
    for n in range(93):
        name = surnames[n % 20] + given[n // 20 * 5 % len(given)] + given[n % 25 % len(given)]
        unit, post = units[n % 6], posts[n // 6 % 6]
        exact = n < 23
        registry.add(
            Honouree(
                name=name,
                unit=unit if exact else unit + post,
                position=post if exact else "",
                honours=[Honour("衡阳市劳动模范", "municipal", 2015)],
            )
        )
        written = unit if n % 3 else ("湖南省" + unit if n % 2 else unit.replace("有限公司", ""))
        rows.append([n + 1, name, unit if exact else written, post, "湖南省劳动模范", 2020])
    path = tmp_path / "县总工会名单.csv"
    with path.open("w", encoding="gbk", newline="") as handle:
        csv.writer(handle).writerows(rows)
    plan = plan_import(registry, path)
    assert plan.counts()[ADD] == 0 and plan.counts()[UPDATE] == 93
    assert len(plan.duplicates) == 70 and plan.duplicate_counts()[MERGE] == 70
    plan.apply(registry)
    assert registry.count() == 93
    assert all(len(h.honours) == 2 for h in registry.honourees(registry.all_ids()))
    assert find_duplicates(registry) == []
