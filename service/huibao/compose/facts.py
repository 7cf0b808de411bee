"""The facts model: what a user tells huibao, as pydantic v2 models with JSON Schemas.

Every report kind shares :class:`Envelope` (unit, recipient, dates, signature, target script,
layout options); each kind adds its own sections. Field names are English snake_case; the
Chinese descriptions become the JSON Schema's ``title``/``description`` that the web form shows.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Approximation = Literal["余", "多", "近", "约", "左右", "以上"]
Script = Literal["zh-Hans", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK"]


def _plausible_amount(value: Decimal) -> Decimal:
    """Refuse magnitudes no report states: written out in full, 1e999999999 is a billion digits.

    Works on the digit tuple: ``normalize()`` would round, underflow or raise Overflow.
    """
    _sign, digits, exponent = value.as_tuple()
    significant = "".join(map(str, digits)).rstrip("0")
    if not significant:
        return Decimal(0)  # 0E-999999999 is zero, not a billion zeros after the point
    exponent = int(exponent) + len(digits) - len(significant)
    if len(significant) + exponent > 16 or exponent < -10:
        raise ValueError("数值超出范围：整数部分至多 16 位，小数至多 10 位")
    return value


Amount = Annotated[Decimal, AfterValidator(_plausible_amount)]


#: Most items any one list of facts may hold: headings are numbered 一…九千九百九十九, and no
#: report has a thousand measures or rows in one list.
MAX_ITEMS = 1000


class Model(BaseModel):
    """Base of every facts model: unknown fields are errors, so typos never vanish silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _not_too_many(cls, value: object) -> object:
        if isinstance(value, list) and len(value) > MAX_ITEMS:
            raise ValueError(f"项目过多：{len(value)} 项，至多 {MAX_ITEMS} 项")
        return value


class Unit(Model):
    name: ShortText = Field(title="单位名称", description="发文单位全称，如：某某县卫生健康局")
    self_reference: ShortText | None = Field(
        default=None, title="单位自称", description="如：我县、我局、我镇、我社区；缺省时用单位名称"
    )


class Period(Model):
    start: dt.date = Field(title="起始日期")
    end: dt.date = Field(title="截止日期")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError("截止日期早于起始日期")
        return self


class Count(Model):
    """A counted fact: 累计排查返乡人员126人，其中居家隔离98人、集中隔离28人."""

    id: ShortText | None = Field(default=None, title="编号", description="供比率引用的标识，可选")
    label: ShortText = Field(title="事项", description="如：累计排查返乡人员")
    value: Amount = Field(title="数量", description="整数或小数")
    measure: Annotated[str, StringConstraints(strip_whitespace=True, max_length=20)] = Field(
        default="", title="量词/单位", description="如：人、户、个、万元、%"
    )
    approx: Approximation | None = Field(
        default=None, title="约数", description="余、多、近、约、左右、以上"
    )
    scale: bool = Field(default=False, title="以万为单位", description="1万及以上时写作“1.2万份”")
    breakdown: list[Count] = Field(default_factory=list, title="其中", description="分项")
    note: Text | None = Field(default=None, title="备注")


class Rate(Model):
    """A rate derived from two counts: 复工率达98.4%."""

    label: ShortText = Field(title="比率名称", description="如：复工率")
    numerator: ShortText = Field(title="分子", description="引用计数的编号或事项名称")
    denominator: ShortText = Field(title="分母", description="引用计数的编号或事项名称")
    digits: int = Field(default=1, ge=0, le=4, title="保留小数位数")


