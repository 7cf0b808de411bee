"""Where things are in a checked text: line starts, line bounds and paragraph numbers."""

from __future__ import annotations

import bisect
from collections.abc import Iterator


class TextIndex:
    """Line index of ``text``: offsets of line starts and the paragraph number of each line.

    A paragraph is a non-blank line (Chinese plain text and .docx extraction put one paragraph
    per line); blank lines before the first paragraph count as paragraph 1.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        at = text.find("\n")
        while at != -1:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        self.line_starts = starts
        paragraph_of_line: list[int] = []
        count = 0
        for _, start, end in self.lines():
            if not text[start:end].isspace() and end > start:
                count += 1
            paragraph_of_line.append(max(count, 1))
        self.paragraph_of_line = paragraph_of_line

    def line_index(self, offset: int) -> int:
        """Return the 0-based index of the line holding ``offset``."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def line_bounds(self, index: int) -> tuple[int, int]:
        """Return (start, end) of line ``index``; ``end`` excludes the newline."""
        start = self.line_starts[index]
        if index + 1 < len(self.line_starts):
            return start, self.line_starts[index + 1] - 1
        return start, len(self.text)

    def lines(self) -> Iterator[tuple[int, int, int]]:
        """Yield (index, start, end) of every line (end excludes the newline)."""
        for i in range(len(self.line_starts)):
            start, end = self.line_bounds(i)
            yield i, start, end
