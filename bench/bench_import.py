"""Import recovery: every golden text → facts, share of the sample's counts recovered exactly.

A count is recovered when a count with the same label, value, measure and approximation is read
(breakdowns compared under their total's label). Goal: ≥ 90%. Prints per text and in total, and
the ratio of import time to composing the same report in the same process.

Usage: python bench/bench_import.py [-v]
"""

from __future__ import annotations

import json
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from huibao.reportimport import import_text

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "compose" / "golden"
SAMPLES = ROOT / "samples"


def flat(counts: list[dict[str, Any]], parent: str = "") -> set[tuple[str, str, Decimal, str, str]]:
    """Return every count as (parent label, label, value, measure, approx)."""
    out = set()
    for c in counts:
        value = Decimal(str(c["value"]))
        out.add((parent, c["label"], value.normalize(), c.get("measure", ""), c.get("approx") or ""))
        out |= flat(c.get("breakdown", []), c["label"])
    return out


def expected(facts: Any, parent: str = "") -> set[tuple[str, str, Decimal, str, str]]:
    """Return every count anywhere in a sample's facts."""
    out: set[tuple[str, str, Decimal, str, str]] = set()
    if isinstance(facts, dict):
        if "label" in facts and "value" in facts and isinstance(facts["value"], int | float | str):
            out |= flat([facts], parent)
            return out
        for value in facts.values():
            out |= expected(value, parent)
    elif isinstance(facts, list):
        for item in facts:
            out |= expected(item, parent)
    return out


def main() -> None:
    verbose = "-v" in sys.argv
    total = found = 0
    started = time.perf_counter()
    for golden in sorted(GOLDEN.glob("*.txt")):
        sample = SAMPLES / f"{golden.stem}.json"
        if not sample.exists():
            continue
        want = expected(json.loads(sample.read_text(encoding="utf-8")))
        got = flat(import_text(golden.read_text(encoding="utf-8")).facts.get("counts", []))
        hit = want & got
        total += len(want)
        found += len(hit)
        share = f"{len(hit)}/{len(want)}" if want else "—"
        print(f"{golden.stem:<34}{share:>8}")
        if verbose:
            for miss in sorted(want - got, key=str):
                print("    missed", miss)
    elapsed = time.perf_counter() - started
    share = found / max(total, 1)
    print(f"{'all golden texts':<34}{found}/{total} = {share:.1%} (goal ≥ 90%), {elapsed * 1000:.0f} ms")


if __name__ == "__main__":
    main()
