"""The web form's render tree: what was typed (or imported facts) as nodes with labels, help
lines, Chinese dates and error messages, ready for the form templates."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from huibao.errors import ErrorItem
from huibao.web_form import MISSING, Spec, join, scalar
from huibao.web_input import chinese_moment
from huibao.web_words import words_for

# --------------------------------------------------------------------------- raw → render tree


@dataclass
class Node:
    """One thing to render: a field, a fieldset or a repeatable list with its rows."""

    key: str
    path: str
    spec: Spec
    value: Any = ""
    time: str = ""
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # preview warnings shown beside the field
    children: list[Node] = field(default_factory=list)
    index: int | None = None
    count: int = 0

    @property
    def id(self) -> str:
        return "f-" + self.path

    @property
    def label(self) -> str:
        return self.spec.title or self.key


def _initial(spec: Spec, raw: Any) -> Any:
    if raw is MISSING or raw is None:
        if spec.widget == "checkbox":
            return bool(spec.default)
        return "" if spec.default is None else scalar(spec.default)
    if spec.widget == "checkbox":
        return raw if isinstance(raw, bool) else scalar(raw) not in ("", "false", "off", "0")
    return scalar(raw)


def _from_string(spec: Spec, text: str) -> dict[str, Any]:
    """Return a list item given as a bare string (the API accepts it) as the object the form
    shows: its ``text``, else its one required field (an attachment's ``title``); {} if neither."""
    keys = [k for k, _ in spec.children()]
    required = list(spec.schema.get("required", []))
    key = "text" if "text" in keys else (required[0] if len(required) == 1 else "")
    return {key: text} if key else {}


def build(
    spec: Spec, raw: Any, errors: Mapping[str, list[str]], path: str = "", key: str = "",
    index: int | None = None,
) -> Node:
    """Return the render tree for ``raw`` (facts or a parsed form) with ``errors`` by path."""
    words = words_for(path) if path else None
    if words:
        spec = replace(spec, title=words[0] or spec.title, description=words[1] or spec.description)
    node = Node(key=key, path=path, spec=spec, errors=list(errors.get(path, [])), index=index)
    if spec.widget == "object":
        if isinstance(raw, str):
            raw = _from_string(spec, raw)
        raw = raw if isinstance(raw, Mapping) else {}
        node.children = [
            build(sub, raw.get(k, MISSING), errors, join(path, k), k) for k, sub in spec.children()
        ]
        if spec.nullable or not spec.required:
            for child in node.children:  # "required" only once the optional group is filled in
                child.spec = replace(child.spec, required=False)
    elif spec.widget == "array":
        rows = raw if isinstance(raw, list) else []
        item = spec.item()
        node.children = [
            build(item, v, errors, f"{path}[{i}]", key, i) for i, v in enumerate(rows)
        ]
        node.count = len(rows)
    else:
        if isinstance(raw, Mapping) and {"code", "year", "serial"} <= set(raw):
            raw = f"{raw['code']}〔{raw['year']}〕{raw['serial']}号"  # a 发文字号 given in parts
        value = _initial(spec, raw)
        if spec.widget in ("date", "datetime") and isinstance(value, str):
            value = chinese_moment(value)
        node.value = value
    return node


def error_map(items: list[ErrorItem]) -> dict[str, list[str]]:
    """Return error messages by field path ('' for errors without a field)."""
    out: dict[str, list[str]] = {}
    for e in items:
        out.setdefault(e.field or "", []).append(e.message)
    return out


def unplaced(root: Node, errors: Mapping[str, list[str]]) -> list[tuple[str, str]]:
    """Return (path, message) for errors whose path has no node; they go in the summary only."""
    seen: set[str] = set()
    stack = [root]
    while stack:
        n = stack.pop()
        seen.add(n.path)
        stack.extend(n.children)
    return [(p, m) for p, ms in errors.items() for m in ms if p not in seen]


def nearest(root: Node, path: str) -> str:
    """Return the id of the node for ``path`` or its nearest ancestor (the form itself: '')."""
    paths: set[str] = set()
    stack = [root]
    while stack:
        n = stack.pop()
        paths.add(n.path)
        stack.extend(n.children)
    while path and path not in paths:
        path = re.sub(r"(\[\d+\]|\.?[^.\[\]]+)$", "", path)
    return "f-" + path if path else "facts-form"


def first_leaf(root: Node, focus: str) -> str:
    """Return the id of the first input inside the node with id ``focus`` (else ``focus``)."""
    stack = [root]
    while stack:
        n = stack.pop()
        if n.id == focus:
            while n.children:
                n = n.children[0]
            return n.id if n.spec.widget != "array" else f"add-{n.path}"
        stack.extend(n.children)
    return focus


def labels_of(root: Node) -> dict[str, str]:
    """Return each node's id mapped to its label (rows as 主要数据第1项)."""
    out: dict[str, str] = {}
    stack: list[tuple[Node, str]] = [(c, "") for c in root.children]
    while stack:
        n, list_label = stack.pop()
        out[n.id] = f"{list_label}第{n.index + 1}项" if n.index is not None else n.label
        stack.extend((c, n.label if n.spec.widget == "array" else "") for c in n.children)
    return out


def count_labels(raw: Any) -> list[str]:
    """Return the 事项 of the form's counts, for the ratio fields' choice list (may be empty)."""
    counts = raw.get("counts") if isinstance(raw, Mapping) else None
    labels: list[str] = []
    stack = list(counts) if isinstance(counts, list) else []
    while stack:
        item = stack.pop(0)
        if isinstance(item, Mapping):
            label = item.get("label")
            if isinstance(label, str) and label.strip() and label.strip() not in labels:
                labels.append(label.strip())
            breakdown = item.get("breakdown")
            if isinstance(breakdown, list):
                stack.extend(breakdown)
    return labels


def attach_notes(root: Node, warnings: list[dict[str, Any]]) -> None:
    """Put each warning's message on the node of its field (or nearest ancestor), in place."""
    nodes: dict[str, Node] = {}
    stack = [root]
    while stack:
        n = stack.pop()
        nodes[n.path] = n
        stack.extend(n.children)
    for w in warnings:
        path = str(w.get("field") or "")
        while path and path not in nodes:
            path = re.sub(r"(\[\d+\]|\.?[^.\[\]]+)$", "", path)
        if path:
            nodes[path].notes.append(str(w.get("message", "")))
