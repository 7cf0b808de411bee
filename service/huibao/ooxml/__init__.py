"""The one package that touches WordprocessingML directly.

Writing: :mod:`huibao.ooxml.body` builds a report's body and core properties as strings,
:mod:`huibao.ooxml.parts` the parts of the bundled layout template, :mod:`huibao.ooxml.fonts`
font-table entries, :mod:`huibao.ooxml.package_parts` repairs an office's template at compile
time, :mod:`huibao.ooxml.schema` keeps elements in schema sequence.

Reading and rewriting the text of an existing document is done here too, with one traversal
shared by the checker and the converter: :func:`text_parts` yields each part that holds
document text (body, headers, footers, footnotes, endnotes, comments), and
:func:`paragraphs_in_order` yields each paragraph of a part once, in reading order, with the
text nodes that belong to it (:class:`ParagraphText`). :func:`document_text` joins them into
plain text, one paragraph per line.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from docx.document import Document as DocxDocument
from docx.opc.part import Part, XmlPart
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from huibao.errors import UnsupportedMedia


def east_asian_font(target: BaseStyle | Run) -> str | None:
    """Return the w:eastAsia font name of a style or run, or None when it has none."""
    rpr = target.element.rPr
    if rpr is None:
        return None
    rfonts = rpr.find(qn("w:rFonts"))
    return None if rfonts is None else rfonts.get(qn("w:eastAsia"))


def field_instructions(paragraph: Paragraph) -> list[str]:
    """Return the field instructions (``PAGE`` …) found in ``paragraph``, stripped."""
    found = [t.text.strip() for t in paragraph._p.iter(qn("w:instrText")) if t.text]
    found += [f.get(qn("w:instr"), "").strip() for f in paragraph._p.iter(qn("w:fldSimple"))]
    return found


# ---------------------------------------------------------------------------------------------
# Reading and rewriting document text: one traversal for the checker and the converter
# ---------------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P = f"{{{W_NS}}}p"
_T = f"{{{W_NS}}}t"
_TAB = f"{{{W_NS}}}tab"
_TABS = f"{{{W_NS}}}tabs"  # a paragraph's tab-stop list: its w:tab children are stops, not text
_BR = f"{{{W_NS}}}br"
_CR = f"{{{W_NS}}}cr"
_TXBX = f"{{{W_NS}}}txbxContent"
_FALLBACK = f"{{{_MC_NS}}}Fallback"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


PartKind = Literal["body", "header", "footer", "footnotes", "endnotes", "comments"]

#: Every kind of part that holds document text, in reading order.
PART_KINDS: tuple[PartKind, ...] = ("body", "header", "footer", "footnotes", "endnotes", "comments")
#: The document's own stories: everything but reviewers' comments.
MAIN_STORIES: tuple[PartKind, ...] = ("body", "header", "footer", "footnotes", "endnotes")


@dataclass(eq=False)
class TextPart:
    """One part that holds document text: its ``kind``, part name and XML ``root``.

    Edit the text under ``root`` in place, then call :meth:`commit`.
    """

    kind: PartKind
    partname: str
    root: Any  # lxml element: w:document, w:hdr, w:ftr, w:footnotes, w:endnotes or w:comments
    _part: Part = field(repr=False)
    _parsed_here: bool = field(repr=False)

    def commit(self) -> None:
        """Make edits under ``root`` part of the package.

        Parts python-docx parses itself (body, headers, footers, comments) are live elements it
        serialises on save, so this does nothing for them. Parts python-docx keeps as bytes
        (footnotes, endnotes) were parsed here; their XML is written back into the part.
        """
        if self._parsed_here:
            self._part._blob = etree.tostring(  # python-docx has no setter for a plain part's blob
                self.root, xml_declaration=True, encoding="UTF-8", standalone=True
            )


def _parse_untrusted(blob: bytes) -> Any:
    """Parse part XML without resolving entities or touching the network."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(blob, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise UnsupportedMedia("文件已损坏：其中的 XML 部件不是有效的 XML") from exc


def _kind_of(reltype: str) -> PartKind | None:
    """Return the kind of part a relationship type points at (``…/relationships/header``)."""
    for kind in PART_KINDS[1:]:
        if reltype.endswith("/" + kind):
            return kind
    return None


def _rid_number(rid: str) -> int:
    digits = "".join(ch for ch in rid if ch.isdigit())
    return int(digits) if digits else 0


