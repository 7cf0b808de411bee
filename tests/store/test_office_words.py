"""An office's keep words and glossary additions join every conversion of its documents."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest

from huibao.convert.converter import convert_text
from huibao.convert.glossary import office_pairs
from huibao.convert.options import ConversionOptions
from huibao.scripts import Script
from huibao.store.db import Store
from huibao.store.inputs import OfficePatch
from huibao.store.models import Office
from huibao.store.offices import update_office

TEXT = "到干河村调研信息化建设，余华主任说"
GLOSSARY = [{"simplified": "信息", "traditional": "資訊"}]


@pytest.mark.parametrize(
    ("target", "keep", "glossary", "expected"),
    [
        # without the office's words: OpenCC's reading
        (Script.HANT, (), (), "到幹河村調研信息化建設，余華主任說"),
        # a keep word is converted whole, as given where both scripts agree
        (Script.HANT, ("干河村",), (), "到干河村調研信息化建設，余華主任說"),
        # a glossary addition is written exactly as given, in every traditional script
        (Script.HANT, (), (("信息", "資訊"),), "到幹河村調研資訊化建設，余華主任說"),
        (Script.HANT_TW, ("干河村",), (("信息", "資訊"),), "到干河村調研資訊化建設，余華主任說"),
        (Script.HANT_HK, (), (("信息", "資訊"),), "到幹河村調研資訊化建設，余華主任説"),
        # the glossary wins over a keep word for the same term
        (Script.HANT, ("信息",), (("信息", "資訊"),), "到幹河村調研資訊化建設，余華主任說"),
    ],
)
def test_office_words_enter_conversion_through_the_options(
    target: Script, keep: tuple[str, ...], glossary: tuple[tuple[str, str], ...], expected: str
) -> None:
    options = ConversionOptions(target, Script.HANS).with_words(keep, glossary)
    assert convert_text(TEXT, options).text == expected


def test_the_glossary_is_not_applied_towards_simplified() -> None:
    options = ConversionOptions(Script.HANS, Script.HANT).with_words((), (("信息", "資訊"),))
    assert convert_text("調研信息化建設", options).text == "调研信息化建设"


def test_stored_glossary_entries_become_pairs_with_the_last_entry_winning() -> None:
    entries = [{"simplified": "信息", "traditional": "信息"}, {"simplified": " 信息 ", "traditional": "資訊"},
               {"simplified": "", "traditional": "空"}]
    assert office_pairs(entries) == (("信息", "資訊"),)


def test_options_without_office_words_are_the_same_object() -> None:
    options = ConversionOptions(Script.HANT)
    assert options.with_words() is options


@pytest.fixture
def worded(client: Any, store: Store, office: Office) -> Any:
    """The API client, the office (keep 干河村) given a glossary addition 信息 → 資訊."""
    with store.write() as s:
        update_office(s, office.id, OfficePatch.model_validate({"glossary": GLOSSARY}))
    return client


REPORT: dict[str, Any] = {
    "kind": "situation_report", "topic": "信息化建设", "signed_on": "2026-03-06",
    "counts": [{"label": "走访干河村农户", "value": 14, "measure": "户"}],
}


def test_a_stored_document_rendered_in_traditional_uses_its_offices_words(
    worded: Any, office: Office
) -> None:
    doc = worded.post("/api/documents", json={"office_id": office.id, "facts": REPORT}).json()["document"]
    doc["facts"]["script"] = "zh-Hant"
    worded.put(f"/api/documents/{doc['id']}", json={"facts": doc["facts"], "version": 1})
    text = worded.get(f"/api/documents/{doc['id']}/render?format=txt").text
    assert "資訊化建設" in text and "干河村" in text and "幹河村" not in text


def test_a_report_naming_its_office_uses_its_words(worded: Any) -> None:
    body = dict(REPORT, office="青禾县应急管理局", script="zh-Hant-TW")
    text = worded.post("/api/reports?format=txt", json=body).text
    assert "資訊化建設" in text and "干河村" in text
    unnamed = dict(body, office=None, unit={"name": "青禾县应急管理局"})
    plain = worded.post("/api/reports?format=txt", json=unnamed)
    assert "信息化建設" in plain.text and "幹河村" in plain.text


def test_the_convert_api_takes_an_office(worded: Any, office: Office) -> None:
    body = {"text": TEXT, "to": "zh-Hant"}
    assert worded.post("/api/convert", json=body).json()["text"] == "到幹河村調研信息化建設，余華主任說"
    for ref in ("青禾县应急管理局", office.id):
        r = worded.post("/api/convert", json=dict(body, office=ref))
        assert r.json()["text"] == "到干河村調研資訊化建設，余華主任說"
    r = worded.post("/api/convert", json=dict(body, office="东坪镇"))
    assert r.status_code == 404 and r.json()["errors"][0]["field"] == "office"


def test_the_convert_api_takes_an_office_with_a_docx(worded: Any) -> None:
    source = docx.Document()
    source.add_paragraph(TEXT)
    buffer = io.BytesIO()
    source.save(buffer)
    files = {"file": ("a.docx", buffer.getvalue(),
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document")}
    r = worded.post("/api/convert", files=files, data={"to": "zh-Hant", "office": "青禾县应急管理局"})
    assert r.status_code == 200, r.text
    converted = docx.Document(io.BytesIO(r.content))
    assert converted.paragraphs[0].text == "到干河村調研資訊化建設，余華主任說"
