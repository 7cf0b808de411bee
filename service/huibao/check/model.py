"""What the checker hands around: typed hits inside, findings and a capped result outside."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from huibao import settings

#: Findings kept per result unless ``HUIBAO_MAX_FINDINGS`` says otherwise.
DEFAULT_MAX_FINDINGS = int(settings.NUMBERS["HUIBAO_MAX_FINDINGS"].default)
#: A finding's ``text`` (and the text quoted in its message) is shortened past this length.
MAX_SHOWN_CHARS = 200


@dataclass(frozen=True, slots=True)
class Hit:
    """One raw detection: ``kind`` over ``[start, end)`` of the checked text.

    ``message``/``suggestion`` are None when the kind's templates describe it.
    """

    kind: str
    start: int
    end: int
    message: str | None = None
    suggestion: str | None = None


@dataclass(frozen=True)
class Finding:
    """One defect: ``text`` is ``plain_text[start:end]`` (shortened around “…” when longer than
    :data:`MAX_SHOWN_CHARS`); ``line``/``paragraph`` are 1-based."""

    kind: str
    severity: str
    text: str
    start: int
    end: int
    line: int
    paragraph: int
    message: str
    suggestion: str

    def as_dict(self) -> dict[str, object]:
        """Return the finding as a JSON-ready dict (same keys as the fields)."""
        return {
            "kind": self.kind,
            "severity": self.severity,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "paragraph": self.paragraph,
            "message": self.message,
            "suggestion": self.suggestion,
        }


class CheckResult(list[Finding]):
    """The findings kept, sorted by start offset (a plain list to every caller), plus:

    - ``total``: how many findings the text has (kept or not);
    - ``truncated``: True when findings were dropped to stay within the cap;
    - ``counts``: ``{kind: n}`` over all ``total`` findings;
    - ``complete``: False when the scan stopped early (far more findings than the cap: the
      text was not read to its end, ``total`` and ``counts`` are lower bounds, ``truncated``
      is True).

    When capped, the most severe findings are kept (errors, then warnings, then info; earlier
    first within a severity).
    """

    total: int
    truncated: bool
    counts: dict[str, int]
    complete: bool

    def __init__(
        self, findings: Iterable[Finding] = (), *, total: int | None = None,
        counts: dict[str, int] | None = None, complete: bool = True,
    ) -> None:
        super().__init__(findings)
        self.total = len(self) if total is None else total
        self.complete = complete
        self.truncated = self.total > len(self) or not complete
        self.counts = counts if counts is not None else _count(self)


def _count(findings: Iterable[Finding]) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in findings:
        out[f.kind] = out.get(f.kind, 0) + 1
    return out


def max_findings() -> int:
    """Return the findings cap per result: ``HUIBAO_MAX_FINDINGS`` (default 1000; a value that
    is not a non-negative integer means the default)."""
    return settings.integer("HUIBAO_MAX_FINDINGS")


def shorten(text: str, limit: int = MAX_SHOWN_CHARS) -> str:
    """Return ``text``, or its head and tail around “…” when longer than ``limit``."""
    if len(text) <= limit:
        return text
    head = limit // 2
    return text[:head] + "…" + text[len(text) - (limit - head - 1) :]
