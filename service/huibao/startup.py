"""Start-up checks: every resource in place and every wording template compiles, or one Chinese line.

``huibao serve`` and the ASGI app call :func:`check` before they accept a request, so a missing or
broken file (an office edited a wording template, moved its layout .docx) stops the start instead
of failing a request later; ``/healthz`` shows :func:`report`.
"""

from __future__ import annotations

import traceback
from importlib import import_module
from types import TracebackType

import jinja2

from huibao import resources
from huibao.errors import ConfigError


def template_error(exc: BaseException) -> ConfigError:
    """Return a ConfigError naming the wording template file and line where ``exc`` arose.

    Works for syntax errors (which carry their position) and for errors raised while a template
    runs (found from the traceback frame Jinja2 maps back to the template file).
    """
    filename, line = None, None
    if isinstance(exc, jinja2.TemplateSyntaxError):
        filename, line = exc.filename or exc.name, exc.lineno
    else:
        tb: TracebackType | None = exc.__traceback__
        for frame in traceback.extract_tb(tb):
            if frame.filename.endswith(".j2"):
                filename, line = frame.filename, frame.lineno
    where = f"{filename} 第 {line} 行" if filename else "措辞模板"
    detail = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return ConfigError(f"措辞模板有误（{where}）：{detail}")


def _wording_problems() -> list[str]:
    from huibao.compose.composer import environment
    from huibao.compose.kinds import KINDS

    found = []
    env = environment()
    for kind in KINDS.values():
        try:
            env.get_template(kind.template)
        except jinja2.TemplateNotFound:
            folders = "、".join(map(str, resources.wording_dirs()))
            found.append(f"措辞模板不存在：{kind.template}（查找目录：{folders}）")
        except jinja2.TemplateError as exc:
            found.append(template_error(exc).message)
    return found


def _layout_problems() -> list[str]:
    docx_writer = import_module("huibao.write.docx")
    checker = getattr(docx_writer, "check_layout_template", None)
    if checker is None:
        return []
    try:
        checker()
    except ConfigError as exc:
        return [exc.message]
    return []


def report() -> dict[str, str]:
    """Return each resource group → ``ok`` or the first Chinese problem found in it."""
    groups = {
        "resources": resources.problems,
        "wording": _wording_problems,
        "layout": _layout_problems,
    }
    out: dict[str, str] = {}
    for name, probe in groups.items():
        problems = probe()
        out[name] = problems[0] if problems else "ok"
        if problems and name == "resources":  # the later probes need the files
            break
    return out


def check() -> None:
    """Raise ConfigError with the first problem found; return None when everything is in place."""
    for value in report().values():
        if value != "ok":
            raise ConfigError(value)
