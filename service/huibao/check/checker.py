"""Placeholder and defect checker for Chinese report drafts (simplified and traditional).

:func:`check_text` finds unfilled slots (``XX``, ``_``, ``×××``, ``某某``), numbers stripped out
of their measure words (``截至月日时``, ``患者例``, ``〔2020〕号``), empty labels, scraper junk,
mojibake, structural defects (unbalanced quotes, numbering gaps/restarts/mixed styles, doubled
words and punctuation), ASCII punctuation in Chinese text and, in traditional text, what a proper
phrase-level conversion would still change (``關于`` → ``關於``).

Every finding carries character offsets into the checked plain text, a 1-based line and
paragraph (a paragraph is a non-blank line: Chinese plain text and .docx extraction put one
paragraph per line) and a Chinese message and suggestion. :func:`check_file` accepts uploads
(.docx by magic bytes, otherwise UTF-8/GB18030 text or Markdown) through :mod:`huibao.uploads`.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import opencc
from docx.document import Document as DocxDocument

from huibao import ooxml
from huibao.convert.converter import opencc_converter
from huibao.errors import UnsupportedMedia
from huibao.uploads import UploadLimits, decode_text, is_docx_bytes, open_docx

__all__ = [
    "KINDS",
    "Finding",
    "check_file",
    "check_text",
    "counts_by_kind",
    "extract_docx_text",
    "format_findings",
    "has_errors",
]

ERROR, WARNING, INFO = "error", "warning", "info"

#: kind -> (severity, Chinese label). The label heads every message.
KINDS: dict[str, tuple[str, str]] = {
    "letter_slot": (ERROR, "字母占位符未填写"),
    "symbol_slot": (ERROR, "符号占位符未填写"),
    "anonymised_name": (ERROR, "名称被匿名化"),
    "stripped_number": (ERROR, "数字缺失"),
    "empty_label": (ERROR, "栏目内容为空"),
    "scraper_junk": (ERROR, "网页抓取残留"),
    "mojibake": (ERROR, "乱码"),
    "broken_date": (WARNING, "日期残缺"),
    "unbalanced_quote": (WARNING, "引号或括号不成对"),
    "numbering_gap": (WARNING, "序号跳号"),
    "numbering_restart": (WARNING, "序号重新开始"),
    "mixed_numbering": (WARNING, "序号格式不统一"),
    "doubled_word": (WARNING, "词语重复"),
    "doubled_punctuation": (WARNING, "标点重复"),
    "fragment_line": (WARNING, "残句成行"),
    "incomplete_conversion": (WARNING, "繁体转换不完整"),
    "ascii_punctuation": (INFO, "中文中使用半角标点"),
    "wording": (INFO, "用词不规范"),
}


@dataclass(frozen=True)
class Finding:
    """One defect: ``text`` is ``plain_text[start:end]``; ``line``/``paragraph`` are 1-based."""

    kind: str
    severity: str
    text: str
    start: int
    end: int
    line: int
    paragraph: int
    message: str
    suggestion: str

    def as_dict(self) -> dict[str, object]:
        """Return the finding as a JSON-ready dict (same keys as the fields)."""
        return {
            "kind": self.kind,
            "severity": self.severity,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "paragraph": self.paragraph,
            "message": self.message,
            "suggestion": self.suggestion,
        }


# --------------------------------------------------------------------------------------------
# OpenCC helpers and character classes (built once, lazily)
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _cc(config: str) -> opencc.OpenCC:
    """Return a cached OpenCC converter for ``config`` (e.g. ``s2t.json``)."""
    return opencc.OpenCC(config)


def _variants(word: str) -> list[str]:
    """Return ``word`` plus its traditional forms (standard, Taiwan, Hong Kong), deduplicated."""
    out = [word]
    for config in ("s2t.json", "s2tw.json", "s2hk.json"):
        converted = _cc(config).convert(word)
        if converted not in out:
            out.append(converted)
    return out


def _alt(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words`` and their traditional forms, longest first."""
    forms: set[str] = set()
    for word in words:
        forms.update(_variants(word))
    return "|".join(re.escape(w) for w in sorted(forms, key=lambda w: (-len(w), w)))


def _cls(chars: str) -> str:
    """Return ``chars`` plus their traditional forms, escaped for use inside ``[...]``."""
    seen: list[str] = []
    for ch in chars:
        for form in _variants(ch):
            for c in form:
                if c not in seen:
                    seen.append(c)
    return "".join("\\" + c if c in "\\]^-[" else c for c in seen)


_CJK_RANGE = "\u4e00-\u9fff\u3400-\u4dbf"
CJK = f"[{_CJK_RANGE}]"

# Characters that a proper conversion keeps in traditional text although s2t would change them
# in isolation: they do not make a paragraph look simplified.
_AMBIGUOUS = "干于采范后余里面发只系准台舍才了借并向回复制松冲卷表钟斗谷丑出几千万云划朴胡愿志"


@dataclass(frozen=True)
class _ScriptSets:
    trad_only: re.Pattern[str]
    simp_only: re.Pattern[str]
    simp_chars: frozenset[str]


@lru_cache(maxsize=1)
def _script_sets() -> _ScriptSets:
    """Return regexes matching traditional-only and (strictly) simplified-only characters."""
    chars = [chr(c) for c in range(0x4E00, 0xA000)]
    joined = "\n".join(chars)
    to_trad = _cc("s2t.json").convert(joined).split("\n")
    to_simp = _cc("t2s.json").convert(joined).split("\n")
    simp = {c for c, t in zip(chars, to_trad, strict=True) if t != c}
    trad = {c for c, s in zip(chars, to_simp, strict=True) if s != c}
    strict_simp = simp - set(_AMBIGUOUS)

    def klass(cs: set[str]) -> re.Pattern[str]:
        return re.compile("[" + "".join(sorted(cs)) + "]")

    return _ScriptSets(klass(trad), klass(strict_simp), frozenset(simp))


