"""Facts that used to end in a 500: time zones and numbers as dates, string booleans, overflowing
rates, XML-illegal characters, over-long lists. Each is normalised or refused with a Chinese
message naming the field, never an exception."""

from __future__ import annotations

import copy
import datetime as dt
import io
from typing import Any

import docx
import pytest

from huibao.compose.composer import compose
from huibao.compose.factchecks import check_facts
from huibao.compose.facts import MAX_ITEMS
from huibao.compose.kinds import get_kind, parse_facts
from huibao.compose.tree import Document
from huibao.errors import InvalidFacts
from huibao.write import WRITERS

BASE: dict[str, Any] = {
    "kind": "situation_report",
    "unit": {"name": "青禾县应急管理局", "self_reference": "我局"},
    "topic": "安全生产",
    "counts": [{"id": "a", "label": "检查企业", "value": 36, "measure": "家"}],
}


def facts(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data.update(changes)
    return data


def build(data: dict[str, Any]) -> Document:
    parsed = parse_facts(data)
    kind = get_kind(parsed.kind)
    return compose(parsed, kind.template, kind.prepare)


def refusal(data: dict[str, Any]) -> dict[str, str]:
    """Return {field: message} of the InvalidFacts that ``data`` must raise."""
    with pytest.raises(InvalidFacts) as info:
        parse_facts(data)
    return {e.field or "": e.message for e in info.value.errors}


@pytest.mark.parametrize(
    ("given", "read"),
    [
        ("2020-02-10", dt.date(2020, 2, 10)),
        ("2020-02-10T18:00", dt.datetime(2020, 2, 10, 18, 0)),
        ("2020-02-10T10:00Z", dt.datetime(2020, 2, 10, 18, 0)),
        ("2020-02-10T10:00:00+00:00", dt.datetime(2020, 2, 10, 18, 0)),
        ("2020-02-10T18:00+08:00", dt.datetime(2020, 2, 10, 18, 0)),
        ("2020-02-10T05:00-05:00", dt.datetime(2020, 2, 10, 18, 0)),
        ("2020-02-10T20:00Z", dt.datetime(2020, 2, 11, 4, 0)),
    ],
)
def test_as_of_with_a_time_zone_is_read_in_china_time(given: str, read: dt.date) -> None:
    parsed = parse_facts(facts(as_of=given))
    assert parsed.as_of == read
    assert type(parsed.as_of) is type(read)
    assert check_facts(parsed, now=dt.datetime(2030, 1, 1)) == []  # naive and aware never compared


@pytest.mark.parametrize(
    "given", ["20200210", 20200210, "1580000000", 1.58e9, "2020.5", True, "昨天", "2020-02-30", [], {}]
)
def test_as_of_refuses_numbers_and_non_dates_naming_the_field(given: object) -> None:
    errors = refusal(facts(as_of=given))
    assert list(errors) == ["as_of"]
    assert errors["as_of"] == "情况汇报：应为日期（如 2020-01-28）或日期时间（如 2020-01-28T18:00）"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"signed_on": 20200210}, "signed_on"),
        ({"signed_on": "20200210"}, "signed_on"),
        ({"period": {"start": 86400, "end": "2020-02-10"}}, "period.start"),
    ],
)
def test_dates_refuse_numbers(changes: dict[str, Any], field: str) -> None:
    errors = refusal(facts(**changes))
    assert errors[field] == "情况汇报：应为日期，如 2020-01-28"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"options": {"closing": "false"}}, "options.closing"),
        ({"options": {"run_in_headings": "true"}}, "options.run_in_headings"),
        ({"options": {"closing": 0}}, "options.closing"),
        ({"counts": [{"label": "检查企业", "value": 36, "scale": "false"}]}, "counts[0].scale"),
    ],
)
def test_booleans_are_strict(changes: dict[str, Any], field: str) -> None:
    assert refusal(facts(**changes))[field] == "情况汇报：应为 true 或 false"


def test_a_rate_of_extreme_amounts_is_computed_and_warned_not_raised() -> None:
    data = facts(
        counts=[
            {"id": "big", "label": "甲", "value": "9999999999999999"},
            {"id": "tiny", "label": "乙", "value": "0.0000000001"},
        ],
        rates=[{"label": "比率", "numerator": "big", "denominator": "tiny", "digits": 4}],
    )
    assert "比率达9999999999999999000000000000%" in build(data).plain_text()
    assert [w.kind for w in check_facts(parse_facts(data))] == ["rate_over_100"]


MANY = MAX_ITEMS + 1
ILLEGAL = ["\ufffe", "\uffff", "\x00", "\x0b", "\x1d", "\x1f", "\x85", "\ufdd0", "\U0001fffe", "\U0010ffff"]


@pytest.mark.parametrize("char", ILLEGAL, ids=[f"U+{ord(c):04X}" for c in ILLEGAL])
def test_xml_illegal_characters_are_removed_from_every_format(char: str) -> None:
    data = facts(
        title=f"关于安全生产{char}工作的汇报",
        unit={"name": f"青禾县{char}应急管理局"},
        overview=f"全县{char}安全形势平稳",
        counts=[{"label": f"检查{char}企业", "value": 36, "measure": "家", "note": f"含{char}复查"}],
    )
    document = build(data)
    assert char not in document.plain_text() and char not in document.title
    assert "全县安全形势平稳" in document.plain_text()
    for name, writer in WRITERS.items():
        content = writer.write(document)
        if name == "docx":
            docx.Document(io.BytesIO(content))  # opens: no illegal character in its XML
        else:
            assert char not in content.decode("utf-8")


def test_xml_illegal_characters_are_removed_from_table_cells() -> None:
    data = {
        "kind": "status_snapshot",
        "unit": {"name": "青禾县应急管理局"},
        "topic": "防汛",
        "as_of": "2026-06-19T08:00",
        "counts": [{"label": "转移\ufffe群众", "value": 120, "measure": "人\uffff", "note": "已\x85撤离"}],
    }
    rows = next(b.rows for b in build(data).blocks if b.rows)
    assert rows[1] == ["转移群众", "120", "人", "已撤离"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"counts": [{"label": "甲", "value": 1}] * (MAX_ITEMS + 1)}, "counts"),
        (
            {"counts": [{"label": "甲", "value": 1, "breakdown": [{"label": "乙", "value": 1}] * MANY}]},
            "counts[0].breakdown",
        ),
        ({"problems": ["问题"] * (MAX_ITEMS + 1)}, "problems"),
        (
            {"measures": [{"text": "做法", "counts": [{"label": "甲", "value": 1}] * (MAX_ITEMS + 1)}]},
            "measures[0].counts",
        ),
    ],
)
def test_every_list_holds_at_most_the_limit(changes: dict[str, Any], field: str) -> None:
    errors = refusal(facts(**changes))
    assert errors[field] == f"情况汇报：项目过多：{MAX_ITEMS + 1} 项，至多 {MAX_ITEMS} 项"


def test_a_list_at_the_limit_is_accepted() -> None:
    assert len(parse_facts(facts(problems=["问题"] * MAX_ITEMS)).problems) == MAX_ITEMS


def test_no_illegal_character_survives_composition_whatever_field_carries_it() -> None:
    data = facts(signed_on="2026-01-02")
    data["notes"] = "联系人\ufffe：张三"
    data["printer"] = "县政府\uffff办公室"
    document = build(data)  # 附注 and 印发机关 are placed by element_blocks, not the template
    texts = [document.title] + [f"{b.label}{b.heading}{b.text}" for b in document.blocks]
    assert not any(ch in t for t in texts for ch in ("\ufffe", "\uffff"))
