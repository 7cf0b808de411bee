"""Counts read from the clauses of a report huibao did not write.

A clause ending in "label + figure + measure" is a count: 累计出动检查人员1260人次, 下达整改指令书
近300份, 处罚81.328万元 (money kept in 元 at its scale), 带动就业4000—5000人 (a range),
全县纳入统计的行政村152个 (全县 read as the count's subject). A clause saying that something did
not happen is a count of 0: 未发生群体性事件, 全县农村公路未因路况原因发生交通事故, 全面消除薄弱村,
无人员伤亡. Breakdowns follow 其中 or sit in （含…）; 比上年增加… gives the previous value.

Every pattern is linear in its input: a figure starts only where no digit precedes it, a label
is one run of label characters ending at the figure, and the zero patterns are anchored and
bounded.
"""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, Decimal
from typing import Any

#: Measures, longest first so that 人次 wins over 人.
_MEASURE_WORDS = (
    "人次 户次 家次 批次 台次 车次 辆次 架次 场次 座（口） 毫米 千米 平方公里 平方米 立方米 万元 亿元 元 "
    "公里 米 公顷 亩 吨 千克 课时 学时 人 户 家 条 份 起 次 个 名 件 处 座 口 场 所 项 辆 艘 台 套 块 支 "
    "期 篇 张 本 只 头 株 棵 间 栋 宗 例 片 具 盏 顶 根 眼 箱 袋 枚 幅 册 部 小时 天 %"
)
MEASURES = sorted(_MEASURE_WORDS.split(), key=len, reverse=True)
#: Longest tail of a clause searched for a count (labels are short).
TAIL = 80
_MEASURE = "|".join(re.escape(m) for m in MEASURES)
_CJK = r"\u4e00-\u9fff"
_LABEL_CHARS = rf"{_CJK}“”《》（）()A-Za-z0-9"
#: A number, with or without thousands separators: 1260, 1,260, 81.328.
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
#: Range marks between two figures: 4000—5000人, 4万～5万个, 10至15家.
_RANGE = r"—|－|～|~|-|至"
_FIGURE = (
    rf"(?P<pre>近|约)?(?<![\d.,第])(?P<num>{_NUMBER})(?P<wan>万)?"
    rf"(?:(?:{_RANGE})(?P<upper>{_NUMBER})(?P<uwan>万)?)?(?P<post>余|多)?"
)
#: A clause's closing figure and measure: approx before, number, 万, range, approx after,
#: measure, approx after the measure. No digit may precede the number (one attempt per figure),
#: nor 第 (第23期 is an ordinal).
FIGURE = re.compile(rf"{_FIGURE}(?P<measure>{_MEASURE})(?P<suffix>左右|以上)?$")
#: A count in Chinese numerals from 2 (发生火情三起, 召开座谈会两次, 十余家); 一 is left alone
#: (打造一批, 每周一次), and so is a numeral after 第, 几 or 数 (第三次, 几十家).
CHINESE_FIGURE = re.compile(
    rf"(?<![第几数零一二两三四五六七八九十百])(?P<num>[两二三四五六七八九十][零一二三四五六七八九十百]{{0,3}})"
    rf"(?P<post>余|多)?(?P<measure>{_MEASURE})$"
)
#: A table cell holding a figure alone (its measure in the next cell): 近300, 1200—1500, 90余.
CELL = re.compile(rf"{_FIGURE}(?P<measure>)(?P<suffix>左右|以上)?")
#: The label: the run of label characters that ends where the figure starts.
LABEL = re.compile(rf"(?<![{_LABEL_CHARS}])[{_LABEL_CHARS}]+$")
#: Words that lead a clause but are not part of a count's label.
LEADS = re.compile(
    r"^(?:其中[：:]?|[一二三四五六七八九十]+是|共|我(?:街道|社区|中心|单位|公司|[局县镇市区委办乡村厅处所站院部校])|全年|目前)"
)
#: A subject naming the whole area before a label: 全县纳入统计的行政村 (not 全面, 全县域, 全市场).
SUBJECT = re.compile(r"^全(?:县|市|区|镇|乡|省|州|盟|旗|街道|社区|村|国)(?![域级场性份委属])")
#: 比上年同期增加28个 / 比上月减少3起: the last count's previous value.
CHANGE = re.compile(
    rf"^(?:比|较)(?P<against>[{_CJK}]{{1,6}}?)(?P<dir>增加|减少|多|少)(?P<num>{_NUMBER})(?P<wan>万)?"
)
SAME = re.compile(rf"^与(?P<against>[{_CJK}]{{1,6}})持平$")
GROWTH = re.compile(r"^(?:增长|下降|提高|降低)\d+(?:\.\d+)?(?:%|个百分点)$")
#: 比上年提高3.5个百分点: a rate's previous value in 百分点.
POINTS = re.compile(
    rf"^(?:比|较)(?P<against>[{_CJK}]{{1,6}}?)(?P<dir>提高|上升|下降|降低)(?P<num>{_NUMBER})个百分点$"
)
#: 比上年增长17%: a growth rate alone says no exact previous value; it belongs to the last count.
RATE_CHANGE = re.compile(rf"^(?:比|较)[{_CJK}]{{1,6}}?(?:增长|下降|提高|降低){_NUMBER}%$")
#: 完成年度计划的70%: the last count's target.
TARGET = re.compile(rf"^完成(?P<label>[^的，,]{{1,20}})的(?P<pct>{_NUMBER})%$")
#: A breakdown in parentheses closing a clause: 场所479家（含商场126家、酒店98家）.
INNER = re.compile(r"[（(]含([^（()）]+)[）)]$")
#: Clause splits: before a comparison (比上年增加…, 较上月减少…, 与上周持平), and at commas (not
#: at a thousands separator: 1,260).
CLAUSE_SPLIT = re.compile(
    rf"[，,、]?(?=(?:比|较)[{_CJK}]{{1,6}}?(?:增加|减少|多|少|增长|下降|提高|降低)\d|与[{_CJK}]{{1,6}}?持平)"
    r"|，|,(?:(?<!\d,)|(?!\d{3}(?!\d)))"
)

