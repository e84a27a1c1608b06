"""The `honours` command line, run as a user runs it (a real subprocess for the key paths)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from honours.cli import COMMANDS, build_parser, main


def run(db: Path, *args: str, stdin: str | None = None, lang: str = "en") -> subprocess.CompletedProcess:
    env = {**os.environ, "HONOURS_DB": str(db), "HONOURS_LANG": lang, "PYTHONIOENCODING": "ascii"}
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


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "cli.sqlite"


def test_search_json_answers_a_clerks_questions(db):
    donors = json.loads(run(db, "search", "donation>0", "--json").stdout)
    amounts = {r["name"]: [d["amount_yuan"] for d in r["donations"] if d["amount_yuan"]] for r in donors}
    assert amounts == {"许仲秋": [500000], "罗芳初": [100000]}
    provincial = json.loads(run(db, "search", "level:provincial", "--json").stdout)
    assert {r["name"] for r in provincial} == {"柏太柱", "李小平", "许仲秋", "罗芳初"}
    dead = json.loads(run(db, "search", "status:deceased", "--json").stdout)
    assert [r["name"] for r in dead] == ["宋英杰"]
    assert dead[0]["honours"][0]["posthumous"] is True


def test_search_json_keys(db):
    record = json.loads(run(db, "search", "罗芳初", "--json").stdout)[0]
    for key in (
        "id",
        "name",
        "gender",
        "unit",
        "position",
        "region",
        "category",
        "status",
        "honours",
        "deeds",
        "donations",
        "photos",
        "source",
    ):
        assert key in record
    assert set(record["honours"][0]) >= {"title", "level", "year", "awarded_by", "posthumous"}
    assert set(record["donations"][0]) >= {
        "amount_yuan",
        "item",
        "quantity",
        "quantity_unit",
        "recipient",
        "date",
    }
    goods = next(d for d in record["donations"] if d["item"])
    assert (goods["item"], goods["quantity"], goods["quantity_unit"]) == ("口罩", 10000, "只")


def test_output_is_utf8_whatever_the_terminal(db):
    result = run(db, "list")  # PYTHONIOENCODING=ascii would fail without reconfiguring
    assert result.returncode == 0
    assert "宋英杰" in result.stdout


def test_add_edit_show_delete(db):
    added = run(db, "add", stdin=json.dumps([{"name": "张三", "unit": "测试单位"}, {"name": "李四"}]))
    assert added.returncode == 0, added.stderr
    first = int(added.stdout.split()[0])
    assert run(db, "edit", str(first), stdin='{"position": "主任"}').returncode == 0
    shown = json.loads(run(db, "show", str(first), "--json").stdout)
    assert shown["position"] == "主任" and shown["unit"] == "测试单位"
    assert run(db, "delete", str(first)).returncode == 0
    assert run(db, "show", str(first)).returncode == 1


def test_errors_exit_1_in_the_users_language(db):
    missing = run(db, "show", "999", lang="zh")
    assert missing.returncode == 1
    assert "找不到编号为 999" in missing.stderr and "Traceback" not in missing.stderr
    bad_json = run(db, "add", stdin="{not json")
    assert bad_json.returncode == 1 and "not valid JSON" in bad_json.stderr
    invalid = run(db, "add", stdin='{"name": "x", "honours": [{"title": "t", "level": "galactic"}]}')
    assert invalid.returncode == 1 and "level" in invalid.stderr


def test_show_reads_as_chinese_in_a_chinese_locale(db):
    """Stored English values (category, level) are translated, with Chinese punctuation."""
    shown = run(db, "show", "2", lang="zh")
    assert shown.returncode == 0, shown.stderr
    assert "  类别：医务工作者" in shown.stdout and "  状态：已故" in shown.stdout
    assert "衡阳市五一劳动奖章（市级，衡阳市总工会，追授）" in shown.stdout
    assert "medical" not in shown.stdout and ": " not in shown.stdout


def test_usage_errors_are_explained_in_chinese(db, tmp_path):
    """A clerk's usual slips (a missing file, a wrong ID, a forgotten argument) read in Chinese."""
    cases = {
        ("import", str(tmp_path / "名单.xlsx")): "找不到文件",
        ("show", "abc"): "“abc”不是编号",
        ("show",): "缺少必需的参数：编号",
        ("show", "2", "--jsn"): "无法识别的参数：--jsn",
        ("export", str(tmp_path / "out.doc")): "输出文件的扩展名须为",
    }
    for args, words in cases.items():
        done = run(db, *args, lang="zh")
        assert done.returncode == 2 and words in done.stderr, (args, done.stderr)
        assert (
            "argument" not in done.stderr and "required" not in done.stderr and "no such" not in done.stderr
        )


def test_usage_errors_exit_2(db):
    assert run(db, "show").returncode == 2
    assert run(db, "show", "abc").returncode == 2
    assert run(db, "frobnicate").returncode == 2
    assert run(db, "search", "x", "--limit", "0").returncode == 2


def test_init_empty_and_refuses_to_clobber(tmp_path):
    empty = tmp_path / "empty.sqlite"
    assert main(["--db", str(empty), "init", "--empty"]) == 0
    assert main(["--db", str(empty), "list", "--json"]) == 0
    seeded = tmp_path / "seeded.sqlite"
    assert main(["--db", str(seeded), "init"]) == 0
    assert main(["--db", str(seeded), "init"]) == 1


def test_init_empty_gives_a_blank_registry(tmp_path, capsys):
    empty = tmp_path / "empty.sqlite"
    main(["--db", str(empty), "init", "--empty"])
    capsys.readouterr()
    main(["--db", str(empty), "list", "--json"])
    assert json.loads(capsys.readouterr().out) == []


def test_search_limit(db, capsys):
    main(["--db", str(db), "search", "市", "--limit", "3", "--json"])
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_every_command_has_help():
    build_parser()
    assert COMMANDS
    for command in COMMANDS.values():
        assert command.help and len(command.help) > 10, command.name


def test_every_command_module_is_loaded():
    """The parser imports each command module by name (a typo fails loudly) and none is left out."""
    code = (
        "import sys\nfrom honours.cli import build_parser\nbuild_parser()\n"
        "print(' '.join(m for m in sys.modules if m.startswith('honours.cli.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    folder = Path(__file__).resolve().parents[1] / "honours" / "cli"
    modules = {f"honours.cli.{p.stem}" for p in folder.glob("*commands.py")}
    assert len(modules) >= 7 and modules <= set(done.stdout.split())


def test_a_missing_command_module_is_an_error_not_a_missing_command():
    """A command module left out (a typo in the imports, a package that did not collect it) stops
    the command line with an ImportError naming it; it is never dropped quietly from the commands."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'honours.cli.print_commands':\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from honours.cli import main\n"
        "sys.exit(main(['--help']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "ImportError: cannot import name 'print_commands'" in done.stderr
    assert "certificate" not in done.stdout
