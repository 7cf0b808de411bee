"""The .docx writer: every sample reopened, its XML figures asserted (GB/T 9704, Word, WPS)."""

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
from huibao.compose.tree import Block, Document, Role
from huibao.ooxml.schema import out_of_order
from huibao.write import layout
from tests.write.docx_helpers import NS, SAMPLES, compose_facts, compose_sample, parts, render, style, w


@pytest.fixture(scope="module")
def rich_bytes() -> bytes:
    return render(compose_sample("situation_report_rich"))


@pytest.fixture(scope="module")
def rich_docx(rich_bytes: bytes) -> DocxDocument:
    return docx.Document(io.BytesIO(rich_bytes))


@pytest.fixture(scope="module")
def rich_parts(rich_bytes: bytes) -> dict[str, Any]:
    return parts(rich_bytes)


def mm(value: int | None) -> float:
    assert value is not None
    return round(value / Mm(1), 1)


def test_page_is_a4_with_gbt9704_margins(rich_docx: DocxDocument) -> None:
    s = rich_docx.sections[0]
    assert (mm(s.page_width), mm(s.page_height)) == (210.0, 297.0)
    margins = (mm(s.top_margin), mm(s.bottom_margin), mm(s.left_margin), mm(s.right_margin))
    assert margins == (37.0, 35.0, 28.0, 26.0)


def test_grid_sets_22_lines_and_body_characters_fit_28_a_line(rich_parts: dict[str, Any]) -> None:
    grid = rich_parts["word/document.xml"].find(".//w:sectPr/w:docGrid", NS)
    assert (grid.get(w("type")), grid.get(w("linePitch"))) == ("lines", "579")
    assert int(22 * 579 / 20) <= 225 / 25.4 * 72 < 23 * 579 / 20
    normal = style(rich_parts["word/styles.xml"], "Normal")
    pitch_pt = 16 + int(normal.find("w:rPr/w:spacing", NS).get(w("val"))) / 20
    width_pt = (11906 - 1587 - 1474) / 20
    assert int(width_pt / pitch_pt) == 28


def test_paragraph_styles_follow_roles(rich_docx: DocxDocument) -> None:
    paras = rich_docx.paragraphs
    assert paras[0].style.name == "Title"
    assert paras[0].text.replace("\n", "") == "关于岁末年初安全生产大排查工作情况的汇报"
    assert paras[1].style.name == "Report Recipient"
    h1 = [p.text for p in paras if p.style.name == "Heading 1"]
    assert h1 == ["一、基本情况", "二、主要工作及成效", "三、存在问题", "四、下一步工作打算", "五、意见建议"]
    assert [p.style.name for p in paras[-3:]] == ["Report Closing", "Report Signature", "Report Date"]
    assert [p.text for p in paras[-3:]] == ["特此报告。", "青禾县应急管理局", "2026年1月21日"]


@pytest.mark.parametrize(
    ("style_name", "east_asia", "size", "bold"),
    [
        ("Title", "方正小标宋简体", 22, False),
        ("Normal", "仿宋_GB2312", 16, False),
        ("Heading 1", "黑体", 16, False),
        ("Heading 2", "楷体_GB2312", 16, False),
        ("Heading 3", "仿宋_GB2312", 16, True),
        ("Heading 4", "仿宋_GB2312", 16, False),
        ("Report Table Header", "黑体", 14, False),
    ],
)
def test_style_fonts_name_east_asian_and_latin(
    rich_docx: DocxDocument, style_name: str, east_asia: str, size: int, bold: bool
) -> None:
    st = rich_docx.styles[style_name]
    chain = [st]
    while chain[-1].base_style is not None:
        chain.append(chain[-1].base_style)
    assert next(f for s in chain if (f := ooxml.east_asian_font(s))) == east_asia
    assert next(s.font.name for s in chain if s.font.name) == "Times New Roman"
    assert next(s.font.size for s in chain if s.font.size) == Pt(size)
    assert bool(next((s.font.bold for s in chain if s.font.bold is not None), False)) is bold


