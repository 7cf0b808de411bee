"""Facts → document tree. The wording lives in Jinja2 templates; structure rules live here.

A wording template (``templates/wording/<kind>.j2``) writes one block per line, each line opening
with a role marker::

    @title 关于{{ topic|with_work }}情况的汇报
    @h1 基本情况
    @body {{ basis_sentence }}

Markers: ``@title @subtitle @recipient @h1 @h2 @h3 @h4 @body @closing @signature @date @table``.
A heading line may carry a run-in body after ``{{ runin }}``. The composer then drops sections
that ended up empty, numbers headings (一、 （一） 1. （1）) without gaps, and cleans punctuation.

Facts are data, never template code: values are inserted after the template is compiled, and
line breaks or control characters inside a value cannot create a new block.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from huibao import resources
from huibao.compose import counting, dates, element_blocks, numbers, wording
from huibao.compose.facts import Envelope
from huibao.compose.tree import Block, Document, Role

RUNIN = "\x1f"  # separates a run-in heading from its body on one template line
PARAGRAPH = "\x1e"  # a line break the user typed inside a value: a new body paragraph
CELL = "\x1d"  # separates table cells; rows are separated by PARAGRAPH
# Characters no report may carry: C0/C1 controls (structure markers included), lone surrogates
# and Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0–FDEF and the last two of every plane). The
# XML-illegal ones would corrupt a .docx; none of them is visible text in any format.
_NONCHARACTERS = "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17))
_CONTROL = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef{_NONCHARACTERS}]")
# Whitespace runs are matched whole (one attempt per run, so linear); a run holding a line break
# is a break. A pattern like \s*(?:\n)+\s* retried at every space of a long run was quadratic.
_WHITESPACE_RUN = re.compile(r"\s+")
_BREAK_CHARS = frozenset("\r\n\u2028\u2029")

_ROLE_MARKERS: dict[str, tuple[Role, int]] = {
    "title": (Role.TITLE, 0),
    "subtitle": (Role.SUBTITLE, 0),
    "recipient": (Role.RECIPIENT, 0),
    "h1": (Role.HEADING, 1),
    "h2": (Role.HEADING, 2),
    "h3": (Role.HEADING, 3),
    "h4": (Role.HEADING, 4),
    "body": (Role.BODY, 0),
    "closing": (Role.CLOSING, 0),
    "signature": (Role.SIGNATURE, 0),
    "date": (Role.DATE, 0),
    "table": (Role.TABLE, 0),
}


class Raw(str):
    """A template value that may carry structure markers (produced by huibao, not the user)."""


def replace_line_breaks(text: str, replacement: str) -> str:
    """Return ``text`` with each whitespace run that holds a line break (and the spaces around
    it) replaced by ``replacement``; other whitespace is kept. Linear in the length of ``text``."""

    def one(m: re.Match[str]) -> str:
        run = m.group(0)
        return replacement if not _BREAK_CHARS.isdisjoint(run) else run

    return _WHITESPACE_RUN.sub(one, text)


def _finalize(value: object) -> object:
    """Neutralise user text: drop control and XML-illegal characters, turn its line breaks into
    paragraphs (None gives "")."""
    if value is None:
        return ""
    if isinstance(value, Raw) or not isinstance(value, str):
        return value
    text = replace_line_breaks(value.strip(), PARAGRAPH)
    return _CONTROL.sub(lambda m: m.group(0) if m.group(0) == PARAGRAPH else "", text)


def _table(rows: list[list[object]]) -> Raw:
    """Return table rows encoded for an ``@table`` line; cells are sanitised user text."""
    encoded = []
    for row in rows:
        cells = [_CONTROL.sub("", replace_line_breaks(str(c if c is not None else ""), " ")) for c in row]
        encoded.append(CELL.join(cells))
    return Raw(PARAGRAPH.join(encoded))


def environment() -> SandboxedEnvironment:
    """Return the sandboxed Jinja2 environment for the wording folders in use (office's first)."""
    return _environment(tuple(resources.wording_dirs()))


@cache
def _environment(directories: tuple[Path, ...]) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(d) for d in directories]),
        autoescape=False,
        finalize=_finalize,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        clause=wording.clause,
        sentence=wording.sentence,
        with_work=wording.with_work,
        lead_in=wording.lead_in,
        count=counting.count_phrase,
        counts=counting.counts_phrase,
        total=counting.total_phrase,
        tally=counting.tally_phrase,
        with_counts=counting.with_counts,
        figure=counting.count_figure,
        small=numbers.small_number,
        inline=wording.enumerate_inline,
        measure_heading=wording.measure_heading,
        date=dates.format_date,
        moment=dates.format_moment,
        month_day=dates.format_month_day,
        number=numbers.format_decimal,
        cn=numbers.chinese_numeral,
    )
    env.globals.update(
        runin=Raw(RUNIN), table=_table, range=dates.format_range, snapshot=counting.snapshot
    )
    return env


Prepare = Callable[[Envelope], Mapping[str, Any]]


def compose(facts: Envelope, template: str, prepare: Prepare | None = None) -> Document:
    """Return the document tree for ``facts`` rendered through the wording ``template``.

    ``prepare`` adds kind-specific context (derived rates, generated title …) to the facts.
    """
    context: dict[str, Any] = {"f": facts, "self_name": facts.self_name}
    if prepare is not None:
        context.update(prepare(facts))
    rendered = environment().get_template(template).render(context)
    blocks = parse_lines(rendered)
    blocks = drop_empty_sections(blocks)
    number_headings(blocks, facts.options.numbering_depth)
    for block in blocks:
        block.text = wording.clean(block.text)
        block.heading = wording.clean(block.heading)
        block.rows = [[wording.clean(c) for c in row] for row in block.rows]
    title = next((b.text for b in blocks if b.role is Role.TITLE), "")
    document = Document(kind=facts.kind, title=title, blocks=blocks, script=facts.script)
    element_blocks.apply(facts, document)  # 版头, 附件说明, 附注, 版记 … as the facts and kind ask
    document.map_text(lambda text: _CONTROL.sub("", text))  # whatever path a text took: no C0/C1,
    return document  # surrogate or noncharacter reaches any writer


