"""The plain-text writer: one paragraph per line, body paragraphs indented two full-width spaces."""

from __future__ import annotations

from huibao.compose.tree import Document, Role

INDENT = "\u3000\u3000"


def render(document: Document) -> str:
    """Return the report as plain text (title first, a blank line after title and recipient)."""
    lines: list[str] = []
    for block in document.blocks:
        if block.role is Role.TITLE or block.role is Role.SUBTITLE:
            lines += [block.text, ""]
        elif block.role is Role.RECIPIENT:
            lines.append(block.text)
        elif block.role is Role.TABLE:
            lines += ["\t".join(row) for row in block.rows]
        elif block.role is Role.SIGNATURE:
            lines += ["", block.text]
        elif block.role is Role.DATE:
            lines.append(block.text)
        else:
            lines.append(INDENT + block.plain)
    return "\n".join(lines) + "\n"


def write(document: Document) -> bytes:
    """Return the plain text as UTF-8 bytes."""
    return render(document).encode("utf-8")
