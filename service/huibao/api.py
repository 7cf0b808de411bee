"""The JSON API under ``/api``: kinds, reports, previews (and the checker and converter).

Handlers read raw JSON themselves so that every bad body, from malformed JSON to an unknown kind,
ends in the one error shape produced by :mod:`huibao.app`.
"""

from __future__ import annotations

import os
import re
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import FormData

from huibao import budget, core
from huibao.compose.kinds import KINDS, get_kind
from huibao.errors import (
    BadRequest,
    NotAcceptable,
    NotFound,
    PayloadTooLarge,
    UnknownKind,
    UnsupportedMedia,
)
from huibao.jsonparse import parse_json
from huibao.scripts import Script
from huibao.uploads import UploadLimits

router = APIRouter(prefix="/api")

ACCEPT_FORMATS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "text/plain": "txt",
    "text/html": "html",
    "text/markdown": "md",
}


def max_json_bytes() -> int:
    """Return the JSON body limit in bytes (``HUIBAO_MAX_JSON_KB``, default 1024 KB)."""
    try:
        return int(os.environ.get("HUIBAO_MAX_JSON_KB", "1024")) * 1024
    except ValueError:
        return 1024 * 1024


async def read_json(request: Request, limit: int | None = None) -> Any:
    """Return the parsed JSON body; raise BadRequest/PayloadTooLarge with a Chinese message.

    ``limit`` is the largest body in bytes; None means ``HUIBAO_MAX_JSON_KB``.
    """
    limit = limit or max_json_bytes()
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"请求体过大，上限为 {limit // 1024} KB")
    require_json(request)
    body = bytearray()  # not bytes: appending to bytes copies the whole body per chunk
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise PayloadTooLarge(f"请求体过大，上限为 {limit // 1024} KB")
    if not body.strip():
        raise BadRequest("请求体为空，应为 JSON 对象")
    try:
        return parse_json(bytes(body))
    except UnicodeDecodeError:
        raise BadRequest("请求体不是 UTF-8 编码的 JSON") from None


def max_text_chars() -> int:
    """Return the longest text one check or conversion takes (``HUIBAO_MAX_TEXT_KCHARS`` × 1000,
    default 1,000,000 characters, some 500 pages)."""
    try:
        return max(1, int(os.environ.get("HUIBAO_MAX_TEXT_KCHARS", "1000"))) * 1000
    except ValueError:
        return 1_000_000


def require_json(request: Request) -> None:
    """Raise UnsupportedMedia (415) unless the body is declared as JSON.

    A page on another site can POST text/plain or form bodies without asking first; requiring
    ``application/json`` (or ``…+json``) means such a post is never processed.
    """
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json" and not (media.startswith("application/") and media.endswith("+json")):
        shown = media or "未声明"
        raise UnsupportedMedia(f"请求体应为 JSON，请设置 Content-Type: application/json（收到：{shown}）")


def is_multipart(request: Request) -> bool:
    """Return True when the request carries a multipart form (a file upload)."""
    return request.headers.get("content-type", "").lower().startswith("multipart/form-data")


async def read_upload(request: Request, limits: UploadLimits) -> tuple[FormData, str | None, bytes]:
    """Return the form, the uploaded file's name and its bytes from field ``file``.

    Raises PayloadTooLarge before reading when the declared size is over the limit, and
    BadRequest when the field is missing or the file is empty.
    """
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limits.max_bytes + 64 * 1024:
        raise PayloadTooLarge(f"文件过大，上限为 {limits.max_bytes // (1024 * 1024)} MB")
    form = await request.form()
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise BadRequest("缺少上传文件：表单字段应为 file", "file")
    data = await upload.read()
    if not data:
        raise BadRequest("上传的文件是空的", "file")
    return form, upload.filename, data


#: Bidirectional controls (RLO and friends) can disguise a download's real suffix; zero-width
#: and other format characters have no place in a file name either.
_UNSAFE_NAME = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\x00-\x1f\x7f]")


