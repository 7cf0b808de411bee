"""Next period: dates rolled by cadence, counts carried as previous with the cadence's label."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from huibao import core
from huibao.store.db import Store
from huibao.store.documents import create_document
from huibao.store.inputs import SeriesIn
from huibao.store.models import Office, Series
from huibao.store.offices import create_series
from huibao.store.periods import add_months, period_facts, roll_text, series_title, start_next


@pytest.mark.parametrize(
    ("value", "cadence", "rolled"),
    [
        ("2026-03-06", "week", "2026-03-13"),
        ("2026-12-28", "week", "2027-01-04"),
        ("2026-01-31", "month", "2026-02-28"),
        ("2026-02-28", "month", "2026-03-31"),  # a month's last day stays the last day
        ("2026-02-15", "month", "2026-03-15"),
        ("2026-03-31", "quarter", "2026-06-30"),
        ("2024-02-29", "year", "2025-02-28"),
        ("2026-03-06T18:00", "week", "2026-03-13T18:00"),
        ("2026-03-06T18:00:00+08:00", "month", "2026-04-06T18:00:00+08:00"),
        ("不是日期", "week", "不是日期"),
    ],
)
def test_dates_roll_forward_by_one_period(value: str, cadence: str, rolled: str) -> None:
    assert roll_text(value, cadence) == rolled


def test_add_months_crosses_years() -> None:
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)


@pytest.mark.parametrize(
    ("cadence", "label"), [("week", "上周"), ("month", "上月"), ("quarter", "上季度"), ("year", "上年")]
)
def test_every_count_carries_its_value_as_previous(facts: dict[str, Any], cadence: str, label: str) -> None:
    nxt = period_facts(facts, cadence)
    first = nxt["counts"][0]
    assert (first["previous"], first["previous_label"]) == (14, label)
    assert (first["breakdown"][0]["previous"], first["breakdown"][0]["previous_label"]) == (5, label)
    assert facts["counts"][0].get("previous") is None  # the last period is left as it was


def test_series_title_pattern_is_filled_from_the_period() -> None:
    facts = {"period": {"start": "2026-03-30", "end": "2026-04-03"}}
    assert series_title("{year}年第{quarter}季度第{issue}期（{month}月，第{week}周）{x}", facts, 7) == \
        "2026年第2季度第7期（4月，第14周）{x}"


def test_next_period_starts_from_the_last_document(
    store: Store, office: Office, weekly: Series, facts: dict[str, Any]
) -> None:
    with store.write() as s:
        create_document(s, facts, series_id=weekly.id, issue=1)
    with store.write() as s:
        weekly_row = s.get(Series, weekly.id)
        assert weekly_row is not None
        weekly_row.issue = 1
    with store.write() as s:
        doc = start_next(s, weekly.id)
    assert (doc.issue, doc.series_id, doc.status, doc.version) == (2, weekly.id, "draft", 1)
    assert doc.facts["period"] == {"start": "2026-03-09", "end": "2026-03-13"}
    assert doc.facts["as_of"] == "2026-03-13T18:00"
    assert doc.title == "森林防火工作情况（第2期）"
    assert doc.facts["unit"]["name"] == office.name


def test_first_period_comes_from_the_kind_example_with_the_office_envelope(
    store: Store, office: Office, weekly: Series
) -> None:
    with store.write() as s:
        doc = start_next(s, weekly.id)
    assert doc.issue == 1 and doc.facts["unit"]["name"] == office.name
    assert doc.facts["recipient"] == "县人民政府"


def test_the_clerk_types_only_new_figures_and_gets_the_comparison(
    store: Store, office: Office, weekly: Series, facts: dict[str, Any]
) -> None:
    with store.write() as s:
        create_document(s, facts, series_id=weekly.id, issue=1)
        nxt = start_next(s, weekly.id)
    new = nxt.facts
    new["counts"][1]["value"] = 30
    text = core.compose_facts(new).text
    assert "比上周增加7处" in text


def test_two_series_count_their_issues_separately(store: Store, office: Office, weekly: Series) -> None:
    with store.write() as s:
        monthly = create_series(
            s, SeriesIn(office_id=office.id, name="月报", kind="情况汇报", cadence="month")
        )
        issues = [start_next(s, sid).issue for sid in (weekly.id, monthly.id, weekly.id)]
    assert issues == [1, 1, 2]
    assert monthly.kind == "situation_report"