def text_parts(document: DocxDocument, kinds: Collection[PartKind] = PART_KINDS) -> Iterator[TextPart]:
    """Yield a :class:`TextPart` for every part of ``kinds`` that holds the document's text.

    Order: the body, then the parts the main document relates to, grouped as headers, footers,
    footnotes, endnotes, comments and within a group by relationship id number. A part related
    twice is yielded once; external relationships are skipped. Parts python-docx keeps as bytes
    are parsed with entities unresolved and no network access.
    """
    main = document.part
    if "body" in kinds:
        yield TextPart("body", str(main.partname), document.element, main, False)
    related = []
    for rel in main.rels.values():
        kind = None if rel.is_external else _kind_of(rel.reltype)
        if kind is not None and kind in kinds:
            related.append((PART_KINDS.index(kind), _rid_number(rel.rId), kind, rel.target_part))
    related.sort(key=lambda item: item[:2])  # stable: equal keys keep relationship order
    seen: set[str] = set()
    for _, _, kind, part in related:
        name = str(part.partname)
        if name in seen:
            continue
        seen.add(name)
        if isinstance(part, XmlPart):
            yield TextPart(kind, name, part.element, part, False)
        else:
            yield TextPart(kind, name, _parse_untrusted(part.blob), part, True)


@dataclass(eq=False)
class ParagraphText:
    """One w:p ``element`` and the text nodes that belong to it, in document order.

    ``nodes`` are the paragraph's own w:t, w:tab, w:br and w:cr elements, ``text_nodes`` its
    own w:t elements (one or more per run); the nodes of paragraphs in its text boxes (or
    nested in it) belong to those paragraphs instead.
    """

    element: Any
    nodes: list[Any] = field(default_factory=list)
    text_nodes: list[Any] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The paragraph as plain text: tabs as ``\\t`` and line breaks as ``\\n``."""
        return "".join(
            (node.text or "") if node.tag == _T else "\t" if node.tag == _TAB else "\n" for node in self.nodes
        )

    @property
    def runs_text(self) -> str:
        """The concatenated text of :attr:`text_nodes` (no tabs or breaks): what can be edited."""
        return "".join(node.text or "" for node in self.text_nodes)

    def set_runs_text(self, pieces: Sequence[str]) -> None:
        """Write ``pieces`` back, one per w:t of :attr:`text_nodes`, so every run keeps its
        formatting; nodes whose text does not change are left exactly as they are."""
        for node, piece in zip(self.text_nodes, pieces, strict=True):
            if (node.text or "") != piece:
                node.text = piece
                if piece != piece.strip():
                    node.set(_XML_SPACE, "preserve")


def paragraphs_in_order(root: Any, *, fallbacks: bool = False) -> Iterator[ParagraphText]:
    """Yield every paragraph under ``root`` once, in reading order.

    Paragraphs come in document order, descending into tables (nested too), content controls
    and the like; the paragraphs of a text box follow the paragraph that anchors it. A text
    node belongs to its nearest enclosing paragraph, so an anchor paragraph's text does not
    include its text boxes'. The ``mc:Fallback`` copy Word writes of each DrawingML text box
    (and of other alternate content) is skipped, so a text box is read once; ``fallbacks=True``
    includes it, for rewriting every copy. Field codes (w:instrText) and deleted text
    (w:delText) are not text.
    """
    # One pass in document order (lxml's C iterator, filtered by tag). A paragraph is met
    # before its text, so each text node joins its nearest enclosing w:p; a node inside a
    # w:txbxContent with no paragraph of its own there (invalid) joins none.
    found: list[ParagraphText] = []
    by_element: dict[Any, ParagraphText] = {}
    skipped: set[Any] = set()
    last: ParagraphText | None = None
    for el in root.iter(_P, _T, _TAB, _BR, _CR, _FALLBACK):
        if skipped and el in skipped:
            continue
        tag = el.tag
        if tag == _P:
            last = by_element[el] = ParagraphText(el)
            found.append(last)
            continue
        if tag == _FALLBACK:
            if not fallbacks:
                skipped.update(el.iter(_P, _T, _TAB, _BR, _CR))
            continue
        parent = el.getparent()
        if tag == _TAB and parent.tag == _TABS:
            continue
        if last is not None and parent.getparent() is last.element and parent.tag != _TXBX:
            para: ParagraphText | None = last  # the common case: w:p > w:r > w:t
        else:
            owner = parent
            while owner is not None and owner.tag != _P and owner.tag != _TXBX:
                owner = owner.getparent()
            para = by_element.get(owner)
        if para is not None:
            para.nodes.append(el)
            if tag == _T:
                para.text_nodes.append(el)
    return iter(found)


def document_text(document: DocxDocument, kinds: Collection[PartKind] = PART_KINDS) -> str:
    """Return the text of the parts of ``kinds``, one paragraph per line ("" when empty).

    Parts and paragraphs come in the order of :func:`text_parts` and
    :func:`paragraphs_in_order`: the body (tables and text boxes in place), then headers,
    footers, footnotes, endnotes and comments.
    """
    return "\n".join(
        para.text for part in text_parts(document, kinds) for para in paragraphs_in_order(part.root)
    )
