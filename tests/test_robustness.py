"""Robustness: no input a user can send ends in a 500, a traceback, a hang or a wrong status.

Property-based (hypothesis, derandomized so CI is repeatable) over every JSON endpoint, plus one
regression test per bug found: multipart uploads, query parameters and methods, the CLI and the
plain-HTML form posts.
"""

from __future__ import annotations

import copy
import io
import json
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from huibao.check import checker
from huibao.cli import main

ROOT = Path(__file__).resolve().parent.parent
JSON = {"Content-Type": "application/json"}
SAMPLES = sorted((ROOT / "samples").glob("*.json"))
JSON_ENDPOINTS = [
    "/api/reports?format=txt",
    "/api/reports/preview",
    "/api/reports/batch?format=md",
    "/api/check",
    "/api/convert",
    "/api/detect",
    "/web/fields",
]
FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def assert_error_shape(response: Any) -> None:
    """A user error is a 4xx in the one error shape; anything else must not be a 5xx."""
    assert response.status_code < 500, response.text[:500]
    if response.status_code >= 400 and response.headers["content-type"].startswith(
        "application/json"
    ):
        body = response.json()
        assert body["ok"] is False and body["status"] == response.status_code
        assert body["errors"] and all(set(e) == {"field", "message"} for e in body["errors"])
        assert all(not e["message"].isascii() for e in body["errors"]), body  # Chinese


# --------------------------------------------------------------------------- JSON values

_text = st.lists(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\x00", "\x0b", "\u2028", "\ufeff", "{{", "}}", "{%", "&", "<w:p>", "XX"]),
    ),
    max_size=12,
).map("".join)
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    _text,
    st.sampled_from(["1e999999999", "NaN", "-0", "１２", "12,345", "2020-13-45", "zh-Hant", ""]),
)
json_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["text", "to", "kind", "reports", "counts", "x"]) | _text,
                      inner, max_size=4),
    max_leaves=12,
)


@pytest.mark.parametrize("endpoint", JSON_ENDPOINTS)
@FUZZ
@given(value=json_values)
def test_any_json_value_is_never_a_server_error(
    client: TestClient, endpoint: str, value: Any
) -> None:
    body = json.dumps(value, ensure_ascii=False).encode("utf-8")
    response = client.post(endpoint, content=body, headers={"content-type": "application/json"})
    assert_error_shape(response)


RAW_BODIES = {
    "lone_surrogate": b'{"text": "\\ud800", "to": "zh-Hant", "kind": "situation_report"}',
    "lone_low_surrogate_key": b'{"\\udc00": 1}',
    "nan_literal": b'{"text": NaN, "reports": [NaN]}',
    "huge_float": b'{"text": 1e400, "reports": [1e400]}',
    "deep_array": b"[" * 10000 + b"]" * 10000,
    "deep_object": b'{"a":' * 10000 + b"1" + b"}" * 10000,
    "int_5000_digits": b'{"text": 1' + b"0" * 5000 + b"}",
    "gbk": '{"text": "中文"}'.encode("gbk"),
    "utf16_bom": '{"text": "中文", "to": "zh-Hant"}'.encode("utf-16"),
    "truncated": b'{"text": "abc',
    "empty": b"",
    "blank": b"  \n ",
}


@pytest.mark.parametrize("endpoint", JSON_ENDPOINTS)
@pytest.mark.parametrize("name", sorted(RAW_BODIES))
def test_raw_json_bodies_are_client_errors(client: TestClient, endpoint: str, name: str) -> None:
    response = client.post(
        endpoint, content=RAW_BODIES[name], headers={"content-type": "application/json"}
    )
    assert_error_shape(response)


def test_lone_surrogate_names_its_field(client: TestClient) -> None:
    """Regression: a lone "\\ud800" escape reached the response encoder and gave a 500."""
    body = b'{"text": "ab\\ud800", "to": "zh-Hant"}'
    for endpoint in ("/api/check", "/api/convert"):
        response = client.post(endpoint, content=body, headers=JSON)
        assert response.status_code == 400
        assert response.json()["errors"][0]["field"] == "text"
    pair = client.post("/api/check", content=b'{"text": "\\ud83d\\ude00 XX"}', headers=JSON)  # a pair
    assert pair.status_code == 200 and pair.json()["text_length"] == len("😀 XX")


