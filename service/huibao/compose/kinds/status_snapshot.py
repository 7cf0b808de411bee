"""情况快报 (status_snapshot): facts model, derived wording context, example and registration."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import Field, model_validator

from huibao.compose import counting, numbers, wording
from huibao.compose.counts import RateValue, rate_values
from huibao.compose.facts import Count, Envelope, Rate, Text
from huibao.compose.kinds import Kind
from huibao.compose.phrases import when_phrase


class StatusSnapshot(Envelope):
    """情况快报: a fixed set of counts as of a time, shown as a table after a one-paragraph lead."""

    #: counts stand in a table, where 0 is written as 0 (no zero-count warning)
    TABULAR_COUNTS: ClassVar[bool] = True

    kind: Literal["status_snapshot"] = Field(title="文种")
    counts: list[Count] = Field(min_length=1, title="数据", description="每项一行：项目、数量、单位、备注")
    rates: list[Rate] = Field(default_factory=list, title="比率")
    lead: Text | None = Field(default=None, title="简要说明", description="导语段中表格之前的说明")

    @model_validator(mode="after")
    def _has_time(self) -> StatusSnapshot:
        if self.as_of is None and self.period is None:
            raise ValueError("情况快报须填写截至时间（as_of）或时间段（period）")
        return self


def snapshot_rows(counts: list[Count], rates: list[RateValue]) -> list[list[str]]:
    """Return the table 项目/数量/单位/备注: one row per count, breakdowns as 其中： rows, then rates."""
    rows = [["项目", "数量", "单位", "备注"]]

    def add(c: Count, depth: int, first: bool) -> None:
        number, measure = numbers.table_figure(c, c.upper)
        if c.also:  # a compound tally keeps its measures with its numbers: 14户46人
            number, measure = counting.count_figure(c), ""
        label = wording.clause(c.label)
        if depth:
            lead = "其中：" if depth == 1 else "含："
            label = "\u3000" * 3 * (depth - 1) + (lead if first else "\u3000" * 3) + label
        rows.append([label, number, measure, wording.clause(c.note)])
        for i, b in enumerate(c.breakdown):
            add(b, depth + 1, i == 0)

    for c in counts:
        add(c, 0, True)
    rows.extend([r.label, f"{r.percent}%", "", ""] for r in rates)  # 94.7% reads whole in its cell
    return rows


def prepare(facts: Envelope) -> dict[str, Any]:
    """Return the 情况快报's derived wording context: title, time lead and the like."""
    assert isinstance(facts, StatusSnapshot)
    return {
        "title": facts.title or f"{wording.with_work(facts.topic)}情况快报",
        "when": when_phrase(facts),
        "rows": snapshot_rows(facts.counts, rate_values(facts.counts, facts.rates)),
    }


_UNIT: dict[str, Any] = {"name": "示例县卫生健康局", "self_reference": "我局"}
EXAMPLE: dict[str, Any] = {
    "kind": "status_snapshot",
    "unit": _UNIT,
    "topic": "流感疫苗接种",
    "as_of": "2025-11-30T17:00",
    "counts": [{"label": "累计接种流感疫苗", "value": 12650, "measure": "剂次"}],
    "signed_on": "2025-11-30",
}

KIND = Kind(
    id="status_snapshot",
    name="情况快报",
    description="截至某一时点的一组数据，以“项目、数量、单位、备注”表格呈现",
    model=StatusSnapshot,
    prepare=prepare,
    example=EXAMPLE,
    order=8,
)
