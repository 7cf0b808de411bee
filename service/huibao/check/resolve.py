"""Overlap resolution: when hits overlap, the one of the stronger kind (lower rank) stays.

Linear after sorting: hits are taken rank by rank; within a rank in start order (longer first),
so a hit only needs checking against the kept spans of stronger ranks (disjoint, sorted: one
bisect) and against the furthest end kept so far in its own rank.
"""

from __future__ import annotations

import bisect

from huibao.check.kinds import KINDS
from huibao.check.model import Hit


def resolve(hits: list[Hit]) -> list[Hit]:
    """Return the hits that overlap no hit of a stronger (or same-rank, earlier) kind, in
    rank order; equal hits keep their input order."""
    kept: list[Hit] = []
    starts: list[int] = []  # kept spans of stronger ranks: disjoint, sorted by start
    ends: list[int] = []
    for group in _by_rank(hits):
        new: list[Hit] = []
        reach = -1  # furthest end kept in this rank
        for h in group:
            if h.start < reach:
                continue
            i = bisect.bisect_left(starts, h.end) - 1  # last kept span starting before h.end
            if i >= 0 and ends[i] > h.start:
                continue
            new.append(h)
            reach = h.end
        kept.extend(new)
        starts, ends = _merge(starts, ends, new)
    return kept


def _by_rank(hits: list[Hit]) -> list[list[Hit]]:
    """Return ``hits`` in buckets of ascending rank, each sorted by start, longer first.

    Stable sorts on one int key each (no tuple key per hit: two million hits held 200 MB of
    keys); equal hits keep their input order.
    """
    ordered = sorted(hits, key=lambda h: h.end - h.start, reverse=True)  # stable when reversed
    ordered.sort(key=lambda h: h.start)
    buckets: dict[int, list[Hit]] = {}
    for h in ordered:
        buckets.setdefault(KINDS[h.kind].rank, []).append(h)
    return [buckets[rank] for rank in sorted(buckets)]


def _merge(starts: list[int], ends: list[int], new: list[Hit]) -> tuple[list[int], list[int]]:
    """Return the spans (starts, ends) merged with the spans of ``new``, all sorted by start
    (both inputs are sorted; lists of ints, no tuple per span)."""
    if not new:
        return starts, ends
    out_s: list[int] = []
    out_e: list[int] = []
    i = 0
    for h in new:
        while i < len(starts) and starts[i] < h.start:
            out_s.append(starts[i])
            out_e.append(ends[i])
            i += 1
        out_s.append(h.start)
        out_e.append(h.end)
    out_s.extend(starts[i:])
    out_e.extend(ends[i:])
    return out_s, out_e
