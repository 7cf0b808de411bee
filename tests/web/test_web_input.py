"""Numbers and dates typed the way clerks type them are read into facts and shown back."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from huibao.app import create_app
from huibao.web_input import chinese_moment, read_amount, read_moment


@pytest.fixture(scope="module")
def web_client() -> TestClient:
    return TestClient(create_app())


@pytest.mark.parametrize(
    ("typed", "value", "measure", "approx", "scale"),
    [
        ("1260", 1260, "", "", False),
        ("1,260", 1260, "", "", False),
        ("１２６０", 1260, "", "", False),
        ("1260人", 1260, "人", "", False),
        ("约1260", 1260, "", "约", False),
        ("1260余", 1260, "", "余", False),
        ("1260余人", 1260, "人", "余", False),
        ("1260人左右", 1260, "人", "左右", False),
        ("1.26万", 12600, "", "", True),
        ("1.26万人", 12600, "人", "", True),
        ("12万元", 12, "万元", "", False),
        ("98.4%", "98.4", "%", "", False),
    ],
)
def test_numbers_are_read_as_typed(typed: str, value: Any, measure: str, approx: str, scale: bool) -> None:
    amount = read_amount(typed)
    assert amount is not None
    assert (amount.value, amount.measure, amount.approx, amount.scale) == (value, measure, approx, scale)


@pytest.mark.parametrize("typed", ["abc", "约", "1260人约", "约1260余", "近千人"])
def test_entries_without_a_readable_number_are_refused(typed: str) -> None:
    assert read_amount(typed) is None


@pytest.mark.parametrize(
    ("typed", "with_time", "iso"),
    [
        ("2026年7月12日", True, "2026-07-12"),
        ("2026年7月12日18时", True, "2026-07-12T18:00"),
        ("2026年7月12日18时30分", True, "2026-07-12T18:30"),
        ("2026-07-12T18:00", True, "2026-07-12T18:00"),
        ("2026/7/12", False, "2026-07-12"),
        ("2026年7月12日18时", False, None),
        ("2026年13月1日", True, None),
        ("明天", True, None),
        ("", True, ""),
    ],
)
def test_dates_are_read_as_typed(typed: str, with_time: bool, iso: str | None) -> None:
    assert read_moment(typed, with_time) == iso


def test_a_date_without_a_year_is_this_year() -> None:
    iso = read_moment("7月12日18时")
    assert iso is not None and iso.endswith("-07-12T18:00")


@pytest.mark.parametrize(
    ("iso", "chinese"),
    [("2026-07-12", "2026年7月12日"), ("2026-07-12T18:00", "2026年7月12日18时"),
     ("2026-07-12T18:30", "2026年7月12日18时30分"), ("不是日期", "不是日期")],
)
def test_dates_are_shown_in_chinese(iso: str, chinese: str) -> None:
    assert chinese_moment(iso) == chinese


def test_form_reads_a_count_and_says_what_it_understood(web_client: TestClient) -> None:
    r = web_client.post("/web/facts", data={
        "kind": "situation_report", "as_of": "2026年7月12日18时",
        "counts[0].label": "转移安置群众", "counts[0].value": "约1,260人",
    })
    body = r.json()
    assert body["facts"]["as_of"] == "2026-07-12T18:00"
    count = body["facts"]["counts"][0]
    assert {k: count[k] for k in ("label", "value", "measure", "approx")} == {
        "label": "转移安置群众", "value": 1260, "measure": "人", "approx": "约"}
    assert body["readings"]["counts[0].value"] == "读作：数量 1260，单位 人，约数 约"


def test_a_wrong_entry_says_what_was_understood_and_what_is_expected(web_client: TestClient) -> None:
    r = web_client.post("/web/facts", data={
        "kind": "situation_report", "counts[0].label": "转移", "counts[0].value": "很多",
        "signed_on": "下周",
    })
    assert r.status_code == 422
    errors = {e["field"]: e["message"] for e in r.json()["errors"]}
    assert errors["counts[0].value"].startswith("没能从“很多”读出数字；应填数字，如")
    assert errors["signed_on"].startswith("没能从“下周”读出日期")
    assert "unit.name" in errors  # the other problems come at the same time
    assert not any(m.startswith("情况汇报：") for m in errors.values())


def test_a_fresh_form_is_dated_today(web_client: TestClient) -> None:
    from huibao.web_input import today_chinese

    html = web_client.get("/").text
    assert f'id="f-signed_on" name="signed_on" value="{today_chinese()}"' in html


def test_without_javascript_a_field_left_out_says_so_beside_it(web_client: TestClient) -> None:
    html = web_client.post("/", data={
        "kind": "situation_report", "unit.name": "青禾县应急管理局", "topic": "防汛",
        "background": "持续强降雨", "counts[0].label": "转移安置群众", "counts[0].value": "约1260人",
        "op": "preview",
    }).text
    field = html[html.index('data-field="background"'):]
    field = field[:field.index("</div>")]
    assert "没有写入成稿" in field
    assert "转移安置群众约1260人" in re.sub(r"<[^>]+>|\s", "", html)


SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.json"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_survives_the_form_unchanged(web_client: TestClient, sample: Path) -> None:
    """Imported into the form and read back, a sample composes to the same report (nullable
    switches stay unset, a 发文字号 given in parts and bare-string list items keep their meaning)."""
    from huibao import core
    from tests.web.test_web import form_fields

    data = json.loads(sample.read_text(encoding="utf-8"))
    fields = form_fields(web_client.post("/web/fields", json=data).text)
    facts = web_client.post("/web/facts", data=fields).json()["facts"]
    assert core.preview(facts)["text"] == core.preview(data)["text"]


@pytest.mark.parametrize(
    ("signed_on", "typed", "iso"),
    [
        ("2025年12月30日", "7月12日18时", "2025-07-12T18:00"),
        ("2024-03-01", "7月12日", "2024-07-12"),
        ("2025年12月30日", "2026年7月12日18时", "2026-07-12T18:00"),
    ],
)
def test_a_date_without_a_year_takes_the_year_of_the_signing_date(
    web_client: TestClient, signed_on: str, typed: str, iso: str
) -> None:
    body = web_client.post("/web/facts", data={
        "kind": "situation_report", "signed_on": signed_on, "as_of": typed}).json()
    assert body["facts"]["as_of"] == iso


def test_a_date_typed_short_is_shown_back_in_full_chinese(web_client: TestClient) -> None:
    body = web_client.post("/web/facts", data={
        "kind": "situation_report", "signed_on": "2026年7月13日", "as_of": "7月12日18时"}).json()
    assert body["readings"]["as_of"] == "读作：2026年7月12日18时"
    assert "signed_on" not in body["readings"]  # typed in full: nothing to show back
