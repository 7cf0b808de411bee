"""An office's own layout .docx: checked like any upload and as a layout template, stored, used
for every .docx of that office's documents (rendered or finalised)."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from huibao.errors import NotFound
from huibao.store.models import OfficeLayout, iso, utcnow
from huibao.store.offices import Scope, get_office


def check_layout(data: bytes) -> None:
    """Raise an UploadRejected error (Chinese, 4xx) unless ``data`` is a safe .docx that can lay
    reports out (the size, zip-bomb and XML checks of every upload, then the template check)."""
    from huibao.uploads import UploadLimits, check_docx
    from huibao.write.docx import check_layout_bytes

    check_docx(data, UploadLimits.from_env())
    check_layout_bytes(data)


def layout_dict(layout: OfficeLayout) -> dict[str, Any]:
    """Return what is known of a stored layout (never its bytes) as JSON."""
    return {
        "office_id": layout.office_id,
        "sha256": layout.sha256,
        "size": len(layout.docx),
        "filename": layout.filename,
        "uploaded_at": iso(layout.uploaded_at),
    }


def save_layout(
    session: Session, office_id: int, data: bytes, filename: str | None = None, scope: Scope = None
) -> OfficeLayout:
    """Return the office's layout after replacing it by ``data`` (checked by the caller with
    :func:`check_layout`, outside the transaction)."""
    get_office(session, office_id, scope)
    layout = session.get(OfficeLayout, office_id)
    if layout is None:
        layout = OfficeLayout(office_id=office_id)
        session.add(layout)
    layout.docx = data
    layout.sha256 = hashlib.sha256(data).hexdigest()
    layout.filename = (filename or "").replace("\\", "/").rsplit("/", 1)[-1][:200] or None
    layout.uploaded_at = utcnow()
    session.flush()
    return layout


def get_layout(session: Session, office_id: int, scope: Scope = None) -> OfficeLayout:
    """Return the office's layout; raise NotFound when the office has none (or is out of scope)."""
    get_office(session, office_id, scope)
    layout = session.get(OfficeLayout, office_id)
    if layout is None:
        raise NotFound("该机关没有自己的版式文件", field="layout")
    return layout


def layout_bytes(session: Session, office_id: int) -> bytes | None:
    """Return the office's layout .docx; None when it uses the default layout."""
    return session.scalar(select(OfficeLayout.docx).where(OfficeLayout.office_id == office_id))


def remove_layout(session: Session, office_id: int, scope: Scope = None) -> bool:
    """Remove the office's layout (back to the default one); return False when it had none."""
    get_office(session, office_id, scope)
    result = session.execute(delete(OfficeLayout).where(OfficeLayout.office_id == office_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]
