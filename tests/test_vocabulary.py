"""One vocabulary (honours/core/vocabulary.py) and one date reader (honours/core/dates.py),
read alike by every door: a sheet, the query language, JSON, the edit dialog; and shown
alike by every view: screen, export, print and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from honours.core import Registry
from honours.core.dates import FIRST_YEAR, LAST_YEAR, parse_date
from honours.core.errors import InvalidRecordError
from honours.core.export import COLUMNS, export
from honours.core.query import parse
from honours.core.records import CATEGORIES as CATEGORY_KEYS
from honours.core.records import Honour, Honouree, Level, RecordValueError, Status
from honours.core.spreadsheet import iter_records, read_table
from honours.core.vocabulary import CATEGORIES, GENDERS, LEVELS, STATUSES, VOCABULARIES, Vocabulary

HEADER = ["姓名", "性别", "类别", "状态", "荣誉称号", "级别", "年份", "出生日期"]


def every_word(vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """(word, key) for every word of every value: key, both labels, every alias, and the
    labels as people type them (upper case, fullwidth Latin, spaces around)."""
    out = []
    for term in vocabulary:
        for word in term.words:
            out += [(word, term.key), (f" {word} ", term.key)]
            if word.isascii():
                out += [
                    (word.upper(), term.key),
                    ("".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in word), term.key),
                ]
    return out


def sheet(tmp_path: Path, rows: list[list]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADER)
    for row in rows:
        workbook.active.append(row)
    path = tmp_path / "名单.xlsx"
    workbook.save(path)
    return path


def read_sheet(path: Path) -> list:
    return [result for _, result in iter_records(read_table(path))]


# -- declared once ----------------------------------------------------------------------------


def test_each_value_has_a_key_two_labels_and_no_word_means_two_values():
    for vocabulary in VOCABULARIES.values():
        assert len(set(vocabulary.keys)) == len(vocabulary)
        for term in vocabulary:
            assert term.key and term.en and term.zh
            assert vocabulary.lookup(term.zh) == vocabulary.lookup(term.en) == term.key
    with pytest.raises(ValueError, match="means both"):
        Vocabulary(
            "x", "x", "x", (LEVELS.term("county"), LEVELS.term("national").__class__("n", "N", "区级"))
        )


def test_the_records_enums_and_lists_are_the_vocabulary():
    assert [lv.value for lv in Level] == list(LEVELS.keys)
    assert [s.value for s in Status] == list(STATUSES.keys)
    assert list(CATEGORIES.keys) == CATEGORY_KEYS
    assert [Level(k).rank for k in LEVELS.keys] == list(range(len(LEVELS)))
    assert (
        Honouree("x", honours=[Honour("a", "county"), Honour("b", "provincial")]).highest_level
        == "provincial"
    )


# -- every word is read alike by the sheet, the query, JSON and the dialog ------------------------


@pytest.mark.parametrize("name", ["level", "status", "category", "gender"])
def test_every_word_of_a_sheet_is_read_as_its_value(tmp_path, name):
    words = every_word(VOCABULARIES[name])
    rows = []
    for word, _ in words:
        row = {
            "level": ["张三", "", "", "", "劳动模范", word, "", ""],
            "status": ["张三", "", "", word, "", "", "", ""],
            "category": ["张三", "", word, "", "", "", "", ""],
            "gender": ["张三", word, "", "", "", "", "", ""],
        }[name]
        rows.append(row)
    read = read_sheet(sheet(tmp_path, rows))
    for (word, key), result in zip(words, read, strict=True):
        assert isinstance(result.record, Honouree), (word, result)
        got = {
            "level": lambda r: r.honours[0].level,
            "status": lambda r: r.status,
            "category": lambda r: r.category,
            "gender": lambda r: r.gender,
        }[name](result.record)
        assert got == key, word


@pytest.mark.parametrize("name", ["level", "status", "category"])
def test_every_word_in_the_query_language_finds_the_same_honourees(roll, name):
    qualifier = {"level": "级别", "status": "状态", "category": "类别"}[name]
    for word, key in every_word(VOCABULARIES[name]):
        word = word.strip()
        expected = roll.search(f'{name}:"{key}"').all_ids()
        for query in (f'{name}:"{word}"', f'{qualifier}:"{word}"'):
            parsed = parse(query)
            assert not parsed.errors, query
            assert roll.search(query).all_ids() == expected, query


def test_a_word_of_no_vocabulary_is_an_error_naming_the_choices():
    parsed = parse("level:宇宙级")
    assert parsed.errors and "国家级、省级、市级、县级或其他" in parsed.errors[0].zh
    assert "national, provincial, municipal, county or other" in parsed.errors[0].en
    assert parse("status:失踪").errors
    assert not parse("category:环卫工人").errors  # categories are free text


@pytest.mark.parametrize("name", ["level", "status", "category", "gender"])
def test_every_word_in_json_is_stored_as_its_value(name):
    for word, key in every_word(VOCABULARIES[name]):
        data = {"name": "张三"}
        if name == "level":
            data["honours"] = [{"title": "劳动模范", "level": word}]
        else:
            data[name] = word
        record = Honouree.from_dict(data)
        got = record.honours[0].level if name == "level" else getattr(record, name)
        assert got == key, word


def test_json_that_names_no_value_is_refused_in_both_languages():
    with pytest.raises(RecordValueError) as raised:
        Honouree.from_dict({"name": "张三", "status": "失踪"})
    assert "status must be one of active, retired or deceased" in str(raised.value)
    assert raised.value.zh == "状态“失踪”无法识别（应为在职、退休或已故）"
    with pytest.raises(RecordValueError) as raised:
        Honouree.from_dict({"name": "张三", "honours": [{"title": "x", "level": "宇宙级"}]})
    assert "应为国家级、省级、市级、县级或其他" in raised.value.zh


def test_the_dialog_offers_the_vocabulary_and_reads_every_category_word(qtbot, registry):
    from honours.gui.honouree_form import HonoureeForm, set_combo_value
    from honours.gui.labels import category_label, level_label
    from honours.gui.list_models import HonoursModel

    form = HonoureeForm(registry)
    qtbot.addWidget(form)
    offered = {
        form.status_combo.itemData(i): form.status_combo.itemText(i) for i in range(form.status_combo.count())
    }
    assert offered == {t.key: t.en for t in STATUSES}
    offered = [form.category_combo.itemData(i) for i in range(form.category_combo.count())]
    assert offered == list(CATEGORIES.keys)
    offered = [form.gender_combo.itemData(i) for i in range(form.gender_combo.count())]
    assert offered == ["", *GENDERS.keys]
    for word, key in every_word(CATEGORIES):
        set_combo_value(form.category_combo, word.strip())
        form.category_combo.setEditText(word)
        assert form.values()["category"] == key, word
    form.category_combo.setEditText("环卫工人")  # a category of its own is kept as typed
    assert form.values()["category"] == "环卫工人"
    model = HonoursModel()
    level_column = next(c for c in model.columns if c.key == "level")
    assert level_column.choices() == [(t.key, t.en) for t in LEVELS]
    assert level_label("county") == "County" and category_label("donor") == "Donors"


# -- one label everywhere ------------------------------------------------------------------------


def test_screen_export_print_and_cli_say_the_same_words(qapp, tmp_path, monkeypatch):
    from honours.cli.output import describe
    from honours.gui import i18n
    from honours.gui.labels import category_label, level_label, status_label
    from honours.printing.texts import level_name, status_text

    registry = Registry.open(tmp_path / "r.sqlite")
    people = [
        Honouree(name=f"人{n}", category=c, status=s, honours=[Honour("劳动模范", lv)])
        for n, (c, s, lv) in enumerate(
            zip(CATEGORIES.keys * 3, STATUSES.keys * 5, LEVELS.keys * 3, strict=False)
        )
    ]
    registry.add_many(people)
    out = export(registry, registry.all_ids(), tmp_path / "导出.xlsx").path
    sheet_rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    headers = list(sheet_rows[0])
    monkeypatch.setenv("HONOURS_LANG", "zh")
    i18n.install_translations("zh")
    try:
        for row in sheet_rows[1:]:
            h = registry.honouree(row[0])
            cells = dict(zip(headers, row, strict=False))
            assert cells["类别"] == category_label(h.category) == CATEGORIES.term(h.category).zh
            assert (
                cells["状态"] == status_label(h.status) == status_text(h.status) == STATUSES.term(h.status).zh
            )
            level = h.honours[0].level
            assert cells["级别"] == level_label(level) == level_name(level) == LEVELS.term(level).zh
            shown = describe(h)
            assert f"类别：{cells['类别']}" in shown and f"状态：{cells['状态']}" in shown
            assert f"（{cells['级别']}）" in shown
    finally:
        i18n.install_translations("en")
    # and the sheet reads back as it was written
    again = read_sheet(out)
    assert {
        r.record.name: (r.record.category, r.record.status, r.record.honours[0].level) for r in again
    } == {p.name: (p.category, p.status, p.honours[0].level) for p in people}
    assert [c.header for c in COLUMNS if c.header in ("类别", "状态", "级别")] == ["类别", "状态", "级别"]
    registry.close()


# -- one date reader, one range -------------------------------------------------------------------

DATES = [
    ("2020-2-5", "2020-02-05"),
    ("2020.2.5", "2020-02-05"),
    ("2020/02/05", "2020-02-05"),
    ("2020年2月5日", "2020-02-05"),
    ("2020年2月", "2020-02"),
    ("２０２０年２月", "2020-02"),
    ("２０２０", "2020"),
    ("1850", "1850"),
    ("1850年3月", "1850-03"),
    (f"{LAST_YEAR}", f"{LAST_YEAR}"),
]
BAD_DATES = [f"{FIRST_YEAR - 1}", f"{LAST_YEAR + 1}", "2020-13", "2020-02-30", "去年", "20"]


def test_sheet_json_dialog_and_query_read_the_same_dates(qapp, tmp_path, roll):
    from honours.gui.entry_values import EntryError, read_date, read_year

    path = sheet(
        tmp_path,
        [["张三", "", "", "", "", "", "", text] for text, _ in DATES + [(b, None) for b in BAD_DATES]],
    )
    read = read_sheet(path)
    for (text, iso), result in zip(DATES, read[: len(DATES)], strict=True):
        assert parse_date(text).text == iso
        assert result.record.birth_date == iso, text
        assert Honouree.from_dict({"name": "张三", "birth_date": text}).birth_date == iso
        assert read_date(text) == iso
    for text, result in zip(BAD_DATES, read[len(DATES) :], strict=True):
        assert parse_date(text) is None
        assert not hasattr(result, "record"), text  # the sheet names the row's error
        with pytest.raises(EntryError):
            read_date(text)
        with pytest.raises(RecordValueError):
            Honouree.from_dict({"name": "张三", "birth_date": text})
    for year in ("1850", "１８５０", "1850年", str(FIRST_YEAR), str(LAST_YEAR)):
        assert read_year(year) == int(
            year.replace("年", "").translate({0xFF10 + i: 48 + i for i in range(10)})
        )
        assert not parse(f"year:{year}").errors, year
        assert Honouree.from_dict({"name": "x", "honours": [{"title": "t", "year": year}]}).honours[0].year
    for year in (str(FIRST_YEAR - 1), str(LAST_YEAR + 1), "abc"):
        with pytest.raises(EntryError):
            read_year(year)
        assert parse(f"year:{year}").errors, year
        with pytest.raises(RecordValueError):
            Honouree.from_dict({"name": "x", "honours": [{"title": "t", "year": year}]})
    honours_sheet = sheet(
        tmp_path,
        [
            ["张三", "", "", "", "劳动模范", "", "1850", ""],
            ["李四", "", "", "", "劳动模范", "", "２０２０年", ""],
        ],
    )
    assert [r.record.honours[0].year for r in read_sheet(honours_sheet)] == [1850, 2020]


def test_bad_json_from_the_command_line_is_refused_in_one_language(tmp_path, monkeypatch, capsys):
    from honours.cli import main

    db = tmp_path / "cli.sqlite"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"name": "张三", "birth_date": "去年"}), encoding="utf-8")
    monkeypatch.setenv("HONOURS_LANG", "zh")
    assert main(["--db", str(db), "add", "--json", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "记录无效：出生日期“去年”无法识别" in err and "is not" not in err
    registry = Registry.open(db)
    added = registry.add(Honouree(name="李四"))
    with pytest.raises(InvalidRecordError) as raised:
        registry.edit(added.id, {"status": "失踪"})
    assert raised.value.message("zh") == "记录无效：状态“失踪”无法识别（应为在职、退休或已故）"
    registry.close()
