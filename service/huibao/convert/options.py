"""One object for what a conversion is asked to do: target, source, repair, regional vocabulary, keep.

Every surface builds a :class:`ConversionOptions` with :meth:`ConversionOptions.parse` (which
validates and raises Chinese errors naming the field) and hands it to
:func:`huibao.convert.converter.convert_text`, ``convert_document`` or ``convert_docx``. What is
derived from the options (the ``keep`` matcher, the keep terms in the target script) is built once
per options object.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from huibao.errors import BadRequest, HuibaoError
from huibao.scripts import Script

T = TypeVar("T")

#: Most ``keep`` terms one conversion takes (names of people and places).
MAX_KEEP_TERMS = 500
#: Longest ``keep`` term in characters.
MAX_KEEP_LENGTH = 50


class InvalidOptions(HuibaoError):
    """A conversion option is well-formed but not acceptable (a ``keep`` list too long)."""

    status = 422


def _trie_pattern(terms: Iterable[str]) -> str:
    """Return a regex matching any of ``terms``, longest first, shaped as a trie so that the
    cost per position is bounded by the longest term, not by the number of terms."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for term in terms:
        node = trie
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(c) + render(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a term ends here: longer terms first, then this one
            body = ("(?:" + body + ")?") if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return render(trie)


@dataclass(frozen=True)
class KeepTerms:
    """Compiled ``keep`` terms: ``pattern`` finds them (leftmost, longest first)."""

    terms: tuple[str, ...]
    pattern: re.Pattern[str] | None

    @classmethod
    def compile(cls, terms: Iterable[str]) -> KeepTerms:
        """Return the matcher for ``terms`` (blank terms dropped, duplicates once)."""
        unique = tuple(sorted({t.strip() for t in terms if t and t.strip()}, key=lambda t: (-len(t), t)))
        return cls(unique, re.compile(_trie_pattern(unique)) if unique else None)


@dataclass(frozen=True)
class ConversionOptions:
    """What to convert to and how.

    ``target``: the script written. ``source``: the input's script, None to detect it per text.
    ``repair``: normalise to simplified first (fixes 關于/干部 left by a character table).
    ``regional_vocabulary``: also rewrite Taiwan/Hong Kong vocabulary (信息 → 資訊).
    ``keep``: names converted on their own (no phrase across their edges), keeping every
    character that is correct in both scripts (余志刚 → 余志剛).
    ``glossary``: an office's own (simplified, traditional) pairs: into a traditional script each
    simplified term is written exactly as given, on its own like a ``keep`` name, wherever it
    occurs (the office's word wins over the bundled glossary and OpenCC's phrases).
    """

    target: Script
    source: Script | None = None
    repair: bool = False
    regional_vocabulary: bool = False
    keep: tuple[str, ...] = ()
    glossary: tuple[tuple[str, str], ...] = ()
    keep_terms: KeepTerms = field(init=False, repr=False, compare=False)
    _built: dict[tuple[str, ...], Any] = field(init=False, repr=False, compare=False, default_factory=dict)
    _lock: threading.Lock = field(init=False, repr=False, compare=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keep", tuple(self.keep))
        object.__setattr__(self, "glossary", tuple((k, v) for k, v in self.glossary if k and v))
        words = self.keep + tuple(k for k, _ in self.glossary if self.target.is_traditional)
        object.__setattr__(self, "keep_terms", KeepTerms.compile(words))

    def with_words(
        self, keep: Iterable[str] = (), glossary: Iterable[tuple[str, str]] = ()
    ) -> ConversionOptions:
        """Return these options with an office's ``keep`` names and ``glossary`` pairs added
        (the options themselves when both are empty)."""
        keep, glossary = tuple(keep), tuple(glossary)
        if not keep and not glossary:
            return self
        return replace(self, keep=self.keep + keep, glossary=self.glossary + glossary)

    @classmethod
    def parse(
        cls,
        *,
        to: object,
        source: object = None,
        repair: bool = False,
        regional_vocabulary: bool = False,
        keep: object = (),
        to_field: str = "to",
    ) -> ConversionOptions:
        """Return validated options from request values.

        ``to`` is required (a missing or unknown script raises BadRequest on ``to_field``);
        ``source`` None, "" or ``auto`` means detect (an unknown one raises on ``from``); ``keep``
        a string or a list of strings, at most :data:`MAX_KEEP_TERMS` of at most
        :data:`MAX_KEEP_LENGTH` characters (InvalidOptions, 422, on ``keep`` / ``keep[i]``).
        """
        if to is None or to == "":
            raise BadRequest(f"缺少参数 {to_field}（可选值：{Script.choices_text()}）", to_field)
        target = Script.parse(to, to_field)
        src = None if source in (None, "", "auto") else Script.parse(source, "from")
        return cls(target, src, bool(repair), bool(regional_vocabulary), check_keep(keep))

    def built(self, key: tuple[str, ...], build: Callable[[], T]) -> T:
        """Return what ``build`` makes for ``key``, made once per options object (thread-safe)."""
        if key not in self._built:
            with self._lock:
                if key not in self._built:
                    self._built[key] = build()
        return self._built[key]  # type: ignore[no-any-return]

    def keep_forms(self, steps: tuple[str, ...], convert: Callable[[str], str]) -> dict[str, str]:
        """Return each keep term → its form in the target script for the conversion ``steps``
        (``convert`` runs them), an office glossary term → its given form, computed once per
        steps; {} without keep terms."""
        if not self.keep_terms.terms:
            return {}

        def build() -> dict[str, str]:
            from huibao.convert.names import convert_names

            given = dict(self.glossary) if self.target.is_traditional else {}
            terms = [t for t in self.keep_terms.terms if t not in given]
            forms = convert_names(terms, convert, traditional=self.target.is_traditional) if terms else []
            return {**dict(zip(terms, forms, strict=True)), **given}

        return self.built(("keep", *steps), build)


def check_keep(value: object, field_name: str = "keep") -> tuple[str, ...]:
    """Return ``value`` (None, a string or a list of strings) as a tuple of terms.

    Raises BadRequest when it is of another type, InvalidOptions (422) past the limits.
    """
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise BadRequest(f"参数 {field_name} 应为字符串数组（需整体转换的人名、地名）", field_name)
    if len(value) > MAX_KEEP_TERMS:
        raise InvalidOptions(
            f"参数 {field_name} 最多 {MAX_KEEP_TERMS} 个词语，本次 {len(value)} 个", field_name
        )
    for index, term in enumerate(value):
        length = len(term.strip())
        if length > MAX_KEEP_LENGTH:
            raise InvalidOptions(
                f"参数 {field_name} 的词语最长 {MAX_KEEP_LENGTH} 个字，第 {index + 1} 个有 {length} 个字",
                f"{field_name}[{index}]",
            )
    return tuple(value)
