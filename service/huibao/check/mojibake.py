"""Mojibake: literal garbage (``锟斤拷``, ``烫烫烫``, U+FFFD), ``??h``-style triggers (UTF-8 read
as a legacy code page then written back) with their garbled tail, and runs of rare characters
typical of UTF-8 read as GBK.

Linear: each pattern takes a run whole from its first character; whether a line is traditional
is decided once per line (:func:`huibao.check.traditional.traditional_lines`), not per match;
a garbled tail is scanned once (a trigger inside the previous tail belongs to it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set

from huibao.check.charsets import common_cjk, rare_cjk_class
from huibao.check.lazy import Detector, LazyPattern, detector, once
from huibao.check.model import Hit
from huibao.check.textindex import TextIndex

LITERAL = detector("mojibake", "锟斤拷|烫烫烫+|屯屯屯+|\ufffd+", ["锟斤拷", "烫烫烫", "屯屯屯", "\ufffd"])


def detectors() -> list[Detector]:
    """Return the literal-mojibake detector (compiled on first use)."""
    return [LITERAL]


# In traditional lines: "?" then more "?" or a typical follower, then letters.
TRAD_TRIGGER = LazyPattern(r"\?(?:\?++|[!\";,\\^`A-Za-z])[A-Za-z\\^`]*+")
# Elsewhere a "??" run is a slot unless a letter follows it; ``(?<!\?\?)\?++``: a run of "?" is
# tried from its first "?" only (else quadratic).
SLOT_TRIGGER = LazyPattern(r"\?(?:[!\"\\^`]|(?<!\?\?)\?++[A-Za-z\\^`])[A-Za-z\\^`]*+")
_ODD = frozenset(
    "_\\^`"
    + "".join(map(chr, range(0x41, 0x5B)))
    + "".join(map(chr, range(0x61, 0x7B)))
    + "".join(map(chr, range(0x3040, 0x3100)))
    + "".join(map(chr, range(0x2460, 0x2500)))
    + "".join(map(chr, range(0x0400, 0x0500)))
)
_STOP = frozenset('，,。；;：:、 \t“”"')


#: Ranges of the non-CJK characters a rare run may hold (Greek, Cyrillic, Bopomofo, box drawing).
_RARE_RANGES = ((0x370, 0x3FF), (0x400, 0x4FF), (0x3100, 0x312F), (0x2500, 0x257F))


def rare_run() -> re.Pattern[str]:
    """Return the pattern of four or more rare characters in a row (built once)."""
    return once("rare_run", _build_rare_run)


def _build_rare_run() -> re.Pattern[str]:
    return re.compile(
        "[" + rare_cjk_class() + "\u0370-\u03ff\u0400-\u04ff\u3100-\u312f\u2500-\u257f€]{4,}+"
    )


def may_have_rare_run(present: Set[str]) -> bool:
    """Return False when none of the characters ``present`` in a text could be part of a rare
    run (then :func:`rare_run` finds nothing there and need not be built)."""
    common = common_cjk()
    for ch in present:
        code = ord(ch)
        if 0x4E00 <= code < 0xA000:
            if ch not in common:
                return True
        elif ch in "\ufffd€" or any(lo <= code <= hi for lo, hi in _RARE_RANGES):
            return True
    return False


def garbled_runs(line: str, diff_ends: dict[int, int]) -> tuple[list[tuple[int, int]], set[int]]:
    """Return the (start, end) of each garbled run in a traditional ``line`` and the starts of
    the conversion diffs (``diff_ends``: start → end) that the runs swallowed.

    A run is a trigger extended over odd characters (Latin letters, kana, Cyrillic, circled
    numbers) and conversion leftovers, tolerating up to two ordinary characters in between.
    """
    runs: list[tuple[int, int]] = []
    consumed: set[int] = set()
    covered = 0  # end of the previous run: a trigger before it is part of that run
    for m in TRAD_TRIGGER.finditer(line):
        if m.start() < covered:
            continue
        pos, gap, last_bad = m.end(), 0, m.end()
        while pos < len(line) and gap <= 2:
            ch = line[pos]
            if pos in diff_ends:
                consumed.add(pos)
                pos = diff_ends[pos]
                last_bad, gap = pos, 0
            elif ch in _ODD:
                pos += 1
                last_bad, gap = pos, 0
            elif ch in _STOP:
                break
            else:
                gap += 1
                pos += 1
        runs.append((m.start(), last_bad))
        covered = last_bad
    return runs, consumed


def slot_mojibake(index: TextIndex, traditional: set[int]) -> Iterator[Hit]:
    """Yield ``??h``-style triggers in lines that are not traditional (a traditional line's
    triggers are found with their garbled tail by the traditional pass)."""
    for m in SLOT_TRIGGER.finditer(index.text):
        if index.line_index(m.start()) not in traditional:
            yield Hit("mojibake", m.start(), m.end())


def rare_mojibake(index: TextIndex, traditional: set[int]) -> Iterator[Hit]:
    """Yield runs of rare characters in lines that are not traditional."""
    for m in rare_run().finditer(index.text):
        if index.line_index(m.start()) not in traditional:
            yield Hit("mojibake", m.start(), m.end())
