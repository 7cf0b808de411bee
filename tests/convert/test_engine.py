"""The OpenCC engine: loaded only when needed, built once under concurrency, private cache folder."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from huibao.convert import engine

ROOT = Path(__file__).resolve().parents[2]


def _python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120, check=True
    )
    return done.stdout.strip()


def test_importing_the_converter_and_planning_does_not_load_opencc() -> None:
    code = (
        "import sys\n"
        "from huibao.convert.converter import convert_text, plan\n"
        "from huibao.convert.options import ConversionOptions\n"
        "options = ConversionOptions.parse(to='zh-Hans', source='zh-Hans', keep=['余华'])\n"
        "assert convert_text('干部', options).text == '干部'\n"
        "assert plan('zh-Hans', 'zh-Hant-TW') == ['s2tw', 'quotes:corner']\n"
        "print('opencc' in sys.modules, 'docx' in sys.modules, 'subprocess' in sys.modules)\n"
    )
    assert _python(code) == "False False False"


def test_a_conversion_loads_opencc() -> None:
    code = (
        "import sys\n"
        "from huibao.convert.converter import convert_text\n"
        "from huibao.convert.options import ConversionOptions\n"
        "print(convert_text('干部', ConversionOptions.parse(to='zh-Hant', source='zh-Hans')).text,"
        " 'opencc' in sys.modules)\n"
    )
    assert _python(code) == "幹部 True"


def test_concurrent_first_callers_share_one_build(monkeypatch: pytest.MonkeyPatch) -> None:
    builds: list[int] = []
    gate = threading.Event()

    def slow_build() -> object:
        builds.append(1)
        gate.wait(0.2)  # hold the lock while the other threads arrive
        return object()

    results: list[object] = []
    threads = [
        threading.Thread(target=lambda: results.append(engine.once(("test", "shared"), slow_build)))
        for _ in range(16)
    ]
    try:
        for t in threads:
            t.start()
        gate.set()
        for t in threads:
            t.join()
    finally:
        engine._built.pop(("test", "shared"), None)
    assert len(builds) == 1
    assert len(results) == 16 and all(r is results[0] for r in results)


def test_concurrent_first_conversions_build_each_converter_once(monkeypatch: pytest.MonkeyPatch) -> None:
    module = engine.opencc_module()
    made: list[str] = []
    real = module.OpenCC

    def counting(config: str) -> object:
        made.append(config)
        return real(config)

    monkeypatch.setattr(module, "OpenCC", counting)
    for key in [k for k in engine._built if k[0] == "plain" and k[1] == "hk2s"]:
        monkeypatch.delitem(engine._built, key)
    out: list[str] = []
    threads = [
        threading.Thread(target=lambda: out.append(engine.plain_converter("hk2s").convert("發展")))
        for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == ["发展"] * 8
    assert made == ["hk2s.json"]


# --- private cache folder ---------------------------------------------------------------------


def _fresh_cache(monkeypatch: pytest.MonkeyPatch, path: Path) -> Path:
    monkeypatch.setenv("HUIBAO_CACHE_DIR", str(path))
    for key in [k for k in engine._built if k[0] == "cache-dir"]:
        monkeypatch.delitem(engine._built, key)
    return engine.cache_dir()


def test_cache_folder_is_created_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _fresh_cache(monkeypatch, tmp_path / "a" / "cache")
    assert folder == tmp_path / "a" / "cache"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_own_cache_folder_with_a_wide_mode_is_narrowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wide = tmp_path / "wide"
    wide.mkdir()
    wide.chmod(0o777)
    assert _fresh_cache(monkeypatch, wide) == wide
    assert stat.S_IMODE(wide.stat().st_mode) == 0o700


def test_symlinked_cache_folder_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "elsewhere"
    target.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(target)
    folder = _fresh_cache(monkeypatch, link)
    assert folder != link and not folder.is_symlink()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX ownership")
def test_cache_folder_owned_by_someone_else_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o700)
    real_uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real_uid + 1)  # we are now another user
    folder = _fresh_cache(monkeypatch, theirs)
    assert folder != theirs
    assert folder.stat().st_uid == real_uid and stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_default_cache_folder_is_per_user_not_a_shared_temp_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HUIBAO_CACHE_DIR", raising=False)
    candidates = engine._cache_candidates()
    assert all(p.name == "huibao" or p.name.endswith(f"-{os.getuid()}") for p in candidates), candidates


def test_a_glossary_edited_in_place_is_used_by_the_next_conversion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huibao.convert import glossary
    from huibao.convert.converter import ConversionOptions, convert_text

    folder = tmp_path / "glossary"
    folder.mkdir()
    entries = folder / "s2t.tsv"
    entries.write_text("发展\t发展\n", encoding="utf-8")
    monkeypatch.setenv("HUIBAO_GLOSSARY_DIR", str(folder))
    monkeypatch.setenv("HUIBAO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(glossary, "RECHECK_SECONDS", 0.0)

    def hant(text: str) -> str:
        return convert_text(text, ConversionOptions.parse(to="zh-Hant", source="zh-Hans")).text

    assert hant("发展") == "发展"
    entries.write_text("发展\t發展\n数据\t数据\n", encoding="utf-8")
    assert hant("发展数据") == "發展数据"


def test_persisted_tables_are_read_by_later_processes_without_opencc(tmp_path: Path) -> None:
    env = {**os.environ, "HUIBAO_CACHE_DIR": str(tmp_path / "cache")}
    code = (
        "import sys\n"
        "from huibao.convert import engine\n"
        "def build():\n"
        "    return {'干': engine.plain_converter('s2t').convert('干部')}\n"
        "print(engine.persisted('test-table', build)['干'], 'opencc' in sys.modules)\n"
    )

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert run() == "幹部 True"  # the first process builds the table with OpenCC
    assert run() == "幹部 False"  # the next one reads it and never loads OpenCC
    stored = next((tmp_path / "cache").glob("derived-*/test-table.json"))
    assert stat.S_IMODE(stored.parent.stat().st_mode) == 0o700


PRIVATE_USE = "".join(chr(c) for c in range(0xE000, 0xE010))


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        (["干部", "关于", ""], ["幹部", "關於", ""]),
        (["关", "于"], ["關", "於"]),  # no phrase across the cut (关于 would be 關於 anyway)
        (["头", "发展"], ["頭", "發展"]),  # 头发 is not read across the cut
        ([PRIVATE_USE + "干", "\ue001部"], [PRIVATE_USE + "幹", "\ue001部"]),  # the text holds the sentinels
    ],
)
def test_pieces_convert_as_if_alone_in_one_call(pieces: list[str], expected: list[str]) -> None:
    convert = engine.converter("s2t").convert
    assert engine.convert_pieces(convert, pieces) == expected
    assert [convert(p) for p in pieces] == expected


def test_detection_in_a_later_process_does_not_load_opencc(tmp_path: Path) -> None:
    env = {**os.environ, "HUIBAO_CACHE_DIR": str(tmp_path / "cache")}
    code = (
        "import sys\n"
        "from huibao.convert.detect import detect\n"
        "print(detect('疫情防控工作匯報').script, 'opencc' in sys.modules)\n"
    )
    outputs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
        ).stdout.strip()
        for _ in range(2)
    ]
    assert outputs == ["zh-Hant True", "zh-Hant False"]
