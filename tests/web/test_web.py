"""The web pages without a browser: rendering, labels, assets, the no-JavaScript form posts."""

from __future__ import annotations

import io
import re
from typing import Any

import docx
import pytest
from fastapi.testclient import TestClient

from huibao import web_form
from huibao.app import create_app
from huibao.compose.kinds import KINDS

PAGES = ["/", "/convert", "/check"]
ASSETS = ["/static/huibao.css", "/static/common.js", "/static/form.js", "/static/draft.js",
          "/static/preview.js", "/static/rows.js", "/static/seen.js", "/static/convert.js",
          "/static/check.js", "/static/favicon.svg", "/report.css"]
EXTERNAL = re.compile(r"(?:https?:)?//(?!127\.0\.0\.1|localhost)[a-z0-9.-]+\.[a-z]{2,}", re.I)


@pytest.fixture(scope="module")
def web_client() -> TestClient:
    return TestClient(create_app())


def form_fields(html: str) -> dict[str, str]:
    """Return name → value of the text inputs, selects and checked boxes of a rendered form."""
    out: dict[str, str] = {}
    for m in re.finditer(r"<input\b([^>]*)>", html):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', m.group(1)))
        if "name" not in attrs or attrs.get("type") in ("file",):
            continue
        if attrs.get("type") == "checkbox" and " checked" not in m.group(1):
            continue
        out[attrs["name"]] = attrs.get("value", "")
    for m in re.finditer(r'<select [^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        sel = re.search(r'<option value="([^"]*)" selected', m.group(2))
        out[m.group(1)] = sel.group(1) if sel else ""
    for m in re.finditer(r'<textarea [^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        out[m.group(1)] = m.group(2)
    return out


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_in_chinese_with_a_csp_forbidding_other_hosts(web_client: TestClient, path: str) -> None:
    r = web_client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert '<html lang="zh-Hans">' in r.text
    assert "汇报" in r.text
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "connect-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert EXTERNAL.findall(r.text) == []
    assert "<style" not in r.text and " style=" not in r.text
    assert re.search(r"<script>", r.text) is None  # scripts are files, as the CSP requires


@pytest.mark.parametrize("path", ASSETS)
def test_assets_are_served_and_name_no_other_host(web_client: TestClient, path: str) -> None:
    r = web_client.get(path)
    assert r.status_code == 200
    assert r.content
    assert EXTERNAL.findall(r.text.replace('xmlns="http://www.w3.org/2000/svg"', "")) == []


def test_every_input_has_a_label(web_client: TestClient) -> None:
    html = web_client.post("/", data={"kind": "situation_report", "op": "example"}).text
    ids = re.findall(r'<(?:input|select|textarea)\b(?![^>]*type="(?:hidden|file)")[^>]*\bid="([^"]+)"', html)
    assert len(ids) > 20
    labelled = set(re.findall(r'<label[^>]*\bfor="([^"]+)"', html))
    assert [i for i in ids if i not in labelled] == []
    assert "import-file" in labelled


def test_counts_have_a_small_table_for_spreadsheet_cells_and_dates_a_reading(web_client: TestClient) -> None:
    html = web_client.get("/").text
    table = html[html.index('class="quick paste-table'):]
    table = table[:table.index("</table>")]
    assert re.findall(r"<th[^>]*>([^<]+)</th>", table) == ["事项", "数量", "单位"]
    assert re.findall(r'data-cell="(\w+)"', table) == ["label", "value", "measure"]
    assert re.search(r'<input[^>]*data-cell[^>]*\bname=', table) is None  # never sent as facts
    assert 'id="r-as_of"' in html  # a date typed short is shown back in full


def test_schema_maps_to_widgets(web_client: TestClient) -> None:
    html = web_client.post("/", data={"kind": "situation_report", "op": "example"}).text
    assert re.search(r'<input type="text"[^>]*id="f-signed_on"[^>]*value="2020年2月10日"', html)
    assert re.search(r'<input type="text"[^>]*id="f-as_of"[^>]*value="2020年2月10日"', html)
    assert re.search(r'<input type="text"[^>]*name="counts\[0\].value" value="126"', html)
    assert re.search(r'<select id="f-counts\[0\].approx"', html)
    assert re.search(r'<select id="f-script"[^>]*>.*繁體（台灣）.*繁體（香港）', html, re.S)
    assert re.search(r'<input type="checkbox" id="f-options.closing"[^>]* checked', html)
    assert re.search(r'<textarea id="f-overview"', html)
    assert 'value="add:counts[0].breakdown"' in html
    assert 'value="up:counts[0]"' in html and 'value="remove:counts[0]"' in html
    assert "A counted fact" not in html  # English docstrings never reach the page


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_has_a_form_and_its_example_round_trips(web_client: TestClient, kind: str) -> None:
    r = web_client.post("/", data={"kind": kind, "op": "example"})
    assert r.status_code == 200
    fields = form_fields(r.text)
    facts = web_form.facts_from_form(KINDS[kind], fields)
    example = dict(KINDS[kind].example)
    for key, value in example.items():
        assert key in facts, key
        if isinstance(value, str):
            assert facts[key] == value


def test_missing_field_re_renders_everything_typed_with_the_message_beside_it(web_client: TestClient) -> None:
    typed = {
        "kind": "situation_report",
        "topic": "疫情防控",
        "counts[0]": "",
        "counts[0].label": "累计排查返乡人员",
        "counts[0].value": "12.50",
        "counts[0].measure": "万元",
        "counts[0].breakdown[0]": "",
        "counts[0].breakdown[0].label": "其中",
        "counts[0].breakdown[0].value": "abc",
        "overview": "<b>不是标签</b>",
        "op": "preview",
    }
    r = web_client.post("/", data=typed)
    assert r.status_code == 422
    html = r.text
    assert re.search(r'id="e-unit.name">[^<]*缺少必填项', html)
    assert re.search(r'id="e-counts\[0\].breakdown\[0\].value">[^<]*没能从“abc”读出数字；应填数字', html)
    assert 'aria-invalid="true"' in html
    assert '<a href="#f-unit.name">单位名称：' in html
    fields = form_fields(html)
    for name, value in typed.items():
        if name not in ("op",) and not name.endswith("]"):
            if name == "overview":
                assert "&lt;b&gt;不是标签&lt;/b&gt;" in html
            else:
                assert fields[name] == value, name


def test_row_buttons_work_without_javascript(web_client: TestClient) -> None:
    base = {"kind": "situation_report", "problems[0].text": "甲", "problems[1].text": "乙"}
    html = web_client.post("/", data={**base, "op": "up:problems[1]"}).text
    f = form_fields(html)
    assert (f["problems[0].text"], f["problems[1].text"]) == ("乙", "甲")
    f = form_fields(web_client.post("/", data={**base, "op": "remove:problems[0]"}).text)
    assert f["problems[0].text"] == "乙" and "problems[1].text" not in f
    html = web_client.post("/", data={**base, "op": "add:problems"}).text
    assert re.search(r'id="f-problems\[2\].heading"[^>]* autofocus', html)
    html = web_client.post("/", data={**base, "op": "down:problems[0]"}).text
    assert re.search(r'id="down-problems\[1\]" autofocus', html)


def test_preview_and_download_without_javascript(web_client: TestClient) -> None:
    typed = {"kind": "situation_report", "unit.name": "示例县卫生健康局", "topic": "疫情防控",
             "as_of": "2020-02-10", "as_of#time": "18:00", "counts[0].label": "累计排查返乡人员",
             "counts[0].value": "126", "counts[0].measure": "人", "options.closing": "true"}
    r = web_client.post("/", data={**typed, "op": "preview"})
    assert r.status_code == 200
    assert "关于疫情防控工作情况的汇报" in r.text
    assert "截至2020年2月10日18时" in r.text
    assert "<style" not in r.text
    r = web_client.post("/", data={**typed, "op": "docx"})
    assert r.status_code == 200
    assert "filename*=UTF-8''" in r.headers["content-disposition"]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(r.content)).paragraphs)
    assert "累计排查返乡人员126人" in text


