"""Issue-10 attack figures against a live two-worker server, for before/after comparisons.

Starts ``PROGRAM serve --workers 2`` on a free 127.0.0.1 port (PROGRAM defaults to this
interpreter's ``-m huibao``; pass e.g. ``-- /tmp/before-venv/bin/python -m service`` with
``--cwd /tmp/before`` for an older tree), then:

1. sends each hostile request of tests/attack/payloads.py (plus the issue's own worst cases) one
   at a time with a client timeout, printing wall seconds, status, response bytes, the workers'
   peak-RSS growth (VmHWM of the supervisor's ``spawn_main`` children) and whether a worker died
   or was replaced;
2. runs ordinary .docx renders of samples/situation_report_small.json from 16 clients for 20 s
   while one attacker loops over the same requests, printing ordinary requests sent / succeeded /
   failed and workers lost.

Bounded: each request has a client timeout, the attack phase a total budget (the rest is skipped
and listed), a worker still busy long after its client gave up gets the server restarted, and a
worker whose resident memory passes ``--rss-cap-mb`` (or that leaves the machine short of memory)
is killed by the bench and reported as such.
Wall times depend on the machine's load (printed at the end); statuses, lost workers and memory
do not. To measure a commit rather than the shared working tree, run the server from a worktree's
service/ folder (``--cwd /tmp/after/service``): ``python -m huibao`` then imports that tree.
Usage: python bench/bench_attack.py [--cwd DIR] [--budget S] [-- PROGRAM ...]
"""

from __future__ import annotations

import argparse
import http.client
import io
import json
import os
import random
import re
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.attack.payloads import JSON, SMALL, Attack, _facts, _json, _multipart, attacks  # noqa: E402

ORDINARY = Attack("ordinary", "/api/reports?format=docx", json.dumps(SMALL).encode(), JSON)
WORKERS = 2


def padded_docx(paragraphs: int, padding: int) -> bytes:
    """Return a valid .docx whose body is ``paragraphs`` empty paragraphs, plus ``padding`` random
    bytes stored in a media part so the package's compression ratio looks ordinary."""
    buf = io.BytesIO()
    docx.Document().save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                head, _, tail = data.partition(b"<w:body>")
                data = head + b"<w:body>" + b"<w:p/>" * paragraphs + tail.split(b"<w:sectPr", 1)[0]
                data += b"</w:body></w:document>"
            dst.writestr(info.filename, data)
        dst.writestr("word/media/padding.bin", random.Random(10).randbytes(padding), zipfile.ZIP_STORED)
    return out.getvalue()


def issue_cases() -> list[Attack]:
    """Return the issue's own worst cases that payloads.py does not hold byte for byte."""
    line = ("加强内存管理，" * 1500)[:10_000]  # 内存 → 記憶體: the line changes length
    body, headers = _multipart({}, "paragraphs.docx", padded_docx(8_000_000, 600_000))
    return [
        _json("issue: report measure a+20,000 spaces+b", "/api/reports?format=txt",
              _facts(measures=[{"text": "a" + " " * 20_000 + "b"}])),
        _json("issue: convert regional vocab 10,000 chars/line", "/api/convert",
              {"text": line, "to": "zh-Hant-TW", "regional_vocabulary": True}),
        Attack("issue: check .docx, 8 M empty paragraphs", "/api/check", body, headers),
    ]


@dataclass
class Outcome:
    """One request's result; ``status`` is the HTTP status or an error word (timeout, reset)."""

    status: str
    seconds: float
    size: int


def send(base: str, attack: Attack, timeout: float) -> Outcome:
    """Return the outcome of one request, reading the answer in chunks (never held whole)."""
    port = int(base.rsplit(":", 1)[1])
    start = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    size, status = 0, "?"
    try:
        conn.request(attack.method, attack.path, body=attack.body, headers=attack.headers)
        response = conn.getresponse()
        status = str(response.status)
        while chunk := response.read(1 << 16):
            size += len(chunk)
            if time.monotonic() - start > timeout:
                status += "+timeout"
                break
    except TimeoutError:
        status = "timeout"
    except (ConnectionError, http.client.HTTPException, OSError) as exc:
        status = type(exc).__name__
    finally:
        conn.close()
    return Outcome(status, time.monotonic() - start, size)


