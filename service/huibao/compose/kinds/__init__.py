"""The registry of report kinds: id, Chinese name, facts model, wording template, example.

:func:`parse_facts` is the single entry point that turns untrusted JSON-like data into a validated
facts model, translating pydantic's errors into Chinese messages with English field paths.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from huibao.compose import numbers, wording
from huibao.compose.composer import Prepare
from huibao.compose.facts import (
    Count,
    Envelope,
    InspectionNotice,
    RectificationReport,
    ResearchReport,
    SituationReport,
    Speech,
    StatusSnapshot,
    WorkBrief,
    WorkSummary,
)
from huibao.errors import ErrorItem, InvalidFacts, UnknownKind


@dataclass(frozen=True)
class Kind:
    """One report kind: how it is named, validated and worded."""

    id: str
    name: str
    description: str
    model: type[Envelope]
    template: str
    prepare: Prepare
    example: Mapping[str, Any]

    def schema(self) -> dict[str, Any]:
        """Return the JSON Schema of this kind's facts."""
        return self.model.model_json_schema()


def all_counts(counts: list[Count]) -> list[Count]:
    """Return the counts and, depth first, every count in their breakdowns."""
    out: list[Count] = []
    for c in counts:
        out.append(c)
        out.extend(all_counts(c.breakdown))
    return out


class CountIndex:
    """Every count (breakdowns included) by id and by label, so that looking up each of many
    rates does not rescan every count (that was quadratic: 6000 rates took half a minute)."""

    def __init__(self, counts: list[Count]):
        self.by_id: dict[str, Count] = {}
        self.by_label: dict[str, Count] = {}
        for c in all_counts(counts):
            if c.id is not None:
                self.by_id.setdefault(c.id, c)
            self.by_label.setdefault(c.label, c)

    def find(self, ref: str) -> Count | None:
        """Return the first count whose id, else whose label, equals ``ref``; None when none."""
        return self.by_id.get(ref) or self.by_label.get(ref)


def find_count(counts: list[Count], ref: str) -> Count | None:
    """Return the count whose id, else whose label, equals ``ref``; None when there is none."""
    return CountIndex(counts).find(ref)


def default_title(facts: Envelope, suffix: str = "情况的汇报") -> str:
    """Return the given title, else 关于{topic}工作{suffix}."""
    return facts.title or f"关于{wording.with_work(facts.topic)}{suffix}"


def when_phrase(facts: Envelope) -> str:
    """Return the time lead of a snapshot: 截至2020年1月28日18时 / a period / 截至目前."""
    if facts.as_of is not None:
        return f"截至{numbers.format_moment(facts.as_of)}"
    if facts.period is not None:
        return numbers.format_range(facts.period.start, facts.period.end)
    return "截至目前"


def rate_values(counts: list[Count], rates: list[Any]) -> list[tuple[str, str]]:
    """Return each rate as (label, percentage): ("复工率", "98.4"); raise InvalidFacts on a bad reference."""
    values: list[tuple[str, str]] = []
    errors: list[ErrorItem] = []
    index = CountIndex(counts)
    for i, rate in enumerate(rates):
        num = index.find(rate.numerator)
        den = index.find(rate.denominator)
        if num is None:
            errors.append(
                ErrorItem(f"rates[{i}].numerator", f"找不到编号或事项为“{rate.numerator}”的数据")
            )
        if den is None:
            errors.append(
                ErrorItem(
                    f"rates[{i}].denominator", f"找不到编号或事项为“{rate.denominator}”的数据"
                )
            )
        elif den.value == 0:
            errors.append(ErrorItem(f"rates[{i}].denominator", "分母为0，无法计算比率"))
        if num is None or den is None or den.value == 0:
            continue
        values.append(
            (rate.label, wording.percent(Decimal(num.value), Decimal(den.value), rate.digits))
        )
    if errors:
        raise InvalidFacts(errors)
    return values


