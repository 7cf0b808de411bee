"""The 公文 elements as LibreOffice lays them out (PDF): 发文机关标志 35 mm below the type area's
top, 签发人 at the right end of the 发文字号 line, and the 版记 at the foot of the last page
(also when the body fills that page), its lines one character in from each side.

Positions are in millimetres from the page's top-left corner; the type area is 28–184 mm
across and 37–262 mm down. Skipped, with the reason, where LibreOffice is not installed.
"""

from __future__ import annotations

import pytest

from huibao.compose.tree import FOOT_ROLES, Block, Document, Role
from tests.write.docx_helpers import compose_sample
from tests.write.test_libreoffice import SOFFICE, Line, laid_out

pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (scripts/setup test installs it with apt when run as root)",
)

LEFT, RIGHT, TOP, BOTTOM = 28.0, 184.0, 37.0, 262.0
CHAR_16, CHAR_14 = 16 * 25.4 / 72, 14 * 25.4 / 72
SAMPLES = (
    "inspection_notice_red_head",
    "situation_report_signers",
    "rectification_report_joint",
    "work_brief_distribution",
)
FOOT = ("抄送：", "报：", "送：", "发：", "共印")


def full_last_page(body_lines: int) -> Document:
    """A red-headed notice whose body ends low on its last page, with a two-line 版记."""
    blocks = [
        Block(Role.ISSUER, "青禾县人民政府督查室文件"),
        Block(Role.DOC_NUMBER, "青政督〔2026〕9号"),
        Block(Role.RED_RULE),
        Block(Role.TITLE, "关于测试版记位置的通报"),
    ]
    blocks += [Block(Role.BODY, f"第{i + 1}项工作已经按照计划全部完成。") for i in range(body_lines)]
    blocks += [
        Block(Role.SIGNATURE, "青禾县人民政府督查室"),
        Block(Role.DATE, "2026年10月8日"),
        Block(Role.CC, label="抄送：", text="县委办公室。"),
        Block(Role.PRINTER, text="青禾县人民政府督查室", aside="2026年10月8日印发"),
    ]
    return Document("inspection_notice", "关于测试版记位置的通报", blocks)


CASES: dict[str, Document] = {
    **{name: compose_sample(name) for name in SAMPLES},
    **{f"full{n}": full_last_page(n) for n in (2, 5, 6, 7, 8)},
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[list[Line]]]:
    folder = tmp_path_factory.mktemp("libreoffice_elements")
    return laid_out(folder, CASES)


def foot_lines(page: list[Line]) -> list[Line]:
    return [line for line in page if line.top < BOTTOM and line.size == 14]


WITH_FOOT = sorted(n for n, d in CASES.items() if any(b.role in FOOT_ROLES for b in d.blocks))


@pytest.mark.parametrize("name", WITH_FOOT)
def test_imprint_sits_at_the_foot_of_the_last_page(pdfs: dict[str, list[list[Line]]], name: str) -> None:
    pages = pdfs[name]
    expected = [
        b.plain.replace("\u3000", "") for b in CASES[name].blocks if b.role in (Role.CC, Role.PRINTER)
    ]
    expected += [b.plain for b in CASES[name].blocks if b.role in (Role.DISTRIBUTION, Role.COPIES)]
    for page in pages[:-1]:
        assert foot_lines(page) == [], "a 版记 line before the last page"
    foot = foot_lines(pages[-1])
    assert [line.text for line in foot] == expected
    bottom = foot[-1].top + 28.95 * 25.4 / 72  # the last line's box ends on the type area's foot
    assert bottom == pytest.approx(BOTTOM, abs=3)
    above = [line for line in pages[-1] if line.size == 16 and line.top < foot[0].top]
    assert all(line.top < foot[0].top - 3 for line in above), "body text runs into the 版记"
    assert [line.top for line in pages[-1] if line.size == 16 and line.top > foot[0].top] == []


@pytest.mark.parametrize("name", ["inspection_notice_red_head", "rectification_report_joint"])
def test_imprint_lines_keep_one_character_from_each_side(
    pdfs: dict[str, list[list[Line]]], name: str
) -> None:
    foot = foot_lines(pdfs[name][-1])
    assert all(line.x0 - LEFT == pytest.approx(CHAR_14, abs=0.8) for line in foot)
    printed = foot[-1]
    assert printed.text.endswith("印发") and RIGHT - printed.x1 == pytest.approx(CHAR_14, abs=0.8)


@pytest.mark.parametrize(
    "name", ["inspection_notice_red_head", "situation_report_signers", "rectification_report_joint"]
)
def test_issuer_top_is_35mm_below_the_type_area(pdfs: dict[str, list[list[Line]]], name: str) -> None:
    first = next(line for line in pdfs[name][0] if line.size == 36)
    assert first.top - TOP == pytest.approx(35, abs=2)
    assert (first.x0 + first.x1) / 2 == pytest.approx((LEFT + RIGHT) / 2, abs=1.5)


def test_signers_end_one_character_from_the_right(pdfs: dict[str, list[list[Line]]]) -> None:
    line = next(line for line in pdfs["situation_report_signers"][0] if "签发人" in line.text)
    assert line.text == "南街〔2026〕12号签发人：周建国"
    assert line.x0 - LEFT == pytest.approx(CHAR_16, abs=0.8)
    assert RIGHT - line.x1 == pytest.approx(CHAR_16, abs=0.8)


def test_marks_stand_top_left_in_order(pdfs: dict[str, list[list[Line]]]) -> None:
    page = pdfs["rectification_report_joint"][0]
    marks = [line for line in page if line.text in ("000037", "秘密★6个月")]
    assert [line.text for line in marks] == ["000037", "秘密★6个月"]
    assert marks[0].top - TOP == pytest.approx(0, abs=4) and all(abs(m.x0 - LEFT) < 0.5 for m in marks)
