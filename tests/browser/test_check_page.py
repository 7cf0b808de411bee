"""The check page: an uploaded file is checked exactly like the same text pasted, tables included;
the finding count is shown as a warning and blanks in the findings are visible."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest

from tests.browser.conftest import Watch

pytestmark = pytest.mark.browser

LINES = ["截至2026年　月　日，累计排查XX人。", "联系人：某某，电话：___"]
CELLS = ["地点", "XX座"]


def findings(page: Any) -> list[str]:
    page.locator("#result").wait_for()
    return page.locator("#finding-list li").all_inner_texts()


def test_an_upload_is_checked_like_the_same_text_pasted(
    watched: tuple[Any, Watch], server: str, tmp_path: Path
) -> None:
    page, _ = watched
    source = docx.Document()
    for line in LINES:
        source.add_paragraph(line)
    row = source.add_table(rows=1, cols=2).rows[0]
    for cell, text in zip(row.cells, CELLS, strict=True):
        cell.text = text
    path = tmp_path / "草稿.docx"
    source.save(str(path))

    page.goto(f"{server}/check")
    page.locator("#f-text").fill("\n".join([*LINES, *CELLS]))
    page.get_by_role("button", name="检查", exact=True).click()
    pasted = findings(page)
    assert pasted, "the planted placeholders were not found in the pasted text"
    assert page.locator("#result-summary.count-warn").is_visible()
    assert any(f.startswith("第4行") for f in pasted), "a placeholder in a table cell is missed"

    page.locator("#f-text").fill("")
    page.locator("#f-file").set_input_files(str(path))
    page.get_by_role("button", name="检查", exact=True).click()
    page.get_by_text("草稿.docx：").wait_for()
    assert findings(page) == pasted


def test_blanks_in_findings_are_visible(watched: tuple[Any, Watch], server: str) -> None:
    page, _ = watched
    page.goto(f"{server}/check")
    page.locator("#f-text").fill("联系人：某某，电话：___ 。")
    page.get_by_role("button", name="检查", exact=True).click()
    snippets = page.locator("#finding-list code.snippet").all_inner_texts()
    assert snippets and all(s.strip("“”").strip() for s in snippets)
    assert page.locator("#finding-list code.snippet").first.evaluate(
        "el => getComputedStyle(el).textDecorationLine") == "none"
