"""The clerk's web pages: the report form, the convert page and the check page.

The report form is generated from a kind's JSON Schema (the one ``/api/kinds`` publishes). Every
input is named by its API field path (``counts[0].breakdown[1].value``), so an API error's
``field`` finds its input directly, in the browser and here. The page works as a plain HTML form
(row buttons, preview and downloads are ordinary submit buttons handled by ``POST /``); the
small vanilla script in ``service/static/form.js`` does the same things in place and keeps a
draft in ``localStorage``. Facts are composed by :mod:`huibao.core` only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from huibao import budget, core, resources
from huibao.api import content_disposition
from huibao.compose.facts import MAX_ITEMS
from huibao.compose.kinds import KINDS, Kind, get_kind, parse_facts
from huibao.compose.tree import Document
from huibao.errors import BadRequest, ErrorItem, HuibaoError, InvalidFacts
from huibao.jsonparse import parse_json
from huibao.scripts import Script
from huibao.web_input import (
    chinese_moment,
    moment_message,
    number_message,
    read_amount,
    read_moment,
    today_chinese,
)
from huibao.web_words import OPTION_WORDS, without_kind, words_for
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

#: Chinese labels for enum values whose value is an English code (display only).
ENUM_LABELS = {
    **{script.value: script.label for script in Script},
    **OPTION_WORDS,
}
#: Top-level fields shown in the action bar rather than in the form body.
ACTION_FIELDS = ("script",)
DOWNLOADS = {"docx": "Word 文件", "txt": "纯文本", "md": "Markdown"}
TIME_SUFFIX = "#time"
_MISSING = object()
#: Deepest nesting of lists a submitted form may name (counts[0].breakdown[1]… is 2).
MAX_FORM_DEPTH = 12
_TEXTAREA_MIN = 1000


# --------------------------------------------------------------------------- schema → spec


@dataclass
class Spec:
    """One resolved schema node: which widget shows it and what it says."""

    widget: str  # hidden text textarea decimal integer checkbox select date datetime object array
    title: str = ""
    description: str = ""
    required: bool = False
    nullable: bool = False
    default: Any = None
    options: list[tuple[str, str]] = field(default_factory=list)
    const: Any = None
    minimum: int | None = None
    maximum: int | None = None
    max_items: int | None = None
    max_length: int | None = None
    schema: dict[str, Any] = field(default_factory=dict, repr=False)
    root: dict[str, Any] = field(default_factory=dict, repr=False)

    def children(self) -> list[tuple[str, Spec]]:
        """Return the (key, spec) pairs of an object, in schema order."""
        required = set(self.schema.get("required", []))
        return [
            (key, resolve(sub, self.root, key in required))
            for key, sub in self.schema.get("properties", {}).items()
        ]

    def item(self) -> Spec:
        """Return the spec of an array's items."""
        return resolve(self.schema.get("items", {}), self.root, True)


