"""Simplified ↔ traditional conversion for text and .docx, with the office glossary.

Conversion is phrase-level OpenCC with the glossary in ``glossary/*.tsv`` loaded *into* OpenCC
(see :mod:`huibao.convert.engine`), plus huibao's name rules (:mod:`huibao.convert.names`):
surnames after titles stay surnames, and ``keep`` names are converted on their own.

Targets are :class:`huibao.scripts.Script` values: zh-Hans, zh-Hant (OpenCC standard forms,
爲/羣/衆), zh-Hant-TW (為/群/眾) and zh-Hant-HK. Regional vocabulary (s2twp: 信息→資訊) only
with ``regional_vocabulary``. Traditional → another traditional form goes through simplified.
What to do is one :class:`~huibao.convert.options.ConversionOptions`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from huibao.convert import engine, names
from huibao.convert.diff import Change, diff_changes, split_lengths
from huibao.convert.options import ConversionOptions
from huibao.scripts import Script

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

    from huibao.uploads import UploadLimits

__all__ = [
    "QUOTES_CORNER",
    "QUOTES_CURLY",
    "Change",
    "ConversionOptions",
    "ConversionResult",
    "convert_document",
    "convert_docx",
    "convert_text",
    "diff_changes",
    "document_text",
    "kept_forms",
    "opencc_converter",
    "plan",
]


@dataclass(frozen=True)
class ConversionResult:
    """Converted ``text``; ``source`` is the script used as input (given or detected, or
    ``mixed`` for a detected mix that was repaired).

    ``changes`` is computed on first access from the input and the output (it costs about as
    much as the conversion itself on large texts, so callers that only need the text skip it).
    """

    text: str
    source: str
    target: str
    original: str = field(default="", repr=False, compare=False)

    @cached_property
    def changes(self) -> list[Change]:
        """Return every changed span, offsets in the input text; empty when nothing changed."""
        return diff_changes(self.original, self.text)


# ---------------------------------------------------------------------------------------------
# Planning a conversion
# ---------------------------------------------------------------------------------------------

_TO_SIMPLIFIED = {Script.HANT: "t2s", Script.HANT_TW: "tw2s", Script.HANT_HK: "hk2s"}
_FROM_SIMPLIFIED = {Script.HANT: "s2t", Script.HANT_TW: "s2tw", Script.HANT_HK: "s2hk"}
_REGIONAL = {"tw2s": "tw2sp", "hk2s": "hk2sp", "s2tw": "s2twp", "s2hk": "s2hkp"}

# Taiwan and Hong Kong write quotations in corner brackets 「」『』, the mainland in “”‘’.
# Not an OpenCC config: a one-to-one punctuation step, so run lengths and offsets are kept.
QUOTES_CORNER = "quotes:corner"
QUOTES_CURLY = "quotes:curly"
_QUOTE_TABLES = {
    QUOTES_CORNER: str.maketrans("“”‘’", "「」『』"),
    QUOTES_CURLY: str.maketrans("「」『』", "“”‘’"),
}


def plan(source: str, target: str, *, repair: bool = False, regional_vocabulary: bool = False) -> list[str]:
    """Return the conversion steps applied in order; [] means the text stays as it is.

    ``source`` is a script code or ``mixed`` (detected half-converted text, always repaired).
    """
    tgt = Script.parse(target, "to")
    steps: list[str] = []
    if source == "mixed":
        src, repair = Script.HANT, True
    else:
        src = Script.parse(source, "from")
    if src is Script.HANS:
        if repair:
            steps.append("t2s")
    elif repair or tgt is not src:
        steps.append(_TO_SIMPLIFIED[src])
    if tgt.is_traditional and (steps or src is Script.HANS):
        steps.append(_FROM_SIMPLIFIED[tgt])
    if regional_vocabulary:
        steps = [_REGIONAL.get(s, s) for s in steps]
    if steps and tgt.region:
        steps.append(QUOTES_CORNER)
    elif steps and tgt is Script.HANS and src is not Script.HANS:
        steps.append(QUOTES_CURLY)
    return steps


def opencc_converter(name: str) -> Callable[[str], str]:
    """Return the function of one conversion step ``name`` (an OpenCC config such as ``s2tw``
    with the glossary loaded, or a quote step). Steps into traditional keep surnames after
    titles (主任余志刚 → 主任余志剛)."""
    table = _QUOTE_TABLES.get(name)
    if table is not None:
        return lambda text: text.translate(table)
    convert = engine.converter(name).convert
    if name.startswith("s2"):
        rules = names.name_rules()
        return lambda text: names.convert_keeping_surnames(text, convert, rules)
    return convert


def _runner(steps: list[str]) -> Callable[[str], str]:
    converters = [opencc_converter(s) for s in steps]

    def run(chunk: str) -> str:
        for convert in converters:
            chunk = convert(chunk) if chunk else chunk
        return chunk

    return run


def _apply(steps: list[str], text: str, options: ConversionOptions) -> str:
    """Run ``text`` through ``steps``; ``keep`` terms are converted on their own."""
    if not steps or not text:
        return text
    run = options.built(("run", *steps), lambda: _runner(steps))
    pattern = options.keep_terms.pattern
    if pattern is None:
        return run(text)
    forms = options.keep_forms(tuple(steps), run)
    pieces: list[str] = []
    kept: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        pieces.append(text[last : match.start()])
        kept.append(forms.get(match.group(), match.group()))
        last = match.end()
    if not kept:
        return run(text)
    pieces.append(text[last:])
    converted = engine.convert_pieces(run, pieces)
    out = [converted[0]]
    for name, piece in zip(kept, converted[1:], strict=True):
        out.append(name)
        out.append(piece)
    return "".join(out)


def _resolve_source(text: str, options: ConversionOptions) -> str:
    """Return the source script code: the given one, or detected (``mixed`` included)."""
    if options.source is not None:
        return options.source.value
    from huibao.convert.detect import detect

    script = detect(text).script
    return script if script in ("zh-Hans", "zh-Hant", "mixed") else Script.HANS.value


def _steps(source: str, options: ConversionOptions) -> list[str]:
    return plan(
        source, options.target, repair=options.repair, regional_vocabulary=options.regional_vocabulary
    )


def convert_text(text: str, options: ConversionOptions) -> ConversionResult:
    """Return ``text`` converted as ``options`` say.

    With no source given the input script is detected from its characters; a detected mix of
    simplified and traditional is repaired.
    """
    source = _resolve_source(text, options)
    out = _apply(_steps(source, options), text, options)
    return ConversionResult(text=out, source=source, target=options.target.value, original=text)


def kept_forms(options: ConversionOptions, source: Script | str = Script.HANS) -> tuple[str, ...]:
    """Return the ``keep`` terms as a conversion from ``source`` writes them (余志刚 → 余志剛),
    longest first: what a checker of the converted text should take as names; () without keep
    terms or when nothing is converted."""
    steps = _steps(Script.parse(source, "from").value, options)
    if not steps or not options.keep_terms.terms:
        return ()
    forms = options.keep_forms(tuple(steps), options.built(("run", *steps), lambda: _runner(steps)))
    return tuple(sorted(set(forms.values()), key=lambda t: (-len(t), t)))


# ---------------------------------------------------------------------------------------------
# .docx conversion
# ---------------------------------------------------------------------------------------------


def convert_document(document: DocxDocument, options: ConversionOptions) -> list[Change]:
    """Convert a python-docx document in place; return the changes (offsets per paragraph).

    Every paragraph of the body, tables (nested too), text boxes, headers, footers, footnotes,
    endnotes and comments is converted as one text, then cut back into its runs by length, so a
    phrase split across runs converts as a phrase and every run keeps its formatting. The core
    properties title and subject are converted too. With no source given the script is detected
    from the whole document's text.
    """
    from huibao import ooxml

    parts = list(ooxml.text_parts(document))
    paragraphs = [
        para
        for part in parts
        for para in ooxml.paragraphs_in_order(part.root, fallbacks=True)
        if para.text_nodes
    ]
    props = document.core_properties
    meta = [("title", props.title or ""), ("subject", props.subject or "")]
    if options.source is None:
        sample = "\n".join([*(p.runs_text for p in paragraphs[:4000]), *(v for _, v in meta)])
        source = _resolve_source(sample, options)
    else:
        source = options.source.value
    steps = _steps(source, options)
    changes: list[Change] = []
    if not steps:
        return changes

    texts = [p.runs_text for p in paragraphs]
    converted = _convert_many(steps, texts, options)
    for para, before, after in zip(paragraphs, texts, converted, strict=True):
        if before == after:
            continue
        changes.extend(diff_changes(before, after))
        para.set_runs_text(split_lengths(before, after, [len(t.text or "") for t in para.text_nodes]))
    for part in parts:
        part.commit()
    for name, value in meta:
        if value:
            new = _apply(steps, value, options)
            if new != value:
                setattr(props, name, new)
                changes.extend(diff_changes(value, new))
    return changes


def document_text(document: DocxDocument) -> str:
    """Return the text of every paragraph in every text part (body, tables, headers, footers,
    footnotes, endnotes, comments), one paragraph per line; "" for an empty document."""
    from huibao import ooxml

    return ooxml.document_text(document)


def _convert_many(steps: list[str], texts: list[str], options: ConversionOptions) -> list[str]:
    """Convert many short texts with one OpenCC call (joined by newlines) when that is safe."""
    if any("\n" in t for t in texts):
        return [_apply(steps, t, options) for t in texts]
    out = _apply(steps, "\n".join(texts), options).split("\n")
    if len(out) != len(texts):  # cannot happen with OpenCC's dictionaries; stay safe anyway
        return [_apply(steps, t, options) for t in texts]
    return out


def convert_docx(
    data: bytes, options: ConversionOptions, limits: UploadLimits | None = None
) -> tuple[bytes, list[Change]]:
    """Return the converted .docx bytes and the changes for an (untrusted) uploaded ``data``.

    The upload passes :func:`huibao.uploads.open_docx` first (size, real Word package, zip
    bomb, XML entities); refusals raise :class:`~huibao.errors.UploadRejected` subclasses. The
    facts a huibao .docx carries are marked with the target script.
    """
    from huibao.ooxml import facts_part
    from huibao.uploads import open_docx

    document = open_docx(data, limits)
    changes = convert_document(document, options)
    facts_part.restamp_script(document, options.target.value)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), changes
