"""Finalising a draft: the next 发文字号 serial of its office and year, the .docx kept with its sha256.

The facts are validated before the write transaction; the .docx, carrying the 发文字号 when the
office has a 机关代字, is rendered inside it. The serial comes from one atomic ``INSERT … ON CONFLICT
DO UPDATE … RETURNING`` on the office's counter row, inside the same transaction that marks the
document final, so a serial is never given twice and never skipped by a failed finalisation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import Table, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from huibao import core
from huibao.errors import Conflict, ErrorItem, InvalidFacts, NotFound
from huibao.store.db import Store
from huibao.store.documents import get_document
from huibao.store.envelope import OfficeProfile
from huibao.store.layouts import layout_bytes
from huibao.store.models import Document, Office, Rendition, Revision, SerialCounter, utcnow
from huibao.store.offices import Scope

CHINA_TIME = dt.timezone(dt.timedelta(hours=8))


def document_year(facts: dict[str, Any]) -> int:
    """Return the year of the document: its 成文日期 when given, else this year in China time."""
    signed = facts.get("signed_on")
    if isinstance(signed, str) and len(signed) >= 4 and signed[:4].isdigit():
        return int(signed[:4])
    return dt.datetime.now(CHINA_TIME).year


def next_serial(session: Session, office_id: int, year: int) -> int:
    """Return the next serial of ``office_id`` in ``year``, counted atomically in the database."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = SerialCounter.__table__
    assert isinstance(table, Table)
    stmt = (
        insert(table)
        .values(office_id=office_id, year=year, last=1)
        .on_conflict_do_update(index_elements=["office_id", "year"], set_={"last": table.c.last + 1})
        .returning(table.c.last)
    )
    return int(session.execute(stmt).scalar_one())


def document_number(office: Office, year: int, serial: int) -> str:
    """Return the 发文字号: 机关代字〔年份〕序号号, e.g. 青应急〔2026〕7号."""
    return f"{office.code or ''}〔{year}〕{serial}号"


def office_of(session: Session, doc: Document) -> OfficeProfile | None:
    """Return the profile of a document's office, its layout included (None if it is gone)."""
    office = session.get(Office, doc.office_id)
    return OfficeProfile.of(office, layout_bytes(session, office.id)) if office is not None else None


def render_stored(facts: dict[str, Any], fmt: str, office: OfficeProfile | None = None) -> core.Output:
    """Return a stored document's facts rendered in ``fmt``, its ``office`` filling the envelope.

    Facts that do not validate raise Conflict (409) listing every field: the request is fine,
    the stored draft is not complete yet.
    """
    try:
        return core.render(facts, fmt, office=office)
    except InvalidFacts as exc:
        raise _incomplete(exc) from None


def check_complete(facts: dict[str, Any], office: OfficeProfile | None = None) -> None:
    """Raise Conflict (409) naming every field when ``facts`` (with ``office``'s envelope) do not
    validate."""
    from huibao.compose.kinds import parse_facts

    try:
        parse_facts(core.with_office(facts, office)[0])
    except InvalidFacts as exc:
        raise _incomplete(exc) from None


def _incomplete(exc: InvalidFacts) -> Conflict:
    error = Conflict("文稿尚不完整")
    error.errors = [ErrorItem(e.field, f"文稿尚不完整：{e.message}") for e in exc.errors]
    return error


def finalize(store: Store, doc_id: int, scope: Scope = None, based_on: int | None = None) -> Document:
    """Return the finalised document; raise Conflict when it is final already or has changed.

    ``based_on``, when given, must be the current version. Incomplete facts raise Conflict (409)
    naming every field, and leave the draft as it was.
    """
    with store.read() as session:
        doc = get_document(session, doc_id, scope)
        if doc.status != "draft":
            raise Conflict(f"文稿已定稿（{doc.number}）", field="status")
        version, facts = doc.version, doc.facts
        profile = office_of(session, doc)
    if based_on is not None and based_on != version:
        raise Conflict(f"文稿已被修改：当前为第 {version} 版，请求基于第 {based_on} 版", field="version")
    check_complete(facts, profile)  # before taking the lock: an incomplete draft never waits for it
    year = document_year(facts)
    with store.write() as session:
        office = session.get(Office, doc.office_id)
        if office is None:
            raise NotFound(f"找不到文稿 {doc_id}", field="id")
        serial = next_serial(session, office.id, year)
        number = document_number(office, year, serial)
        if office.code:  # the .docx carries the 发文字号 it was given
            facts = {**facts, "doc_number": number}
        # Rendered under the lock: a failure rolls the serial back, so none is ever skipped.
        content = render_stored(facts, "docx", office_of(session, doc)).content
        now = utcnow()
        result = session.execute(
            update(Document)
            .where(Document.id == doc_id, Document.version == version, Document.status == "draft")
            .values(status="final", serial=serial, year=year, number=number, facts=facts,
                    version=version + 1, finalized_at=now, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            # Saved or finalised meanwhile: raising rolls the serial back with everything else.
            raise Conflict("文稿在定稿过程中被修改或已被定稿，请重试", field="version")
        session.add(Revision(document_id=doc_id, version=version + 1, based_on=version, conflict=False,
                             facts=facts))
        session.add(Rendition(document_id=doc_id, docx=content, sha256=hashlib.sha256(content).hexdigest()))
    with store.read() as session:
        return get_document(session, doc_id, scope)


def rendition(session: Session, doc_id: int, scope: Scope = None) -> Rendition | None:
    """Return the stored .docx of a final document; None for a draft."""
    get_document(session, doc_id, scope)
    return session.get(Rendition, doc_id)