FONT_ENTRIES = [
    ("仿宋_GB2312", "仿宋"),
    ("楷体_GB2312", "楷体"),
    ("方正小标宋简体", "宋体"),
    ("黑体", "SimHei"),
    ("宋体", "SimSun"),
]


@pytest.mark.parametrize(("font", "alt"), FONT_ENTRIES)
def test_font_table_gives_each_chinese_font_an_alternate_charset_and_panose(
    rich_parts: dict[str, Any], font: str, alt: str
) -> None:
    entry = rich_parts["word/fontTable.xml"].find(f"w:font[@w:name='{font}']", NS)
    assert entry is not None
    assert entry.find("w:altName", NS).get(w("val")) == alt
    assert entry.find("w:charset", NS).get(w("val")) == "86"
    assert len(entry.find("w:panose1", NS).get(w("val"))) == 20


def test_text_is_tagged_chinese_and_no_theme_font_overrides(rich_parts: dict[str, Any]) -> None:
    styles = rich_parts["word/styles.xml"]
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("eastAsia")) == "zh-CN"
    assert "word/theme/theme1.xml" not in rich_parts
    themed = [el for el in styles.iter(w("rFonts")) if el.get(w("eastAsiaTheme"))]
    assert themed == []


@pytest.mark.parametrize(
    ("script", "lang", "body_font", "title_font"),
    [
        ("zh-Hant", "zh-TW", "仿宋", "方正小标宋_GBK"),
        ("zh-Hant-TW", "zh-TW", "仿宋", "方正小标宋_GBK"),
        ("zh-Hant-HK", "zh-HK", "仿宋", "方正小标宋_GBK"),
    ],
)
def test_traditional_output_is_tagged_and_set_in_fonts_covering_traditional_characters(
    script: str, lang: str, body_font: str, title_font: str
) -> None:
    document = compose_sample("situation_report_small")
    document.script = script
    found = parts(render(document))
    styles = found["word/styles.xml"]
    assert styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS).get(w("eastAsia")) == lang
    fonts = {el.get(w("eastAsia")) for el in styles.iter(w("rFonts"))} - {None}
    assert not fonts & {"仿宋_GB2312", "楷体_GB2312", "方正小标宋简体"}
    normal = style(styles, "Normal").find("w:rPr/w:rFonts", NS)
    title = style(styles, "Title").find("w:rPr/w:rFonts", NS)
    assert (normal.get(w("eastAsia")), title.get(w("eastAsia"))) == (body_font, title_font)
    names = {el.get(w("name")) for el in found["word/fontTable.xml"]}
    assert fonts <= names
    assert found["docProps/core.xml"].find("{http://purl.org/dc/elements/1.1/}language").text == lang


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_part_keeps_schema_order(sample: str) -> None:
    found = parts(render(compose_sample(sample)))
    assert {name: out_of_order(root) for name, root in found.items() if out_of_order(root)} == {}


@pytest.mark.parametrize(
    ("style_id", "first_line_chars", "left_chars", "right_chars"),
    [
        ("Normal", "200", "0", "0"),
        ("Heading1", "200", "0", "0"),
        ("ReportRecipient", "0", "0", "0"),
        ("ReportSubtitle", "0", "0", "0"),
        ("ReportTableText", "0", "0", "0"),
        ("Footer", "0", "0", "0"),
        ("ReportDate", "0", "0", "400"),
    ],
)
def test_indents_state_every_side_so_none_is_inherited(
    rich_parts: dict[str, Any], style_id: str, first_line_chars: str, left_chars: str, right_chars: str
) -> None:
    ind = style(rich_parts["word/styles.xml"], style_id).find("w:pPr/w:ind", NS)
    got = (ind.get(w("firstLineChars")), ind.get(w("leftChars")), ind.get(w("rightChars")))
    assert got == (first_line_chars, left_chars, right_chars)
    assert ind.get(w("firstLine")) == str(
        int(first_line_chars) * (280 if "Footer" in style_id or "Table" in style_id else 320) // 100
    )


def test_chinese_quotes_carry_the_east_asian_hint() -> None:
    document = Document("situation_report", "标题", [Block(Role.BODY, "落实“四个一”要求。")])
    body = parts(render(document))["word/document.xml"]
    run = next(r for r in body.iter(w("r")) if "“" in "".join(r.itertext()))
    assert run.find("w:rPr/w:rFonts", NS).get(w("hint")) == "eastAsia"


