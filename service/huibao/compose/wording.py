"""Sentence-level phrasing shared by every kind: clauses, lists, punctuation cleanup.

These functions are exposed to the Jinja2 wording templates as filters and globals. They only
rearrange what the facts say; they never add a figure or a name that is not in the facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from huibao.compose.facts import Item, Measure
from huibao.compose.numbers import chinese_numeral

CJK = r"\u3400-\u9fff\uf900-\ufaff"
CJK_PUNCT = "，。；：、！？“”‘’（）《》〈〉【】…—"
TRAILING = "，。；：、,.;:!！?？ \t"
_END = "。！？…”’）》"

_ASCII_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
_CJK_OR_FULL = f"[{CJK}{CJK_PUNCT}]"
# Every pattern is linear: a match can start only at the first character of a run (a lookbehind
# refuses the middle of one) and quantifiers are possessive, so no run is rescanned per position.
_ASCII_AFTER_CJK = re.compile(rf"(?<={_CJK_OR_FULL})\s*+([,;:?!])\s*+")
_ASCII_BEFORE_CJK = re.compile(rf"(?<!\s)\s*+([,;:?!])\s*+(?=[{CJK}])")
_PERIOD_AFTER_CJK = re.compile(rf"(?<=[{CJK}])\.(?![\w.])")
_PARENS = re.compile(r"\(([^()]*+)\)")
_HAS_CJK = re.compile(rf"[{CJK}]")
_DOUBLED = re.compile(r"([。，；：、！？])\1++")
_PAUSE_BEFORE_STOP = re.compile(r"(?<![，；：、])[，；：、]++(?=[。！？])")
_STOP_BEFORE_PAUSE = re.compile(r"(?<=[。！？])[，；：、]++")
_SPACES_IN_CJK = re.compile(rf"(?<=[{CJK}{CJK_PUNCT}])[ \t]++(?=[{CJK}{CJK_PUNCT}])")


def clean(text: str) -> str:
    """Return ``text`` with full-width punctuation in Chinese context and no doubled marks.

    ASCII , ; : ? ! . and () next to Chinese characters become ，；：？！。（）; runs such as
    。。 or ；。 collapse to one mark. Text without Chinese context (``{{ 7*7 }}``, ``&<w:p>``,
    N95, 98.4%) is left as it is. An empty string stays empty.
    """
    if not text:
        return text
    text = _PARENS.sub(lambda m: f"（{m.group(1)}）" if _HAS_CJK.search(m.group(1)) else m.group(0), text)
    text = _ASCII_AFTER_CJK.sub(lambda m: _ASCII_TO_FULL[m.group(1)], text)
    text = _ASCII_BEFORE_CJK.sub(lambda m: _ASCII_TO_FULL[m.group(1)], text)
    text = _PERIOD_AFTER_CJK.sub("。", text)
    text = _SPACES_IN_CJK.sub("", text)
    text = _DOUBLED.sub(r"\1", text)
    text = _PAUSE_BEFORE_STOP.sub("", text)
    text = _STOP_BEFORE_PAUSE.sub("", text)
    return text


def clause(text: str | None) -> str:
    """Return ``text`` without trailing punctuation, ready for the template to punctuate.

    None or blank gives "".
    """
    return (text or "").strip().rstrip(TRAILING).strip()


def sentence(text: str | None) -> str:
    """Return ``text`` ending in a sentence mark (adds 。 unless it already ends in one).

    None or blank gives "" so an absent fact adds nothing.
    """
    body = (text or "").strip()
    if not body:
        return ""
    if body.endswith(tuple(_END)) and not body.endswith(("”", "’", "）", "》")):
        return body
    return clause(body) + "。" if body[-1] in TRAILING else body + "。"


#: Topics that already name an undertaking take no 工作: …专项行动, …活动, …攻坚战.
_UNDERTAKINGS = (
    "工作", "行动", "活动", "整治", "攻坚", "攻坚战", "会战", "工程", "项目", "运动", "试点", "演练",
)


def with_work(topic: str) -> str:
    """Return the topic followed by 工作 unless it already names an undertaking: 疫情防控 →
    疫情防控工作; 清欠专项行动 and 防疫工作 stay as they are."""
    topic = clause(topic)
    return topic if topic.endswith(_UNDERTAKINGS) else topic + "工作"


def lead_in(background: str | None) -> str:
    """Return a background opening with its mark: a 为… purpose clause leads into the main clause
    (为…，), anything else is a sentence of its own (…。); "" when there is none."""
    text = clause(background)
    if not text:
        return ""
    return f"{text}，" if text.startswith("为") else f"{text}。"


def enumerate_inline(items: Iterable[Item | str], marker: str = "是") -> str:
    """Return an inline enumeration ``一是…；二是…；三是…。`` (past 十: 十一是).

    A single item is returned as a plain sentence (一是 alone reads wrong). Items with a heading
    read ``一是加强组织领导。正文``; when any item holds a full sentence the items are separated
    by 。 instead of ；. Returns "" for an empty list.
    """
    texts: list[str] = []
    for item in items:
        if isinstance(item, str):
            texts.append(clause(item))
        elif item.heading and item.text:
            texts.append(f"{clause(item.heading)}。{clause(item.text)}")
        else:
            texts.append(clause(item.heading or item.text))
    texts = [t for t in texts if t]
    if not texts:
        return ""
    if len(texts) == 1:
        return sentence(texts[0])
    numbered = [f"{chinese_numeral(i)}{marker}{t}" for i, t in enumerate(texts, start=1)]
    if any("。" in t for t in texts):
        return "。".join(numbered) + "。"
    return "；".join(numbered) + "。"


def measure_heading(m: Measure) -> str:
    """Return the heading of a measure: its paired phrases joined by ，, else its heading, else ""."""
    if m.phrases:
        return "，".join(clause(p) for p in m.phrases)
    return clause(m.heading)
