"""The JSON API of stored data: offices, series, next period, documents, revisions, finalising.

``install(app)`` adds these routes, the 我的文稿 pages and the token gate. Handlers read raw JSON
themselves (as :mod:`huibao.api` does) so every bad body ends in the one error shape.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, FastAPI, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, BeforeValidator
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.routing import Route

from huibao import core
from huibao.bodies import content_disposition, read_json
from huibao.errors import BadRequest, HuibaoError
from huibao.store import access
from huibao.store import outputs as replies
from huibao.store.db import Store, get_store
from huibao.store.diff import compare_counts, diff_facts
from huibao.store.documents import (
    create_document,
    document_dict,
    get_document,
    get_revision,
    list_documents,
    list_revisions,
    revision_dict,
    save_document,
)
from huibao.store.finalize import finalize, office_of, render_stored, rendition
from huibao.store.inputs import (
    KIND_NAMES,
    DocumentIn,
    DocumentSave,
    OfficeIn,
    OfficePatch,
    SeriesIn,
    SeriesPatch,
    parse,
)
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
_MAX_ID = 2_147_483_647


def digits_only(value: object) -> object:
    """Refuse an id given as anything but plain digits (``9\f`` is not 9)."""
    if isinstance(value, str) and not (value.isascii() and value.isdigit()):
        raise ValueError("应为正整数")
    return value


PathId = Annotated[int, Path(ge=1, le=_MAX_ID), BeforeValidator(digits_only)]
QueryId = Annotated[int | None, Query(ge=1, le=_MAX_ID), BeforeValidator(digits_only)]
NeededId = Annotated[int, Query(ge=1, le=_MAX_ID), BeforeValidator(digits_only)]

_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
_STATUS_TEXT = {
    401: "缺少或无效的 API 令牌（HUIBAO_AUTH=token 时）",
    403: "令牌无权执行该操作",
    409: "版本冲突、文稿已定稿（提交的内容已另存为修订）、文稿尚不完整，或未指定机关",
    412: "If-Match 与当前版本不符（提交的内容已另存为修订）",
    428: "保存需要 If-Match 头或 version 字段",
}


def _responses(
    *statuses: int, ok: type[BaseModel] | None = None, code: int = 200
) -> dict[int | str, dict[str, Any]]:
    """Return the documented answers: ``ok`` for ``code``, the error shape for 401 and ``statuses``."""
    out: dict[int | str, dict[str, Any]] = {
        s: {"description": _STATUS_TEXT[s], "content": _ERROR} for s in (401, *statuses)
    }
    if ok is not None:
        out[code] = {"model": ok, "description": ok.__doc__ or "成功"}
    return out


def _body(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema()
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


async def _in_thread(func: Callable[[Store], T]) -> T:
    """Return ``func(store)`` run in a worker thread (database work blocks)."""
    return await run_in_threadpool(lambda: func(get_store()))


def _etag(version: int) -> str:
    return f'"{version}"'


def _document_response(doc: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse({"ok": True, "document": doc}, status_code=status,
                        headers={"ETag": _etag(doc["version"])})


def _if_match(request: Request) -> int | None:
    """Return the version named by ``If-Match`` (``"3"`` or ``W/"3"``); None when absent."""
    header = request.headers.get("if-match")
    if header is None:
        return None
    text = header.strip().removeprefix("W/").strip('"')
    if not text.isdigit() or len(text) > 9:
        raise BadRequest("If-Match 应为文稿的 ETag，如 \"3\"", field="If-Match")
    return int(text)


# ---- offices ---------------------------------------------------------------------------------

@router.get("/offices", summary="List offices (with a token: its own office)",
            responses=_responses(ok=replies.OfficesReply), response_model=None)
async def offices(request: Request) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> list[dict[str, Any]]:
        with store.read() as s:
            return [office_dict(o) for o in list_offices(s, scope)]

    return {"ok": True, "offices": await _in_thread(run)}


@router.post("/offices", summary="Create an office", status_code=201, openapi_extra=_body(OfficeIn),
             responses=_responses(403, 409, ok=replies.OfficeReply, code=201), response_model=None)
async def new_office(request: Request) -> JSONResponse:
    access.require_admin(request)
    data = parse(OfficeIn, await read_json(request), "机关")

    def run(store: Store) -> dict[str, Any]:
        with store.write() as s:
            return office_dict(create_office(s, data))

    return JSONResponse({"ok": True, "office": await _in_thread(run)}, status_code=201)


@router.get("/offices/{office_id}", summary="One office",
            responses=_responses(ok=replies.OfficeReply), response_model=None)
async def office(request: Request, office_id: PathId) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> dict[str, Any]:
        with store.read() as s:
            return office_dict(get_office(s, office_id, scope))

    return {"ok": True, "office": await _in_thread(run)}


@router.patch("/offices/{office_id}", summary="Change an office", openapi_extra=_body(OfficePatch),
              responses=_responses(409, ok=replies.OfficeReply), response_model=None)
async def change_office(request: Request, office_id: PathId) -> dict[str, Any]:
    scope = access.scope_of(request)
    data = parse(OfficePatch, await read_json(request), "机关")

    def run(store: Store) -> dict[str, Any]:
        with store.write() as s:
            return office_dict(update_office(s, office_id, data, scope))

    return {"ok": True, "office": await _in_thread(run)}


# ---- series ----------------------------------------------------------------------------------

@router.get("/series", summary="List series with their number of documents",
            responses=_responses(ok=replies.SeriesListReply), response_model=None)
async def series_list(request: Request, office_id: QueryId = None) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> list[dict[str, Any]]:
        with store.read() as s:
            return list_series(s, scope, office_id)

    return {"ok": True, "series": await _in_thread(run)}


@router.post("/series", summary="Create a series", status_code=201, openapi_extra=_body(SeriesIn),
             responses=_responses(409, ok=replies.SeriesReply, code=201), response_model=None)
async def new_series(request: Request) -> JSONResponse:
    scope = access.scope_of(request)
    data = parse(SeriesIn, await read_json(request), "系列")

    def run(store: Store) -> dict[str, Any]:
        with store.write() as s:
            return series_dict(create_series(s, data, scope))

    return JSONResponse({"ok": True, "series": await _in_thread(run)}, status_code=201)


@router.get("/series/{series_id}", summary="One series",
            responses=_responses(ok=replies.SeriesReply), response_model=None)
async def series_one(request: Request, series_id: PathId) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> dict[str, Any]:
        with store.read() as s:
            return series_dict(get_series(s, series_id, scope))

    return {"ok": True, "series": await _in_thread(run)}


@router.patch("/series/{series_id}", summary="Change a series", openapi_extra=_body(SeriesPatch),
              responses=_responses(ok=replies.SeriesReply), response_model=None)
async def change_series(request: Request, series_id: PathId) -> dict[str, Any]:
    scope = access.scope_of(request)
    data = parse(SeriesPatch, await read_json(request), "系列")

    def run(store: Store) -> dict[str, Any]:
        with store.write() as s:
            return series_dict(update_series(s, series_id, data, scope))

    return {"ok": True, "series": await _in_thread(run)}


@router.post("/series/{series_id}/next", summary="Start the next period from the last document",
             status_code=201, responses=_responses(ok=replies.DocumentReply, code=201), response_model=None)
async def next_period(request: Request, series_id: PathId) -> JSONResponse:
    """A new draft: envelope and structure of the last period, dates rolled, counts as previous."""
    scope = access.scope_of(request)

    def run(store: Store) -> dict[str, Any]:
        with store.write() as s:
            return document_dict(start_next(s, series_id, scope))

    return _document_response(await _in_thread(run), 201)


# ---- documents -------------------------------------------------------------------------------

@router.get("/documents", summary="List documents (no facts); a series newest period first",
            responses=_responses(ok=replies.DocumentsReply), response_model=None)
async def documents(
    request: Request,
    office_id: QueryId = None,
    series_id: QueryId = None,
    status: str | None = Query(None, pattern="^(draft|final)$"),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=10_000_000),
) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> list[dict[str, Any]]:
        with store.read() as s:
            return list_documents(s, scope, office_id, series_id, status, limit, offset)

    return {"ok": True, "documents": await _in_thread(run)}


@router.post("/documents", summary="Store a new draft", status_code=201, openapi_extra=_body(DocumentIn),
             responses=_responses(409, ok=replies.DocumentReply, code=201), response_model=None)
async def new_document(request: Request) -> JSONResponse:
    scope = access.scope_of(request)
    data = parse(DocumentIn, await read_json(request), "文稿")

    def run(store: Store) -> dict[str, Any]:
        with store.write() as s:
            return document_dict(create_document(s, data.facts, data.office_id, data.series_id, scope))

    return _document_response(await _in_thread(run), 201)


@router.get("/compare", summary="Compare the counts of two documents (two periods)",
            responses=_responses(ok=replies.CountsReply), response_model=None)
async def compare(request: Request, a: NeededId, b: NeededId) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> list[dict[str, Any]]:
        with store.read() as s:
            return compare_counts(get_document(s, a, scope).facts, get_document(s, b, scope).facts)

    return {"ok": True, "counts": await _in_thread(run)}


@router.get("/documents/{doc_id}", summary="One document with its facts (ETag = version)",
            responses=_responses(ok=replies.DocumentReply), response_model=None)
async def document(request: Request, doc_id: PathId) -> JSONResponse:
    scope = access.scope_of(request)

    def run(store: Store) -> dict[str, Any]:
        with store.read() as s:
            return document_dict(get_document(s, doc_id, scope))

    return _document_response(await _in_thread(run))


@router.put("/documents/{doc_id}", summary="Save a draft (If-Match or version; stale saves are kept)",
            openapi_extra=_body(DocumentSave), response_model=None,
            responses=_responses(409, 412, 428, ok=replies.DocumentReply))
async def save(request: Request, doc_id: PathId) -> JSONResponse:
    """Saves over the version named by ``If-Match`` (412 when stale) or ``version`` (409 when stale).

    A refused save is kept as a conflict revision: nothing typed is lost.
    """
    scope = access.scope_of(request)
    matched = _if_match(request)
    data = parse(DocumentSave, await read_json(request), "文稿")
    based_on = matched if matched is not None else data.version
    if based_on is None:
        raise HuibaoError("保存需要 If-Match 头或 version 字段（所基于的版本）", field="version", status=428)

    def run(store: Store) -> dict[str, Any]:
        with store.write() as s:
            saved = save_document(s, doc_id, data.facts, based_on, scope, precondition=matched is not None)
            out = document_dict(saved.document)
        saved.raise_if_refused()
        return out

    return _document_response(await _in_thread(run))


@router.get("/documents/{doc_id}/revisions", summary="Every revision of a document (no facts)",
            responses=_responses(ok=replies.RevisionsReply), response_model=None)
async def revisions(request: Request, doc_id: PathId) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> list[dict[str, Any]]:
        with store.read() as s:
            return list_revisions(s, doc_id, scope)

    return {"ok": True, "revisions": await _in_thread(run)}


@router.get("/documents/{doc_id}/revisions/{rev_id}", summary="One revision with its facts",
            responses=_responses(ok=replies.RevisionReply), response_model=None)
async def revision(request: Request, doc_id: PathId, rev_id: PathId) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> dict[str, Any]:
        with store.read() as s:
            return revision_dict(get_revision(s, doc_id, rev_id, scope), facts=True)

    return {"ok": True, "revision": await _in_thread(run)}


@router.get("/documents/{doc_id}/diff", summary="Changed fields between two revisions",
            responses=_responses(ok=replies.ChangesReply), response_model=None)
async def diff(
    request: Request, doc_id: PathId, a: int = Query(..., alias="from", ge=1, le=_MAX_ID),
    b: int = Query(..., alias="to", ge=1, le=_MAX_ID),
) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> list[dict[str, Any]]:
        with store.read() as s:
            before, after = get_revision(s, doc_id, a, scope), get_revision(s, doc_id, b, scope)
            return diff_facts(before.facts, after.facts)

    return {"ok": True, "changes": await _in_thread(run)}


@router.post("/documents/{doc_id}/finalize", summary="Finalise: 发文字号, stored .docx, read-only",
             responses=_responses(409, 412, ok=replies.DocumentReply), response_model=None)
async def finalize_document(request: Request, doc_id: PathId) -> JSONResponse:
    """Finalises the draft (``If-Match`` optional); incomplete facts answer 409 and leave the draft."""
    scope = access.scope_of(request)
    matched = _if_match(request)
    doc = await _in_thread(lambda store: document_dict(finalize(store, doc_id, scope, matched)))
    return _document_response(doc)


@router.get("/documents/{doc_id}/render", summary="The document as .docx, .txt, .html or .md",
            response_class=Response, responses=_responses(409))
async def render_document(
    request: Request, doc_id: PathId, format: Literal["docx", "txt", "html", "md"] = Query("docx")
) -> Response:
    """A final document's .docx is the stored one (X-Huibao-Sha256); anything else is rendered now."""
    scope = access.scope_of(request)
    def run(store: Store) -> Response:
        with store.read() as s:
            doc = get_document(s, doc_id, scope)
            kept = rendition(s, doc_id, scope) if format == "docx" else None
            facts = doc.facts
            title = doc.title
            office = office_of(s, doc)
        if kept is not None:
            headers = {"Content-Disposition": content_disposition(f"{title or '汇报'}.docx"),
                       "X-Huibao-Sha256": kept.sha256}
            return Response(kept.docx, media_type=core.writer_for("docx").media_type, headers=headers)
        out = render_stored(facts, format, office)
        return Response(out.content, media_type=out.writer.media_type,
                        headers={"Content-Disposition": content_disposition(out.filename)})

    return await _in_thread(run)


