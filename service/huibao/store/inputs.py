"""What a client may send to create or change offices, series and documents (validated, Chinese errors)."""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from huibao.compose.validation import translate

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
Cadence = Literal["week", "month", "quarter", "year"]

#: Chinese names of the cadences, as shown to clerks.
CADENCE_NAMES = {"week": "每周", "month": "每月", "quarter": "每季度", "year": "每年"}


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class GlossaryEntry(Input):
    """One glossary addition: a simplified term and the traditional form the office wants."""

    simplified: Name = Field(title="简体")
    traditional: Name = Field(title="繁体")


class OfficeIn(Input):
    """An office as created: only the name is required."""

    name: Name = Field(title="机关名称", description="如：青禾县应急管理局")
    self_reference: Name | None = Field(default=None, title="自称", description="如：我局")
    recipient: Name | None = Field(default=None, title="默认主送机关")
    signature: Name | None = Field(default=None, title="默认落款")
    issuer: Name | None = Field(default=None, title="发文机关标志", description="如：青禾县应急管理局文件")
    code: Short | None = Field(default=None, title="机关代字", description="发文字号的代字，如：青应急")
    keep: list[Name] = Field(default_factory=list, max_length=1000, title="转换时保留的人名、地名")
    glossary: list[GlossaryEntry] = Field(default_factory=list, max_length=1000, title="词表补充")


class OfficePatch(Input):
    """A change to an office: only the fields given are changed."""

    name: Name | None = None
    self_reference: Name | None = None
    recipient: Name | None = None
    signature: Name | None = None
    issuer: Name | None = None
    code: Short | None = None
    keep: list[Name] | None = Field(default=None, max_length=1000)
    glossary: list[GlossaryEntry] | None = Field(default=None, max_length=1000)


class SeriesIn(Input):
    """A series as created: office, kind, cadence; ``issue`` is the last 期号 already used."""

    office_id: int | None = Field(default=None, title="机关编号", description="使用令牌时可省略")
    name: Name = Field(title="系列名称", description="如：每周森林防火工作情况")
    kind: Short = Field(title="文种", description="如：situation_report 或 情况汇报")
    cadence: Cadence = Field(title="周期", description="week 每周；month 每月；quarter 每季度；year 每年")
    title_pattern: Name | None = Field(
        default=None,
        title="标题模式",
        description="可用 {year} {month} {quarter} {week} {issue}，如：{year}年第{issue}期森林防火工作简报",
    )
    issue: int = Field(default=0, ge=0, le=100000, title="已用期号")


class SeriesPatch(Input):
    name: Name | None = None
    cadence: Cadence | None = None
    title_pattern: Name | None = None


class DocumentIn(Input):
    """A new document: its office (or series) and its facts, complete or not."""

    office_id: int | None = Field(default=None, title="机关编号", description="使用令牌或给出系列时可省略")
    series_id: int | None = Field(default=None, title="系列编号")
    facts: dict[str, Any] = Field(title="事实", description="与 /api/reports 相同的事实；草稿可不完整")


class DocumentSave(Input):
    """A save: the facts and the version they were based on (or an ``If-Match`` header)."""

    facts: dict[str, Any] = Field(title="事实")
    version: int | None = Field(default=None, ge=1, title="所基于的版本", description="或用 If-Match 头")


M = TypeVar("M", bound=BaseModel)


def parse(model: type[M], data: object, what: str) -> M:
    """Return ``data`` validated as ``model``; raise InvalidFacts naming ``what`` (机关, 系列…)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise translate(exc, what) from None
