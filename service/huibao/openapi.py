"""The published OpenAPI document: every reference resolvable, every status documented.

Handlers read their bodies themselves and describe them with the kinds' JSON Schemas, which
carry their own ``$defs``; embedded as they are, their ``#/$defs/…`` references would point at
nothing. :func:`build` hoists each ``$defs`` into ``components/schemas`` and rewrites the
references, and adds the one error shape for every status an operation can answer.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "Error",
    "description": "一种错误形状：status 与 HTTP 状态码相同；errors 逐项给出字段路径与中文说明。",
    "properties": {
        "ok": {"type": "boolean", "const": False},
        "status": {"type": "integer"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": ["string", "null"]},
                    "message": {"type": "string"},
                },
                "required": ["field", "message"],
            },
        },
    },
    "required": ["ok", "status", "errors"],
}

#: Status → description, for the error statuses huibao may answer.
ERROR_STATUSES = {
    "400": "请求无效（JSON 格式、参数取值、上传文件）",
    "404": "地址不存在（或资源不存在）",
    "405": "不支持该请求方法",
    "406": "无法提供 Accept 所要求的类型",
    "408": "请求体发送过慢",
    "413": "请求体或上传文件过大",
    "415": "内容类型不支持（JSON 接口要求 application/json；上传文件类型不符）",
    "422": "事实数据或参数未通过校验",
    "503": "处理超时或服务繁忙，可稍后重试",
}

#: Statuses that cannot arise for a GET without a body.
_BODY_ONLY = {"408", "413", "415"}


def _hoist(node: Any, components: dict[str, Any], renames: dict[str, str] | None = None) -> Any:
    """Return ``node`` with nested ``$defs`` moved into ``components`` and references rewritten."""
    if isinstance(node, list):
        return [_hoist(item, components, renames) for item in node]
    if not isinstance(node, dict):
        return node
    local = dict(renames or {})
    defs = node.get("$defs")
    if isinstance(defs, dict):
        for name in defs:
            local[name] = name
        for name, schema in defs.items():
            target = name
            body = _hoist(schema, components, local)
            suffix = 2
            while target in components and components[target] != body:
                target = f"{name}{suffix}"
                suffix += 1
            local[name] = target
            components[target] = _hoist(schema, components, local)
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "$defs":
            continue
        if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
            name = value.removeprefix("#/$defs/")
            out[key] = f"#/components/schemas/{local.get(name, name)}"
        else:
            out[key] = _hoist(value, components, local)
    return out


def build(app: FastAPI) -> dict[str, Any]:
    """Return the OpenAPI document of ``app`` with resolvable references and all error statuses."""
    document = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    components: dict[str, Any] = document.setdefault("components", {}).setdefault("schemas", {})
    document["paths"] = _hoist(document["paths"], components)
    components["Error"] = ERROR_SCHEMA
    error_content = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in document["paths"].values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status, description in ERROR_STATUSES.items():
                if method == "get" and status in _BODY_ONLY:
                    continue
                responses[status] = {"description": description, "content": error_content}
    return json.loads(json.dumps(document))  # plain JSON types only


def install(app: FastAPI) -> None:
    """Make ``app`` publish :func:`build`'s document (computed once, on first request)."""
    cache: dict[str, Any] = {}

    def openapi() -> dict[str, Any]:
        if "document" not in cache:
            cache["document"] = build(app)
        app.openapi_schema = cache["document"]
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
