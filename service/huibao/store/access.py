"""Who may see what: with ``HUIBAO_AUTH=token`` every /api/ call needs an office's bearer token.

The gate resolves the token once per request and leaves the office id in the request scope;
handlers read it with :func:`scope_of` and see only that office (another office's id is 404).
With authentication off (the default) the scope is None: every office.
"""

from __future__ import annotations

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from huibao.errors import ErrorItem, HuibaoError
from huibao.store.db import get_store
from huibao.store.envelope import NOBODY, caller_scope
from huibao.store.tokens import auth_mode, office_of

STATE_KEY = "huibao_office"


class Forbidden(HuibaoError):
    status = 403


def scope_of(request: Request) -> int | None:
    """Return the office the caller's token belongs to; None when authentication is off."""
    office = request.scope.get(STATE_KEY)
    return office if isinstance(office, int) else None


def require_admin(request: Request) -> None:
    """Raise Forbidden when the caller acts with an office's token (offices are made by the CLI)."""
    if scope_of(request) is not None:
        raise Forbidden("令牌只能访问本机关的数据；新建机关请用命令 huibao office add")


def bearer(headers: list[tuple[bytes, bytes]]) -> str | None:
    """Return the bearer token of an ``Authorization`` header; None when there is none."""
    for name, value in headers:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").strip().partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                return token.strip()
    return None


def _lookup(secret: str) -> int | None:
    with get_store().read() as session:
        return office_of(session, secret)


class TokenGate:
    """Refuse /api/ calls without a valid token (401) when ``HUIBAO_AUTH=token``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or auth_mode() != "token":
            await self.app(scope, receive, send)
            return
        if not scope.get("path", "").startswith("/api/"):
            # A page's plain form post carries no token: facts naming an office find none.
            reset = caller_scope.set(NOBODY)
            try:
                await self.app(scope, receive, send)
            finally:
                caller_scope.reset(reset)
            return
        from huibao.app import error_response

        secret = bearer(scope.get("headers", []))
        office = await run_in_threadpool(_lookup, secret) if secret else None
        if office is None:
            message = "缺少 API 令牌" if secret is None else "API 令牌无效"
            item = ErrorItem("Authorization", f"{message}：请在请求头中加入 Authorization: Bearer <令牌>")
            response = error_response(401, [item], {"WWW-Authenticate": 'Bearer realm="huibao"'})
            await response(scope, receive, send)
            return
        scope[STATE_KEY] = office
        reset = caller_scope.set(office)  # facts naming an office see only this one
        try:
            await self.app(scope, receive, send)
        finally:
            caller_scope.reset(reset)