#: Verbs a zero count's label opens with (未发生…, 未发现…), as the composer negates them.
ZERO_VERBS = ("发生", "出现", "造成", "引发", "发现", "接到", "收到", "受理", "新增", "报告")
#: Words that open a zero count's label before its verb: 未因路况原因发生…, 未在汛期发生….
_ZERO_OPENERS = ("因", "在", "于", "再", "曾")
#: 未 + label: what comes before 未 is a subject (全县, 目前, 全县农村公路), at most 12 characters.
NEGATED = re.compile(r"^(?P<pre>[^未，,；]{0,12}?)(?:均|都|也|还|尚|仍|从)?未(?P<label>[^未，,；]{2,40})$")
#: 全面消除… / 彻底消除… / 消除…: the thing named no longer exists.
ELIMINATED = re.compile(
    r"^(?P<pre>[^，,；]{0,12}?)(?:全面|彻底|全部)?(?:消除|消灭)了?(?P<label>[^，,；]{2,40})$"
)
#: 无人员伤亡 / 无一起安全事故发生: 无 + an incident noun.
ABSENT = re.compile(
    r"^(?P<pre>[^无，,；]{0,12}?)无(?:一[起例宗件])?(?P<label>[^无，,；]{1,30}?"
    r"(?:伤亡|事故|事件|案件|火灾|火情|险情|病例|死亡|失踪))(?:发生)?$"
)
#: Words a subject before 未/无/消除 may not hold: it would be a clause of its own (对…, 将…).
_NOT_SUBJECT = re.compile(r"[对将把被为使让向要应须：:]")
#: Enumeration words opening a clause: 一是…, 二是…, 同时….
ENUMERATION = re.compile(r"^(?:[一二三四五六七八九十]+是|首先|其次|同时|此外|另外)")
#: Trailing words of a zero count that are not its label: 未发现“打白条”现象.
_ZERO_TAIL = re.compile(r"的?现象$")
#: The measure a zero count is given when the text names none: incidents are counted in 起
#: (the measure the composer writes 未发生… for), things eliminated in 个.
INCIDENT_MEASURE, THING_MEASURE = "起", "个"
#: Labels naming their own measure: cases (病例) are counted in 例, criminal cases (案件) in 件.
_OWN_MEASURES = (("病例", "例"), ("案件", "件"))


def _decimal(number: str) -> Decimal:
    """Return a number as written (1,260 → 1260)."""
    return Decimal(number.replace(",", ""))


