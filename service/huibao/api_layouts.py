"""The API of an office's own layout .docx: ``PUT``, ``GET`` and ``DELETE /api/offices/{id}/layout``.

An upload is checked like any upload (size, real Word package, zip bomb, XML) and as a layout
template (it must be able to lay reports out) before it is stored; from then on every .docx of the
office's documents, and of facts naming the office, is laid out by it.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from huibao import budget
from huibao.api_store import PathId, in_thread, responses_for
from huibao.bodies import DOCX_MEDIA, FILE_SCHEMA, content_disposition, is_multipart, read_upload
from huibao.errors import BadRequest, PayloadTooLarge
from huibao.store import access
from huibao.store.db import Store
from huibao.store.layouts import check_layout, get_layout, layout_dict, remove_layout, save_layout
from huibao.uploads import UploadLimits

router = APIRouter(prefix="/api", tags=["stored"])

_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            DOCX_MEDIA: {"schema": {"type": "string", "format": "binary"}},
            "multipart/form-data": {"schema": {
                "type": "object", "properties": {"file": FILE_SCHEMA}, "required": ["file"],
            }},
        },
    }
}


async def _read_docx(request: Request) -> tuple[str | None, bytes]:
    """Return the uploaded file's name (None for a raw body) and bytes: field ``file`` of a
    multipart form, or the whole body."""
    limits = UploadLimits.from_env()
    if is_multipart(request):
        _form, name, data = await read_upload(request, limits)
        return name, data
    declared = request.headers.get("content-length")
    if declared and declared.isascii() and declared.isdigit() and int(declared) > limits.max_bytes:
        raise PayloadTooLarge(f"文件过大，上限为 {limits.max_bytes // (1024 * 1024)} MB", "file")
    data = await request.body()
    if not data:
        raise BadRequest("请上传版式文件（.docx）", "file")
    return None, data


@router.put("/offices/{office_id}/layout", summary="Upload the office's own layout .docx",
            openapi_extra=_UPLOAD_BODY, responses=responses_for(), response_model=None)
async def put_layout(request: Request, office_id: PathId) -> dict[str, Any]:
    """Checks the .docx (415/413 with a Chinese message when it is not a usable layout), then keeps
    it for the office: ``{"ok": true, "layout": {office_id, sha256, size, filename, uploaded_at}}``."""
    scope = access.scope_of(request)
    await in_thread(lambda store: _check_office(store, office_id, scope))  # 404 before the upload work
    name, data = await _read_docx(request)
    await budget.run(request, check_layout, data)

    def run(store: Store) -> dict[str, Any]:
        with store.write() as s:
            return layout_dict(save_layout(s, office_id, data, name, scope))

    return {"ok": True, "layout": await in_thread(run)}


def _check_office(store: Store, office_id: int, scope: int | None) -> None:
    from huibao.store.offices import get_office

    with store.read() as s:
        get_office(s, office_id, scope)


@router.get("/offices/{office_id}/layout", summary="The office's own layout .docx",
            response_class=Response, responses=responses_for())
async def layout_file(request: Request, office_id: PathId) -> Response:
    """The stored .docx (X-Huibao-Sha256); 404 when the office uses the default layout."""
    scope = access.scope_of(request)

    def run(store: Store) -> Response:
        with store.read() as s:
            layout = get_layout(s, office_id, scope)
            headers = {"Content-Disposition": content_disposition(layout.filename or "layout.docx"),
                       "X-Huibao-Sha256": layout.sha256}
            return Response(layout.docx, media_type=DOCX_MEDIA, headers=headers)

    return await in_thread(run)


@router.delete("/offices/{office_id}/layout", summary="Go back to the default layout",
               responses=responses_for(), response_model=None)
async def delete_layout(request: Request, office_id: PathId) -> JSONResponse:
    """``{"ok": true, "removed": true|false}`` (false: the office had no layout of its own)."""
    scope = access.scope_of(request)

    def run(store: Store) -> bool:
        with store.write() as s:
            return remove_layout(s, office_id, scope)

    return JSONResponse({"ok": True, "removed": await in_thread(run)})

