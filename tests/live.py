"""A live ``python -m huibao serve`` on 127.0.0.1, shared by the server and browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(
    *args: str, env: dict[str, str] | None = None, command: list[str] | None = None, cwd: Path = ROOT
) -> Iterator[str]:
    """Start ``huibao serve`` on a free port, yield its base URL once /healthz answers, stop it."""
    with live_process(*args, env=env, command=command, cwd=cwd) as (base, _):
        yield base


@contextmanager
def live_process(
    *args: str, env: dict[str, str] | None = None, command: list[str] | None = None, cwd: Path = ROOT
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Start ``huibao serve`` on a free port; yield (base URL, process) once /healthz answers.

    ``args`` are extra ``serve`` options, ``env`` extra environment variables, ``command`` the
    program to run instead of ``python -m huibao`` (e.g. an installed ``huibao`` script).
    """
    port = free_port()
    program = command or [sys.executable, "-m", "huibao"]
    proc = subprocess.Popen(
        [*program, "serve", "--port", str(port), *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if proc.poll() is not None:
                err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
                pytest.fail(f"huibao serve exited early: {err[-2000:]}")
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("huibao serve did not answer /healthz")
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
