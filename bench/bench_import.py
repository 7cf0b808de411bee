"""Import recovery: every golden text → facts, share of the sample's counts recovered exactly.

A count is recovered when a count with the same label, value, measure and approximation is read
(breakdowns compared under their total's label). A label is compared as written: its subject and
label together (全县 + 纳入统计的行政村 reads as 全县纳入统计的行政村), since both compose the same
text. Goal: ≥ 90%. Prints per text the counts recovered, the counts read that are no sample's
(extra) and the lines listed as unplaced; then the total and the time taken.

Usage: python bench/bench_import.py [-v]   (-v lists every miss, extra and unplaced line)
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
    """Return every count as (parent label, label, value, measure, approx), labels as written."""
    out = set()
    for c in counts:
        value = Decimal(str(c["value"]))
        label = (c.get("subject") or "") + c["label"]
        out.add((parent, label, value.normalize(), c.get("measure", ""), c.get("approx") or ""))
        out |= flat(c.get("breakdown", []), label)
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
    total = found = extra = unplaced = 0
    started = time.perf_counter()
    for golden in sorted(GOLDEN.glob("*.txt")):
        sample = SAMPLES / f"{golden.stem}.json"
        if not sample.exists():
            continue
        want = expected(json.loads(sample.read_text(encoding="utf-8")))
        result = import_text(golden.read_text(encoding="utf-8"))
        got = flat(result.facts.get("counts", []))
        hit = want & got
        total += len(want)
        found += len(hit)
        extra += len(got - want)
        unplaced += len(result.unplaced)
        share = f"{len(hit)}/{len(want)}" if want else "—"
        more, loose = len(got - want), len(result.unplaced)
        print(f"{golden.stem:<34}{share:>8}   extra {more:>2}   unplaced {loose:>2}")
        if verbose:
            for miss in sorted(want - got, key=str):
                print("    missed", miss)
            for more in sorted(got - want, key=str):
                print("    extra ", more)
            for line in result.unplaced:
                print("    unplaced", line[:60])
    elapsed = time.perf_counter() - started
    share = found / max(total, 1)
    print(f"{'extra counts read':<34}{extra}; unplaced lines {unplaced}")
    print(f"{'all golden texts':<34}{found}/{total} = {share:.1%} (goal ≥ 90%), {elapsed * 1000:.0f} ms")


if __name__ == "__main__":
    main()
