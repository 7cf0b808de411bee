"""The layout check: any .docx against GB/T 9704-2012, in the units a clerk can fix.

:func:`check_layout` reads the document's effective formatting (:mod:`huibao.ooxml.formatting`)
and returns one :class:`LayoutFinding` per deviation: paper and margins in millimetres, lines
per page and characters per line, font and size of the title, the body and each heading
level (found by their numbering 一、（一）1.（1）), first-line indents, the page number's
format, font, size, sides and position, the signature and date alignment, East Asian font
names and the East Asian language. A deviation shared by many paragraphs of one level is one
finding (the first paragraph named, the count given). Figures: ``../shared/reference/gbt9704.md``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from huibao.check import layout_elements
from huibao.ooxml.formatting import Layout, Paragraph, Section, read_layout
from huibao.write.layout import cells

PAPER_MM = (210.0, 297.0)
MARGINS_MM = {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}
MARGIN_TOLERANCE_MM = 1.0
LINES, CHARS = 22, 28
PAGE_NUMBER_BELOW_MM = 7.0
CHINESE_LANGS = ("zh-CN", "zh-TW", "zh-HK", "zh-MO", "zh-SG")

#: Font families by what GB/T 9704 names: each accepts the names offices and systems use.
FAMILIES: dict[str, tuple[str, ...]] = {
    "小标宋": ("小标宋", "XiaoBiaoSong", "FZXBS"),
    "仿宋": ("仿宋", "FangSong", "STFangsong"),
    "黑体": ("黑体", "SimHei", "STHeiti"),
    "楷体": ("楷体", "KaiTi", "STKaiti"),
    "宋体": ("宋体", "SimSun", "NSimSun"),
}
#: Level → (name, family, size in points).
LEVELS: dict[str, tuple[str, str, float]] = {
    "title": ("标题", "小标宋", 22),
    "body": ("正文", "仿宋", 16),
    "h1": ("一级标题", "黑体", 16),
    "h2": ("二级标题", "楷体", 16),
    "h3": ("三级标题", "仿宋", 16),
    "h4": ("四级标题", "仿宋", 16),
}
_HEADINGS = (
    ("h1", re.compile(r"^[一二三四五六七八九十]+、")),
    ("h2", re.compile(r"^（[一二三四五六七八九十]+）")),
    ("h3", re.compile(r"^\d+[.．]\D")),
    ("h4", re.compile(r"^（\d+）")),
)
_DATE = re.compile(r"^\s*(\d{4}|[〇零一二三四五六七八九]{4})年.{1,3}月.{1,3}日\s*$")
_GOOD_DATE = re.compile(r"^[12]\d{3}年[1-9]\d?月[1-9]\d?日$")


@dataclass(frozen=True)
class LayoutFinding:
    """One deviation: ``kind`` (layout.margin …), where (Chinese), expected and found values,
    the paragraph number (1-based, 0 for the page or the document) and a Chinese message."""

    kind: str
    where: str
    expected: str
    found: str
    paragraph: int = 0
    severity: str = "warning"

    @property
    def message(self) -> str:
        return f"{self.where}：应为{self.expected}，实为{self.found}"

    def as_dict(self) -> dict[str, object]:
        """Return the finding as a JSON-ready dict."""
        return {
            "kind": self.kind,
            "severity": self.severity,
            "where": self.where,
            "expected": self.expected,
            "found": self.found,
            "paragraph": self.paragraph,
            "message": self.message,
        }


def _family(font: str) -> str:
    """Return the GB/T 9704 family ``font`` belongs to ("" when none)."""
    return next((fam for fam, names in FAMILIES.items() if any(n.lower() in font.lower() for n in names)), "")


_ALIGN = {
    "left": "居左",
    "start": "居左",
    "right": "居右",
    "end": "居右",
    "center": "居中",
    "both": "两端对齐",
    "distribute": "分散对齐",
}


def _align(jc: str) -> str:
    return _ALIGN.get(jc, jc)


def _mm(value: float) -> str:
    return f"{value:g} mm"


def _pt(value: float) -> str:
    return f"{value:g} pt"


def _page(section: Section, index: int) -> list[LayoutFinding]:
    where = f"第{index}节" if index > 1 else "页面"
    found: list[LayoutFinding] = []
    if abs(section.width - PAPER_MM[0]) > 1 or abs(section.height - PAPER_MM[1]) > 1:
        found.append(
            LayoutFinding(
                "layout.paper",
                f"{where}纸张",
                "A4（210 × 297 mm）",
                f"{section.width:g} × {section.height:g} mm",
            )
        )
    names = {"top": "上白边", "bottom": "下白边", "left": "左白边（订口）", "right": "右白边（翻口）"}
    for side, expected in MARGINS_MM.items():
        value = getattr(section, side)
        if abs(value - expected) > MARGIN_TOLERANCE_MM:
            found.append(LayoutFinding("layout.margin", f"{where}{names[side]}", _mm(expected), _mm(value)))
    return found


def _type_area(section: Section) -> tuple[float, float]:
    """Return the type area's width and height in points."""
    k = 72 / 25.4
    return (section.width - section.left - section.right) * k, (
        section.height - section.top - section.bottom
    ) * k


