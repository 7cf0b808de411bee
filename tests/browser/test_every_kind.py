"""Every sample, imported into the web form, previews to the same report the core composes.

This drives the schema-generated form for every kind (nested lists, selects, dates) through
import → form fields → facts → preview, so a field the form drops or mangles shows up as a
difference from the core's own rendering of the sample.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from huibao import core
from tests.browser.conftest import Watch

pytestmark = pytest.mark.browser

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.json"))


def lines(text: str) -> list[str]:
    return [re.sub(r"\s+", "", line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_imported_sample_previews_like_the_core(
    watched: tuple[Any, Watch], server: str, sample: Path
) -> None:
    page, _ = watched
    facts = json.loads(sample.read_text(encoding="utf-8"))
    expected = core.compose_facts(facts).document
    page.goto(f"{server}/?kind={facts['kind']}")
    page.wait_for_selector("#facts-form[data-ready='1']")
    page.locator("#import-file").set_input_files(str(sample))
    page.get_by_text("已导入").wait_for()
    page.get_by_role("button", name="预览", exact=True).click()
    page.locator("#preview-page .hb-title").wait_for()
    shown = lines(page.locator("#preview-page").inner_text())
    # compared as one run of text: the page may set two parts of a line (版记) as two blocks
    assert "".join(shown) == "".join(lines(expected.plain_text()))
