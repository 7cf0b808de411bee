"""The clerk's web pages: the report form, the convert page and the check page.

The report form is generated from a kind's JSON Schema (the one ``/api/kinds`` publishes). Every
input is named by its API field path (``counts[0].breakdown[1].value``), so an API error's
``field`` finds its input directly, in the browser and here. The page works as a plain HTML form
(row buttons, preview and downloads are ordinary submit buttons handled by ``POST /``); the
small vanilla scripts in ``static/`` (form.js, draft.js, preview.js) do the same things in place,
keep a draft and an undo history in ``localStorage`` and keep the preview live. Facts are composed
by :mod:`huibao.core` only. The form's parts: :mod:`huibao.web_form` (schema → widgets, form →
facts), :mod:`huibao.web_tree` (what is shown), :mod:`huibao.web_input` (numbers and dates as
typed), :mod:`huibao.web_words` (labels and help lines).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from huibao import budget, core, resources
from huibao.bodies import content_disposition
from huibao.compose.kinds import KINDS, Kind, get_kind
from huibao.compose.tree import Document
from huibao.errors import BadRequest, HuibaoError
from huibao.jsonparse import parse_json
from huibao.scripts import Script
from huibao.web_form import (
    MISSING,
    TIME_SUFFIX,
    check_list_sizes,
    fresh,
    kind_spec,
    parse_form,
    raise_unread,
    read_form,
)
from huibao.web_tree import attach_notes, build, count_labels, error_map, first_leaf, labels_of, nearest
from huibao.web_words import without_kind
from huibao.write import html as html_writer

router = APIRouter(include_in_schema=False)

WEB_DIR = resources.web_templates_dir()
STATIC_DIR = resources.static_dir()

#: Every page forbids other hosts: scripts, styles, fonts, images and requests come from huibao.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)

#: Top-level fields shown in the action bar rather than in the form body.
ACTION_FIELDS = ("script",)
DOWNLOADS = {"docx": "Word 文件", "txt": "纯文本", "md": "Markdown"}


# --------------------------------------------------------------------------- pages


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(WEB_DIR)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(DOWNLOADS=DOWNLOADS, TIME_SUFFIX=TIME_SUFFIX)
    return env


def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Return a rendered page with the Content-Security-Policy that forbids other hosts."""
    html = _env().get_template(name).render(**context)
    return HTMLResponse(html, status_code=status, headers=page_headers())


def page_headers() -> dict[str, str]:
    """Return the security headers every huibao page carries."""
    return {
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }


_STYLE = re.compile(r"<style>(.*?)</style>", re.S)


def strip_styles(fragment: str) -> str:
    """Return an HTML fragment without its inline ``<style>`` (served as /report.css instead)."""
    return _STYLE.sub("", fragment)


@cache
def report_css() -> str:
    """Return the print-like page CSS of the HTML writer (taken from its own fragment)."""
    match = _STYLE.search(html_writer.fragment(Document(kind="", title="")))
    return match.group(1) if match else ""


def _kind_or_default(name: str | None) -> Kind:
    return get_kind(name) if name else next(iter(KINDS.values()))


def form_context(
    kind: Kind,
    raw: Any,
    errors: Mapping[str, list[str]] | None = None,
    preview: dict[str, Any] | None = None,
    notice: str = "",
    focus: str = "",
) -> dict[str, Any]:
    """Return the template context of the report page."""
    errors = {p: [without_kind(m, kind.name) for m in ms] for p, ms in (errors or {}).items()}
    spec = kind_spec(kind)
    root = build(spec, raw, errors)
    body = [n for n in root.children if n.key not in ACTION_FIELDS]
    actions = [n for n in root.children if n.key in ACTION_FIELDS]
    focus = first_leaf(root, focus)
    labels = labels_of(root)
    summary = [
        (nearest(root, p), f"{labels[nearest(root, p)]}：{m}" if nearest(root, p) in labels else m)
        for p, ms in errors.items()
        for m in ms
    ]
    if preview:
        preview = {**preview, "html": strip_styles(preview.get("html", ""))}
        attach_notes(root, preview.get("warnings", []))
        for item in preview.get("warnings", []):
            item["target"] = nearest(root, item.get("field") or "")
    return {
        "kinds": list(KINDS.values()),
        "kind": kind,
        "root": root,
        "body": body,
        "actions": actions,
        "errors": errors,
        "summary": summary,
        "preview": preview,
        "notice": notice,
        "focus": focus,
        "count_labels": count_labels(raw),
    }


