"""The 公文 elements as WordprocessingML: 版头, 简报 masthead, 附件说明 and 版记.

Fonts, sizes, colours and spacing come from the layout template's element styles
(:mod:`huibao.write.element_styles`); only what depends on the report is set here: the
发文机关标志's distance from the top when 份号/密级/紧急程度 stand above it and its narrowing
when a long name would not fit, the tab stops that put 签发人, a 简报's date and the 印发日期
at the right end of their line, the attachments' hanging indents, and the 版记's rules and
floating table, which sets it at the foot of the type area of the page it falls on (GB/T 9704
7.4). It does not move the 版记 to an even page: that needs the page count, which only Word or
LibreOffice knows.
"""

from __future__ import annotations

from huibao.compose.tree import Block, Role
from huibao.ooxml import body as wml
from huibao.ooxml.body import Indent
from huibao.write import layout as L

_MARKS = (Role.COPY_NUMBER, Role.SECRECY, Role.URGENCY)
_BLACK = "000000"


def _issuer_scale(text: str) -> int:
    """Return the character width (per cent) that fits ``text`` on one line of the type area."""
    width_pt = L.text_width_twips() / 20
    need = L.cells(text) * L.ISSUER_PT
    return 100 if need <= width_pt else max(33, int(width_pt / need * 100))


def head(blocks: list[Block], ids: dict[str, str]) -> str:
    """Return the 版头 or 简报 masthead paragraphs of ``blocks`` ("" when there are none)."""
    out: list[str] = []
    width = L.text_width_twips()
    marks = sum(1 for b in blocks if b.role in _MARKS)
    first_issuer = True
    for b in blocks:
        if b.role in _MARKS:
            out.append(wml.paragraph(ids["marking"], wml.text_runs(b.text), keep_next=True))
        elif b.role is Role.ISSUER:
            before = None
            if first_issuer and marks:
                before = max(0, L.mm_to_twips(L.ISSUER_TOP_MM) - marks * L.LINE_PITCH_TWIPS)
            elif not first_issuer:
                before = 0
            first_issuer = False
            runs = wml.text_runs(b.text, scale=_issuer_scale(b.text))
            out.append(wml.paragraph(ids["issuer"], runs, space_before=before))
        elif b.role is Role.DOC_NUMBER and b.aside:
            label, _, names = b.aside.partition("：")
            runs = wml.text_runs(f"{b.text}\t{label}：") + wml.text_runs(names, style=ids["signer"])
            one = Indent(left=100, right=100)
            tabs = (("right", width - one.char_twips),)
            out.append(wml.paragraph(ids["doc_number"], runs, indent=one, jc="left", tabs=tabs))
        elif b.role is Role.EDITOR:
            runs = wml.text_runs(f"{b.text}\t{b.aside}" if b.aside else b.text)
            out.append(wml.paragraph(ids["editor"], runs, tabs=(("right", width),)))
        elif b.role is Role.RED_RULE:
            out.append(wml.paragraph(ids["red_rule"], ""))
        else:  # 发文字号 without 签发人, 简报 name, 第N期
            key = {Role.DOC_NUMBER: "doc_number", Role.MASTHEAD: "masthead", Role.ISSUE: "issue"}[b.role]
            out.append(wml.paragraph(ids[key], wml.text_runs(b.text)))
    return "".join(out)


def attachment(block: Block, ids: dict[str, str], keep_next: bool) -> str:
    """Return one line of the 附件说明: 附件：1. title, later numbers under the first, long titles
    wrapping under their first character."""
    left = round(L.ATTACHMENT_LEFT_CHARS * 100)
    tabs = (("left", left * 320 // 100),)
    runs = wml.text_runs(f"{block.label}\t{block.text}")
    if block.level == 1:  # one blank line under the body, 空二字
        indent = Indent(left=left, first_line=200 - left)
        return wml.paragraph(
            ids["attachment"],
            runs,
            keep_next=keep_next,
            indent=indent,
            tabs=tabs,
            space_before=L.LINE_PITCH_TWIPS,
        )
    return wml.paragraph(ids["attachment"], runs, keep_next=keep_next, tabs=tabs)


def foot(blocks: list[Block], ids: dict[str, str]) -> str:
    """Return the 版记 or 报/送/发 block: a table floating at the foot of the type area of the
    page it falls on, a thick rule above and below, a thin one above the 印发 line ("" when
    there is nothing in it)."""
    if not blocks:
        return ""
    width = L.text_width_twips()
    one_char = L.IMPRINT_PT * 20
    rows: list[tuple[str, str]] = []
    last = len(blocks) - 1
    for i, b in enumerate(blocks):
        top = (L.THICK_RULE, _BLACK) if i == 0 else (L.THIN_RULE, _BLACK) if b.role is Role.PRINTER else None
        bottom = (L.THICK_RULE, _BLACK) if i == last else None
        text = f"{b.label}{b.text}"
        if b.aside:
            text = f"{text}\t{b.aside}"
        para = wml.paragraph(
            ids["imprint"],
            wml.text_runs(text),
            keep_next=i < last,
            tabs=(("right", width - one_char),) if b.aside else (),
        )
        rows.append((wml.cell_borders(top, bottom), para))
    table = wml.foot_table(width, L.mm_to_twips(L.MARGINS_MM["left"]), rows)
    return table + wml.paragraph(ids["imprint"], "", line_twips=20)  # a body never ends in a table
