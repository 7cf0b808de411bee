"""Plausibility warnings on facts: they never stop a render."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from huibao.compose.factchecks import check_facts
from huibao.compose.kinds import parse_facts

NOW = dt.datetime(2026, 3, 1, 12, 0)


def kinds_of(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(w.kind, w.field) for w in check_facts(parse_facts(data), now=NOW)]


def test_plausible_facts_have_no_warnings(rich: dict[str, Any]) -> None:
    assert kinds_of(rich) == []


@pytest.mark.parametrize(
    ("patch", "expected"),
    [
        (
            {
                "counts": [
                    {
                        "label": "排查",
                        "value": 10,
                        "measure": "人",
                        "breakdown": [
                            {"label": "甲", "value": 8, "measure": "人"},
                            {"label": "乙", "value": 5, "measure": "人"},
                        ],
                    }
                ]
            },
            [("breakdown_exceeds_total", "counts[0].breakdown")],
        ),
        (
            {
                "counts": [
                    {
                        "label": "排查",
                        "value": 10,
                        "measure": "人",
                        "breakdown": [
                            {"label": "甲", "value": 8, "measure": "户"},
                            {"label": "乙", "value": 5, "measure": "户"},
                        ],
                    }
                ]
            },
            [],
        ),
        (
            {"counts": [{"label": "排查", "value": -1, "measure": "人"}]},
            [("negative_count", "counts[0].value")],
        ),
        (
            {
                "counts": [
                    {"id": "a", "label": "甲", "value": 5},
                    {"id": "b", "label": "乙", "value": 4},
                ],
                "rates": [{"label": "完成率", "numerator": "a", "denominator": "b"}],
            },
            [("rate_over_100", "rates[0]")],
        ),
        ({"as_of": "2026-03-02T08:00"}, [("as_of_in_future", "as_of")]),
        ({"as_of": "2026-03-01T11:00"}, []),
        ({"signed_on": "2026-03-05"}, [("signed_in_future", "signed_on")]),
        (
            {"measures": [{"heading": "x", "counts": [{"label": "y", "value": -2}]}]},
            [("negative_count", "measures[0].counts[0].value")],
        ),
        (
            {"counts": [{"label": "转移群众", "value": 0, "measure": "人"}]},
            [("zero_count_left_out", "counts[0].zero")],
        ),
        ({"counts": [{"label": "发生群体性事件", "value": 0, "measure": "起"}]}, []),
        ({"counts": [{"label": "转移群众", "value": 0, "measure": "人", "zero": "无需转移群众"}]}, []),
        (
            {"measures": [{"heading": "x", "counts": [{"label": "转移群众", "value": 0}]}]},
            [("zero_count_left_out", "measures[0].counts[0].zero")],
        ),
        (
            {"counts": [{"label": "走访群众", "value": 300, "approx": "余", "previous": 200}]},
            [("comparison_with_approximation", "counts[0].previous")],
        ),
        (
            {"counts": [{"label": "储备沙袋", "value": 4, "upper": 5, "target": 6}]},
            [("comparison_with_approximation", "counts[0].target")],
        ),
        (
            {
                "counts": [
                    {"id": "a", "label": "甲", "value": 1530, "approx": "余"},
                    {"id": "b", "label": "乙", "value": 1600},
                ],
                "rates": [{"label": "完成率", "numerator": "a", "denominator": "b"}],
            },
            [("rate_from_approximation", "rates[0]")],
        ),
    ],
)
def test_warnings(
    minimal: dict[str, Any], patch: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    minimal.update(patch)
    assert kinds_of(minimal) == expected


def test_a_table_keeps_zero_counts_without_a_warning() -> None:
    data = {
        "kind": "status_snapshot",
        "unit": {"name": "青禾县应急管理局"},
        "topic": "防汛",
        "as_of": "2026-02-01T08:00",
        "counts": [{"label": "转移群众", "value": 0, "measure": "人"}],
    }
    assert kinds_of(data) == []
