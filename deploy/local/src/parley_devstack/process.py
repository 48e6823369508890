"""Child processes that are waited for, and stopped, properly."""

import asyncio
import os
import random
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class StartupError(RuntimeError):
    pass


_GIVEN: set[int] = set()


def free_port() -> int:
    """A port to listen on, below the kernel's ephemeral range: a port from that range (what binding port 0 gives)
    can be taken, between now and the server's start, by any outgoing connection — a load generator's thousands
    of them made a service fail to start with "address already in use"."""
    low = _ephemeral_low()
    for _ in range(200):
        port = random.randrange(max(1024, low - 12_000), low)
        if port in _GIVEN:  # handed out already, perhaps not listened on yet
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        _GIVEN.add(port)
        return port
    with socket.socket() as s:  # the range below is crowded: let the kernel pick
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ephemeral_low() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768  # Linux's default; macOS's range starts at 49152


def port_open(host: str, port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


_OFF = frozenset({"0", "false", "no"})


def batch_scheduling() -> bool:
    """Whether children run under Linux's SCHED_BATCH (PARLEY_SCHED_BATCH, default on; ADR 0014): a woken batch
    process waits for the running one's slice instead of preempting it. With a dozen processes passing each message
    along on two cores, the services were preempted about ten times per message each."""
    return hasattr(os, "SCHED_BATCH") and os.environ.get("PARLEY_SCHED_BATCH", "true").lower() not in _OFF


def _popen(argv: Sequence[str], **kwargs: Any) -> subprocess.Popen:
    """Popen, the child inheriting SCHED_BATCH from this thread for the moment of the fork (every thread it ever
    starts inherits it in turn; no preexec_fn, which is unsafe beside threads)."""
    if not batch_scheduling():
        return subprocess.Popen(list(argv), **kwargs)
    before = os.sched_getscheduler(0)
    os.sched_setscheduler(0, os.SCHED_BATCH, os.sched_param(0))
    try:
        return subprocess.Popen(list(argv), **kwargs)
    finally:
        os.sched_setscheduler(0, before, os.sched_param(0))


class Child:
    """A process in its own session (so a terminal's Ctrl-C reaches only the supervisor, which then
    stops children in order), logging to a file."""

    def __init__(
        self, name: str, argv: Sequence[str], log_path: Path, env: dict[str, str] | None = None, cwd: Path | None = None
    ) -> None:
        self.name = name
        self.log_path = log_path
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(log_path, "ab")
        self.proc = _popen(argv, stdout=self._log, stderr=subprocess.STDOUT, env=env, cwd=cwd, start_new_session=True)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def wait_until(self, ready: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise StartupError(
                    f"{self.name} exited with {self.proc.returncode} before {what}; log: {self.log_path}\n{self.tail()}"
                )
            try:
                if ready():
                    return
            except Exception:
                pass
            time.sleep(0.2)
        raise StartupError(f"{self.name}: no {what} after {timeout:.0f}s; log: {self.log_path}\n{self.tail()}")

    def tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self, timeout: float = 20.0) -> None:
        if self.alive():
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
            except ProcessLookupError:
                pass
        self._log.close()

    def kill(self) -> None:
        """SIGKILL, for fault tests."""
        if self.alive():
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)


def run_blocking(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion from sync code, even when the caller is itself inside an event loop
    (a benchmark or test that starts infrastructure): on a fresh loop in a worker thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