def test_keep_chain_holds_last_body_line_closing_signature_and_date_together(
    rich_parts: dict[str, Any],
) -> None:
    paras = rich_parts["word/document.xml"].findall("w:body/w:p", NS)
    keeps = [p.find("w:pPr/w:keepNext", NS) is not None for p in paras[-4:]]
    assert keeps == [True, True, True, False]
    styles = [p.find("w:pPr/w:pStyle", NS).get(w("val")) for p in paras[-4:]]
    assert styles == ["Normal", "ReportClosing", "ReportSignature", "ReportDate"]
    assert (
        sum(
            p.find("w:pPr/w:keepNext", NS) is not None
            for p in paras
            if p.find("w:pPr/w:pStyle", NS).get(w("val")) == "Normal"
        )
        == 1
    )


@pytest.mark.parametrize(
    ("signature", "date", "sealed", "expected"),
    [
        ("青禾县应急管理局", "2026年1月21日", False, (3.75, 2.0)),  # date longer than 署名 − 2
        ("青禾县人民政府办公室综合科", "2026年1月21日", False, (2.0, 5.25)),  # date under 署名 + 2
        ("青禾县应急管理局", "2026年1月21日", True, (3.875, 4.0)),  # centred over the date
    ],
)
def test_signature_block_follows_gbt9704_7_3_5(
    signature: str, date: str, sealed: bool, expected: tuple[float, float]
) -> None:
    assert layout.signature_indents(signature, date, sealed=sealed) == expected
    document = Document(
        "situation_report",
        "标题",
        [Block(Role.BODY, "正文。"), Block(Role.SIGNATURE, signature), Block(Role.DATE, date)],
    )
    paras = parts(render(document, sealed=sealed))["word/document.xml"].findall("w:body/w:p", NS)
    rights = tuple(int(p.find("w:pPr/w:ind", NS).get(w("rightChars"))) / 100 for p in paras[-2:])
    assert rights == pytest.approx(expected, abs=0.01)


def test_footer_has_page_field_between_dashes_odd_right_even_left(rich_docx: DocxDocument) -> None:
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


def test_page_number_line_sits_7mm_below_the_type_area(rich_docx: DocxDocument) -> None:
    section = rich_docx.sections[0]
    line_mm = layout.FOOTER_LINE_TWIPS / 20 * 25.4 / 72
    below = mm(section.bottom_margin) - mm(section.footer_distance) - line_mm
    assert below == pytest.approx(7, abs=0.1)


def test_core_properties_are_clean(rich_docx: DocxDocument, rich_parts: dict[str, Any]) -> None:
    props = rich_docx.core_properties
    assert props.title == "关于岁末年初安全生产大排查工作情况的汇报"
    assert props.author == "青禾县应急管理局"
    assert props.created is not None and props.created.year >= 2026
    assert props.comments == "" and props.keywords == ""
    app = rich_parts["docProps/app.xml"]
    assert [el.text for el in app if el.tag.endswith("Application")] == ["huibao"]


def test_no_leftover_parts(rich_bytes: bytes) -> None:
    import zipfile

    names = set(zipfile.ZipFile(io.BytesIO(rich_bytes)).namelist())
    assert names == {
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/app.xml",
        "docProps/core.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/footer1.xml",
        "word/footer2.xml",
        "customXml/item1.xml",  # the facts (huibao.ooxml.facts_part)
        "customXml/itemProps1.xml",
        "customXml/_rels/item1.xml.rels",
    }


def test_run_in_heading_keeps_heading_and_body_fonts_apart(minimal: dict[str, Any]) -> None:
    minimal["measures"] = [{"heading": "加强组织领导", "text": "成立工作专班"}]
    minimal["options"] = {"run_in_headings": True}
    document = docx.Document(io.BytesIO(render(compose_facts(minimal))))
    para = next(p for p in document.paragraphs if p.text.startswith("（一）"))
    assert para.style.name == "Heading 2"
    assert [r.text for r in para.runs] == ["（一）加强组织领导。", "成立工作专班。"]
    assert para.runs[1].style.name == "Run-in Body"


