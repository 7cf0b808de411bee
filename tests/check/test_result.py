"""The shape of a check result: a capped list of findings with the total, a truncated flag and
counts over every finding; one record per finding kind; patterns built once under concurrency."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from huibao.check.checker import (
    KINDS,
    CheckResult,
    check_text,
    counts_by_kind,
    format_findings,
    has_errors,
)
from huibao.check.model import DEFAULT_MAX_FINDINGS, MAX_SHOWN_CHARS, max_findings

# 3 errors (XX) and 9 info findings (ASCII commas between Chinese characters).
MIXED = "中,文,中,XX\n中,文,中,XX\n中,文,中,XX"


def test_a_result_is_a_list_with_total_and_counts() -> None:
    result = check_text(MIXED)
    assert isinstance(result, list) and isinstance(result, CheckResult)
    assert result.total == len(result) == 12 and result.truncated is False
    assert result.counts == {"letter_slot": 3, "ascii_punctuation": 9}
    assert counts_by_kind(result) == result.counts


def test_an_empty_text_gives_an_empty_untruncated_result() -> None:
    result = check_text("")
    assert result == [] and result.total == 0 and result.truncated is False and result.counts == {}


def test_the_cap_keeps_the_most_severe_findings_in_text_order() -> None:
    result = check_text(MIXED, limit=4)
    assert len(result) == 4 and result.total == 12 and result.truncated is True
    assert [f.kind for f in result].count("letter_slot") == 3  # every error kept
    assert [f.start for f in result] == sorted(f.start for f in result)
    assert counts_by_kind(result) == {"letter_slot": 3, "ascii_punctuation": 9}


def test_errors_dropped_by_the_cap_still_count() -> None:
    result = check_text(MIXED, limit=0)
    assert result == [] and result.truncated is True and has_errors(result)
    assert not has_errors(check_text("中,文", limit=0))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", DEFAULT_MAX_FINDINGS),
        ("5", 5),
        ("0", 0),
        ("-3", DEFAULT_MAX_FINDINGS),
        ("many", DEFAULT_MAX_FINDINGS),
    ],
)
def test_the_cap_comes_from_huibao_max_findings(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: int
) -> None:
    monkeypatch.setenv("HUIBAO_MAX_FINDINGS", value)
    assert max_findings() == expected


def test_the_environment_cap_applies_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUIBAO_MAX_FINDINGS", "2")
    result = check_text(MIXED)
    assert len(result) == 2 and result.total == 12 and result.truncated


def test_a_huge_finding_is_not_echoed_whole() -> None:
    text = "已排查" + "_" * 50_000 + "人"
    (finding,) = check_text(text)
    assert finding.kind == "symbol_slot" and finding.end - finding.start == 50_000
    assert len(finding.text) <= MAX_SHOWN_CHARS and "…" in finding.text
    assert len(finding.message) < MAX_SHOWN_CHARS + 50
    assert len(format_findings("a.txt", text, [finding])[0]) < 4 * MAX_SHOWN_CHARS


def test_every_kind_has_one_record_with_chinese_wording() -> None:
    ranks = {k.rank for k in KINDS.values()}
    assert min(ranks) == KINDS["mojibake"].rank and max(ranks) == KINDS["ascii_punctuation"].rank
    for kind_id, record in KINDS.items():
        assert record.id == kind_id and record.severity in {"error", "warning", "info"}
        assert not record.label.isascii() and not record.suggestion.isascii()


def test_concurrent_first_checks_use_whole_patterns() -> None:
    """Regression: patterns built lazily were used half-built by concurrent first requests."""
    script = textwrap.dedent(
        """
        import threading
        from huibao.check.checker import check_text
        text = "截至月日时，累计排查XX人，某某街道__户。\\n關于疫情防控工作的通知，縣委采取措施。"
        barrier = threading.Barrier(12)
        results = []
        def run():
            barrier.wait()
            results.append(sorted((f.kind, f.start) for f in check_text(text)))
        threads = [threading.Thread(target=run) for _ in range(12)]
        for t in threads: t.start()
        for t in threads: t.join()
        print(len(results), len({repr(r) for r in results}), len(results[0]))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    ).stdout.split()
    assert out[:2] == ["12", "1"] and int(out[2]) >= 6


def test_a_scan_far_past_the_cap_stops_early_and_says_so() -> None:
    result = check_text("x " * 30_000, limit=1)  # 30,000 letter slots; the scan holds 10,000
    assert len(result) == 1 and result.complete is False and result.truncated is True
    assert result.total == 10_000 == result.counts["letter_slot"]
    assert check_text("x " * 300, limit=1).complete is True


def test_memory_stays_bounded_on_millions_of_findings() -> None:
    """Regression: 4 MB of text with 2 million findings peaked at 2.7 GB (now tens of MB)."""
    import tracemalloc

    text = "中,XX" * 500_000  # 1.5 million raw hits
    tracemalloc.start()
    try:
        result = check_text(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(result) == DEFAULT_MAX_FINDINGS and not result.complete
    assert peak < 100 * 1024 * 1024, peak


def test_formatted_findings_show_blanks_as_marks() -> None:
    text = "成文日期：2026年\u3000月 日"
    (line,) = format_findings("a.txt", text, check_text(text))
    assert "«2026年␣月␣日»" in line and "【2026年␣月␣日】" in line
