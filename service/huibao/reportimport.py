"""Best-effort import of a report huibao did not write: text (or a .docx's text) → draft facts.

Reads the envelope (title, recipient, signature, date, basis, 公文 elements…:
:mod:`huibao.reportimport_envelope`), the numbered headings into sections, and every count:
"label + figure + measure" phrases and zero counts in words (:mod:`huibao.reportimport_clauses`),
tables of 情况快报 (项目 → 数量 → 单位 → 备注) whether their rows come tab-separated (.txt) or one
cell per line (a .docx's text). Counts go where the kind keeps them (``counts``, a 督查通报's
``scope``); a rate two of them give becomes a rate (:mod:`huibao.reportimport_rates`).
What it cannot place is listed for the clerk to finish in the form: paragraphs before the first
heading that hold no count, table rows without a figure, paragraphs with a figure whose measure
is unknown (巡查林区14坨), and the counts of a kind that keeps none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from huibao.reportimport_clauses import MEASURES, read_clauses, read_count, read_figure
from huibao.reportimport_envelope import HEADING, RULE, SEPARATORS, read_envelope, read_opening
from huibao.reportimport_rates import read_rates

__all__ = [
    "Imported", "import_file", "import_text", "read_clauses", "read_count", "read_table_row",
    "rows_from_cells",
]

#: Closing formulas the composer writes by itself: 特此报告。, 以上发言，不妥之处，请批评指正。
CLOSING = re.compile(r"^(?:特此(?:报告|汇报|通报|函告|请示|说明)|以上.{0,20}请批评指正|妥否，请批示)[。！]?$")
#: A figure cell of a table: 1326, 近300, 1200—1500, 94.7%.
_FIGURE_CELL = re.compile(r"^(?:近|约)?\d[\d.,万余多—－～~至]*%?$")
#: A clause ending in a figure and a word that is not a known measure: 巡查林区14坨.
LOOSE = re.compile(r"(?<![\d.,第])\d+(?:\.\d+)?[万亿]?(?P<unit>[\u4e00-\u9fff])$")
#: Words after a figure that make it a date, a time, an ordinal or a ratio rather than a count.
_NOT_MEASURES = frozenset("年月日时分秒号期届季周轮级倍成岁代")


@dataclass
class Imported:
    """What was read: draft facts, headed sections, and the lines nothing was made of.

    ``source`` is "facts" when the facts came from a huibao .docx's own facts item (then
    ``unplaced`` lists paragraphs changed after it was written), "text" when read from text.
    """

    facts: dict[str, Any]
    sections: list[dict[str, str]] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    source: str = "text"

    def as_dict(self) -> dict[str, Any]:
        return {
            "facts": self.facts, "sections": self.sections, "unplaced": self.unplaced, "source": self.source
        }


def read_table_row(cells: list[str]) -> tuple[dict[str, Any] | None, bool]:
    """Return a 情况快报 row (项目, 数量, 单位[, 备注]) as a count, and whether it is a breakdown
    row (其中…, or indented); (None, False) for a row that holds no count (a header)."""
    label = cells[0]
    breakdown = label.startswith(("其中", "\u3000", " "))
    label = re.sub(r"^(其中[：:])?[\u3000 ]*", "", label).strip()
    measure = cells[2].strip() if len(cells) > 2 else ""
    number = cells[1].strip() if len(cells) > 1 else ""
    if number.endswith("%") and not measure:
        number, measure = number[:-1], "%"
    figure = read_figure(number, measure)
    if not label or figure is None:
        return None, False
    count: dict[str, Any] = {"label": label, **figure}
    if len(cells) > 3 and cells[3].strip():
        count["note"] = cells[3].strip()
    return count, breakdown


@dataclass
class _Table:
    """A table being read: its rows so far, whether a row was indented, and the sum of the parts
    of the last total while its breakdown is open (None when it is not)."""

    rows: int = 0
    indented: bool = False
    parts: Decimal | None = None


def _add_row(cells: list[str], counts: list[dict[str, Any]], table: _Table) -> bool:
    """Add a table row's count to ``counts``, a part of the last total when it says 其中 or is
    indented; return False for a row that holds no count (unless it is the header).

    When no row is indented (a .docx's text loses indentation), a row after a part is one more
    part while the parts still fall short of the total: 养老机构 38 | 其中：公办 21 | 民办 17.
    """
    count, breakdown = read_table_row(cells)
    first, table.rows = table.rows == 0, table.rows + 1
    table.indented = table.indented or cells[0].startswith(("\u3000", " "))
    if count is None or not counts:
        table.parts = None
        if count is not None:
            counts.append(count)
        return count is not None or first
    total = counts[-1]
    value = Decimal(str(count["value"]))
    if not breakdown and table.parts is not None and not table.indented:
        whole = Decimal(str(total["value"]))
        breakdown = count.get("measure") == total.get("measure") and table.parts < whole
        breakdown = breakdown and table.parts + value <= whole
    if breakdown:
        total.setdefault("breakdown", []).append(count)
        table.parts = (table.parts or Decimal(0)) + value
    else:
        counts.append(count)
        table.parts = None
    return True


def _cell_row(lines: list[str], i: int) -> bool:
    """Return True when the line at ``i`` opens a table row read one cell per line: a short label,
    a figure, then a measure or an empty cell."""
    if i + 2 >= len(lines):
        return False
    label, figure = lines[i].strip(), lines[i + 1].strip()
    return (0 < len(label) <= 40 and not SEPARATORS.search(label) and not _FIGURE_CELL.match(label)
            and bool(_FIGURE_CELL.match(figure)) and lines[i + 2].strip() in ("", *MEASURES))


def rows_from_cells(lines: list[str]) -> list[str]:
    """Return ``lines`` with every table written one cell per line (as a .docx's text gives it)
    joined into tab-separated rows, its header row too; other lines are returned as they are.

    A table is a run of rows of the same width (3 to 6 cells), each a label, a figure and a
    measure; the width is the distance between two rows, and the header is as many short cells
    without digits just before the first row.
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not (_cell_row(lines, i) and lines[i + 2].strip() in MEASURES):
            out.append(lines[i])
            i += 1
            continue
        width = next((w for w in range(3, 7) if _cell_row(lines, i + w)), 3)
        header = out[-width:]
        if len(header) == width and all(0 < len(c.strip()) <= 8 and not re.search(r"\d", c) for c in header):
            out[-width:] = ["\t".join(c.strip() for c in header)]
        while i < len(lines) and _next_row(lines, i, width):
            out.append("\t".join(lines[i:i + width]))
            i += width
    return out


def _next_row(lines: list[str], i: int, width: int) -> bool:
    """Return True when the ``width`` lines at ``i`` continue a table: a short label and a figure
    (the last cells may be missing at the end) or a known measure (待核实 | 处)."""
    row = [cell.strip() for cell in lines[i:i + width]]
    if len(row) < 2 or not 0 < len(row[0]) <= 40 or SEPARATORS.search(row[0]):
        return False
    return bool(_FIGURE_CELL.match(row[1])) or (len(row) > 2 and row[2] in MEASURES)


def _loose(paragraph: str) -> bool:
    """Return True when a clause of ``paragraph`` ends in a figure and a word that is not a known
    measure, a date or an ordinal (巡查林区14坨): a count the import could not read."""
    for clause in re.split(r"[。；！？，,、]", paragraph):
        match = LOOSE.search(clause.strip())
        if match and match["unit"] not in _NOT_MEASURES and read_count(clause) is None:
            return True
    return False


def import_text(text: str, kind: str = "situation_report") -> Imported:
    """Return draft facts read from a report's plain text (empty facts for empty text).

    Raises PayloadTooLarge past ``HUIBAO_MAX_TEXT_KCHARS`` thousand characters.
    """
    from huibao.bodies import max_text_chars
    from huibao.errors import PayloadTooLarge

    if len(text) > max_text_chars():
        raise PayloadTooLarge(f"文本过长，上限为 {max_text_chars()} 个字符")
    lines = rows_from_cells([line.rstrip() for line in text.replace("\r\n", "\n").split("\n")])
    lines = [line for line in lines if line.strip() and not RULE.match(line.strip())]
    facts: dict[str, Any] = {"kind": kind}
    result = Imported(facts)
    if not lines:
        return result
    counts: list[dict[str, Any]] = []
    field = count_field(kind)  # None: the kind holds no counts, so their lines stay unplaced
    section: dict[str, str] | None = None
    texts: list[list[str]] = []  # each section's paragraphs, joined at the end
    table: _Table | None = None
    body, unread = read_envelope(lines, facts)
    result.unplaced.extend(unread)
    read_opening(body, facts)
    for line in body:
        stripped = line.strip("\u3000 ")
        if "\t" in line:
            table = table or _Table()
            if not _add_row(line.split("\t"), counts, table) or field is None:
                result.unplaced.append(line.strip())
            continue
        table = None
        if CLOSING.match(stripped):
            continue
        if HEADING.match(stripped) and len(stripped) <= 40 and not stripped.endswith("。"):
            section = {"heading": HEADING.sub("", stripped).strip(), "text": ""}
            result.sections.append(section)
            texts.append([])
            continue
        found = [c for sentence in SEPARATORS.split(stripped) for c in read_clauses(sentence)]
        counts.extend(found)
        if section is not None:
            texts[-1].append(stripped)
        if (section is None and not found) or _loose(stripped) or (found and field is None):
            result.unplaced.append(stripped)
    for section, paragraphs in zip(result.sections, texts, strict=True):
        section["text"] = "".join(paragraphs).strip()
    if counts and field is not None:
        if field == "counts" and "rates" in _fields(kind) and (rates := read_rates(counts)):
            facts["rates"] = rates
        facts[field] = counts
    return result


def _fields(kind: str) -> dict[str, Any]:
    """Return the fields of ``kind``'s facts by name (raises UnknownKind for an unknown kind)."""
    from huibao.compose.kinds import get_kind

    return dict(get_kind(kind).model.model_fields)


def count_field(kind: str) -> str | None:
    """Return the field of ``kind`` that holds its counts: ``counts``, else its one list of counts
    (a 督查通报's ``scope``); None for a kind that holds none (整改情况报告).

    Raises UnknownKind for a kind huibao does not have.
    """
    from huibao.compose.facts import Count

    fields = _fields(kind)
    if "counts" in fields:
        return "counts"
    return next((name for name, f in fields.items() if f.annotation == list[Count]), None)


def import_file(data: bytes, kind: str = "situation_report") -> Imported:
    """Return draft facts read from a .docx or a text file's bytes: the facts a huibao .docx
    carries when it has them (``kind`` is then theirs), else what the text yields."""
    from huibao.convert.converter import document_text
    from huibao.embedded import changed_paragraphs, read_facts
    from huibao.uploads import decode_text, is_docx_bytes, open_docx

    if not is_docx_bytes(data):
        return import_text(decode_text(data), kind)
    document = open_docx(data)
    embedded = read_facts(data)
    if embedded is not None:
        return Imported(embedded, unplaced=changed_paragraphs(document, embedded), source="facts")
    return import_text(document_text(document), kind)
