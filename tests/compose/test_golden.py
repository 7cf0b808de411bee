"""Golden texts: every sample in ``samples/`` rendered to plain text must match its checked-in text.

``tests/golden/<sample>.txt`` is the plain-text rendering (``huibao.write.text.render``) of
``samples/<sample>.json``, read line by line and signed off as a first draft a clerk would accept.
Any change to a kind's output therefore fails here until the golden text is reviewed again.

To accept a deliberate change, regenerate the goldens and review the diff before committing::

    HUIBAO_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
    git diff tests/golden
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from huibao.compose.composer import compose
from huibao.compose.kinds import KINDS, get_kind, parse_facts
from huibao.write import text

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.json"))
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("HUIBAO_UPDATE_GOLDEN") == "1"


def render_sample(path: Path) -> str:
    """Return the plain-text rendering of the sample at ``path``."""
    facts = parse_facts(json.loads(path.read_text(encoding="utf-8")))
    kind = get_kind(facts.kind)
    return text.render(compose(facts, kind.template, kind.prepare))


def test_there_are_samples() -> None:
    assert SAMPLES, "samples/ holds no *.json"


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_matches_golden_text(sample: Path) -> None:
    golden = GOLDEN / f"{sample.stem}.txt"
    rendered = render_sample(sample)
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert golden.exists(), f"no golden text for {sample.name}: run with HUIBAO_UPDATE_GOLDEN=1 and review"
    assert rendered == golden.read_text(encoding="utf-8")


def test_every_golden_text_has_its_sample() -> None:
    stems = {p.stem for p in SAMPLES}
    orphans = sorted(p.name for p in GOLDEN.glob("*.txt") if p.stem not in stems)
    assert not orphans, f"golden texts without a sample: {orphans}"


def test_every_kind_has_a_sample() -> None:
    kinds = {json.loads(p.read_text(encoding="utf-8"))["kind"] for p in SAMPLES}
    assert set(KINDS) <= kinds, f"kinds without a sample: {sorted(set(KINDS) - kinds)}"
