"""The JSON API under ``/api``: kinds, reports, previews and the placeholder/layout check.

Handlers read raw JSON themselves (:mod:`huibao.bodies`) so that every bad body, from malformed
JSON to an unknown kind, ends in the one error shape produced by :mod:`huibao.app`. Conversion
and detection are in :mod:`huibao.api_convert`, stored documents in :mod:`huibao.api_store`.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from huibao import budget, core
from huibao.bodies import (
    ACCEPT_FORMATS,
    FILE_SCHEMA,
    choose_format,
    content_disposition,
    is_multipart,
    json_flag,
    max_json_bytes,
    max_text_chars,
    object_schema,
    read_json,
    read_upload,
    request_body,
)
from huibao.compose.kinds import KINDS, get_kind
from huibao.errors import BadRequest, NotFound, PayloadTooLarge, UnknownKind
from huibao.scripts import Script
from huibao.uploads import UploadLimits

router = APIRouter(prefix="/api")


def _facts_schema() -> dict[str, Any]:
    return {"oneOf": [k.schema() for k in KINDS.values()]}


TEXT_SCHEMA = object_schema({"text": {"type": "string"}}, ["text"])


@router.get("/kinds", summary="List report kinds with their JSON Schemas")
def list_kinds() -> dict[str, Any]:
    """Every kind: id, Chinese name, one-line description and facts JSON Schema."""
    return {
        "ok": True,
        "kinds": [
            {"id": k.id, "name": k.name, "description": k.description, "schema": k.schema()}
            for k in KINDS.values()
        ],
    }


@router.get("/kinds/{kind}", summary="One kind with its schema and a minimal example")
def show_kind(kind: str) -> dict[str, Any]:
    """One kind by id or Chinese name; an unknown kind is 404 (the message lists the kinds)."""
    try:
        k = get_kind(kind)
    except UnknownKind as exc:
        raise NotFound(exc.message, "kind") from None
    return {
        "ok": True,
        "id": k.id,
        "name": k.name,
        "description": k.description,
        "schema": k.schema(),
        "example": k.example,
    }


@router.post(
    "/reports",
    summary="Render facts into a report (.docx, .txt, .html or .md)",
    openapi_extra=request_body(_facts_schema(), next(iter(KINDS.values())).example),
    response_class=Response,
    responses={200: {"content": {m: {} for m in ACCEPT_FORMATS}}},
)
async def create_report(
    request: Request,
    format: str | None = Query(None, description="docx | txt | html | md; else from Accept"),
    script: str | None = Query(None, description=" | ".join(Script.codes())),
) -> Response:
    """The written report as a download; warning and finding counts in X-Huibao-* headers."""
    fmt = choose_format(format, request.headers.get("accept"))
    core.writer_for(fmt)
    data = await read_json(request)
    out = await budget.run(request, core.render, data, fmt, script)
    headers = {
        "Content-Disposition": content_disposition(out.filename),
        "X-Huibao-Warnings": str(len(out.composed.warnings)),
        "X-Huibao-Findings": str(len(out.composed.findings)),
    }
    return Response(out.content, media_type=out.writer.media_type, headers=headers)


@router.post(
    "/reports/batch",
    summary="Render many reports at once into a zip (all or nothing)",
    openapi_extra=request_body(
        object_schema(
            {"reports": {"type": "array", "items": _facts_schema(), "minItems": 1,
                         "maxItems": core.max_batch()}},
            ["reports"],
        )
    ),
    response_class=Response,
    responses={200: {"content": {"application/zip": {}}}},
)
async def create_batch(
    request: Request,
    format: str = Query("docx", description="docx | txt | html | md"),
    script: str | None = Query(None, description=" | ".join(Script.codes())),
) -> Response:
    """``{"reports": [facts, ...]}`` → a zip with one file per report and ``manifest.json``.

    If any report is invalid nothing is rendered: the 422 lists every error as
    ``reports[i].field``. At most ``HUIBAO_MAX_BATCH`` reports (default 200); the body may be
    8 times ``HUIBAO_MAX_JSON_KB``.
    """
    core.writer_for(format)
    body = await read_json(request, 8 * max_json_bytes())
    if not isinstance(body, dict) or "reports" not in body:
        raise BadRequest('请求体应为 JSON 对象 {"reports": [...]}', field="reports")
    content = await budget.run(request, core.render_batch, body["reports"], format, script)
    headers = {"Content-Disposition": content_disposition("汇报批量生成.zip")}
    return Response(content, media_type="application/zip", headers=headers)


@router.post(
    "/reports/preview",
    summary="Compose facts and return text, HTML and warnings as JSON",
    openapi_extra=request_body(_facts_schema(), next(iter(KINDS.values())).example),
)
async def preview_report(
    request: Request,
    script: str | None = Query(None, description=" | ".join(Script.codes())),
) -> JSONResponse:
    data = await read_json(request)
    return JSONResponse(await budget.run(request, core.preview, data, script))


@router.post(
    "/check",
    summary="Check a draft for unfilled placeholders and defects",
    openapi_extra=request_body(
        TEXT_SCHEMA, {"text": "截至月日时，累计排查XX人。"}, object_schema({"file": FILE_SCHEMA}, ["file"])
    ),
)
async def check_draft(
    request: Request,
    layout_check: bool = Query(
        False, alias="layout", description="上传 .docx 时同时按 GB/T 9704-2012 检查版式"
    ),
) -> dict[str, Any]:
    """Findings for a JSON ``{"text": ...}`` body or a multipart upload in field ``file``.

    Returns ``{"ok": true, "text_length": n, "findings": [...], "total": n, "truncated": bool,
    "complete": bool, "counts": {kind: n}}`` — at most ``HUIBAO_MAX_FINDINGS`` findings (the most
    severe), ``total`` and ``counts`` over all of them (lower bounds when ``complete`` is false,
    i.e. the scan stopped early on a text with far more findings than the cap); for an
    upload also ``"text"``, the plain text extracted from the file (a JSON body is not echoed),
    and with ``?layout=true`` ``"layout"``: the .docx's deviations from GB/T 9704-2012, each with
    ``where``, ``expected``, ``found`` and a Chinese ``message``.
    """
    from huibao.check import checker

    layout: list[Any] | None = None
    if is_multipart(request):
        limits = UploadLimits.from_env()
        _form, filename, data = await read_upload(request, limits)
        text, findings = await budget.run(request, checker.check_file, data, filename, limits)
        echo = True  # the text extracted from the file, for the page to highlight
        if layout_check:
            layout = await budget.run(request, core.check_layout, data, limits)
    else:
        body = await read_json(request, UploadLimits.from_env().max_bytes)
        if not isinstance(body, dict) or not isinstance(body.get("text"), str):
            raise BadRequest('请求体应为 JSON 对象 {"text": "..."}', "text")
        if layout_check:
            raise BadRequest("版式检查只适用于上传的 .docx 文件", "layout")
        text = body["text"]
        if len(text) > max_text_chars():
            raise PayloadTooLarge(f"文本过长：{len(text)} 字，上限为 {max_text_chars()} 字", "text")
        markdown = json_flag(body, "markdown")
        findings = await budget.run(request, checker.check_text, text, markdown=markdown)
        echo = False  # the client sent the text: it is not sent back
    return {
        "ok": True,
        "text_length": len(text),
        **({"text": text} if echo else {}),
        **({"layout": [f.as_dict() for f in layout]} if layout is not None else {}),
        "findings": [f.as_dict() for f in findings],
        "total": findings.total,
        "truncated": findings.truncated,
        "complete": findings.complete,
        "counts": checker.counts_by_kind(findings),
    }
