"""The report form loses nothing, keeps the preview honest, adds rows without clicks and keeps
focus visible: clear and undo across a reload, two tabs, a stale and a failed preview, paste and
Enter, Tab stops above the sticky bar, downloads beside the preview on a phone."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Watch

pytestmark = pytest.mark.browser


def field(page: Any, path: str) -> Any:
    return page.locator(f'[id="f-{path}"]')


def open_form(page: Any, base: str, clear: bool = False) -> None:
    page.goto(f"{base}/")
    page.wait_for_selector("#facts-form[data-ready='1']")
    if clear:
        page.evaluate("localStorage.clear()")
        page.reload()
        page.wait_for_selector("#facts-form[data-ready='1']")


def test_clear_asks_first_and_stays_undoable_after_a_reload(watched: tuple[Any, Watch], server: str) -> None:
    page, _ = watched
    open_form(page, server, clear=True)
    field(page, "topic").fill("秋季开学")
    field(page, "unit.name").fill("市第三中学")
    assert page.locator("#saved-at").inner_text().startswith("已自动保存")

    page.once("dialog", lambda d: d.dismiss())
    page.get_by_role("button", name="清空").click()
    assert field(page, "topic").input_value() == "秋季开学"  # said no: nothing cleared

    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="清空").click()
    page.get_by_text("已清空").wait_for()
    assert field(page, "topic").input_value() == ""

    page.reload()
    page.wait_for_selector("#facts-form[data-ready='1']")
    assert "已恢复" not in page.locator("#status").inner_text()  # nothing to restore over
    page.get_by_role("button", name="撤销").click()
    page.get_by_text("已撤销").wait_for()
    assert field(page, "topic").input_value() == "秋季开学"
    assert field(page, "unit.name").input_value() == "市第三中学"


def test_two_tabs_of_one_kind_never_overwrite_each_other_silently(browser: Any, server: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    try:
        first = context.new_page()
        open_form(first, server, clear=True)
        field(first, "topic").fill("安全生产大检查")
        second = context.new_page()
        open_form(second, server)
        field(second, "topic").fill("营商环境优化")
        notice = first.locator("#tab-notice")
        notice.wait_for()
        field(first, "topic").fill("安全生产大检查（一）")  # this tab saves again
        first.get_by_role("button", name="换成另一页的内容").click()
        first.get_by_text("已换成另一标签页的内容").wait_for()
        assert field(first, "topic").input_value() == "营商环境优化"
        first.get_by_role("button", name="撤销").click()
        first.get_by_text("已撤销").wait_for()
        assert field(first, "topic").input_value() == "安全生产大检查（一）"
    finally:
        context.close()


def test_the_preview_follows_edits_and_never_looks_valid_when_stale(
    watched: tuple[Any, Watch], server: str
) -> None:
    page, watch = watched
    watch.allow(422, "/web/facts")
    open_form(page, server, clear=True)
    page.get_by_role("button", name="载入示例").click()
    page.locator("#preview-state.fresh").wait_for()  # no click: the preview follows the form
    field(page, "topic").fill("防汛抢险")
    assert "已过期" in page.locator("#preview-state").inner_text() or page.locator(
        "#preview-state.stale").count()
    page.locator("#preview-state.fresh").wait_for()
    assert "关于防汛抢险工作情况的汇报" in page.locator("#preview-page").inner_text()

    field(page, "as_of").fill("下周")
    page.get_by_role("button", name="预览", exact=True).click()
    page.locator("#preview-state.failed").wait_for()
    assert page.locator("#preview-page .hb-title").count() == 0  # the old draft is gone
    assert page.locator("#issues .ok").count() == 0
    assert "没能从“下周”读出日期" in page.locator('[id="e-as_of"]').inner_text()


def test_numbers_as_typed_are_read_and_shown_back(watched: tuple[Any, Watch], server: str) -> None:
    page, _ = watched
    open_form(page, server, clear=True)
    page.get_by_role("button", name="载入示例").click()
    page.get_by_text("已载入示例").wait_for()
    field(page, "counts[0].measure").fill("")
    field(page, "counts[0].value").fill("１，２６０余人")
    page.locator("#preview-state.fresh").wait_for()
    assert page.locator('[id="r-counts[0].value"]').inner_text() == "读作：数量 1260，单位 人，约数 余"
    assert "1260余人" in page.locator("#preview-page").inner_text()


PASTE = """(el, text) => {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
}"""


def test_a_paste_of_several_lines_into_a_row_adds_a_row_per_line(
    watched: tuple[Any, Watch], server: str
) -> None:
    page, _ = watched
    open_form(page, server, clear=True)
    page.locator('[id="add-problems"]').click()
    target = field(page, "problems[0].text")
    target.wait_for()
    target.evaluate(PASTE, "人手不足\n物资短缺\n经费紧张")
    field(page, "problems[2].text").wait_for()
    typed = [field(page, f"problems[{i}].text").input_value() for i in range(3)]
    assert typed == ["人手不足", "物资短缺", "经费紧张"]
    page.get_by_role("button", name="撤销（恢复添加前的内容）").click()  # undoable
    page.get_by_text("已撤销").wait_for()
    assert page.locator('ol[data-list="problems"] > li').count() == 1


def test_focus_is_never_hidden_under_the_sticky_bar(watched: tuple[Any, Watch], server: str) -> None:
    page, _ = watched
    open_form(page, server, clear=True)
    page.get_by_role("button", name="载入示例").click()
    page.get_by_text("已载入示例").wait_for()
    field(page, "unit.name").focus()
    hidden = []
    for _ in range(150):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """() => { const el = document.activeElement;
                       const bar = document.querySelector('#facts-form > .actions');
                       if (!el || !el.closest('#facts-form') || bar.contains(el)) return null;
                       const r = el.getBoundingClientRect(); const b = bar.getBoundingClientRect();
                       return r.bottom > b.top + 1 ? el.id || el.name : ''; }"""
        )
        if state is None:
            break
        if state:
            hidden.append(state)
    assert hidden == []
    page.locator("#preview").focus()
    assert page.evaluate("document.activeElement.id") == "preview"  # scrollable by keyboard


def test_downloads_sit_beside_the_preview_on_a_phone(watched: tuple[Any, Watch], server: str) -> None:
    page, _ = watched
    page.set_viewport_size({"width": 390, "height": 844})
    open_form(page, server, clear=True)
    page.get_by_role("button", name="载入示例").click()
    page.get_by_text("已载入示例").wait_for()
    page.get_by_role("button", name="预览", exact=True).click()
    page.locator("#preview-page .hb-title").wait_for()
    pane = page.locator("#preview").bounding_box()
    button = page.locator("#pane-docx").bounding_box()
    assert pane and button and 0 <= button["y"] - pane["y"] < 300
    with page.expect_download() as info:
        page.locator("#pane-docx").click()
    assert info.value.suggested_filename.endswith(".docx")