@lru_cache(maxsize=1)
def _rare_cjk_class() -> str:
    """Return a regex class of CJK characters outside GB2312 level 1 (the 3755 common ones)."""
    common: list[str] = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                common.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    common_set = set(common)
    rare = [chr(c) for c in range(0x4E00, 0xA000) if chr(c) not in common_set]
    # Collapse into ranges to keep the pattern small.
    parts: list[str] = []
    run_start = prev = ord(rare[0])
    for ch in [*rare[1:], "\U0010ffff"]:
        code = ord(ch)
        if code != prev + 1:
            parts.append(chr(run_start) if run_start == prev else f"{chr(run_start)}-{chr(prev)}")
            run_start = code
        prev = code
    return "".join(parts) + "\ufffd"


# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------

# Anything that already stands for a number (digits, Chinese numerals, approximations, slots).
_NUMX = "0-9０-９" + _cls("一二三四五六七八九十百千万亿两〇零几数多余半") + "xX_＿*×?？□○"
_END = r"(?=[，,。.、；;：:）)\s」”]|其中|$)"
_CLAUSE = r"(?:(?<=[，,、；;：:（(\n])|^)"

_PATTERNS: dict[str, list[re.Pattern[str]]] = {}


def _p(kind: str, pattern: str, flags: int = 0) -> None:
    _PATTERNS.setdefault(kind, []).append(re.compile(pattern, flags | re.MULTILINE))


