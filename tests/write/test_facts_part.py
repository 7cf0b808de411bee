"""Every .docx huibao writes carries its facts (a versioned custom XML item); importing it gives
back exactly those facts, and paragraphs an office changed afterwards are listed."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
import pytest

from huibao import core
from huibao.errors import UnsupportedMedia
from huibao.ooxml import facts_part
from huibao.reportimport import import_file
from tests.conftest import SAMPLES, load_sample
from tests.docx_parts import replace_part

SAMPLE_NAMES = sorted(p.stem for p in SAMPLES.glob("*.json"))


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_every_sample_docx_gives_back_exactly_its_facts(sample: str) -> None:
    facts = load_sample(sample)
    result = import_file(core.render(facts, "docx").content)
    assert result.source == "facts"
    assert result.facts == {**facts, "kind": facts["kind"]}
    assert result.unplaced == []  # nothing changed since it was written
    assert result.sections == []


@pytest.mark.parametrize("script", ["zh-Hant", "zh-Hant-TW", "zh-Hant-HK"])
def test_the_script_a_request_chose_is_kept_with_the_facts(script: str) -> None:
    facts = load_sample("situation_report_small")
    result = import_file(core.render(facts, "docx", script=script).content)
    assert result.facts["script"] == script
    assert result.unplaced == []  # the facts compose to the traditional text the file holds
    again = core.render(result.facts, "txt").content
    assert again == core.render(facts, "txt", script=script).content


def test_text_needing_xml_escapes_survives_the_round_trip() -> None:
    facts = load_sample("situation_report_small")
    facts["topic"] = "A&B<防汛>“备汛”]]>"
    data = core.render(facts, "docx").content
    assert import_file(data).facts["topic"] == "A&B<防汛>“备汛”]]>"


def test_paragraphs_edited_in_word_are_listed_and_the_facts_kept() -> None:
    facts = load_sample("situation_report_small")
    document = docx.Document(io.BytesIO(core.render(facts, "docx").content))
    body = [p for p in document.paragraphs if len(p.text) > 30]
    body[0].runs[0].text = "这一段由办公室在 Word 中改写过。"
    for run in body[0].runs[1:]:
        run.text = ""
    saved = io.BytesIO()
    document.save(saved)  # python-docx keeps custom XML items, as Word and WPS do
    result = import_file(saved.getvalue())
    assert result.source == "facts"
    assert result.facts == facts
    assert result.unplaced == ["这一段由办公室在 Word 中改写过。"]


def test_a_docx_huibao_did_not_write_is_read_from_its_text() -> None:
    document = docx.Document()
    document.add_paragraph("关于防汛工作情况的汇报")
    document.add_paragraph("县防汛抗旱指挥部：")
    document.add_paragraph("我局累计转移群众1260人。")
    saved = io.BytesIO()
    document.save(saved)
    result = import_file(saved.getvalue())
    assert result.source == "text"
    assert result.facts["counts"][0]["value"] == 1260


def facts_item(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return next(n for n in zf.namelist() if n.startswith("customXml/item") and "Props" not in n)


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (f'<facts xmlns="{facts_part.NS}" version="2">{{}}</facts>', "更新版本"),
        (f'<facts xmlns="{facts_part.NS}" version="1">{{"kind": </facts>', "已损坏"),
        (f'<facts xmlns="{facts_part.NS}" version="1">[1, 2]</facts>', "已损坏"),
        (f'<facts xmlns="{facts_part.NS}" version="1">{"[" * 5000}</facts>', "已损坏"),
        (f'<facts xmlns="{facts_part.NS}">{{}}</facts>', "已损坏"),
        (f'<facts xmlns="{facts_part.NS}" version="1"><unclosed></facts>', "已损坏"),
    ],
)
def test_a_damaged_or_newer_facts_item_is_refused_in_chinese(item: str, message: str) -> None:
    data = core.render(load_sample("situation_report_small"), "docx").content
    with pytest.raises(UnsupportedMedia, match=message):
        import_file(replace_part(data, facts_item(data), item.encode("utf-8")))


def test_an_empty_facts_item_means_read_the_text() -> None:
    data = core.render(load_sample("situation_report_small"), "docx").content
    empty = f'<facts xmlns="{facts_part.NS}" version="1"></facts>'.encode()
    assert import_file(replace_part(data, facts_item(data), empty)).source == "text"


def test_item_parts_are_declared_in_the_package(rich: dict[str, Any]) -> None:
    data = core.render(rich, "docx").content
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        rels = zf.read("word/_rels/document.xml.rels").decode()
        types = zf.read("[Content_Types].xml").decode()
    assert 'relationships/customXml" Target="../customXml/item1.xml"' in rels
    assert 'PartName="/customXml/itemProps1.xml"' in types and facts_part.PROPS_TYPE in types
    # python-docx (like Word) sees the item as a part related to the main document
    package = docx.Document(io.BytesIO(data)).part.package
    assert any(str(p.partname) == "/customXml/item1.xml" for p in package.iter_parts())


def test_the_api_import_reports_where_the_facts_came_from(client: Any) -> None:
    facts = load_sample("work_brief")
    data = core.render(facts, "docx").content
    media = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    files = {"file": ("简报.docx", data, media)}
    answer = client.post("/api/import", files=files)
    assert answer.status_code == 200, answer.text
    assert answer.json()["source"] == "facts" and answer.json()["facts"] == facts


@pytest.mark.parametrize("script", ["zh-Hant-TW", "zh-Hant-HK"])
def test_a_converted_docx_still_gives_back_facts_that_compose_to_its_text(script: str) -> None:
    from huibao.convert.converter import convert_docx
    from huibao.convert.options import ConversionOptions
    from huibao.scripts import Script

    facts = load_sample("situation_report_small")
    converted, _ = convert_docx(core.render(facts, "docx").content, ConversionOptions(Script(script)))
    result = import_file(converted)
    assert result.source == "facts"
    assert result.facts == {**facts, "script": script}
    assert result.unplaced == []
