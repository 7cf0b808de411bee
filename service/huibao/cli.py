"""The ``huibao`` command line: render, kinds, serve (and check, convert, detect).

Every user error ends in one Chinese line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from huibao import __version__
from huibao.errors import BadRequest, HuibaoError
from huibao.scripts import Script

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class CliError(HuibaoError):
    """A user error found by the CLI itself (unreadable file, bad option value)."""


def read_input(path: str) -> bytes:
    """Return the bytes of ``path``, or of stdin for ``-``; raise CliError when unreadable.

    Empty input is an error, and at most ``HUIBAO_MAX_UPLOAD_MB`` is read, so that
    ``/dev/zero`` or an endless pipe ends in a message instead of filling memory.
    """
    from huibao.uploads import MB, UploadLimits

    limit = UploadLimits.from_env().max_bytes
    try:
        if path == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with Path(path).open("rb") as fh:
                data = fh.read(limit + 1)
    except FileNotFoundError:
        raise CliError("文件不存在") from None
    except IsADirectoryError:
        raise CliError("这是一个目录，不是文件") from None
    except OSError as exc:
        raise CliError(f"无法读取文件（{exc.strerror}）") from None
    if len(data) > limit:
        raise CliError(f"文件过大，上限为 {limit // MB} MB")
    if not data:
        raise CliError("标准输入为空" if path == "-" else "文件是空的")
    return data


def load_json(path: str) -> Any:
    """Return the JSON document in ``path`` (``-`` for stdin); raise CliError when malformed."""
    from huibao.jsonparse import parse_json

    data = read_input(path)
    try:
        return parse_json(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CliError("文件不是 UTF-8 编码") from None


def write_output(content: bytes, out: str | None, binary: bool) -> None:
    """Write ``content`` to ``out`` (a path, or stdout for None/``-`` when it is text)."""
    if out in (None, "-"):
        if binary and sys.stdout.isatty():
            raise CliError("二进制输出不能写到终端，请用 -o 指定文件")
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return
    assert out is not None
    try:
        Path(out).write_bytes(content)
    except OSError as exc:
        raise CliError(f"无法写入 {out}（{exc.strerror}）") from None


def cmd_render(args: argparse.Namespace) -> int:
    from huibao import core, resources

    resources.check()
    core.writer_for(args.format)
    data = load_json(args.facts)
    output = core.render(data, args.format, args.script)
    out = args.output
    if out is None and args.format == "docx":
        out = output.filename
    write_output(output.content, out, binary=args.format == "docx")
    for warning in output.composed.warnings:
        print(f"警告：{warning.field}: {warning.message}", file=sys.stderr)
    for finding in output.composed.findings:
        print(
            f"检查：第{finding.line}行 [{finding.severity}] {finding.kind} «{finding.text}» "
            f"{finding.message}",
            file=sys.stderr,
        )
    if out not in (None, "-"):
        print(f"已生成：{out}", file=sys.stderr)
    return EXIT_OK


def cmd_kinds(args: argparse.Namespace) -> int:
    from huibao.compose.kinds import KINDS, get_kind

    if args.kind:
        kind = get_kind(args.kind)
        if args.example:
            print(json.dumps(kind.example, ensure_ascii=False, indent=2))
        else:
            print(json.dumps(kind.schema(), ensure_ascii=False, indent=2))
        return EXIT_OK
    if args.example:
        raise CliError("--example 需要指定文种，如：huibao kinds situation_report --example")
    if args.json:
        listing = [
            {"id": k.id, "name": k.name, "description": k.description} for k in KINDS.values()
        ]
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return EXIT_OK
    width = max(len(k.id) for k in KINDS.values())
    for k in KINDS.values():
        print(f"{k.id:<{width}}  {k.name}  {k.description}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Check each FILE (``-`` is stdin); exit 0 clean, 1 findings, 2 unreadable input."""
    from huibao import core
    from huibao.check import checker

    results: list[dict[str, Any]] = []
    any_findings = False
    for name in args.file:
        shown = "<stdin>" if name == "-" else name
        try:
            data = read_input(name)
            text, findings = checker.check_file(data, None if name == "-" else name)
            layout = core.check_layout(data) if args.layout else []
        except HuibaoError as exc:
            print(f"huibao: {shown}: {exc.one_line()}", file=sys.stderr)
            return EXIT_USAGE
        any_findings = any_findings or bool(findings) or bool(layout)
        if args.json:
            result: dict[str, Any] = {
                "file": shown,
                "findings": [f.as_dict() for f in findings],
                "total": findings.total,
                "truncated": findings.truncated,
            }
            if args.layout:
                result["layout"] = [f.as_dict() for f in layout]
            results.append(result)
        else:
            for item in layout:
                place = f"第{item.paragraph}段 " if item.paragraph else ""
                print(f"{shown}: 版式 {place}{item.message}")
            shown_findings = findings if args.all else [f for f in findings if f.severity != "info"]
            for line in checker.format_findings(shown, text, shown_findings):
                print(line)
            hidden = len(findings) - len(shown_findings)
            if hidden:
                print(f"{shown}: 另有 {hidden} 处提示（如半角标点），加 --all 显示")
            if findings.truncated:
                more = "" if findings.complete else "以上"
                print(f"{shown}: 共发现 {findings.total} 处{more}，只列出最重要的 {len(findings)} 处")
    if args.json:
        print(json.dumps({"files": results}, ensure_ascii=False, indent=2))
    elif not any_findings:
        print("未发现占位符、缺陷或版式问题。" if args.layout else "未发现占位符或缺陷。", file=sys.stderr)
    return EXIT_FINDINGS if any_findings else EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from huibao.server import serve

    if args.workers < 1:
        raise CliError("--workers 至少为 1")
    serve(args.host, args.port, args.workers)
    return EXIT_OK