def test_deep_nesting_and_long_integers_are_400(client: TestClient) -> None:
    """Regression: RecursionError and int-digit ValueError from json.loads were 500s."""
    deep = client.post("/api/reports/preview", content=b"[" * 5000 + b"]" * 5000, headers=JSON)
    assert deep.status_code == 400 and "嵌套" in deep.json()["errors"][0]["message"]
    digits = client.post("/api/reports/preview", content=b'{"kind": 1' + b"0" * 5000 + b"}", headers=JSON)
    assert digits.status_code == 400 and "数字" in digits.json()["errors"][0]["message"]


# --------------------------------------------------------------------------- facts mutations


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path] if path else []
    if isinstance(value, dict):
        for key, sub in value.items():
            out.extend(_paths(sub, (*path, key)))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            out.extend(_paths(sub, (*path, i)))
    return out


_REPLACEMENTS = st.one_of(
    _scalars, st.just([]), st.just({}), st.just([[]]), st.just({"x": 1}), st.just("\ud800")
)


@st.composite
def mutated_facts(draw: st.DrawFn) -> tuple[str, Any]:
    """One sample with one field dropped, replaced or retyped."""
    sample = draw(st.sampled_from(SAMPLES))
    facts = json.loads(sample.read_text(encoding="utf-8"))
    path = draw(st.sampled_from(_paths(facts)))
    parent: Any = facts
    for step in path[:-1]:
        parent = parent[step]
    if draw(st.booleans()) and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = draw(_REPLACEMENTS)
    return sample.name, facts


@pytest.mark.parametrize(
    "endpoint", ["/api/reports?format=txt", "/api/reports/preview", "/api/reports/batch?format=txt"]
)
@FUZZ
@given(case=mutated_facts())
def test_mutated_samples_are_never_server_errors(
    client: TestClient, endpoint: str, case: tuple[str, Any]
) -> None:
    _name, facts = case
    payload = {"reports": [facts]} if "batch" in endpoint else facts
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass")
    assert_error_shape(client.post(endpoint, content=body, headers=JSON))


@pytest.mark.parametrize(
    "value", ["1e999999999", "1e-999999999", 1e300, "1" + "0" * 4000, 10**17, "0.00000000001"]
)
def test_absurd_magnitudes_are_422_not_a_hang(client: TestClient, value: Any) -> None:
    """Regression: 1e999999999 was written out digit by digit (a billion digits: a hang)."""
    facts = json.loads((ROOT / "samples" / "situation_report_small.json").read_text("utf-8"))
    facts["counts"][0]["value"] = value
    start = time.monotonic()
    response = client.post("/api/reports/preview", content=json.dumps(facts).encode(), headers=JSON)
    assert time.monotonic() - start < 5
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "counts[0].value"


def test_zero_with_huge_exponent_is_zero(client: TestClient) -> None:
    facts = json.loads((ROOT / "samples" / "situation_report_small.json").read_text("utf-8"))
    facts["counts"][0]["value"] = "0E-999999999"
    response = client.post("/api/reports/preview", content=json.dumps(facts).encode(), headers=JSON)
    assert response.status_code == 200


def test_too_many_list_items_is_422_not_500(client: TestClient) -> None:
    """Regression: 10 000 measures numbered past 九千九百九十九 raised ValueError (500)."""
    facts = json.loads((ROOT / "samples" / "situation_report_small.json").read_text("utf-8"))
    facts["measures"] = [{"heading": f"措施{i}"} for i in range(10000)]
    response = client.post("/api/reports/preview", content=json.dumps(facts).encode(), headers=JSON)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "measures"


def test_many_rates_are_not_quadratic(client: TestClient) -> None:
    """Regression: each rate rescanned every count; 6000 rates took half a minute."""
    facts = json.loads((ROOT / "samples" / "situation_report_small.json").read_text("utf-8"))
    facts["counts"] = [
        {"id": f"c{i}", "label": f"事项{i}", "value": i + 1, "breakdown": [{"label": "分", "value": 1}] * 20}
        for i in range(1000)
    ]
    facts["rates"] = [
        {"label": f"率{i}", "numerator": f"c{i}", "denominator": f"c{999 - i}"} for i in range(1000)
    ]
    start = time.monotonic()
    response = client.post("/api/reports/preview", content=json.dumps(facts).encode(), headers=JSON)
    assert response.status_code == 200
    assert time.monotonic() - start < 10


# --------------------------------------------------------------------------- checker speed


