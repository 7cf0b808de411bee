"""CLI start-up: wall time of `huibao render small.json -f txt` as a ratio to `python -c pass`.

Both commands run alternately N times in the same run (same machine state, same interpreter),
and the medians are compared; the goal (issue 9) is a ratio of at most 6. It also lists the heavy
libraries the text render imported (python-docx, docxtpl, OpenCC should be absent).

``--against SRC`` (repeatable) also runs the render from another source tree (SRC holds the
``huibao`` package, e.g. the ``service`` folder of ``git archive <commit> service templates
glossary``), alternating with the others: before/after comparisons in one run.

Usage: python bench/bench_cli_startup.py [N] [--against SRC ...]   (default N=20)

Figures, 2026-11-27, 2 cores shared with four other sessions (load average 2.7), N=20, one
run; both trees are commit 553a6da with only ``huibao/check`` differing, run through PYTHONPATH
(which itself slows every import a little):

=================================================  ============  ============  ==========
checker                                            render wall   render CPU    CPU ratio
=================================================  ============  ============  ==========
before: every pattern compiled at first check      368 ms        325 ms        16.2×
after: lazy detectors, no converter import         305 ms        285 ms        14.2×
``python -c pass``                                 20.4 ms       20.0 ms       1×
=================================================  ============  ============  ==========

The checkout itself (with the other sessions' work of the day) in the same run: 262 ms,
12.8× wall, 12.0× CPU. Under load average 5–6 earlier the same pair gave CPU 345 → 303 ms.

In-process CPU time (median of 9 alternating runs, load average 5): importing the checker 62 → 31 ms
(the converter, glossary and engine modules are no longer imported), the first check of the
small sample's text 33 → 11 ms (12 patterns compiled instead of 37: 6 of the 40 detectors and
6 of the other passes' patterns; no traditional or rare-character class). What remains of the
ratio is outside the checker: pydantic, jinja2, the composer and the kind's model build.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "situation_report_small.json"
HEAVY = ("docx", "docxtpl", "opencc", "lxml", "fastapi", "uvicorn", "langdetect")


def wall_ms(command: list[str], env: dict[str, str] | None = None) -> float:
    """Return the wall time of ``command`` in ms (its CPU time is added to :data:`CPU`)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
    CPU.setdefault(" ".join(command) + repr(env and env.get("PYTHONPATH")), []).append(cpu)
    return wall


#: command (and PYTHONPATH) -> CPU times in ms (user + system) of each run: less sensitive than
#: wall time to other work on a shared machine.
CPU: dict[str, list[float]] = {}


def cpu_ms(command: list[str], env: dict[str, str] | None = None) -> float:
    """Return the median CPU time of the runs of ``command`` so far."""
    return statistics.median(CPU[" ".join(command) + repr(env and env.get("PYTHONPATH"))])


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
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=20)
    parser.add_argument("--against", type=Path, action="append", default=[],
                        help="another source tree holding huibao (repeatable)")
    args = parser.parse_args()
    n = args.n
    baseline_cmd = [sys.executable, "-c", "pass"]
    render_cmd = [sys.executable, "-m", "huibao", "render", str(SAMPLE), "-f", "txt"]
    envs = {str(src): {**os.environ, "PYTHONPATH": str(src.resolve())} for src in args.against}
    for env in envs.values():
        wall_ms(render_cmd, env)
    wall_ms(render_cmd)  # warm the page cache and bytecode
    base: list[float] = []
    render: list[float] = []
    other: dict[str, list[float]] = {name: [] for name in envs}
    for _ in range(n):
        base.append(wall_ms(baseline_cmd))
        render.append(wall_ms(render_cmd))
        for name, env in envs.items():
            other[name].append(wall_ms(render_cmd, env))
    b, r = statistics.median(base), statistics.median(render)
    bc, rc = cpu_ms(baseline_cmd), cpu_ms(render_cmd)
    print(f"python -c pass            {b:7.1f} ms (median of {n}; CPU {bc:.1f} ms)")
    print(f"huibao render -f txt      {r:7.1f} ms (median of {n}; CPU {rc:.1f} ms)")
    print(f"ratio                     {r / b:7.1f}x   (goal <= 6x; CPU time ratio {rc / bc:.1f}x)")
    for name, times in other.items():
        o, oc = statistics.median(times), cpu_ms(render_cmd, envs[name])
        print(f"  from {name}: {o:7.1f} ms, ratio {o / b:.1f}x (CPU {oc:.1f} ms, {oc / bc:.1f}x)")
    print(f"heavy modules imported    {', '.join(heavy_imports()) or 'none'}")


if __name__ == "__main__":
    main()
