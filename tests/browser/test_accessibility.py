"""axe-core finds no serious or critical violation on any page, in every state a clerk reaches.

axe-core comes from the npm registry (``scripts/setup`` installs it into ``.test-tools/``) and is
injected with Playwright; the test context bypasses the pages' CSP for that one script only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / ".test-tools" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def axe_page(browser: Any) -> Iterator[Any]:
    if not AXE.exists():
        pytest.skip("axe-core is not installed (scripts/setup test installs it with npm)")
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN", bypass_csp=True)
    page = context.new_page()
    page.on("dialog", lambda d: d.accept())
    try:
        yield page
    finally:
        context.close()


def serious(page: Any) -> list[str]:
    """Return the serious and critical axe-core violations of the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def _form(page: Any, base: str) -> None:
    page.goto(f"{base}/")
    page.wait_for_selector("#facts-form[data-ready='1']")


def _form_failed_preview(page: Any, base: str) -> None:
    _form(page, base)
    page.locator('[id="f-topic"]').fill("防汛抢险")
    page.locator('[id="f-as_of"]').fill("明天")
    page.get_by_role("button", name="预览", exact=True).click()
    page.locator("#preview-state.failed").wait_for()


def _form_preview(page: Any, base: str) -> None:
    _form(page, base)
    page.get_by_role("button", name="载入示例").click()
    page.get_by_text("已载入示例").wait_for()
    page.locator('[id="f-background"]').fill("7月10日以来持续强降雨")
    page.get_by_role("button", name="预览", exact=True).click()
    page.locator("#preview-page .hb-title").wait_for()
    page.locator(".field-note").first.wait_for()
    page.locator("#advanced summary").click()


def _form_stale(page: Any, base: str) -> None:
    _form_preview(page, base)
    page.locator('[id="f-topic"]').press("End")
    page.keyboard.type("工作")
    page.locator("#preview-state.stale").wait_for()


def _form_phone(page: Any, base: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    _form_preview(page, base)


def _check_result(page: Any, base: str) -> None:
    page.goto(f"{base}/check")
    page.locator("#f-text").fill("截至2026年　月　日，累计排查XX人，【】。")
    page.get_by_role("button", name="检查", exact=True).click()
    page.locator("#marked mark").first.wait_for()


def _convert_result(page: Any, base: str) -> None:
    page.goto(f"{base}/convert")
    page.locator("#f-text").fill("发现问题及时整改")
    page.get_by_role("button", name="转换", exact=True).click()
    page.locator("#result-text").wait_for()


def _error_page(page: Any, base: str) -> None:
    page.goto(f"{base}/no-such-page", wait_until="domcontentloaded")


STATES: dict[str, Callable[[Any, str], None]] = {
    "form-empty": _form,
    "form-failed-preview": _form_failed_preview,
    "form-preview-with-notes": _form_preview,
    "form-stale-preview": _form_stale,
    "form-phone": _form_phone,
    "check-with-findings": _check_result,
    "convert-with-result": _convert_result,
    "error-page": _error_page,
}


@pytest.mark.parametrize("state", list(STATES))
def test_no_serious_accessibility_violation(axe_page: Any, server: str, state: str) -> None:
    STATES[state](axe_page, server)
    assert serious(axe_page) == []


def test_axe_is_installed_from_the_registry_not_a_cdn() -> None:
    text = (ROOT / "scripts" / "setup").read_text(encoding="utf-8")
    assert "npm install" in text and "axe-core@" in text
    assert not any(p.suffix == ".js" and "axe" in p.name for p in Path(ROOT / "service").rglob("*"))
