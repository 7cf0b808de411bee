"""The 公文 elements placed in the document tree, each kind's defaults, and the rules between them.

:func:`apply` puts the elements the facts carry into a composed document: the 版头 (份号, 密级,
紧急程度, 发文机关标志, 发文字号 with 签发人 for 上行文, red separator) or the 简报 masthead
(red name, 第N期, 编印单位 and date, red rule) above the title; the 附件说明 under the body; the
附注 under the date; the 版记 (抄送, 印发机关 and 印发日期) or the 报/送/发 block at the foot.
:data:`DEFAULTS` says which elements each kind uses; ``elements`` in the facts overrides it.
:func:`element_warnings` returns the rules a clerk is sent back for, as fact warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from huibao.compose import dates, wording
from huibao.compose.elements import BriefElements, ElementFacts
from huibao.compose.factchecks import FactWarning
from huibao.compose.facts import Envelope
from huibao.compose.tree import Block, Document, Role


@dataclass(frozen=True)
class KindElements:
    """A kind's default element set: red 版头 (with 文件 after the organ's name), 签发人 on the
    发文字号 line (上行文), 简报 masthead, and whether it takes any element at all."""

    head: bool = False
    file_word: bool = True
    signers_line: bool = False
    masthead: bool = False
    any: bool = True


_UP = KindElements(head=True, signers_line=True)
#: Each kind's defaults: 通报 on red head with 发文字号; 报告/汇报 going up with 签发人; 简报 with its
#: masthead; 发言材料 none. A kind not listed takes a red head when the facts give one.
DEFAULTS: dict[str, KindElements] = {
    "inspection_notice": KindElements(head=True),
    "situation_report": _UP,
    "rectification_report": _UP,
    "status_snapshot": _UP,
    "work_summary": _UP,
    "research_report": KindElements(head=True),
    "work_brief": KindElements(masthead=True),
    "speech": KindElements(any=False),
}
_SWITCH_HINT = "如确需使用，请在 elements 中开启"
_HEAD_FIELDS = ("copy_number", "secrecy", "urgency", "issuer", "doc_number", "signers")
_FOOT_FIELDS = ("attachments", "notes", "cc", "printer", "printed_on")


@dataclass(frozen=True)
class Plan:
    """The elements one report gets, the kind's defaults and the facts' switches combined."""

    head: bool
    file_word: bool
    signers_line: bool
    masthead: bool
    imprint: bool
    any: bool


def plan(facts: Envelope) -> Plan:
    """Return which elements ``facts`` get (a kind without defaults uses none but what is given)."""
    d = DEFAULTS.get(facts.kind, KindElements(head=True))
    e = facts.elements if isinstance(facts, ElementFacts) else None

    def pick(value: bool | None, default: bool) -> bool:
        return default if value is None else value

    given_head = isinstance(facts, ElementFacts) and bool(facts.issuer or facts.doc_number)
    head = pick(e.head if e else None, d.any and d.head and given_head)
    masthead = pick(e.masthead if e else None, d.masthead)
    return Plan(
        head=head,
        file_word=pick(e.file_word if e else None, d.file_word),
        signers_line=pick(e.signers_line if e else None, d.signers_line),
        masthead=masthead and isinstance(facts, BriefElements),
        imprint=pick(e.imprint if e else None, d.any),
        any=d.any or (e is not None and any(v for v in e.model_dump().values())),
    )


def _title(title: str) -> str:
    """Return an attachment title without the punctuation GB/T 9704 leaves off its end."""
    return title.rstrip("。.；;，,")


def _names(names: list[str]) -> str:
    return "，".join(wording.clause(n) for n in names)


def _head(facts: ElementFacts, p: Plan, unit: str) -> list[Block]:
    out: list[Block] = []
    if facts.copy_number:
        out.append(Block(Role.COPY_NUMBER, text=facts.copy_number))
    if facts.secrecy:
        out.append(Block(Role.SECRECY, text=facts.secrecy.text))
    if facts.urgency:
        out.append(Block(Role.URGENCY, text=facts.urgency))
    if not p.head:
        return out
    issuers = facts.issuer or [unit]
    for i, name in enumerate(issuers):
        last = i == len(issuers) - 1
        out.append(Block(Role.ISSUER, text=f"{name}文件" if p.file_word and last else name))
    signers = "　".join(facts.signers) if p.signers_line and facts.signers else ""
    number = facts.doc_number.text if facts.doc_number else ""
    if number or signers:
        out.append(Block(Role.DOC_NUMBER, text=number, aside=f"签发人：{signers}" if signers else ""))
    out.append(Block(Role.RED_RULE))
    return out


def _masthead(facts: Envelope, unit: str) -> list[Block]:
    assert isinstance(facts, BriefElements)
    series = getattr(facts, "series", None) or f"{wording.with_work(facts.topic)}简报"
    number = getattr(facts, "issue_number", None)
    editor = facts.editor or facts.signature or unit
    day = dates.format_date(facts.signed_on) if facts.signed_on else ""
    out = [Block(Role.MASTHEAD, text=series)]
    if number:
        out.append(Block(Role.ISSUE, text=f"第{number}期"))
    out += [Block(Role.EDITOR, text=editor, aside=day), Block(Role.RED_RULE)]
    return out


def _foot(facts: Envelope, p: Plan) -> list[Block]:
    out: list[Block] = []
    if isinstance(facts, ElementFacts) and p.imprint:
        if facts.cc:
            out.append(Block(Role.CC, label="抄送：", text=wording.sentence(_names(facts.cc))))
        if facts.printer or facts.printed_on:
            day = f"{dates.format_date(facts.printed_on)}印发" if facts.printed_on else ""
            out.append(Block(Role.PRINTER, text=facts.printer or "", aside=day))
    if isinstance(facts, BriefElements) and p.imprint:
        d = facts.distribution
        for label, names in (("报：", d.report), ("送：", d.send), ("发：", d.issue)):
            if names:
                out.append(Block(Role.DISTRIBUTION, label=label, text=wording.sentence(_names(names))))
        if facts.copies:
            out.append(Block(Role.COPIES, aside=f"共印{facts.copies}份"))
    return out


def apply(facts: Envelope, document: Document) -> None:
    """Put the elements ``facts`` carry into ``document`` in place (nothing when it has none)."""
    if not isinstance(facts, ElementFacts):
        return
    p = plan(facts)
    if not p.any:
        return
    blocks = document.blocks
    unit = facts.signature or facts.unit.name
    top = _masthead(facts, unit) if p.masthead else _head(facts, p, unit)
    if p.masthead:
        # the wording template's own masthead lines (before the title) give way to the masthead
        while blocks and blocks[0].role is Role.SUBTITLE:
            blocks.pop(0)
    tail = next((i for i, b in enumerate(blocks) if b.role in (Role.SIGNATURE, Role.DATE)), len(blocks))
    attachments = [
        Block(Role.ATTACHMENT, label=f"{'附件：' if n == 1 else ''}{n}.", text=_title(a.title), level=n)
        for n, a in enumerate(facts.attachments, 1)
    ]
    blocks[tail:tail] = attachments
    if facts.notes:
        note = facts.notes.strip()
        if not (note.startswith(("（", "(")) and note.endswith(("）", ")"))):
            note = f"（{note.rstrip('。')}）"
        blocks.append(Block(Role.NOTE, text=note))
    blocks[:0] = top
    blocks += _foot(facts, p)


_ATTACHMENT_REF = re.compile(r"附件\s*(\d+)")
_SEE_ATTACHMENT = re.compile(r"见附件")


def element_warnings(facts: Envelope, document: Document) -> list[FactWarning]:
    """Return the element rules ``facts`` and the composed ``document`` break ([] when none)."""
    if not isinstance(facts, ElementFacts):
        return []
    out: list[FactWarning] = []
    p = plan(facts)
    number = facts.doc_number
    if number is not None and number.written and number.written != number.text:
        out.append(
            FactWarning(
                "doc_number_form",
                "doc_number",
                f"发文字号“{number.written}”应写作“{number.text}”（年份用六角括号〔〕，序号不编虚位、不加“第”），已改正",
            )
        )
    secrecy = facts.secrecy
    if secrecy is not None and secrecy.written and secrecy.written != secrecy.text:
        out.append(
            FactWarning(
                "secrecy_form", "secrecy", f"密级和保密期限“{secrecy.written}”应写作“{secrecy.text}”，已改正"
            )
        )
    if facts.printed_on and facts.signed_on and facts.printed_on < facts.signed_on:
        out.append(FactWarning("printed_before_signed", "printed_on", "印发日期早于成文日期"))
    if facts.printed_on and not facts.printer and p.imprint:
        out.append(FactWarning("printer_missing", "printer", "有印发日期而没有印发机关"))
    if p.head and p.signers_line and not facts.signers:
        out.append(FactWarning("signers_missing", "signers", "上报的报告、汇报应注明签发人"))
    for i, a in enumerate(facts.attachments):
        if a.title != _title(a.title):
            out.append(
                FactWarning("attachment_punctuation", f"attachments[{i}].title", "附件名称后不加标点，已去掉")
            )
    body = "".join(b.plain for b in document.blocks if b.role is not Role.ATTACHMENT)
    cited = [int(n) for n in _ATTACHMENT_REF.findall(body)]
    if cited and max(cited) > len(facts.attachments):
        out.append(
            FactWarning(
                "attachment_count",
                "attachments",
                f"正文提到附件{max(cited)}，附件说明只列了{len(facts.attachments)}件",
            )
        )
    elif _SEE_ATTACHMENT.search(body) and not facts.attachments:
        out.append(FactWarning("attachment_count", "attachments", "正文提到附件，但没有附件说明"))
    if not p.any:
        given = [f for f in (*_HEAD_FIELDS, *_FOOT_FIELDS) if getattr(facts, f)]
        out += [
            FactWarning("element_not_used", f, f"发言材料不用版头、附件说明和版记；{_SWITCH_HINT}")
            for f in given
        ]
    return out
