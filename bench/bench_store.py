"""Stored documents at scale: p95 of listing a series and of starting the next period on SQLite.

Fills a fresh SQLite database with N documents (default 100,000: 1,000 series of 100 periods in
20 offices, each document with one revision), then times, over random series, both operations
through the repository and through the HTTP API (in-process ASGI client). The baseline is the same
run on a database of N/100 documents in the same process: the ratio shows what the size costs.
Goal: p95 under 50 ms at 100,000 documents.

Usage: python bench/bench_store.py [N] [--samples 200]
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from huibao.store.db import Store, open_store, reset_stores
from huibao.store.documents import list_documents
from huibao.store.models import Document, Office, Revision, Series
from huibao.store.periods import start_next

FACTS: dict[str, Any] = {
    "kind": "situation_report",
    "unit": {"name": "青禾县应急管理局", "self_reference": "我局"},
    "recipient": "县人民政府",
    "topic": "森林防火",
    "as_of": "2026-03-06T18:00",
    "period": {"start": "2026-03-02", "end": "2026-03-06"},
    "signed_on": "2026-03-06",
    "counts": [
        {"label": f"事项{i}", "value": i * 7, "measure": "处",
         "breakdown": [{"label": f"分项{i}", "value": i, "measure": "处"}]}
        for i in range(8)
    ],
    "measures": [{"heading": "加强组织领导", "text": "召开专题会议部署落实。" * 5}],
}


def fill(store: Store, documents: int, per_series: int = 100, offices: int = 20) -> list[int]:
    """Insert ``documents`` documents (with one revision each); return the series ids."""
    series_count = max(1, documents // per_series)
    now = dt.datetime.now(dt.UTC)
    with store.engine.begin() as conn:
        conn.execute(Office.__table__.insert(), [
            {"id": o + 1, "name": f"机关{o + 1}", "keep": [], "glossary": [], "created_at": now}
            for o in range(offices)
        ])
        conn.execute(Series.__table__.insert(), [
            {"id": s + 1, "office_id": s % offices + 1, "name": f"周报{s + 1}", "kind": "situation_report",
             "cadence": "week", "issue": per_series, "created_at": now}
            for s in range(series_count)
        ])
        doc_id = 0
        batch: list[dict[str, Any]] = []
        revisions: list[dict[str, Any]] = []
        for s in range(series_count):
            for issue in range(1, per_series + 1):
                doc_id += 1
                facts = copy.deepcopy(FACTS)
                facts["counts"][0]["value"] = issue
                batch.append({"id": doc_id, "office_id": s % offices + 1, "series_id": s + 1, "issue": issue,
                              "kind": "situation_report", "title": f"第{issue}期", "facts": facts,
                              "status": "final" if issue < per_series else "draft", "version": 1,
                              "created_at": now, "updated_at": now})
                revisions.append({"document_id": doc_id, "version": 1, "based_on": None, "conflict": False,
                                  "facts": facts, "created_at": now})
                if len(batch) >= 5000:
                    conn.execute(Document.__table__.insert(), batch)
                    conn.execute(Revision.__table__.insert(), revisions)
                    batch, revisions = [], []
        if batch:
            conn.execute(Document.__table__.insert(), batch)
            conn.execute(Revision.__table__.insert(), revisions)
    return list(range(1, series_count + 1))


def p95_ms(fn: Callable[[int], object], ids: list[int], samples: int) -> float:
    """Return the 95th percentile in ms of ``fn(id)`` over ``samples`` random ids (after a warm-up)."""
    rng = random.Random(7)
    for _ in range(10):
        fn(rng.choice(ids))
    times = []
    for _ in range(samples):
        chosen = rng.choice(ids)
        start = time.perf_counter()
        fn(chosen)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.quantiles(times, n=20)[-1]


def measure(documents: int, samples: int) -> dict[str, float]:
    """Return p95 ms of each operation on a fresh database of ``documents`` documents."""
    from fastapi.testclient import TestClient

    from huibao.app import create_app

    folder = Path(tempfile.mkdtemp(prefix="huibao-bench-"))
    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    store = open_store(url)
    started = time.perf_counter()
    series = fill(store, documents)
    filled = time.perf_counter() - started

    def list_series(sid: int) -> object:
        with store.read() as s:
            return list_documents(s, series_id=sid, limit=50)

    def next_period(sid: int) -> object:
        with store.write() as s:
            return start_next(s, sid).id

    os.environ["HUIBAO_DATABASE_URL"] = url
    reset_stores()
    client = TestClient(create_app(check_resources=False))

    def api_list(sid: int) -> object:
        response = client.get("/api/documents", params={"series_id": sid})
        assert response.status_code == 200
        return response

    def api_next(sid: int) -> object:
        response = client.post(f"/api/series/{sid}/next")
        assert response.status_code == 201
        return response

    out = {
        "fill_s": filled,
        "list": p95_ms(list_series, series, samples),
        "next": p95_ms(next_period, series, samples),
        "api_list": p95_ms(api_list, series, samples),
        "api_next": p95_ms(api_next, series, samples),
    }
    store.engine.dispose()
    reset_stores()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000, help="documents (default 100000)")
    parser.add_argument("--samples", type=int, default=200, help="timed calls per operation")
    args = parser.parse_args()
    base = measure(max(100, args.n // 100), args.samples)
    full = measure(args.n, args.samples)
    baseline = max(100, args.n // 100)
    print(f"SQLite, {args.n:,} documents (filled in {full['fill_s']:.1f} s); baseline {baseline:,}")
    print(f"{'operation':<34}{'p95 ms':>9}{'baseline':>10}{'ratio':>8}  goal < 50 ms")
    names = {"list": "list a series (repository)", "next": "start next period (repository)",
             "api_list": "GET /api/documents?series_id=", "api_next": "POST /api/series/{id}/next"}
    for key, name in names.items():
        ok = "ok" if full[key] < 50 else "OVER"
        print(f"{name:<34}{full[key]:>9.2f}{base[key]:>10.2f}{full[key] / base[key]:>8.2f}  {ok}")


if __name__ == "__main__":
    main()
