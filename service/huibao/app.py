"""The ASGI application: the JSON API, the web pages, and the one error shape.

Every error a user can cause leaves as ``{"ok": false, "status": N, "errors": [{"field", "message"}]}``
with a 4xx status; an unexpected fault is logged and answered with the same shape and 500.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Scope

from huibao import __version__, api, api_convert, api_store, openapi, startup, web
from huibao.compose.kinds import field_path
from huibao.errors import ErrorItem, HuibaoError
from huibao.middleware import BodyLimit, CatchAll, ConcurrencyLimit, HeadAsGet, MemoryGuard, SecurityHeaders

log = logging.getLogger("huibao")

_PAGE_HEADINGS = {
    404: "找不到该页面",
    413: "提交的内容过大",
    503: "服务繁忙或处理超时",
    500: "服务器内部错误",
}

_HTTP_MESSAGES = {
    404: "找不到该地址",
    405: "不支持该请求方法",
    413: "请求体过大",
    415: "不支持的内容类型",
}


#: Chinese for the English details Starlette's form parser gives a malformed or oversized form.
_FORM_MESSAGES = (
    (re.compile(r"Too many fields\. Maximum number of fields is (\d+)"), "表单字段过多（上限 {0} 个）"),
    (re.compile(r"Too many files\. Maximum number of files is (\d+)"), "上传文件过多（上限 {0} 个）"),
    (re.compile(r"exceeded maximum size of (\d+)KB"), "表单字段内容过大（单个字段上限 {0} KB）"),
)


def wants_html(scope: Scope) -> bool:
    """Return True when the client is a browser navigating to a page (not the API, not fetch())."""
    path = scope.get("path", "")
    if path.startswith(("/api/", "/web/", "/openapi", "/healthz", "/static")):
        return False
    accept = Headers(scope=scope).get("accept", "")
    return "text/html" in accept


def error_response(
    status: int,
    errors: list[ErrorItem],
    headers: Mapping[str, str] | None = None,
    scope: Scope | None = None,
) -> Response:
    """Return the one error shape: JSON, or a Chinese HTML page for a browser's page request."""
    if scope is not None and wants_html(scope):
        response = web.page(
            "error.html", status=status, heading=_PAGE_HEADINGS.get(status, "请求未能完成"),
            errors=[e.as_dict() for e in errors], active="", status_code=status,
        )
        if headers:
            response.headers.update(headers)
        return response
    return JSONResponse(
        {"ok": False, "status": status, "errors": [e.as_dict() for e in errors]},
        status_code=status,
        headers=headers,
    )


def _scope_error(status: int, errors: list[ErrorItem], scope: Scope) -> Response:
    return error_response(status, errors, scope=scope)


async def _huibao_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HuibaoError)
    if exc.status >= 500:
        log.error("%s %s: %s", request.method, request.url.path, exc.one_line())
    headers = {"Retry-After": "5"} if exc.status == 503 else None
    return error_response(exc.status, exc.errors, headers, request.scope)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    items = []
    for err in exc.errors():
        loc = tuple(err.get("loc", ()))
        path = field_path(loc[1:] if loc and loc[0] in ("query", "body", "path", "header") else loc)
        items.append(ErrorItem(path or None, f"参数无效：{err.get('msg', '')}"))
    return error_response(422, items, scope=request.scope)


def _http_message(exc: StarletteHTTPException) -> str:
    """Return a Chinese message for a Starlette HTTP error (its details are English)."""
    if exc.status_code in _HTTP_MESSAGES:
        return _HTTP_MESSAGES[exc.status_code]
    detail = str(exc.detail)
    for pattern, message in _FORM_MESSAGES:
        if match := pattern.search(detail):
            return message.format(*match.groups())
    if exc.status_code == 400:  # "Missing boundary in multipart.", "Invalid multipart data." …
        return "请求体无法解析：表单数据（multipart/form-data）格式错误"
    return detail


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    return error_response(
        exc.status_code, [ErrorItem(None, _http_message(exc))], exc.headers, request.scope
    )


def create_app(check_resources: bool = True) -> FastAPI:
    """Return a new huibao application (API, web pages, API docs, health check).

    ``check_resources`` runs the start-up checks first and raises ConfigError (one Chinese
    line) when a template, the layout or the glossary is missing or broken.
    """
    if check_resources:
        startup.check()
    app = FastAPIOffline(
        title="huibao 汇报",
        version=__version__,
        description="从结构化事实生成公文汇报；简繁转换；占位符检查。错误统一为 "
        '`{"ok": false, "status": N, "errors": [{"field": ..., "message": ...}]}`。'
        "API 文档的脚本和样式由本服务提供，不连接外部网站。",
        static_url="/static/docs",
        favicon_url="/static/favicon.svg",
    )
    openapi.install(app)
    app.add_exception_handler(HuibaoError, _huibao_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_middleware(HeadAsGet)
    app.add_middleware(BodyLimit, errors=_scope_error)
    app.add_middleware(CatchAll, errors=_scope_error)
    app.add_middleware(ConcurrencyLimit, errors=_scope_error)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(MemoryGuard)
    app.include_router(api.router)
    app.include_router(api_convert.router)
    app.include_router(web.router)
    api_store.install(app)  # stored offices, series and documents, 我的文稿, tokens
    app.mount("/static", StaticFiles(directory=web.STATIC_DIR), name="static")

    @app.get("/healthz", summary="Liveness check and the state of each resource")
    def healthz() -> JSONResponse:
        resources_state = startup.report()
        ok = all(v == "ok" for v in resources_state.values())
        body = {"ok": ok, "version": __version__, "resources": resources_state}
        return JSONResponse(body, status_code=200 if ok else 503)

    return app


app = create_app()
