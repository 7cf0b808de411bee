"""The layout check of the 公文 elements (GB/T 9704-2012 7.2–7.4) and the 简报 masthead.

:func:`classify` finds the elements of any .docx by their text and formatting: the 版头 at the
top (份号, 密级, 紧急程度, a red 发文机关标志, the 发文字号, the red separator; or a 简报's red
name, 第N期 and 编印单位 line), the 附件说明, the 附注 under the date and the 版记 or 报/送/发
block at the foot. :func:`rules` returns what each breaks as (kind, what, expected, found);
:mod:`huibao.check.layout` turns those into findings beside its own.
"""

from __future__ import annotations

import re

from huibao.ooxml.formatting import Paragraph

_COPY = re.compile(r"^\d{6}$")
_SECRECY = re.compile(r"^(绝密|机密|秘密|祕密|絕密|機密)(★.+)?$")
_SECRECY_LOOSE = re.compile(r"^(绝密|机密|秘密|祕密|絕密|機密)\s*\S*$")
_URGENCY = re.compile(r"^(特急|加急)$")
_ISSUE = re.compile(r"^第[0-9０-９一二三四五六七八九十百〇零]+期$")
_DOC_NUMBER = re.compile(r"[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\s*\d+\s*[号號]")
_GOOD_DOC_NUMBER = re.compile(r"〔\d{4}〕[1-9]\d*[号號]")
_EDITOR_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日$")
_ATTACHMENT = re.compile(r"^附件[：:]")
_ATTACHMENT_MORE = re.compile(r"^\d+[.．]")
_NOTE = re.compile(r"^[（(].*[）)]$")
_CC = re.compile(r"^抄送[：:]")
_PRINTED = re.compile(r"印[发發]$")
_GOOD_PRINTED = re.compile(r"[12]\d{3}年[1-9]\d?月[1-9]\d?日印[发發]$")
_DISTRIBUTION = re.compile(r"^[报送发報發][：:]")
_SIGNERS = re.compile(r"签发人|簽發人")  # simplified and traditional output
_COPIES = re.compile(r"^共印\d+份$")
ISSUER_MIN_PT = 26  # a centred line this large above the title is a 发文机关标志 or 简报 name
HEAD = ("copy_number", "secrecy", "urgency", "issuer", "doc_number", "red_rule", "issue", "editor")
FOOT = ("cc", "printer", "distribution", "copies", "imprint")
NAMES = {
    "copy_number": "份号",
    "secrecy": "密级和保密期限",
    "urgency": "紧急程度",
    "issuer": "发文机关标志",
    "doc_number": "发文字号",
    "red_rule": "红色分隔线",
    "issue": "简报期号",
    "editor": "编印单位和日期",
    "attachment": "附件说明",
    "note": "附注",
    "cc": "版记抄送",
    "printer": "版记印发机关和印发日期",
    "distribution": "简报报送范围",
    "copies": "简报印数",
    "imprint": "版记",
}


def place(role: str, kind: str) -> str:
    """Return the Chinese name findings of ``kind`` about a ``role`` element are filed under:
    the 版记's lines share one for their font and size, so a restyled 版记 is one finding."""
    if role in FOOT and kind in ("layout.font", "layout.size"):
        return "版记" if role in ("cc", "printer", "imprint") else "简报报送范围"
    return NAMES[role]


def red(color: str) -> bool:
    """Return True for a red colour given as RRGGBB (auto and black are not)."""
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", color):
        return False
    r, g, b = (int(color[i : i + 2], 16) for i in (0, 2, 4))
    return r >= 0xB0 and g <= 0x60 and b <= 0x60


def _head_role(p: Paragraph, seen: set[str]) -> str:
    """Return the head element ``p`` is ("" when it is none)."""
    text = p.text.strip()
    if not text:
        ruled = "bottom" in p.borders and bool(seen & {"issuer", "doc_number"})
        return "red_rule" if red(p.borders.get("bottom", ("", 0))[0]) or ruled else ""
    if _COPY.match(text) and not seen & {"issuer", "doc_number"}:
        return "copy_number"
    if _SECRECY_LOOSE.match(text) and "issuer" not in seen:
        return "secrecy"
    if _URGENCY.match(text) and "issuer" not in seen:
        return "urgency"
    if p.jc == "center" and (red(p.color) or p.size >= ISSUER_MIN_PT) and "doc_number" not in seen:
        return "issuer"  # red, or larger than any title (2号, 22 pt) may be
    if "issuer" in seen and _DOC_NUMBER.search(text):
        return "doc_number"
    if "issuer" in seen and _ISSUE.match(text):
        return "issue"
    if "issuer" in seen and _EDITOR_DATE.search(text) and "red_rule" not in seen:
        return "editor"
    return ""


