"""Shared fixtures: sample facts, a composed-text helper and an API client."""

from __future__ import annotations

import copy
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEEDS = ROOT.parent / "shared" / "seeds"


def pytest_configure(config: pytest.Config) -> None:
    """Keep the stored documents of every app and server the tests start in a throwaway folder."""
    os.environ.setdefault("HUIBAO_DATA_DIR", tempfile.mkdtemp(prefix="huibao-test-data-"))


def load_sample(name: str) -> dict[str, Any]:
    """Return a fresh copy of ``samples/<name>.json``."""
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture
def rich() -> dict[str, Any]:
    return load_sample("situation_report_rich")


@pytest.fixture
def small() -> dict[str, Any]:
    return load_sample("situation_report_small")


MINIMAL: dict[str, Any] = {
    "kind": "situation_report",
    "unit": {"name": "东坪镇人民政府", "self_reference": "我镇"},
    "topic": "秋季森林防火",
    "counts": [{"label": "巡查林区", "value": 14, "measure": "片"}],
}


@pytest.fixture
def minimal() -> dict[str, Any]:
    return copy.deepcopy(MINIMAL)


@pytest.fixture
def compose_text() -> Callable[[dict[str, Any]], str]:
    """Return a function that composes facts and returns the plain text."""
    from huibao.compose.composer import compose
    from huibao.compose.kinds import get_kind, parse_facts

    def run(data: dict[str, Any]) -> str:
        facts = parse_facts(data)
        kind = get_kind(facts.kind)
        return compose(facts, kind.template, kind.prepare).plain_text()

    return run


@pytest.fixture(scope="session")
def client() -> TestClient:
    from huibao.app import create_app

    return TestClient(create_app(), raise_server_exceptions=False)


# --- one Chromium per test session (Playwright's sync API allows one instance per process) ----

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Launch Debian's Chromium (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent (install the Debian package `chromium`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
