"""OCR-broken dates: ``1 21 日`` (月 lost), ``2020129日``, ``124日``, ``2020 1 28 18:00``.

Digits are ASCII or full-width (not every script's ``\\d``). A digit run is matched from its
first digit only (the lookbehinds exclude both kinds of digit) and taken whole (possessive):
``\\d{3,}`` retried from every digit of a run of 30 000 ``１`` was quadratic.
"""

from __future__ import annotations

import re

from huibao.check.charsets import DIGIT

_D = DIGIT
_NOT_AFTER_DIGIT = "0-9０-９"

BROKEN_DATE = re.compile(
    rf"(?=[0-9０-９])(?:(?<![{_NOT_AFTER_DIGIT}年月.]){_D}{{1,2}}+\s++{_D}{{1,2}}+\s*+[日号]"
    rf"|(?<![{_NOT_AFTER_DIGIT}.]){_D}{{3,}}+\s*+日"
    rf"|(?<![{_NOT_AFTER_DIGIT}])20{_D}{_D}\s++{_D}{{1,2}}+\s++{_D}{{1,2}}+(?:\s++{_D}{{1,2}}+:{_D}{{2}})?"
    rf"|(?<![{_NOT_AFTER_DIGIT}:.]){_D}{{3,4}}+\s*+[时時](?![间間]))",
    re.MULTILINE,
)


def detectors() -> list[tuple[str, re.Pattern[str]]]:
    """Return (kind, pattern) of the broken-date detector."""
    return [("broken_date", BROKEN_DATE)]