def rate_phrases(counts: list[Count], rates: list[Any]) -> list[str]:
    """Return each rate as ``复工率达98.4%``; raise InvalidFacts for a bad reference."""
    return [f"{wording.clause(label)}达{value}%" for label, value in rate_values(counts, rates)]


def prepare_situation(facts: Envelope) -> dict[str, Any]:
    assert isinstance(facts, SituationReport)
    return {
        "title": default_title(facts),
        "when": when_phrase(facts),
        "rates": rate_phrases(facts.counts, facts.rates),
    }


SITUATION_EXAMPLE: dict[str, Any] = {
    "kind": "situation_report",
    "unit": {"name": "示例县卫生健康局", "self_reference": "我局"},
    "topic": "疫情防控",
    "as_of": "2020-02-10",
    "counts": [{"label": "累计排查返乡人员", "value": 126, "measure": "人"}],
    "signed_on": "2020-02-10",
}


def methods_phrase(methods: list[str]) -> str:
    """Return how the work was done: 明查与暗访相结合 / 听取汇报、实地察看相结合 / 座谈交流; "" if none."""
    names = [wording.clause(m) for m in methods if wording.clause(m)]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]}与{names[1]}相结合"
    return f"{'、'.join(names)}相结合"


def join_and(names: list[str]) -> str:
    """Return names joined as 甲、乙和丙 (one name alone; "" for none)."""
    names = [wording.clause(n) for n in names if wording.clause(n)]
    if len(names) < 2:
        return "".join(names)
    return f"{'、'.join(names[:-1])}和{names[-1]}"


def doing_when(facts: Envelope) -> str:
    """Return when something was done: a period (2026年3月2日至6日), a date, else 近日."""
    if facts.period is not None:
        return numbers.format_range(facts.period.start, facts.period.end)
    if facts.as_of is not None:
        return numbers.format_moment(facts.as_of)
    return "近日"


def _year_of(facts: Envelope) -> str:
    """Return 2025年 when the facts' period lies within one year, else ""."""
    if facts.period is not None and facts.period.start.year == facts.period.end.year:
        return f"{facts.period.start.year}年"
    return ""


def prepare_summary(facts: Envelope) -> dict[str, Any]:
    assert isinstance(facts, WorkSummary)
    if facts.since:
        since = f"{wording.clause(facts.since).removesuffix('以来')}以来"
    elif facts.period is not None:
        since = numbers.format_range(facts.period.start, facts.period.end)
    else:
        since = "今年以来"
    overview = wording.clause(facts.overview) or f"扎实推进{wording.with_work(facts.topic)}"
    return {
        "title": facts.title or f"{facts.unit.name}{_year_of(facts)}{wording.with_work(facts.topic)}总结",
        "since": since,
        "overview": overview,
        "rates": rate_phrases(facts.counts, facts.rates),
    }


def prepare_inspection(facts: Envelope) -> dict[str, Any]:
    assert isinstance(facts, InspectionNotice)
    team = facts.team
    name = wording.clause(team.name)
    phrase = f"{join_and(team.members)}组成{name}" if team.members else name
    if team.leader:
        # 联合督查组组成后由…带队 needs the comma; a bare team name takes 由… directly
        phrase += f"{'，' if team.members else ''}由{wording.clause(team.leader)}带队"
    if team.members or team.leader:
        phrase += "，"
    return {
        "title": default_title(facts, "督查情况的通报"),
        "when": doing_when(facts),
        "team": phrase,
        "methods": methods_phrase(facts.methods),
    }


def prepare_rectification(facts: Envelope) -> dict[str, Any]:
    assert isinstance(facts, RectificationReport)
    done = sum(1 for item in facts.items if item.status == "已完成")
    return {
        "title": facts.title
        or (f"关于{topic}整改情况的报告" if (topic := wording.clause(facts.topic)).endswith("问题")
            else default_title(facts, "整改情况的报告")),
        "when": when_phrase(facts),
        "total": len(facts.items),
        "done": done,
        "pending": len(facts.items) - done,
    }


