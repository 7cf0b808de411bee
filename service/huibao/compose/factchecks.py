"""Plausibility checks on facts before rendering: warnings, never refusals.

A warning means "look again" (a breakdown larger than its total, a rate over 100%, an as-of time
in the future, a negative count); the report is still produced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from huibao.compose.counts import CountIndex
from huibao.compose.facts import CHINA_TIME, Count, Envelope


@dataclass(frozen=True)
class FactWarning:
    """One warning about the facts; ``field`` is the English path (``counts[0].breakdown``)."""

    kind: str
    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {
            "kind": self.kind,
            "field": self.field,
            "message": self.message,
            "severity": "warning",
        }


def _check_counts(counts: list[Count], path: str, out: list[FactWarning]) -> None:
    for i, c in enumerate(counts):
        here = f"{path}[{i}]"
        if c.value < 0:
            out.append(
                FactWarning(
                    "negative_count", f"{here}.value", f"“{c.label}”的数量为负数（{c.value}）"
                )
            )
        if c.breakdown:
            same_measure = [b.value for b in c.breakdown if b.measure == c.measure]
            total = sum(same_measure, Decimal(0))
            if same_measure and total > c.value:
                out.append(
                    FactWarning(
                        "breakdown_exceeds_total",
                        f"{here}.breakdown",
                        f"“{c.label}”的分项合计（{total}）大于总数（{c.value}）",
                    )
                )
            _check_counts(c.breakdown, f"{here}.breakdown", out)


def check_facts(facts: Envelope, now: dt.datetime | None = None) -> list[FactWarning]:
    """Return the warnings for ``facts`` (an empty list when everything is plausible).

    ``now`` is a naive China time (as as-of times are); None means the current one.
    """
    now = now or dt.datetime.now(CHINA_TIME).replace(tzinfo=None)
    out: list[FactWarning] = []
    for name in ("counts",):
        counts = getattr(facts, name, None)
        if counts:
            _check_counts(counts, name, out)
    for j, measure in enumerate(getattr(facts, "measures", []) or []):
        _check_counts(getattr(measure, "counts", []), f"measures[{j}].counts", out)
    index = CountIndex(getattr(facts, "counts", []) or [])
    for i, rate in enumerate(getattr(facts, "rates", []) or []):
        num, den = index.find(rate.numerator), index.find(rate.denominator)
        if num and den and den.value and num.value > den.value:
            out.append(
                FactWarning(
                    "rate_over_100",
                    f"rates[{i}]",
                    f"“{rate.label}”超过100%（{num.value}/{den.value}）",
                )
            )
    if facts.as_of is not None:
        moment = (
            facts.as_of
            if isinstance(facts.as_of, dt.datetime)
            else dt.datetime.combine(facts.as_of, dt.time())
        )
        if moment > now:
            out.append(FactWarning("as_of_in_future", "as_of", "截至时间晚于当前时间"))
    if facts.signed_on is not None and facts.signed_on > now.date():
        out.append(FactWarning("signed_in_future", "signed_on", "成文日期晚于今天"))
    return out
