"""CLI commands of stored data: ``huibao db``, ``office``, ``series``, ``next``, ``documents``,
``export`` and ``restore``. :func:`register` adds them to the ``huibao`` parser.

Output is JSON on stdout (one object per command) so that scripts can read it; errors are one
Chinese line on stderr with exit code 2, as everywhere in the CLI.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

EXIT_OK = 0
Handler = Callable[[argparse.Namespace], int]


def _print(data: Any) -> int:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    return EXIT_OK


def _office_values(args: argparse.Namespace, patch: bool) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key in ("name", "self_reference", "recipient", "signature", "issuer", "code"):
        value = getattr(args, key, None)
        if value is not None:
            values[key] = value
    if args.keep is not None or not patch:
        values["keep"] = args.keep or []
    return values


def cmd_db(args: argparse.Namespace) -> int:
    from huibao.store.db import database_url, open_store
    from huibao.store.migrate import current_revision, head_revision

    url = database_url()
    store = open_store(url, migrate=args.action == "upgrade")
    shown = store.engine.url.render_as_string(hide_password=True)
    out = {"database": shown, "revision": current_revision(store.engine), "latest": head_revision()}
    store.engine.dispose()
    return _print(out)


def cmd_office(args: argparse.Namespace) -> int:
    from huibao.store import tokens
    from huibao.store.db import get_store
    from huibao.store.inputs import OfficeIn, OfficePatch, parse
    from huibao.store.offices import create_office, find_office, list_offices, office_dict, update_office

    store = get_store()
    if args.action == "add":
        data = parse(OfficeIn, _office_values(args, patch=False), "机关")
        with store.write() as s:
            return _print(office_dict(create_office(s, data)))
    if args.action == "list":
        with store.read() as s:
            return _print([office_dict(o) for o in list_offices(s)])
    with store.write() as s:
        office = find_office(s, args.office)
        if args.action == "show":
            return _print(office_dict(office))
        if args.action == "set":
            patch = parse(OfficePatch, _office_values(args, patch=True), "机关")
            return _print(office_dict(update_office(s, office.id, patch)))
        if args.action == "token":
            token, secret = tokens.create_token(s, office.id, args.token_name)
            print("令牌只显示这一次，请妥善保存。", file=sys.stderr)
            return _print({"id": token.id, "office_id": office.id, "name": token.name, "token": secret})
        if args.action == "tokens":
            return _print(tokens.list_tokens(s, office.id))
        if args.action == "layout":
            return _office_layout(s, office.id, args)
        tokens.revoke_token(s, args.token_id)
        return _print({"revoked": args.token_id})


def _office_layout(session: Any, office_id: int, args: argparse.Namespace) -> int:
    """Store FILE as the office's own layout .docx (checked first), or remove it with --remove."""
    from huibao.cli import read_input
    from huibao.errors import BadRequest
    from huibao.store.layouts import check_layout, layout_dict, remove_layout, save_layout

    if args.remove:
        return _print({"office_id": office_id, "removed": remove_layout(session, office_id)})
    if not args.file:
        raise BadRequest("请给出版式文件（.docx），或用 --remove 恢复默认版式", field="file")
    data = read_input(args.file)
    check_layout(data)
    layout = layout_dict(save_layout(session, office_id, data, args.file))
    print(f"已保存版式文件：该机关的文稿今后按 {args.file} 排版", file=sys.stderr)
    return _print(layout)


def cmd_series(args: argparse.Namespace) -> int:
    from huibao.store.db import get_store
    from huibao.store.inputs import SeriesIn, parse
    from huibao.store.offices import create_series, find_office, list_series, series_dict

    store = get_store()
    with store.write() as s:
        office_id = find_office(s, args.office).id if args.office else None
        if args.action == "list":
            return _print(list_series(s, office_id=office_id))
        data = parse(SeriesIn, {
            "office_id": office_id, "name": args.name, "kind": args.kind, "cadence": args.cadence,
            "title_pattern": args.title_pattern, "issue": args.issue,
        }, "系列")
        return _print(series_dict(create_series(s, data)))


def cmd_next(args: argparse.Namespace) -> int:
    from huibao.store.db import get_store
    from huibao.store.documents import document_dict
    from huibao.store.periods import start_next

    with get_store().write() as s:
        doc = document_dict(start_next(s, args.series))
    if args.output:
        _write(args.output, json.dumps(doc["facts"], ensure_ascii=False, indent=2).encode("utf-8"))
        print(f"已新建第 {doc['issue']} 期草稿（文稿 {doc['id']}，第 1 版），事实已写入 {args.output}",
              file=sys.stderr)
    return _print(doc)


