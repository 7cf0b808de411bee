"""The office glossary (``glossary/*.tsv``): reading the files, their fingerprint, the names in them.

The entries are loaded into OpenCC by :mod:`huibao.convert.engine`. The glossary also says which
characters are surnames that OpenCC would convert (entries ``姓余``, ``余某``) and which words are
titles (``余局长``: 局长), so the name rules of :mod:`huibao.convert.names` follow the glossary.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from huibao import resources, settings

log = logging.getLogger(__name__)

#: Glossary file stems: simplified → traditional (all targets, Taiwan, Hong Kong) and back.
GLOSSARY_STEMS = ("s2t", "s2tw", "s2hk", "t2s")


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


def office_pairs(entries: Iterable[Mapping[str, str]]) -> tuple[tuple[str, str], ...]:
    """Return an office's stored glossary additions (``{"simplified", "traditional"}``) as
    (simplified, traditional) pairs for :class:`~huibao.convert.options.ConversionOptions`;
    entries with an empty side are dropped, a later entry for the same term wins; () for none."""
    pairs: dict[str, str] = {}
    for entry in entries:
        key, value = str(entry.get("simplified") or "").strip(), str(entry.get("traditional") or "").strip()
        if key and value:
            pairs[key] = value
    return tuple(pairs.items())


def glossary_paths() -> list[Path]:
    """Return every glossary file that may be loaded: bundled first, then the office's."""
    return [d / f"{stem}.tsv" for d in resources.glossary_dirs() for stem in GLOSSARY_STEMS]


def glossary_pairs(stem: str) -> dict[str, str]:
    """Return the ``stem`` glossary as key → value; the office's entries win over the bundled;
    {} when no file of that stem exists."""
    pairs: dict[str, str] = {}
    for directory in resources.glossary_dirs():
        pairs.update((e.key, e.value) for e in load_glossary(directory / f"{stem}.tsv"))
    return pairs


def _stamp() -> tuple[object, ...]:
    """Return (path, mtime, size) of every glossary file: cheap, changes when a file is edited."""
    out: list[object] = []
    for path in glossary_paths():
        try:
            st = path.stat()
        except OSError:
            out.append((str(path), None))
        else:
            out.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(out)


#: Seconds between two looks at the glossary files' modification times: an edited glossary is
#: in use within this time, and a busy server does not ``stat`` eight files per string.
RECHECK_SECONDS = 1.0


@dataclass(frozen=True)
class _State:
    where: str  # the office glossary folder setting the stamp was taken for
    checked: float  # time.monotonic() of the last look
    stamp: tuple[object, ...]
    digest: str


_state_lock = threading.Lock()
_state: _State | None = None
_derived: dict[tuple[str, str], str] = {}


def fingerprint(extra: str = "") -> str:
    """Return a short hash of every glossary file's content plus ``extra`` (16 hex digits).

    The files are looked at (``stat``) at most every :data:`RECHECK_SECONDS`, or at once when the
    office glossary folder setting changed; their content is hashed again only when a size or a
    modification time changed.
    """
    import hashlib  # here: its OpenSSL start-up costs more than a text render

    global _state
    where = settings.text("HUIBAO_GLOSSARY_DIR")
    now = time.monotonic()
    state = _state
    if state is None or state.where != where or now - state.checked >= RECHECK_SECONDS:
        stamp = _stamp()
        if state is None or state.where != where or state.stamp != stamp:
            digest = hashlib.sha256()
            for path in glossary_paths():
                digest.update(str(path).encode())
                digest.update(path.read_bytes() if path.is_file() else b"-")
            state = _State(where, now, stamp, digest.hexdigest())
        else:
            state = _State(where, now, stamp, state.digest)
        with _state_lock:
            _state = state
    key = (state.digest, extra)
    found = _derived.get(key)
    if found is None:
        found = hashlib.sha256(f"{state.digest}|{extra}".encode()).hexdigest()[:16]
        if len(_derived) > 64:
            _derived.clear()
        _derived[key] = found
    return found


@dataclass(frozen=True)
class Names:
    """What the glossary says about names: ``surnames`` OpenCC would convert (余 于 范 …) and
    the ``titles`` written after them (局长, 同志, 主任 …)."""

    surnames: frozenset[str]
    titles: frozenset[str]


def names_in(pairs: dict[str, str]) -> Names:
    """Return the surnames and titles of an s2t glossary; empty sets when it names none.

    A surname is the character after ``姓`` in an entry ``姓X → 姓X``, or before ``某`` in
    ``X某 → X某``; a title is the rest of an entry ``X<title>`` whose value keeps X.
    """
    surnames = {
        key[1] for key, value in pairs.items() if len(key) == 2 and key[0] == "姓" and value == key
    } | {key[0] for key, value in pairs.items() if key[1:] in ("某", "某某") and value[0] == key[0]}
    titles = {
        key[1:]
        for key, value in pairs.items()
        if len(key) >= 3 and key[0] in surnames and value[0] == key[0] and "某" not in key
    }
    return Names(frozenset(surnames), frozenset(titles))
