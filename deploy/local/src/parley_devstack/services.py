"""Parley's own processes (the five services and the channel sandbox), started and health-checked."""

import os
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.fernet import Fernet

from parley_devstack.paths import RUN_DATA
from parley_devstack.process import Child, StartupError, free_port
from parley_devstack.servers import MailServer


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    module: str
    port_env: str


# Start order: consumers and the sandbox before ingest, so the first webhook finds everything ready.
SERVICES = (
    ServiceSpec("sandbox", "parley_sandbox.main", "SANDBOX_PORT"),
    ServiceSpec("router", "parley_router.main", "ROUTER_PORT"),
    ServiceSpec("nlp", "parley_nlp.main", "NLP_PORT"),
    ServiceSpec("outbound", "parley_outbound.main", "OUTBOUND_PORT"),
    ServiceSpec("dashboard-api", "parley_dashboard.main", "DASHBOARD_PORT"),
    ServiceSpec("ingest", "parley_ingest.main", "INGEST_PORT"),
)

DEFAULT_PORTS = {"sandbox": 8090, "router": 8083, "nlp": 8082, "outbound": 8084, "dashboard-api": 8080, "ingest": 8081}


@dataclass
class RunningStack:
    ports: dict[str, int]
    env: dict[str, str]
    log_dir: Path
    children: dict[str, Child] = field(default_factory=dict)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    def start(self, name: str) -> Child:
        spec = next(s for s in SERVICES if s.name == name)
        child = Child(name, [sys.executable, "-m", spec.module], self.log_dir / f"{name}.log", env=self.env)
        self.children[name] = child
        child.wait_until(lambda: _healthy(self.url(name) + "/healthz"), 60, "health answer")
        return child

    def stop(self, name: str) -> None:
        if child := self.children.pop(name, None):
            child.stop()

    def stop_all(self) -> None:
        for name in reversed(list(self.children)):
            self.stop(name)

    def seed_demo(self, knowledge_base: Path | None = None, flows: tuple[Path, ...] = ()) -> str:
        """The local demo's operator accounts (`parley-admin seed-demo`, idempotent): local stacks only. With
        `knowledge_base` and `flows` (`make run`), that PDF and those question flows for the demo unit when it has
        none of them; tests leave it empty."""
        extra = ["--knowledge-base", str(knowledge_base)] if knowledge_base else []
        for flow in flows:
            extra += ["--flow", str(flow)]
        done = subprocess.run(
            [sys.executable, "-m", "parley_dashboard.cli", "seed-demo", *extra],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if done.returncode != 0:
            raise StartupError(f"seeding the demo accounts failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout.strip()


def stack_env(
    kafka_bootstrap: str,
    mongodb_url: str,
    ports: dict[str, int],
    extra: dict[str, str] | None = None,
    mail: MailServer | None = None,
) -> dict[str, str]:
    """The services' environment: ours on top of the caller's, `extra` last. Without `mail` the SMTP/IMAP
    variables are whatever the caller's environment says (callers predating the mail server)."""
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap, "MONGODB_URL": mongodb_url}
    if mail:
        env.update(mail.env())
    env.update({spec.port_env: str(ports[spec.name]) for spec in SERVICES})
    env["SANDBOX_INGEST_URL"] = f"http://127.0.0.1:{ports['ingest']}"
    env.setdefault("WHATSAPP_API_BASE_URL", f"http://127.0.0.1:{ports['sandbox']}/graph")
    env.setdefault("TELEGRAM_API_BASE_URL", f"http://127.0.0.1:{ports['sandbox']}/telegram")
    env.setdefault("META_GRAPH_BASE_URL", f"http://127.0.0.1:{ports['sandbox']}/graph")  # Messenger
    env.setdefault("INSTAGRAM_GRAPH_BASE_URL", f"http://127.0.0.1:{ports['sandbox']}/graph")
    env.setdefault("MERCADOLIBRE_API_BASE_URL", f"http://127.0.0.1:{ports['sandbox']}/mercadolibre")
    env.setdefault("SANDBOX_STATUS_WEBHOOKS", "true")  # delivery statuses flow back like Meta's
    env.setdefault("CHANNEL_SECRETS_KEY", local_secrets_key())
    # The sandbox's made-up ids must not repeat those a kept store has seen in earlier runs (a second, ten per second).
    env.setdefault("SANDBOX_ID_BASE", str(int(time.time() * 10) % 10**9))
    if extra:
        env.update(extra)
    return env


def local_secrets_key() -> str:
    """The key local stacks encrypt channel secrets with: made once, kept in .local/data (ignored by git) so
    accounts connected in one `make run` open in the next."""
    path = RUN_DATA / "channel-secrets.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(Fernet.generate_key().decode())
        path.chmod(0o600)
    return path.read_text().strip()


def start_stack(
    kafka_bootstrap: str,
    mongodb_url: str,
    log_dir: Path,
    *,
    fixed_ports: bool = False,
    extra_env: dict[str, str] | None = None,
    mail: MailServer | None = None,
) -> RunningStack:
    ports = dict(DEFAULT_PORTS) if fixed_ports else {s.name: free_port() for s in SERVICES}
    stack = RunningStack(ports, stack_env(kafka_bootstrap, mongodb_url, ports, extra_env, mail), log_dir)
    try:
        for spec in SERVICES:
            stack.start(spec.name)
    except BaseException:
        stack.stop_all()
        raise
    return stack


def _healthy(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=2) as response:
        return 200 <= response.status < 300
