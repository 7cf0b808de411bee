"""``huibao serve``: uvicorn with read timeouts, worker recycling and the start-up checks.

Settings (environment):

- ``HUIBAO_HEADER_TIMEOUT_S`` (10): a connection that has not sent a complete request head within
  this time (new or kept alive) is closed, so idle or slow-loris connections cannot pile up;
- ``HUIBAO_BODY_TIMEOUT_S`` (30): longest wait for the next chunk of a request body (408 after it;
  enforced by :class:`huibao.app.BodyLimit`);
- ``HUIBAO_MAX_REQUESTS`` (5000): with ``--workers`` > 1, a worker is replaced after about this many
  requests (±10 %), returning its memory to the system;
- ``HUIBAO_MAX_WORKER_MB`` (1024): with ``--workers`` > 1, a worker whose resident memory passes this
  finishes its requests and is replaced (see :class:`huibao.app.MemoryGuard`);
- ``HUIBAO_LIMIT_CONCURRENCY`` (200): connections served at once per worker; more get 503.

The supervisor restarts a worker that dies (even from kill -9); the others keep answering.
"""

from __future__ import annotations

import asyncio
import os

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from huibao import settings


class TimedHttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol that closes a connection slow to send its request head."""

    _head_timer: asyncio.TimerHandle | None = None

    def _arm_head_timer(self) -> None:
        self._disarm_head_timer()
        timeout = settings.number("HUIBAO_HEADER_TIMEOUT_S")
        self._head_timer = self.loop.call_later(timeout, self._head_timeout)

    def _disarm_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timeout(self) -> None:
        self._head_timer = None
        if self.cycle is None or self.cycle.response_complete:
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head_timer()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm_head_timer()

    def on_headers_complete(self) -> None:
        self._disarm_head_timer()
        super().on_headers_complete()


def serve(host: str, port: int, workers: int) -> None:
    """Run the server until interrupted; raises ConfigError first when a resource is missing."""
    import uvicorn

    from huibao import startup

    startup.check()
    max_requests = settings.integer("HUIBAO_MAX_REQUESTS")
    if workers > 1:
        os.environ["HUIBAO_RECYCLE_WORKERS"] = "1"  # read by huibao.app.MemoryGuard in each worker
    uvicorn.run(
        "huibao.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        http="huibao.server:TimedHttpProtocol",
        log_level="info",
        timeout_keep_alive=5,
        timeout_graceful_shutdown=30,
        # huibao.middleware.ConcurrencyLimit answers requests over the limit in Chinese; uvicorn's
        # own limit (plain English) only stops a flood of open connections well beyond it
        limit_concurrency=2 * settings.integer("HUIBAO_LIMIT_CONCURRENCY") + 50,
        limit_max_requests=max_requests if workers > 1 else None,
        limit_max_requests_jitter=max_requests // 10 if workers > 1 else 0,
    )
