"""Export and restore one office's data as one JSON document (tokens are never exported).

The export holds the office (with its own layout .docx, base64), its series, every document with
every revision, the stored .docx of final documents (base64, with sha256) and the 发文字号
counters, so a restore into an empty database gives back the same numbers and the same files.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from typing import Any, Literal

from pydantic import Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from huibao.errors import BadRequest, Conflict
from huibao.store.inputs import Input, OfficeIn, parse
from huibao.store.models import (
    Document,
    Office,
    OfficeLayout,
    Rendition,
    Revision,
    SerialCounter,
    Series,
    iso,
    utcnow,
)
from huibao.store.offices import office_dict

FORMAT = "huibao-office"
VERSION = 1


def _when(value: str | None) -> dt.datetime | None:
    """Return an exported ISO time; None when absent; raise BadRequest when malformed."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"时间格式无效：{value[:40]}") from None


def export_office(session: Session, office: Office) -> dict[str, Any]:
    """Return everything stored for ``office`` as one JSON-ready document."""
    series = list(session.scalars(
        select(Series).where(Series.office_id == office.id).order_by(Series.id)))
    docs = list(session.scalars(
        select(Document).where(Document.office_id == office.id).order_by(Document.id)))
    out_docs = []
    for doc in docs:
        revisions = session.scalars(
            select(Revision).where(Revision.document_id == doc.id).order_by(Revision.id))
        kept = session.get(Rendition, doc.id)
        out_docs.append({
            "id": doc.id, "series_id": doc.series_id, "issue": doc.issue, "kind": doc.kind,
            "title": doc.title, "facts": doc.facts, "status": doc.status, "version": doc.version,
            "serial": doc.serial, "year": doc.year, "number": doc.number,
            "created_at": iso(doc.created_at), "updated_at": iso(doc.updated_at),
            "finalized_at": iso(doc.finalized_at),
            "revisions": [
                {"version": r.version, "based_on": r.based_on, "conflict": r.conflict, "facts": r.facts,
                 "created_at": iso(r.created_at)}
                for r in revisions
            ],
            "docx": None if kept is None else {"base64": base64.b64encode(kept.docx).decode("ascii"),
                                               "sha256": kept.sha256},
        })
    counters = session.scalars(select(SerialCounter).where(SerialCounter.office_id == office.id))
    office_json = {k: v for k, v in office_dict(office).items() if k not in ("id", "created_at", "layout")}
    layout = session.get(OfficeLayout, office.id)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": iso(utcnow()),
        "office": office_json,
        "series": [
            {"id": s.id, "name": s.name, "kind": s.kind, "cadence": s.cadence,
             "title_pattern": s.title_pattern, "issue": s.issue}
            for s in series
        ],
        "documents": out_docs,
        "serials": [{"year": c.year, "last": c.last} for c in counters],
        "layout": None if layout is None else {
            "base64": base64.b64encode(layout.docx).decode("ascii"), "sha256": layout.sha256,
            "filename": layout.filename,
        },
    }


class _Series(Input):
    id: int
    name: str
    kind: str
    cadence: Literal["week", "month", "quarter", "year"]
    title_pattern: str | None = None
    issue: int = 0


class _Revision(Input):
    version: int
    based_on: int | None = None
    conflict: bool = False
    facts: dict[str, Any]
    created_at: str | None = None


class _Docx(Input):
    base64: str
    sha256: str


class _Layout(_Docx):
    filename: str | None = None


class _Document(Input):
    id: int
    series_id: int | None = None
    issue: int | None = None
    kind: str
    title: str | None = None
    facts: dict[str, Any]
    status: Literal["draft", "final"]
    version: int = Field(ge=1)
    serial: int | None = None
    year: int | None = None
    number: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    finalized_at: str | None = None
    revisions: list[_Revision] = Field(default_factory=list)
    docx: _Docx | None = None


class _Serial(Input):
    year: int
    last: int


class _Export(Input):
    format: Literal["huibao-office"]
    version: Literal[1]
    exported_at: str | None = None
    office: OfficeIn
    series: list[_Series] = Field(default_factory=list)
    documents: list[_Document] = Field(default_factory=list)
    serials: list[_Serial] = Field(default_factory=list)
    layout: _Layout | None = None


def _docx_bytes(docx: _Docx, where: str) -> bytes:
    try:
        content = base64.b64decode(docx.base64, validate=True)
    except ValueError:
        raise BadRequest("docx.base64 不是有效的 Base64", field=where) from None
    if hashlib.sha256(content).hexdigest() != docx.sha256:
        raise BadRequest(".docx 的 sha256 与内容不符，文件可能已损坏", field=where)
    return content


def restore_office(session: Session, data: object, name: str | None = None) -> Office:
    """Return the office recreated from an export (under ``name`` when given); ids are new.

    Raises Conflict when an office of that name exists, InvalidFacts when the export is malformed.
    """
    export = parse(_Export, data, "导出文件")
    values = export.office.model_dump()
    if name:
        values["name"] = name
    if session.scalar(select(Office.id).where(Office.name == values["name"])) is not None:
        raise Conflict(f"已有名为“{values['name']}”的机关；可用 --as 另取名称恢复", field="office.name")
    office = Office(**values)
    session.add(office)
    session.flush()
    series_ids: dict[int, int] = {}
    for s in export.series:
        row = Series(office_id=office.id, name=s.name, kind=s.kind, cadence=s.cadence,
                     title_pattern=s.title_pattern, issue=s.issue)
        session.add(row)
        session.flush()
        series_ids[s.id] = row.id
    for i, d in enumerate(export.documents):
        doc = Document(
            office_id=office.id, series_id=series_ids.get(d.series_id) if d.series_id else None,
            issue=d.issue, kind=d.kind, title=d.title, facts=d.facts, status=d.status, version=d.version,
            serial=d.serial, year=d.year, number=d.number, created_at=_when(d.created_at) or utcnow(),
            updated_at=_when(d.updated_at) or utcnow(), finalized_at=_when(d.finalized_at),
        )
        session.add(doc)
        session.flush()
        for r in d.revisions:
            session.add(Revision(
                document_id=doc.id, version=r.version, based_on=r.based_on, conflict=r.conflict,
                facts=r.facts, created_at=_when(r.created_at) or utcnow()))
        if d.docx is not None:
            content = _docx_bytes(d.docx, f"documents[{i}].docx")
            session.add(Rendition(document_id=doc.id, docx=content, sha256=d.docx.sha256))
    for c in export.serials:
        session.add(SerialCounter(office_id=office.id, year=c.year, last=c.last))
    if export.layout is not None:
        from huibao.store.layouts import check_layout

        content = _docx_bytes(export.layout, "layout")
        check_layout(content)
        session.add(OfficeLayout(office_id=office.id, docx=content, sha256=export.layout.sha256,
                                 filename=export.layout.filename, uploaded_at=utcnow()))
    session.flush()
    return office
