"""Validation errors in Chinese: pydantic's error types as one message each, English field paths."""

from __future__ import annotations

import re

from pydantic import ValidationError

from huibao.errors import ErrorItem, InvalidFacts

_MESSAGES: dict[str, str] = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的字段（请检查拼写）",
    "string_too_short": "不能为空",
    "string_too_long": "内容过长，最多{max_length}个字",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_parsing_size": "数值过大",
    "string_unicode": "含有无效的 Unicode 字符",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "model_type": "应为对象",
    "model_attributes_type": "应为对象",
    "dict_type": "应为对象",
    "date_parsing": "应为日期，如 2020-01-28",
    "date_from_datetime_parsing": "应为日期，如 2020-01-28",
    "date_from_datetime_inexact": "应为日期，如 2020-01-28",
    "date_type": "应为日期，如 2020-01-28",
    "datetime_parsing": "应为日期时间，如 2020-01-28T18:00",
    "datetime_from_date_parsing": "应为日期时间，如 2020-01-28T18:00",
    "datetime_type": "应为日期时间，如 2020-01-28T18:00",
    "too_long": "项目过多，最多{max_length}项",
    "too_short": "至少需要{min_length}项",
    "greater_than_equal": "数值过小，最小为{ge}",
    "greater_than": "数值过小，应大于{gt}",
    "less_than_equal": "数值过大，最大为{le}",
    "less_than": "数值过大，应小于{lt}",
    "finite_number": "应为有限数字",
    "decimal_max_digits": "数字位数过多",
    "decimal_max_places": "小数位数过多",
    "int_from_float": "应为整数",
    "string_pattern_mismatch": "格式不正确",
    "union_tag_invalid": "取值无效",
    "enum": "取值无效",
    "json_invalid": "不是有效的 JSON",
}


def _message(etype: str, ctx: dict[str, object]) -> str:
    """Return the Chinese message of a pydantic error type, its limits filled in from ``ctx``
    (最多2项); an unknown type gives 取值无效 (never pydantic's English text)."""
    template = _MESSAGES.get(etype, "取值无效")
    try:
        return template.format(**ctx)
    except (KeyError, IndexError, ValueError):
        return template.split("，", 1)[0]


def _choices(expected: str) -> str:
    """Return pydantic's "'a', 'b' or 'c'" as a、b、c (no ASCII quotes, no "or")."""
    names = re.findall(r"'([^']*)'", expected) or [expected]
    return "、".join(names)


def field_path(loc: tuple[int | str, ...]) -> str:
    """Return a pydantic location as ``counts[0].value`` (tagged-union steps are skipped)."""
    path = ""
    for step in loc:
        if isinstance(step, int):
            path += f"[{step}]"
        elif step in ("datetime", "date", "str") or step.startswith(("function-after[", "function-before[")):
            continue
        else:
            path += f".{step}" if path else str(step)
    return path


def translate(exc: ValidationError, kind_name: str) -> InvalidFacts:
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
            text = f"取值应为{_choices(str(err.get('ctx', {}).get('expected', '')))}之一"
        else:
            text = _message(etype, err.get("ctx", {}))
            if etype == "too_long" and path.endswith("phrases"):
                text = text.removesuffix("项") + "个短语"  # 对仗短语：最多2个短语
        items.append(ErrorItem(path or None, f"{kind_name}：{text}"))
    return InvalidFacts(items)
