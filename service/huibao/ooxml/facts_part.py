"""The facts a report was written from, carried inside its .docx as a custom XML part.

Every .docx huibao writes holds one custom XML data-store item (ECMA-376 Part 1, 22.5)::

    <facts xmlns="urn:huibao:facts" version="1">{"kind": "situation_report", …}</facts>

The element's text is the facts as JSON. Word and WPS keep custom XML items when a document is
edited and saved, so the facts survive a round through an office's editor. :func:`read` finds
the item by its namespace (not by its part name, which an editor may renumber) and returns the
facts' JSON text; an item of a newer version than :data:`VERSION` is refused rather than misread.
"""

from __future__ import annotations

import json
import posixpath
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zipfile import ZipFile

from lxml import etree

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

NS = "urn:huibao:facts"
#: Version of the item's layout; bumped when the JSON inside changes incompatibly.
VERSION = 1
#: Largest facts item read back, in bytes (the API's own JSON limit is smaller).
MAX_ITEM_BYTES = 8 * 1024 * 1024
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
#: Characters XML 1.0 forbids; JSON strings escape them as \\uXXXX instead.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class NewerFacts(ValueError):
    """The document's facts item has a version newer than this huibao reads; args[0] is it."""


@dataclass(frozen=True)
class ItemNames:
    """Part names of the facts item, its properties and the properties' relationship."""

    item: str
    props: str
    rels: str


def _parse(blob: bytes) -> Any:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(blob, parser=parser)


def item_names(existing: set[str]) -> ItemNames:
    """Return part names for the facts item not used by ``existing`` (customXml/itemN.xml)."""
    n = 1
    while f"customXml/item{n}.xml" in existing or f"customXml/itemProps{n}.xml" in existing:
        n += 1
    base = f"customXml/item{n}.xml"
    return ItemNames(base, f"customXml/itemProps{n}.xml", f"customXml/_rels/item{n}.xml.rels")


def item_xml(facts: Mapping[str, Any] | None) -> bytes:
    """Return the facts item; None gives an empty item (a document written without facts)."""
    body = ""
    if facts is not None:
        text = json.dumps(facts, ensure_ascii=False, separators=(",", ":"))
        text = _NOT_XML.sub(lambda m: "".join(f"\\u{u:04x}" for u in _utf16(m.group())), text)
        body = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'{_DECL}<facts xmlns="{NS}" version="{VERSION}">{body}</facts>'.encode()


def _utf16(char: str) -> list[int]:
    data = char.encode("utf-16-be", "surrogatepass")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


