"""README's table of finding kinds lists every kind the checker has, and each example there gives
the finding of its row."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from huibao.check.checker import check_text
from huibao.check.kinds import KINDS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
ROW = re.compile(
    r"^\| `(?P<kind>[a-z_]+)` \| (?P<level>错误|警告|提示) \| (?P<label>[^|]+) \| (?P<example>[^|]+) \|$",
    re.M,
)
LEVELS = {"错误": "error", "警告": "warning", "提示": "info"}
ROWS = {
    m["kind"]: (LEVELS[m["level"]], m["label"].strip(), m["example"].replace("（下一行）", "\n").strip())
    for m in ROW.finditer(README)
}


def test_readme_lists_every_kind_once() -> None:
    assert set(ROWS) == set(KINDS)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_readme_example_gives_its_finding(kind: str) -> None:
    level, label, example = ROWS[kind]
    assert (level, label) == (KINDS[kind].severity, KINDS[kind].label)
    assert kind in {f.kind for f in check_text(example)}