async def _form_data(request: Request) -> tuple[dict[str, str], Any]:
    """Return the submitted fields (last value wins) and the uploaded import file, if any."""
    form = await request.form()
    fields: dict[str, str] = {}
    upload = None
    for name, value in form.multi_items():
        if isinstance(value, str):
            fields[name] = value
        elif name == "_import" and value.filename:
            upload = value
    return fields, upload


_ROW_OP = re.compile(r"^(add|remove|up|down):(.+)$")


def _locate(raw: Any, path: str) -> tuple[Any, Any]:
    """Return (container, key) of ``path`` inside ``raw``."""
    steps = re.findall(r"\[(\d+)\]|\.?([^.\[\]]+)", path)
    container: Any = raw
    parts: list[Any] = [int(i) if i else k for i, k in steps]
    for part in parts[:-1]:
        container = container[part]
    return container, parts[-1]


def apply_row_op(raw: dict[str, Any], op: str) -> str:
    """Apply ``add:path`` / ``remove:path[i]`` / ``up:…`` / ``down:…`` to ``raw``; return focus id."""
    match = _ROW_OP.match(op)
    if not match:
        raise BadRequest("未知的操作", field="op")
    verb, path = match.groups()
    try:
        if verb == "add":
            container, key = _locate(raw, path)
            rows = container.get(key) if isinstance(container, dict) else container[key]
            if not isinstance(rows, list):
                rows = []
                container[key] = rows
            rows.append({})
            return f"f-{path}[{len(rows) - 1}]"
        container, index = _locate(raw, path)
        parent = re.sub(r"\[\d+\]$", "", path)
        if verb == "remove":
            del container[index]
            return f"add-{parent}"
        other = index - 1 if verb == "up" else index + 1
        if 0 <= other < len(container):
            container[index], container[other] = container[other], container[index]
            return f"{verb}-{parent}[{other}]"
        return f"{verb}-{path}"
    except (KeyError, IndexError, TypeError, AttributeError):
        raise BadRequest("该行已不存在，请刷新页面", field="op") from None


@router.get("/", response_class=HTMLResponse)
def report_page(kind: str | None = None) -> HTMLResponse:
    """The report form (empty; the browser restores a saved draft)."""
    k = _kind_or_default(kind)
    return page("report.html", **form_context(k, fresh(k)))


@router.post("/", response_class=HTMLResponse)
async def report_post(request: Request) -> Response:
    """The same form without JavaScript: row buttons, example, import, export, preview, download."""
    fields, upload = await _form_data(request)
    upload_bytes = await upload.read() if upload is not None else None
    return await budget.run(request, _report_post, fields, upload_bytes)


def _report_post(fields: dict[str, str], upload: bytes | None) -> Response:
    """Return the page (or download) for one plain form post; runs off the event loop."""
    kind = _kind_or_default(fields.get("kind") or fields.get("_kind"))
    if fields.get("_kind") and fields.get("op") == "switch":
        kind = _kind_or_default(fields["_kind"])
        return page("report.html", **form_context(kind, fresh(kind)))
    spec = kind_spec(kind)
    raw = parse_form(spec, fields)
    op = fields.get("op", "preview")
    try:
        if _ROW_OP.match(op):
            focus = apply_row_op(raw, op)
            return page("report.html", **form_context(kind, raw, focus=focus))
        if op == "example":
            return page("report.html", **form_context(kind, dict(kind.example), notice="已载入示例"))
        if op == "clear":
            return page("report.html", **form_context(kind, fresh(kind), notice="已清空"))
        if op == "import":
            if upload is None:
                raise BadRequest("请先选择要导入的 JSON 文件", field="_import")
            data = parse_json_upload(upload)
            check_list_sizes(data)
            kind = _kind_or_default(str(data.get("kind") or kind.id))
            return page("report.html", **form_context(kind, data, notice="已导入"))
        facts, notes = read_form(kind, raw)
        raise_unread(facts, notes)
        if op == "export":
            body = json.dumps(facts, ensure_ascii=False, indent=2).encode("utf-8")
            return Response(body, media_type="application/json", headers={
                "Content-Disposition": content_disposition(f"{kind.name}事实.json")})
        if op in DOWNLOADS:
            out = core.render(facts, op)
            return Response(out.content, media_type=out.writer.media_type,
                            headers={"Content-Disposition": content_disposition(out.filename)})
        result = core.preview(facts)
        return page("report.html", **form_context(kind, raw, preview=result, focus="preview"))
    except HuibaoError as exc:
        return page("report.html", status=exc.status,
                    **form_context(kind, raw, errors=error_map(exc.errors), focus="error-summary"))


