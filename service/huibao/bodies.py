"""Reading API requests: JSON bodies and uploads within their limits, flags and lists, download
names, Accept negotiation, and the OpenAPI request-body builders the routes share.

Every refusal is a :class:`~huibao.errors.HuibaoError` with a Chinese message naming the field.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from fastapi import Request
from starlette.datastructures import FormData

from huibao import settings
from huibao.errors import BadRequest, NotAcceptable, PayloadTooLarge, UnsupportedMedia
from huibao.jsonparse import parse_json
from huibao.uploads import UploadLimits

FILE_SCHEMA = {"type": "string", "format": "binary"}
DOCX_MEDIA = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

ACCEPT_FORMATS = {
    DOCX_MEDIA: "docx",
    "text/plain": "txt",
    "text/html": "html",
    "text/markdown": "md",
}


def max_json_bytes() -> int:
    """Return the JSON body limit in bytes (``HUIBAO_MAX_JSON_KB``, default 1024 KB)."""
    return settings.integer("HUIBAO_MAX_JSON_KB") * 1024


async def read_json(request: Request, limit: int | None = None) -> Any:
    """Return the parsed JSON body; raise BadRequest/PayloadTooLarge with a Chinese message.

    ``limit`` is the largest body in bytes; None means ``HUIBAO_MAX_JSON_KB``.
    """
    limit = limit or max_json_bytes()
    declared = request.headers.get("content-length")
    if declared and declared.isascii() and declared.isdigit() and int(declared) > limit:
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
    return settings.integer("HUIBAO_MAX_TEXT_KCHARS") * 1000


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
    over = limits.max_bytes + 64 * 1024
    if declared and declared.isascii() and declared.isdigit() and int(declared) > over:
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


def object_schema(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    """Return a JSON Schema object with ``properties`` of which ``required`` must be present."""
    return {"type": "object", "properties": properties, "required": required}


def request_body(
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



_TRUE = {"1", "true", "yes", "on"}


def form_flag(value: Any, name: str) -> bool:
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


def json_list(body: dict[str, Any], name: str) -> list[Any]:
    """Return a JSON body's array field ``name``; absent is []; null or anything else is an error."""
    value = body.get(name, [])
    if not isinstance(value, list):
        raise BadRequest(f"参数 {name} 应为 JSON 数组", name)
    return value


def optional_text(value: Any, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadRequest(f"参数 {name} 应为字符串", name)
    return value
