"""GB/T 9704-2012 figures and the layout decisions made per report.

Page, grid, fonts and style ids of ``templates/layout.docx`` (built by
:mod:`huibao.write.template`); text width measured in character cells (a Chinese character is
one cell, digits and Latin letters half a cell); the title broken into lines; the indents of
the signature block (sealed and unsealed, GB/T 9704 7.3.5). Figures come from
``../shared/reference/gbt9704.md``.
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache
from itertools import combinations, pairwise

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TYPE_AREA_MM = (156, 225)
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
PAGE_NUMBER_PT = 14  # 4号
TABLE_PT = 14
LINE_PITCH_TWIPS = 579  # 225 mm / 22 lines = 28.99 pt; 28.95 pt keeps 22 lines on every page
TITLE_LINE_TWIPS = 700  # 35 pt, grid snapping off so Word and LibreOffice agree
TABLE_LINE_TWIPS = 440  # 22 pt
FOOTER_LINE_TWIPS = 360  # 18 pt: a fixed line box, so the number sits the same in every viewer
PAGE_NUMBER_BELOW_MM = 7  # the page-number line's top, below the type area
# Word measures the footer from the page's bottom edge to the bottom of its line box.
FOOTER_DISTANCE_MM = MARGINS_MM["bottom"] - PAGE_NUMBER_BELOW_MM - FOOTER_LINE_TWIPS / 20 * 25.4 / 72
SIGNATURE_RIGHT_CHARS = 4
# 公文 elements (GB/T 9704 7.2–7.4; ../shared/reference/gbt9704.md). The standard sets no size for
# the 发文机关标志: 小初 (36 pt) is common; a longer name is narrowed to fit the type area.
ISSUER_PT = 36
ISSUER_LINE_TWIPS = 900  # 45 pt
ISSUER_TOP_MM = 35  # top of the 发文机关标志 below the top of the type area
RED = "FF0000"
RED_RULE_TWIPS = 227  # the red line sits 4 mm below the 发文字号
RED_RULE_WIDTH = 12  # eighths of a point: 1.5 pt
IMPRINT_PT = 14  # 4号
THICK_RULE = 8  # eighths of a point: 1 pt ≈ 0.35 mm
THIN_RULE = 6  # 0.75 pt ≈ 0.25 mm
ATTACHMENT_LEFT_CHARS = 6.5  # 空二字 + 附件： + a number and its point; titles align here

FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_H1 = "黑体"
FONT_H2 = "楷体_GB2312"
FONT_PAGE = "宋体"
FONT_LATIN = "Times New Roman"

HEADING_FONTS = {1: (FONT_H1, False), 2: (FONT_H2, False), 3: (FONT_BODY, True), 4: (FONT_BODY, False)}

#: Role key → style id in the bundled template.
STYLE_IDS = {
    "body": "Normal",
    "title": "Title",
    "subtitle": "ReportSubtitle",
    "recipient": "ReportRecipient",
    "closing": "ReportClosing",
    "signature": "ReportSignature",
    "date": "ReportDate",
    "h1": "Heading1",
    "h2": "Heading2",
    "h3": "Heading3",
    "h4": "Heading4",
    "table_text": "ReportTableText",
    "table_header": "ReportTableHeader",
    "runin": "RunInBody",
    "table": "TableGrid",
    "footer": "Footer",
    "marking": "ReportMarking",
    "issuer": "IssuerMark",
    "doc_number": "DocumentNumber",
    "signer": "SignerName",
    "red_rule": "RedRule",
    "masthead": "BriefName",
    "issue": "BriefIssue",
    "editor": "BriefEditor",
    "attachment": "AttachmentNote",
    "note": "ReportNote",
    "imprint": "Imprint",
}
#: Role key → style name a restyled template must keep (looked up case-insensitively);
#: roles missing from an office's template fall back to the body style.
STYLE_NAMES = {
    "body": "Normal",
    "title": "Title",
    "subtitle": "Report Subtitle",
    "recipient": "Report Recipient",
    "closing": "Report Closing",
    "signature": "Report Signature",
    "date": "Report Date",
    "h1": "heading 1",
    "h2": "heading 2",
    "h3": "heading 3",
    "h4": "heading 4",
    "table_text": "Report Table Text",
    "table_header": "Report Table Header",
    "runin": "Run-in Body",
    "table": "Table Grid",
    "marking": "Report Marking",
    "issuer": "Issuer Mark",
    "doc_number": "Document Number",
    "signer": "Signer Name",
    "red_rule": "Red Rule",
    "masthead": "Brief Name",
    "issue": "Brief Issue",
    "editor": "Brief Editor",
    "attachment": "Attachment Note",
    "note": "Report Note",
    "imprint": "Imprint",
}
BODY_MARKER = "{{p body }}"


def mm_to_twips(mm: float) -> int:
    """Return ``mm`` millimetres in twips (1/1440 inch), rounded."""
    return round(mm * 1440 / 25.4)


def text_width_twips() -> int:
    """Return the width of the type area in twips, as Word computes it from the margins."""
    return mm_to_twips(PAGE_WIDTH_MM) - mm_to_twips(MARGINS_MM["left"]) - mm_to_twips(MARGINS_MM["right"])


def char_condense() -> int:
    """Return the character spacing, in twentieths of a point (negative: condensed), that fits
    exactly 28 body characters on a line: 16 pt characters need 448 pt, the type area has 442.

    A ``linesAndChars`` grid (``w:charSpace``) does this in Word and WPS, but LibreOffice then
    gives every character two grid cells; condensing the body style works in all three.
    """
    pitch_pt = text_width_twips() / 20 / CHARS_PER_LINE
    return math.floor((pitch_pt - BODY_PT) * 20)


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WFA"


def cells(text: str) -> float:
    """Return the width of ``text`` in character cells: wide characters 1, others ½, plus the
    quarter cell Word and LibreOffice put between Chinese and Latin letters or digits
    (w:autoSpaceDE / w:autoSpaceDN, on by default)."""
    width = sum(1.0 if _wide(ch) else 0.5 for ch in text)
    gaps = sum(1 for a, b in pairwise(text) if _wide(a) != _wide(b) and (a.isalnum() and b.isalnum()))
    return width + gaps * 0.25


# Title line breaking ----------------------------------------------------------------------------

TITLE_CELLS_PER_LINE = 19.0  # 156 mm at 22 pt is 20.1 cells; one kept for font metrics
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
    # words titles are often made of: a break before them falls between words
    "重点",
    "建设",
    "推进",
    "办理",
    "专项",
    "整改",
    "督查",
    "调研",
    "落实",
    "安全",
    "疫情",
    "防控",
    "管理",
    "服务",
    "全县",
    "全市",
    "全区",
    "全镇",
    "全省",
)
_BREAK_AFTER = ("关于", "開展", "开展", "推进", "加强", "进一步", "關於", "推進", "加強", "進一步")
_SHORTEST_LINE = 0.4  # a known word break wins unless a line is shorter than this share of the longest
_NO_LINE_START = set("，。、；：！？）》」』”’")
_NO_LINE_END = set("（《「『“‘")


def _break_points(title: str) -> set[int]:
    points: set[int] = set()
    for phrase in _BREAK_BEFORE:
        points.update(i for i in range(1, len(title)) if title.startswith(phrase, i))
    for phrase in _BREAK_AFTER:
        points.update(i + len(phrase) for i in range(len(title)) if title.startswith(phrase, i))
    return {p for p in points if 0 < p < len(title)}


def _can_break(title: str, at: int) -> bool:
    before, after = title[at - 1], title[at]
    if after in _NO_LINE_START or before in _NO_LINE_END:
        return False
    return not ((before.isascii() and before.isalnum()) or (after.isascii() and after.isalnum()))


@lru_cache(maxsize=1024)
def title_lines(title: str, width: float = TITLE_CELLS_PER_LINE) -> list[str]:
    """Return the title split into as few lines as fit ``width`` cells, words kept whole.

    GB/T 9704 asks for a title broken between words, in a trapezoid or diamond. Among the
    splits with the fewest lines: lines that never grow (longer line first) first; then
    splits whose shortest line is at least ``_SHORTEST_LINE`` of the longest; then breaks at known word
    boundaries; then the most even. Never next to a digit or Latin letter (第4季度, 12345热线)
    nor before closing or after opening punctuation. Digits and Latin count half a cell.
    """
    if cells(title) <= width:
        return [title]
    words = _break_points(title)
    allowed = [i for i in range(1, len(title)) if _can_break(title, i)]
    best: tuple[tuple[int, bool, int, float], list[str]] | None = None
    for count in range(2, 6):
        for cut in combinations(allowed, count - 1):
            bounds = (0, *cut, len(title))
            lines = [title[a:b] for a, b in pairwise(bounds)]
            widths = [cells(line) for line in lines]
            if max(widths) > width:
                continue
            growing = sum(b > a for a, b in pairwise(widths))
            uneven = max(widths) - min(widths)
            lopsided = min(widths) < _SHORTEST_LINE * max(widths)
            score = (growing, lopsided, sum(c not in words for c in cut), uneven)
            if best is None or score < best[0]:
                best = (score, lines)
        if best is not None:
            return best[1]
    return [title]


# Signature block ---------------------------------------------------------------------------------


def signature_indents(signature: str, date: str, *, sealed: bool = False) -> tuple[float, float]:
    """Return the right indents, in characters, of the signature and the date line.

    Unsealed (GB/T 9704 7.3.5.2): the signature 右空二字 and the date starting two characters
    right of the signature's first character; a date longer than that keeps 右空二字 and moves
    the signature left. Sealed (7.3.5.1): the date 右空四字 and the signature centred over it.
    An empty signature or date leaves the other at its plain indent.
    """
    sig, day = cells(signature), cells(date)
    if sealed:
        return max(0.0, SIGNATURE_RIGHT_CHARS + (day - sig) / 2), float(SIGNATURE_RIGHT_CHARS)
    if not signature or not date:
        return 2.0, 2.0
    date_right = sig - 2 - day + 2
    if date_right >= 2:
        return 2.0, date_right
    return 2.0 + day + 2 - sig, 2.0


if __name__ == "__main__":  # ``python -m huibao.write.layout`` rebuilds templates/layout.docx
    import sys
    from pathlib import Path

    from huibao.write import template

    print(template.build_layout(Path(sys.argv[1]) if len(sys.argv) > 1 else template.LAYOUT_PATH))
