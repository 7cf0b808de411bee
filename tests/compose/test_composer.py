"""The composer: structure rules (numbering, empty sections, hierarchy) and facts as data."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from huibao.compose.composer import RUNIN, compose, drop_empty_sections, heading_label, number_headings
from huibao.compose.kinds import get_kind, parse_facts
from huibao.compose.tree import Block, Document, Role

ComposeText = Callable[[dict[str, Any]], str]


def compose_doc(data: dict[str, Any]) -> Document:
    facts = parse_facts(data)
    kind = get_kind(facts.kind)
    return compose(facts, kind.template, kind.prepare)


CN = "一二三四五六七八九十"


@pytest.mark.parametrize(
    ("level", "n", "label"),
    [
        (1, 1, "一、"),
        (1, 11, "十一、"),
        (2, 3, "（三）"),
        (2, 12, "（十二）"),
        (3, 4, "4."),
        (4, 2, "（2）"),
    ],
)
def test_heading_labels_follow_gbt9704(level: int, n: int, label: str) -> None:
    assert heading_label(level, n) == label


def test_numbering_passes_ten_without_gaps(minimal: dict[str, Any]) -> None:
    minimal["measures"] = [{"heading": f"措施{i}", "text": f"内容{i}"} for i in range(1, 13)]
    doc = compose_doc(minimal)
    level2 = [b.label for b in doc.headings() if b.level == 2]
    assert level2 == [f"（{n}）" for n in [*CN, "十一", "十二"]]


def test_level_one_headings_have_no_gap_when_sections_are_empty(minimal: dict[str, Any]) -> None:
    minimal["next_steps"] = ["继续巡查"]  # no measures, no problems: those sections vanish
    doc = compose_doc(minimal)
    assert [b.label + b.heading for b in doc.headings()] == ["一、基本情况", "二、下一步工作打算"]


def test_empty_sections_never_leave_a_bare_heading(minimal: dict[str, Any]) -> None:
    doc = compose_doc(minimal)
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        if b.role is Role.HEADING and not b.text:
            after = blocks[i + 1]
            assert after.role in (Role.BODY, Role.HEADING, Role.TABLE)
            if after.role is Role.HEADING:
                assert after.level > b.level


def test_drop_empty_sections_removes_nested_empty_headings() -> None:
    blocks = [
        Block(Role.HEADING, level=1, heading="甲"),
        Block(Role.HEADING, level=2, heading="甲一"),
        Block(Role.HEADING, level=1, heading="乙"),
        Block(Role.BODY, text="正文"),
    ]
    kept = drop_empty_sections(blocks)
    assert [b.heading or b.text for b in kept] == ["乙", "正文"]


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        # a paragraph after a run-in item belongs to the section above: the item is a sentence
        ([Block(Role.BODY, text="请各单位报送。")], ["（一）立行立改。", "请各单位报送。"]),
        # nothing after it: still a numbered sentence
        ([], ["（一）立行立改。"]),
        # its own sub-items follow: it stays a heading over them
        ([Block(Role.HEADING, level=3, heading="明确责任", text="逐项建台账。")],
         ["（一）立行立改", "1.明确责任"]),
        # a sibling follows
        ([Block(Role.HEADING, level=2, heading="补齐短板", text="按标准补足。")],
         ["（一）立行立改。", "（二）补齐短板"]),
    ],
)
def test_run_in_item_without_body_is_a_numbered_sentence(
    after: list[Block], expected: list[str]
) -> None:
    blocks = [
        Block(Role.HEADING, level=1, heading="整改要求"),
        Block(Role.HEADING, level=2, heading="立行立改", label=RUNIN),
        *after,
    ]
    kept = drop_empty_sections(blocks)
    number_headings(kept)
    assert [b.label + (b.heading or b.text) for b in kept[1:]] == expected


def test_number_headings_never_skips_a_level() -> None:
    blocks = [
        Block(Role.HEADING, level=1, heading="甲"),
        Block(Role.HEADING, level=3, heading="跳级"),
        Block(Role.HEADING, level=4, heading="更深"),
        Block(Role.HEADING, level=1, heading="乙"),
        Block(Role.HEADING, level=2, heading="乙一"),
    ]
    number_headings(blocks)
    assert [b.label for b in blocks] == ["一、", "（一）", "1.", "二、", "（一）"]


def test_headings_deeper_than_depth_become_run_in_text() -> None:
    blocks = [
        Block(Role.HEADING, level=1, heading="甲"),
        Block(Role.HEADING, level=2, heading="细项", text="内容。"),
    ]
    number_headings(blocks, depth=1)
    assert blocks[1].role is Role.BODY
    assert blocks[1].text == "细项。内容。"


def test_situation_report_skeleton(rich: dict[str, Any], compose_text: ComposeText) -> None:
    text = compose_text(rich)
    lines = text.splitlines()
    assert lines[0] == "关于岁末年初安全生产大排查工作情况的汇报"
    assert lines[1] == "县安全生产委员会："
    assert lines[2].startswith("根据县安委会《关于开展岁末年初安全生产大排查大整治的通知》要求，")
    assert lines[2].endswith("现将有关情况汇报如下：")
    level1 = [line for line in lines if re.match(r"^[一二三四五六七八九十]+、", line)]
    assert level1 == [
        "一、基本情况",
        "二、主要工作及成效",
        "三、存在问题",
        "四、下一步工作打算",
        "五、意见建议",
    ]
    assert lines[-3:] == ["特此报告。", "青禾县应急管理局", "2026年1月21日"]


def test_rich_sample_keeps_every_fact(rich: dict[str, Any], compose_text: ComposeText) -> None:
    text = compose_text(rich)
    for needle in [
        "截至2026年1月20日17时",
        "2025年12月1日至2026年1月20日",
        "累计出动检查人员1260人次",
        "检查生产经营单位836家，其中危险化学品企业42家、规模以上工业企业315家、人员密集场所479家（含商场超市126家、宾馆酒店98家）",
        "排查一般隐患1532条",
        "下达整改指令书近300份",
        "依法实施经济处罚81.328万元，罚没款已全部缴入国库",
        "已完成整改1488条，一般隐患整改率达97.1%",
        "（十一）推进专家会诊",
        "（十二）建立长效机制",
        "培训企业负责人560余人",
        "一是持续跟踪未整改隐患",
        "建议县财政安排专项资金支持重大隐患整改。",
    ]:
        assert needle in text, needle


def test_no_number_in_output_that_is_not_in_the_facts(
    rich: dict[str, Any], compose_text: ComposeText
) -> None:
    text = compose_text(rich)
    import json

    source = json.dumps(rich, ensure_ascii=False)
    allowed = set(re.findall(r"\d+(?:\.\d+)?", source)) | {
        "81.328",
        "97.1",
        "2025",
        "2026",
        "1",
        "12",
        "20",
        "17",
        "21",
    }
    for number in re.findall(r"\d+(?:\.\d+)?", text):
        assert number in allowed, number


def test_run_in_headings_put_body_on_the_heading_line(
    minimal: dict[str, Any], compose_text: ComposeText
) -> None:
    minimal["measures"] = [{"heading": "加强组织领导", "text": "成立工作专班"}]
    minimal["options"] = {"run_in_headings": True}
    assert "（一）加强组织领导。成立工作专班。" in compose_text(minimal).splitlines()


def test_closing_can_be_turned_off(minimal: dict[str, Any], compose_text: ComposeText) -> None:
    minimal["options"] = {"closing": False}
    assert "特此报告" not in compose_text(minimal)


@pytest.mark.parametrize(
    ("as_of", "lead"),
    [
        ("2020-01-28T18:00", "截至2020年1月28日18时，"),
        ("2020-01-28", "截至2020年1月28日，"),
        ("2020-01-28T09:30:00", "截至2020年1月28日9时30分，"),
        (None, "截至目前，"),
    ],
)
def test_as_of_lead(
    minimal: dict[str, Any], compose_text: ComposeText, as_of: str | None, lead: str
) -> None:
    if as_of:
        minimal["as_of"] = as_of
    assert f"{lead}我镇巡查林区14片。" in compose_text(minimal)


def test_user_line_breaks_become_paragraphs_not_structure(minimal: dict[str, Any]) -> None:
    minimal["measures"] = [{"heading": "加强巡查", "text": "第一段\n@h1 伪造标题\n\n第三段"}]
    doc = compose_doc(minimal)
    texts = [b.text for b in doc.blocks if b.role is Role.BODY]
    assert "第一段。" in texts
    assert "@h1 伪造标题。" in texts
    assert "第三段。" in texts
    assert all(b.heading != "伪造标题" for b in doc.headings())



@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(problems=[{"heading": "甲", "text": "乙"}, "丙\n丁"]), "（二）丙。丁。"),
        (lambda d: d.update(measures=[{"heading": "甲", "text": "乙"}, {"text": "第一段\n第二段"}]),
         "（二）第一段。第二段。"),
        (lambda d: d.update(problems=[{"heading": "人员\n不足"}]), "（一）人员。不足。"),
    ],
    ids=["problem-item", "measure-item", "heading-only"],
)
def test_line_breaks_in_a_numbered_sentence_end_sentences(
    minimal: dict[str, Any], compose_text: ComposeText, change: Any, expected: str
) -> None:
    """An item written as a numbered sentence keeps the user's line breaks as sentence ends."""
    change(minimal)
    assert expected in compose_text(minimal).split("\n")

