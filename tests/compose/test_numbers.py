"""Numbers and dates as GB/T 15835 and the genre write them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from huibao.compose.dates import format_moment, format_range, year_to_date
from huibao.compose.numbers import (
    chinese_numeral,
    format_decimal,
    parse_chinese_numeral,
    scale_wan,
)


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (1005, "一千零五"),
    ],
)
def test_chinese_numeral(n: int, expected: str) -> None:
    assert chinese_numeral(n) == expected


@pytest.mark.parametrize("n", [1, 9, 10, 11, 20, 21, 99, 100, 101, 110, 1005, 2020, 9999])
def test_parse_chinese_numeral_reads_back_what_chinese_numeral_writes(n: int) -> None:
    assert parse_chinese_numeral(chinese_numeral(n)) == n


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("两", 2),
        ("二十", 20),
        ("12", 12),
        ("一二", None),
        ("", None),
        ("零", None),
        ("十万", None),
        ("１２", None),
    ],
)
def test_parse_chinese_numeral_refuses_what_is_not_one_numeral(text: str, expected: int | None) -> None:
    assert parse_chinese_numeral(text) == expected


@pytest.mark.parametrize("n", [0, -1, 10000])
def test_chinese_numeral_out_of_range_raises(n: int) -> None:
    with pytest.raises(ValueError):
        chinese_numeral(n)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (126, "126"),
        (Decimal("1.50"), "1.5"),
        (Decimal("98.40"), "98.4"),
        (Decimal("3.000"), "3"),
        (Decimal("1E+3"), "1000"),
        (0.25, "0.25"),
    ],
)
def test_format_decimal_has_no_trailing_zeros_or_exponent(value: object, expected: str) -> None:
    assert format_decimal(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "measure", "expected"),
    [
        (12000, "份", ("1.2", "万份")),
        (813280, "元", ("81.328", "万元")),
        (12345, "人", ("1.2345", "万人")),
        (9999, "份", ("9999", "份")),
        (50000, "万元", ("5", "亿元")),
        (12000, "万元", ("1.2", "亿元")),
        (120000000, "元", ("1.2", "亿元")),
    ],
)
def test_automatic_scale_is_exact_and_picks_wan_or_yi(
    value: int, measure: str, expected: tuple[str, str]
) -> None:
    assert scale_wan(value, measure) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2020, 1, 8), "2020年1月8日"),
        (dt.datetime(2020, 1, 28, 18, 0), "2020年1月28日18时"),
        (dt.datetime(2020, 1, 28, 9, 30), "2020年1月28日9时30分"),
    ],
)
def test_format_moment_has_no_leading_zeros(value: dt.date, expected: str) -> None:
    assert format_moment(value) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (dt.date(2020, 1, 24), dt.date(2020, 2, 10), "2020年1月24日至2月10日"),
        (dt.date(2025, 12, 1), dt.date(2026, 1, 20), "2025年12月1日至2026年1月20日"),
    ],
)
def test_format_range_repeats_year_only_when_it_changes(start: dt.date, end: dt.date, expected: str) -> None:
    assert format_range(start, end) == expected


def test_format_range_within_one_month_names_the_month_once() -> None:
    assert format_range(dt.date(2026, 4, 13), dt.date(2026, 4, 17)) == "2026年4月13日至17日"


@pytest.mark.parametrize(
    ("start", "end", "reference", "expected"),
    [
        (dt.date(2025, 1, 1), dt.date(2025, 12, 31), dt.date(2025, 12, 30), "今年以来"),
        (dt.date(2025, 1, 1), dt.date(2025, 6, 30), dt.date(2025, 7, 2), "今年以来"),
        (dt.date(2025, 1, 1), dt.date(2025, 12, 31), dt.date(2026, 1, 8), "2025年"),
        (dt.date(2025, 1, 1), dt.date(2025, 6, 30), dt.date(2026, 1, 8), None),
        (dt.date(2025, 3, 1), dt.date(2025, 12, 31), dt.date(2025, 12, 30), None),
        (dt.date(2025, 1, 1), dt.date(2026, 1, 31), None, None),
    ],
)
def test_a_year_to_date_period_opens_as_a_clerk_writes_it(
    start: dt.date, end: dt.date, reference: dt.date | None, expected: str | None
) -> None:
    assert year_to_date(start, end, reference) == expected
