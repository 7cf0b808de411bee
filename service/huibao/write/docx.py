"""The .docx writer: the layout template compiled once, each report zipped around its body.

The layout template (``templates/layout.docx``, or the office's own through
``HUIBAO_DOCX_TEMPLATE``) is read once per process and again only when its file changes
(:func:`compiled`). Compiling renders its docxtpl placeholders (``{{ title }}``, ``{{ unit }}``
in headers and footers) with markers, finds the ``{{p body }}`` paragraph, puts every property
into schema order, completes the font table, drops leftovers (stylesWithEffects, thumbnail,
an empty bibliography, foreign application properties) and deflates the parts that never
change. A render builds only document.xml, the core properties, the script's styles and font
table (cached per script) and any part naming the title or unit, then zips them.
"""

from __future__ import annotations

import hashlib
import io
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zipfile import BadZipFile, ZipFile

from docx.exceptions import PythonDocxError
from docx.opc.exceptions import OpcError

from huibao import resources
from huibao.compose.tree import Document, Role
from huibao.errors import ConfigError, UnsupportedMedia
from huibao.ooxml import body as wml
from huibao.ooxml import facts_part, package_parts
from huibao.write import docx_body, element_styles, fonts, layout
from huibao.write.package import Entry, assemble

#: Roles whose style a layout template must have; the others fall back to the body style.
REQUIRED_ROLES = ("body", "title", "h1", "h2", "h3", "h4")
_MARK = {"body": "HUIBAOxBODYx7e1", "title": "HUIBAOxTITLEx7e1", "unit": "HUIBAOxUNITx7e1"}


def template_path() -> Path:
    """Return the layout template in use: ``HUIBAO_DOCX_TEMPLATE`` or the bundled one."""
    return resources.layout_docx()


def _fill(xml: str, title: str, unit: str) -> str:
    """Return ``xml`` with the title and unit markers replaced by escaped text."""
    if _MARK["title"] in xml:
        xml = xml.replace(_MARK["title"], wml.esc(title).replace('"', "&quot;"))
    if _MARK["unit"] in xml:
        xml = xml.replace(_MARK["unit"], wml.esc(unit).replace('"', "&quot;"))
    return xml


@dataclass
class Compiled:
    """A layout template ready to wrap report bodies."""

    key: tuple[str, int, int]
    head: str  # document.xml up to the body
    tail: str  # document.xml after the body
    static: list[Entry]  # deflated once, in package order
    dynamic: dict[str, str]  # parts naming the title or unit, by part name
    styles: bytes
    font_table: bytes
    style_ids: dict[str, str]
    facts_names: facts_part.ItemNames
    _variants: dict[str, list[Entry]] = field(default_factory=dict)

    def variant(self, script: str) -> list[Entry]:
        """Return the deflated styles and font table for ``script`` (cached)."""
        entries = self._variants.get(script)
        if entries is None:
            styles, table = package_parts.script_variant(
                self.styles, self.font_table, fonts.lang(script), fonts.substitutes(script)
            )
            entries = [Entry.of("word/styles.xml", styles), Entry.of("word/fontTable.xml", table)]
            self._variants[script] = entries
        return entries


def _render_placeholders(data: bytes, path: Path) -> dict[str, bytes]:
    """Return the template's parts with its docxtpl placeholders rendered as markers."""
    from docxtpl import DocxTemplate  # compile time only
    from jinja2 import TemplateError

    try:
        tpl = DocxTemplate(io.BytesIO(data))
        tpl.render(dict(_MARK), autoescape=True)
        out = io.BytesIO()
        tpl.save(out)
    except TemplateError as exc:
        raise ConfigError(f"版式模板中的占位符有误（{exc}）：{path}") from exc
    with ZipFile(out) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def compile_template(path: Path) -> Compiled:
    """Return ``path`` compiled; raise ConfigError (in Chinese) when it is missing, not a
    .docx, or has no ``{{p body }}`` paragraph."""
    try:
        stat = path.stat()
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"版式模板不存在：{path}") from None
    except OSError as exc:
        raise ConfigError(f"版式模板无法读取（应为 .docx 文件）：{path}") from exc
    return compile_bytes(data, (str(path), stat.st_mtime_ns, stat.st_size), f"：{path}")


