"""Words and lines: ``截止`` for ``截至``, doubled words (``成立成立``), and lines that are only a
short fragment and a full stop (``扶貧。``, ``。``). Every repetition is bounded or possessive."""

from __future__ import annotations

import re
from collections.abc import Iterator

from huibao.check.charsets import CJK, CJK_RANGE, alternation
from huibao.check.lazy import Detector, LazyPattern, detector, once
from huibao.check.model import Hit


def detectors() -> list[Detector]:
    """Return the wording detector (built once, compiled on first use)."""
    return once("wording", _build)


def _build() -> list[Detector]:
    wording = detector(
        "wording",
        r"截止(?=\s*+(?:目前|到|今|当前|當前|[0-9xX_]|" + alternation(["今天", "现在"]) + "))",
        ["截止"],
    )
    return [wording]


DOUBLED = LazyPattern(f"({CJK}{{2,4}})\\1")
_REDUPLICATED_OK = ["研究", "讨论", "商量", "学习", "休息", "考虑", "看看", "了解", "交流", "锻炼",
                    "打扫", "整理", "检查"]  # fmt: skip
DOUBLED_OK = LazyPattern("^(?:一.|" + "|".join(_REDUPLICATED_OK) + ")")


def doubled_words(text: str) -> Iterator[Hit]:
    """Yield doubled-word hits (a 2–4 character word written twice in a row), except
    reduplication that is idiomatic (``研究研究``, ``一步一步``, ``人人``)."""
    for m in DOUBLED.finditer(text):
        word = m.group(1)
        if len(set(word)) > 1 and not DOUBLED_OK.match(word):
            yield Hit("doubled_word", m.start(), m.end())


FRAGMENT = LazyPattern(
    r"^[ \t\u3000]*+(?:[" + CJK_RANGE + r"]{1,4})?[。.]++[ \t\u3000]*+$", re.MULTILINE
)
FRAGMENT_OK = LazyPattern(r"^\s*+(?:特此|此致|妥否|以上|附件)")


def fragments(text: str) -> Iterator[Hit]:
    """Yield lines that are only a short fragment and a full stop; none in one-line text."""
    if "\n" not in text.strip() or ("。" not in text and "." not in text):
        return
    for m in FRAGMENT.finditer(text):
        matched = m.group()
        if FRAGMENT_OK.match(matched):
            continue
        start = m.start() + len(matched) - len(matched.lstrip())
        end = m.start() + len(matched.rstrip())
        yield Hit("fragment_line", start, end)
