"""Numbers and counts the way a clerk writes them, one parametrized table per rule:
facts fragment → exact phrase or sentence."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

from huibao.compose.counting import (
    RateText,
    count_phrase,
    counts_phrase,
    snapshot,
    tally_phrase,
    total_phrase,
    with_counts,
    zero_phrase,
)
from huibao.compose.counts import rate_texts
from huibao.compose.facts import Count, Rate
from huibao.compose.numbers import small_number, table_figure


def count(**kw: Any) -> Count:
    return Count.model_validate(kw)


# --- figures: scale, approximation slot, ranges, compound tallies, money -----------------------


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ({"label": "累计排查返乡人员", "value": 126, "measure": "人"}, "累计排查返乡人员126人"),
        ({"label": "收集意见", "value": 90, "measure": "条", "approx": "余"}, "收集意见90余条"),
        ({"label": "排查隐患", "value": 1530, "measure": "条", "approx": "余"}, "排查隐患1530余条"),
        ({"label": "走访群众", "value": 100, "measure": "人", "approx": "多"}, "走访群众100多人"),
        ({"label": "设置卡点", "value": 60, "measure": "个", "approx": "近"}, "设置卡点近60个"),
        ({"label": "出动人员", "value": 1260, "measure": "人", "approx": "约"}, "出动人员约1260人"),
        ({"label": "投入资金", "value": 30, "measure": "万元", "approx": "约"}, "投入资金约30万元"),
        ({"label": "参与志愿者", "value": 60, "measure": "人", "approx": "左右"}, "参与志愿者60人左右"),
        ({"label": "覆盖群众", "value": 5000, "measure": "人", "approx": "以上"}, "覆盖群众5000人以上"),
        # the approximation sits after the scale word, never inside the scaled number
        (
            {"label": "惠及群众", "value": 36000, "measure": "人", "approx": "余", "scale": True},
            "惠及群众3.6万余人",
        ),
        (
            {"label": "发放资料", "value": 25000, "measure": "份", "approx": "多", "scale": True},
            "发放资料2.5万多份",
        ),
        (
            {"label": "追回工资", "value": 572000, "measure": "元", "approx": "余", "scale": True},
            "追回工资57.2万余元",
        ),
        ({"label": "追回工资", "value": "57.2", "measure": "万元", "approx": "余"}, "追回工资57.2万余元"),
        (
            {"label": "转移群众", "value": 20000, "measure": "人", "approx": "左右", "scale": True},
            "转移群众2万人左右",
        ),
        (
            {"label": "投入资金", "value": 15000, "measure": "元", "approx": "近", "scale": True},
            "投入资金近1.5万元",
        ),
        # scale chosen automatically: 万 from 1万, 亿 from 1亿 (never 12000万元)
        ({"label": "发放宣传资料", "value": 12000, "measure": "份", "scale": True}, "发放宣传资料1.2万份"),
        ({"label": "拨付资金", "value": 813280, "measure": "元", "scale": True}, "拨付资金81.328万元"),
        ({"label": "拨付资金", "value": 9000, "measure": "元", "scale": True}, "拨付资金9000元"),
        ({"label": "完成投资", "value": 120000000, "measure": "元", "scale": True}, "完成投资1.2亿元"),
        ({"label": "完成投资", "value": 12000, "measure": "万元", "scale": True}, "完成投资1.2亿元"),
        ({"label": "追讨工资", "value": 9156000, "measure": "元", "scale": True}, "追讨工资915.6万元"),
        ({"label": "完成投资", "value": 12000, "measure": "万元"}, "完成投资12000万元"),
        ({"label": "复工率", "value": "98.36", "measure": "%"}, "复工率98.36%"),
        ({"label": "发放口罩", "value": 12000, "measure": "只"}, "发放口罩12000只"),
        # ranges
        (
            {"label": "储备沙袋", "value": 40000, "upper": 50000, "measure": "个", "scale": True},
            "储备沙袋4万—5万个",
        ),
        ({"label": "每日接诊", "value": 150, "upper": 200, "measure": "人"}, "每日接诊150—200人"),
        ({"label": "降幅", "value": 15, "upper": 30, "measure": "%"}, "降幅15%—30%"),
        # compound tallies
        (
            {"label": "落实居家隔离", "value": 14, "measure": "户", "also": [{"value": 46, "measure": "人"}]},
            "落实居家隔离14户46人",
        ),
    ],
)
def test_figure_puts_scale_and_approximation_in_their_slots(fragment: dict[str, Any], expected: str) -> None:
    assert count_phrase(count(**fragment)) == expected


@pytest.mark.parametrize(
    ("fragment", "cells"),
    [
        ({"value": 1530, "measure": "条", "approx": "余"}, ("1530余", "条")),
        ({"value": 813280, "measure": "元", "scale": True}, ("81.328", "万元")),
        ({"value": 300, "measure": "份", "approx": "近"}, ("近300", "份")),
        ({"value": 23000, "measure": "人", "approx": "余", "scale": True}, ("2.3万余", "人")),
        ({"value": 120000000, "measure": "元", "scale": True}, ("1.2", "亿元")),
        ({"value": 0, "measure": "起"}, ("0", "起")),
    ],
)
def test_table_cells_keep_zero_and_put_approximation_with_the_number(
    fragment: dict[str, Any], cells: tuple[str, str]
) -> None:
    assert table_figure(count(label="项目", **fragment)) == cells


@pytest.mark.parametrize(
    ("n", "measure", "expected"),
    [
        (1, "个", "一个"),
        (2, "个", "两个"),
        (3, "个", "三个"),
        (10, "个", "十个"),
        (12, "个", "12个"),
        (2, "", "二"),
    ],
)
def test_small_numbers_are_written_in_chinese(n: int, measure: str, expected: str) -> None:
    assert small_number(n, measure) == expected


# --- zero counts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ({"label": "发生群体性事件", "measure": "起"}, "未发生群体性事件"),
        ({"label": "较大以上生产安全事故", "measure": "起"}, "未发生较大以上生产安全事故"),
        ({"label": "发现新增病例", "measure": "例"}, "未发现新增病例"),
        ({"label": "出现管涌险情", "measure": "处"}, "未出现管涌险情"),
        ({"label": "人员伤亡", "measure": "人", "zero": "未造成人员伤亡。"}, "未造成人员伤亡"),
        ({"label": "转移群众", "measure": "人"}, None),
    ],
)
def test_a_zero_count_takes_its_negative_form(fragment: dict[str, Any], expected: str | None) -> None:
    c = count(value=0, **fragment)
    assert zero_phrase(c) == expected
    assert count_phrase(c) == (expected or "")


def test_zero_counts_never_stand_as_figures_in_running_text() -> None:
    cs = [
        count(
            label="排查隐患",
            value=12,
            measure="处",
            breakdown=[
                {"label": "重大隐患", "value": 0, "measure": "处"},
                {"label": "一般隐患", "value": 12, "measure": "处"},
            ],
        ),
        count(label="发生群体性事件", value=0, measure="起"),
        count(label="转移群众", value=0, measure="人"),
    ]
    assert counts_phrase(cs) == "排查隐患12处，其中一般隐患12处；未发生群体性事件"
    text = snapshot("截至6月1日", "我镇", cs)
    assert text == "截至6月1日，我镇排查隐患12处，其中一般隐患12处；未发生群体性事件。"
    assert not re.search(r"\D0[^\d.]", text)


# --- comparisons ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        (
            {"value": 132, "measure": "人", "previous": 120, "previous_label": "上年同期"},
            "新增就业132人，比上年同期增加12人、增长10%",
        ),
        ({"value": 108, "measure": "人", "previous": 120}, "新增就业108人，比上期减少12人、下降10%"),
        (
            {"value": 120, "measure": "人", "previous": 120, "previous_label": "上月"},
            "新增就业120人，与上月持平",
        ),
        ({"value": 12, "measure": "人", "previous": 0}, "新增就业12人，比上期增加12人"),
        ({"value": 10846, "measure": "人", "previous": 10000}, "新增就业10846人，比上期增加846人、增长8.5%"),
        ({"value": 10004, "measure": "人", "previous": 10000}, "新增就业10004人，比上期增加4人"),
        (
            {"value": 132000, "measure": "人", "scale": True, "previous": 120000, "previous_label": "上年"},
            "新增就业13.2万人，比上年增加1.2万人、增长10%",
        ),
        ({"value": "95.5", "measure": "%", "previous": "94.3"}, "新增就业95.5%，比上期提高1.2个百分点"),
        ({"value": "93.1", "measure": "%", "previous": "94.3"}, "新增就业93.1%，比上期下降1.2个百分点"),
        (
            {"value": 934, "measure": "人", "target": 1000, "target_label": "年度目标任务"},
            "新增就业934人，完成年度目标任务的93.4%",
        ),
        # an approximate value is not compared (false precision): a fact warning says so
        ({"value": 130, "measure": "人", "approx": "余", "previous": 120}, "新增就业130余人"),
    ],
)
def test_a_count_compares_with_its_previous_value_and_target(fragment: dict[str, Any], expected: str) -> None:
    assert count_phrase(count(label="新增就业", **fragment)) == expected


def test_a_rate_compares_in_percentage_points() -> None:
    counts = [
        count(id="a", label="复工企业", value=492, measure="家"),
        count(id="b", label="企业", value=500),
    ]
    rate = Rate.model_validate(
        {
            "label": "复工率",
            "numerator": "a",
            "denominator": "b",
            "previous": "97.2",
            "previous_label": "上周",
        }
    )
    assert [r.text for r in rate_texts(counts, [rate])] == ["复工率达98.4%，比上周提高1.2个百分点"]


def test_the_comparison_and_note_of_a_whole_come_before_its_breakdown() -> None:
    c = count(
        label="受理投诉",
        value=132,
        measure="件",
        previous=120,
        note="均已办结",
        breakdown=[{"label": "食品类", "value": 80, "measure": "件", "note": "含网购"}],
    )
    assert count_phrase(c) == "受理投诉132件，比上期增加12件、增长10%，均已办结，其中食品类80件（含网购）"


# --- counts inside sentences -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "counts", "expected"),
    [
        (
            "对拒不整改的单位依法立案查处，形成有力震慑",
            [{"label": "立案查处", "value": 17, "measure": "起"}],
            "对拒不整改的单位依法立案查处，形成有力震慑，共立案查处17起。",
        ),
        (
            "采取“四不两直”方式深入一线。",
            [{"label": "开展暗访", "value": 48, "measure": "次"}],
            "采取“四不两直”方式深入一线，共开展暗访48次。",
        ),
        (None, [{"label": "开展暗访", "value": 48, "measure": "次"}], "共开展暗访48次。"),
        (
            "组织集中培训",
            [{"label": "参加培训的医务人员", "value": 120, "measure": "人"}],
            "组织集中培训，参加培训的医务人员共120人。",
        ),
        (
            "开展入户走访",
            [{"label": "累计走访群众", "value": 3000, "measure": "人", "approx": "余"}],
            "开展入户走访，累计走访群众3000余人。",
        ),
        (
            "加强巡查值守",
            [{"label": "发生安全事故", "value": 0, "measure": "起"}],
            "加强巡查值守，未发生安全事故。",
        ),
        ("加强巡查值守", [], "加强巡查值守。"),
        (None, [], ""),
    ],
)
def test_counts_close_a_measure_as_clauses_of_its_paragraph(
    text: str | None, counts: list[dict[str, Any]], expected: str
) -> None:
    assert with_counts(text, [count(**c) for c in counts]) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("培训乡村医生", "共培训乡村医生168人"),
        ("参加培训的乡村医生", "参加培训的乡村医生共168人"),
        ("全县参训人员", "全县参训人员168人"),
        ("累计培训", "累计培训168人"),
        ("调研中走访群众", "调研中走访群众168人"),
    ],
)
def test_total_word_goes_where_the_label_allows(label: str, expected: str) -> None:
    assert total_phrase(count(label=label, value=168, measure="人")) == expected


def test_a_tally_leads_with_one_total_word() -> None:
    cs = [
        count(label="培训乡村医生", value=168, measure="人"),
        count(label="现场考核合格", value=161, measure="人"),
    ]
    assert tally_phrase(cs) == "共培训乡村医生168人，现场考核合格161人"
    assert tally_phrase([count(label="发现问题", value=0, measure="个")]) == "未发现问题"
    assert tally_phrase([count(label="转移群众", value=0, measure="人")]) == ""


# --- the 基本情况 snapshot ----------------------------------------------------------------------


def test_snapshot_sentences_stay_readable_and_keep_rates_beside_their_base() -> None:
    counts = [
        count(id=f"c{i}", label=f"检查第{i}类生产经营单位", value=100 + i, measure="家") for i in range(12)
    ]
    found = count(id="found", label="排查一般隐患", value=1532, measure="条")
    fixed = count(id="fixed", label="已完成整改", value=1488, measure="条")
    rate = RateText("一般隐患整改率达97.1%", fixed)
    text = snapshot("截至2026年1月20日17时", "我局", [*counts, found, fixed], [rate])
    sentences = [s for s in text.split("。") if s]
    assert text.startswith("截至2026年1月20日17时，我局检查第0类生产经营单位100家")
    assert max(len(s) for s in sentences) <= 100
    assert "已完成整改1488条，一般隐患整改率达97.1%" in text
    assert text.count("我局") == 1


def test_snapshot_groups_counts_and_honours_their_own_subject() -> None:
    counts = [
        count(label="共有行政村", value=126, measure="个", subject="全县", group="概况"),
        count(label="建成集中供水工程", value=38, measure="处", subject="全县", group="概况"),
        count(label="巡查水库", value=45, measure="座", group="巡查"),
        count(label="巡查山塘", value=120, measure="口", group="巡查"),
    ]
    assert snapshot("截至5月31日", "我局", counts) == (
        "截至5月31日，全县共有行政村126个，建成集中供水工程38处。巡查水库45座，巡查山塘120口。"
    )


def test_an_empty_snapshot_is_empty() -> None:
    assert snapshot("截至5月31日", "我局", []) == ""
    assert snapshot("截至5月31日", "我局", [count(label="转移群众", value=0, measure="人")]) == ""


def test_a_rate_without_its_base_in_the_paragraph_closes_it() -> None:
    rate = RateText("普及率达95%", None)
    assert snapshot("", "我县", [count(label="覆盖人口", value=12, measure="万人")], [rate]) == (
        "我县覆盖人口12万人，普及率达95%。"
    )


def test_decimal_change_is_exact() -> None:
    assert count_phrase(count(label="降雨量", value="120.5", measure="毫米", previous="100.25")) == (
        "降雨量120.5毫米，比上期增加20.25毫米、增长20.2%"
    )
    assert Decimal("20.25") / Decimal("100.25") * 100 < Decimal("20.2")  # 20.199… rounds to 20.2


def test_a_rate_of_a_breakdown_part_follows_the_whole() -> None:
    passed = count(label="合格", value=1831, measure="批次")
    total = count(label="完成食品监督抽检", value=1860, measure="批次", breakdown=[passed.model_dump()])
    part = total.breakdown[0]
    other = count(label="立案查处食品安全违法案件", value=74, measure="件")
    text = snapshot("", "我局", [total, other], [RateText("抽检合格率达98.4%", part)])
    assert (
        text
        == "我局完成食品监督抽检1860批次，其中合格1831批次，抽检合格率达98.4%；立案查处食品安全违法案件74件。"
    )


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ({"value": 5, "previous": -5}, "余额5万元，比上期增加10万元"),
        ({"value": 5, "target": -3}, "余额5万元"),
        ({"value": 5, "target": 0}, "余额5万元"),
    ],
)
def test_no_growth_rate_or_completion_against_a_base_of_zero_or_below(
    fragment: dict[str, Any], expected: str
) -> None:
    assert count_phrase(count(label="余额", measure="万元", **fragment)) == expected
