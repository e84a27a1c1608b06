"""The core's, the CLI's and printing's one catalogue (honours/core/i18n.py) against the source.

Every msgid the source marks is in the .po with its Chinese and the .po holds nothing the
source no longer uses; placeholders agree; where the GUI's .ts says the same English, the
Chinese is the same; and a Chinese string literal (an inline (en, zh) pair) cannot be added to
honours/core, cli or printing outside the declared data modules listed here.
"""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from honours.core.i18n import (
    LOCALE_DIR,
    Foreign,
    Joined,
    Text,
    Verbatim,
    ptext,
    translate,
)

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "honours"
PO = LOCALE_DIR / "zh_CN" / "LC_MESSAGES" / "honours.po"
MO = PO.with_suffix(".mo")
TS = PACKAGE / "gui" / "i18n" / "honours_zh_CN.ts"
SCANNED = ("core", "cli", "printing")

# marker → (index of the context argument or None, index of the msgid) — as `make catalogue`'s -k
MARKERS = {
    "Text": (None, 0),
    "ptext": (0, 1),
    "_": (None, 0),
    "N_": (None, 0),
    "NP_": (0, 1),
    "command": (None, 1),  # the CLI's @command(name, help)
}

# Modules whose Chinese literals are declared data, not messages, each with why.
DATA_MODULES = {
    "app.py": "the product's name in the app's --help (劳模荣誉库)",
    "core/i18n.py": "each written language's separators (、，；)",
    "cli/i18n.py": "the full-width colon after a Chinese --help heading",
    "core/fields.py": "the field spec: each field's Chinese label and sheet aliases",
    "core/vocabulary.py": "the levels, statuses, categories and genders with their Chinese words and aliases",
    "core/query.py": "the query language's Chinese qualifiers (姓名: 级别: …)",
    "core/dates.py": "the date forms a sheet or a clerk writes (年 月 日)",
    "core/amounts.py": "amounts, numerals and units as written in Chinese (万元, 只, 套 …)",
    "core/capital_numerals.py": "financial capital numerals (壹贰叁 …)",
    "core/places.py": "the place names of the regions",
    "core/titles.py": "honour titles and the words that give their level",
    "core/sqlite/schema.py": "a migration's description quotes a name (贺 彪)",
    "core/intake/bylines.py": "intake patterns: a news report's bylines",
    "core/intake/donations.py": "intake patterns: donations as reports word them",
    "core/intake/lexicon.py": "intake patterns: the report's vocabulary (surnames, posts, places)",
    "core/intake/merging.py": "merging a report into a record: the punctuation and 称号 it compares loosely, and the"
    " note 另见报道《…》 written into the record's notes",
    "core/intake/mentions.py": "intake patterns: how a report mentions people",
    "core/intake/mention_base.py": "intake patterns: the words several of the mention readers share",
    "core/intake/mention_titles.py": "intake patterns: people a title chain, a post or a bracket announces",
    "core/intake/mention_lists.py": "intake patterns: lists of people in a report",
    "core/intake/mention_edges.py": "intake patterns: where a name in a report ends or starts",
    "core/intake/mention_clauses.py": "intake patterns: people a clause's shape names (award objects, subjects)",
    "core/intake/roles.py": "intake patterns: the roles a sentence gives the people it names",
    "core/intake/units.py": "intake patterns: units and posts before a name",
    "core/intake/names.py": "intake patterns: names in a report",
    "core/intake/parser.py": "intake patterns: the report parser",
    "core/intake/second_look.py": "intake patterns: the words around a name the learned second look weighs",
    "core/intake/report_honours.py": "intake patterns: the words that tie a person to a title said elsewhere",
    "core/intake/shared_facts.py": "intake patterns: what a report says once for many people (a group's title)",
    "core/intake/honour_years.py": "intake patterns: the year of an honour as a report writes it",
    "core/intake/proposing.py": "intake patterns: who is no honouree (leaders, guests, the needy), the Chinese"
    " notes written into a proposal",
    "core/intake/text.py": "intake patterns: Chinese punctuation and spacing",
    "core/intake/titles.py": "intake patterns: honour titles in a report",
    "core/intake/unclaimed.py": "intake patterns: the words that give a title to the name the tagger sees",
    "core/export.py": "the export sheet's Chinese headings and cell forms (编号, （追授）, 、-lists)",
    "core/duplicates.py": "comparing names and units: company forms (有限公司, 集团), institution endings (院 局 厂 …),"
    " full-width dots and brackets",
    "core/record_merge.py": "loose comparison: the full-width punctuation and the words 荣誉称号/称号 it drops",
    "core/spreadsheet.py": "reading a sheet: header and totals words (序号, 合计, 填表人), list separators, 追授/年度"
    " forms, 万元 columns, the care cell's labels (经办：, 备注：)",
    "core/names.py": "names as written: the ethnic groups and their short forms, brackets and separators, and the"
    " remark prefix (姓名括注：) written into a record's notes",
    "core/statistics.py": "the statistics' declared dimensions, subjects and age bands with their Chinese labels"
    " (年龄, 个人, 30岁以下 …), as fields.py declares the fields'",
    "core/template.py": "the import template's Chinese sheet: its example row and drop-down hints",
    "printing/texts.py": "the Chinese calendar and age forms of a document (年 月 日 岁)",
    "printing/content.py": "the Chinese date form of a document (年 月 日)",
    "printing/certificate.py": "the default organisation printed in a certificate's header",
    "printing/document.py": "the product's name in a PDF's metadata",
    "printing/sign_sheet.py": "the sign sheet is a Chinese document whatever the language (no language option):"
    " its printed headings 序号/姓名/签领, totals, page numbers and signature lines",
}

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