def _write(path: str, content: bytes) -> None:
    from huibao.cli import write_output

    write_output(content, path, binary=True)


def cmd_documents(args: argparse.Namespace) -> int:
    from huibao.cli import load_json
    from huibao.store.db import get_store
    from huibao.store.documents import (
        create_document,
        document_dict,
        get_document,
        list_documents,
        list_revisions,
        save_document,
    )
    from huibao.store.finalize import finalize, office_of, render_stored, rendition

    store = get_store()
    if args.action == "list":
        with store.read() as s:
            return _print(list_documents(s, None, None, args.series, args.status, args.limit))
    if args.action == "add":
        facts = load_json(args.facts)
        with store.write() as s:
            return _print(document_dict(create_document(s, facts, None, args.series)))
    if args.action == "save":
        facts = load_json(args.facts)
        with store.write() as s:
            saved = save_document(s, args.id, facts, args.version)
            out = document_dict(saved.document, facts=False)
        saved.raise_if_refused()
        return _print(out)
    if args.action == "finalize":
        return _print(document_dict(finalize(store, args.id), facts=False))
    with store.read() as s:
        doc = get_document(s, args.id)
        if args.action == "show":
            return _print(document_dict(doc))
        if args.action == "revisions":
            return _print(list_revisions(s, args.id))
        kept = rendition(s, args.id) if args.format == "docx" else None
        if kept is not None:
            content = kept.docx
        else:
            content = render_stored(doc.facts, args.format, office_of(s, doc)).content
        target = args.output or (f"{doc.title or '汇报'}.docx" if args.format == "docx" else None)
    from huibao.cli import write_output

    write_output(content, target, binary=args.format == "docx")
    if target not in (None, "-"):
        print(f"已生成：{target}", file=sys.stderr)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from huibao.store.db import get_store
    from huibao.store.offices import find_office
    from huibao.store.transfer import export_office

    with get_store().read() as s:
        data = export_office(s, find_office(s, args.office))
    content = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    out = args.output or f"{data['office']['name']}.huibao.json"
    _write(out, content)
    print(f"已导出：{out}（{len(data['documents'])} 份文稿）", file=sys.stderr)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from huibao.cli import load_json
    from huibao.store.db import get_store
    from huibao.store.offices import office_dict
    from huibao.store.transfer import restore_office

    data = load_json(args.file)
    with get_store().write() as s:
        return _print(office_dict(restore_office(s, data, args.name)))


def cmd_import(args: argparse.Namespace) -> int:
    """Print the draft facts read from FILE (.docx or text), its sections and what was not placed."""
    from huibao.cli import read_input
    from huibao.compose.kinds import get_kind
    from huibao.reportimport import import_file

    result = import_file(read_input(args.file), get_kind(args.kind).id)
    if args.output:
        content = json.dumps(result.facts, ensure_ascii=False, indent=2).encode("utf-8")
        _write(args.output, content)
        if result.source == "facts":
            print(f"已读出文稿生成时的事实，写入 {args.output}；{len(result.unplaced)} 段在生成后改动过",
                  file=sys.stderr)
        else:
            print(f"已读出 {len(result.facts.get('counts', []))} 项数据，事实已写入 {args.output}；"
                  f"{len(result.unplaced)} 段未能归类", file=sys.stderr)
    return _print(result.as_dict())


def _office_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--self-reference", dest="self_reference", help="自称，如：我局")
    p.add_argument("--recipient", help="默认主送机关")
    p.add_argument("--signature", help="默认落款")
    p.add_argument("--issuer", help="发文机关标志")
    p.add_argument("--code", help="机关代字（发文字号用），如：青应急")
    p.add_argument("--keep", action="append", metavar="TERM", help="转换时保留的人名、地名，可多次")


