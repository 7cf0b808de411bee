"""The clerk's pages in a real Chromium against a live server (see conftest.py)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest

from tests.browser.conftest import Watch, shoot

pytestmark = pytest.mark.browser


def field(page: Any, path: str) -> Any:
    """Return the input whose API field path is ``path``."""
    return page.locator(f'[id="f-{path}"]')


def error_of(page: Any, path: str) -> Any:
    return page.locator(f'[id="e-{path}"]')


def open_form(page: Any, base: str) -> None:
    page.goto(f"{base}/")
    page.wait_for_selector("#facts-form[data-ready='1']")


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_clerk_fills_fixes_previews_and_downloads_a_situation_report(
    watched: tuple[Any, Watch], server: str, tmp_path: Path
) -> None:
    page, watch = watched
    watch.allow(422, "/api/reports/preview")  # the deliberate missing field
    open_form(page, server)
    page.evaluate("localStorage.clear()")
    open_form(page, server)
    assert page.locator("h1").inner_text() == "填写情况汇报"

    # The clerk types the topic and a count with a breakdown but forgets the unit's name.
    field(page, "topic").fill("疫情防控")
    field(page, "unit.self_reference").fill("我局")
    field(page, "as_of").fill("2020年2月10日18时")
    page.get_by_role("button", name="＋ 添加主要数据").click()
    field(page, "counts[0].label").fill("累计排查返乡人员")
    field(page, "counts[0].value").fill("126")
    field(page, "counts[0].measure").fill("人")
    page.locator('[id="add-counts[0].breakdown"]').click()
    field(page, "counts[0].breakdown[0].label").fill("居家隔离")
    field(page, "counts[0].breakdown[0].value").fill("98")
    field(page, "counts[0].breakdown[0].measure").fill("人")

    # Two problems, the second moved above the first, then an empty third one removed.
    for text in ("排查力量不足", "宣传覆盖不够"):
        index = page.locator('ol[data-list="problems"] > li').count()
        page.get_by_role("button", name="＋ 添加存在问题").click()
        field(page, f"problems[{index}].text").fill(text)
    page.locator('[id="up-problems[1]"]').click()
    assert field(page, "problems[0].text").input_value() == "宣传覆盖不够"
    assert field(page, "problems[1].text").input_value() == "排查力量不足"
    page.get_by_role("button", name="＋ 添加存在问题").click()
    page.locator('[id="remove-problems[2]"]').click()
    page.locator('[id="remove-problems[2]"]').wait_for(state="detached")
    assert page.locator('ol[data-list="problems"] > li').count() == 2
    assert page.evaluate("document.activeElement.id") == "f-problems[1].heading"

    # A reload mid-way keeps everything typed.
    page.reload()
    page.wait_for_selector("#facts-form[data-ready='1']")
    assert "已恢复" in page.locator("#status").inner_text()
    assert field(page, "topic").input_value() == "疫情防控"
    assert field(page, "counts[0].breakdown[0].value").input_value() == "98"
    assert field(page, "as_of").input_value() == "2020年2月10日18时"
    assert field(page, "problems[0].text").input_value() == "宣传覆盖不够"

    # Preview with the unit's name missing: the message appears next to that field.
    page.get_by_role("button", name="预览", exact=True).click()
    message = error_of(page, "unit.name")
    message.wait_for(state="visible")
    assert "缺少必填项" in message.inner_text()
    assert field(page, "unit.name").get_attribute("aria-invalid") == "true"
    assert page.locator("#error-summary").is_visible()
    assert page.locator("#error-list a").first.inner_text().startswith("单位名称：")
    assert field(page, "topic").input_value() == "疫情防控"
    shoot(page, "form-error-1280")

    # Following the summary link lands on the field; the clerk fixes it and previews again.
    page.locator("#error-list a").first.click()
    assert page.evaluate("document.activeElement.id") == "f-unit.name"
    page.keyboard.type("示例县卫生健康局")
    page.get_by_role("button", name="预览", exact=True).click()
    page.locator("#preview-page .hb-title").wait_for()
    assert page.locator("#preview-page .hb-title").inner_text() == "关于疫情防控工作情况的汇报"
    assert "累计排查返乡人员126人" in page.locator("#preview-page").inner_text()
    assert not error_of(page, "unit.name").is_visible()
    assert page.locator("#error-summary").is_hidden()
    shoot(page, "form-preview-1280")

    # Download the .docx and reopen it.
    with page.expect_download() as info:
        page.get_by_role("button", name="下载Word 文件").click()
    download = info.value
    assert download.suggested_filename == "关于疫情防控工作情况的汇报.docx"
    target = tmp_path / "report.docx"
    download.save_as(target)
    text = docx_text(target.read_bytes())
    assert "关于疫情防控工作情况的汇报" in text
    assert "累计排查返乡人员126人" in text
    assert "居家隔离98人" in text

    page.set_viewport_size({"width": 390, "height": 844})
    shoot(page, "form-preview-390")


def test_warnings_link_to_their_field(watched: tuple[Any, Watch], server: str) -> None:
    page, _ = watched
    open_form(page, server)
    page.get_by_role("button", name="载入示例").click()
    page.get_by_text("已载入示例").wait_for()
    assert field(page, "unit.name").input_value() == "示例县卫生健康局"
    field(page, "counts[0].value").fill("-3")
    page.get_by_role("button", name="预览", exact=True).click()
    link = page.locator("#issues .warning a").first
    link.wait_for()
    assert "负数" in link.inner_text()
    link.click()
    assert page.evaluate("document.activeElement.id") == "f-counts[0].value"
    # Undo brings back what was there before the example.
    page.get_by_role("button", name="撤销").click()
    page.get_by_text("已撤销").wait_for()
    assert field(page, "unit.name").input_value() == ""


def test_convert_an_uploaded_docx(watched: tuple[Any, Watch], server: str, tmp_path: Path) -> None:
    page, _ = watched
    source = docx.Document()
    source.add_paragraph("关于疫情防控工作情况的汇报")
    source.add_paragraph("我县组织开展返乡人员排查，发现问题及时整改。")
    path = tmp_path / "简体汇报.docx"
    source.save(str(path))

    page.goto(f"{server}/convert")
    shoot(page, "convert-1280")
    page.locator("#f-file").set_input_files(str(path))
    page.locator("#f-to").select_option("zh-Hant-TW")
    probe = page.request.post(f"{server}/api/convert", multipart={"to": "zh-Hant"})
    if probe.status in (404, 405):
        pytest.skip("POST /api/convert is not provided by the server yet")
    with page.expect_download() as info:
        page.get_by_role("button", name="转换", exact=True).click()
    out = tmp_path / "converted.docx"
    info.value.save_as(out)
    text = docx_text(out.read_bytes())
    assert "關於疫情防控工作情況的彙報" in text or "關於疫情防控工作情況的匯報" in text
    assert "返鄉人員" in text
    page.locator("#result").wait_for()
    assert "已转换为繁體（台灣）" in page.locator("#result-summary").inner_text()


def test_convert_pasted_text(watched: tuple[Any, Watch], server: str) -> None:
    page, _ = watched
    page.goto(f"{server}/convert")
    probe = page.request.post(f"{server}/api/convert", data={"text": "汉", "to": "zh-Hant"})
    if probe.status in (404, 405):
        pytest.skip("POST /api/convert is not provided by the server yet")
    page.locator("#f-text").fill("发现问题及时整改")
    page.get_by_role("button", name="转换", exact=True).click()
    page.locator("#result-text").wait_for()
    assert page.locator("#result-text").input_value() == "發現問題及時整改"


def test_check_highlights_a_planted_placeholder(watched: tuple[Any, Watch], server: str) -> None:
    page, _ = watched
    page.goto(f"{server}/check")
    page.locator("#f-text").fill("截至2020年2月10日，我县累计排查返乡人员XX人，均已落实管控措施。")
    page.get_by_role("button", name="检查", exact=True).click()
    mark = page.locator("#marked mark").first
    mark.wait_for()
    assert "XX" in mark.inner_text()
    assert "发现" in page.locator("#result-summary").inner_text()
    page.locator("#finding-list a").first.click()
    assert page.evaluate("document.activeElement.tagName") == "MARK"
    shoot(page, "check-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    shoot(page, "check-390")


def test_empty_check_says_what_to_do(watched: tuple[Any, Watch], server: str) -> None:
    page, _ = watched
    page.goto(f"{server}/check")
    page.get_by_role("button", name="检查", exact=True).click()
    assert "请粘贴" in error_of(page, "text").inner_text()


def test_narrow_screens(watched: tuple[Any, Watch], server: str) -> None:
    page, _ = watched
    page.set_viewport_size({"width": 390, "height": 844})
    open_form(page, server)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the form scrolls sideways on a phone ({width}px)"
    shoot(page, "form-390")
    page.goto(f"{server}/convert")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(page, "convert-390")
    page.set_viewport_size({"width": 1280, "height": 800})
    open_form(page, server)
    shoot(page, "form-1280")


def test_form_works_without_javascript(browser: Any, server: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{server}/")
        field(page, "topic").fill("疫情防控")
        page.get_by_role("button", name="＋ 添加主要数据").click()
        field(page, "counts[0].label").fill("累计排查返乡人员")
        field(page, "counts[0].value").fill("126")
        page.get_by_role("button", name="预览", exact=True).last.click()
        assert "缺少必填项" in error_of(page, "unit.name").inner_text()
        assert field(page, "counts[0].value").input_value() == "126"
        field(page, "unit.name").fill("示例县卫生健康局")
        page.get_by_role("button", name="预览", exact=True).last.click()
        assert "累计排查返乡人员126" in page.locator("#preview-page").inner_text()
        with page.expect_download() as info:
            page.get_by_role("button", name="下载Word 文件").click()
        assert info.value.suggested_filename.endswith(".docx")
    finally:
        context.close()