@pytest.mark.parametrize("unit", ["XX", "a-", "—", "--", "?", " ", "\t", "a@", "www."])
@pytest.mark.parametrize("markdown", [False, True])
def test_checker_is_linear_on_long_runs(unit: str, markdown: bool) -> None:
    """Regression: e-mail, dash-name, "??" and Markdown-table regexes backtracked quadratically
    ("XX" * 100 000 took 44 s, 40 000 blanks in Markdown 20 s)."""
    text = unit * (60000 // len(unit))
    start = time.monotonic()
    checker.check_text(text, markdown=markdown)
    assert time.monotonic() - start < 3


def test_checker_regex_rewrites_keep_their_matches() -> None:
    kinds = {f.kind for f in checker.check_text("请联系 someone@example.com 或访问 www.example.com。")}
    assert "letter_slot" not in kinds
    assert any(f.kind == "anonymised_name" for f in checker.check_text("来自——村的张某某。"))
    assert any(f.kind == "mojibake" for f in checker.check_text("会议???h纪要"))


# --------------------------------------------------------------------------- uploads


def _docx_bytes(text: str = "关于进一步规范干部管理XX") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rezip(data: bytes, replace: dict[str, bytes | None], extra: dict[str, bytes] | None = None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in source.infolist():
            content = replace.get(info.filename, source.read(info))
            if content is not None:
                zf.writestr(info.filename, content)
        for name, content in (extra or {}).items():
            zf.writestr(name, content)
    return out.getvalue()


def _declare_size(data: bytes, member: str, size: int) -> bytes:
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        name_length = struct.unpack("<H", out[at + 28 : at + 30])[0]
        if out[at + 46 : at + 46 + name_length] == member.encode():
            out[at + 24 : at + 28] = struct.pack("<I", size)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def _with_footnotes(data: bytes, xml: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    types = source.read("[Content_Types].xml").replace(
        b"</Types>",
        b'<Override PartName="/word/footnotes.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    rels = source.read("word/_rels/document.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    return _rezip(
        data,
        {"[Content_Types].xml": types, "word/_rels/document.xml.rels": rels},
        {"word/footnotes.xml": xml},
    )


GOOD = _docx_bytes()
_ENTITY_XML = (
    '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
)
_not_a_zip = io.BytesIO()
with zipfile.ZipFile(_not_a_zip, "w") as _zf:
    _zf.writestr("a.txt", "hello")
BAD_UPLOADS = {
    "ole_doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
    "png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
    "zip_not_docx": _not_a_zip.getvalue(),
    "huge_declared_size": _declare_size(GOOD, "word/document.xml", 0xFFFFFFF0),
    "lying_small_size": _declare_size(GOOD, "word/document.xml", 10),
    "truncated": GOOD[: len(GOOD) // 2],
    "document_invalid_xml": _rezip(GOOD, {"word/document.xml": b"<w:document><unclosed"}),
    "document_empty": _rezip(GOOD, {"word/document.xml": b""}),
    "content_types_invalid_xml": _rezip(GOOD, {"[Content_Types].xml": b"<<<"}),
    "content_types_wrong_root": _rezip(GOOD, {"[Content_Types].xml": b"<Types/>"}),
    "rels_invalid_xml": _rezip(GOOD, {"_rels/.rels": b"<<<"}),
    "styles_invalid_xml": _rezip(GOOD, {"word/styles.xml": b"<<<"}),
    "footnotes_invalid_xml": _with_footnotes(GOOD, b"<w:footnotes><<<"),
    "footnotes_empty": _with_footnotes(GOOD, b""),
    "doctype_utf8": _rezip(
        GOOD, {"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'}
    ),
    "doctype_utf16": _with_footnotes(GOOD, _ENTITY_XML.encode("utf-16")),
    "random": bytes(range(256)) * 8,
}


@pytest.mark.parametrize("endpoint", ["/api/check", "/api/convert"])
@pytest.mark.parametrize("name", sorted(BAD_UPLOADS))
@pytest.mark.parametrize("filename", ["draft.docx", "draft.txt"])
def test_bad_uploads_are_4xx(client: TestClient, endpoint: str, name: str, filename: str) -> None:
    response = client.post(
        endpoint, files={"file": (filename, BAD_UPLOADS[name])}, data={"to": "zh-Hant"}
    )
    assert 400 <= response.status_code < 500, (name, response.status_code, response.text[:300])
    assert_error_shape(response)


def test_invalid_xml_part_is_415_with_a_chinese_reason(client: TestClient) -> None:
    """Regression: lxml's XMLSyntaxError (and AttributeError for a wrong root) were 500s."""
    for name in ("document_invalid_xml", "content_types_wrong_root", "footnotes_invalid_xml"):
        response = client.post("/api/check", files={"file": ("a.docx", BAD_UPLOADS[name])})
        assert response.status_code == 415, name
        assert "损坏" in response.json()["errors"][0]["message"]


def test_utf16_entity_declaration_is_refused_like_utf8(client: TestClient) -> None:
    response = client.post("/api/check", files={"file": ("a.docx", BAD_UPLOADS["doctype_utf16"])})
    assert response.status_code == 400 and "实体" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    ("fields", "files", "field"),
    [
        ({"to": "zh-Hant"}, {"other": ("a.docx", GOOD)}, "file"),
        ({"to": "zh-Hant"}, {"file": ("a.docx", b"")}, "file"),
        ({"to": "zh-Hant", "file": "not a file"}, {"x": ("a", b"b")}, "file"),
        ({"to": "zh-hant"}, {"file": ("a.docx", GOOD)}, "to"),
        ({"to": ""}, {"file": ("a.docx", GOOD)}, "to"),
        ({"to": "zh-Hant", "from": "xx"}, {"file": ("a.docx", GOOD)}, "from"),
        ({"to": "zh-Hant", "repair": "maybe"}, {"file": ("a.docx", GOOD)}, "repair"),
        ({"to": "zh-Hant", "regional_vocabulary": "maybe"}, {"file": ("a.docx", GOOD)},
         "regional_vocabulary"),
    ],
)
def test_convert_upload_parameters(
    client: TestClient, fields: dict[str, str], files: dict[str, Any], field: str
) -> None:
    response = client.post("/api/convert", data=fields, files=files)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == field


@pytest.mark.parametrize(
    "encoded",
    ["截至月日时，累计排查XX人。".encode("gbk"), "截至月日时，累计排查XX人。".encode("utf-16"),
     "截至月日时，累计排查XX人。".encode("utf-16-be")[:0] + b"\xfe\xff" + "截至XX人".encode("utf-16-be")],
)
def test_non_utf8_text_uploads_are_read(client: TestClient, encoded: bytes) -> None:
    """Regression: UTF-16 with a BOM (Notepad's "Unicode") was refused as "not plain text"."""
    response = client.post("/api/check", files={"file": ("draft.txt", encoded)})
    assert response.status_code == 200
    assert "XX" in response.json()["text"]


@pytest.mark.parametrize(
    "headers",
    [
        {"content-type": "multipart/form-data"},
        {"content-type": "multipart/form-data; boundary=xyz"},
    ],
)
@pytest.mark.parametrize("endpoint", ["/api/check", "/api/convert", "/", "/web/facts"])
def test_malformed_multipart_is_a_chinese_400(
    client: TestClient, endpoint: str, headers: dict[str, str]
) -> None:
    """Regression: Starlette's English "Missing boundary in multipart." leaked into the shape."""
    response = client.post(endpoint, content=b"garbage", headers=headers)
    assert response.status_code == 400
    assert_error_shape(response)


def test_too_many_form_fields_is_a_chinese_400(client: TestClient) -> None:
    response = client.post("/web/facts", data={f"counts[{i}].label": "x" for i in range(1200)})
    assert response.status_code == 400
    assert "字段过多" in response.json()["errors"][0]["message"]


# --------------------------------------------------------------------------- params, methods


@pytest.mark.parametrize(
    ("url", "status", "field"),
    [
        ("/api/reports?format=xyz", 400, "format"),
        ("/api/reports?format=DOCX", 400, "format"),
        ("/api/reports?script=xx", 400, "script"),
        ("/api/reports/preview?script=zh-hant", 400, "script"),
        ("/api/reports/batch?script=xx", 400, "script"),
        ("/api/reports/batch?format=", 400, "format"),
    ],
)
def test_bad_query_parameters_name_the_parameter(
    client: TestClient, url: str, status: int, field: str
) -> None:
    """Regression: ?script=xx was reported on field "to" (and per report, as reports[i].to)."""
    facts = (ROOT / "samples" / "situation_report_small.json").read_bytes()
    body = b'{"reports": [' + facts + b"]}" if "batch" in url else facts
    response = client.post(url, content=body, headers=JSON)
    assert response.status_code == status
    assert [e["field"] for e in response.json()["errors"]] == [field]


@pytest.mark.parametrize("url", ["/api/reports?format=txt&format=docx", "/api/reports?script="])
def test_repeated_or_empty_parameters_are_not_errors(client: TestClient, url: str) -> None:
    body = (ROOT / "samples" / "situation_report_small.json").read_bytes()
    response = client.post(url, content=body, headers=JSON)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("accept", "status"),
    [("image/png", 406), ("garbage,,,;;", 406), ("text/plain;q=0.5", 200), ("", 200), ("*/*", 200)],
)
def test_accept_headers(client: TestClient, accept: str, status: int) -> None:
    response = client.post(
        "/api/reports",
        content=(ROOT / "samples" / "situation_report_small.json").read_bytes(),
        headers={**JSON, "accept": accept},
    )
    assert response.status_code == status
    assert_error_shape(response)


@pytest.mark.parametrize("path", ["/", "/convert", "/check", "/healthz", "/api/kinds", "/report.css"])
def test_head_answers_like_get_without_a_body(client: TestClient, path: str) -> None:
    """Regression: HEAD on every page and GET endpoint was 405."""
    get = client.get(path)
    head = client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "HEAD"])
def test_wrong_method_is_405_with_allow(client: TestClient, method: str) -> None:
    """Regression: the 405 dropped Starlette's Allow header."""
    response = client.request(method, "/api/reports")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    if method != "HEAD":
        assert_error_shape(response)


def test_options_is_405_in_the_error_shape(client: TestClient) -> None:
    response = client.options("/api/check")
    assert response.status_code == 405
    assert_error_shape(response)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_json_endpoints_refuse_bodies_a_cross_site_form_could_send(
    client: TestClient, content_type: str
) -> None:
    body = json.dumps({"text": "截至月日时，累计排查XX人。"}).encode()
    response = client.post("/api/check", content=body, headers={"content-type": content_type})
    assert response.status_code == 415
    assert_error_shape(response)


# --------------------------------------------------------------------------- web form posts


BASE_FORM = {"kind": "situation_report", "unit.name": "东坪镇", "topic": "防火",
             "counts[0].label": "巡查", "counts[0].value": "3"}


@pytest.mark.parametrize(
    "extra",
    [
        {"counts[999999].value": "5"},
        {"counts[99999999999999999999999999].value": "5"},
        {"counts[-1].value": "5"},
        {"a" + "[0]" * 5000: "x"},
        {"counts[0].value": "1" + "0" * 5000},
        {"rates[0].label": "率", "rates[0].numerator": "巡查", "rates[0].denominator": "巡查",
         "rates[0].digits": "9" * 5000},
        {"options.numbering_depth": "9" * 40},
        {"counts[0].value": "NaN"},
        {"as_of": "9999-99-99", "as_of#time": "25:61"},
        {"options.closing": "maybe"},
        {"op": "add:counts[999999999999].breakdown"},
        {"op": "remove:counts[99999999999999999999]"},
        {"op": "down:counts[-1]"},
        {"op": "up:unit.name"},
        {"op": "add:" + "a." * 500 + "b"},
        {"op": "frobnicate"},
        {"op": "import"},
    ],
)
@pytest.mark.parametrize("endpoint", ["/", "/web/facts", "/web/fields"])
def test_garbage_form_fields_are_not_server_errors(
    client: TestClient, endpoint: str, extra: dict[str, str]
) -> None:
    start = time.monotonic()
    response = client.post(endpoint, data={**BASE_FORM, **extra})
    assert time.monotonic() - start < 5
    assert response.status_code < 500, response.text[:300]


def test_deeply_nested_form_path_is_400_fast(client: TestClient) -> None:
    """Regression: counts[0].breakdown[0]… 300 deep recursed through the schema for 22 s and
    ended in RecursionError (500)."""
    name = "counts[0]" + ".breakdown[0]" * 300 + ".value"
    for endpoint in ("/", "/web/facts", "/web/fields"):
        start = time.monotonic()
        response = client.post(endpoint, data={**BASE_FORM, name: "1"})
        assert time.monotonic() - start < 5
        assert response.status_code == 400
        assert "层级过深" in response.json()["errors"][0]["message"]


def test_long_numbers_typed_in_the_form_are_kept_and_reported(client: TestClient) -> None:
    """Regression: int() of a 5000-digit typed number raised ValueError (500); now the value is
    kept as typed and the field gets an error."""
    response = client.post("/", data={**BASE_FORM, "counts[0].value": "1" + "0" * 5000})
    assert response.status_code == 422
    assert "1" + "0" * 5000 in response.text


@pytest.mark.parametrize(
    "data",
    [b"[" * 10000 + b"]" * 10000, b'{"kind": 1' + b"0" * 5000 + b"}",
     b'{"kind": "situation_report", "topic": "\\ud800"}'],
)
def test_form_import_of_hostile_json_is_400(client: TestClient, data: bytes) -> None:
    response = client.post("/", data={"op": "import"}, files={"_import": ("facts.json", data)})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")


# --------------------------------------------------------------------------- CLI


def _cli(tmp_path: Path, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "huibao", *args],
        input=stdin,
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )


