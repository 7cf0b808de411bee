"""The JSON API of stored documents: list, create, save (If-Match), revisions, diff, compare,
finalise, render, and reading an existing report into draft facts (``/api/import``).

Helpers shared with the offices' API (ids, documented answers, worker threads, ETags) live in
:mod:`huibao.api_store`, which installs this router.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from huibao import core
from huibao.api_store import (
    MAX_ID,
    NeededId,
    PathId,
    QueryId,
    body_of,
    document_response,
    if_match,
    in_thread,
    responses_for,
)
from huibao.bodies import content_disposition, read_json
from huibao.errors import BadRequest, HuibaoError
from huibao.store import access
from huibao.store import outputs as replies
from huibao.store.db import Store
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
from huibao.store.inputs import KIND_NAMES, DocumentIn, DocumentSave, parse

router = APIRouter(prefix="/api", tags=["stored"])


@router.get("/documents", summary="List documents (no facts); a series newest period first",
            responses=responses_for(ok=replies.DocumentsReply), response_model=None)
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

    return {"ok": True, "documents": await in_thread(run)}


@router.post("/documents", summary="Store a new draft", status_code=201, openapi_extra=body_of(DocumentIn),
             responses=responses_for(409, ok=replies.DocumentReply, code=201), response_model=None)
async def new_document(request: Request) -> JSONResponse:
    scope = access.scope_of(request)
    data = parse(DocumentIn, await read_json(request), "文稿")

    def run(store: Store) -> dict[str, Any]:
        with store.write() as s:
            return document_dict(create_document(s, data.facts, data.office_id, data.series_id, scope))

    return document_response(await in_thread(run), 201)


@router.get("/compare", summary="Compare the counts of two documents (two periods)",
            responses=responses_for(ok=replies.CountsReply), response_model=None)
async def compare(request: Request, a: NeededId, b: NeededId) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> list[dict[str, Any]]:
        with store.read() as s:
            return compare_counts(get_document(s, a, scope).facts, get_document(s, b, scope).facts)

    return {"ok": True, "counts": await in_thread(run)}


@router.get("/documents/{doc_id}", summary="One document with its facts (ETag = version)",
            responses=responses_for(ok=replies.DocumentReply), response_model=None)
async def document(request: Request, doc_id: PathId) -> JSONResponse:
    scope = access.scope_of(request)

    def run(store: Store) -> dict[str, Any]:
        with store.read() as s:
            return document_dict(get_document(s, doc_id, scope))

    return document_response(await in_thread(run))


@router.put("/documents/{doc_id}", summary="Save a draft (If-Match or version; stale saves are kept)",
            openapi_extra=body_of(DocumentSave), response_model=None,
            responses=responses_for(409, 412, 428, ok=replies.DocumentReply))
async def save(request: Request, doc_id: PathId) -> JSONResponse:
    """Saves over the version named by ``If-Match`` (412 when stale) or ``version`` (409 when stale).

    A refused save is kept as a conflict revision: nothing typed is lost.
    """
    scope = access.scope_of(request)
    matched = if_match(request)
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

    return document_response(await in_thread(run))


@router.get("/documents/{doc_id}/revisions", summary="Every revision of a document (no facts)",
            responses=responses_for(ok=replies.RevisionsReply), response_model=None)
async def revisions(request: Request, doc_id: PathId) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> list[dict[str, Any]]:
        with store.read() as s:
            return list_revisions(s, doc_id, scope)

    return {"ok": True, "revisions": await in_thread(run)}


@router.get("/documents/{doc_id}/revisions/{rev_id}", summary="One revision with its facts",
            responses=responses_for(ok=replies.RevisionReply), response_model=None)
async def revision(request: Request, doc_id: PathId, rev_id: PathId) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> dict[str, Any]:
        with store.read() as s:
            return revision_dict(get_revision(s, doc_id, rev_id, scope), facts=True)

    return {"ok": True, "revision": await in_thread(run)}


@router.get("/documents/{doc_id}/diff", summary="Changed fields between two revisions",
            responses=responses_for(ok=replies.ChangesReply), response_model=None)
async def diff(
    request: Request, doc_id: PathId, a: int = Query(..., alias="from", ge=1, le=MAX_ID),
    b: int = Query(..., alias="to", ge=1, le=MAX_ID),
) -> dict[str, Any]:
    scope = access.scope_of(request)

    def run(store: Store) -> list[dict[str, Any]]:
        with store.read() as s:
            before, after = get_revision(s, doc_id, a, scope), get_revision(s, doc_id, b, scope)
            return diff_facts(before.facts, after.facts)

    return {"ok": True, "changes": await in_thread(run)}


@router.post("/documents/{doc_id}/finalize", summary="Finalise: 发文字号, stored .docx, read-only",
             responses=responses_for(409, 412, ok=replies.DocumentReply), response_model=None)
async def finalize_document(request: Request, doc_id: PathId) -> JSONResponse:
    """Finalises the draft (``If-Match`` optional); incomplete facts answer 409 and leave the draft."""
    scope = access.scope_of(request)
    matched = if_match(request)
    doc = await in_thread(lambda store: document_dict(finalize(store, doc_id, scope, matched)))
    return document_response(doc)


@router.get("/documents/{doc_id}/render", summary="The document as .docx, .txt, .html or .md",
            response_class=Response, responses=responses_for(409))
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

    return await in_thread(run)


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
             openapi_extra=_IMPORT_BODY, responses=responses_for())
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
