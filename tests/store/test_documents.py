"""Documents on both databases: office envelope filled in, optimistic locking, revisions, diffs."""

from __future__ import annotations

from typing import Any

import pytest

from huibao.errors import Conflict, NotFound, PreconditionFailed
from huibao.store.db import Store
from huibao.store.diff import compare_counts, diff_facts
from huibao.store.documents import (
    create_document,
    get_document,
    list_documents,
    list_revisions,
    save_document,
)
from huibao.store.inputs import OfficeIn
from huibao.store.models import Office, Series
from huibao.store.offices import create_office


def test_new_document_takes_the_office_envelope_where_facts_leave_it_out(
    store: Store, office: Office, facts: dict[str, Any]
) -> None:
    with store.write() as s:
        doc = create_document(s, facts, office_id=office.id)
    assert doc.facts["unit"] == {"name": "青禾县应急管理局", "self_reference": "我局"}
    assert doc.facts["recipient"] == "县人民政府"
    assert "keep" not in doc.facts  # the office's keep words join its conversions, not its facts
    assert (doc.status, doc.version, doc.kind) == ("draft", 1, "situation_report")
    assert doc.title == "关于森林防火工作情况的汇报"


def test_facts_given_win_over_the_office_defaults(
    store: Store, office: Office, facts: dict[str, Any]
) -> None:
    facts["recipient"] = "市应急管理局"
    with store.write() as s:
        doc = create_document(s, facts, office_id=office.id)
    assert doc.facts["recipient"] == "市应急管理局"


def test_save_on_the_current_version_adds_a_revision(
    store: Store, office: Office, facts: dict[str, Any]
) -> None:
    with store.write() as s:
        doc_id = create_document(s, facts, office_id=office.id).id
    facts["counts"][1]["value"] = 30
    with store.write() as s:
        saved = save_document(s, doc_id, facts, based_on=1)
    assert saved.refused is None and saved.document.version == 2
    with store.read() as s:
        revisions = list_revisions(s, doc_id)
        assert get_document(s, doc_id).facts["counts"][1]["value"] == 30
    assert [(r["version"], r["conflict"]) for r in revisions] == [(1, False), (2, False)]


@pytest.mark.parametrize(("precondition", "error"), [(False, Conflict), (True, PreconditionFailed)])
def test_stale_save_is_refused_and_both_versions_are_kept(
    store: Store, office: Office, facts: dict[str, Any], precondition: bool, error: type[Conflict]
) -> None:
    with store.write() as s:
        doc_id = create_document(s, facts, office_id=office.id).id
    first, second = dict(facts, topic="甲"), dict(facts, topic="乙")
    with store.write() as s:
        save_document(s, doc_id, first, based_on=1)
    with store.write() as s:
        stale = save_document(s, doc_id, second, based_on=1, precondition=precondition)
    with pytest.raises(error) as caught:
        stale.raise_if_refused()
    assert caught.value.status == (412 if precondition else 409)
    with store.read() as s:
        doc = get_document(s, doc_id)
        revisions = list_revisions(s, doc_id)
    assert doc.facts["topic"] == "甲" and doc.version == 2
    kept = [r for r in revisions if r["conflict"]]
    assert len(kept) == 1 and kept[0]["based_on"] == 1


def test_another_offices_document_is_not_found(store: Store, office: Office, facts: dict[str, Any]) -> None:
    with store.write() as s:
        other = create_office(s, OfficeIn(name="东坪镇人民政府"))
        doc_id = create_document(s, facts, office_id=office.id).id
    with store.read() as s, pytest.raises(NotFound):
        get_document(s, doc_id, scope=other.id)


def test_listing_leaves_out_facts_and_filters_by_office(
    store: Store, office: Office, facts: dict[str, Any]
) -> None:
    with store.write() as s:
        other = create_office(s, OfficeIn(name="东坪镇人民政府"))
        create_document(s, facts, office_id=office.id)
        create_document(s, facts, office_id=other.id)
    with store.read() as s:
        mine = list_documents(s, scope=office.id)
    assert len(mine) == 1 and "facts" not in mine[0] and mine[0]["office_id"] == office.id


def test_diff_names_every_changed_field() -> None:
    before = {"topic": "甲", "counts": [{"label": "a", "value": 1}]}
    after = {"topic": "甲", "counts": [{"label": "a", "value": 2}], "basis": "要求"}
    assert diff_facts(before, after) == [
        {"field": "counts[0].value", "before": 1, "after": 2},
        {"field": "basis", "before": None, "after": "要求"},
    ]
    assert diff_facts(before, before) == []


def test_compare_counts_marks_the_changed_ones(facts: dict[str, Any]) -> None:
    after = {**facts, "counts": [dict(facts["counts"][0]), {**facts["counts"][1], "value": 20}]}
    rows = {r["label"]: r for r in compare_counts(facts, after)}
    assert rows["排查火灾隐患"]["changed"] and rows["排查火灾隐患"]["change"] == "-3"
    assert not rows["巡查林区"]["changed"]
    assert not rows["巡查林区 / 重点林区"]["changed"]


def test_a_series_keeps_one_kind(store: Store, weekly: Series, facts: dict[str, Any]) -> None:
    notice = {"kind": "inspection_notice", "topic": "森林防火"}
    with store.write() as s, pytest.raises(Conflict, match="文种与系列不符：系列为情况汇报，文稿为督查通报"):
        create_document(s, notice, series_id=weekly.id)
    with store.write() as s:
        doc = create_document(s, facts, series_id=weekly.id)
        doc_id, version = doc.id, doc.version
    with store.write() as s, pytest.raises(Conflict) as info:
        save_document(s, doc_id, notice, version)
    assert info.value.errors[0].field == "facts.kind"
    with store.read() as s:
        assert get_document(s, doc_id).facts["kind"] == "situation_report"
