"""The styles of the 公文 elements in the layout template, which an office may restyle.

Red, fonts, sizes and spacing of the 版头 (份号/密级/紧急程度, 发文机关标志, 发文字号, 签发人, red
separator), the 简报 masthead, 附件说明, 附注 and 版记 live in these styles, not in each report:
an office changes them in Word/WPS like any other style. A template made before these styles
existed gets them added when it is compiled (:func:`defaults`), so it keeps working.
"""

from __future__ import annotations

from dataclasses import replace

from huibao.ooxml.body import Indent
from huibao.ooxml.parts import StyleDef
from huibao.write import layout as L

_NO_IND = Indent()
_S = L.STYLE_IDS


def styles() -> list[StyleDef]:
    """Return the element styles (GB/T 9704 7.2–7.4 and the common 简报 masthead)."""
    line = L.LINE_PITCH_TWIPS
    body = _S["body"]
    imprint_ind = Indent(left=100, right=100, char_twips=L.IMPRINT_PT * 20)
    # the 发文机关标志 and a 简报's red name share one look; the mark sits 35 mm below the top of
    # the type area, the name a line apart from what is around it
    issuer = StyleDef(
        _S["issuer"],
        "Issuer Mark",
        based_on=body,
        next=body,
        east_asia=L.FONT_TITLE,
        size_pt=L.ISSUER_PT,
        bold=False,
        color=L.RED,
        jc="center",
        indent=_NO_IND,
        line_twips=L.ISSUER_LINE_TWIPS,
        before=L.mm_to_twips(L.ISSUER_TOP_MM),
        after=0,
        keep_next=True,
        snap_to_grid=False,
    )
    return [
        StyleDef(
            _S["marking"],
            "Report Marking",
            based_on=body,
            next=body,
            east_asia=L.FONT_H1,
            size_pt=L.BODY_PT,
            bold=False,
            jc="left",
            indent=_NO_IND,
            keep_next=True,
        ),
        issuer,
        StyleDef(
            _S["doc_number"],
            "Document Number",
            based_on=body,
            next=body,
            jc="center",
            indent=_NO_IND,
            before=2 * line,
            keep_next=True,
        ),
        StyleDef(_S["signer"], "Signer Name", kind="character", east_asia=L.FONT_H2, bold=False),
        StyleDef(
            _S["red_rule"],
            "Red Rule",
            based_on=body,
            next=body,
            size_pt=2,
            indent=_NO_IND,
            line_twips=L.RED_RULE_TWIPS,
            before=0,
            after=2 * line,
            keep_next=True,
            snap_to_grid=False,
            rule_below=(L.RED_RULE_WIDTH, L.RED),
        ),
        replace(issuer, style_id=_S["masthead"], name="Brief Name", before=line, after=line),
        StyleDef(
            _S["issue"], "Brief Issue", based_on=body, next=body, jc="center", indent=_NO_IND, keep_next=True
        ),
        StyleDef(
            _S["editor"], "Brief Editor", based_on=body, next=body, jc="left", indent=_NO_IND, keep_next=True
        ),
        StyleDef(
            _S["attachment"],
            "Attachment Note",
            based_on=body,
            next=body,
            jc="left",
            indent=Indent(left=round(L.ATTACHMENT_LEFT_CHARS * 100), first_line=-150),
        ),
        StyleDef(_S["note"], "Report Note", based_on=body, next=body, indent=Indent(first_line=200)),
        StyleDef(
            _S["imprint"],
            "Imprint",
            based_on=body,
            next=body,
            size_pt=L.IMPRINT_PT,
            jc="left",
            indent=imprint_ind,
            line_twips=line,
            before=0,
            after=0,
            snap_to_grid=False,
        ),
    ]


def defaults() -> dict[str, str]:
    """Return role key → ``w:style`` XML of every element style (what a template lacking one
    gets when it is compiled)."""
    by_id = {v: k for k, v in _S.items()}
    return {by_id[s.style_id]: s.xml() for s in styles()}
