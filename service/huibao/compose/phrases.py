"""Phrases several kinds build from the envelope: default titles, time leads, teams, methods."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from huibao.compose import dates, wording
from huibao.compose.facts import Envelope


def default_title(facts: Envelope, suffix: str = "情况的汇报") -> str:
    """Return the given title, else 关于{topic}工作{suffix}."""
    return facts.title or f"关于{wording.with_work(facts.topic)}{suffix}"


#: A topic longer than this is named once, in the title; the opening then says 有关情况.
LONG_TOPIC = 15


def report_subject(facts: Envelope) -> str:
    """Return what an opening says is reported: 我局疫情防控工作情况, or 有关情况 for a long topic
    that the title already names (not repeated verbatim; a title without it keeps it here)."""
    topic = wording.with_work(facts.topic)
    named_in_title = facts.title is None or wording.clause(facts.topic) in facts.title
    return "有关情况" if len(topic) > LONG_TOPIC and named_in_title else f"{facts.self_name}{topic}情况"


def when_phrase(facts: Envelope) -> str:
    """Return the time lead of a snapshot: 截至2020年1月28日18时 / a period / 截至目前."""
    if facts.as_of is not None:
        return f"截至{dates.format_moment(facts.as_of)}"
    if facts.period is not None:
        return dates.format_range(facts.period.start, facts.period.end)
    return "截至目前"


def reference_date(facts: Envelope) -> dt.date | None:
    """Return the date a report speaks from: its as-of date, else its signing date; None if neither."""
    if facts.as_of is not None:
        return facts.as_of.date() if isinstance(facts.as_of, dt.datetime) else facts.as_of
    return facts.signed_on


def since_phrase(facts: Envelope) -> str | None:
    """Return an opening for the facts' period: 今年以来, 2025年, else the range; None without one."""
    if facts.period is None:
        return None
    start, end = facts.period.start, facts.period.end
    return dates.year_to_date(start, end, reference_date(facts)) or dates.format_range(start, end)


def campaign_phrase(facts: Envelope) -> tuple[str, bool]:
    """Return (when a piece of work ran, whether it is still running at the as-of time):
    ("于2025年12月1日至2026年1月20日", False), or ("自2025年12月1日起", True) while it runs."""
    if facts.period is None:
        return "", False
    as_of = reference_date(facts) if facts.as_of is not None else None
    if as_of is not None and as_of < facts.period.end:
        return f"自{dates.format_date(facts.period.start)}起", True
    return f"于{dates.format_range(facts.period.start, facts.period.end)}", False


def doing_when(facts: Envelope) -> str:
    """Return when something was done: a period (2026年3月2日至6日), a date, else 近日."""
    if facts.period is not None:
        return dates.format_range(facts.period.start, facts.period.end)
    if facts.as_of is not None:
        return dates.format_moment(facts.as_of)
    return "近日"


def year_of(facts: Envelope) -> str:
    """Return 2025年 when the facts' period lies within one year, else ""."""
    if facts.period is not None and facts.period.start.year == facts.period.end.year:
        return f"{facts.period.start.year}年"
    return ""


def methods_phrase(methods: Sequence[str]) -> str:
    """Return how the work was done: 明查与暗访相结合 / 听取汇报、实地察看相结合 / 座谈交流; "" if none."""
    names = [wording.clause(m) for m in methods if wording.clause(m)]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]}与{names[1]}相结合"
    return f"{'、'.join(names)}相结合"


def join_and(names: Sequence[str]) -> str:
    """Return names joined as 甲、乙和丙 (one name alone; "" for none)."""
    kept = [wording.clause(n) for n in names if wording.clause(n)]
    if len(kept) < 2:
        return "".join(kept)
    return f"{'、'.join(kept[:-1])}和{kept[-1]}"