def _build_patterns() -> None:
    """Compile every regex detector once (traditional forms are derived with OpenCC)."""
    if _PATTERNS:
        return
    # Letter slots: x/xx/X/XX not inside a Latin word or identifier; 20xx年; x.x万人.
    _p(
        "letter_slot",
        r"(?<![A-Za-z0-9'@./\\-])[xX]{1,4}(?:\.[xX]{1,4})?(?![A-Za-z0-9'@_-])(?![光射线綫線])"
        r"|(?<=\d\d)[xX]{2}(?=年)",
    )
    # Symbol slots: underscore runs, ×/□/○ runs, * runs, ?? runs.
    _p(
        "symbol_slot",
        r"(?<![A-Za-z0-9_＿])[_＿]+|(?<=[A-Za-z0-9])[_＿]+(?![A-Za-z0-9_＿])|(?<![0-9０-９])[×＊□■〇○](?:[×＊□■○〇]+)|(?<![0-9０-９\s])×(?![0-9０-９])"
        r"|□|■|\*+|[?？]{2,}",
    )
    _p(
        "anonymised_name",
        "某{2,}|某(?=[" + _cls("市县区镇乡村街社局校单公厂院部处科委办党中小学医") + "])"
        # From a run's first dash only, taken whole (possessive): else a long run of dashes
        # followed by no place name was retried from every dash at every length (quadratic).
        "|(?:(?<!-)-{2,}+|(?<!—)—{2,}+|(?<!－)－{2,}+)(?="
        + _alt(["社区", "街道", "镇", "乡", "村", "县", "省"])
        + "|[区區](?![域块塊間间])|市(?![场場民])|[局所])",
    )
    gezi = _cls("个")
    # Stripped numbers -------------------------------------------------------------------
    num_b = f"[{_NUMX}]"

    def kf(key: str, width: int, *conds: str, rest: str = "") -> str:
        """Return ``key`` first, then its lookbehind conditions shifted past it.

        A leading character class lets the regex engine skip ahead quickly; a condition
        ``"!X"``/``"=X"`` means the text before the key must not/must match X; several
        alternatives for one condition are joined with ``"||"``.
        """
        shift = f".{{{width}}}"
        out = [key]
        for cond in conds:
            alts = []
            for alt in cond.split("||"):
                sign, body = alt[0], alt[1:]
                alts.append(f"(?<{sign}{body}{shift})")
            out.append(alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")")
        out.append(rest)
        return "".join(out)

    no_num = ("!" + num_b, "!" + num_b + r"\s")
    clause = "=[，,、；;：:（(\n]||=^"
    sn = [
        # 截至月日时 / 月日 / 年第次
        kf("月日", 2, *no_num, "![" + _cls("本每上下当次同该前后个今去明") + "]",
           rest="(?:[时時])?"),
        kf("年第", 2, *no_num, "![" + _cls("本每上下当同该前后今去明全近往历成青少老中新拜周") + "]",
           rest="[" + _cls("次届轮批期") + "]"),
        "第(?=[" + _cls("次个批轮期届号") + "](?![" + _cls("第序") + "]))["
        + _cls("次个批轮期届号") + "]",
        # 〔〕6号 (year missing) and 〔2020〕号 (serial missing)
        r"[〔\[【［]\s*[〕\]】］]\s*\d*\s*号|[〔\[【［]\s*\d{4}\s*[〕\]】］]\s*(?=[号號])[号號]",
        # .万份 / .余万元 (decimal with the digits gone)
        kf(r"\.", 1, "![0-9０-９]", rest="[" + _cls("余多") + "]?[" + _cls("万亿") + "]"),
        # 资金万元 / 超过万人次 (万-scaled count without the number)
        kf("[" + _cls("万") + "]", 1, *no_num, "![.家" + _cls("超破上逾") + "]",
           rest="(?:[" + _cls("元人份个只件户吨套台辆册张") + "][次]?|余["
           + _cls("人元份个户") + "])"),
        # 率达% (percentage without the number)
        kf("[%％]", 1, "![0-9０-９.%％xX_]"),
        # Compound measures anywhere: 户次, 人次, 批次 ...
        kf("(?:" + _alt(["人次", "户次", "辆次", "车次", "批次", "架次", "台次", "件次", "人天"])
           + ")", 2, *no_num, "=" + CJK, "![" + _cls("逐分每各该本同首") + "]",
           rest="(?![" + _cls("数要序日") + "])"),
        # Count at clause end, measure word after a counting noun/verb: 接触者人, 隔离人 ...
        kf("人", 1, *no_num, "=[" + _cls("者员众民属象离察测查访诊治染排返施诫") + "]", rest=_END),
        kf("例", 1, *no_num, "=[" + _cls("者诊似染增计共") + "]", rest=_END),
        kf("名", 1, *no_num, "=[" + _cls("者员生工民") + "]", rest=_END),
        kf("家", 1, *no_num, "=[" + _cls("所社位馆院司构校园场") + "]", rest=_END),
        kf("[" + _cls("条") + "]", 1, *no_num, "=[" + _cls("索实息幅语标报议见") + "]", rest=_END),
        kf("份", 1, *no_num, "=[" + _cls("书单料卷件册报表") + "]", rest=_END),
        kf("套", 1, *no_num, "=[" + _cls("服罩具装") + "]", rest=_END),
        kf("[" + _cls("双") + "]", 1, *no_num, "=[" + _cls("套靴鞋罩") + "]", rest=_END),
        kf("[" + _cls("吨") + "]", 1, *no_num, "=" + CJK, "![" + _cls("公") + "]", rest=_END),
        kf("(?:公斤|千克)", 2, *no_num, "=" + CJK, rest=_END),
        kf("[" + _cls("台") + "]", 1, *no_num, "=[" + _cls("辆备机") + "]",
           rest="(?=" + CJK + "|[，,。、；;])"),
        kf("[" + _cls("只") + "]", 1, *no_num, "=[" + _cls("罩") + "]", rest=_END),
        # 个 after anything that is not a numeral/determiner (下设个工作组, 口罩个,)
        kf("[" + gezi + "]", 1, "=" + CJK + "||=[，,、；;：:（(]", *no_num,
           "![" + _cls("这那哪每各整单某逐半真两好若个是有了上下干首挨") + "]",
           rest="(?:(?=" + CJK + ")(?![" + _cls("人别体性案子头儿中把") + "])|" + _END + ")"),
        # 接收名留观人员, 名区级领导 (clause start)
        kf("名", 1, "=[" + _cls("收纳派抽调选共计") + "]||" + clause,
           rest="(?=[" + _cls("区县市乡镇村党干护志工同学教专留") + "])"),
        kf("家", 1, "=[" + _cls("有共计闭关") + "]||" + clause,
           rest="(?=[" + _cls("企单部机宾酒医商超公旅") + "])"),
        kf("例", 1, clause, rest="(?=[" + _cls("患病确疑在均已") + "])"),
        kf("[" + _cls("处") + "]", 1, clause, rest="(?=[" + _cls("发定医隔观检卡站") + "])"),
        kf("支", 1, "=[" + _cls("区县组建成") + "]", rest="(?=[" + _cls("志党医服突") + "])"),
        # 工作人员小时查验 / ,小时监测
        kf("小[时時]", 2, "=" + CJK + "||" + clause, *no_num,
           "![" + _cls("每个半几数多") + "]", rest="(?![候])"),
        # N、N防护口罩 (N95、KN95 with the digits gone)
        r"(?<![A-Za-z0-9])[Kk]?N(?:、[Kk]?N)+(?![A-Za-z0-9])",
    ]
    for pattern in sn:
        _p("stripped_number", pattern)
    # OCR-broken dates: 1 21 日 (月 lost), 2020129日, 124日, 2020 1 28 18:00.
    _p(
        "broken_date",
        r"(?<![0-9年月.])\d{1,2}\s+\d{1,2}\s*[日号]|(?<![0-9.])\d{3,}\s*日"
        r"|(?<![0-9])20\d\d\s+\d{1,2}\s+\d{1,2}(?:\s+\d{1,2}:\d{2})?"
        r"|(?<![0-9:.])\d{3,4}\s*[时時](?![间間])",
    )
    labels = _alt(
        [
            "组长",
            "副组长",
            "成员",
            "组员",
            "联系电话",
            "电话",
            "联系人",
            "负责人",
            "手机",
            "邮箱",
            "传真",
            "地址",
            "日期",
            "签名",
            "签字",
            "填报人",
            "填表人",
            "审核人",
            "记录人",
            "主持人",
            "参会人员",
            "出席人员",
            "列席人员",
            "抄送",
            "附件",
            "联系方式",
            "聯系電話",
            "聯系人",
            "聯系方式",
        ]
    )
    _p(
        "empty_label",
        r"(?:^|(?<=[，,。；;：:\s]))(?:" + labels + r")[:：][ \t\u3000]*(?:[。.，,；;]|$)",
    )
    junk = _alt(
        [
            "小编",
            "供大家参考",
            "供参考阅读",
            "范文",
            "推荐访问",
            "本文来源",
            "word文档",
            "Word文档",
            "第1文档网",
            "第一文档网",
            "文档文库",
            "网友投稿",
            "点击下载文档",
            "推荐度",
            "文档为doc格式",
            "欢迎阅读",
            "欢迎品鉴",
            "欢迎借鉴",
            "希望对大家有所帮助",
            "为大家整理",
            "为大家精心准备",
            "为大家准备",
            "给大家分享",
            "大家分享",
            "尺寸分厘",
            "下载到电脑",
            "方便收藏和打印",
        ]
    )
    _p(
        "scraper_junk",
        "(?:"
        + junk
        + r")|chicunfenli|</?[A-Za-z]{1,6}\s*/?>|(?:^|(?<=[\s]))/?(?:br|p|div|span)\s*/?>"
        r"|[（(](?:热门|熱門|精选|精選|优秀|優秀|通用)?\d+篇[)）]|(?:热门|熱門|精选|精選)\d+篇"
        r"|^(?:字号|字號)[:：]\s*$|(?:发布时间|發佈時間|發布時間)[:：]|(?:来源|來源)[:：]\s*(?:"
        + _alt(["网友投稿", "文档文库", "网络", "互联网"])
        + ")",
        re.IGNORECASE,
    )
    _p(
        "doubled_punctuation",
        r"([，。、；：,;:])\1+|[，,、；;：:][，,。、；;：:]+|[。][，,、；;。]+|(?<=["
        + _CJK_RANGE
        + r"])[.][。，,]",
    )
    _p(
        "ascii_punctuation",
        r"(?<=["
        + _CJK_RANGE
        + r"\u3000-\u303f\uff01-\uff0f“”])[,;:?!()]|[,;:?!(](?=["
        + _CJK_RANGE
        + r"“])|\)(?=["
        + _CJK_RANGE
        + r"])|(?<=["
        + _CJK_RANGE
        + r"])\s?\.(?![0-9A-Za-z.])",
    )
    _p(
        "wording",
        r"截止(?=\s*(?:目前|到|今|当前|當前|[0-9xX_]|" + _alt(["今天", "现在"]) + "))",
    )
    _p("mojibake", "锟斤拷|烫烫烫+|屯屯屯+|\ufffd+")


