"""Validation messages are wholly Chinese: no English, no ASCII quotes, limits with their number."""

from __future__ import annotations

import re
from typing import Any

import pytest

from huibao.compose.kinds import parse_facts
from huibao.errors import InvalidFacts

BASE: dict[str, Any] = {"kind": "situation_report", "unit": {"name": "青禾县应急管理局"}, "topic": "安全生产"}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"options": {"opening": "x"}}, "options.opening", "取值应为basis、background、profile之一"),
        ({"measures": [{"phrases": ["一", "二", "三"]}]}, "measures[0].phrases", "项目过多，最多2个短语"),
        (
            {"overview": "o", "options": {"numbering_depth": 9}},
            "options.numbering_depth",
            "数值过大，最大为4",
        ),
        ({"counts": [{"label": "项" * 300, "value": 1}]}, "counts[0].label", "内容过长，最多200个字"),
        ({"overview": "o", "signed_on": "2020-13-01"}, "signed_on", "应为日期，如 2020-01-28"),
        (
            {"counts": [{"label": "甲", "value": 1, "approx": "大约"}]},
            "counts[0].approx",
            "取值应为余、多、近、约、左右、以上之一",
        ),
        (
            {"counts": [{"label": "甲", "value": 1, "also": [{"value": 1}] * 4}]},
            "counts[0].also",
            "项目过多，最多3项",
        ),
        ({"counts": [{"label": "甲", "value": 5, "upper": 4}]}, "counts[0]", "范围上限小于数量"),
        (
            {"overview": "o", "as_of": "昨天"},
            "as_of",
            "应为日期（如 2020-01-28）或日期时间（如 2020-01-28T18:00）",
        ),
    ],
)
def test_messages_are_chinese_and_say_their_limit(changes: dict[str, Any], field: str, message: str) -> None:
    with pytest.raises(InvalidFacts) as info:
        parse_facts({**BASE, **changes})
    found = {e.field: e.message for e in info.value.errors}
    assert found[field] == f"情况汇报：{message}"
    assert not re.search(r"\bor\b|['\"]|Input|should", found[field])
