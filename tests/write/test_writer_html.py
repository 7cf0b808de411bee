"""The HTML page lays the signature block out as the .docx does (GB/T 9704 7.3.5, unsealed)."""

from __future__ import annotations

import re

from huibao.write import html, layout
from tests.write.docx_helpers import compose_sample


def test_signature_and_date_carry_the_docx_right_indents() -> None:
    document = compose_sample("situation_report_rich")
    page = html.render(document)
    classes = dict(re.findall(r'class="hb-(signature|date) hb-r(\d+)"', page))
    sig, date = layout.signature_indents("青禾县应急管理局", "2026年1月21日")
    assert classes == {"signature": str(round(sig * 4)), "date": str(round(date * 4))}
    assert f".hb-page .hb-r{round(sig * 4)}{{padding-right:{sig}em}}" in page
    assert "style=" not in page.split("<article", 1)[1]  # no inline styles: the web pages' CSP forbids them
