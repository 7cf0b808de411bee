"""Untrusted uploads: size limits, Word-package checks, zip-bomb and XML-entity guards.

Every .docx that reaches huibao from a user passes :func:`open_docx` first; plain text passes
:func:`decode_text`. Refusals raise :class:`~huibao.errors.UploadRejected` subclasses with a
Chinese message, which the API maps to 4xx and the CLI to exit code 2.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from huibao import settings
from huibao.errors import PayloadTooLarge, UnsupportedMedia, UploadRejected

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

MB = 1024 * 1024


@dataclass(frozen=True)
class UploadLimits:
    """Limits for one upload; defaults come from ``HUIBAO_MAX_UPLOAD_MB`` and friends."""

    max_bytes: int = 20 * MB
    max_unpacked_bytes: int = 200 * MB
    max_ratio: int = 200
    max_members: int = 2000
    max_paragraphs: int = 20_000
    max_elements: int = 1_000_000

    @classmethod
    def from_env(cls) -> UploadLimits:
        """Return limits read from the environment, falling back to the defaults."""
        return cls(
            max_bytes=settings.integer("HUIBAO_MAX_UPLOAD_MB") * MB,
            max_unpacked_bytes=settings.integer("HUIBAO_MAX_UNPACKED_MB") * MB,
            max_ratio=settings.integer("HUIBAO_MAX_ZIP_RATIO"),
            max_paragraphs=settings.integer("HUIBAO_MAX_PARAGRAPHS"),
            max_elements=settings.integer("HUIBAO_MAX_XML_ELEMENTS"),
        )


DOCX_MAGIC = b"PK\x03\x04"


def is_docx_bytes(data: bytes) -> bool:
    """Return True when ``data`` starts like a zip package (a .docx candidate)."""
    return data[:4] == DOCX_MAGIC


def check_size(data: bytes, limits: UploadLimits | None = None) -> None:
    """Raise :class:`PayloadTooLarge` when ``data`` exceeds the upload size limit."""
    limits = limits or UploadLimits.from_env()
    if len(data) > limits.max_bytes:
        raise PayloadTooLarge(
            f"文件过大：{len(data) / MB:.1f} MB，上限为 {limits.max_bytes // MB} MB"
        )


#: A DTD or entity declaration in any encoding an XML part may use (UTF-8 or UTF-16 either way).
_DTD_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
#: Start tags of a paragraph (w:p) as WordprocessingML writes them.
_PARAGRAPH_TAGS = (b"<w:p>", b"<w:p ", b"<w:p/>")


def _check_package(zf: zipfile.ZipFile, compressed_size: int, limits: UploadLimits) -> None:
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise UploadRejected(f"文件包含的部件过多（{len(infos)} 个），疑似异常压缩包")
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        raise UnsupportedMedia("文件不是有效的 Word 文档（.docx）：缺少正文部件")
    unpacked = sum(info.file_size for info in infos)
    if unpacked > limits.max_unpacked_bytes:
        raise UploadRejected(
            f"文件解压后过大（{unpacked / MB:.0f} MB），上限为 {limits.max_unpacked_bytes // MB} MB"
        )
    if unpacked > 1 * MB and unpacked > limits.max_ratio * max(compressed_size, 1):
        raise UploadRejected("文件压缩比异常，疑似压缩炸弹，已拒绝处理")
    paragraphs = elements = 0
    for info in infos:
        if not info.filename.endswith((".xml", ".rels")):
            continue
        # Read at most the declared size plus one byte: a lying header cannot inflate further.
        with zf.open(info) as fh:
            part = fh.read(info.file_size + 1)
        if len(part) > info.file_size:
            raise UploadRejected("文件压缩数据与声明大小不符，已拒绝处理")
        # A Word package never needs a DTD; entity declarations are how XML bombs start.
        if any(marker in part for marker in _DTD_MARKERS):
            raise UploadRejected(f"文件部件 {info.filename} 含有 XML 实体声明，已拒绝处理")
        # Parsed XML costs far more memory than its bytes: bound the tree before it is built.
        paragraphs += sum(part.count(tag) for tag in _PARAGRAPH_TAGS)
        elements += part.count(b"<") - part.count(b"</")
        if paragraphs > limits.max_paragraphs:
            raise PayloadTooLarge(f"文件段落过多（超过 {limits.max_paragraphs} 段），已拒绝处理")
        if elements > limits.max_elements:
            raise PayloadTooLarge(f"文件结构过于复杂（超过 {limits.max_elements} 个元素），已拒绝处理")


def check_docx(data: bytes, limits: UploadLimits | None = None) -> None:
    """Raise unless untrusted ``data`` is a .docx package that is safe to parse (size, zip ratio,
    parts, DTDs, paragraph and element counts); return None when it is."""
    limits = limits or UploadLimits.from_env()
    check_size(data, limits)
    if not is_docx_bytes(data):
        raise UnsupportedMedia("文件不是 Word 文档（.docx）；旧版 .doc 请先另存为 .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            _check_package(zf, len(data), limits)
    except zipfile.BadZipFile as exc:
        raise UnsupportedMedia("文件已损坏，无法作为 Word 文档（.docx）打开") from exc


def open_docx(data: bytes, limits: UploadLimits | None = None) -> DocxDocument:
    """Return the python-docx Document for untrusted ``data`` after every safety check."""
    import docx  # imported here: a text render never needs python-docx
    from lxml import etree

    check_docx(data, limits)
    try:
        return docx.Document(io.BytesIO(data))
    except (ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise UnsupportedMedia("文件无法作为 Word 文档（.docx）打开") from exc
    except etree.XMLSyntaxError as exc:
        raise UnsupportedMedia("文件已损坏：其中的 XML 部件不是有效的 XML") from exc
    except AttributeError as exc:  # a part with the wrong root element (e.g. <Types/> → <foo/>)
        raise UnsupportedMedia("文件已损坏：其中的 XML 部件结构不对") from exc


def decode_text(data: bytes, limits: UploadLimits | None = None) -> str:
    """Return ``data`` decoded as UTF-8 (BOM allowed), UTF-16 with a BOM, or GB18030; raise otherwise."""
    check_size(data, limits)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with a byte-order mark (Notepad's "Unicode")
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnsupportedMedia("文本编码无法识别，请保存为 UTF-8 后重试") from None
    if b"\x00" in data[:4096]:
        raise UnsupportedMedia("文件不是纯文本，也不是 Word 文档（.docx）")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnsupportedMedia("文本编码无法识别，请保存为 UTF-8 后重试")
