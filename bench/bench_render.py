"""Render cost of the rich sample, as ratios to baselines measured in the same process.

1. Every format through ``core.render``, against composition alone (facts → document tree).
2. The .docx writer against a naive docxtpl loop writing the same text into the same layout
   template (load the template, render a ``{%p for %}`` over the blocks, save: what a
   straightforward docxtpl writer does once per report).
3. Peak memory (max RSS) over ``--renders`` .docx renders in one process.

Usage: python bench/bench_render.py [N] [--renders 10000]   (default N=100; pin one core with
``taskset -c 0`` for steadier figures)
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from docxtpl import DocxTemplate

from huibao import core
from huibao.compose.composer import compose
from huibao.compose.kinds import get_kind, parse_facts
from huibao.compose.tree import Document, Role
from huibao.write import docx as docx_writer
from huibao.write import layout

ROOT = Path(__file__).resolve().parent.parent


def median_ms(fn: Callable[[], object], n: int) -> float:
    fn()  # warm caches (templates, OpenCC, layout)
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def naive_template(folder: Path) -> Path:
    """Write the baseline's template: the layout template whose body is a docxtpl loop with
    one styled paragraph per role."""
    document = docx.Document(str(docx_writer.template_path()))
    marker = next(p for p in document.paragraphs if "body" in p.text)
    lines = [("{%p for b in blocks %}", None)]
    for key, style in (
        ("title", "title"),
        ("recipient", "recipient"),
        ("body", "body"),
        ("closing", "closing"),
        ("signature", "signature"),
        ("date", "date"),
        ("h1", "h1"),
        ("h2", "h2"),
        ("h3", "h3"),
        ("h4", "h4"),
    ):
        lines += [(f"{{%p if b.key == '{key}' %}}", None), ("{{ b.text }}", style), ("{%p endif %}", None)]
    lines.append(("{%p endfor %}", None))
    for text, style in lines:
        para = marker.insert_paragraph_before(text)
        if style:
            para.style = document.styles[layout.STYLE_NAMES[style]]
    marker._p.getparent().remove(marker._p)
    path = folder / "naive.docx"
    document.save(str(path))
    return path


def naive_blocks(document: Document) -> list[dict[str, Any]]:
    """Return the blocks as the baseline template's loop reads them (tables as text lines)."""
    out = []
    for b in document.blocks:
        key = f"h{b.level}" if b.role is Role.HEADING else b.role.value
        if b.role is Role.TABLE:
            out += [{"key": "body", "text": "\t".join(row)} for row in b.rows]
        else:
            out.append({"key": key, "text": b.plain})
    return out


def naive_render(path: Path, document: Document) -> bytes:
    tpl = DocxTemplate(str(path))
    tpl.render({"blocks": naive_blocks(document), "title": document.title}, autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=100)
    parser.add_argument("--renders", type=int, default=10_000)
    args = parser.parse_args()
    n = args.n
    data = json.loads((ROOT / "samples" / "situation_report_rich.json").read_text(encoding="utf-8"))

    def compose_only() -> Document:
        facts = parse_facts(data)
        kind = get_kind(facts.kind)
        return compose(facts, kind.template, kind.prepare)

    base = median_ms(compose_only, n)
    print(f"baseline compose only: {base:.2f} ms (median of {n})")
    for fmt in core.FORMATS:
        ms = median_ms(lambda fmt=fmt: core.render(data, fmt), n)  # type: ignore[misc]
        print(f"render {fmt:<4}: {ms:7.2f} ms  ratio {ms / base:6.1f}x compose")

    document = compose_only()
    with tempfile.TemporaryDirectory() as folder:
        path = naive_template(Path(folder))
        naive = median_ms(lambda: naive_render(path, document), max(n // 5, 5))
    ours = median_ms(lambda: docx_writer.write(document), n)
    print(
        f"docx writer: {ours:.3f} ms; naive docxtpl loop: {naive:.2f} ms; "
        f"writer {naive / ours:.1f}x faster than naive, {ours / base:.2f}x compose"
    )

    start_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for _ in range(args.renders):
        core.render(data, "docx")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"max RSS over {args.renders} docx renders: {peak:.0f} MB (before: {start_rss:.0f} MB)")
    ms = median_ms(lambda: core.render(data, "docx", "zh-Hant-TW"), max(n // 5, 5))
    print(f"render docx zh-Hant-TW: {ms:7.2f} ms  ratio {ms / base:6.1f}x compose")


if __name__ == "__main__":
    main()
