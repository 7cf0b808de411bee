"""Migrations: from the first revision to the latest, data kept; the models match the schema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from huibao.store.db import Store, open_store, upgrade
from huibao.store.migrate import current_revision, head_revision, revisions
from huibao.store.models import Base


@pytest.fixture(params=["sqlite", "postgresql"])
def blank_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database (PostgreSQL: a new database in the session's cluster)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'blank.sqlite3'}"
        return
    url = make_url(request.getfixturevalue("pg_url"))
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS huibao_blank"))
        conn.execute(text("CREATE DATABASE huibao_blank"))
    yield url.set(database="huibao_blank").render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS huibao_blank WITH (FORCE)"))
    admin.dispose()


def test_first_revision_migrates_to_the_latest_with_data_kept(blank_url: str) -> None:
    store = open_store(blank_url, migrate=False)
    first, *_ = revisions()
    upgrade(store, first)
    assert current_revision(store.engine) == first
    assert "tokens" not in inspect(store.engine).get_table_names()
    with store.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO offices (name, keep, glossary, created_at) "
            "VALUES ('青禾县应急管理局', '[]', '[]', CURRENT_TIMESTAMP)"))
    upgrade(store)
    assert current_revision(store.engine) == head_revision()
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM offices")).scalar_one() == "青禾县应急管理局"
    assert "tokens" in inspect(store.engine).get_table_names()
    store.engine.dispose()


def test_models_match_the_latest_migration(blank_url: str) -> None:
    store: Store = open_store(blank_url)
    with store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    store.engine.dispose()
    assert differences == []


def test_upgrading_twice_changes_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'twice.sqlite3'}"
    open_store(url).engine.dispose()
    store = open_store(url)
    assert current_revision(store.engine) == head_revision()
    store.engine.dispose()
