"""Character classes of the checker: CJK ranges, traditional forms of pattern words (OpenCC's
own configs, no glossary), traditional-only and simplified-only characters, rare characters.

What comes from OpenCC is read from the generated :mod:`huibao.check.opencc_tables` (so checking
simplified text never loads OpenCC); a word missing there is asked of OpenCC. Patterns are
built once, under a lock, on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from huibao.check import opencc_tables
from huibao.check.lazy import once

CJK_RANGE = "\u4e00-\u9fff\u3400-\u4dbf"
CJK = f"[{CJK_RANGE}]"
#: ASCII and full-width decimal digits (``\\d`` would also take every other script's digits).
DIGIT = "[0-9０-９]"

# Characters that a proper conversion keeps in traditional text although s2t would change them
# in isolation: they do not make a paragraph look simplified.
_AMBIGUOUS = "干于采范后余里面发只系准台舍才了借并向回复制松冲卷表钟斗谷丑出几千万云划朴胡愿志"
_TRADITIONAL_CONFIGS = ("s2t", "s2tw", "s2hk")


def guarded(first: str, pattern: str) -> str:
    """Return ``pattern`` behind a lookahead for the characters a match can start with
    (``first``, a class body): the engine then rejects every other position with one class
    test instead of trying each alternative there (3 to 8 times faster on ordinary text)."""
    return f"(?=[{first}])(?:{pattern})"


def first_chars(words: Iterable[str]) -> str:
    """Return the first characters of ``words`` and of their traditional forms, escaped for
    use inside ``[...]``."""
    firsts = {form[0] for word in words for form in variants(word)}
    return "".join("\\" + c if c in "\\]^-[" else c for c in sorted(firsts))


def variants(word: str) -> list[str]:
    """Return ``word`` plus its traditional forms (standard, Taiwan, Hong Kong), deduplicated."""
    forms = opencc_tables.VARIANTS.get(word)
    return [word, *forms] if forms is not None else live_variants(word)


def live_variants(word: str) -> list[str]:
    """Return what :func:`variants` returns, asking OpenCC (loads it)."""
    from huibao.convert import engine

    out = [word]
    for config in _TRADITIONAL_CONFIGS:
        converted = engine.plain_converter(config).convert(word)
        if converted not in out:
            out.append(converted)
    return out


def alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words`` and their traditional forms, longest first."""
    forms: set[str] = set()
    for word in words:
        forms.update(variants(word))
    return "|".join(re.escape(w) for w in sorted(forms, key=lambda w: (-len(w), w)))


def char_class(chars: str) -> str:
    """Return ``chars`` plus their traditional forms, escaped for use inside ``[...]``."""
    seen: list[str] = []
    for ch in chars:
        for form in variants(ch):
            for c in form:
                if c not in seen:
                    seen.append(c)
    return "".join("\\" + c if c in "\\]^-[" else c for c in seen)


@dataclass(frozen=True)
class ScriptSets:
    """Single-character patterns of traditional-only and strictly simplified-only characters,
    and the set of every character s2t changes."""

    trad_only: re.Pattern[str]
    simp_only: re.Pattern[str]
    simp_chars: frozenset[str]


def script_sets() -> ScriptSets:
    """Return the script character sets (built once)."""
    return once("script_sets", _build_script_sets)


def _build_script_sets() -> ScriptSets:
    simp = set(opencc_tables.SIMPLIFIED)
    trad = set(opencc_tables.TRADITIONAL_ONLY)
    strict_simp = simp - set(_AMBIGUOUS)

    def klass(cs: set[str]) -> re.Pattern[str]:
        return re.compile("[" + "".join(sorted(cs)) + "]")

    return ScriptSets(klass(trad), klass(strict_simp), frozenset(simp))


def traditional_only() -> frozenset[str]:
    """Return the characters t2s changes (traditional-only), as a set (built once)."""
    return once("traditional_only", lambda: frozenset(opencc_tables.TRADITIONAL_ONLY))


def is_traditional_counts(trad: int, simp: int) -> bool:
    """Return True when a segment with ``trad`` traditional-only and ``simp`` simplified-only
    characters reads as traditional text."""
    if not trad:
        return False
    return trad >= 3 * simp or (trad >= 2 and simp <= 1)


def common_cjk() -> frozenset[str]:
    """Return the 3755 common CJK characters (GB2312 level 1), decoded once."""
    return once("common_cjk", _decode_level1)


def _decode_level1() -> frozenset[str]:
    """Return GB2312 level 1 (rows B0–D7), decoded in one call (5 empty cells skipped)."""
    cells = bytes(b for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF) for b in (hi, lo))
    decoded = cells.decode("gb2312", errors="replace")
    return frozenset(ch for ch in decoded if "\u4e00" <= ch <= "\u9fff")


def rare_cjk_class() -> str:
    """Return a regex class body of CJK characters outside GB2312 level 1 (the 3755 common
    ones), plus U+FFFD."""
    common = common_cjk()
    rare = [c for c in range(0x4E00, 0xA000) if chr(c) not in common]
    # Collapse into ranges to keep the pattern small.
    parts: list[str] = []
    run_start = prev = rare[0]
    for code in [*rare[1:], 0x10FFFF]:
        if code != prev + 1:
            parts.append(chr(run_start) if run_start == prev else f"{chr(run_start)}-{chr(prev)}")
            run_start = code
        prev = code
    return "".join(parts) + "\ufffd"
