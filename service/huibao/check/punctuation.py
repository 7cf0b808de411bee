"""Punctuation: doubled marks (``，，``, ``；。``), ASCII punctuation in Chinese text, and quotes or
title marks left unbalanced within a paragraph.

The regexes take a run of marks whole from its first mark (nothing follows the run inside the
pattern), and the quote pass is one scan with a stack per mark kind: linear.
"""

from __future__ import annotations

from collections.abc import Iterator

from huibao.check.charsets import CJK_RANGE, guarded
from huibao.check.lazy import Detector, LazyPattern, detector
from huibao.check.model import Hit
from huibao.check.textindex import TextIndex

_DOUBLED_FIRSTS = "，。、；：,;:."
DOUBLED_PUNCTUATION = detector(
    "doubled_punctuation",
    guarded(
        _DOUBLED_FIRSTS,
        rf"([，。、；：,;:])\1++|[，,、；;：:][，,。、；;：:]++|[。][，,、；;。]++|(?<=[{CJK_RANGE}])[.][。，,]",
    ),
    # every match holds two marks in a row, as one of these pairs
    [
        *(a + a for a in "，。、；：,;:"),
        *(a + b for a in "，,、；;：:" for b in "，,。、；;：:"),
        *("。" + b for b in "，,、；;。"),
        *("." + b for b in "。，,"),
    ],
)
ASCII_PUNCTUATION = detector(
    "ascii_punctuation",
    guarded(
        r",;:?!().\s",
        rf"(?<=[{CJK_RANGE}\u3000-\u303f\uff01-\uff0f“”])[,;:?!()]"
        rf"|[,;:?!(](?=[{CJK_RANGE}“])"
        rf"|\)(?=[{CJK_RANGE}])"
        rf"|(?<=[{CJK_RANGE}])\s?\.(?![0-9A-Za-z.])",
    ),
    ",;:?!().",  # a match starting with a blank goes on to its "."
)


def detectors() -> list[Detector]:
    """Return the doubled- and ASCII-punctuation detectors (compiled on first use)."""
    return [DOUBLED_PUNCTUATION, ASCII_PUNCTUATION]


QUOTE = LazyPattern(r"[“”「」《》]")
QUOTE_MARKS = "“”「」《》"
_PAIRS = {"“": "”", "「": "」", "《": "》"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}


def unbalanced_quotes(index: TextIndex) -> Iterator[Hit]:
    """Yield unbalanced quote/title-mark hits, checked paragraph (line) by paragraph.

    Nesting is tolerated (scraped text nests “ inside “); per line and per mark kind, one hit
    for the innermost opener left unclosed and one per closer without an opener.
    """
    stacks: dict[str, list[int]] = {}
    line_end = -1
    for m in QUOTE.finditer(index.text):
        pos = m.start()
        if pos > line_end:
            yield from _unclosed(stacks)
            stacks = {}
            line_end = index.line_bounds(index.line_index(pos))[1]
        ch = m.group()
        if ch in _PAIRS:
            stacks.setdefault(ch, []).append(pos)
            continue
        opener = _CLOSERS[ch]
        stack = stacks.get(opener)
        if stack:
            stack.pop()
        else:
            yield Hit(
                "unbalanced_quote", pos, pos + 1,
                f"「{ch}」前没有对应的「{opener}」", f"补上「{opener}」或删除多余的「{ch}」",
            )
    yield from _unclosed(stacks)


def _unclosed(stacks: dict[str, list[int]]) -> Iterator[Hit]:
    """Yield one hit per mark kind for the innermost opener left unclosed in ``stacks``."""
    for opener, stack in stacks.items():
        if stack:
            at = stack[-1]
            closer = _PAIRS[opener]
            yield Hit(
                "unbalanced_quote", at, at + 1,
                f"「{opener}」没有对应的「{closer}」", f"补上「{closer}」或删除多余的「{opener}」",
            )
