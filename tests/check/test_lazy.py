"""Lazy detectors: a pattern is compiled only when a text holds one of its triggers, and
skipping the others changes no finding."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from huibao.check import checker, mojibake, patterns, traditional
from huibao.check.charsets import traditional_only
from huibao.check.lazy import Detector, LazyPattern, cased, chars
from huibao.check.textindex import TextIndex
from tests.check.test_blanks import BLANK_DATES, BRACKET_SLOTS, ORDINARY, PROMPTS
from tests.check.test_checker import CASES, GENUINE
from tests.check.worst_cases import WORST_CASES

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"


def corpus() -> dict[str, str]:
    """Return every text the checker's tests use, by a name: rule tables, worst cases, golden
    texts and the seeds when present."""
    texts = {f"case {kind} {i}": text for kind, rows in CASES.items() for i, (text, _) in enumerate(rows)}
    texts.update({f"genuine {i}": t for i, t in enumerate(GENUINE)})
    texts.update({f"bracket {i}": t for i, (t, _) in enumerate(BRACKET_SLOTS)})
    texts.update({f"date {i}": t for i, (t, _) in enumerate(BLANK_DATES)})
    texts.update({f"prompt {i}": t for i, (t, _) in enumerate(PROMPTS)})
    texts.update({f"ordinary {i}": t for i, t in enumerate(ORDINARY)})
    texts.update({f"worst {name}": make(400) for name, make in WORST_CASES.items()})
    for path in sorted((ROOT / "tests" / "compose" / "golden").glob("*.txt")):
        texts[f"golden {path.stem}"] = path.read_text(encoding="utf-8")
    if SEEDS.is_dir():
        for path in sorted(SEEDS.glob("*.txt")):
            texts[f"seed {path.stem[:3]}"] = path.read_text(encoding="utf-8")
    return texts


CORPUS = corpus()


@pytest.mark.parametrize("detector", patterns.detectors(), ids=lambda d: f"{d.kind}:{d.triggers[:3]}")
def test_a_detector_skipped_for_want_of_triggers_would_have_found_nothing(detector: Detector) -> None:
    assert detector.triggers, "every single-regex detector has triggers"
    missed = [
        name for name, text in CORPUS.items()
        if not detector.wanted(text, set(text)) and detector.pattern.compiled().search(text)
    ]
    assert missed == []


def test_every_detector_is_skipped_somewhere_and_run_somewhere() -> None:
    """The triggers are not vacuous: over the corpus each detector is both run and skipped."""
    for d in patterns.detectors():
        wanted = [d.wanted(text, set(text)) for text in CORPUS.values()]
        assert any(wanted) and not all(wanted), d.triggers


def test_the_traditional_and_rare_passes_are_skipped_only_when_they_find_nothing() -> None:
    for name, text in CORPUS.items():
        present = set(text)
        index = TextIndex(text)
        if present.isdisjoint(traditional_only()):
            assert traditional.traditional_lines(index) == set(), name
        if not mojibake.may_have_rare_run(present):
            assert mojibake.rare_run().search(text) is None, name


def test_skipping_changes_no_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    lazy = {name: [f.as_dict() for f in checker.check_text(t)] for name, t in CORPUS.items()}
    monkeypatch.setattr(Detector, "wanted", lambda self, text, present: True)
    monkeypatch.setattr(mojibake, "may_have_rare_run", lambda present: True)
    # the slot-mojibake pass runs when "?" is among the text's characters: pretend it always is
    monkeypatch.setattr(checker, "frozenset", lambda text: frozenset(text) | {"?"}, raising=False)
    saved = traditional.traditional_lines
    monkeypatch.setattr(traditional, "traditional_lines", lambda index, present=None: saved(index))
    eager = {name: [f.as_dict() for f in checker.check_text(t)] for name, t in CORPUS.items()}
    assert lazy == eager


def test_a_lazy_pattern_compiles_on_first_use_only() -> None:
    pattern = LazyPattern("a+", re.IGNORECASE)
    assert not pattern.built
    assert [m.group() for m in pattern.finditer("xAax")] == ["Aa"]
    assert pattern.built and pattern.compiled() is pattern.compiled()


@pytest.mark.parametrize(
    ("body", "expected"),
    [("，。、", ("，", "。", "、")), ("某\\-—", ("某", "-", "—")), ("\\]\\\\x", ("]", "\\", "x"))],
)
def test_chars_reads_a_class_body(body: str, expected: tuple[str, ...]) -> None:
    assert chars(body) == expected


def test_case_insensitive_triggers_hold_every_case_re_folds() -> None:
    triggers = set(cased("sk<"))
    for letter in "sk":
        folded = {chr(c) for c in range(0x10000) if re.fullmatch(letter, chr(c), re.IGNORECASE)}
        assert folded <= triggers
    with pytest.raises(ValueError):
        cased(["word"])


def _built_after(text: str) -> dict[str, object]:
    script = textwrap.dedent(
        f"""
        import json
        import sys
        from huibao.check import checker, lazy, patterns, protected
        found = checker.check_text({text!r})
        detectors = patterns.detectors()
        print(json.dumps({{
            "findings": [f.kind for f in found],
            "compiled": sum(d.pattern.built for d in detectors),
            "detectors": len(detectors),
            "compiled_kinds": sorted({{d.kind for d in detectors if d.pattern.built}}),
            "script_sets": lazy.is_built("script_sets"),
            "rare_run": lazy.is_built("rare_run"),
            "url": protected.URL.built,
            "convert": sorted(m for m in sys.modules if m.startswith("huibao.convert")),
        }}))
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    import json

    return json.loads(run.stdout)  # type: ignore[no-any-return]


def test_a_simplified_report_compiles_few_patterns() -> None:
    built = _built_after("截至2026年5月18日17时，我街道累计排查低洼易涝点37处；发现隐患12个。")
    assert built["findings"] == []
    assert not built["script_sets"] and not built["rare_run"] and not built["url"]
    assert built["convert"] == []  # nor the converter or OpenCC engine modules
    assert "bracket_slot" not in built["compiled_kinds"]  # type: ignore[operator]
    assert built["compiled"] < built["detectors"] // 3  # type: ignore[operator]


def test_a_text_with_slots_compiles_what_finds_them() -> None:
    built = _built_after("关于【单位名称】的报告：2026年　月　日，共有×座。")
    assert built["findings"] == ["bracket_slot", "blank_date", "symbol_slot"]
    assert {"bracket_slot", "blank_date", "symbol_slot"} <= set(built["compiled_kinds"])  # type: ignore[arg-type]
