"""`huibao serve` as a newcomer runs it: a live server on 127.0.0.1 answering the API."""

from __future__ import annotations

import io
import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from tests.live import live_server

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with live_server() as base:
        yield base


def test_live_server_renders_the_rich_sample(server: str) -> None:
    body = (ROOT / "samples" / "situation_report_rich.json").read_bytes()
    request = urllib.request.Request(
        f"{server}/api/reports", data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=30) as r:
        assert r.status == 200
        content = r.read()
    document = docx.Document(io.BytesIO(content))
    assert document.paragraphs[0].text.replace("\n", "") == "关于岁末年初安全生产大排查工作情况的汇报"


def test_live_server_error_shape(server: str) -> None:
    request = urllib.request.Request(
        f"{server}/api/reports", data=b"{", headers={"Content-Type": "application/json"}, method="POST"
    )
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    assert info.value.code == 400
    assert json.loads(info.value.read())["ok"] is False
