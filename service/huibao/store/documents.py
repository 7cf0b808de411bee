"""Documents: create, save with optimistic locking, every revision kept, diff, list.

A save names the version it was based on. When that is no longer the current version, the save
is refused (Conflict) but its facts are kept as a ``conflict`` revision, so nothing typed is lost.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, defer

from huibao.compose.kinds import get_kind
from huibao.errors import BadRequest, Conflict, NotFound, PreconditionFailed
from huibao.store.envelope import OfficeProfile, fill
from huibao.store.models import Document, Office, Revision, iso, utcnow
from huibao.store.offices import Scope, default_office, get_office, get_series, next_issue

#: Largest facts a document may hold, in characters of JSON.
MAX_FACTS_CHARS = 1_000_000


def document_dict(doc: Document, facts: bool = True) -> dict[str, Any]:
    """Return a document as JSON (without its facts when ``facts`` is False)."""
    out: dict[str, Any] = {
        "id": doc.id,
        "office_id": doc.office_id,
        "series_id": doc.series_id,
        "issue": doc.issue,
        "kind": doc.kind,
        "title": doc.title,
        "status": doc.status,
        "version": doc.version,
        "number": doc.number,
        "created_at": iso(doc.created_at),
        "updated_at": iso(doc.updated_at),
        "finalized_at": iso(doc.finalized_at),
    }
    if facts:
        out["facts"] = doc.facts
    return out


def revision_dict(rev: Revision, facts: bool = False) -> dict[str, Any]:
    """Return a revision as JSON (with its facts when ``facts``)."""
    out: dict[str, Any] = {
        "id": rev.id,
        "document_id": rev.document_id,
        "version": rev.version,
        "based_on": rev.based_on,
        "conflict": rev.conflict,
        "created_at": iso(rev.created_at),
    }
    if facts:
        out["facts"] = rev.facts
    return out


def check_facts_size(facts: dict[str, Any]) -> None:
    """Raise BadRequest when ``facts`` is larger than :data:`MAX_FACTS_CHARS` as JSON."""
    if len(json.dumps(facts, ensure_ascii=False)) > MAX_FACTS_CHARS:
        raise BadRequest("事实数据过大", field="facts")


def with_office(facts: dict[str, Any], office: Office) -> dict[str, Any]:
    """Return a copy of ``facts`` with the office's envelope filled in wherever the facts leave it
    out (the rules of :func:`huibao.store.envelope.fill`; the office's keep words and glossary
    are not copied: they join every conversion of the office's documents)."""
    return fill(copy.deepcopy(facts), OfficeProfile.of(office))


def _title(facts: dict[str, Any]) -> str | None:
    title = facts.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()[:200]
    topic = facts.get("topic")
    return f"关于{topic.strip()[:180]}工作情况的汇报" if isinstance(topic, str) and topic.strip() else None


def _kind_id(facts: dict[str, Any]) -> str:
    kind = facts.get("kind")
    if not isinstance(kind, str) or not kind.strip():
        raise BadRequest("缺少文种（kind），如 situation_report", field="facts.kind")
    return get_kind(kind.strip()).id


def check_series_kind(series_kind: str, facts: dict[str, Any]) -> None:
    """Raise Conflict (409, field ``facts.kind``) when ``facts`` are of another kind than their
    series (a report imported or saved into the wrong series)."""
    kind = _kind_id(facts)
    if kind != series_kind:
        names = get_kind(series_kind).name, get_kind(kind).name
        raise Conflict(f"文种与系列不符：系列为{names[0]}，文稿为{names[1]}", field="facts.kind")


def create_document(
    session: Session,
    facts: dict[str, Any],
    office_id: int | None = None,
    series_id: int | None = None,
    scope: Scope = None,
    issue: int | None = None,
) -> Document:
    """Return a new draft (version 1, its first revision kept) with the office's envelope filled in."""
    check_facts_size(facts)
    if series_id is not None:
        series = get_series(session, series_id, scope)
        if office_id not in (None, series.office_id):
            raise NotFound(f"机关 {office_id} 没有系列 {series_id}", field="series_id")
        office_id = series.office_id
        check_series_kind(series.kind, facts)
        if issue is None:
            issue = next_issue(session, series)
    office = get_office(session, default_office(session, office_id, scope), scope)
    facts = with_office(facts, office)
    now = utcnow()
    doc = Document(
        office_id=office.id,
        series_id=series_id,
        issue=issue,
        kind=_kind_id(facts),
        title=_title(facts),
        facts=facts,
        status="draft",
        version=1,
        created_at=now,
        updated_at=now,
    )
    session.add(doc)
    session.flush()
    session.add(Revision(document_id=doc.id, version=1, based_on=None, conflict=False, facts=facts))
    return doc


def get_document(session: Session, doc_id: int, scope: Scope = None) -> Document:
    """Return document ``doc_id``; raise NotFound when missing or outside ``scope``."""
    doc = session.get(Document, doc_id)
    if doc is None or scope not in (None, doc.office_id):
        raise NotFound(f"找不到文稿 {doc_id}", field="id")
    return doc


@dataclass
class Saved:
    """The outcome of a save: the document, and the kept revision of a refused stale save."""

    document: Document
    refused: Revision | None = None
    precondition: bool = False

    def raise_if_refused(self) -> None:
        """Raise Conflict (409), or PreconditionFailed (412) for If-Match, when the save was refused."""
        if self.refused is None:
            return
        message = (
            f"文稿已被修改：当前为第 {self.document.version} 版，本次修改基于第 {self.refused.based_on} 版；"
            f"本次内容已另存为修订 {self.refused.id}，两个版本都已保留"
        )
        raise (PreconditionFailed if self.precondition else Conflict)(message, field="version")


def save_document(
    session: Session,
    doc_id: int,
    facts: dict[str, Any],
    based_on: int,
    scope: Scope = None,
    precondition: bool = False,
) -> Saved:
    """Return the outcome of saving ``facts`` over version ``based_on`` of a draft.

    The version check and the write are one conditional UPDATE, so two saves based on the same
    version never both succeed. Saving a final document, or facts of another kind into a
    series' document, raises Conflict.
    """
    check_facts_size(facts)
    doc = get_document(session, doc_id, scope)
    kind = _kind_id(facts)
    if doc.series_id is not None:
        check_series_kind(doc.kind, facts)  # a series keeps one kind
    now = utcnow()
    result = session.execute(
        update(Document)
        .where(Document.id == doc_id, Document.version == based_on, Document.status == "draft")
        .values(facts=facts, kind=kind, title=_title(facts), version=based_on + 1, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    session.refresh(doc)
    if doc.status != "draft":
        raise Conflict(f"文稿已定稿（{doc.number or doc.id}），不能修改", field="status")
    if result.rowcount == 1:  # type: ignore[attr-defined]
        session.add(Revision(document_id=doc_id, version=doc.version, based_on=based_on,
                             conflict=False, facts=facts))
        session.flush()
        return Saved(doc)
    kept = Revision(document_id=doc_id, version=doc.version, based_on=based_on, conflict=True, facts=facts)
    session.add(kept)
    session.flush()
    return Saved(doc, kept, precondition)


def list_documents(
    session: Session,
    scope: Scope = None,
    office_id: int | None = None,
    series_id: int | None = None,
    status: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Return documents without facts, newest period first within a series, else newest first."""
    query = select(Document)
    for column, wanted in ((Document.office_id, scope), (Document.office_id, office_id),
                           (Document.series_id, series_id), (Document.status, status)):
        if wanted is not None:
            query = query.where(column == wanted)
    if series_id is not None:
        query = query.order_by(Document.issue.desc(), Document.id.desc())
    else:
        query = query.order_by(Document.id.desc())
    query = query.limit(max(1, min(limit, 500))).offset(max(0, offset))
    query = query.options(defer(Document.facts))
    return [document_dict(d, facts=False) for d in session.scalars(query)]


def list_revisions(session: Session, doc_id: int, scope: Scope = None) -> list[dict[str, Any]]:
    """Return every revision of a document, oldest first (facts left out)."""
    get_document(session, doc_id, scope)
    query = select(Revision).where(Revision.document_id == doc_id).order_by(Revision.id)
    return [revision_dict(r) for r in session.scalars(query.options(defer(Revision.facts)))]


def get_revision(session: Session, doc_id: int, rev_id: int, scope: Scope = None) -> Revision:
    """Return revision ``rev_id`` of document ``doc_id``; raise NotFound otherwise."""
    get_document(session, doc_id, scope)
    rev = session.get(Revision, rev_id)
    if rev is None or rev.document_id != doc_id:
        raise NotFound(f"找不到修订 {rev_id}", field="revision")
    return rev


def revision_count(session: Session, doc_id: int) -> int:
    """Return how many revisions document ``doc_id`` has."""
    return int(session.scalar(select(func.count()).where(Revision.document_id == doc_id)) or 0)