@pytest.fixture(scope="module")
def cli_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.dat").write_bytes(bytes(range(256)) * 10)
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (folder / "deep.json").write_bytes(b"[" * 100000 + b"]" * 100000)
    (folder / "digits.json").write_bytes(b'{"kind": 1' + b"0" * 5000 + b"}")
    (folder / "surrogate.json").write_bytes(
        b'{"kind": "situation_report", "unit": {"name": "\\ud800"}, "topic": "t"}'
    )
    (folder / "broken.docx").write_bytes(BAD_UPLOADS["document_invalid_xml"])
    (folder / "dir").mkdir()
    return folder


CLI_CASES = [
    ("render", ["render", "dir"]),
    ("render", ["render", "missing.json"]),
    ("render", ["render", "empty.txt"]),
    ("render", ["render", "binary.dat"]),
    ("render", ["render", "deep.json"]),
    ("render", ["render", "digits.json"]),
    ("render", ["render", "surrogate.json"]),
    ("render", ["render", "-"]),
    ("render", ["render", str(ROOT / "samples" / "speech.json"), "-f", "xyz"]),
    ("render", ["render", str(ROOT / "samples" / "speech.json"), "--script", "xx"]),
    ("check", ["check", "dir"]),
    ("check", ["check", "missing.txt"]),
    ("check", ["check", "empty.txt"]),
    ("check", ["check", "binary.dat"]),
    ("check", ["check", "old.doc"]),
    ("check", ["check", "broken.docx"]),
    ("check", ["check", "-"]),
    ("convert", ["convert", "dir", "--to", "zh-Hant"]),
    ("convert", ["convert", "empty.txt", "--to", "zh-Hant"]),
    ("convert", ["convert", "binary.dat", "--to", "zh-Hant"]),
    ("convert", ["convert", "broken.docx", "--to", "zh-Hant"]),
    ("convert", ["convert", "-", "--to", "zh-Hant"]),
    ("convert", ["convert", "empty.txt", "--to", "xx"]),
    ("convert", ["convert", "empty.txt"]),
    ("detect", ["detect", "dir"]),
    ("detect", ["detect", "empty.txt"]),
    ("detect", ["detect", "binary.dat"]),
    ("detect", ["detect", "broken.docx"]),
    ("detect", ["detect", "-"]),
    ("usage", ["bogus"]),
    ("usage", ["render"]),
    ("usage", ["render", "x.json", "--format"]),
    ("usage", ["render", "x.json", "--bogus"]),
    ("usage", ["serve", "--port", "abc"]),
]