# --------------------------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------------------------

_FULLWIDTH = {
    ",": "，",
    ";": "；",
    ":": "：",
    "?": "？",
    "!": "！",
    "(": "（",
    ")": "）",
    ".": "。",
}


# Kinds whose message is just the label and the matched text: their suggestion.
_SUGGESTIONS = {
    "letter_slot": "将字母占位符替换为实际的数字、日期或名称",
    "symbol_slot": "在此处填入实际内容，并删除占位符号",
    "anonymised_name": "填写真实的单位、地点或人员名称",
    "scraper_junk": "删除网页模板文字和广告语",
    "mojibake": "按原文重新录入该处文字（可能是编码错误造成）",
    "doubled_punctuation": "只保留一个恰当的标点",
}


def _describe(kind: str, text: str) -> tuple[str, str]:
    """Return the Chinese (message, suggestion) for a finding of ``kind`` on ``text``."""
    label = KINDS[kind][1]
    if kind in _SUGGESTIONS:
        return f"{label}：「{text}」", _SUGGESTIONS[kind]
    if kind == "stripped_number":
        return f"{label}：「{text}」前后缺少具体数字", "补全具体数字（数量、日期或文号）"
    if kind == "broken_date":
        return f"{label}：「{text}」缺少“年”“月”等字", "按“2020年1月21日”的格式补全日期"
    if kind == "empty_label":
        return f"{label}：「{text.rstrip('。.，,；;')}」后没有内容", "填写该栏内容，或删除该栏"
    if kind == "wording":
        return "表示时间节点应写“截至”，不写“截止”", "改为“截至”"
    if kind == "ascii_punctuation":
        full = _FULLWIDTH.get(text.strip(), text)
        return f"{label}：「{text.strip()}」", f"改为全角“{full}”"
    if kind == "doubled_word":
        half = text[: len(text) // 2]
        return f"{label}：「{text}」", f"删除重复的“{half}”"
    if kind == "fragment_line":
        return f"{label}：「{text}」单独成行", "与上下文合并或删除"
    return f"{label}：「{text}」", "请核对"


# --------------------------------------------------------------------------------------------
# Document geometry: lines, paragraphs, protected spans
# --------------------------------------------------------------------------------------------


class _Doc:
    """Line index of a text: offsets of line starts and paragraph number per line."""

    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        paragraph_of_line: list[int] = []
        count = 0
        for i, start in enumerate(self.line_starts):
            end = self.line_starts[i + 1] - 1 if i + 1 < len(self.line_starts) else len(text)
            if text[start:end].strip():
                count += 1
            paragraph_of_line.append(max(count, 1))
        self.paragraph_of_line = paragraph_of_line

    def line_index(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1

    def line_bounds(self, index: int) -> tuple[int, int]:
        start = self.line_starts[index]
        end = (
            self.line_starts[index + 1] - 1 if index + 1 < len(self.line_starts) else len(self.text)
        )
        return start, end

    def lines(self) -> Iterator[tuple[int, int, int]]:
        """Yield (index, start, end) of every line (end excludes the newline)."""
        for i in range(len(self.line_starts)):
            start, end = self.line_bounds(i)
            yield i, start, end


# Runs are bounded (a mailbox's local part ≤ 64, a domain label ≤ 63, RFC 5321/1035): unbounded,
# a long run of letters without "@" or ".com" was retried from every position, and 200 000
# letters took minutes.
_URL = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff<>\"“”]+"
    r"|[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,63}"
    r"|\b[A-Za-z0-9_-]{1,63}(?:\.[A-Za-z0-9_-]{1,63}){0,8}\.(?:com|cn|net|org|gov|edu|html?|docx?|pdf)\b"
)
_MD_LINE = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]|>[ \t]?|[-*+][ \t]+(?=\S))"
    r"|^[ \t]*(?:\*[ \t]*){3,}$|^[ \t]*(?:-[ \t]*){3,}$",
    re.MULTILINE,
)
_MD_BOLD_STRICT = re.compile(
    r"(?:(?<=^)|(?<=[\s，,。：:、（(“]))(\*\*|__)(?=[^\s*_])[^*\n]{1,80}?(?<=[^\s*_])\1"
    r"|(\*\*|__)(?=[^\s*_])[^*\n]{1,80}?(?<=[^\s*_])\2(?=$|[\s，,。：:、；;）)”！!？?])",
    re.MULTILINE,
)
_MD_EMPH = re.compile(r"(\*\*|__|\*)(?=[^\s*])[^*\n]{1,120}?(?<=[^\s*])\1")
# Possessive blank runs (``*+``): adjacent ``[ \t]*`` could split a long blank line every way.
_MD_TABLE = re.compile(
    r"^[ \t]*+\|?(?:[ \t]*+:?-{3,}:?[ \t]*+\|)+[ \t]*+:?-*:?[ \t]*+\|?[ \t]*+$|\|", re.MULTILINE
)
_MD_LINK = re.compile(r"\]\([^)\s]*\)|!?\[|\]")


