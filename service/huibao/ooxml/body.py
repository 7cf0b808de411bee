"""WordprocessingML for one report's body and core properties, built as strings.

Every piece of text passes through :func:`text_runs`, which escapes it (``&``, ``<``, ``>``),
drops characters XML 1.0 cannot hold, turns tabs and line breaks into ``w:tab``/``w:br`` and
marks the run East Asian (``w:hint``), so Chinese quotes “ ” take the Chinese font and full
width. Elements are written in schema sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HINT = '<w:rFonts w:hint="eastAsia"/>'


def esc(text: str) -> str:
    """Return ``text`` escaped for XML character data, invalid characters dropped."""
    return escape(_INVALID_XML.sub("", text))


def text_runs(text: str, *, style: str = "", bold: bool | None = None, scale: int = 100) -> str:
    """Return ``w:r`` elements carrying ``text`` ("" for empty text).

    ``style`` is a character style id; ``bold`` sets or clears bold directly (None: inherit);
    ``scale`` below 100 narrows the characters (per cent of their width).
    """
    if not text:
        return ""
    rpr = f'<w:rStyle w:val="{style}"/>' if style else ""
    rpr += _HINT
    if bold is not None:
        rpr += "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    if scale != 100:
        rpr += f'<w:w w:val="{scale}"/>'
    pieces: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            pieces.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                pieces.append("<w:tab/>")
            if chunk:
                pieces.append(f'<w:t xml:space="preserve">{esc(chunk)}</w:t>')
    return f"<w:r><w:rPr>{rpr}</w:rPr>{''.join(pieces)}</w:r>"


@dataclass(frozen=True)
class Indent:
    """A paragraph's indents in hundredths of a character (and the twips Word falls back to).

    Every side is written, zeros included, so nothing is inherited from the style: Word lets a
    style's ``firstLineChars`` win over a paragraph's ``firstLine="0"``.
    """

    left: int = 0
    right: int = 0
    first_line: int = 0  # negative: a hanging indent
    char_twips: int = 320  # one character of 3号 (16 pt)

    def xml(self) -> str:
        def side(name: str, chars: int) -> str:
            return f'w:{name}Chars="{chars}" w:{name}="{chars * self.char_twips // 100}"'

        first = (
            side("firstLine", self.first_line) if self.first_line >= 0 else side("hanging", -self.first_line)
        )
        sides = (side("left", self.left), side("right", self.right), first)
        return f"<w:ind {' '.join(sides)}/>"


def paragraph(
    style_id: str,
    runs: str,
    *,
    keep_next: bool = False,
    indent: Indent | None = None,
    jc: str = "",
    space_before: int | None = None,
    tabs: tuple[tuple[str, int], ...] = (),
    line_twips: int = 0,
) -> str:
    """Return a ``w:p`` of style ``style_id`` holding ``runs`` (from :func:`text_runs`).

    ``keep_next`` keeps it on the page of the next paragraph; ``indent``, ``jc`` (alignment)
    and ``space_before`` (twips) override the style when given; ``tabs`` are (alignment,
    position in twips) tab stops; ``line_twips`` sets an exact line height.
    """
    ppr = f'<w:pStyle w:val="{style_id}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if tabs:
        ppr += "<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:pos="{pos}"/>' for v, pos in tabs) + "</w:tabs>"
    if space_before is not None or line_twips:
        before = f' w:before="{space_before}" w:beforeLines="0"' if space_before is not None else ""
        line = f' w:line="{line_twips}" w:lineRule="exact"' if line_twips else ""
        ppr += f"<w:spacing{before}{line}/>"
    if indent is not None:
        ppr += indent.xml()
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"


def foot_table(width_twips: int, left_twips: int, rows: list[tuple[str, str]]) -> str:
    """Return a one-column table floating at the foot of the type area of the page it falls
    on (the 版记 of GB/T 9704 7.4), ``left_twips`` from the page's left edge. ``rows`` are
    (cell borders from :func:`cell_borders`, paragraph) pairs.

    Placed from the page edge, not the margin: LibreOffice sets a floating table as wide as
    the type area in the text flow unless it is positioned relative to the page."""
    out = [
        "<w:tbl><w:tblPr>"
        '<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" w:bottomFromText="0" '
        f'w:vertAnchor="margin" w:horzAnchor="page" w:tblpX="{left_twips}" w:tblpYSpec="bottom"/>'
        '<w:tblOverlap w:val="never"/>'
        f'<w:tblW w:w="{width_twips}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        f'</w:tblPr><w:tblGrid><w:gridCol w:w="{width_twips}"/></w:tblGrid>'
    ]
    for cell_borders_xml, para in rows:
        out.append(
            f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{width_twips}" w:type="dxa"/>'
            f"{cell_borders_xml}</w:tcPr>{para}</w:tc></w:tr>"
        )
    out.append("</w:tbl>")
    return "".join(out)


def cell_borders(top: tuple[int, str] | None = None, bottom: tuple[int, str] | None = None) -> str:
    """Return a ``w:tcBorders`` with single rules on the given sides (width in eighths of a
    point, colour RRGGBB) and none on the others."""
    sides = []
    for name, rule in (("top", top), ("left", None), ("bottom", bottom), ("right", None)):
        if rule is None:
            sides.append(f'<w:{name} w:val="nil"/>')
        else:
            sides.append(f'<w:{name} w:val="single" w:sz="{rule[0]}" w:space="0" w:color="{rule[1]}"/>')
    return f"<w:tcBorders>{''.join(sides)}</w:tcBorders>"


@dataclass(frozen=True)
class Cell:
    """One table cell: its paragraph (from :func:`paragraph`) and width in twips."""

    content: str
    width: int


def table(style_id: str, widths: list[int], rows: list[list[Cell]], header_rows: int = 1) -> str:
    """Return a centred fixed-layout ``w:tbl``: columns ``widths`` (twips), rows that never
    split across pages, the first ``header_rows`` repeated at the top of every page."""
    total = sum(widths)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [
        "<w:tbl><w:tblPr>",
        f"<w:tblStyle w:val={attr(style_id)}/>" if style_id else "",
        f'<w:tblW w:w="{total}" w:type="dxa"/>'
        '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
        f'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>',
    ]
    for r, row in enumerate(rows):
        header = "<w:tblHeader/>" if r < header_rows else ""
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>")
        for cell in row:
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{cell.width}" w:type="dxa"/><w:vAlign w:val="center"/>'
                f"</w:tcPr>{cell.content}</w:tc>"
            )
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"


def core_properties(title: str, author: str, when: datetime, language: str) -> str:
    """Return docProps/core.xml: title, author (also last modified by), created and modified
    at ``when`` (UTC, whole seconds) and the document language."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<cp:coreProperties xmlns:cp="{_CP}" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{esc(title)}</dc:title><dc:creator>{esc(author)}</dc:creator>"
        f"<cp:lastModifiedBy>{esc(author)}</cp:lastModifiedBy>"
        f"<dc:language>{esc(language)}</dc:language><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def attr(value: str) -> str:
    """Return ``value`` as a quoted, escaped XML attribute value."""
    return quoteattr(_INVALID_XML.sub("", value))
