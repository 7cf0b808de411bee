"""Placeholder and defect checker for Chinese report drafts (simplified and traditional).

:func:`check_text` finds unfilled slots (``XX``, ``_``, ``×××``, ``某某``, ``【单位名称】``) and
blank dates (``2026年　月　日``), numbers stripped out of their measure words (``截至月日时``,
``患者例``, ``〔2020〕号``), empty labels, scraper junk, mojibake, structural defects (unbalanced
quotes, numbering gaps/restarts/mixed styles, doubled words and punctuation), ASCII punctuation
in Chinese text and, in traditional text, what a proper phrase-level conversion would still
change (``關于`` → ``關於``).

Every finding carries character offsets into the checked plain text, a 1-based line and
paragraph (a paragraph is a non-blank line: Chinese plain text and .docx extraction put one
paragraph per line) and a Chinese message and suggestion. A result keeps at most
``HUIBAO_MAX_FINDINGS`` findings (see :class:`~huibao.check.model.CheckResult`).
:func:`check_file` accepts uploads (.docx by magic bytes, otherwise UTF-8/GB18030 text or
Markdown) through :mod:`huibao.uploads`; a .docx's text (tables cell by cell, one per line) is
checked exactly as the same text pasted.

The detectors live in one module per family (placeholders, numbers, dates, junk, punctuation,
words, numbering, mojibake, traditional); this module runs them and assembles the result. A
pattern is compiled on first need (:mod:`huibao.check.lazy`).
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice

from huibao.check import junk, mojibake, numbering, patterns, punctuation, traditional, words
from huibao.check.files import check_file, extract_docx_text
from huibao.check.kinds import ERROR, INFO, KINDS, WARNING, FindingKind, describe
from huibao.check.lazy import Detector
from huibao.check.model import CheckResult, Finding, Hit, max_findings, shorten
from huibao.check.protected import Protected, protected_spans
from huibao.check.resolve import resolve
from huibao.check.textindex import TextIndex

__all__ = [
    "ERROR",
    "INFO",
    "KINDS",
    "WARNING",
    "CheckResult",
    "Finding",
    "FindingKind",
    "check_file",
    "check_text",
    "counts_by_kind",
    "extract_docx_text",
    "format_findings",
    "has_errors",
]

_SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}
#: The scan stops once it holds SCAN_FACTOR × the findings cap raw hits (at least MIN_SCAN):
#: two million hits held 300 MB; beyond this a result's ``total`` is a lower bound.
SCAN_FACTOR = 200
MIN_SCAN = 10_000


def check_text(text: str, *, markdown: bool = False, limit: int | None = None) -> CheckResult:
    """Return the findings in ``text`` sorted by start offset; an empty result means clean.

    ``markdown=True`` additionally treats emphasis markers, tables and links as syntax.
    ``limit`` caps the findings kept (default: ``HUIBAO_MAX_FINDINGS``, 1000); the result's
    ``total``, ``truncated`` and ``counts`` describe every finding, unless ``complete`` is
    False: the scan stopped after :data:`SCAN_FACTOR` × ``limit`` raw detections, and
    ``total`` is a lower bound.
    """
    if not text:
        return CheckResult()
    text = text.replace("\r\n", "\n") if "\r" in text else text
    index = TextIndex(text)
    cap = max_findings() if limit is None else max(limit, 0)
    hits, complete = _detect(index, max(SCAN_FACTOR * cap, MIN_SCAN))
    # An early-stopped scan holds hits near the start only: protect that part of the text.
    scanned = text if complete or not hits else text[: max(h.end for h in hits) + 4096]
    protected = Protected(protected_spans(scanned, markdown))
    if protected:
        hits = [h for h in hits if not protected.overlaps(h.start, h.end)]
    hits = junk.merge_junk(index, resolve(hits))
    moji_lines = {index.line_index(h.start) for h in hits if h.kind == "mojibake"}
    if moji_lines:  # garbled text swallowed the quotes: do not report them twice
        hits = [
            h for h in hits
            if not (h.kind == "unbalanced_quote" and index.line_index(h.start) in moji_lines)
        ]
    return _result(index, hits, cap, complete)


def _detect(index: TextIndex, budget: int) -> tuple[list[Hit], bool]:
    """Return the raw hits of every detector (overlapping, unsorted) and whether the scan was
    complete: it stops once ``budget`` hits are held (each detector yields lazily).

    A detector runs (and its pattern is compiled) only when the text holds one of its
    triggers; the traditional and rare-character passes only when the text holds a character
    they look for: neither changes a finding (see :mod:`huibao.check.lazy`)."""
    text = index.text
    present = frozenset(text)
    hits: list[Hit] = []
    trad_lines: set[int] | None = None

    def traditional_lines() -> set[int]:
        nonlocal trad_lines
        if trad_lines is None:
            trad_lines = traditional.traditional_lines(index, present)
        return trad_lines

    sources: list[Callable[[], Iterable[Hit]]] = [
        *(_regex_hits(d, text) for d in patterns.detectors() if d.wanted(text, present)),
        lambda: numbering.numbering(text),
        lambda: punctuation.unbalanced_quotes(index),
        lambda: words.doubled_words(text),
        lambda: words.fragments(text),
        lambda: traditional.traditional_checks(index, traditional_lines()),
    ]
    if "?" in present:
        sources.append(lambda: mojibake.slot_mojibake(index, traditional_lines()))
    if mojibake.may_have_rare_run(present):
        sources.append(lambda: mojibake.rare_mojibake(index, traditional_lines()))
    for source in sources:
        hits.extend(islice(source(), budget - len(hits) + 1))
        if len(hits) > budget:
            del hits[budget:]
            return hits, False
    return hits, True


def _regex_hits(d: Detector, text: str) -> Callable[[], Iterator[Hit]]:
    """Return a source of the non-empty matches of detector ``d`` in ``text`` as hits."""
    kind, pattern = d.kind, d.pattern
    return lambda: (Hit(kind, m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start())


def _result(index: TextIndex, hits: list[Hit], limit: int, complete: bool) -> CheckResult:
    """Return the findings of ``hits``: the ``limit`` most severe ones, sorted by start."""
    counts = dict(Counter(h.kind for h in hits))
    kept = hits
    if len(hits) > limit:
        kept = heapq.nsmallest(
            limit, hits, key=lambda h: (_SEVERITY_ORDER[KINDS[h.kind].severity], h.start)
        )
    findings = [_finding(index, h) for h in kept]
    findings.sort(key=lambda f: (f.start, KINDS[f.kind].rank, f.end))
    return CheckResult(findings, total=len(hits), counts=counts, complete=complete)


def _finding(index: TextIndex, hit: Hit) -> Finding:
    shown = shorten(index.text[hit.start : hit.end])
    message, suggestion = hit.message, hit.suggestion
    if message is None or suggestion is None:
        default_message, default_suggestion = describe(hit.kind, shown)
        message = message or default_message
        suggestion = suggestion or default_suggestion
    li = index.line_index(hit.start)
    return Finding(
        kind=hit.kind,
        severity=KINDS[hit.kind].severity,
        text=shown,
        start=hit.start,
        end=hit.end,
        line=li + 1,
        paragraph=index.paragraph_of_line[li],
        message=message,
        suggestion=suggestion,
    )


def counts_by_kind(findings: Iterable[Finding]) -> dict[str, int]:
    """Return ``{kind: n}`` for ``findings`` (kinds with no finding are absent); for a
    :class:`CheckResult`, over all its findings, those dropped by the cap included."""
    if isinstance(findings, CheckResult):
        return dict(findings.counts)
    return dict(Counter(f.kind for f in findings))


def has_errors(findings: Iterable[Finding]) -> bool:
    """Return True when any finding has severity ``error`` (for a :class:`CheckResult`, also
    one dropped by the cap)."""
    if isinstance(findings, CheckResult):
        return any(KINDS[k].severity == ERROR for k in findings.counts)
    return any(f.severity == ERROR for f in findings)


def format_findings(
    name: str, text: str, findings: Sequence[Finding], *, context: int = 8
) -> list[str]:
    """Return one human-readable line per finding:
    ``file:line: [severity] kind «text» message（建议：suggestion）  …context…``; blanks in the
    finding's text are shown as marks (␣ for a space of any width, ⇥ for a tab)."""
    lines: list[str] = []
    for f in findings:
        left = text[max(f.start - context, 0) : f.start].split("\n")[-1]
        right = text[f.end : f.end + context].split("\n")[0]
        shown = f.text.translate(_VISIBLE_BLANKS)
        lines.append(
            f"{name}:{f.line}: [{f.severity}] {f.kind} «{shown}» {f.message}"
            f"（建议：{f.suggestion}）  …{left}【{shown}】{right}…"
        )
    return lines


_VISIBLE_BLANKS = str.maketrans({" ": "␣", "\u3000": "␣", "\u00a0": "␣", "\t": "⇥", "\n": "↵"})
