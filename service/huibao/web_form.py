"""The web form's data side: a kind's JSON Schema resolved into widget specs, and a submitted
form read back into facts (numbers and dates as typed, see :mod:`huibao.web_input`).

Every input is named by its API field path (``counts[0].breakdown[1].value``). A form is first
parsed into a raw tree of what was typed (every row kept, so nothing is lost on a round trip),
then turned into facts JSON: empties omitted, numbers and dates read, unreadable entries named.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from huibao.compose.facts import MAX_ITEMS
from huibao.compose.kinds import Kind, parse_facts
from huibao.errors import BadRequest, ErrorItem, HuibaoError, InvalidFacts
from huibao.scripts import Script
from huibao.web_input import (
    chinese_moment,
    moment_message,
    number_message,
    read_amount,
    read_moment,
    today_chinese,
    year_of,
)
from huibao.web_words import OPTION_WORDS, self_reference_for

#: Chinese labels for enum values whose value is an English code (display only).
ENUM_LABELS = {
    **{script.value: script.label for script in Script},
    **OPTION_WORDS,
}
TIME_SUFFIX = "#time"
MISSING = object()
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
        elif "object" in types and not any(b.get("pattern") for b in branches):
            # an object that may also be written as a bare string: the form shows the object,
            # unless the string has a grammar of its own (发文字号, 密级): then it is what one types
            s = {**next(b for b in branches if b.get("type") == "object"), **outer}
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
    elif kind == "boolean" and nullable:  # unset means "the kind decides": three choices
        spec.widget = "select"
        spec.options = [("true", "使用"), ("false", "不使用")]
        spec.default = None
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


def scalar(value: Any) -> str:
    """Return a form value's text: "" for None, "true"/"false" for booleans, else ``str``."""
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
    """What reading a form learned: entries that could not be read, how others were read, and
    values the form may offer for empty fields (by path); ``year`` completes dates without one."""

    errors: list[ErrorItem] = field(default_factory=list)
    readings: dict[str, str] = field(default_factory=dict)
    suggestions: dict[str, str] = field(default_factory=dict)
    year: int | None = None


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
            value = to_facts(sub, raw.get(key, MISSING), notes, join(path, key))
            if value is not MISSING:
                out[key] = value
        children = dict(spec.children())
        if notes is not None and set(children) >= _AMOUNT_KEYS:
            _read_count(raw, out, path, notes)
        if not spec.required and all(v == children[k].default for k, v in out.items()):
            return MISSING
        return out
    if spec.widget == "array":
        if not isinstance(raw, list) or not raw:
            return MISSING
        item = spec.item()
        values = [to_facts(item, v, notes, f"{path}[{i}]") for i, v in enumerate(raw)]
        return [("" if v is MISSING else v) if item.widget != "object" else
                ({} if v is MISSING else v) for v in values]
    if raw is MISSING or raw is None:
        return spec.const if spec.widget == "hidden" else MISSING
    if spec.widget == "hidden":
        return spec.const
    if spec.widget == "checkbox":
        return bool(raw) if isinstance(raw, bool) else scalar(raw) not in ("", "false", "off", "0")
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return raw
    text = scalar(raw).strip()
    if not text:
        return MISSING
    if spec.schema.get("type") == "boolean" and text in ("true", "false"):  # a three-way choice
        return text == "true"
    if spec.widget in ("date", "datetime"):
        iso = read_moment(text, spec.widget == "datetime", notes.year if notes else None)
        if iso is None and notes is not None:
            notes.errors.append(ErrorItem(path or None, moment_message(text, spec.widget == "datetime")))
        elif iso and notes is not None and chinese_moment(iso) != text:
            notes.readings[path] = "读作：" + chinese_moment(iso)
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
    """Return the facts JSON for a raw form tree of ``kind`` and what reading it learned (a date
    without a year is in the year of the 成文日期, else this year)."""
    raw = raw if isinstance(raw, Mapping) else {}
    signed = raw.get("signed_on")
    notes = Notes(year=year_of(signed) if isinstance(signed, str) else None)
    facts = to_facts(kind_spec(kind), raw, notes)
    notes.suggestions.update(suggestions(raw))
    return (facts if isinstance(facts, dict) else {"kind": kind.id}), notes


def suggestions(raw: Mapping[str, Any]) -> dict[str, str]:
    """Return values the form offers for empty fields, by path: the 单位自称 from the unit's name
    (青禾县应急管理局 → 我局); empty when there is nothing to offer."""
    unit = raw.get("unit")
    if not isinstance(unit, Mapping):
        return {}
    name, own = unit.get("name"), unit.get("self_reference")
    if not isinstance(name, str) or (isinstance(own, str) and own.strip()):
        return {}
    reference = self_reference_for(name)
    return {"unit.self_reference": reference} if reference else {}


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
