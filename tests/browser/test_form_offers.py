"""What the form offers so the clerk types less: the 单位自称 from the unit name, and the units and
recipients of earlier drafts in this browser (none in a browser that has none)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Watch
from tests.browser.test_form_safety import field, open_form

pytestmark = pytest.mark.browser


def offered(page: Any, list_id: str) -> list[str]:
    return list(page.evaluate(
        "id => Array.from(document.querySelectorAll('#' + id + ' option')).map(o => o.value)", list_id))


def test_units_and_recipients_of_earlier_drafts_are_offered_again(
    watched: tuple[Any, Watch], server: str
) -> None:
    page, watch = watched
    watch.allow(422, "/api/reports/preview")  # the live preview of an incomplete form
    open_form(page, server, clear=True)
    assert field(page, "recipient").get_attribute("list") == "seen-recipient"
    assert offered(page, "seen-recipient") == []  # a new browser remembers nothing
    field(page, "unit.name").fill("南湖街道办事处")
    field(page, "recipient").fill("区人民政府")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="清空").click()
    page.get_by_text("已清空").wait_for()

    page.reload()
    page.wait_for_selector("#facts-form[data-ready='1']")
    assert offered(page, "seen-recipient") == ["区人民政府"]
    assert offered(page, "seen-unit-name") == ["南湖街道办事处"]
    assert field(page, "unit.name").input_value() == ""  # offered, never filled in unasked


def test_the_self_reference_is_offered_only_while_it_is_empty(
    watched: tuple[Any, Watch], server: str
) -> None:
    page, watch = watched
    watch.allow(422, "/api/reports/preview")  # the live preview of an incomplete form
    open_form(page, server, clear=True)
    field(page, "unit.name").fill("市第三中学")
    offer = page.get_by_role("button", name="用“我校”")
    offer.wait_for()
    field(page, "unit.self_reference").fill("本校")
    assert offer.count() == 0  # typing one's own takes the offer away
