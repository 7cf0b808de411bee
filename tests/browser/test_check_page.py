"""The check page: an uploaded .docx is checked exactly like the same text pasted, tables
included; 【】 and blank dates are found; the finding count is shown as a warning and blanks in
the findings are visible marks, not whitespace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest

from tests.browser.conftest import Watch

pytestmark = pytest.mark.browser

LINES = ["关于【单位名称】的情况报告", "成文日期：2026年　月　日", "联系人：某某，电话：___"]
CELLS = [["水库", "×座"], ["责任人", "XX"]]
CELL_LINES = [cell for row in CELLS for cell in row]
# (kind's Chinese label, the line it is on) of every finding in LINES + CELL_LINES
EXPECTED = [
    ("方括号占位符未填写", 1),
    ("日期未填写", 2),
    ("名称被匿名化", 3),
    ("符号占位符未填写", 3),
    ("符号占位符未填写", 5),  # ×座 in a table cell
    ("字母占位符未填写", 7),  # XX in a table cell
]


def findings(page: Any) -> list[str]:
    page.locator("#result").wait_for()
    return page.locator("#finding-list li").all_inner_texts()


def check(page: Any) -> None:
    page.get_by_role("button", name="检查", exact=True).click()


def labels_and_lines(items: list[str]) -> list[tuple[str, int]]:
    """Return (label, line) of each finding item ``第N行 “…”：label：…``."""
    out = []
    for item in items:
        line = int(item[1 : item.index("行")])
        message = item.split("”：", 1)[1]
        out.append((message.split("：", 1)[0], line))
    return out


def test_an_upload_with_a_table_is_checked_like_the_same_text_pasted(
    watched: tuple[Any, Watch], server: str, tmp_path: Path
) -> None:
    page, _ = watched
    source = docx.Document()
    for line in LINES:
        source.add_paragraph(line)
    table = source.add_table(rows=len(CELLS), cols=2)
    for row, values in zip(table.rows, CELLS, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    path = tmp_path / "草稿.docx"
    source.save(str(path))

    page.goto(f"{server}/check")
    page.locator("#f-text").fill("\n".join([*LINES, *CELL_LINES]))
    check(page)
    pasted = findings(page)
    assert labels_and_lines(pasted) == EXPECTED
    assert page.locator("#result-summary").inner_text() == f"发现 {len(EXPECTED)} 处问题。"

    page.locator("#f-text").fill("")
    page.locator("#f-file").set_input_files(str(path))
    check(page)
    page.get_by_text("草稿.docx：").wait_for()
    assert findings(page) == pasted
    assert page.locator("#marked mark").count() == len(EXPECTED)


def test_brackets_and_a_blank_date_pasted_are_found_and_counted_as_a_warning(
    watched: tuple[Any, Watch], server: str
) -> None:
    page, _ = watched
    page.goto(f"{server}/check")
    page.locator("#f-text").fill("报送【】审阅。\n截至2026年　月　日，共有×座水库。")
    check(page)
    assert labels_and_lines(findings(page)) == [
        ("方括号占位符未填写", 1), ("日期未填写", 2), ("符号占位符未填写", 2),
    ]
    summary = page.locator("#result-summary")
    assert summary.inner_text() == "发现 3 处问题。"
    colour = summary.evaluate("el => getComputedStyle(el).color")
    green = page.evaluate(
        "() => { const p = document.createElement('p'); p.className = 'count-ok';"
        " document.body.append(p); const c = getComputedStyle(p).color; p.remove(); return c; }"
    )
    assert colour != green and colour == "rgb(122, 82, 0)"  # the warning ink, not the ok green
    assert page.locator("#status").evaluate("el => getComputedStyle(el).color") == colour

    page.locator("#f-text").fill("一是加强组织领导，落实“四个意识”。")
    check(page)
    page.locator("#result-summary.count-ok").wait_for()
    assert summary.evaluate("el => getComputedStyle(el).color") == green
    assert page.locator("#status").evaluate("el => getComputedStyle(el).color") == green


def test_blanks_in_findings_are_visible_marks(watched: tuple[Any, Watch], server: str) -> None:
    page, _ = watched
    page.goto(f"{server}/check")
    legend = page.locator("#blank-legend")
    page.locator("#f-text").fill("联系人：某某。")
    check(page)
    page.get_by_text("发现 1 处问题。", exact=True).wait_for()
    assert legend.is_hidden()  # no blank, no legend

    page.locator("#f-text").fill("成文日期：2026年　月　日\n电话：___ 转 ___。")
    check(page)
    page.get_by_text("发现 3 处问题。", exact=True).wait_for()
    snippets = page.locator("#finding-list code.snippet")
    assert snippets.count() == 3
    date = snippets.first
    # every blank is a visible mark: the snippet's own glyphs hold no blank at all
    shown = date.evaluate(
        "el => Array.from(el.querySelectorAll('[aria-hidden=true]')).map(m => m.textContent).join('')"
    )
    assert shown == "␣␣"
    visible = date.evaluate(
        "el => { const c = el.cloneNode(true);"
        " c.querySelectorAll('.visually-hidden').forEach(n => n.remove()); return c.textContent; }"
    )
    assert visible == "“2026年␣月␣日”" and "\u3000" not in visible
    assert date.locator(".blank.wide").count() == 2  # full-width spaces get a full-width mark
    assert date.locator(".visually-hidden").first.inner_text() == "（全角空格）"
    underscores = snippets.nth(1).inner_text()
    assert underscores == "“___”"
    # inside the link the snippet is an inline block: the link's underline does not run through
    # its underscores
    assert snippets.nth(1).evaluate("el => getComputedStyle(el).display") == "inline-block"
    quoted = page.locator("#finding-list li").nth(1).locator(".quoted")  # 「___」 in the message
    assert quoted.inner_text() == "「___」"
    assert quoted.evaluate("el => getComputedStyle(el).display") == "inline-block"
    assert legend.is_visible() and "全角空格" in legend.inner_text()


def test_the_count_is_every_finding_when_the_list_is_capped(
    watched: tuple[Any, Watch], server: str
) -> None:
    page, _ = watched
    page.goto(f"{server}/check")
    page.locator("#f-text").fill("排查XX人，" * 1100)
    check(page)
    page.get_by_text("发现 1100 处问题（列出最严重的 1000 处）。", exact=True).wait_for()
    assert page.locator("#finding-list li").count() == 1000
