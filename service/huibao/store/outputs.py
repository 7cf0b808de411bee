"""What the stored-data API answers, as models for the OpenAPI document (the handlers build dicts)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from huibao.store.inputs import Cadence


class GlossaryOut(BaseModel):
    simplified: str
    traditional: str


class LayoutSummaryOut(BaseModel):
    filename: str | None
    sha256: str
    uploaded_at: str


class OfficeOut(BaseModel):
    id: int
    name: str
    self_reference: str | None
    recipient: str | None
    signature: str | None
    issuer: str | None
    code: str | None
    keep: list[str]
    glossary: list[GlossaryOut]
    layout: LayoutSummaryOut | None
    created_at: str


class SeriesOut(BaseModel):
    id: int
    office_id: int
    name: str
    kind: str
    cadence: Cadence
    title_pattern: str | None
    issue: int
    created_at: str
    documents: int | None = None


class DocumentOut(BaseModel):
    """A document; ``facts`` only when one document is asked for, ``number`` once final."""

    id: int
    office_id: int
    series_id: int | None
    issue: int | None
    kind: str
    title: str | None
    status: Literal["draft", "final"]
    version: int
    number: str | None
    created_at: str
    updated_at: str
    finalized_at: str | None
    facts: dict[str, Any] | None = None


class RevisionOut(BaseModel):
    """A saved state; ``conflict`` marks a refused stale save, kept so nothing typed is lost."""

    id: int
    document_id: int
    version: int
    based_on: int | None
    conflict: bool
    created_at: str
    facts: dict[str, Any] | None = None


class ChangeOut(BaseModel):
    field: str
    before: Any
    after: Any


class CountRowOut(BaseModel):
    label: str
    before: Any
    after: Any
    change: str | None
    changed: bool


class OfficeReply(BaseModel):
    ok: Literal[True]
    office: OfficeOut


class OfficesReply(BaseModel):
    ok: Literal[True]
    offices: list[OfficeOut]


class SeriesReply(BaseModel):
    ok: Literal[True]
    series: SeriesOut


class SeriesListReply(BaseModel):
    ok: Literal[True]
    series: list[SeriesOut]


class DocumentReply(BaseModel):
    ok: Literal[True]
    document: DocumentOut


class DocumentsReply(BaseModel):
    ok: Literal[True]
    documents: list[DocumentOut]


class RevisionReply(BaseModel):
    ok: Literal[True]
    revision: RevisionOut


class RevisionsReply(BaseModel):
    ok: Literal[True]
    revisions: list[RevisionOut]


class ChangesReply(BaseModel):
    ok: Literal[True]
    changes: list[ChangeOut]


class CountsReply(BaseModel):
    ok: Literal[True]
    counts: list[CountRowOut]
