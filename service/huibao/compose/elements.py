"""The elements of a 公文 above and below its body (GB/T 9704-2012 7.2–7.4), as facts.

:class:`ElementFacts` is mixed into every kind's facts (份号, 密级, 紧急程度, 发文机关标志,
发文字号, 签发人, 附件说明, 附注, 抄送, 印发机关和印发日期); :class:`BriefElements` adds the
工作简报's 编印单位 and 报/送/发 block. :class:`ElementSwitches` lets a facts file override the
kind's defaults (:mod:`huibao.compose.element_blocks` holds those and places the elements in the
document tree). A 发文字号 or 密级 written another way ([2026]03号, 机密1年) is read, set right
(〔2026〕3号, 机密★1年) and reported as a fact warning; what cannot be read is an error.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, ClassVar, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StringConstraints,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic.json_schema import WithJsonSchema

# Self-contained (huibao.compose.facts mixes ElementFacts into its Envelope): the same rules as
# the facts' own types — unknown fields refused, text stripped, dates never numbers.
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20000)]


def _not_number(value: object) -> object:
    if isinstance(value, bool | int | float) or (isinstance(value, str) and value.strip().isdigit()):
        raise ValueError("应为日期，如 2026-04-21")
    return value


Day = Annotated[dt.date, BeforeValidator(_not_number)]


class Model(BaseModel):
    """Base of the element models: unknown fields are errors, text is stripped."""

    # defer_build: a kind's models are built when first used, so a render builds only its own
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)


_OPEN, _CLOSE = r"\[［(（〔【", r"\]］)）〕】"
#: 机关代字, the year in any bracket, an optional 第, the serial (leading zeros read and dropped), 号.
DOC_NUMBER_PATTERN = (
    rf"^\s*(?P<code>[^\s{_OPEN}][^{_OPEN}]{{0,199}}?)\s*[{_OPEN}]\s*(?P<year>19[5-9]\d|1949|2\d{{3}})\s*"
    rf"[{_CLOSE}]\s*(?P<first>第)?\s*0*(?P<serial>[1-9]\d{{0,5}})\s*号\s*$"
)
SECRECY_PATTERN = r"^\s*(?P<level>绝密|机密|秘密)\s*(?P<star>[★☆*＊])?\s*(?P<period>.{0,190})$"
_DOC_NUMBER = re.compile(DOC_NUMBER_PATTERN)
_SECRECY = re.compile(SECRECY_PATTERN)


def _ecma(pattern: str) -> str:
    """Return a Python pattern as JSON Schema writes it (no group names)."""
    return re.sub(r"\(\?P<\w+>", "(", pattern)


Names = list[ShortText]
CopyNumber = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\s*\d{1,6}\s*$"},
                {"type": "integer", "minimum": 0, "maximum": 999999},
            ]
        }
    ),
]
#: A 发文字号 or 密级 may be written as one string (青政督〔2026〕3号, 机密★1年) or given in parts.
_DOC_NUMBER_SCHEMA = {
    "anyOf": [
        {"type": "string", "pattern": _ecma(DOC_NUMBER_PATTERN), "examples": ["青政督〔2026〕3号"]},
        {
            "type": "object",
            "properties": {
                "code": {"type": "string", "minLength": 1, "maxLength": 200, "title": "机关代字"},
                "year": {"type": "integer", "minimum": 1949, "maximum": 2999, "title": "年份"},
                "serial": {"type": "integer", "minimum": 1, "maximum": 999999, "title": "发文顺序号"},
            },
            "required": ["code", "year", "serial"],
            "additionalProperties": False,
        },
    ]
}
_SECRECY_SCHEMA = {
    "anyOf": [
        {"type": "string", "pattern": _ecma(SECRECY_PATTERN), "examples": ["机密★1年"]},
        {
            "type": "object",
            "properties": {
                "level": {"type": "string", "enum": ["绝密", "机密", "秘密"], "title": "密级"},
                "period": {"anyOf": [{"type": "string", "minLength": 1, "maxLength": 200}, {"type": "null"}]},
            },
            "required": ["level"],
            "additionalProperties": False,
        },
    ]
}


class WrittenForm(Model):
    """A 公文 value written as one string (发文字号, 密级) or given in its parts; the string as the
    facts wrote it is kept in :attr:`written` (None when the parts were given)."""

    PATTERN: ClassVar[re.Pattern[str]]
    MESSAGE: ClassVar[str]
    _written: str | None = PrivateAttr(default=None)

    @classmethod
    def parts(cls, match: re.Match[str]) -> dict[str, object]:
        """Return the fields read from a match of :attr:`PATTERN`."""
        raise NotImplementedError

    @model_validator(mode="wrap")
    @classmethod
    def _from_string(cls, data: object, handler: ValidatorFunctionWrapHandler) -> WrittenForm:
        written = data.strip() if isinstance(data, str) else None
        if written is not None:
            match = cls.PATTERN.match(written)
            if match is None:
                raise ValueError(cls.MESSAGE)
            data = cls.parts(match)
        model: WrittenForm = handler(data)
        model._written = written
        return model

    @property
    def written(self) -> str | None:
        """Return the value as the facts wrote it (None when given in parts)."""
        return self._written


class DocNumber(WrittenForm):
    """发文字号: 机关代字, year and serial, written 青政督〔2026〕3号."""

    code: ShortText = Field(title="机关代字", description="如：青政督")
    year: int = Field(ge=1949, le=2999, title="年份", description="四位年份，如：2026")
    serial: int = Field(ge=1, le=999999, title="发文顺序号", description="不编虚位、不加“第”，如：3")
    PATTERN: ClassVar[re.Pattern[str]] = _DOC_NUMBER
    MESSAGE: ClassVar[str] = "发文字号应写作“机关代字〔年份〕序号号”，如：青政督〔2026〕3号"

    @classmethod
    def parts(cls, match: re.Match[str]) -> dict[str, object]:
        return {"code": match["code"], "year": int(match["year"]), "serial": int(match["serial"])}

    @property
    def text(self) -> str:
        """Return the 发文字号 as GB/T 9704 writes it: 青政督〔2026〕3号."""
        return f"{self.code}〔{self.year}〕{self.serial}号"


class Secrecy(WrittenForm):
    """密级 and 保密期限, written 机密★1年 (or the 密级 alone)."""

    level: Literal["绝密", "机密", "秘密"] = Field(title="密级")
    period: ShortText | None = Field(default=None, title="保密期限", description="如：1年、6个月、长期")
    PATTERN: ClassVar[re.Pattern[str]] = _SECRECY
    MESSAGE: ClassVar[str] = "密级应为绝密、机密或秘密，带保密期限时写作：机密★1年"

    @classmethod
    def parts(cls, match: re.Match[str]) -> dict[str, object]:
        return {"level": match["level"], "period": match["period"].strip() or None}

    @property
    def text(self) -> str:
        """Return 机密★1年, or 机密 without a period."""
        return f"{self.level}★{self.period}" if self.period else self.level


class Attachment(Model):
    """One attachment named in the 附件说明; a bare string is its title."""

    title: ShortText = Field(title="附件名称", description="不加书名号和句号，如：督查发现问题清单")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: object) -> object:
        return {"title": data} if isinstance(data, str) else data


#: An attachment is its title, or {"title": …}.
_TITLE_SCHEMA = {"type": "string", "pattern": r"\S", "maxLength": 200, "title": "附件名称"}
_ATTACHMENT_SCHEMA = {
    "anyOf": [
        _TITLE_SCHEMA,
        {
            "type": "object",
            "properties": {"title": _TITLE_SCHEMA},
            "required": ["title"],
            "additionalProperties": False,
        },
    ]
}


class ElementSwitches(Model):
    """Which elements to use, where the kind's defaults do not suit (unset: the kind decides)."""

    head: StrictBool | None = Field(
        default=None, title="红头版头", description="发文机关标志、发文字号和红色分隔线；通报、报告默认使用"
    )
    file_word: StrictBool | None = Field(
        default=None, title="发文机关标志加“文件”", description="如：青禾县人民政府文件"
    )
    signers_line: StrictBool | None = Field(
        default=None, title="签发人", description="发文字号居左、签发人居右（上行文）；报告默认使用"
    )
    masthead: StrictBool | None = Field(default=None, title="简报报头", description="工作简报默认使用")
    imprint: StrictBool | None = Field(default=None, title="版记", description="抄送、印发机关和印发日期")