def _deref(schema: Mapping[str, Any], root: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``schema`` with a ``$ref`` replaced by its target (sibling keys win)."""
    out = dict(schema)
    while "$ref" in out:
        ref = out.pop("$ref")
        target: Any = root
        for part in ref.lstrip("#/").split("/"):
            target = target.get(part, {})
        out = {**target, **out}
    return out


def _chinese(text: str) -> str:
    """Return ``text`` when it is Chinese UI text, else "" (model docstrings are English)."""
    return text if re.search(r"[\u4e00-\u9fff]", text) and not text.isascii() and not re.match(
        r"^[A-Za-z]", text) else ""


def resolve(schema: Mapping[str, Any], root: Mapping[str, Any], required: bool = False) -> Spec:
    """Return the :class:`Spec` of one property schema (``$ref`` and ``anyOf`` with null handled)."""
    s = _deref(schema, root)
    nullable = False
    if "anyOf" in s:
        branches = [_deref(b, root) for b in s["anyOf"]]
        nullable = any(b.get("type") == "null" for b in branches)
        branches = [b for b in branches if b.get("type") != "null"]
        outer = {k: v for k, v in s.items() if k != "anyOf"}
        formats = {b.get("format") for b in branches}
        types = {b.get("type") for b in branches}
        if len(branches) == 1:
            s = {**branches[0], **outer}
        elif formats == {"date", "date-time"}:
            s = {"type": "string", "format": "date-time", **outer}
        elif "number" in types:
            s = {"type": "number", **outer}
        else:
            s = {"type": "string", **outer}
    spec = Spec(
        widget="text",
        title=str(s.get("title", "")),
        description=_chinese(str(s.get("description", ""))),
        required=required,
        nullable=nullable,
        default=s.get("default"),
        schema=s,
        root=dict(root),
        minimum=s.get("minimum"),
        maximum=s.get("maximum"),
        max_items=s.get("maxItems"),
        max_length=s.get("maxLength"),
    )
    kind = s.get("type")
    if "const" in s:
        spec.widget, spec.const = "hidden", s["const"]
    elif "enum" in s:
        spec.widget = "select"
        spec.options = [(str(v), ENUM_LABELS.get(str(v), str(v))) for v in s["enum"]]
    elif kind == "boolean":
        spec.widget = "checkbox"
    elif kind == "integer":
        spec.widget = "integer"
    elif kind == "number":
        spec.widget = "decimal"
    elif kind == "object" or "properties" in s:
        spec.widget = "object"
    elif kind == "array":
        spec.widget = "array"
    elif s.get("format") == "date":
        spec.widget = "date"
    elif s.get("format") == "date-time":
        spec.widget = "datetime"
    elif (spec.max_length or 0) >= _TEXTAREA_MIN:
        spec.widget = "textarea"
    return spec


def kind_spec(kind: Kind) -> Spec:
    """Return the root spec of a kind's facts schema."""
    schema = kind.schema()
    return resolve(schema, schema, True)


def join(path: str, key: str) -> str:
    """Return ``path.key`` (or ``key`` at the root)."""
    return f"{path}.{key}" if path else key


# --------------------------------------------------------------------------- form → raw → facts


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_form(spec: Spec, form: Mapping[str, str], path: str = "") -> Any:
    """Return the raw tree of what was typed: strings (and booleans), every row kept."""
    if spec.widget == "object":
        return {key: parse_form(sub, form, join(path, key)) for key, sub in spec.children()}
    if spec.widget == "array":
        if path.count("[") >= MAX_FORM_DEPTH:  # breakdown in breakdown …: the schema recurses
            raise BadRequest(f"表单字段层级过深（列表至多嵌套 {MAX_FORM_DEPTH} 层）", field=path)
        pattern = re.compile(re.escape(path) + r"\[(\d{1,9})\]")
        indices = sorted({int(m.group(1)) for k in form if (m := pattern.match(k))})
        if indices and (indices[-1] >= MAX_ITEMS or len(indices) > MAX_ITEMS):
            raise BadRequest(f"列表至多 {MAX_ITEMS} 项", field=f"{path}[{indices[-1]}]")
        item = spec.item()
        return [parse_form(item, form, f"{path}[{i}]") for i in indices]
    if spec.widget == "checkbox":
        return form.get(path, "") not in ("", "false", "off", "0")
    if spec.widget == "hidden":
        return spec.const
    if spec.widget == "datetime":  # one text field; an old draft's separate time field still joins
        day, time = form.get(path, "").strip(), form.get(path + TIME_SUFFIX, "").strip()
        return f"{day}T{time}" if day and time else day
    return form.get(path, "")


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－＋，", "0123456789.-+,")


def check_list_sizes(value: Any, path: str = "") -> None:
    """Raise BadRequest naming the first list longer than the facts allow (imported JSON is
    checked before it is turned into form fields, so a huge file cannot fill memory)."""
    if isinstance(value, list):
        if len(value) > MAX_ITEMS:
            raise BadRequest(f"列表至多 {MAX_ITEMS} 项，导入的文件有 {len(value)} 项", field=path or None)
        for i, item in enumerate(value):
            check_list_sizes(item, f"{path}[{i}]")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            check_list_sizes(item, join(path, str(key)))


@dataclass
class Notes:
    """What reading a form learned: entries that could not be read, and how others were read."""

    errors: list[ErrorItem] = field(default_factory=list)
    readings: dict[str, str] = field(default_factory=dict)


_AMOUNT_KEYS = {"value", "measure", "approx", "scale"}


def _read_count(raw: Mapping[str, Any], out: dict[str, Any], path: str, notes: Notes) -> None:
    """Read a count's 数量 as typed (约1260人, 1.26万) into value, measure, approx and scale."""
    typed = raw.get("value")
    if not isinstance(typed, str) or not typed.strip():
        return
    amount = read_amount(typed)
    here = join(path, "value")
    if amount is None:
        notes.errors.append(ErrorItem(here, number_message(typed.strip())))
        out.pop("value", None)
        return
    out["value"] = amount.value
    for key, read in (("measure", amount.measure), ("approx", amount.approx)):
        given = out.get(key)
        if read and given and given != read:
            notes.errors.append(ErrorItem(here, f"数量里写了“{read}”，旁边又填了“{given}”，请只留一个"))
        elif read:
            out[key] = read
    if amount.scale:
        out["scale"] = True
    if not re.fullmatch(r"[+-]?\d+(\.\d+)?", typed.strip()):
        notes.readings[here] = "读作：" + amount.shown()


def to_facts(spec: Spec, raw: Any, notes: Notes | None = None, path: str = "") -> Any:
    """Return the facts JSON for a raw tree: empties omitted, numbers and dates read as typed.

    An entry that cannot be read is recorded in ``notes`` (when given) and left out; without
    ``notes`` it is sent as typed, so the API names the field in its error.
    """
    if spec.widget == "object":
        raw = raw if isinstance(raw, Mapping) else {}
        out = {}
        for key, sub in spec.children():
            value = to_facts(sub, raw.get(key, _MISSING), notes, join(path, key))
            if value is not _MISSING:
                out[key] = value
        children = dict(spec.children())
        if notes is not None and set(children) >= _AMOUNT_KEYS:
            _read_count(raw, out, path, notes)
        if not spec.required and all(v == children[k].default for k, v in out.items()):
            return _MISSING
        return out
    if spec.widget == "array":
        if not isinstance(raw, list) or not raw:
            return _MISSING
        item = spec.item()
        values = [to_facts(item, v, notes, f"{path}[{i}]") for i, v in enumerate(raw)]
        return [("" if v is _MISSING else v) if item.widget != "object" else
                ({} if v is _MISSING else v) for v in values]
    if raw is _MISSING or raw is None:
        return spec.const if spec.widget == "hidden" else _MISSING
    if spec.widget == "hidden":
        return spec.const
    if spec.widget == "checkbox":
        return bool(raw) if isinstance(raw, bool) else _scalar(raw) not in ("", "false", "off", "0")
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return raw
    text = _scalar(raw).strip()
    if not text:
        return _MISSING
    if spec.widget in ("date", "datetime"):
        iso = read_moment(text, spec.widget == "datetime")
        if iso is None and notes is not None:
            notes.errors.append(ErrorItem(path or None, moment_message(text, spec.widget == "datetime")))
        return text if iso is None else iso
    if spec.widget in ("decimal", "integer"):
        number = text.translate(_FULL_WIDTH).replace(",", "")
        if re.fullmatch(r"[+-]?\d{1,30}", number):  # longer: sent as typed (int() caps digits)
            return int(number)
        if spec.widget == "decimal" and re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)", number):
            return number
        return text
    return text


