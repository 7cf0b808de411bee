"""A throwaway PostgreSQL cluster for the storage tests: initdb + pg_ctl in a temp folder, free port.

As root the cluster runs as the ``postgres`` user (``su postgres -c``); as anyone else, as that user.
Without PostgreSQL's binaries the tests that need it are skipped with the reason, except as root
with apt (where scripts/setup installs it, as on CI) or with ``CI`` set, where that is a failure.
"""

from __future__ import annotations

import glob
import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.live import free_port


def pg_bin(name: str) -> str | None:
    """Return the path of PostgreSQL program ``name``; None when not installed."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _run(argv: list[str], as_postgres: bool) -> None:
    command = argv if not as_postgres else ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(argv)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def unavailable(reason: str) -> None:
    """Skip because PostgreSQL cannot be started; fail where scripts/setup would have installed it
    (root with apt, as on CI) or when ``CI`` is set."""
    if os.environ.get("CI") or (os.geteuid() == 0 and shutil.which("apt-get")):
        pytest.fail(f"PostgreSQL is required here (root with apt, or CI): {reason}")
    pytest.skip(f"PostgreSQL tests skipped: {reason} (scripts/test installs it with apt as root)")


@contextmanager
def cluster() -> Iterator[str]:
    """Start a fresh cluster; yield a SQLAlchemy URL of its database ``huibao``; stop and remove it."""
    initdb, pg_ctl = pg_bin("initdb"), pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        unavailable("initdb/pg_ctl not found")
    assert initdb and pg_ctl
    as_postgres = os.geteuid() == 0
    if as_postgres and shutil.which("su") is None:
        unavailable("running as root without su")
    folder = Path(tempfile.mkdtemp(prefix="huibao-pg-"))
    data = folder / "data"
    if as_postgres:
        shutil.chown(folder, "postgres")
    port = free_port()
    try:
        _run([initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
              "--no-sync", "--locale=C"], as_postgres)
        options = f"-p {port} -k {folder} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        _run([pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"], as_postgres)
        try:
            createdb = pg_bin("createdb")
            assert createdb
            _run([createdb, "-h", str(folder), "-p", str(port), "-U", "postgres", "huibao"], as_postgres)
            yield f"postgresql+psycopg://postgres@/huibao?host={folder}&port={port}"
        finally:
            _run([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], as_postgres)
    except subprocess.CalledProcessError as exc:
        unavailable(f"{exc.cmd!r} failed: {exc.stderr.decode('utf-8', 'replace')[-500:]}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
