"""The traditional-text pass: in lines that read as traditional Chinese, what a proper
phrase-level conversion would still change (``關于`` → ``關於``), and garbled runs.

Linear: the lines that read as traditional are found in one scan of the whole text; each such
line is converted once per target; where a conversion changed a line's length, only the
changed piece (between punctuation, at most :data:`_PIECE` characters) is aligned with difflib.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable, Iterator, Set

from huibao.check import mojibake
from huibao.check.charsets import char_class, is_traditional_counts, script_sets, traditional_only
from huibao.check.kinds import KINDS
from huibao.check.lazy import LazyPattern, once
from huibao.check.model import Hit
from huibao.check.textindex import TextIndex


def opencc_converter(config: str) -> Callable[[str], str]:
    """Return huibao's own converter for ``config``, glossary included (the converter module,
    and OpenCC with it, load on the first call: checking simplified text never calls this)."""
    from huibao.convert.converter import opencc_converter as converter

    return converter(config)


_TARGETS = ("s2t", "s2tw", "s2hk")
_PIECE = 128
# Piece boundaries: conversions never rewrite across punctuation or blanks.
BOUNDARY = LazyPattern(r"[\s，,。.、；;：:！!？?“”「」『』（）()《》]")


def traditional_lines(index: TextIndex, present: Set[str] | None = None) -> set[int]:
    """Return the indexes of the lines that read as traditional text (none without any
    traditional-only character; ``present``, the text's characters when known, tells that
    without building the character classes)."""
    if present is not None and present.isdisjoint(traditional_only()):
        return set()
    sets = script_sets()
    trad = _per_line(index, sets.trad_only)
    if not trad:
        return set()
    simp = _per_line(index, sets.simp_only)
    return {li for li, n in trad.items() if is_traditional_counts(n, simp.get(li, 0))}


def _per_line(index: TextIndex, pattern: re.Pattern[str]) -> dict[int, int]:
    """Return {line index: number of ``pattern`` matches} in one scan (matches come in order)."""
    counts: dict[int, int] = {}
    li, line_end = -1, -1
    for m in pattern.finditer(index.text):
        if m.start() > line_end:
            li = index.line_index(m.start())
            line_end = index.line_bounds(li)[1]
        counts[li] = counts.get(li, 0) + 1
    return counts


def surname_yu() -> re.Pattern[str]:
    """Return the pattern of 余 as a surname before a title (余局长), which stays 余 (built once)."""
    return once("surname_yu", build_surname_yu)


def build_surname_yu() -> re.Pattern[str]:
    """Return a newly built :func:`surname_yu` pattern."""
    return re.compile("余(?=[" + char_class("局校主书县市区镇先同总部处科经老师队院所") + "])")


def conversion_diffs(segment: str) -> list[tuple[int, int, str]]:
    """Return (start, end, expected) spans of ``segment`` that a proper s2t would change."""
    simp_chars = script_sets().simp_chars
    # The converter's own configs, glossary included: what huibao itself would write is right.
    simplified = opencc_converter("t2s")(segment)
    targets = [opencc_converter(c)(simplified) for c in _TARGETS]
    bad = [False] * len(segment)
    expected: list[str] = list(segment)
    if all(len(t) == len(segment) for t in targets):
        for i, ch in enumerate(segment):
            if ch in simp_chars and ch not in {t[i] for t in targets}:
                bad[i] = True
                expected[i] = targets[1][i]
    else:  # a phrase changed length: align the changed pieces only
        for offset, piece, target in _pieces(segment):
            _align(piece, target, offset, simp_chars, bad, expected)
    for m in surname_yu().finditer(segment):
        bad[m.start()] = False
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(segment):
        if not bad[i]:
            i += 1
            continue
        j = i
        while j < len(segment) and bad[j]:
            j += 1
        spans.append((i, j, "".join(expected[i:j])))
        i = j
    return spans


def _pieces(segment: str) -> list[tuple[int, str, str]]:
    """Return (offset, piece, its Taiwan form) for the pieces of ``segment`` (split at
    punctuation, then every :data:`_PIECE` characters), converted in one call per step."""
    bounds = [0]
    for m in BOUNDARY.finditer(segment):
        bounds.append(m.start())
    bounds.append(len(segment))
    pieces: list[tuple[int, str]] = []
    for a, b in itertools.pairwise(bounds):
        for s in range(a, b, _PIECE):
            pieces.append((s, segment[s : min(b, s + _PIECE)]))
    joined = "\n".join(p for _, p in pieces)
    converted = opencc_converter("s2tw")(opencc_converter("t2s")(joined)).split("\n")
    if len(converted) != len(pieces):  # a step joined lines: compare nothing rather than guess
        return []
    return [(s, p, t) for (s, p), t in zip(pieces, converted, strict=True)]


def _align(
    piece: str, target: str, offset: int, simp_chars: frozenset[str],
    bad: list[bool], expected: list[str],
) -> None:
    """Mark in ``bad``/``expected`` the simplified characters of ``piece`` that ``target``
    replaces one for one."""
    if piece == target:
        return
    matcher = difflib.SequenceMatcher(None, piece, target, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                if piece[i1 + k] in simp_chars:
                    bad[offset + i1 + k] = True
                    expected[offset + i1 + k] = target[j1 + k]


def traditional_checks(index: TextIndex, traditional: set[int]) -> Iterator[Hit]:
    """Yield mojibake and incomplete-conversion hits in the ``traditional`` lines."""
    text = index.text
    label = KINDS["incomplete_conversion"].label
    for li in sorted(traditional):
        start, end = index.line_bounds(li)
        line = text[start:end]
        diffs = conversion_diffs(line)
        runs, consumed = mojibake.garbled_runs(line, {s: e for s, e, _ in diffs})
        yield from (Hit("mojibake", start + s, start + e) for s, e in runs)
        for s, e, exp in diffs:
            if s in consumed:
                continue
            ctx_l = line[max(s - 1, 0) : s]
            ctx_r = line[e : e + 1]
            yield Hit(
                "incomplete_conversion", start + s, start + e,
                f"{label}：「{ctx_l}{line[s:e]}{ctx_r}」应为「{ctx_l}{exp}{ctx_r}」",
                f"改为「{exp}」",
            )
