"""Language rules of the genre, one parametrized table per rule: facts fragment → phrase."""

from __future__ import annotations

from typing import Any

import pytest

from huibao.compose.facts import Item, Measure
from huibao.compose.numbers import percent
from huibao.compose.wording import (
    clause,
    clean,
    enumerate_inline,
    lead_in,
    measure_heading,
    sentence,
    with_work,
)


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
    ("topic", "expected"),
    [
        ("疫情防控", "疫情防控工作"),
        ("疫情防控工作", "疫情防控工作"),
        ("根治欠薪冬季专项行动", "根治欠薪冬季专项行动"),
        ("消防安全宣传月活动", "消防安全宣传月活动"),
        ("燃气安全专项整治", "燃气安全专项整治"),
        ("城乡供水一体化工程", "城乡供水一体化工程"),
    ],
)
def test_with_work_never_doubles_nor_follows_an_undertaking(topic: str, expected: str) -> None:
    assert with_work(topic) == expected


@pytest.mark.parametrize(
    ("background", "expected"),
    [
        ("为进一步做好汛期安全防范工作。", "为进一步做好汛期安全防范工作，"),
        ("入汛以来，全县降雨偏多", "入汛以来，全县降雨偏多。"),
        (None, ""),
    ],
)
def test_a_purpose_clause_leads_into_its_main_clause(background: str | None, expected: str) -> None:
    assert lead_in(background) == expected


def test_measure_heading_prefers_paired_phrases() -> None:
    assert measure_heading(Measure(phrases=["强化统筹", "压实责任"], heading="x")) == "强化统筹，压实责任"
    assert measure_heading(Measure(heading="加强领导。")) == "加强领导"
    assert measure_heading(Measure(text="只有内容")) == ""


@pytest.mark.parametrize(
    ("num", "den", "digits", "expected"),
    [(123, 125, 1, "98.4"), (1, 3, 2, "33.33"), (2, 2, 0, "100")],
)
def test_percent_rounds_half_up(num: int, den: int, digits: int, expected: str) -> None:
    from decimal import Decimal

    assert percent(Decimal(num), Decimal(den), digits) == expected
