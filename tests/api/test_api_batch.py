"""POST /api/reports/batch: many reports in one call, as a zip with a manifest."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from fastapi.testclient import TestClient

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.json"))


def all_samples() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in SAMPLES]


def test_batch_returns_one_file_per_report_and_a_manifest(client: TestClient) -> None:
    reports = all_samples()
    r = client.post("/api/reports/batch", json={"reports": reports})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        manifest = json.loads(zf.read("manifest.json"))["reports"]
        assert len(manifest) == len(reports)
        assert zf.namelist()[0].startswith("001-")
        first = docx.Document(io.BytesIO(zf.read(manifest[0]["file"])))
    titles = [p.text.replace("\n", "") for p in first.paragraphs if p.style.name == "Title"]
    assert titles == [manifest[0]["title"]]
    assert all(m["findings"] == [] for m in manifest)


def test_batch_in_text_and_another_script(client: TestClient, small: dict[str, Any]) -> None:
    r = client.post("/api/reports/batch?format=txt&script=zh-Hant-TW", json={"reports": [small, small]})
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        names = [n for n in zf.namelist() if n != "manifest.json"]
        assert [n[:4] for n in names] == ["001-", "002-"]
        assert zf.read(names[1]).decode("utf-8").startswith("關於汛前隱患排查工作情況的彙報")


def test_batch_is_all_or_nothing_and_names_every_bad_report(
    client: TestClient, small: dict[str, Any]
) -> None:
    bad = dict(small, topic="")
    worse = {"kind": "no_such_kind"}
    r = client.post("/api/reports/batch", json={"reports": [small, bad, worse]})
    assert r.status_code == 422
    fields = [e["field"] for e in r.json()["errors"]]
    assert fields == ["reports[1].topic", "reports[2].kind"]


@pytest.mark.parametrize(
    ("body", "field"),
    [({"reports": []}, "reports"), ({"reports": {}}, "reports"), ({"items": []}, "reports"), ([], "reports")],
)
def test_batch_shape_errors(client: TestClient, body: object, field: str) -> None:
    r = client.post("/api/reports/batch", json=body)
    assert r.status_code == 400
    assert r.json()["errors"][0]["field"] == field


def test_batch_size_limit(client: TestClient, monkeypatch: pytest.MonkeyPatch, small: dict[str, Any]) -> None:
    monkeypatch.setenv("HUIBAO_MAX_BATCH", "2")
    r = client.post("/api/reports/batch", json={"reports": [small] * 3})
    assert r.status_code == 400
    assert "最多生成 2 份" in r.json()["errors"][0]["message"]
