"""情况汇报 (situation_report): facts model, derived wording context, example and registration."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from huibao.compose.counts import rate_texts
from huibao.compose.facts import Count, Envelope, Item, Measure, Rate, Text
from huibao.compose.kinds import Kind
from huibao.compose.phrases import campaign_phrase, default_title, report_subject, when_phrase


class SituationReport(Envelope):
    """情况汇报: to a superior; basic situation, measures, problems, next steps."""

    kind: Literal["situation_report"] = Field(title="文种")
    overview: Text | None = Field(default=None, title="基本情况概述")
    counts: list[Count] = Field(default_factory=list, title="基本数据")
    rates: list[Rate] = Field(default_factory=list, title="比率")
    measures: list[Measure] = Field(default_factory=list, title="主要措施")
    achievements: list[Item] = Field(default_factory=list, title="工作成效")
    problems: list[Item] = Field(default_factory=list, title="存在问题")
    next_steps: list[Item] = Field(default_factory=list, title="下一步工作打算")
    suggestions: list[Item] = Field(default_factory=list, title="意见建议")

    @model_validator(mode="after")
    def _has_content(self) -> SituationReport:
        if not (self.counts or self.overview or self.measures or self.problems or self.next_steps):
            raise ValueError("至少需要基本数据、概述、措施、问题或下一步打算之一")
        return self


def prepare(facts: Envelope) -> dict[str, Any]:
    """Return the 情况汇报's derived wording context: title, time lead and the like."""
    assert isinstance(facts, SituationReport)
    campaign = campaign_phrase(facts)
    return {
        "title": default_title(facts),
        "when": when_phrase(facts),
        "subject": report_subject(facts),
        "campaign": campaign[0],
        "ongoing": campaign[1],
        "rates": rate_texts(facts.counts, facts.rates),
    }


EXAMPLE: dict[str, Any] = {
    "kind": "situation_report",
    "unit": {"name": "示例县卫生健康局", "self_reference": "我局"},
    "topic": "疫情防控",
    "as_of": "2020-02-10",
    "counts": [{"label": "累计排查返乡人员", "value": 126, "measure": "人"}],
    "signed_on": "2020-02-10",
}

KIND = Kind(
    id="situation_report",
    name="情况汇报",
    description="向上级报告某项工作的基本情况、主要做法、存在问题和下一步打算",
    model=SituationReport,
    prepare=prepare,
    example=EXAMPLE,
    order=1,
)