def prepare_speech(facts: Envelope) -> dict[str, Any]:
    assert isinstance(facts, Speech)
    return {
        "title": facts.title or f"在{wording.clause(facts.occasion)}上的发言",
        "when": when_phrase(facts),
    }


def prepare_brief(facts: Envelope) -> dict[str, Any]:
    assert isinstance(facts, WorkBrief)
    same_year = facts.signed_on is None or facts.signed_on.year == facts.held_on.year
    held = numbers.format_month_day(facts.held_on) if same_year else numbers.format_date(facts.held_on)
    return {
        "title": facts.title or f"{facts.unit.name}开展{wording.clause(facts.event)}",
        "series": facts.series or f"{wording.with_work(facts.topic)}简报",
        "issuer": facts.signature or facts.unit.name,
        "held": held,
        "organizer": facts.organizer or facts.self_name,
    }


def prepare_research(facts: Envelope) -> dict[str, Any]:
    assert isinstance(facts, ResearchReport)
    return {
        "title": default_title(facts, "情况的调研报告"),
        "when": doing_when(facts),
        "members": join_and(facts.team.members),
        "methods": methods_phrase(facts.methods),
    }


def table_figure(c: Count) -> tuple[str, str]:
    """Return (number, measure) of a count for a table cell: ("1530余", "条"), ("81.328", "万元")."""
    number, measure = numbers.scale_wan(c.value, c.measure) if c.scale else (
        numbers.format_decimal(c.value),
        c.measure,
    )
    if c.approx in ("近", "约"):
        number = f"{c.approx}{number}"
    elif c.approx:
        number = f"{number}{c.approx}"
    return number, measure


def snapshot_rows(counts: list[Count], rates: list[tuple[str, str]]) -> list[list[str]]:
    """Return the table 项目/数量/单位/备注: one row per count, breakdowns as 其中： rows, then rates."""
    rows = [["项目", "数量", "单位", "备注"]]

    def add(c: Count, depth: int, first: bool) -> None:
        number, measure = table_figure(c)
        label = wording.clause(c.label)
        if depth:
            lead = "其中：" if depth == 1 else "含："
            label = "\u3000" * 3 * (depth - 1) + (lead if first else "\u3000" * 3) + label
        rows.append([label, number, measure, wording.clause(c.note)])
        for i, b in enumerate(c.breakdown):
            add(b, depth + 1, i == 0)

    for c in counts:
        add(c, 0, True)
    rows.extend([wording.clause(label), value, "%", ""] for label, value in rates)
    return rows


def prepare_snapshot(facts: Envelope) -> dict[str, Any]:
    assert isinstance(facts, StatusSnapshot)
    return {
        "title": facts.title or f"{wording.with_work(facts.topic)}情况快报",
        "when": when_phrase(facts),
        "rows": snapshot_rows(facts.counts, rate_values(facts.counts, facts.rates)),
    }


_UNIT: dict[str, Any] = {"name": "示例县卫生健康局", "self_reference": "我局"}

SUMMARY_EXAMPLE: dict[str, Any] = {
    "kind": "work_summary",
    "unit": _UNIT,
    "topic": "健康促进",
    "measures": [{"phrases": ["强化统筹", "压实责任"], "text": "制定年度工作方案，明确责任分工"}],
    "signed_on": "2025-12-28",
}

INSPECTION_EXAMPLE: dict[str, Any] = {
    "kind": "inspection_notice",
    "unit": {"name": "示例县人民政府督查室"},
    "topic": "校园食品安全",
    "targets": "全县中小学食堂食品安全管理情况",
    "verdict": "各学校食堂管理制度基本健全，食品安全总体可控",
    "signed_on": "2025-10-20",
}

