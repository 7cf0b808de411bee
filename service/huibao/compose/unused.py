"""Facts that were given but did not reach the draft: warnings, so nothing typed vanishes silently.

A wording template uses some fields only with some options (a 背景 only with 背景开头, a measure's
小标题 only when no 对仗短语 replace it). Rather than mirror every template's conditions, the
composed document is searched for each text the facts carry; a text found nowhere is reported on
its field, on every surface (API, CLI and web form alike).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from huibao.compose.factchecks import FactWarning
from huibao.compose.facts import Envelope
from huibao.compose.tree import Document

#: Fields that are references, codes or settings, not text meant to be printed as typed.
_NOT_PRINTED = frozenset(
    {"kind", "script", "keep", "id", "numerator", "denominator", "approx", "measure", "options", "title"}
    | {"zero", "group"}  # a count's 0 wording (used only for a 0) and its sentence grouping
)
_NOISE = re.compile(r"[\W_]+")


def _flat(text: str) -> str:
    """Return ``text`` without punctuation and white space (what wording cleanup may change)."""
    return _NOISE.sub("", text)


def _texts(model: BaseModel, path: str = "") -> Iterator[tuple[str, str, str]]:
    """Yield (field path, field title, text) for every text the facts carry."""
    for name, info in type(model).model_fields.items():
        if name in _NOT_PRINTED:
            continue
        value = getattr(model, name)
        here = f"{path}.{name}" if path else name
        title = info.title or name
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            at = f"{here}[{i}]" if isinstance(value, list) else here
            if isinstance(item, BaseModel):
                yield from _texts(item, at)
            elif isinstance(item, str) and not hasattr(item, "value") and item.strip():
                yield at, title, item


def unused_facts(facts: Envelope, document: Document) -> list[FactWarning]:
    """Return a warning for each text in ``facts`` that appears nowhere in ``document``.

    The document is the composed one, before script conversion. Empty list: everything is used.
    """
    printed = _flat(document.plain_text())
    out: list[FactWarning] = []
    for path, title, text in _texts(facts):
        if path == "unit.self_reference" or (path == "unit.name" and facts.signature):
            continue  # how the unit names itself is a style; a signature replaces the name
        if _flat(text) and _flat(text) not in printed:
            shown = text if len(text) <= 12 else text[:12] + "…"
            out.append(
                FactWarning("unused_fact", path, f"填写的“{title}”（{shown}）没有写入成稿")
            )
    return out


def missing_date(facts: Envelope) -> list[FactWarning]:
    """Return a warning when the facts have no 成文日期 (empty list when they have one)."""
    if facts.signed_on is None:
        return [FactWarning("missing_signed_on", "signed_on", "没有填成文日期，成稿末尾将没有日期")]
    return []