def proc_field(pid: int, name: str) -> int:
    """Return a kB field of /proc/PID/status; 0 when the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_ticks(pid: int) -> int:
    """Return user+system clock ticks of PID; 0 when gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0


@dataclass
class Monitor:
    """Polls the supervisor's workers every 0.2 s: peak memory, first sighting, safety kills."""

    supervisor: int
    rss_cap_kb: int
    hwm: dict[int, int] = field(default_factory=dict)
    seen: dict[int, float] = field(default_factory=dict)
    bench_killed: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)

    def workers(self) -> list[int]:
        """Return the live worker pids (children whose cmdline has spawn_main)."""
        try:
            children = Path(f"/proc/{self.supervisor}/task/{self.supervisor}/children").read_text()
        except OSError:
            return []
        out = []
        for pid in map(int, children.split()):
            try:
                if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    out.append(pid)
            except OSError:
                continue
        return out

    def poll(self) -> None:
        available = proc_meminfo("MemAvailable")
        for pid in self.workers():
            hwm, rss = proc_field(pid, "VmHWM"), proc_field(pid, "VmRSS")
            with self.lock:
                self.seen.setdefault(pid, time.monotonic())
                if hwm:
                    self.hwm[pid] = hwm
            if rss > self.rss_cap_kb or (available and available < 3 << 20 and rss > 1 << 20):
                os.kill(pid, signal.SIGKILL)
                with self.lock:
                    self.bench_killed.append(pid)

    def run(self) -> None:
        while not self.stop.wait(0.2):
            self.poll()

    def snapshot(self) -> tuple[set[int], dict[int, int]]:
        """Return (every pid seen so far, last VmHWM in kB per pid)."""
        with self.lock:
            return set(self.seen), dict(self.hwm)


def proc_meminfo(name: str) -> int:
    """Return a kB field of /proc/meminfo (0 when unreadable)."""
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1])
    return 0


class Server:
    """The server under test, restartable; its stderr goes to a log file parsed for worker exits."""

    def __init__(self, program: list[str], cwd: Path, rss_cap_mb: int) -> None:
        self.program, self.cwd, self.rss_cap_kb = program, cwd, rss_cap_mb * 1024
        self.log = Path(tempfile.mkdtemp(prefix="bench-attack-")) / "server.log"
        self.restarts = 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.monitor: Monitor | None = None

    def start(self) -> str:
        """Start the server, wait for both workers and /healthz, warm them; return the base URL."""
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [*self.program, "serve", "--host", "127.0.0.1", "--port", str(port),
                 "--workers", str(WORKERS)],
                cwd=self.cwd, stdout=subprocess.DEVNULL, stderr=log,
            )
        self.base = f"http://127.0.0.1:{port}"
        self.monitor = Monitor(self.proc.pid, self.rss_cap_kb)
        threading.Thread(target=self.monitor.run, daemon=True).start()
        if not self.wait_ready(120):
            raise SystemExit(f"server did not start; see {self.log}")
        for _ in range(4):  # templates, OpenCC, layout loaded in both workers before measuring
            send(self.base, ORDINARY, 60)
            send(self.base, Attack("warm", "/api/convert", b'{"text": "a", "to": "zh-Hant"}', JSON), 60)
        return self.base

    def stop(self) -> None:
        if self.monitor:
            self.monitor.stop.set()
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def restart(self) -> None:
        self.stop()
        self.restarts += 1
        self.start()

    def wait_ready(self, seconds: float) -> bool:
        """Return True once two workers run and /healthz answers 200 (False after ``seconds``)."""
        assert self.proc and self.monitor
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self.proc.poll() is None:
            if len(self.monitor.workers()) == WORKERS:
                try:
                    with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as r:
                        if r.status == 200:
                            return True
                except OSError:
                    pass
            time.sleep(0.2)
        return False

    def wait_idle(self, seconds: float) -> bool:
        """Return True once the workers use under 10 % of a core for a second (False after)."""
        assert self.monitor
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            pids = self.monitor.workers()
            before = sum(cpu_ticks(p) for p in pids)
            time.sleep(1)
            if sum(cpu_ticks(p) for p in pids) - before < os.sysconf("SC_CLK_TCK") // 10:
                return True
        return False

    def log_text(self) -> str:
        return self.log.read_text("utf-8", "replace")


