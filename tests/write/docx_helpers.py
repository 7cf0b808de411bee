"""Helpers for the .docx writer tests: render facts, read parts as lxml trees."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from huibao.compose.composer import compose
from huibao.compose.kinds import get_kind, parse_facts
from huibao.compose.tree import Document
from huibao.write import docx as docx_writer

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p.stem for p in (ROOT / "samples").glob("*.json"))
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}


def w(name: str) -> str:
    """Return the Clark name of ``w:name``."""
    return f"{{{W_NS}}}{name}"


def compose_sample(name: str) -> Document:
    facts = parse_facts(json.loads((ROOT / "samples" / f"{name}.json").read_text(encoding="utf-8")))
    kind = get_kind(facts.kind)
    return compose(facts, kind.template, kind.prepare)


def compose_facts(data: dict[str, Any]) -> Document:
    facts = parse_facts(data)
    kind = get_kind(facts.kind)
    return compose(facts, kind.template, kind.prepare)


def render(document: Document, **options: Any) -> bytes:
    return docx_writer.write(document, **options)


def parts(data: bytes) -> dict[str, Any]:
    """Return every XML part of the package ``data`` parsed, by part name."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: etree.fromstring(zf.read(n)) for n in zf.namelist() if n.endswith((".xml", ".rels"))}


def style(styles: Any, style_id: str) -> Any:
    found = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
    assert found is not None, style_id
    return found