class Item(Model):
    """An item of a list: plain text, optionally led by a short heading.

    A bare JSON string is accepted as ``{"text": ...}``.
    """

    heading: ShortText | None = Field(default=None, title="小标题")
    text: Text | None = Field(default=None, title="内容")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: object) -> object:
        return {"text": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _not_empty(self) -> Item:
        if not self.heading and not self.text:
            raise ValueError("小标题和内容不能都为空")
        return self


class Measure(Model):
    """A measure taken: a short heading (or a pair of 4-character phrases), text, own counts."""

    heading: ShortText | None = Field(default=None, title="小标题", description="如：加强组织领导")
    phrases: list[ShortText] = Field(
        default_factory=list,
        max_length=2,
        title="对仗短语",
        description="两个四字短语，如：强化统筹、压实责任",
    )
    text: Text | None = Field(default=None, title="具体做法")
    counts: list[Count] = Field(default_factory=list, title="相关数据")

    @model_validator(mode="after")
    def _not_empty(self) -> Measure:
        if not (self.heading or self.phrases or self.text or self.counts):
            raise ValueError("措施至少要有小标题、内容或数据之一")
        return self


class Options(Model):
    """Layout and wording choices where the sources vary."""

    closing: bool = Field(default=True, title="结束语", description="是否以“特此报告。”等结尾")
    run_in_headings: bool = Field(
        default=False, title="标题与正文同段", description="如：（一）加强组织领导。正文接排"
    )
    opening: Literal["basis", "background", "profile"] = Field(
        default="basis", title="开头方式", description="basis 依据开头；background 背景开头；profile 概况开头"
    )
    numbering_depth: int = Field(default=4, ge=1, le=4, title="标题层级数")


class Envelope(Model):
    """What every kind shares: who writes to whom, about what, when, and in which script."""

    kind: str = Field(title="文种")
    title: ShortText | None = Field(default=None, title="标题", description="缺省时自动生成")
    unit: Unit = Field(title="发文单位")
    recipient: ShortText | None = Field(default=None, title="主送机关", description="如：县疫情防控指挥部")
    topic: ShortText = Field(title="主题", description="如：疫情防控")
    basis: ShortText | None = Field(
        default=None, title="依据", description="如：县指挥部《关于做好返乡人员排查工作的通知》要求"
    )
    background: Text | None = Field(default=None, title="背景", description="背景式开头的内容")
    as_of: dt.date | dt.datetime | None = Field(
        default=None, title="截至时间", description="如 2020-01-28T18:00 或 2020-01-28"
    )
    period: Period | None = Field(default=None, title="时间段")
    signature: ShortText | None = Field(default=None, title="落款单位", description="缺省时用发文单位")
    signed_on: dt.date | None = Field(default=None, title="成文日期")
    script: Script = Field(default="zh-Hans", title="文字", description="简体或繁体（台湾、香港）")
    keep: list[ShortText] = Field(
        default_factory=list,
        title="保持原样的词语",
        description="转换为繁体时不转换的人名、地名，如：余华、干河村",
    )
    options: Options = Field(default_factory=Options, title="版式选项")

    @property
    def self_name(self) -> str:
        """Return how the unit refers to itself (我县), or its full name when not given."""
        return self.unit.self_reference or self.unit.name


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


# --- Building blocks shared by the other kinds ------------------------------------------------


class Point(Model):
    """A headed point with optional sub-points: ``1. heading text`` then ``（1）…`` or ``一是…``."""

    heading: ShortText | None = Field(default=None, title="小标题")
    text: Text | None = Field(default=None, title="内容")
    counts: list[Count] = Field(default_factory=list, title="相关数据")
    details: list[Item] = Field(
        default_factory=list, title="分项", description="有小标题的分项成为下一级标题，否则写作“一是…；二是…”"
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Point:
        if not (self.heading or self.text or self.counts or self.details):
            raise ValueError("要点至少要有小标题、内容、数据或分项之一")
        return self


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
    due: dt.date | None = Field(default=None, title="完成时限", description="须在此日期前完成")


# --- 工作总结 -----------------------------------------------------------------------------------


class WorkSummary(Envelope):
    """工作总结: since-when opening, measures under paired phrases, results, lessons, gaps, plans."""

    kind: Literal["work_summary"] = Field(title="文种")
    since: ShortText | None = Field(
        default=None,
        title="起始时点",
        description="用于“…以来”开头，如：今年、2023年3月；缺省时用时间段，再缺省为“今年以来”",
    )
    overview: Text | None = Field(default=None, title="总体情况", description="开头段中的总体概述")
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


# --- 督查通报 -----------------------------------------------------------------------------------


class InspectionTeam(Model):
    """Who inspected: the team's name, the units it was drawn from, its leader."""

    name: ShortText = Field(default="督查组", title="督查组名称", description="如：县政府联合督查组")
    members: list[ShortText] = Field(
        default_factory=list, title="组成单位", description="如：县政府督查室、县卫生健康局"
    )
    leader: ShortText | None = Field(default=None, title="带队领导", description="如：县政府副县长陈立新")


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
    report_due: dt.date | None = Field(default=None, title="整改情况报送时限")
    report_to: ShortText | None = Field(
        default=None, title="整改情况报送单位", description="如：县政府督查室"
    )


# --- 整改情况报告 -------------------------------------------------------------------------------


class RectificationItem(Model):
    """One problem, the measure taken against it and where it stands."""

    problem: Text = Field(title="问题", description="反馈的问题，如：疫情防控会议无会议纪要")
    measure: Text = Field(title="整改措施")
    status: Literal["已完成", "正在推进"] = Field(title="整改状态")
    due: dt.date | None = Field(
        default=None, title="日期", description="已完成时为完成日期（可选）；正在推进时为计划完成日期（必填）"
    )

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


# --- 发言材料 -----------------------------------------------------------------------------------


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


# --- 工作简报 -----------------------------------------------------------------------------------


class WorkBrief(Envelope):
    """工作简报: a news brief of three paragraphs (lead, content, effect) under an issue line."""

    kind: Literal["work_brief"] = Field(title="文种")
    series: ShortText | None = Field(
        default=None, title="简报名称", description="如：疫情防控工作简报；缺省时由主题生成"
    )
    issue_number: int = Field(ge=1, le=9999, title="期号", description="第几期")
    purpose: ShortText = Field(title="目的", description="“为…”之后的内容，如：进一步压实农贸市场防控责任")
    held_on: dt.date = Field(title="开展日期")
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


# --- 调研报告 -----------------------------------------------------------------------------------


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


# --- 情况快报 -----------------------------------------------------------------------------------


class StatusSnapshot(Envelope):
    """情况快报: a fixed set of counts as of a time, shown as a table after a one-paragraph lead."""

    kind: Literal["status_snapshot"] = Field(title="文种")
    counts: list[Count] = Field(min_length=1, title="数据", description="每项一行：项目、数量、单位、备注")
    rates: list[Rate] = Field(default_factory=list, title="比率")
    lead: Text | None = Field(default=None, title="简要说明", description="导语段中表格之前的说明")

    @model_validator(mode="after")
    def _has_time(self) -> StatusSnapshot:
        if self.as_of is None and self.period is None:
            raise ValueError("情况快报须填写截至时间（as_of）或时间段（period）")
        return self
