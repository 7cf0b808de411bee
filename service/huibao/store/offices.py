"""Offices and their series: create, read, change, list — always within a caller's scope.

``scope`` is the office a caller may see (from its API token) or None for every office; an object
outside the scope answers exactly like a missing one (NotFound).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session

from huibao.compose.kinds import get_kind
from huibao.errors import Conflict, NotFound
from huibao.store.inputs import OfficeIn, OfficePatch, SeriesIn, SeriesPatch
from huibao.store.models import Document, Office, OfficeLayout, Series, iso

Scope = int | None


def layout_summary(office: Office) -> dict[str, Any] | None:
    """Return the office's own layout .docx as ``{filename, sha256, uploaded_at}`` (never its
    bytes); None when it uses the default layout."""
    session = object_session(office)
    if session is None:
        return None
    row = session.execute(
        select(OfficeLayout.filename, OfficeLayout.sha256, OfficeLayout.uploaded_at).where(
            OfficeLayout.office_id == office.id
        )
    ).first()
    return None if row is None else {"filename": row[0], "sha256": row[1], "uploaded_at": iso(row[2])}


def office_dict(office: Office) -> dict[str, Any]:
    """Return an office as JSON; ``layout`` is its own layout .docx (None: the default one)."""
    return {
        "id": office.id,
        "name": office.name,
        "self_reference": office.self_reference,
        "recipient": office.recipient,
        "signature": office.signature,
        "issuer": office.issuer,
        "code": office.code,
        "keep": list(office.keep or []),
        "glossary": list(office.glossary or []),
        "layout": layout_summary(office),
        "created_at": iso(office.created_at),
    }


def series_dict(series: Series, documents: int | None = None) -> dict[str, Any]:
    """Return a series as JSON (with its number of documents when given)."""
    out: dict[str, Any] = {
        "id": series.id,
        "office_id": series.office_id,
        "name": series.name,
        "kind": series.kind,
        "cadence": series.cadence,
        "title_pattern": series.title_pattern,
        "issue": series.issue,
        "created_at": iso(series.created_at),
    }
    if documents is not None:
        out["documents"] = documents
    return out


def get_office(session: Session, office_id: int, scope: Scope = None) -> Office:
    """Return the office ``office_id``; raise NotFound when missing or outside ``scope``."""
    office = session.get(Office, office_id) if scope in (None, office_id) else None
    if office is None:
        raise NotFound(f"找不到机关 {office_id}", field="office_id")
    return office


def find_office(session: Session, ref: str) -> Office:
    """Return the office whose id or name is ``ref``; raise NotFound otherwise."""
    office = session.get(Office, int(ref)) if ref.isascii() and ref.isdigit() and len(ref) <= 9 else None
    office = office or session.scalars(select(Office).where(Office.name == ref)).first()
    if office is None:
        raise NotFound(f"找不到机关“{ref}”", field="office")
    return office


def default_office(session: Session, office_id: int | None, scope: Scope) -> int:
    """Return the office a new object belongs to: the one given, the token's, or the only one.

    Raises Conflict when none is given and there is not exactly one office to choose.
    """
    if office_id is not None:
        return office_id
    if scope is not None:
        return scope
    ids = list(session.scalars(select(Office.id).limit(2)))
    if len(ids) != 1:
        message = "请指定机关编号（office_id）" if ids else "还没有机关，请先新建机关"
        raise Conflict(message, field="office_id")
    return ids[0]


def list_offices(session: Session, scope: Scope = None) -> list[Office]:
    """Return the offices in ``scope``, oldest first."""
    query = select(Office).order_by(Office.id)
    if scope is not None:
        query = query.where(Office.id == scope)
    return list(session.scalars(query))


def _unique_name(session: Session) -> None:
    try:
        session.flush()
    except IntegrityError:
        raise Conflict("已有同名机关", field="name") from None


def create_office(session: Session, data: OfficeIn) -> Office:
    """Return a new office; raise Conflict when the name is taken."""
    values = data.model_dump()
    values["glossary"] = [dict(e) for e in values["glossary"]]
    office = Office(**values)
    session.add(office)
    _unique_name(session)
    return office


def update_office(session: Session, office_id: int, data: OfficePatch, scope: Scope = None) -> Office:
    """Return the office after changing the fields given in ``data``."""
    office = get_office(session, office_id, scope)
    for key, value in data.model_dump(exclude_unset=True).items():
        setattr(office, key, value)
    _unique_name(session)
    return office


def get_series(session: Session, series_id: int, scope: Scope = None, lock: bool = False) -> Series:
    """Return series ``series_id`` (row-locked for the transaction when ``lock``)."""
    query = select(Series).where(Series.id == series_id)
    if scope is not None:
        query = query.where(Series.office_id == scope)
    if lock:
        query = query.with_for_update()
    series = session.scalars(query).first()
    if series is None:
        raise NotFound(f"找不到系列 {series_id}", field="series_id")
    return series


def list_series(session: Session, scope: Scope = None, office_id: int | None = None) -> list[dict[str, Any]]:
    """Return the series in ``scope`` (of one office when given) with their document counts."""
    counts = (
        select(Document.series_id, func.count().label("n"))
        .where(Document.series_id.is_not(None))
        .group_by(Document.series_id)
        .subquery()
    )
    query = select(Series, counts.c.n).outerjoin(counts, counts.c.series_id == Series.id).order_by(Series.id)
    for wanted in (scope, office_id):
        if wanted is not None:
            query = query.where(Series.office_id == wanted)
    return [series_dict(s, n or 0) for s, n in session.execute(query)]


def create_series(session: Session, data: SeriesIn, scope: Scope = None) -> Series:
    """Return a new series of an office in ``scope``; the kind is stored by its id."""
    office_id = default_office(session, data.office_id, scope)
    get_office(session, office_id, scope)
    kind = get_kind(data.kind)
    series = Series(
        office_id=office_id,
        name=data.name,
        kind=kind.id,
        cadence=data.cadence,
        title_pattern=data.title_pattern,
        issue=data.issue,
    )
    session.add(series)
    session.flush()
    return series


def update_series(session: Session, series_id: int, data: SeriesPatch, scope: Scope = None) -> Series:
    """Return the series after changing the fields given in ``data``."""
    series = get_series(session, series_id, scope)
    for key, value in data.model_dump(exclude_unset=True).items():
        setattr(series, key, value)
    session.flush()
    return series


def next_issue(session: Session, series: Series) -> int:
    """Return the series' next 期号, counted atomically in the database."""
    stmt = update(Series).where(Series.id == series.id).values(issue=Series.issue + 1).returning(Series.issue)
    issue = int(session.execute(stmt).scalar_one())
    series.issue = issue
    return issue
