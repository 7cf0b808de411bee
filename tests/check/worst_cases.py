"""Generated worst cases for the checker: long runs that made a regex or a pass retry work
from every position (blanks, digits, punctuation, slots, garbled text, mixed scripts).

Each maker takes a size ``n`` and returns a text of about ``n`` characters. Shared by the
linear-growth tests and ``bench/bench_checker.py``.
"""

from __future__ import annotations

from collections.abc import Callable


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: unit * max(1, n // len(unit))


WORST_CASES: dict[str, Callable[[int], str]] = {
    "spaces": _repeat(" "),
    "ideographic spaces": lambda n: "中" + "\u3000" * n + "中",
    "letter, spaces, letter": lambda n: "a" + " " * n + "a",
    "line breaks": _repeat("\n"),
    "blank lines with spaces": _repeat(" \n"),
    "full-width digits": _repeat("１"),
    "ascii digits": _repeat("1"),
    "digits and blanks": _repeat("1 "),
    "full-width digits and ideographic spaces": _repeat("１\u3000"),
    "bracket then blanks": lambda n: "〔〕" + " " * n + "x",
    "label then blanks": lambda n: "联系电话：" + " " * n + "x",
    "截止 then blanks": lambda n: "截止" + " " * n + "x",
    "tag then blanks": lambda n: "<a" + " " * n + "x",
    "commas": _repeat("，"),
    "stops": _repeat("。"),
    "pauses and semicolons": _repeat("、；"),
    "ascii punctuation between Chinese": _repeat("中,"),
    "opening quotes": _repeat("“"),
    "question marks": _repeat("?"),
    "question marks then a digit": lambda n: "?" * n + "1",
    "slot mojibake": _repeat("会议??h"),
    "dashes": _repeat("-"),
    "em dashes": _repeat("—"),
    "underscores": _repeat("_"),
    "identifier then underscores": lambda n: "a" + "_" * n + "b",
    "times signs": _repeat("×"),
    "letter slots": _repeat("x"),
    "letter slots and blanks": _repeat("x "),
    "某": _repeat("某"),
    "letters": _repeat("a"),
    "dotted letters": _repeat("a."),
    "letters and hyphens": _repeat("a-"),
    "at signs": _repeat("a@"),
    "www": _repeat("www."),
    "N list": lambda n: "N、" * (n // 2) + "N5",
    "markdown stars": _repeat("* "),
    "markdown table rule": lambda n: "|" + "-" * n + "x",
    "markdown emphasis": _repeat("**a"),
    "numbered headings": _repeat("1.\n"),
    "chinese headings": _repeat("一.\n"),
    "inline enumerations": _repeat("。一是"),
    "doubled words": _repeat("成立"),
    "mixed scripts": _repeat("中 , a ．１（"),
    "traditional garbled tail": lambda n: "關於會議" + "?a" * (n // 2),
    "traditional slot mojibake": _repeat("關於會議??h"),
    "traditional half converted": _repeat("關於會議干部于"),
    "traditional long line": _repeat("縣政府關于疫情防控工作的通知，"),
    "rare characters": _repeat("鍙鐨勬槸，"),
    "simplified and rare": _repeat("??h鍙鐨勬槸"),
    "junk lines": _repeat("小编XX，，\n"),
    "junk on one line": _repeat("小编XX，，"),
    "title lines": _repeat("关于工作的汇报\n"),
    "open brackets": _repeat("【"),
    "brackets never closed": _repeat("甲【单位名称"),
    "blank brackets never closed": _repeat("【　"),
    "bracket then a long line": lambda n: "甲【" + "中" * n + "】",
    "year then blanks": lambda n: "2026年" + "\u3000" * n + "x",
    "blanks then a year": lambda n: "\u3000" * n + "年",
    "blank months": _repeat("\u3000月"),
    "underscore months": _repeat("__月"),
    "circles": _repeat("○"),
    "months": _repeat("12月"),
    "years": _repeat("2026年"),
    "numbers and blanks before 月": _repeat("5 月 "),
}
