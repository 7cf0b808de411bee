"""Dates and times as formal Chinese writes them: 2020年1月28日18时, 2020年1月24日至2月10日."""

from __future__ import annotations

import datetime as dt


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


def year_to_date(start: dt.date, end: dt.date, reference: dt.date | None) -> str | None:
    """Return how a period opening on 1 January is named in an opening: 今年以来 when it is the
    year of ``reference`` (the signing or as-of date), 2025年 for a whole past year; None for any
    other period (which is then written as a range)."""
    if (start.month, start.day) != (1, 1) or end.year != start.year:
        return None
    if reference is not None and reference.year == start.year:
        return "今年以来"
    if (end.month, end.day) == (12, 31):
        return f"{start.year}年"
    return None
