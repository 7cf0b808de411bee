"""Reading a .docx's layout as Word resolves it: page setup, and each paragraph's effective
formatting (document defaults → style chain → direct properties; theme fonts looked up).

:func:`read_layout` returns a :class:`Layout` for any .docx, whoever made it; the layout
check (:mod:`huibao.check.layout`) judges it against GB/T 9704. Measures are in points and
millimetres, indents in characters of the paragraph's own font size.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from huibao.errors import UnsupportedMedia
from huibao.ooxml import _parse_untrusted
from huibao.ooxml.schema import W_NS

_W = f"{{{W_NS}}}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_MAX_PART = 64 * 1024 * 1024
TWIPS_PER_MM = 1440 / 25.4


@dataclass
class Section:
    """Page setup of one section, in millimetres; grid pitch in points (0: no grid)."""

    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    footer: float
    grid_type: str
    line_pitch: float
    char_space: float  # points added to each character by a linesAndChars grid
    footers: dict[str, list[Paragraph]] = field(default_factory=dict)  # "default"/"even" → paras


@dataclass
class Paragraph:
    """A paragraph's text and effective formatting.

    ``east_asia``/``latin`` are the fonts of its first run with text ("" when unnamed),
    ``size`` that run's size in points, ``indent_first``/``indent_left``/``indent_right``
    in characters, ``line`` the exact line spacing in points (0 when not exact),
    ``char_spacing`` the character spacing in points.
    """

    text: str
    style: str
    jc: str
    east_asia: str
    latin: str
    size: float
    bold: bool
    indent_first: float
    indent_left: float
    indent_right: float
    line: float
    char_spacing: float
    fields: list[str]
    color: str = ""  # the first run's colour as RRGGBB, "" when automatic
    borders: dict[str, tuple[str, float]] = field(default_factory=dict)  # side → (colour, points)
    framed: bool = False  # in a frame or a floating table, as a 版记 at the page foot is
    runs: list[tuple[str, str]] = field(default_factory=list)  # (text, East Asian font) per run


@dataclass
class Layout:
    """What :func:`read_layout` found: sections, body paragraphs, East Asian language of the
    document defaults ("" when unset) and whether odd and even pages get their own footers."""

    sections: list[Section]
    paragraphs: list[Paragraph]
    lang: str
    even_and_odd: bool


def _merge(target: dict[str, dict[str, str]], props: Any) -> None:
    """Merge the children of a pPr/rPr element into ``target`` (tag → attributes)."""
    if props is None:
        return
    for child in props:
        if not isinstance(child.tag, str):
            continue
        name = child.tag.replace(_W, "")
        attrs = {k.replace(_W, ""): v for k, v in child.attrib.items()}
        if name in ("rFonts", "ind", "spacing", "lang"):
            merged = dict(target.get(name, {}))
            # w:ind attributes merge one by one: an inherited firstLineChars outlives a direct
            # firstLine="0" and wins over it, as in Word
            if name == "rFonts":  # an explicit name replaces the inherited theme reference
                for slot in ("ascii", "hAnsi", "eastAsia"):
                    if slot in attrs:
                        merged.pop(f"{slot}Theme", None)
            merged.update(attrs)
            target[name] = merged
        else:
            target[name] = attrs


class _Styles:
    def __init__(self, root: Any) -> None:
        self.by_id = {s.get(f"{_W}styleId"): s for s in root.iter(f"{_W}style")} if root is not None else {}
        self.defaults_p: dict[str, dict[str, str]] = {}
        self.defaults_r: dict[str, dict[str, str]] = {}
        self.default_para = ""
        if root is not None:
            _merge(self.defaults_p, root.find(f"{_W}docDefaults/{_W}pPrDefault/{_W}pPr"))
            _merge(self.defaults_r, root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr"))
            for s in root.iter(f"{_W}style"):
                if s.get(f"{_W}type") == "paragraph" and s.get(f"{_W}default") in ("1", "true"):
                    self.default_para = s.get(f"{_W}styleId", "")

    def chain(self, style_id: str) -> list[Any]:
        """Return the style and its bases, the root first."""
        found: list[Any] = []
        while style_id and style_id in self.by_id and len(found) < 20:
            style = self.by_id[style_id]
            found.insert(0, style)
            based = style.find(f"{_W}basedOn")
            style_id = based.get(f"{_W}val", "") if based is not None else ""
        return found

    def name(self, style_id: str) -> str:
        style = self.by_id.get(style_id)
        name = style.find(f"{_W}name") if style is not None else None
        return name.get(f"{_W}val", style_id) if name is not None else style_id


def _theme_fonts(root: Any) -> dict[str, str]:
    """Return theme font references (minorEastAsia …) resolved to names from theme1.xml."""
    fonts: dict[str, str] = {}
    if root is None:
        return fonts
    for kind in ("major", "minor"):
        scheme = root.find(f".//{_A}{kind}Font")
        if scheme is None:
            continue
        ea = scheme.find(f"{_A}ea")
        hans = scheme.find(f"{_A}font[@script='Hans']")
        name = (ea.get("typeface") if ea is not None else "") or (
            hans.get("typeface") if hans is not None else ""
        )
        latin = scheme.find(f"{_A}latin")
        fonts[f"{kind}EastAsia"] = name or ""
        fonts[f"{kind}HAnsi"] = fonts[f"{kind}Ascii"] = latin.get("typeface", "") if latin is not None else ""
    return fonts


def _number(value: str | None, default: float = 0.0) -> float:
    try:
        return float(value) if value is not None else default
    except ValueError:
        return default


class _Reader:
    def __init__(self, data: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise UnsupportedMedia("不是有效的 .docx 文件") from exc
        self.names = set(self.zip.namelist())
        if "word/document.xml" not in self.names:
            raise UnsupportedMedia("不是有效的 .docx 文件：缺少 word/document.xml")
        self.styles = _Styles(self.part("word/styles.xml"))
        self.theme = _theme_fonts(self.part("word/theme/theme1.xml"))

    def part(self, name: str) -> Any:
        if name not in self.names:
            return None
        if self.zip.getinfo(name).file_size > _MAX_PART:
            raise UnsupportedMedia(f"文件中的部件过大：{name}")
        try:
            blob = self.zip.read(name)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise UnsupportedMedia(f"文件已损坏：无法解压 {name}") from exc
        return _parse_untrusted(blob)

    def paragraph(self, p: Any) -> Paragraph:
        ppr = p.find(f"{_W}pPr")
        style_el = ppr.find(f"{_W}pStyle") if ppr is not None else None
        style_id = style_el.get(f"{_W}val", "") if style_el is not None else self.styles.default_para
        pprops: dict[str, dict[str, str]] = dict(self.styles.defaults_p)
        rprops: dict[str, dict[str, str]] = {k: dict(v) for k, v in self.styles.defaults_r.items()}
        for style in self.styles.chain(style_id):
            _merge(pprops, style.find(f"{_W}pPr"))
            _merge(rprops, style.find(f"{_W}rPr"))
        _merge(pprops, ppr)
        style_rprops = {k: dict(v) for k, v in rprops.items()}
        texts = [t for t in p.iter(f"{_W}t")]
        first = texts[0].getparent() if texts else None
        for run in (first,) if first is not None else ():
            rpr = run.find(f"{_W}rPr")
            rstyle = rpr.find(f"{_W}rStyle") if rpr is not None else None
            if rstyle is not None:
                for style in self.styles.chain(rstyle.get(f"{_W}val", "")):
                    _merge(rprops, style.find(f"{_W}rPr"))
            _merge(rprops, rpr)
        fonts = rprops.get("rFonts", {})
        east_asia = fonts.get("eastAsia", "") or self.theme.get(fonts.get("eastAsiaTheme", ""), "")
        latin = fonts.get("ascii", "") or self.theme.get(fonts.get("asciiTheme", ""), "")
        size = _number(rprops.get("sz", {}).get("val"), 20) / 2
        bold = rprops.get("b", {}).get("val", "1") not in ("0", "false") if "b" in rprops else False
        ind = pprops.get("ind", {})

        def chars(side: str) -> float:
            if f"{side}Chars" in ind and _number(ind[f"{side}Chars"]):
                return _number(ind[f"{side}Chars"]) / 100
            return (
                _number(ind.get(side, ind.get({"left": "start", "right": "end"}.get(side, ""), "0")))
                / 20
                / size
            )

        first_line = chars("firstLine") if "hanging" not in ind else -_number(ind["hanging"]) / 20 / size
        spacing = pprops.get("spacing", {})
        line = _number(spacing.get("line")) / 20 if spacing.get("lineRule") == "exact" else 0.0
        color = rprops.get("color", {}).get("val", "")
        borders: dict[str, tuple[str, float]] = {}
        framed = False
        for source in [style.find(f"{_W}pPr") for style in self.styles.chain(style_id)] + [ppr]:
            if source is None:
                continue
            framed = framed or source.find(f"{_W}framePr") is not None
            for side in source.findall(f"{_W}pBdr/*"):
                name = side.tag.replace(_W, "")
                if side.get(f"{_W}val") in ("nil", "none"):
                    borders.pop(name, None)
                else:
                    borders[name] = (side.get(f"{_W}color", "auto"), _number(side.get(f"{_W}sz")) / 8)
        instr = [t.text.strip() for t in p.iter(f"{_W}instrText") if t.text]
        instr += [f.get(f"{_W}instr", "").strip() for f in p.iter(f"{_W}fldSimple")]
        return Paragraph(
            text="".join(t.text or "" for t in texts),
            style=self.styles.name(style_id),
            jc=pprops.get("jc", {}).get("val", "left"),
            east_asia=east_asia,
            latin=latin,
            size=size,
            bold=bold,
            indent_first=round(first_line, 2),
            indent_left=round(chars("left"), 2),
            indent_right=round(chars("right"), 2),
            line=line,
            char_spacing=_number(rprops.get("spacing", {}).get("val")) / 20,
            fields=[i.split()[0] for i in instr if i],
            color="" if color in ("", "auto") else color.upper(),
            borders=borders,
            framed=framed,
            runs=self._runs(p, style_rprops),
        )

    def _runs(self, p: Any, base: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
        """Return (text, East Asian font) of each run with text; ``base`` is the paragraph's
        run formatting before the first run's own (the style chain's)."""
        out: list[tuple[str, str]] = []
        for run in p.iter(f"{_W}r"):
            text = "".join(t.text or "" for t in run.iter(f"{_W}t"))
            if not text:
                continue
            props = {k: dict(v) for k, v in base.items()}
            rpr = run.find(f"{_W}rPr")
            rstyle = rpr.find(f"{_W}rStyle") if rpr is not None else None
            if rstyle is not None:
                for style in self.styles.chain(rstyle.get(f"{_W}val", "")):
                    _merge(props, style.find(f"{_W}rPr"))
            _merge(props, rpr)
            fonts = props.get("rFonts", {})
            theme = self.theme.get(fonts.get("eastAsiaTheme", ""), "")
            out.append((text, fonts.get("eastAsia", "") or theme))
        return out

    def section(self, sect: Any, rels: dict[str, str]) -> Section:
        size = sect.find(f"{_W}pgSz")
        mar = sect.find(f"{_W}pgMar")
        grid = sect.find(f"{_W}docGrid")

        def mm(el: Any, attr: str, default: float) -> float:
            value = el.get(f"{_W}{attr}") if el is not None else None
            return round(_number(value, default) / TWIPS_PER_MM, 1)

        found = Section(
            width=mm(size, "w", 12240),
            height=mm(size, "h", 15840),
            top=mm(mar, "top", 1440),
            bottom=mm(mar, "bottom", 1440),
            left=mm(mar, "left", 1800),
            right=mm(mar, "right", 1800),
            footer=mm(mar, "footer", 720),
            grid_type=grid.get(f"{_W}type", "default") if grid is not None else "default",
            line_pitch=_number(grid.get(f"{_W}linePitch") if grid is not None else None) / 20,
            char_space=_number(grid.get(f"{_W}charSpace") if grid is not None else None) / 4096,
        )
        for ref in sect.findall(f"{_W}footerReference"):
            target = rels.get(ref.get(f"{_R}id", ""))
            root = self.part(target) if target else None
            if root is not None:
                found.footers[ref.get(f"{_W}type", "default")] = [
                    self.paragraph(p) for p in root.iter(f"{_W}p")
                ]
        return found


def _relationships(reader: _Reader) -> dict[str, str]:
    rels = reader.part("word/_rels/document.xml.rels")
    if rels is None:
        return {}
    return {
        rel.get("Id", ""): posixpath.normpath(posixpath.join("word", rel.get("Target", ""))).lstrip("/")
        for rel in rels
        if rel.get("TargetMode") != "External"
    }


def _body_paragraphs(reader: _Reader, body: Any) -> list[Paragraph]:
    """Return the body's own paragraphs and, in their place, those of floating tables (a 版记
    set at the page foot), marked ``framed`` with their cell's top and bottom rules."""
    found: list[Paragraph] = []
    for child in body:
        if child.tag == f"{_W}p":
            found.append(reader.paragraph(child))
        elif child.tag == f"{_W}tbl" and child.find(f"{_W}tblPr/{_W}tblpPr") is not None:
            for cell in child.iter(f"{_W}tc"):
                rules = {}
                for side in cell.findall(f"{_W}tcPr/{_W}tcBorders/*"):
                    if side.get(f"{_W}val") not in ("nil", "none"):
                        color = side.get(f"{_W}color", "auto")
                        rules[side.tag.replace(_W, "")] = (color, _number(side.get(f"{_W}sz")) / 8)
                for p in cell.findall(f"{_W}p"):
                    para = reader.paragraph(p)
                    para.framed = True
                    para.borders = {**para.borders, **rules}
                    found.append(para)
    return found


def read_layout(data: bytes) -> Layout:
    """Return the layout of the .docx ``data``; raise UnsupportedMedia when it is not one."""
    reader = _Reader(data)
    document = reader.part("word/document.xml")
    body = document.find(f"{_W}body")
    if body is None:
        raise UnsupportedMedia("不是有效的 .docx 文件：正文为空")
    rels = _relationships(reader)
    paragraphs = _body_paragraphs(reader, body)
    sections = [reader.section(s, rels) for s in body.iter(f"{_W}sectPr")]
    settings = reader.part("word/settings.xml")
    even = settings is not None and settings.find(f"{_W}evenAndOddHeaders") is not None
    if even and settings.find(f"{_W}evenAndOddHeaders").get(f"{_W}val") in ("0", "false"):
        even = False
    lang = reader.styles.defaults_r.get("lang", {}).get("eastAsia", "")
    normal = reader.styles.chain(reader.styles.default_para)
    for style in normal:
        el = style.find(f"{_W}rPr/{_W}lang")
        if el is not None and el.get(f"{_W}eastAsia"):
            lang = el.get(f"{_W}eastAsia")
    return Layout(sections=sections, paragraphs=paragraphs, lang=lang, even_and_odd=even)
