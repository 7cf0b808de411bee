"""Issue 14's clerk, in Debian's Chromium against a live server with an empty database: the office
and a weekly series created once on 我的文稿, then each week 开始下一期, 在表单中填写, only the new
figure typed, and 比上周增加… in the draft."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from huibao.store.db import Store
from huibao.store.documents import get_document, list_documents
from tests.browser.test_accessibility import serious
from tests.store.conftest import live_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def empty_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store]]:
    for base, store, _ in live_site(tmp_path_factory.mktemp("weeks")):
        yield base, store


def saved(page: Any) -> None:
    """Wait until the form's last edit is on the server."""
    page.wait_for_function(
        "() => /已保存/.test(document.getElementById('stored-text').textContent)"
        " && !/正在保存|有改动/.test(document.getElementById('stored-text').textContent)"
    )


def test_office_and_weekly_series_once_then_only_the_new_figures(
    browser: Any, empty_site: tuple[str, Store]
) -> None:
    base, store = empty_site
    errors: list[str] = []
    page = browser.new_context(locale="zh-CN").new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/documents")

    # Once: the office and its weekly series (the form is open while there is no office).
    expect(page.locator("#setup")).to_have_attribute("open", "")
    page.locator("#s-name").fill("青禾县应急管理局")
    page.locator("#s-self").fill("我局")
    page.locator("#s-recipient").fill("县森林防火指挥部")
    page.locator("#s-code").fill("青应急")
    page.locator("#s-series").fill("森林防火周报")
    page.locator("#s-kind").select_option("situation_report")
    page.locator("#s-cadence").select_option("week")
    page.get_by_role("button", name="新建系列").click()
    expect(page.locator("#status")).to_contain_text("已新建系列“森林防火周报”")
    expect(page.locator("#list-h")).to_have_text("森林防火周报")

    # Week 1: a draft with the office's envelope, filled in the form.
    page.get_by_role("button", name="开始下一期").click()
    expect(page.locator("#status")).to_contain_text("第1期")
    page.locator("#link-form").click()
    expect(page.locator("#stored-doc")).to_contain_text("第1期")
    page.locator('[id="f-topic"]').fill("森林防火")
    page.locator('[id="f-counts[0].label"]').fill("巡查林区")
    page.locator('[id="f-counts[0].value"]').fill("14")
    page.locator('[id="f-counts[0].measure"]').fill("片")
    saved(page)
    page.locator("#btn-preview").click()
    expect(page.locator("#preview")).to_contain_text("青禾县应急管理局")  # the office's envelope
    expect(page.locator("#preview")).to_contain_text("巡查林区14片")

    # Week 2: 开始下一期, and the clerk types only this week's figure.
    page.goto(f"{base}/documents")
    page.get_by_role("button", name="开始下一期").click()
    expect(page.locator("#status")).to_contain_text("第2期")
    page.locator("#link-form").click()
    expect(page.locator("#stored-doc")).to_contain_text("第2期")
    expect(page.locator('[id="f-topic"]')).to_have_value("森林防火")
    page.locator('[id="f-counts[0].value"]').fill("20")
    saved(page)
    page.locator("#btn-preview").click()
    expect(page.locator("#preview")).to_contain_text("比上周增加6片")

    with store.read() as s:
        newest = list_documents(s)[0]
        facts = get_document(s, newest["id"]).facts
    count = facts["counts"][0]
    assert (count["value"], count["previous"], count["previous_label"]) == (20, 14, "上周")
    assert errors == []
    page.context.close()


def test_the_office_uploads_its_own_layout_and_goes_back(
    browser: Any, empty_site: tuple[str, Store], tmp_path: Any
) -> None:
    import io
    import zipfile

    import docx

    from tests.conftest import load_sample

    base, store = empty_site
    layout = docx.Document()
    layout.add_paragraph("{{p body }}")
    layout.sections[0].footer.paragraphs[0].text = "本局专用版式"
    path = tmp_path / "本局版式.docx"
    layout.save(str(path))
    page = browser.new_context(locale="zh-CN", bypass_csp=True).new_page()  # CSP bypassed for axe-core
    page.on("dialog", lambda d: d.accept())
    if not page.request.get(f"{base}/api/offices").json()["offices"]:  # this test run alone
        office = page.request.post(f"{base}/api/offices", data={"name": "青禾县应急管理局"}).json()["office"]
        page.request.post(f"{base}/api/series", data={"office_id": office["id"], "name": "森林防火周报",
                                                     "kind": "situation_report", "cadence": "week"})
    page.goto(f"{base}/documents")
    page.get_by_role("button", name=re.compile("^森林防火周报")).click()
    expect(page.locator("#layout-state")).to_contain_text("使用标准版式")
    assert serious(page) == []
    page.locator("#f-layout").set_input_files(str(path))
    expect(page.locator("#status")).to_contain_text("已启用本机关版式：本局版式.docx")
    expect(page.locator("#layout-state")).to_contain_text("使用本机关版式（本局版式.docx")
    with store.read() as s:
        from huibao.store.layouts import layout_bytes

        kept = layout_bytes(s, page.request.get(f"{base}/api/offices").json()["offices"][0]["id"])
    assert kept == path.read_bytes()
    # The office's reports are laid out by it.
    facts = {**load_sample("situation_report_small"), "office": "青禾县应急管理局"}
    answer = page.request.post(f"{base}/api/reports?format=docx", data=facts)
    assert answer.status == 200
    with zipfile.ZipFile(io.BytesIO(answer.body())) as zf:
        footers = "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("word/footer"))
    assert "本局专用版式" in footers

    # A file that cannot lay reports out is refused in Chinese, and nothing changes.
    bad = tmp_path / "不是版式.docx"
    plain = docx.Document()
    plain.add_paragraph("没有正文占位")
    plain.save(str(bad))
    page.locator("#f-layout").set_input_files(str(bad))
    expect(page.locator("#error-summary")).to_contain_text("版式模板缺少正文占位段落")
    expect(page.locator("#layout-state")).to_contain_text("使用本机关版式（本局版式.docx")

    page.get_by_role("button", name="恢复标准版式").click()
    expect(page.locator("#layout-state")).to_contain_text("使用标准版式")
    page.context.close()
