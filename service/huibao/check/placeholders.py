"""Unfilled slots: letter slots (``XX``, ``20xx年``), symbol slots (``__``, ``×××``, ``??``) and
anonymised names (``某某``, ``--社区``).

Linear by construction: a run (of ``_``, ``×``, ``某``, dashes) is matched from its first
character only, taken whole (possessive or greedy with nothing after it), and every other
repetition is bounded.
"""

from __future__ import annotations

import re

from huibao.check.charsets import alternation, char_class, guarded
from huibao.convert import engine

Detectors = list[tuple[str, re.Pattern[str]]]


def detectors() -> Detectors:
    """Return (kind, pattern) of every slot and anonymised-name detector (built once)."""
    return engine.once(("check", "placeholders"), _build)  # type: ignore[no-any-return]


def _build() -> Detectors:
    m = re.MULTILINE
    letter = re.compile(
        # x/xx/X/XX not inside a Latin word or identifier; x.x万人; 20xx年.
        guarded(
            "xX",
            r"(?<![A-Za-z0-9'@./\\-])[xX]{1,4}(?:\.[xX]{1,4})?(?![A-Za-z0-9'@_-])(?![光射线綫線])"
            r"|(?<=\d\d)[xX]{2}(?=年)",
        ),
        m,
    )
    symbol = re.compile(
        # Underscore runs (after an identifier: only when it ends there), ×/□/○ runs, *, ??.
        guarded(
            "_＿×＊□■〇○*?？",
            r"(?<![A-Za-z0-9_＿])[_＿]++"
            r"|(?<=[A-Za-z0-9])[_＿]++(?![A-Za-z0-9_＿])"
            r"|(?<![0-9０-９])[×＊□■〇○][×＊□■○〇]++"
            r"|(?<![0-9０-９\s])×(?![0-9０-９])"
            r"|□|■|\*++|[?？]{2,}+",
        ),
        m,
    )
    anonymised = re.compile(
        guarded(
            "某\\-—－",
            "某{2,}+|某(?=[" + char_class("市县区镇乡村街社局校单公厂院部处科委办党中小学医") + "])"
            # From a run's first dash only, taken whole (possessive): else a long run of dashes
            # followed by no place name was retried from every dash at every length (quadratic).
            "|(?:(?<!-)-{2,}+|(?<!—)—{2,}+|(?<!－)－{2,}+)(?="
            + alternation(["社区", "街道", "镇", "乡", "村", "县", "省"])
            + "|[区區](?![域块塊間间])|市(?![场場民])|[局所])",
        ),
        m,
    )
    return [("letter_slot", letter), ("symbol_slot", symbol), ("anonymised_name", anonymised)]