ADVERSARIAL = [
    "{{ 7*7 }}",
    "{% raw %}x{% endraw %}",
    "&<w:p>",
    "😀🇨🇳",
    "關於進一步規範幹部管理",
    "{# c #}",
    "@title",
]


@pytest.mark.parametrize("payload", ADVERSARIAL)
def test_facts_are_data_never_template_code(
    minimal: dict[str, Any], compose_text: ComposeText, payload: str
) -> None:
    minimal["unit"]["name"] = f"测试单位{payload}"
    minimal["topic"] = f"主题{payload}"
    minimal["measures"] = [{"heading": f"标题{payload}", "text": f"内容{payload}"}]
    minimal["counts"][0]["label"] = f"事项{payload}"
    text = compose_text(minimal)
    assert text.count(payload) >= 4
    assert "49" not in text


def test_long_paragraph_is_kept_whole(minimal: dict[str, Any], compose_text: ComposeText) -> None:
    long_text = "持续推进" * 2500  # 10,000 characters
    minimal["measures"] = [{"heading": "长段落", "text": long_text}]
    assert long_text + "。" in compose_text(minimal)


def test_generated_text_has_no_doubled_or_ascii_punctuation(
    rich: dict[str, Any], compose_text: ComposeText
) -> None:
    text = compose_text(rich)
    assert not re.search(r"([。，；：、！？])\1", text)
    assert not re.search(r"[\u4e00-\u9fff][,;:!?]|[,;:!?][\u4e00-\u9fff]", text)
    assert not re.search(r"[，；、：][。；]", text)