def _amount(number: str, wan: bool) -> int | float:
    value = _decimal(number) * (10000 if wan else 1)
    return int(value) if value == value.to_integral_value() else float(value)


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def read_figure(text: str, measure: str) -> dict[str, Any] | None:
    """Return value, upper, measure, approx and scale of a table's figure cell (近300, 1200—1500,
    4万—5万, 90余) with the measure of the next cell; None when ``text`` is not a figure."""
    match = CELL.fullmatch(text.strip())
    return None if match is None else _figure(match, measure.strip())


def _figure(match: re.Match[str], measure: str) -> dict[str, Any]:
    """Return the value fields of a FIGURE match (money in 元 at its scale)."""
    wan, upper = bool(match["wan"]), match["upper"]
    uwan = bool(match["uwan"])
    if upper is not None and uwan and not wan:  # 4—5万人: both ends in 万
        wan = True
    factor = Decimal(1)
    if measure in ("万元", "亿元"):
        factor = Decimal(10000 if measure == "万元" else 100_000_000)
        measure = "元"
    out: dict[str, Any] = {"value": _plain(_decimal(match["num"]) * factor * (10000 if wan else 1))}
    if upper is not None:
        out["upper"] = _plain(_decimal(upper) * factor * (10000 if uwan else 1))
    if wan or uwan or factor != 1:
        out["scale"] = True
    out["measure"] = measure
    approx = match["pre"] or match["post"] or match["suffix"]
    if approx:
        out["approx"] = approx
    return out


def _label(text: str) -> tuple[str, str]:
    """Return (subject, label) of the words before a figure, lead words removed; ("", "") when
    there are none."""
    label = LEADS.sub("", text).strip()
    label = LEADS.sub("", label) if label.startswith(("共", "其中")) else label
    subject = SUBJECT.match(label)
    if subject and len(label) > subject.end() + 1:
        return subject[0], label[subject.end():]
    return "", label


def read_count(clause: str) -> dict[str, Any] | None:
    """Return the count a clause ends in (label, value, measure, approx, scale, upper, subject);
    a zero count for 未发生…/无…/全面消除…; None when the clause holds no count."""
    clause = clause.strip().rstrip("，,")[-TAIL:]
    match = FIGURE.search(clause)
    if match is None:
        return _chinese_count(clause) or read_zero(clause)
    run = LABEL.search(clause, 0, match.start())
    if run is None or not re.match(rf"[{_CJK}”》）)]", run[0][-1]):
        return None
    subject, label = _label(run[0])
    if not label or label.isdigit():
        return None
    count: dict[str, Any] = {"label": label, **_figure(match, match["measure"])}
    if subject:
        count["subject"] = subject
    return count


def _chinese_count(clause: str) -> dict[str, Any] | None:
    """Return the count a clause ends in when its figure is a Chinese numeral (三起); None when
    it is none."""
    from huibao.compose.numbers import parse_chinese_numeral

    match = CHINESE_FIGURE.search(clause)
    value = parse_chinese_numeral(match["num"].replace("两", "二")) if match else None
    run = LABEL.search(clause, 0, match.start()) if match else None
    if match is None or value is None or run is None:
        return None
    subject, label = _label(run[0])
    if not label:
        return None
    count: dict[str, Any] = {"label": label, "value": value, "measure": match["measure"]}
    if match["post"]:
        count["approx"] = match["post"]
    if subject:
        count["subject"] = subject
    return count


def _subject_like(pre: str) -> bool:
    """Return True when the words before 未/无/消除 can be a subject (全县农村公路, 目前, 我局)."""
    return not _NOT_SUBJECT.search(pre)


def read_zero(clause: str) -> dict[str, Any] | None:
    """Return a count of 0 said in words (its ``zero`` phrase kept when it is not the default
    未+label); None when the clause says no such thing."""
    clause = ENUMERATION.sub("", clause.strip().rstrip("。；;，,").rsplit("：", 1)[-1])
    if negated := NEGATED.match(clause):
        label = _ZERO_TAIL.sub("", negated["label"])
        opens = label.startswith(ZERO_VERBS) or (
            label.startswith(_ZERO_OPENERS) and any(v in label[1:16] for v in ZERO_VERBS)
        )
        if opens and _subject_like(negated["pre"]) and len(label) >= 3:
            return _zero(label, INCIDENT_MEASURE, clause)
    if (absent := ABSENT.match(clause)) and _subject_like(absent["pre"]):
        return _zero(absent["label"], INCIDENT_MEASURE, clause)
    if eliminated := ELIMINATED.match(clause):
        pre = eliminated["pre"]
        if not pre or SUBJECT.fullmatch(pre) or LEADS.fullmatch(pre):
            return _zero(eliminated["label"], THING_MEASURE, clause)
    return None


