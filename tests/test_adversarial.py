"""Hostile or unusual text in every text field shows literally in every format."""

from __future__ import annotations

import html
import io
import re
import zipfile
from typing import Any

import docx
import pytest

from huibao import core

PAYLOADS = {
    "jinja": "{{ 7*7 }}",
    "jinja_raw": "{% raw %}",
    "xml": "&<w:p>",
    "emoji": "😀🚒",
    "traditional": "關於進一步規範幹部管理",
    "markdown": "*强调*_下划_[链接](x)",
}


def facts_with(payload: str) -> dict[str, Any]:
    return {
        "kind": "situation_report",
        "title": f"标题{payload}",
        "unit": {"name": f"单位{payload}", "self_reference": f"自称{payload}"},
        "recipient": f"主送{payload}",
        "topic": f"主题{payload}",
        "basis": f"依据{payload}",
        "overview": f"概述{payload}",
        "counts": [{"label": f"事项{payload}", "value": 3, "measure": "人", "note": f"备注{payload}"}],
        "measures": [{"heading": f"措施{payload}", "text": f"做法{payload}"}],
        "problems": [f"问题{payload}"],
        "next_steps": [{"heading": f"打算{payload}", "text": f"内容{payload}"}],
        "signature": f"落款{payload}",
    }


FIELDS = [
    "标题",
    "自称",
    "主题",
    "主送",
    "依据",
    "概述",
    "事项",
    "备注",
    "措施",
    "做法",
    "问题",
    "打算",
    "内容",
    "落款",
]


def visible_text(fmt: str, content: bytes) -> str:
    if fmt == "docx":
        document = docx.Document(io.BytesIO(content))
        return "\n".join(p.text for p in document.paragraphs) + "\n" + (document.core_properties.title or "")
    text = content.decode("utf-8")
    if fmt == "html":
        return html.unescape(re.sub(r"<[^>]+>", "", text))
    if fmt == "md":
        return re.sub(r"\\(.)", r"\1", text)
    return text


@pytest.mark.parametrize("fmt", ["docx", "txt", "html", "md"])
@pytest.mark.parametrize("name", list(PAYLOADS))
def test_payload_appears_literally_in_every_field(fmt: str, name: str) -> None:
    payload = PAYLOADS[name]
    out = core.render(facts_with(payload), fmt)
    text = visible_text(fmt, out.content)
    for field in FIELDS:
        assert f"{field}{payload}" in text, (field, fmt)
    assert "49" not in text


def test_docx_with_payloads_is_a_valid_package() -> None:
    out = core.render(facts_with("".join(PAYLOADS.values())), "docx")
    with zipfile.ZipFile(io.BytesIO(out.content)) as zf:
        assert zf.testzip() is None
        body = zf.read("word/document.xml").decode("utf-8")
    assert "&amp;&lt;w:p&gt;" in body
    assert "<w:p>&" not in body


@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_ten_thousand_character_paragraph(fmt: str) -> None:
    data = facts_with("")
    long_text = "坚持问题导向" * 1667
    data["measures"][0]["text"] = long_text
    text = visible_text(fmt, core.render(data, fmt).content)
    assert long_text in text


def test_control_characters_are_dropped_not_rendered() -> None:
    data = facts_with("")
    data["overview"] = "概述\x00\x07\x1b内容"
    out = core.render(data, "docx")
    assert "概述内容" in visible_text("docx", out.content)
