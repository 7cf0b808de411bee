"""The Markdown writer: title as ``#``, heading levels as ``##``–``#####``, user text escaped.

Every character Markdown could read as markup is backslash-escaped, so a fact such as
``{{ 7*7 }}`` or ``<w:p>`` shows literally once the Markdown is rendered.
"""

from __future__ import annotations

import re

from huibao.compose.tree import Document, Role

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&!])")


def escape(text: str) -> str:
    """Return ``text`` with Markdown metacharacters backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def render(document: Document) -> str:
    """Return the report as Markdown text."""
    out: list[str] = []
    for block in document.blocks:
        if block.role is Role.TITLE:
            out.append(f"# {escape(block.text)}")
        elif block.role is Role.HEADING:
            line = f"{'#' * (block.level + 1)} {escape(block.label + block.heading)}"
            out.append(line)
            if block.text:
                out.append(escape(block.text))
        elif block.role is Role.TABLE:
            header, *rows = block.rows
            out.append("| " + " | ".join(escape(c) for c in header) + " |")
            out.append("|" + "---|" * len(header))
            out += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows]
        elif block.role in (Role.SIGNATURE, Role.DATE):
            out.append(f'<p align="right">{escape(block.text)}</p>')
        else:
            out.append(escape(block.text))
    return "\n\n".join(out) + "\n"


def write(document: Document) -> bytes:
    """Return the Markdown as UTF-8 bytes."""
    return render(document).encode("utf-8")
