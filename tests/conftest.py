"""Session-wide infrastructure for integration and end-to-end tests: started once, shared, stopped at the end.

Which infrastructure: `KAFKA_BOOTSTRAP_SERVERS` / `MONGODB_URL` if set; else testcontainers (apache/kafka,
mongo, greenmail/standalone) when `PARLEY_TEST_INFRA=docker`, or `auto` and a Docker engine answers; else
the project's own Kafka, FerretDB and GreenMail on loopback (README, "Infrastructure without Docker"). The mail server follows the same
rule on its own: `SMTP_HOST` (with `SMTP_PORT`, `IMAP_HOST`, `IMAP_PORT`) names an existing one."""

import os
import shutil
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

import httpx
import pytest

from parley_devstack import Infrastructure, MailServer, infrastructure


def _docker_engine_available() -> bool:
    if not shutil.which("docker"):
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@contextmanager
def _testcontainers() -> Iterator[Infrastructure]:
    from testcontainers.kafka import KafkaContainer
    from testcontainers.mongodb import MongoDbContainer

    from parley_devstack.topics import ensure_topics_sync

    with (
        KafkaContainer("apache/kafka:4.1.1").with_kraft() as kafka,
        MongoDbContainer("mongo:7") as mongo,
        _existing_mail() or _greenmail_container() as mail,
    ):
        bootstrap = kafka.get_bootstrap_server()
        ensure_topics_sync(bootstrap)
        yield Infrastructure(bootstrap, mongo.get_connection_url(), mail=mail)


def _existing_mail() -> AbstractContextManager[MailServer] | None:
    """`SMTP_HOST` etc. name a mail server to use as it is, as with `infrastructure()`."""
    return nullcontext(MailServer.from_environ(os.environ)) if os.environ.get("SMTP_HOST") else None


@contextmanager
def _greenmail_container() -> Iterator[MailServer]:
    """GreenMail's image, the version of the jar `make run` uses (deploy/mail/pom.xml): SMTP 3025, IMAP 3143, any
    login. The HTTP API that `greenmail.hostname` also starts stays inside the container."""
    from testcontainers.core.container import DockerContainer

    from parley_devstack.servers import mail_answers

    smtp_imap = "-Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=0.0.0.0"
    opts = f"{smtp_imap} -Dgreenmail.auth.disabled"
    image = DockerContainer("greenmail/standalone:2.1.3").with_env("GREENMAIL_OPTS", opts)
    with image.with_exposed_ports(3025, 3143) as container:
        host = container.get_container_host_ip()
        mail = MailServer(host, int(container.get_exposed_port(3025)), host, int(container.get_exposed_port(3143)))
        deadline = time.monotonic() + 60
        while not mail_answers(mail):
            if time.monotonic() > deadline:
                raise RuntimeError(f"greenmail container: no SMTP banner / IMAP greeting at {mail} after 60 s")
            time.sleep(0.5)
        yield mail


@pytest.fixture(scope="session")
def infra() -> Iterator[Infrastructure]:
    choice = os.environ.get("PARLEY_TEST_INFRA", "auto")
    explicit = os.environ.get("KAFKA_BOOTSTRAP_SERVERS") and os.environ.get("MONGODB_URL")
    use_docker = not explicit and (choice == "docker" or (choice == "auto" and _docker_engine_available()))
    with _testcontainers() if use_docker else infrastructure() as started:
        # Tests that only know the environment (and the services they start) find it there.
        os.environ["KAFKA_BOOTSTRAP_SERVERS"] = started.kafka_bootstrap
        os.environ["MONGODB_URL"] = started.mongodb_url
        if started.mail:
            os.environ.update(started.mail.env())  # SMTP_HOST, SMTP_PORT, IMAP_HOST, IMAP_PORT
        yield started


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=15) as client:
        yield client
