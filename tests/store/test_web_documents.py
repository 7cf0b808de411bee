"""我的文稿 in Debian's Chromium against a live server: next period, autosave, two tabs, compare, restore."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from playwright.sync_api import expect

from huibao import core
from huibao.store.db import Store
from huibao.store.documents import get_document, list_revisions
from huibao.store.inputs import OfficeIn
from tests.store.conftest import live_site

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store, int]]:
    """A live server on its own SQLite file with one office, a weekly series and its first week."""
    yield from live_site(tmp_path_factory.mktemp("web"), OfficeIn(name="青禾县应急管理局", code="青应急"))


def new_page(browser: Any, base: str, errors: list[str]) -> Any:
    page = browser.new_context(locale="zh-CN").new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and "status of 412" not in m.text
            and errors.append(m.text))
    page.goto(f"{base}/documents")
    return page


def edit_value(page: Any, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in the facts once the page has loaded them (it does so after
    setting its status line, so wait for the text itself)."""
    area = page.locator("#f-facts")
    expect(area).to_have_value(re.compile(re.escape(old)))
    area.fill(area.input_value().replace(old, new, 1))


def test_a_week_of_work_in_the_browser(browser: Any, site: tuple[str, Store, int]) -> None:
    base, store, series_id = site
    errors: list[str] = []
    page = new_page(browser, base, errors)
    page.get_by_role("button", name="开始下一期").click()
    page.wait_for_selector("#status:has-text('第2期')")
    area = page.locator("#f-facts")
    expect(area).to_have_value(re.compile('"previous": 23'))
    edit_value(page, '"value": 23', '"value": 30')
    page.wait_for_selector("#saved:has-text('已保存')")
    with store.read() as s:
        from huibao.store.documents import list_documents

        newest = list_documents(s, series_id=series_id)[0]
        doc = get_document(s, newest["id"])
        assert doc.version == 2 and doc.facts["counts"][1]["value"] == 30

    # A second tab saves over the same version: its save is refused and kept, nothing lost.
    other = new_page(browser, base, errors)
    other.locator("#doc-table tbody button.link").first.click()
    other.wait_for_selector("#f-facts")
    edit_value(page, '"value": 30', '"value": 31')
    page.wait_for_selector("#doc-meta:has-text('第3版')")
    edit_value(other, '"value": 30', '"value": 99')
    other.wait_for_selector("#error-summary:has-text('两个版本都已保留')")
    with store.read() as s:
        kept = [r for r in list_revisions(s, doc.id) if r["conflict"]]
        assert len(kept) == 1
        assert get_document(s, doc.id).facts["counts"][1]["value"] == 31

    # Compare the two periods: only the changed count is marked.
    page.locator("#doc-table tbody input[type=checkbox]").nth(0).check()
    page.locator("#doc-table tbody input[type=checkbox]").nth(1).check()
    page.get_by_role("button", name="比较所选两期").click()
    changed = page.locator("#compare-body tr.changed td:first-child")
    changed.first.wait_for()
    assert changed.all_inner_texts() == ["排查火灾隐患"]

    # Restore the first revision: saved as a new version with the old figures.
    page.locator("#revision-list li").first.get_by_role("button", name="恢复此版").click()
    page.wait_for_selector("#status:has-text('已恢复')")
    with store.read() as s:
        assert get_document(s, doc.id).facts["counts"][1]["value"] == 23

    # An old report in Word (written before huibao) becomes the next period's draft.
    sample = json.loads((ROOT / "samples" / "situation_report_small.json").read_text(encoding="utf-8"))
    old = docx.Document()
    for line in core.render(sample, "txt").content.decode("utf-8").splitlines():
        old.add_paragraph(line)
    buffer = io.BytesIO()
    old.save(buffer)
    page.locator("#f-import").set_input_files(
        files=[{"name": "旧报告.docx", "mimeType": "application/octet-stream", "buffer": buffer.getvalue()}])
    page.wait_for_selector("#status:has-text('已导入：读出 2 项数据')")
    # the status is set before the new draft is opened: wait for its facts to arrive
    expect(page.locator("#f-facts")).to_have_value(re.compile("累计排查低洼易涝点"))

    # A .docx huibao wrote gives back the facts it carries, whole.
    page.locator("#f-import").set_input_files(
        files=[{"name": "上期.docx", "mimeType": "application/octet-stream",
                "buffer": core.render(sample, "docx").content}])
    page.wait_for_selector("#status:has-text('已导入：读出文稿生成时的全部事实')")
    expect(page.locator("#f-facts")).to_have_value(re.compile(sample["topic"]))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "documents.png"), full_page=True)
    assert errors == []
