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
from huibao.check.lazy import Detector


def detectors() -> list[Detector]:
    """Return every single-regex detector, in the order they run (the order decides between
    equal overlapping hits of one rank). Nothing is compiled here."""
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
    """Return every regex the checker runs over user text, by a unique name (compiles all)."""
    out: dict[str, re.Pattern[str]] = {}
    for i, d in enumerate(detectors()):
        out[f"{d.kind}[{i}]"] = d.pattern.compiled()
    sets = script_sets()
    out.update(
        {
            "numbering": numbering.NUMBERING.compiled(),
            "title_line": numbering.TITLE_LINE.compiled(),
            "quote": punctuation.QUOTE.compiled(),
            "doubled_word": words.DOUBLED.compiled(),
            "doubled_word_ok": words.DOUBLED_OK.compiled(),
            "fragment": words.FRAGMENT.compiled(),
            "fragment_ok": words.FRAGMENT_OK.compiled(),
            "trad_trigger": mojibake.TRAD_TRIGGER.compiled(),
            "slot_trigger": mojibake.SLOT_TRIGGER.compiled(),
            "rare_run": mojibake.rare_run(),
            "surname_yu": traditional.surname_yu(),
            "piece_boundary": traditional.BOUNDARY.compiled(),
            "trad_only": sets.trad_only,
            "simp_only": sets.simp_only,
            "url": protected.URL.compiled(),
            "md_line": protected.MD_LINE.compiled(),
            "md_bold_strict": protected.MD_BOLD_STRICT.compiled(),
            "md_emph": protected.MD_EMPH.compiled(),
            "md_table": protected.MD_TABLE.compiled(),
            "md_link": protected.MD_LINK.compiled(),
        }
    )
    return out
