"""The facts model: what a user tells huibao, as pydantic v2 models with JSON Schemas.

Every report kind shares :class:`Envelope` (unit, recipient, dates, signature, target script,
layout options); each kind adds its own sections. Field names are English snake_case; the
Chinese descriptions become the JSON Schema's ``title``/``description`` that the web form shows.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Approximation = Literal["余", "多", "近", "约", "左右", "以上"]
Script = Literal["zh-Hans", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK"]


class Model(BaseModel):
    """Base of every facts model: unknown fields are errors, so typos never vanish silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


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
    value: Decimal = Field(title="数量", description="整数或小数")
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
        default_factory=list, max_length=2, title="对仗短语", description="两个四字短语，如：强化统筹、压实责任"
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
