"""发言材料 (speech): facts model, derived wording context, example and registration."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from huibao.compose import wording
from huibao.compose.facts import Count, Envelope, Item, Point, ShortText, Text
from huibao.compose.kinds import Kind
from huibao.compose.phrases import LONG_TOPIC, when_phrase


class Speech(Envelope):
    """发言材料: a speech at a meeting: stage summary, understanding and situation, next measures."""

    kind: Literal["speech"] = Field(title="文种")
    occasion: ShortText = Field(title="会议名称", description="如：全县疫情防控形势分析会")
    speaker: ShortText | None = Field(
        default=None, title="发言人", description="标题下的署名行，如：县卫生健康局党组书记、局长 周明"
    )
    stage_summary: Text | None = Field(default=None, title="阶段性工作概述")
    counts: list[Count] = Field(default_factory=list, title="相关数据")
    achievements: list[Item] = Field(default_factory=list, title="主要工作", description="写作“一是…；二是…”")
    understanding: list[Item] = Field(default_factory=list, title="认识体会")
    situation: Text | None = Field(default=None, title="形势分析")
    challenges: list[Item] = Field(default_factory=list, title="面临的困难和问题")
    next_steps: list[Point] = Field(
        default_factory=list, title="下步工作措施", description="每项为（一）小标题，其下分项写作“一是…”"
    )

    @model_validator(mode="after")
    def _has_content(self) -> Speech:
        if not (self.stage_summary or self.achievements or self.next_steps):
            raise ValueError("至少需要阶段性工作概述、主要工作或下步工作措施之一")
        return self


def prepare(facts: Envelope) -> dict[str, Any]:
    """Return the 发言材料's derived wording context: title, time lead and the like."""
    assert isinstance(facts, Speech)
    return {
        "title": facts.title or f"在{wording.clause(facts.occasion)}上的发言",
        "when": when_phrase(facts),
        # a long topic, already named in the opening, is not repeated in the first heading
        "stage_heading": "阶段性工作总结"
        if len(wording.with_work(facts.topic)) > LONG_TOPIC
        else f"{wording.with_work(facts.topic)}阶段性总结",
    }


_UNIT: dict[str, Any] = {"name": "示例县卫生健康局", "self_reference": "我局"}
EXAMPLE: dict[str, Any] = {
    "kind": "speech",
    "unit": _UNIT,
    "topic": "冬春季传染病防控",
    "occasion": "全县冬春季传染病防控工作推进会",
    "stage_summary": "入冬以来，我局统筹做好重点传染病监测预警和医疗救治准备",
    "signed_on": "2025-12-10",
}

KIND = Kind(
    id="speech",
    name="发言材料",
    description="会议发言：阶段性总结、认识体会及形势分析、下步工作措施",
    model=Speech,
    prepare=prepare,
    example=EXAMPLE,
    order=5,
)
