"""How a cost grows with its input, for the linear-growth tests (no wall-clock assertions).

:func:`growth` compares the best timings at ``n`` and ``scale * n`` within one process: a linear
pass gives about ``scale``, a quadratic one about ``scale ** 2``. The small cost is floored so
timer noise on tiny costs cannot fail a test, and a ratio over the margin is measured again (a busy
machine only ever inflates one measurement; a quadratic pass is slow every time).
"""

from __future__ import annotations

import time
from collections.abc import Callable


def cost(fn: Callable[[], object], repeat: int = 3) -> float:
    """Return the best of ``repeat`` timings of ``fn`` in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def growth(
    run: Callable[[int], object],
    n: int,
    scale: int,
    margin: float,
    *,
    repeat: int = 3,
    large_repeat: int = 2,
    floor: float = 2e-4,
    tries: int = 3,
) -> float:
    """Return cost(scale * n) / cost(n) (the smallest of up to ``tries`` measurements, stopping at
    the first under ``margin``)."""
    ratio = float("inf")
    for _ in range(tries):
        small = cost(lambda: run(n), repeat)
        large = cost(lambda: run(scale * n), large_repeat)
        ratio = min(ratio, large / max(small, floor))
        if ratio < margin:
            break
    return ratio