def test_facts_from_form_types_values_and_drops_empties() -> None:
    kind = KINDS["situation_report"]
    facts = web_form.facts_from_form(kind, {
        "kind": "situation_report", "unit.name": " 某局 ", "topic": "防汛", "counts[0]": "",
        "counts[0].label": "转移群众", "counts[0].value": "１，２００", "counts[0].approx": "",
        "period.start": "", "period.end": "", "options.numbering_depth": "3",
        "options.opening": "basis", "as_of": "2020-02-10",
    })
    assert facts["unit"] == {"name": "某局"}
    assert facts["counts"] == [{"label": "转移群众", "value": 1200, "scale": False}]
    assert "period" not in facts
    assert facts["options"]["numbering_depth"] == 3
    assert facts["options"]["closing"] is False  # an unchecked box is a choice
    assert facts["as_of"] == "2020-02-10"


def test_fields_fragment_from_json_and_row_fragment(web_client: TestClient) -> None:
    example: dict[str, Any] = dict(KINDS["situation_report"].example)
    r = web_client.post("/web/fields", json=example)
    assert r.status_code == 200 and r.headers["x-huibao-kind"] == "situation_report"
    assert 'value="示例县卫生健康局"' in r.text
    r = web_client.get("/web/row", params={"kind": "situation_report", "path": "counts[0].breakdown[1]"})
    assert r.status_code == 200
    assert 'name="counts[0].breakdown[1].label"' in r.text
    assert "其中 第<span class=\"row-no\">2</span>项" in r.text
    bad = web_client.get("/web/row", params={"kind": "situation_report", "path": "nope[0]"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "path"


def test_web_facts_matches_what_the_api_accepts(web_client: TestClient) -> None:
    r = web_client.post("/web/facts", data={"kind": "situation_report", "unit.name": "某局",
                                             "topic": "防汛", "overview": "总体平稳"})
    facts = r.json()["facts"]
    preview = web_client.post("/api/reports/preview", json=facts)
    assert preview.status_code == 200, preview.text
    assert preview.json()["title"] == "关于防汛工作情况的汇报"


def test_imported_string_items_fill_their_text_field(web_client: TestClient) -> None:
    facts = {
        "kind": "situation_report",
        "unit": {"name": "东坪镇人民政府"},
        "topic": "森林防火",
        "next_steps": ["加密巡查频次", {"heading": "备足物资", "text": "补充灭火器材"}],
    }
    html = web_client.post("/web/fields", json=facts).text
    assert re.search(r'id="f-next_steps\[0\]\.text"[^>]*>加密巡查频次<', html) or re.search(
        r'id="f-next_steps\[0\]\.text"[^>]*value="加密巡查频次"', html
    )
    assert "补充灭火器材" in html


@pytest.mark.parametrize(
    ("unit", "reference"),
    [
        ("青禾县应急管理局", "我局"),
        ("南湖街道办事处", "我街道"),
        ("市第三中学", "我校"),
        ("东坪镇人民政府", "我镇"),
        ("青禾县人民政府", "我县"),
        ("县发展和改革委员会", "我委"),
        ("市政府办公室", "我办"),
        ("县疾病预防控制中心", "我中心"),
        ("县人民医院", "我院"),
        ("青山村村民委员会", "我村"),
        ("东坪镇", "我镇"),
        ("青禾水务有限公司", "我公司"),
        ("防汛抗旱", ""),
    ],
)
def test_the_self_reference_is_suggested_from_the_unit_name(unit: str, reference: str) -> None:
    from huibao.web_words import self_reference_for

    assert self_reference_for(unit) == reference


def test_the_form_offers_the_self_reference_only_while_it_is_empty(web_client: TestClient) -> None:
    offered = web_client.post("/web/facts", data={
        "kind": "situation_report", "unit.name": "青禾县应急管理局"})
    assert offered.json()["suggestions"] == {"unit.self_reference": "我局"}
    filled = web_client.post("/web/facts", data={
        "kind": "situation_report", "unit.name": "青禾县应急管理局", "unit.self_reference": "本局"})
    assert filled.json()["suggestions"] == {}
