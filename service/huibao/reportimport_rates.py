"""Rates read back from the counts of an imported report: 一般隐患整改率达97.1% after 排查一般隐患
1532条 and 已完成整改1488条 is the rate 1488/1532, which the composer works out again from next
period's figures, not a figure to be typed anew."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

#: How a rate's label ends (一般隐患整改率, 占比, 女性比例); the text adds 达 or 为 before the figure.
RATE_ENDINGS = ("率", "占比", "比例", "比重")
#: How many counts before a rate are tried as its numerator and denominator (keeps it linear).
WINDOW = 12


def _flat(counts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the counts and, depth first, every part of their breakdowns."""
    out: list[dict[str, Any]] = []
    for c in counts:
        out.append(c)
        out.extend(_flat(c.get("breakdown", [])))
    return out


def _usable(c: dict[str, Any]) -> bool:
    """Return True for a count a rate can be worked out from: exact, not a range, not a %."""
    return c.get("measure") != "%" and not c.get("approx") and c.get("upper") is None


def _digits(num: Decimal, den: Decimal, written: Decimal) -> int | None:
    """Return the decimal places at which num/den reads as ``written`` per cent (rounded half up,
    trailing zeros dropped: 95 may be 95.0); None when at none."""
    from huibao.compose.numbers import percent

    places = max(0, -int(written.as_tuple().exponent))
    ratio = num * 100 / den
    for digits in (max(1, places), places) if places < 1 else (places,):
        if abs(ratio - written) <= Decimal(5).scaleb(-digits - 1):
            return digits if Decimal(percent(num, den, digits)) == written else None
    return None


def read_rates(counts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the rates among ``counts`` (top-level % counts whose label ends like a rate and
    whose figure two earlier counts give), removing them from ``counts``; [] when there are none.

    Numerator and denominator are named by label, so only the first count of a label is used.
    """
    first: dict[str, int] = {}
    for c in _flat(counts):
        first.setdefault(c["label"], id(c))
    rates: list[dict[str, Any]] = []
    before: list[dict[str, Any]] = []  # the counts read so far, breakdowns included
    kept: list[dict[str, Any]] = []
    for c in counts:
        rate = _rate(c, before[-WINDOW:], first) if c.get("measure") == "%" else None
        if rate is None:
            kept.append(c)
            before.extend(_flat([c]))
        else:
            rates.append(rate)
    counts[:] = kept
    return rates


def _rate(c: dict[str, Any], before: list[dict[str, Any]], first: dict[str, int]) -> dict[str, Any] | None:
    """Return the rate a % count states, worked out from two of ``before``; None when none fits."""
    label = c["label"].removesuffix("达").removesuffix("为")
    if not label.endswith(RATE_ENDINGS) or "subject" in c:
        return None
    written = Decimal(str(c["value"]))
    candidates = [b for b in reversed(before) if _usable(b) and first.get(b["label"]) == id(b)]
    for num in candidates:
        for den in candidates:
            if den is num or Decimal(str(den["value"])) <= 0:
                continue
            if written <= 100 and Decimal(str(den["value"])) < Decimal(str(num["value"])):
                continue
            digits = _digits(Decimal(str(num["value"])), Decimal(str(den["value"])), written)
            if digits is not None:
                rate: dict[str, Any] = {"label": label, "numerator": num["label"],
                                        "denominator": den["label"], "digits": digits}
                if "previous" in c:
                    rate["previous"], rate["previous_label"] = c["previous"], c["previous_label"]
                return rate
    return None
