"""Untrusted JSON text → Python values; every way it can fail is a Chinese :class:`BadRequest`.

``json.loads`` alone lets three inputs escape as crashes: nesting deeper than the interpreter's
recursion limit (RecursionError), integers longer than Python's int-string limit (ValueError), and
lone UTF-16 surrogate escapes such as ``"\\ud800"``, which parse but cannot be encoded as UTF-8
again when the text is echoed, written or checked. :func:`parse_json` turns all three into a
400 naming the field, and limits nesting to :data:`MAX_DEPTH` levels.
"""

from __future__ import annotations

import json
import re
from typing import Any

from huibao.errors import BadRequest

#: Deepest nesting of arrays and objects accepted (facts need well under 20 levels).
MAX_DEPTH = 64

_SURROGATE = re.compile("[\ud800-\udfff]")


def _path(parent: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def check_value(value: Any, field: str | None = None) -> None:
    """Raise BadRequest when ``value`` nests deeper than MAX_DEPTH or holds a lone surrogate.

    The error names ``field`` when given, else the offending path (``counts[0].label``).
    Walks iteratively, so it cannot itself hit the recursion limit.
    """
    stack: list[tuple[Any, str, int]] = [(value, "", 1)]
    while stack:
        item, path, depth = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                raise BadRequest(
                    "含有无效的 Unicode 字符（孤立的 UTF-16 代理项，如 \\ud800），请检查文本来源",
                    field or path or None,
                )
            continue
        if not isinstance(item, dict | list):
            continue
        if depth > MAX_DEPTH:
            raise BadRequest(f"JSON 嵌套层数过多（上限 {MAX_DEPTH} 层）", field or path or None)
        if isinstance(item, dict):
            for key, sub in item.items():
                if _SURROGATE.search(key):
                    raise BadRequest(
                        "字段名含有无效的 Unicode 字符（孤立的 UTF-16 代理项）", field or path or None
                    )
                stack.append((sub, _path(path, key), depth + 1))
        else:
            stack.extend((sub, _path(path, i), depth + 1) for i, sub in enumerate(item))


class _NonStandard(ValueError):
    """NaN, Infinity or -Infinity: Python's json reads them, JSON (RFC 8259) has no such values."""


def _refuse_constant(name: str) -> Any:
    raise _NonStandard(name)


def parse_json(data: bytes | str, field: str | None = None) -> Any:
    """Return the JSON value in ``data``; raise BadRequest (with ``field``) when it is unusable.

    UnicodeDecodeError is left to the caller, which knows whether it read a file or a body.
    """
    try:
        value = json.loads(data, parse_constant=_refuse_constant)
    except UnicodeDecodeError:
        raise
    except _NonStandard as exc:
        raise BadRequest(f"JSON 中不能有 {exc.args[0]}（不是标准 JSON 的值）", field) from None
    except json.JSONDecodeError as exc:
        raise BadRequest(f"JSON 格式错误：第 {exc.lineno} 行第 {exc.colno} 列", field) from None
    except RecursionError:
        raise BadRequest(f"JSON 嵌套层数过多（上限 {MAX_DEPTH} 层）", field) from None
    except ValueError:  # an integer longer than sys.get_int_max_str_digits()
        raise BadRequest("JSON 中的数字位数过多", field) from None
    check_value(value, field)
    return value
