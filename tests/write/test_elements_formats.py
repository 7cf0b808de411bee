"""The 公文 elements in .txt, .md and .html: the same elements in reading order; the HTML page
shows the red head, the red rule and the 版记 at the page foot."""

from __future__ import annotations

import re

import pytest

from huibao.write import html, markdown, text
from tests.write.docx_helpers import compose_sample

ORDER = {
    # sample → texts that must appear in this order in every format
    "inspection_notice_red_head": [
        "青禾县人民政府督查室文件",
        "青政督〔2026〕3号",
        "关于汛前防汛备汛工作督查情况的通报",
        "特此通报。",
        "附件：1",
        "汛前防汛备汛督查发现问题清单",
        "2026年4月21日",
        "（联系人：县政府督查室李华，联系电话：0791-5551234）",
        "抄送：县委办公室，县人大常委会办公室，县政协办公室。",
        "2026年4月21日印发",
    ],
    "situation_report_signers": [
        "加急",
        "南湖街道办事处文件",
        "南街〔2026〕12号",
        "签发人：",
        "周建国",
        "关于汛前",
    ],
    "work_brief_distribution": [
        "卫生健康工作简报",
        "第23期",
        "县卫生健康局组织开展",
        "报：",
        "送：",
        "发：",
        "共印60份",
    ],
}


def plain(out: str) -> str:
    """Return ``out`` without HTML tags and Markdown escapes, for finding texts in order."""
    return re.sub(r"<[^>]+>", "", out).replace("\\", "")


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
@pytest.mark.parametrize("name", sorted(ORDER))
def test_elements_in_reading_order(name: str, fmt: str) -> None:
    document = compose_sample(name)
    out = plain({"txt": text.render, "md": markdown.render, "html": html.render}[fmt](document))
    at = 0
    for piece in ORDER[name]:
        found = out.find(piece, at)
        assert found >= 0, f"{piece!r} missing or out of order in {fmt}"
        at = found + len(piece)


def test_text_draws_rules_around_the_imprint_and_aligns_attachments() -> None:
    lines = text.render(compose_sample("situation_report_signers")).splitlines()
    at = lines.index("　　附件：1. 南湖街道低洼易涝点台账")
    assert lines[at - 1] == "" and lines[at + 1] == "　　　　　2. 南湖街道汛前隐患整改责任清单"
    assert "南街〔2026〕12号　　　　签发人：周建国" in lines
    notice = text.render(compose_sample("inspection_notice_red_head")).splitlines()
    foot = notice[notice.index("抄送：县委办公室，县人大常委会办公室，县政协办公室。") - 1 :]
    assert foot == [text.RULE, foot[1], text.RULE, "青禾县人民政府督查室　　　　2026年4月21日印发", text.RULE]


def test_markdown_keeps_later_attachment_numbers_from_becoming_a_list() -> None:
    out = markdown.render(compose_sample("situation_report_signers"))
    assert "　　　2\\. 南湖街道汛前隐患整改责任清单" in out
    assert '<p align="center"><strong>南湖街道办事处文件</strong></p>' in out


def test_html_page_shows_red_head_rule_and_foot() -> None:
    out = html.render(compose_sample("inspection_notice_red_head"))
    assert '<p class="hb-issuer hb-head-top" data-block="0">青禾县人民政府督查室文件</p>' in out
    assert re.search(r"\.hb-page \.hb-issuer,\.hb-page \.hb-masthead\{[^}]*color:#e00", out)
    assert '<hr class="hb-redrule"' in out and re.search(r"\.hb-redrule\{[^}]*#e00", out)
    assert re.search(r'class="hb-foot hb-cc hb-foot-first"', out)
    assert re.search(r'class="hb-foot hb-printer hb-foot-thin hb-foot-last"', out)
    assert re.search(r"\.hb-page \.hb-foot-first\{margin-top:auto", out)  # pushed to the page foot


def test_html_signers_in_楷体_beside_the_doc_number() -> None:
    out = html.render(compose_sample("situation_report_signers"))
    assert (
        '<p class="hb-docno hb-up" data-block="2"><span>南街〔2026〕12号</span>'
        '<span class="hb-signer">签发人：<span class="hb-signer-names">周建国</span></span></p>'
    ) in out


def test_element_text_is_escaped_in_html_and_markdown() -> None:
    document = compose_sample("inspection_notice_red_head")
    document.blocks[0].text = "<b>{{ 7*7 }}</b>&"
    assert "&lt;b&gt;{{ 7*7 }}&lt;/b&gt;&amp;" in html.render(document)
    assert "&lt;b&gt;{{ 7*7 }}&lt;/b&gt;&amp;" in markdown.render(document)
