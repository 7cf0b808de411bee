"""Plausibility checks on facts before rendering: warnings, never refusals.

A warning means "look again" (a breakdown larger than its total, a rate over 100% or from an
approximate count, a comparison of an approximate count, a 0 that running text leaves out, an
as-of time in the future, a negative count); the report is still produced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from pydantic import BaseModel

from huibao.compose.counting import is_zero, zero_phrase
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


def _check_counts(counts: list[Count], path: str, out: list[FactWarning], in_text: bool) -> None:
    for i, c in enumerate(counts):
        here = f"{path}[{i}]"
        label = c.label
        if c.value < 0:
            out.append(FactWarning("negative_count", f"{here}.value", f"“{label}”的数量为负数（{c.value}）"))
        if in_text and is_zero(c) and zero_phrase(c) is None and not path.endswith("breakdown"):
            out.append(
                FactWarning(
                    "zero_count_left_out",
                    f"{here}.zero",
                    f"“{label}”为0，正文中略去；如需写明，请填写“为0时的说法”，如：未发生…",
                )
            )
        if (c.previous is not None or c.target is not None) and (c.approx or c.upper is not None):
            out.append(
                FactWarning(
                    "comparison_with_approximation",
                    f"{here}.previous" if c.previous is not None else f"{here}.target",
                    f"“{label}”是约数或范围，不作比较",
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
                        f"“{label}”的分项合计（{total}）大于总数（{c.value}）",
                    )
                )
            _check_counts(c.breakdown, f"{here}.breakdown", out, in_text)


def _walk(value: object, path: str, out: list[FactWarning], in_text: bool) -> None:
    """Check every list of counts anywhere in ``value`` (counts, scope, measures[0].counts …)."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _walk(getattr(value, name), f"{path}.{name}" if path else name, out, in_text)
    elif isinstance(value, list) and value and isinstance(value[0], Count):
        _check_counts(value, path, out, in_text)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, BaseModel):
                _walk(item, f"{path}[{i}]", out, in_text)


def _approximate(c: Count) -> bool:
    return bool(c.approx) or c.upper is not None or bool(c.also)


def check_facts(facts: Envelope, now: dt.datetime | None = None) -> list[FactWarning]:
    """Return the warnings for ``facts`` (an empty list when everything is plausible).

    ``now`` is a naive China time (as as-of times are); None means the current one.
    """
    now = now or dt.datetime.now(CHINA_TIME).replace(tzinfo=None)
    out: list[FactWarning] = []
    _walk(facts, "", out, in_text=not getattr(facts, "TABULAR_COUNTS", False))
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
        if num and den and (_approximate(num) or _approximate(den)):
            out.append(
                FactWarning(
                    "rate_from_approximation",
                    f"rates[{i}]",
                    f"“{rate.label}”由约数计算，结果不精确；请改用确数",
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
