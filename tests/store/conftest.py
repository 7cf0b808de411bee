"""Storage fixtures: every ``store`` test runs on SQLite and on PostgreSQL (one cluster per session)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text

from huibao.store.db import Store, open_store
from huibao.store.inputs import OfficeIn, SeriesIn
from huibao.store.models import Base, Office, Series
from huibao.store.offices import create_office, create_series
from tests.store.postgres import cluster


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """The URL of a database in a throwaway PostgreSQL cluster (skipped without PostgreSQL)."""
    with cluster() as url:
        yield url


@pytest.fixture(scope="session")
def pg_store(pg_url: str) -> Iterator[Store]:
    store = open_store(pg_url)
    yield store
    store.engine.dispose()


def empty(store: Store) -> None:
    """Delete every row of every table (PostgreSQL: identities restarted)."""
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with store.engine.begin() as conn:
        if store.engine.dialect.name == "postgresql":
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(text(f"DELETE FROM {table}"))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Store]:
    """A migrated, empty store on SQLite (a file in tmp_path) or on the session's PostgreSQL."""
    if request.param == "sqlite":
        s = open_store(f"sqlite:///{tmp_path / 'huibao.sqlite3'}")
        yield s
        s.engine.dispose()
    else:
        s = request.getfixturevalue("pg_store")
        empty(s)
        yield s


@pytest.fixture
def office(store: Store) -> Office:
    with store.write() as session:
        return create_office(session, OfficeIn(
            name="青禾县应急管理局", self_reference="我局", recipient="县人民政府",
            signature="青禾县应急管理局", code="青应急", keep=["干河村"]))


@pytest.fixture
def weekly(store: Store, office: Office) -> Series:
    with store.write() as session:
        return create_series(session, SeriesIn(
            office_id=office.id, name="森林防火周报", kind="situation_report", cadence="week",
            title_pattern="森林防火工作情况（第{issue}期）"))


FACTS: dict[str, Any] = {
    "kind": "situation_report",
    "topic": "森林防火",
    "as_of": "2026-03-06T18:00",
    "period": {"start": "2026-03-02", "end": "2026-03-06"},
    "signed_on": "2026-03-06",
    "counts": [
        {"label": "巡查林区", "value": 14, "measure": "片",
         "breakdown": [{"label": "重点林区", "value": 5, "measure": "片"}]},
        {"label": "排查火灾隐患", "value": 23, "measure": "处"},
    ],
}


@pytest.fixture
def facts() -> dict[str, Any]:
    import copy

    return copy.deepcopy(FACTS)


@pytest.fixture
def client(store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """An API client of a fresh app whose stored data lives in ``store``."""
    from fastapi.testclient import TestClient

    from huibao.app import create_app
    from huibao.store.db import reset_stores

    monkeypatch.setenv("HUIBAO_DATABASE_URL", store.url)
    reset_stores()
    with TestClient(create_app(check_resources=False)) as c:
        yield c
    reset_stores()


def live_site(folder: Any, office: OfficeIn | None = None) -> Iterator[tuple[str, Store, int]]:
    """Yield (base URL, store, series id) of a live server on its own SQLite file in ``folder``
    holding ``office`` (when given) with a weekly 森林防火周报 series and its first week of FACTS
    (series id 0 when there is no office)."""
    import copy

    from huibao.store.documents import create_document
    from tests.live import live_server

    url = f"sqlite:///{folder / 'site.sqlite3'}"
    store = open_store(url)
    series_id = 0
    if office is not None:
        with store.write() as s:
            made = create_office(s, office)
            series = create_series(s, SeriesIn(office_id=made.id, name="森林防火周报",
                                               kind="situation_report", cadence="week"))
            create_document(s, copy.deepcopy(FACTS), series_id=series.id)
            series_id = series.id
    with live_server(env={"HUIBAO_DATABASE_URL": url}) as base:
        yield base, store, series_id
    store.engine.dispose()
