"""The shared facts model: what every report kind is told, as pydantic v2 models with JSON Schemas.

Every report kind shares :class:`Envelope` (unit, recipient, dates, signature, target script,
layout options) and the building blocks here (count, rate, item, measure, point); each kind adds
its own sections in its module under ``huibao.compose.kinds``. Field names are English snake_case; the
Chinese descriptions become the JSON Schema's ``title``/``description`` that the web form shows.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StrictBool,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue, WithJsonSchema
from pydantic_core import CoreSchema

from huibao.compose.elements import ElementFacts
from huibao.scripts import Script

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Approximation = Literal["余", "多", "近", "约", "左右", "以上"]
#: A script field: huibao.scripts.Script, validated with its Chinese error, schema an inline enum.
ScriptField = Annotated[Script, BeforeValidator(Script.validate), WithJsonSchema(Script.json_schema())]


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

#: China Standard Time: an as-of time given with a time zone is read in it.
CHINA_TIME = dt.timezone(dt.timedelta(hours=8))
_DAY_MESSAGE = "应为日期，如 2020-01-28"
_MOMENT_MESSAGE = "应为日期（如 2020-01-28）或日期时间（如 2020-01-28T18:00）"


def _is_number(value: object) -> bool:
    """Return True for a JSON number or a string of digits (which pydantic reads as a Unix time)."""
    if isinstance(value, bool | int | float | Decimal):
        return True
    return isinstance(value, str) and value.strip().replace(".", "", 1).isdigit()


def _day(value: object) -> object:
    """Refuse numbers for a date (20200210 is not a date); pass anything else to pydantic."""
    if _is_number(value):
        raise ValueError(_DAY_MESSAGE)
    return value


def _moment(value: object) -> object:
    """Return a date, or a naive date-time in China time; refuse numbers and anything else."""
    if isinstance(value, str) and not _is_number(value):
        text = value.strip()
        try:
            value = dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(_MOMENT_MESSAGE) from None
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(CHINA_TIME).replace(tzinfo=None)
    if isinstance(value, dt.date):
        return value
    raise ValueError(_MOMENT_MESSAGE)


#: A calendar date: 2020-01-28 (never a number).
Day = Annotated[dt.date, BeforeValidator(_day)]
#: A date or a date-time, read in China time when a zone is given: 2020-01-28T18:00+08:00.
Moment = Annotated[dt.date | dt.datetime, BeforeValidator(_moment)]


#: Most items any one list of facts may hold: headings are numbered 一…九千九百九十九, and no
#: report has a thousand measures or rows in one list.
MAX_ITEMS = 1000


class Model(BaseModel):
    """Base of every facts model: unknown fields are errors, so typos never vanish silently."""

    # defer_build: a kind's models are built when first used, so a render builds only its own
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)

    @field_validator("*", mode="before")
    @classmethod
    def _not_too_many(cls, value: object) -> object:
        """Refuse an over-long list before its items are validated (a million items is slow)."""
        if isinstance(value, list) and len(value) > MAX_ITEMS:
            raise ValueError(f"项目过多：{len(value)} 项，至多 {MAX_ITEMS} 项")
        return value


class Unit(Model):
    name: ShortText = Field(title="单位名称", description="发文单位全称，如：某某县卫生健康局")
    self_reference: ShortText | None = Field(
        default=None, title="单位自称", description="如：我县、我局、我镇、我社区；缺省时用单位名称"
    )


class Period(Model):
    start: Day = Field(title="起始日期")
    end: Day = Field(title="截止日期")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError("截止日期早于起始日期")
        return self


Measure_ = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20)]


class Tally(Model):
    """A further figure of a compound tally: the 46人 of 落实居家隔离14户46人."""

    value: Amount = Field(title="数量")
    measure: Measure_ = Field(default="", title="量词/单位", description="如：人")
    approx: Approximation | None = Field(default=None, title="约数", description="余、多、近、约、左右、以上")
    scale: StrictBool = Field(default=False, title="以万、亿为单位")


class Count(Model):
    """A counted fact: 累计排查返乡人员126人，其中居家隔离98人、集中隔离28人."""

    id: ShortText | None = Field(default=None, title="编号", description="供比率引用的标识，可选")
    label: ShortText = Field(title="事项", description="如：累计排查返乡人员")
    value: Amount = Field(title="数量", description="整数或小数")
    measure: Measure_ = Field(default="", title="量词/单位", description="如：人、户、个、万元、%")
    approx: Approximation | None = Field(
        default=None, title="约数", description="余、多、近、约、左右、以上"
    )
    scale: StrictBool = Field(
        default=False, title="以万、亿为单位", description="1万及以上写作“1.2万份”，1亿及以上写作“1.2亿元”"
    )
    upper: Amount | None = Field(
        default=None, title="范围上限", description="数量是一个范围时的上限，如“4万—5万个”中的5万"
    )
    also: list[Tally] = Field(
        default_factory=list, max_length=3, title="复合数量", description="随后的数量，如“14户46人”中的46人"
    )
    zero: ShortText | None = Field(
        default=None, title="为0时的说法", description="数量为0时正文的写法，如：未发生群体性事件"
    )
    previous: Amount | None = Field(default=None, title="比较数", description="上年同期、上月等的数量")
    previous_label: ShortText | None = Field(
        default=None, title="比较对象", description="如：上年同期、上月、上周；缺省为“上期”"
    )
    target: Amount | None = Field(default=None, title="目标数", description="如年度目标任务的数量")
    target_label: ShortText | None = Field(
        default=None, title="目标名称", description="如：年度目标任务；缺省为“目标任务”"
    )
    subject: ShortText | None = Field(
        default=None, title="主语", description="如：全县、全镇；缺省时为单位自称"
    )
    group: ShortText | None = Field(default=None, title="分组", description="同一分组的数据写在同一句中")
    breakdown: list[Count] = Field(default_factory=list, title="其中", description="分项")
    note: Text | None = Field(
        default=None, title="备注", description="说明整个数量；只说明某一分项的，写在该分项的备注中"
    )

    @model_validator(mode="after")
    def _range_ordered(self) -> Count:
        if self.upper is not None and self.upper < self.value:
            raise ValueError("范围上限小于数量")
        return self


class Rate(Model):
    """A rate derived from two counts: 复工率达98.4%，比上期提高1.2个百分点."""

    label: ShortText = Field(title="比率名称", description="如：复工率")
    numerator: ShortText = Field(title="分子", description="引用计数的编号或事项名称")
    denominator: ShortText = Field(title="分母", description="引用计数的编号或事项名称")
    digits: int = Field(default=1, ge=0, le=4, title="保留小数位数")
    previous: Amount | None = Field(
        default=None, title="比较数（%）", description="上期的比率（百分数），比较时以“个百分点”表述"
    )
    previous_label: ShortText | None = Field(
        default=None, title="比较对象", description="如：上年同期、上月；缺省为“上期”"
    )


class TextShorthand(Model):
    """A model that may also be written as a bare JSON string, read as ``{"text": ...}``.

    Its JSON Schema says so (``anyOf`` string or object), so the published schema accepts
    exactly what validation accepts. Subclasses declare their own ``text`` field.
    """

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: object) -> object:
        return {"text": data} if isinstance(data, str) else data

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        return {"anyOf": [{"type": "string", "minLength": 1}, schema]}  # type: ignore[dict-item]


class Item(TextShorthand):
    """An item of a list: plain text, optionally led by a short heading.

    A bare JSON string is accepted as ``{"text": ...}``.
    """

    heading: ShortText | None = Field(default=None, title="小标题")
    text: Text | None = Field(default=None, title="内容")

    @model_validator(mode="after")
    def _not_empty(self) -> Item:
        if not self.heading and not self.text:
            raise ValueError("小标题和内容不能都为空")
        return self


class Measure(TextShorthand):
    """A measure taken: a short heading (or a pair of 4-character phrases), text, an inline
    一是…二是… list, own counts. A bare JSON string is accepted as ``{"text": ...}``."""

    heading: ShortText | None = Field(default=None, title="小标题", description="如：加强组织领导")
    phrases: list[ShortText] = Field(
        default_factory=list,
        max_length=2,
        title="对仗短语",
        description="两个四字短语，如：强化统筹、压实责任",
    )
    text: Text | None = Field(default=None, title="具体做法")
    details: list[Item] = Field(
        default_factory=list, title="分项", description="写作“一是…；二是…”，接在具体做法之后"
    )
    counts: list[Count] = Field(default_factory=list, title="相关数据")

    @model_validator(mode="after")
    def _not_empty(self) -> Measure:
        if not (self.heading or self.phrases or self.text or self.details or self.counts):
            raise ValueError("措施至少要有小标题、内容、分项或数据之一")
        return self


class Options(Model):
    """Layout and wording choices where the sources vary."""

    closing: StrictBool = Field(default=True, title="结束语", description="是否以“特此报告。”等结尾")
    run_in_headings: StrictBool = Field(
        default=False, title="标题与正文同段", description="如：（一）加强组织领导。正文接排"
    )
    opening: Literal["basis", "background", "profile"] = Field(
        default="basis", title="开头方式", description="basis 依据开头；background 背景开头；profile 概况开头"
    )
    numbering_depth: int = Field(default=4, ge=1, le=4, title="标题层级数")


class EnvelopeFields(Model):
    """What every kind shares: who writes to whom, about what, when, and in which script."""

    kind: str = Field(title="文种")
    office: ShortText | Annotated[int, Field(ge=1, le=2_147_483_647)] | None = Field(
        default=None,
        title="机关",
        description="已保存机关的名称或编号：发文单位、主送机关、落款、发文机关标志和机关代字未填写的，取自该机关",
    )
    title: ShortText | None = Field(default=None, title="标题", description="缺省时自动生成")
    unit: Unit = Field(title="发文单位", description="已选“机关”时可不填，取自该机关")
    recipient: ShortText | None = Field(default=None, title="主送机关", description="如：县疫情防控指挥部")
    topic: ShortText = Field(title="主题", description="如：疫情防控")
    basis: ShortText | None = Field(
        default=None, title="依据", description="如：县指挥部《关于做好返乡人员排查工作的通知》要求"
    )
    background: Text | None = Field(default=None, title="背景", description="背景式开头的内容")
    as_of: Moment | None = Field(
        default=None,
        title="截至时间",
        description="日期或日期时间，如 2020-01-28 或 2020-01-28T18:00；带时区时按北京时间",
    )
    period: Period | None = Field(default=None, title="时间段")
    signature: ShortText | None = Field(default=None, title="落款单位", description="缺省时用发文单位")
    signed_on: Day | None = Field(default=None, title="成文日期")
    script: ScriptField = Field(default=Script.HANS, title="文字", description="简体或繁体（台湾、香港）")
    keep: list[ShortText] = Field(
        default_factory=list,
        title="人名、地名",
        description="转换时整体处理的人名、地名（不与前后文组成词，两种字形通用的字保持原样），如：余华、干河村",
    )
    options: Options = Field(default_factory=Options, title="版式选项")

    @property
    def self_name(self) -> str:
        """Return how the unit refers to itself (我县), or its full name when not given."""
        return self.unit.self_reference or self.unit.name


class Envelope(ElementFacts, EnvelopeFields):
    """What every kind shares, then the 公文 elements above and below the body (all optional:
    份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人, 附件说明, 附注, 抄送, 印发; see
    :mod:`huibao.compose.elements`)."""


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
