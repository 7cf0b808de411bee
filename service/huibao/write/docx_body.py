"""The body of a report's document.xml: one WordprocessingML string per block.

Paragraphs point at the layout template's styles by id; only what depends on the report is
set directly: title line breaks, the keep-together chain that holds the last body lines, the
closing, the signature and the date on one page (GB/T 9704 7.3.5.5), the signature block's
indents, and the 情况快报 table (columns sized to their content, header repeated, rows kept
whole, sub-rows indented).
"""

from __future__ import annotations

from huibao.compose.tree import FOOT_ROLES, HEAD_ROLES, Block, Document, Role
from huibao.ooxml import body as wml
from huibao.ooxml.body import Cell, Indent
from huibao.write import elements_docx, layout

_TAIL_ROLES = (Role.CLOSING, Role.ATTACHMENT, Role.SIGNATURE, Role.DATE, Role.NOTE)
_CELL_MARGIN_TWIPS = 170  # left + right cell margins of the table style
_CELL_SLACK_TWIPS = 60
_INDENT_SPACE = "\u3000"


def _tail_start(blocks: list[Block]) -> int:
    """Return the index of the closing/signature/date run that ends the report
    (len(blocks) when it has none)."""
    start = len(blocks)
    while start > 0 and blocks[start - 1].role in _TAIL_ROLES:
        start -= 1
    return start


def _column_widths(rows: list[list[str]], available: int, char_twips: int) -> list[int]:
    """Return column widths in twips, each as wide as its longest cell, shrinking the widest
    columns (their text wraps) until the table fits ``available``."""
    count = max(len(r) for r in rows)
    widths = [
        int(max(layout.cells(r[c]) if c < len(r) else 0 for r in rows) * char_twips)
        + _CELL_MARGIN_TWIPS
        + _CELL_SLACK_TWIPS
        for c in range(count)
    ]
    floor = 2 * char_twips + _CELL_MARGIN_TWIPS
    while sum(widths) > available:
        widest = max(range(count), key=lambda i: widths[i])
        widths[widest] = max(floor, widths[widest] - (sum(widths) - available))
        if all(w <= floor for w in widths):
            break
    return widths


def _table(block: Block, ids: dict[str, str], keep_next: bool) -> str:
    char_twips = layout.TABLE_PT * 20
    widths = _column_widths(block.rows, layout.text_width_twips(), char_twips)
    out_rows: list[list[Cell]] = []
    last = len(block.rows) - 1
    for r, row in enumerate(block.rows):
        cells: list[Cell] = []
        for c, width in enumerate(widths):
            text = row[c] if c < len(row) else ""
            if r == 0:
                para = wml.paragraph(ids["table_header"], wml.text_runs(text), keep_next=True)
            else:
                depth = len(text) - len(text.lstrip(_INDENT_SPACE))
                indent = Indent(left=depth * 100, char_twips=char_twips)
                jc = "left" if c == 0 else "center"
                para = wml.paragraph(
                    ids["table_text"],
                    wml.text_runs(text[depth:]),
                    indent=indent,
                    jc=jc,
                    keep_next=keep_next and r == last,
                )
            cells.append(Cell(para, width))
        out_rows.append(cells)
    return wml.table(ids["table"], widths, out_rows)


def _paragraph(block: Block, ids: dict[str, str], keep_next: bool, indents: dict[Role, float]) -> str:
    role = block.role
    if role is Role.HEADING:
        runs = wml.text_runs(f"{block.label}{block.heading}")
        if block.text:
            runs += wml.text_runs(block.text, style=ids["runin"], bold=None if ids["runin"] else False)
        return wml.paragraph(ids[f"h{block.level}"], runs, keep_next=keep_next)
    if role is Role.TITLE:
        return wml.paragraph(ids["title"], wml.text_runs("\n".join(layout.title_lines(block.text))))
    indent = None
    if role in indents:
        indent = Indent(right=round(indents[role] * 100))
    key = role.value if role.value in ids else "body"
    return wml.paragraph(ids[key], wml.text_runs(block.text), keep_next=keep_next, indent=indent)


def body_xml(document: Document, ids: dict[str, str], *, sealed: bool = False) -> str:
    """Return the body paragraphs and tables of ``document`` with the template's style ``ids``
    (role key → style id; ``runin`` may be "" when the template has no run-in style)."""
    head_end = 0
    while head_end < len(document.blocks) and document.blocks[head_end].role in HEAD_ROLES:
        head_end += 1
    foot_start = len(document.blocks)
    while foot_start > head_end and document.blocks[foot_start - 1].role in FOOT_ROLES:
        foot_start -= 1
    blocks = document.blocks[head_end:foot_start]
    tail = _tail_start(blocks)
    signature = next((b.text for b in blocks if b.role is Role.SIGNATURE), "")
    date = next((b.text for b in blocks if b.role is Role.DATE), "")
    sig_right, date_right = layout.signature_indents(signature, date, sealed=sealed)
    indents = {Role.SIGNATURE: sig_right, Role.DATE: date_right}
    out: list[str] = [elements_docx.head(document.blocks[:head_end], ids)]
    for i, block in enumerate(blocks):
        # The last body block and every tail block but the last keep with what follows.
        keep = tail < len(blocks) and tail - 1 <= i < len(blocks) - 1
        if block.role is Role.TABLE:
            out.append(_table(block, ids, keep))
        elif block.role is Role.ATTACHMENT:
            out.append(elements_docx.attachment(block, ids, keep))
        else:
            out.append(_paragraph(block, ids, keep, indents))
    out.append(elements_docx.foot(document.blocks[foot_start:], ids))
    return "".join(out)
