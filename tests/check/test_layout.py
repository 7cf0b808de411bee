"""The GB/T 9704 layout check: huibao's own output is clean, each hand-made defect is found once."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

import pytest

from huibao.check.layout import _family, check_layout
from huibao.errors import UnsupportedMedia
from tests.write.docx_helpers import SAMPLES, compose_sample, render


@pytest.mark.parametrize("sealed", [False, True])
@pytest.mark.parametrize("script", ["zh-Hans", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK"])
@pytest.mark.parametrize("sample", SAMPLES)
def test_huibao_output_has_no_layout_findings(sample: str, script: str, sealed: bool) -> None:
    document = compose_sample(sample)
    document.script = script
    assert [f.message for f in check_layout(render(document, sealed=sealed))] == []


def edit(data: bytes, part: str, change: Callable[[str], str]) -> bytes:
    """Return ``data`` with ``part`` rewritten by ``change`` (which must change it)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in source.namelist():
            content = source.read(name)
            if name == part:
                changed = change(content.decode("utf-8"))
                assert changed != content.decode("utf-8"), f"{part} unchanged"
                content = changed.encode("utf-8")
            zf.writestr(name, content)
    return out.getvalue()


def in_style(style_id: str, old: str, new: str) -> Callable[[str], str]:
    """Return a change replacing ``old`` by ``new`` inside the style ``style_id`` only."""

    def change(xml: str) -> str:
        pattern = re.compile(rf'<w:style [^>]*w:styleId="{style_id}">.*?</w:style>')
        return pattern.sub(lambda m: m.group(0).replace(old, new), xml, count=1)

    return change


def replace(old: str, new: str) -> Callable[[str], str]:
    return lambda xml: xml.replace(old, new, 1)


# defect → (part, change, kind, words in the finding's place, expected, found)
DEFECTS: dict[str, tuple[str, Callable[[str], str], str, str, str, str]] = {
    "left margin 30 mm": (
        "word/document.xml",
        replace('w:left="1587"', 'w:left="1701"'),
        "layout.margin",
        "左白边",
        "28 mm",
        "30 mm",
    ),
    "paper A5": (
        "word/document.xml",
        replace('w:w="11906" w:h="16838"', 'w:w="8391" w:h="11906"'),
        "layout.paper",
        "纸张",
        "A4（210 × 297 mm）",
        "148 × 210 mm",
    ),
    "body in 宋体": (
        "word/styles.xml",
        in_style("Normal", 'w:eastAsia="仿宋_GB2312"', 'w:eastAsia="宋体"'),
        "layout.font",
        "正文字体",
        "仿宋",
        "宋体",
    ),
    "heading 1 in 楷体": (
        "word/styles.xml",
        in_style("Heading1", 'w:eastAsia="黑体"', 'w:eastAsia="楷体_GB2312"'),
        "layout.font",
        "一级标题字体",
        "黑体",
        "楷体_GB2312",
    ),
    "heading 2 in 15 pt": (
        "word/styles.xml",
        in_style("Heading2", '<w:sz w:val="32"/>', '<w:sz w:val="30"/>'),
        "layout.size",
        "二级标题字号",
        "16 pt",
        "15 pt",
    ),
    "title in 18 pt": (
        "word/styles.xml",
        in_style("Title", '<w:sz w:val="44"/>', '<w:sz w:val="36"/>'),
        "layout.size",
        "标题字号",
        "22 pt",
        "18 pt",
    ),
    "body not indented": (
        "word/styles.xml",
        in_style(
            "Normal", 'w:firstLineChars="200" w:firstLine="640"', 'w:firstLineChars="0" w:firstLine="0"'
        ),
        "layout.indent",
        "正文首行缩进",
        "2字",
        "0字",
    ),
    "recipient inherits the body's first-line indent": (
        "word/styles.xml",
        in_style(
            "ReportRecipient",
            '<w:ind w:leftChars="0" w:left="0" w:rightChars="0" w:right="0" '
            'w:firstLineChars="0" w:firstLine="0"/>',
            '<w:ind w:firstLine="0"/>',
        ),
        "layout.indent",
        "主送机关缩进",
        "顶格（0字）",
        "2字",
    ),
    "even page number inherits a first-line indent": (
        "word/footer2.xml",
        replace('w:firstLineChars="0" w:firstLine="0"/>', 'w:firstLineChars="200" w:firstLine="560"/>'),
        "layout.pagenumber",
        "双页页码位置",
        "居左，左空一字",
        "居左，空3字",
    ),
    "24 pt line spacing": (
        "word/styles.xml",
        in_style("Normal", 'w:line="579"', 'w:line="480"'),
        "layout.lines",
        "每页行数",
        "22行",
        "26行（行距24 pt）",
    ),
    "page number in 小四": (
        "word/footer1.xml",
        lambda xml: xml.replace('<w:sz w:val="28"/>', '<w:sz w:val="24"/>'),
        "layout.pagenumber",
        "单页页码字体字号",
        "4号宋体（14 pt）",
        "宋体 12 pt",
    ),
    "language ja-JP": (
        "word/styles.xml",
        replace('w:eastAsia="zh-CN"', 'w:eastAsia="ja-JP"'),
        "layout.lang",
        "文档语言",
        "zh-CN（繁体为 zh-TW / zh-HK）",
        "ja-JP",
    ),
    "date flush right": (  # the writer sets the signature block's indents on the paragraphs
        "word/document.xml",
        lambda xml: re.sub(
            r'(<w:pStyle w:val="ReportDate"/><w:ind w:leftChars="0" w:left="0")'
            r' w:rightChars="\d+" w:right="\d+"',
            r'\1 w:rightChars="0" w:right="0"',
            xml,
        ),
        "layout.signature",
        "成文日期",
        "",
        "署名右空4.75字、日期右空0字",
    ),
}


