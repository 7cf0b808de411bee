"""The one core every surface calls: facts in, a checked document out.

``render`` validates the facts, checks them for plausibility, composes the document tree,
converts it to the requested script, writes the requested format and runs the placeholder
checker over the result. The CLI, the JSON API and the web form all go through here.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import jinja2

from huibao import settings
from huibao.budget import checkpoint
from huibao.check import checker
from huibao.compose.composer import compose
from huibao.compose.element_blocks import element_warnings
from huibao.compose.factchecks import FactWarning, check_facts
from huibao.compose.facts import Envelope
from huibao.compose.kinds import get_kind, parse_facts
from huibao.compose.tree import Document
from huibao.compose.unused import missing_date, unused_facts
from huibao.errors import BadRequest, ErrorItem, HuibaoError, InvalidFacts
from huibao.scripts import Script
from huibao.startup import template_error
from huibao.uploads import UploadLimits, check_docx
from huibao.write import WRITERS, Writer
from huibao.write import html as html_writer
from huibao.write import text as text_writer

if TYPE_CHECKING:
    from huibao.check.layout import LayoutFinding
    from huibao.store.envelope import OfficeProfile

FORMATS = tuple(WRITERS)


@dataclass
class Composed:
    """A composed report with everything learned on the way."""

    facts: Envelope
    document: Document
    warnings: list[FactWarning] = field(default_factory=list)
    findings: list[checker.Finding] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Return the report as plain text (what the checker saw)."""
        return text_writer.render(self.document)

    def issues(self) -> list[dict[str, Any]]:
        """Return fact warnings and checker findings as one JSON-ready list."""
        return [w.as_dict() for w in self.warnings] + [f.as_dict() for f in self.findings]


@dataclass
class Output:
    """A written report: bytes, media type, download file name, and its composition."""

    content: bytes
    writer: Writer
    filename: str
    composed: Composed


def convert_document(
    document: Document, script: Script, keep: Sequence[str], office: OfficeProfile | None = None
) -> None:
    """Convert every text of ``document`` to ``script`` in place (no-op for zh-Hans).

    ``keep`` (the facts' names) is checked against its limits even when nothing is converted;
    ``office`` adds its keep words and glossary additions.
    """
    from huibao.convert.options import ConversionOptions, check_keep

    terms = check_keep(list(keep))
    if not script.is_traditional:
        return
    from huibao.convert.converter import convert_text  # imported lazily: OpenCC loads on first use

    options = ConversionOptions(script, Script.HANS, keep=terms)
    if office is not None:
        options = options.with_words(office.keep, office.glossary)
    document.map_text(lambda s: convert_text(s, options).text)
    document.script = script


def check_script(script: str | None) -> Script | None:
    """Return the explicitly requested script, None when none was requested; raise BadRequest
    on field ``script`` when it is unknown."""
    return Script.parse(script, "script") if script else None


def with_office(
    data: Mapping[str, Any] | object, office: OfficeProfile | None = None
) -> tuple[Mapping[str, Any] | object, OfficeProfile | None]:
    """Return the facts with the envelope of ``office`` (or of the stored office they name in
    ``office``) filled in, and that office; ``data`` and None when there is none. Only facts that
    name an office (or a given ``office``) load the store's code or touch the database."""
    if office is None and not (isinstance(data, Mapping) and data.get("office") is not None):
        return data, None
    from huibao.store.envelope import resolve

    return resolve(data, office)


def compose_facts(
    data: Mapping[str, Any] | object, script: str | None = None, office: OfficeProfile | None = None
) -> Composed:
    """Return the composed, script-converted and checked report for raw facts ``data``.

    ``script`` overrides the facts' own ``script`` field when given; ``office`` (a stored
    document's own) fills the envelope as facts naming an office do (see :func:`with_office`).
    """
    requested = check_script(script)
    data, office = with_office(data, office)
    facts = parse_facts(data)
    kind = get_kind(facts.kind)
    warnings = check_facts(facts)
    checkpoint()
    try:
        document = compose(facts, kind.template, kind.prepare)
    except jinja2.TemplateError as exc:  # an office's edited wording template
        raise template_error(exc) from exc
    warnings += unused_facts(facts, document) + missing_date(facts)
    warnings += element_warnings(facts, document)
    checkpoint()
    convert_document(document, requested or Script.parse(facts.script), facts.keep, office)
    document.facts = embedded_facts(data, facts.kind, requested)
    checkpoint()
    composed = Composed(facts, document, warnings)
    composed.findings = checker.check_text(composed.text)
    return composed


