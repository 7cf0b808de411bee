"""Time budgets for CPU-heavy work: off the event loop, with a deadline, cancelled on hang-up.

A web worker must keep answering its health check and other clients while one request renders,
checks or converts a large input. :func:`run` moves the work to a worker thread and waits at most
``HUIBAO_DEADLINE_S`` seconds (default 20). Python threads cannot be killed, so the work itself
calls :func:`checkpoint` between stages and inside long loops: once the deadline has passed or the
client has hung up, the next checkpoint raises :class:`~huibao.errors.DeadlineExceeded` and the
thread stops there. The caller answers 503 with a Chinese message.
"""

from __future__ import annotations

import contextvars
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

import anyio

from huibao import settings
from huibao.errors import DeadlineExceeded

T = TypeVar("T")

DEFAULT_DEADLINE_S = 20.0
_POLL_S = 0.25


@dataclass
class Budget:
    """A deadline (monotonic seconds) and a cancel flag shared with the worker thread."""

    deadline: float
    cancelled: bool = False
    reason: str = field(default="")

    def expired(self) -> bool:
        """Return True once the deadline has passed or the work was cancelled."""
        return self.cancelled or time.monotonic() > self.deadline


_current: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("huibao_budget", default=None)


def deadline_seconds() -> float:
    """Return the configured deadline in seconds (``HUIBAO_DEADLINE_S``; default 20, at least 0.1)."""
    return settings.number("HUIBAO_DEADLINE_S")


def checkpoint() -> None:
    """Raise DeadlineExceeded when the current work is past its budget; no-op outside a budget."""
    budget = _current.get()
    if budget is not None and budget.expired():
        raise DeadlineExceeded(
            "客户端已断开，处理已停止" if budget.cancelled else "处理超时，请缩短内容后重试"
        )


class Disconnectable(Protocol):
    async def is_disconnected(self) -> bool: ...


async def run(request: Disconnectable | None, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Return ``func(*args, **kwargs)`` computed in a worker thread within the deadline.

    ``request`` (optional) is polled for a client hang-up, which cancels the work. Raises
    DeadlineExceeded (503) when the deadline passes first.
    """
    budget = Budget(deadline=time.monotonic() + deadline_seconds())
    context = contextvars.copy_context()
    context.run(_current.set, budget)
    call = functools.partial(context.run, func, *args, **kwargs)
    outcome: list[Any] = []  # [value] or [exception, None]

    async def work() -> None:
        try:
            outcome.append(await anyio.to_thread.run_sync(call, abandon_on_cancel=True))
        except Exception as exc:  # re-raised below, outside the task group
            outcome.extend([exc, None])
        group.cancel_scope.cancel()

    async def watch() -> None:
        while request is not None:
            await anyio.sleep(_POLL_S)
            if await request.is_disconnected():
                budget.cancelled = True
                group.cancel_scope.cancel()
                return
        await anyio.sleep_forever()

    with anyio.move_on_after(deadline_seconds() + _POLL_S):
        async with anyio.create_task_group() as group:
            group.start_soon(work)
            group.start_soon(watch)
    if len(outcome) == 2:
        raise outcome[0]
    if outcome:
        return outcome[0]  # type: ignore[no-any-return]
    if budget.cancelled:
        raise DeadlineExceeded("客户端已断开，处理已停止")
    budget.cancelled = True  # the abandoned thread stops at its next checkpoint
    raise DeadlineExceeded("处理超时，请缩短内容后重试")
