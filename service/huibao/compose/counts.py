"""Looking counts up by id or label, and the rates derived from them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from huibao.compose import numbers, wording
from huibao.compose.comparisons import points_phrase
from huibao.compose.counting import RateText
from huibao.compose.facts import Count, Rate
from huibao.errors import ErrorItem, InvalidFacts


def all_counts(counts: Sequence[Count]) -> list[Count]:
    """Return the counts and, depth first, every count in their breakdowns."""
    out: list[Count] = []
    for c in counts:
        out.append(c)
        out.extend(all_counts(c.breakdown))
    return out


class CountIndex:
    """Every count (breakdowns included) by id and by label, so that looking up each of many
    rates does not rescan every count (that was quadratic: 6000 rates took half a minute)."""

    def __init__(self, counts: Sequence[Count]):
        self.by_id: dict[str, Count] = {}
        self.by_label: dict[str, Count] = {}
        for c in all_counts(counts):
            if c.id is not None:
                self.by_id.setdefault(c.id, c)
            self.by_label.setdefault(c.label, c)

    def find(self, ref: str) -> Count | None:
        """Return the first count whose id, else whose label, equals ``ref``; None when none."""
        return self.by_id.get(ref) or self.by_label.get(ref)


def find_count(counts: Sequence[Count], ref: str) -> Count | None:
    """Return the count whose id, else whose label, equals ``ref``; None when there is none."""
    return CountIndex(counts).find(ref)


@dataclass(frozen=True)
class RateValue:
    """A rate worked out: its facts, the percentage as written (98.4) and the counts it uses."""

    rate: Rate
    percent: str
    numerator: Count
    denominator: Count

    @property
    def label(self) -> str:
        return wording.clause(self.rate.label)

    def phrase(self) -> str:
        """Return 复工率达98.4%, with 比上期提高1.2个百分点 when a previous rate is given."""
        text = f"{self.label}达{self.percent}%"
        if self.rate.previous is not None:
            text += f"，{points_phrase(Decimal(self.percent), self.rate.previous, self.rate.previous_label)}"
        return text


def rate_values(counts: Sequence[Count], rates: Sequence[Rate]) -> list[RateValue]:
    """Return each rate worked out; raise InvalidFacts naming every bad reference."""
    values: list[RateValue] = []
    errors: list[ErrorItem] = []
    index = CountIndex(counts)
    for i, rate in enumerate(rates):
        num = index.find(rate.numerator)
        den = index.find(rate.denominator)
        if num is None:
            errors.append(
                ErrorItem(f"rates[{i}].numerator", f"找不到编号或事项为“{rate.numerator}”的数据")
            )
        if den is None:
            errors.append(
                ErrorItem(
                    f"rates[{i}].denominator", f"找不到编号或事项为“{rate.denominator}”的数据"
                )
            )
        elif den.value == 0:
            errors.append(ErrorItem(f"rates[{i}].denominator", "分母为0，无法计算比率"))
        if num is None or den is None or den.value == 0:
            continue
        value = numbers.percent(Decimal(num.value), Decimal(den.value), rate.digits)
        values.append(RateValue(rate, value, num, den))
    if errors:
        raise InvalidFacts(errors)
    return values


def rate_texts(counts: Sequence[Count], rates: Sequence[Rate]) -> list[RateText]:
    """Return each rate as running text placed beside its numerator; raise InvalidFacts for a bad
    reference."""
    return [RateText(v.phrase(), v.numerator) for v in rate_values(counts, rates)]
