"""Time budgets: work runs off the event loop, stops at its deadline, and answers 503."""

from __future__ import annotations

import threading
import time
from typing import Any

import anyio
import pytest
from fastapi.testclient import TestClient

from huibao import budget
from huibao.errors import DeadlineExceeded


def _spin(stopped: threading.Event) -> None:
    try:
        while True:
            budget.checkpoint()
            time.sleep(0.01)
    finally:
        stopped.set()


def test_the_result_of_work_within_its_budget_is_returned() -> None:
    assert anyio.run(budget.run, None, sum, [1, 2, 3]) == 6


def test_an_error_of_the_work_reaches_the_caller_unchanged() -> None:
    with pytest.raises(ZeroDivisionError):
        anyio.run(budget.run, None, lambda: 1 / 0)


def test_work_past_its_deadline_is_stopped_and_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUIBAO_DEADLINE_S", "0.2")
    stopped = threading.Event()
    with pytest.raises(DeadlineExceeded) as info:
        anyio.run(budget.run, None, _spin, stopped)
    assert info.value.status == 503 and "超时" in info.value.message
    assert stopped.wait(5), "the worker thread kept running after its deadline"


class _HungUp:
    """A request whose client has gone away."""

    async def is_disconnected(self) -> bool:
        return True


def test_a_client_that_hangs_up_cancels_its_work() -> None:
    stopped = threading.Event()
    with pytest.raises(DeadlineExceeded, match="断开"):
        anyio.run(budget.run, _HungUp(), _spin, stopped)
    assert stopped.wait(5)


def test_checkpoint_outside_a_budget_does_nothing() -> None:
    budget.checkpoint()


def test_event_loop_keeps_answering_while_work_runs() -> None:
    ticks: list[float] = []

    async def main() -> Any:
        async def tick() -> None:
            for _ in range(5):
                ticks.append(time.monotonic())
                await anyio.sleep(0.02)

        async with anyio.create_task_group() as group:
            group.start_soon(tick)
            await budget.run(None, time.sleep, 0.3)

    anyio.run(main)
    assert len(ticks) == 5  # all ticks happened while the blocking work ran in its thread


def test_a_batch_past_the_deadline_answers_503_in_chinese(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, minimal: dict[str, Any]
) -> None:
    monkeypatch.setenv("HUIBAO_DEADLINE_S", "0.1")
    answer = client.post("/api/reports/batch?format=docx", json={"reports": [minimal] * 200})
    assert answer.status_code == 503
    assert answer.headers["retry-after"] == "5"
    assert answer.json()["errors"][0]["message"] == "处理超时，请缩短内容后重试"