def compile_bytes(data: bytes, key: tuple[str, int, int], where: str = "") -> Compiled:
    """Return the layout template ``data`` compiled under cache ``key``; raise ConfigError (in
    Chinese, ending in ``where``) when it is not a .docx or has no ``{{p body }}`` paragraph."""
    try:
        ZipFile(io.BytesIO(data)).close()
    except BadZipFile as exc:
        raise ConfigError(f"版式模板无法读取（应为 .docx 文件）{where}") from exc
    path = Path(where.removeprefix("：") or "layout.docx")
    try:
        with ZipFile(io.BytesIO(data)) as zf:
            package_parts.check_namespace(zf.read("word/document.xml"))
        parts = _render_placeholders(data, path)
        pkg = package_parts.normalise(
            parts, _MARK["body"], layout.STYLE_NAMES, REQUIRED_ROLES, element_styles.defaults()
        )
        names = facts_part.declare(pkg.parts)
    except package_parts.NoBodyMarker as exc:
        raise ConfigError(f"版式模板缺少正文占位段落“{{{{p body }}}}”（须单独成段）{where}") from exc
    except package_parts.ForeignNamespace as exc:
        raise ConfigError(
            f"版式模板不是常规 Word 文档格式（请在 Word/WPS 中另存为 .docx，不选“严格 Open XML”）{where}"
        ) from exc
    except package_parts.MissingStyle as exc:
        raise ConfigError(f"版式模板缺少样式“{exc.args[0]}”{where}") from exc
    except (KeyError, ValueError, SyntaxError, AttributeError, TypeError, IndexError, BadZipFile,
            PythonDocxError, OpcError) as exc:  # a part missing, of the wrong kind or root element
        raise ConfigError(f"版式模板已损坏或不是 Word 文档{where}") from exc
    static: list[Entry] = []
    dynamic: dict[str, str] = {}
    for name, content in pkg.parts.items():
        text = content.decode("utf-8") if name.endswith((".xml", ".rels")) else ""
        if text and (_MARK["title"] in text or _MARK["unit"] in text):
            dynamic[name] = text
        else:
            static.append(Entry.of(name, content, level=9))
    static.append(Entry.of(names.rels, facts_part.props_rels_xml(names), level=9))
    return Compiled(
        key=key,
        head=pkg.head,
        tail=pkg.tail,
        static=static,
        dynamic=dynamic,
        styles=pkg.styles,
        font_table=pkg.font_table,
        style_ids=pkg.style_ids,
        facts_names=names,
    )


_lock = threading.Lock()
_cache: list[Compiled] = []


def compiled() -> Compiled:
    """Return the compiled layout template in use, compiling it on first use and whenever
    its file changes (path, modification time or size)."""
    path = template_path()
    try:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = (str(path), -1, -1)
    if _cache and _cache[0].key == key:
        return _cache[0]
    with _lock:
        if not (_cache and _cache[0].key == key):
            _cache[:] = [compile_template(path)]
        return _cache[0]


def check_layout_template() -> None:
    """Compile the layout template in use; raise ConfigError (Chinese) when it is unusable."""
    compiled()


#: Uploaded layouts (an office's own), compiled once each, by content digest; the newest last.
_uploaded: dict[str, Compiled] = {}
UPLOADED_CACHE = 16


def compiled_upload(data: bytes) -> Compiled:
    """Return the uploaded layout template ``data`` compiled (cached by its SHA-256)."""
    digest = hashlib.sha256(data).hexdigest()
    found = _uploaded.get(digest)
    if found is not None:
        return found
    with _lock:
        found = _uploaded.get(digest)
        if found is None:
            found = compile_bytes(data, (digest, 0, len(data)))
            _uploaded[digest] = found
            while len(_uploaded) > UPLOADED_CACHE:
                del _uploaded[next(iter(_uploaded))]
        return found


def check_layout_bytes(data: bytes) -> None:
    """Compile an uploaded layout template; raise UnsupportedMedia (Chinese, field ``layout``)
    when it cannot lay reports out."""
    try:
        compiled_upload(data)
    except ConfigError as exc:
        raise UnsupportedMedia(str(exc), field="layout") from exc


def write(document: Document, *, sealed: bool = False, layout: bytes | None = None) -> bytes:
    """Return the .docx bytes of ``document`` laid out by the layout template, carrying the
    document's facts (an empty facts item when it has none).

    ``layout`` is an office's own layout template (None: the one in use); ``sealed`` lays the
    signature block out for a seal (GB/T 9704 7.3.5.1); the default is the unsealed layout
    (7.3.5.2).
    """
    c = compiled() if layout is None else compiled_upload(layout)
    unit = next((b.text for b in document.blocks if b.role is Role.SIGNATURE), "")
    title = document.title
    body = docx_body.body_xml(document, c.style_ids, sealed=sealed)
    xml = _fill(c.head, title, unit) + body + _fill(c.tail, title, unit)
    core = wml.core_properties(title, unit, datetime.now(UTC), fonts.lang(document.script))
    item = facts_part.item_xml(document.facts)
    entries = [
        *c.static,
        *c.variant(document.script),
        Entry.of("word/document.xml", xml.encode("utf-8"), level=1),
        Entry.of("docProps/core.xml", core.encode("utf-8"), level=1),
        Entry.of(c.facts_names.item, item, level=1),
        Entry.of(c.facts_names.props, facts_part.props_xml(item), level=1),
        *(Entry.of(name, _fill(text, title, unit).encode("utf-8")) for name, text in c.dynamic.items()),
    ]
    return assemble(entries)
