"""The neutral document tree every composer produces and every writer consumes.

A :class:`Document` is a flat list of :class:`Block` objects in reading order. Blocks carry a
role (what the paragraph is) and, for headings, a level and a generated label (一、 （一） 1. （1）).
Writers never number anything themselves: labels are already in the tree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum


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


@dataclass
class Block:
    """One paragraph (or table) of a report.

    ``label`` is the generated number of a heading ("一、"); ``heading`` its text; ``text`` the
    body, which for a run-in heading follows the heading on the same line. ``rows`` holds table
    cells (first row is the header) and is empty for every other role.
    """

    role: Role
    text: str = ""
    level: int = 0
    label: str = ""
    heading: str = ""
    rows: list[list[str]] = field(default_factory=list)

    @property
    def plain(self) -> str:
        """Return the block as one line of plain text (label, heading and body joined)."""
        if self.role is Role.TABLE:
            return "\n".join("\t".join(row) for row in self.rows)
        return f"{self.label}{self.heading}{self.text}"


@dataclass
class Document:
    """A composed report: the kind it was composed as, its title and its blocks."""

    kind: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    script: str = "zh-Hans"

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
            b.rows = [[fn(c) if c else c for c in row] for row in b.rows]
