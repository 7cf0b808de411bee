"""The Markdown writer: title as ``#``, heading levels as ``##``–``#####``, user text escaped.

Every character Markdown could read as markup is backslash-escaped, so a fact such as
``{{ 7*7 }}`` or ``<w:p>`` shows literally once the Markdown is rendered; text inside the few
HTML paragraphs (centred and right-aligned lines) is HTML-escaped instead. The 公文 elements
come in reading order: 版头 or 简报 masthead (its red rule a thematic break) above the title,
附件说明 and 附注 below the body, the 版记 or 报/送/发 block between rules at the foot.
"""

from __future__ import annotations

import html
import re

from huibao.compose.tree import FOOT_ROLES, Document, Role

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&!])")
RULE = "---"


def escape(text: str) -> str:
    """Return ``text`` with Markdown metacharacters backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def _aligned(text: str, align: str) -> str:
    return f'<p align="{align}">{html.escape(text)}</p>'


def render(document: Document) -> str:
    """Return the report as Markdown text."""
    out: list[str] = []
    foot = False
    for block in document.blocks:
        role = block.role
        if role in FOOT_ROLES:
            if not foot or role is Role.PRINTER:
                out.append(RULE)
            foot = True
            line = f"{block.label}{block.text}" + (f"\u3000\u3000{block.aside}" if block.aside else "")
            out.append(escape(line))
            continue
        if role is Role.TITLE:
            out.append(f"# {escape(block.text)}")
        elif role is Role.HEADING:
            line = f"{'#' * (block.level + 1)} {escape(block.label + block.heading)}"
            out.append(line)
            if block.text:
                out.append(escape(block.text))
        elif role is Role.TABLE:
            header, *rows = block.rows
            out.append("| " + " | ".join(escape(c) for c in header) + " |")
            out.append("|" + "---|" * len(header))
            out += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows]
        elif role in (Role.SIGNATURE, Role.DATE):
            out.append(f'<p align="right">{escape(block.text)}</p>')
        elif role in (Role.ISSUER, Role.MASTHEAD):
            out.append(f'<p align="center"><strong>{html.escape(block.text)}</strong></p>')
        elif role is Role.ISSUE or (role is Role.DOC_NUMBER and not block.aside):
            out.append(_aligned(block.text, "center"))
        elif role in (Role.DOC_NUMBER, Role.EDITOR):
            out.append(escape(block.text + ("\u3000\u3000\u3000\u3000" + block.aside if block.aside else "")))
        elif role is Role.RED_RULE:
            out.append(RULE)
        elif role is Role.ATTACHMENT:
            label = escape(block.label).replace(".", "\\.")  # 2. at a line start is a list item
            out.append(f"{'' if block.level == 1 else '　　　'}{label} {escape(block.text)}")
        else:
            out.append(escape(block.text))
    if foot:
        out.append(RULE)
    return "\n\n".join(out) + "\n"


def write(document: Document) -> bytes:
    """Return the Markdown as UTF-8 bytes."""
    return render(document).encode("utf-8")