def register(sub: Any) -> None:
    """Add the stored-data commands to the ``huibao`` subparsers ``sub``."""
    p = sub.add_parser("db", help="数据库：迁移到最新结构，或查看状态")
    p.add_argument("action", choices=["upgrade", "status"], help="upgrade 迁移；status 查看")
    p.set_defaults(func=cmd_db)

    p = sub.add_parser("office", help="机关：新建、列出、查看、修改、API 令牌、版式文件")
    acts = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = acts.add_parser("add", help="新建机关")
    a.add_argument("name", help="机关名称")
    _office_options(a)
    acts.add_parser("list", help="列出机关")
    for name, text in (("show", "查看机关"), ("set", "修改机关"), ("token", "新建 API 令牌（只显示一次）"),
                       ("tokens", "列出令牌")):
        a = acts.add_parser(name, help=text)
        a.add_argument("office", help="机关编号或名称")
        if name == "set":
            a.add_argument("--name", help="新名称")
            _office_options(a)
        if name == "token":
            a.add_argument("--name", dest="token_name", default="token", help="令牌名称")
    a = acts.add_parser("layout", help="上传机关自己的版式文件（.docx），或恢复默认版式")
    a.add_argument("office", help="机关编号或名称")
    a.add_argument("file", nargs="?", help="版式 .docx 文件（须保留 {{p body }} 段落）")
    a.add_argument("--remove", action="store_true", help="删除本机关的版式，恢复默认版式")
    a = acts.add_parser("revoke", help="作废令牌")
    a.add_argument("token_id", type=int, help="令牌编号")
    p.set_defaults(func=cmd_office)

    p = sub.add_parser("series", help="系列：某机关定期报送的文稿")
    acts = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = acts.add_parser("add", help="新建系列")
    a.add_argument("office", help="机关编号或名称")
    a.add_argument("--name", required=True, help="系列名称")
    a.add_argument("--kind", required=True, help="文种，如 situation_report 或 情况汇报")
    a.add_argument("--cadence", required=True, choices=["week", "month", "quarter", "year"], help="周期")
    a.add_argument("--title-pattern", dest="title_pattern", help="标题模式，可用 {year} {month} {issue} 等")
    a.add_argument("--issue", type=int, default=0, help="已用期号（默认 0）")
    a = acts.add_parser("list", help="列出系列")
    a.add_argument("--office", help="只列出该机关的系列")
    p.set_defaults(func=cmd_series)

    p = sub.add_parser("next", help="开始下一期：从上一期生成草稿")
    p.add_argument("series", type=int, help="系列编号")
    p.add_argument("-o", "--output", help="同时把草稿的事实写入该文件")
    p.set_defaults(func=cmd_next)

    p = sub.add_parser("documents", help="文稿：列出、查看、新建、保存、定稿、生成")
    acts = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = acts.add_parser("list", help="列出文稿")
    a.add_argument("--series", type=int, help="系列编号")
    a.add_argument("--status", choices=["draft", "final"], help="草稿或定稿")
    a.add_argument("--limit", type=int, default=50, help="最多列出几份（默认 50）")
    a = acts.add_parser("add", help="新建草稿")
    a.add_argument("facts", help="事实 JSON 文件，- 表示标准输入")
    a.add_argument("--series", type=int, help="系列编号（否则用唯一的机关）")
    a = acts.add_parser("save", help="保存新版本")
    a.add_argument("id", type=int, help="文稿编号")
    a.add_argument("facts", help="事实 JSON 文件，- 表示标准输入")
    a.add_argument("--version", type=int, required=True, help="所基于的版本")
    for name, text in (("show", "查看文稿（含事实）"), ("revisions", "列出修订"), ("finalize", "定稿"),
                       ("render", "生成文件（定稿的 .docx 为保存的原件）")):
        a = acts.add_parser(name, help=text)
        a.add_argument("id", type=int, help="文稿编号")
        if name == "render":
            a.add_argument("-f", "--format", default="docx", choices=["docx", "txt", "html", "md"])
            a.add_argument("-o", "--output", help="输出文件")
    p.set_defaults(func=cmd_documents)

    p = sub.add_parser("export", help="把一个机关的全部数据导出为一个 JSON 文件")
    p.add_argument("office", help="机关编号或名称")
    p.add_argument("-o", "--output", help="输出文件（默认 机关名称.huibao.json）")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="从已有文稿（.docx/.txt）读出事实草稿（尽力而为）")
    p.add_argument("file", help=".docx 或文本文件，- 表示标准输入")
    p.add_argument("--kind", default="situation_report", help="文种（默认 situation_report）")
    p.add_argument("-o", "--output", help="把事实写入该文件")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("restore", help="从导出的 JSON 文件恢复一个机关")
    p.add_argument("file", help="导出的 JSON 文件，- 表示标准输入")
    p.add_argument("--as", dest="name", help="以另一名称恢复")
    p.set_defaults(func=cmd_restore)


__all__ = ["register"]
