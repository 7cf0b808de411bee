"""The JSON API of stored data: offices, series and the next period here; documents in
:mod:`huibao.api_documents`, an office's layout .docx in :mod:`huibao.api_layouts`, over the
helpers here (ids, documented answers, worker threads, ETags).

``install(app)`` adds these routes, the 我的文稿 pages and the token gate. Handlers read raw JSON
themselves (as :mod:`huibao.api` does) so every bad body ends in the one error shape.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, FastAPI, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, BeforeValidator
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.routing import Route

from huibao.bodies import read_json
from huibao.errors import BadRequest, HuibaoError
from huibao.store import access
from huibao.store import outputs as replies
from huibao.store.db import Store, get_store
from huibao.store.documents import document_dict
from huibao.store.inputs import OfficeIn, OfficePatch, SeriesIn, SeriesPatch, parse
from huibao.store.offices import (
    create_office,
    create_series,
    get_office,
    get_series,
    list_offices,
    list_series,
    office_dict,
    series_dict,
    update_office,
    update_series,
)
from huibao.store.periods import start_next

log = logging.getLogger("huibao")


def open_at_start() -> None:
    """Open and migrate the database as the server starts; a failure is logged, and retried by the
    first request that needs the database (the rest of huibao works without it)."""
    try:
        get_store()
    except (SQLAlchemyError, HuibaoError) as exc:
        log.error("数据库无法打开（%s）：保存文稿的功能暂不可用", exc)


@asynccontextmanager
async def opened(_app: Any) -> AsyncIterator[None]:
    """Open the database as the server starts (see :func:`open_at_start`)."""
    await run_in_threadpool(open_at_start)
    yield


router = APIRouter(prefix="/api", tags=["stored"], lifespan=opened)
T = TypeVar("T")
MAX_ID = 2_147_483_647


def digits_only(value: object) -> object:
    """Refuse an id given as anything but plain digits (``9\f`` is not 9)."""
    if isinstance(value, str) and not (value.isascii() and value.isdigit()):
        raise ValueError("应为正整数")
    return value


PathId = Annotated[int, Path(ge=1, le=MAX_ID), BeforeValidator(digits_only)]
QueryId = Annotated[int | None, Query(ge=1, le=MAX_ID), BeforeValidator(digits_only)]
NeededId = Annotated[int, Query(ge=1, le=MAX_ID), BeforeValidator(digits_only)]

_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
_STATUS_TEXT = {
    401: "缺少或无效的 API 令牌（HUIBAO_AUTH=token 时）",
    403: "令牌无权执行该操作",
    409: "版本冲突、文稿已定稿（提交的内容已另存为修订）、文稿尚不完整，或未指定机关",
    412: "If-Match 与当前版本不符（提交的内容已另存为修订）",
    428: "保存需要 If-Match 头或 version 字段",
}


def responses_for(
    *statuses: int, ok: type[BaseModel] | None = None, code: int = 200
) -> dict[int | str, dict[str, Any]]:
    """Return the documented answers: ``ok`` for ``code``, the error shape for 401 and ``statuses``."""
    out: dict[int | str, dict[str, Any]] = {
        s: {"description": _STATUS_TEXT[s], "content": _ERROR} for s in (401, *statuses)
    }
    if ok is not None:
        out[code] = {"model": ok, "description": ok.__doc__ or "成功"}
    return out


def body_of(model: type[BaseModel]) -> dict[str, Any]:
    """Return the OpenAPI ``requestBody`` of a JSON body validated as ``model``."""
    schema = model.model_json_schema()
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


async def in_thread(func: Callable[[Store], T]) -> T:
    """Return ``func(store)`` run in a worker thread (database work blocks)."""
    return await run_in_threadpool(lambda: func(get_store()))


def etag(version: int) -> str:
    """Return the ETag of a document version (``"3"``)."""
    return f'"{version}"'


def document_response(doc: dict[str, Any], status: int = 200) -> JSONResponse:
    """Return ``{"ok": true, "document": doc}`` with the document's ETag."""
    return JSONResponse({"ok": True, "document": doc}, status_code=status,
                        headers={"ETag": etag(doc["version"])})


def if_match(request: Request) -> int | None:
    """Return the version named by ``If-Match`` (``"3"`` or ``W/"3"``); None when absent."""
    header = request.headers.get("if-match")
    if header is None:
        return None
    text = header.strip().removeprefix("W/").strip('"')
    if not (text.isascii() and text.isdigit()) or len(text) > 9:
        raise BadRequest("If-Match 应为文稿的 ETag，如 \"3\"", field="If-Match")
    return int(text)


# ---- offices ---------------------------------------------------------------------------------

@router.get("/offices", summary="List offices (with a token: its own office)",
            responses=responses_for(ok=replies.OfficesReply), response_model=None)