_IMPORT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {
                "type": "object",
                "properties": {"text": {"type": "string", "minLength": 1},
                               "kind": {"type": "string", "enum": KIND_NAMES}},
                "required": ["text"],
                "additionalProperties": False,
            }},
            "multipart/form-data": {"schema": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary"},
                               "kind": {"type": "string", "enum": KIND_NAMES}},
                "required": ["file"],
            }},
        },
    }
}


@router.post("/import", summary="Read a report (.docx, .txt or text) into draft facts, best effort",
             openapi_extra=_IMPORT_BODY, responses=_responses())
async def import_report(request: Request) -> dict[str, Any]:
    """Draft facts (title, recipient, signature, date, counts with breakdowns and previous values),
    the headed sections, and the lines that could not be placed, for the clerk to finish."""
    from huibao.bodies import is_multipart, read_upload
    from huibao.compose.kinds import get_kind
    from huibao.reportimport import import_file, import_text
    from huibao.uploads import UploadLimits

    if is_multipart(request):
        form, _name, data = await read_upload(request, UploadLimits.from_env())
        kind = form.get("kind")
        kind_id = get_kind(kind).id if isinstance(kind, str) and kind else "situation_report"
        result = await run_in_threadpool(import_file, data, kind_id)
    else:
        body = await read_json(request)
        if not isinstance(body, dict) or not isinstance(body.get("text"), str) or not body["text"].strip():
            raise BadRequest("text 应为非空文本", field="text")
        if set(body) - {"text", "kind"}:
            raise BadRequest("不认识的字段（请检查拼写）", field=sorted(set(body) - {"text", "kind"})[0])
        kind = body.get("kind")
        if "kind" in body and not isinstance(kind, str):
            raise BadRequest("kind 应为文种名称", field="kind")
        kind_id = get_kind(kind).id if kind else "situation_report"
        result = await run_in_threadpool(import_text, body["text"], kind_id)
    return {"ok": True, **result.as_dict()}


def install(app: FastAPI) -> None:
    """Add the stored-data API, the 我的文稿 pages and the token gate to ``app``; the database is
    opened and migrated as the server starts."""
    from huibao import api_layouts, web_store
    from huibao.store.allow import AllowHeader

    app.include_router(router)
    app.include_router(api_layouts.router)
    app.include_router(web_store.router)
    app.add_middleware(access.TokenGate)
    routes = [*router.routes, *api_layouts.router.routes]
    app.add_middleware(AllowHeader, routes=[r for r in routes if isinstance(r, Route)])
