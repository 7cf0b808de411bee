"""The neutral document tree every composer produces and every writer consumes.

A :class:`Document` is a flat list of :class:`Block` objects in reading order. Blocks carry a
role (what the paragraph is) and, for headings, a level and a generated label (一、 （一） 1. （1）).
Writers never number anything themselves: labels are already in the tree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    TITLE = "title"
    SUBTITLE = "subtitle"  # e.g. the 第X期 line of a brief, or a speaker line
    RECIPIENT = "recipient"
    HEADING = "heading"
    BODY = "body"
    TABLE = "table"
    CLOSING = "closing"  # 特此报告。
    SIGNATURE = "signature"
    DATE = "date"
    # 公文 elements above and below the body (GB/T 9704-2012 7.2–7.4; huibao.compose.element_blocks)
    COPY_NUMBER = "copy_number"  # 份号
    SECRECY = "secrecy"  # 密级和保密期限
    URGENCY = "urgency"  # 紧急程度
    ISSUER = "issuer"  # 发文机关标志 (one block per organ)
    DOC_NUMBER = "doc_number"  # 发文字号; ``aside`` holds 签发人：… for 上行文
    RED_RULE = "red_rule"  # the red separator line under the 版头 or the 简报 masthead
    MASTHEAD = "masthead"  # the 简报's red name
    ISSUE = "issue"  # 第N期
    EDITOR = "editor"  # 编印单位; ``aside`` holds the date
    ATTACHMENT = "attachment"  # 附件说明: ``label`` 附件：1. / 2., ``text`` the title
    NOTE = "note"  # 附注
    CC = "cc"  # 版记: ``label`` 抄送：
    PRINTER = "printer"  # 版记: 印发机关; ``aside`` 印发日期
    DISTRIBUTION = "distribution"  # 简报: ``label`` 报：/送：/发：
    COPIES = "copies"  # 简报: 共印N份


#: Roles above the title (版头 and 简报 masthead) and in the 版记 at the foot, in reading order.
HEAD_ROLES = frozenset(
    {Role.COPY_NUMBER, Role.SECRECY, Role.URGENCY, Role.ISSUER, Role.DOC_NUMBER, Role.RED_RULE}
    | {Role.MASTHEAD, Role.ISSUE, Role.EDITOR}
)
FOOT_ROLES = frozenset({Role.CC, Role.PRINTER, Role.DISTRIBUTION, Role.COPIES})


@dataclass
class Block:
    """One paragraph (or table) of a report.

    ``label`` is the generated number of a heading ("一、"); ``heading`` its text; ``text`` the
    body, which for a run-in heading follows the heading on the same line. ``rows`` holds table
    cells (first row is the header) and is empty for every other role. ``aside`` is text set
    at the right end of the same line (印发日期, 签发人, a 简报's date); "" for most blocks.
    """

    role: Role
    text: str = ""
    level: int = 0
    label: str = ""
    heading: str = ""
    rows: list[list[str]] = field(default_factory=list)
    aside: str = ""

    @property
    def plain(self) -> str:
        """Return the block as one line of plain text (label, heading and body joined; an
        ``aside`` after a full-width space)."""
        if self.role is Role.TABLE:
            return "\n".join("\t".join(row) for row in self.rows)
        line = f"{self.label}{self.heading}{self.text}"
        return f"{line}\u3000{self.aside}" if self.aside and line else line or self.aside


@dataclass
class Document:
    """A composed report: the kind it was composed as, its title and its blocks."""

    kind: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    script: str = "zh-Hans"
    #: The facts it was composed from, as JSON values (None: unknown); written into a .docx.
    facts: dict[str, Any] | None = None

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    def headings(self) -> list[Block]:
        """Return the heading blocks in order (empty when the report has none)."""
        return [b for b in self.blocks if b.role is Role.HEADING]

    def plain_text(self) -> str:
        """Return the whole report as plain text, one block per line."""
        return "\n".join(b.plain for b in self.blocks)

    def map_text(self, fn: Callable[[str], str]) -> None:
        """Apply ``fn`` to every piece of text in place (title, labels, headings, bodies, cells)."""
        self.title = fn(self.title)
        for b in self.blocks:
            b.text = fn(b.text) if b.text else b.text
            b.heading = fn(b.heading) if b.heading else b.heading
            b.label = fn(b.label) if b.label else b.label
            b.aside = fn(b.aside) if b.aside else b.aside
            b.rows = [[fn(c) if c else c for c in row] for row in b.rows]
