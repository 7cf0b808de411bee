"""Import recovery: every golden text → facts, share of the sample's counts recovered exactly.

A count is recovered when a count with the same label, value, measure and approximation is read
(breakdowns compared under their total's label). A label is compared as written: its subject and
label together (全县 + 纳入统计的行政村 reads as 全县纳入统计的行政村), since both compose the same
text. Goal: ≥ 90%. Each text is imported as the sample's kind. Prints per text the counts
recovered, the counts read that are no sample's (extra) and the lines listed as unplaced; then
the envelope fields recovered (title, recipient, basis, as_of, signature, signed_on, speaker, a
简报's masthead and the 公文 elements: those the sample has), the rates recovered (label,
numerator, denominator, digits, previous), and the total and the time taken.

Usage: python bench/bench_import.py [-v] [--docx]
    -v      lists every miss, extra count and unplaced line
    --docx  also renders each sample as .docx and imports Word's text of it (tables one cell per
            line, indentation lost): the same share should come back
"""

from __future__ import annotations

import json
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from huibao.reportimport import import_text

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "compose" / "golden"
SAMPLES = ROOT / "samples"


def flat(counts: list[dict[str, Any]], parent: str = "") -> set[tuple[str, str, Decimal, str, str]]:
    """Return every count as (parent label, label, value, measure, approx), labels as written."""
    out = set()
    for c in counts:
        value = Decimal(str(c["value"]))
        label = (c.get("subject") or "") + c["label"]
        out.add((parent, label, value.normalize(), c.get("measure", ""), c.get("approx") or ""))
        out |= flat(c.get("breakdown", []), label)
    return out


def expected(facts: Any, parent: str = "") -> set[tuple[str, str, Decimal, str, str]]:
    """Return every count anywhere in a sample's facts."""
    out: set[tuple[str, str, Decimal, str, str]] = set()
    if isinstance(facts, dict):
        if "label" in facts and "value" in facts and isinstance(facts["value"], int | float | str):
            out |= flat([facts], parent)
            return out
        for value in facts.values():
            out |= expected(value, parent)
    elif isinstance(facts, list):
        for item in facts:
            out |= expected(item, parent)
    return out


#: Envelope and element fields compared when the sample has them.
ENVELOPE = ("title", "recipient", "basis", "as_of", "signature", "signed_on", "speaker", "occasion", "series",
            "issue_number", "editor", "copy_number", "secrecy", "urgency", "issuer", "doc_number",
            "signers", "attachments", "notes", "cc", "printer", "printed_on", "distribution", "copies")


def written(key: str, value: Any) -> Any:
    """Return a field as the text writes it: 发文字号 parts as 南街〔2026〕12号, attachments as titles,
    a 报/送/发 block without its empty lists."""
    if key == "doc_number" and isinstance(value, dict):
        return f"{value['code']}〔{value['year']}〕{value['serial']}号"
    if key == "attachments" and isinstance(value, list):
        return [a["title"] if isinstance(a, dict) else a for a in value]
    if key == "distribution" and isinstance(value, dict):
        return {k: v for k, v in value.items() if v}
    return value


def rates(facts: Any) -> set[tuple[str, str, str, int, Decimal | None]]:
    """Return a report's rates as (label, numerator's label, denominator's label, digits,
    previous), ids resolved to the labels of the counts they name."""
    labels: dict[str, str] = {}

    def walk(counts: list[dict[str, Any]]) -> None:
        for c in counts:
            labels.setdefault(c.get("id") or c["label"], c["label"])
            walk(c.get("breakdown", []))

    walk(facts.get("counts", []))
    return {(r["label"], labels.get(r["numerator"], r["numerator"]),
             labels.get(r["denominator"], r["denominator"]), r.get("digits", 1),
             Decimal(str(r["previous"])) if r.get("previous") is not None else None)
            for r in facts.get("rates", [])}


def docx_text(facts: Any) -> str:
    """Return the text Word would give of the sample rendered as .docx (one cell per line)."""
    from huibao import core
    from huibao.convert.converter import document_text
    from huibao.uploads import open_docx

    return document_text(open_docx(core.render(facts, "docx").content))


def main() -> None:
    verbose, as_docx = "-v" in sys.argv, "--docx" in sys.argv
    total = found = extra = unplaced = from_docx = fields = fields_found = rates_total = rates_found = 0
    elapsed = 0.0
    import_text("标题")  # loads the modules import_text needs, so that only reading is timed
    for golden in sorted(GOLDEN.glob("*.txt")):
        sample = SAMPLES / f"{golden.stem}.json"
        if not sample.exists():
            continue
        facts = json.loads(sample.read_text(encoding="utf-8"))
        want = expected(facts)
        started = time.perf_counter()
        result = import_text(golden.read_text(encoding="utf-8"), facts["kind"])
        elapsed += time.perf_counter() - started
        wrong = [k for k in ENVELOPE
                 if k in facts and written(k, result.facts.get(k)) != written(k, facts[k])]
        fields += sum(1 for k in ENVELOPE if k in facts)
        fields_found += sum(1 for k in ENVELOPE if k in facts) - len(wrong)
        rates_total += len(rates(facts))
        rates_found += len(rates(facts) & rates(result.facts))
        got = expected(result.facts)  # counts wherever the kind keeps them (a 督查通报's scope)
        hit = want & got
        total += len(want)
        found += len(hit)
        extra += len(got - want)
        unplaced += len(result.unplaced)
        share = f"{len(hit)}/{len(want)}" if want else "—"
        more, loose = len(got - want), len(result.unplaced)
        line = f"{golden.stem:<34}{share:>8}   extra {more:>2}   unplaced {loose:>2}"
        if as_docx:
            docx_hit = want & expected(import_text(docx_text(facts), facts["kind"]).facts)
            from_docx += len(docx_hit)
            line += f"   as .docx text {len(docx_hit)}/{len(want)}"
        print(line)
        if verbose:
            for miss in sorted(want - got, key=str):
                print("    missed", miss)
            for other in sorted(got - want, key=str):
                print("    extra ", other)
            for text in result.unplaced:
                print("    unplaced", text[:60])
            for key in wrong:
                print("    envelope", key, repr(facts[key]), "read as", repr(result.facts.get(key)))
    share = found / max(total, 1)
    print(f"{'extra counts read':<34}{extra}; unplaced lines {unplaced}")
    print(f"{'envelope fields':<34}{fields_found}/{fields} = {fields_found / max(fields, 1):.1%}")
    print(f"{'rates from two counts':<34}{rates_found}/{rates_total}")
    if as_docx:
        print(f"{'rendered .docx, its text':<34}{from_docx}/{total} = {from_docx / max(total, 1):.1%}")
    print(f"{'all golden texts':<34}{found}/{total} = {share:.1%} (goal ≥ 90%), {elapsed * 1000:.0f} ms")


if __name__ == "__main__":
    main()