def _grid(section: Section, body: Paragraph | None) -> list[LayoutFinding]:
    width, height = _type_area(section)
    found: list[LayoutFinding] = []
    pitch = body.line if body is not None and body.line else section.line_pitch
    if pitch <= 0:
        found.append(
            LayoutFinding(
                "layout.lines", "每页行数", f"{LINES}行（固定行距约28.95 pt）", "未设置固定行距或文档网格"
            )
        )
    elif int(height / pitch + 1e-6) != LINES:
        found.append(
            LayoutFinding(
                "layout.lines",
                "每页行数",
                f"{LINES}行",
                f"{int(height / pitch + 1e-6)}行（行距{_pt(pitch)}）",
            )
        )
    if body is not None:
        char = (
            body.size
            + body.char_spacing
            + (section.char_space if section.grid_type in ("linesAndChars", "snapToChars") else 0)
        )
        per_line = int(width / char + 1e-6) if char > 0 else 0
        if per_line != CHARS:
            found.append(LayoutFinding("layout.chars", "每行字数", f"{CHARS}字", f"{per_line}字"))
    return found


def _classify(paragraphs: list[Paragraph]) -> dict[int, str]:
    """Return paragraph index → role: title, subtitle, recipient, body, h1–h4, signature, date,
    and the 公文 elements (:func:`huibao.check.layout_elements.classify`).

    The title is the first centred paragraph set large (18 pt or more, or styled Title) among
    the first five; other centred paragraphs are subtitles (mastheads, speaker lines), which
    GB/T 9704 leaves to the office.
    """
    roles: dict[int, str] = layout_elements.classify(paragraphs)
    filled = [i for i, p in enumerate(paragraphs) if p.text.strip() and i not in roles]
    for i in filled[:5]:
        p = paragraphs[i]
        if p.jc == "center" and (p.size >= 18 or p.style.lower() == "title"):
            roles[i] = "title"
            break
    title_at = next((i for i, r in roles.items() if r == "title"), -1)
    date_at = next((i for i in reversed(filled) if _DATE.match(paragraphs[i].text)), None)
    if date_at is not None:
        roles[date_at] = "date"
        layout_elements.note_after(paragraphs, date_at, roles)
        before = [i for i in filled if i < date_at]
        if (
            before
            and len(paragraphs[before[-1]].text) <= 30
            and not paragraphs[before[-1]].text.endswith("。")
        ):
            roles[before[-1]] = "signature"
    after_title = next((j for j in filled if j > title_at), -1)
    for i in filled:
        if i in roles:
            continue
        p = paragraphs[i]
        text = p.text.strip()
        level = next((lv for lv, rx in _HEADINGS if rx.match(text)), "")
        if level:
            roles[i] = level
        elif p.jc == "center":
            roles[i] = "subtitle"
        elif text.endswith("：") and len(text) <= 40 and i == after_title:
            roles[i] = "recipient"
        else:
            roles[i] = "body"
    return roles


