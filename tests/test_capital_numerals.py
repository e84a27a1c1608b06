"""Totals in Chinese capital numerals (大写), by the rules banks use."""

from __future__ import annotations

import pytest

from honours.core.capital_numerals import integer_in_capitals, yuan_in_capitals


@pytest.mark.parametrize(
    "fen, text",
    [
        (1_250_000, "人民币壹万贰仟伍佰元整"),
        (0, "人民币零元整"),
        (5, "人民币伍分"),
        (50, "人民币伍角"),
        (105, "人民币壹元零伍分"),
        (1_000_550, "人民币壹万零伍元伍角"),
        (168_032, "人民币壹仟陆佰捌拾元叁角贰分"),
        (101_000, "人民币壹仟零壹拾元整"),
        (10_000_000_000, "人民币壹亿元整"),
        (10_001_000_000, "人民币壹亿零壹万元整"),
        (100_000_100, "人民币壹佰万零壹元整"),
        (2_000_001_000, "人民币贰仟万零壹拾元整"),
        (5_000_000, "人民币伍万元整"),
        (50_000_000, "人民币伍拾万元整"),
    ],
)
def test_amounts(fen, text):
    assert yuan_in_capitals(fen) == text


def test_whole_numbers_and_limits():
    assert integer_in_capitals(10) == "壹拾" and integer_in_capitals(1_0000_0001) == "壹亿零壹"
    assert integer_in_capitals(1_0100_0000) == "壹亿零壹佰万"
    assert yuan_in_capitals(1200, prefix="") == "壹拾贰元整"
    with pytest.raises(ValueError):
        yuan_in_capitals(-1)
