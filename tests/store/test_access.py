"""HUIBAO_AUTH=token: every /api/ call needs an office's token and sees only that office."""

from __future__ import annotations

from typing import Any

import pytest

from huibao.store.db import Store
from huibao.store.documents import create_document
from huibao.store.inputs import OfficeIn
from huibao.store.models import Office
from huibao.store.offices import create_office
from huibao.store.tokens import create_token


@pytest.fixture
def two_offices(store: Store, office: Office, facts: dict[str, Any]) -> dict[str, Any]:
    with store.write() as s:
        other = create_office(s, OfficeIn(name="东坪镇人民政府"))
        mine_doc = create_document(s, facts, office_id=office.id).id
        other_doc = create_document(s, facts, office_id=other.id).id
        _, secret = create_token(s, office.id, "test")
    return {"secret": secret, "mine": mine_doc, "other": other_doc, "other_office": other.id}


@pytest.fixture
def gated(client: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("HUIBAO_AUTH", "token")
    return client


@pytest.mark.parametrize(
    ("path", "authorization", "message"),
    [
        ("/api/documents", None, "缺少 API 令牌"),
        ("/api/kinds", "Bearer hb_wrong", "API 令牌无效"),
        ("/api/offices", "Basic abc", "缺少 API 令牌"),
    ],
)
def test_calls_without_a_valid_token_are_401(
    gated: Any, two_offices: dict[str, Any], path: str, authorization: str | None, message: str
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    r = gated.get(path, headers=headers)
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    assert r.json()["errors"][0]["message"].startswith(message)


def test_a_token_sees_only_its_office(gated: Any, two_offices: dict[str, Any], office: Office) -> None:
    auth = {"Authorization": f"Bearer {two_offices['secret']}"}
    listed = gated.get("/api/documents", headers=auth).json()["documents"]
    assert [d["id"] for d in listed] == [two_offices["mine"]]
    assert [o["id"] for o in gated.get("/api/offices", headers=auth).json()["offices"]] == [office.id]
    assert gated.get(f"/api/documents/{two_offices['other']}", headers=auth).status_code == 404
    assert gated.get(f"/api/offices/{two_offices['other_office']}", headers=auth).status_code == 404
    assert gated.get(f"/api/documents/{two_offices['mine']}", headers=auth).status_code == 200


def test_a_token_creates_in_its_own_office_and_cannot_create_offices(
    gated: Any, two_offices: dict[str, Any], office: Office, facts: dict[str, Any]
) -> None:
    auth = {"Authorization": f"Bearer {two_offices['secret']}"}
    r = gated.post("/api/documents", json={"facts": facts}, headers=auth)
    assert r.status_code == 201 and r.json()["document"]["office_id"] == office.id
    r = gated.post("/api/documents", json={"facts": facts, "office_id": two_offices["other_office"]},
                   headers=auth)
    assert r.status_code == 404
    assert gated.post("/api/offices", json={"name": "新机关"}, headers=auth).status_code == 403


def test_authentication_is_off_by_default(client: Any, two_offices: dict[str, Any]) -> None:
    assert client.get("/api/documents").status_code == 200
    assert client.get("/").status_code == 200
