"""Scraper junk (``小编为大家整理``, ``(热门18篇)``, stray ``br/>``) and empty labels
(``联系电话：`` with nothing after it); scraper-junk hits on one line merge into one finding.

Every blank run and digit run is possessive: after one start nothing is retried. A hit never
crosses a line end (blanks are horizontal only), so the merged spans of two lines never overlap.
"""

from __future__ import annotations

import bisect
import re

from huibao.check.charsets import alternation, first_chars, guarded, variants
from huibao.check.lazy import Detector, cased, chars, detector, once
from huibao.check.model import Hit
from huibao.check.textindex import TextIndex

_LABELS = [
    "组长", "副组长", "成员", "组员", "联系电话", "电话", "联系人", "负责人", "手机", "邮箱",
    "传真", "地址", "日期", "签名", "签字", "填报人", "填表人", "审核人", "记录人", "主持人",
    "参会人员", "出席人员", "列席人员", "抄送", "附件", "联系方式", "聯系電話", "聯系人", "聯系方式",
]  # fmt: skip
_JUNK = [
    "小编", "供大家参考", "供参考阅读", "范文", "推荐访问", "本文来源", "word文档", "Word文档",
    "第1文档网", "第一文档网", "文档文库", "网友投稿", "点击下载文档", "推荐度", "文档为doc格式",
    "欢迎阅读", "欢迎品鉴", "欢迎借鉴", "希望对大家有所帮助", "为大家整理", "为大家精心准备",
    "为大家准备", "给大家分享", "大家分享", "尺寸分厘", "下载到电脑", "方便收藏和打印",
]  # fmt: skip
_SOURCES = ["网友投稿", "文档文库", "网络", "互联网"]


def detectors() -> list[Detector]:
    """Return the empty-label and scraper-junk detectors (built once, compiled on first use)."""
    return once("junk", _build)


def _build() -> list[Detector]:
    label_firsts = first_chars(_LABELS)
    empty_label = detector(
        "empty_label",
        guarded(
            label_firsts,
            r"(?:^|(?<=[，,。；;：:\s]))(?:" + alternation(_LABELS) + r")[:：][ \t\u3000]*+(?:[。.，,；;]|$)",
        ),
        # every match holds a label and its colon
        [form + colon for label in _LABELS for form in variants(label) for colon in ":："],
    )
    # The first characters a match can have (IGNORECASE applies to the class too).
    firsts = first_chars(_JUNK) + "c<>/bpds（(热熱精字发發来來"
    junk = detector(
        "scraper_junk",
        guarded(
            firsts,
            "(?:" + alternation(_JUNK) + r")|chicunfenli|</?[A-Za-z]{1,6}+[^\S\n]*+/?>"
            r"|(?:^|(?<=\s))/?(?:br|p|div|span)[^\S\n]*+/?>"
            r"|[（(](?:热门|熱門|精选|精選|优秀|優秀|通用)?[0-9０-９]++篇[)）]"
            r"|(?:热门|熱門|精选|精選)[0-9０-９]++篇"
            r"|^(?:字号|字號)[:：][^\S\n]*+$"
            r"|(?:发布时间|發佈時間|發布時間)[:：]"
            r"|(?:来源|來源)[:：][^\S\n]*+(?:" + alternation(_SOURCES) + ")",
        ),
        cased(chars(firsts)),
        re.MULTILINE | re.IGNORECASE,
    )
    return [empty_label, junk]


def merge_junk(index: TextIndex, hits: list[Hit]) -> list[Hit]:
    """Return ``hits`` with the scraper-junk hits of each line merged into one hit spanning
    them; other hits inside a merged span are dropped. Order: the others, then the merged."""
    spans: dict[int, tuple[int, int]] = {}
    rest: list[Hit] = []
    for h in hits:
        if h.kind == "scraper_junk":
            line = index.line_index(h.start)
            s, e = spans.get(line, (h.start, h.end))
            spans[line] = (min(s, h.start), max(e, h.end))
        else:
            rest.append(h)
    if not spans:
        return hits
    merged = sorted(spans.values())  # one span per line: disjoint
    starts = [s for s, _ in merged]
    kept = []
    for h in rest:
        i = bisect.bisect_right(starts, h.start) - 1
        if i >= 0 and h.end <= merged[i][1]:
            continue
        kept.append(h)
    return kept + [Hit("scraper_junk", s, e) for s, e in merged]
