"""Validation errors in Chinese: pydantic's error types as one message each, English field paths."""

from __future__ import annotations

from pydantic import ValidationError

from huibao.errors import ErrorItem, InvalidFacts

_MESSAGES: dict[str, str] = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的字段（请检查拼写）",
    "string_too_short": "不能为空",
    "string_too_long": "内容过长",
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
    "date_parsing": "日期格式应为 YYYY-MM-DD",
    "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD",
    "date_type": "日期格式应为 YYYY-MM-DD",
    "datetime_parsing": "时间格式应为 YYYY-MM-DDTHH:MM",
    "datetime_from_date_parsing": "时间格式应为 YYYY-MM-DDTHH:MM",
    "datetime_type": "时间格式应为 YYYY-MM-DDTHH:MM",
    "too_long": "项目过多",
    "too_short": "至少需要一项",
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
            text = f"取值应为 {err.get('ctx', {}).get('expected', '')} 之一"
        else:
            text = _MESSAGES.get(etype, f"取值无效（{err['msg']}）")
        items.append(ErrorItem(path or None, f"{kind_name}：{text}"))
    return InvalidFacts(items)
