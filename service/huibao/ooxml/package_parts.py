"""Compile-time repairs of a layout template's parts, and per-script style variants.

:func:`normalise` takes the parts of a template (its docxtpl placeholders already rendered,
the body paragraph replaced by a marker) and returns what the writer needs: document.xml
split around the marker, styles and font table (every property in schema sequence, theme
font references that would override the named fonts removed, the East Asian language set,
a full font-table entry for every font named), the style id of each role, and the remaining
parts with leftovers dropped (stylesWithEffects, thumbnails, an empty bibliography,
another application's properties). :func:`script_variant` retags and refonts the styles for
traditional output.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any

from lxml import etree

from huibao.ooxml import fonts as font_table
from huibao.ooxml import parts as template_parts
from huibao.ooxml.schema import W_NS, reorder

_W = f"{{{W_NS}}}"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_BIB = "{http://schemas.openxmlformats.org/officeDocument/2006/bibliography}Sources"
_DECL = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
PER_RENDER = ("word/document.xml", "word/styles.xml", "word/fontTable.xml", "docProps/core.xml")


class NoBodyMarker(ValueError):
    """The template has no ``{{p body }}`` paragraph (or has it inside other text)."""


class ForeignNamespace(ValueError):
    """The main document does not bind the prefix ``w`` to the transitional WordprocessingML
    namespace (a Strict Open XML file, or a producer with other prefixes)."""


class MissingStyle(ValueError):
    """The template lacks a style every report needs; args[0] is its name."""


@dataclass
class Normalised:
    """A template's parts ready for the writer (see :func:`normalise`)."""

    parts: dict[str, bytes]
    head: str
    tail: str
    styles: bytes
    font_table: bytes
    style_ids: dict[str, str]


def _parse(blob: bytes) -> Any:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    return etree.fromstring(blob, parser=parser)


def _dump(root: Any) -> bytes:
    return _DECL + etree.tostring(root, encoding="UTF-8")


def _leftovers(parts: dict[str, bytes]) -> set[str]:
    """Return the names of parts no report needs."""
    drop = {n for n in parts if n == "word/stylesWithEffects.xml" or n.startswith("docProps/thumbnail")}
    for name, blob in parts.items():
        if name.startswith("customXml/item") and "Props" not in name and name.endswith(".xml"):
            root = _parse(blob)
            if root.tag == _BIB and len(root) == 0:
                base = name[len("customXml/") :]
                drop |= {
                    name,
                    f"customXml/_rels/{base}.rels",
                    "customXml/" + base.replace("item", "itemProps"),
                }
    return drop & set(parts)


def _fix_package(parts: dict[str, bytes], drop: set[str]) -> None:
    """Remove ``drop`` and relationships/content types pointing at it; make sure the core and
    app properties and the font table are declared."""
    for name in drop:
        del parts[name]
    for rels_name, base in (("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word")):
        if rels_name not in parts:
            continue
        root = _parse(parts[rels_name])
        targets = set()
        for rel in list(root):
            target = posixpath.normpath(posixpath.join(base, rel.get("Target", ""))).lstrip("/")
            if rel.get("TargetMode") != "External" and target in drop:
                root.remove(rel)
            targets.add(target)
        wanted = (
            [(template_parts.CORE_REL, "docProps/core.xml"), ("extended-properties", "docProps/app.xml")]
            if not base
            else [("fontTable", "fontTable.xml")]
        )
        for kind, target in wanted:
            if posixpath.join(base, target) not in targets:
                full = (
                    kind
                    if "://" in kind
                    else f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}"
                )
                etree.SubElement(
                    root, f"{_REL_NS}Relationship", Id=f"rIdHuibao{len(root)}", Type=full, Target=target
                )
        parts[rels_name] = _dump(root)
    types = _parse(parts["[Content_Types].xml"])
    declared = set()
    for el in list(types):
        name = el.get("PartName", "").lstrip("/")
        if name in drop:
            types.remove(el)
        declared.add(name)
    for name in ("docProps/core.xml", "docProps/app.xml", "word/fontTable.xml"):
        if name not in declared:
            etree.SubElement(
                types,
                f"{_CT_NS}Override",
                PartName="/" + name,
                ContentType=template_parts.PART_TYPES["/" + name],
            )
    parts["[Content_Types].xml"] = _dump(types)
    parts["docProps/app.xml"] = template_parts.app_xml().encode("utf-8")


def _drop_theme_fonts(root: Any) -> None:
    """Remove theme font references that would override a font named on the same element."""
    for rfonts in root.iter(f"{_W}rFonts"):
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            theme = f"{_W}{'cstheme' if slot == 'cs' else slot + 'Theme'}"
            if rfonts.get(f"{_W}{slot}") and theme in rfonts.attrib:
                del rfonts.attrib[theme]


