"""工作简报 (work_brief): facts model, derived wording context, example and registration."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from huibao.compose import dates, wording
from huibao.compose.elements import BriefElements
from huibao.compose.facts import Count, Day, Envelope, ShortText, Text
from huibao.compose.kinds import Kind


class WorkBrief(BriefElements, Envelope):
    """工作简报: a news brief of three paragraphs (lead, content, effect) under an issue line;
    its masthead, 编印单位 and 报/送/发 block come from :class:`BriefElements`."""

    kind: Literal["work_brief"] = Field(title="文种")
    series: ShortText | None = Field(
        default=None, title="简报名称", description="如：疫情防控工作简报；缺省时由主题生成"
    )
    issue_number: int = Field(ge=1, le=9999, title="期号", description="第几期")
    purpose: ShortText = Field(title="目的", description="“为…”之后的内容，如：进一步压实农贸市场防控责任")
    held_on: Day = Field(title="开展日期")
    organizer: ShortText | None = Field(
        default=None, title="开展单位", description="缺省时用单位自称，如：我局联合县市场监管局"
    )
    target: ShortText | None = Field(default=None, title="对象", description="如：全县26家农贸市场")
    event: ShortText = Field(title="开展的工作", description="如：疫情防控专项检查")
    activity: ShortText = Field(default="活动", title="简称", description="“本次…”中的简称，如：检查、培训")
    content: Text = Field(title="主要内容")
    counts: list[Count] = Field(default_factory=list, title="相关数据")
    effect: Text = Field(title="效果", description="“本次…”之后的内容")
    ensure: ShortText | None = Field(default=None, title="确保", description="“确保…”之后的内容")


#: Labels that count from before the activity (season or year totals), never “督导期间，共…”.
_TOTALS = ("累计", "截至", "今年以来", "年初以来", "全年", "年内", "本年度", "目前", "至今", "共")


def prepare(facts: Envelope) -> dict[str, Any]:
    """Return the 工作简报's derived wording context: title, time lead, the effect's opening
    (本次督导…, not 本次督导督导…) and the word that closes it (确保, or 保证 when the effect
    already says 确保)."""
    assert isinstance(facts, WorkBrief)
    same_year = facts.signed_on is None or facts.signed_on.year == facts.held_on.year
    held = dates.format_month_day(facts.held_on) if same_year else dates.format_date(facts.held_on)
    effect = facts.effect.removeprefix("本次")
    first = facts.counts[0].label if facts.counts else ""
    return {
        "effect": effect,
        "effect_lead": "本次" if effect.startswith(facts.activity) else f"本次{facts.activity}",
        "ensure_word": "保证" if "确保" in effect else "确保",
        "counts_lead": "" if first.startswith((facts.activity, *_TOTALS)) else f"{facts.activity}期间，",
        "title": facts.title or f"{facts.unit.name}开展{wording.clause(facts.event)}",
        "series": facts.series or f"{wording.with_work(facts.topic)}简报",
        "issuer": facts.signature or facts.unit.name,
        "held": held,
        "organizer": facts.organizer or facts.self_name,
    }


_UNIT: dict[str, Any] = {"name": "示例县卫生健康局", "self_reference": "我局"}
EXAMPLE: dict[str, Any] = {
    "kind": "work_brief",
    "unit": _UNIT,
    "topic": "健康教育",
    "issue_number": 1,
    "purpose": "普及慢性病防治知识",
    "held_on": "2025-09-16",
    "event": "慢性病防治义诊宣传活动",
    "content": "活动现场设置咨询台，医务人员为群众测量血压、血糖并讲解用药知识",
    "effect": "贴近群众需求，受到居民欢迎",
    "signed_on": "2025-09-17",
}

KIND = Kind(
    id="work_brief",
    name="工作简报",
    description="一期简报的一条信息：导语、主要内容、效果三段，带期号",
    model=WorkBrief,
    prepare=prepare,
    example=EXAMPLE,
    order=6,
)
