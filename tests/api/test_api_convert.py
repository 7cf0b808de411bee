"""POST /api/convert and /api/detect: JSON text, multipart .docx, and the one error shape."""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import unquote

import docx
import pytest
from fastapi.testclient import TestClient

from huibao.app import create_app

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def api() -> TestClient:
    return TestClient(create_app())


def errors_of(body: dict[str, Any], status: int) -> list[dict[str, Any]]:
    assert body["ok"] is False and body["status"] == status
    for err in body["errors"]:
        assert set(err) == {"field", "message"}
        assert any("\u4e00" <= ch <= "\u9fff" for ch in err["message"])
    return list(body["errors"])


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_json_text_is_converted_with_changes(api: TestClient) -> None:
    r = api.post("/api/convert", json={"text": "关于干部", "to": "zh-Hant-TW"})
    assert r.status_code == 200
    body = r.json()
    assert body == {
        "ok": True,
        "text": "關於幹部",
        "source": "zh-Hans",
        "target": "zh-Hant-TW",
        "changes": [{"original": "关于干", "replacement": "關於幹", "start": 0, "end": 3}],
    }


def test_json_options_repair_regional_vocabulary_and_keep(api: TestClient) -> None:
    r = api.post("/api/convert", json={"text": "關于規范干部", "to": "zh-Hant", "repair": True})
    assert r.json()["text"] == "關於規範幹部"
    r = api.post(
        "/api/convert",
        json={"text": "信息", "to": "zh-Hant-TW", "from": "zh-Hans", "regional_vocabulary": True},
    )
    assert r.json()["text"] == "資訊"
    r = api.post("/api/convert", json={"text": "余华发言", "to": "zh-Hant", "keep": ["余华"]})
    assert r.json()["text"] == "余華發言"  # the name in the target script, its surname kept


def test_multipart_takes_keep_terms_like_json(api: TestClient) -> None:
    files = {"file": ("a.docx", docx_bytes("余华发言，干河村到会"), DOCX)}
    r = api.post("/api/convert", files=files, data={"to": "zh-Hant", "keep": ["余华", "干河村"]})
    assert r.status_code == 200
    assert docx.Document(io.BytesIO(r.content)).paragraphs[0].text == "余華發言，干河村到會"


@pytest.mark.parametrize(
    ("keep", "field"),
    [(["人名"] * 501, "keep"), (["甲" * 51], "keep[0]"), (["余华", "乙" * 60], "keep[1]")],
)
def test_keep_past_its_limits_gets_422_naming_the_field(
    api: TestClient, keep: list[str], field: str
) -> None:
    r = api.post("/api/convert", json={"text": "干部", "to": "zh-Hant", "keep": keep})
    assert r.status_code == 422
    error = errors_of(r.json(), 422)[0]
    assert error["field"] == field and "keep" in error["message"]


def test_multipart_docx_comes_back_converted_with_a_utf8_filename(api: TestClient) -> None:
    files = {"file": ("工作汇报.docx", docx_bytes("关于干部工作的汇报"), DOCX)}
    r = api.post("/api/convert", files=files, data={"to": "zh-Hant-HK"})
    assert r.status_code == 200
    assert r.headers["content-type"] == DOCX
    disposition = r.headers["content-disposition"]
    assert "filename*=UTF-8''" in disposition
    assert unquote(disposition.split("UTF-8''", 1)[1]) == "工作汇报.zh-Hant-HK.docx"
    assert int(r.headers["x-huibao-changes"]) > 0
    assert docx.Document(io.BytesIO(r.content)).paragraphs[0].text == "關於幹部工作的彙報"


def test_multipart_repair_flag(api: TestClient) -> None:
    files = {"file": ("a.docx", docx_bytes("關于規范干部"), DOCX)}
    r = api.post("/api/convert", files=files, data={"to": "zh-Hant", "repair": "true"})
    assert docx.Document(io.BytesIO(r.content)).paragraphs[0].text == "關於規範幹部"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "干部", "to": "zh-TW"}, "to"),
        ({"text": "干部"}, "to"),
        ({"to": "zh-Hant"}, "text"),
        ({"text": "干部", "to": "zh-Hant", "from": "big5"}, "from"),
        ({"text": "干部", "to": "zh-Hant", "keep": "ok", "repair": "maybe"}, "repair"),
        ({"text": "干部", "to": "zh-Hant", "keep": [1]}, "keep"),
    ],
)
def test_bad_json_parameters_get_400_naming_the_field(
    api: TestClient, body: dict[str, Any], field: str
) -> None:
    r = api.post("/api/convert", json=body)
    assert r.status_code == 400
    assert errors_of(r.json(), 400)[0]["field"] == field


def test_malformed_json_gets_the_error_shape(api: TestClient) -> None:
    r = api.post("/api/convert", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 400
    errors_of(r.json(), 400)


def test_upload_that_is_not_a_docx_is_refused(api: TestClient) -> None:
    files = {"file": ("a.docx", b"just some text", DOCX)}
    r = api.post("/api/convert", files=files, data={"to": "zh-Hant"})
    assert r.status_code == 415
    errors_of(r.json(), 415)


def test_upload_without_file_or_target_is_refused(api: TestClient) -> None:
    r = api.post("/api/convert", files={"other": ("a.txt", b"x")}, data={"to": "zh-Hant"})
    assert r.status_code == 400 and errors_of(r.json(), 400)[0]["field"] == "file"
    files = {"file": ("a.docx", docx_bytes("干部"), DOCX)}
    r = api.post("/api/convert", files=files)
    assert r.status_code == 400 and errors_of(r.json(), 400)[0]["field"] == "to"


def test_oversized_upload_is_refused(api: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUIBAO_MAX_UPLOAD_MB", "1")
    files = {"file": ("big.docx", b"PK\x03\x04" + b"0" * (2 * 1024 * 1024), DOCX)}
    r = api.post("/api/convert", files=files, data={"to": "zh-Hant"})
    assert r.status_code == 413
    errors_of(r.json(), 413)


@pytest.mark.parametrize(
    ("text", "language", "script"),
    [
        ("疫情防控工作汇报", "zh", "zh-Hans"),
        ("疫情防控工作匯報", "zh", "zh-Hant"),
        ("这是繁體和简体混合的文字，發展經濟", "zh", "mixed"),
        ("A short English sentence about the weather today.", "en", None),
    ],
)
def test_detect_returns_language_script_and_evidence(
    api: TestClient, text: str, language: str, script: str | None
) -> None:
    r = api.post("/api/detect", json={"text": text})
    assert r.status_code == 200
    body = r.json()
    assert body["ok"] is True
    assert (body["language"], body["script"]) == (language, script)
    assert 0 <= body["confidence"] <= 1
    assert set(body["evidence"]) == {"simplified_only", "traditional_only", "cjk"}


def test_detect_without_text_is_a_bad_request(api: TestClient) -> None:
    r = api.post("/api/detect", json={"txt": "x"})
    assert r.status_code == 400
    assert errors_of(r.json(), 400)[0]["field"] == "text"
