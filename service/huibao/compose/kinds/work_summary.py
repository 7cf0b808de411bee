"""工作总结 (work_summary): facts model, derived wording context, example and registration."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from huibao.compose import wording
from huibao.compose.counts import rate_texts
from huibao.compose.facts import Count, Envelope, Item, Measure, Rate, ShortText, Text
from huibao.compose.kinds import Kind
from huibao.compose.phrases import since_phrase, year_of


class WorkSummary(Envelope):
    """工作总结: since-when opening, measures under paired phrases, results, lessons, gaps, plans."""

    kind: Literal["work_summary"] = Field(title="文种")
    since: ShortText | None = Field(
        default=None,
        title="起始时点",
        description="用于“…以来”开头，如：今年、2023年3月；缺省时用时间段，再缺省为“今年以来”",
    )
    overview: Text | None = Field(default=None, title="总体情况", description="开头段中的总体概述")
    area: ShortText | None = Field(
        default=None,
        title="地区",
        description="按地区而非发文单位命名标题、叙述成效时填写，如：全县、青禾县",
    )
    measures: list[Measure] = Field(
        default_factory=list, title="主要做法", description="小标题宜为两个四字短语"
    )
    counts: list[Count] = Field(default_factory=list, title="成效数据")
    rates: list[Rate] = Field(default_factory=list, title="比率")
    achievements: list[Item] = Field(default_factory=list, title="工作成效")
    lessons: list[Item] = Field(default_factory=list, title="经验体会")
    shortcomings: list[Item] = Field(default_factory=list, title="存在不足")
    plans: list[Item] = Field(default_factory=list, title="今后打算")

    @model_validator(mode="after")
    def _has_content(self) -> WorkSummary:
        if not (self.measures or self.counts or self.achievements):
            raise ValueError("至少需要主要做法、成效数据或工作成效之一")
        return self


def prepare(facts: Envelope) -> dict[str, Any]:
    """Return the 工作总结's derived wording context: title, time lead and the like."""
    assert isinstance(facts, WorkSummary)
    if facts.since:
        since = f"{wording.clause(facts.since).removesuffix('以来')}以来"
    elif (opening := since_phrase(facts)) is not None:
        since = opening
    else:
        since = "今年以来"
    overview = wording.clause(facts.overview) or f"扎实推进{wording.with_work(facts.topic)}"
    return {
        "title": facts.title
        or f"{facts.area or facts.unit.name}{year_of(facts)}{wording.with_work(facts.topic)}总结",
        "since": since,
        "opener": wording.clause(facts.area) or facts.self_name,  # 全县… when titled by area
        "overview": overview,
        "rates": rate_texts(facts.counts, facts.rates),
    }


_UNIT: dict[str, Any] = {"name": "示例县卫生健康局", "self_reference": "我局"}
EXAMPLE: dict[str, Any] = {
    "kind": "work_summary",
    "unit": _UNIT,
    "topic": "健康促进",
    "measures": [{"phrases": ["强化统筹", "压实责任"], "text": "制定年度工作方案，明确责任分工"}],
    "signed_on": "2025-12-28",
}

KIND = Kind(
    id="work_summary",
    name="工作总结",
    description="总结一个时期的工作：主要做法、工作成效、经验体会、存在不足和今后打算",
    model=WorkSummary,
    prepare=prepare,
    example=EXAMPLE,
    order=2,
)
