"""Numbers and dates as formal Chinese writes them (GB/T 15835).

Counts and dates use Arabic numerals without leading zeros; heading labels and inline
enumerations use Chinese numerals (一、 十一、 二十是). Nothing here rounds a figure: a value is
shown exactly as given, only rescaled to 万 when asked.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """Return ``n`` (1–9999) as a Chinese numeral: 1→一, 10→十, 11→十一, 21→二十一, 105→一百零五."""
    if n <= 0 or n >= 10000:
        raise ValueError(f"chinese_numeral supports 1..9999, got {n}")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
    out: list[str] = []
    pending_zero = False
    for size, name in units:
        digit = (n // size) % 10
        if digit:
            if pending_zero and out:
                out.append("零")
            out.append(_DIGITS[digit] + name)
            pending_zero = False
        elif out:
            pending_zero = True
    return "".join(out)


def format_decimal(value: Decimal | int | float) -> str:
    """Return ``value`` in plain positional notation with no trailing zeros (1.50 → 1.5)."""
    if isinstance(value, int):
        return str(value)
    d = Decimal(str(value)) if isinstance(value, float) else value
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def scale_wan(value: Decimal | int | float, measure: str) -> tuple[str, str]:
    """Return (number, measure) with 万 scaling for values of 10,000 or more.

    12000 份 → ("1.2", "万份"); 813280 元 → ("81.328", "万元"). Exact: no digit is dropped.
    Values under 10,000 and measures already in 万/亿 are returned unchanged.
    """
    d = Decimal(str(value))
    if abs(d) < 10000 or measure.startswith(("万", "亿")):
        return format_decimal(d), measure
    return format_decimal(d / Decimal(10000)), "万" + measure


def format_date(value: dt.date) -> str:
    """Return a date as 2020年1月28日 (no leading zeros)."""
    return f"{value.year}年{value.month}月{value.day}日"


def format_moment(value: dt.date | dt.datetime) -> str:
    """Return a date, or a date with its hour (and minutes when not zero): 2020年1月28日18时."""
    if isinstance(value, dt.datetime):
        text = f"{format_date(value.date())}{value.hour}时"
        if value.minute:
            text += f"{value.minute}分"
        return text
    return format_date(value)


def format_range(start: dt.date, end: dt.date) -> str:
    """Return a period as 2020年1月24日至2月10日, or 2026年4月13日至17日 within one month.

    The end repeats the year only when it differs.
    """
    if start.year != end.year:
        return f"{format_date(start)}至{format_date(end)}"
    if start.month != end.month:
        return f"{format_date(start)}至{end.month}月{end.day}日"
    return f"{format_date(start)}至{end.day}日"


def format_month_day(value: dt.date) -> str:
    """Return 1月28日: the form a brief's lead uses when the year is obvious."""
    return f"{value.month}月{value.day}日"
