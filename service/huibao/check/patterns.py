"""Every regex of the checker in one registry: the single-regex detectors in the order they
run, and every regex by name (for the linear-growth tests and benchmarks)."""

from __future__ import annotations

import re

from huibao.check import (
    dates,
    junk,
    mojibake,
    numbering,
    numbers,
    placeholders,
    protected,
    punctuation,
    traditional,
    words,
)
from huibao.check.charsets import script_sets

Detectors = list[tuple[str, re.Pattern[str]]]


def detectors() -> Detectors:
    """Return (kind, pattern) of every single-regex detector, in the order they run (the order
    decides between equal overlapping hits of one rank)."""
    return [
        *placeholders.detectors(),
        *numbers.detectors(),
        *dates.detectors(),
        *junk.detectors(),
        *punctuation.detectors(),
        *words.detectors(),
        *mojibake.detectors(),
    ]


def every_regex() -> dict[str, re.Pattern[str]]:
    """Return every regex the checker runs over user text, by a unique name."""
    out: dict[str, re.Pattern[str]] = {}
    for i, (kind, pattern) in enumerate(detectors()):
        out[f"{kind}[{i}]"] = pattern
    sets = script_sets()
    out.update(
        {
            "numbering": numbering.NUMBERING,
            "title_line": numbering.TITLE_LINE,
            "quote": punctuation.QUOTE,
            "doubled_word": words.DOUBLED,
            "doubled_word_ok": words.DOUBLED_OK,
            "fragment": words.FRAGMENT,
            "fragment_ok": words.FRAGMENT_OK,
            "trad_trigger": mojibake.TRAD_TRIGGER,
            "slot_trigger": mojibake.SLOT_TRIGGER,
            "rare_run": mojibake.rare_run(),
            "surname_yu": traditional.surname_yu(),
            "piece_boundary": traditional.BOUNDARY,
            "trad_only": sets.trad_only,
            "simp_only": sets.simp_only,
            "url": protected.URL,
            "md_line": protected.MD_LINE,
            "md_bold_strict": protected.MD_BOLD_STRICT,
            "md_emph": protected.MD_EMPH,
            "md_table": protected.MD_TABLE,
            "md_link": protected.MD_LINK,
        }
    )
    return out
