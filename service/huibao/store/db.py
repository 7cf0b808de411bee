"""The database: where it is, one engine per URL, migrations run once per process.

``HUIBAO_DATABASE_URL`` names any SQLAlchemy URL (``postgresql+psycopg://…``); without it huibao
keeps a SQLite file ``huibao.sqlite3`` under ``HUIBAO_DATA_DIR`` (default: the per-user data folder,
``$XDG_DATA_HOME/huibao`` or ``~/.local/share/huibao``), created and migrated on first use.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from huibao import settings
from huibao.errors import ConfigError

_lock = threading.Lock()
_stores: dict[str, Store] = {}


def data_dir() -> Path:
    """Return the data folder: ``HUIBAO_DATA_DIR``, else the per-user data folder."""
    explicit = settings.path("HUIBAO_DATA_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "huibao"


def database_url() -> str:
    """Return the database URL: ``HUIBAO_DATABASE_URL``, else the SQLite file in :func:`data_dir`."""
    url = settings.text("HUIBAO_DATABASE_URL")
    if url:
        return url
    folder = data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise ConfigError(f"无法创建数据目录 {folder}（{exc.strerror}）") from None
    return f"sqlite:///{folder / 'huibao.sqlite3'}"


def _sqlite_setup(engine: Engine) -> None:
    """Make SQLite durable and serialisable for writers.

    WAL with ``synchronous=FULL``: a committed transaction survives a killed process (and a lost
    machine). pysqlite's own transaction handling is switched off so that writing sessions can
    start with ``BEGIN IMMEDIATE`` (the write lock taken up front: no upgrade deadlock).
    """

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("huibao_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@dataclass
class Store:
    """One database: its engine and session factories for reading and for writing."""

    url: str
    engine: Engine
    reader: sessionmaker[Session]
    writer: sessionmaker[Session]

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """Yield a session for reading (rolled back at the end)."""
        with self.reader() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """Yield a session whose transaction commits when the block ends without an error."""
        with self.writer() as session, session.begin():
            yield session


def open_store(url: str, migrate: bool = True) -> Store:
    """Return a new :class:`Store` for ``url``, migrated to the latest schema when ``migrate``."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError("HUIBAO_DATABASE_URL 不是有效的数据库地址") from None
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
    else:
        kwargs.update(pool_pre_ping=True, pool_size=10, max_overflow=20)
    engine = create_engine(parsed, **kwargs)
    if engine.dialect.name == "sqlite":
        _sqlite_setup(engine)
    write_engine = engine.execution_options(huibao_write=True)
    store = Store(
        url,
        engine,
        sessionmaker(engine, expire_on_commit=False),
        sessionmaker(write_engine, expire_on_commit=False),
    )
    if migrate:
        upgrade(store)
    return store


def get_store() -> Store:
    """Return the process-wide store for :func:`database_url`, opened and migrated once."""
    url = database_url()
    with _lock:
        store = _stores.get(url)
        if store is None:
            store = _stores[url] = open_store(url)
        return store


def reset_stores() -> None:
    """Forget (and dispose) every open store; the next :func:`get_store` opens afresh."""
    with _lock:
        for store in _stores.values():
            store.engine.dispose()
        _stores.clear()


@contextmanager
def _migration_lock(store: Store) -> Iterator[None]:
    """Hold a lock so that two processes never migrate the same database at once."""
    if store.is_sqlite and store.engine.url.database:
        with open(f"{store.engine.url.database}.migrate.lock", "a+b") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            yield
        return
    yield


def upgrade(store: Store, revision: str = "head") -> None:
    """Migrate ``store`` to ``revision`` (default: the latest schema); idempotent."""
    from huibao.store.migrate import current_revision, head_revision, run_upgrade

    with _migration_lock(store):
        if revision == "head" and current_revision(store.engine) == head_revision():
            return
        run_upgrade(store.engine, revision)


def ping(store: Store) -> None:
    """Run a trivial query; raise when the database does not answer."""
    with store.read() as session:
        session.execute(text("SELECT 1"))
