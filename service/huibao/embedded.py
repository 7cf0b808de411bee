"""Facts read back from a .docx huibao wrote (its custom XML facts item, see
:mod:`huibao.ooxml.facts_part`), and the paragraphs an office changed after it was written."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any
from zipfile import BadZipFile, ZipFile

from huibao.errors import HuibaoError, UnsupportedMedia
from huibao.jsonparse import parse_json
from huibao.ooxml import facts_part

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

_SPACE = re.compile(r"\s+")


def read_facts(data: bytes) -> dict[str, Any] | None:
    """Return the facts the .docx ``data`` carries; None when it carries none (not written by
    huibao, or written without facts). ``data`` must have passed the upload checks.

    Raises UnsupportedMedia (Chinese) when the facts item is damaged or of a newer version.
    """
    try:
        with ZipFile(io.BytesIO(data)) as zf:
            text = facts_part.read(zf)
    except facts_part.NewerFacts as exc:
        raise UnsupportedMedia(
            f"该文稿由更新版本的 huibao 生成（事实格式第 {exc.args[0]} 版），请升级后再导入", field="file"
        ) from None
    except (ValueError, BadZipFile) as exc:
        raise UnsupportedMedia("文稿中嵌入的事实已损坏，无法读取", field="file") from exc
    if text is None:
        return None
    try:
        facts = parse_json(text, field="facts")
    except HuibaoError as exc:
        raise UnsupportedMedia("文稿中嵌入的事实已损坏，无法读取", field="file") from exc
    if not isinstance(facts, dict):
        raise UnsupportedMedia("文稿中嵌入的事实已损坏，无法读取", field="file")
    return facts


def changed_paragraphs(document: DocxDocument, facts: dict[str, Any]) -> list[str]:
    """Return the body paragraphs of ``document`` that the report composed from ``facts`` does
    not contain (edited or added after huibao wrote it); [] when none, or when ``facts`` no
    longer compose (the form then shows what is wrong with them)."""
    from huibao import ooxml
    from huibao.core import compose_facts

    try:
        composed = compose_facts(facts)
    except HuibaoError:
        return []
    written = _SPACE.sub("", composed.text)
    body: tuple[ooxml.PartKind, ...] = ("body",)
    found = ooxml.document_text(document, body).split("\n")
    return [line.strip() for line in found if _SPACE.sub("", line) not in written]
