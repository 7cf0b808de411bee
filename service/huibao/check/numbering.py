"""Numbering: gaps (一、 then 三、), restarts (1. 2. 1. under one heading), mixed styles (1. then
2、; 一. instead of 一、) and missing numbers (、存在的问题) in headings and 一是… enumerations.

One scan over the numbered line starts and inline enumerations; a title line resets the state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from huibao.check.lazy import LazyPattern
from huibao.check.model import Hit
from huibao.compose.numbers import chinese_numeral, parse_chinese_numeral


def _cn_number(s: str) -> int:
    """Return the value of numeral ``s`` (digits or Chinese, 十二 → 12); 0 when not one."""
    if s.isdigit():
        return int(s)
    return parse_chinese_numeral(s) or 0


def _cn(n: int) -> str:
    """Return ``n`` as a Chinese numeral (0 → 〇)."""
    return chinese_numeral(n) if n > 0 else "〇"


_CN = "[一二三四五六七八九十]{1,3}"
NUMBERING = LazyPattern(
    r"^[ \t\u3000#>*\-]*+(?P<mk>"
    rf"(?P<l1>{_CN})(?P<s1>[、.．,，])(?![0-9])"
    rf"|[（(](?P<l2>{_CN})[）)]"
    r"|(?P<l3>\d{1,2})(?P<s3>[、.．](?![0-9])|[)）](?![0-9]))"
    r"|[（(](?P<l4>\d{1,2})[）)]"
    r"|(?P<bare>、)"
    r")"
    rf"|(?:^|(?<=[。；;！!？?：:\s]))(?P<inl>{_CN}|\d)(?P<inl_kind>是|要|要是)(?!否|[一-龥]?[的])",
    re.MULTILINE,
)
TITLE_LINE = LazyPattern(
    r"^[^\n。，,；;：:]{2,40}(?:篇[一二三四五六七八九十]+|材料\s*+\d++|汇报|匯報|报告|報告|总结|總結)[^\S\n]*+$",
    re.MULTILINE,
)


def numbering(text: str) -> Iterator[Hit]:
    """Yield gap/restart/mixed-style hits for heading and 一是… enumerations."""
    emitted = 0  # hits yielded so far
    last: dict[str, int] = {}
    style: dict[str, str] = {}
    inline_last = 0
    titles = [m.start() for m in TITLE_LINE.finditer(text)]
    ti = 0
    levels = ["l1", "l2", "l3", "l4"]
    for m in NUMBERING.finditer(text):
        while ti < len(titles) and titles[ti] < m.start():
            last.clear()
            style.clear()
            inline_last = 0
            ti += 1
        if m.group("inl"):
            raw = m.group("inl")
            if raw.isdigit():
                emitted += 1
                yield (
                    Hit(
                        "mixed_numbering",
                        m.start("inl"),
                        m.end("inl_kind"),
                        f"序号格式不统一：「{m.group(0).strip()}」用了阿拉伯数字",
                        f"改为“{_cn(int(raw))}{m.group('inl_kind')}”",
                    )
                )
                continue
            n = _cn_number(raw)
            if n == 1:
                inline_last = 1
            elif inline_last and n > inline_last + 1:
                missing = "、".join(_cn(k) + m.group("inl_kind") for k in range(inline_last + 1, n))
                emitted += 1
                yield (
                    Hit(
                        "numbering_gap",
                        m.start("inl"),
                        m.end("inl_kind"),
                        f"序号跳号：「{raw}{m.group('inl_kind')}」之前缺少“{missing}”",
                        "补上缺少的条目或重新编号",
                    )
                )
                inline_last = n
            elif inline_last:
                inline_last = n
            continue
        inline_last = 0
        if m.group("bare"):
            lvl, n = "l1", last.get("l1", 0) + 1
            emitted += 1
            yield (
                Hit(
                    "numbering_gap",
                    m.start("bare"),
                    m.end("bare"),
                    f"标题缺少序号：应为“{_cn(n)}、”",
                    f"在“、”前补上“{_cn(n)}”",
                )
            )
        else:
            lvl = next(k for k in levels if m.group(k))
            n = _cn_number(m.group(lvl))
        if n == 0:
            continue
        depth = levels.index(lvl)
        for deeper in levels[depth + 1 :]:
            last.pop(deeper, None)
            style.pop(deeper, None)
        prev = last.get(lvl, 0)
        start, end = m.start("mk"), m.end("mk")
        before = emitted  # hits of this marker are counted after this
        shown = text[start:end]
        if m.group(lvl):
            if prev and n == 1:
                emitted += 1
                yield (
                    Hit(
                        "numbering_restart",
                        start,
                        end,
                        f"序号重新开始：「{shown}」前已编到 {prev}，中间没有上级标题",
                        "检查是否缺少上级标题，或接续编号",
                    )
                )
            elif n > prev + 1 and (prev or n > 2):
                emitted += 1
                yield (
                    Hit(
                        "numbering_gap",
                        start,
                        end,
                        f"序号跳号：「{shown}」之前缺少第 {prev + 1} 项",
                        "补上缺少的条目或重新编号",
                    )
                )
            elif prev and n <= prev:
                emitted += 1
                yield (
                    Hit(
                        "numbering_gap",
                        start,
                        end,
                        f"序号重复或倒退：「{shown}」前已编到 {prev}",
                        "重新编号",
                    )
                )
        sep = m.group("s1") or m.group("s3")
        if sep:
            sep_norm = "." if sep in ".．" else sep
            if n == 1 or lvl not in style:
                style[lvl] = sep_norm
            elif style[lvl] != sep_norm:
                emitted += 1
                yield (
                    Hit(
                        "mixed_numbering",
                        start,
                        end,
                        f"序号格式不统一：「{shown}」与同一列表中的“{style[lvl]}”不一致",
                        f"统一使用“{style[lvl]}”" if lvl == "l3" else "一级标题统一使用“、”",
                    )
                )
            if lvl == "l1" and sep_norm != "、" and emitted == before:
                emitted += 1
                yield (
                    Hit(
                        "mixed_numbering",
                        start,
                        end,
                        f"序号格式不规范：「{shown}」",
                        "一级标题统一使用“一、”",
                    )
                )
        last[lvl] = n
