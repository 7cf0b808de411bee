"""The parts of huibao's own layout template, written from plain descriptions.

:mod:`huibao.write.template` describes the GB/T 9704 layout (styles, page, page-number footers)
with :class:`StyleDef` and :class:`PageDef`; the functions here turn those into
WordprocessingML in schema sequence: styles.xml, settings.xml, document.xml (the body marker
paragraph and the section), the two footers, content types, relationships and app properties.
Nothing here comes from python-docx's default template, so no leftover part rides along.
"""

from __future__ import annotations

from dataclasses import dataclass

from huibao.ooxml.body import Indent, esc
from huibao.ooxml.schema import W_NS

_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = f'xmlns:w="{W_NS}" xmlns:r="{_R_NS}"'
LATIN = "Times New Roman"


def fonts_xml(east_asia: str, latin: str = LATIN) -> str:
    """Return ``w:rFonts`` naming ``east_asia`` for Chinese text and ``latin`` for the rest."""
    return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{esc(east_asia)}" w:cs="{latin}"/>'


@dataclass(frozen=True)
class StyleDef:
    """One style. Zero, "" or None leave a property to the base style."""

    style_id: str
    name: str
    kind: str = "paragraph"
    based_on: str = ""
    next: str = ""
    east_asia: str = ""
    size_pt: float = 0
    bold: bool | None = None
    jc: str = ""
    indent: Indent | None = None
    line_twips: int = 0
    before: int | None = None
    after: int | None = None
    keep_next: bool = False
    keep_lines: bool = False
    snap_to_grid: bool | None = None
    outline: int | None = None
    default: bool = False
    priority: int = 0
    condense: int = 0  # character spacing in twentieths of a point
    color: str = ""  # text colour, RRGGBB
    rule_below: tuple[int, str] | None = None  # a bottom border: width in eighths of a point, colour

    def xml(self) -> str:
        """Return the ``w:style`` element."""
        default = ' w:default="1"' if self.default else ""
        out = [f'<w:style w:type="{self.kind}"{default} w:styleId="{self.style_id}">']
        out.append(f'<w:name w:val="{esc(self.name)}"/>')
        if self.based_on:
            out.append(f'<w:basedOn w:val="{self.based_on}"/>')
        if self.next:
            out.append(f'<w:next w:val="{self.next}"/>')
        if self.priority:
            out.append(f'<w:uiPriority w:val="{self.priority}"/>')
        if self.kind != "table":
            out.append("<w:qFormat/>")
        out.append(self._ppr() + self._rpr())
        if self.kind == "table":
            out.append(
                '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                '<w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                '<w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>'
                '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
                "</w:tblCellMar></w:tblPr>"
            )
        out.append("</w:style>")
        return "".join(out)

    def _ppr(self) -> str:
        if self.kind == "character":
            return ""
        p = ""
        if self.keep_next:
            p += "<w:keepNext/>"
        if self.keep_lines:
            p += "<w:keepLines/>"
        if self.kind == "paragraph" and not self.based_on:
            p += "<w:widowControl/>"
        if self.rule_below is not None:
            width, color = self.rule_below
            p += f'<w:pBdr><w:bottom w:val="single" w:sz="{width}" w:space="0" w:color="{color}"/></w:pBdr>'
        if self.snap_to_grid is not None:
            p += f'<w:snapToGrid w:val="{int(self.snap_to_grid)}"/>'
        spacing = ""
        if self.before is not None:
            spacing += f' w:before="{self.before}" w:beforeLines="0"'
        if self.after is not None:
            spacing += f' w:after="{self.after}" w:afterLines="0"'
        if self.line_twips:
            spacing += f' w:line="{self.line_twips}" w:lineRule="exact"'
        if spacing:
            p += f"<w:spacing{spacing}/>"
        if self.indent is not None:
            p += self.indent.xml()
        if self.jc:
            p += f'<w:jc w:val="{self.jc}"/>'
        if self.outline is not None:
            p += f'<w:outlineLvl w:val="{self.outline}"/>'
        return f"<w:pPr>{p}</w:pPr>" if p else ""

    def _rpr(self) -> str:
        r = fonts_xml(self.east_asia) if self.east_asia else ""
        if self.bold is not None:
            r += "<w:b/><w:bCs/>" if self.bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
        if self.kind != "table":
            r += '<w:i w:val="0"/><w:iCs w:val="0"/>' if self.east_asia else ""
        if self.color:
            r += f'<w:color w:val="{self.color}"/>'
        if self.condense:
            r += f'<w:spacing w:val="{self.condense}"/>'
        if self.size_pt:
            half = round(self.size_pt * 2)
            r += f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
        return f"<w:rPr>{r}</w:rPr>" if r else ""