def content_disposition(filename: str) -> str:
    """Return an attachment header with an ASCII fallback and the UTF-8 name (RFC 6266)."""
    filename = _UNSAFE_NAME.sub("", filename) or "report"
    suffix = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
    return f"attachment; filename=\"report.{suffix}\"; filename*=UTF-8''{quote(filename)}"


def choose_format(query_format: str | None, accept: str | None) -> str:
    """Return the output format from ``?format=`` or else the Accept header (default docx)."""
    if query_format:
        return query_format
    if not accept:
        return "docx"
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip().lower() for p in part.split(";"))
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if quality <= 0:
            continue  # q=0 means "not acceptable"
        if media in ACCEPT_FORMATS:
            ranked.append((-quality, position, ACCEPT_FORMATS[media]))
        elif media in ("*/*", "application/*"):
            ranked.append((-quality, position, "docx"))
    if ranked:
        return min(ranked)[2]
    raise NotAcceptable(
        f"无法提供 Accept 所要求的类型（{accept}），可用 format 参数指定：docx、txt、html、md"
    )


def _object(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    """Return a JSON Schema object with ``properties`` of which ``required`` must be present."""
    return {"type": "object", "properties": properties, "required": required}


def _request_body(
    json_schema: dict[str, Any], example: Any = None, multipart: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Return ``openapi_extra`` for a route that reads its body itself: JSON (and a form upload)."""
    json_content: dict[str, Any] = {"schema": json_schema}
    if example is not None:
        json_content["example"] = example
    content: dict[str, Any] = {"application/json": json_content}
    if multipart is not None:
        content["multipart/form-data"] = {"schema": multipart}
    return {"requestBody": {"required": True, "content": content}}


def _facts_schema() -> dict[str, Any]:
    return {"oneOf": [k.schema() for k in KINDS.values()]}


_TEXT = _object({"text": {"type": "string"}}, ["text"])
_FILE = {"type": "string", "format": "binary"}


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
    openapi_extra=_request_body(_facts_schema(), next(iter(KINDS.values())).example),
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
    openapi_extra=_request_body(
        _object(
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
    openapi_extra=_request_body(_facts_schema(), next(iter(KINDS.values())).example),
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
    openapi_extra=_request_body(
        _TEXT, {"text": "截至月日时，累计排查XX人。"}, _object({"file": _FILE}, ["file"])
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


# --- simplified <-> traditional conversion and script detection (huibao.convert.converter) ----------

_DOCX_MEDIA = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_TRUE = {"1", "true", "yes", "on"}


def _flag(value: Any, name: str) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | {"0", "false", "no", "off", ""}:
        return value.strip().lower() in _TRUE
    raise BadRequest(f"参数 {name} 应为 true 或 false", name)


def json_flag(body: dict[str, Any], name: str) -> bool:
    """Return a JSON body's boolean field ``name``; absent is False; null or a string is an error."""
    value = body.get(name, False)
    if isinstance(value, bool):
        return value
    raise BadRequest(f"参数 {name} 应为 JSON 布尔值 true 或 false", name)


def _json_list(body: dict[str, Any], name: str) -> list[Any]:
    """Return a JSON body's array field ``name``; absent is []; null or anything else is an error."""
    value = body.get(name, [])
    if not isinstance(value, list):
        raise BadRequest(f"参数 {name} 应为 JSON 数组", name)
    return value


def _optional_text(value: Any, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadRequest(f"参数 {name} 应为字符串", name)
    return value


_SCRIPTS = Script.json_schema()
_CONVERT_OPTIONS: dict[str, Any] = {
    "to": _SCRIPTS,
    "from": {
        "anyOf": [_SCRIPTS, {"type": "null"}, {"const": ""}],
        "description": "缺省、null 或空串：自动识别",
    },
    "repair": {"type": "boolean"},
    "regional_vocabulary": {"type": "boolean"},
    "keep": {"type": "array", "items": {"type": "string"}},
}
_CONVERT_BODY = _request_body(
    _object({"text": {"type": "string"}, **_CONVERT_OPTIONS}, ["text", "to"]),
    {"text": "关于进一步规范干部管理", "to": "zh-Hant-TW"},
    _object({"file": _FILE, **_CONVERT_OPTIONS}, ["file", "to"]),
)


@router.post(
    "/convert",
    summary="Convert text (JSON) or a .docx (multipart) between simplified and traditional",
    openapi_extra=_CONVERT_BODY,
    response_class=Response,
    responses={200: {"content": {"application/json": {}, _DOCX_MEDIA: {}}}},
)
async def convert(request: Request) -> Response:
    """JSON ``{"text", "to", "from"?, "repair"?, "regional_vocabulary"?, "keep"?}`` gives
    ``{"ok": true, "text", "source", "target", "changes"}``; a multipart upload in field ``file``
    (with form fields ``to``, ``from``, ``repair``, ``regional_vocabulary``, ``keep`` repeated)
    gives the .docx. Both build one :class:`ConversionOptions`."""
    from huibao.convert.converter import ConversionOptions, convert_docx, convert_text

    if is_multipart(request):
        limits = UploadLimits.from_env()
        form, filename, data = await read_upload(request, limits)
        options = ConversionOptions.parse(
            to=_optional_text(form.get("to"), "to"),
            source=_optional_text(form.get("from"), "from"),
            repair=_flag(form.get("repair"), "repair"),
            regional_vocabulary=_flag(form.get("regional_vocabulary"), "regional_vocabulary"),
            keep=[_optional_text(v, "keep") or "" for v in form.getlist("keep")],
        )
        converted, changes = await budget.run(request, convert_docx, data, options, limits)
        name = (filename or "document.docx").replace("\\", "/").rsplit("/", 1)[-1]
        stem = name[:-5] if name.lower().endswith(".docx") else name
        headers = {
            "Content-Disposition": content_disposition(f"{stem or 'document'}.{options.target}.docx"),
            "X-Huibao-Changes": str(len(changes)),
        }
        return Response(converted, media_type=_DOCX_MEDIA, headers=headers)
    body = await read_json(request, UploadLimits.from_env().max_bytes)
    if not isinstance(body, dict):
        raise BadRequest('请求体应为 JSON 对象 {"text": "...", "to": "zh-Hant"}')
    text = body.get("text")
    if not isinstance(text, str):
        raise BadRequest("缺少参数 text（要转换的文本）", "text")
    if len(text) > max_text_chars():
        raise PayloadTooLarge(f"文本过长：{len(text)} 字，上限为 {max_text_chars()} 字", "text")
    options = ConversionOptions.parse(
        to=_optional_text(body.get("to"), "to"),
        source=_optional_text(body.get("from"), "from"),
        repair=json_flag(body, "repair"),
        regional_vocabulary=json_flag(body, "regional_vocabulary"),
        keep=_json_list(body, "keep"),
    )
    result = await budget.run(request, convert_text, text, options)
    return JSONResponse(
        {
            "ok": True,
            "text": result.text,
            "source": result.source,
            "target": result.target,
            "changes": [c.as_dict() for c in result.changes],
        }
    )


@router.post(
    "/detect",
    summary="Detect language and simplified/traditional script",
    openapi_extra=_request_body(_TEXT, {"text": "疫情防控工作汇报"}),
)
async def detect_script(request: Request) -> dict[str, Any]:
    """``{"ok": true, "language", "script", "confidence", "evidence"}`` for ``{"text": ...}``;
    ``script`` is zh-Hans, zh-Hant, mixed, or null when the text is not Chinese."""
    from huibao.convert.detect import detect

    body = await read_json(request)
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        raise BadRequest('请求体应为 JSON 对象 {"text": "..."}', "text")
    return {"ok": True, **detect(body["text"]).as_dict()}
