"""The 公文 elements of an imported report (GB/T 9704), read back into their facts.

Above the title: 份号 (000037), 密级 (秘密★6个月), 紧急程度 (加急), the 发文机关标志 (one line per
issuer, the last ending in 文件) and the 发文字号 with its 签发人. After the date: a 附注
(（联系人：…）), the 版记 (抄送：…, …印发), a 简报's 报/送/发 and 共印N份, page numbers and rules.
Before the signature: the 附件说明 (附件：1. …, 2. …). Every pattern is anchored and bounded.
"""

from __future__ import annotations

import re
from typing import Any

COPY_NUMBER = re.compile(r"^\d{1,6}$")
SECRECY = re.compile(r"^(?:绝密|机密|秘密)(?:★.{1,10})?$")
URGENCY = ("特急", "加急")
#: 东政〔2026〕21号　　签发人：刘志远　陈晓梅.
DOC_NUMBER = re.compile(
    r"^(?P<number>[^\s〔]{1,20}〔\d{4}〕\d{1,6}号)(?:[\u3000 \t]+签发人[：:][\u3000 ]*(?P<signers>.{1,60}))?$"
)
_NAMES = re.compile(r"[\u3000 \t、，,]+")
#: Lines after the date that are no part of the text: page numbers (— 1 —, 第1页), rules, the
#: 版记 (抄送：…, 报：…, …印发, 共印60份) and a 附注 (（联系人：…）).
TRAILER = re.compile(
    r"^(?:[—－\-─━_=]+(?:\s*\d+\s*[—－\-─━_=]+)?|第\s*\d+\s*页.{0,10}|(?:抄送|报|送|发)[：:].*"
    r"|.{0,60}印发|共印\d+份|[（(](?:联系人|此件)[^）)]*[）)])$"
)
CC = re.compile(r"^抄送[：:](?P<names>.{1,2000}?)。?$")
#: 青禾县东坪镇党政办公室　　　　2026年5月8日印发.
PRINTED = re.compile(r"^(?P<name>[^\s\d].{0,40}?)[\u3000 \t]+(\d{4})年(\d{1,2})月(\d{1,2})日印发$")
NOTES = re.compile(r"^[（(](?P<text>(?:联系人|此件)[^）)]*)[）)]$")
DISTRIBUTION = re.compile(r"^(?P<to>报|送|发)[：:](?P<names>.{1,2000}?)。?$")
COPIES = re.compile(r"^共印(?P<copies>\d{1,7})份$")
_DISTRIBUTION_KEYS = {"报": "report", "送": "send", "发": "issue"}
ATTACHMENT_HEAD = re.compile(r"^附件[：:][\u3000 \t]*(?:\d+[.．][\u3000 \t]*)?(?P<title>\S.{0,200})$")
ATTACHMENT_ITEM = re.compile(r"^\d+[.．][\u3000 \t]*(?P<title>\S.{0,200})$")


def _element(line: str, facts: dict[str, Any]) -> bool:
    """Read one masthead line (份号, 密级, 紧急程度, 发文字号) into ``facts``; return False when it
    is none of them."""
    if COPY_NUMBER.match(line) and "copy_number" not in facts:
        facts["copy_number"] = line
    elif SECRECY.match(line) and "secrecy" not in facts:
        facts["secrecy"] = line
    elif line in URGENCY and "urgency" not in facts:
        facts["urgency"] = line
    elif (number := DOC_NUMBER.match(line)) and "doc_number" not in facts:
        facts["doc_number"] = number["number"]
        if number["signers"]:
            facts["signers"] = [n for n in _NAMES.split(number["signers"].strip()) if n]
    else:
        return False
    return True


def read_masthead(lines: list[str], facts: dict[str, Any]) -> int:
    """Read the masthead into ``facts``; return how many lines it takes before the title (0 when
    the document opens with its title)."""
    start = 0
    while start < len(lines) - 1 and _element(lines[start].strip(), facts):
        start += 1
    marks = [i for i, line in enumerate(lines[start:start + 8], start) if line.strip().endswith("文件")]
    if marks:
        names = [line.strip() for line in lines[start:marks[-1] + 1]]
        names[-1] = names[-1].removesuffix("文件")
        facts["issuer"] = [name for name in names if name]
        start = marks[-1] + 1
    while start < len(lines) - 1 and _element(lines[start].strip(), facts):
        start += 1
    return start


def read_trailer_line(line: str, facts: dict[str, Any]) -> bool:
    """Read a line after the date (附注, 抄送, 印发, a 简报's 报/送/发 and 印数) into ``facts``;
    return False when it is no trailer line (page numbers and rules are, and carry nothing)."""
    if not TRAILER.match(line):
        return False
    brief = facts.get("kind") == "work_brief"
    if cc := CC.match(line):
        facts["cc"] = _names(cc["names"])
    elif printed := PRINTED.match(line):
        y, m, d = printed.groups()[-3:]
        facts["printer"], facts["printed_on"] = printed["name"].strip(), f"{y}-{int(m):02d}-{int(d):02d}"
    elif notes := NOTES.match(line):
        facts["notes"] = notes["text"]
    elif brief and (to := DISTRIBUTION.match(line)):
        facts.setdefault("distribution", {})[_DISTRIBUTION_KEYS[to["to"]]] = _names(to["names"])
    elif brief and (copies := COPIES.match(line)):
        facts["copies"] = int(copies["copies"])
    return True


def _names(text: str) -> list[str]:
    """Return the names of a 版记 line split at ，(a name may hold 、: 县委、县政府主要领导)."""
    return [name.strip() for name in re.split(r"[，,]", text.strip().rstrip("。")) if name.strip()]


def read_attachments(rest: list[str], facts: dict[str, Any]) -> list[str]:
    """Read a 附件说明 closing ``rest`` (附件：1. …, then 2. …) into ``facts``; return the lines
    before it (all of ``rest`` when it does not close with one)."""
    for start in range(len(rest) - 1, max(-1, len(rest) - 101), -1):
        if head := ATTACHMENT_HEAD.match(rest[start].strip()):
            items = [ATTACHMENT_ITEM.match(line.strip()) for line in rest[start + 1:]]
            if all(items):
                facts["attachments"] = [head["title"].strip()] + [i["title"].strip() for i in items if i]
                return rest[:start]
            return rest
    return rest
