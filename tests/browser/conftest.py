"""A live ``huibao serve`` on 127.0.0.1 and Debian's Chromium driven by Playwright.

The tests are skipped, with the reason, only when ``/usr/bin/chromium`` is absent (CI installs it).
Every page records its requests and console errors; a test fails on any request to another host
and on any console error. Screenshots go to ``test-artifacts/`` (gitignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.live import live_server

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """A live ``python -m huibao serve`` on a free port; yields its base URL."""
    with live_server() as base:
        yield base


@dataclass
class Watch:
    """What a page did: every request URL and every console error or page error."""

    base: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    allowed: set[tuple[int, str]] = field(default_factory=set)

    def allow(self, status: int, path: str) -> None:
        """Accept Chromium's "Failed to load resource" log for an error response a test provokes."""
        self.allowed.add((status, path))

    def console(self, message: Any) -> None:
        if message.type != "error":
            return
        url = (message.location or {}).get("url", "")
        for status, path in self.allowed:
            if f"status of {status}" in message.text and urlsplit(url).path == path:
                return
        self.errors.append(f"{message.text} ({url})")

    def foreign(self) -> list[str]:
        """Return requests to any origin but the server (blob: URLs of the server count as its own)."""
        own = urlsplit(self.base).netloc
        out = []
        for url in self.requests:
            inner = url[5:] if url.startswith("blob:") else url
            parts = urlsplit(inner)
            if parts.scheme == "data":
                continue
            if parts.netloc != own:
                out.append(url)
        return out


@pytest.fixture
def watched(browser: Any, server: str) -> Iterator[tuple[Any, Watch]]:
    """A fresh 1280×800 page whose requests and console errors are recorded and asserted."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, accept_downloads=True, locale="zh-CN"
    )
    page = context.new_page()
    watch = Watch(server)
    page.on("request", lambda r: watch.requests.append(r.url))
    page.on("console", watch.console)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    try:
        yield page, watch
    finally:
        context.close()
    assert watch.requests, "the page made no requests at all"
    assert watch.foreign() == [], f"requests to other hosts: {watch.foreign()}"
    assert watch.errors == [], f"console errors: {watch.errors}"


def shoot(page: Any, name: str) -> Path:
    """Save what the viewport shows, and the full page, to ``test-artifacts/``; return the first."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    page.screenshot(path=str(ARTIFACTS / f"{name}-full.png"), full_page=True)
    return path