def parse_json_upload(data: bytes) -> dict[str, Any]:
    """Return the facts object of an imported JSON file; raise BadRequest when it is not one."""
    try:
        value = parse_json(data.decode("utf-8-sig"), field="_import")
    except UnicodeDecodeError:
        raise BadRequest("文件不是 UTF-8 编码", field="_import") from None
    if not isinstance(value, dict):
        raise BadRequest("JSON 文件应为一个对象（事实）", field="_import")
    return value


@router.post("/web/facts")
async def web_facts(request: Request) -> JSONResponse:
    """Return the facts JSON for the submitted form fields (used by the page's script), how
    numbers and dates were read and values offered for empty fields (the 单位自称)."""
    fields, _ = await _form_data(request)
    kind = _kind_or_default(fields.get("kind"))
    facts, notes = await budget.run(request, lambda: read_form(kind, parse_form(kind_spec(kind), fields)))
    try:
        raise_unread(facts, notes)
    except HuibaoError as exc:
        errors = [{**e.as_dict(), "message": without_kind(e.message, kind.name)} for e in exc.errors]
        return JSONResponse({"ok": False, "status": 422, "errors": errors, "readings": notes.readings,
                             "suggestions": notes.suggestions}, status_code=422)
    return JSONResponse({"ok": True, "facts": facts, "readings": notes.readings,
                         "suggestions": notes.suggestions})


@router.post("/web/fields", response_class=HTMLResponse)
async def web_fields(request: Request) -> HTMLResponse:
    """Return the form fields for JSON facts or saved form fields (draft, example, import)."""
    if request.headers.get("content-type", "").startswith("application/json"):
        from huibao.bodies import read_json

        data = await read_json(request)
        if not isinstance(data, dict):
            raise BadRequest("JSON 应为一个对象（事实）")
        check_list_sizes(data)
        kind = _kind_or_default(str(data.get("kind") or "") or None)
        raw: Any = data
    else:
        fields, _ = await _form_data(request)
        kind = _kind_or_default(fields.get("kind"))
        raw = await budget.run(request, parse_form, kind_spec(kind), fields)
    html = await budget.run(request, _fields_html, kind, raw)
    return HTMLResponse(html, headers={**page_headers(), "X-Huibao-Kind": kind.id})


def _fields_html(kind: Kind, raw: Any) -> str:
    """Return the form fields' HTML for ``raw`` facts (or form values) of ``kind``."""
    return _env().get_template("_fields.html").render(**form_context(kind, raw))


@router.get("/web/row", response_class=HTMLResponse)
def web_row(kind: str, path: str) -> HTMLResponse:
    """Return one empty row for the list at ``path`` (``counts[2]``, ``counts[0].breakdown[1]``)."""
    k = get_kind(kind)
    match = re.fullmatch(r"(.+)\[(\d+)\]", path)
    if not match:
        raise BadRequest("行路径无效", field="path")
    spec = kind_spec(k)
    for part in re.findall(r"\[\d+\]|[^.\[\]]+", match.group(1)):
        if part.startswith("["):
            spec = spec.item()
            continue
        children = dict(spec.children()) if spec.widget == "object" else {}
        if part not in children:
            raise BadRequest("行路径无效", field="path")
        spec = children[part]
    if spec.widget != "array":
        raise BadRequest("行路径无效", field="path")
    node = build(spec.item(), MISSING, {}, path, match.group(1).rsplit(".", 1)[-1],
                 int(match.group(2)))
    html = _env().get_template("_row.html").render(row=node, list_path=match.group(1),
                                                   list_label=spec.title)
    return HTMLResponse(html, headers=page_headers())


@router.get("/convert", response_class=HTMLResponse)
def convert_page() -> HTMLResponse:
    """Paste text or upload a .docx and convert it between simplified and traditional."""
    return page("convert.html", scripts=[(s.value, s.label) for s in Script])


@router.get("/check", response_class=HTMLResponse)
def check_page() -> HTMLResponse:
    """Paste text or upload a file and see the placeholder findings highlighted."""
    return page("check.html")


@router.get("/report.css")
def report_stylesheet() -> Response:
    """The print-like page CSS of the preview (the HTML writer's own styles)."""
    return Response(report_css(), media_type="text/css; charset=utf-8")


@router.get("/favicon.ico")
def favicon() -> Response:
    """The site icon (browsers ask for it even when the page names another)."""
    return Response((STATIC_DIR / "favicon.svg").read_bytes(), media_type="image/svg+xml")
