"""Alembic, driven from code: the migrations ship inside the package (huibao/store/migrations)."""

from __future__ import annotations

from functools import cache

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

SCRIPT_LOCATION = "huibao.store:migrations"


def alembic_config() -> Config:
    """Return an Alembic configuration pointing at the bundled migrations (no alembic.ini)."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


@cache
def head_revision() -> str | None:
    """Return the latest revision id of the bundled migrations."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def revisions() -> list[str]:
    """Return every revision id, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def current_revision(engine: Engine) -> str | None:
    """Return the revision ``engine``'s database is at; None for an empty database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def run_upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database behind ``engine`` to ``revision`` in one transaction."""
    config = alembic_config()
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":  # two processes starting at once migrate in turn
            conn.execute(text("SELECT pg_advisory_xact_lock(4811)"))
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
