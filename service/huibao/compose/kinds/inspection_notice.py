"""督查通报 (inspection_notice): facts model, derived wording context, example and registration."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from huibao.compose import wording
from huibao.compose.facts import Count, Day, Envelope, Model, ShortText, Text
from huibao.compose.kinds import Kind
from huibao.compose.phrases import default_title, doing_when, join_and, methods_phrase


class InspectionTeam(Model):
    """Who inspected: the team's name, the units it was drawn from, its leader."""

    name: ShortText = Field(default="督查组", title="督查组名称", description="如：县政府联合督查组")
    members: list[ShortText] = Field(
        default_factory=list, title="组成单位", description="如：县政府督查室、县卫生健康局"
    )
    leader: ShortText | None = Field(default=None, title="带队领导", description="如：县政府副县长陈立新")


class UnitNote(Model):
    """Something a named unit did or showed: 城关镇 + 在农贸市场入口设置专人值守."""

    unit: ShortText = Field(title="单位", description="如：城关镇、县人民医院")
    text: Text = Field(title="情况", description="紧接单位名称成句，如：在市场入口设置专人值守")


class Finding(Model):
    """A finding of an inspection (good practice or problem) with named units as examples."""

    heading: ShortText | None = Field(default=None, title="小标题", description="如：测温登记流于形式")
    text: Text | None = Field(default=None, title="概述")
    examples: list[UnitNote] = Field(default_factory=list, title="典型单位", description="点名的单位及其情况")

    @model_validator(mode="after")
    def _not_empty(self) -> Finding:
        if not (self.heading or self.text or self.examples):
            raise ValueError("至少要有小标题、概述或典型单位之一")
        return self


class Requirement(Model):
    """A rectification requirement of an inspection notice, optionally with a deadline."""

    heading: ShortText | None = Field(default=None, title="小标题", description="如：立行立改")
    text: Text = Field(title="要求")
    due: Day | None = Field(default=None, title="完成时限", description="须在此日期前完成")


class InspectionNotice(Envelope):
    """督查通报: who inspected what, when and how; verdict; good practice; problems; requirements."""

    kind: Literal["inspection_notice"] = Field(title="文种")
    team: InspectionTeam = Field(default_factory=InspectionTeam, title="督查组")
    targets: ShortText = Field(
        title="督查对象和内容", description="如：各乡镇（街道）农贸市场疫情防控措施落实情况"
    )
    methods: list[ShortText] = Field(
        default_factory=list, title="督查方式", description="如：明查、暗访；两项以上写作“…相结合的方式”"
    )
    scope: list[Count] = Field(
        default_factory=list, title="督查范围", description="如：督查乡镇（街道）12个、随机抽查摊位158个"
    )
    verdict: Text = Field(title="总体评价", description="“总体来看，”之后的内容")
    good_practices: list[Finding] = Field(default_factory=list, title="好的做法")
    problems: list[Finding] = Field(default_factory=list, title="存在问题")
    requirements: list[Requirement] = Field(default_factory=list, title="整改要求")
    report_due: Day | None = Field(default=None, title="整改情况报送时限")
    report_to: ShortText | None = Field(
        default=None, title="整改情况报送单位", description="如：县政府督查室"
    )


def prepare(facts: Envelope) -> dict[str, Any]:
    """Return the 督查通报's derived wording context: title, time lead and the like."""
    assert isinstance(facts, InspectionNotice)
    team = facts.team
    name = wording.clause(team.name)
    phrase = f"{join_and(team.members)}组成{name}" if team.members else name
    if team.leader:
        # 联合督查组组成后由…带队 needs the comma; a bare team name takes 由… directly
        phrase += f"{'，' if team.members else ''}由{wording.clause(team.leader)}带队"
    if team.members or team.leader:
        phrase += "，"
    return {
        "title": default_title(facts, "督查情况的通报"),
        "when": doing_when(facts),
        "team": phrase,
        "methods": methods_phrase(facts.methods),
    }


EXAMPLE: dict[str, Any] = {
    "kind": "inspection_notice",
    "unit": {"name": "示例县人民政府督查室"},
    "topic": "校园食品安全",
    "targets": "全县中小学食堂食品安全管理情况",
    "verdict": "各学校食堂管理制度基本健全，食品安全总体可控",
    "signed_on": "2025-10-20",
}

KIND = Kind(
    id="inspection_notice",
    name="督查通报",
    description="通报督查情况：督查组、方式和范围，总体评价，好的做法，存在问题和整改要求",
    model=InspectionNotice,
    prepare=prepare,
    example=EXAMPLE,
    order=3,
)