RECTIFICATION_EXAMPLE: dict[str, Any] = {
    "kind": "rectification_report",
    "unit": _UNIT,
    "topic": "医疗机构院感防控督查反馈问题",
    "items": [
        {"problem": "预检分诊登记信息不完整", "measure": "统一登记表格，每日专人核查", "status": "已完成"}
    ],
    "signed_on": "2025-11-05",
}

SPEECH_EXAMPLE: dict[str, Any] = {
    "kind": "speech",
    "unit": _UNIT,
    "topic": "冬春季传染病防控",
    "occasion": "全县冬春季传染病防控工作推进会",
    "stage_summary": "入冬以来，我局统筹做好重点传染病监测预警和医疗救治准备",
    "signed_on": "2025-12-10",
}

BRIEF_EXAMPLE: dict[str, Any] = {
    "kind": "work_brief",
    "unit": _UNIT,
    "topic": "健康教育",
    "issue_number": 1,
    "purpose": "普及慢性病防治知识",
    "held_on": "2025-09-16",
    "event": "慢性病防治义诊宣传活动",
    "content": "活动现场设置咨询台，医务人员为群众测量血压、血糖并讲解用药知识",
    "effect": "贴近群众需求，受到居民欢迎",
    "signed_on": "2025-09-17",
}

RESEARCH_EXAMPLE: dict[str, Any] = {
    "kind": "research_report",
    "unit": {"name": "示例县人大常委会办公室", "self_reference": "县人大常委会"},
    "topic": "基层医疗卫生服务",
    "team": {"leader": "县人大常委会副主任"},
    "overview": "全县共有乡镇卫生院12所、村卫生室165个",
    "signed_on": "2025-08-30",
}

SNAPSHOT_EXAMPLE: dict[str, Any] = {
    "kind": "status_snapshot",
    "unit": _UNIT,
    "topic": "流感疫苗接种",
    "as_of": "2025-11-30T17:00",
    "counts": [{"label": "累计接种流感疫苗", "value": 12650, "measure": "剂次"}],
    "signed_on": "2025-11-30",
}


KINDS: dict[str, Kind] = {
    k.id: k
    for k in [
        Kind(
            id="situation_report",
            name="情况汇报",
            description="向上级报告某项工作的基本情况、主要做法、存在问题和下一步打算",
            model=SituationReport,
            template="situation_report.j2",
            prepare=prepare_situation,
            example=SITUATION_EXAMPLE,
        ),
        Kind(
            id="work_summary",
            name="工作总结",
            description="总结一个时期的工作：主要做法、工作成效、经验体会、存在不足和今后打算",
            model=WorkSummary,
            template="work_summary.j2",
            prepare=prepare_summary,
            example=SUMMARY_EXAMPLE,
        ),
        Kind(
            id="inspection_notice",
            name="督查通报",
            description="通报督查情况：督查组、方式和范围，总体评价，好的做法，存在问题和整改要求",
            model=InspectionNotice,
            template="inspection_notice.j2",
            prepare=prepare_inspection,
            example=INSPECTION_EXAMPLE,
        ),
        Kind(
            id="rectification_report",
            name="整改情况报告",
            description="逐项报告反馈问题的整改措施和进展（已完成或正在推进）",
            model=RectificationReport,
            template="rectification_report.j2",
            prepare=prepare_rectification,
            example=RECTIFICATION_EXAMPLE,
        ),
        Kind(
            id="speech",
            name="发言材料",
            description="会议发言：阶段性总结、认识体会及形势分析、下步工作措施",
            model=Speech,
            template="speech.j2",
            prepare=prepare_speech,
            example=SPEECH_EXAMPLE,
        ),
        Kind(
            id="work_brief",
            name="工作简报",
            description="一期简报的一条信息：导语、主要内容、效果三段，带期号",
            model=WorkBrief,
            template="work_brief.j2",
            prepare=prepare_brief,
            example=BRIEF_EXAMPLE,
        ),
        Kind(
            id="research_report",
            name="调研报告",
            description="报告调研情况：调研组和调研方式，基本情况，分方面的问题，意见建议",
            model=ResearchReport,
            template="research_report.j2",
            prepare=prepare_research,
            example=RESEARCH_EXAMPLE,
        ),
        Kind(
            id="status_snapshot",
            name="情况快报",
            description="截至某一时点的一组数据，以“项目、数量、单位、备注”表格呈现",
            model=StatusSnapshot,
            template="status_snapshot.j2",
            prepare=prepare_snapshot,
            example=SNAPSHOT_EXAMPLE,
        ),
    ]
}


