"""The finding kinds: one record per kind (id, severity, label, message, suggestion, rank).

A kind's ``message`` and ``suggestion`` are templates filled by :func:`describe` with the
matched text; a detector that knows more (numbering, quotes, conversions) writes its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Severity = Literal["error", "warning", "info"]
ERROR: Final = "error"
WARNING: Final = "warning"
INFO: Final = "info"

_DEFAULT_MESSAGE = "{label}：「{text}」"


@dataclass(frozen=True, slots=True)
class FindingKind:
    """One kind of finding.

    ``label`` heads every message; ``message``/``suggestion`` are ``str.format`` templates over
    ``label``, ``text`` (the matched text), ``stripped``, ``trimmed`` (trailing punctuation
    removed), ``half`` (first half) and ``fullwidth`` (the full-width form of ASCII punctuation).
    When two findings overlap, the one of lower ``rank`` wins.
    """

    id: str
    severity: Severity
    label: str
    rank: int
    suggestion: str = "请核对"
    message: str = _DEFAULT_MESSAGE


_TABLE: tuple[FindingKind, ...] = (
    FindingKind("letter_slot", ERROR, "字母占位符未填写", 3, "将字母占位符替换为实际的数字、日期或名称"),
    FindingKind("symbol_slot", ERROR, "符号占位符未填写", 3, "在此处填入实际内容，并删除占位符号"),
    FindingKind(
        "bracket_slot", ERROR, "方括号占位符未填写", 3, "将“【】”连同其中的提示替换为实际内容",
    ),
    FindingKind(
        "prompt_slot", ERROR, "模板提示文字未替换", 3, "删除这段提示文字，在此处填写实际内容",
    ),
    FindingKind(
        "blank_date", ERROR, "日期未填写", 3, "填写完整的年、月、日，如“2026年7月12日”",
        "{label}：「{text}」中的年、月或日是空白",
    ),
    FindingKind("anonymised_name", ERROR, "名称被匿名化", 3, "填写真实的单位、地点或人员名称"),
    FindingKind(
        "stripped_number", ERROR, "数字缺失", 5, "补全具体数字（数量、日期或文号）",
        "{label}：「{text}」前后缺少具体数字",
    ),
    FindingKind(
        "empty_label", ERROR, "栏目内容为空", 2, "填写该栏内容，或删除该栏",
        "{label}：「{trimmed}」后没有内容",
    ),
    FindingKind("scraper_junk", ERROR, "网页抓取残留", 1, "删除网页模板文字和广告语"),
    FindingKind("mojibake", ERROR, "乱码", 0, "按原文重新录入该处文字（可能是编码错误造成）"),
    FindingKind(
        "broken_date", WARNING, "日期残缺", 4, "按“2020年1月21日”的格式补全日期",
        "{label}：「{text}」缺少“年”“月”等字",
    ),
    FindingKind("unbalanced_quote", WARNING, "引号或括号不成对", 8),
    FindingKind("numbering_gap", WARNING, "序号跳号", 6),
    FindingKind("numbering_restart", WARNING, "序号重新开始", 6),
    FindingKind("mixed_numbering", WARNING, "序号格式不统一", 6),
    FindingKind("doubled_word", WARNING, "词语重复", 8, "删除重复的“{half}”"),
    FindingKind("doubled_punctuation", WARNING, "标点重复", 7, "只保留一个恰当的标点"),
    FindingKind(
        "fragment_line", WARNING, "残句成行", 9, "与上下文合并或删除", "{label}：「{text}」单独成行"
    ),
    FindingKind("incomplete_conversion", WARNING, "繁体转换不完整", 8),
    FindingKind(
        "ascii_punctuation", INFO, "中文中使用半角标点", 10, "改为全角“{fullwidth}”",
        "{label}：「{stripped}」",
    ),
    FindingKind(
        "wording", INFO, "用词不规范", 9, "改为“截至”", "表示时间节点应写“截至”，不写“截止”"
    ),
)

#: kind id -> its record.
KINDS: dict[str, FindingKind] = {k.id: k for k in _TABLE}

_FULLWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}


def describe(kind: str, text: str) -> tuple[str, str]:
    """Return the Chinese (message, suggestion) of a finding of ``kind`` on ``text``."""
    record = KINDS[kind]
    stripped = text.strip()
    fields = {
        "label": record.label,
        "text": text,
        "stripped": stripped,
        "trimmed": text.rstrip("。.，,；;"),
        "half": text[: len(text) // 2],
        "fullwidth": _FULLWIDTH.get(stripped, text),
    }
    return record.message.format_map(fields), record.suggestion.format_map(fields)