def cmd_convert(args: argparse.Namespace) -> int:
    """Convert FILE (``-`` is stdin): text to stdout or -o, .docx to -o or NAME.TARGET.docx."""
    from huibao import resources
    from huibao.convert.converter import ConversionOptions, convert_docx, convert_text
    from huibao.uploads import decode_text, is_docx_bytes

    resources.check()
    options = ConversionOptions.parse(
        to=args.to,
        source=args.source,
        repair=args.repair,
        regional_vocabulary=args.regional_vocabulary,
        keep=args.keep or [],
    )
    data = read_input(args.file)
    if is_docx_bytes(data):
        out = args.output
        if out in (None, "-"):
            if args.file == "-":
                raise CliError("从标准输入读入 .docx 时请用 -o 指定输出文件")
            path = Path(args.file)
            out = str(path.with_name(f"{path.stem}.{options.target.value}.docx"))
        converted, changes = convert_docx(data, options)
        write_output(converted, out, binary=True)
        print(f"已转换：{out}（{len(changes)} 处改动）", file=sys.stderr)
        return EXIT_OK
    result = convert_text(decode_text(data), options)
    write_output(result.text.encode("utf-8"), args.output, binary=False)
    return EXIT_OK


def cmd_detect(args: argparse.Namespace) -> int:
    """Print the language/script detection of FILE (``-`` is stdin; .docx or text) as JSON."""
    from huibao.convert.converter import document_text
    from huibao.convert.detect import detect
    from huibao.uploads import decode_text, is_docx_bytes, open_docx

    data = read_input(args.file)
    text = document_text(open_docx(data)) if is_docx_bytes(data) else decode_text(data)
    print(json.dumps(detect(text).as_dict(), ensure_ascii=False, indent=2))
    return EXIT_OK


