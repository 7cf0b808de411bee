"""`huibao check --layout` and `POST /api/check?layout=true`: the GB/T 9704 check on every surface."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.shared import Mm
from fastapi.testclient import TestClient

from huibao import core

ROOT = Path(__file__).resolve().parents[2]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="module")
def good() -> bytes:
    facts = json.loads((ROOT / "samples" / "situation_report_small.json").read_text("utf-8"))
    return core.render(facts, "docx").content


@pytest.fixture(scope="module")
def bad_margins(good: bytes) -> bytes:
    document = docx.Document(io.BytesIO(good))
    document.sections[0].left_margin = Mm(20)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _cli(path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "huibao", "check", "--layout", *extra, str(path)],
        capture_output=True, text=True, timeout=60,
    )


def test_huibaos_own_report_passes_the_cli_layout_check(tmp_path: Path, good: bytes) -> None:
    path = tmp_path / "good.docx"
    path.write_bytes(good)
    run = _cli(path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "版式" not in run.stdout


def test_a_wrong_margin_is_one_cli_line_with_expected_and_found(tmp_path: Path, bad_margins: bytes) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(bad_margins)
    run = _cli(path)
    assert run.returncode == 1
    lines = [line for line in run.stdout.splitlines() if "版式" in line]
    assert len(lines) == 1, run.stdout
    assert "28" in lines[0] and "20" in lines[0]
    data = json.loads(_cli(path, "--json").stdout)
    (finding,) = data["files"][0]["layout"]
    assert finding["kind"].startswith("layout.") and finding["expected"] != finding["found"]


def test_layout_check_of_a_text_file_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("截至目前，共排查隐患12处。", encoding="utf-8")
    run = _cli(path)
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1 and "docx" in run.stderr


def _upload(client: TestClient, data: bytes, query: str = "?layout=true") -> Any:
    return client.post(f"/api/check{query}", files={"file": ("a.docx", data, DOCX)})


def test_the_api_reports_layout_findings_for_an_upload(
    client: TestClient, bad_margins: bytes, good: bytes
) -> None:
    answer = _upload(client, bad_margins)
    assert answer.status_code == 200
    layout = answer.json()["layout"]
    assert len(layout) == 1 and set(layout[0]) >= {"where", "expected", "found", "message"}
    assert _upload(client, good).json()["layout"] == []
    assert "layout" not in _upload(client, good, "").json()


def test_the_api_refuses_a_layout_check_of_pasted_text(client: TestClient) -> None:
    answer = client.post("/api/check?layout=true", json={"text": "截至目前。"})
    assert answer.status_code == 400 and answer.json()["errors"][0]["field"] == "layout"
