"""The infrastructure as context managers. `KAFKA_BOOTSTRAP_SERVERS` / `MONGODB_URL` / `SMTP_HOST` (with
`SMTP_PORT`, `IMAP_HOST`, `IMAP_PORT`) override all provisioning: when set, they are used as they are and
nothing is started for them."""

import os
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from parley_devstack.process import Child
from parley_devstack.servers import MailServer, start_ferretdb, start_kafka, start_mail
from parley_devstack.topics import ensure_topics_sync


@dataclass
class Infrastructure:
    kafka_bootstrap: str
    mongodb_url: str
    kafka: Child | None = None
    mongodb: Child | None = None
    mail: MailServer | None = None  # always set by `infrastructure()`; optional only for older callers
    mail_child: Child | None = None
    # The local FerretDB's SQLite files (one database file per MongoDB database); None for another server.
    sqlite_dir: Path | None = None


@dataclass(frozen=True)
class Ports:
    kafka: int | None = None
    kafka_controller: int | None = None
    mongodb: int | None = None
    smtp: int | None = None
    imap: int | None = None


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
    with _local_mongodb(data_dir) as (url, _, _):
        yield url


@contextmanager
def local_mongodb_process(data_dir: Path | None = None) -> Iterator[tuple[str, int | None]]:
    """`local_mongodb` with the started FerretDB's process id (None with `MONGODB_URL`), to measure its CPU."""
    with _local_mongodb(data_dir) as (url, child, _):
        yield url, child.proc.pid if child else None


@contextmanager
def _local_mongodb(data_dir: Path | None, ports: Ports = Ports()) -> Iterator[tuple[str, Child | None, Path | None]]:
    if url := os.environ.get("MONGODB_URL"):
        yield url, None, None
        return
    with _data_dir(data_dir, "ferretdb") as where:
        child, url = start_ferretdb(where, ports.mongodb)
        try:
            yield url, child, where / "sqlite"
        finally:
            child.stop()


@contextmanager
def local_mail(data_dir: Path | None = None, ports: Ports = Ports()) -> Iterator[tuple[MailServer, Child | None]]:
    """An SMTP + IMAP server: the one named by `SMTP_HOST` etc. if set, else GreenMail started for the
    duration (any login; mail is kept in memory and lost when it stops, `data_dir` holds only its log)."""
    if os.environ.get("SMTP_HOST"):
        yield MailServer.from_environ(os.environ), None
        return
    with _data_dir(data_dir, "greenmail") as where:
        child, mail = start_mail(where, ports.smtp, ports.imap)
        try:
            yield mail, child
        finally:
            child.stop()


@contextmanager
def infrastructure(data_dir: Path | None = None, ports: Ports = Ports()) -> Iterator[Infrastructure]:
    """Kafka, a MongoDB-protocol server and a mail server; `data_dir` keeps their data and logs (a temporary
    one otherwise)."""
    with ExitStack() as stack:
        bootstrap, kafka = stack.enter_context(local_kafka(data_dir / "kafka" if data_dir else None, ports))
        url, mongo, sqlite_dir = stack.enter_context(_local_mongodb(data_dir / "ferretdb" if data_dir else None, ports))
        mail, mail_child = stack.enter_context(local_mail(data_dir / "greenmail" if data_dir else None, ports))
        yield Infrastructure(bootstrap, url, kafka, mongo, mail, mail_child, sqlite_dir)


@contextmanager
def _data_dir(given: Path | None, name: str) -> Iterator[Path]:
    if given is not None:
        yield given
        return
    with tempfile.TemporaryDirectory(prefix=f"parley-{name}-") as tmp:
        yield Path(tmp)
