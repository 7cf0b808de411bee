"""Writers turn a composed :class:`~huibao.compose.tree.Document` into a file format.

Each writer module has ``write(document) -> bytes`` (the .docx one also takes ``layout``);
:data:`WRITERS` maps format names to them with their media type and file suffix. A writer
module is imported on first use, so a text render never loads python-docx.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from huibao.compose.tree import Document


@dataclass(frozen=True)
class Writer:
    name: str
    media_type: str
    suffix: str
    module: str

    def write(self, document: Document, *, layout: bytes | None = None) -> bytes:
        """Return ``document`` in this writer's format; ``layout`` is an office's own .docx
        layout template (None: the one in use; ignored by the other formats)."""
        module = import_module(f"huibao.write.{self.module}")
        data: bytes = module.write(document, layout=layout) if layout is not None else module.write(document)
        return data


WRITERS: dict[str, Writer] = {
    "docx": Writer(
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx",
        "docx",
    ),
    "txt": Writer("txt", "text/plain; charset=utf-8", ".txt", "text"),
    "html": Writer("html", "text/html; charset=utf-8", ".html", "html"),
    "md": Writer("md", "text/markdown; charset=utf-8", ".md", "markdown"),
}
