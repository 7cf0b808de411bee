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
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from huibao import __version__, api, web
from huibao.compose.kinds import field_path
from huibao.errors import ErrorItem, HuibaoError, PayloadTooLarge
from huibao.uploads import UploadLimits

log = logging.getLogger("huibao")

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


def error_response(
    status: int, errors: list[ErrorItem], headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """Return the one error shape."""
    return JSONResponse(
        {"ok": False, "status": status, "errors": [e.as_dict() for e in errors]},
        status_code=status,
        headers=headers,
    )


async def _huibao_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HuibaoError)
    return error_response(exc.status, exc.errors)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    items = []
    for err in exc.errors():
        loc = tuple(err.get("loc", ()))
        path = field_path(loc[1:] if loc and loc[0] in ("query", "body", "path", "header") else loc)
        items.append(ErrorItem(path or None, f"参数无效：{err.get('msg', '')}"))
    return error_response(422, items)


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


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return error_response(exc.status_code, [ErrorItem(None, _http_message(exc))], exc.headers)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, [ErrorItem(None, "服务器内部错误，请联系管理员")])


def max_body_bytes() -> int:
    """Return the largest request body any route accepts: the upload limit plus 1 MB of form."""
    return UploadLimits.from_env().max_bytes + 1024 * 1024


class BodyLimit:
    """Refuse request bodies over :func:`max_body_bytes` with 413, declared or streamed.

    Routes keep their own, smaller limits (JSON facts, uploads); this one caps what reaches
    any parser at all, the web form's multipart parser included.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = max_body_bytes()
        message = f"请求体过大，上限为 {limit // (1024 * 1024)} MB"
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await error_response(413, [ErrorItem(None, message)])(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > limit:
                    raise PayloadTooLarge(message)
            return msg

        await self.app(scope, limited, send)


class HeadAsGet:
    """Answer HEAD as GET without the body: FastAPI routes declare GET only (RFC 9110 §9.3.2)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def create_app() -> FastAPI:
    """Return a new huibao application (API, web pages, health check)."""
    app = FastAPI(
        title="huibao 汇报",
        version=__version__,
        description="从结构化事实生成公文汇报；简繁转换；占位符检查。错误统一为 "
        '`{"ok": false, "status": N, "errors": [{"field": ..., "message": ...}]}`。',
    )
    app.add_exception_handler(HuibaoError, _huibao_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
    app.add_middleware(HeadAsGet)
    app.add_middleware(BodyLimit)
    app.include_router(api.router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=web.STATIC_DIR), name="static")

    @app.get("/healthz", summary="Liveness check")
    def healthz() -> dict[str, object]:
        return {"ok": True, "version": __version__}

    return app


app = create_app()
