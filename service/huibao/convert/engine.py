"""The one place that builds OpenCC converters and reads OpenCC's dictionaries.

OpenCC is imported here only, and only when a converter or a dictionary is first asked for: a
text render that converts nothing never loads it. Everything built is built once, under a lock,
and shared by every thread.

- :func:`converter` — an OpenCC config (``s2t``, ``s2twp``, ``t2s`` …) with the office glossary
  loaded as a user dictionary (see ``glossary/README.md``); rebuilt when a glossary file changes.
- :func:`plain_converter` — OpenCC's own config, no glossary (character classes, test oracles).
- :func:`dictionary` — one of OpenCC's dictionaries (``STCharacters`` …) as key → candidates.

Generated configs and exported dictionaries live in a private cache folder (see :func:`cache_dir`).
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

from huibao import settings
from huibao.convert import glossary
from huibao.once import BuiltOnce

# Bump when the way configs are generated changes, so stale cache folders are not reused.
_CONFIG_FORMAT = "3"


class Converter(Protocol):
    """What huibao uses of an ``opencc.OpenCC`` object."""

    def convert(self, text: str) -> str: ...


_cache: BuiltOnce[tuple[str, ...]] = BuiltOnce()
_built = _cache.built  # converters and tables by key; an edited glossary's are dropped from it


def once(key: tuple[str, ...], build: Callable[[], Any]) -> Any:
    """Return the conversion value built under ``key`` (built once, see :mod:`huibao.once`)."""
    return _cache.get(key, build)


def opencc_module() -> ModuleType:
    """Return the imported ``opencc`` package (imported on the first call)."""
    import opencc

    return opencc


def _opencc_root() -> Path:
    return once(("opencc-root",), lambda: Path(str(opencc_module().__file__)).parent / "clib")  # type: ignore[no-any-return]


def share_dir() -> Path:
    """Return the folder of OpenCC's bundled configs and dictionaries."""
    return _opencc_root() / "share" / "opencc"


# ---------------------------------------------------------------------------------------------
# Private cache folder
# ---------------------------------------------------------------------------------------------


def _private_ok(path: Path) -> bool:
    """Return True when ``path`` is a real folder (no symlink) owned by us with mode 0700."""
    try:
        st = path.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    return stat.S_IMODE(st.st_mode) & 0o077 == 0


def _make_private(path: Path) -> bool:
    """Create ``path`` (parents as needed) with mode 0700; return True when it is private."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return False
    if not _private_ok(path):
        try:  # our own folder left with a wider mode: narrow it, then look again
            if path.lstat().st_uid == os.getuid() and not path.is_symlink():
                path.chmod(0o700)
        except (OSError, AttributeError):
            return False
    return _private_ok(path)


def _cache_candidates() -> list[Path]:
    """Return the cache folders to try, best first."""
    configured = settings.text("HUIBAO_CACHE_DIR")
    if configured:
        return [Path(configured).expanduser()]
    out: list[Path] = []
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    with contextlib.suppress(RuntimeError):  # no home folder (a service account): temp only
        out.append((Path(xdg) if xdg else Path.home() / ".cache") / "huibao")
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return [*out, Path(tempfile.gettempdir()) / f"huibao-{uid}"]


def cache_dir() -> Path:
    """Return huibao's private cache folder for generated OpenCC files, created once.

    ``HUIBAO_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/huibao`` (``~/.cache/huibao``), else
    ``huibao-<uid>`` in the system temporary folder. A folder is used only when it is a real
    folder owned by this user with mode 0700; when none is, a fresh private folder is made
    with :func:`tempfile.mkdtemp` for this process.
    """

    def build() -> Path:
        for candidate in _cache_candidates():
            if _make_private(candidate):
                return candidate
        return Path(tempfile.mkdtemp(prefix="huibao-"))

    return once(("cache-dir", settings.text("HUIBAO_CACHE_DIR")), build)  # type: ignore[no-any-return]


def convert_pieces(convert: Callable[[str], str], pieces: list[str]) -> list[str]:
    """Return every piece converted on its own, with one call of ``convert`` when possible.

    The pieces are joined by a private-use character none of them holds: OpenCC leaves it alone
    and no phrase reaches across it, so each piece converts as if alone. Falls back to one call
    per piece if the joined result does not split back into as many pieces.
    """
    if len(pieces) < 2:
        return [convert(p) if p else p for p in pieces]
    joined = "".join(pieces)
    sentinel = next((chr(c) for c in range(0xE000, 0xE008) if chr(c) not in joined), "")
    if not sentinel:  # a text full of private-use characters: one pass to see which are free
        present = set(joined)
        sentinel = next((chr(c) for c in range(0xE000, 0xF900) if chr(c) not in present), "")
    if sentinel:
        out = convert(sentinel.join(pieces)).split(sentinel)
        if len(out) == len(pieces):
            return out
    return [convert(p) if p else p for p in pieces]


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


# ---------------------------------------------------------------------------------------------
# OpenCC's own configs and dictionaries
# ---------------------------------------------------------------------------------------------


def plain_converter(config: str) -> Converter:
    """Return OpenCC's own ``config`` (``s2t``, ``t2s.json`` …) without the glossary, built once."""
    name = config.removesuffix(".json")
    return once(("plain", name), lambda: opencc_module().OpenCC(f"{name}.json"))  # type: ignore[no-any-return]


