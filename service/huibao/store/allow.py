"""A 405 answer names every method of its path, not only those of the first route that matched.

Starlette answers 405 with the ``Allow`` of the first route whose path matches; a path served by
several routes (GET and POST of /api/offices) would claim to allow GET only.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class AllowHeader:
    """Rewrite ``Allow`` on 405 answers to every method the routes of that path accept."""

    def __init__(self, app: ASGIApp, routes: list[Route]) -> None:
        self.app = app
        self.routes = routes

    def allowed(self, path: str) -> list[str]:
        """Return the methods of every route matching ``path``, sorted; empty when none match."""
        methods: set[str] = set()
        for route in self.routes:
            if route.methods and route.path_regex.match(path):
                methods |= route.methods
        return sorted(methods)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def fixed(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                methods = self.allowed(scope.get("path", ""))
                if methods:
                    MutableHeaders(scope=message)["allow"] = ", ".join(methods)
            await send(message)

        await self.app(scope, receive, fixed)
