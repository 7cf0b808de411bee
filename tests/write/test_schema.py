"""Every part of every sample's .docx validates against the ECMA-376 (transitional) schemas."""

from __future__ import annotations

import io
import zipfile
from functools import cache
from typing import Any

import pytest
from lxml import etree

from huibao.write import template
from tests.write.docx_helpers import ROOT, SAMPLES, compose_sample, render

SCHEMAS = ROOT / "tests" / "data" / "ecma376"


@cache
def schema(name: str) -> Any:
    path = SCHEMAS / f"{name}.xsd" if name != "huibao-facts" else SCHEMAS.parent / "huibao-facts.xsd"
    return etree.XMLSchema(etree.parse(str(path)))


def schema_for(part: str) -> str:
    if part == "[Content_Types].xml":
        return "opc-contentTypes"
    if part.endswith(".rels"):
        return "opc-relationships"
    if part == "docProps/core.xml":
        return "opc-coreProperties"
    if part == "docProps/app.xml":
        return "shared-documentPropertiesExtended"
    if part.startswith("customXml/itemProps"):
        return "shared-customXmlDataProperties"
    if part.startswith("customXml/item"):
        return "huibao-facts"
    return "wml"


def problems(data: bytes) -> dict[str, list[str]]:
    """Return the schema errors of each part of the package ``data`` (empty when valid)."""
    found: dict[str, list[str]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            xsd = schema(schema_for(name))
            if not xsd.validate(etree.fromstring(zf.read(name))):
                found[name] = [f"{e.line}: {e.message}" for e in xsd.error_log][:5]
    return found


@pytest.mark.parametrize("script", ["zh-Hans", "zh-Hant-TW"])
@pytest.mark.parametrize("sample", SAMPLES)
def test_sample_docx_parts_validate_against_the_schemas(sample: str, script: str) -> None:
    document = compose_sample(sample)
    document.script = script
    assert problems(render(document)) == {}


def test_layout_template_validates_against_the_schemas(tmp_path: Any) -> None:
    data = template.build_layout(tmp_path / "layout.docx").read_bytes()
    assert problems(data) == {}


def test_an_element_out_of_sequence_is_caught() -> None:
    bad = (
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:style w:type="paragraph" w:styleId="X"><w:name w:val="X"/>'
        '<w:pPr><w:jc w:val="both"/><w:ind w:firstLine="640"/></w:pPr></w:style></w:styles>'
    )
    assert not schema("wml").validate(etree.fromstring(bad))