def _set_lang(styles: Any, east_asia: str) -> None:
    """Set the East Asian language of the document defaults to ``east_asia``."""
    defaults = styles.find(f"{_W}docDefaults")
    if defaults is None:
        defaults = etree.Element(f"{_W}docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(f"{_W}rPrDefault")
    if rpr_default is None:
        rpr_default = etree.Element(f"{_W}rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(f"{_W}rPr")
    if rpr is None:
        rpr = etree.SubElement(rpr_default, f"{_W}rPr")
    lang = rpr.find(f"{_W}lang")
    if lang is None:
        lang = etree.SubElement(rpr, f"{_W}lang", {f"{_W}val": "en-US"})
    lang.set(f"{_W}eastAsia", east_asia)
    reorder(rpr)


def font_names(*roots: Any) -> list[str]:
    """Return every font named in ``rFonts`` under ``roots``, East Asian first, in order."""
    names: list[str] = []
    for root in roots:
        for rfonts in root.iter(f"{_W}rFonts"):
            names += [v for a in ("eastAsia", "ascii", "hAnsi", "cs") if (v := rfonts.get(f"{_W}{a}"))]
    return list(dict.fromkeys(names))


def _style_ids(styles: Any, role_names: dict[str, str], required: tuple[str, ...]) -> dict[str, str]:
    by_name: dict[str, str] = {}
    for style in styles.iter(f"{_W}style"):
        name = style.find(f"{_W}name")
        if name is not None:
            by_name.setdefault(name.get(f"{_W}val", "").lower(), style.get(f"{_W}styleId"))
    ids: dict[str, str] = {}
    for role, name in role_names.items():
        found = by_name.get(name.lower())
        if found is None and role in required:
            raise MissingStyle(name)
        ids[role] = found or ""
    fallback = {"table_text": "body", "table_header": "table_text"}
    for role in ids:
        if not ids[role] and role not in ("runin", "table", "signer"):
            ids[role] = ids[fallback.get(role, "body")] or ids["body"]
    return ids


def check_namespace(document_xml: bytes) -> None:
    """Raise ForeignNamespace unless the main document binds ``w`` to transitional
    WordprocessingML (what docxtpl and the writer's body strings expect)."""
    root = _parse(document_xml)
    if root.nsmap.get("w") != W_NS:
        raise ForeignNamespace(root.nsmap.get("w", ""))


def _add_missing_styles(styles: Any, role_names: dict[str, str], defaults: dict[str, str]) -> None:
    """Append the ``defaults`` (role → ``w:style`` XML) whose style name ``styles`` lacks."""
    found = [s.find(f"{_W}name") for s in styles.iter(f"{_W}style")]
    names = {(n.get(f"{_W}val") or "").lower() for n in found if n is not None}
    ids = {s.get(f"{_W}styleId") for s in styles.iter(f"{_W}style")}
    for role, xml in defaults.items():
        if role_names.get(role, "").lower() in names:
            continue
        style = _parse(f'<w:styles xmlns:w="{W_NS}">{xml}</w:styles>'.encode())[0]
        if style.get(f"{_W}styleId") in ids:
            style.set(f"{_W}styleId", f"Huibao{style.get(f'{_W}styleId')}")
        styles.append(style)


def normalise(
    parts: dict[str, bytes],
    marker: str,
    role_names: dict[str, str],
    required: tuple[str, ...],
    defaults: dict[str, str] | None = None,
) -> Normalised:
    """Return the template ``parts`` repaired and split for the writer (see module doc).

    Styles of ``defaults`` (role → ``w:style`` XML) the template lacks are added.
    Raises NoBodyMarker when ``marker`` is not a paragraph of its own in the body,
    ForeignNamespace when the body's XML does not use the ``w`` prefix of transitional
    WordprocessingML, and MissingStyle when a ``required`` role's style is missing.
    """
    parts = dict(parts)
    _fix_package(parts, _leftovers(parts))
    check_namespace(parts["word/document.xml"])
    document = _parse(parts["word/document.xml"])
    body = document.find(f"{_W}body")
    loose = [body.text or ""] + [child.tail or "" for child in body] if body is not None else []
    if sum(t.count(marker) for t in loose) != 1:
        raise NoBodyMarker(marker)
    reorder(document)
    head, _, tail = (_DECL + etree.tostring(document, encoding="UTF-8")).decode("utf-8").partition(marker)
    styles = _parse(parts["word/styles.xml"])
    _add_missing_styles(styles, role_names, defaults or {})
    reorder(styles)
    _drop_theme_fonts(styles)
    _drop_theme_fonts(document)
    _set_lang(styles, "zh-CN")
    table = (
        _parse(parts["word/fontTable.xml"])
        if "word/fontTable.xml" in parts
        else etree.fromstring(font_table.font_table([]).encode("utf-8"))
    )
    others = [_parse(blob) for name, blob in parts.items() if name.startswith(("word/header", "word/footer"))]
    font_table.complete_font_table(table, font_names(styles, document, *others))
    reorder(table)
    for name in list(parts):
        if name.startswith(("word/header", "word/footer", "word/numbering")):
            root = _parse(parts[name])
            if reorder(root):
                parts[name] = _dump(root)
    for name in PER_RENDER:
        parts.pop(name, None)
    return Normalised(
        parts=parts,
        head=head,
        tail=tail,
        styles=_dump(styles),
        font_table=_dump(table),
        style_ids=_style_ids(styles, role_names, required),
    )


def script_variant(
    styles: bytes, table: bytes, east_asia_lang: str, substitutes: dict[str, str]
) -> tuple[bytes, bytes]:
    """Return ``styles`` and font ``table`` with the East Asian language ``east_asia_lang`` and
    every East Asian font in ``substitutes`` replaced (font table entries added for them)."""
    root = _parse(styles)
    _set_lang(root, east_asia_lang)
    for rfonts in root.iter(f"{_W}rFonts"):
        name = rfonts.get(f"{_W}eastAsia")
        if name in substitutes:
            rfonts.set(f"{_W}eastAsia", substitutes[name])
    fonts_root = _parse(table)
    font_table.complete_font_table(fonts_root, font_names(root))
    return _dump(root), _dump(fonts_root)