def read_form(kind: Kind, raw: Any) -> tuple[dict[str, Any], Notes]:
    """Return the facts JSON for a raw form tree of ``kind`` and what reading it learned."""
    notes = Notes()
    facts = to_facts(kind_spec(kind), raw, notes)
    return (facts if isinstance(facts, dict) else {"kind": kind.id}), notes


def raise_unread(facts: dict[str, Any], notes: Notes) -> None:
    """Raise InvalidFacts naming every entry that could not be read, together with the facts'
    other problems (a missing required field), so the clerk sees them all at once."""
    if not notes.errors:
        return
    errors = list(notes.errors)
    try:
        parse_facts(facts)
    except HuibaoError as exc:
        seen = {e.field for e in errors}
        errors += [e for e in exc.errors if e.field not in seen]
    raise InvalidFacts(errors)


def facts_from_form(kind: Kind, form: Mapping[str, str]) -> dict[str, Any]:
    """Return the facts JSON for a submitted form of ``kind``; raise InvalidFacts naming every
    entry that could not be read as a number or a date."""
    facts, notes = read_form(kind, parse_form(kind_spec(kind), form))
    raise_unread(facts, notes)
    return facts


def fresh(kind: Kind) -> dict[str, Any]:
    """Return the raw tree of an empty form of ``kind``: only 成文日期, today."""
    return {"kind": kind.id, "signed_on": today_chinese()}