async def offices(request: Request) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> list[dict[str, Any]]:
        with store.read() as s:
            return [office_dict(o) for o in list_offices(s, scope)]

    return {"ok": True, "offices": await in_thread(run)}


@router.post("/offices", summary="Create an office", status_code=201, openapi_extra=body_of(OfficeIn),
             responses=responses_for(403, 409, ok=replies.OfficeReply, code=201), response_model=None)
async def new_office(request: Request) -> JSONResponse:
    access.require_admin(request)
    data = parse(OfficeIn, await read_json(request), "机关")

    def run(store: Store) -> dict[str, Any]:
        with store.write() as s:
            return office_dict(create_office(s, data))

    return JSONResponse({"ok": True, "office": await in_thread(run)}, status_code=201)


@router.get("/offices/{office_id}", summary="One office",
            responses=responses_for(ok=replies.OfficeReply), response_model=None)
async def office(request: Request, office_id: PathId) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> dict[str, Any]:
        with store.read() as s:
            return office_dict(get_office(s, office_id, scope))

    return {"ok": True, "office": await in_thread(run)}


@router.patch("/offices/{office_id}", summary="Change an office", openapi_extra=body_of(OfficePatch),
              responses=responses_for(409, ok=replies.OfficeReply), response_model=None)
async def change_office(request: Request, office_id: PathId) -> dict[str, Any]:
    scope = access.scope_of(request)
    data = parse(OfficePatch, await read_json(request), "机关")

    def run(store: Store) -> dict[str, Any]:
        with store.write() as s:
            return office_dict(update_office(s, office_id, data, scope))

    return {"ok": True, "office": await in_thread(run)}


# ---- series ----------------------------------------------------------------------------------

@router.get("/series", summary="List series with their number of documents",
            responses=responses_for(ok=replies.SeriesListReply), response_model=None)
async def series_list(request: Request, office_id: QueryId = None) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> list[dict[str, Any]]:
        with store.read() as s:
            return list_series(s, scope, office_id)

    return {"ok": True, "series": await in_thread(run)}


@router.post("/series", summary="Create a series", status_code=201, openapi_extra=body_of(SeriesIn),
             responses=responses_for(409, ok=replies.SeriesReply, code=201), response_model=None)
async def new_series(request: Request) -> JSONResponse:
    scope = access.scope_of(request)
    data = parse(SeriesIn, await read_json(request), "系列")

    def run(store: Store) -> dict[str, Any]:
        with store.write() as s:
            return series_dict(create_series(s, data, scope))

    return JSONResponse({"ok": True, "series": await in_thread(run)}, status_code=201)


@router.get("/series/{series_id}", summary="One series",
            responses=responses_for(ok=replies.SeriesReply), response_model=None)
async def series_one(request: Request, series_id: PathId) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> dict[str, Any]:
        with store.read() as s:
            return series_dict(get_series(s, series_id, scope))

    return {"ok": True, "series": await in_thread(run)}


@router.patch("/series/{series_id}", summary="Change a series", openapi_extra=body_of(SeriesPatch),
              responses=responses_for(ok=replies.SeriesReply), response_model=None)
async def change_series(request: Request, series_id: PathId) -> dict[str, Any]:
    scope = access.scope_of(request)
    data = parse(SeriesPatch, await read_json(request), "系列")

    def run(store: Store) -> dict[str, Any]:
        with store.write() as s:
            return series_dict(update_series(s, series_id, data, scope))

    return {"ok": True, "series": await in_thread(run)}


@router.post("/series/{series_id}/next", summary="Start the next period from the last document",
             status_code=201, response_model=None,
             responses=responses_for(ok=replies.DocumentReply, code=201))
async def next_period(request: Request, series_id: PathId) -> JSONResponse:
    """A new draft: envelope and structure of the last period, dates rolled, counts as previous."""
    scope = access.scope_of(request)

    def run(store: Store) -> dict[str, Any]:
        with store.write() as s:
            return document_dict(start_next(s, series_id, scope))

    return document_response(await in_thread(run), 201)


def install(app: FastAPI) -> None:
    """Add the stored-data API, the 我的文稿 pages and the token gate to ``app``; the database is
    opened and migrated as the server starts."""
    from huibao import api_documents, api_layouts, web_store
    from huibao.store.allow import AllowHeader

    app.include_router(router)
    app.include_router(api_documents.router)
    app.include_router(api_layouts.router)
    app.include_router(web_store.router)
    app.add_middleware(access.TokenGate)
    routes = [*router.routes, *api_documents.router.routes, *api_layouts.router.routes]
    app.add_middleware(AllowHeader, routes=[r for r in routes if isinstance(r, Route)])