@pytest.mark.parametrize("text", ["{{ 7*7 }}", "&<w:p>", "a]]>b", "控制\x01字符"])
def test_text_is_escaped_never_markup(text: str) -> None:
    document = Document("situation_report", text, [Block(Role.TITLE, text), Block(Role.BODY, text)])
    reopened = docx.Document(io.BytesIO(render(document)))
    assert [p.text for p in reopened.paragraphs] == [text.replace("\x01", "")] * 2
    assert reopened.core_properties.title == text.replace("\x01", "")


def test_status_snapshot_table_fits_its_content() -> None:
    body = parts(render(compose_sample("status_snapshot")))["word/document.xml"]
    table = body.find(".//w:tbl", NS)
    widths = [int(c.get(w("w"))) for c in table.findall("w:tblGrid/w:gridCol", NS)]
    assert sum(widths) <= 11906 - 1587 - 1474
    assert len(set(widths)) > 1  # sized per column, not four equal columns
    assert table.find("w:tblPr/w:tblLayout", NS).get(w("type")) == "fixed"
    rows = table.findall("w:tr", NS)
    assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
    assert [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows[:2]] == [True, False]
    header_styles = {p.get(w("val")) for p in rows[0].iter(w("pStyle"))}
    assert header_styles == {"ReportTableHeader"}


def test_status_snapshot_sub_rows_are_indented_not_padded() -> None:
    body = parts(render(compose_sample("status_snapshot")))["word/document.xml"]
    labels = [row.find("w:tc/w:p", NS) for row in body.findall(".//w:tbl/w:tr", NS)[1:]]
    texts = ["".join(p.itertext()) for p in labels]
    assert not any(t.startswith("\u3000") for t in texts)
    indents = [int(p.find("w:pPr/w:ind", NS).get(w("leftChars"))) for p in labels]
    assert max(indents) > 0 and min(indents) == 0
    assert {p.find("w:pPr/w:jc", NS).get(w("val")) for p in labels} == {"left"}


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("关于疫情防控工作情况的汇报", ["关于疫情防控工作情况的汇报"]),
        ("关于岁末年初安全生产大排查工作情况的汇报", ["关于岁末年初安全生产大排查", "工作情况的汇报"]),
        (
            "关于二〇二六年第一季度重点项目建设推进情况的通报",
            ["关于二〇二六年第一季度重点项目", "建设推进情况的通报"],
        ),
        # digits count half a cell: 38 characters with 12 digits fit two lines of 19 cells
        (
            "关于2025年第4季度全县12345热线办理情况的通报",
            ["关于2025年第4季度全县12345热线", "办理情况的通报"],
        ),
    ],
)
def test_titles_break_between_words_longer_line_first(title: str, lines: list[str]) -> None:
    result = layout.title_lines(title)
    assert result == lines
    assert "".join(result) == title
    widths = [layout.cells(line) for line in result]
    assert all(a >= b for a, b in itertools.pairwise(widths))
    assert max(widths) <= layout.TITLE_CELLS_PER_LINE


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_sample_title_breaks_longer_line_first(sample: str) -> None:
    lines = layout.title_lines(compose_sample(sample).title)
    widths = [layout.cells(line) for line in lines]
    assert all(a >= b for a, b in itertools.pairwise(widths)), lines


def test_docx_title_carries_the_line_break(rich_docx: DocxDocument) -> None:
    assert rich_docx.paragraphs[0].text == "关于岁末年初安全生产大排查\n工作情况的汇报"


@pytest.mark.parametrize("style_id", ["Title", "ReportTableText", "Footer"])
def test_title_table_and_footer_do_not_snap_to_the_line_grid(
    rich_parts: dict[str, Any], style_id: str
) -> None:
    """Exact spacing off the grid: Word ignores the grid for them, LibreOffice would snap them."""
    ppr = style(rich_parts["word/styles.xml"], style_id).find("w:pPr", NS)
    assert ppr.find("w:snapToGrid", NS).get(w("val")) == "0"
    assert ppr.find("w:spacing", NS).get(w("lineRule")) == "exact"