def get_kind(name: str) -> Kind:
    """Return the kind with id or Chinese name ``name``; raise UnknownKind naming the valid ones."""
    if name in KINDS:
        return KINDS[name]
    for kind in KINDS.values():
        if kind.name == name:
            return kind
    valid = "、".join(f"{k.id}（{k.name}）" for k in KINDS.values())
    raise UnknownKind(f"未知的文种“{name}”，可选：{valid}", field="kind")


_MESSAGES: dict[str, str] = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的字段（请检查拼写）",
    "string_too_short": "不能为空",
    "string_too_long": "内容过长",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_parsing_size": "数值过大",
    "string_unicode": "含有无效的 Unicode 字符",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "model_type": "应为对象",
    "model_attributes_type": "应为对象",
    "dict_type": "应为对象",
    "date_parsing": "日期格式应为 YYYY-MM-DD",
    "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD",
    "date_type": "日期格式应为 YYYY-MM-DD",
    "datetime_parsing": "时间格式应为 YYYY-MM-DDTHH:MM",
    "datetime_from_date_parsing": "时间格式应为 YYYY-MM-DDTHH:MM",
    "datetime_type": "时间格式应为 YYYY-MM-DDTHH:MM",
    "too_long": "项目过多",
    "too_short": "至少需要一项",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "finite_number": "应为有限数字",
}


def field_path(loc: tuple[int | str, ...]) -> str:
    """Return a pydantic location as ``counts[0].value`` (tagged-union steps are skipped)."""
    path = ""
    for step in loc:
        if isinstance(step, int):
            path += f"[{step}]"
        elif step in ("datetime", "date", "str", "function-after[_from_string(), Item]"):
            continue
        else:
            path += f".{step}" if path else str(step)
    return path


def translate(exc: ValidationError, kind: Kind) -> InvalidFacts:
    """Return InvalidFacts with one Chinese message per field, naming the kind."""
    items: list[ErrorItem] = []
    seen: set[str] = set()
    for err in exc.errors():
        path = field_path(tuple(err["loc"]))
        if path in seen:
            continue  # unions report one error per branch; one per field is enough
        seen.add(path)
        etype = err["type"]
        if etype == "value_error":
            text = str(err.get("ctx", {}).get("error", err["msg"]))
        elif etype == "literal_error":
            text = f"取值应为 {err.get('ctx', {}).get('expected', '')} 之一"
        else:
            text = _MESSAGES.get(etype, f"取值无效（{err['msg']}）")
        items.append(ErrorItem(path or None, f"{kind.name}：{text}"))
    return InvalidFacts(items)


def parse_facts(data: object) -> Envelope:
    """Return validated facts for any kind; raise InvalidFacts / UnknownKind on bad input."""
    if not isinstance(data, dict):
        raise InvalidFacts([ErrorItem(None, "事实数据应为 JSON 对象")])
    kind_name = data.get("kind")
    if not isinstance(kind_name, str) or not kind_name.strip():
        raise InvalidFacts([ErrorItem("kind", "缺少文种（kind），如 situation_report")])
    kind = get_kind(kind_name.strip())
    payload = {**data, "kind": kind.id}
    try:
        return kind.model.model_validate(payload)
    except ValidationError as exc:
        raise translate(exc, kind) from None
