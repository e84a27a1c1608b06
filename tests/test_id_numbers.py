"""ID numbers (GB 11643): the check character, old 15-digit numbers, what a number says, masking."""

from __future__ import annotations

from datetime import date

import pytest

from honours.core.id_numbers import (
    IdNumberError,
    check_character,
    disagreements,
    mask,
    parse_id_number,
    search_key,
)

# The standard's own worked example: 11010519491231002X (a woman born 1949-12-31).
EXAMPLE = "11010519491231002X"


def with_check(first17: str) -> str:
    return first17 + check_character(first17)


def test_the_standards_example_checks_and_says_birth_and_gender():
    parsed = parse_id_number(EXAMPLE)
    assert (parsed.number, parsed.born, parsed.gender) == (EXAMPLE, date(1949, 12, 31), "女")
    assert check_character(EXAMPLE[:17]) == "X"
    man = parse_id_number(with_check("43040219700302123"))
    assert man.gender == "男" and man.born == date(1970, 3, 2)


@pytest.mark.parametrize(
    "written",
    [
        " 11010519491231002x ",
        "110105 19491231 002X",
        "１１０１０５１９４９１２３１００２Ｘ",
        "110105-19491231-002X",
    ],
)
def test_written_forms_are_read(written):
    assert parse_id_number(written).number == EXAMPLE


def test_an_old_15_digit_number_becomes_its_18_digit_form():
    parsed = parse_id_number("430402700302123")
    assert parsed.number == with_check("43040219700302123") and parsed.converted_from == "430402700302123"
    assert parsed.born == date(1970, 3, 2) and parsed.gender == "男"


@pytest.mark.parametrize(
    "written, zh",
    [
        ("11010519491231002", "17 位"),
        ("1101051949123100AX", "只能由数字组成"),
        ("110105194902300020", "出生日期 19490230 不存在"),
        ("110105194912310021", "校验位不符（最后一位应为 X）"),
        (with_check("11010521001231002"), "不合理"),
    ],
)
def test_wrong_numbers_say_what_is_wrong_in_both_languages(written, zh):
    with pytest.raises(IdNumberError) as failed:
        parse_id_number(written, today=date(2026, 12, 5))
    assert zh in failed.value.zh and str(failed.value)


def test_masking_keeps_the_area_and_the_last_four():
    assert mask(EXAMPLE) == "110105********002X"
    assert mask("430402700302123") == "430402*****2123"
    assert mask("1234") == "****" and mask("") == ""


def test_a_record_that_disagrees_with_its_number_is_flagged():
    parsed = parse_id_number(EXAMPLE)
    assert disagreements(parsed, born="1949-12", gender="女") == []
    found = disagreements(parsed, born="1950-01-01", gender="男")
    assert [said.zh for said in found] == [
        "出生日期 1950-01-01 与身份证号中的（1949-12-31）不一致",
        "性别“男”与身份证号显示的（女）不一致",
    ]


def test_search_keys_are_a_whole_number_or_its_last_digits():
    assert search_key("002x") == "002X" and search_key("31002X") == "31002X"
    assert search_key("110105194912310 02X") == EXAMPLE
    assert search_key("劳动模范") is None and search_key("12") is None