def sources() -> list[Path]:
    return sorted(p for part in SCANNED for p in (PACKAGE / part).rglob("*.py"))


def marked_msgids() -> set[tuple[str | None, str]]:
    """(context, msgid) of every marker call with literal arguments, as `make catalogue` finds them."""
    found = set()
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            spec = MARKERS.get(node.func.id)
            if spec is None:
                continue
            ctx_at, id_at = spec
            args = node.args
            if len(args) <= id_at or not isinstance(args[id_at], ast.Constant):
                continue
            context = args[ctx_at].value if ctx_at is not None else None
            found.add((context, args[id_at].value))
    return found


def catalogue() -> dict[tuple[str | None, str], str]:
    with PO.open("rb") as fh:
        return {(m.context, m.id): m.string for m in read_po(fh) if m.id}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_marked_message_has_its_chinese_and_nothing_else_is_catalogued():
    source, po = marked_msgids(), catalogue()
    assert len(source) > 150
    assert sorted(source - set(po), key=str) == [], "run `make catalogue` and write the Chinese"
    assert sorted(set(po) - source, key=str) == [], "entries no source uses: run `make catalogue`"
    assert [key for key, zh in po.items() if not zh.strip() or zh == "TODO"] == []


def test_no_entry_is_fuzzy():
    with PO.open("rb") as fh:
        assert [m.id for m in read_po(fh) if m.id and m.fuzzy] == []


def test_placeholders_of_each_translation_match_its_english():
    for (context, msgid), zh in catalogue().items():
        if "%" in msgid:  # argparse's own %-style words
            assert sorted(re.findall(r"%\(?\w*\)?[srd]", msgid)) == sorted(re.findall(r"%\(?\w*\)?[srd]", zh))
        else:
            assert fields(msgid) == fields(zh), (context, msgid, zh)


def test_the_compiled_catalogue_is_the_po():
    """`make translations` rebuilds the .mo from the .po; a stale .mo would show old words."""
    with MO.open("rb") as fh:
        compiled = {(m.context, m.id): m.string for m in read_mo(fh) if m.id}
    assert compiled == catalogue()


def ts_words() -> dict[str, set[str]]:
    words: dict[str, set[str]] = {}
    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source"), message.find("translation")
        if source and translation is not None and translation.text and translation.get("type") != "obsolete":
            words.setdefault(source, set()).add(translation.text)
    return words


def test_the_same_english_has_the_same_chinese_as_the_gui():
    gui = ts_words()
    differ = {}
    for (context, msgid), zh in catalogue().items():
        if context is None and msgid in gui and zh not in gui[msgid]:
            differ[msgid] = (zh, sorted(gui[msgid]))
    assert differ == {}


def cjk_literals(path: Path) -> list[tuple[int, str]]:
    """Chinese string literals but docstrings and msgids (an English msgid may quote a Chinese word)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    msgids = {
        id(arg)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS
        for arg in node.args
    }
    docstrings = msgids | {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and CJK.search(node.value)
    ]


def test_no_chinese_string_literal_outside_the_declared_data_modules():
    allowed = set(DATA_MODULES)
    offenders = {}
    for path in sources():
        name = path.relative_to(PACKAGE).as_posix()
        if name not in allowed and (found := cjk_literals(path)):
            offenders[name] = found[:3]
    assert offenders == {}, "write the English in a Text and its Chinese in the .po (core/i18n.py)"


def test_the_lists_of_exempt_modules_name_modules_that_need_it():
    """A module that no longer needs it (or is gone) leaves the list, so it cannot hide a new pair."""
    for name in DATA_MODULES:
        path = PACKAGE / name
        assert path.exists() and cjk_literals(path), name


def test_the_scan_sees_a_pair_written_inline(tmp_path):
    pair = tmp_path / "m.py"
    pair.write_text('"""Doc 中文 is fine."""\nraise E("No such file.", "文件不存在。")\n', encoding="utf-8")
    assert cjk_literals(pair) == [(2, "文件不存在。")]


def test_a_text_renders_in_either_language_with_its_arguments():
    text = Text("No {what} with ID {ident}.", what=Foreign("honouree", Text("honouree")), ident=7)
    assert (text.en, text.zh, str(text)) == ("No honouree with ID 7.", "找不到编号为 7 的荣誉人物。", text.en)
    assert text.render("zh") == text.zh and text.render("en") == text.en
    assert ptext("a collective", "Name").zh == "名称" and Text("Name").zh == "姓名"
    assert Joined([Text("Permission denied"), Verbatim("x.db")], "items").zh == "没有权限；x.db"
    assert translate("Permission denied", "de") == "Permission denied"


def test_a_missing_placeholder_argument_is_an_error_not_a_silent_gap():
    with pytest.raises(KeyError):
        Text("No {what} with ID {ident}.", ident=1).render("en")


def test_the_catalogue_is_refreshed_by_make_catalogue_with_nothing_to_change(tmp_path):
    """The Makefile's extraction finds exactly what this test's scan finds (one rule, one list)."""
    pot = tmp_path / "honours.pot"
    keywords = [
        a
        for m, (c, i) in MARKERS.items()
        for a in ("-k", f"{m}:{i + 1}" if c is None else f"{m}:{c + 1}c,{i + 1}")
    ]
    subprocess.run(
        [str(Path(sys.executable).with_name("pybabel")), "-q", "extract", "--no-default-keywords", *keywords]
        + ["--no-location", "-o", str(pot), *(str(PACKAGE / p) for p in SCANNED)],
        check=True,
        cwd=ROOT,
    )
    with pot.open("rb") as fh:
        extracted = {(m.context, m.id) for m in read_po(fh) if m.id}
    assert extracted == marked_msgids()
