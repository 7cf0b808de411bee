"""The import is linear in its input: every regex of the import modules and the whole import
cost about thirty times more on thirty times the input (never nine hundred), on generated worst
cases.

Costs are compared by ratio within one process (best of a few runs, generous margin, a floor
against timer noise on tiny costs); no test here asserts a wall-clock time.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from huibao import reportimport, reportimport_clauses, reportimport_elements, reportimport_envelope
from huibao.reportimport import import_text, read_clauses, read_count, rows_from_cells
from tests.check.worst_cases import WORST_CASES
from tests.growth import growth as measure

N = 2_000
SCALE = 30  # costs at N and SCALE * N characters are compared
LINEAR_MARGIN = 300  # linear growth gives about 30, quadratic about 900 (a machine shared by
# several test runs inflates single measurements several times over)
PATTERNS = {
    f"{module.__name__.rsplit('.', 1)[-1]}.{name}": value
    for module in (reportimport, reportimport_clauses, reportimport_elements, reportimport_envelope)
    for name, value in vars(module).items()
    if isinstance(value, re.Pattern)
}

#: Inputs that made a pattern of the import retry from every position, besides the checker's.
IMPORT_CASES: dict[str, Callable[[int], str]] = {
    **WORST_CASES,
    "digits then a measure-less end": lambda n: "1" * n + "中",
    "label then digits": lambda n: "中" * n + "1" * n,
    "ranges": lambda n: "1—" * n,
    "decimal points": lambda n: "1." * n,
    "open breakdowns": lambda n: "（含" * n + "）",
    "negations": lambda n: "未" * n,
    "wholes": lambda n: "全" * n,
    "comparisons": lambda n: "比上年" * n,
    "rules then a letter": lambda n: "—" * n + "x",
    "page numbers": lambda n: "— 1 " * n + "x",
    "figures before an unknown word": lambda n: "12坨" * n,
    "rates without their counts": lambda n: "检查企业12家，合格率达97.1%。" * (n // 16),
}


def growth(run: Callable[[int], object]) -> float:
    """Return how the cost of ``run`` grows from N to SCALE * N (see tests.growth)."""
    return measure(run, N, SCALE, LINEAR_MARGIN)


def test_the_patterns_are_found() -> None:
    assert {"reportimport_clauses.FIGURE", "reportimport_clauses.NEGATED", "reportimport_elements.TRAILER",
            "reportimport.LOOSE"} <= set(PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_pattern_grows_linearly_on_every_worst_case(name: str) -> None:
    pattern = PATTERNS[name]
    texts = {case: {n: make(n) for n in (N, SCALE * N)} for case, make in IMPORT_CASES.items()}
    slow = {}
    for case, by_size in texts.items():
        ratio = growth(lambda n, t=by_size: (sum(1 for _ in pattern.finditer(t[n])), pattern.match(t[n])))
        if ratio >= LINEAR_MARGIN:
            slow[case] = round(ratio)
    assert not slow, slow


@pytest.mark.parametrize("case", sorted(IMPORT_CASES))
def test_reading_a_clause_and_a_sentence_grows_linearly(case: str) -> None:
    make = IMPORT_CASES[case]
    assert growth(lambda n: (read_count(make(n)), read_clauses(make(n)))) < LINEAR_MARGIN


@pytest.mark.parametrize(
    "case", sorted(set(IMPORT_CASES) & {"commas", "stops", "line breaks", "label then digits", "ranges",
                                        "open breakdowns", "negations", "page numbers", "numbered headings",
                                        "title lines", "junk lines", "figures before an unknown word",
                                        "rates without their counts"})
)
def test_the_whole_import_grows_linearly(case: str) -> None:
    make = IMPORT_CASES[case]
    assert growth(lambda n: import_text("标题\n一、情况\n" + make(n))) < LINEAR_MARGIN


def test_many_paragraphs_in_one_section_and_a_long_cell_table_grow_linearly() -> None:
    def paragraphs(n: int) -> object:
        return import_text("标题\n一、情况\n" + "累计巡查林区14处。\n" * (n // 10))

    def cells(n: int) -> object:
        return rows_from_cells(["项目", "数量", "单位"] + ["转移群众", "1326", "人"] * (n // 10))

    assert growth(paragraphs) < LINEAR_MARGIN and growth(cells) < LINEAR_MARGIN
