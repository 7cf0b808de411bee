"""Alembic environment: runs on the connection huibao.store.migrate passes in (online only)."""

from __future__ import annotations

from alembic import context

from huibao.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - huibao always passes its connection
    raise RuntimeError("huibao migrations run through huibao.store.migrate (huibao db upgrade)")
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