def embedded_facts(data: Mapping[str, Any] | object, kind: str, script: Script | None) -> dict[str, Any]:
    """Return the facts a written document carries: ``data`` as given (JSON values), with the
    kind's id and, when a request chose the script, that script."""
    facts = dict(data) if isinstance(data, Mapping) else {}
    facts["kind"] = kind
    if script is not None:
        facts["script"] = str(script)
    return facts


def writer_for(fmt: str) -> Writer:
    """Return the writer for format ``fmt``; raise BadRequest naming the valid formats."""
    try:
        return WRITERS[fmt]
    except KeyError:
        raise BadRequest(f"不支持的格式“{fmt}”，可选：{'、'.join(FORMATS)}", field="format") from None


def render(
    data: Mapping[str, Any] | object,
    fmt: str = "docx",
    script: str | None = None,
    layout: bytes | None = None,
    office: OfficeProfile | None = None,
) -> Output:
    """Return the report for ``data`` written in format ``fmt``; ``layout`` is an office's own
    .docx layout template (None: the office's own if it has one, else the one in use);
    ``office``: see :func:`compose_facts`."""
    writer = writer_for(fmt)
    data, office = with_office(data, office)
    composed = compose_facts(data, script, office)
    checkpoint()
    if layout is None and office is not None:
        layout = office.layout
    name = (composed.document.title or "汇报").replace("/", "／").replace("\\", "＼")
    return Output(writer.write(composed.document, layout=layout), writer, name + writer.suffix, composed)


def preview(
    data: Mapping[str, Any] | object, script: str | None = None, office: OfficeProfile | None = None
) -> dict[str, Any]:
    """Return the JSON preview: title, text, an HTML page fragment and all warnings
    (``office``: see :func:`compose_facts`)."""
    composed = compose_facts(data, script, office)
    return {
        "ok": True,
        "kind": composed.facts.kind,
        "title": composed.document.title,
        "text": composed.text,
        "html": html_writer.fragment(composed.document),
        "warnings": [w.as_dict() for w in composed.warnings],
        "findings": [f.as_dict() for f in composed.findings],
    }


def max_batch() -> int:
    """Return the most reports one batch may hold (``HUIBAO_MAX_BATCH``, default 200)."""
    return settings.integer("HUIBAO_MAX_BATCH")


def render_batch(items: object, fmt: str = "docx", script: str | None = None) -> bytes:
    """Return a zip of every report in ``items`` plus ``manifest.json``; all or nothing.

    Each report is validated first; if any fails, InvalidFacts lists every error with its
    path prefixed by ``reports[i]``, so a system can fix them all in one go. File names are
    ``001-<title>.<suffix>``; the manifest gives per report its file, title, warnings and
    findings.
    """
    writer = writer_for(fmt)
    check_script(script)  # a bad ?script= is one error on "script", not one per report
    if not isinstance(items, list) or not items:
        raise BadRequest("reports 应为非空数组，每项是一份报告的事实", field="reports")
    if len(items) > max_batch():
        raise BadRequest(f"一次最多生成 {max_batch()} 份报告，本次 {len(items)} 份", field="reports")
    outputs: list[Output] = []
    errors: list[ErrorItem] = []
    for i, item in enumerate(items):
        checkpoint()
        try:
            outputs.append(render(item, fmt, script))
        except HuibaoError as exc:
            if exc.status >= 500:  # a timeout or a broken template is not this report's fault
                raise
            for err in exc.errors:
                path = f"reports[{i}]" + (f".{err.field}" if err.field else "")
                errors.append(ErrorItem(path, err.message))
    if errors:
        raise InvalidFacts(errors)
    manifest = []
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, out in enumerate(outputs, start=1):
            name = f"{i:03d}-{out.filename}"
            zf.writestr(name, out.content)
            manifest.append(
                {
                    "index": i - 1,
                    "file": name,
                    "title": out.composed.document.title,
                    "media_type": writer.media_type,
                    "warnings": [w.as_dict() for w in out.composed.warnings],
                    "findings": [f.as_dict() for f in out.composed.findings],
                }
            )
        zf.writestr("manifest.json", json.dumps({"reports": manifest}, ensure_ascii=False, indent=2))
    return buf.getvalue()


def check_layout(data: bytes, limits: UploadLimits | None = None) -> list[LayoutFinding]:
    """Return the GB/T 9704 layout findings of the .docx ``data`` ([] when it conforms).

    The upload safety checks run first; raises UnsupportedMedia when ``data`` is not a .docx.
    """
    from huibao.check.layout import check_layout as layout_findings

    check_docx(data, limits)
    return layout_findings(data)
