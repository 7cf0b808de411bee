"""Unfilled slots: letter slots (``XX``, ``20xx年``), symbol slots (``__``, ``×××``, ``??``),
bracket slots (``【单位名称】``, ``【】``), the prompts of Word's empty content controls
(``单击或点击此处输入文字。``) and anonymised names (``某某``, ``--社区``).

Linear by construction: a run (of ``_``, ``×``, ``某``, dashes) is matched from its first
character only, taken whole (possessive or greedy with nothing after it), and every other
repetition is bounded.
"""

from __future__ import annotations

from huibao.check.charsets import alternation, char_class, guarded
from huibao.check.lazy import Detector, chars, detector, once

_SYMBOL_FIRSTS = "_＿×＊□■〇○*?？"
_ANONYMISED_FIRSTS = "某\\-—－"
#: Words that say what belongs in a bracket: 【单位名称】, 【填写日期】, 【此处写明事项】.
_BRACKET_WORDS = [
    "名称", "名字", "姓名", "单位", "部门", "机关", "日期", "时间", "年份", "月份", "数字", "数量",
    "数额", "金额", "人数", "地点", "地址", "内容", "事项", "标题", "题目", "职务", "电话", "号码",
    "填写", "填入", "输入", "此处", "这里", "待定", "待补", "待填", "请", "具体", "某", "XX", "xx",
    "×",
]  # fmt: skip
#: The prompts Word shows in an empty content control of a template (zh-CN, zh-TW, English):
#: left in a draft, they stand where the content belongs.
_WORD_PROMPTS = [
    "单击或点击此处输入文字", "单击此处输入文字", "点击此处输入文字", "单击或点击此处输入日期",
    "单击或点击以输入日期", "单击此处输入日期", "按一下或點選這裡以輸入文字", "按一下這裡以輸入文字",
    "按一下或點選以輸入日期", "按一下這裡以輸入日期", "Click or tap here to enter text",
    "Click here to enter text", "Click or tap to enter a date", "Click here to enter a date",
]  # fmt: skip
#: What a bracket slot may hold besides words: blanks, underscores, slot symbols.
_BRACKET_BLANKS = "[ \\t\\u3000\\u00a0_＿×＊□○〇…·.。]"


def detectors() -> list[Detector]:
    """Return every slot and anonymised-name detector (built once, compiled on first use)."""
    return once("placeholders", _build)


def bracket_source() -> str:
    """Return the pattern of a bracket slot: 【】 empty or blank, a bracket naming what belongs
    there (【单位名称】) anywhere, and any other 【…】 inside a line (a 【…】 opening a line is
    a column head, 【2026】 a year written with the wrong brackets in a 发文字号).

    The bracket must close within 40 characters on its line (checked once, by the first
    lookahead), so every scan after it is bounded: linear.
    """
    inner = "[^【】\\n]"
    return (
        "【(?=" + inner + "{0,40}+】)(?:"
        + _BRACKET_BLANKS + "*+】"
        + "|(?=" + inner + "*?(?:" + alternation(_BRACKET_WORDS) + "))" + inner + "*+】"
        + "|(?<=\\S【)(?![0-9０-９]{1,4}+】)" + inner + "++】"
        + ")"
    )


def _build() -> list[Detector]:
    letter = detector(
        "letter_slot",
        # x/xx/X/XX not inside a Latin word or identifier; x.x万人; 20xx年.
        guarded(
            "xX",
            r"(?<![A-Za-z0-9'@./\\-])[xX]{1,4}(?:\.[xX]{1,4})?(?![A-Za-z0-9'@_-])(?![光射线綫線])"
            r"|(?<=\d\d)[xX]{2}(?=年)",
        ),
        "xX",
    )
    symbol = detector(
        "symbol_slot",
        # Underscore runs (after an identifier: only when it ends there), ×/□/○ runs, *, ??.
        # A lone × is a slot unless it multiplies: a digit or letter before or after it, with
        # at most one blank between (3×4米, 3 × 4); a × opening a line (a table cell: ×座) is a
        # slot, one alone on its line is a cell's mark (√ / ×), not a slot.
        guarded(
            _SYMBOL_FIRSTS,
            r"(?<![A-Za-z0-9_＿])[_＿]++"
            r"|(?<=[A-Za-z0-9])[_＿]++(?![A-Za-z0-9_＿])"
            r"|(?<![0-9０-９])[×＊□■〇○][×＊□■○〇]++"
            r"|(?<![0-9０-９A-Za-z])(?<![0-9０-９A-Za-z][ \t\u3000])(?:(?<=.)|(?!×[ \t\u3000]*+$))"
            r"×(?![ \t\u3000]?[0-9０-９A-Za-z])"
            r"|□|■|\*++|[?？]{2,}+",
        ),
        chars(_SYMBOL_FIRSTS),
    )
    bracket = detector("bracket_slot", bracket_source(), "【")
    prompt = detector(
        "prompt_slot", "(?:" + alternation(_WORD_PROMPTS) + ")[。.]?", ["输入", "輸入", "enter"]
    )
    anonymised = detector(
        "anonymised_name",
        guarded(
            _ANONYMISED_FIRSTS,
            "某{2,}+|某(?=[" + char_class("市县区镇乡村街社局校单公厂院部处科委办党中小学医") + "])"
            # From a run's first dash only, taken whole (possessive): else a long run of dashes
            # followed by no place name was retried from every dash at every length (quadratic).
            "|(?:(?<!-)-{2,}+|(?<!—)—{2,}+|(?<!－)－{2,}+)(?="
            + alternation(["社区", "街道", "镇", "乡", "村", "县", "省"])
            + "|[区區](?![域块塊間间])|市(?![场場民])|[局所])",
        ),
        chars(_ANONYMISED_FIRSTS),
    )
    return [letter, symbol, bracket, prompt, anonymised]
