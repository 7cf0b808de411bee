"""The next period of a series: last document's facts, dates rolled forward, counts carried as previous.

Every count's current value becomes its ``previous`` with the cadence's label (上周, 上月, 上季度,
上年), so the comparison sentences (比上周增加…) appear by themselves once the clerk types this
period's figures. Envelope and structure are copied as they are.
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huibao.compose.kinds import get_kind
from huibao.store.documents import create_document
from huibao.store.models import Document
from huibao.store.offices import Scope, get_series, next_issue

#: The label a carried count's previous value gets, per cadence.
PREVIOUS_LABELS = {"week": "上周", "month": "上月", "quarter": "上季度", "year": "上年"}
_MONTHS = {"month": 1, "quarter": 3, "year": 12}
#: Date fields of the envelope that move with the period.
DATE_FIELDS = ("as_of", "signed_on")


def add_months(day: dt.date, months: int) -> dt.date:
    """Return ``day`` moved by ``months``; a month's last day stays the last day (1-31 → 2-28/29)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    was_last = day.day == calendar.monthrange(day.year, day.month)[1]
    return day.replace(year=year, month=month + 1, day=last if was_last else min(day.day, last))


def roll_date(day: dt.date, cadence: str) -> dt.date:
    """Return ``day`` moved forward by one period of ``cadence``."""
    if cadence == "week":
        return day + dt.timedelta(days=7)
    return add_months(day, _MONTHS[cadence])


def roll_text(value: Any, cadence: str) -> Any:
    """Return an ISO date or date-time string moved forward by one period; anything else unchanged."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    try:
        if len(text) == 10:
            return roll_date(dt.date.fromisoformat(text), cadence).isoformat()
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return value
    rolled = roll_date(moment.date(), cadence)
    return text.replace(moment.date().isoformat(), rolled.isoformat(), 1)


def carry_counts(value: Any, label: str) -> Any:
    """Return ``value`` with every count's value copied to ``previous`` (labelled ``label``)."""
    if isinstance(value, list):
        return [carry_counts(item, label) for item in value]
    if not isinstance(value, dict):
        return value
    out = {key: carry_counts(item, label) for key, item in value.items()}
    if isinstance(out.get("label"), str) and isinstance(out.get("value"), int | float | str):
        out["previous"] = out["value"]
        out["previous_label"] = label
    return out


def period_facts(facts: dict[str, Any], cadence: str) -> dict[str, Any]:
    """Return the facts of the next period: dates rolled by ``cadence``, counts carried."""
    out = carry_counts(copy.deepcopy(facts), PREVIOUS_LABELS[cadence])
    for key in DATE_FIELDS:
        if key in out:
            out[key] = roll_text(out[key], cadence)
    period = out.get("period")
    if isinstance(period, dict):
        out["period"] = {k: roll_text(v, cadence) for k, v in period.items()}
    return out


def _anchor(facts: dict[str, Any]) -> dt.date:
    """Return the day the period is named after: period end, as-of, 成文日期, else today."""
    period = facts.get("period")
    candidates = [period.get("end") if isinstance(period, dict) else None, facts.get("as_of"),
                  facts.get("signed_on")]
    for value in candidates:
        if isinstance(value, str) and len(value) >= 10:
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    return dt.date.today()


def series_title(pattern: str, facts: dict[str, Any], issue: int) -> str:
    """Return ``pattern`` filled in: {year} {month} {quarter} {week} {issue}; unknown names kept."""
    day = _anchor(facts)
    values = {"year": day.year, "month": day.month, "quarter": (day.month - 1) // 3 + 1,
              "week": day.isocalendar()[1], "issue": issue}
    out = pattern
    for name, number in values.items():
        out = out.replace("{" + name + "}", str(number))
    return out


def last_document(session: Session, series_id: int) -> Document | None:
    """Return the newest period of a series (highest 期号, then newest); None when it has none."""
    query = (
        select(Document)
        .where(Document.series_id == series_id)
        .order_by(Document.issue.desc(), Document.id.desc())
        .limit(1)
    )
    return session.scalars(query).first()


def start_next(session: Session, series_id: int, scope: Scope = None) -> Document:
    """Return a new draft for the series' next period.

    From the last document when there is one, else from the kind's example with the office's
    envelope. The title comes from the series' pattern when it has one.
    """
    series = get_series(session, series_id, scope, lock=True)
    last = last_document(session, series_id)
    facts: dict[str, Any]
    if last is None:
        facts = copy.deepcopy(dict(get_kind(series.kind).example))
        for key in ("unit", "recipient", "signature", "as_of", "period", "signed_on"):
            facts.pop(key, None)  # the office's envelope; the clerk's own dates
    else:
        facts = period_facts(last.facts, series.cadence)
    issue = next_issue(session, series)
    if series.title_pattern:
        facts["title"] = series_title(series.title_pattern, facts, issue)
    return create_document(session, facts, series_id=series.id, scope=scope, issue=issue)
