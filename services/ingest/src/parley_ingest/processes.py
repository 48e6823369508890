"""Several ingest processes on one port (`INGEST_PROCESSES`), for machines with cores to spare: one Python process
spends about 0.8–0.9 ms of CPU per signed webhook (`make bench`, docs/adr/0011), so it nears its core's limit at
1,000 a second. The first process binds the socket and starts helpers that accept on the same socket; the kernel
hands each connection to whichever process accepts first. (`make bench` runs two on its two cores: one process
acknowledged 1,000/s for 10 seconds but not for 40, two did. The default is one.)

The first process is the only one that reads mailboxes (one reader per mailbox); helpers only serve HTTP. The
processes live and die together: a helper that exits stops the first process, which exits 1 (its supervisor —
make run, docker-compose, Kubernetes — starts them all again); SIGTERM drains the first process, then its helpers;
and a helper outlives a killed first process by no more than a signal (PR_SET_PDEATHSIG). Each process keeps its
own rate limiter and duplicate memory (docs/architecture.md)."""

import ctypes
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping

import structlog

from parley_runtime.worker import Server, run, server

log = structlog.get_logger()

LISTEN_FD = "INGEST_LISTEN_FD"  # set for helpers only: the inherited listening socket
PARENT_PID = "INGEST_PARENT_PID"
_PR_SET_PDEATHSIG = 1


def inherited_socket() -> socket.socket | None:
    """The listening socket a helper was started with (None in the first process); a helper also arranges here to
    be stopped when the first process dies."""
    fd = os.environ.get(LISTEN_FD)
    if fd is None:
        return None
    _die_with_parent()
    return socket.socket(fileno=int(fd))  # family and type read from the descriptor


def listening_socket(host: str, port: int) -> socket.socket:
    sock = socket.create_server((host, port), backlog=2048)
    sock.set_inheritable(True)
    return sock


class Helpers:
    """The helper processes of one first process, started on its socket and stopped with it."""

    def __init__(self, sock: socket.socket, count: int, stop_first: Callable[[], None]) -> None:
        self._sock = sock
        self._count = count
        self._stopping = threading.Event()
        self._stop_first = stop_first
        self.children: list[subprocess.Popen[bytes]] = []
        self.failed = False  # a helper exited on its own

    def start(self) -> None:
        fd = self._sock.fileno()
        env = helper_env(os.environ, fd, os.getpid())
        for _ in range(self._count):
            child = subprocess.Popen([sys.executable, "-m", "parley_ingest.main"], env=env, pass_fds=(fd,))
            self.children.append(child)
            threading.Thread(target=self._watch, args=(child,), daemon=True).start()
        log.info("ingest.helpers_started", helpers=self._count, pids=[c.pid for c in self.children])

    def _watch(self, child: subprocess.Popen[bytes]) -> None:
        code = child.wait()
        if not self._stopping.is_set():
            log.error("ingest.helper_exited", pid=child.pid, code=code)
            self.failed = True
            self._stop_first()

    def stop(self, timeout: float = 20.0) -> None:
        """SIGTERM: each helper drains its requests in flight, as the first process does."""
        self._stopping.set()
        for child in self.children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in self.children:
            try:
                child.wait(timeout)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait(5)


def serve_with_helpers(app: object, host: str, port: int, helpers: int) -> None:
    """Serve `app` in this process and `helpers` more on one socket; stopped together. Exits 1 when a helper
    exited on its own (a failure for the supervisor, which starts them all again)."""
    sock = listening_socket(host, port)
    first: Server | None = None
    team = Helpers(sock, helpers, stop_first=lambda: setattr(first, "should_exit", True))
    first = server(app, host, port, after_shutdown=team.stop)  # drained first, then the helpers
    team.start()
    try:
        run(first, sock)
    finally:
        team.stop()
    if team.failed:
        sys.exit(1)


def helper_env(environ: Mapping[str, str], fd: int, parent_pid: int) -> dict[str, str]:
    """A helper's settings: the first process's, serving on the inherited socket, reading no mailbox."""
    return {
        **environ,
        LISTEN_FD: str(fd),
        PARENT_PID: str(parent_pid),
        "EMAIL_READERS_ENABLED": "false",
        "INGEST_PROCESSES": "1",
    }


def _die_with_parent() -> None:
    """Linux: SIGTERM this helper when the first process dies, even by SIGKILL (elsewhere: a no-op)."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.environ.get(PARENT_PID) != str(os.getppid()):  # the parent died before prctl took effect
        os.kill(os.getpid(), signal.SIGTERM)
