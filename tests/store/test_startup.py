"""Where the data lives: HUIBAO_DATA_DIR (created and migrated as the server starts) or a URL."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from huibao.app import create_app
from huibao.errors import ConfigError
from huibao.store.db import database_url, open_store, reset_stores
from huibao.store.migrate import current_revision, head_revision


def test_the_server_creates_and_migrates_its_database_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data" / "huibao"
    monkeypatch.setenv("HUIBAO_DATA_DIR", str(folder))
    monkeypatch.delenv("HUIBAO_DATABASE_URL", raising=False)
    reset_stores()
    with TestClient(create_app(check_resources=False)):
        pass
    reset_stores()
    store = open_store(f"sqlite:///{folder / 'huibao.sqlite3'}", migrate=False)
    assert current_revision(store.engine) == head_revision()
    store.engine.dispose()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"HUIBAO_DATABASE_URL": "postgresql+psycopg://u@db/huibao"}, "postgresql+psycopg://u@db/huibao"),
        ({"HUIBAO_DATA_DIR": "{tmp}/d"}, "sqlite:///{tmp}/d/huibao.sqlite3"),
        ({"XDG_DATA_HOME": "{tmp}/xdg"}, "sqlite:///{tmp}/xdg/huibao/huibao.sqlite3"),
    ],
)
def test_database_url_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    for name in ("HUIBAO_DATABASE_URL", "HUIBAO_DATA_DIR", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value.format(tmp=tmp_path))
    assert database_url() == expected.format(tmp=tmp_path)


def test_a_malformed_database_url_is_a_chinese_config_error() -> None:
    with pytest.raises(ConfigError, match="数据库地址"):
        open_store("not a url")
