"""Session-wide infrastructure for integration and end-to-end tests: started once, shared, stopped at the end.

Which infrastructure: `KAFKA_BOOTSTRAP_SERVERS` / `MONGODB_URL` if set; else testcontainers (apache/kafka,
mongo) when `PARLEY_TEST_INFRA=docker`, or `auto` and a Docker engine answers; else the project's own
Kafka and FerretDB on loopback (DESIGN.md §5)."""

import os
import shutil
import subprocess
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager

import httpx
import pytest

from parley_devstack import Infrastructure, infrastructure


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

    with KafkaContainer("apache/kafka:4.1.1").with_kraft() as kafka, MongoDbContainer("mongo:7") as mongo:
        bootstrap = kafka.get_bootstrap_server()
        ensure_topics_sync(bootstrap)
        yield Infrastructure(bootstrap, mongo.get_connection_url())


@pytest.fixture(scope="session")
def infra() -> Iterator[Infrastructure]:
    choice = os.environ.get("PARLEY_TEST_INFRA", "auto")
    explicit = os.environ.get("KAFKA_BOOTSTRAP_SERVERS") and os.environ.get("MONGODB_URL")
    use_docker = not explicit and (choice == "docker" or (choice == "auto" and _docker_engine_available()))
    with _testcontainers() if use_docker else infrastructure() as started:
        # Tests that only know the environment (and the services they start) find it there.
        os.environ["KAFKA_BOOTSTRAP_SERVERS"] = started.kafka_bootstrap
        os.environ["MONGODB_URL"] = started.mongodb_url
        yield started


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=15) as client:
        yield client
