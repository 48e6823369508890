"""The infrastructure as context managers. `KAFKA_BOOTSTRAP_SERVERS` / `MONGODB_URL` override all
provisioning: when set, they are used as they are and nothing is started."""

import os
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from parley_devstack.process import Child
from parley_devstack.servers import start_ferretdb, start_kafka
from parley_devstack.topics import ensure_topics_sync


@dataclass
class Infrastructure:
    kafka_bootstrap: str
    mongodb_url: str
    kafka: Child | None = None
    mongodb: Child | None = None


@dataclass(frozen=True)
class Ports:
    kafka: int | None = None
    kafka_controller: int | None = None
    mongodb: int | None = None


@contextmanager
def local_kafka(data_dir: Path | None = None, ports: Ports = Ports()) -> Iterator[tuple[str, Child | None]]:
    if url := os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        ensure_topics_sync(url)
        yield url, None
        return
    with _data_dir(data_dir, "kafka") as where:
        child, bootstrap = start_kafka(where, ports.kafka, ports.kafka_controller)
        try:
            ensure_topics_sync(bootstrap)
            yield bootstrap, child
        finally:
            child.stop()


@contextmanager
def local_mongodb(data_dir: Path | None = None) -> Iterator[str]:
    """A MongoDB URL: `MONGODB_URL` if set, else a FerretDB started for the duration."""
    with _local_mongodb(data_dir) as (url, _):
        yield url


@contextmanager
def _local_mongodb(data_dir: Path | None, ports: Ports = Ports()) -> Iterator[tuple[str, Child | None]]:
    if url := os.environ.get("MONGODB_URL"):
        yield url, None
        return
    with _data_dir(data_dir, "ferretdb") as where:
        child, url = start_ferretdb(where, ports.mongodb)
        try:
            yield url, child
        finally:
            child.stop()


@contextmanager
def infrastructure(data_dir: Path | None = None, ports: Ports = Ports()) -> Iterator[Infrastructure]:
    """Kafka and a MongoDB-protocol server; `data_dir` keeps their data (a temporary one otherwise)."""
    with ExitStack() as stack:
        bootstrap, kafka = stack.enter_context(local_kafka(data_dir / "kafka" if data_dir else None, ports))
        url, mongo = stack.enter_context(_local_mongodb(data_dir / "ferretdb" if data_dir else None, ports))
        yield Infrastructure(bootstrap, url, kafka, mongo)


@contextmanager
def _data_dir(given: Path | None, name: str) -> Iterator[Path]:
    if given is not None:
        yield given
        return
    with tempfile.TemporaryDirectory(prefix=f"parley-{name}-") as tmp:
        yield Path(tmp)
