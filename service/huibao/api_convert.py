"""The conversion API: ``POST /api/convert`` (text or .docx between 简体 and 繁體) and
``POST /api/detect`` (language and script of a text), over :mod:`huibao.convert`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from huibao import budget
from huibao.api import TEXT_SCHEMA
from huibao.bodies import (
    DOCX_MEDIA,
    FILE_SCHEMA,
    content_disposition,
    form_flag,
    is_multipart,
    json_flag,
    json_list,
    max_text_chars,
    object_schema,
    optional_text,
    read_json,
    read_upload,
    request_body,
)
from huibao.errors import BadRequest, PayloadTooLarge
from huibao.scripts import Script
from huibao.uploads import UploadLimits

if TYPE_CHECKING:
    from huibao.convert.options import ConversionOptions

router = APIRouter(prefix="/api")


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
    "office": {
        "anyOf": [{"type": "string", "minLength": 1}, {"type": "integer", "minimum": 1}, {"type": "null"}],
        "description": "已保存机关的名称或编号：转为繁体时加上该机关的保留词和词表补充；缺省或 null：不用",
    },
}
_CONVERT_BODY = request_body(
    object_schema({"text": {"type": "string"}, **_CONVERT_OPTIONS}, ["text", "to"]),
    {"text": "关于进一步规范干部管理", "to": "zh-Hant-TW"},
    object_schema({"file": FILE_SCHEMA, **_CONVERT_OPTIONS}, ["file", "to"]),
)


async def _with_office(options: ConversionOptions, office: object) -> ConversionOptions:
    """Return ``options`` with the keep words and glossary additions of the stored office named
    by ``office`` (None: unchanged); an unknown office is 404 on field ``office``."""
    if office is None:
        return options
    from huibao.store.envelope import lookup

    profile = await run_in_threadpool(lookup, office)
    return options.with_words(profile.keep, profile.glossary)


@router.post(
    "/convert",
    summary="Convert text (JSON) or a .docx (multipart) between simplified and traditional",
    openapi_extra=_CONVERT_BODY,
    response_class=Response,
    responses={200: {"content": {"application/json": {}, DOCX_MEDIA: {}}}},
)
async def convert(request: Request) -> Response:
    """JSON ``{"text", "to", "from"?, "repair"?, "regional_vocabulary"?, "keep"?, "office"?}`` gives
    ``{"ok": true, "text", "source", "target", "changes"}``; a multipart upload in field ``file``
    (with form fields ``to``, ``from``, ``repair``, ``regional_vocabulary``, ``keep`` repeated, ``office``)
    gives the .docx. Both build one :class:`ConversionOptions`."""
    from huibao.convert.converter import ConversionOptions, convert_docx, convert_text

    if is_multipart(request):
        limits = UploadLimits.from_env()
        form, filename, data = await read_upload(request, limits)
        options = ConversionOptions.parse(
            to=optional_text(form.get("to"), "to"),
            source=optional_text(form.get("from"), "from"),
            repair=form_flag(form.get("repair"), "repair"),
            regional_vocabulary=form_flag(form.get("regional_vocabulary"), "regional_vocabulary"),
            keep=[optional_text(v, "keep") or "" for v in form.getlist("keep")],
        )
        options = await _with_office(options, optional_text(form.get("office"), "office"))
        converted, changes = await budget.run(request, convert_docx, data, options, limits)
        name = (filename or "document.docx").replace("\\", "/").rsplit("/", 1)[-1]
        stem = name[:-5] if name.lower().endswith(".docx") else name
        headers = {
            "Content-Disposition": content_disposition(f"{stem or 'document'}.{options.target}.docx"),
            "X-Huibao-Changes": str(len(changes)),
        }
        return Response(converted, media_type=DOCX_MEDIA, headers=headers)
    body = await read_json(request, UploadLimits.from_env().max_bytes)
    if not isinstance(body, dict):
        raise BadRequest('请求体应为 JSON 对象 {"text": "...", "to": "zh-Hant"}')
    text = body.get("text")
    if not isinstance(text, str):
        raise BadRequest("缺少参数 text（要转换的文本）", "text")
    if len(text) > max_text_chars():
        raise PayloadTooLarge(f"文本过长：{len(text)} 字，上限为 {max_text_chars()} 字", "text")
    options = ConversionOptions.parse(
        to=optional_text(body.get("to"), "to"),
        source=optional_text(body.get("from"), "from"),
        repair=json_flag(body, "repair"),
        regional_vocabulary=json_flag(body, "regional_vocabulary"),
        keep=json_list(body, "keep"),
    )
    options = await _with_office(options, body.get("office"))
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
    openapi_extra=request_body(TEXT_SCHEMA, {"text": "疫情防控工作汇报"}),
)
async def detect_script(request: Request) -> dict[str, Any]:
    """``{"ok": true, "language", "script", "confidence", "evidence"}`` for ``{"text": ...}``;
    ``script`` is zh-Hans, zh-Hant, mixed, or null when the text is not Chinese."""
    from huibao.convert.detect import detect

    body = await read_json(request)
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        raise BadRequest('请求体应为 JSON 对象 {"text": "..."}', "text")
    return {"ok": True, **detect(body["text"]).as_dict()}