def _signature_block(paragraphs: list[Paragraph], roles: dict[int, str]) -> list[LayoutFinding]:
    """Check the signature and date against GB/T 9704 7.3.5: unsealed (署名右空二字, the date
    two characters right of the 署名's start, or the date 右空二字 when longer) or sealed
    (date 右空四字, 署名 centred over it)."""
    at = {role: i for i, role in roles.items() if role in ("signature", "date")}
    if "date" not in at:
        return []
    date = paragraphs[at["date"]]
    where = f"成文日期（第{at['date'] + 1}段）"
    if "signature" not in at:
        if not 1.75 <= date.indent_right <= 4.25:
            return [
                LayoutFinding(
                    "layout.signature", f"{where}右空", "2～4字", f"{date.indent_right:g}字", at["date"] + 1
                )
            ]
        return []
    sig = paragraphs[at["signature"]]
    sig_start = sig.indent_right + cells(sig.text.strip())
    date_start = date.indent_right + cells(date.text.strip())
    unsealed = (
        abs(sig_start - date_start - 2) <= 0.5 and abs(min(sig.indent_right, date.indent_right) - 2) <= 0.5
    )
    sealed = (
        abs(date.indent_right - 4) <= 0.5
        and abs((sig.indent_right + sig_start) / 2 - (date.indent_right + date_start) / 2) <= 0.5
    )
    if unsealed or sealed:
        return []
    found = f"署名右空{sig.indent_right:g}字、日期右空{date.indent_right:g}字"
    expected = "不加盖印章：署名右空二字，日期首字比署名首字右移二字；加盖印章：日期右空四字，署名以日期居中"
    return [LayoutFinding("layout.signature", f"发文机关署名和{where}", expected, found, at["signature"] + 1)]


def _group(found: list[tuple[int, LayoutFinding]]) -> list[LayoutFinding]:
    """Collapse findings of one kind and place into the first, with the count."""
    first: dict[tuple[str, str, str, str], tuple[LayoutFinding, int]] = {}
    for _, f in found:
        key = (f.kind, f.where, f.expected, f.found)
        first[key] = (first[key][0], first[key][1] + 1) if key in first else (f, 1)
    out = []
    for f, count in first.values():
        where = f"{f.where}（第{f.paragraph}段{f'等{count}段' if count > 1 else ''}）"
        out.append(LayoutFinding(f.kind, where, f.expected, f.found, f.paragraph, f.severity))
    return out


def _paragraph_rules(p: Paragraph, role: str) -> list[tuple[str, str, str, str]]:
    """Return (kind, what, expected, found) for each rule ``p`` of ``role`` breaks."""
    broken: list[tuple[str, str, str, str]] = []
    if role in LEVELS:
        _, family, size = LEVELS[role]
        if _family(p.east_asia) != family:
            broken.append(("layout.font", "字体", family, p.east_asia or "未设置中文字体"))
        if abs(p.size - size) > 0.25:
            broken.append(("layout.size", "字号", _pt(size), _pt(p.size)))
    if role in ("body", "h1", "h2", "h3", "h4") and abs(p.indent_first - 2) > 0.25:
        broken.append(("layout.indent", "首行缩进", "2字", f"{p.indent_first:g}字"))
    if role == "recipient" and (abs(p.indent_first) > 0.25 or abs(p.indent_left) > 0.25):
        broken.append(("layout.indent", "缩进", "顶格（0字）", f"{p.indent_left + p.indent_first:g}字"))
    if role == "title" and p.jc != "center":
        broken.append(("layout.align", "对齐", "居中", _align(p.jc)))
    if role in ("signature", "date") and p.jc not in ("right", "end", "center"):
        broken.append(("layout.align", "对齐", "右对齐", _align(p.jc)))
    if role == "date" and not _GOOD_DATE.match(p.text.strip()):
        broken.append(
            (
                "layout.date",
                "日期写法",
                "阿拉伯数字、年月日齐全、不编虚位（2026年1月8日）",
                p.text.strip(),
            )
        )
    if p.text.strip() and not p.east_asia and role != "title":
        broken.append(("layout.eastasia", "中文字体", "设置中文字体名（w:eastAsia）", "未设置"))
    return broken


