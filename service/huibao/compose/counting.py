"""Counts put into sentences: a count's phrase, zero counts, counts woven into a measure's text,
and the 基本情况 snapshot split into sentences of a readable length.

Everything here only rearranges what the facts say; figures come from :mod:`numbers`,
comparisons from :mod:`comparisons`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from huibao.compose.comparisons import change_phrase, target_phrase
from huibao.compose.facts import Count
from huibao.compose.numbers import figure
from huibao.compose.wording import clause

#: A 基本情况 sentence is closed once it would pass this many characters (a single count with a
#: long breakdown may still run longer on its own).
SENTENCE_LIMIT = 80

#: Labels that open with one of these verbs are negated with 未: 发生群体性事件 → 未发生群体性事件.
_NEGATABLE_VERBS = ("发生", "出现", "造成", "引发", "发现", "接到", "收到", "受理", "新增", "报告")
#: Measures of incidents: a zero count reads 未发生{label}.
_INCIDENT_MEASURES = ("起", "宗", "例", "件")


def zero_phrase(c: Count) -> str | None:
    """Return how running text says a count of 0: its own ``zero`` phrase, else 未发生…/未出现…
    by its label or measure; None when no default fits (the count is then left out)."""
    if c.zero:
        return clause(c.zero)
    label = clause(c.label)
    if label.startswith(_NEGATABLE_VERBS):
        return f"未{label}"
    if c.measure in _INCIDENT_MEASURES:
        return f"未发生{label}"
    return None


def is_zero(c: Count) -> bool:
    """Return True for a plain count of 0 (not a range, not a compound tally)."""
    return c.value == 0 and c.upper is None and not c.also


def count_figure(c: Count) -> str:
    """Return the figure of a count with its range and compound parts: 4万—5万个, 14户46人."""
    return figure(c, c.upper) + "".join(figure(t) for t in c.also)


def _extras(c: Count) -> list[str]:
    """Return the comparison and target phrases of a count (none for approximate values)."""
    out: list[str] = []
    if c.previous is not None and not c.approx and c.upper is None:
        out.append(change_phrase(c.value, c.previous, c.previous_label, c.measure, c.scale))
    if c.target is not None and not c.approx and c.upper is None:
        out.append(target_phrase(c.value, c.target, c.target_label))
    return [e for e in out if e]


def count_phrase(c: Count, nested: bool = False) -> str:
    """Return a count as one phrase; "" when it is a 0 that running text leaves out.

    ``累计排查返乡人员126人，比上期增加12人、增长10.5%，其中居家隔离98人、集中隔离28人``: the
    comparison and note of the whole come before its breakdown, so that neither reads as belonging
    to the last part. A part's own breakdown, comparison and note go in parentheses
    (``居家隔离98人（含外省返乡40人）``) so the sentence keeps one 其中; parts of 0 are left out.
    """
    if is_zero(c):
        return "" if nested else (zero_phrase(c) or "")
    phrase = f"{clause(c.label)}{count_figure(c)}"
    extras = _extras(c)
    if c.note:
        extras.append(clause(c.note))
    parts = "、".join(p for p in (count_phrase(b, nested=True) for b in c.breakdown) if p)
    if nested:
        if parts:
            extras.append(f"含{parts}")
        return phrase + (f"（{'，'.join(extras)}）" if extras else "")
    phrase += "".join(f"，{e}" for e in extras)
    return phrase + (f"，其中{parts}" if parts else "")


def counts_phrase(counts: Sequence[Count]) -> str:
    """Return several counts joined by ；, without a final mark ("" when there are none)."""
    return "；".join(p for p in (count_phrase(c) for c in counts) if p)


def _needs_total_word(label: str) -> bool:
    """Return True when 共 goes before the figure rather than the label (a noun phrase: 参加培训
    的医务人员共120人), False for a verb phrase (共培训乡村医生168人)."""
    return "的" in label or label.endswith(("人员", "人数", "数量", "总数", "总量", "面积", "金额"))


#: Labels opening with a total, a scope, a time or a setting take no 共 (累计…, 全县…, 调研中…).
_NO_TOTAL_OPENERS = ("共", "累计", "合计", "总计", "全", "各", "本", "今年", "其中", "调研", "期间", "截至")


def _takes_total_word(label: str) -> bool:
    """Return False for labels that cannot take 共: they already total, or open with a scope or
    setting (全县…, 调研中…)."""
    return not label.startswith(_NO_TOTAL_OPENERS) and "中" not in label[:4]


def total_phrase(c: Count) -> str:
    """Return a count as a tally led by 共: 共培训乡村医生168人 / 参加培训的医务人员共120人 (a label
    already saying 共/累计/合计 keeps its own word); "" for a 0 left out."""
    phrase = count_phrase(c)
    label = clause(c.label)
    if not phrase or is_zero(c) or not _takes_total_word(label):
        return phrase
    if _needs_total_word(label):
        return phrase.replace(label, f"{label}共", 1)
    return f"共{phrase}"


def tally_phrase(counts: Sequence[Count], joiner: str = "，") -> str:
    """Return counts as one tally, the first led by 共: 共培训乡村医生168人，现场考核合格161人;
    counts of 0 left out ("" when none remain)."""
    phrases = [p for p in (count_phrase(c) for c in counts) if p]
    if not phrases:
        return ""
    first = next(c for c in counts if count_phrase(c))
    return joiner.join([total_phrase(first), *phrases[1:]])


def with_counts(text: str | None, counts: Sequence[Count]) -> str:
    """Return a measure's text with its counts as closing clauses, ending in 。 ("" when both are
    empty): …依法立案查处，形成有力震慑，共立案查处17起。 (not a bare 立案查处17起。 after it).

    The text is kept as typed: a figure is never spliced into it.
    """
    parts = [clause(text), *(total_phrase(c) for c in counts)]
    joined = "，".join(p for p in parts if p)
    return f"{joined}。" if joined else ""


@dataclass(frozen=True)
class RateText:
    """A rate as running text (一般隐患整改率达97.3%) and the count it sits beside (its numerator)."""

    text: str
    beside: Count | None


def snapshot(lead: str, subject: str, counts: Sequence[Count], rates: Sequence[RateText] = ()) -> str:
    """Return the 基本情况 paragraph: counts as sentences of a readable length.

    The first sentence opens with ``lead`` and ``subject`` (截至…，我局…) unless the count names
    its own subject (全县); counts of one ``group`` share a sentence; each rate follows the count it
    is computed from (or the whole whose breakdown holds it); sentences close before
    :data:`SENTENCE_LIMIT` characters. "" when empty.
    """
    home: dict[int, Count] = {}  # every count, breakdown parts included → its top-level count
    for c in counts:
        for part in _with_parts(c):
            home.setdefault(id(part), c)
    beside: dict[int, list[str]] = {}
    loose: list[str] = []
    for r in rates:
        top = home.get(id(r.beside)) if r.beside is not None else None
        if top is not None:
            beside.setdefault(id(top), []).append(r.text)
        else:
            loose.append(r.text)
    blocks: list[list[tuple[str, str]]] = []  # each block: clauses (text, own subject or "")
    groups: dict[str, list[tuple[str, str]]] = {}
    for c in counts:
        text = count_phrase(c)
        if not text:
            continue
        entry = ("，".join([text, *beside.get(id(c), [])]), clause(c.subject))
        if c.group:
            if c.group not in groups:
                groups[c.group] = []
                blocks.append(groups[c.group])
            groups[c.group].append(entry)
        else:
            blocks.append([entry])
    if loose:
        blocks.append([("，".join(loose), "")])
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for block in blocks:
        grouped = len(block) > 1
        if current and (grouped or _length(current) + _length(block) > SENTENCE_LIMIT):
            sentences.append(current)
            current = []
        current = current + block
        if grouped:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    out: list[str] = []
    for i, sentence in enumerate(sentences):
        texts: list[str] = []
        said = ""  # a subject is said once for the clauses that share it: 全县有…，建成…
        for text, own in sentence:
            texts.append(text if not own or own == said else f"{own}{text}")
            said = own or said
        joiner = "；" if any("，" in t for t in texts) else "，"
        body = joiner.join(texts)
        if i == 0:
            opener = "" if sentence[0][1] else subject
            body = f"{lead}，{opener}{body}" if lead else f"{opener}{body}"
        out.append(f"{body}。")
    return "".join(out)


def _with_parts(c: Count) -> list[Count]:
    """Return a count and, depth first, every part of its breakdown."""
    return [c, *(part for b in c.breakdown for part in _with_parts(b))]


def _length(clauses: Sequence[tuple[str, str]]) -> int:
    return sum(len(t) + len(s) + 1 for t, s in clauses)
