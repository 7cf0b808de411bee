"""One exception base for huibao; every surface translates it at its edge.

The API turns a :class:`HuibaoError` into ``{"ok": false, "status": N, "errors": [...]}``,
the CLI into one line on stderr and exit code 2. Messages are Chinese; field paths stay English.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorItem:
    """One problem: ``field`` is a dotted/indexed path such as ``counts[0].value`` or None."""

    field: str | None
    message: str

    def as_dict(self) -> dict[str, str | None]:
        return {"field": self.field, "message": self.message}


class HuibaoError(Exception):
    """Base of every error a user can cause; ``status`` is the HTTP status it maps to."""

    status: int = 400

    def __init__(self, message: str, field: str | None = None, *, status: int | None = None):
        super().__init__(message)
        if status is not None:
            self.status = status
        self.errors: list[ErrorItem] = [ErrorItem(field, message)]

    @property
    def message(self) -> str:
        return self.errors[0].message

    def one_line(self) -> str:
        """Return every error on one line, ``field: message`` joined by ``；``."""
        parts = [f"{e.field}: {e.message}" if e.field else e.message for e in self.errors]
        return "；".join(parts)


class InvalidFacts(HuibaoError):
    """The facts did not validate; carries one item per offending field."""

    status = 422

    def __init__(self, errors: list[ErrorItem]):
        super().__init__(errors[0].message if errors else "事实数据无效")
        self.errors = list(errors) or [ErrorItem(None, "事实数据无效")]


class UnknownKind(HuibaoError):
    """The requested report kind does not exist."""

    status = 422


class BadRequest(HuibaoError):
    """The request itself is malformed (bad JSON, empty body, bad parameter)."""

    status = 400


class UploadRejected(HuibaoError):
    """An uploaded file is too large, not what it claims to be, or unsafe to unpack."""

    status = 400


class PayloadTooLarge(UploadRejected):
    status = 413


class UnsupportedMedia(UploadRejected):
    status = 415


class NotFound(HuibaoError):
    """The addressed resource does not exist."""

    status = 404


class NotAcceptable(HuibaoError):
    status = 406


class ConfigError(HuibaoError):
    """huibao's own set-up is broken (a missing template, glossary or layout file)."""

    status = 500


class DeadlineExceeded(HuibaoError):
    """The work ran past its time budget, or its client hung up; it was stopped."""

    status = 503


class RequestTimeout(HuibaoError):
    """The client was too slow sending its request body."""

    status = 408


class Conflict(HuibaoError):
    """The request was based on a state that has changed (a stale version, a final document)."""

    status = 409


class PreconditionFailed(Conflict):
    """An ``If-Match`` precondition did not hold."""

    status = 412