@pytest.fixture(scope="module")
def clean() -> bytes:
    return render(compose_sample("situation_report_small"))


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_each_hand_made_defect_gets_one_finding(clean: bytes, defect: str) -> None:
    part, change, kind, where, expected, found = DEFECTS[defect]
    findings = check_layout(edit(clean, part, change))
    assert [f.kind for f in findings] == [kind]
    assert where in findings[0].where
    assert findings[0].found == found
    if expected:
        assert findings[0].expected == expected
    assert "应为" in findings[0].message and "实为" in findings[0].message


def test_several_defects_give_one_finding_each(clean: bytes) -> None:
    data = clean
    names = [
        "left margin 30 mm",
        "body in 宋体",
        "heading 1 in 楷体",
        "page number in 小四",
        "language ja-JP",
    ]
    for name in names:
        part, change, *_ = DEFECTS[name]
        data = edit(data, part, change)
    assert sorted(f.kind for f in check_layout(data)) == sorted(DEFECTS[n][2] for n in names)


def test_a_document_without_page_numbers_or_east_asian_fonts_is_told_so() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("关于秋季森林防火工作情况的汇报")
    document.add_paragraph("今年以来，我镇扎实开展森林防火工作。")
    buf = io.BytesIO()
    document.save(buf)
    kinds = {f.kind for f in check_layout(buf.getvalue())}
    assert {"layout.paper", "layout.margin", "layout.pagenumber", "layout.font", "layout.lang"} <= kinds


@pytest.mark.parametrize(
    ("font", "family"),
    [
        ("仿宋_GB2312", "仿宋"),
        ("仿宋", "仿宋"),
        ("FangSong", "仿宋"),
        ("楷体_GB2312", "楷体"),
        ("KaiTi", "楷体"),
        ("黑体", "黑体"),
        ("SimHei", "黑体"),
        ("方正小标宋简体", "小标宋"),
        ("方正小标宋_GBK", "小标宋"),
        ("宋体", "宋体"),
        ("Times New Roman", ""),
        ("ＭＳ 明朝", ""),
    ],
)
def test_font_names_map_to_gbt9704_families(font: str, family: str) -> None:
    assert _family(font) == family


@pytest.mark.parametrize("data", [b"", b"not a zip", b"PK\x05\x06" + b"\0" * 18])
def test_a_file_that_is_not_a_docx_is_refused(data: bytes) -> None:
    with pytest.raises(UnsupportedMedia):
        check_layout(data)
