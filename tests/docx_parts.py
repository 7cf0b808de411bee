"""Test helper: add parts python-docx cannot create (footnotes, raw body XML) to a .docx."""

from __future__ import annotations

import io
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def add_footnotes(data: bytes, footnotes_xml: str, body_xml: str = "") -> bytes:
    """Return ``data`` with ``word/footnotes.xml`` set to ``footnotes_xml`` (registered in the
    content types and the document's relationships) and ``body_xml`` inserted before sectPr."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for item in source.infolist():
            part = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                part = part.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                part = part.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            elif item.filename == "word/document.xml" and body_xml:
                part = part.replace(b"<w:sectPr", body_xml.encode() + b"<w:sectPr", 1)
            zf.writestr(item, part)
        zf.writestr("word/footnotes.xml", footnotes_xml.encode("utf-8"))
    return out.getvalue()


def replace_part(data: bytes, name: str, content: bytes) -> bytes:
    """Return the package ``data`` with part ``name`` replaced by ``content`` (other parts as they are)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == name else src.read(info))
    return out.getvalue()