def _zero(label: str, measure: str, clause: str) -> dict[str, Any]:
    """Return a count of 0 of ``label`` (in the measure its label names, else ``measure``)."""
    measure = next((own for noun, own in _OWN_MEASURES if label.endswith(noun)), measure)
    count: dict[str, Any] = {"label": label, "value": 0, "measure": measure}
    if clause != f"未{label}":
        count["zero"] = clause
    return count


def target_of(value: Decimal, percent: str) -> Decimal | None:
    """Return the roundest target that ``value`` is ``percent`` % of, as the percentage was
    rounded (to one decimal at least: 126 at 70% → 180; 9156000 at 91.6% → 10000000); None for
    a value or percentage of 0."""
    pct = _decimal(percent)
    if value <= 0 or pct <= 0:
        return None
    exponent = pct.as_tuple().exponent
    places = max(1, -exponent if isinstance(exponent, int) else 1)
    half = Decimal(5) / Decimal(10) ** (places + 1)
    low, high = value * 100 / (pct + half), value * 100 / max(pct - half, half)
    step = Decimal(10) ** max(0, len(str(int(high))) - 1)
    while step >= 1:  # the first multiple of step at or above low, the largest step first
        candidate = (low / step).to_integral_value(rounding=ROUND_CEILING) * step
        if candidate <= high:
            return candidate
        step /= 10
    return None


def _items(clause: str) -> list[str]:
    """Return a clause split at 、 where every part ends in a number and measure."""
    parts = clause.split("、")
    if len(parts) > 1 and all(FIGURE.search(p.strip()[-TAIL:]) for p in parts):
        return parts
    return [clause]


def read_clauses(sentence: str) -> list[dict[str, Any]]:
    """Return the counts of one sentence, breakdowns (其中…, （含…）) nested under their total."""
    counts: list[dict[str, Any]] = []
    for clause in CLAUSE_SPLIT.split(sentence):
        if counts and _comparison(clause.strip(), counts[-1]):
            continue
        inner = INNER.search(clause)
        head = clause[: inner.start()] if inner else clause
        is_breakdown = head.strip().startswith("其中") and bool(counts)
        found = [c for c in (read_count(p) for p in _items(head)) if c]
        if inner and found:
            found[-1]["breakdown"] = [c for c in (read_count(p) for p in inner[1].split("、")) if c]
        if is_breakdown:
            counts[-1].setdefault("breakdown", []).extend(found)
        else:
            counts.extend(found)
    return counts


def _comparison(clause: str, last: dict[str, Any]) -> bool:
    """Return True when ``clause`` compares ``last`` with an earlier period or a target (setting
    its previous or target when the clause says it exactly enough)."""
    if GROWTH.match(clause) or RATE_CHANGE.match(clause):
        return True
    if (points := POINTS.match(clause)) and last.get("measure") == "%":
        up = points["dir"] in ("提高", "上升")
        last["previous"] = _plain(Decimal(str(last["value"])) - _decimal(points["num"]) * (1 if up else -1))
        last["previous_label"] = points["against"]
        return True
    if target := TARGET.match(clause):
        total = target_of(Decimal(str(last["value"])), target["pct"])
        if total is not None:
            last["target"], last["target_label"] = _plain(total), target["label"]
        return True
    if same := SAME.match(clause):
        last["previous"], last["previous_label"] = last["value"], same["against"]
        return True
    change = CHANGE.match(clause.split("、")[0])
    if change is None:
        return False
    delta = _amount(change["num"], bool(change["wan"]))
    up = change["dir"] in ("增加", "多")
    previous = Decimal(str(last["value"])) - Decimal(str(delta)) * (1 if up else -1)
    last["previous"] = _plain(previous)
    last["previous_label"] = change["against"]
    return True
