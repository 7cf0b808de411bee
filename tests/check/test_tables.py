"""The checker's OpenCC tables are current, and checking simplified text loads neither OpenCC
nor python-docx (a text render runs the checker on every report)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from huibao.check import opencc_tables, tables


def test_the_generated_tables_match_opencc() -> None:
    """Fails after an OpenCC upgrade or a new pattern word: run ``python -m huibao.check.tables``."""
    assert Path(opencc_tables.__file__).read_text(encoding="utf-8") == tables.render()


def test_every_pattern_word_is_in_the_table() -> None:
    assert set(tables.pattern_words()) <= set(opencc_tables.VARIANTS)


def _modules_after(text: str) -> list[str]:
    script = textwrap.dedent(
        f"""
        import sys
        from huibao.check.checker import check_text
        found = check_text({text!r})
        print(len(found), "opencc" in sys.modules, "docx" in sys.modules)
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return run.stdout.split()


def test_checking_simplified_text_loads_neither_opencc_nor_python_docx() -> None:
    assert _modules_after("截至月日时，累计排查XX人，干部关于范围") == ["2", "False", "False"]


def test_checking_traditional_text_loads_opencc_for_the_conversion_check() -> None:
    assert _modules_after("縣政府關于疫情防控工作的通知") == ["1", "True", "False"]
