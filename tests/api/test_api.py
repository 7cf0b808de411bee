"""The JSON API: statuses, content types, headers and the one error shape."""

from __future__ import annotations

import io
import json
from typing import Any
from urllib.parse import unquote

import docx
import pytest
from fastapi.testclient import TestClient

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def assert_error_shape(body: dict[str, Any], status: int) -> list[dict[str, Any]]:
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["errors"], list) and body["errors"]
    for err in body["errors"]:
        assert set(err) == {"field", "message"}
        assert any("\u4e00" <= ch <= "\u9fff" for ch in err["message"]), err["message"]
    return list(body["errors"])


def test_healthz(client: TestClient) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json()["ok"] is True


def test_kinds_lists_ids_names_and_schemas(client: TestClient) -> None:
    r = client.get("/api/kinds")
    assert r.status_code == 200
    kinds = {k["id"]: k for k in r.json()["kinds"]}
    assert kinds["situation_report"]["name"] == "情况汇报"
    assert kinds["situation_report"]["schema"]["properties"]["counts"]["type"] == "array"


def test_kind_detail_by_chinese_name_has_example(client: TestClient) -> None:
    r = client.get("/api/kinds/情况汇报")
    assert r.status_code == 200
    assert r.json()["example"]["kind"] == "situation_report"


def test_report_docx_download_with_chinese_filename(
    client: TestClient, rich: dict[str, Any]
) -> None:
    r = client.post("/api/reports", json=rich)
    assert r.status_code == 200
    assert r.headers["content-type"] == DOCX
    disposition = r.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    encoded = disposition.split("filename*=UTF-8''", 1)[1]
    assert unquote(encoded) == "关于岁末年初安全生产大排查工作情况的汇报.docx"
    document = docx.Document(io.BytesIO(r.content))
    assert document.paragraphs[0].text.replace("\n", "") == "关于岁末年初安全生产大排查工作情况的汇报"


@pytest.mark.parametrize(
    ("query", "accept", "content_type", "suffix"),
    [
        ("?format=txt", None, "text/plain; charset=utf-8", ".txt"),
        ("?format=md", None, "text/markdown; charset=utf-8", ".md"),
        ("?format=html", None, "text/html; charset=utf-8", ".html"),
        ("", "text/plain", "text/plain; charset=utf-8", ".txt"),
        ("", "text/html,application/xhtml+xml;q=0.9", "text/html; charset=utf-8", ".html"),
        ("", "*/*", DOCX, ".docx"),
    ],
)
def test_report_format_from_query_or_accept(
    client: TestClient,
    small: dict[str, Any],
    query: str,
    accept: str | None,
    content_type: str,
    suffix: str,
) -> None:
    headers = {"Accept": accept} if accept else {}
    r = client.post(f"/api/reports{query}", json=small, headers=headers)
    assert r.status_code == 200
    assert r.headers["content-type"] == content_type
    assert unquote(r.headers["content-disposition"]).endswith(suffix)


def test_preview_returns_text_html_and_warnings(client: TestClient, small: dict[str, Any]) -> None:
    small["counts"][1]["breakdown"][0]["value"] = 20  # 20 + 4 > 12
    r = client.post("/api/reports/preview", json=small)
    assert r.status_code == 200
    body = r.json()
    assert body["ok"] is True and body["kind"] == "situation_report"
    assert body["text"].startswith("关于汛前隐患排查工作情况的汇报\n")
    assert 'class="hb-page"' in body["html"]
    assert [w["kind"] for w in body["warnings"]] == ["breakdown_exceeds_total"]
    assert body["warnings"][0]["field"] == "counts[1].breakdown"
    assert body["findings"] == []


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        (b"{not json", 400, None),
        (b"", 400, None),
        (b"[1, 2]", 422, None),
        (b'{"kind": "no_such_kind"}', 422, "kind"),
        (b'{"unit": {"name": "x"}}', 422, "kind"),
        ("\ufeff{".encode() + b"\xff", 400, None),
    ],
)
def test_bad_bodies_get_4xx_in_the_error_shape(
    client: TestClient, body: bytes, status: int, field: str | None
) -> None:
    r = client.post("/api/reports", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == status
    errors = assert_error_shape(r.json(), status)
    assert errors[0]["field"] == field


def test_wrong_types_name_each_field(client: TestClient, minimal: dict[str, Any]) -> None:
    minimal["counts"][0]["value"] = "很多"
    minimal["signed_on"] = "昨天"
    del minimal["topic"]
    r = client.post("/api/reports", json=minimal)
    errors = assert_error_shape(r.json(), 422)
    fields = {e["field"]: e["message"] for e in errors}
    assert fields == {
        "topic": "情况汇报：缺少必填项",
        "counts[0].value": "情况汇报：应为数字",
        "signed_on": "情况汇报：应为日期，如 2020-01-28",
    }


def test_unknown_field_is_rejected_not_ignored(client: TestClient, minimal: dict[str, Any]) -> None:
    minimal["countz"] = []
    errors = assert_error_shape(client.post("/api/reports", json=minimal).json(), 422)
    assert errors[0]["field"] == "countz"


def test_bad_rate_reference_names_the_field(client: TestClient, minimal: dict[str, Any]) -> None:
    minimal["rates"] = [{"label": "完成率", "numerator": "无此项", "denominator": "巡查林区"}]
    errors = assert_error_shape(client.post("/api/reports", json=minimal).json(), 422)
    assert errors[0]["field"] == "rates[0].numerator"


def test_unknown_format_and_unacceptable_accept(
    client: TestClient, minimal: dict[str, Any]
) -> None:
    r = client.post("/api/reports?format=pdf", json=minimal)
    assert assert_error_shape(r.json(), 400)[0]["field"] == "format"
    r = client.post("/api/reports", json=minimal, headers={"Accept": "application/pdf"})
    assert r.status_code == 406
    assert_error_shape(r.json(), 406)


def test_oversized_body_is_413(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, minimal: dict[str, Any]
) -> None:
    monkeypatch.setenv("HUIBAO_MAX_JSON_KB", "1")
    minimal["overview"] = "很长" * 2000
    r = client.post(
        "/api/reports", content=json.dumps(minimal, ensure_ascii=False).encode(),
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 413
    assert_error_shape(r.json(), 413)


def test_unknown_route_and_method_use_the_error_shape(client: TestClient) -> None:
    assert_error_shape(client.get("/api/nothing").json(), 404)
    r = client.get("/api/reports")
    assert r.status_code == 405
    assert_error_shape(r.json(), 405)


def test_openapi_documents_the_report_body(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/api/reports"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"]["oneOf"]
    assert client.get("/docs").status_code == 200


def test_any_route_refuses_a_body_over_the_global_limit(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUIBAO_MAX_UPLOAD_MB", "1")  # global cap: 1 MB upload + 1 MB of form
    big = {"topic": "很长" * 700_000}  # about 4 MB of form data to the web form
    r = client.post("/", data=big)
    assert r.status_code == 413
    assert_error_shape(r.json(), 413)


def test_a_streamed_body_without_length_is_cut_at_the_limit(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUIBAO_MAX_UPLOAD_MB", "1")

    def chunks() -> Any:
        yield b"topic="
        for _ in range(40):
            yield b"x" * 100_000

    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    r = client.post("/", content=chunks(), headers=headers)
    assert r.status_code == 413
    assert_error_shape(r.json(), 413)
