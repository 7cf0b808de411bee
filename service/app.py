"""The ASGI application: the JSON API, the web pages, and the one error shape.

Every error a user can cause leaves as ``{"ok": false, "status": N, "errors": [{"field", "message"}]}``
with a 4xx status; an unexpected fault is logged and answered with the same shape and 500.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from service import __version__, api, web
from service.errors import ErrorItem, HuibaoError
from service.kinds import field_path

log = logging.getLogger("huibao")

_HTTP_MESSAGES = {
    404: "找不到该地址",
    405: "不支持该请求方法",
    413: "请求体过大",
    415: "不支持的内容类型",
}


def error_response(status: int, errors: list[ErrorItem]) -> JSONResponse:
    """Return the one error shape."""
    return JSONResponse(
        {"ok": False, "status": status, "errors": [e.as_dict() for e in errors]}, status_code=status
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


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = _HTTP_MESSAGES.get(exc.status_code, str(exc.detail))
    return error_response(exc.status_code, [ErrorItem(None, message)])


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, [ErrorItem(None, "服务器内部错误，请联系管理员")])


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
    app.include_router(api.router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=web.STATIC_DIR), name="static")

    @app.get("/healthz", summary="Liveness check")
    def healthz() -> dict[str, object]:
        return {"ok": True, "version": __version__}

    return app


app = create_app()