def _protected_spans(text: str, markdown: bool) -> list[tuple[int, int]]:
    """Return sorted spans where no finding may start: URLs, e-mails, Markdown syntax."""
    spans = [m.span() for m in _URL.finditer(text)]
    for m in _MD_LINE.finditer(text):
        spans.append(m.span())
    for m in _MD_BOLD_STRICT.finditer(text):
        marker = m.group(1) or m.group(2)
        spans.append((m.start(), m.start() + len(marker)))
        spans.append((m.end() - len(marker), m.end()))
    if markdown:
        for m in _MD_EMPH.finditer(text):
            n = len(m.group(1))
            spans.append((m.start(), m.start() + n))
            spans.append((m.end() - n, m.end()))
        spans.extend(m.span() for m in _MD_TABLE.finditer(text))
        spans.extend(m.span() for m in _MD_LINK.finditer(text))
    spans.sort()
    return spans


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_right(starts, end - 1) - 1
    # Spans are sorted by start; a protected span is never longer than a few KB.
    while i >= 0:
        s, e = spans[i]
        if e > start and s < end:
            return True
        if start - s > 4096:
            return False
        i -= 1
        if i >= 0 and start - spans[i][0] > 4096:
            return False
    return False


# --------------------------------------------------------------------------------------------
# Detectors that need more than one regex
# --------------------------------------------------------------------------------------------

_Raw = tuple[str, int, int, str | None, str | None]  # kind, start, end, message, suggestion

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _cn_number(s: str) -> int:
    """Return the value of a Chinese numeral up to 99 (``十二`` → 12); 0 when not one."""
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_DIGITS.get(s[1:], 0)
    if "十" in s:
        tens, _, units = s.partition("十")
        return _CN_DIGITS.get(tens, 0) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)
    return _CN_DIGITS.get(s, 0)


_CN = "[一二三四五六七八九十]{1,3}"
_NUMBERING = re.compile(
    r"^[ \t\u3000#>*\-]*(?P<mk>"
    rf"(?P<l1>{_CN})(?P<s1>[、.．,，])(?![0-9])"
    rf"|[（(](?P<l2>{_CN})[）)]"
    r"|(?P<l3>\d{1,2})(?P<s3>[、.．](?![0-9])|[)）](?![0-9]))"
    r"|[（(](?P<l4>\d{1,2})[）)]"
    r"|(?P<bare>、)"
    r")"
    rf"|(?:^|(?<=[。；;！!？?：:\s]))(?P<inl>{_CN}|\d)(?P<inl_kind>是|要|要是)(?!否|[一-龥]?[的])",
    re.MULTILINE,
)
_TITLE_LINE = re.compile(
    r"^[^\n。，,；;：:]{2,40}(?:篇[一二三四五六七八九十]+|材料\s*\d+|汇报|匯報|报告|報告|总结|總結)\s*$",
    re.MULTILINE,
)


