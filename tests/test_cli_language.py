"""The command line speaks the user's language, all of it: help, usage, argparse's own words and
every error; and it exits 0 only when the command did what was asked."""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from honours.cli import build_parser, main
from honours.cli.i18n import install

CJK = re.compile(r"[\u4e00-\u9fff]")
# argparse's and json's English words (command names such as `show` are not among them)
ENGLISH_WORDS = re.compile(
    r"\b(usage|error|argument|arguments|required|invalid|options|positional|message|"
    r"exit|expected|unrecognized|choose|Expecting|delimiter|column)\b"
)


def run(
    db: Path, *args: str, env_lang: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess:
    """`python -m honours` as a user runs it, with only the locale variables given."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("HONOURS_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
    }
    env.update(env_lang, HONOURS_DB=str(db), PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    return subprocess.run(
        [sys.executable, "-m", "honours", *args],
        input=stdin,
        capture_output=True,
        env=env,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


ZH_LOCALE = {"LANG": "zh_CN.UTF-8"}
EN_LOCALE = {"LANG": "en_US.UTF-8"}


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    install("en")


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "cli.sqlite"


def parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield from parsers(child)


def actions(parser: argparse.ArgumentParser):
    """Its arguments, and the lines its subcommands are listed with."""
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            yield from action._choices_actions


def test_help_under_a_chinese_locale_is_chinese(db):
    done = run(db, "--help", env_lang=ZH_LOCALE)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("用法：honours [-h] [--db 文件] 命令 ...")
    for words in (
        "劳模荣誉库：在命令行中使用荣誉库。",
        "位置参数：",
        "选项：",
        "-h, --help   显示此帮助信息并退出",
        "search     用搜索框的查询语言搜索名单",
    ):
        assert words in out, words
    assert not ENGLISH_WORDS.search(out), ENGLISH_WORDS.search(out)
    for line in out.splitlines():  # every command's line says what it does in Chinese
        if re.match(r"^    [a-z]+ {2,}", line):
            assert CJK.search(line), line
    # the help of a command too, its placeholders included
    shown = run(db, "show", "--help", env_lang=ZH_LOCALE).stdout
    assert shown.startswith("用法：honours show [-h] [--json] [--reveal-id] 编号") and "荣誉人物编号" in shown
    assert not ENGLISH_WORDS.search(shown)


def test_help_under_any_other_locale_is_english(db):
    for locale in (EN_LOCALE, {"LANG": "C"}, {"LANG": "de_DE.UTF-8"}):
        done = run(db, "--help", env_lang=locale)
        assert done.returncode == 0
        assert done.stdout.startswith("usage: honours [-h] [--db FILE] COMMAND ...")
        assert "show this help message and exit" in done.stdout and not CJK.search(
            done.stdout.replace("劳模荣誉库", "")
            .replace("荣誉证书摘要", "")
            .replace("慰问金发放签领表", "")
            .replace("名册", "")
            .replace("姓名", "")
            .replace("照片", "")
            .replace("衡阳市总工会", "")
            .replace("荣誉人物名册", "")
            .replace("五一", "")
        )


def test_every_help_text_and_placeholder_has_its_chinese():
    install("zh")
    parser = build_parser()
    seen = 0
    for each in parsers(parser):
        assert each.description is None or CJK.search(each.description), each.prog
        for action in actions(each):
            if action.help and action.help is not argparse.SUPPRESS:
                assert CJK.search(action.help), (each.prog, action.help)
                seen += 1
            listed = isinstance(
                action, argparse._SubParsersAction._ChoicesPseudoAction
            )  # its name: a command
            metavar = action.metavar if isinstance(action.metavar, str) and not listed else None
            if metavar and metavar.isalpha():  # a placeholder word (not A4|Letter or YYYY-MM-DD)
                assert CJK.search(metavar) or metavar == "X", (each.prog, metavar)
    assert seen > 60
    # a catalogue entry no source uses any more: tests/test_i18n_catalogue.py


@pytest.mark.parametrize(
    ("args", "chinese", "english"),
    [
        (
            ["show"],
            "honours show：错误：缺少必需的参数：编号",
            "honours show: error: the following arguments are required: id",
        ),
        (["show", "2", "--jsn"], "无法识别的参数：--jsn", "unrecognized arguments: --jsn"),
        (["frobnicate"], "取值 'frobnicate' 无效（可选：'init'", "invalid choice: 'frobnicate'"),
        (
            ["search", "x", "--limit", "lots"],
            "参数 --limit：“lots”不是整数",
            "argument --limit: not a whole number: 'lots'",
        ),
        (
            ["trash", "--restore", "1", "--empty"],
            "参数 --empty：不能与参数 --restore 同时使用",
            "argument --empty: not allowed with argument --restore",
        ),
        (
            ["roll", "--pdf", "x.pdf", "--group-by", "colour"],
            "取值 'colour' 无效（可选：'level', 'unit'）",
            "argument --group-by: invalid choice: 'colour'",
        ),
        (["show", "--json", "--json", "2", "3"], "无法识别的参数：3", "unrecognized arguments: 3"),
    ],
)
def test_usage_errors_in_one_language_exit_2(db, monkeypatch, capsys, args, chinese, english):
    for lang, words in (("zh", chinese), ("en", english)):
        monkeypatch.setenv("HONOURS_LANG", lang)
        with pytest.raises(SystemExit) as exited:
            main(["--db", str(db), *args])
        assert exited.value.code == 2
        err = capsys.readouterr().err
        assert words in err, err
        if lang == "zh":
            assert err.startswith("用法：honours")
            assert not ENGLISH_WORDS.search(err), err


def test_a_query_that_cannot_be_read_exits_1_and_says_why(db, tmp_path):
    done = run(db, "search", "year:abc", env_lang=ZH_LOCALE)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "无法理解“年份:abc”；请写年份" in done.stderr and "未进行搜索" in done.stderr
    assert not ENGLISH_WORDS.search(done.stderr)
    done = run(db, "search", "宋", "level:宇宙级", env_lang=EN_LOCALE)
    assert done.returncode == 1 and "Could not understand level:'宇宙级'" in done.stderr
    assert "national, provincial, municipal, county or other" in done.stderr
    out = tmp_path / "out.xlsx"
    done = run(db, "export", str(out), "--query", "status:失踪", env_lang=ZH_LOCALE)
    assert done.returncode == 1 and not out.exists() and "无法理解“状态:失踪”" in done.stderr
    assert run(db, "search", "level:国家级,省级", env_lang=ZH_LOCALE).returncode == 0


def test_a_roll_of_a_query_that_cannot_be_read_exits_1_and_writes_nothing(db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HONOURS_LANG", "zh")
    pdf = tmp_path / "名册.pdf"
    assert main(["--db", str(db), "roll", "--pdf", str(pdf), "--query", "year:19xx"]) == 1
    assert not pdf.exists() and "无法理解“年份:19xx”" in capsys.readouterr().err


def test_bad_json_input_reads_as_chinese_with_line_and_column(db):
    cases = {
        "{not json": "记录无效：不是有效的 JSON（第 1 行第 2 列：此处应有用双引号括起的字段名）",
        "": "记录无效：不是有效的 JSON（第 1 行第 1 列：此处应有一个值）",
        '{"name": "张三",\n "unit": }': "记录无效：不是有效的 JSON（第 2 行第 10 列：此处应有一个值）",
        '[{"name": "张三"}] x': "记录无效：不是有效的 JSON（第 1 行第 18 列：一个 JSON 值之后还有多余的内容）",
        '{"unit": "x"}': "记录无效：姓名不能为空",
        '[{"name": "a"}, {"name": "b", "status": "失踪"}]': "记录无效：第 2 条记录：状态“失踪”无法识别（应为在职、退休或已故）",
        '{"name": "a", "honours": [{"title": "t", "year": 1700}]}': "荣誉年份“1700”无法识别（应如 2020，1800–2100 年）",
    }
    for text, words in cases.items():
        done = run(db, "add", env_lang=ZH_LOCALE, stdin=text)
        assert done.returncode == 1, text
        assert words in done.stderr, (text, done.stderr)
        assert not ENGLISH_WORDS.search(done.stderr) and "is required" not in done.stderr, done.stderr
    english = run(db, "add", env_lang=EN_LOCALE, stdin="{not json")
    assert (
        "not valid JSON (line 1, column 2: Expecting property name enclosed in double quotes)"
        in english.stderr
    )


def test_a_file_that_cannot_be_read_is_named_in_chinese(db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HONOURS_LANG", "zh")
    main(["--db", str(db), "init"])
    capsys.readouterr()
    assert main(["--db", str(db), "edit", "1", "--json", str(tmp_path / "无此文件.json")]) == 1
    assert f"无法读取 {tmp_path / '无此文件.json'}：文件或文件夹不存在。" in capsys.readouterr().err
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    assert main(["--db", str(db), "export", str(blocked / "out.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "无法写入" in err and "Not a directory" not in err and "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["show", "999"],
        ["delete", "999"],
        ["history", "999"],
        ["revert", "999"],
        ["trash", "--restore", "999"],
        ["photo", "remove", "999"],
        ["photo", "list", "999"],
        ["certificate", "999", "--pdf", "x.pdf"],
        ["search", "year:abc"],
        ["export", "x.csv", "-q", "donation>=很多"],
        ["import", "{tmp}/none.xlsx"],
        ["restore", "{tmp}/none.sqlite"],
        ["intake", "{tmp}/none.txt"],
        ["edit", "1"],
    ],
)
def test_every_failing_command_exits_non_zero(db, tmp_path, monkeypatch, capsys, args):
    monkeypatch.setenv("HONOURS_LANG", "zh")
    monkeypatch.chdir(tmp_path)
    main(["--db", str(db), "init"])
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))  # `edit 1` with nothing on stdin
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    try:
        code = main(["--db", str(db), *args])
    except SystemExit as exited:
        code = exited.code
    assert code in (1, 2), (args, code)
    err = capsys.readouterr().err
    assert err.strip() and CJK.search(err) and "Traceback" not in err, err
