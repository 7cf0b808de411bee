"""Where huibao's bundled files are, with an office's own files layered on top.

Every template, layout and glossary file is found here and nowhere else. In an installed wheel
the bundled files sit inside the package (``huibao/templates``, ``huibao/glossary``); in a source
checkout they are the top-level ``templates/`` and ``glossary/`` folders. An office overrides
them through configuration:

- ``HUIBAO_WORDING_DIR``: a folder of wording templates (``<kind>.j2``) searched before the bundled ones;
- ``HUIBAO_DOCX_TEMPLATE``: the office's own layout .docx;
- ``HUIBAO_GLOSSARY_DIR``: glossary files whose entries are added to (and win over) the bundled ones.

:func:`check` lists every missing resource so that start-up fails with one Chinese line instead
of a request failing later.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from huibao import settings
from huibao.errors import ConfigError

GLOSSARY_FILES = ("s2t.tsv", "t2s.tsv", "s2tw.tsv")


def _package_root() -> Path:
    return Path(str(files("huibao")))


def bundled(name: str) -> Path:
    """Return the bundled folder ``name`` (``templates``, ``glossary`` or ``static``).

    The installed package's copy wins; a source checkout falls back to the top-level folder.
    """
    inside = _package_root() / name
    if inside.is_dir():
        return inside
    checkout = _package_root().parents[1] / name
    return checkout if checkout.is_dir() else inside


def _env_path(variable: str) -> Path | None:
    return settings.path(variable)


def wording_dirs() -> list[Path]:
    """Return the folders searched for wording templates, the office's own first."""
    office = _env_path("HUIBAO_WORDING_DIR")
    bundled_dir = bundled("templates") / "wording"
    return [office, bundled_dir] if office else [bundled_dir]


def layout_docx() -> Path:
    """Return the layout .docx in use: ``HUIBAO_DOCX_TEMPLATE`` or the bundled one."""
    return _env_path("HUIBAO_DOCX_TEMPLATE") or bundled_layout_docx()


def bundled_layout_docx() -> Path:
    """Return the bundled layout .docx (the file ``python -m huibao.write.layout`` writes)."""
    return bundled("templates") / "layout.docx"


def html_templates_dir() -> Path:
    """Return the folder of the HTML report writer's templates."""
    return bundled("templates") / "html"


def web_templates_dir() -> Path:
    """Return the folder of the web pages' templates."""
    return bundled("templates") / "web"


def static_dir() -> Path:
    """Return the folder of the web pages' CSS, scripts and icons."""
    return _package_root() / "static"


def glossary_dirs() -> list[Path]:
    """Return the glossary folders, bundled first; later folders' entries win."""
    office = _env_path("HUIBAO_GLOSSARY_DIR")
    bundled_dir = bundled("glossary")
    return [bundled_dir, office] if office else [bundled_dir]


def problems() -> list[str]:
    """Return one Chinese line per missing or unreadable resource; [] when all are in place."""
    found: list[str] = []
    for directory in wording_dirs():
        if not directory.is_dir():
            found.append(f"措辞模板目录不存在：{directory}")
    for name, path in (
        ("版式模板", layout_docx()),
        ("网页模板目录", web_templates_dir()),
        ("HTML 模板目录", html_templates_dir()),
        ("静态文件目录", static_dir()),
    ):
        if not path.exists():
            found.append(f"{name}不存在：{path}")
    bundled_glossary = glossary_dirs()[0]
    for name in GLOSSARY_FILES:
        if not (bundled_glossary / name).is_file():
            found.append(f"词表文件不存在：{bundled_glossary / name}")
    office = _env_path("HUIBAO_GLOSSARY_DIR")
    if office is not None and not office.is_dir():
        found.append(f"词表目录不存在：{office}")
    return found


def check() -> None:
    """Raise ConfigError naming the first missing resource; return None when all are in place."""
    missing = problems()
    if missing:
        raise ConfigError(missing[0])
