"""A stored draft filled in the clerk's form (Debian's Chromium, live server): 开始下一期 in 我的文稿,
在表单中填写, only this week's figures typed, 比上周增加… in the preview, every edit saved to the
server, offline edits kept in the browser and saved later, a stale save never overwrites."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from huibao.store.db import Store
from huibao.store.documents import (
    create_document,
    get_document,
    list_documents,
    list_revisions,
    save_document,
)
from huibao.store.inputs import OfficeIn
from tests.browser.test_accessibility import serious
from tests.store.conftest import FACTS, live_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store, int]]:
    """A live server on its own SQLite file: an office, its weekly series and the first week."""
    office = OfficeIn(name="青禾县应急管理局", self_reference="我局", code="青应急",
                      recipient="县森林防火指挥部", signature="青禾县应急管理局")
    yield from live_site(tmp_path_factory.mktemp("form"), office)


def stored_value(store: Store, doc_id: int) -> Any:
    with store.read() as s:
        return get_document(s, doc_id).facts["counts"][1]["value"]


def test_next_week_in_the_form_saved_to_the_server(browser: Any, site: tuple[str, Store, int]) -> None:
    base, store, series_id = site
    errors: list[str] = []
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/documents")
    page.get_by_role("button", name="开始下一期").click()
    page.wait_for_selector("#status:has-text('第2期')")
    with store.read() as s:
        doc_id = list_documents(s, series_id=series_id)[0]["id"]
    expect(page.locator("#link-form")).to_have_attribute("href", re.compile(f"document={doc_id}"))

    # 在表单中填写: the draft opens in the clerk's form with last week's figures as the comparison.
    page.locator("#link-form").click()
    bar = page.locator("#stored-doc")
    expect(bar).to_contain_text("第2期")
    expect(bar).to_contain_text("已保存")
    value = page.locator('[id="f-counts[1].value"]')
    expect(value).to_have_value("23")
    value.fill("30")
    expect(bar).to_contain_text("已保存", timeout=10_000)
    page.wait_for_function("() => !/正在保存/.test(document.getElementById('stored-text').textContent)")
    assert stored_value(store, doc_id) == 30
    page.locator("#btn-preview").click()
    expect(page.locator("#preview")).to_contain_text("比上周增加7处")

    # A reload shows what the server holds.
    page.reload()
    expect(bar).to_contain_text("已保存")
    expect(page.locator('[id="f-counts[1].value"]')).to_have_value("30")

    # Offline: the edit stays in the browser, and is saved when the form is opened again online.
    context.set_offline(True)
    page.locator('[id="f-counts[1].value"]').fill("31")
    expect(bar).to_contain_text("未能保存到服务器", timeout=10_000)
    page.close()
    context.set_offline(False)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/?kind=situation_report&document={doc_id}")
    expect(page.locator('[id="f-counts[1].value"]')).to_have_value("31")
    page.wait_for_function("() => /已保存/.test(document.getElementById('stored-text').textContent)")
    assert stored_value(store, doc_id) == 31

    # Someone else saves meanwhile: this page's next save is refused and kept, and the clerk
    # chooses; keeping their own saves it over the newer version, which stays in the history.
    with store.write() as s:
        doc = get_document(s, doc_id)
        facts = copy.deepcopy(doc.facts)
        facts["counts"][1]["value"] = 40
        save_document(s, doc_id, facts, doc.version)
    page.locator('[id="f-counts[1].value"]').fill("32")
    expect(page.locator("#stored-choice")).to_be_visible(timeout=10_000)
    assert stored_value(store, doc_id) == 40
    page.get_by_role("button", name="以本页内容为准保存").click()
    page.wait_for_function("() => /已保存/.test(document.getElementById('stored-text').textContent)")
    assert stored_value(store, doc_id) == 32
    with store.read() as s:
        values = [r for r in list_revisions(s, doc_id)]
        assert any(r["conflict"] for r in values)
    assert errors == []
    context.close()


def test_a_final_document_opens_read_only(browser: Any, site: tuple[str, Store, int]) -> None:
    base, store, series_id = site
    from huibao.store.finalize import finalize

    with store.write() as s:
        doc_id = create_document(s, copy.deepcopy(FACTS), series_id=series_id).id
    finalize(store, doc_id)
    page = browser.new_context(locale="zh-CN").new_page()
    page.goto(f"{base}/?kind=situation_report&document={doc_id}")
    expect(page.locator("#stored-doc")).to_contain_text("已定稿")
    expect(page.locator('[id="f-counts[1].value"]')).to_have_js_property("readOnly", True)
    page.context.close()


def test_an_entry_that_cannot_be_read_stays_in_the_browser_until_corrected(
    browser: Any, site: tuple[str, Store, int]
) -> None:
    base, store, series_id = site
    with store.write() as s:
        doc_id = create_document(s, copy.deepcopy(FACTS), series_id=series_id).id
    page = browser.new_context(locale="zh-CN", bypass_csp=True).new_page()  # CSP bypassed for axe-core
    page.goto(f"{base}/?kind=situation_report&document={doc_id}")
    bar = page.locator("#stored-doc")
    expect(bar).to_contain_text("已保存")
    assert serious(page) == []
    page.locator('[id="f-counts[1].value"]').fill("很多")
    expect(bar).to_contain_text("有无法读取的内容", timeout=10_000)
    assert serious(page) == []
    assert stored_value(store, doc_id) == 23  # the server copy is not overwritten with a gap
    page.reload()  # the browser copy is newer than the server's: it is restored, not lost
    expect(page.locator('[id="f-counts[1].value"]')).to_have_value("很多")
    page.locator('[id="f-counts[1].value"]').fill("26")
    page.wait_for_function("() => /已保存/.test(document.getElementById('stored-text').textContent)")
    assert stored_value(store, doc_id) == 26
    page.context.close()


def test_a_draft_finalised_elsewhere_keeps_the_forms_edits_in_the_browser(
    browser: Any, site: tuple[str, Store, int]
) -> None:
    from huibao.store.finalize import finalize

    base, store, series_id = site
    with store.write() as s:
        doc_id = create_document(s, copy.deepcopy(FACTS), series_id=series_id).id
    page = browser.new_context(locale="zh-CN").new_page()
    page.on("dialog", lambda d: d.accept())
    page.goto(f"{base}/?kind=situation_report&document={doc_id}")
    bar = page.locator("#stored-doc")
    expect(bar).to_contain_text("已保存")
    finalize(store, doc_id)  # another clerk finalises it
    page.locator('[id="f-counts[1].value"]').fill("27")
    expect(bar).to_contain_text("已在别处定稿", timeout=10_000)
    expect(page.locator('[id="f-counts[1].value"]')).to_have_js_property("readOnly", True)
    assert stored_value(store, doc_id) == 23
    page.reload()  # the final version is shown; the unsaved edit is one 撤销 away
    expect(bar).to_contain_text("本浏览器中未保存的修改可点“撤销”找回")
    expect(page.locator('[id="f-counts[1].value"]')).to_have_value("23")
    page.locator("#btn-undo").click()
    expect(page.locator('[id="f-counts[1].value"]')).to_have_value("27")
    page.context.close()
