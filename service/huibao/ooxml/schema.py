"""Schema sequence of the WordprocessingML containers huibao writes or repairs (ECMA-376 part 1).

Word reads properties in the order its schema gives them and may drop one written out of
sequence (an ``w:ind`` after ``w:jc``). :func:`reorder` puts the children of every known
container of a tree into that order; children the table does not name keep their relative order
after the named ones (so a newer Word's extension elements survive).
"""

from __future__ import annotations

from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_PPR = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange"
)
_RPR = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange"
)
_SECTPR = (
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
    "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter "
    "docGrid printerSettings sectPrChange"
)
_TBLPR = (
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
)
_TCPR = (
    "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark"
)
_STYLE = (
    "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed "
    "qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr"
)
_FONT = "altName panose1 charset family notTrueType pitch sig embedRegular embedBold embedItalic"

#: Local name of a container → the sequence of its children's local names.
ORDER: dict[str, tuple[str, ...]] = {
    "pPr": tuple(_PPR.split()),
    "rPr": tuple(_RPR.split()),
    "sectPr": tuple(_SECTPR.split()),
    "tblPr": tuple(_TBLPR.split()),
    "tcPr": tuple(_TCPR.split()),
    "style": tuple(_STYLE.split()),
    "font": tuple(_FONT.split()),
}

_RANKS = {
    f"{{{W_NS}}}{parent}": {f"{{{W_NS}}}{name}": i for i, name in enumerate(names)}
    for parent, names in ORDER.items()
}


def reorder(root: Any) -> int:
    """Sort the children of every known container under ``root`` into schema sequence.

    Returns how many containers were out of order (0 when the tree already was in sequence).
    """
    fixed = 0
    for tag, ranks in _RANKS.items():
        for container in root.iter(tag):
            children = list(container)
            last = len(ranks)
            ordered = sorted(children, key=lambda el: ranks.get(el.tag, last))
            if ordered != children:
                fixed += 1
                for child in children:
                    container.remove(child)
                container.extend(ordered)
    return fixed


def out_of_order(root: Any) -> list[str]:
    """Return the local names of containers under ``root`` whose children are out of sequence."""
    found: list[str] = []
    for tag, ranks in _RANKS.items():
        last = len(ranks)
        for container in root.iter(tag):
            keys = [ranks.get(el.tag, last) for el in container]
            if keys != sorted(keys):
                found.append(tag.rsplit("}", 1)[1])
    return found
