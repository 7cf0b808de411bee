"""Composition is linear in its input: every pattern of the composer and of wording, and the
whole compose step, cost about ten times more on ten times the input (never a hundred).

Costs are compared by ratio within one process (best of several runs, generous margin); no test
here asserts a wall-clock time.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from huibao.compose import composer, wording
from huibao.compose.composer import compose
from huibao.compose.kinds import get_kind, parse_facts
from tests.growth import growth as measure

N = 4000
LINEAR_MARGIN = 45  # linear growth gives about 10, quadratic about 100 (a busy machine adds noise)

PATTERNS = {
    f"{module.__name__.rsplit('.', 1)[-1]}.{name}": pattern
    for module in (composer, wording)
    for name, pattern in vars(module).items()
    if isinstance(pattern, re.Pattern)
}

WORST_CASES: dict[str, Callable[[int], str]] = {
    "letter, spaces, letter": lambda n: "a" + " " * n + "a",
    "spaces then a comma": lambda n: " " * n + ",中",
    "spaces and line breaks": lambda n: "\n " * n + "x",
    "ideographic spaces": lambda n: "中" + "\u3000" * n + "中",
    "full-width digits": lambda n: "１" * n,
    "pauses without a stop": lambda n: "中" + "，" * n + "a",
    "pauses then a stop": lambda n: "中" + "，；" * n + "。",
    "doubled stops": lambda n: "。" * n,
    "open parenthesis, Chinese": lambda n: "(" + "中" * n,
    "open parentheses": lambda n: "(中" * n,
    "ascii punctuation": lambda n: ",;:?!." * n,
    "mixed scripts": lambda n: "中 , a ．１（" * (n // 8),
}


def growth(run: Callable[[int], object]) -> float:
    """Return how the cost of ``run`` grows from N to 10 N (see tests.growth)."""
    return measure(run, N, 10, LINEAR_MARGIN, repeat=5, large_repeat=5)


def test_the_patterns_are_found() -> None:
    assert {"composer._WHITESPACE_RUN", "wording._ASCII_BEFORE_CJK", "wording._PARENS"} <= set(PATTERNS)


@pytest.mark.parametrize("case", sorted(WORST_CASES))
@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_grows_linearly(name: str, case: str) -> None:
    pattern, make = PATTERNS[name], WORST_CASES[case]
    assert growth(lambda n: pattern.sub("", make(n))) < LINEAR_MARGIN


@pytest.mark.parametrize("case", sorted(WORST_CASES))
def test_cleanup_and_value_neutralising_grow_linearly(case: str) -> None:
    make = WORST_CASES[case]
    assert growth(lambda n: wording.clean(composer.replace_line_breaks(make(n), "\x1e"))) < LINEAR_MARGIN


def _report(n: int) -> object:
    n //= 3  # a text field holds at most 20,000 characters
    facts = parse_facts(
        {
            "kind": "situation_report",
            "unit": {"name": "青禾县应急管理局"},
            "topic": "安全生产",
            "overview": "a" + " " * n + "a",
            "problems": ["中" + "，" * n + "。", "(" + "中" * n],
        }
    )
    kind = get_kind(facts.kind)
    return compose(facts, kind.template, kind.prepare)


def test_a_report_of_long_whitespace_and_punctuation_runs_composes_in_linear_time() -> None:
    assert growth(_report) < LINEAR_MARGIN