def _numbering(text: str) -> list[_Raw]:
    """Return gap/restart/mixed-style findings for heading and 一是… enumerations."""
    found: list[_Raw] = []
    last: dict[str, int] = {}
    style: dict[str, str] = {}
    inline_last = 0
    titles = [m.start() for m in _TITLE_LINE.finditer(text)]
    ti = 0
    levels = ["l1", "l2", "l3", "l4"]
    for m in _NUMBERING.finditer(text):
        while ti < len(titles) and titles[ti] < m.start():
            last.clear()
            style.clear()
            inline_last = 0
            ti += 1
        if m.group("inl"):
            raw = m.group("inl")
            if raw.isdigit():
                found.append(
                    (
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
                found.append(
                    (
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
            found.append(
                (
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
        shown = text[start:end]
        if m.group(lvl):
            if prev and n == 1:
                found.append(
                    (
                        "numbering_restart",
                        start,
                        end,
                        f"序号重新开始：「{shown}」前已编到 {prev}，中间没有上级标题",
                        "检查是否缺少上级标题，或接续编号",
                    )
                )
            elif n > prev + 1 and (prev or n > 2):
                found.append(
                    (
                        "numbering_gap",
                        start,
                        end,
                        f"序号跳号：「{shown}」之前缺少第 {prev + 1} 项",
                        "补上缺少的条目或重新编号",
                    )
                )
            elif prev and n <= prev:
                found.append(
                    (
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
                found.append(
                    (
                        "mixed_numbering",
                        start,
                        end,
                        f"序号格式不统一：「{shown}」与同一列表中的“{style[lvl]}”不一致",
                        f"统一使用“{style[lvl]}”" if lvl == "l3" else "一级标题统一使用“、”",
                    )
                )
            if lvl == "l1" and sep_norm != "、" and not any(f[1] == start for f in found):
                found.append(
                    (
                        "mixed_numbering",
                        start,
                        end,
                        f"序号格式不规范：「{shown}」",
                        "一级标题统一使用“一、”",
                    )
                )
        last[lvl] = n
    return found


def _cn(n: int) -> str:
    digits = "〇一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")


_QUOTE = re.compile(r"[“”「」《》]")
_PAIRS = {"“": "”", "「": "」", "《": "》"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}


def _quotes(doc: _Doc) -> list[_Raw]:
    """Return unbalanced quote/title-mark findings, checked paragraph (line) by paragraph.

    Nesting is tolerated (scraped text nests “ inside “); per line and per mark kind, one
    finding for the innermost opener left unclosed and one per closer without an opener.
    """
    text = doc.text
    found: list[_Raw] = []
    stacks: dict[str, list[int]] = {}
    line_end = -1

    def flush() -> None:
        for opener, stack in stacks.items():
            if stack:
                at = stack[-1]
                found.append(
                    (
                        "unbalanced_quote",
                        at,
                        at + 1,
                        f"「{opener}」没有对应的「{_PAIRS[opener]}」",
                        f"补上「{_PAIRS[opener]}」或删除多余的「{opener}」",
                    )
                )

    for m in _QUOTE.finditer(text):
        pos = m.start()
        if pos > line_end:
            flush()
            stacks = {}
            line_end = doc.line_bounds(doc.line_index(pos))[1]
        ch = m.group()
        if ch in _PAIRS:
            stacks.setdefault(ch, []).append(pos)
        else:
            opener = _CLOSERS[ch]
            stack = stacks.get(opener)
            if stack:
                stack.pop()
            else:
                found.append(
                    (
                        "unbalanced_quote",
                        pos,
                        pos + 1,
                        f"「{ch}」前没有对应的「{opener}」",
                        f"补上「{opener}」或删除多余的「{ch}」",
                    )
                )
    flush()
    return found


_DOUBLED = re.compile(f"({CJK}{{2,4}})\\1")
_DOUBLED_OK = re.compile(
    "^(?:一.|"
    + "|".join(
        [
            "研究",
            "讨论",
            "商量",
            "学习",
            "休息",
            "考虑",
            "看看",
            "了解",
            "交流",
            "锻炼",
            "打扫",
            "整理",
            "检查",
        ]
    )
    + ")"
)


def _doubled_words(text: str) -> list[_Raw]:
    found: list[_Raw] = []
    for m in _DOUBLED.finditer(text):
        word = m.group(1)
        if len(set(word)) == 1 or _DOUBLED_OK.match(word):
            continue
        found.append(("doubled_word", m.start(), m.end(), None, None))
    return found


_FRAGMENT = re.compile(
    r"^[ \t\u3000]*(?:[" + _CJK_RANGE + r"]{1,4})?[。.]+[ \t\u3000]*$", re.MULTILINE
)
_FRAGMENT_OK = re.compile(r"^\s*(?:特此|此致|妥否|以上|附件)")


def _fragments(text: str) -> list[_Raw]:
    """Return lines that are only a short fragment and a full stop (``扶貧。``, ``。``)."""
    found: list[_Raw] = []
    if "\n" not in text.strip():
        return found
    for m in _FRAGMENT.finditer(text):
        if _FRAGMENT_OK.match(m.group()):
            continue
        s = m.start() + len(m.group()) - len(m.group().lstrip())
        e = m.start() + len(m.group().rstrip())
        found.append(("fragment_line", s, e, None, None))
    return found


_MOJI_TRIGGER = re.compile(r"\?(?:\?+|[!\";,\\^`A-Za-z])[A-Za-z\\^`]*")
_ODD = re.compile(r"[_A-Za-z\\^`\u3040-\u30ff\u2460-\u24ff\u0400-\u04ff]")
_CJK_RUN = re.compile(f"{CJK}+")


def _is_traditional(segment: str) -> bool:
    sets = _script_sets()
    trad = len(sets.trad_only.findall(segment))
    if not trad:
        return False
    simp = len(sets.simp_only.findall(segment))
    return trad >= 3 * simp or (trad >= 2 and simp <= 1)


_SURNAME_YU = re.compile("余(?=[" + _cls("局校主书县市区镇先同总部处科经老师队院所") + "])")


def _conversion_diffs(segment: str) -> list[tuple[int, int, str]]:
    """Return (start, end, expected) spans of ``segment`` that a proper s2t would change."""
    sets = _script_sets()
    # The converter's own configs, glossary included: what huibao itself would write is right.
    simplified = opencc_converter("t2s")(segment)
    targets = [opencc_converter(c)(simplified) for c in ("s2t", "s2tw", "s2hk")]
    bad = [False] * len(segment)
    expected: list[str] = list(segment)
    same_len = [t for t in targets if len(t) == len(segment)]
    if len(same_len) == len(targets):
        for i, ch in enumerate(segment):
            if ch not in sets.simp_chars:
                continue
            alts = {t[i] for t in targets}
            if ch not in alts:
                bad[i] = True
                expected[i] = targets[1][i]
    else:  # a phrase changed length: align with difflib
        target = targets[1]
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(
            None, segment, target, autojunk=False
        ).get_opcodes():
            if op == "replace" and i2 - i1 == j2 - j1:
                for k in range(i2 - i1):
                    ch = segment[i1 + k]
                    if ch in sets.simp_chars:
                        bad[i1 + k] = True
                        expected[i1 + k] = target[j1 + k]
    for m in _SURNAME_YU.finditer(segment):
        bad[m.start()] = False
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(segment):
        if bad[i]:
            j = i
            while j < len(segment) and bad[j]:
                j += 1
            spans.append((i, j, "".join(expected[i:j])))
            i = j
        else:
            i += 1
    return spans


def _traditional_checks(doc: _Doc) -> list[_Raw]:
    """Return mojibake and incomplete-conversion findings in predominantly traditional lines."""
    text = doc.text
    sets = _script_sets()
    found: list[_Raw] = []
    lines_with_trad = sorted({doc.line_index(m.start()) for m in sets.trad_only.finditer(text)})
    for li in lines_with_trad:
        start, end = doc.line_bounds(li)
        line = text[start:end]
        if not _is_traditional(line):
            continue
        diffs = _conversion_diffs(line)
        diff_at = {s: (s, e, exp) for s, e, exp in diffs}
        consumed: set[int] = set()
        for m in _MOJI_TRIGGER.finditer(line):
            # Extend over the garbled tail: odd characters and simplified-only leftovers,
            # tolerating up to two ordinary characters in between.
            pos, gap, last_bad = m.end(), 0, m.end()
            while pos < len(line) and gap <= 2:
                ch = line[pos]
                if pos in diff_at:
                    consumed.add(pos)
                    pos = diff_at[pos][1]
                    last_bad, gap = pos, 0
                    continue
                if _ODD.match(ch):
                    pos += 1
                    last_bad, gap = pos, 0
                    continue
                if ch in '，,。；;：:、 \t“”"':
                    break
                gap += 1
                pos += 1
            found.append(("mojibake", start + m.start(), start + last_bad, None, None))
        for s, e, exp in diffs:
            if s in consumed:
                continue
            ctx_l = line[max(s - 1, 0) : s]
            ctx_r = line[e : e + 1]
            found.append(
                (
                    "incomplete_conversion",
                    start + s,
                    start + e,
                    f"{KINDS['incomplete_conversion'][1]}：「{ctx_l}{line[s:e]}{ctx_r}」"
                    f"应为「{ctx_l}{exp}{ctx_r}」",
                    f"改为「{exp}」",
                )
            )
    return found


def _simplified_mojibake(doc: _Doc) -> list[_Raw]:
    """Return runs of rare characters typical of UTF-8 read as GBK, in non-traditional lines."""
    found: list[_Raw] = []
    text = doc.text
    rare = _rare_mojibake_re()
    for m in rare.finditer(text):
        li = doc.line_index(m.start())
        s, e = doc.line_bounds(li)
        if _is_traditional(text[s:e]):
            continue
        found.append(("mojibake", m.start(), m.end(), None, None))
    return found


@lru_cache(maxsize=1)
def _rare_mojibake_re() -> re.Pattern[str]:
    return re.compile(
        "[" + _rare_cjk_class() + "\u0370-\u03ff\u0400-\u04ff\u3100-\u312f\u2500-\u257f€]{4,}"
    )


def _slot_mojibake(doc: _Doc) -> list[_Raw]:
    """Return ``??h``-style mojibake triggers in lines that are not traditional."""
    found: list[_Raw] = []
    # ``(?<!\?\?)\?++``: a run of "?" is tried from its first "?" only (else quadratic).
    for m in re.finditer(r"\?(?:[!\"\\^`]|(?<!\?\?)\?++[A-Za-z\\^`])[A-Za-z\\^`]*", doc.text):
        li = doc.line_index(m.start())
        s, e = doc.line_bounds(li)
        if _is_traditional(doc.text[s:e]):
            continue  # handled with its garbled tail by _traditional_checks
        found.append(("mojibake", m.start(), m.end(), None, None))
    return found


# --------------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------------

# Lower rank wins when two findings overlap (only the kinds listed here suppress others).
_RANK = {
    "mojibake": 0,
    "scraper_junk": 1,
    "empty_label": 2,
    "letter_slot": 3,
    "symbol_slot": 3,
    "anonymised_name": 3,
    "broken_date": 4,
    "stripped_number": 5,
    "numbering_gap": 6,
    "mixed_numbering": 6,
    "numbering_restart": 6,
    "doubled_punctuation": 7,
    "unbalanced_quote": 8,
    "incomplete_conversion": 8,
    "doubled_word": 8,
    "fragment_line": 9,
    "wording": 9,
    "ascii_punctuation": 10,
}


def _resolve(raw: list[_Raw]) -> list[_Raw]:
    """Drop findings overlapping a stronger one and merge scraper junk per line."""
    raw.sort(key=lambda r: (_RANK[r[0]], r[1], -(r[2] - r[1])))
    kept: list[_Raw] = []
    taken: list[tuple[int, int]] = []  # sorted spans already kept
    starts: list[int] = []
    for r in raw:
        _, s, e, _, _ = r
        i = bisect.bisect_left(starts, s)
        clash = False
        for j in (i - 1, i):
            if 0 <= j < len(taken) and taken[j][0] < e and s < taken[j][1]:
                clash = True
        if i + 1 < len(taken) and taken[i + 1][0] < e:
            clash = True
        if clash:
            continue
        kept.append(r)
        taken.insert(i, (s, e))
        starts.insert(i, s)
    return kept


def check_text(text: str, *, markdown: bool = False) -> list[Finding]:
    """Return every finding in ``text``, sorted by start offset; an empty list means clean.

    ``markdown=True`` additionally treats emphasis markers, tables and links as syntax.
    """
    if not text:
        return []
    _build_patterns()
    text = text.replace("\r\n", "\n") if "\r" in text else text
    doc = _Doc(text)
    protected = _protected_spans(text, markdown)
    pstarts = [s for s, _ in protected]
    raw: list[_Raw] = []
    for kind, patterns in _PATTERNS.items():
        for pattern in patterns:
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    raw.append((kind, m.start(), m.end(), None, None))
    raw.extend(_numbering(text))
    raw.extend(_quotes(doc))
    raw.extend(_doubled_words(text))
    raw.extend(_fragments(text))
    raw.extend(_traditional_checks(doc))
    raw.extend(_slot_mojibake(doc))
    raw.extend(_simplified_mojibake(doc))
    if protected:
        raw = [r for r in raw if not _overlaps(protected, pstarts, r[1], r[2])]
    raw = _resolve(raw)
    raw = _merge_junk(doc, raw)
    moji_lines = {doc.line_index(r[1]) for r in raw if r[0] == "mojibake"}
    if moji_lines:  # garbled text swallowed the quotes: do not report them twice
        raw = [
            r
            for r in raw
            if not (r[0] == "unbalanced_quote" and doc.line_index(r[1]) in moji_lines)
        ]
    findings = [_finding(doc, r) for r in raw]
    findings.sort(key=lambda f: (f.start, _RANK[f.kind], f.end))
    return findings


def _merge_junk(doc: _Doc, raw: list[_Raw]) -> list[_Raw]:
    """Merge scraper-junk hits on one line into a single finding spanning them."""
    junk: dict[int, list[_Raw]] = {}
    rest: list[_Raw] = []
    for r in raw:
        if r[0] == "scraper_junk":
            junk.setdefault(doc.line_index(r[1]), []).append(r)
        else:
            rest.append(r)
    for hits in junk.values():
        s = min(h[1] for h in hits)
        e = max(h[2] for h in hits)
        inside = [r for r in rest if s <= r[1] and r[2] <= e]
        for r in inside:
            rest.remove(r)
        rest.append(("scraper_junk", s, e, None, None))
    return rest


def _finding(doc: _Doc, r: _Raw) -> Finding:
    kind, s, e, message, suggestion = r
    text = doc.text[s:e]
    if message is None or suggestion is None:
        m2, s2 = _describe(kind, text)
        message = message or m2
        suggestion = suggestion or s2
    li = doc.line_index(s)
    return Finding(
        kind=kind,
        severity=KINDS[kind][0],
        text=text,
        start=s,
        end=e,
        line=li + 1,
        paragraph=doc.paragraph_of_line[li],
        message=message,
        suggestion=suggestion,
    )


def counts_by_kind(findings: Iterable[Finding]) -> dict[str, int]:
    """Return ``{kind: n}`` for ``findings`` (kinds with no finding are absent)."""
    return dict(Counter(f.kind for f in findings))


def has_errors(findings: Iterable[Finding]) -> bool:
    """Return True when any finding has severity ``error``."""
    return any(f.severity == ERROR for f in findings)


# --------------------------------------------------------------------------------------------
# .docx extraction and file entry point
# --------------------------------------------------------------------------------------------

def extract_docx_text(document: DocxDocument) -> str:
    """Return the document's text, one paragraph per line: body (paragraphs and tables in
    order, text boxes after their anchor paragraph), then headers, footers, footnotes and
    endnotes. Returns "" for an empty document.

    Reviewers' comments are not part of the draft and are not checked; the traversal is
    :func:`huibao.ooxml.document_text`, shared with the converter.
    """
    return ooxml.document_text(document, ooxml.MAIN_STORIES)


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_file(
    data: bytes, filename: str | None = None, limits: UploadLimits | None = None
) -> tuple[str, list[Finding]]:
    """Return (plain text, findings) for an uploaded .docx, .txt or .md file.

    A .docx is recognised by its zip magic bytes; anything else must be UTF-8/GB18030 text.
    Raises :class:`~huibao.errors.UploadRejected` subclasses (Chinese messages) for unsafe or
    unreadable input.
    """
    name = (filename or "").lower()
    if is_docx_bytes(data) or name.endswith(".docx"):
        document = open_docx(data, limits)
        text = extract_docx_text(document)
        return text, check_text(text)
    if data[:8] == _OLE_MAGIC or name.endswith(".doc"):
        raise UnsupportedMedia("不支持旧版 Word 文档（.doc），请另存为 .docx 后重试")
    text = decode_text(data, limits)
    return text, check_text(text, markdown=name.endswith((".md", ".markdown")))


# --------------------------------------------------------------------------------------------
# Human listing (used by the CLI)
# --------------------------------------------------------------------------------------------


def format_findings(
    name: str, text: str, findings: list[Finding], *, context: int = 8
) -> list[str]:
    """Return one human-readable line per finding:
    ``file:line: [severity] kind «text» message（建议：suggestion）  …context…``."""
    lines: list[str] = []
    for f in findings:
        left = text[max(f.start - context, 0) : f.start].split("\n")[-1]
        right = text[f.end : f.end + context].split("\n")[0]
        lines.append(
            f"{name}:{f.line}: [{f.severity}] {f.kind} «{f.text}» {f.message}"
            f"（建议：{f.suggestion}）  …{left}【{f.text}】{right}…"
        )
    return lines
