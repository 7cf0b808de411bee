"""POST /api/check: JSON text or multipart upload in, findings and counts out."""

from __future__ import annotations

import io

import docx
import pytest
from fastapi.testclient import TestClient


def _docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_check_json_text_returns_findings_and_counts(client: TestClient) -> None:
    r = client.post("/api/check", json={"text": "截至月日时，累计排查XX人。"})
    assert r.status_code == 200
    body = r.json()
    assert body["ok"] is True
    assert [f["kind"] for f in body["findings"]] == ["stripped_number", "letter_slot"]
    assert body["counts"] == {"stripped_number": 1, "letter_slot": 1}
    first = body["findings"][0]
    assert first["text"] == "月日时" and first["line"] == 1 and first["start"] == 2


def test_check_clean_text_has_no_findings(client: TestClient) -> None:
    r = client.post("/api/check", json={"text": "一是加强组织领导，落实“四个意识”。"})
    assert r.status_code == 200
    assert r.json()["findings"] == [] and r.json()["counts"] == {}


def test_check_docx_upload(client: TestClient) -> None:
    data = _docx_bytes("关于疫情防控工作的汇报", "组长：", "排查__人")
    r = client.post("/api/check", files={"file": ("draft.docx", data)})
    assert r.status_code == 200
    assert r.json()["counts"] == {"empty_label": 1, "symbol_slot": 1}


def test_check_text_upload(client: TestClient) -> None:
    r = client.post("/api/check", files={"file": ("draft.txt", "某某社区".encode("gb18030"))})
    assert r.status_code == 200
    assert r.json()["counts"] == {"anonymised_name": 1}


def test_check_rejects_body_without_text(client: TestClient) -> None:
    r = client.post("/api/check", json={"content": "x"})
    assert r.status_code == 400
    assert r.json()["ok"] is False


def test_check_rejects_fake_docx_with_chinese_message(client: TestClient) -> None:
    r = client.post("/api/check", files={"file": ("draft.docx", b"not a zip at all")})
    assert r.status_code == 415
    body = r.json()
    assert body["ok"] is False
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(body["errors"]))


def test_check_rejects_multipart_without_file_field(client: TestClient) -> None:
    r = client.post("/api/check", files={"other": ("a.txt", b"x")})
    assert r.status_code == 400


def test_uploaded_docx_returns_the_extracted_text(client: TestClient) -> None:
    document = docx.Document()
    document.add_paragraph("截至目前累计排查XX人。")
    buf = io.BytesIO()
    document.save(buf)
    files = {"file": ("draft.docx", buf.getvalue(), "application/octet-stream")}
    body = client.post("/api/check", files=files).json()
    assert body["text"] == "截至目前累计排查XX人。"
    assert body["text"][body["findings"][0]["start"] : body["findings"][0]["end"]] == "XX"


def test_check_keeps_at_most_the_findings_cap_and_counts_them_all(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUIBAO_MAX_FINDINGS", "3")
    text = "中,文," * 4 + "排查XX人，XX户"  # 8 ASCII commas (info) and 2 letter slots (error)
    body = client.post("/api/check", json={"text": text}).json()
    assert [f["kind"] for f in body["findings"]].count("letter_slot") == 2  # errors kept first
    assert len(body["findings"]) == 3
    assert body["counts"] == {"ascii_punctuation": 8, "letter_slot": 2}
