"""The registry of report kinds: each kind is one module of this package.

A kind's module (``kinds/<id>.py``) holds its facts model, its prepare function, a minimal example
and ``KIND = Kind(...)``; its wording is ``templates/wording/<id>.j2``, its samples
``samples/<id>*.json`` and their golden texts ``tests/compose/golden/<sample>.txt``. Modules are
found automatically, so adding a kind touches no other kind's code.

:func:`parse_facts` is the single entry point that turns untrusted JSON-like data into a validated
facts model, translating pydantic's errors into Chinese messages with English field paths.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from huibao.compose.composer import Prepare
from huibao.compose.facts import Envelope
from huibao.compose.validation import field_path, translate
from huibao.errors import ErrorItem, InvalidFacts, UnknownKind

__all__ = ["KINDS", "Kind", "field_path", "get_kind", "parse_facts"]


@dataclass(frozen=True)
class Kind:
    """One report kind: how it is named, validated and worded.

    ``order`` places it in listings (the first is the API's example); the wording template is
    ``<id>.j2``.
    """

    id: str
    name: str
    description: str
    model: type[Envelope]
    prepare: Prepare
    example: Mapping[str, Any]
    order: int

    @property
    def template(self) -> str:
        """Return the file name of this kind's wording template."""
        return f"{self.id}.j2"

    def schema(self) -> dict[str, Any]:
        """Return the JSON Schema of this kind's facts."""
        return self.model.model_json_schema()


def _discover() -> dict[str, Kind]:
    """Return every kind defined by a module of this package, in listing order.

    Raise TypeError when a module's ``KIND`` is missing or its id differs from the module name.
    """
    found: list[Kind] = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if not isinstance(kind, Kind) or kind.id != info.name:
            raise TypeError(f"{module.__name__} must define KIND = Kind(id={info.name!r}, ...)")
        found.append(kind)
    return {k.id: k for k in sorted(found, key=lambda k: (k.order, k.id))}


KINDS: dict[str, Kind] = _discover()


def get_kind(name: str) -> Kind:
    """Return the kind with id or Chinese name ``name``; raise UnknownKind naming the valid ones."""
    if name in KINDS:
        return KINDS[name]
    for kind in KINDS.values():
        if kind.name == name:
            return kind
    valid = "、".join(f"{k.id}（{k.name}）" for k in KINDS.values())
    raise UnknownKind(f"未知的文种“{name}”，可选：{valid}", field="kind")


def parse_facts(data: object) -> Envelope:
    """Return validated facts for any kind; raise InvalidFacts / UnknownKind on bad input."""
    if not isinstance(data, dict):
        raise InvalidFacts([ErrorItem(None, "事实数据应为 JSON 对象")])
    kind_name = data.get("kind")
    if not isinstance(kind_name, str) or not kind_name.strip():
        raise InvalidFacts([ErrorItem("kind", "缺少文种（kind），如 situation_report")])
    kind = get_kind(kind_name.strip())
    payload = {**data, "kind": kind.id}
    try:
        return kind.model.model_validate(payload)
    except ValidationError as exc:
        raise translate(exc, kind.name) from None