def _paragraphs(layout: Layout) -> list[LayoutFinding]:
    roles = _classify(layout.paragraphs)
    names = {
        **{k: v[0] for k, v in LEVELS.items()},
        "recipient": "主送机关",
        "subtitle": "副标题",
        "signature": "发文机关署名",
        "date": "成文日期",
    }
    found: list[tuple[int, LayoutFinding]] = []
    foot = sorted(i for i, role in roles.items() if role in layout_elements.FOOT)
    for i, role in roles.items():
        p = layout.paragraphs[i]
        if role in layout_elements.NAMES:
            first, last = bool(foot) and i == foot[0], bool(foot) and i == foot[-1]
            for kind, what, expected, actual in layout_elements.rules(p, role, first, last):
                where = f"{layout_elements.place(role, kind)}{what}"
                found.append((i, LayoutFinding(kind, where, expected, actual, i + 1)))
            continue
        for kind, what, expected, actual in _paragraph_rules(p, role):
            found.append((i, LayoutFinding(kind, f"{names[role]}{what}", expected, actual, i + 1)))
    return _group(found)


def _page_numbers(layout: Layout, section: Section) -> list[LayoutFinding]:
    found: list[LayoutFinding] = []
    sides: list[tuple[str, str, Callable[[Paragraph], float]]] = [
        ("default", "right", lambda p: p.indent_right)
    ]
    if layout.even_and_odd:
        sides.append(("even", "left", lambda p: p.indent_left + p.indent_first))
    else:
        found.append(
            LayoutFinding("layout.pagenumber", "页码", "单页居右、双页居左（奇偶页不同）", "各页同一位置")
        )
    for kind, jc, indent in sides:
        page = "单页页码" if kind == "default" else "双页页码"
        para = next((p for p in section.footers.get(kind, []) if "PAGE" in p.fields), None)
        if para is None:
            found.append(LayoutFinding("layout.pagenumber", page, "页脚中的 PAGE 域（— 1 —）", "没有页码"))
            continue
        text = para.text.strip()
        if not (text.startswith("—") and text.endswith("—")):
            found.append(
                LayoutFinding(
                    "layout.pagenumber", f"{page}格式", "— N —（数字左右各一条一字线）", text or "仅数字"
                )
            )
        if _family(para.east_asia or para.latin) != "宋体" or abs(para.size - 14) > 0.25:
            found.append(
                LayoutFinding(
                    "layout.pagenumber",
                    f"{page}字体字号",
                    "4号宋体（14 pt）",
                    f"{para.east_asia or para.latin or '未设置'} {_pt(para.size)}",
                )
            )
        if para.jc not in (jc, "end" if jc == "right" else "start") or abs(indent(para) - 1) > 0.3:
            side = "右" if jc == "right" else "左"
            found.append(
                LayoutFinding(
                    "layout.pagenumber",
                    f"{page}位置",
                    f"{'居' + side}，{side}空一字",
                    f"{_align(para.jc)}，空{indent(para):g}字",
                )
            )
        height = (para.line or para.size * 1.3) * 25.4 / 72
        below = section.bottom - section.footer - height
        if abs(below - PAGE_NUMBER_BELOW_MM) > 1.5:
            found.append(
                LayoutFinding(
                    "layout.pagenumber",
                    f"{page}与版心距离",
                    "一字线上距版心下边缘约7 mm",
                    _mm(round(below, 1)),
                )
            )
    return found


def check_layout(data: bytes) -> list[LayoutFinding]:
    """Return every deviation of the .docx ``data`` from GB/T 9704 ([] when it conforms).

    Raises UnsupportedMedia when ``data`` is not a readable .docx.
    """
    layout = read_layout(data)
    found: list[LayoutFinding] = []
    for i, section in enumerate(layout.sections, 1):
        found += _page(section, i)
    page_ok = not found  # lines and characters follow from paper and margins: judged once those are right
    roles = _classify(layout.paragraphs)
    body = next((layout.paragraphs[i] for i, r in roles.items() if r == "body"), None)
    if layout.sections:
        last = layout.sections[-1]
        if page_ok:
            found += _grid(last, body)
        found += _page_numbers(layout, last)
    found += _paragraphs(layout)
    found += _signature_block(layout.paragraphs, roles)
    if layout.lang not in CHINESE_LANGS:
        found.append(
            LayoutFinding(
                "layout.lang",
                "文档语言（w:lang 东亚）",
                "zh-CN（繁体为 zh-TW / zh-HK）",
                layout.lang or "未设置",
            )
        )
    return found
