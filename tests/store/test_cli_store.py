"""The stored-data CLI on both databases: a week of a clerk's work, export and restore."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from huibao.cli import main
from huibao.store.db import Store, reset_stores


@pytest.fixture
def run(store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    """Run ``huibao ARGS…`` against ``store``; return (exit code, parsed JSON stdout or text, stderr)."""
    monkeypatch.setenv("HUIBAO_DATABASE_URL", store.url)
    reset_stores()

    def call(*argv: str) -> tuple[int, Any, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        try:
            return code, json.loads(out), err
        except ValueError:
            return code, out, err

    yield call
    reset_stores()


def test_a_clerks_weekly_report_from_the_command_line(
    run: Any, tmp_path: Path, facts: dict[str, Any]
) -> None:
    code, office, _ = run("office", "add", "青禾县应急管理局", "--self-reference", "我局", "--code", "青应急")
    assert code == 0 and office["code"] == "青应急"
    code, series, _ = run("series", "add", "青禾县应急管理局", "--name", "周报", "--kind", "情况汇报",
                          "--cadence", "week")
    assert series["kind"] == "situation_report"
    first = tmp_path / "first.json"
    first.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    _, doc, _ = run("documents", "add", str(first), "--series", str(series["id"]))
    assert doc["issue"] == 1
    draft = tmp_path / "draft.json"
    code, nxt, err = run("next", str(series["id"]), "-o", str(draft))
    assert code == 0 and nxt["issue"] == 2 and "第 2 期" in err
    new = json.loads(draft.read_text(encoding="utf-8"))
    new["counts"][1]["value"] = 30
    draft.write_text(json.dumps(new, ensure_ascii=False), encoding="utf-8")
    code, saved, _ = run("documents", "save", str(nxt["id"]), str(draft), "--version", "1")
    assert code == 0 and saved["version"] == 2
    code, _, err = run("documents", "save", str(nxt["id"]), str(draft), "--version", "1")
    assert code == 2 and "两个版本都已保留" in err
    code, final, _ = run("documents", "finalize", str(nxt["id"]))
    assert final["number"] == "青应急〔2026〕1号"
    code, text, _ = run("documents", "render", str(nxt["id"]), "-f", "txt")
    assert code == 0 and "比上周增加7处" in text
    _, listed, _ = run("documents", "list", "--series", str(series["id"]))
    assert [d["issue"] for d in listed] == [2, 1]


def test_export_then_restore_gives_back_the_same_office(
    run: Any, tmp_path: Path, facts: dict[str, Any]
) -> None:
    run("office", "add", "东坪镇人民政府", "--code", "东政")
    source = tmp_path / "facts.json"
    source.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    _, doc, _ = run("documents", "add", str(source))
    run("documents", "finalize", str(doc["id"]))
    exported = tmp_path / "office.json"
    code, _, err = run("export", "东坪镇人民政府", "-o", str(exported))
    assert code == 0 and "1 份文稿" in err
    code, _, err = run("restore", str(exported))
    assert code == 2 and "--as" in err
    code, restored, _ = run("restore", str(exported), "--as", "东坪镇人民政府（恢复）")
    assert code == 0 and restored["code"] == "东政"
    again = tmp_path / "again.json"
    run("export", str(restored["id"]), "-o", str(again))
    before, after = (json.loads(p.read_text(encoding="utf-8")) for p in (exported, again))
    strip = {"id", "created_at", "updated_at", "finalized_at", "series_id"}
    assert [{k: v for k, v in d.items() if k not in strip} for d in before["documents"]] == \
        [{k: v for k, v in d.items() if k not in strip} for d in after["documents"]]
    assert after["serials"] == [{"year": 2026, "last": 1}]


def test_a_token_is_shown_once_and_stored_hashed(run: Any, store: Store) -> None:
    run("office", "add", "青禾县应急管理局")
    code, token, err = run("office", "token", "青禾县应急管理局", "--name", "夜间同步")
    assert code == 0 and token["token"].startswith("hb_") and "只显示这一次" in err
    from sqlalchemy import text

    with store.read() as s:
        stored = s.execute(text("SELECT digest FROM tokens")).scalar_one()
    assert token["token"] not in stored and len(stored) == 64
    _, listed, _ = run("office", "tokens", "青禾县应急管理局")
    assert [t["name"] for t in listed] == ["夜间同步"] and "token" not in listed[0]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("office", "show", "不存在的机关"), "找不到机关"),
        (("next", "99"), "找不到系列"),
        (("documents", "show", "99"), "找不到文稿"),
        (("series", "add", "1", "--name", "x", "--kind", "不存在", "--cadence", "week"), "找不到机关"),
    ],
)
def test_errors_are_one_chinese_line(run: Any, argv: tuple[str, ...], message: str) -> None:
    code, _, err = run(*argv)
    assert code == 2 and message in err and err.count("\n") == 1


def test_db_status_names_the_latest_revision(run: Any) -> None:
    code, status, _ = run("db", "upgrade")
    assert code == 0 and status["revision"] == status["latest"]
