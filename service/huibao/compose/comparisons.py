"""Comparisons with a previous period and a target, as a clerk writes them.

Rounding: a growth rate is the change over the previous value in per cent, one decimal, half up
(8.46% → 8.5%); a rate (itself in per cent) is compared in 百分点 to its own digits, never in per
cent of a per cent. A change that rounds to 0.0% is written without its percentage. A count
whose value is approximate is not compared (that would be false precision): see factchecks.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from huibao.compose.numbers import figure, format_decimal, percent

DEFAULT_PREVIOUS = "上期"
DEFAULT_TARGET = "目标任务"


@dataclass(frozen=True)
class _Change:
    value: Decimal
    measure: str
    approx: str | None
    scale: bool


def change_phrase(
    value: Decimal, previous: Decimal, label: str | None, measure: str = "", scale: bool = False
) -> str:
    """Return 比上年同期增加12人、增长8.5% / 比上期减少3起、下降20% / 与上月持平.

    A measure of % compares in 百分点 (比上期提高1.2个百分点); a previous value of 0 gives the
    change alone (增加12人), and so does a negative one.
    """
    against = label or DEFAULT_PREVIOUS
    diff = value - previous
    if diff == 0:
        return f"与{against}持平"
    if measure == "%":
        return points_phrase(value, previous, label)
    amount = figure(_Change(abs(diff), measure, None, scale))
    phrase = f"比{against}{'增加' if diff > 0 else '减少'}{amount}"
    if previous > 0:  # a growth rate over 0 or a negative base means nothing
        growth = percent(abs(diff), previous, 1)
        if growth != "0":
            phrase += f"、{'增长' if diff > 0 else '下降'}{growth}%"
    return phrase


def points_phrase(value: Decimal, previous: Decimal, label: str | None) -> str:
    """Return a rate's change in 百分点: 比上期提高1.2个百分点 / 下降0.5个百分点 / 与上期持平."""
    against = label or DEFAULT_PREVIOUS
    diff = value - previous
    if diff == 0:
        return f"与{against}持平"
    return f"比{against}{'提高' if diff > 0 else '下降'}{format_decimal(abs(diff))}个百分点"


def target_phrase(value: Decimal, target: Decimal, label: str | None) -> str:
    """Return 完成年度目标任务的93.4% ("" when the target is 0 or negative)."""
    if target <= 0:
        return ""
    return f"完成{label or DEFAULT_TARGET}的{percent(value, target, 1)}%"