_USAGE_MESSAGES = (
    (re.compile(r"^the following arguments are required: (.+)$"), "缺少参数：{0}"),
    (
        re.compile(r"^argument (\S+): invalid choice: (\S+) \(choose from (.+)\)$"),
        "参数 {0} 的取值 {1} 无效，可选：{2}",
    ),
    (re.compile(r"^argument (\S+): invalid \w+ value: (.+)$"), "参数 {0} 的值 {1} 无效"),
    (re.compile(r"^argument (\S+): expected one argument$"), "参数 {0} 缺少取值"),
    (re.compile(r"^unrecognized arguments: (.+)$"), "无法识别的参数：{0}"),
)


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one Chinese line on stderr (exit code 2)."""

    def error(self, message: str) -> NoReturn:
        for pattern, chinese in _USAGE_MESSAGES:
            if match := pattern.match(message):
                message = chinese.format(*match.groups())
                break
        self.exit(EXIT_USAGE, f"{self.prog}: {message}（用 {self.prog} -h 查看用法）\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand."""
    parser = Parser(
        prog="huibao",
        description="汇报：从结构化事实生成公文汇报（.docx/.txt/.html/.md），简繁转换，占位符检查。",
    )
    parser.add_argument("--version", action="version", version=f"huibao {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "render", help="把事实 JSON 生成汇报", description="把事实 JSON 文件生成汇报。"
    )
    p.add_argument("facts", help="事实 JSON 文件，- 表示标准输入")
    p.add_argument("-f", "--format", default="docx", help="docx（默认）、txt、html、md")
    p.add_argument("-o", "--output", help="输出文件；文本格式缺省写到标准输出，docx 缺省以标题命名")
    p.add_argument(
        "--script",
        help=f"输出文字：{Script.choices_text()}（缺省用事实中的 script）",
    )
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("kinds", help="列出文种，或显示某文种的 JSON Schema / 示例")
    p.add_argument("kind", nargs="?", help="文种编号或中文名，如 situation_report 或 情况汇报")
    p.add_argument("--example", action="store_true", help="打印该文种的最小示例事实文件")
    p.add_argument("--json", action="store_true", help="以 JSON 列出文种")
    p.set_defaults(func=cmd_kinds)

    p = sub.add_parser(
        "check",
        help="检查文稿中的未填占位符和缺陷",
        description="检查 .docx/.txt/.md 文稿：退出码 0 无问题，1 有发现，2 输入无法读取。",
    )
    p.add_argument("file", nargs="+", help="要检查的文件，- 表示标准输入")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果（包括全部提示）")
    p.add_argument("--all", action="store_true", help="也逐条列出提示级（info）发现，如半角标点")
    p.add_argument(
        "--layout",
        action="store_true",
        help="同时按 GB/T 9704-2012 检查 .docx 版式（纸张页边距、行数字数、字体字号、缩进、页码、落款）",
    )
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "convert",
        help="简繁转换（文本或 .docx）",
        description="把文本或 .docx 转换为简体或繁体（标准、台湾、香港），保留 .docx 格式。",
    )
    p.add_argument("file", help="要转换的文件（.txt/.md/.docx），- 表示标准输入")
    p.add_argument("--to", required=True, help=f"目标：{Script.choices_text()}")
    p.add_argument("--from", dest="source", help="来源字形（缺省自动识别）")
    p.add_argument("--repair", action="store_true", help="修复逐字转换造成的错误（如 關于、干部）")
    p.add_argument(
        "--regional-vocabulary",
        action="store_true",
        help="同时转换地区用语（信息→資訊），公文一般不用",
    )
    p.add_argument(
        "--keep", action="append", metavar="TERM", help="整体转换的人名、地名（不与前后文组成词），可多次"
    )
    p.add_argument("-o", "--output", help="输出文件；文本缺省写到标准输出，.docx 缺省为 名称.目标.docx")
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser("detect", help="识别语言与简繁（输出 JSON）")
    p.add_argument("file", help="文本或 .docx 文件，- 表示标准输入")
    p.set_defaults(func=cmd_detect)

    p = sub.add_parser(
        "serve",
        help="启动 Web 服务（网页表单与 JSON API）",
        description="启动 Web 服务：网页表单、JSON API、/docs 接口文档（资源均由本服务提供）。",
        epilog="环境变量：HUIBAO_DEADLINE_S（单次处理时限，默认 20 秒，超时答 503）、"
        "HUIBAO_HEADER_TIMEOUT_S / HUIBAO_BODY_TIMEOUT_S（请求头、请求体读取时限）、"
        "HUIBAO_MAX_REQUESTS / HUIBAO_MAX_WORKER_MB（多进程时按请求数或内存替换工作进程）、"
        "HUIBAO_DATA_DIR / HUIBAO_DATABASE_URL（文稿存储）。详见 README。",
    )
    p.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    p.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    p.add_argument("--workers", type=int, default=1, help="工作进程数（默认 1）")
    p.set_defaults(func=cmd_serve)

    from huibao import cli_store

    cli_store.register(sub)  # db, office, series, next, documents, export, restore
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code (0 ok, 1 findings, 2 bad input)."""
    for stream in (sys.stdout, sys.stderr):
        # A terminal whose locale cannot show Chinese gets escapes, not a UnicodeEncodeError.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return func(args)
    except HuibaoError as exc:
        source = getattr(args, "facts", None) or getattr(args, "file", None)
        if isinstance(source, list):
            source = None
        prefix = f"{source}: " if source else ""
        print(f"huibao: {prefix}{exc.one_line()}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


__all__ = ["BadRequest", "CliError", "build_parser", "main"]
