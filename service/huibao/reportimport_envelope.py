"""The envelope of an imported report: what stands around its text.

The masthead (份号, 密级, 紧急程度, 发文机关标志, 发文字号, read by
:mod:`huibao.reportimport_elements` with the 附件说明 and 版记) and the title (over up to three lines
when only together they end the way a title ends), the recipient, a speech's speaker and date, a
简报's name, issue, editing unit and article title, the signature and date at the end (page
numbers, rules and a 版记 after them left out), and in the opening the basis (根据…，) and the
moment the figures stand at (截至…). Every pattern is anchored or bounded (linear).
"""

from __future__ import annotations

import re
from typing import Any

from huibao.reportimport_elements import read_attachments, read_masthead, read_trailer_line

HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．]|（\d+）)")
DATE_LINE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
#: What a title adds around its topic: 关于…工作情况的汇报, …工作总结, …情况快报.
TOPIC = re.compile(r"(?:工作)?(?:情况)?(?:的)?(?:汇报|报告|总结|快报|通报|简报|讲话|发言)$")
SEPARATORS = re.compile(r"[。；！？\n]")
#: A rule line (the red line under a masthead or around a 版记): no content.
RULE = re.compile(r"^[—─━_=\-－]{4,}$")
#: A speech's date under its title: （2026年3月3日）.
SPEECH_DATE = re.compile(r"^[（(](\d{4})年(\d{1,2})月(\d{1,2})日[）)]$")
#: A speech's title names its occasion: 在全县防汛工作会议上的发言.
OCCASION = re.compile(r"^在(?P<occasion>.{2,60}?)上的(?:发言|讲话|汇报发言|表态发言)$")
#: A 简报's issue under its name: 第23期.
ISSUE = re.compile(r"^第\s*(\d{1,4})\s*期$")
#: A 简报's editing unit and date on one line: 青禾县卫生健康局办公室　　　　2026年6月12日.
EDITOR_LINE = re.compile(r"^(?P<name>[^\s\d].{0,40}?)[\u3000 \t]+(\d{4})年(\d{1,2})月(\d{1,2})日$")
#: What the report answers to: 根据县安委会《关于…的通知》要求，….
BASIS = re.compile(r"根据([^，,。；：]{2,80})[，,]")
#: The moment the figures stand at: 截至2026年1月20日17时 (a date without its year is left).
AS_OF = re.compile(r"截至(\d{4})年(\d{1,2})月(\d{1,2})日(?:(\d{1,2})时)?")

def _title(lines: list[str]) -> tuple[str, int]:
    """Return the title and how many lines it takes: one, or two or three when only together do
    they end the way a title ends (关于…大排查 / 工作情况的汇报)."""
    title = lines[0].strip()
    if TOPIC.search(title):
        return title, 1
    for end in (2, 3):
        parts = [line.strip() for line in lines[1:end]]
        if len(lines) < end or any(len(p) > 30 or SEPARATORS.search(p) or "，" in p for p in parts):
            break
        if TOPIC.search(joined := title + "".join(parts)):
            return joined, end
    return title, 1


def read_envelope(lines: list[str], facts: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Read the masthead, title, topic, recipient, speaker, signature, date, 附件说明 and 版记 into
    ``facts``; return the lines between, and the lines about the title read into nothing."""
    head = read_masthead(lines, facts)
    unplaced: list[str] = []
    facts["title"], used = _title(lines[head:])
    facts["topic"] = TOPIC.sub("", facts["title"]).removeprefix("关于") or facts["title"]
    rest = lines[head + used:]
    if facts["kind"] == "work_brief":
        rest = _brief_masthead(rest, facts)
    if facts["kind"] == "speech" and (occasion := OCCASION.match(facts["title"])):
        facts["occasion"] = occasion["occasion"]
    if len(rest) > 1 and SPEECH_DATE.match(rest[1].strip()) and is_name_line(rest[0]):
        if facts["kind"] == "speech":  # 讲话人 under the title of a speech, its date below
            facts["speaker"] = rest[0].strip()
            rest = rest[1:]
        else:
            unplaced, rest = [rest[0].strip()], rest[1:]
    if rest and (date := SPEECH_DATE.match(rest[0].strip())):
        facts["signed_on"] = _iso(date)
        rest = rest[1:]
    if rest and rest[0].strip().endswith(("：", ":")) and len(rest[0].strip()) <= 60:
        facts["recipient"] = rest[0].strip().rstrip("：:")
        rest = rest[1:]
    end = len(rest)
    while end and read_trailer_line(rest[end - 1].strip(), facts):
        end -= 1
    rest = rest[:end]
    if rest and (date := DATE_LINE.match(rest[-1].strip())):
        facts["signed_on"] = _iso(date)
        rest = rest[:-1]
        if rest and is_name_line(rest[-1]):
            facts["signature"] = rest[-1].strip()
            facts["unit"] = {"name": rest[-1].strip()}
            rest = rest[:-1]
    return read_attachments(rest, facts), unplaced


def _brief_masthead(rest: list[str], facts: dict[str, Any]) -> list[str]:
    """Read a 简报's masthead after its name (第23期, then the editing unit and the date, then the
    article's title) into ``facts``; return the lines after it."""
    issue = ISSUE.match(rest[0].strip()) if rest else None
    if issue is None:
        return rest
    facts["series"], facts["issue_number"] = facts.pop("title"), int(issue[1])
    rest = rest[1:]
    if rest and (editor := EDITOR_LINE.match(rest[0].strip())):
        facts["editor"] = editor["name"].strip()
        facts["signed_on"] = _iso(editor)
        rest = rest[1:]
    elif len(rest) > 1 and is_name_line(rest[0]) and (date := DATE_LINE.match(rest[1].strip())):
        facts["editor"], facts["signed_on"] = rest[0].strip(), _iso(date)  # a .docx's two cells
        rest = rest[2:]
    lines = 0  # the article's title: up to three short lines (broken in Word) before its text
    while lines < min(3, len(rest) - 1) and is_name_line(rest[lines]) and not HEADING.match(rest[lines]):
        lines += 1
    if lines:
        facts["title"] = "".join(line.strip() for line in rest[:lines])
    return rest[lines:]


def read_opening(body: list[str], facts: dict[str, Any]) -> None:
    """Read into ``facts`` the basis (根据…，) of the paragraphs before the first heading and the
    moment the figures stand at (the first 截至2026年1月20日17时 of the text)."""
    before_headings = True
    for line in body:
        stripped = line.strip("\u3000 ")
        before_headings = before_headings and not HEADING.match(stripped)
        if before_headings and "basis" not in facts and (basis := BASIS.search(stripped)):
            facts["basis"] = basis[1]
        if "as_of" not in facts and (moment := AS_OF.search(stripped)):
            y, m, d, hour = moment.groups()
            facts["as_of"] = f"{y}-{int(m):02d}-{int(d):02d}" + (f"T{int(hour):02d}:00" if hour else "")
        if "as_of" in facts and not before_headings:
            return


def is_name_line(line: str) -> bool:
    """Return True for a short line without sentence punctuation: a name, a unit, a speaker."""
    line = line.strip()
    return 0 < len(line) <= 40 and not SEPARATORS.search(line[:-1]) and not re.search(r"[，：:]", line)


def _iso(date: re.Match[str]) -> str:
    y, m, d = date.groups()[-3:]
    return f"{y}-{int(m):02d}-{int(d):02d}"
