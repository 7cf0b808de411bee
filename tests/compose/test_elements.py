"""The 公文 elements as facts: how they are read, which each kind uses, where they land in the
tree, and the rules between them that come back as fact warnings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from huibao import core
from huibao.compose.composer import compose
from huibao.compose.kinds import get_kind, parse_facts
from huibao.compose.tree import Document, Role
from huibao.errors import InvalidFacts

ROOT = Path(__file__).resolve().parents[2]


def sample(name: str, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / "samples" / f"{name}.json").read_text(encoding="utf-8"))
    data.update(changes)
    return data


def build(data: dict[str, Any]) -> Document:
    facts = parse_facts(data)
    kind = get_kind(facts.kind)
    return compose(facts, kind.template, kind.prepare)


def roles(document: Document) -> list[Role]:
    return [b.role for b in document.blocks]


def warnings(data: dict[str, Any]) -> dict[str, str]:
    return {w.kind: w.field for w in core.compose_facts(data).warnings}


@pytest.mark.parametrize(
    ("written", "text", "warned"),
    [
        ("青政督〔2026〕3号", "青政督〔2026〕3号", False),
        ("青政督[2026]03号", "青政督〔2026〕3号", True),
        ("青政督（2026）第3号", "青政督〔2026〕3号", True),
        ("青政督［2026］12号", "青政督〔2026〕12号", True),
        ({"code": "青政督", "year": 2026, "serial": 7}, "青政督〔2026〕7号", False),
    ],
)
def test_doc_number_is_set_right_and_a_wrong_form_warned(written: object, text: str, warned: bool) -> None:
    data = sample("inspection_notice_red_head", doc_number=written)
    document = build(data)
    assert next(b.text for b in document.blocks if b.role is Role.DOC_NUMBER) == text
    assert ("doc_number_form" in warnings(data)) is warned


@pytest.mark.parametrize("written", ["青政督2026年3号", "〔2026〕3号", "青政督〔26〕3号", "青政督〔2026〕号"])
def test_an_unreadable_doc_number_is_an_error_on_its_field(written: str) -> None:
    with pytest.raises(InvalidFacts) as err:
        parse_facts(sample("inspection_notice_red_head", doc_number=written))
    assert [e.field for e in err.value.errors] == ["doc_number"]


@pytest.mark.parametrize(
    ("written", "text", "warned"),
    [
        ("机密★1年", "机密★1年", False),
        ("机密", "机密", False),
        ("机密1年", "机密★1年", True),
        ("绝密 长期", "绝密★长期", True),
        ({"level": "秘密", "period": "6个月"}, "秘密★6个月", False),
    ],
)
def test_secrecy_and_its_period_are_joined_by_a_star(written: object, text: str, warned: bool) -> None:
    data = sample("situation_report_signers", secrecy=written)
    assert next(b.text for b in build(data).blocks if b.role is Role.SECRECY) == text
    assert ("secrecy_form" in warnings(data)) is warned


@pytest.mark.parametrize(("given", "shown"), [(37, "000037"), ("000123", "000123"), ("123456", "123456")])
def test_copy_number_is_six_digits(given: object, shown: str) -> None:
    document = build(sample("situation_report_signers", copy_number=given))
    assert document.blocks[0].role is Role.COPY_NUMBER and document.blocks[0].text == shown


@pytest.mark.parametrize("given", ["1234567", "12a", "", -3])
def test_a_copy_number_that_is_not_digits_is_refused(given: object) -> None:
    with pytest.raises(InvalidFacts) as err:
        parse_facts(sample("situation_report_signers", copy_number=given))
    assert [e.field for e in err.value.errors] == ["copy_number"]


def test_red_headed_notice_reads_head_title_body_attachment_signature_note_imprint() -> None:
    document = build(sample("inspection_notice_red_head"))
    order = roles(document)
    assert order[:4] == [Role.ISSUER, Role.DOC_NUMBER, Role.RED_RULE, Role.TITLE]
    assert document.blocks[0].text == "青禾县人民政府督查室文件"
    assert document.blocks[1].aside == ""  # 下行文: the 发文字号 centred, no 签发人
    tail = order[order.index(Role.CLOSING) :]
    assert tail == [
        Role.CLOSING,
        Role.ATTACHMENT,
        Role.SIGNATURE,
        Role.DATE,
        Role.NOTE,
        Role.CC,
        Role.PRINTER,
    ]
    cc, printer = document.blocks[-2:]
    assert cc.plain == "抄送：县委办公室，县人大常委会办公室，县政协办公室。"
    assert (printer.text, printer.aside) == ("青禾县人民政府督查室", "2026年4月21日印发")


def test_report_going_up_puts_signers_beside_the_doc_number() -> None:
    document = build(sample("situation_report_signers"))
    number = next(b for b in document.blocks if b.role is Role.DOC_NUMBER)
    assert (number.text, number.aside) == ("南街〔2026〕12号", "签发人：周建国")
    attachments = [(b.label, b.text) for b in document.blocks if b.role is Role.ATTACHMENT]
    assert attachments == [("附件：1.", "南湖街道低洼易涝点台账"), ("2.", "南湖街道汛前隐患整改责任清单")]
    assert document.blocks[-1].role is Role.NOTE
    assert document.blocks[-1].text == "（联系人：街道应急办王磊，联系电话：0791-5552345）"


def test_joint_issuers_stack_with_the_lead_first_and_文件_once() -> None:
    document = build(sample("rectification_report_joint"))
    issuers = [b.text for b in document.blocks if b.role is Role.ISSUER]
    assert issuers == ["青禾县东坪镇人民政府", "青禾县东坪镇防汛抗旱指挥部文件"]
    number = next(b for b in document.blocks if b.role is Role.DOC_NUMBER)
    assert number.aside == "签发人：刘志远　陈晓梅"


def test_brief_masthead_and_distribution_block() -> None:
    document = build(sample("work_brief_distribution"))
    head = [(b.role, b.text, b.aside) for b in document.blocks[:4]]
    assert head == [
        (Role.MASTHEAD, "卫生健康工作简报", ""),
        (Role.ISSUE, "第23期", ""),
        (Role.EDITOR, "青禾县卫生健康局办公室", "2026年6月12日"),
        (Role.RED_RULE, "", ""),
    ]
    foot = [b.plain for b in document.blocks if b.role in (Role.DISTRIBUTION, Role.COPIES)]
    assert foot == [
        "报：市卫生健康委，县委、县政府主要领导。",
        "送：县委办，县政府办。",
        "发：各乡镇卫生院，县直各医疗卫生单位。",
        "共印60份",
    ]
    assert Role.SUBTITLE not in roles(document)  # the wording's own masthead lines gave way


@pytest.mark.parametrize(
    ("name", "switches", "present", "absent"),
    [
        ("inspection_notice_red_head", {"head": False}, [], [Role.ISSUER, Role.RED_RULE]),
        ("inspection_notice_red_head", {"file_word": False}, [Role.ISSUER], []),
        ("inspection_notice_red_head", {"imprint": False}, [], [Role.CC, Role.PRINTER]),
        ("inspection_notice_red_head", {"signers_line": True}, [Role.DOC_NUMBER], []),
        ("work_brief_distribution", {"masthead": False}, [Role.SUBTITLE], [Role.MASTHEAD]),
        ("speech", {"head": True}, [Role.ISSUER, Role.RED_RULE], []),
        ("situation_report_small", {"head": True}, [Role.ISSUER], []),
    ],
)
def test_facts_override_the_kind_defaults(
    name: str, switches: dict[str, bool], present: list[Role], absent: list[Role]
) -> None:
    document = build(sample(name, elements=switches))
    assert set(present) <= set(roles(document))
    assert not set(absent) & set(roles(document))


def test_issuer_defaults_to_the_unit_and_文件_can_be_left_off() -> None:
    document = build(sample("situation_report_small", elements={"head": True, "file_word": False}))
    assert next(b.text for b in document.blocks if b.role is Role.ISSUER) == "南湖街道办事处"


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("inspection_notice", False),  # 通报 on red head only when an issuer or 发文字号 is given
        ("inspection_notice_red_head", True),
        ("situation_report_small", False),
        ("situation_report_signers", True),
        ("speech", False),
    ],
)
def test_each_kind_uses_its_default_elements(name: str, head: bool) -> None:
    assert (Role.ISSUER in roles(build(sample(name)))) is head


def test_speech_takes_no_elements_and_says_why() -> None:
    data = sample("speech", doc_number="青政〔2026〕1号", cc=["县委办公室"])
    document = build(data)
    assert not {Role.ISSUER, Role.DOC_NUMBER, Role.CC} & set(roles(document))
    found = [w for w in core.compose_facts(data).warnings if w.kind == "element_not_used"]
    assert sorted(w.field for w in found) == ["cc", "doc_number"]


@pytest.mark.parametrize(
    ("changes", "kind", "field"),
    [
        ({"printed_on": "2026-04-20"}, "printed_before_signed", "printed_on"),
        ({"printer": None}, "printer_missing", "printer"),
        ({"attachments": ["督查发现问题清单。"]}, "attachment_punctuation", "attachments[0].title"),
        ({"report_to": "县政府督查室（见附件2）"}, "attachment_count", "attachments"),
    ],
)
def test_element_rules_come_back_as_fact_warnings(changes: dict[str, Any], kind: str, field: str) -> None:
    assert warnings(sample("inspection_notice_red_head", **changes)).get(kind) == field


def test_a_report_going_up_without_signers_is_warned() -> None:
    assert warnings(sample("situation_report_signers", signers=[])).get("signers_missing") == "signers"
    assert "signers_missing" not in warnings(sample("situation_report_signers"))
    assert "signers_missing" not in warnings(sample("inspection_notice_red_head"))


@pytest.mark.parametrize(
    "name",
    [
        "inspection_notice_red_head",
        "situation_report_signers",
        "rectification_report_joint",
        "work_brief_distribution",
    ],
)
def test_element_samples_have_no_warnings(name: str) -> None:
    assert core.compose_facts(sample(name)).warnings == []


@pytest.mark.parametrize(
    ("changes", "foot"),
    [
        ({}, [Role.CC, Role.PRINTER]),
        ({"cc": []}, [Role.PRINTER]),
        ({"printer": None, "printed_on": None}, [Role.CC]),
        ({"cc": [], "printer": None, "printed_on": None}, []),
    ],
)
def test_imprint_lines_only_when_there_is_something_in_them(
    changes: dict[str, Any], foot: list[Role]
) -> None:
    document = build(sample("inspection_notice_red_head", **changes))
    assert [r for r in roles(document) if r in (Role.CC, Role.PRINTER)] == foot


def test_element_text_is_converted_with_the_report() -> None:
    out = core.render(sample("situation_report_signers"), "txt", "zh-Hant-TW").content.decode("utf-8")
    assert "南街〔2026〕12號　　　　簽發人：周建國" in out.splitlines()
    assert "　　附件：1. 南湖街道低窪易澇點臺賬" in out.splitlines()
