"""The infrastructure chaos owns: Kafka, FerretDB and GreenMail as children it can stop and start again.

`parley_devstack.infrastructure()` hides its children's data directories and ports, and honours
`KAFKA_BOOTSTRAP_SERVERS` / `MONGODB_URL` overrides; a broker chaos did not start is one it cannot stop. So the
same building blocks (`start_kafka`, `start_ferretdb`, `start_mail`) are called here with ports fixed for the
whole run: a restarted server keeps its data directory and address, as a real outage would."""

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from parley_devstack.process import Child, free_port
from parley_devstack.servers import MailServer, start_ferretdb, start_kafka, start_mail
from parley_devstack.topics import ensure_topics_sync


@dataclass
class Infra:
    """Ports and data directories chosen once; `kafka` / `ferretdb` are None while they are stopped."""

    root: Path
    kafka_port: int = field(default_factory=free_port)
    controller_port: int = field(default_factory=free_port)
    mongodb_port: int = field(default_factory=free_port)
    kafka: Child | None = None
    ferretdb: Child | None = None
    mail_child: Child | None = None
    mail: MailServer | None = None

    @property
    def kafka_bootstrap(self) -> str:
        return f"127.0.0.1:{self.kafka_port}"

    @property
    def mongodb_url(self) -> str:
        return f"mongodb://127.0.0.1:{self.mongodb_port}/"

    def log_files(self) -> dict[str, Path]:
        """Where each server appends its output (the same file across restarts)."""
        return {
            "kafka": self.root / "kafka" / "kafka.log",
            "ferretdb": self.root / "ferretdb" / "ferretdb.log",
            "greenmail": self.root / "greenmail" / "greenmail.log",
        }

    def start_kafka(self) -> None:
        self.kafka, _ = start_kafka(self.root / "kafka", self.kafka_port, self.controller_port)

    def stop_kafka(self) -> None:
        if self.kafka is not None:
            self.kafka.stop()
            self.kafka = None

    def start_ferretdb(self) -> None:
        self.ferretdb, _ = start_ferretdb(self.root / "ferretdb", self.mongodb_port)

    def stop_ferretdb(self) -> None:
        if self.ferretdb is not None:
            self.ferretdb.stop()
            self.ferretdb = None

    def start_all(self) -> None:
        self.start_kafka()
        ensure_topics_sync(self.kafka_bootstrap)
        self.start_ferretdb()
        self.mail_child, self.mail = start_mail(self.root / "greenmail")

    def heal(self) -> list[str]:
        """Start again whatever is not running (a scenario that failed half-way); says what it restarted."""
        restarted = []
        if self.kafka is None or not self.kafka.alive():
            self.stop_kafka()
            self.start_kafka()
            restarted.append("kafka")
        if self.ferretdb is None or not self.ferretdb.alive():
            self.stop_ferretdb()
            self.start_ferretdb()
            restarted.append("ferretdb")
        return restarted

    def stop_all(self) -> None:
        if self.mail_child is not None:
            self.mail_child.stop()
            self.mail_child = None
        self.stop_ferretdb()
        self.stop_kafka()


def temporary_root() -> Path:
    return Path(tempfile.mkdtemp(prefix="parley-chaos-"))


def remove_root(root: Path) -> None:
    shutil.rmtree(root, ignore_errors=True)
