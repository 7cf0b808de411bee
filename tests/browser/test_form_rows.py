"""Rows without the mouse: Enter at the end of a row adds the next row right after it (and only
there), the counts' small table takes one count typed or cells pasted from a spreadsheet, and a
paste of several lines into a list's quick-entry box adds them at once."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Watch
from tests.browser.test_form_safety import PASTE, field, open_form

pytestmark = pytest.mark.browser


#: Counts form submissions and requests for a new row; both start in the Enter key's own handling.
WATCH_ACTIONS = """() => {
  window.actions = {submits: 0, rowRequests: 0};
  document.getElementById('facts-form').addEventListener('submit', () => window.actions.submits++);
  const fetch0 = window.fetch;
  window.fetch = (url, options) => {
    if (String(url).startsWith('/web/row')) window.actions.rowRequests++;
    return fetch0(url, options);
  };
}"""


def rows(page: Any, list_path: str) -> Any:
    return page.locator(f'ol[data-list="{list_path}"] > li')


def focused(page: Any) -> str:
    return str(page.evaluate("document.activeElement.id"))


def all_rows(page: Any) -> int:
    return int(page.locator("li.row").count())


def test_enter_in_a_rows_last_field_adds_a_row_right_after_it(
    watched: tuple[Any, Watch], server: str
) -> None:
    page, _ = watched
    open_form(page, server, clear=True)
    page.locator('[id="add-keep"]').click()
    field(page, "keep[0]").fill("余华")
    field(page, "keep[0]").press("Enter")
    field(page, "keep[1]").wait_for()
    assert focused(page) == "f-keep[1]"
    page.keyboard.type("干河村")

    field(page, "keep[0]").press("Enter")  # in the middle: the new row comes right after row 1
    rows(page, "keep").nth(2).wait_for()
    assert focused(page) == "f-keep[1]"
    values = [field(page, f"keep[{i}]").input_value() for i in range(3)]
    assert values == ["余华", "", "干河村"]


def test_enter_on_an_empty_last_line_of_a_rows_last_text_box_adds_a_row(
    watched: tuple[Any, Watch], server: str
) -> None:
    page, _ = watched
    open_form(page, server, clear=True)
    page.locator('[id="add-problems"]').click()
    box = field(page, "problems[0].text")
    box.click()
    page.keyboard.type("物资储备不足")
    page.keyboard.press("Enter")  # a line break inside the text
    assert rows(page, "problems").count() == 1
    page.keyboard.press("Enter")  # an empty last line: the end of the row
    field(page, "problems[1].heading").wait_for()
    assert focused(page) == "f-problems[1].heading"
    assert box.input_value() == "物资储备不足"


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("topic", "a field outside any list"),
        ("unit.name", "a field of a group"),
        ("problems[0].heading", "a row's field that is not its last"),
        ("rates[0].label", "the first of a ratio's fields"),
    ],
)
def test_enter_elsewhere_adds_no_row_and_submits_nothing(
    watched: tuple[Any, Watch], server: str, path: str, why: str
) -> None:
    page, _ = watched
    open_form(page, server, clear=True)
    page.locator('[id="add-problems"]').click()
    field(page, "problems[0].heading").wait_for()
    page.locator('[id="add-rates"]').click()
    field(page, "rates[0].label").wait_for()
    before = all_rows(page)
    page.evaluate(WATCH_ACTIONS)
    field(page, path).fill("试填")
    field(page, path).press("Enter")
    assert page.evaluate("window.actions") == {"submits": 0, "rowRequests": 0}, why
    assert all_rows(page) == before, why
    assert focused(page) == f"f-{path}", why
    assert field(page, path).input_value() == "试填"
    assert "正在生成预览" not in page.locator("#status").inner_text()


def test_the_counts_table_adds_a_typed_count_on_enter(watched: tuple[Any, Watch], server: str) -> None:
    page, _ = watched
    open_form(page, server, clear=True)
    page.locator('[id="q-counts"]').click()
    page.keyboard.type("走访企业")
    page.keyboard.press("Enter")  # to the next cell
    page.keyboard.type("86")
    page.keyboard.press("Tab")
    page.keyboard.type("家")
    page.keyboard.press("Enter")  # the end of the table's row: the count is added
    field(page, "counts[0].label").wait_for()
    assert [field(page, f"counts[0].{k}").input_value() for k in ("label", "value", "measure")] == [
        "走访企业", "86", "家"]
    assert focused(page) == "q-counts"  # ready for the next count
    assert page.locator('[id="q-counts"]').input_value() == ""


def test_the_counts_table_takes_cells_pasted_from_a_spreadsheet(
    watched: tuple[Any, Watch], server: str
) -> None:
    page, _ = watched
    open_form(page, server, clear=True)
    page.locator('[id="q-counts"]').evaluate(
        PASTE, "事项\t数量\t单位\t说明\n走访企业\t86\t家\t\n发放补贴\t3.2\t万元\t已全部到账\n")
    field(page, "counts[1].label").wait_for()
    assert rows(page, "counts").count() == 2  # the heading row is not a count
    second = [field(page, f"counts[1].{k}").input_value() for k in ("label", "value", "measure", "note")]
    assert second == ["发放补贴", "3.2", "万元", "已全部到账"]  # a further column is kept as 补充说明


def test_a_paste_of_several_lines_into_an_empty_quick_box_adds_them_at_once(
    watched: tuple[Any, Watch], server: str
) -> None:
    page, _ = watched
    open_form(page, server, clear=True)
    notes = "加强监测预警：滚动发布预警信息\n强化巡查排险：发现险情立即处置"
    page.locator('[id="q-measures"]').evaluate(PASTE, notes)
    field(page, "measures[1].heading").wait_for()
    assert field(page, "measures[0].text").input_value() == "滚动发布预警信息"
    assert field(page, "measures[1].heading").input_value() == "强化巡查排险"
