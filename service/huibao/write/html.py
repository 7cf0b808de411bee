"""The HTML writer: a standalone page that looks like the printed A4 report.

The markup comes from ``templates/html/report.html.j2`` with autoescaping on, so user text is
always shown literally. :func:`fragment` returns just the page for embedding in the web form.
"""

from __future__ import annotations

from functools import cache

import jinja2

from huibao import resources
from huibao.compose.tree import FOOT_ROLES, Document, Role
from huibao.write import layout


def signature_em(document: Document) -> dict[str, float]:
    """Return the right indents, in characters, of the signature and date lines (as the .docx
    lays them out: GB/T 9704 7.3.5, unsealed)."""
    signature = next((b.text for b in document.blocks if b.role is Role.SIGNATURE), "")
    date = next((b.text for b in document.blocks if b.role is Role.DATE), "")
    sig, day = layout.signature_indents(signature, date)
    return {"signature": sig, "date": day}


def foot_classes(document: Document) -> dict[int, str]:
    """Return block index → rule classes of the 版记 / 报送发 lines: a thick rule above the
    first and below the last, a thin one above the 印发 line ({} when there is no foot)."""
    at = [i for i, b in enumerate(document.blocks) if b.role in FOOT_ROLES]
    out: dict[int, str] = {}
    for i in at:
        classes = []
        if i == at[0]:
            classes.append("hb-foot-first")
        elif document.blocks[i].role is Role.PRINTER:
            classes.append("hb-foot-thin")
        if i == at[-1]:
            classes.append("hb-foot-last")
        out[i] = " ".join(classes)
    return out


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.html_templates_dir())),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["signature_em"] = signature_em
    env.globals["foot_classes"] = foot_classes
    return env


def render(document: Document) -> str:
    """Return the full HTML page of ``document``."""
    return _env().get_template("report.html.j2").render(doc=document)


def fragment(document: Document) -> str:
    """Return only the ``<article>`` page and its ``<style>``, for embedding in another page."""
    module = _env().get_template("_page.j2").module
    return str(module.styles()) + str(module.page(document))  # type: ignore[attr-defined]


def write(document: Document) -> bytes:
    """Return the HTML page as UTF-8 bytes."""
    return render(document).encode("utf-8")
