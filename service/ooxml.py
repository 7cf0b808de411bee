"""The one module that touches WordprocessingML directly.

python-docx covers most of what huibao writes; what it lacks (East Asian font names, fields,
document grid, odd/even page-number alignment) is done here, on lxml elements, so that the
writers and the layout builder stay on python-docx's friendly objects.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run


def set_fonts(target: BaseStyle | Run, east_asia: str, latin: str = "Times New Roman") -> None:
    """Set the Latin (ascii/hAnsi) and East Asian font names of a style or run."""
    element = target.element
    rpr = element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)


def east_asian_font(target: BaseStyle | Run) -> str | None:
    """Return the w:eastAsia font name of a style or run, or None when it has none."""
    rpr = target.element.rPr
    if rpr is None:
        return None
    rfonts = rpr.find(qn("w:rFonts"))
    return None if rfonts is None else rfonts.get(qn("w:eastAsia"))


def set_first_line_chars(style: BaseStyle, chars: int, size_pt: float) -> None:
    """Indent the first line by ``chars`` characters (w:firstLineChars, with a point fallback)."""
    ppr = style.element.get_or_add_pPr()
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        ppr.append(ind)
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(int(chars * size_pt * 20)))


def set_right_chars(style: BaseStyle, chars: int, size_pt: float) -> None:
    """Keep ``chars`` characters blank on the right (w:rightChars, with a point fallback)."""
    ppr = style.element.get_or_add_pPr()
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        ppr.append(ind)
    ind.set(qn("w:rightChars"), str(chars * 100))
    ind.set(qn("w:right"), str(int(chars * size_pt * 20)))


def clear_color_and_theme(style: BaseStyle) -> None:
    """Remove theme colours and theme fonts a built-in heading style brings along."""
    rpr = style.element.get_or_add_rPr()
    for tag in ("w:color",):
        for el in rpr.findall(qn(tag)):
            rpr.remove(el)


def set_line_grid(sectPr: object, line_pitch_twips: int) -> None:
    """Set the section's document grid to ``line_pitch_twips`` per line (22 lines a page)."""
    grid = sectPr.find(qn("w:docGrid"))  # type: ignore[attr-defined]
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sectPr.append(grid)  # type: ignore[attr-defined]
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(line_pitch_twips))


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> Run:
    """Append a complex field (e.g. ``PAGE``) to ``paragraph``; return the result run."""

    def fld_char(kind: str) -> BaseOxmlElement:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    begin = paragraph.add_run()
    begin._r.append(fld_char("begin"))
    instr = paragraph.add_run()
    instr_el = OxmlElement("w:instrText")
    instr_el.set(qn("xml:space"), "preserve")
    instr_el.text = f" {instruction} "
    instr._r.append(instr_el)
    sep = paragraph.add_run()
    sep._r.append(fld_char("separate"))
    result = paragraph.add_run(placeholder)
    end = paragraph.add_run()
    end._r.append(fld_char("end"))
    return result


def field_instructions(paragraph: Paragraph) -> list[str]:
    """Return the field instructions (``PAGE`` …) found in ``paragraph``, stripped."""
    found = [t.text.strip() for t in paragraph._p.iter(qn("w:instrText")) if t.text]
    found += [f.get(qn("w:instr"), "").strip() for f in paragraph._p.iter(qn("w:fldSimple"))]
    return found


def set_even_and_odd_headers(settings_element: object, on: bool = True) -> None:
    """Turn on distinct odd/even page headers and footers in settings.xml."""
    el = settings_element.find(qn("w:evenAndOddHeaders"))  # type: ignore[attr-defined]
    if on and el is None:
        el = OxmlElement("w:evenAndOddHeaders")
        settings_element.insert(0, el)  # type: ignore[attr-defined]
    elif not on and el is not None:
        settings_element.remove(el)  # type: ignore[attr-defined]


def set_style_id(paragraph: Paragraph, style_id: str) -> None:
    """Point ``paragraph`` at a style by id, skipping python-docx's slow by-name lookup."""
    paragraph._p.style = style_id


def set_cell_text_centered(cell_paragraph: Paragraph) -> None:
    """Remove the first-line indent a body style would give a table cell paragraph."""
    ppr = cell_paragraph._p.get_or_add_pPr()
    ind = OxmlElement("w:ind")
    ind.set(qn("w:firstLine"), "0")
    ind.set(qn("w:firstLineChars"), "0")
    ppr.append(ind)


POINT = Pt(1)
