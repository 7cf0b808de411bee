"""Writers turn a composed :class:`~service.tree.Document` into a file format.

Each writer is a function ``write(document) -> bytes``; :data:`WRITERS` maps format names to them
with their media type and file suffix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from service.tree import Document
from service.writers import docx_writer, html, markdown, text


@dataclass(frozen=True)
class Writer:
    name: str
    media_type: str
    suffix: str
    write: Callable[[Document], bytes]


WRITERS: dict[str, Writer] = {
    "docx": Writer(
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx",
        docx_writer.write,
    ),
    "txt": Writer("txt", "text/plain; charset=utf-8", ".txt", text.write),
    "html": Writer("html", "text/html; charset=utf-8", ".html", html.write),
    "md": Writer("md", "text/markdown; charset=utf-8", ".md", markdown.write),
}