def exits(log: str) -> tuple[int, int]:
    """Return (workers that died, of which recycled on purpose: memory or request limits)."""
    died = len(re.findall(r"Child process \[\d+\] died", log))
    recycled = len(re.findall(r"being replaced|Maximum request limit", log))
    return died, recycled


@dataclass
class Row:
    name: str
    outcome: Outcome | None
    grown_mb: int = 0
    lost: int = 0
    note: str = ""


def attack_phase(server: Server, cases: list[Attack], timeout: float, budget: float,
                 max_streak: int) -> list[Row]:
    """Send each case alone; return one row per case (skipped ones without an outcome)."""
    assert server.monitor
    rows: list[Row] = []
    start, streak = time.monotonic(), 0
    for i, attack in enumerate(cases):
        if time.monotonic() - start > budget or streak >= max_streak:
            why = "time budget spent" if streak < max_streak else f"{streak} attacks in a row lost a worker"
            rows += [Row(a.name, None, note=f"skipped: {why}") for a in cases[i:]]
            break
        monitor = server.monitor
        seen0, hwm0 = monitor.snapshot()
        live0, log0, killed0 = set(monitor.workers()), len(server.log_text()), len(monitor.bench_killed)
        outcome = send(server.base, attack, timeout)
        time.sleep(0.5)  # let the supervisor notice a hung worker that answered nothing
        stuck = outcome.status == "timeout" and not server.wait_idle(30)
        if not stuck:
            server.wait_ready(60)
        seen1, hwm1 = monitor.snapshot()
        seen1 |= set(monitor.workers())
        grown = max((hwm1.get(p, 0) - hwm0.get(p, 0) for p in live0), default=0) // 1024
        died, recycled = exits(server.log_text()[log0:])
        bench = len(monitor.bench_killed) - killed0
        notes = []
        if recycled:
            notes.append(f"{recycled} recycled by memory/request limit")
        if bench:
            notes.append(f"{bench} killed by bench (RSS cap)")
        if stuck:
            notes.append("worker still busy 30 s after the client gave up: server restarted")
            server.restart()
        streak = streak + 1 if died - recycled > 0 else 0
        row = Row(attack.name, outcome, grown, max(len(seen1 - seen0), died), "; ".join(notes))
        rows.append(row)
        print(f"{attack.name[:48]:48} {outcome.seconds:7.2f}s {outcome.status:>9} {outcome.size:>10} B"
              f" {grown:>6} MB  lost {row.lost} {row.note}", flush=True)
    return rows


@dataclass
class Load:
    sent: int = 0
    ok: int = 0
    failed: int = 0
    latencies: list[float] = field(default_factory=list)
    failures: dict[str, int] = field(default_factory=dict)
    attacks: dict[str, int] = field(default_factory=dict)
    lost: int = 0
    recycled: int = 0


def load_phase(server: Server, cases: list[Attack], clients: int, seconds: float,
               timeout: float) -> Load:
    """Run ordinary clients for ``seconds`` while one attacker loops over ``cases``."""
    assert server.monitor
    load, lock = Load(), threading.Lock()
    seen0, log0 = server.monitor.snapshot()[0], len(server.log_text())
    end = time.monotonic() + seconds

    def client() -> None:
        while time.monotonic() < end:
            out = send(server.base, ORDINARY, timeout)
            with lock:
                load.sent += 1
                if out.status == "200" and out.size > 0:
                    load.ok += 1
                    load.latencies.append(out.seconds)
                else:
                    load.failed += 1
                    load.failures[out.status] = load.failures.get(out.status, 0) + 1

    def attacker() -> None:
        i = 0
        while time.monotonic() < end:
            out = send(server.base, cases[i % len(cases)], timeout)
            load.attacks[out.status] = load.attacks.get(out.status, 0) + 1
            i += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    threads.append(threading.Thread(target=attacker))
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 2 * timeout + 30)
    time.sleep(1)
    seen1 = server.monitor.snapshot()[0] | set(server.monitor.workers())
    died, load.recycled = exits(server.log_text()[log0:])
    load.lost = max(len(seen1 - seen0), died)
    return load


