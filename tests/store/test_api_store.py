"""The stored-data API on both databases: one error shape, ETags, 409/412/428, next period, finalise."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from huibao.store.db import Store
from huibao.store.models import Office, Series


def new_doc(client: Any, office: Office, facts: dict[str, Any]) -> dict[str, Any]:
    r = client.post("/api/documents", json={"office_id": office.id, "facts": facts})
    assert r.status_code == 201 and r.headers["etag"] == '"1"'
    return dict(r.json()["document"])


def test_offices_are_created_listed_and_changed(client: Any) -> None:
    r = client.post("/api/offices", json={"name": "东坪镇人民政府", "code": "东政"})
    assert r.status_code == 201
    office_id = r.json()["office"]["id"]
    r = client.patch(f"/api/offices/{office_id}", json={"self_reference": "我镇"})
    assert r.json()["office"]["self_reference"] == "我镇"
    assert [o["name"] for o in client.get("/api/offices").json()["offices"]] == ["东坪镇人民政府"]


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"name": ""}, 422, "name"),
        ({"name": "甲", "colour": "红"}, 422, "colour"),
        ({"name": "青禾县应急管理局"}, 409, "name"),
    ],
)
def test_bad_office_input_gets_the_one_error_shape(
    client: Any, office: Office, body: dict[str, Any], status: int, field: str
) -> None:
    r = client.post("/api/offices", json=body)
    assert r.status_code == status
    assert r.json()["ok"] is False and r.json()["status"] == status
    assert r.json()["errors"][0]["field"] == field


def test_next_period_over_the_api(client: Any, office: Office, weekly: Series, facts: dict[str, Any]) -> None:
    first = client.post("/api/documents", json={"series_id": weekly.id, "facts": facts}).json()["document"]
    assert first["office_id"] == office.id
    r = client.post(f"/api/series/{weekly.id}/next")
    assert r.status_code == 201
    second = r.json()["document"]
    assert second["facts"]["counts"][1]["previous"] == 23
    listed = client.get("/api/documents", params={"series_id": weekly.id}).json()["documents"]
    assert [d["id"] for d in listed] == [second["id"], first["id"]]
    assert client.get("/api/series").json()["series"][0]["documents"] == 2


def test_save_with_if_match_then_a_stale_one_is_412_and_kept(
    client: Any, office: Office, facts: dict[str, Any]
) -> None:
    doc = new_doc(client, office, facts)
    url = f"/api/documents/{doc['id']}"
    facts = doc["facts"]  # with the office's envelope filled in
    ok = client.put(url, json={"facts": {**facts, "topic": "甲"}}, headers={"If-Match": '"1"'})
    assert ok.status_code == 200 and ok.headers["etag"] == '"2"'
    stale = client.put(url, json={"facts": {**facts, "topic": "乙"}}, headers={"If-Match": '"1"'})
    assert stale.status_code == 412 and stale.json()["errors"][0]["field"] == "version"
    assert client.put(url, json={"facts": facts, "version": 1}).status_code == 409
    assert client.put(url, json={"facts": facts}).status_code == 428
    revisions = client.get(f"{url}/revisions").json()["revisions"]
    kept = [r for r in revisions if r["conflict"]]
    assert len(kept) == 2
    kept_facts = client.get(f"{url}/revisions/{kept[0]['id']}").json()["revision"]["facts"]
    assert kept_facts["topic"] == "乙"
    changes = client.get(f"{url}/diff", params={"from": revisions[0]["id"], "to": kept[0]["id"]}).json()
    assert changes["changes"] == [{"field": "topic", "before": "森林防火", "after": "乙"}]


def test_finalise_numbers_it_and_serves_the_stored_docx(
    client: Any, office: Office, facts: dict[str, Any]
) -> None:
    doc = new_doc(client, office, facts)
    r = client.post(f"/api/documents/{doc['id']}/finalize", headers={"If-Match": '"1"'})
    assert r.status_code == 200 and r.json()["document"]["number"] == "青应急〔2026〕1号"
    docx = client.get(f"/api/documents/{doc['id']}/render")
    assert docx.headers["x-huibao-sha256"] == hashlib.sha256(docx.content).hexdigest()
    text = client.get(f"/api/documents/{doc['id']}/render", params={"format": "txt"})
    assert "森林防火" in text.text
    again = client.put(f"/api/documents/{doc['id']}", json={"facts": facts, "version": 1})
    assert again.status_code == 409 and again.json()["errors"][0]["field"] == "status"


def test_invalid_facts_cannot_be_finalised(client: Any, office: Office, facts: dict[str, Any]) -> None:
    doc = new_doc(client, office, {**facts, "counts": [{"label": "巡查", "value": "许多"}]})
    r = client.post(f"/api/documents/{doc['id']}/finalize")
    assert r.status_code == 409 and r.json()["errors"][0]["field"] == "counts[0].value"
    assert client.get(f"/api/documents/{doc['id']}").json()["document"]["status"] == "draft"


def test_compare_two_periods(client: Any, office: Office, weekly: Series, facts: dict[str, Any]) -> None:
    a = client.post("/api/documents", json={"series_id": weekly.id, "facts": facts}).json()["document"]
    b = client.post(f"/api/series/{weekly.id}/next").json()["document"]
    b["facts"]["counts"][0]["value"] = 20
    client.put(f"/api/documents/{b['id']}", json={"facts": b["facts"], "version": 1})
    rows = client.get("/api/compare", params={"a": a["id"], "b": b["id"]}).json()["counts"]
    changed = [r["label"] for r in rows if r["changed"]]
    assert changed == ["巡查林区"]


@pytest.mark.parametrize("path", ["/api/documents/999", "/api/series/999", "/api/offices/999",
                                  "/api/documents/999/revisions"])
def test_missing_objects_are_404(client: Any, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404 and r.json()["ok"] is False


def test_the_spec_documents_the_stored_data_api(client: Any) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/series/{series_id}/next" in paths
    assert {"409", "412", "428"} <= set(paths["/api/documents/{doc_id}"]["put"]["responses"])


def test_store_url_is_the_one_the_app_uses(client: Any, store: Store) -> None:
    client.post("/api/offices", json={"name": "东坪镇人民政府"})
    with store.read() as s:
        from huibao.store.offices import list_offices

        assert [o.name for o in list_offices(s)] == ["东坪镇人民政府"]
