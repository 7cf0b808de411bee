"""HTTP details of the API: content types, Accept negotiation, download names, no echo."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", None, "text/json"],
)
def test_a_json_endpoint_refuses_a_body_not_declared_as_json(
    client: TestClient, minimal: dict[str, Any], content_type: str | None
) -> None:
    import json

    headers = {"Content-Type": content_type} if content_type else {}
    answer = client.post("/api/reports/preview", content=json.dumps(minimal), headers=headers)
    assert answer.status_code == 415
    assert "Content-Type: application/json" in answer.json()["errors"][0]["message"]


def test_a_json_suffix_media_type_is_json(client: TestClient, minimal: dict[str, Any]) -> None:
    import json

    answer = client.post(
        "/api/reports/preview", content=json.dumps(minimal),
        headers={"Content-Type": "application/vnd.huibao+json; charset=utf-8"},
    )
    assert answer.status_code == 200


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("text/plain", "text/plain"),
        ("text/html;q=0.5, text/markdown", "text/markdown"),
        ("text/markdown;q=0.2, text/plain;q=0.9", "text/plain"),
        ("text/plain;q=0, */*", "application/vnd.openxmlformats"),
        ("*/*", "application/vnd.openxmlformats"),
    ],
)
def test_accept_is_negotiated_by_quality(
    client: TestClient, minimal: dict[str, Any], accept: str, media: str
) -> None:
    answer = client.post("/api/reports", json=minimal, headers={"Accept": accept})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(media)


def test_accept_that_refuses_everything_gets_406(client: TestClient, minimal: dict[str, Any]) -> None:
    answer = client.post("/api/reports", json=minimal, headers={"Accept": "text/plain;q=0"})
    assert answer.status_code == 406


def test_bidirectional_controls_never_reach_a_download_name(
    client: TestClient, minimal: dict[str, Any]
) -> None:
    minimal["title"] = "关于防汛工作的汇报\u202excod.exe"
    answer = client.post("/api/reports?format=txt", json=minimal)
    header = unquote(answer.headers["content-disposition"])
    assert "\u202e" not in header
    assert header.endswith("关于防汛工作的汇报xcod.exe.txt")


def test_a_checked_json_text_is_not_echoed(client: TestClient) -> None:
    body = client.post("/api/check", json={"text": "截至月日，排查XX处。" * 100}).json()
    assert "text" not in body
    assert body["text_length"] == 1100
    assert body["findings"]


@pytest.mark.parametrize("value", ["false", "true", 0, 1, "", []])
def test_a_json_flag_must_be_a_json_boolean(client: TestClient, value: object) -> None:
    answer = client.post("/api/check", json={"text": "# 标题", "markdown": value})
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["field"] == "markdown"


def test_a_text_with_more_findings_than_the_cap_says_so(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUIBAO_MAX_FINDINGS", "10")
    body = client.post("/api/check", json={"text": "截至XX月XX日，排查XX处。" * 50}).json()
    assert len(body["findings"]) == 10
    assert body["truncated"] is True and body["total"] >= 150
    assert sum(body["counts"].values()) == body["total"]


def test_a_clean_check_is_not_truncated(client: TestClient) -> None:
    body = client.post("/api/check", json={"text": "截至5月18日，共排查隐患12处。"}).json()
    assert body["findings"] == [] and body["total"] == 0 and body["truncated"] is False
