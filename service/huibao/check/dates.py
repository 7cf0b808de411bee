"""Dates: OCR-broken ones (``1 21 日`` with 月 lost, ``2020129日``, ``124日``,
``2020 1 28 18:00``) and blank ones left to fill in (``2026年　月　日``, ``____年__月__日``,
``2026年○月○日``, ``　月　日``, ``5月__日``).

Digits are ASCII or full-width (not every script's ``\\d``). A digit run is matched from its
first digit only (the lookbehinds exclude both kinds of digit) and taken whole (possessive):
``\\d{3,}`` retried from every digit of a run of 30 000 ``１`` was quadratic. Likewise a blank
run (spaces, underscores, ○) opens a blank date only at its first character.
"""

from __future__ import annotations

from huibao.check.charsets import DIGIT, guarded
from huibao.check.lazy import Detector, detector

_D = DIGIT
_NOT_AFTER_DIGIT = "0-9０-９"
_DIGITS = "0123456789０１２３４５６７８９"

BROKEN_DATE = (
    rf"(?=[0-9０-９])(?:(?<![{_NOT_AFTER_DIGIT}年月.]){_D}{{1,2}}+\s++{_D}{{1,2}}+\s*+[日号]"
    rf"|(?<![{_NOT_AFTER_DIGIT}.]){_D}{{3,}}+\s*+日"
    rf"|(?<![{_NOT_AFTER_DIGIT}])20{_D}{_D}\s++{_D}{{1,2}}+\s++{_D}{{1,2}}+(?:\s++{_D}{{1,2}}+:{_D}{{2}})?"
    rf"|(?<![{_NOT_AFTER_DIGIT}:.]){_D}{{3,4}}+\s*+[时時](?![间間]))"
)

# Blank dates. A blank is a run of spaces (ASCII, full-width, no-break), underscores or the
# circles and boxes of a form (○ in a month or day is never a numeral: there is no month 0).
_BLANK_CHARS = " \\t\\u3000\\u00a0_＿○〇◯□"
_BL = f"[{_BLANK_CHARS}]++"
_SP = "[ \\t\\u3000\\u00a0]*+"
_CN_DIGITS = "〇○零一二三四五六七八九"
# A blank run opens a date only at its first character and never right after a number (the
# spaces of ``2026 年 5 月 18 日`` are spacing, not blanks).
_BLANK_AFTER = _BLANK_CHARS + "0-9０-９" + _CN_DIGITS + "十"
_NUM = "(?:[0-9０-９]{1,2}+|[一二三四五六七八九十]{1,3}+)"  # a filled month or day
_DAY = "[日号號]"
# After 年: a blank month (the day blank, filled or absent), or a filled month and a blank day.
_AFTER_YEAR = (
    f"(?:{_BL}[月](?:{_BL}{_DAY}|{_SP}{_NUM}{_SP}{_DAY}|(?![度]))"
    f"|{_SP}{_NUM}{_SP}[月]{_BL}{_DAY})"
)
BLANK_DATE = guarded(
    _DIGITS + _CN_DIGITS + "十" + _BLANK_CHARS,
    # with a year: digits, Chinese numerals or a blank run, each from its first character
    f"(?:(?<![0-9０-９]){_D}{{4}}+|(?<![{_CN_DIGITS}十])[{_CN_DIGITS}]{{4}}+"
    f"|(?<![{_BLANK_AFTER}]){_BL}){_SP}年{_AFTER_YEAR}"
    # without one: a blank month and any day, or a filled month and a blank day
    f"|(?<![{_BLANK_AFTER}]){_BL}[月](?:{_BL}|{_SP}{_NUM}{_SP}){_DAY}"
    f"|(?<![0-9０-９{_CN_DIGITS}十]){_NUM}{_SP}[月]{_BL}{_DAY}",
)


def detectors() -> list[Detector]:
    """Return the broken-date and blank-date detectors (compiled on first use)."""
    return _DETECTORS


_BLANKS = " \t\u3000\u00a0_＿○〇◯□"
_DETECTORS = [
    detector("broken_date", BROKEN_DATE, _DIGITS),
    # every blank date has a blank right before or right after its 月
    detector("blank_date", BLANK_DATE, [*(b + "月" for b in _BLANKS), *("月" + b for b in _BLANKS)]),
]
