"""Every sample's .docx as LibreOffice lays it out (PDF), measured page by page.

LibreOffice comes from Debian (``scripts/setup test`` installs ``libreoffice-writer-nogui``
as root); without it these tests are skipped with that reason. Positions are in millimetres
from the page's top-left corner; the type area is 28–184 mm across and 37–262 mm down.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextLine

from huibao.compose.tree import Block, Document, Role
from tests.write.docx_helpers import SAMPLES, compose_sample, render

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (scripts/setup test installs it with apt when run as root)",
)

MM = 72 / 25.4
LEFT, RIGHT, BOTTOM = 28.0, 184.0, 262.0
TAIL = (Role.CLOSING, Role.SIGNATURE, Role.DATE)


@dataclass
class Line:
    top: float
    chars: list[LTChar]
    size: float

    @property
    def text(self) -> str:
        return "".join(c.get_text() for c in self.chars).replace(" ", "")

    @property
    def x0(self) -> float:
        return self.chars[0].x0 / MM

    @property
    def x1(self) -> float:
        return self.chars[-1].x1 / MM


def pdf_pages(path: Path) -> list[list[Line]]:
    """Return each page's text lines, top to bottom."""
    pages = []
    for page in extract_pages(str(path), laparams=LAParams(line_margin=0.1, char_margin=2.0)):
        found: list[Line] = []
        stack: list[object] = [page]
        while stack:
            item = stack.pop()
            if isinstance(item, LTTextLine):
                chars = [c for c in item if isinstance(c, LTChar) and c.get_text().strip()]
                if chars:
                    found.append(Line((page.height - item.y1) / MM, chars, round(max(c.size for c in chars))))
            elif hasattr(item, "__iter__"):
                stack.extend(item)  # type: ignore[call-overload]
        lines: dict[float, Line] = {}
        for line in sorted(found, key=lambda item: (round(item.top), item.x0)):
            key = round(line.top, 0)
            if key in lines and lines[key].size == line.size:
                lines[key].chars += line.chars
            else:
                lines[key] = line
        pages.append(list(lines.values()))
    return pages


def stranding_case(body_lines: int) -> Document:
    """A report whose body is ``body_lines`` one-line paragraphs: one of the counts puts the
    page break right before the signature block."""
    blocks = [
        Block(Role.TITLE, "关于秋季森林防火工作情况的汇报"),
        Block(Role.RECIPIENT, "县森林防火指挥部："),
    ]
    blocks += [Block(Role.BODY, f"第{i + 1}项工作已经按照计划全部完成。") for i in range(body_lines)]
    blocks += [
        Block(Role.CLOSING, "特此报告。"),
        Block(Role.SIGNATURE, "东坪镇人民政府"),
        Block(Role.DATE, "2026年10月8日"),
    ]
    return Document("situation_report", blocks[0].text, blocks)


CASES: dict[str, Document] = {
    **{sample: compose_sample(sample) for sample in SAMPLES},
    **{f"strand{n}": stranding_case(n) for n in range(12, 22)},
}


def laid_out(folder: Path, documents: dict[str, Document]) -> dict[str, list[list[Line]]]:
    """Return each document's pages as LibreOffice lays them out (one soffice run for all)."""
    for name, document in documents.items():
        (folder / f"{name}.docx").write_bytes(render(document))
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{folder}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *sorted(str(p) for p in folder.glob("*.docx")),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {name: pdf_pages(folder / f"{name}.pdf") for name in documents}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[list[Line]]]:
    folder = tmp_path_factory.mktemp("libreoffice")
    traditional = compose_sample("situation_report_rich")
    traditional.script = "zh-Hant-TW"
    documents = {**CASES, "rich_traditional": traditional}
    return laid_out(folder, documents)


def tail_texts(document: Document) -> set[str]:
    return {b.text.replace(" ", "") for b in document.blocks if b.role in TAIL}


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_page_holds_only_the_signature_block(pdfs: dict[str, list[list[Line]]], name: str) -> None:
    tail = tail_texts(CASES[name])
    for number, page in enumerate(pdfs[name], 1):
        texts = {line.text for line in page if line.top < BOTTOM}
        assert not texts <= tail, f"page {number} holds only {texts}"


