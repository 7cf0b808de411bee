"""``huibao convert`` and ``huibao detect``: stdin/stdout, .docx files, exit code 2 on bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from huibao.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "huibao", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )


def test_text_on_stdin_is_converted_to_stdout() -> None:
    done = run("convert", "-", "--to", "zh-Hant-TW", stdin="关于干部，余局长".encode())
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode("utf-8") == "關於幹部，余局長"


def test_repair_from_and_keep_options(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "bad.txt"
    source.write_text("關于規范干部", encoding="utf-8")
    out = tmp_path / "good.txt"
    assert main(["convert", str(source), "--to", "zh-Hant", "--repair", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == "關於規範幹部"
    plain = tmp_path / "plain.txt"
    plain.write_text("余华发言，信息", encoding="utf-8")
    args = ["convert", str(plain), "--to", "zh-Hant-TW", "--from", "zh-Hans", "--keep", "余华"]
    out2 = tmp_path / "out2.txt"
    assert main([*args, "--regional-vocabulary", "-o", str(out2)]) == 0
    assert out2.read_text(encoding="utf-8") == "余華發言，資訊"  # the name in the target script


def test_help_lists_every_script() -> None:
    done = run("convert", "-h")
    assert "zh-Hans、zh-Hant、zh-Hant-TW、zh-Hant-HK" in done.stdout.decode("utf-8")


def test_docx_is_converted_next_to_the_input_by_default(tmp_path: Path) -> None:
    document = docx.Document()
    para = document.add_paragraph()
    para.add_run("干").bold = True
    para.add_run("部")
    source = tmp_path / "汇报.docx"
    document.save(source)
    done = run("convert", str(source), "--to", "zh-Hant")
    assert done.returncode == 0, done.stderr.decode()
    target = tmp_path / "汇报.zh-Hant.docx"
    runs = docx.Document(str(target)).paragraphs[0].runs
    assert [r.text for r in runs] == ["幹", "部"] and runs[0].bold is True
    assert "已转换" in done.stderr.decode()


def test_docx_on_stdin_needs_an_output_file(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    done = run("convert", "-", "--to", "zh-Hant", stdin=buffer.getvalue())
    assert done.returncode == 2
    assert "-o" in done.stderr.decode()
    out = tmp_path / "out.docx"
    done = run("convert", "-", "--to", "zh-Hant", "-o", str(out), stdin=buffer.getvalue())
    assert done.returncode == 0 and out.is_file()


@pytest.mark.parametrize(
    ("args", "stdin", "needle"),
    [
        (["convert", "-", "--to", "zh-TW"], "干部".encode(), "zh-Hant-TW"),
        (["convert", "-", "--to", "zh-Hant", "--from", "big5"], "干部".encode(), "from"),
        (["convert", "/no/such/file.txt", "--to", "zh-Hant"], b"", "文件不存在"),
        (["convert", "-", "--to", "zh-Hant"], b"\x00\x01\x02binary", "不是纯文本"),
        (["convert", "-", "--to", "zh-Hant", "-o", "/nonexistent/out.docx"], b"PK\x03\x04junk", "Word"),
        (["detect", "/no/such/file.txt"], b"", "文件不存在"),
        (["convert", "-", "--to", "zh-Hant", "--keep", "名" * 51], "干部".encode(), "keep[0]"),
        (["convert", "-", "--to", "klingon"], "干部".encode(), "zh-Hant-HK"),  # the choices named
    ],
)
def test_bad_input_exits_2_with_one_chinese_line(args: list[str], stdin: bytes, needle: str) -> None:
    done = run(*args, stdin=stdin)
    assert done.returncode == 2
    err = done.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert needle in err


def test_detect_prints_json(tmp_path: Path) -> None:
    done = run("detect", "-", stdin="疫情防控工作汇报".encode())
    assert done.returncode == 0
    result = json.loads(done.stdout)
    assert (result["language"], result["script"]) == ("zh", "zh-Hans")
    document = docx.Document()
    document.add_paragraph("疫情防控工作匯報")
    path = tmp_path / "a.docx"
    document.save(path)
    result = json.loads(run("detect", str(path)).stdout)
    assert result["script"] == "zh-Hant"
    assert result["evidence"]["traditional_only"] == 2