def parse_lines(rendered: str) -> list[Block]:
    """Return the blocks of a rendered template; blank lines and empty bodies are skipped."""
    blocks: list[Block] = []
    for raw_line in rendered.split("\n"):
        line = raw_line.strip()
        if not line:
            continue
        marker, _, rest = line.partition(" ")
        if not marker.startswith("@") or marker[1:] not in _ROLE_MARKERS:
            raise ValueError(f"wording template line without a known role marker: {line[:40]!r}")
        role, level = _ROLE_MARKERS[marker[1:]]
        rest = rest.strip()
        if role is Role.TABLE:
            rows = [row.split(CELL) for row in rest.split(PARAGRAPH) if row]
            width = max((len(row) for row in rows), default=0)
            rows = [row + [""] * (width - len(row)) for row in rows]  # strip() eats empty last cells
            if len(rows) > 1:
                blocks.append(Block(Role.TABLE, rows=rows))
            continue
        if role is Role.HEADING:
            heading, _, body = rest.partition(RUNIN)
            # a line break the user typed in a heading ends a sentence, as it does in a body
            heading = wording.clause("".join(_paragraphs(heading)))
            first, *more = _paragraphs(body)
            if heading and first:
                blocks.append(
                    Block(role, level=level, heading=wording.sentence(heading), text=first)
                )
            elif heading and RUNIN in raw_line:
                # written as a run-in item with nothing after the marker: marked so that
                # drop_empty_sections keeps it as a numbered sentence when nothing sits under it
                blocks.append(Block(role, level=level, heading=heading, label=RUNIN))
            elif heading:
                blocks.append(Block(role, level=level, heading=heading))
            elif first:
                blocks.append(Block(Role.BODY, text=first))
            blocks.extend(Block(Role.BODY, text=p) for p in more)
            continue
        pieces = _paragraphs(rest) if role is Role.BODY else [rest.replace(PARAGRAPH, "")]
        blocks.extend(Block(role, text=p) for p in pieces if p)
    return blocks


def _paragraphs(text: str) -> list[str]:
    """Return the user's paragraphs in ``text``; all but the last get a closing mark.

    Always returns at least one element ("" for empty text).
    """
    pieces = [p.strip() for p in text.split(PARAGRAPH)]
    pieces = [p for p in pieces[:-1] if p] + pieces[-1:]
    return [wording.sentence(p) for p in pieces[:-1]] + pieces[-1:]


def drop_empty_sections(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` without headings that have nothing under them (a bare heading).

    A heading written as a run-in item with nothing after the marker (``@h2 text{{ runin }}``)
    is not a section: unless deeper headings (its sub-items) follow it, it stays as a numbered
    sentence, and a body paragraph after it belongs to the section above, not to the item.
    """
    kept: list[Block] = []
    for i, block in enumerate(blocks):
        if block.role is Role.HEADING and not block.text and block.label == RUNIN:
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is None or nxt.role is not Role.HEADING or nxt.level <= block.level:
                # an item complete in itself, not a section: keep it as a numbered sentence
                block = Block(Role.HEADING, level=block.level, text=wording.sentence(block.heading))
        elif block.role is Role.HEADING and not block.text:
            has_content = False
            for later in blocks[i + 1 :]:
                if later.role is Role.HEADING and later.level <= block.level:
                    break
                if later.role in (Role.CLOSING, Role.SIGNATURE, Role.DATE):
                    break
                if later.role is not Role.HEADING or later.text or later.label == RUNIN:
                    has_content = True
                    break
            if not has_content:
                continue
        kept.append(block)
    if len(kept) != len(blocks):
        return drop_empty_sections(kept)
    return kept


def heading_label(level: int, n: int) -> str:
    """Return the GB/T 9704 label of heading number ``n`` at ``level``: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{numbers.chinese_numeral(n)}、"
    if level == 2:
        return f"（{numbers.chinese_numeral(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def number_headings(blocks: list[Block], depth: int = 4) -> None:
    """Label headings in place, counting per parent so numbering never has a gap.

    A heading never sits more than one level below its parent (a ``1.`` directly under ``一、``
    becomes ``（一）``); headings deeper than ``depth`` lose their label and read as run-in text.
    """
    counters = [0] * 5
    current = 0
    bare: set[int] = set()  # demoted headings without a body of their own
    for block in blocks:
        if block.role is not Role.HEADING:
            continue
        level = min(block.level, current + 1)
        block.level = level
        if level > depth:
            if not block.text:
                bare.add(id(block))
            block.role = Role.BODY
            block.text = f"{block.heading}。{block.text}" if block.text else block.heading
            block.heading, block.level, block.label = "", 0, ""
            continue
        counters[level] += 1
        for deeper in range(level + 1, 5):
            counters[deeper] = 0
        block.label = heading_label(level, counters[level])
        current = level
    if bare:
        _run_in_bare_headings(blocks, bare)


def _run_in_bare_headings(blocks: list[Block], bare: set[int]) -> None:
    """Join each demoted heading to the body paragraph right after it (else end it with 。)."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev is not None and id(prev) in bare and block.role is Role.BODY and id(block) not in bare:
            out.pop()
            block.text = f"{wording.sentence(prev.text)}{block.text}"
        out.append(block)
    for block in out:
        if id(block) in bare:
            block.text = wording.sentence(block.text)
    blocks[:] = out
