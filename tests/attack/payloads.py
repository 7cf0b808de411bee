"""Hostile requests from the issue-10 attack run, each with the statuses it may honestly get."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from huibao.convert.options import MAX_KEEP_TERMS

ROOT = Path(__file__).resolve().parents[2]
SMALL = json.loads((ROOT / "samples" / "situation_report_small.json").read_text("utf-8"))
JSON = {"Content-Type": "application/json"}


@dataclass(frozen=True)
class Attack:
    """One request: method, path, body, headers, and the statuses that count as handled."""

    name: str
    path: str
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    allowed: frozenset[int] = frozenset({200, 400, 413, 415, 422})
    method: str = "POST"


def _json(name: str, path: str, value: object, allowed: set[int] | None = None) -> Attack:
    body = json.dumps(value, ensure_ascii=False).encode("utf-8")
    return Attack(name, path, body, JSON, frozenset(allowed or {200, 400, 413, 415, 422}))


def _facts(**changes: object) -> dict[str, object]:
    facts = copy.deepcopy(SMALL)
    facts.update(changes)
    return facts


def _multipart(fields: dict[str, str], filename: str, data: bytes) -> tuple[bytes, dict[str, str]]:
    boundary = "huibao-attack-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        f"Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def _tiny_paragraph_docx(paragraphs: int) -> bytes:
    body = b"".join(b"<w:p><w:r><w:t>%d</w:t></w:r></w:p>" % i for i in range(paragraphs))
    document = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>" + body + b"</w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        zf.writestr("word/document.xml", document)
    return buf.getvalue()


def attacks() -> list[Attack]:
    """Return every attack of the suite (deterministic: the same bytes every run)."""
    out = [
        _json("check: 30,000 full-width digits", "/api/check", {"text": "１" * 30_000}),
        _json("check: 60,000 spaces between letters", "/api/check", {"text": "a" + " " * 60_000 + "b"}),
        _json("check: mixed scripts, 30 KB", "/api/check", {"text": "關于干部發展的報告，后來" * 2_500}),
        _json("check: 300 KB of placeholders", "/api/check", {"text": "XX月XX日，××处【】。" * 25_000}),
        _json("check: mojibake runs", "/api/check", {"text": "鍏充簬鍔犲己宸ヤ綔" * 4_000}),
        _json("report: a measure of 19,990 spaces", "/api/reports?format=txt",
              _facts(measures=[{"text": "a" + " " * 19_990 + "b"}])),
        _json("report: 19,990 full-width digits", "/api/reports?format=docx",
              _facts(measures=[{"text": "１" * 19_990}])),
        _json("report: 15,000 line breaks", "/api/reports?format=md",
              _facts(measures=[{"text": "甲\n \r\n" * 5_000}])),
        _json("report: as_of with a time zone", "/api/reports?format=txt",
              _facts(as_of="2026-05-18T17:00:00+02:00")),
        _json("report: as_of Z", "/api/reports/preview", _facts(as_of="2026-05-18T09:00:00Z")),
        _json("report: as_of as a bare number", "/api/reports/preview", _facts(as_of="20200210")),
        _json("report: as_of as a JSON number", "/api/reports/preview", _facts(as_of=20200210)),
        _json("report: U+FFFE and U+FFFF in docx", "/api/reports?format=docx",
              _facts(topic="汛前\ufffe隐患\uffff排查")),
        _json("report: rate that overflows", "/api/reports/preview", _facts(
            counts=[{"label": "甲", "value": 1e300, "measure": "个", "id": "a"},
                    {"label": "乙", "value": 1e-300, "measure": "个", "id": "b"}],
            rates=[{"label": "比率", "numerator": "a", "denominator": "b"}])),
        _json("report: 1,001 measures", "/api/reports/preview",
              _facts(measures=[{"text": "落实"}] * 1001)),
        _json("batch: time-zone as_of", "/api/reports/batch?format=txt",
              {"reports": [_facts(as_of="2026-05-18T17:00Z")]}),
        _json("convert: regional vocabulary, 15 KB line", "/api/convert",
              {"text": "信息软件网络数据" * 2_000, "to": "zh-Hant-TW", "regional_vocabulary": True}),
        _json("convert: the most keep terms allowed", "/api/convert",
              {"text": "余志刚主任发展" * 2000, "to": "zh-Hant",
               "keep": [f"名{i}" for i in range(MAX_KEEP_TERMS)]}),
        _json("convert: 100,000 keep terms", "/api/convert",
              {"text": "发展", "to": "zh-Hant", "keep": [f"名{i}" for i in range(100_000)]}),
        _json("check: markdown as a string", "/api/check", {"text": "# 标题", "markdown": "false"}),
        Attack("check: text/plain JSON", "/api/check", b'{"text": "XX"}', {"Content-Type": "text/plain"}),
        _json("web: 5,000 imported rows", "/web/fields",
              {"kind": "situation_report", "counts": [{"label": "a", "value": 1}] * 5000}),
    ]
    near_limit = "截至月日，共排查XX处隐患，××名。" * 50_000  # 900,000 characters, 100,000 findings
    out.append(_json("check: 900,000 characters just under the limit", "/api/check", {"text": near_limit}))
    out.append(_json("report: 100 measures of 2,000 characters", "/api/reports?format=docx",
                     _facts(measures=[{"text": "落实责任，" * 400}] * 100)))
    big = json.dumps({"text": "截至月日，共排查XX处隐患。" * 150_000}, ensure_ascii=False).encode()
    out.append(Attack("check: 4 MB text", "/api/check", big, JSON))
    body, headers = _multipart({}, "tiny.docx", _tiny_paragraph_docx(300_000))
    out.append(Attack("check: .docx with 300,000 tiny paragraphs", "/api/check", body, headers))
    body, headers = _multipart({"to": "zh-Hant"}, "tiny.docx", _tiny_paragraph_docx(300_000))
    out.append(Attack("convert: .docx with 300,000 tiny paragraphs", "/api/convert", body, headers))
    web = "&".join([
        "kind=situation_report",
        "counts%5B" + "9" * 5000 + "%5D.label=x",
        "op=preview",
    ]).encode()
    out.append(Attack("web: list index of 5,000 digits", "/", web,
                      {"Content-Type": "application/x-www-form-urlencoded"}))
    return out
