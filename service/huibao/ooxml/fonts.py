"""Font-table entries (word/fontTable.xml) for the fonts a Chinese official document names.

Word and WPS look a missing font up through its entry: ``w:altName`` names the font to use
instead (仿宋_GB2312 → 仿宋 on a stock Windows machine), ``w:charset`` 86 says GB2312 so the
substitute is a Chinese font, and ``w:panose1``/``w:family``/``w:pitch`` let Word pick a close
face when neither name is installed. Without an entry Word falls back to its default font.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import quoteattr

from lxml import etree

from huibao.ooxml.schema import W_NS


@dataclass(frozen=True)
class FontEntry:
    """One ``w:font``: name, alternate name ("" for none), panose, charset, family and pitch."""

    name: str
    alt: str
    panose: str
    charset: str = "86"
    family: str = "modern"
    pitch: str = "fixed"

    def xml(self) -> str:
        """Return the ``w:font`` element in schema sequence."""
        alt = f"<w:altName w:val={quoteattr(self.alt)}/>" if self.alt else ""
        return (
            f'<w:font w:name={quoteattr(self.name)}>{alt}<w:panose1 w:val="{self.panose}"/>'
            f'<w:charset w:val="{self.charset}"/><w:family w:val="{self.family}"/>'
            f'<w:pitch w:val="{self.pitch}"/></w:font>'
        )


#: Every font huibao names, by the name it is written under. The GB2312 fonts fall back to the
#: GBK fonts every Chinese Windows ships; 方正小标宋简体 (a Founder font offices install) to 宋体.
KNOWN: dict[str, FontEntry] = {
    e.name: e
    for e in (
        FontEntry("仿宋_GB2312", "仿宋", "02010609030101010101"),
        FontEntry("楷体_GB2312", "楷体", "02010609030101010101"),
        FontEntry("方正小标宋简体", "宋体", "02000000000000000000", family="script", pitch="variable"),
        FontEntry("方正小标宋_GBK", "宋体", "02000000000000000000", family="script", pitch="variable"),
        FontEntry("仿宋", "FangSong", "02010609060101010101"),
        FontEntry("楷体", "KaiTi", "02010609060101010101"),
        FontEntry("黑体", "SimHei", "02010609060101010101"),
        FontEntry("宋体", "SimSun", "02010600030101010101", family="auto", pitch="variable"),
        FontEntry("华文中宋", "STZhongsong", "02010600040101010101", family="auto", pitch="variable"),
        FontEntry("標楷體", "DFKai-SB", "03000509000000000000", charset="88", family="script"),
        FontEntry(
            "新細明體", "PMingLiU", "02020500000000000000", charset="88", family="roman", pitch="variable"
        ),
        FontEntry(
            "Times New Roman", "", "02020603050405020304", charset="00", family="roman", pitch="variable"
        ),
    )
}

_FONTS_OPEN = (
    f'<w:fonts xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
)


def font_table(names: list[str]) -> str:
    """Return a fontTable.xml naming ``names`` (known fonts in full, others by name only)."""
    entries = "".join(
        KNOWN[n].xml() if n in KNOWN else f"<w:font w:name={quoteattr(n)}/>" for n in dict.fromkeys(names)
    )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{_FONTS_OPEN}{entries}</w:fonts>'


def complete_font_table(root: Any, names: list[str]) -> None:
    """Give the fonts element ``root`` a full entry for each known font in ``names``.

    An existing entry of a known font is replaced (a restyled template's entry may lack the
    alternate name); unknown fonts keep theirs, or get a bare entry when they had none.
    """
    w = f"{{{W_NS}}}"
    existing = {el.get(f"{w}name"): el for el in root.findall(f"{w}font")}
    for name in dict.fromkeys(names):
        if name in existing and name not in KNOWN:
            continue
        xml = KNOWN[name].xml() if name in KNOWN else f"<w:font w:name={quoteattr(name)}/>"
        new = etree.fromstring(f'<w:x xmlns:w="{W_NS}">{xml}</w:x>')[0]
        if name in existing:
            existing[name].addprevious(new)
            root.remove(existing[name])
        else:
            root.append(new)
