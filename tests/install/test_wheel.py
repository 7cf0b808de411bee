"""The wheel as a new user installs it: a fresh virtualenv, an empty folder, every surface.

Slow (it builds the wheel and installs its dependencies), so it runs once per session and
shares one installation across its tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.live import live_server

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.json"))
FORMATS = ("docx", "txt", "html", "md")

pytestmark = pytest.mark.install


class Installed:
    """A virtualenv holding the built wheel, and an empty folder to work in."""

    def __init__(self, root: Path, wheel: Path) -> None:
        self.wheel = wheel
        self.venv = root / "venv"
        self.work = root / "empty"
        self.work.mkdir()
        self.bin = self.venv / "bin"

    def huibao(self, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [str(self.bin / "huibao"), *args], cwd=self.work, input=stdin, capture_output=True,
            timeout=120,
        )

    def python(self, code: str) -> str:
        run = subprocess.run(
            [str(self.bin / "python"), "-c", code], cwd=self.work, capture_output=True, text=True,
            timeout=60, check=True,
        )
        return run.stdout.strip()


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    root = tmp_path_factory.mktemp("wheel")
    dist = root / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next(dist.glob("huibao-*.whl"))
    env = Installed(root, wheel)
    venv.create(env.venv, with_pip=True)
    subprocess.run(
        [str(env.bin / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True, capture_output=True, timeout=600,
    )
    yield env


def test_the_wheel_holds_the_package_and_its_resources(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    assert not any(n.startswith("service/") for n in names), "no top-level `service` package"
    expected = {
        *(f"huibao/templates/{p.relative_to(ROOT / 'templates')}" for p in (ROOT / "templates").rglob("*")
          if p.is_file()),
        *(f"huibao/glossary/{p.name}" for p in (ROOT / "glossary").iterdir() if p.is_file()),
        *(f"huibao/static/{p.name}" for p in (ROOT / "service/huibao/static").iterdir() if p.is_file()),
    }
    assert expected <= names, sorted(expected - names)


def test_the_installed_package_is_imported_not_the_checkout(installed: Installed) -> None:
    location = installed.python("import huibao; print(huibao.__file__)")
    assert location.startswith(str(installed.venv)), location
    assert installed.python("import importlib.util as u; print(u.find_spec('service'))") == "None"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_renders_in_every_format_from_an_empty_folder(
    installed: Installed, sample: Path
) -> None:
    for fmt in FORMATS:
        out = installed.work / f"{sample.stem}.{fmt}"
        run = installed.huibao("render", str(sample), "-f", fmt, "-o", str(out))
        assert run.returncode == 0, run.stderr.decode()
        assert out.stat().st_size > 200
    for script in ("zh-Hant", "zh-Hant-TW", "zh-Hant-HK"):
        run = installed.huibao("render", str(sample), "-f", "txt", "--script", script)
        assert run.returncode == 0, run.stderr.decode()


def test_python_dash_m_huibao_is_the_cli(installed: Installed) -> None:
    run = subprocess.run([str(installed.bin / "python"), "-m", "huibao", "kinds", "--json"],
                         cwd=installed.work, capture_output=True, timeout=60)
    assert run.returncode == 0
    assert {k["id"] for k in json.loads(run.stdout)} >= {"situation_report", "work_brief"}


def test_conversion_uses_the_bundled_glossary(installed: Installed) -> None:
    run = installed.huibao("convert", "-", "--to", "zh-Hant", stdin="舍小家为大家".encode())
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode().startswith("捨小家")


def test_every_surface_is_served(installed: Installed) -> None:
    body = (ROOT / "samples" / SAMPLES[0].name).read_bytes()
    with live_server(command=[str(installed.bin / "huibao")], cwd=installed.work) as base:
        for path in ("/", "/convert", "/check", "/docs", "/openapi.json", "/healthz"):
            with urllib.request.urlopen(f"{base}{path}", timeout=30) as r:
                assert r.status == 200, path
        with urllib.request.urlopen(f"{base}/docs", timeout=30) as r:
            page = r.read().decode()
        for asset in ("/static/docs/swagger-ui-bundle.js", "/static/docs/swagger-ui.css"):
            assert asset in page
            with urllib.request.urlopen(f"{base}{asset}", timeout=30) as r:
                assert r.status == 200
        request = urllib.request.Request(
            f"{base}/api/reports", data=body, headers={"Content-Type": "application/json"}, method="POST"
        )
        with urllib.request.urlopen(request, timeout=60) as r:
            assert r.status == 200
            assert r.read()[:2] == b"PK"
