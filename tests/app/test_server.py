"""`huibao serve` under abuse: slow clients are cut off, a killed worker is replaced."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.live import live_process, live_server

TIMEOUTS = {"HUIBAO_HEADER_TIMEOUT_S": "1", "HUIBAO_BODY_TIMEOUT_S": "1"}


@pytest.fixture(scope="module")
def impatient() -> Iterator[str]:
    with live_server(env=TIMEOUTS) as base:
        yield base


def _connect(base: str) -> socket.socket:
    url = urlsplit(base)
    sock = socket.create_connection((url.hostname, url.port), timeout=10)
    return sock


def _read_all(sock: socket.socket) -> bytes:
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_a_connection_that_sends_nothing_is_closed(impatient: str) -> None:
    with _connect(impatient) as sock:
        started = time.monotonic()
        assert _read_all(sock) == b""
        assert time.monotonic() - started < 8


def test_a_request_head_sent_byte_by_byte_is_cut_off(impatient: str) -> None:
    with _connect(impatient) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        time.sleep(0.5)
        sock.sendall(b"X-Slow: 1\r\n")  # still no end of head: the timer is not reset
        assert _read_all(sock) == b""


def test_a_body_that_stops_arriving_gets_408(impatient: str) -> None:
    with _connect(impatient) as sock:
        sock.sendall(
            b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000\r\n\r\n{\"text\": \"abc"
        )
        answer = _read_all(sock).decode("utf-8", "replace")
    assert answer.startswith("HTTP/1.1 408")
    assert "请求体发送过慢" in answer


def test_a_kept_alive_connection_still_serves_prompt_requests(impatient: str) -> None:
    url = urlsplit(impatient)
    conn = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port, timeout=10)
    try:
        for _ in range(3):
            conn.request("GET", "/healthz")
            answer = conn.getresponse()
            assert answer.status == 200 and answer.read()
            time.sleep(0.3)
        assert conn.sock is not None  # the same connection served all three
    finally:
        conn.close()


def _worker_pids(supervisor: int) -> list[int]:
    """Return the pids of the supervisor's worker processes (started by multiprocessing spawn)."""
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(supervisor)], capture_output=True, text=True)
    workers = []
    for pid in map(int, out.stdout.split()):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmdline:
            workers.append(pid)
    return sorted(workers)


def _post_check(base: str) -> int:
    body = json.dumps({"text": "截至月日，共排查隐患处。"}).encode()
    request = urllib.request.Request(
        f"{base}/api/check", data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    for _ in range(3):  # a request in flight on the killed worker may be lost: retry it
        try:
            with urllib.request.urlopen(request, timeout=20) as r:
                return r.status
        except OSError:
            time.sleep(0.2)
    return 0


def test_killing_a_worker_under_load_leaves_the_service_answering() -> None:
    with live_process("--workers", "2") as (base, proc):
        workers = _worker_pids(proc.pid)
        assert len(workers) == 2, workers
        with ThreadPoolExecutor(8) as pool:
            before = list(pool.map(_post_check, [base] * 40))
            os.kill(workers[0], signal.SIGKILL)
            during = list(pool.map(_post_check, [base] * 80))
        assert before.count(200) == 40
        assert during.count(200) == 80
        for _ in range(100):  # the supervisor starts a replacement
            alive = _worker_pids(proc.pid)
            if len(alive) == 2 and workers[0] not in alive:
                break
            time.sleep(0.1)
        assert len(alive) == 2 and workers[0] not in alive


def test_a_request_over_the_concurrency_limit_gets_a_chinese_503() -> None:
    env = {"HUIBAO_LIMIT_CONCURRENCY": "1", "HUIBAO_BODY_TIMEOUT_S": "3"}
    with live_server(env=env) as base, _connect(base) as holder:
        holder.sendall(  # holds the one slot while its body does not arrive
            b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000\r\n\r\n{\"text\": \"abc"
        )
        time.sleep(0.5)
        url = urlsplit(base)
        conn = http.client.HTTPConnection(url.hostname or "", url.port, timeout=10)
        conn.request("GET", "/healthz", headers={"Accept": "application/json"})
        busy = conn.getresponse()
        body = json.loads(busy.read())
        assert busy.status == 503 and busy.getheader("Retry-After") == "1"
        assert body["status"] == 503 and "服务繁忙" in body["errors"][0]["message"]
        assert _read_all(holder).startswith(b"HTTP/1.1 408")  # the slot is free again
        conn = http.client.HTTPConnection(url.hostname or "", url.port, timeout=10)
        conn.request("GET", "/healthz")
        assert conn.getresponse().status == 200