# --------------------------------------------------------------------------- raw → render tree


@dataclass
class Node:
    """One thing to render: a field, a fieldset or a repeatable list with its rows."""

    key: str
    path: str
    spec: Spec
    value: Any = ""
    time: str = ""
    errors: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    index: int | None = None
    count: int = 0

    @property
    def id(self) -> str:
        return "f-" + self.path

    @property
    def label(self) -> str:
        return self.spec.title or self.key


def _initial(spec: Spec, raw: Any) -> Any:
    if raw is _MISSING or raw is None:
        if spec.widget == "checkbox":
            return bool(spec.default)
        return "" if spec.default is None else _scalar(spec.default)
    if spec.widget == "checkbox":
        return raw if isinstance(raw, bool) else _scalar(raw) not in ("", "false", "off", "0")
    return _scalar(raw)


def build(
    spec: Spec, raw: Any, errors: Mapping[str, list[str]], path: str = "", key: str = "",
    index: int | None = None,
) -> Node:
    """Return the render tree for ``raw`` (facts or a parsed form) with ``errors`` by path."""
    words = words_for(path) if path else None
    if words:
        spec = replace(spec, title=words[0] or spec.title, description=words[1] or spec.description)
    node = Node(key=key, path=path, spec=spec, errors=list(errors.get(path, [])), index=index)
    if spec.widget == "object":
        if isinstance(raw, str) and any(k == "text" for k, _ in spec.children()):
            raw = {"text": raw}  # a list item given as a bare string (the API accepts it too)
        raw = raw if isinstance(raw, Mapping) else {}
        node.children = [
            build(sub, raw.get(k, _MISSING), errors, join(path, k), k) for k, sub in spec.children()
        ]
        if spec.nullable or not spec.required:
            for child in node.children:  # "required" only once the optional group is filled in
                child.spec = replace(child.spec, required=False)
    elif spec.widget == "array":
        rows = raw if isinstance(raw, list) else []
        item = spec.item()
        node.children = [
            build(item, v, errors, f"{path}[{i}]", key, i) for i, v in enumerate(rows)
        ]
        node.count = len(rows)
    else:
        value = _initial(spec, raw)
        if spec.widget in ("date", "datetime") and isinstance(value, str):
            value = chinese_moment(value)
        node.value = value
    return node


def error_map(items: list[ErrorItem]) -> dict[str, list[str]]:
    """Return error messages by field path ('' for errors without a field)."""
    out: dict[str, list[str]] = {}
    for e in items:
        out.setdefault(e.field or "", []).append(e.message)
    return out


