"""`honours certificate` and `honours roll`, run as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from printing_helpers import needs_poppler, page_count, pdf_page_size, pdftotext, squeeze

from honours.cli import main


@pytest.fixture
def db(tmp_path, _seeded_template) -> Path:
    import shutil

    path = tmp_path / "cli.sqlite"
    shutil.copy(_seeded_template, path)
    return path


def run(db: Path, *args: str, lang: str = "en", display: bool = False) -> subprocess.CompletedProcess:
    """A real `python -m honours` with no display unless asked: the CLI must pick offscreen itself."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HONOURS_DB=str(db), HONOURS_LANG=lang)
    return subprocess.run(
        [sys.executable, "-m", "honours", *args],
        check=False,
        capture_output=True,
        env=env,
        text=True,
        encoding="utf-8",
        timeout=180,
    )


@needs_poppler
def test_certificates_without_a_display(db, tmp_path):
    pdf = tmp_path / "certs.pdf"
    done = run(db, "certificate", "2", "11", "12", "--pdf", str(pdf), "--date", "2026-05-01")
    assert done.returncode == 0, done.stderr
    assert "3 page(s) for 3 honouree(s)" in done.stderr
    assert page_count(pdf) == 3
    pages = [squeeze(pdftotext(pdf, page=n)) for n in (1, 2, 3)]
    assert "宋英杰" in pages[0] and "HY-2026-000002" in pages[0]
    assert "许仲秋" in pages[1] and "湘油泵" in pages[1] and "湖南省劳动模范" in pages[1]
    assert "罗芳初" in pages[2] and "口罩1万只" in pages[2]


def test_unknown_id_exits_1_naming_it_and_writes_nothing(db, tmp_path, capsys):
    pdf = tmp_path / "certs.pdf"
    code = main(["--db", str(db), "certificate", "2", "404", "--pdf", str(pdf)])
    assert code == 1
    assert "404" in capsys.readouterr().err
    assert not pdf.exists()


def test_unknown_id_message_in_chinese(db, tmp_path):
    done = run(db, "certificate", "77", "--pdf", str(tmp_path / "x.pdf"), lang="zh")
    assert done.returncode == 1
    assert "找不到编号为 77 的荣誉人物" in done.stderr
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["certificate", "2", "--pdf", "x.pdf", "--page-size", "A5"],
        ["certificate", "2"],  # --pdf is required
        ["certificate", "--pdf", "x.pdf"],  # at least one ID
        ["certificate", "two", "--pdf", "x.pdf"],
        ["roll", "--group-by", "region", "--pdf", "x.pdf"],
        ["certificate", "2", "--pdf", "x.pdf", "--date", "2026-13-01"],
    ],
)
def test_usage_errors_exit_2(db, tmp_path, capsys, args):
    os.chdir(tmp_path)
    with pytest.raises(SystemExit) as stop:
        main(["--db", str(db), *args])
    assert stop.value.code == 2
    assert capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


@needs_poppler
def test_page_size_is_case_insensitive_and_organisation_is_printed(db, tmp_path):
    pdf = tmp_path / "letter.pdf"
    assert (
        main(
            [
                "--db",
                str(db),
                "certificate",
                "5",
                "--pdf",
                str(pdf),
                "--page-size",
                "letter",
                "--organisation",
                "耒阳市总工会",
            ]
        )
        == 0
    )
    assert pdf_page_size(pdf) == pytest.approx((612, 792), abs=1)
    assert "耒阳市总工会" in pdftotext(pdf)


@needs_poppler
def test_roll_of_a_query_grouped_by_unit(db, tmp_path):
    pdf = tmp_path / "roll.pdf"
    assert main(["--db", str(db), "roll", "--query", "五一", "--group-by", "unit", "--pdf", str(pdf)]) == 0
    text = squeeze(pdftotext(pdf))
    assert "检索条件：五一" in text and "按工作单位分组" in text and "共2人" in text
    assert "宋英杰" in text and "柏太柱" in text and "许仲秋" not in text


@needs_poppler
def test_roll_of_everyone_by_level(db, tmp_path):
    pdf = tmp_path / "roll.pdf"
    done = run(db, "roll", "--pdf", str(pdf), "--title", "2020年度抗疫先进名册")
    assert done.returncode == 0, done.stderr
    text = squeeze(pdftotext(pdf))
    assert "2020年度抗疫先进名册" in text and "共14人" in text and "按荣誉级别分组" in text


def test_a_query_term_the_core_cannot_read_is_reported(db, tmp_path, capsys):
    pdf = tmp_path / "r.pdf"
    assert main(["--db", str(db), "roll", "--query", "year:abc", "--pdf", str(pdf)]) == 1
    assert "Could not understand year" in capsys.readouterr().err  # said, and nothing printed from a guess
    assert not pdf.exists()


@needs_poppler
def test_a_certificate_prints_the_id_number_masked_unless_asked(db, tmp_path):
    """Issue 15: the ID number is personal data, masked on paper unless --reveal-id."""
    from honours.core.id_numbers import check_character
    from honours.core.records import Honour, Honouree
    from honours.core.registry import Registry

    number = "43040219800101123" + check_character("43040219800101123")
    with Registry.open(db) as registry:
        new_id = registry.add(
            Honouree(
                name="张档案",
                id_number=number,
                honours=[
                    Honour("衡阳市劳动模范", "municipal", 2010, revoked=True, document="衡政发〔2010〕3号")
                ],
            )
        ).id
    masked, full = tmp_path / "masked.pdf", tmp_path / "full.pdf"
    assert run(db, "certificate", str(new_id), "--pdf", str(masked)).returncode == 0
    assert run(db, "certificate", str(new_id), "--pdf", str(full), "--reveal-id").returncode == 0
    shown = squeeze(pdftotext(masked, page=1))
    assert "身份证号" in shown and "430402********123X" in shown and number not in shown
    assert "已撤销" in shown and "衡政发〔2010〕3号" in shown
    assert number in squeeze(pdftotext(full, page=1))