def dictionary(name: str, first: str = "") -> dict[str, list[str]]:
    """Return OpenCC's dictionary ``name`` (``STCharacters``, ``TWVariants`` …) as key → candidates;
    with ``first``, only the keys starting with one of its characters (cheaper for a large one).

    Exported once per OpenCC version with OpenCC's ``opencc_dict`` tool into the cache folder.
    Raises OSError when the tool cannot run.
    """

    def build() -> dict[str, list[str]]:
        import subprocess  # only here: importing it costs more than a text render

        version = str(getattr(opencc_module(), "__version__", "0"))
        folder = cache_dir() / f"dict-{version}"
        folder.mkdir(mode=0o700, exist_ok=True)
        target = folder / f"{name}.txt"
        if not target.is_file():
            tmp = folder / f".{name}.{os.getpid()}.{threading.get_ident()}.txt"
            tool = _opencc_root() / "bin" / "opencc_dict"
            source = share_dir() / f"{name}.ocd2"
            try:
                subprocess.run(
                    [str(tool), "-i", str(source), "-o", str(tmp), "-f", "ocd2", "-t", "text"],
                    check=True,
                    capture_output=True,
                    timeout=60,
                )
            except subprocess.SubprocessError as exc:
                raise OSError(f"opencc_dict {name}: {exc}") from exc
            os.replace(tmp, target)
        if starts:  # the subset is kept beside the whole, so later processes read only it
            chars = frozenset(starts)
            subset = folder / f"{name}.{'-'.join(f'{ord(c):x}' for c in starts)}.txt"
            if not subset.is_file():
                lines = target.read_text(encoding="utf-8").splitlines()
                _write_atomic(subset, "".join(f"{line}\n" for line in lines if line[:1] in chars))
            target = subset
        table: dict[str, list[str]] = {}
        for line in target.read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            if key:
                table[key] = values.split()
        return table

    starts = "".join(sorted(set(first)))
    return once(("dict", name, starts), build)  # type: ignore[no-any-return]


def _installation() -> str:
    """Return a short description of the installed OpenCC (location and file times), found
    without importing it; "" when it is not installed."""

    def describe() -> str:
        import importlib.util

        spec = importlib.util.find_spec("opencc")
        if spec is None or not spec.origin:
            return ""
        package = Path(spec.origin).parent
        parts = [str(package)]
        for path in (Path(spec.origin), package / "clib" / "share" / "opencc"):
            try:
                st = path.stat()
            except OSError:
                parts.append("-")
            else:
                parts.append(f"{st.st_mtime_ns}:{st.st_size}")
        return "|".join(parts)

    return once(("installation",), describe)  # type: ignore[no-any-return]


def persisted(name: str, build: Callable[[], Any]) -> Any:
    """Return JSON data derived from OpenCC (and the glossary): built once, kept in the private
    cache folder, so later processes read it without loading OpenCC at all.

    ``build`` returns lists, dicts, strings and numbers; it runs again when OpenCC is reinstalled
    or a glossary file changes. Use it for tables a check needs on every text (character
    classes, the traditional forms of fixed words).
    """
    key = glossary.fingerprint(f"{_CONFIG_FORMAT}|{_installation()}")

    def load() -> Any:
        folder = cache_dir() / f"derived-{key}"
        path = folder / f"{name}.json"
        if path.is_file():
            try:
                return json.loads(path.read_text(encoding="utf-8"))
            except ValueError:  # a damaged file: build it again
                pass
        value = build()
        folder.mkdir(mode=0o700, exist_ok=True)
        _write_atomic(path, json.dumps(value, ensure_ascii=False))
        return value

    return once(("persisted", name, key), load)


# ---------------------------------------------------------------------------------------------
# OpenCC configs with the glossary loaded as user dictionaries
# ---------------------------------------------------------------------------------------------