def classify(paragraphs: list[Paragraph]) -> dict[int, str]:
    """Return paragraph index → element role for the elements found ({} when there are none)."""
    roles: dict[int, str] = {}
    seen: set[str] = set()
    for i, p in enumerate(paragraphs):
        role = _head_role(p, seen)
        if not role and p.text.strip():
            break
        if role:
            roles[i] = role
            seen.add(role)
        if role == "red_rule":
            break
    if not seen & {"issuer", "red_rule"}:  # marks alone above a title are still marks
        roles = {i: r for i, r in roles.items() if r in ("copy_number", "secrecy", "urgency")}
    for i in range(len(paragraphs) - 1, -1, -1):
        p = paragraphs[i]
        text = p.text.strip()
        if not text:
            continue
        role = (
            "cc"
            if _CC.match(text)
            else "printer"
            if _PRINTED.search(text)
            else "distribution"
            if _DISTRIBUTION.match(text)
            else "copies"
            if _COPIES.match(text)
            else "imprint"
            if p.framed
            else ""
        )
        if not role:
            break
        roles[i] = role
    in_attachments = False
    for i, p in enumerate(paragraphs):
        text = p.text.strip()
        if i in roles:
            continue
        if _ATTACHMENT.match(text):
            roles[i], in_attachments = "attachment", True
        elif in_attachments and _ATTACHMENT_MORE.match(text) and p.indent_left >= 3:
            roles[i] = "attachment"
        else:
            in_attachments = False
    return roles


def note_after(paragraphs: list[Paragraph], date_at: int, roles: dict[int, str]) -> None:
    """Mark the 附注 in ``roles``: a parenthesised paragraph right after the date."""
    for i in range(date_at + 1, len(paragraphs)):
        text = paragraphs[i].text.strip()
        if not text:
            continue
        if i not in roles and _NOTE.match(text):
            roles[i] = "note"
        return


def _family_is(font: str, family: str) -> bool:
    from huibao.check.layout import _family  # the families are the layout check's

    return _family(font) == family


def rules(p: Paragraph, role: str, first_foot: bool, last_foot: bool) -> list[tuple[str, str, str, str]]:
    """Return (kind, what, expected, found) for each rule the element ``p`` of ``role`` breaks."""
    text = p.text.strip()
    broken: list[tuple[str, str, str, str]] = []

    def font(family: str, size: float) -> None:
        if not _family_is(p.east_asia, family):
            broken.append(("layout.font", "字体", family, p.east_asia or "未设置中文字体"))
        if abs(p.size - size) > 0.25:
            broken.append(("layout.size", "字号", f"{size:g} pt", f"{p.size:g} pt"))

    if role in ("copy_number", "secrecy", "urgency"):
        font("黑体", 16)
        start = p.indent_left + p.indent_first
        if p.jc not in ("left", "start", "both") or abs(start) > 0.25:
            broken.append(("layout.align", "位置", "版心左上角顶格", f"缩进{start:g}字"))
    if role == "secrecy" and not _SECRECY.match(text):
        broken.append(("layout.element", "写法", "密级和保密期限之间用★（机密★1年）", text))
    if role == "issuer":
        if not _family_is(p.east_asia, "小标宋"):
            broken.append(("layout.font", "字体", "小标宋", p.east_asia or "未设置中文字体"))
        if not red(p.color):
            broken.append(("layout.color", "颜色", "红色", p.color or "自动（黑色）"))
        if p.jc != "center":
            broken.append(("layout.align", "对齐", "居中", p.jc))
    if role == "red_rule" and not red(p.borders.get("bottom", ("", 0))[0]):
        broken.append(("layout.color", "颜色", "红色", p.borders.get("bottom", ("无", 0))[0]))
    if role == "doc_number":
        number = _DOC_NUMBER.search(text)
        if number and not _GOOD_DOC_NUMBER.search(number.group(0).replace(" ", "")):
            expected = "年份用六角括号〔〕，序号不编虚位、不加“第”（〔2026〕3号）"
            broken.append(("layout.element", "写法", expected, number.group(0)))
        font("仿宋", 16)
        if _SIGNERS.search(text):
            plain = "".join(t for t, f in p.runs if not _family_is(f, "楷体"))
            names = _SIGNERS.split(plain, maxsplit=1)[-1] if _SIGNERS.search(plain) else ""
            if names.strip("：: \t"):
                broken.append(("layout.font", "签发人姓名字体", "楷体", names.strip("：: \t")))
            if p.jc not in ("left", "start", "both") or abs(p.indent_left + p.indent_first - 1) > 0.3:
                broken.append(("layout.align", "位置", "居左空一字，签发人居右空一字", f"{p.jc}"))
        elif p.jc != "center":
            broken.append(("layout.align", "对齐", "居中", p.jc))
    if role == "attachment" and _ATTACHMENT.match(text) and abs(p.indent_left + p.indent_first - 2) > 0.3:
        broken.append(("layout.indent", "缩进", "空二字", f"{p.indent_left + p.indent_first:g}字"))
    if role == "attachment" and text.endswith(("。", ".", "；")):
        broken.append(("layout.element", "附件名称", "名称后不加标点", text[-8:]))
    if role == "note" and abs(p.indent_left + p.indent_first - 2) > 0.3:
        broken.append(("layout.indent", "缩进", "空二字", f"{p.indent_left + p.indent_first:g}字"))
    if role in FOOT:
        font("仿宋", 14)
        if first_foot and "top" not in p.borders:
            broken.append(("layout.rule", "首条分隔线", "版记上方一条粗线", "没有"))
        if last_foot and "bottom" not in p.borders:
            broken.append(("layout.rule", "末条分隔线", "版记下方一条粗线", "没有"))
    if role == "cc" and not text.endswith("。"):
        broken.append(("layout.element", "写法", "抄送机关后加句号", text[-6:]))
    if role == "printer" and not _GOOD_PRINTED.search(text):
        broken.append(("layout.date", "印发日期", "2026年5月9日印发（不编虚位）", text[-12:]))
    return broken
