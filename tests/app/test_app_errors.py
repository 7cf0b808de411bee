"""The app's edges: error shape per surface, API docs without other hosts, health, headers."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from huibao.app import create_app


def test_api_docs_load_only_assets_served_by_huibao(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    sources = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", page.text)
    assert sources, "the docs page names its script and stylesheet"
    assert all(s.startswith("/") and not s.startswith("//") for s in sources), sources
    assert "cdn" not in page.text.lower()
    for path in (s for s in sources if s.endswith((".js", ".css"))):
        asset = client.get(path)
        assert asset.status_code == 200, path
        assert len(asset.content) > 10_000, path  # the real Swagger UI bundle, not a stub
    assert client.get("/openapi.json").json()["info"]["title"] == "huibao 汇报"


def test_health_reports_each_resource(client: TestClient) -> None:
    body = client.get("/healthz").json()
    assert body["ok"] is True
    assert set(body["resources"]) == {"resources", "wording", "layout"}
    assert set(body["resources"].values()) == {"ok"}


@pytest.mark.parametrize("path", ["/api/kinds", "/healthz", "/", "/static/huibao.css", "/api/nope"])
def test_every_response_forbids_content_sniffing(client: TestClient, path: str) -> None:
    assert client.get(path).headers["x-content-type-options"] == "nosniff"


def test_a_browser_gets_a_chinese_error_page(client: TestClient) -> None:
    page = client.get("/no-such-page", headers={"Accept": "text/html,application/xhtml+xml"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "找不到该页面" in page.text and "找不到该地址" in page.text
    assert "Content-Security-Policy" in page.headers


def test_the_api_keeps_its_json_error_shape_even_for_browsers(client: TestClient) -> None:
    answer = client.get("/api/kinds/nope", headers={"Accept": "text/html"})
    assert answer.status_code == 404
    assert answer.json()["ok"] is False and answer.json()["errors"][0]["message"]


def test_a_script_without_html_accept_gets_json(client: TestClient) -> None:
    answer = client.get("/no-such-page")
    assert answer.status_code == 404
    assert answer.json() == {
        "ok": False, "status": 404, "errors": [{"field": None, "message": "找不到该地址"}]
    }


def test_an_unexpected_fault_is_answered_500_and_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    app = create_app()

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("kaboom")

    client = TestClient(app, raise_server_exceptions=True)  # would raise if anything re-raised
    with caplog.at_level(logging.ERROR):
        answer = client.get("/api/boom")
    assert answer.status_code == 500
    assert answer.json()["errors"][0]["message"] == "服务器内部错误，请联系管理员"
    logged = [r for r in caplog.records if r.exc_info and "kaboom" in str(r.exc_info[1])]
    assert len(logged) == 1


def _office_wording(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "wording"
    folder.mkdir()
    (folder / "situation_report.j2").write_text(text, encoding="utf-8")
    return folder


def test_a_broken_wording_template_stops_the_start_naming_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _office_wording(tmp_path, "@title 关于\n@body {% if %}\n")
    monkeypatch.setenv("HUIBAO_WORDING_DIR", str(folder))
    from huibao.errors import ConfigError

    with pytest.raises(ConfigError) as info:
        create_app()
    assert "situation_report.j2" in info.value.message
    assert "第 2 行" in info.value.message


def test_a_template_failing_at_render_time_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, minimal: dict[str, object]
) -> None:
    folder = _office_wording(tmp_path, "@title {{ title }}\n\n@body {{ no_such_value.text }}\n")
    monkeypatch.setenv("HUIBAO_WORDING_DIR", str(folder))
    client = TestClient(create_app(check_resources=False), raise_server_exceptions=False)
    answer = client.post("/api/reports?format=txt", json=minimal)
    assert answer.status_code == 500
    message = answer.json()["errors"][0]["message"]
    assert "situation_report.j2" in message and "第 3 行" in message


def test_a_missing_layout_template_fails_at_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUIBAO_DOCX_TEMPLATE", str(tmp_path / "missing.docx"))
    from huibao.errors import ConfigError

    with pytest.raises(ConfigError, match="版式模板不存在"):
        create_app()
