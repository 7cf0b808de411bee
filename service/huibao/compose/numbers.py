"""Numbers as formal Chinese writes them (GB/T 15835): the one place for numerals and figures.

Counts use Arabic numerals without leading zeros; heading labels and inline enumerations use
Chinese numerals (一、 十一、 二十是). Nothing here rounds a counted figure: a value is shown
exactly as given, only rescaled to 万 when asked; a percentage is rounded half up.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from typing import Protocol

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


class Figure(Protocol):
    """What a figure is made of: a count, or one part of a compound tally (14户 + 46人)."""

    @property
    def value(self) -> Decimal: ...
    @property
    def measure(self) -> str: ...
    @property
    def approx(self) -> str | None: ...
    @property
    def scale(self) -> bool: ...


_SCALE_WORDS = (("亿", 8), ("万", 4))
_BEFORE = ("约", "近")  # 约1260人, 近300份
_AFTER_NUMBER = ("余", "多")  # 1530余条, 2.3万余人
_AFTER_MEASURE = ("左右", "以上")  # 1260人左右, 2万人以上


def split_measure(measure: str) -> tuple[str, str]:
    """Return (scale word, base measure) of a measure: 万元 → ("万", "元"); 人 → ("", "人")."""
    for word, _ in _SCALE_WORDS:
        if measure.startswith(word):
            return word, measure[len(word) :]
    return "", measure


def _power(word: str) -> int:
    return dict(_SCALE_WORDS).get(word, 0)


def scale_word_for(magnitude: Decimal) -> str:
    """Return the scale word GB/T 15835 writes a magnitude with: 亿 from 1亿, 万 from 1万, else ""."""
    for word, power in _SCALE_WORDS:
        if abs(magnitude) >= Decimal(10) ** power:
            return word
    return ""


def scaled(values: list[Decimal], measure: str, automatic: bool) -> tuple[list[str], str, str]:
    """Return (numbers, scale word, base measure) for values in ``measure``.

    Automatic scaling rewrites every value with the scale word of the largest: 12000 份 →
    (["1.2"], "万", "份"); 1.2e8 元 → (["1.2"], "亿", "元"); 12000 万元 → (["1.2"], "亿", "元").
    Exact: no digit is dropped. Without it, the values are written as given.
    """
    word, base = split_measure(measure)
    if not automatic:
        return [format_decimal(v) for v in values], word, base
    amounts = [Decimal(v).scaleb(_power(word)) for v in values]
    target = scale_word_for(max(abs(a) for a in amounts))
    return [format_decimal(a.scaleb(-_power(target))) for a in amounts], target, base


def scale_wan(value: Decimal | int | float, measure: str) -> tuple[str, str]:
    """Return (number, measure) scaled automatically: 12000 份 → ("1.2", "万份")."""
    (number,), word, base = scaled([Decimal(str(value))], measure, True)
    return number, word + base


def figure(f: Figure, upper: Decimal | None = None) -> str:
    """Return a figure as running text writes it, the approximation in its slot.

    约1260人, 近300份, 1530余条, 2.3万余人, 57.2万余元, 2万人左右, 1.2亿元; with ``upper`` a
    range: 4万—5万个, 150—200人, 15%—30%.
    """
    values = [f.value] if upper is None else [f.value, upper]
    numbers, word, base = scaled(values, f.measure, f.scale)
    before = f.approx if f.approx in _BEFORE else ""
    after = f.approx if f.approx in _AFTER_NUMBER else ""
    tail = f.approx if f.approx in _AFTER_MEASURE else ""
    if upper is not None:
        if word:
            return f"{before}{numbers[0]}{word}—{numbers[1]}{word}{base}{tail}"
        if base == "%":
            return f"{before}{numbers[0]}%—{numbers[1]}%{tail}"
        return f"{before}{numbers[0]}—{numbers[1]}{base}{tail}"
    if word:
        return f"{before}{numbers[0]}{word}{after}{base}{tail}"
    return f"{before}{numbers[0]}{after}{base}{tail}"


def table_figure(f: Figure, upper: Decimal | None = None) -> tuple[str, str]:
    """Return (number, unit) of a figure for a table's 数量 and 单位 cells.

    ("1530余", "条"), ("81.328", "万元"), ("约300", "份"); 余/多 after a scale word stays with
    the number: ("2.3万余", "人").
    """
    values = [f.value] if upper is None else [f.value, upper]
    numbers, word, base = scaled(values, f.measure, f.scale)
    before = f.approx if f.approx in _BEFORE else ""
    after = f.approx if f.approx in _AFTER_NUMBER else ""
    tail = f.approx if f.approx in _AFTER_MEASURE else ""
    number = "—".join(numbers)
    if after and word:
        return f"{before}{number}{word}{after}{tail}", base
    return f"{before}{number}{after}{tail}", word + base


def small_number(n: int, measure: str = "") -> str:
    """Return a small non-statistical number in Chinese with its measure word: 两个, 三个, 十个;
    past ten in Arabic numerals (12个). 2 before a measure word is 两; 0 and negatives in digits."""
    if 1 <= n <= 10:
        word = "两" if n == 2 and measure else chinese_numeral(n)
        return f"{word}{measure}"
    return f"{n}{measure}"


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
