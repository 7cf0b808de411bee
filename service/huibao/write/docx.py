"""The .docx writer: the document tree poured into the layout template with docxtpl.

The layout template (``templates/layout.docx``, or ``HUIBAO_DOCX_TEMPLATE``) carries page setup,
styles and the page-number footer; its body holds ``{{p body }}``, which becomes a python-docx
sub-document built here with the template's own styles. Text is always set through python-docx,
never through Jinja, so a fact can never become template code or XML.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docxtpl import DocxTemplate

from huibao import ooxml, resources
from huibao.compose.tree import Block, Document, Role
from huibao.write import layout

ROLE_STYLES = {
    Role.TITLE: layout.STYLE_TITLE,
    Role.SUBTITLE: layout.STYLE_SUBTITLE,
    Role.RECIPIENT: layout.STYLE_RECIPIENT,
    Role.BODY: layout.STYLE_BODY,
    Role.CLOSING: layout.STYLE_CLOSING,
    Role.SIGNATURE: layout.STYLE_SIGNATURE,
    Role.DATE: layout.STYLE_DATE,
}


def template_path() -> Path:
    """Return the layout template in use: ``HUIBAO_DOCX_TEMPLATE`` or the bundled one."""
    return resources.layout_docx()


class _Styles:
    """Style ids of the layout template, looked up by name once per document."""

    def __init__(self, styles: object) -> None:
        names = {
            **{role.value: name for role, name in ROLE_STYLES.items()},
            **{f"h{level}": name for level, name in layout.STYLE_HEADINGS.items()},
            "table_text": layout.STYLE_TABLE_TEXT,
        }
        self.ids = {key: styles[name].style_id for key, name in names.items()}  # type: ignore[index]


def _add_block(sub: object, block: Block, styles: _Styles) -> None:
    if block.role is Role.TABLE:
        _add_table(sub, block.rows, styles)
        return
    para = sub.add_paragraph()  # type: ignore[attr-defined]
    if block.role is Role.HEADING:
        ooxml.set_style_id(para, styles.ids[f"h{block.level}"])
        para.add_run(f"{block.label}{block.heading}")
        if block.text:
            para.add_run(block.text, style=layout.STYLE_RUNIN_BODY)
        return
    ooxml.set_style_id(para, styles.ids[block.role.value])
    if block.role is Role.TITLE:
        first, *rest = layout.title_lines(block.text)
        run = para.add_run(first)
        for line in rest:
            run.add_break()
            run = para.add_run(line)
        return
    para.add_run(block.text)


def _add_table(sub: object, rows: list[list[str]], styles: _Styles) -> None:
    width = max(len(r) for r in rows)
    table = sub.add_table(rows=len(rows), cols=width)  # type: ignore[attr-defined]
    table.style = layout.STYLE_TABLE
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(rows):
        for c in range(width):
            para = table.cell(r, c).paragraphs[0]
            ooxml.set_style_id(para, styles.ids["table_text"])
            run = para.add_run(row[c] if c < len(row) else "")
            if r == 0:
                run.bold = True


def write(document: Document) -> bytes:
    """Return the .docx bytes of ``document`` laid out by the layout template."""
    tpl = DocxTemplate(str(template_path()))
    sub = tpl.new_subdoc()
    styles = _Styles(tpl.docx.styles)
    for block in document.blocks:
        _add_block(sub, block, styles)
    unit = next((b.text for b in document.blocks if b.role is Role.SIGNATURE), "")
    tpl.render({"body": sub, "title": document.title, "unit": unit}, autoescape=True)
    tpl.docx.core_properties.title = document.title
    tpl.docx.core_properties.author = unit
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()
