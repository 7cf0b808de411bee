"""Builds ``templates/layout.docx``: the GB/T 9704-2012 layout every .docx report starts from.

The checked-in template is what offices restyle in Word/WPS; ``python -m huibao.write.template``
regenerates it from the figures in :mod:`huibao.write.layout`. Every part is written by
:mod:`huibao.ooxml.parts`, so the file carries only what a report needs (no theme, thumbnail,
stylesWithEffects or Macintosh application properties).

Word, WPS and LibreOffice read it alike because nothing depends on one program's defaults:
every property is in schema sequence; indents state all sides (chars and twips) so none is
inherited; 28 characters a line come from condensing the body style by 0.25 pt under a
plain line grid, not from a ``linesAndChars`` grid (Word and WPS honour ``w:charSpace``,
LibreOffice then spreads each character over two cells); title, table text and footer use
exact spacing with ``w:snapToGrid="0"`` (Word ignores the grid for exact spacing, LibreOffice
would snap). WPS could not be run here, so what it needs beyond Word is not verified: it is
understood to substitute missing fonts from its own table rather than through ``w:altName``
(so the real Chinese name in ``w:eastAsia`` matters most), and to size “ ” by the East Asian
language when a run has no ``w:hint``; huibao writes the names, the language and the hint.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from huibao import resources
from huibao.ooxml import fonts as font_table
from huibao.ooxml import parts
from huibao.ooxml.body import Indent
from huibao.ooxml.parts import PageDef, StyleDef
from huibao.write import element_styles
from huibao.write import layout as L

LAYOUT_PATH = resources.bundled_layout_docx()

BODY_IND = Indent(first_line=200)
NO_IND = Indent()


def page() -> PageDef:
    """Return A4 with the GB/T 9704 margins and a 22 × 28 grid, in twips."""
    tw = L.mm_to_twips
    return PageDef(
        width=tw(L.PAGE_WIDTH_MM),
        height=tw(L.PAGE_HEIGHT_MM),
        top=tw(L.MARGINS_MM["top"]),
        bottom=tw(L.MARGINS_MM["bottom"]),
        left=tw(L.MARGINS_MM["left"]),
        right=tw(L.MARGINS_MM["right"]),
        header=tw(15),
        footer=tw(L.FOOTER_DISTANCE_MM),
        line_pitch=L.LINE_PITCH_TWIPS,
    )


def styles() -> list[StyleDef]:
    """Return the template's styles: defaults, title, body roles, headings, table, footer and
    the 公文 elements (:mod:`huibao.write.element_styles`)."""
    return _report_styles() + element_styles.styles()


def _report_styles() -> list[StyleDef]:
    body = L.BODY_PT
    line = L.LINE_PITCH_TWIPS
    S = L.STYLE_IDS
    heading = [
        StyleDef(
            S[f"h{level}"],
            f"heading {level}",
            based_on=S["body"],
            next=S["body"],
            east_asia=font,
            size_pt=body,
            bold=bold,
            keep_next=True,
            keep_lines=True,
            indent=BODY_IND,
            jc="both",
            outline=level - 1,
            priority=9,
        )
        for level, (font, bold) in L.HEADING_FONTS.items()
    ]
    return [
        StyleDef(
            S["body"],
            "Normal",
            default=True,
            condense=L.char_condense(),
            east_asia=L.FONT_BODY,
            size_pt=body,
            bold=False,
            jc="both",
            indent=BODY_IND,
            line_twips=line,
            before=0,
            after=0,
        ),
        StyleDef(
            "DefaultParagraphFont", "Default Paragraph Font", kind="character", default=True, priority=1
        ),
        StyleDef("TableNormal", "Normal Table", kind="table", default=True, priority=99),
        StyleDef(
            S["title"],
            "Title",
            based_on=S["body"],
            next=S["body"],
            east_asia=L.FONT_TITLE,
            size_pt=L.TITLE_PT,
            bold=False,
            jc="center",
            indent=NO_IND,
            line_twips=L.TITLE_LINE_TWIPS,
            before=0,
            after=line,
            keep_next=True,
            keep_lines=True,
            snap_to_grid=False,
            priority=10,
        ),
        *heading,
        StyleDef(
            S["subtitle"],
            "Report Subtitle",
            based_on=S["body"],
            next=S["body"],
            jc="center",
            indent=NO_IND,
            keep_next=True,
        ),
        StyleDef(
            S["recipient"],
            "Report Recipient",
            based_on=S["body"],
            next=S["body"],
            jc="left",
            indent=NO_IND,
            keep_next=True,
        ),
        StyleDef(
            S["closing"],
            "Report Closing",
            based_on=S["body"],
            next=S["signature"],
            indent=BODY_IND,
            keep_next=True,
        ),
        StyleDef(
            S["signature"],
            "Report Signature",
            based_on=S["body"],
            next=S["date"],
            jc="right",
            indent=Indent(right=L.SIGNATURE_RIGHT_CHARS * 100),
            before=line,
            keep_next=True,
        ),
        StyleDef(
            S["date"],
            "Report Date",
            based_on=S["body"],
            next=S["body"],
            jc="right",
            indent=Indent(right=L.SIGNATURE_RIGHT_CHARS * 100),
        ),
        StyleDef(
            S["table_text"],
            "Report Table Text",
            based_on=S["body"],
            size_pt=L.TABLE_PT,
            jc="center",
            indent=Indent(char_twips=L.TABLE_PT * 20),
            line_twips=L.TABLE_LINE_TWIPS,
            snap_to_grid=False,
        ),
        StyleDef(
            S["table_header"],
            "Report Table Header",
            based_on=S["table_text"],
            east_asia=L.FONT_H1,
            bold=False,
            keep_next=True,
        ),
        StyleDef(S["runin"], "Run-in Body", kind="character", east_asia=L.FONT_BODY, bold=False),
        StyleDef(S["table"], "Table Grid", kind="table", based_on="TableNormal", priority=59),
        StyleDef(
            S["footer"],
            "footer",
            east_asia=L.FONT_PAGE,
            size_pt=L.PAGE_NUMBER_PT,
            indent=Indent(char_twips=L.PAGE_NUMBER_PT * 20),
            line_twips=L.FOOTER_LINE_TWIPS,
            before=0,
            after=0,
            snap_to_grid=False,
        ),
    ]


def template_parts() -> dict[str, str]:
    """Return every part of the layout template by its name in the package."""
    one_char = Indent(char_twips=L.PAGE_NUMBER_PT * 20)
    odd = Indent(right=100, char_twips=one_char.char_twips)
    even = Indent(left=100, char_twips=one_char.char_twips)
    used = [L.FONT_BODY, L.FONT_TITLE, L.FONT_H1, L.FONT_H2, L.FONT_PAGE, parts.LATIN]
    footer = L.STYLE_IDS["footer"]
    return {
        "[Content_Types].xml": parts.content_types_xml(),
        "_rels/.rels": parts.relationships_xml(
            [
                ("officeDocument", "word/document.xml"),
                (parts.CORE_REL, "docProps/core.xml"),
                ("extended-properties", "docProps/app.xml"),
            ]
        ),
        "docProps/app.xml": parts.app_xml(),
        "docProps/core.xml": "",  # written per report
        "word/document.xml": parts.document_xml(L.BODY_MARKER, page()),
        "word/_rels/document.xml.rels": parts.relationships_xml(
            [
                ("footer", "footer1.xml"),
                ("footer", "footer2.xml"),
                ("styles", "styles.xml"),
                ("settings", "settings.xml"),
                ("fontTable", "fontTable.xml"),
            ]
        ),
        "word/styles.xml": parts.styles_xml(styles(), L.FONT_BODY, L.BODY_PT, "zh-CN"),
        "word/settings.xml": parts.settings_xml(),
        "word/fontTable.xml": font_table.font_table(used),
        "word/footer1.xml": parts.footer_xml(footer, "right", odd, L.FONT_PAGE, L.PAGE_NUMBER_PT),
        "word/footer2.xml": parts.footer_xml(footer, "left", even, L.FONT_PAGE, L.PAGE_NUMBER_PT),
    }


def build_layout(path: Path = LAYOUT_PATH) -> Path:
    """Write the layout template to ``path`` and return it. Its core properties carry the
    docxtpl placeholders ``{{ title }}`` and ``{{ unit }}`` an office may reuse."""
    from huibao.ooxml.body import core_properties

    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in template_parts().items():
            if name == "docProps/core.xml":
                from datetime import UTC, datetime

                xml = core_properties("{{ title }}", "{{ unit }}", datetime(2026, 1, 1, tzinfo=UTC), "zh-CN")
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, xml.encode("utf-8"))
    return path


if __name__ == "__main__":
    print(build_layout(Path(sys.argv[1]) if len(sys.argv) > 1 else LAYOUT_PATH))