def test_stranding_cases_cross_a_page_break(pdfs: dict[str, list[list[Line]]]) -> None:
    """The cases are built so that the page break falls inside the tail for some of them."""
    pages = {len(pdfs[f"strand{n}"]) for n in range(12, 22)}
    assert pages == {1, 2}


def full_lines(pages: list[list[Line]]) -> list[Line]:
    """Body lines (16 pt) that start at the left edge and reach the right edge."""
    return [
        line
        for page in pages
        for line in page
        if line.size == 16 and abs(line.x0 - LEFT) < 0.6 and line.x1 > RIGHT - 1.5
    ]


def test_full_body_lines_hold_28_characters(pdfs: dict[str, list[list[Line]]]) -> None:
    counts = []
    for name in SAMPLES:
        for line in full_lines(pdfs[name]):
            inside = [c for c in line.chars if c.x1 / MM <= RIGHT + 0.5]  # punctuation may hang
            text = "".join(c.get_text() for c in inside)
            if all(unicodedata.east_asian_width(ch) in "WF" for ch in text):
                counts.append(len(text))
    assert len(counts) > 10
    # 28 cells a line; a justified line of 27 only where the 28th character would have started the
    # next line with punctuation that may not open a line (避头尾), so it went down with its word
    assert max(counts) == 28 and min(counts) >= 27
    assert counts.count(28) >= 0.9 * len(counts), counts


def body_tops(page: list[Line]) -> list[float]:
    return [line.top for line in page if line.size == 16 and line.top < BOTTOM]


@pytest.mark.parametrize("name", [*SAMPLES, "rich_traditional"])
def test_pages_hold_at_most_22_lines_at_the_grid_pitch(pdfs: dict[str, list[list[Line]]], name: str) -> None:
    for page in pdfs[name]:
        tops = body_tops(page)
        assert len(tops) <= 22
        steps = [b - a for a, b in itertools.pairwise(tops)]
        assert min(steps, default=28.95 / MM) == pytest.approx(28.95 / MM, abs=0.15)


@pytest.mark.parametrize("name", ["situation_report_rich", "rich_traditional"])
def test_a_page_of_body_text_holds_22_lines(pdfs: dict[str, list[list[Line]]], name: str) -> None:
    assert max(len(body_tops(page)) for page in pdfs[name]) == 22


@pytest.mark.parametrize("name", ["situation_report_rich", "rich_traditional", "work_summary"])
def test_page_number_sits_7mm_below_type_area_odd_right_even_left(
    pdfs: dict[str, list[list[Line]]], name: str
) -> None:
    one_char = 14 / MM
    for number, page in enumerate(pdfs[name], 1):
        numbers = [line for line in page if line.top > BOTTOM]
        assert [line.text for line in numbers] == [f"—{number}—"]
        line = numbers[0]
        assert line.top - BOTTOM == pytest.approx(7, abs=1)
        assert line.size == 14
        if number % 2:
            assert RIGHT - line.x1 == pytest.approx(one_char, abs=1)
        else:
            assert line.x0 - LEFT == pytest.approx(one_char, abs=1)


@pytest.mark.parametrize("name", SAMPLES)
def test_title_lines_are_centred_longer_first_within_the_type_area(
    pdfs: dict[str, list[list[Line]]], name: str
) -> None:
    title = [line for line in pdfs[name][0] if line.size == 22]
    assert title, "no 22 pt title line on page 1"
    widths = [line.x1 - line.x0 for line in title]
    assert all(a >= b - 0.5 for a, b in itertools.pairwise(widths))
    for line in title:
        assert line.x0 >= LEFT - 0.5 and line.x1 <= RIGHT + 0.5
        assert (line.x0 + line.x1) / 2 == pytest.approx((LEFT + RIGHT) / 2, abs=1.5)
    assert "".join(line.text for line in title) == CASES[name].title.replace(" ", "")
