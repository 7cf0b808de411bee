"""Facts a clerk needs beyond the first model (issue 11 §6): measures given as bare strings or with
an inline 一是… list, rectification items that continue (长期坚持) and name their responsible unit."""

from __future__ import annotations

from typing import Any

import pytest

from huibao.compose.composer import compose
from huibao.compose.kinds import get_kind, parse_facts
from huibao.compose.kinds.rectification_report import progress_sentence


def text_of(data: dict[str, Any]) -> str:
    facts = parse_facts(data)
    kind = get_kind(facts.kind)
    return compose(facts, kind.template, kind.prepare).plain_text()


SITUATION: dict[str, Any] = {
    "kind": "situation_report",
    "unit": {"name": "青禾县人力资源和社会保障局", "self_reference": "我局"},
    "topic": "根治欠薪冬季专项行动",
}


def test_a_measure_may_be_a_bare_string() -> None:
    data = {**SITUATION, "measures": ["畅通欠薪线索反映渠道", "开展在建工程项目全覆盖排查"]}
    assert "一是畅通欠薪线索反映渠道；二是开展在建工程项目全覆盖排查。" in text_of(data)


def test_a_measure_holds_an_inline_list_after_its_text_and_counts() -> None:
    measure = {
        "heading": "强化源头治理",
        "text": "在工程建设领域全面推行农民工实名制管理",
        "details": ["落实工资专用账户制度", "落实工资保证金制度"],
        "counts": [{"label": "检查在建项目", "value": 86, "measure": "个"}],
    }
    assert (
        "在工程建设领域全面推行农民工实名制管理，共检查在建项目86个。"
        "一是落实工资专用账户制度；二是落实工资保证金制度。"
    ) in text_of({**SITUATION, "measures": [measure]})


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["已完成"], "该问题已完成整改。"),
        (["长期坚持"], "该问题需长期坚持整改。"),
        (["已完成", "已完成"], "2个问题已全部完成整改。"),
        (["正在推进", "正在推进"], "2个问题均在推进整改中。"),
        (["已完成", "已完成", "已完成", "正在推进"], "4个问题中已完成整改3个，正在推进1个。"),
        (["已完成", "长期坚持", "正在推进"], "3个问题中已完成整改1个，正在推进1个，需长期坚持1个。"),
    ],
)
def test_rectification_progress_counts_each_status(statuses: list[str], expected: str) -> None:
    assert progress_sentence(statuses) == expected


def test_a_rectification_item_names_its_responsible_unit_and_may_continue() -> None:
    data = {
        "kind": "rectification_report",
        "unit": {"name": "青禾县城关镇人民政府", "self_reference": "我镇"},
        "topic": "防汛督查反馈问题",
        "items": [
            {
                "problem": "山塘巡查记录不规范",
                "measure": "统一巡查记录格式，每周抽查一次",
                "status": "长期坚持",
                "responsible": "镇水利站",
            }
        ],
    }
    text = text_of(data)
    assert "整改措施：统一巡查记录格式，每周抽查一次。\n责任单位：镇水利站。\n整改进展：长期坚持。" in text
    assert "该问题需长期坚持整改。" in text


@pytest.mark.parametrize(
    ("topic", "opening"),
    [
        ("安全生产", "现将我局安全生产工作情况汇报如下："),
        ("岁末年初安全生产隐患大排查大整治百日攻坚", "现将有关情况汇报如下："),
    ],
)
def test_a_long_topic_is_named_in_the_title_not_again_in_the_opening(topic: str, opening: str) -> None:
    data = {**SITUATION, "topic": topic, "measures": ["加强巡查值守"]}
    assert opening in text_of(data)


def test_a_summary_may_be_titled_by_area() -> None:
    data = {
        "kind": "work_summary",
        "unit": {"name": "青禾县市场监督管理局", "self_reference": "我局"},
        "area": "全县",
        "topic": "食品安全",
        "period": {"start": "2025-01-01", "end": "2025-12-31"},
        "measures": ["开展校园食品安全专项检查"],
    }
    assert text_of(data).startswith("全县2025年食品安全工作总结\n")


def test_a_long_topic_missing_from_a_given_title_stays_in_the_opening() -> None:
    data = {**SITUATION, "topic": "岁末年初安全生产隐患大排查大整治百日攻坚", "title": "关于近期工作的汇报"}
    assert "现将我局岁末年初安全生产隐患大排查大整治百日攻坚情况汇报如下：" in text_of(
        {**data, "measures": ["x"]}
    )


@pytest.mark.parametrize(
    ("topic", "heading"),
    [
        ("森林防灭火", "一、森林防灭火工作阶段性总结"),
        ("城乡居民基本医疗保险参保扩面提质专项行动", "一、阶段性工作总结"),
    ],
)
def test_a_speech_names_a_long_topic_once(topic: str, heading: str) -> None:
    data = {
        "kind": "speech",
        "unit": {"name": "青禾县医疗保障局", "self_reference": "我局"},
        "topic": topic,
        "occasion": "全县医疗保障工作推进会",
        "stage_summary": "今年以来，我局统筹推进各项重点工作",
    }
    lines = text_of(data).split("\n")
    assert heading in lines


def test_a_snapshot_rate_reads_whole_in_its_cell() -> None:
    data = {
        "kind": "status_snapshot",
        "unit": {"name": "青禾县民政局"},
        "topic": "养老机构消防安全演练",
        "as_of": "2026-03-20",
        "counts": [
            {"id": "all", "label": "养老机构", "value": 38, "measure": "家"},
            {"id": "done", "label": "已演练机构", "value": 36, "measure": "家"},
        ],
        "rates": [{"label": "演练覆盖率", "numerator": "done", "denominator": "all"}],
    }
    lines = text_of(data).split("\n")
    assert "演练覆盖率\t94.7%\t\t" in lines
    assert lines[0] == "养老机构消防安全演练情况快报"