def props_xml(item: bytes) -> bytes:
    """Return the item's data-store properties (its id derived from its content)."""
    item_id = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, NS + item.decode("utf-8"))).upper() + "}"
    return (
        f'{_DECL}<ds:datastoreItem ds:itemID="{item_id}" xmlns:ds="{_DS}">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{NS}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode()


def props_rels_xml(names: ItemNames) -> bytes:
    """Return the relationship from the item to its properties."""
    target = posixpath.basename(names.props)
    return (
        f'{_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/customXmlProps" Target="{target}"/></Relationships>'
    ).encode()


def _drop_old_items(parts: dict[str, bytes]) -> None:
    """Remove from ``parts`` every facts item a template carries (a layout made from a report huibao
    wrote), with its properties and relationships, so only the report's own facts are written."""
    old = {
        name
        for name, blob in parts.items()
        if name.startswith("customXml/item") and "Props" not in name and NS.encode() in blob[:400]
    }
    for name in old:
        base = posixpath.basename(name)
        for gone in (name, "customXml/" + base.replace("item", "itemProps"), f"customXml/_rels/{base}.rels"):
            parts.pop(gone, None)
    if not old:
        return
    rels = _parse(parts["word/_rels/document.xml.rels"])
    for rel in list(rels):
        if posixpath.normpath(posixpath.join("word", rel.get("Target", ""))) in old:
            rels.remove(rel)
    parts["word/_rels/document.xml.rels"] = _dump(rels)
    props = {"/customXml/" + posixpath.basename(n).replace("item", "itemProps") for n in old}
    types = _parse(parts["[Content_Types].xml"])
    for el in list(types):
        if el.get("PartName") in props:
            types.remove(el)
    parts["[Content_Types].xml"] = _dump(types)


def declare(parts: dict[str, bytes]) -> ItemNames:
    """Add to ``parts`` (a template's package) the main document's relationship to a facts item
    and the content type of its properties, after dropping any facts item the template carries;
    return the names the item's parts must have."""
    _drop_old_items(parts)
    names = item_names(set(parts))
    rels = _parse(parts["word/_rels/document.xml.rels"])
    ids = {rel.get("Id") for rel in rels}
    rid = next(f"rIdHuibaoFacts{n}" for n in range(1, len(ids) + 2) if f"rIdHuibaoFacts{n}" not in ids)
    etree.SubElement(
        rels, f"{_PKG_REL}Relationship", Id=rid, Type=f"{_REL}/customXml", Target="../" + names.item
    )
    parts["word/_rels/document.xml.rels"] = _dump(rels)
    types = _parse(parts["[Content_Types].xml"])
    etree.SubElement(types, f"{_CT}Override", PartName="/" + names.props, ContentType=PROPS_TYPE)
    if not any(el.tag == f"{_CT}Default" and el.get("Extension", "").lower() == "xml" for el in types):
        etree.SubElement(types, f"{_CT}Default", Extension="xml", ContentType="application/xml")
        types[:] = sorted(types, key=lambda el: el.tag != f"{_CT}Default")  # Defaults come first
    parts["[Content_Types].xml"] = _dump(types)
    return names


def _dump(root: Any) -> bytes:
    return _DECL.encode() + etree.tostring(root, encoding="UTF-8")


def _related_items(zf: ZipFile) -> set[str]:
    """Return the custom XML parts the main document relates to (empty when unreadable)."""
    try:
        rels = _parse(zf.read("word/_rels/document.xml.rels"))
    except (KeyError, etree.XMLSyntaxError):
        return set()
    return {
        posixpath.normpath(posixpath.join("word", rel.get("Target", "")))
        for rel in rels
        if (rel.get("Type") or "").endswith("/customXml")
    }


def read(zf: ZipFile) -> str | None:
    """Return the JSON text of the facts embedded in the open package ``zf``; None when it
    carries none (a document huibao did not write, or an empty item). An item the main document
    relates to comes first. The caller parses it as the untrusted text it is.

    Raises NewerFacts when the item is of a newer version, ValueError when it is damaged.
    """
    related = _related_items(zf)
    for info in sorted(zf.infolist(), key=lambda i: i.filename not in related):
        name = info.filename
        if not (name.startswith("customXml/") and name.endswith(".xml")) or "/" in name[10:]:
            continue
        if "itemProps" in name or info.file_size > MAX_ITEM_BYTES:
            continue
        with zf.open(info) as fh:
            head = fh.read(400)
        if NS.encode() not in head:
            continue
        try:
            root = _parse(zf.read(info))
        except etree.XMLSyntaxError as exc:
            raise ValueError("facts item is not XML") from exc
        if root.tag != f"{{{NS}}}facts":
            continue
        stated = root.get("version") or ""
        version = int(stated) if stated.isascii() and stated.isdigit() and len(stated) < 6 else 0
        if version > VERSION:
            raise NewerFacts(version)
        if version < 1:
            raise ValueError("facts item without a version")
        return (root.text or "").strip() or None
    return None


def restamp_script(document: DocxDocument, script: str) -> bool:
    """Record ``script`` as the script of the facts ``document`` carries (after its text was
    converted to that script), so its facts compose to the text it now holds; return False when
    it carries no readable facts item (then nothing changes)."""
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        if not name.startswith("/customXml/item") or "Props" in name:
            continue
        blob = part.blob
        if NS.encode() not in blob[:400] or len(blob) > MAX_ITEM_BYTES:
            continue
        try:
            root = _parse(blob)
            facts = json.loads((root.text or "").strip() or "null")
        except (etree.XMLSyntaxError, ValueError, RecursionError):
            return False
        if root.tag != f"{{{NS}}}facts" or root.get("version") != str(VERSION) or not isinstance(facts, dict):
            return False
        part._blob = item_xml({**facts, "script": script})  # python-docx has no setter for a blob
        return True
    return False
