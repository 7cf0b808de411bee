"""Builds ``templates/layout.docx``: the GB/T 9704-2012 layout every .docx report starts from.

The checked-in template is what offices restyle in Word/WPS; this module regenerates it
(``python -m huibao.write.layout``) and names the styles the docx writer uses. Figures come from
``../shared/reference/gbt9704.md``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Mm, Pt

from huibao import ooxml, resources

LAYOUT_PATH = resources.bundled_layout_docx()

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
PAGE_NUMBER_PT = 14  # 4号
LINE_PITCH_PT = 28.95  # 225 mm type area / 22 lines

FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_H1 = "黑体"
FONT_H2 = "楷体_GB2312"
FONT_PAGE = "宋体"
FONT_LATIN = "Times New Roman"

# Style names the writer uses: role → (style name, East Asian font, size, bold).
STYLE_TITLE = "Title"
STYLE_SUBTITLE = "Report Subtitle"
STYLE_RECIPIENT = "Report Recipient"
STYLE_BODY = "Normal"
STYLE_HEADINGS = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4"}
STYLE_CLOSING = "Report Closing"
STYLE_SIGNATURE = "Report Signature"
STYLE_DATE = "Report Date"
STYLE_TABLE_TEXT = "Report Table Text"
STYLE_RUNIN_BODY = "Run-in Body"
STYLE_TABLE = "Table Grid"

HEADING_FONTS = {
    1: (FONT_H1, False),
    2: (FONT_H2, False),
    3: (FONT_BODY, True),
    4: (FONT_BODY, False),
}


TITLE_CHARS_PER_LINE = 19  # 156 mm type area at 22 pt, with room for font metrics
_BREAK_BEFORE = (
    "工作情况的",
    "有关情况的",
    "情况的",
    "工作的",
    "的汇报",
    "的报告",
    "的通报",
    "的调研报告",
    "有关",
    "情况",
    "工作",
    "的",
    "和",
    "及",
    "与",
    "暨",
)
_BREAK_AFTER = ("关于", "开展", "推进", "加强", "进一步")


def _break_points(title: str) -> set[int]:
    points: set[int] = set()
    for phrase in _BREAK_BEFORE:
        points.update(i for i in range(1, len(title)) if title.startswith(phrase, i))
    for phrase in _BREAK_AFTER:
        points.update(i + len(phrase) for i in range(len(title)) if title.startswith(phrase, i))
    return {p for p in points if 0 < p < len(title)}


def title_lines(title: str, width: int = TITLE_CHARS_PER_LINE) -> list[str]:
    """Return the title split into lines of at most ``width`` characters, words kept whole.

    GB/T 9704 asks for a title that breaks between words, in a trapezoid or diamond: lines as
    even as the break points allow, an earlier line never shorter than the next. A title that
    fits is one line; where no break point fits, the line is cut at the even length.
    """
    lines: list[str] = []
    rest = title
    while len(rest) > width:
        count = -(-len(rest) // width)  # lines still needed
        target = -(-len(rest) // count)
        points = [p for p in _break_points(rest) if target - 3 <= p <= width]
        at = min(points, key=lambda p: (p < target, abs(p - target))) if points else target
        lines.append(rest[:at])
        rest = rest[at:]
    return [*lines, rest]


def _paragraph_style(document: docx.document.Document, name: str) -> docx.styles.style.ParagraphStyle:
    styles = document.styles
    if name in [s.name for s in styles]:
        return styles[name]
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[STYLE_BODY]
    style.quick_style = True
    return style


def _base_format(style: docx.styles.style.ParagraphStyle, east_asia: str, size: float, bold: bool) -> None:
    ooxml.set_fonts(style, east_asia, FONT_LATIN)
    ooxml.clear_color_and_theme(style)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    pf = style.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(LINE_PITCH_PT)
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.widow_control = True


def build_layout(path: Path = LAYOUT_PATH) -> Path:
    """Write the layout template to ``path`` and return it."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(15), Mm(22)
    ooxml.set_line_grid(section._sectPr, int(LINE_PITCH_PT * 20))

    body = document.styles[STYLE_BODY]
    _base_format(body, FONT_BODY, BODY_PT, False)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    ooxml.set_first_line_chars(body, 2, BODY_PT)

    title = document.styles[STYLE_TITLE]
    title.base_style = None
    _base_format(title, FONT_TITLE, TITLE_PT, False)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing = Pt(35)
    title.paragraph_format.space_after = Pt(LINE_PITCH_PT)  # one blank line below the title
    title.paragraph_format.first_line_indent = Pt(0)
    pPr = title.element.get_or_add_pPr()
    for border in pPr.findall(ooxml.qn("w:pBdr")):
        pPr.remove(border)

    for level, name in STYLE_HEADINGS.items():
        font, bold = HEADING_FONTS[level]
        style = document.styles[name]
        style.base_style = body
        _base_format(style, font, BODY_PT, bold)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        ooxml.set_first_line_chars(style, 2, BODY_PT)

    subtitle = _paragraph_style(document, STYLE_SUBTITLE)
    _base_format(subtitle, FONT_BODY, BODY_PT, False)
    subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.paragraph_format.first_line_indent = Pt(0)

    recipient = _paragraph_style(document, STYLE_RECIPIENT)
    _base_format(recipient, FONT_BODY, BODY_PT, False)
    recipient.paragraph_format.first_line_indent = Pt(0)

    closing = _paragraph_style(document, STYLE_CLOSING)
    _base_format(closing, FONT_BODY, BODY_PT, False)
    ooxml.set_first_line_chars(closing, 2, BODY_PT)

    for name, before in ((STYLE_SIGNATURE, LINE_PITCH_PT * 2), (STYLE_DATE, 0.0)):
        style = _paragraph_style(document, name)
        _base_format(style, FONT_BODY, BODY_PT, False)
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        style.paragraph_format.first_line_indent = Pt(0)
        style.paragraph_format.space_before = Pt(before)
        ooxml.set_right_chars(style, 4, BODY_PT)

    table_text = _paragraph_style(document, STYLE_TABLE_TEXT)
    _base_format(table_text, FONT_BODY, 14, False)
    table_text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    table_text.paragraph_format.first_line_indent = Pt(0)
    table_text.paragraph_format.line_spacing = Pt(22)

    runin = document.styles.add_style(STYLE_RUNIN_BODY, WD_STYLE_TYPE.CHARACTER)
    ooxml.set_fonts(runin, FONT_BODY, FONT_LATIN)
    runin.font.bold = False

    # Page numbers: 4号 宋体 “— N —”, odd pages right, even pages left, one character in.
    document.settings.odd_and_even_pages_header_footer = True
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        para = footer.paragraphs[0]
        para.style = document.styles["Footer"]
        para.alignment = align
        fmt = para.paragraph_format
        fmt.first_line_indent = Pt(0)
        if align is WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent = Pt(PAGE_NUMBER_PT)
        else:
            fmt.left_indent = Pt(PAGE_NUMBER_PT)
        runs = [para.add_run("— "), ooxml.add_field(para, "PAGE"), para.add_run(" —")]
        for run in para.runs:
            run.font.size = Pt(PAGE_NUMBER_PT)
            ooxml.set_fonts(run, FONT_PAGE, FONT_PAGE)
        del runs

    # The body is one docxtpl placeholder; offices may add a 版头 or 附件 lines around it.
    placeholder = document.paragraphs[0] if document.paragraphs else document.add_paragraph()
    placeholder.text = "{{p body }}"
    document.core_properties.title = "{{ title }}"
    document.core_properties.author = "{{ unit }}"
    document.core_properties.comments = "huibao GB/T 9704-2012 layout template"
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


if __name__ == "__main__":
    print(build_layout(Path(sys.argv[1]) if len(sys.argv) > 1 else LAYOUT_PATH))
