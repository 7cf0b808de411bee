"""Best-effort import of a report huibao did not write: text (or a .docx's text) → draft facts.

Reads the title (first line), the recipient (a line ending in ：), the numbered headings into
sections, the signature and date at the end, and every "label + number + measure" phrase into a
count: 累计出动检查人员1260人次, 下达整改指令书近300份, 处罚81.328万元, 培训560余人, tables of
情况快报 (项目 → 数量 → 单位), lists after 共 joined by 、, and breakdowns after 其中 or in （含…）.
What it cannot place is listed for the clerk to finish in the form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

#: Measures, longest first so that 人次 wins over 人.
_MEASURE_WORDS = (
    "人次 家次 批次 台次 车次 架次 座（口） 毫米 万元 亿元 元 公里 千米 平方米 立方米 公顷 亩 吨 千克 "
    "人 户 家 条 份 起 次 个 名 件 处 座 口 场 所 项 辆 艘 台 套 块 支 期 篇 张 本 只 头 株 间 栋 宗 例 片 "
    "小时 天 %"
)
MEASURES = sorted(_MEASURE_WORDS.split(), key=len, reverse=True)
#: Longest tail of a clause searched for a count (labels are short; keeps the search linear).
TAIL = 80
_MEASURE = "|".join(re.escape(m) for m in MEASURES)
_CJK = r"\u4e00-\u9fff"
#: label, approx before, number, 万, approx after, measure, approx after the measure.
COUNT = re.compile(
    rf"(?P<label>[{_CJK}“”《》（）()A-Za-z0-9]*?[{_CJK}”》）)])"
    rf"(?P<pre>近|约)?(?P<num>\d+(?:\.\d+)?)(?P<wan>万)?(?P<post>余|多)?"
    rf"(?P<measure>{_MEASURE})(?P<suffix>左右|以上)?$"
)
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．]|（\d+）)")
DATE_LINE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
#: Words that lead a clause but are not part of a count's label.
LEADS = re.compile(
    r"^(?:其中[：:]?|共|我(?:街道|社区|中心|单位|公司|[局县镇市区委办乡村厅处所站院部校])|全年|目前)"
)
#: 比上年同期增加28个 / 比上月减少3起 / 与上周持平: the last count's previous value.
CHANGE = re.compile(
    rf"^(?:比|较)(?P<against>[{_CJK}]{{1,6}}?)(?P<dir>增加|减少|多|少)(?P<num>\d+(?:\.\d+)?)(?P<wan>万)?"
)
SAME = re.compile(rf"^与(?P<against>[{_CJK}]{{1,6}})持平$")
GROWTH = re.compile(r"^(?:增长|下降|提高|降低)\d+(?:\.\d+)?(?:%|个百分点)$")
#: What a title adds around its topic: 关于…工作情况的汇报, …工作总结, …情况快报.
TOPIC = re.compile(r"(?:工作)?(?:情况)?(?:的)?(?:汇报|报告|总结|快报|通报|简报|讲话|发言)$")
_SEPARATORS = re.compile(r"[。；！？\n]")


@dataclass
class Imported:
    """What was read: draft facts, headed sections, and the lines nothing was made of.

    ``source`` is "facts" when the facts came from a huibao .docx's own facts item (then
    ``unplaced`` lists paragraphs changed after it was written), "text" when read from text.
    """

    facts: dict[str, Any]
    sections: list[dict[str, str]] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    source: str = "text"

    def as_dict(self) -> dict[str, Any]:
        return {
            "facts": self.facts, "sections": self.sections, "unplaced": self.unplaced, "source": self.source
        }


def _amount(number: str, wan: bool) -> int | float:
    value = Decimal(number) * (10000 if wan else 1)
    return int(value) if value == value.to_integral_value() else float(value)


def read_count(clause: str) -> dict[str, Any] | None:
    """Return the count a clause ends in (label, value, measure, approx, scale); None when none."""
    clause = clause.strip().rstrip("，,")[-TAIL:]
    match = COUNT.search(clause)
    if match is None:
        return None
    label = LEADS.sub("", match["label"]).strip()
    label = LEADS.sub("", label) if label.startswith(("共", "其中")) else label
    if not label or label.isdigit():
        return None
    count: dict[str, Any] = {"label": label, "value": _amount(match["num"], bool(match["wan"]))}
    measure = match["measure"]
    if measure in ("万元", "亿元"):  # money is kept in 元 and written back at its scale
        factor = Decimal(10000 if measure == "万元" else 100_000_000) * (10000 if match["wan"] else 1)
        value = Decimal(match["num"]) * factor
        count["value"] = int(value) if value == value.to_integral_value() else float(value)
        measure, count["scale"] = "元", True
    elif match["wan"]:
        count["scale"] = True
    count["measure"] = measure
    approx = match["pre"] or match["post"] or match["suffix"]
    if approx:
        count["approx"] = approx
    return count


def _items(clause: str) -> list[str]:
    """Return a clause split at 、 where every part ends in a number and measure."""
    parts = clause.split("、")
    if len(parts) > 1 and all(COUNT.search(p.strip()[-TAIL:]) for p in parts):
        return parts
    return [clause]


def read_clauses(sentence: str) -> list[dict[str, Any]]:
    """Return the counts of one sentence, breakdowns (其中…, （含…）) nested under their total."""
    counts: list[dict[str, Any]] = []
    for clause in re.split(r"[，,、]?(?=比|较|与)|[，,]", sentence):
        if counts and _comparison(clause.strip(), counts[-1]):
            continue
        inner = re.search(r"[（(]含(.+?)[）)]$", clause)
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
    """Return True when ``clause`` compares ``last`` with an earlier period (setting its previous)."""
    if GROWTH.match(clause):
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
    last["previous"] = int(previous) if previous == previous.to_integral_value() else float(previous)
    last["previous_label"] = change["against"]
    return True


def read_table_row(cells: list[str]) -> tuple[dict[str, Any] | None, bool]:
    """Return a 情况快报 row (项目, 数量, 单位[, 备注]) as a count, and whether it is a breakdown row."""
    label = cells[0]
    breakdown = label.startswith(("其中", "\u3000", " "))
    label = re.sub(r"^(其中[：:])?[\u3000 ]*", "", label).strip()
    number = re.fullmatch(r"(近|约)?(\d+(?:\.\d+)?)(万)?(余|多)?", cells[1].strip())
    if not label or number is None:
        return None, False
    count: dict[str, Any] = {"label": label, "value": _amount(number[2], bool(number[3])),
                             "measure": cells[2].strip() if len(cells) > 2 else ""}
    if number[3]:
        count["scale"] = True
    if number[1] or number[4]:
        count["approx"] = number[1] or number[4]
    if len(cells) > 3 and cells[3].strip():
        count["note"] = cells[3].strip()
    return count, breakdown


def import_text(text: str, kind: str = "situation_report") -> Imported:
    """Return draft facts read from a report's plain text (empty facts for empty text).

    Raises PayloadTooLarge past ``HUIBAO_MAX_TEXT_KCHARS`` thousand characters.
    """
    from huibao.bodies import max_text_chars
    from huibao.errors import PayloadTooLarge

    if len(text) > max_text_chars():
        raise PayloadTooLarge(f"文本过长，上限为 {max_text_chars()} 个字符")
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line.strip()]
    facts: dict[str, Any] = {"kind": kind}
    result = Imported(facts)
    if not lines:
        return result
    facts["title"] = lines[0].strip()
    facts["topic"] = TOPIC.sub("", facts["title"]).removeprefix("关于") or facts["title"]
    rest = lines[1:]
    if rest and rest[0].strip().endswith(("：", ":")) and len(rest[0].strip()) <= 60:
        facts["recipient"] = rest[0].strip().rstrip("：:")
        rest = rest[1:]
    if rest and DATE_LINE.match(rest[-1].strip()):
        y, m, d = DATE_LINE.match(rest[-1].strip()).groups()  # type: ignore[union-attr]
        facts["signed_on"] = f"{y}-{int(m):02d}-{int(d):02d}"
        rest = rest[:-1]
        if rest and len(rest[-1].strip()) <= 40 and not _SEPARATORS.search(rest[-1].strip()[:-1]):
            facts["signature"] = rest[-1].strip()
            facts["unit"] = {"name": rest[-1].strip()}
            rest = rest[:-1]
    counts: list[dict[str, Any]] = []
    section: dict[str, str] | None = None
    for line in rest:
        stripped = line.strip("\u3000 ")
        if "\t" in line:
            count, breakdown = read_table_row(line.split("\t"))
            if count is None:
                continue  # the header row
            if breakdown and counts:
                counts[-1].setdefault("breakdown", []).append(count)
            else:
                counts.append(count)
            continue
        if HEADING.match(stripped) and len(stripped) <= 40 and not stripped.endswith("。"):
            section = {"heading": HEADING.sub("", stripped).strip(), "text": ""}
            result.sections.append(section)
            continue
        found = [c for sentence in _SEPARATORS.split(stripped) for c in read_clauses(sentence)]
        counts.extend(found)
        if section is not None:
            section["text"] = (section["text"] + stripped).strip()
        elif not found:
            result.unplaced.append(stripped)
    if counts:
        facts["counts"] = counts
    return result


def import_file(data: bytes, kind: str = "situation_report") -> Imported:
    """Return draft facts read from a .docx or a text file's bytes: the facts a huibao .docx
    carries when it has them (``kind`` is then theirs), else what the text yields."""
    from huibao.convert.converter import document_text
    from huibao.embedded import changed_paragraphs, read_facts
    from huibao.uploads import decode_text, is_docx_bytes, open_docx

    if not is_docx_bytes(data):
        return import_text(decode_text(data), kind)
    document = open_docx(data)
    embedded = read_facts(data)
    if embedded is not None:
        return Imported(embedded, unplaced=changed_paragraphs(document, embedded), source="facts")
    return import_text(document_text(document), kind)
