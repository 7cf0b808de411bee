"""The layout template is compiled once, recompiled when its file changes, and an office's own
template (restyled in Word, docxtpl placeholders in its footer) keeps working."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest

from huibao.compose.tree import Block, Document, Role
from huibao.errors import ConfigError
from huibao.ooxml.schema import out_of_order
from huibao.write import docx as docx_writer
from huibao.write import template
from tests.write.docx_helpers import NS, compose_sample, parts, render, w

REPORT = Document(
    "situation_report",
    "关于秋季森林防火工作情况的汇报",
    [
        Block(Role.TITLE, "关于秋季森林防火工作情况的汇报"),
        Block(Role.BODY, "正文。"),
        Block(Role.SIGNATURE, "东坪镇人民政府"),
        Block(Role.DATE, "2026年1月21日"),
    ],
)


def office_template(path: Path, body: str = "{{p body }}", footer: str = "{{ unit }}·{{ title }}") -> Path:
    """Write a template the way an office makes one: Word's default document (theme,
    stylesWithEffects, thumbnail, bibliography …), a body marker and placeholders in the footer."""
    document = docx.Document()
    document.add_paragraph(body)
    document.sections[0].footer.paragraphs[0].text = footer
    document.save(str(path))
    return path


@pytest.fixture
def use_template(monkeypatch: pytest.MonkeyPatch) -> Any:
    def use(path: Path) -> None:
        monkeypatch.setenv("HUIBAO_DOCX_TEMPLATE", str(path))

    return use


def test_template_is_compiled_once_per_process() -> None:
    first = docx_writer.compiled()
    render(REPORT)
    render(REPORT)
    assert docx_writer.compiled() is first


def test_template_is_recompiled_when_its_file_changes(tmp_path: Path, use_template: Any) -> None:
    path = template.build_layout(tmp_path / "layout.docx")
    use_template(path)
    first = docx_writer.compiled()
    office_template(path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert docx_writer.compiled() is not first
    assert "东坪镇人民政府" in "".join(parts(render(REPORT))["word/footer1.xml"].itertext())


def test_office_template_placeholders_in_footer_are_filled_and_escaped(
    tmp_path: Path, use_template: Any
) -> None:
    use_template(office_template(tmp_path / "office.docx"))
    report = Document(REPORT.kind, "A&B<标题>", list(REPORT.blocks))
    footer = parts(render(report))["word/footer1.xml"]
    assert "".join(footer.itertext()) == "东坪镇人民政府·A&B<标题>"


def test_office_template_loses_leftovers_and_gains_font_entries(tmp_path: Path, use_template: Any) -> None:
    use_template(office_template(tmp_path / "office.docx"))
    data = render(compose_sample("situation_report_small"))
    names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    assert not {n for n in names if "stylesWithEffects" in n or "thumbnail" in n}
    # the template's empty bibliography is gone; the only custom XML item left is the facts
    items = {n for n in names if n.startswith("customXml/")}
    assert items == {"customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels"}
    assert b"urn:huibao:facts" in zipfile.ZipFile(io.BytesIO(data)).read("customXml/item1.xml")
    found = parts(data)
    assert {name: out_of_order(root) for name, root in found.items() if out_of_order(root)} == {}
    lang = found["word/styles.xml"].find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("eastAsia")) == "zh-CN"
    app = "".join(found["docProps/app.xml"].itertext())
    assert "Macintosh" not in app and "huibao" in app
    reopened = docx.Document(io.BytesIO(data))
    assert reopened.paragraphs[0].style.name == "Title"
    assert reopened.core_properties.author == reopened.paragraphs[-2].text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("正文写在这里", "缺少正文占位段落"),
        ("前言{{ body }}后记", "缺少正文占位段落"),
    ],
)
def test_template_without_body_paragraph_is_refused_in_chinese(
    tmp_path: Path, use_template: Any, body: str, message: str
) -> None:
    use_template(office_template(tmp_path / "office.docx", body=body))
    with pytest.raises(ConfigError, match=message):
        docx_writer.check_layout_template()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "版式模板不存在"),
        (b"not a zip", "无法读取"),
        ("{% if unit %}{{ unit }}", "占位符有误"),
        (b"PK\x05\x06" + b"\0" * 18, "已损坏"),  # an empty zip: no document.xml
    ],
)
def test_unusable_template_is_refused_in_chinese(
    tmp_path: Path, use_template: Any, content: bytes | str | None, message: str
) -> None:
    path = tmp_path / "office.docx"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        office_template(path, footer=content)
    use_template(path)
    with pytest.raises(ConfigError, match=message):
        docx_writer.check_layout_template()


def test_template_with_other_namespace_prefixes_is_refused(tmp_path: Path, use_template: Any) -> None:
    path = template.build_layout(tmp_path / "layout.docx")
    source = zipfile.ZipFile(path)
    foreign = tmp_path / "foreign.docx"
    with zipfile.ZipFile(foreign, "w") as zf:
        for name in source.namelist():
            content = source.read(name)
            if name == "word/document.xml":
                content = content.replace(b"<w:", b"<x:").replace(b"</w:", b"</x:")
                content = content.replace(b" w:", b" x:").replace(b"xmlns:w=", b"xmlns:x=")
            zf.writestr(name, content)
    use_template(foreign)
    with pytest.raises(ConfigError, match="严格 Open XML"):
        docx_writer.check_layout_template()


def test_bundled_template_compiles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HUIBAO_DOCX_TEMPLATE", raising=False)
    docx_writer.check_layout_template()
    assert docx_writer.compiled().style_ids["h2"] == "Heading2"
