"""The plain-text writer: one paragraph per line, body paragraphs indented two full-width spaces.

The 公文 elements come in reading order: the 版头 or 简报 masthead above the title, ending in a
rule for the red separator; 附件说明 under the body (continuation numbers aligned under the
first); 附注 under the date; the 版记 or 报/送/发 block at the foot between rules.
"""

from __future__ import annotations

from huibao.compose.tree import FOOT_ROLES, Block, Document, Role

INDENT = "\u3000\u3000"
RULE = "—" * 28  # box-drawing rules read as mojibake to the checker
_ATTACHMENT_INDENT = INDENT + "\u3000" * 3  # under 附件：


def _line(block: Block) -> str:
    """Return a block with text at both ends of its line (aside after a wide gap)."""
    if not block.aside:
        return block.plain
    return f"{block.label}{block.text}\u3000\u3000\u3000\u3000{block.aside}" if block.text else block.aside


def render(document: Document) -> str:
    """Return the report as plain text (title first, a blank line after title and recipient)."""
    lines: list[str] = []
    foot_started = False
    for block in document.blocks:
        role = block.role
        if role in FOOT_ROLES:
            if not foot_started:
                lines += ["", RULE]
                foot_started = True
            elif role is Role.PRINTER:
                lines.append(RULE)
            lines.append(_line(block))
            continue
        if role is Role.TITLE or role is Role.SUBTITLE:
            lines += [block.text, ""]
        elif role is Role.RED_RULE:
            lines += [RULE, ""]
        elif role in (Role.RECIPIENT, Role.DATE, Role.COPY_NUMBER, Role.SECRECY, Role.URGENCY):
            lines.append(block.text)
        elif role is Role.DOC_NUMBER:
            lines += ["", _line(block)]
        elif role in (Role.ISSUER, Role.MASTHEAD, Role.ISSUE, Role.EDITOR):
            lines.append(_line(block))
        elif role is Role.TABLE:
            lines += ["\t".join(row) for row in block.rows]
        elif role is Role.SIGNATURE:
            lines += ["", block.text]
        elif role is Role.ATTACHMENT:
            if block.level == 1:
                lines += ["", f"{INDENT}{block.label} {block.text}"]
            else:
                lines.append(f"{_ATTACHMENT_INDENT}{block.label} {block.text}")
        else:
            lines.append(INDENT + block.plain)
    if foot_started:
        lines.append(RULE)
    return "\n".join(lines) + "\n"


def write(document: Document) -> bytes:
    """Return the plain text as UTF-8 bytes."""
    return render(document).encode("utf-8")