def _text_dict(directory: Path, name: str, pairs: dict[str, str]) -> dict[str, Any] | None:
    """Write an OpenCC text dictionary (sorted ``key<TAB>value``) and return its dict spec."""
    if not pairs:
        return None
    path = directory / f"{name}.txt"
    _write_atomic(path, "".join(f"{k}\t{pairs[k]}\n" for k in sorted(pairs)))
    return {"type": "text", "file": str(path)}


def _absolutise(node: Any, share: Path) -> Any:
    """Return a copy of an OpenCC config node with every dictionary file made absolute."""
    if isinstance(node, dict):
        out = {k: _absolutise(v, share) for k, v in node.items()}
        if "file" in out and not os.path.isabs(out["file"]):
            out["file"] = str(share / out["file"])
        return out
    if isinstance(node, list):
        return [_absolutise(v, share) for v in node]
    return node


def _mentions(node: Any, filename: str) -> bool:
    if isinstance(node, dict):
        if str(node.get("file", "")).endswith(filename):
            return True
        return any(_mentions(v, filename) for v in node.values())
    if isinstance(node, list):
        return any(_mentions(v, filename) for v in node)
    return False


def _front(user: dict[str, Any] | None, original: dict[str, Any], policy: str = "union") -> dict[str, Any]:
    """Return a dict group with ``user`` first. ``union``: the longest match among all wins and
    ties go to ``user``, so glossary phrases join OpenCC's longest-match like its own phrases."""
    if user is None:
        return original
    return {"type": "group", "match_policy": policy, "dicts": [user, original]}


def _build_config(name: str, directory: Path) -> Path:
    """Write ``directory/name.json``: OpenCC's ``name`` config with the glossary loaded."""
    share = share_dir()
    config = _absolutise(json.loads((share / f"{name}.json").read_text("utf-8")), share)
    simplifying = name.startswith(("t2s", "tw2s", "hk2s"))
    phrases_file = "TSPhrases.ocd2" if simplifying else "STPhrases.ocd2"
    if simplifying:
        pairs = glossary.glossary_pairs("t2s")
        regional: dict[str, str] = {}
    else:
        pairs = glossary.glossary_pairs("s2t")
        region = "s2tw" if name.startswith("s2tw") else "s2hk" if name.startswith("s2hk") else ""
        regional = glossary.glossary_pairs(region) if region else {}
        pairs.update(regional)
    user = _text_dict(directory, f"{name}.glossary", pairs)
    # Regional values are final forms: later (variant) stages must leave them alone.
    protect = _text_dict(directory, f"{name}.protect", {v: v for v in regional.values()})

    chain = config["conversion_chain"]
    phrase_stage = next(i for i, st in enumerate(chain) if _mentions(st["dict"], phrases_file))
    for index, stage in enumerate(chain):
        if index == phrase_stage:
            stage["dict"] = _front(user, stage["dict"])
        elif index > phrase_stage:
            stage["dict"] = _front(protect, stage["dict"], "short_circuit")
    # Configs without a segmentation (s2t, t2s) segment by longest prefix match of the first
    # conversion dictionary, which now starts with the glossary; the others get it added.
    if user is not None and "segmentation" in config:
        config["segmentation"]["dict"] = _front(user, config["segmentation"]["dict"])
    config["name"] = f"huibao {name} (glossary loaded)"
    path = directory / f"{name}.json"
    _write_atomic(path, json.dumps(config, ensure_ascii=False, indent=1))
    return path


def _config_path(name: str, directory: Path) -> Path:
    """Return ``directory/name.json``, generating it unless an earlier process did: the folder
    is named after the glossary's content and OpenCC's version, so what is there is current."""
    path = directory / f"{name}.json"
    return path if path.is_file() else _build_config(name, directory)


def _fingerprint() -> str:
    def describe() -> str:
        return f"{_CONFIG_FORMAT}|{getattr(opencc_module(), '__version__', '')}|{share_dir()}"

    return glossary.fingerprint(once(("opencc-describe",), describe))


def converter(name: str) -> Converter:
    """Return OpenCC config ``name`` (``s2t``, ``s2tw``, ``s2twp``, ``t2s`` …) with the glossary.

    Built once per glossary content: editing a glossary file changes its fingerprint, so the
    next call builds a fresh converter.
    """
    fingerprint = _fingerprint()

    def build() -> Converter:
        for key in [k for k in _built if k[0] == "glossary" and k[2] != fingerprint]:
            del _built[key]  # converters of an edited glossary are not used again
        directory = cache_dir() / f"config-{fingerprint}"
        directory.mkdir(mode=0o700, exist_ok=True)
        return opencc_module().OpenCC(str(_config_path(name, directory)))  # type: ignore[no-any-return]

    return once(("glossary", name, fingerprint), build)  # type: ignore[no-any-return]
