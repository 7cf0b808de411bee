"""One table of HUIBAO_* settings: how a value is read, and that code, table and README agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from huibao import settings

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "service" / "huibao"
NAME = re.compile(r"\bHUIBAO_[A-Z0-9_]+\b")


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("HUIBAO_DEADLINE_S", None, 20),
        ("HUIBAO_DEADLINE_S", "", 20),
        ("HUIBAO_DEADLINE_S", " 0.5 ", 0.5),
        ("HUIBAO_DEADLINE_S", "0.1", 0.1),
        ("HUIBAO_DEADLINE_S", "0.05", 20),  # below the minimum
        ("HUIBAO_DEADLINE_S", "abc", 20),
        ("HUIBAO_DEADLINE_S", "inf", 20),
        ("HUIBAO_DEADLINE_S", "nan", 20),
        ("HUIBAO_MAX_BATCH", "3", 3),
        ("HUIBAO_MAX_BATCH", "3.5", 200),  # not a whole number
        ("HUIBAO_MAX_BATCH", "0", 200),
        ("HUIBAO_MAX_BATCH", "-1", 200),
        ("HUIBAO_MAX_FINDINGS", "0", 0),  # its minimum is 0: no findings listed
        ("HUIBAO_MAX_UPLOAD_MB", "1", 1),
        ("HUIBAO_LIMIT_CONCURRENCY", "1e3", 200),
    ],
)
def test_a_number_setting_is_read_or_falls_back_to_its_default(
    monkeypatch: pytest.MonkeyPatch, name: str, raw: str | None, expected: float
) -> None:
    if raw is None:
        monkeypatch.delenv(name, raising=False)
    else:
        monkeypatch.setenv(name, raw)
    assert settings.number(name) == expected


def test_text_and_path_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUIBAO_DATA_DIR", "  ~/huibao-data ")
    assert settings.path("HUIBAO_DATA_DIR") == Path.home() / "huibao-data"
    monkeypatch.setenv("HUIBAO_DATA_DIR", "   ")
    assert settings.path("HUIBAO_DATA_DIR") is None
    with pytest.raises(KeyError):
        settings.text("HUIBAO_NOT_A_SETTING")


def registered() -> set[str]:
    return set(settings.NUMBERS) | settings.TEXTS | settings.INTERNAL


def test_every_setting_the_code_names_is_in_the_table() -> None:
    named = {m for path in SOURCE.rglob("*.py") for m in NAME.findall(path.read_text(encoding="utf-8"))}
    assert named - registered() == set()


def test_only_the_settings_module_reads_them_from_the_environment() -> None:
    reads = re.compile(
        r"""(?:getenv|environ\.get)\(\s*["']HUIBAO_|environ\[["']HUIBAO_[A-Z_]+["']\](?!\s*=)"""
    )
    offenders = [
        str(path.relative_to(ROOT))
        for path in SOURCE.rglob("*.py")
        if path.name != "settings.py" and reads.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_readme_lists_every_setting_and_no_other() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `(HUIBAO_[A-Z0-9_]+)` \|", readme, re.M))
    assert table == registered() - settings.INTERNAL
    for name, spec in settings.NUMBERS.items():
        row = re.search(rf"^\| `{name}` \| ([^|]+) \|", readme, re.M)
        assert row is not None and row[1].strip() == f"{spec.default:.10g}", name
