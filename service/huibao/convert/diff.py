"""Where a converted text differs from its input, in time linear in the text's length.

OpenCC replaces phrases in place: most keep their length (发展 → 發展), a few regional words do
not (方便面 → 泡麵). So the two texts are walked side by side; equal stretches are skipped in
C-speed slices, and at a difference the walk looks for the nearest point where both texts agree
again, within a bounded window (a replaced phrase is at most :data:`WINDOW` characters). Each
search costs a bounded amount and consumes what it covers, so the whole walk is linear; when no
such point exists the rest is one replaced span, which is still a correct account.
(``difflib`` on a long line with repeated characters is quadratic to cubic: 4,000 characters of
punctuation with one regional word took 50 s.)
"""

from __future__ import annotations

import re
from operator import ne
from typing import NamedTuple

#: Longest replaced stretch looked for on either side (OpenCC's longest phrase is 15).
WINDOW = 24
#: Characters that must agree after a difference for the texts to count as aligned again.
RESYNC = 2
_STRIDE = 64


class Change(NamedTuple):
    """One replaced span: ``original`` at ``[start, end)`` of the input became ``replacement``.

    A named tuple: a large text has tens of thousands of changes, made fast this way."""

    original: str
    replacement: str
    start: int
    end: int

    def as_dict(self) -> dict[str, str | int]:
        return {
            "original": self.original,
            "replacement": self.replacement,
            "start": self.start,
            "end": self.end,
        }


def _skip_equal(a: str, b: str, i: int, j: int) -> int:
    """Return how many characters agree from ``a[i]`` and ``b[j]`` on."""
    n = 0
    limit = min(len(a) - i, len(b) - j)
    while n + _STRIDE <= limit and a[i + n : i + n + _STRIDE] == b[j + n : j + n + _STRIDE]:
        n += _STRIDE
    while n < limit and a[i + n] == b[j + n]:
        n += 1
    return n


def _resync(a: str, b: str, i: int, j: int) -> tuple[int, int] | None:
    """Return the nearest (i', j') after a difference at (i, j) where both texts agree again
    for :data:`RESYNC` characters (or both end); None when there is none within the window."""
    for total in range(1, 2 * WINDOW + 1):
        for di in range(max(0, total - WINDOW), min(total, WINDOW) + 1):
            dj = total - di
            x, y = i + di, j + dj
            if x > len(a) or y > len(b):
                continue
            need = min(RESYNC, len(a) - x, len(b) - y)
            if need == 0:
                if x == len(a) and y == len(b):
                    return x, y
                continue
            if a[x : x + need] == b[y : y + need]:
                return x, y
    return None


def opcodes(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    """Return ``difflib``-style opcodes (``equal`` / ``replace``, with ``insert`` and ``delete``
    as replacements of or by an empty span) turning ``a`` into ``b``; [] when both are empty."""
    out: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    while i < len(a) or j < len(b):
        n = _skip_equal(a, b, i, j)
        if n:
            out.append(("equal", i, i + n, j, j + n))
            i, j = i + n, j + n
            continue
        found = _resync(a, b, i, j)
        x, y = found if found is not None else (len(a), len(b))
        out.append(("replace", i, x, j, y))
        i, j = x, y
    return out


_RUN = re.compile(rb"\x01+")


def _equal_length_changes(a: str, b: str, base: int, out: list[Change]) -> None:
    """Append one Change per run of differing characters of the equal-length ``a`` and ``b``."""
    # One byte per character, 1 where they differ: the runs are found by the regex engine,
    # so Python steps once per change, not once per character.
    mask = bytes(map(ne, a, b))
    for match in _RUN.finditer(mask):
        i, j = match.span()
        out.append(Change(a[i:j], b[i:j], base + i, base + j))


def diff_changes(original: str, converted: str) -> list[Change]:
    """Return the spans that differ between ``original`` and ``converted`` (input offsets);
    [] when they are equal. Texts of equal length are compared character by character."""
    out: list[Change] = []
    if original == converted:
        return out
    if len(original) == len(converted):
        _equal_length_changes(original, converted, 0, out)
        return out
    for tag, i1, i2, j1, j2 in opcodes(original, converted):
        if tag != "equal":
            out.append(Change(original[i1:i2], converted[j1:j2], i1, i2))
    return out


def split_lengths(original: str, converted: str, lengths: list[int]) -> list[str]:
    """Cut ``converted`` into pieces for runs whose original texts had ``lengths``.

    Same length: cut at the same offsets. Otherwise each run boundary is mapped through the
    alignment of :func:`opcodes`; inside a replaced block earlier runs take characters one for
    one and the last run touching the block takes the remainder.
    """
    if len(original) == len(converted):
        pieces, pos = [], 0
        for n in lengths:
            pieces.append(converted[pos : pos + n])
            pos += n
        return pieces
    blocks = opcodes(original, converted)
    pieces, pos, cut, k = [], 0, 0, 0
    for index, n in enumerate(lengths):
        pos += n
        if index == len(lengths) - 1:
            end = len(converted)
        else:
            while k < len(blocks) and blocks[k][2] <= pos and not (blocks[k][2] == pos == len(original)):
                k += 1  # boundaries only grow: the block holding them is found in one pass
            if k < len(blocks):
                _tag, i1, _i2, j1, j2 = blocks[k]
                end = j1 + min(pos - i1, j2 - j1)
            else:
                end = len(converted)
            end = max(cut, end)
        pieces.append(converted[cut:end])
        cut = end
    return pieces
