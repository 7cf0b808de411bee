"""Simplified ↔ traditional conversion for text and .docx, with the office glossary.

Conversion is phrase-level OpenCC. The glossary in ``glossary/*.tsv`` is loaded *into* OpenCC:
at first use huibao writes, into a cache directory, a copy of each OpenCC JSON config whose
segmentation and phrase-conversion dictionary groups start with the glossary as a text user
dictionary, so glossary phrases take part in OpenCC's longest-match segmentation. Nothing is
replaced in the text before or after OpenCC.

Targets: ``zh-Hans``, ``zh-Hant`` (OpenCC standard forms, 爲/羣/衆), ``zh-Hant-TW`` (為/群/眾) and
``zh-Hant-HK``. Regional vocabulary (s2twp: 信息→資訊) only with ``regional_vocabulary=True``.
Traditional → another traditional form goes through simplified (t2s, then s2X).
"""

from __future__ import annotations

import difflib
import hashlib
import io
import json
import logging
import os
import re
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

import opencc
from docx.document import Document as DocxDocument

from huibao import ooxml, resources
from huibao.errors import BadRequest
from huibao.uploads import UploadLimits, open_docx

log = logging.getLogger(__name__)

TARGETS = ("zh-Hans", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK")
TRADITIONAL = ("zh-Hant", "zh-Hant-TW", "zh-Hant-HK")


# Bump when the way configs are generated changes, so stale cache directories are not reused.
_CONFIG_FORMAT = "2"


# ---------------------------------------------------------------------------------------------
# Public result types
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One replaced span: ``original`` at ``[start, end)`` of the input became ``replacement``."""

    original: str
    replacement: str
    start: int
    end: int

    def as_dict(self) -> dict[str, str | int]:
        return {
            "original": self.original,
            "replacement": self.replacement,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class ConversionResult:
    """Converted ``text``; ``source`` is the script used as input (given or detected).

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
# Glossary files
# ---------------------------------------------------------------------------------------------

# glossary file stem -> which generated configs load it and at which stage
_GLOSSARY_FILES = ("s2t", "s2tw", "s2hk", "t2s")


@dataclass(frozen=True)
class GlossaryEntry:
    """One glossary line: ``key`` is converted to ``value``; ``line`` is 1-based."""

    key: str
    value: str
    line: int


def load_glossary(path: Path) -> list[GlossaryEntry]:
    """Return the entries of one TSV glossary file; [] when the file does not exist.

    Malformed lines (no tab, empty side, whitespace inside a phrase) are skipped with a warning;
    a later duplicate key overrides an earlier one.
    """
    if not path.is_file():
        return []
    entries: dict[str, GlossaryEntry] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            log.warning("glossary %s:%d: expected KEY<TAB>VALUE, line skipped", path, number)
            continue
        key, value = parts[0].strip(), parts[1].strip()
        if any(ch.isspace() for ch in key + value):
            log.warning("glossary %s:%d: whitespace inside a phrase, line skipped", path, number)
            continue
        entries[key] = GlossaryEntry(key, value, number)
    return list(entries.values())


# ---------------------------------------------------------------------------------------------
# OpenCC configs with the glossary loaded as user dictionaries
# ---------------------------------------------------------------------------------------------

_OPENCC_SHARE = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
_lock = threading.Lock()


def _cache_root() -> Path:
    base = os.environ.get("HUIBAO_CACHE_DIR")
    if base:
        return Path(base)
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"huibao-opencc-{uid}"


def _glossary_fingerprint() -> str:
    digest = hashlib.sha256(f"{_CONFIG_FORMAT}|{opencc.__version__}|{_OPENCC_SHARE}".encode())
    for path in _glossary_paths():
        digest.update(str(path).encode())
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()[:16]


def _glossary_paths() -> list[Path]:
    """Return every glossary file that may be loaded: bundled first, then the office's."""
    return [d / f"{stem}.tsv" for d in resources.glossary_dirs() for stem in _GLOSSARY_FILES]


def _glossary_pairs(stem: str) -> dict[str, str]:
    """Return the ``stem`` glossary as key → value; the office's entries win over the bundled."""
    pairs: dict[str, str] = {}
    for directory in resources.glossary_dirs():
        pairs.update((e.key, e.value) for e in load_glossary(directory / f"{stem}.tsv"))
    return pairs


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _text_dict(directory: Path, name: str, pairs: dict[str, str]) -> dict[str, Any] | None:
    """Write an OpenCC text dictionary (sorted ``key<TAB>value``) and return its dict spec."""
    if not pairs:
        return None
    path = directory / f"{name}.txt"
    _write_atomic(path, "".join(f"{k}\t{pairs[k]}\n" for k in sorted(pairs)))
    return {"type": "text", "file": str(path)}


def _absolutise(node: Any) -> Any:
    """Return a copy of an OpenCC config node with every dictionary file made absolute."""
    if isinstance(node, dict):
        out = {k: _absolutise(v) for k, v in node.items()}
        if "file" in out and not os.path.isabs(out["file"]):
            out["file"] = str(_OPENCC_SHARE / out["file"])
        return out
    if isinstance(node, list):
        return [_absolutise(v) for v in node]
    return node


def _mentions(node: Any, filename: str) -> bool:
    if isinstance(node, dict):
        if str(node.get("file", "")).endswith(filename):
            return True
        return any(_mentions(v, filename) for v in node.values())
    if isinstance(node, list):
        return any(_mentions(v, filename) for v in node)
    return False


def _front(user: dict[str, Any] | None, original: dict[str, Any], policy: str = "union") -> dict[str, Any]:
    """Return a dict group with ``user`` first. ``union``: the longest match among all wins and
    ties go to ``user``, so glossary phrases join OpenCC's longest-match like its own phrases."""
    if user is None:
        return original
    return {"type": "group", "match_policy": policy, "dicts": [user, original]}


def _build_config(name: str, directory: Path) -> Path:
    """Write ``directory/name.json``: OpenCC's ``name`` config with the glossary loaded."""
    config = _absolutise(json.loads((_OPENCC_SHARE / f"{name}.json").read_text("utf-8")))
    simplifying = name.startswith(("t2s", "tw2s", "hk2s"))
    phrases_file = "TSPhrases.ocd2" if simplifying else "STPhrases.ocd2"
    if simplifying:
        pairs = _glossary_pairs("t2s")
        regional: dict[str, str] = {}
    else:
        pairs = _glossary_pairs("s2t")
        region = "s2tw" if name.startswith("s2tw") else "s2hk" if name.startswith("s2hk") else ""
        regional = _glossary_pairs(region) if region else {}
        pairs.update(regional)
    user = _text_dict(directory, f"{name}.glossary", pairs)
    # Regional values are final forms: later (variant) stages must leave them alone.
    protect = _text_dict(directory, f"{name}.protect", {v: v for v in regional.values()})

    chain = config["conversion_chain"]
    phrase_stage = next(i for i, st in enumerate(chain) if _mentions(st["dict"], phrases_file))
    for index, stage in enumerate(chain):
        if index == phrase_stage:
            stage["dict"] = _front(user, stage["dict"])
        elif index > phrase_stage:
            stage["dict"] = _front(protect, stage["dict"], "short_circuit")
    # Configs without a segmentation (s2t, t2s) segment by longest prefix match of the first
    # conversion dictionary, which now starts with the glossary; the others get it added.
    if user is not None and "segmentation" in config:
        config["segmentation"]["dict"] = _front(user, config["segmentation"]["dict"])
    config["name"] = f"huibao {name} (glossary loaded)"
    path = directory / f"{name}.json"
    _write_atomic(path, json.dumps(config, ensure_ascii=False, indent=1))
    return path


@cache
def _config_dir(fingerprint: str) -> Path:
    directory = _cache_root() / fingerprint
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@lru_cache(maxsize=32)
def _converter(name: str, fingerprint: str) -> opencc.OpenCC:
    with _lock:
        path = _build_config(name, _config_dir(fingerprint))
        return opencc.OpenCC(str(path))


def opencc_converter(name: str) -> Callable[[str], str]:
    """Return the cached ``convert`` of OpenCC config ``name`` (e.g. ``s2tw``) with the glossary.

    Editing a glossary file changes its fingerprint, so the next call builds a fresh converter.
    """
    return _converter(name, _fingerprint_cached()).convert  # type: ignore[no-any-return]


_fingerprint_state: dict[str, Any] = {"stamp": None, "value": ""}


def _fingerprint_cached() -> str:
    stamp = tuple(
        (p.stat().st_mtime_ns, p.stat().st_size) if p.is_file() else None
        for p in _glossary_paths()
    )
    if stamp != _fingerprint_state["stamp"]:
        _fingerprint_state["value"] = _glossary_fingerprint()
        _fingerprint_state["stamp"] = stamp
    return str(_fingerprint_state["value"])


# ---------------------------------------------------------------------------------------------
# Planning a conversion
# ---------------------------------------------------------------------------------------------

_TO_SIMPLIFIED = {"zh-Hant": "t2s", "zh-Hant-TW": "tw2s", "zh-Hant-HK": "hk2s"}
_FROM_SIMPLIFIED = {"zh-Hant": "s2t", "zh-Hant-TW": "s2tw", "zh-Hant-HK": "s2hk"}
_REGIONAL = {"tw2s": "tw2sp", "hk2s": "hk2sp", "s2tw": "s2twp", "s2hk": "s2hkp"}


def check_target(value: str | None, field_name: str = "to") -> str:
    """Return ``value`` when it is one of :data:`TARGETS`; raise :class:`BadRequest` otherwise."""
    if value in TARGETS:
        return str(value)
    raise BadRequest(f"不支持的字形“{value}”，参数 {field_name} 可选值：{'、'.join(TARGETS)}", field_name)


def plan(source: str, target: str, *, repair: bool = False, regional_vocabulary: bool = False) -> list[str]:
    """Return the OpenCC config names applied in order; [] means the text stays as it is.

    ``source`` may also be ``mixed`` (detected half-converted text), which is always repaired.
    """
    steps: list[str] = []
    if source == "mixed":
        source, repair = "zh-Hant", True
    if source == "zh-Hans":
        if repair:
            steps.append("t2s")
    elif repair or target != source:
        steps.append(_TO_SIMPLIFIED[source])
    if target != "zh-Hans" and (steps or source == "zh-Hans"):
        steps.append(_FROM_SIMPLIFIED[target])
    if regional_vocabulary:
        steps = [_REGIONAL.get(s, s) for s in steps]
    if steps and target in ("zh-Hant-TW", "zh-Hant-HK"):
        steps.append(QUOTES_CORNER)
    elif steps and target == "zh-Hans" and source != "zh-Hans":
        steps.append(QUOTES_CURLY)
    return steps


# Taiwan and Hong Kong write quotations in corner brackets 「」『』, the mainland in “”‘’.
# Not an OpenCC config: a one-to-one punctuation step, so run lengths and offsets are kept.
QUOTES_CORNER = "quotes:corner"
QUOTES_CURLY = "quotes:curly"
_QUOTE_TABLES = {
    QUOTES_CORNER: str.maketrans("“”‘’", "「」『』"),
    QUOTES_CURLY: str.maketrans("「」『』", "“”‘’"),
}


def _step(name: str) -> Callable[[str], str]:
    """Return the function of one conversion step: a quote table or an OpenCC config."""
    table = _QUOTE_TABLES.get(name)
    if table is not None:
        return lambda text: text.translate(table)
    return opencc_converter(name)


def _keep_pattern(keep: Iterable[str]) -> re.Pattern[str] | None:
    terms = sorted({t.strip() for t in keep if t and t.strip()}, key=len, reverse=True)
    if not terms:
        return None
    return re.compile("|".join(re.escape(t) for t in terms))


def _apply(steps: list[str], text: str, keep: re.Pattern[str] | None) -> str:
    """Run ``text`` through ``steps``; spans matching ``keep`` are never converted."""
    if not steps or not text:
        return text
    converters = [_step(s) for s in steps]

    def run(chunk: str) -> str:
        for convert in converters:
            chunk = convert(chunk)
        return chunk

    if keep is None:
        return run(text)
    out: list[str] = []
    last = 0
    for match in keep.finditer(text):
        out.append(run(text[last : match.start()]))
        out.append(match.group())
        last = match.end()
    out.append(run(text[last:]))
    return "".join(out)


def _resolve_source(text: str, source: str | None) -> str:
    if source is None or source == "auto":
        from huibao.convert.detect import detect  # local import: detect imports this module's tables

        script = detect(text).script
        return script if script in ("zh-Hans", "zh-Hant", "mixed") else "zh-Hans"
    return check_target(source, "from")


def convert_text(
    text: str,
    to: str,
    *,
    source: str | None = None,
    repair: bool = False,
    regional_vocabulary: bool = False,
    keep: Iterable[str] = (),
) -> ConversionResult:
    """Return ``text`` converted to script ``to``.

    ``source`` None (or ``auto``) detects the input script from its characters; a detected mix of
    simplified and traditional is repaired. ``repair`` first normalises the whole text to
    simplified, which fixes character-table conversions such as 關于/干部. ``keep`` terms (names
    of people and places) are left exactly as given. Raises :class:`BadRequest` for an unknown
    ``to`` or ``source``.
    """
    target = check_target(to, "to")
    src = _resolve_source(text, source)
    steps = plan(src, target, repair=repair, regional_vocabulary=regional_vocabulary)
    out = _apply(steps, text, _keep_pattern(keep))
    return ConversionResult(text=out, source=src, target=target, original=text)


# ---------------------------------------------------------------------------------------------
# Changes between input and output
# ---------------------------------------------------------------------------------------------


def _equal_length_changes(a: str, b: str, base: int, out: list[Change]) -> None:
    start = -1
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if x != y:
            if start < 0:
                start = i
        elif start >= 0:
            out.append(Change(a[start:i], b[start:i], base + start, base + i))
            start = -1
    if start >= 0:
        out.append(Change(a[start:], b[start:], base + start, base + len(a)))


def diff_changes(original: str, converted: str) -> list[Change]:
    """Return the spans that differ between ``original`` and ``converted`` (input offsets).

    OpenCC keeps length in nearly every case, so spans are found character by character; a line
    whose length changed is aligned with difflib instead.
    """
    out: list[Change] = []
    if original == converted:
        return out
    if len(original) == len(converted):
        _equal_length_changes(original, converted, 0, out)
        return out
    a_lines = original.split("\n")
    b_lines = converted.split("\n")
    if len(a_lines) != len(b_lines):
        a_lines, b_lines = [original], [converted]
    base = 0
    for a, b in zip(a_lines, b_lines, strict=True):
        if a == b:
            pass
        elif len(a) == len(b):
            _equal_length_changes(a, b, base, out)
        else:
            matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag != "equal":
                    out.append(Change(a[i1:i2], b[j1:j2], base + i1, base + i2))
        base += len(a) + 1
    return out


# ---------------------------------------------------------------------------------------------
# .docx conversion
# ---------------------------------------------------------------------------------------------


def _split_lengths(original: str, converted: str, lengths: list[int]) -> list[str]:
    """Cut ``converted`` into pieces for runs whose original texts had ``lengths``.

    Same length: cut at the same offsets. Otherwise each run boundary is mapped through a
    difflib alignment; inside a replaced block earlier runs take characters one for one and the
    last run touching the block takes the remainder.
    """
    if len(original) == len(converted):
        pieces, pos = [], 0
        for n in lengths:
            pieces.append(converted[pos : pos + n])
            pos += n
        return pieces
    opcodes = difflib.SequenceMatcher(None, original, converted, autojunk=False).get_opcodes()

    def mapped(offset: int) -> int:
        for _tag, i1, i2, j1, j2 in opcodes:
            if i1 <= offset < i2 or (offset == i2 and i2 == len(original)):
                return j1 + min(offset - i1, j2 - j1)
        return len(converted)

    pieces, pos, cut = [], 0, 0
    for index, n in enumerate(lengths):
        pos += n
        end = len(converted) if index == len(lengths) - 1 else max(cut, mapped(pos))
        pieces.append(converted[cut:end])
        cut = end
    return pieces


def convert_document(
    document: DocxDocument,
    to: str,
    *,
    source: str | None = None,
    repair: bool = False,
    regional_vocabulary: bool = False,
    keep: Iterable[str] = (),
) -> list[Change]:
    """Convert a python-docx document in place; return the changes (offsets per paragraph).

    Every paragraph of the body, tables (nested too), text boxes, headers, footers, footnotes,
    endnotes and comments is converted as one text, then cut back into its runs by length, so a
    phrase split across runs converts as a phrase and every run keeps its formatting. The core
    properties title and subject are converted too. ``source`` None detects the script from the
    whole document's text.
    """
    target = check_target(to, "to")
    parts = list(ooxml.text_parts(document))
    paragraphs = [
        para
        for part in parts
        for para in ooxml.paragraphs_in_order(part.root, fallbacks=True)
        if para.text_nodes
    ]
    props = document.core_properties
    meta = [("title", props.title or ""), ("subject", props.subject or "")]
    if source is None or source == "auto":
        sample = "\n".join([*(p.runs_text for p in paragraphs[:4000]), *(v for _, v in meta)])
        src = _resolve_source(sample, None)
    else:
        src = check_target(source, "from")
    steps = plan(src, target, repair=repair, regional_vocabulary=regional_vocabulary)
    keep_re = _keep_pattern(keep)
    changes: list[Change] = []
    if not steps:
        return changes

    texts = [p.runs_text for p in paragraphs]
    converted = _convert_many(steps, texts, keep_re)
    for para, before, after in zip(paragraphs, texts, converted, strict=True):
        if before == after:
            continue
        changes.extend(diff_changes(before, after))
        para.set_runs_text(_split_lengths(before, after, [len(t.text or "") for t in para.text_nodes]))
    for part in parts:
        part.commit()
    for name, value in meta:
        if value:
            new = _apply(steps, value, keep_re)
            if new != value:
                setattr(props, name, new)
                changes.extend(diff_changes(value, new))
    return changes


def document_text(document: DocxDocument) -> str:
    """Return the text of every paragraph in every text part (body, tables, headers, footers,
    footnotes, endnotes, comments), one paragraph per line; "" for an empty document.

    The same text :func:`huibao.check.checker.extract_docx_text` reads, plus comments (see
    :func:`huibao.ooxml.document_text`).
    """
    return ooxml.document_text(document)


def _convert_many(steps: list[str], texts: list[str], keep: re.Pattern[str] | None) -> list[str]:
    """Convert many short texts with one OpenCC call (joined by newlines) when that is safe."""
    if any("\n" in t for t in texts):
        return [_apply(steps, t, keep) for t in texts]
    out = _apply(steps, "\n".join(texts), keep).split("\n")
    if len(out) != len(texts):  # cannot happen with OpenCC's dictionaries; stay safe anyway
        return [_apply(steps, t, keep) for t in texts]
    return out


def convert_docx(
    data: bytes,
    to: str,
    *,
    source: str | None = None,
    repair: bool = False,
    regional_vocabulary: bool = False,
    keep: Iterable[str] = (),
    limits: UploadLimits | None = None,
) -> tuple[bytes, list[Change]]:
    """Return the converted .docx bytes and the changes for an (untrusted) uploaded ``data``.

    The upload passes :func:`huibao.uploads.open_docx` first (size, real Word package, zip
    bomb, XML entities); refusals raise :class:`~huibao.errors.UploadRejected` subclasses.
    """
    check_target(to, "to")
    document = open_docx(data, limits)
    changes = convert_document(
        document,
        to,
        source=source,
        repair=repair,
        regional_vocabulary=regional_vocabulary,
        keep=keep,
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), changes
