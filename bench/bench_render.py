"""Render cost per format for the rich sample: median ms over N renders, on one core.

Prints each format's median and its ratio to a baseline measured in the same process: the
composition alone (facts → document tree), so the numbers stay comparable across machines.
Usage: python bench/bench_render.py [N]   (default N=100)
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from huibao import core
from huibao.compose.composer import compose
from huibao.compose.kinds import get_kind, parse_facts

ROOT = Path(__file__).resolve().parent.parent


def median_ms(fn: Callable[[], object], n: int) -> float:
    fn()  # warm caches (templates, OpenCC, layout)
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    data = json.loads((ROOT / "samples" / "situation_report_rich.json").read_text(encoding="utf-8"))

    def compose_only() -> object:
        facts = parse_facts(data)
        kind = get_kind(facts.kind)
        return compose(facts, kind.template, kind.prepare)

    base = median_ms(compose_only, n)
    print(f"baseline compose only: {base:.2f} ms (median of {n})")
    for fmt in core.FORMATS:
        ms = median_ms(lambda fmt=fmt: core.render(data, fmt), n)  # type: ignore[misc]
        print(f"render {fmt:<4}: {ms:7.2f} ms  ratio {ms / base:6.1f}x")
    ms = median_ms(lambda: core.render(data, "docx", "zh-Hant-TW"), max(n // 5, 5))
    print(f"render docx zh-Hant-TW: {ms:7.2f} ms  ratio {ms / base:6.1f}x")


if __name__ == "__main__":
    main()
