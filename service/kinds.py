"""The registry of report kinds: id, Chinese name, facts model, wording template, example.

:func:`parse_facts` is the single entry point that turns untrusted JSON-like data into a validated
facts model, translating pydantic's errors into Chinese messages with English field paths.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from service import numbers, wording
from service.composer import Prepare
from service.errors import ErrorItem, InvalidFacts, UnknownKind
from service.facts import Count, Envelope, SituationReport


@dataclass(frozen=True)
class Kind:
    """One report kind: how it is named, validated and worded."""

    id: str
    name: str
    description: str
    model: type[Envelope]
    template: str
    prepare: Prepare
    example: Mapping[str, Any]

    def schema(self) -> dict[str, Any]:
        """Return the JSON Schema of this kind's facts."""
        return self.model.model_json_schema()


def all_counts(counts: list[Count]) -> list[Count]:
    """Return the counts and, depth first, every count in their breakdowns."""
    out: list[Count] = []
    for c in counts:
        out.append(c)
        out.extend(all_counts(c.breakdown))
    return out


def find_count(counts: list[Count], ref: str) -> Count | None:
    """Return the count whose id, else whose label, equals ``ref``; None when there is none."""
    flat = all_counts(counts)
    return next((c for c in flat if c.id == ref), None) or next(
        (c for c in flat if c.label == ref), None
    )


def default_title(facts: Envelope, suffix: str = "情况的汇报") -> str:
    """Return the given title, else 关于{topic}工作{suffix}."""
    return facts.title or f"关于{wording.with_work(facts.topic)}{suffix}"


def when_phrase(facts: Envelope) -> str:
    """Return the time lead of a snapshot: 截至2020年1月28日18时 / a period / 截至目前."""
    if facts.as_of is not None:
        return f"截至{numbers.format_moment(facts.as_of)}"
    if facts.period is not None:
        return numbers.format_range(facts.period.start, facts.period.end)
    return "截至目前"


def rate_phrases(counts: list[Count], rates: list[Any]) -> list[str]:
    """Return each rate as ``复工率达98.4%``; raise InvalidFacts for a bad reference."""
    phrases: list[str] = []
    errors: list[ErrorItem] = []
    for i, rate in enumerate(rates):
        num = find_count(counts, rate.numerator)
        den = find_count(counts, rate.denominator)
        if num is None:
            errors.append(ErrorItem(f"rates[{i}].numerator", f"找不到编号或事项为“{rate.numerator}”的数据"))
        if den is None:
            errors.append(ErrorItem(f"rates[{i}].denominator", f"找不到编号或事项为“{rate.denominator}”的数据"))
        elif den.value == 0:
            errors.append(ErrorItem(f"rates[{i}].denominator", "分母为0，无法计算比率"))
        if num is None or den is None or den.value == 0:
            continue
        value = wording.percent(Decimal(num.value), Decimal(den.value), rate.digits)
        phrases.append(f"{wording.clause(rate.label)}达{value}%")
    if errors:
        raise InvalidFacts(errors)
    return phrases


def prepare_situation(facts: Envelope) -> dict[str, Any]:
    assert isinstance(facts, SituationReport)
    return {
        "title": default_title(facts),
        "when": when_phrase(facts),
        "rates": rate_phrases(facts.counts, facts.rates),
    }


SITUATION_EXAMPLE: dict[str, Any] = {
    "kind": "situation_report",
    "unit": {"name": "示例县卫生健康局", "self_reference": "我局"},
    "topic": "疫情防控",
    "as_of": "2020-02-10",
    "counts": [{"label": "累计排查返乡人员", "value": 126, "measure": "人"}],
    "signed_on": "2020-02-10",
}

KINDS: dict[str, Kind] = {
    k.id: k
    for k in [
        Kind(
            id="situation_report",
            name="情况汇报",
            description="向上级报告某项工作的基本情况、主要做法、存在问题和下一步打算",
            model=SituationReport,
            template="situation_report.j2",
            prepare=prepare_situation,
            example=SITUATION_EXAMPLE,
        ),
    ]
}


def get_kind(name: str) -> Kind:
    """Return the kind with id or Chinese name ``name``; raise UnknownKind naming the valid ones."""
    if name in KINDS:
        return KINDS[name]
    for kind in KINDS.values():
        if kind.name == name:
            return kind
    valid = "、".join(f"{k.id}（{k.name}）" for k in KINDS.values())
    raise UnknownKind(f"未知的文种“{name}”，可选：{valid}", field="kind")


_MESSAGES: dict[str, str] = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的字段（请检查拼写）",
    "string_too_short": "不能为空",
    "string_too_long": "内容过长",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "model_type": "应为对象",
    "model_attributes_type": "应为对象",
    "dict_type": "应为对象",
    "date_parsing": "日期格式应为 YYYY-MM-DD",
    "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD",
    "date_type": "日期格式应为 YYYY-MM-DD",
    "datetime_parsing": "时间格式应为 YYYY-MM-DDTHH:MM",
    "datetime_from_date_parsing": "时间格式应为 YYYY-MM-DDTHH:MM",
    "datetime_type": "时间格式应为 YYYY-MM-DDTHH:MM",
    "too_long": "项目过多",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "finite_number": "应为有限数字",
}


def field_path(loc: tuple[int | str, ...]) -> str:
    """Return a pydantic location as ``counts[0].value`` (tagged-union steps are skipped)."""
    path = ""
    for step in loc:
        if isinstance(step, int):
            path += f"[{step}]"
        elif step in ("datetime", "date", "str", "function-after[_from_string(), Item]"):
            continue
        else:
            path += f".{step}" if path else str(step)
    return path


def translate(exc: ValidationError, kind: Kind) -> InvalidFacts:
    """Return InvalidFacts with one Chinese message per field, naming the kind."""
    items: list[ErrorItem] = []
    seen: set[str] = set()
    for err in exc.errors():
        path = field_path(tuple(err["loc"]))
        if path in seen:
            continue  # unions report one error per branch; one per field is enough
        seen.add(path)
        etype = err["type"]
        if etype == "value_error":
            text = str(err.get("ctx", {}).get("error", err["msg"]))
        elif etype == "literal_error":
            text = f"取值应为 {err.get('ctx', {}).get('expected', '')} 之一"
        else:
            text = _MESSAGES.get(etype, f"取值无效（{err['msg']}）")
        items.append(ErrorItem(path or None, f"{kind.name}：{text}"))
    return InvalidFacts(items)


def parse_facts(data: object) -> Envelope:
    """Return validated facts for any kind; raise InvalidFacts / UnknownKind on bad input."""
    if not isinstance(data, dict):
        raise InvalidFacts([ErrorItem(None, "事实数据应为 JSON 对象")])
    kind_name = data.get("kind")
    if not isinstance(kind_name, str) or not kind_name.strip():
        raise InvalidFacts([ErrorItem("kind", "缺少文种（kind），如 situation_report")])
    kind = get_kind(kind_name.strip())
    payload = {**data, "kind": kind.id}
    try:
        return kind.model.model_validate(payload)
    except ValidationError as exc:
        raise translate(exc, kind) from None


def today() -> dt.date:
    """Return today's date (one place, so tests can reason about 'future')."""
    return dt.date.today()
