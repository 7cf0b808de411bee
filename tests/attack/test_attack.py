"""The attack suite: hostile requests against a live two-worker server.

Each request must be answered 2xx/4xx (never 5xx: a 503 would mean it ran past the server's time
budget), no worker may die or be replaced, and no worker's peak memory may grow by more than
300 MB. Then sixteen clients send ordinary reports while an attacker repeats the suite: every
ordinary request must succeed. Bounded: each request has a client timeout, the loops are finite.
"""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.attack.payloads import JSON, SMALL, Attack, attacks
from tests.live import live_process

SERVER_ENV = {"HUIBAO_DEADLINE_S": "15", "HUIBAO_MAX_WORKER_MB": "4096"}
MEMORY_BUDGET_MB = 300


def send(base: str, attack: Attack, timeout: float = 60) -> tuple[int, int]:
    """Return (status, body length) of one request."""
    url = urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port, timeout=timeout)
    try:
        conn.request(attack.method, attack.path, body=attack.body, headers=attack.headers)
        response = conn.getresponse()
        return response.status, len(response.read())
    finally:
        conn.close()


def workers(supervisor: int) -> dict[int, int]:
    """Return worker pid → peak resident memory in MB (VmHWM)."""
    out: dict[int, int] = {}
    children = Path(f"/proc/{supervisor}/task/{supervisor}/children").read_text().split()
    for pid in map(int, children):
        try:
            if b"spawn_main" not in Path(f"/proc/{pid}/cmdline").read_bytes():
                continue
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        peak = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
        out[pid] = int(peak.split()[1]) // 1024
    return out


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, int]]:
    with live_process("--workers", "2", env=SERVER_ENV) as (base, proc):
        for _ in range(4):  # warm both workers (templates, OpenCC, layout) before measuring
            send(base, Attack("warm", "/api/reports?format=docx", json.dumps(SMALL).encode(), JSON))
            send(base, Attack("warm", "/api/convert", b'{"text": "a", "to": "zh-Hant"}', JSON))
        yield base, proc.pid


ATTACKS = attacks()


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
def test_each_attack_is_answered_without_harm(server: tuple[str, int], attack: Attack) -> None:
    base, supervisor = server
    before = workers(supervisor)
    status, length = send(base, attack)
    assert status in attack.allowed, f"{attack.name}: {status}"
    assert length < 8 * 1024 * 1024, f"{attack.name}: answered {length} bytes"
    after = workers(supervisor)
    assert set(after) == set(before), "a worker died or was replaced"
    grown = {pid: after[pid] - before[pid] for pid in after}
    assert max(grown.values()) <= MEMORY_BUDGET_MB, f"{attack.name}: peak memory grew {grown} MB"
    assert send(base, Attack("health", "/healthz", method="GET"))[0] == 200


def test_ordinary_clients_lose_nothing_while_attacked(server: tuple[str, int]) -> None:
    base, supervisor = server
    before = set(workers(supervisor))
    report = Attack("ordinary", "/api/reports?format=docx", json.dumps(SMALL).encode(), JSON)
    stop = threading.Event()
    attacked: list[int] = []

    def attacker() -> None:
        for attack in ATTACKS:
            if stop.is_set():
                return
            attacked.append(send(base, attack)[0])

    thread = threading.Thread(target=attacker)
    thread.start()
    try:
        with ThreadPoolExecutor(16) as pool:
            statuses = list(pool.map(lambda _: send(base, report)[0], range(16 * 8)))
    finally:
        stop.set()
        thread.join(timeout=300)
    assert statuses.count(200) == len(statuses), statuses
    assert attacked and all(s < 500 for s in attacked), attacked
    assert set(workers(supervisor)) == before
