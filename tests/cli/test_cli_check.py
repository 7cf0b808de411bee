"""``huibao check FILE... [--json]``: listing, JSON, exit codes 0/1/2, stdin."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from huibao.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_findings_exit_1_with_line_kind_and_context(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "draft.txt"
    f.write_text("关于疫情防控的汇报\n截至月日时，排查XX人。\n", encoding="utf-8")
    assert main(["check", str(f)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    assert out[0].startswith(f"{f}:2: [error] stripped_number «月日时»")
    assert "建议：" in out[0] and "【月日时】" in out[0]


def test_clean_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "ok.txt"
    f.write_text("一是加强组织领导，落实“四个意识”。\n", encoding="utf-8")
    assert main(["check", str(f)]) == 0
    assert capsys.readouterr().out == ""


def test_json_output_lists_every_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.md"
    a.write_text("排查__人", encoding="utf-8")
    b.write_text("# 标题\n\n**重点**工作", encoding="utf-8")
    assert main(["check", "--json", str(a), str(b)]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert [entry["file"] for entry in doc["files"]] == [str(a), str(b)]
    assert [f["kind"] for f in doc["files"][0]["findings"]] == ["symbol_slot"]
    assert doc["files"][1]["findings"] == []


def test_missing_file_exits_2_with_one_chinese_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.txt"
    assert main(["check", str(missing)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(missing) in err[0] and "文件不存在" in err[0]


def test_fake_docx_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "fake.docx"
    f.write_bytes(b"not a zip")
    assert main(["check", str(f)]) == 2
    err = capsys.readouterr().err
    assert "fake.docx" in err and "Traceback" not in err


def test_stdin_is_read_with_dash(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("某某社区".encode())))
    assert main(["check", "-"]) == 1
    assert capsys.readouterr().out.startswith("<stdin>:1: [error] anonymised_name")


def test_subprocess_exit_codes() -> None:
    run = [sys.executable, "-m", "huibao", "check", "-"]
    clean = subprocess.run(run, input="全力推进各项工作。".encode(), capture_output=True, cwd=ROOT)
    dirty = subprocess.run(run, input="排查XX人".encode(), capture_output=True, cwd=ROOT)
    binary = subprocess.run(run, input=b"\x00\x01\x02", capture_output=True, cwd=ROOT)
    assert (clean.returncode, dirty.returncode, binary.returncode) == (0, 1, 2)
    assert b"Traceback" not in binary.stderr


def test_human_listing_folds_info_findings_unless_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("会议要求,各单位排查XX人。\n", encoding="utf-8")
    assert main(["check", str(path)]) == 1
    folded = capsys.readouterr().out
    assert "letter_slot" in folded
    assert "ascii_punctuation" not in folded
    assert "另有 1 处提示" in folded
    assert main(["check", "--all", str(path)]) == 1
    assert "ascii_punctuation" in capsys.readouterr().out


def test_closed_stdout_pipe_is_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("排查XX人。\n" * 20000, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "huibao", "check", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err
