"""HUIBAO_AUTH=token in Debian's Chromium: the form, convert and check pages ask for the token once
per browser session, send it with their API calls, and say so in Chinese when it is wrong."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from huibao.store.db import open_store
from huibao.store.inputs import OfficeIn
from huibao.store.offices import create_office
from huibao.store.tokens import create_token
from tests.browser.conftest import Watch, shoot
from tests.browser.test_form_safety import field
from tests.live import live_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def gated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A live server with HUIBAO_AUTH=token, one office (with a glossary addition) and its token."""
    url = f"sqlite:///{tmp_path_factory.mktemp('gated') / 'gated.sqlite3'}"
    store = open_store(url)
    with store.write() as s:
        office = create_office(s, OfficeIn.model_validate({
            "name": "青禾县应急管理局", "self_reference": "我局", "recipient": "县人民政府",
            "glossary": [{"simplified": "信息", "traditional": "資訊"}]}))
        _, secret = create_token(s, office.id, "browser")
    store.engine.dispose()
    with live_server(env={"HUIBAO_DATABASE_URL": url, "HUIBAO_AUTH": "token"}) as base:
        yield base, secret


@pytest.fixture
def page(browser: Any, gated: tuple[str, str]) -> Iterator[tuple[Any, Watch]]:
    """A fresh browser session (no token yet) whose 401s are expected, other errors not."""
    base, _ = gated
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    tab = context.new_page()
    watch = Watch(base)
    for path in ("/api/convert", "/api/check", "/api/offices", "/api/reports/preview"):
        watch.allow(401, path)
    watch.allow(422, "/api/reports/preview")
    tab.on("request", lambda r: watch.requests.append(r.url))
    tab.on("console", watch.console)
    tab.on("pageerror", lambda e: watch.errors.append(str(e)))
    try:
        yield tab, watch
    finally:
        context.close()
    assert watch.errors == [], watch.errors


def answer(tab: Any, token: str) -> None:
    dialog = tab.locator("#token-dialog")
    dialog.wait_for()
    tab.locator("#token-dialog-input").fill(token)
    tab.get_by_role("button", name="确定").click()


def test_convert_asks_once_says_when_the_token_is_wrong_and_check_reuses_it(
    page: tuple[Any, Watch], gated: tuple[str, str]
) -> None:
    tab, _ = page
    base, secret = gated
    tab.goto(f"{base}/convert")
    assert tab.locator("#token-dialog").count() == 0  # nothing is asked before an API call
    tab.locator("#f-text").fill("调研信息化建设")
    tab.locator("#btn-convert").click()
    expect(tab.locator("#token-dialog-message")).to_contain_text("要求 API 令牌")
    answer(tab, "hb_wrong")
    expect(tab.locator("#token-dialog-message")).to_contain_text("令牌无效")
    shoot(tab, "token-wrong")
    answer(tab, secret)
    expect(tab.locator("#result-text")).to_have_value("調研信息化建設")
    assert tab.evaluate("sessionStorage.getItem('huibao.token')") == secret

    tab.goto(f"{base}/check")
    tab.locator("#f-text").fill("截至月日时，累计排查XX人。")
    tab.locator("#btn-check").click()
    tab.locator("#finding-list li").first.wait_for()
    assert tab.locator("#token-dialog").count() == 0  # asked once per browser session


def test_the_form_asks_for_the_token_and_offers_the_tokens_office(
    page: tuple[Any, Watch], gated: tuple[str, str]
) -> None:
    tab, _ = page
    base, secret = gated
    tab.goto(f"{base}/")
    answer(tab, secret)  # the office choice needs the API at once
    tab.wait_for_selector("#facts-form[data-ready='1']")
    office = field(tab, "office")
    office.wait_for()
    assert office.is_visible() and office.get_attribute("list") == "office-choices"
    assert tab.evaluate("Array.from(document.querySelectorAll('#office-choices option')).map(o => o.value)") \
        == ["青禾县应急管理局"]
    office.fill("青禾县应急管理局")
    field(tab, "topic").fill("信息化建设")
    field(tab, "overview").fill("全县信息化建设稳步推进。")
    tab.locator("#btn-preview").click()
    expect(tab.locator("#preview-page")).to_contain_text("县人民政府：")
    assert "我局" in tab.locator("#preview-page").inner_text() and tab.locator("#token-dialog").count() == 0
    shoot(tab, "token-form-office")


def test_cancelling_the_prompt_leaves_the_pages_error_in_chinese(
    page: tuple[Any, Watch], gated: tuple[str, str]
) -> None:
    tab, _ = page
    base, _ = gated
    tab.goto(f"{base}/check")
    tab.locator("#f-text").fill("截至月日时")
    tab.locator("#btn-check").click()
    tab.locator("#token-dialog").wait_for()
    tab.get_by_role("button", name="取消").click()
    expect(tab.locator("#error-list")).to_contain_text("令牌")


def test_my_documents_asks_once_and_sees_only_its_office(
    page: tuple[Any, Watch], gated: tuple[str, str]
) -> None:
    tab, watch = page
    base, secret = gated
    watch.allow(401, "/api/series")
    tab.goto(f"{base}/documents")
    answer(tab, secret)  # the first API call (the series) asks once
    expect(tab.locator("#s-office")).to_contain_text("青禾县应急管理局")
    expect(tab.locator("#token-dialog")).to_have_count(0)
    assert tab.evaluate("sessionStorage.getItem('huibao.token')") == secret
