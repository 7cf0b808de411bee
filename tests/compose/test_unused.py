"""Facts given but not written into the draft are reported as warnings on their field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from huibao import core

SMALL = Path(__file__).resolve().parents[2] / "samples" / "situation_report_small.json"


def facts(**extra: Any) -> dict[str, Any]:
    data = json.loads(SMALL.read_text(encoding="utf-8"))
    data.update(extra)
    return data


def warned(data: dict[str, Any]) -> dict[str, str]:
    return {w.field: w.kind for w in core.compose_facts(data).warnings}


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"background": "7月10日以来遭遇持续强降雨"}, "background"),
        ({"measures": [{"heading": "监测预警", "phrases": ["强化统筹", "压实责任"]}]}, "measures[0].heading"),
        ({"background": "持续强降雨", "options": {"opening": "background"}}, "basis"),
    ],
)
def test_text_left_out_by_the_options_is_a_warning_on_its_field(extra: dict[str, Any], field: str) -> None:
    assert warned(facts(**extra)).get(field) == "unused_fact"


@pytest.mark.parametrize(
    "extra",
    [
        {"background": "7月10日以来遭遇持续强降雨", "basis": None, "options": {"opening": "background"}},
        {"measures": [{"heading": "加强监测预警", "text": "滚动发布预警"}]},
    ],
)
def test_text_that_reaches_the_draft_is_not_reported(extra: dict[str, Any]) -> None:
    assert "unused_fact" not in warned(facts(**extra)).values()


def test_a_missing_signing_date_is_a_warning() -> None:
    data = facts()
    del data["signed_on"]
    assert warned(data).get("signed_on") == "missing_signed_on"
    assert "signed_on" not in warned(facts())
