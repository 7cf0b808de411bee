"""ASGI middleware of the app, one concept each: body limits and read timeouts, HEAD as GET,
one logged 500, security headers, worker recycling by memory, requests served at once.

Each is a tiny subclass of :class:`HttpMiddleware`, which passes everything but HTTP through.
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Callable
from pathlib import Path

import anyio
from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from huibao import settings
from huibao.errors import ErrorItem, HuibaoError, PayloadTooLarge, RequestTimeout
from huibao.uploads import UploadLimits

log = logging.getLogger("huibao")

#: Builds the one error response (JSON or a Chinese page) for a scope: see huibao.app.error_response.
ErrorFactory = Callable[[int, list[ErrorItem], Scope], Response]


class HttpMiddleware:
    """Base: HTTP requests go to :meth:`handle`, anything else (lifespan) straight through."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.handle(scope, receive, send)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


class CatchAll(HttpMiddleware):
    """Answer any unexpected fault with the one error shape and 500, logging it exactly once.

    (Starlette's own handler for ``Exception`` re-raises after answering, so the server logs
    every fault a second time; this middleware does not.)
    """

    def __init__(self, app: ASGIApp, errors: ErrorFactory) -> None:
        super().__init__(app)
        self.errors = errors

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except HuibaoError as exc:  # raised outside a route (e.g. while streaming a body)
            if not started:
                await self.errors(exc.status, exc.errors, scope)(scope, receive, send)
        except Exception:
            log.exception("unexpected error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                item = ErrorItem(None, "服务器内部错误，请联系管理员")
                await self.errors(500, [item], scope)(scope, receive, send)


def resident_mb() -> float:
    """Return this process's resident memory in MB (0.0 where /proc is unavailable)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


class MemoryGuard(HttpMiddleware):
    """Ask this worker to finish and be replaced once its memory passes ``HUIBAO_MAX_WORKER_MB``.

    Active only when ``HUIBAO_RECYCLE_WORKERS=1`` (set by ``huibao serve --workers N`` with N > 1,
    where uvicorn's supervisor starts a fresh worker); a single process never stops itself.
    """

    signalled = False

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)
        if self.signalled or settings.text("HUIBAO_RECYCLE_WORKERS") != "1":
            return
        if resident_mb() > settings.number("HUIBAO_MAX_WORKER_MB"):
            self.signalled = True
            log.warning("worker %d uses %.0f MB: finishing and being replaced", os.getpid(), resident_mb())
            os.kill(os.getpid(), signal.SIGTERM)


class SecurityHeaders(HttpMiddleware):
    """Add ``X-Content-Type-Options: nosniff`` to every response (pages add their CSP)."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).setdefault("X-Content-Type-Options", "nosniff")
            await send(message)

        await self.app(scope, receive, with_headers)


def max_body_bytes() -> int:
    """Return the largest request body any route accepts: the upload limit plus 1 MB of form."""
    return UploadLimits.from_env().max_bytes + 1024 * 1024


class BodyLimit(HttpMiddleware):
    """Refuse request bodies over :func:`max_body_bytes` with 413, declared or streamed, and
    bodies whose next part takes longer than ``HUIBAO_BODY_TIMEOUT_S`` with 408.

    Routes keep their own, smaller limits (JSON facts, uploads); this one caps what reaches
    any parser at all, the web form's multipart parser included.
    """

    def __init__(self, app: ASGIApp, errors: ErrorFactory) -> None:
        super().__init__(app)
        self.errors = errors

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = max_body_bytes()
        timeout = settings.number("HUIBAO_BODY_TIMEOUT_S")
        message = f"请求体过大，上限为 {limit // (1024 * 1024)} MB"
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await self.errors(413, [ErrorItem(None, message)], scope)(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            try:
                with anyio.fail_after(timeout):
                    msg = await receive()
            except TimeoutError:
                raise RequestTimeout(f"请求体发送过慢（{timeout:g} 秒内未收到后续数据）") from None
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > limit:
                    raise PayloadTooLarge(message)
            return msg

        await self.app(scope, limited, send)


class HeadAsGet(HttpMiddleware):
    """Answer HEAD as GET without the body: FastAPI routes declare GET only (RFC 9110 §9.3.2)."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def max_concurrent() -> int:
    """Return how many requests one worker serves at once (``HUIBAO_LIMIT_CONCURRENCY``, 200)."""
    return settings.integer("HUIBAO_LIMIT_CONCURRENCY")


class ConcurrencyLimit(HttpMiddleware):
    """Answer a request beyond :func:`max_concurrent` in flight with 503, ``Retry-After`` and
    the one error shape in Chinese (uvicorn's own limit, kept as a looser backstop for open
    connections, answers in English plain text)."""

    def __init__(self, app: ASGIApp, errors: ErrorFactory) -> None:
        super().__init__(app)
        self.errors = errors
        self.in_flight = 0

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.in_flight >= max_concurrent():
            busy = ErrorItem(None, "服务繁忙，同时处理的请求已达上限，请稍后重试")
            response = self.errors(503, [busy], scope)
            response.headers["Retry-After"] = "1"
            await response(scope, receive, send)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1
