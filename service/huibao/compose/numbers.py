"""Numbers as formal Chinese writes them (GB/T 15835): the one place for numerals and figures.

Counts use Arabic numerals without leading zeros; heading labels and inline enumerations use
Chinese numerals (一、 十一、 二十是). Nothing here rounds a counted figure: a value is shown
exactly as given, only rescaled to 万 when asked; a percentage is rounded half up.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from huibao.compose.facts import Count

_DIGITS = "零一二三四五六七八九"
_DIGIT_VALUES = {c: i for i, c in enumerate(_DIGITS)} | {"〇": 0, "两": 2}
_UNIT_VALUES = {"十": 10, "百": 100, "千": 1000}


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


def parse_chinese_numeral(text: str) -> int | None:
    """Return the value of a Chinese numeral below 10000 (十二 → 12, 一百零五 → 105) or of ASCII
    digits; None when ``text`` is not one."""
    if text.isascii() and text.isdigit():
        return int(text)
    if not text:
        return None
    total = 0
    digit: int | None = None
    for ch in text:
        if ch in "零〇" and total and digit is None:
            continue  # 一百零五: the 零 only marks the empty tens
        if ch in _DIGIT_VALUES:
            if digit is not None:
                return None  # two digits in a row: 一二 is not a numeral
            digit = _DIGIT_VALUES[ch]
        elif ch in _UNIT_VALUES:
            total += (1 if digit is None else digit) * _UNIT_VALUES[ch]
            digit = None
        else:
            return None
    return total + (digit or 0) if total or digit else None


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


def _scaled(c: Count) -> tuple[str, str]:
    if c.scale:
        return scale_wan(c.value, c.measure)
    return format_decimal(c.value), c.measure


def figure(c: Count) -> str:
    """Return the figure of a count in running text with its measure and approximation:
    90余条, 近60个, 1260人左右."""
    number, measure = _scaled(c)
    if c.approx in ("近", "约"):
        return f"{c.approx}{number}{measure}"
    if c.approx in ("余", "多"):
        return f"{number}{c.approx}{measure}"
    if c.approx in ("左右", "以上"):
        return f"{number}{measure}{c.approx}"
    return f"{number}{measure}"


def table_figure(c: Count) -> tuple[str, str]:
    """Return (number, measure) of a count for a table's 数量 and 单位 cells: ("1530余", "条")."""
    number, measure = _scaled(c)
    if c.approx in ("近", "约"):
        number = f"{c.approx}{number}"
    elif c.approx:
        number = f"{number}{c.approx}"
    return number, measure


#: Enough digits for any quotient of two amounts (16 integer and 10 decimal digits each) in per
#: cent with 4 decimals; the default context (28 digits) raised InvalidOperation on 1e16 / 1e-10.
_PERCENT_CONTEXT = Context(prec=64, rounding=ROUND_HALF_UP)


def percent(numerator: Decimal, denominator: Decimal, digits: int) -> str:
    """Return numerator/denominator as a percentage string with ``digits`` decimals: 98.4.

    Exact for any amounts the facts accept; the denominator must not be zero.
    """
    with localcontext(_PERCENT_CONTEXT):
        value = numerator / denominator * 100
        quantum = Decimal(1).scaleb(-digits)
        return format_decimal(value.quantize(quantum))
