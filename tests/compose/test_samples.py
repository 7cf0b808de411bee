"""Every sample renders in every format and script, and the checker finds nothing in it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from huibao import core

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.json"))


def test_there_are_samples_for_every_kind() -> None:
    from huibao.compose.kinds import KINDS

    kinds = {json.loads(p.read_text(encoding="utf-8"))["kind"] for p in SAMPLES}
    assert kinds == set(KINDS)


@pytest.mark.parametrize("script", ["zh-Hans", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK"])
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_rendered_sample_checks_clean(path: Path, script: str) -> None:
    composed = core.compose_facts(json.loads(path.read_text(encoding="utf-8")), script)
    assert [(f.kind, f.text) for f in composed.findings] == []
    assert composed.warnings == []


@pytest.mark.parametrize("fmt", ["docx", "txt", "html", "md"])
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_renders_in_every_format(path: Path, fmt: str) -> None:
    out = core.render(json.loads(path.read_text(encoding="utf-8")), fmt)
    assert out.content
    if fmt == "docx":
        document = docx.Document(io.BytesIO(out.content))
        titles = [p.text.replace("\n", "") for p in document.paragraphs if p.style.name == "Title"]
        assert titles == [out.composed.document.title]
        assert document.core_properties.title == out.composed.document.title
    else:
        assert out.composed.document.title in out.content.decode("utf-8").replace("\\", "")
