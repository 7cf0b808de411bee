"""What a client may send to create or change offices, series and documents (validated, Chinese errors)."""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)
from pydantic.json_schema import SkipJsonSchema, WithJsonSchema

from huibao.compose.kinds import KINDS
from huibao.compose.validation import translate

#: At least one character that is white space neither to JSON Schema (ECMA) nor to Python.
VISIBLE = r"[^\s\x1c-\x1f\x85]"
#: Text with at least one visible character (surrounding white space is dropped).
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=VISIBLE)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50, pattern=VISIBLE)]
#: Every name a kind goes by: its id and its Chinese name.
KIND_NAMES = [name for k in KINDS.values() for name in (k.id, k.name)]
KindName = Annotated[str, WithJsonSchema({"type": "string", "enum": KIND_NAMES, "title": "文种"})]
#: Draft facts: any JSON object with a kind (the facts of /api/reports, complete or not).
DraftFacts = Annotated[
    dict[str, Any],
    WithJsonSchema({
        "type": "object",
        "title": "事实",
        "description": "与 /api/reports 相同的事实；草稿可不完整",
        "properties": {"kind": {"type": "string", "enum": KIND_NAMES}},
        "required": ["kind"],
    }),
]


def whole_number(value: object) -> object:
    """Return a JSON integer (3 or 3.0) as int; refuse booleans, strings and fractions."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("应为整数")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("应为整数")
        return int(value)
    return value


#: A database id.
Id = Annotated[int, Field(ge=1, le=2_147_483_647), BeforeValidator(whole_number)]
Cadence = Literal["week", "month", "quarter", "year"]

#: Chinese names of the cadences, as shown to clerks.
CADENCE_NAMES = {"week": "每周", "month": "每月", "quarter": "每季度", "year": "每年"}


def not_null(value: object) -> object:
    """Refuse an explicit null for a field that may be left out but not cleared."""
    if value is None:
        raise ValueError("不能为 null")
    return value


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
    issuer: Name | None = Field(
        default=None,
        title="发文机关标志",
        description="机关全称或规范化简称，如：青禾县应急管理局（“文件”二字按文种添加）",
    )
    code: Short | None = Field(default=None, title="机关代字", description="发文字号的代字，如：青应急")
    keep: list[Name] = Field(default_factory=list, max_length=1000, title="转换时保留的人名、地名")
    glossary: list[GlossaryEntry] = Field(default_factory=list, max_length=1000, title="词表补充")


class OfficePatch(Input):
    """A change to an office: only the fields given are changed (null clears an optional one)."""

    name: Name | SkipJsonSchema[None] = Field(default=None, title="机关名称", description="不能为 null")
    self_reference: Name | None = None
    recipient: Name | None = None
    signature: Name | None = None
    issuer: Name | None = None
    code: Short | None = None
    keep: list[Name] | SkipJsonSchema[None] = Field(default=None, max_length=1000)
    glossary: list[GlossaryEntry] | SkipJsonSchema[None] = Field(default=None, max_length=1000)

    _not_null = field_validator("name", "keep", "glossary", mode="before")(not_null)


class SeriesIn(Input):
    """A series as created: office, kind, cadence; ``issue`` is the last 期号 already used."""

    office_id: Id | None = Field(default=None, title="机关编号", description="使用令牌或只有一个机关时可省略")
    name: Name = Field(title="系列名称", description="如：每周森林防火工作情况")
    kind: KindName = Field(title="文种", description="如：situation_report 或 情况汇报")
    cadence: Cadence = Field(title="周期", description="week 每周；month 每月；quarter 每季度；year 每年")
    title_pattern: Name | None = Field(
        default=None,
        title="标题模式",
        description="可用 {year} {month} {quarter} {week} {issue}，如：{year}年第{issue}期森林防火工作简报",
    )
    issue: Annotated[int, BeforeValidator(whole_number)] = Field(default=0, ge=0, le=100000, title="已用期号")


class SeriesPatch(Input):
    """A change to a series: only the fields given are changed."""

    name: Name | SkipJsonSchema[None] = Field(default=None, title="系列名称", description="不能为 null")
    cadence: Cadence | SkipJsonSchema[None] = Field(default=None, title="周期", description="不能为 null")
    title_pattern: Name | None = None

    _not_null = field_validator("name", "cadence", mode="before")(not_null)


class DocumentIn(Input):
    """A new document: its office (or series) and its facts, complete or not."""

    office_id: Id | None = Field(
        default=None, title="机关编号", description="使用令牌、给出系列或只有一个机关时可省略"
    )
    series_id: Id | None = Field(default=None, title="系列编号")
    facts: DraftFacts


class DocumentSave(Input):
    """A save: the facts and the version they were based on (or an ``If-Match`` header)."""

    facts: DraftFacts
    version: Id | SkipJsonSchema[None] = Field(
        default=None,
        title="所基于的版本",
        description="必填，除非用 If-Match 头给出",
    )

    _not_null = field_validator("version", mode="before")(not_null)

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=lambda schema: schema.update(required=["facts", "version"]),
    )


M = TypeVar("M", bound=BaseModel)


def parse(model: type[M], data: object, what: str) -> M:
    """Return ``data`` validated as ``model``; raise InvalidFacts naming ``what`` (机关, 系列…)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise translate(exc, what) from None
