"""Differences between two sets of facts: every changed leaf, and the counts that changed."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

_MISSING = object()


def flatten(value: Any, path: str = "") -> dict[str, Any]:
    """Return every leaf of a JSON value keyed by its path (``counts[0].value``)."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(flatten(item, f"{path}.{key}" if path else str(key)))
        return out or {path: {}}
    if isinstance(value, list):
        out = {}
        for i, item in enumerate(value):
            out.update(flatten(item, f"{path}[{i}]"))
        return out or {path: []}
    return {path: value}


def diff_facts(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the changed leaves as ``{"field", "before", "after"}``; absent sides are None.

    Empty when the two are equal.
    """
    a, b = flatten(before), flatten(after)
    changes = []
    for key in list(dict.fromkeys([*a, *b])):
        old, new = a.get(key, _MISSING), b.get(key, _MISSING)
        if old != new:
            changes.append({
                "field": key,
                "before": None if old is _MISSING else old,
                "after": None if new is _MISSING else new,
            })
    return changes


def _counts(facts: Any, prefix: str = "") -> dict[str, Any]:
    """Return every count (a dict with label and value) found anywhere in ``facts`` by label path."""
    found: dict[str, Any] = {}
    if isinstance(facts, dict):
        if isinstance(facts.get("label"), str) and "value" in facts:
            name = f"{prefix}{facts['label']}"
            found[name] = facts["value"]
            prefix = f"{name} / "
        for key, item in facts.items():
            if key != "value":
                found.update(_counts(item, prefix))
    elif isinstance(facts, list):
        for item in facts:
            found.update(_counts(item, prefix))
    return found


def _number(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def compare_counts(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    """Return each count of either period: label, both values, the change and whether it changed.

    A count present in one period only has None on the other side.
    """
    a, b = _counts(before), _counts(after)
    rows = []
    for label in list(dict.fromkeys([*a, *b])):
        old, new = a.get(label), b.get(label)
        x, y = _number(old), _number(new)
        delta = str(y - x) if x is not None and y is not None else None
        rows.append({"label": label, "before": old, "after": new, "change": delta,
                     "changed": _number(old) != _number(new) or (old is None) != (new is None)})
    return rows
