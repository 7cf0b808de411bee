"""Spans where no finding may start: URLs, e-mail addresses, Markdown syntax.

Linear: runs are bounded (a mailbox's local part ≤ 64, a domain label ≤ 63, RFC 5321/1035) or
possessive; unbounded, a long run of letters without "@" or ".com" was retried from every
position (200 000 letters took minutes), and 40 000 blanks in a Markdown table 20 s.
"""

from __future__ import annotations

import bisect
import re

from huibao.check.lazy import LazyPattern

URL = LazyPattern(
    r"(?=[A-Za-z0-9._%+-])(?:"  # the characters a match starts with (see charsets.guarded)
    r"(?:https?://|ftp://|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff<>\"“”]++"
    # a local part from its first character (a run of 200,000 letters was scanned 64 deep
    # from every letter)
    r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}+@[A-Za-z0-9-]{1,63}+(?:\.[A-Za-z0-9-]{1,63}+){0,8}\.[A-Za-z]{2,63}"
    r"|\b[A-Za-z0-9_-]{1,63}+(?:\.[A-Za-z0-9_-]{1,63}+){0,8}\.(?:com|cn|net|org|gov|edu|html?|docx?|pdf)\b)"
)
MD_LINE = LazyPattern(
    r"^[ \t]*+(?:#{1,6}[ \t]|>[ \t]?|[-*+][ \t]++(?=\S))"
    r"|^[ \t]*+(?:\*[ \t]*+){3,}+$|^[ \t]*+(?:-[ \t]*+){3,}+$",
    re.MULTILINE,
)
MD_BOLD_STRICT = LazyPattern(
    r"(?=[*_])(?:(?:(?<=^)|(?<=[\s，,。：:、（(“]))(\*\*|__)(?=[^\s*_])[^*\n]{1,80}?(?<=[^\s*_])\1"
    r"|(\*\*|__)(?=[^\s*_])[^*\n]{1,80}?(?<=[^\s*_])\2(?=$|[\s，,。：:、；;）)”！!？?]))",
    re.MULTILINE,
)
MD_EMPH = LazyPattern(r"(\*\*|__|\*)(?=[^\s*])[^*\n]{1,120}?(?<=[^\s*])\1")
MD_TABLE = LazyPattern(
    r"^[ \t]*+\|?(?:[ \t]*+:?-{3,}+:?[ \t]*+\|)++[ \t]*+:?-*+:?[ \t]*+\|?[ \t]*+$|\|", re.MULTILINE
)
MD_LINK = LazyPattern(r"\]\([^)\s]*+\)|!?\[|\]")

Span = tuple[int, int]


def protected_spans(text: str, markdown: bool) -> list[Span]:
    """Return the sorted spans where no finding may start: URLs, e-mails, Markdown syntax
    (emphasis, tables and links only when ``markdown``)."""
    spans: list[Span] = []
    if "." in text or "://" in text:  # every URL and e-mail address has one
        spans.extend(m.span() for m in URL.finditer(text))
    if any(mark in text for mark in "#>-*+"):
        spans.extend(m.span() for m in MD_LINE.finditer(text))
    for m in MD_BOLD_STRICT.finditer(text) if "**" in text or "__" in text else ():
        marker = m.group(1) or m.group(2)
        spans.append((m.start(), m.start() + len(marker)))
        spans.append((m.end() - len(marker), m.end()))
    if markdown:
        for m in MD_EMPH.finditer(text):
            n = len(m.group(1))
            spans.append((m.start(), m.start() + n))
            spans.append((m.end() - n, m.end()))
        spans.extend(m.span() for m in MD_TABLE.finditer(text))
        spans.extend(m.span() for m in MD_LINK.finditer(text))
    spans.sort()
    return spans


class Protected:
    """Membership test for protected spans: does a span overlap one of them?"""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]
        # max_end[i]: the largest end among spans[0..i] (spans may nest or overlap).
        self.max_end: list[int] = []
        best = -1
        for _, e in spans:
            best = max(best, e)
            self.max_end.append(best)

    def __bool__(self) -> bool:
        return bool(self.spans)

    def overlaps(self, start: int, end: int) -> bool:
        """Return True when ``[start, end)`` overlaps a protected span."""
        i = bisect.bisect_left(self.starts, end) - 1  # last span starting before ``end``
        return i >= 0 and self.max_end[i] > start
