"""调研报告 (research_report): facts model, derived wording context, example and registration."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from huibao.compose.facts import Count, Envelope, Item, Model, Point, ShortText, Text
from huibao.compose.kinds import Kind
from huibao.compose.phrases import default_title, doing_when, join_and, methods_phrase


class ResearchGroup(Model):
    """A sub-group of a research team and what it looked into."""

    name: ShortText = Field(title="小组名称", description="如：第一小组")
    focus: ShortText = Field(title="调研重点", description="如：农村饮水工程运行管护")
    leader: ShortText | None = Field(default=None, title="带队人")


class ResearchTeam(Model):
    """Who did the research: leader, members, sub-groups."""

    leader: ShortText = Field(title="组长", description="如：县人大常委会副主任刘志远")
    members: list[ShortText] = Field(default_factory=list, title="成员")
    groups: list[ResearchGroup] = Field(default_factory=list, title="调研小组")


class Domain(Model):
    """Problems in one domain: （一）…方面, then 1. points and （1） details."""

    domain: ShortText = Field(title="方面", description="如：工程管护方面")
    summary: Text | None = Field(default=None, title="概述")
    points: list[Point] = Field(default_factory=list, title="具体问题")

    @model_validator(mode="after")
    def _not_empty(self) -> Domain:
        if not (self.summary or self.points):
            raise ValueError("每个方面至少要有概述或具体问题之一")
        return self


class ResearchReport(Envelope):
    """调研报告: commissioning basis, team and method counts, situation, problems by domain, advice."""

    kind: Literal["research_report"] = Field(title="文种")
    team: ResearchTeam = Field(title="调研组")
    methods: list[ShortText] = Field(
        default_factory=list, title="调研方式", description="如：听取汇报、座谈交流、实地察看"
    )
    method_counts: list[Count] = Field(
        default_factory=list, title="调研工作量", description="如：走访群众326人次、抽查点位48个"
    )
    overview: Text | None = Field(default=None, title="基本情况概述")
    counts: list[Count] = Field(default_factory=list, title="基本数据")
    highlights: list[Item] = Field(default_factory=list, title="主要做法和成效")
    problems: list[Domain] = Field(default_factory=list, title="存在问题", description="按“…方面”分列")
    suggestions: list[Point] = Field(default_factory=list, title="意见建议")

    @model_validator(mode="after")
    def _has_content(self) -> ResearchReport:
        if not (self.overview or self.counts or self.problems or self.suggestions):
            raise ValueError("至少需要基本情况、存在问题或意见建议之一")
        return self


def prepare(facts: Envelope) -> dict[str, Any]:
    """Return the 调研报告's derived wording context: title, time lead and the like."""
    assert isinstance(facts, ResearchReport)
    return {
        "title": default_title(facts, "情况的调研报告"),
        "when": doing_when(facts),
        "members": join_and(facts.team.members),
        "methods": methods_phrase(facts.methods),
    }


EXAMPLE: dict[str, Any] = {
    "kind": "research_report",
    "unit": {"name": "示例县人大常委会办公室", "self_reference": "县人大常委会"},
    "topic": "基层医疗卫生服务",
    "team": {"leader": "县人大常委会副主任"},
    "overview": "全县共有乡镇卫生院12所、村卫生室165个",
    "signed_on": "2025-08-30",
}

KIND = Kind(
    id="research_report",
    name="调研报告",
    description="报告调研情况：调研组和调研方式，基本情况，分方面的问题，意见建议",
    model=ResearchReport,
    prepare=prepare,
    example=EXAMPLE,
    order=7,
)
