"""Every ``HUIBAO_*`` setting in one table, and the readers every module uses to get them.

A setting is read from the environment each time it is asked for, so a test or a service
manager may change it without re-importing anything. A number that is blank, not a number of
the right kind, or below its minimum means the default. README's configuration table lists
every setting that is not internal (``tests/app/test_settings.py`` checks both ways).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Number:
    """A numeric setting: its default, the least value accepted, and whether it is whole."""

    default: float
    minimum: float = 1
    whole: bool = True


NUMBERS: dict[str, Number] = {
    # uploads (huibao.uploads.UploadLimits)
    "HUIBAO_MAX_UPLOAD_MB": Number(20),
    "HUIBAO_MAX_UNPACKED_MB": Number(200),
    "HUIBAO_MAX_ZIP_RATIO": Number(200),
    "HUIBAO_MAX_PARAGRAPHS": Number(20_000),
    "HUIBAO_MAX_XML_ELEMENTS": Number(1_000_000),
    # request bodies and work (huibao.bodies, huibao.core, huibao.budget, huibao.check.model)
    "HUIBAO_MAX_JSON_KB": Number(1024),
    "HUIBAO_MAX_TEXT_KCHARS": Number(1000),
    "HUIBAO_MAX_BATCH": Number(200),
    "HUIBAO_MAX_FINDINGS": Number(1000, minimum=0),
    "HUIBAO_DEADLINE_S": Number(20, minimum=0.1, whole=False),
    # the server (huibao.server, huibao.middleware)
    "HUIBAO_HEADER_TIMEOUT_S": Number(10, minimum=0.1, whole=False),
    "HUIBAO_BODY_TIMEOUT_S": Number(30, minimum=0.1, whole=False),
    "HUIBAO_LIMIT_CONCURRENCY": Number(200),
    "HUIBAO_MAX_REQUESTS": Number(5000),
    "HUIBAO_MAX_WORKER_MB": Number(1024),
}

#: Text settings ("" when unset); paths are read with :func:`path`.
TEXTS: frozenset[str] = frozenset(
    {
        "HUIBAO_WORDING_DIR",
        "HUIBAO_GLOSSARY_DIR",
        "HUIBAO_DOCX_TEMPLATE",
        "HUIBAO_DOCX_FONTS",
        "HUIBAO_DATA_DIR",
        "HUIBAO_DATABASE_URL",
        "HUIBAO_AUTH",
        "HUIBAO_CACHE_DIR",
    }
)

#: Set by ``huibao serve`` for its workers, not by people (left out of README's table).
INTERNAL: frozenset[str] = frozenset({"HUIBAO_RECYCLE_WORKERS"})


def number(name: str) -> float:
    """Return numeric setting ``name``: the environment's value, or the default when that is
    blank, not a number (not a whole one where whole numbers are wanted) or below the minimum."""
    spec = NUMBERS[name]
    raw = os.environ.get(name, "").strip()
    try:
        value = int(raw) if spec.whole else float(raw)
    except ValueError:
        return spec.default
    return value if math.isfinite(value) and value >= spec.minimum else spec.default


def integer(name: str) -> int:
    """Return whole-number setting ``name`` (see :func:`number`)."""
    return int(number(name))


def text(name: str) -> str:
    """Return text setting ``name`` stripped; "" when unset."""
    if name not in TEXTS and name not in INTERNAL:
        raise KeyError(name)
    return os.environ.get(name, "").strip()


def path(name: str) -> Path | None:
    """Return path setting ``name`` with ``~`` expanded; None when unset or blank."""
    value = text(name)
    return Path(value).expanduser() if value else None