def percentile(values: list[float], q: float) -> float:
    """Return the q-quantile of ``values`` (0 when empty)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def summary(rows: list[Row], load: Load | None, restarts: int, label: str) -> None:
    print(f"\n== {label}: one request at a time ==")
    print(f"{'request':48} {'wall s':>8} {'status':>9} {'bytes':>11} {'peak+MB':>8} {'lost':>5}  note")
    for r in rows:
        o = r.outcome
        if o is None:
            print(f"{r.name[:48]:48} {'-':>8} {'-':>9} {'-':>11} {'-':>8} {'-':>5}  {r.note}")
        else:
            print(f"{r.name[:48]:48} {o.seconds:8.2f} {o.status:>9} {o.size:>11} {r.grown_mb:>8}"
                  f" {r.lost:>5}  {r.note}")
    done = [r.outcome for r in rows if r.outcome]
    bad = [o for o in done if not (o.status.isdigit() and int(o.status) < 500)]
    slowest = max((o.seconds for o in done), default=0)
    print(f"sent {len(done)} of {len(rows)}; 5xx or no answer {len(bad)}; "
          f"workers lost {sum(r.lost for r in rows)}; slowest {slowest:.1f} s; "
          f"largest peak growth {max((r.grown_mb for r in rows), default=0)} MB; server restarts {restarts}")
    if load:
        lat = load.latencies
        print(f"\n== {label}: ordinary .docx renders under attack ==")
        print(f"ordinary sent {load.sent}, succeeded {load.ok}, failed {load.failed} {load.failures or ''}")
        print(f"ordinary latency median {statistics.median(lat) if lat else 0:.2f} s, "
              f"p95 {percentile(lat, 0.95):.2f} s, max {percentile(lat, 1.0):.2f} s")
        print(f"attacker requests by status {load.attacks}; workers lost {load.lost} "
              f"(of which recycled on purpose {load.recycled})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cwd", type=Path, default=ROOT, help="folder the server runs in")
    parser.add_argument("--timeout", type=float, default=60, help="client timeout per request (s)")
    parser.add_argument("--budget", type=float, default=600, help="attack phase budget (s)")
    parser.add_argument("--max-streak", type=int, default=6, help="stop after N losing a worker in a row")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20, help="load phase length (s)")
    parser.add_argument("--rss-cap-mb", type=int, default=6144, help="bench kills a worker above this")
    parser.add_argument("--label", default="run")
    parser.add_argument("program", nargs="*", help="server program (default: this python -m huibao)")
    args = parser.parse_args()
    program = args.program or [sys.executable, "-m", "huibao"]
    cases = issue_cases() + attacks()
    server = Server(program, args.cwd, args.rss_cap_mb)
    print(f"{args.label}: {shlex.join(program)} serve --workers {WORKERS} (cwd {args.cwd}); log {server.log}",
          flush=True)
    load0 = os.getloadavg()[0]
    try:
        server.start()
        rows = attack_phase(server, cases, args.timeout, args.budget, args.max_streak)
        server.wait_idle(60)
        server.wait_ready(60)
        load = load_phase(server, attacks(), args.clients, args.seconds, args.timeout)
    finally:
        server.stop()
    summary(rows, load, server.restarts, args.label)
    print(f"machine load average {load0:.1f} at start, {os.getloadavg()[0]:.1f} at end "
          f"({os.cpu_count()} cores, shared)")


if __name__ == "__main__":
    main()
