"""Checking uploads: .docx text extraction and the file entry point.

python-docx (through :mod:`huibao.ooxml` and :mod:`huibao.uploads`) is imported only when a
file is checked, so checking plain text never loads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from huibao.check.model import CheckResult
from huibao.errors import UnsupportedMedia

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

    from huibao.uploads import UploadLimits

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def extract_docx_text(document: DocxDocument) -> str:
    """Return the document's text, one paragraph per line: body (paragraphs and tables in
    order, text boxes after their anchor paragraph), then headers, footers, footnotes and
    endnotes. Returns "" for an empty document.

    Reviewers' comments are not part of the draft and are not checked; the traversal is
    :func:`huibao.ooxml.document_text`, shared with the converter.
    """
    from huibao import ooxml

    return ooxml.document_text(document, ooxml.MAIN_STORIES)


def check_file(
    data: bytes, filename: str | None = None, limits: UploadLimits | None = None
) -> tuple[str, CheckResult]:
    """Return (plain text, findings) for an uploaded .docx, .txt or .md file.

    A .docx is recognised by its zip magic bytes; anything else must be UTF-8/GB18030 text.
    Raises :class:`~huibao.errors.UploadRejected` subclasses (Chinese messages) for unsafe or
    unreadable input.
    """
    from huibao.check.checker import check_text
    from huibao.uploads import decode_text, is_docx_bytes, open_docx

    name = (filename or "").lower()
    if is_docx_bytes(data) or name.endswith(".docx"):
        text = extract_docx_text(open_docx(data, limits))
        return text, check_text(text)
    if data[:8] == _OLE_MAGIC or name.endswith(".doc"):
        raise UnsupportedMedia("不支持旧版 Word 文档（.doc），请另存为 .docx 后重试")
    text = decode_text(data, limits)
    return text, check_text(text, markdown=name.endswith((".md", ".markdown")))
