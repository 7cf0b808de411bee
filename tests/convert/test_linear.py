"""Every conversion pass grows linearly: the cost at 10n is compared with the cost at n.

Worst cases are generated, not sampled: long lines, runs of spaces and punctuation around words
whose length changes (方便面 → 泡麵, the case that made difflib cubic), mixed scripts, surnames
after titles, and the most ``keep`` terms allowed, up to 100,000 characters. A quadratic pass
costs 100 times more at 10n; the test allows 30 times (generous for a shared, noisy machine).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from huibao.convert.converter import convert_text
from huibao.convert.detect import detect
from huibao.convert.diff import diff_changes, opcodes, split_lengths
from huibao.convert.names import name_rules
from huibao.convert.options import MAX_KEEP_LENGTH, MAX_KEEP_TERMS, ConversionOptions

SMALL, LARGE = 10_000, 100_000
ALLOWED_RATIO = 30


def repeat(unit: str, n: int) -> str:
    """Return ``unit`` repeated to exactly ``n`` characters."""
    return (unit * (n // len(unit) + 1))[:n]


TAIWAN_REGIONAL = ConversionOptions.parse(to="zh-Hant-TW", source="zh-Hans", regional_vocabulary=True)
REPAIR = ConversionOptions.parse(to="zh-Hant", repair=True)
STANDARD = ConversionOptions.parse(to="zh-Hant", source="zh-Hans")
# the most keep terms of the longest length, all starting with the character the text is full of
MANY_KEEP = ConversionOptions.parse(
    to="zh-Hant",
    source="zh-Hans",
    keep=[f"余{i:04d}" + "干" * (MAX_KEEP_LENGTH - 5) for i in range(MAX_KEEP_TERMS)],
)


def _convert_with_changes(text: str, options: ConversionOptions) -> object:
    result = convert_text(text, options)
    return result.changes


def _texts(a: str, b: str, ratio: float) -> Callable[[int], tuple[object, ...]]:
    """Return an input maker for a pair: ``a`` repeated to n, ``b`` to ``ratio`` × n."""
    return lambda n: (repeat(a, n), repeat(b, int(n * ratio)))


def _text(unit: str) -> Callable[[int], tuple[object, ...]]:
    return lambda n: (repeat(unit, n),)


# name → (input of n characters, the pass run over it)
CASES: dict[str, tuple[Callable[[int], tuple[object, ...]], Callable[..., object]]] = {
    "regional word between punctuation runs": (
        _text("方便面，" + "，" * 20),
        lambda text: _convert_with_changes(text, TAIWAN_REGIONAL),
    ),
    "regional words between runs of spaces": (
        _text("方便面" + " " * 40 + "信息"),
        lambda text: _convert_with_changes(text, TAIWAN_REGIONAL),
    ),
    "one long line of length-changing words": (
        _text("方便面U盘打印机软件"),
        lambda text: _convert_with_changes(text, TAIWAN_REGIONAL),
    ),
    "mixed scripts repaired": (
        _text("发展發展关于關於干部幹部，"),
        lambda text: _convert_with_changes(text, REPAIR),
    ),
    "surnames after titles": (
        _text("主任余志刚，局长于志刚同志，书记于近日"),
        lambda text: _convert_with_changes(text, STANDARD),
    ),
    "most keep terms over a text of their first character": (
        _text("余干"),
        lambda text: _convert_with_changes(text, MANY_KEEP),
    ),
    "diff of texts that share nothing": (_texts("甲", "乙丙", 1.5), diff_changes),
    "alignment of punctuation runs with a shorter word": (
        _texts("方便面，，，，，", "泡麵，，，，，", 7 / 8),
        opcodes,
    ),
    "runs cut back from a length-changing paragraph": (
        _texts("方便面，，", "泡麵，，", 4 / 5),
        lambda a, b: split_lengths(a, b, [1] * len(a)),
    ),
    "surname rule over titles without names": (
        _text("主任余"),
        lambda text: name_rules().surname_positions(text),
    ),
    "script detection of a mixed text": (_text("发展發展 ，"), detect),
}


def cost(work: Callable[[], object], rounds: int = 3, batch_seconds: float = 0.05) -> float:
    """Return the time of one run of ``work``: the best of ``rounds`` batches, each repeating
    the work until it has run ``batch_seconds`` (so a fast pass is not measured in noise)."""
    best = float("inf")
    for _ in range(rounds):
        calls = 0
        start = time.perf_counter()
        while True:
            work()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= batch_seconds:
                break
        best = min(best, elapsed / calls)
    return best


@pytest.mark.parametrize("case", list(CASES))
def test_conversion_pass_grows_linearly(case: str) -> None:
    make, run = CASES[case]
    small, large = make(SMALL), make(LARGE)
    run(*small)  # build converters, dictionaries and patterns outside the measurement
    ratio = cost(lambda: run(*large)) / cost(lambda: run(*small))
    assert ratio < ALLOWED_RATIO, f"{case}: 10× the input cost {ratio:.0f}× the time"


def test_worst_cases_are_what_they_claim() -> None:
    """The generated inputs do exercise the slow paths: lengths change and keep terms match."""
    text = repeat("方便面，" + "，" * 20, SMALL)
    result = convert_text(text, TAIWAN_REGIONAL)
    assert len(result.text) < len(text) and result.changes
    kept = convert_text(repeat("余干", 100) + MANY_KEEP.keep[0], MANY_KEEP).text
    assert kept.endswith(MANY_KEEP.keep[0])  # 余 and 干 are correct in both scripts
    assert name_rules().surname_positions("主任余志刚，") == [2]
