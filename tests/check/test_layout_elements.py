"""The layout check of the 公文 elements: huibao's element samples are clean (see test_layout.py
for every sample and script); each hand-made defect of an element gets one finding."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from huibao.check.layout import check_layout
from huibao.check.layout_elements import red
from tests.check.test_layout import edit, in_style, replace
from tests.write.docx_helpers import compose_sample, render


def in_runs(old: str, new: str) -> Callable[[str], str]:
    """Return a change replacing ``old`` by ``new`` in run text only."""
    return lambda xml: re.sub(
        r'(<w:t xml:space="preserve">)([^<]*)', lambda m: m.group(1) + m.group(2).replace(old, new), xml
    )


# defect → (sample, part, change, kind, words in the finding's place)
DEFECTS: dict[str, tuple[str, str, Callable[[str], str], str, str]] = {
    "issuer in black": (
        "inspection_notice_red_head",
        "word/styles.xml",
        in_style("IssuerMark", '<w:color w:val="FF0000"/>', '<w:color w:val="000000"/>'),
        "layout.color",
        "发文机关标志颜色",
    ),
    "issuer in 黑体": (
        "inspection_notice_red_head",
        "word/styles.xml",
        in_style("IssuerMark", 'w:eastAsia="方正小标宋简体"', 'w:eastAsia="黑体"'),
        "layout.font",
        "发文机关标志字体",
    ),
    "red rule in black": (
        "inspection_notice_red_head",
        "word/styles.xml",
        in_style("RedRule", 'w:color="FF0000"', 'w:color="000000"'),
        "layout.color",
        "红色分隔线颜色",
    ),
    "doc number in square brackets with a leading zero": (
        "inspection_notice_red_head",
        "word/document.xml",
        in_runs("〔2026〕3号", "[2026]03号"),
        "layout.element",
        "发文字号写法",
    ),
    "signer names not in 楷体": (
        "situation_report_signers",
        "word/document.xml",
        replace('<w:rStyle w:val="SignerName"/>', ""),
        "layout.font",
        "发文字号签发人姓名字体",
    ),
    "cc without a full stop": (
        "inspection_notice_red_head",
        "word/document.xml",
        in_runs("县政协办公室。", "县政协办公室"),
        "layout.element",
        "版记抄送写法",
    ),
    "printed date with a leading zero": (
        "inspection_notice_red_head",
        "word/document.xml",
        in_runs("2026年4月21日印发", "2026年04月21日印发"),
        "layout.date",
        "版记印发机关和印发日期印发日期",
    ),
    "imprint without its top rule": (
        "inspection_notice_red_head",
        "word/document.xml",
        replace('<w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/>', '<w:top w:val="nil"/>'),
        "layout.rule",
        "首条分隔线",
    ),
    "imprint in 3号": (
        "inspection_notice_red_head",
        "word/styles.xml",
        in_style("Imprint", '<w:sz w:val="28"/>', '<w:sz w:val="32"/>'),
        "layout.size",
        "版记",
    ),
    "secrecy without the star": (
        "rectification_report_joint",
        "word/document.xml",
        in_runs("秘密★6个月", "秘密6个月"),
        "layout.element",
        "密级和保密期限写法",
    ),
    "attachment flush left": (
        "situation_report_signers",
        "word/document.xml",
        replace('w:hangingChars="450" w:hanging="1440"', 'w:hangingChars="650" w:hanging="2080"'),
        "layout.indent",
        "附件说明缩进",
    ),
}


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_each_hand_made_element_defect_gets_its_finding(defect: str) -> None:
    sample, part, change, kind, where = DEFECTS[defect]
    clean = render(compose_sample(sample))
    assert check_layout(clean) == []
    findings = check_layout(edit(clean, part, change))
    assert [(f.kind, where in f.where) for f in findings] == [(kind, True)], [f.message for f in findings]


def test_elements_are_not_judged_as_body_or_title() -> None:
    """Without the element classification the 36 pt red name would be the title and the marks
    body paragraphs without an indent."""
    data = render(compose_sample("rectification_report_joint"))
    assert check_layout(data) == []


@pytest.mark.parametrize(
    ("color", "is_red"),
    [
        ("FF0000", True),
        ("C00000", True),
        ("E60012", True),
        ("000000", False),
        ("auto", False),
        ("0000FF", False),
    ],
)
def test_red_means_a_red_hue(color: str, is_red: bool) -> None:
    assert red(color) is is_red


ELEMENT_SAMPLES = ["inspection_notice_red_head", "situation_report_signers", "rectification_report_joint"]


@pytest.mark.parametrize("script", ["zh-Hant", "zh-Hant-TW", "zh-Hant-HK"])
@pytest.mark.parametrize("name", [*ELEMENT_SAMPLES, "work_brief_distribution"])
def test_element_samples_converted_to_traditional_have_no_findings(name: str, script: str) -> None:
    """The text converted for real (號, 簽發人, 印發), not only the script tag changed."""
    import json
    from pathlib import Path

    from huibao import core

    data = json.loads((Path(__file__).resolve().parents[2] / "samples" / f"{name}.json").read_text("utf-8"))
    out = core.render(data, "docx", script).content
    assert [f.message for f in check_layout(out)] == []