class ElementFacts(Model):
    """The elements above and below the body that any kind may carry (all optional)."""

    copy_number: CopyNumber | None = Field(
        default=None, title="份号", description="1～6位阿拉伯数字，排印时补足6位，如：000123"
    )
    secrecy: Annotated[Secrecy, WithJsonSchema(_SECRECY_SCHEMA)] | None = Field(
        default=None, title="密级和保密期限", description="如：机密★1年"
    )
    urgency: Literal["特急", "加急"] | None = Field(default=None, title="紧急程度")
    issuer: Names = Field(
        default_factory=list,
        max_length=10,
        title="发文机关标志",
        description="发文机关全称或规范化简称；联合行文时主办机关在前",
    )
    doc_number: Annotated[DocNumber, WithJsonSchema(_DOC_NUMBER_SCHEMA)] | None = Field(
        default=None, title="发文字号", description="如：青政督〔2026〕3号"
    )
    signers: Names = Field(
        default_factory=list, max_length=10, title="签发人", description="上行文注明，如：王明"
    )
    attachments: list[Annotated[Attachment, WithJsonSchema(_ATTACHMENT_SCHEMA)]] = Field(
        default_factory=list, max_length=1000, title="附件说明", description="附件名称，按顺序"
    )
    notes: Text | None = Field(default=None, title="附注", description="如：联系人：李华，联系电话：1234567")
    cc: Names = Field(default_factory=list, max_length=100, title="抄送机关", description="如：县纪委监委")
    printer: ShortText | None = Field(default=None, title="印发机关", description="如：青禾县人民政府办公室")
    printed_on: Day | None = Field(default=None, title="印发日期")
    elements: ElementSwitches = Field(default_factory=ElementSwitches, title="版式要素")

    @field_validator("copy_number")
    @classmethod
    def _copy_digits(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"\d{1,6}", value.strip()):
            raise ValueError("份号应为1～6位阿拉伯数字，如：000123")
        return value.strip().zfill(6) if value is not None else None


class Distribution(Model):
    """The 报/送/发 block at the foot of a 简报."""

    report: Names = Field(default_factory=list, max_length=100, title="报", description="上级机关")
    send: Names = Field(default_factory=list, max_length=100, title="送", description="平级或有关单位")
    issue: Names = Field(default_factory=list, max_length=100, title="发", description="下级单位")


class BriefElements(Model):
    """What only a 工作简报 carries: its 编印单位, print run and 报/送/发 block."""

    editor: ShortText | None = Field(
        default=None, title="编印单位", description="报头左下的编印单位，缺省时用落款单位或发文单位"
    )
    distribution: Distribution = Field(
        default_factory=Distribution, title="报送范围", description="报、送、发"
    )
    copies: int | None = Field(default=None, ge=1, le=1000000, title="印数", description="共印N份")
