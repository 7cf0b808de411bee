"""Numbers and dates as clerks type them into the web form, read into facts.

``约1260人`` becomes value 1260, measure 人, approximation 约; ``1.26万`` becomes 12600 shown in
万; ``2026年7月12日18时`` becomes ``2026-07-12T18:00``. Each reading also returns what was
understood, so the form can show it back; an entry that cannot be read gets a message saying
what was understood and what is expected.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from huibao.compose.facts import CHINA_TIME

APPROX_BEFORE = ("约", "近")
APPROX_AFTER = ("左右", "以上", "余", "多")
NUMBER_EXPECTED = "应填数字，如 1260、1,260、约1260人、1260余人、1.26万"
DATE_EXPECTED = "应填日期，如 2026年7月12日"
MOMENT_EXPECTED = "应填日期或日期加时刻，如 2026年7月12日、7月12日18时"

_NUMBER = re.compile(
    r"(?P<before>约|近)?(?P<digits>[+-]?(?:\d+(?:\.\d*)?|\.\d+))(?P<wan>万(?!元))?"
    r"(?P<mid>余|多)?(?P<measure>[^\d.]*?)(?P<after>左右|以上|余|多)?"
)


@dataclass(frozen=True)
class Amount:
    """A number read from one entry: value (int, or a decimal string), measure, approximation."""

    value: int | str
    measure: str = ""
    approx: str = ""
    scale: bool = False

    def shown(self) -> str:
        """Return the reading for the clerk: 数量 12600，单位 人，约数 约，以“万”表示."""
        parts = [f"数量 {self.value}"]
        if self.measure:
            parts.append(f"单位 {self.measure}")
        if self.approx:
            parts.append(f"约数 {self.approx}")
        if self.scale:
            parts.append("以“万”表示")
        return "，".join(parts)


def _normal(text: str) -> str:
    """Return ``text`` in half-width form without spaces and thousands separators."""
    return re.sub(r"[\s,，]", "", unicodedata.normalize("NFKC", text))


def read_amount(text: str) -> Amount | None:
    """Return the number in ``text`` (1260, 1,260, １２６０, 1260人, 约1260, 1260余, 1.26万);
    None when it holds no readable number."""
    match = _NUMBER.fullmatch(_normal(text))
    if not match:
        return None
    digits = match["digits"]
    approx = match["before"] or match["mid"] or match["after"] or ""
    if sum(bool(match[g]) for g in ("before", "mid", "after")) > 1:
        return None
    measure = match["measure"] or ""
    if len(measure) > 20 or re.search(r"[\d约近余多]", measure):
        return None
    try:
        number = Decimal(digits)
    except InvalidOperation:
        return None
    scale = bool(match["wan"])
    if scale:
        number *= 10000
    whole = number == number.to_integral_value() and len(digits) <= 30  # longer: the facts say why
    value: int | str = int(number) if whole else format(number, "f")
    return Amount(value, measure, approx, scale)


def number_message(text: str) -> str:
    """Return the message for a number entry that could not be read."""
    return f"没能从“{text}”读出数字；{NUMBER_EXPECTED}"


def _today() -> dt.date:
    return dt.datetime.now(CHINA_TIME).date()


_DATE = re.compile(
    r"(?:(?P<y>\d{4})[年./-])?(?P<m>\d{1,2})[月./-](?P<d>\d{1,2})日?"
    r"(?:[T\s]*(?P<h>\d{1,2})(?:[时:：点](?P<mi>\d{1,2})?分?)?)?"
)


def read_moment(text: str, with_time: bool = True, year: int | None = None) -> str | None:
    """Return ``text`` as an ISO date (``2026-07-12``) or date-time (``2026-07-12T18:00``);
    "" for empty text, None when it is not a date (or has a time where none is allowed).

    A date without a year is in ``year`` (the report's 成文日期), else the current year (China time).
    """
    t = unicodedata.normalize("NFKC", text).strip()
    if not t:
        return ""
    match = _DATE.fullmatch(t)
    if not match:
        return None
    try:
        day = dt.date(int(match["y"] or year or _today().year), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
    if match["h"] is None:
        return day.isoformat()
    if not with_time:
        return None
    hour, minute = int(match["h"]), int(match["mi"] or 0)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def year_of(text: str) -> int | None:
    """Return the year a typed date names (2026年7月12日, 2026-07-12); None when it names none."""
    match = _DATE.fullmatch(unicodedata.normalize("NFKC", text).strip())
    return int(match["y"]) if match and match["y"] else None


def moment_message(text: str, with_time: bool = True) -> str:
    """Return the message for a date entry that could not be read."""
    return f"没能从“{text}”读出日期；{MOMENT_EXPECTED if with_time else DATE_EXPECTED}"


def chinese_moment(iso: str) -> str:
    """Return an ISO date or date-time in Chinese (2026年7月12日18时); other text unchanged."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2})?)?", iso.strip())
    if not match:
        return iso
    y, m, d, h, mi = match.groups()
    out = f"{int(y)}年{int(m)}月{int(d)}日"
    if h is not None:
        out += f"{int(h)}时" + (f"{int(mi)}分" if int(mi) else "")
    return out


def today_chinese() -> str:
    """Return today's date (China time) in Chinese: 2026年11月27日."""
    return chinese_moment(_today().isoformat())
