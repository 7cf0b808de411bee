"""整改情况报告 (rectification_report): facts model, derived wording context, example and registration."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import Field, model_validator

from huibao.compose import wording
from huibao.compose.facts import Day, Envelope, Item, Model, ShortText, Text
from huibao.compose.kinds import Kind
from huibao.compose.phrases import default_title, when_phrase


class RectificationItem(Model):
    """One problem, the measure taken against it and where it stands."""

    problem: Text = Field(title="问题", description="反馈的问题，如：疫情防控会议无会议纪要")
    measure: Text = Field(title="整改措施")
    status: Literal["已完成", "正在推进", "长期坚持"] = Field(
        title="整改状态", description="已完成、正在推进，或需长期坚持的事项"
    )
    due: Day | None = Field(
        default=None, title="日期", description="已完成时为完成日期（可选）；正在推进时为计划完成日期（必填）"
    )
    responsible: ShortText | None = Field(default=None, title="责任单位", description="如：县水利局")

    @model_validator(mode="after")
    def _due_when_pending(self) -> RectificationItem:
        if self.status == "正在推进" and self.due is None:
            raise ValueError("整改状态为“正在推进”时须填写计划完成日期（due）")
        return self


class RectificationReport(Envelope):
    """整改情况报告: where the problems came from, how the work was organised, item by item."""

    kind: Literal["rectification_report"] = Field(title="文种")
    source: ShortText | None = Field(
        default=None, title="问题来源", description="如：县疫情防控督查组3月督查反馈"
    )
    organization: Text | None = Field(
        default=None, title="整改部署", description="如：成立整改工作专班，建立问题清单、责任清单"
    )
    items: list[RectificationItem] = Field(min_length=1, title="整改事项")
    next_steps: list[Item] = Field(default_factory=list, title="下一步工作打算")


def prepare(facts: Envelope) -> dict[str, Any]:
    """Return the 整改情况报告's derived wording context: title, time lead and the like."""
    assert isinstance(facts, RectificationReport)
    statuses = [item.status for item in facts.items]
    return {
        "title": facts.title
        or (f"关于{topic}整改情况的报告" if (topic := wording.clause(facts.topic)).endswith("问题")
            else default_title(facts, "整改情况的报告")),
        "when": when_phrase(facts),
        "total": len(facts.items),
        "progress": progress_sentence(statuses),
    }


def progress_sentence(statuses: Sequence[str]) -> str:
    """Return where the problems stand as one sentence: 4个问题中已完成整改3个，正在推进1个。"""
    total = len(statuses)
    done, pending, lasting = (list(statuses).count(s) for s in ("已完成", "正在推进", "长期坚持"))
    if total == 1:
        return {"已完成": "该问题已完成整改。", "正在推进": "该问题正在推进整改。"}.get(
            statuses[0], "该问题需长期坚持整改。"
        )
    if done == total:
        return f"{total}个问题已全部完成整改。"
    if pending == total:
        return f"{total}个问题均在推进整改中。"
    parts = [
        f"{word}{n}个"
        for word, n in (("已完成整改", done), ("正在推进", pending), ("需长期坚持", lasting))
        if n
    ]
    return f"{total}个问题中{'，'.join(parts)}。"


_UNIT: dict[str, Any] = {"name": "示例县卫生健康局", "self_reference": "我局"}
EXAMPLE: dict[str, Any] = {
    "kind": "rectification_report",
    "unit": _UNIT,
    "topic": "医疗机构院感防控督查反馈问题",
    "items": [
        {"problem": "预检分诊登记信息不完整", "measure": "统一登记表格，每日专人核查", "status": "已完成"}
    ],
    "signed_on": "2025-11-05",
}

KIND = Kind(
    id="rectification_report",
    name="整改情况报告",
    description="逐项报告反馈问题的整改措施、责任单位和进展（已完成、正在推进或长期坚持）",
    model=RectificationReport,
    prepare=prepare,
    example=EXAMPLE,
    order=4,
)
