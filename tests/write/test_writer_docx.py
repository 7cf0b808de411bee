"""The .docx writer, checked by reopening the file with python-docx: layout, styles, fonts."""

from __future__ import annotations

import io
import itertools
from typing import Any

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from huibao import ooxml
from huibao.compose.composer import compose
from huibao.compose.kinds import get_kind, parse_facts
from huibao.write import docx as docx_writer
from huibao.write import layout


def render_docx(data: dict[str, Any]) -> DocxDocument:
    facts = parse_facts(data)
    kind = get_kind(facts.kind)
    content = docx_writer.write(compose(facts, kind.template, kind.prepare))
    return docx.Document(io.BytesIO(content))


@pytest.fixture
def rich_docx(rich: dict[str, Any]) -> DocxDocument:
    return render_docx(rich)


def mm(value: int | None) -> float:
    assert value is not None
    return round(Mm(1).mm * value / Mm(1), 1)


def test_page_is_a4_with_gbt9704_margins(rich_docx: DocxDocument) -> None:
    s = rich_docx.sections[0]
    assert (mm(s.page_width), mm(s.page_height)) == (210.0, 297.0)
    assert (mm(s.top_margin), mm(s.bottom_margin), mm(s.left_margin), mm(s.right_margin)) == (
        37.0,
        35.0,
        28.0,
        26.0,
    )


def test_paragraph_styles_follow_roles(rich_docx: DocxDocument) -> None:
    paras = rich_docx.paragraphs
    assert paras[0].style.name == "Title"
    assert paras[0].text.replace("\n", "") == "关于岁末年初安全生产大排查工作情况的汇报"
    assert paras[1].style.name == layout.STYLE_RECIPIENT
    assert paras[1].text == "县安全生产委员会："
    h1 = [p.text for p in paras if p.style.name == "Heading 1"]
    assert h1 == [
        "一、基本情况",
        "二、主要工作及成效",
        "三、存在问题",
        "四、下一步工作打算",
        "五、意见建议",
    ]
    h2 = [p.text for p in paras if p.style.name == "Heading 2"]
    assert h2[10] == "（十一）推进专家会诊"
    assert paras[-1].style.name == layout.STYLE_DATE and paras[-1].text == "2026年1月21日"
    assert paras[-2].style.name == layout.STYLE_SIGNATURE and paras[-2].text == "青禾县应急管理局"
    assert paras[-3].text == "特此报告。"


@pytest.mark.parametrize(
    ("style", "east_asia", "size", "bold"),
    [
        ("Title", "方正小标宋简体", 22, False),
        ("Normal", "仿宋_GB2312", 16, False),
        ("Heading 1", "黑体", 16, False),
        ("Heading 2", "楷体_GB2312", 16, False),
        ("Heading 3", "仿宋_GB2312", 16, True),
        ("Heading 4", "仿宋_GB2312", 16, False),
        (layout.STYLE_SIGNATURE, "仿宋_GB2312", 16, False),
    ],
)
def test_style_fonts_name_east_asian_and_latin(
    rich_docx: DocxDocument, style: str, east_asia: str, size: int, bold: bool
) -> None:
    st = rich_docx.styles[style]
    assert ooxml.east_asian_font(st) == east_asia
    assert st.font.name == "Times New Roman"
    assert st.font.size == Pt(size)
    assert bool(st.font.bold) is bold
    assert st.font.color.rgb is None


def test_body_has_two_character_first_line_indent_and_fixed_spacing(
    rich_docx: DocxDocument,
) -> None:
    normal = rich_docx.styles["Normal"]
    assert normal.paragraph_format.first_line_indent == Pt(32)
    assert normal.paragraph_format.line_spacing == Pt(layout.LINE_PITCH_PT)
    ind = normal.element.pPr.find(ooxml.qn("w:ind"))
    assert ind.get(ooxml.qn("w:firstLineChars")) == "200"


def test_title_centred_signature_and_date_right_aligned(rich_docx: DocxDocument) -> None:
    styles = rich_docx.styles
    assert styles["Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    for name in (layout.STYLE_SIGNATURE, layout.STYLE_DATE):
        assert styles[name].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert styles[name].paragraph_format.right_indent == Pt(64)  # four characters blank


def test_footer_has_page_field_between_em_dashes_odd_right_even_left(
    rich_docx: DocxDocument,
) -> None:
    section = rich_docx.sections[0]
    assert rich_docx.settings.odd_and_even_pages_header_footer
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        para = footer.paragraphs[0]
        assert ooxml.field_instructions(para) == ["PAGE"]
        assert para.text.startswith("— ") and para.text.endswith(" —")
        assert para.alignment == align
        assert para.runs[0].font.size == Pt(14)
        assert ooxml.east_asian_font(para.runs[0]) == "宋体"


def test_core_properties_carry_title_and_unit(rich_docx: DocxDocument) -> None:
    assert rich_docx.core_properties.title == "关于岁末年初安全生产大排查工作情况的汇报"
    assert rich_docx.core_properties.author == "青禾县应急管理局"


def test_run_in_heading_keeps_heading_and_body_fonts_apart(minimal: dict[str, Any]) -> None:
    minimal["measures"] = [{"heading": "加强组织领导", "text": "成立工作专班"}]
    minimal["options"] = {"run_in_headings": True}
    document = render_docx(minimal)
    para = next(p for p in document.paragraphs if p.text.startswith("（一）"))
    assert para.style.name == "Heading 2"
    assert [r.text for r in para.runs] == ["（一）加强组织领导。", "成立工作专班。"]
    assert para.runs[1].style.name == layout.STYLE_RUNIN_BODY


def test_no_template_placeholder_survives(rich_docx: DocxDocument) -> None:
    texts = [p.text for p in rich_docx.paragraphs]
    assert not any("{{" in t or "{%" in t for t in texts)


def test_layout_template_is_regenerable(tmp_path: Any) -> None:
    path = layout.build_layout(tmp_path / "layout.docx")
    rebuilt = docx.Document(str(path))
    assert rebuilt.paragraphs[0].text == "{{p body }}"
    assert mm(rebuilt.sections[0].top_margin) == 37.0


def test_office_template_override_is_used(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch, minimal: dict[str, Any]
) -> None:
    path = layout.build_layout(tmp_path / "office.docx")
    office = docx.Document(str(path))
    office.paragraphs[0].insert_paragraph_before("{{ unit }}办公室")
    office.save(str(path))
    monkeypatch.setenv("HUIBAO_DOCX_TEMPLATE", str(path))
    document = render_docx(minimal)
    assert document.paragraphs[0].text == "东坪镇人民政府办公室"


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("关于疫情防控工作情况的汇报", ["关于疫情防控工作情况的汇报"]),
        ("关于岁末年初安全生产大排查工作情况的汇报", ["关于岁末年初安全生产大排查", "工作情况的汇报"]),
        (
            "关于二〇二六年第一季度重点项目建设推进情况的通报",
            ["关于二〇二六年第一季度重点项目建设推进", "情况的通报"],
        ),
    ],
)
def test_long_titles_break_between_words_longer_line_first(title: str, lines: list[str]) -> None:
    result = layout.title_lines(title)
    assert result == lines
    assert "".join(result) == title
    assert all(len(a) >= len(b) for a, b in itertools.pairwise(result))


def test_docx_title_carries_the_line_break(rich_docx: DocxDocument) -> None:
    title = rich_docx.paragraphs[0]
    assert [r.text for r in title.runs] == ["关于岁末年初安全生产大排查\n", "工作情况的汇报"]
