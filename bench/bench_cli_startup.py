"""CLI start-up: wall time of `huibao render small.json -f txt` as a ratio to `python -c pass`.

Both commands run alternately N times in the same run (same machine state, same interpreter),
and the medians are compared; the goal (issue 9) is a ratio of at most 6. It also lists the heavy
libraries the text render imported (python-docx, docxtpl, OpenCC should be absent).
Usage: python bench/bench_cli_startup.py [N]   (default N=20)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "situation_report_small.json"
HEAVY = ("docx", "docxtpl", "opencc", "lxml", "fastapi", "uvicorn", "langdetect")


def wall_ms(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def heavy_imports() -> list[str]:
    code = (
        "import os, sys, runpy\n"
        "sys.argv = ['huibao', 'render', sys.argv[1], '-f', 'txt', '-o', os.devnull]\n"
        "try: runpy.run_module('huibao', run_name='__main__')\n"
        "except SystemExit: pass\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(SAMPLE)], capture_output=True, text=True)
    return out.stdout.split()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    baseline_cmd = [sys.executable, "-c", "pass"]
    render_cmd = [sys.executable, "-m", "huibao", "render", str(SAMPLE), "-f", "txt"]
    wall_ms(render_cmd)  # warm the page cache and bytecode
    base, render = [], []
    for _ in range(n):
        base.append(wall_ms(baseline_cmd))
        render.append(wall_ms(render_cmd))
    b, r = statistics.median(base), statistics.median(render)
    print(f"python -c pass            {b:7.1f} ms (median of {n})")
    print(f"huibao render -f txt      {r:7.1f} ms (median of {n})")
    print(f"ratio                     {r / b:7.1f}x   (goal <= 6x)")
    print(f"heavy modules imported    {', '.join(heavy_imports()) or 'none'}")


if __name__ == "__main__":
    main()