@pytest.mark.parametrize(("_sub", "args"), CLI_CASES, ids=[" ".join(a) for _, a in CLI_CASES])
def test_cli_bad_input_is_one_chinese_line_and_exit_2(
    cli_files: Path, _sub: str, args: list[str]
) -> None:
    proc = _cli(cli_files, *args)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    assert not err.isascii(), err


def test_cli_script_error_names_script(cli_files: Path) -> None:
    proc = _cli(cli_files, "render", str(ROOT / "samples" / "speech.json"), "--script", "xx")
    assert "script: " in proc.stderr.decode()


def test_cli_reads_utf16_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes("截至月日时，累计排查XX人。".encode("utf-16"))
    assert main(["check", str(path)]) == 1
    assert "XX" in capsys.readouterr().out


def test_cli_input_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    """Regression: /dev/zero (or an endless pipe) was read into memory without end."""
    monkeypatch.setenv("HUIBAO_MAX_UPLOAD_MB", "1")
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (1024 * 1024 + 1))
    assert main(["check", str(path)]) == 2
    assert "文件过大" in capsys.readouterr().err


def test_mutated_sample_via_cli_never_tracebacks(tmp_path: Path) -> None:
    facts = json.loads((ROOT / "samples" / "situation_report_rich.json").read_text("utf-8"))
    broken = copy.deepcopy(facts)
    broken["counts"][0]["value"] = "1e999999999"
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    proc = _cli(tmp_path, "render", str(path), "-f", "txt")
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert "counts[0].value" in proc.stderr.decode()
