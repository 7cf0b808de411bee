"""Language rules of the genre, one parametrized table per rule: facts fragment → phrase."""

from __future__ import annotations

from typing import Any

import pytest
from huibao.compose.facts import Count, Item, Measure
from huibao.compose.numbers import percent
from huibao.compose.wording import (
    clause,
    clean,
    count_phrase,
    counts_phrase,
    enumerate_inline,
    measure_heading,
    sentence,
    with_work,
)


def count(**kw: Any) -> Count:
    return Count.model_validate(kw)


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ({"label": "累计排查返乡人员", "value": 126, "measure": "人"}, "累计排查返乡人员126人"),
        ({"label": "收集意见", "value": 90, "measure": "条", "approx": "余"}, "收集意见90余条"),
        ({"label": "走访群众", "value": 100, "measure": "人", "approx": "多"}, "走访群众100多人"),
        ({"label": "设置卡点", "value": 60, "measure": "个", "approx": "近"}, "设置卡点近60个"),
        ({"label": "投入资金", "value": 30, "measure": "万元", "approx": "约"}, "投入资金约30万元"),
        (
            {"label": "参与志愿者", "value": 60, "measure": "人", "approx": "左右"},
            "参与志愿者60人左右",
        ),
        (
            {"label": "覆盖群众", "value": 5000, "measure": "人", "approx": "以上"},
            "覆盖群众5000人以上",
        ),
        (
            {"label": "发放宣传资料", "value": 12000, "measure": "份", "scale": True},
            "发放宣传资料1.2万份",
        ),
        (
            {"label": "拨付资金", "value": 813280, "measure": "元", "scale": True},
            "拨付资金81.328万元",
        ),
        ({"label": "拨付资金", "value": 9000, "measure": "元", "scale": True}, "拨付资金9000元"),
        ({"label": "复工率", "value": "98.36", "measure": "%"}, "复工率98.36%"),
        ({"label": "发放口罩", "value": 12000, "measure": "只"}, "发放口罩12000只"),
    ],
)
def test_count_phrase(fragment: dict[str, Any], expected: str) -> None:
    assert count_phrase(count(**fragment)) == expected


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        (
            {
                "label": "累计排查返乡人员",
                "value": 126,
                "measure": "人",
                "breakdown": [
                    {"label": "居家隔离", "value": 98, "measure": "人"},
                    {"label": "集中隔离", "value": 28, "measure": "人"},
                ],
            },
            "累计排查返乡人员126人，其中居家隔离98人、集中隔离28人",
        ),
        (
            {
                "label": "检查单位",
                "value": 80,
                "measure": "家",
                "breakdown": [
                    {
                        "label": "企业",
                        "value": 50,
                        "measure": "家",
                        "breakdown": [{"label": "规上企业", "value": 20, "measure": "家"}],
                    },
                    {"label": "学校", "value": 30, "measure": "所"},
                ],
            },
            "检查单位80家，其中企业50家（含规上企业20家）、学校30所",
        ),
        (
            {"label": "发现隐患", "value": 12, "measure": "处", "note": "均已整改。"},
            "发现隐患12处，均已整改",
        ),
    ],
)
def test_count_breakdowns_use_one_qizhong(fragment: dict[str, Any], expected: str) -> None:
    assert count_phrase(count(**fragment)) == expected


def test_counts_are_joined_by_semicolons() -> None:
    cs = [count(label="排查", value=3, measure="户"), count(label="落实", value=46, measure="人")]
    assert counts_phrase(cs) == "排查3户；落实46人"
    assert counts_phrase([]) == ""


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["只此一项。"], "只此一项。"),
        (["加强领导", "压实责任"], "一是加强领导；二是压实责任。"),
        (["加强领导；", "压实责任。", "强化保障，"], "一是加强领导；二是压实责任；三是强化保障。"),
        (
            [f"事项{i}" for i in range(1, 12)],
            "；".join(
                f"{n}是事项{i}"
                for i, n in enumerate(
                    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"], start=1
                )
            )
            + "。",
        ),
        (
            [Item(heading="加强组织领导", text="成立专班。统一调度"), Item(text="压实责任")],
            "一是加强组织领导。成立专班。统一调度。二是压实责任。",
        ),
    ],
)
def test_enumerate_inline(items: list[Any], expected: str) -> None:
    assert enumerate_inline(items) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("测试,内容;完成.", "测试，内容；完成。"),
        ("会议。。结束；。", "会议。结束。"),
        ("成立专班(试行)", "成立专班（试行）"),
        ("问题：:", "问题："),
        ("说明?", "说明？"),
        ("……", "……"),
        ("{{ 7*7 }}", "{{ 7*7 }}"),
        ("&<w:p>", "&<w:p>"),
        ("N95口罩, 98.4%", "N95口罩，98.4%"),
        ("Version 1.2, build 3", "Version 1.2, build 3"),
        ("", ""),
    ],
)
def test_clean_punctuation(text: str, expected: str) -> None:
    assert clean(text) == expected


@pytest.mark.parametrize(
    ("text", "as_clause", "as_sentence"),
    [
        ("加强领导。", "加强领导", "加强领导。"),
        ("加强领导", "加强领导", "加强领导。"),
        ("是否到位？", "是否到位", "是否到位？"),
        ("加强领导；", "加强领导", "加强领导。"),
        ("标语为“五早”", "标语为“五早”", "标语为“五早”。"),
        (None, "", ""),
        ("  ", "", ""),
    ],
)
def test_clause_and_sentence(text: str | None, as_clause: str, as_sentence: str) -> None:
    assert clause(text) == as_clause
    assert sentence(text) == as_sentence


@pytest.mark.parametrize(
    ("topic", "expected"), [("疫情防控", "疫情防控工作"), ("疫情防控工作", "疫情防控工作")]
)
def test_with_work_never_doubles(topic: str, expected: str) -> None:
    assert with_work(topic) == expected


def test_measure_heading_prefers_paired_phrases() -> None:
    assert (
        measure_heading(Measure(phrases=["强化统筹", "压实责任"], heading="x"))
        == "强化统筹，压实责任"
    )
    assert measure_heading(Measure(heading="加强领导。")) == "加强领导"
    assert measure_heading(Measure(text="只有内容")) == ""


@pytest.mark.parametrize(
    ("num", "den", "digits", "expected"),
    [(123, 125, 1, "98.4"), (1, 3, 2, "33.33"), (2, 2, 0, "100")],
)
def test_percent_rounds_half_up(num: int, den: int, digits: int, expected: str) -> None:
    from decimal import Decimal

    assert percent(Decimal(num), Decimal(den), digits) == expected
