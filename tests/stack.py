"""The whole system as processes (five services + sandbox) on the session's infrastructure."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pymongo import MongoClient

from parley_devstack import Infrastructure
from parley_devstack.services import RunningStack, start_stack


def consumer_groups(run: str) -> dict[str, str]:
    """Stacks started by different test modules must not share consumer groups (they would split partitions)."""
    return {f"{svc}_CONSUMER_GROUP": f"parley-{svc.lower()}-{run}" for svc in ("ROUTER", "NLP", "OUTBOUND")}


@contextmanager
def running_stack(infra: Infrastructure, log_dir: Path, **extra_env: str) -> Iterator[RunningStack]:
    run = uuid.uuid4().hex[:8]
    env = {
        "MONGODB_DATABASE": f"parley_test_{run}",
        **consumer_groups(run),
        "LOG_LEVEL": "INFO",
        "SEND_BACKOFF_BASE_SECONDS": "0.05",
        "CONSUMER_RETRY_BASE_SECONDS": "0.05",
        **extra_env,
    }
    stack = start_stack(infra.kafka_bootstrap, infra.mongodb_url, log_dir, extra_env=env)
    try:
        yield stack
    finally:
        stack.stop_all()
        drop_database(infra.mongodb_url, env["MONGODB_DATABASE"])


def drop_database(mongodb_url: str, name: str) -> None:
    """Tests clean up their own data (Kafka records stay: every test matches only its own unique ids)."""
    with MongoClient(mongodb_url, serverSelectionTimeoutMS=5000) as client:
        client.drop_database(name)
