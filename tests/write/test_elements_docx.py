"""The 公文 elements in the .docx, reopened: each element's text, place in the body, style font
and colour, the 签发人 tab stop, attachment indents, and the 版记 table at the page foot."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from huibao.write import docx as docx_writer
from huibao.write import layout as L
from tests.write.docx_helpers import NS, compose_sample, parts, render, style, w


def body_children(data: bytes) -> list[Any]:
    body = parts(data)["word/document.xml"].find("w:body", NS)
    return [c for c in body if c.tag != w("sectPr")]


def text(el: Any) -> str:
    """Return the text of the runs under ``el`` (tabs as \t; tab stops are not text)."""
    out = []
    for run in el.iter(w("r")):
        for node in run.iter(w("t"), w("tab")):
            out.append("\t" if node.tag == w("tab") else node.text or "")
    return "".join(out)


def style_of(p: Any) -> str:
    found = p.find("w:pPr/w:pStyle", NS)
    return found.get(w("val")) if found is not None else ""


def style_prop(styles: Any, style_id: str, path: str, attr: str = "val") -> str | None:
    found = style(styles, style_id).find(path, NS)
    return None if found is None else found.get(w(attr))


@pytest.fixture(scope="module")
def notice() -> bytes:
    return render(compose_sample("inspection_notice_red_head"))


@pytest.fixture(scope="module")
def report() -> bytes:
    return render(compose_sample("situation_report_signers"))


def test_red_head_comes_first_then_the_title(notice: bytes) -> None:
    children = body_children(notice)
    head = [(style_of(p), text(p)) for p in children[:4]]
    assert head == [
        ("IssuerMark", "青禾县人民政府督查室文件"),
        ("DocumentNumber", "青政督〔2026〕3号"),
        ("RedRule", ""),
        ("Title", "关于汛前防汛备汛工作督查情况的通报"),
    ]


def test_issuer_is_red_小标宋_centred_35mm_below_the_type_area_top(notice: bytes) -> None:
    styles = parts(notice)["word/styles.xml"]
    assert style_prop(styles, "IssuerMark", "w:rPr/w:color") == "FF0000"
    assert style_prop(styles, "IssuerMark", "w:rPr/w:rFonts", "eastAsia") == "方正小标宋简体"
    assert style_prop(styles, "IssuerMark", "w:pPr/w:jc") == "center"
    assert style_prop(styles, "IssuerMark", "w:pPr/w:spacing", "before") == str(L.mm_to_twips(35))


def test_red_rule_is_a_red_bottom_border_two_lines_above_the_title(notice: bytes) -> None:
    styles = parts(notice)["word/styles.xml"]
    assert style_prop(styles, "RedRule", "w:pPr/w:pBdr/w:bottom", "color") == "FF0000"
    assert style_prop(styles, "RedRule", "w:pPr/w:spacing", "after") == str(2 * L.LINE_PITCH_TWIPS)


def test_colours_and_fonts_live_in_styles_not_in_the_runs(notice: bytes, report: bytes) -> None:
    for data in (notice, report):
        document = parts(data)["word/document.xml"]
        assert document.findall(".//w:r/w:rPr/w:color", NS) == []
        assert [f for f in document.iterfind(".//w:r/w:rPr/w:rFonts", NS) if f.get(w("eastAsia"))] == []


def test_signers_sit_right_of_the_doc_number_in_楷体(report: bytes) -> None:
    paragraph = next(p for p in body_children(report) if style_of(p) == "DocumentNumber")
    assert text(paragraph) == "南街〔2026〕12号\t签发人：周建国"
    assert paragraph.find("w:pPr/w:jc", NS).get(w("val")) == "left"
    ind = paragraph.find("w:pPr/w:ind", NS)
    assert (ind.get(w("leftChars")), ind.get(w("rightChars"))) == ("100", "100")
    tab = paragraph.find("w:pPr/w:tabs/w:tab", NS)
    assert (tab.get(w("val")), int(tab.get(w("pos")))) == ("right", L.text_width_twips() - 320)
    names = [r for r in paragraph.iterfind("w:r", NS) if r.find("w:rPr/w:rStyle", NS) is not None]
    assert [text(r) for r in names] == ["周建国"]
    assert names[0].find("w:rPr/w:rStyle", NS).get(w("val")) == "SignerName"
    styles = parts(report)["word/styles.xml"]
    assert style_prop(styles, "SignerName", "w:rPr/w:rFonts", "eastAsia") == "楷体_GB2312"


def test_attachment_note_hangs_titles_under_the_first(report: bytes) -> None:
    children = body_children(report)
    lines = [p for p in children if style_of(p) == "AttachmentNote"]
    assert [text(p) for p in lines] == [
        "附件：1.\t南湖街道低洼易涝点台账",
        "2.\t南湖街道汛前隐患整改责任清单",
    ]
    first = lines[0].find("w:pPr/w:ind", NS)
    assert (first.get(w("leftChars")), first.get(w("hangingChars"))) == ("650", "450")  # starts 2 in
    styles = parts(report)["word/styles.xml"]
    assert style_prop(styles, "AttachmentNote", "w:pPr/w:ind", "hangingChars") == "150"  # starts 5 in
    assert lines[0].find("w:pPr/w:spacing", NS).get(w("before")) == str(L.LINE_PITCH_TWIPS)
    order = [style_of(p) for p in children if style_of(p)]
    at = order.index("AttachmentNote")
    assert order[at - 1] == "ReportClosing" and order[at + 2 : at + 5] == [
        "ReportSignature",
        "ReportDate",
        "ReportNote",
    ]


def test_attachments_and_signature_keep_with_the_last_body_lines(report: bytes) -> None:
    children = body_children(report)
    lines = [p for p in children if style_of(p) in ("ReportClosing", "AttachmentNote", "ReportSignature")]
    assert all(p.find("w:pPr/w:keepNext", NS) is not None for p in lines)


def test_imprint_is_a_table_floating_at_the_foot_with_its_rules(notice: bytes) -> None:
    children = body_children(notice)
    table = children[-2]
    assert table.tag == w("tbl") and children[-1].tag == w("p")
    position = table.find("w:tblPr/w:tblpPr", NS)
    assert position.get(w("tblpYSpec")) == "bottom" and position.get(w("vertAnchor")) == "margin"
    assert int(table.find("w:tblPr/w:tblW", NS).get(w("w"))) == L.text_width_twips()
    cells = table.findall(".//w:tc", NS)
    assert [text(c) for c in cells] == [
        "抄送：县委办公室，县人大常委会办公室，县政协办公室。",
        "青禾县人民政府督查室\t2026年4月21日印发",
    ]

    def rule(cell: Any, side: str) -> str | None:
        el = cell.find(f"w:tcPr/w:tcBorders/w:{side}", NS)
        return None if el is None or el.get(w("val")) == "nil" else el.get(w("sz"))

    assert [(rule(c, "top"), rule(c, "bottom")) for c in cells] == [("8", None), ("6", "8")]
    styles = parts(notice)["word/styles.xml"]
    assert style_prop(styles, "Imprint", "w:rPr/w:sz") == "28"  # 4号
    ind = style(styles, "Imprint").find("w:pPr/w:ind", NS)
    assert (ind.get(w("leftChars")), ind.get(w("rightChars"))) == ("100", "100")


def test_brief_masthead_red_with_editor_and_date_on_one_line() -> None:
    data = render(compose_sample("work_brief_distribution"))
    children = body_children(data)
    assert [(style_of(p), text(p)) for p in children[:4]] == [
        ("BriefName", "卫生健康工作简报"),
        ("BriefIssue", "第23期"),
        ("BriefEditor", "青禾县卫生健康局办公室\t2026年6月12日"),
        ("RedRule", ""),
    ]
    assert style_prop(parts(data)["word/styles.xml"], "BriefName", "w:rPr/w:color") == "FF0000"
    cells = children[-2].findall(".//w:tc", NS)
    assert [text(c)[:2] for c in cells] == ["报：", "送：", "发：", "\t共"]


def test_marks_stand_top_left_and_push_the_issuer_down_less() -> None:
    children = body_children(render(compose_sample("rectification_report_joint")))
    assert [(style_of(p), text(p)) for p in children[:2]] == [
        ("ReportMarking", "000037"),
        ("ReportMarking", "秘密★6个月"),
    ]
    issuer = children[2]
    before = int(issuer.find("w:pPr/w:spacing", NS).get(w("before")))
    assert before == L.mm_to_twips(35) - 2 * L.LINE_PITCH_TWIPS
    second = children[3]
    assert (style_of(second), text(second)) == ("IssuerMark", "青禾县东坪镇防汛抗旱指挥部文件")
    assert second.find("w:pPr/w:spacing", NS).get(w("before")) == "0"


@pytest.mark.parametrize(
    ("name", "scaled"), [("青禾县人民政府文件", False), ("青禾县东坪镇防汛抗旱指挥部办公室文件", True)]
)
def test_a_long_issuer_is_narrowed_to_one_line(name: str, scaled: bool) -> None:
    from huibao.compose.tree import Block, Document, Role

    document = Document(
        "inspection_notice", "关于测试的通报", [Block(Role.ISSUER, name), Block(Role.TITLE, "关于测试的通报")]
    )
    issuer = body_children(render(document))[0]
    width = issuer.find("w:r/w:rPr/w:w", NS)
    assert (width is not None) is scaled
    if scaled:
        assert L.cells(name) * L.ISSUER_PT * int(width.get(w("val"))) / 100 <= L.text_width_twips() / 20


def test_an_office_template_without_element_styles_gets_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import re

    source = zipfile.ZipFile(docx_writer.template_path())
    old = tmp_path / "old.docx"
    with zipfile.ZipFile(old, "w") as zf:
        for item in source.namelist():
            content = source.read(item)
            if item == "word/styles.xml":
                xml = content.decode("utf-8")
                for sid in ("IssuerMark", "RedRule", "DocumentNumber", "SignerName", "Imprint"):
                    xml = re.sub(rf'<w:style [^>]*w:styleId="{sid}">.*?</w:style>', "", xml)
                content = xml.encode("utf-8")
            zf.writestr(item, content)
    monkeypatch.setenv("HUIBAO_DOCX_TEMPLATE", str(old))
    data = render(compose_sample("inspection_notice_red_head"))
    styles = parts(data)["word/styles.xml"]
    assert style_prop(styles, "IssuerMark", "w:rPr/w:color") == "FF0000"
    assert style_of(body_children(data)[0]) == "IssuerMark"


def test_an_office_recolours_the_issuer_in_its_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = zipfile.ZipFile(docx_writer.template_path())
    office = tmp_path / "office.docx"
    with zipfile.ZipFile(office, "w") as zf:
        for item in source.namelist():
            content = source.read(item)
            if item == "word/styles.xml":
                content = content.replace(b'<w:color w:val="FF0000"/>', b'<w:color w:val="C00000"/>')
            zf.writestr(item, content)
    monkeypatch.setenv("HUIBAO_DOCX_TEMPLATE", str(office))
    data = render(compose_sample("inspection_notice_red_head"))
    assert style_prop(parts(data)["word/styles.xml"], "IssuerMark", "w:rPr/w:color") == "C00000"
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