def unplaced(root: Node, errors: Mapping[str, list[str]]) -> list[tuple[str, str]]:
    """Return (path, message) for errors whose path has no node; they go in the summary only."""
    seen: set[str] = set()
    stack = [root]
    while stack:
        n = stack.pop()
        seen.add(n.path)
        stack.extend(n.children)
    return [(p, m) for p, ms in errors.items() for m in ms if p not in seen]


def nearest(root: Node, path: str) -> str:
    """Return the id of the node for ``path`` or its nearest ancestor (the form itself: '')."""
    paths: set[str] = set()
    stack = [root]
    while stack:
        n = stack.pop()
        paths.add(n.path)
        stack.extend(n.children)
    while path and path not in paths:
        path = re.sub(r"(\[\d+\]|\.?[^.\[\]]+)$", "", path)
    return "f-" + path if path else "facts-form"


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


def _first_leaf(root: Node, focus: str) -> str:
    """Return the id of the first input inside the node with id ``focus`` (else ``focus``)."""
    stack = [root]
    while stack:
        n = stack.pop()
        if n.id == focus:
            while n.children:
                n = n.children[0]
            return n.id if n.spec.widget != "array" else f"add-{n.path}"
        stack.extend(n.children)
    return focus


def _labels(root: Node) -> dict[str, str]:
    """Return each node's id mapped to its label (rows as 基本数据第1项)."""
    out: dict[str, str] = {}
    stack: list[tuple[Node, str]] = [(c, "") for c in root.children]
    while stack:
        n, list_label = stack.pop()
        out[n.id] = f"{list_label}第{n.index + 1}项" if n.index is not None else n.label
        stack.extend((c, n.label if n.spec.widget == "array" else "") for c in n.children)
    return out


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
    focus = _first_leaf(root, focus)
    labels = _labels(root)
    summary = [
        (nearest(root, p), f"{labels[nearest(root, p)]}：{m}" if nearest(root, p) in labels else m)
        for p, ms in errors.items()
        for m in ms
    ]
    if preview:
        preview = {**preview, "html": strip_styles(preview.get("html", ""))}
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


def count_labels(raw: Any) -> list[str]:
    """Return the 事项 of the form's counts, for the ratio fields' choice list (may be empty)."""
    counts = raw.get("counts") if isinstance(raw, Mapping) else None
    labels: list[str] = []
    stack = list(counts) if isinstance(counts, list) else []
    while stack:
        item = stack.pop(0)
        if isinstance(item, Mapping):
            label = item.get("label")
            if isinstance(label, str) and label.strip() and label.strip() not in labels:
                labels.append(label.strip())
            breakdown = item.get("breakdown")
            if isinstance(breakdown, list):
                stack.extend(breakdown)
    return labels


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
    """Return the facts JSON for the submitted form fields (used by the page's script)."""
    fields, _ = await _form_data(request)
    kind = _kind_or_default(fields.get("kind"))
    facts, notes = await budget.run(request, lambda: read_form(kind, parse_form(kind_spec(kind), fields)))
    try:
        raise_unread(facts, notes)
    except HuibaoError as exc:
        errors = [{**e.as_dict(), "message": without_kind(e.message, kind.name)} for e in exc.errors]
        return JSONResponse({"ok": False, "status": 422, "errors": errors, "readings": notes.readings},
                            status_code=422)
    return JSONResponse({"ok": True, "facts": facts, "readings": notes.readings})


@router.post("/web/fields", response_class=HTMLResponse)
async def web_fields(request: Request) -> HTMLResponse:
    """Return the form fields for JSON facts or saved form fields (draft, example, import)."""
    if request.headers.get("content-type", "").startswith("application/json"):
        from huibao.api import read_json

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
    node = build(spec.item(), _MISSING, {}, path, match.group(1).rsplit(".", 1)[-1],
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