def styles_xml(styles: list[StyleDef], east_asia: str, size_pt: float, lang: str) -> str:
    """Return styles.xml: document defaults (fonts, size, ``w:lang`` with East Asian ``lang``)
    and ``styles``."""
    half = round(size_pt * 2)
    defaults = (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{fonts_xml(east_asia)}"
        f'<w:kern w:val="2"/><w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
        f'<w:lang w:val="en-US" w:eastAsia="{lang}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        "<w:pPrDefault><w:pPr><w:widowControl/></w:pPr></w:pPrDefault></w:docDefaults>"
    )
    body = "".join(s.xml() for s in styles)
    return f"{_DECL}<w:styles {_W}>{defaults}{body}</w:styles>"


@dataclass(frozen=True)
class PageDef:
    """Page setup in twips: size, margins, header/footer distances and the document grid."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    header: int
    footer: int
    line_pitch: int


def document_xml(marker: str, page: PageDef) -> str:
    """Return document.xml: one paragraph holding ``marker`` and the section (odd/even footers
    rId1/rId2, A4 page, margins, a line grid)."""
    p = page
    sect = (
        '<w:sectPr><w:footerReference w:type="default" r:id="rId1"/>'
        '<w:footerReference w:type="even" r:id="rId2"/>'
        f'<w:pgSz w:w="{p.width}" w:h="{p.height}"/>'
        f'<w:pgMar w:top="{p.top}" w:right="{p.right}" w:bottom="{p.bottom}" w:left="{p.left}" '
        f'w:header="{p.header}" w:footer="{p.footer}" w:gutter="0"/>'
        '<w:pgNumType w:fmt="decimal"/><w:cols w:space="425"/>'
        f'<w:docGrid w:type="lines" w:linePitch="{p.line_pitch}"/>'
        "</w:sectPr>"
    )
    para = f"<w:p><w:r><w:t>{esc(marker)}</w:t></w:r></w:p>"
    return f"{_DECL}<w:document {_W}><w:body>{para}{sect}</w:body></w:document>"


def footer_xml(style_id: str, jc: str, indent: Indent, east_asia: str, size_pt: float) -> str:
    """Return a footer with the page number as ``— N —`` (a PAGE field), aligned ``jc``."""
    half = round(size_pt * 2)
    rpr = f'<w:rPr>{fonts_xml(east_asia, east_asia)}<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>'

    def run(inner: str) -> str:
        return f"<w:r>{rpr}{inner}</w:r>"

    para = (
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{indent.xml()}<w:jc w:val="{jc}"/></w:pPr>'
        + run('<w:t xml:space="preserve">— </w:t>')
        + run('<w:fldChar w:fldCharType="begin"/>')
        + run('<w:instrText xml:space="preserve"> PAGE </w:instrText>')
        + run('<w:fldChar w:fldCharType="separate"/>')
        + run("<w:t>1</w:t>")
        + run('<w:fldChar w:fldCharType="end"/>')
        + run('<w:t xml:space="preserve"> —</w:t>')
        + "</w:p>"
    )
    return f"{_DECL}<w:ftr {_W}>{para}</w:ftr>"


def settings_xml() -> str:
    """Return settings.xml: odd/even page footers, Chinese punctuation compression, and the
    Chinese theme-font language."""
    return (
        f"{_DECL}<w:settings {_W}>"
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>'
        '<w:drawingGridVerticalSpacing w:val="579"/><w:displayHorizontalDrawingGridEvery w:val="0"/>'
        '<w:characterSpacingControl w:val="compressPunctuation"/>'
        "<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/>"
        "<w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/>"
        "<w:useFELayout/>"
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
        'w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
    )


_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
PART_TYPES = {
    "/word/document.xml": f"{_CT}.document.main+xml",
    "/word/styles.xml": f"{_CT}.styles+xml",
    "/word/settings.xml": f"{_CT}.settings+xml",
    "/word/fontTable.xml": f"{_CT}.fontTable+xml",
    "/word/footer1.xml": f"{_CT}.footer+xml",
    "/word/footer2.xml": f"{_CT}.footer+xml",
    "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
}


def content_types_xml() -> str:
    """Return [Content_Types].xml for the template's parts."""
    overrides = "".join(
        f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in PART_TYPES.items()
    )
    return (
        f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>'
    )


_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def relationships_xml(targets: list[tuple[str, str]]) -> str:
    """Return a .rels part relating ``(type suffix or full type, target)`` pairs as rId1, rId2 …"""
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{kind if "://" in kind else f"{_REL}/{kind}"}" Target="{target}"/>'
        for i, (kind, target) in enumerate(targets, 1)
    )
    return (
        f'{_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{rels}</Relationships>"
    )


CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"


def app_xml() -> str:
    """Return docProps/app.xml naming huibao as the producing application."""
    return (
        f'{_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Template>Normal.dotm</Template><DocSecurity>0</DocSecurity><Application>huibao</Application>"
        "</Properties>"
    )
