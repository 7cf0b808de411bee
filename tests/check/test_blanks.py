"""Bracket slots (【单位名称】, 【】), Word's content-control prompts and blank dates
(2026年　月　日, ____年__月__日): what is found, what ordinary report text is left alone, and an
uploaded .docx (tables included) checked exactly like the same text pasted."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from huibao import core
from huibao.check.checker import check_file, check_text

ROOT = Path(__file__).resolve().parents[2]
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
GOLDEN = sorted((ROOT / "tests" / "compose" / "golden").glob("*.txt"))
SAMPLES = sorted((ROOT / "samples").glob("*.json"))


def found(text: str, kind: str) -> list[str]:
    return [f.text for f in check_text(text) if f.kind == kind]


BRACKET_SLOTS: list[tuple[str, list[str]]] = [
    ("关于【单位名称】的情况报告", ["【单位名称】"]),
    ("【】", ["【】"]),
    ("报送【　　】审阅", ["【　　】"]),
    ("联系人：【____】", ["【____】"]),
    ("【填写日期】前报送", ["【填写日期】"]),  # a bracket naming its content, even opening a line
    ("【单位名称】关于防汛工作的报告", ["【单位名称】"]),
    ("现将【此处写明事项】报告如下", ["【此处写明事项】"]),
    ("由【XX】同志负责", ["【XX】"]),  # one finding, not the bracket and the XX inside
    ("关于【防汛抗旱】工作的汇报", ["【防汛抗旱】"]),  # any bracket inside a sentence
    ("關於【單位名稱】的情況報告", ["【單位名稱】"]),
    ("甲【】乙【单位】丙", ["【】", "【单位】"]),
    # not slots
    ("【工作动态】县应急局开展汛前演练", []),  # a column head opening a line
    ("　　【典型经验】河长巡河常态化", []),
    ("国办发【2026】12号", []),  # a year in the wrong brackets of a 发文字号
    ("国办发〔2026〕12号", []),
    ("见附件〔1〕", []),
    ("参见文献[3]", []),
    ("【未闭合的括号，后面很长的一段文字没有右括号", []),
]

BLANK_DATES: list[tuple[str, list[str]]] = [
    ("成文日期：2026年　月　日", ["2026年　月　日"]),
    ("2026年 月 日", ["2026年 月 日"]),
    ("____年__月__日", ["____年__月__日"]),
    ("　　年　月　日", ["　　年　月　日"]),
    ("2026年○月○日", ["2026年○月○日"]),
    ("二〇二六年〇月〇日", ["二〇二六年〇月〇日"]),
    ("2026年7月　日召开", ["2026年7月　日"]),
    ("2026年　月12日", ["2026年　月12日"]),
    ("2026年　月，", ["2026年　月"]),  # a blank month with no day after it
    ("截至__月__日，全县", ["__月__日"]),
    ("于 月 日召开", [" 月 日"]),
    ("从2月__日开始", ["2月__日"]),
    ("十二月　日", ["十二月　日"]),
    ("2026 年 5 月 日", ["2026 年 5 月 日"]),
    ("5月__号", ["5月__号"]),
    ("2026年\u00a0\u00a0月\u00a0\u00a0日", ["2026年\u00a0\u00a0月\u00a0\u00a0日"]),  # Word's no-break spaces
    # not blank dates
    ("2026年5月18日", []),
    ("2026 年 5 月 18 日", []),
    ("二〇二六年五月十八日", []),
    ("本月 日均处理量", []),
    ("2026年　月度计划", []),
    ("20__年1月22日", []),  # the blank year is a symbol slot
    ("2026年月日", []),  # 月日 without blanks is a stripped number
    ("5月18日 至 6月1日", []),
]


PROMPTS: list[tuple[str, list[str]]] = [
    ("报送单位：单击或点击此处输入文字。", ["单击或点击此处输入文字。"]),
    ("成文日期：单击或点击以输入日期。", ["单击或点击以输入日期。"]),
    ("單位：按一下或點選這裡以輸入文字。", ["按一下或點選這裡以輸入文字。"]),
    ("單位：單擊此處輸入文字", ["單擊此處輸入文字"]),
    ("Click or tap here to enter text.", ["Click or tap here to enter text."]),
    # not prompts
    ("在系统中输入文字材料后单击“提交”", []),
    ("点击此处查看附件", []),
]


@pytest.mark.parametrize(("text", "expected"), PROMPTS)
def test_word_content_control_prompts_and_near_misses(text: str, expected: list[str]) -> None:
    assert found(text, "prompt_slot") == expected


@pytest.mark.parametrize(("text", "expected"), BRACKET_SLOTS)
def test_bracket_slots_and_near_misses(text: str, expected: list[str]) -> None:
    assert found(text, "bracket_slot") == expected


@pytest.mark.parametrize(("text", "expected"), BLANK_DATES)
def test_blank_dates_and_near_misses(text: str, expected: list[str]) -> None:
    assert found(text, "blank_date") == expected


def test_a_blank_date_is_one_finding_not_one_per_blank() -> None:
    assert [f.kind for f in check_text("____年__月__日")] == ["blank_date"]


def test_the_issue_text_gives_three_findings() -> None:
    text = "关于【单位名称】的情况报告\n成文日期：2026年　月　日\n共有×座水库。"
    findings = check_text(text)
    assert [(f.kind, f.text, f.line) for f in findings] == [
        ("bracket_slot", "【单位名称】", 1),
        ("blank_date", "2026年　月　日", 2),
        ("symbol_slot", "×", 3),
    ]
    assert all(f.severity == "error" for f in findings)
    assert findings[0].message.startswith("方括号占位符未填写") and "【】" in findings[0].suggestion
    assert findings[1].message.startswith("日期未填写") and "2026年7月12日" in findings[1].suggestion


ORDINARY = [
    "截至2026年5月18日17时，我街道累计排查低洼易涝点37处。",
    "国办发〔2026〕12号文件要求，各地于2026年6月1日前完成自查。",
    "成文日期：2026年5月19日",
    "一是加密汛期巡查频次；二是备足沙袋、水泵等抢险物资。",
    "【工作动态】区应急管理局开展防汛应急演练。",
    "本月 日均巡查里程120公里，较上月增加12%。",
    "展板尺寸为3×4米，印制2026年度计划。",
    "二〇二六年五月十九日",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_report_sentences_give_no_finding(text: str) -> None:
    assert check_text(text) == []


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.stem)
def test_every_golden_text_stays_clean(golden: Path) -> None:
    assert [(f.kind, f.text) for f in check_text(golden.read_text(encoding="utf-8"))] == []


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_stays_clean_as_text_and_as_an_uploaded_docx(sample: Path) -> None:
    facts = json.loads(sample.read_text(encoding="utf-8"))
    composed = core.compose_facts(facts, "zh-Hans")
    assert [(f.kind, f.text) for f in check_text(composed.text)] == []
    _, from_docx = check_file(core.render(facts, "docx").content, "sample.docx")
    assert [(f.kind, f.text) for f in from_docx] == []


# --- uploads: a .docx is checked like the same text pasted -------------------------------

PARAGRAPHS = ["关于【单位名称】的情况报告", "成文日期：2026年　月　日", "共有×座水库。"]
CELLS = [["水库", "×座"], ["责任人", "XX"], ["日期", "____年__月__日"]]


def docx_with_table() -> bytes:
    document = docx.Document()
    for line in PARAGRAPHS:
        document.add_paragraph(line)
    table = document.add_table(rows=len(CELLS), cols=2)
    for row, values in zip(table.rows, CELLS, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("特此报告。")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_an_uploaded_docx_is_checked_like_its_text_pasted() -> None:
    text, from_file = check_file(docx_with_table(), "草稿.docx")
    pasted = check_text(text)
    assert [f.as_dict() for f in from_file] == [f.as_dict() for f in pasted]
    got = [(f.kind, f.text) for f in from_file]
    assert got == [
        ("bracket_slot", "【单位名称】"),
        ("blank_date", "2026年　月　日"),
        ("symbol_slot", "×"),
        ("symbol_slot", "×"),  # the table cell
        ("letter_slot", "XX"),
        ("blank_date", "____年__月__日"),
    ]


def test_an_unfilled_content_control_in_an_upload_is_found() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("报送单位：")
    paragraph._p.append(parse_xml(
        f'<w:sdt {W_NS}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r>'
        "<w:t>单击或点击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt>"
    ))
    buf = io.BytesIO()
    document.save(buf)
    text, findings = check_file(buf.getvalue(), "模板.docx")
    assert text == "报送单位：单击或点击此处输入文字。"
    assert [(f.kind, f.text) for f in findings] == [("prompt_slot", "单击或点击此处输入文字。")]


def test_table_cells_are_lines_of_their_own() -> None:
    text, _ = check_file(docx_with_table(), "草稿.docx")
    lines = text.split("\n")
    assert lines[: len(PARAGRAPHS)] == PARAGRAPHS
    assert [cell for row in CELLS for cell in row] == lines[len(PARAGRAPHS) : len(PARAGRAPHS) + 6]
