"""Regexes compiled on first use, and single-regex detectors that run only when the text holds
one of their trigger strings.

Compiling the checker's patterns took about as long as checking a short report: a pattern is
now compiled the first time a text needs it (a simplified report never compiles the traditional
character classes; a text without ``【`` never compiles the bracket rule). A trigger is a
necessary condition, never a heuristic: every match of a detector's pattern contains one of its
triggers, so skipping a detector whose triggers are absent changes no finding
(``tests/check/test_lazy.py`` checks this over every worst case, sample and golden text).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator, Set
from dataclasses import dataclass
from typing import TypeVar

from huibao.once import BuiltOnce

T = TypeVar("T")
_cache: BuiltOnce[str] = BuiltOnce()


def once(key: str, build: Callable[[], T]) -> T:
    """Return the checker's value built under ``key`` (built once, see :mod:`huibao.once`)."""
    return _cache.get(key, build)


def is_built(key: str) -> bool:
    """Return True once the value under ``key`` has been built by :func:`once`."""
    return _cache.is_built(key)


class LazyPattern:
    """A regex compiled on its first use (compiling twice in a race is harmless: same result)."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def built(self) -> bool:
        """True once the pattern has been compiled."""
        return self._compiled is not None

    def compiled(self) -> re.Pattern[str]:
        """Return the compiled pattern (compiled now when it was not yet)."""
        pattern = self._compiled
        if pattern is None:
            pattern = self._compiled = re.compile(self.source, self.flags)
        return pattern

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """Return ``compiled().finditer(text, pos, endpos)``."""
        return self.compiled().finditer(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Return ``compiled().search(text, pos, endpos)``."""
        return self.compiled().search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Return ``compiled().match(text, pos, endpos)``."""
        return self.compiled().match(text, pos, endpos)


@dataclass(frozen=True, slots=True)
class Detector:
    """One single-regex detector: hits of ``kind`` are the non-empty matches of ``pattern``.

    ``triggers``: every match contains at least one of these strings (empty: always run).
    """

    kind: str
    pattern: LazyPattern
    triggers: tuple[str, ...] = ()

    def wanted(self, text: str, present: Set[str]) -> bool:
        """Return True unless ``text`` (whose characters are ``present``) holds no trigger."""
        if not self.triggers:
            return True
        return any(t in present if len(t) == 1 else t in text for t in self.triggers)


def detector(kind: str, source: str, triggers: Iterable[str], flags: int = re.MULTILINE) -> Detector:
    """Return a :class:`Detector` of ``kind`` for ``source`` (compiled on first use)."""
    return Detector(kind, LazyPattern(source, flags), tuple(dict.fromkeys(triggers)))


def chars(class_body: str) -> tuple[str, ...]:
    """Return the characters of a ``[...]`` body made of literal characters and ``\\``-escapes
    (no ranges), each once: the triggers of a pattern that starts with that class."""
    out: list[str] = []
    escaped = False
    for ch in class_body:
        if ch == "\\" and not escaped:
            escaped = True
            continue
        escaped = False
        if ch not in out:
            out.append(ch)
    return tuple(out)


#: What IGNORECASE also matches for an ASCII letter besides its two cases (the ``re`` docs:
#: U+0130 and U+0131 for i, U+017F for s, U+212A for k).
_EXTRA_CASES = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}


def cased(triggers: Iterable[str]) -> tuple[str, ...]:
    """Return the single-character ``triggers`` with every character IGNORECASE matches for
    each (both cases of a letter, and the non-ASCII letters ``re`` folds into i, s and k)."""
    out: dict[str, None] = {}
    for t in triggers:
        if len(t) != 1:
            raise ValueError(f"case-insensitive triggers are single characters: {t!r}")
        out.update(dict.fromkeys((t, t.lower(), t.upper(), *_EXTRA_CASES.get(t.lower(), ""))))
    return tuple(out)
