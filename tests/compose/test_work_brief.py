"""工作简报 wording: the effect paragraph never repeats the activity or 确保, and season totals
are not presented as counts of the activity itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import load_sample


def brief(**changes: Any) -> dict[str, Any]:
    facts = load_sample("work_brief_grain_purchase")
    facts.update(changes)
    return facts


def effect_line(text: str) -> str:
    return next(line for line in text.split("\n") if line.strip().startswith("本次"))


@pytest.mark.parametrize(
    ("activity", "effect", "ensure", "expected"),
    [
        ("督导", "推动各库点严格执行质价政策", None, "本次督导推动各库点严格执行质价政策。"),
        ("督导", "督导推动各库点严格执行质价政策", None, "本次督导推动各库点严格执行质价政策。"),
        ("督导", "本次督导推动各库点严格执行质价政策", None, "本次督导推动各库点严格执行质价政策。"),
        ("培训", "提升了业务能力", "新规落地见效", "本次培训提升了业务能力，确保新规落地见效。"),
        ("培训", "确保了人人过关", "新规落地见效", "本次培训确保了人人过关，保证新规落地见效。"),
        ("检查", "检查覆盖全部库点", None, "本次检查覆盖全部库点。"),
    ],
)
def test_effect_opens_with_the_activity_once_and_ensures_once(
    compose_text: Callable[[dict[str, Any]], str],
    activity: str,
    effect: str,
    ensure: str | None,
    expected: str,
) -> None:
    text = compose_text(brief(activity=activity, effect=effect, ensure=ensure))
    assert effect_line(text).strip() == expected


@pytest.mark.parametrize(
    ("label", "lead"),
    [
        ("查阅收购台账", True),
        ("督导库点", False),  # opens with the activity: 共督导库点…, not 督导期间，共督导…
        ("累计收购秋粮", False),
        ("截至10月19日收购秋粮", False),
        ("今年以来收购秋粮", False),
    ],
)
def test_counts_are_introduced_as_the_activitys_only_when_they_are(
    compose_text: Callable[[dict[str, Any]], str], label: str, lead: bool
) -> None:
    facts = brief()
    facts["counts"] = [{"label": label, "value": 340, "measure": "份"}]
    text = compose_text(facts)
    assert ("督导期间，" in text) is lead
    assert label in text
