"""The ``huibao`` CLI: render, kinds, exit codes and one-line errors."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest

from huibao.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "huibao", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )


def test_python_dash_m_service_renders_text_to_stdout() -> None:
    r = run("render", "samples/situation_report_small.json", "-f", "txt")
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.decode().startswith("关于汛前隐患排查工作情况的汇报\n")


def test_render_reads_stdin(small: dict[str, Any]) -> None:
    r = run("render", "-", "-f", "md", stdin=json.dumps(small).encode())
    assert r.returncode == 0
    assert r.stdout.decode().startswith("# 关于汛前隐患排查工作情况的汇报")


def test_render_docx_to_file(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    assert main(["render", str(ROOT / "samples/situation_report_rich.json"), "-o", str(out)]) == 0
    document = docx.Document(str(out))
    assert document.paragraphs[0].style.name == "Title"


def test_render_docx_without_output_is_named_after_the_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["render", str(ROOT / "samples/situation_report_small.json")]) == 0
    assert (tmp_path / "关于汛前隐患排查工作情况的汇报.docx").exists()


def test_warnings_go_to_stderr(
    tmp_path: Path, small: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    small["counts"][0]["value"] = -3
    path = tmp_path / "f.json"
    path.write_text(json.dumps(small, ensure_ascii=False), encoding="utf-8")
    assert main(["render", str(path), "-f", "txt"]) == 0
    captured = capsys.readouterr()
    assert "警告：counts[0].value" in captured.err
    assert "警告" not in captured.out


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"{oops", "JSON 格式错误"),
        (b'{"kind": "situation_report", "unit": {"name": "x"}, "counts": []}', "topic"),
        (b'{"kind": "weekly"}', "未知的文种"),
        (b"\xff\xfe", "UTF-8"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_file(
    tmp_path: Path, content: bytes, needle: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    r = run("render", str(path), "-f", "txt")
    assert r.returncode == 2
    err = r.stderr.decode()
    assert err.count("\n") == 1, err
    assert str(path) in err and needle in err
    assert "Traceback" not in err


def test_missing_file_and_bad_format_exit_2(tmp_path: Path) -> None:
    r = run("render", str(tmp_path / "nope.json"))
    assert r.returncode == 2 and "文件不存在" in r.stderr.decode()
    r = run("render", "samples/situation_report_small.json", "-f", "pdf")
    assert r.returncode == 2 and "不支持的格式" in r.stderr.decode()


def test_kinds_lists_and_example_is_valid_facts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kinds"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^situation_report +情况汇报 +向上级报告", out, re.M)
    assert main(["kinds", "情况汇报", "--example"]) == 0
    example = json.loads(capsys.readouterr().out)
    assert main(["kinds", "--json"]) == 0
    assert any(k["id"] == "situation_report" for k in json.loads(capsys.readouterr().out))
    from huibao.compose.kinds import parse_facts

    assert parse_facts(example).kind == "situation_report"


def test_kinds_unknown_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kinds", "周报"]) == 2
    assert "未知的文种" in capsys.readouterr().err


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "render" in capsys.readouterr().out


def test_console_script_help_mentions_every_command() -> None:
    r = run("--help")
    out = r.stdout.decode()
    for command in ("render", "kinds", "serve"):
        assert command in out


def test_docx_to_stdout_when_piped() -> None:
    r = run("render", "samples/situation_report_small.json", "-o", "-")
    assert r.returncode == 0
    assert docx.Document(io.BytesIO(r.stdout)).paragraphs[0].text.startswith("关于")


def test_a_locale_without_chinese_gets_escapes_not_a_traceback() -> None:
    import os

    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    r = subprocess.run(
        [sys.executable, "-m", "huibao", "kinds"],
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0
    assert b"Traceback" not in r.stderr
    assert b"\\u60c5\\u51b5\\u6c47\\u62a5" in r.stdout  # 情况汇报, escaped


@pytest.mark.parametrize(
    ("variable", "message"),
    [("HUIBAO_DOCX_TEMPLATE", "版式模板不存在"), ("HUIBAO_WORDING_DIR", "措辞模板目录不存在"),
     ("HUIBAO_GLOSSARY_DIR", "词表目录不存在")],
)
@pytest.mark.parametrize("command", [["render", "-", "-f", "txt"], ["convert", "-", "--to", "zh-Hant"]])
def test_a_missing_resource_is_one_chinese_line_before_any_work(
    tmp_path: Path, variable: str, message: str, command: list[str]
) -> None:
    env = {**os.environ, variable: str(tmp_path / "missing")}
    run = subprocess.run(
        [sys.executable, "-m", "huibao", *command], input=b"{}", capture_output=True, env=env, timeout=60
    )
    assert run.returncode == 2
    lines = run.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "missing" in lines[0]
