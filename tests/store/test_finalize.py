"""Finalising: 发文字号 serials per office and year, never repeated, also under concurrency."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from huibao.errors import Conflict, HuibaoError
from huibao.store.db import Store
from huibao.store.documents import create_document, get_document, save_document
from huibao.store.finalize import finalize, rendition
from huibao.store.inputs import OfficeIn
from huibao.store.models import Office
from huibao.store.offices import create_office


def new_drafts(store: Store, office_id: int, facts: dict[str, Any], n: int) -> list[int]:
    with store.write() as s:
        return [create_document(s, facts, office_id=office_id).id for _ in range(n)]


def test_finalising_numbers_the_document_and_keeps_its_docx(
    store: Store, office: Office, facts: dict[str, Any]
) -> None:
    (doc_id,) = new_drafts(store, office.id, facts, 1)
    doc = finalize(store, doc_id)
    assert (doc.status, doc.serial, doc.year, doc.number) == ("final", 1, 2026, "青应急〔2026〕1号")
    with store.read() as s:
        kept = rendition(s, doc_id)
    assert kept is not None and kept.docx.startswith(b"PK")
    assert kept.sha256 == hashlib.sha256(kept.docx).hexdigest()


def test_a_final_document_is_read_only(store: Store, office: Office, facts: dict[str, Any]) -> None:
    (doc_id,) = new_drafts(store, office.id, facts, 1)
    finalize(store, doc_id)
    with pytest.raises(Conflict), store.write() as s:
        save_document(s, doc_id, facts, based_on=1)
    with pytest.raises(Conflict):
        finalize(store, doc_id)


def test_serials_count_per_office_and_year(store: Store, office: Office, facts: dict[str, Any]) -> None:
    with store.write() as s:
        other = create_office(s, OfficeIn(name="东坪镇人民政府", code="东政")).id
    a, b = new_drafts(store, office.id, facts, 2)
    (c,) = new_drafts(store, other, facts, 1)
    (d,) = new_drafts(store, office.id, dict(facts, signed_on="2027-01-04"), 1)
    numbers = [finalize(store, i).number for i in (a, b, c, d)]
    assert numbers == ["青应急〔2026〕1号", "青应急〔2026〕2号", "东政〔2026〕1号", "青应急〔2027〕1号"]


def test_invalid_facts_leave_the_draft_and_use_no_serial(
    store: Store, office: Office, facts: dict[str, Any]
) -> None:
    bad, good = new_drafts(store, office.id, dict(facts, counts=[{"label": "x", "value": "多"}]), 1)[0], \
        new_drafts(store, office.id, facts, 1)[0]
    with pytest.raises(Conflict) as caught:
        finalize(store, bad)
    assert caught.value.errors[0].field == "counts[0].value"
    assert finalize(store, good).serial == 1
    with store.read() as s:
        assert get_document(s, bad).status == "draft"


def test_concurrent_finalisation_never_repeats_a_serial(
    store: Store, office: Office, facts: dict[str, Any]
) -> None:
    ids = new_drafts(store, office.id, facts, 12)

    def run(doc_id: int) -> int | None:
        try:
            return finalize(store, doc_id).serial
        except Conflict:
            return None

    with ThreadPoolExecutor(max_workers=6) as pool:
        serials = list(pool.map(run, ids + ids[:4]))  # four documents finalised twice at once

    given = [s for s in serials if s is not None]
    assert sorted(given) == list(range(1, 13))
    assert serials.count(None) == 4


def test_finalising_the_same_document_twice_at_once_gives_one_serial(
    store: Store, office: Office, facts: dict[str, Any]
) -> None:
    (doc_id,) = new_drafts(store, office.id, facts, 1)
    outcomes: list[str] = []

    def run() -> None:
        try:
            outcomes.append(finalize(store, doc_id).number or "")
        except HuibaoError as exc:
            outcomes.append(type(exc).__name__)

    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(4):
            pool.submit(run)
    assert sorted(outcomes) == ["Conflict"] * 3 + ["青应急〔2026〕1号"]


def test_the_stored_docx_carries_its_number_and_the_facts_keep_it(
    store: Store, office: Office, facts: dict[str, Any]
) -> None:
    from huibao.uploads import open_docx

    (doc_id,) = new_drafts(store, office.id, facts, 1)
    doc = finalize(store, doc_id)
    assert doc.facts["doc_number"] == "青应急〔2026〕1号" and doc.version == 2
    with store.read() as s:
        kept = rendition(s, doc_id)
    assert kept is not None
    text = "\n".join(p.text for p in open_docx(kept.docx).paragraphs)
    assert "青应急〔2026〕1号" in text
