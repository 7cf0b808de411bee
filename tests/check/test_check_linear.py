"""The checker is linear in its input: every regex it runs and every pass (the whole check)
cost about thirty times more on thirty times the input, never nine hundred, on generated worst
cases of 3,000 and 90,000 characters.

Costs are compared by ratio within one process (best of a few runs, generous margin, a floor
against timer noise on tiny costs); no test here asserts a wall-clock time.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from huibao.check.checker import check_text
from huibao.check.patterns import every_regex
from tests.check.worst_cases import WORST_CASES
from tests.growth import growth as measure

N = 3_000
SCALE = 30  # costs at N and SCALE * N characters are compared
LINEAR_MARGIN = 150  # linear growth gives about 30, quadratic about 900
REGEXES = every_regex()


def growth(run: Callable[[int], object]) -> float:
    """Return how the cost of ``run`` grows from N to SCALE * N (see tests.growth)."""
    return measure(run, N, SCALE, LINEAR_MARGIN, large_repeat=1)


def test_the_registry_holds_every_family() -> None:
    names = set(REGEXES)
    assert {"numbering", "trad_trigger", "slot_trigger", "rare_run", "md_table", "url"} <= names
    kinds = {name.split("[")[0] for name in names if "[" in name}
    assert {"broken_date", "stripped_number", "scraper_junk", "symbol_slot", "mojibake"} <= kinds


@pytest.mark.parametrize("name", sorted(REGEXES))
def test_every_regex_grows_linearly_on_every_worst_case(name: str) -> None:
    pattern = REGEXES[name]
    texts = {case: {n: make(n) for n in (N, SCALE * N)} for case, make in WORST_CASES.items()}
    slow = {}
    for case, by_size in texts.items():
        ratio = growth(lambda n, t=by_size: sum(1 for _ in pattern.finditer(t[n])))
        if ratio >= LINEAR_MARGIN:
            slow[case] = round(ratio)
    assert not slow, slow


@pytest.mark.parametrize("case", sorted(WORST_CASES))
def test_the_whole_check_grows_linearly(case: str) -> None:
    """As Markdown, the check runs every pass and every regex (plain text skips some)."""
    make = WORST_CASES[case]
    check_text(make(100), markdown=True)  # patterns and character sets built
    assert growth(lambda n: check_text(make(n), markdown=True)) < LINEAR_MARGIN


def test_the_worst_cases_still_find_what_they_plant() -> None:
    """The cases exercise the detectors they target (a case that finds nothing tests little)."""
    expected = {
        "slot mojibake": "mojibake",
        "traditional garbled tail": "mojibake",
        "traditional half converted": "incomplete_conversion",
        "junk lines": "scraper_junk",
        "letter slots and blanks": "letter_slot",
        "underscores": "symbol_slot",
        "commas": "doubled_punctuation",
    }
    for case, kind in expected.items():
        assert kind in check_text(WORST_CASES[case](300)).counts, case


def _length_changing(name: str) -> Callable[[str], str]:
    """A stand-in converter: s2* writes 於 for 于 and doubles 乙 (a phrase that changes length)."""
    if name == "t2s":
        return lambda text: text
    return lambda text: text.replace("于", "於").replace("乙", "乙乙")


def test_conversion_diffs_align_only_changed_pieces_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: a line whose conversion changed length was aligned whole with difflib."""
    from huibao.check import traditional

    monkeypatch.setattr(traditional, "opencc_converter", _length_changing)
    assert traditional.conversion_diffs("關于甲，乙丙于") == [(1, 2, "於"), (6, 7, "於")]
    assert growth(lambda n: traditional.conversion_diffs("關于甲乙" * (n // 4))) < LINEAR_MARGIN
